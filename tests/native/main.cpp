// The one main() of the native test suite: every tests/native/*.cpp links into
// build/native/doorstep_tests, and CTest runs each TEST_CASE on its own.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
