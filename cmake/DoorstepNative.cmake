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

# The command-line tool end to end: a sample export bundle with photos passes
# `doorstep validate` (files checked too), and the same bundle with one photo's
# bytes damaged is refused, naming the file and its case.
# The CLI reads the real clock for "today", so its tests pass the suite's date (tests/test-clock.json;
# DOORSTEP_TEST_NOW=YYYY-MM-DDTHH:MM moves it for one run, as `make test-dates` does).
file(READ "${DOORSTEP_ROOT}/tests/test-clock.json" DOORSTEP_TEST_CLOCK_JSON)
string(JSON DOORSTEP_TEST_NOW GET "${DOORSTEP_TEST_CLOCK_JSON}" now)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${DOORSTEP_ROOT}/tests/test-clock.json")
if(DOORSTEP_CLI_SOURCES)
  add_test(NAME "cli: validate checks an export bundle and its attached files"
    COMMAND sh -c [=[
      set -e
      now="${DOORSTEP_TEST_NOW:-$2}"
      "$0" demo --cases 80 --photos --on "${now%%T*}" -o "$1/cli-bundle.json" > /dev/null
      "$0" validate "$1/cli-bundle.json" | grep -q "attached files checked"
      sed 's/"base64": *"iVBOR/"base64": "iVBOx/' "$1/cli-bundle.json" > "$1/cli-bundle-damaged.json"
      if "$0" validate "$1/cli-bundle-damaged.json" > "$1/cli-bundle-damaged.txt"; then exit 1; fi
      grep -q "(case " "$1/cli-bundle-damaged.txt"
    ]=] "$<TARGET_FILE:doorstep>" "${CMAKE_BINARY_DIR}" "${DOORSTEP_TEST_NOW}")
  # 18.5: the CLI counts in UK local time whatever the machine's time zone. At
  # 23:30 UTC on 1 July 2026 it is 00:30 on 2 July in the UK (BST), whether the
  # machine runs on UTC or in New York (19:30 EDT); DOORSTEP_NOW pins the clock.
  find_program(DOORSTEP_FAKETIME faketime)
  if(DOORSTEP_FAKETIME)
    add_test(NAME "cli: 18.5: now and today are UK local time on a UTC or New York machine in summer"
      COMMAND sh -c [=[
        set -e
        unset DOORSTEP_NOW FAKETIME LD_PRELOAD DONT_FAKE_MONOTONIC FAKETIME_NO_CACHE
        test "$(TZ=UTC "$1" '2026-07-01 23:30:00' "$0" now)" = "2026-07-02T00:30 BST"
        test "$(TZ=America/New_York "$1" '2026-07-01 19:30:00' "$0" now)" = "2026-07-02T00:30 BST"
        test "$(TZ=UTC "$1" '2026-12-01 23:30:00' "$0" now)" = "2026-12-01T23:30 GMT"
      ]=] "$<TARGET_FILE:doorstep>" "${DOORSTEP_FAKETIME}" "${CMAKE_BINARY_DIR}")
  endif()
  add_test(NAME "cli: 18.5: DOORSTEP_NOW pins the clock and a malformed one is refused"
    COMMAND sh -c [=[
      set -e
      test "$(DOORSTEP_NOW=2026-03-29T00:30 "$0" now)" = "2026-03-29T00:30 GMT"
      if DOORSTEP_NOW=tomorrow "$0" now 2> "$1/cli-now.err"; then exit 1; fi
      grep -q "DOORSTEP_NOW must be a UK local date-time" "$1/cli-now.err"
    ]=] "$<TARGET_FILE:doorstep>" "${CMAKE_BINARY_DIR}")
endif()

# Benchmarks: each bench/native/*.cpp is its own program in build/native/bench/ (run by `make bench`), at -O2.
file(GLOB DOORSTEP_BENCH_SOURCES CONFIGURE_DEPENDS "${DOORSTEP_ROOT}/bench/native/*.cpp")
foreach(src IN LISTS DOORSTEP_BENCH_SOURCES)
  get_filename_component(name "${src}" NAME_WE)
  add_executable(bench_${name} "${src}")
  target_link_libraries(bench_${name} PRIVATE doorstep_storage doorstep_core)
  target_compile_definitions(bench_${name} PRIVATE DOORSTEP_SOURCE_DIR="${DOORSTEP_ROOT}")
  target_compile_options(bench_${name} PRIVATE -O2)
  set_target_properties(bench_${name} PROPERTIES OUTPUT_NAME "${name}" RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}/bench")
  doorstep_warnings(bench_${name})
endforeach()
