# Native build: the CLI and the doctest suite, registered with CTest.

# CLI: build/native/doorstep
file(GLOB DOORSTEP_CLI_SOURCES CONFIGURE_DEPENDS "${DOORSTEP_ROOT}/src/cli/*.cpp")
if(DOORSTEP_CLI_SOURCES)
  add_executable(doorstep ${DOORSTEP_CLI_SOURCES})
  target_link_libraries(doorstep PRIVATE doorstep_storage doorstep_core)
  set_target_properties(doorstep PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}")
  doorstep_warnings(doorstep)
else()
  # Keeps `make cli` meaningful before src/cli has sources.
  add_custom_target(doorstep COMMAND "${CMAKE_COMMAND}" -E echo "src/cli has no sources yet: no CLI to build")
endif()

# Unit tests: every tests/native/*.cpp in one executable; main() is in tests/native/main.cpp.
enable_testing()
find_package(doctest REQUIRED)
include(doctest)  # doctest_discover_tests: one CTest test per TEST_CASE
file(GLOB DOORSTEP_TEST_SOURCES CONFIGURE_DEPENDS "${DOORSTEP_ROOT}/tests/native/*.cpp")
add_executable(doorstep_tests ${DOORSTEP_TEST_SOURCES})
target_link_libraries(doorstep_tests PRIVATE doorstep_storage doorstep_core doctest::doctest)
# Tests that read fixtures find the repository (and ../shared beside it) from here.
target_compile_definitions(doorstep_tests PRIVATE DOORSTEP_SOURCE_DIR="${DOORSTEP_ROOT}")
set_target_properties(doorstep_tests PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}")
doorstep_warnings(doorstep_tests)
doctest_discover_tests(doorstep_tests WORKING_DIRECTORY "${DOORSTEP_ROOT}")
