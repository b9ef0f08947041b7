# Native build: the CLI and the doctest suite, registered with CTest.

# CLI: build/native/doorstep
file(GLOB DOORSTEP_CLI_SOURCES CONFIGURE_DEPENDS "${DOORSTEP_ROOT}/src/cli/*.cpp")
if(DOORSTEP_CLI_SOURCES)
  add_executable(doorstep ${DOORSTEP_CLI_SOURCES})
  target_link_libraries(doorstep PRIVATE doorstep_storage doorstep_core)
  # Sync's HTTP client (src/cli/cmd_sync_http.cpp): Debian's libcpp-httplib-dev, HTTPS through OpenSSL.
  find_package(PkgConfig REQUIRED)
  pkg_check_modules(DOORSTEP_HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
  target_link_libraries(doorstep PRIVATE PkgConfig::DOORSTEP_HTTPLIB)
  set_target_properties(doorstep PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${CMAKE_BINARY_DIR}")
  doorstep_warnings(doorstep)
else()
  # Keeps `make cli` meaningful before src/cli has sources.
  add_custom_target(doorstep COMMAND "${CMAKE_COMMAND}" -E echo "src/cli has no sources yet: no CLI to build")
endif()

# The screens as a library (src/ui with Dear ImGui's core, no renderer), so the
# test suite can draw every screen for a few frames and read the semantics tree
# (tests/native/ui). The browser build compiles the same sources (DoorstepWeb.cmake).
set(DOORSTEP_IMGUI_DIR "${DOORSTEP_ROOT}/.deps/imgui-1.90.1" CACHE PATH "Dear ImGui 1.90.1 sources (scripts/setup unpacks them)")
if(NOT EXISTS "${DOORSTEP_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${DOORSTEP_IMGUI_DIR}: run scripts/setup")
endif()
add_library(doorstep_imgui OBJECT
  "${DOORSTEP_IMGUI_DIR}/imgui.cpp"
  "${DOORSTEP_IMGUI_DIR}/imgui_draw.cpp"
  "${DOORSTEP_IMGUI_DIR}/imgui_tables.cpp"
  "${DOORSTEP_IMGUI_DIR}/imgui_widgets.cpp")
target_include_directories(doorstep_imgui SYSTEM PUBLIC "${DOORSTEP_IMGUI_DIR}")
target_include_directories(doorstep_imgui PUBLIC "${DOORSTEP_ROOT}/src")  # finds ui/imconfig_doorstep.h
target_compile_definitions(doorstep_imgui PUBLIC "IMGUI_USER_CONFIG=\"ui/imconfig_doorstep.h\"")
# One library: ImGui calls the item hooks src/ui/item_hooks.cpp defines.
doorstep_sources(DOORSTEP_UI_SOURCES ui "${DOORSTEP_ROOT}/src/ui/*.cpp")
add_library(doorstep_ui STATIC ${DOORSTEP_UI_SOURCES} $<TARGET_OBJECTS:doorstep_imgui>)
target_include_directories(doorstep_ui SYSTEM PUBLIC "${DOORSTEP_IMGUI_DIR}")
target_compile_definitions(doorstep_ui PUBLIC "IMGUI_USER_CONFIG=\"ui/imconfig_doorstep.h\"")
target_link_libraries(doorstep_ui PUBLIC doorstep_storage doorstep_core)
doorstep_warnings(doorstep_ui)

# Unit tests: every tests/native/*.cpp and tests/native/<folder>/*.cpp (the folders mirror src/core's
# domains, then storage and ui) in one executable; main() is in tests/native/main.cpp.
enable_testing()
find_package(doctest REQUIRED)
include(doctest)  # doctest_discover_tests: one CTest test per TEST_CASE
file(GLOB DOORSTEP_TEST_SOURCES CONFIGURE_DEPENDS "${DOORSTEP_ROOT}/tests/native/*.cpp" "${DOORSTEP_ROOT}/tests/native/*/*.cpp")
# CTest runs each TEST_CASE by name; a ';' would split the name (CMake lists) and the
# test would silently run nothing, so such names are refused here.
foreach(test_source IN LISTS DOORSTEP_TEST_SOURCES)
  file(STRINGS "${test_source}" bad_names REGEX "TEST_CASE\\(\"[^\"]*;")
  if(bad_names)
    message(FATAL_ERROR "${test_source}: a TEST_CASE name holds ';', which CTest cannot run: ${bad_names}")
  endif()
endforeach()
add_executable(doorstep_tests ${DOORSTEP_TEST_SOURCES})
target_link_libraries(doorstep_tests PRIVATE doorstep_ui doorstep_storage doorstep_core doctest::doctest)
target_include_directories(doorstep_tests PRIVATE "${DOORSTEP_ROOT}/tests/native")  # case_fixtures.h
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
  # Sync against a real server (docs/sync.md): pouchdb-server in memory on a free loopback port,
  # started and stopped by the script; the npm packages come from tests/browser (scripts/setup).
  find_program(DOORSTEP_NODE node)
  if(DOORSTEP_NODE)
    add_test(NAME "sync: CLI and PouchDB against pouchdb-server (conflicts, photos, interruptions, errors, 500 cases)"
      COMMAND "${DOORSTEP_NODE}" "${DOORSTEP_ROOT}/tests/sync/run.mjs" "$<TARGET_FILE:doorstep>")
    set_tests_properties("sync: CLI and PouchDB against pouchdb-server (conflicts, photos, interruptions, errors, 500 cases)"
      PROPERTIES TIMEOUT 300 ENVIRONMENT "DOORSTEP_TEST_NOW=${DOORSTEP_TEST_NOW}")
  endif()
  add_test(NAME "cli: 18.5: DOORSTEP_NOW pins the clock and a malformed one is refused"
    COMMAND sh -c [=[
      set -e
      test "$(DOORSTEP_NOW=2026-03-29T00:30 "$0" now)" = "2026-03-29T00:30 GMT"
      if DOORSTEP_NOW=tomorrow "$0" now 2> "$1/cli-now.err"; then exit 1; fi
      grep -q "DOORSTEP_NOW must be a UK local date-time" "$1/cli-now.err"
    ]=] "$<TARGET_FILE:doorstep>" "${CMAKE_BINARY_DIR}")
  # 18.8: a report for a period still running is judged as at today (the CLI's clock), never at the
  # period's future end; once the period is over, at its end.
  add_test(NAME "cli: 18.8: a report for this financial year is judged as at today while the year runs"
    COMMAND sh -c [=[
      set -e
      "$0" demo --cases 120 --on 2024-12-02 -o "$1/cli-running.json" > /dev/null
      DOORSTEP_NOW=2024-12-02T10:00 "$0" report "$1/cli-running.json" --year 2024 --homes 1000 --format json > "$1/cli-running-report.json"
      grep -q '"as_at": "2024-12-02"' "$1/cli-running-report.json"
      DOORSTEP_NOW=2024-12-02T10:00 "$0" report "$1/cli-running.json" --year 2024 --homes 1000 > "$1/cli-running-report.txt"
      if grep -q "by 31 Mar 2025" "$1/cli-running-report.txt"; then exit 1; fi
      DOORSTEP_NOW=2025-06-01T10:00 "$0" report "$1/cli-running.json" --year 2024 --homes 1000 --format json | grep -q '"as_at": "2025-03-31"'
    ]=] "$<TARGET_FILE:doorstep>" "${CMAKE_BINARY_DIR}")
  find_program(DOORSTEP_JQ jq)
  if(DOORSTEP_JQ)
    # 18.6: a Code breach in the history (an extension over the limit without a good reason, 6.4) is
    # kept and listed as a finding with its case and field (exit 3); impossible data stay errors (exit 1).
    add_test(NAME "cli: 18.6: validate lists Code breaches as findings (exit 3), apart from errors (exit 1)"
      COMMAND sh -c [=[
        set -e
        now="${DOORSTEP_TEST_NOW:-$3}"
        "$0" demo --cases 60 --on "${now%%T*}" -o "$2/cli-findings-demo.json" > /dev/null
        "$0" validate "$2/cli-findings-demo.json" > /dev/null
        "$1" '.learning = [] | .quality_checks = [] |
              .cases = [first(.cases[] | select(.kind == "complaint" and (.refusal | not) and .stages[0].responded))
                        | del(.linked_cases, .raised_from_case)
                        | .stages[0].extensions = [{"working_days": 15, "reason": "Survey", "decided_on": .stages[0].acknowledged}]]'           "$2/cli-findings-demo.json" > "$2/cli-findings.json"
        ref="$("$1" -r '.cases[0].reference' "$2/cli-findings.json")"
        status=0; "$0" validate "$2/cli-findings.json" > "$2/cli-findings.txt" || status=$?
        test "$status" = 3
        grep -q "valid doorstep/1 export" "$2/cli-findings.txt"
        grep -q "1 finding: Code breaches in the history" "$2/cli-findings.txt"
        grep -q "^finding: $ref: stages\[0\]\.extensions\[0\]\.good_reason: .*(6\.4)$" "$2/cli-findings.txt"
        "$1" '.cases[0].received = "2025-02-30"' "$2/cli-findings.json" > "$2/cli-findings-bad.json"
        status=0; "$0" validate "$2/cli-findings-bad.json" > "$2/cli-findings-bad.txt" || status=$?
        test "$status" = 1
        if grep -q "^finding:" "$2/cli-findings-bad.txt"; then exit 1; fi
        "$0" --help | grep -q "3 (validate)"
      ]=] "$<TARGET_FILE:doorstep>" "${DOORSTEP_JQ}" "${CMAKE_BINARY_DIR}" "${DOORSTEP_TEST_NOW}")
    # 18.11: two devices' exports each holding a DIFFERENT case with one older-style reference: merge keeps
    # both, renumbers one (the old reference kept as an alias) and writes a file validate accepts.
    add_test(NAME "cli: 18.11: merge keeps two different cases with one reference and writes a valid file"
      COMMAND sh -c [=[
        set -e
        now="${DOORSTEP_TEST_NOW:-$3}"
        "$0" demo --cases 40 --on "${now%%T*}" -o "$2/cli-merge-demo.json" > /dev/null
        pick='.learning = [] | .quality_checks = [] | .cases = [.cases[0] | del(.linked_cases, .raised_from_case)]'
        "$1" "$pick" "$2/cli-merge-demo.json" > "$2/cli-merge-a.json"
        "$1" "$pick"' | .cases[0].id = "0b4e28ba-2fa1-4d2e-883f-0016d3cca499" | .cases[0].resident.name = "Another Resident"'           "$2/cli-merge-demo.json" > "$2/cli-merge-b.json"
        "$0" merge "$2/cli-merge-a.json" "$2/cli-merge-b.json" -o "$2/cli-merged.json" > "$2/cli-merge.txt"
        grep -q "references: 1 case was given a new reference" "$2/cli-merge.txt"
        "$0" validate "$2/cli-merged.json" > /dev/null
        test "$("$1" '[.cases[].reference] | unique | length' "$2/cli-merged.json")" = 2
        test "$("$1" '[.cases[] | select(.reference_aliases)] | length' "$2/cli-merged.json")" = 1
        test "$("$1" -r '[.cases[] | select(.reference_aliases)][0].audit[-1].who' "$2/cli-merged.json")" = "doorstep merge"
      ]=] "$<TARGET_FILE:doorstep>" "${DOORSTEP_JQ}" "${CMAKE_BINARY_DIR}" "${DOORSTEP_TEST_NOW}")
    # 21.8: a store's closed cases past the retention period are listed; a complaints manager erases
    # one with a reason (anyone else is refused); an older export does not bring it back.
    add_test(NAME "cli: 21.8: store-retention lists closed cases past retention and store-erase erases one for good"
      COMMAND sh -c [=[
        set -e
        export DOORSTEP_NOW=2031-04-02T10:15
        st="$2/cli-erase-store"; rm -rf "$st"
        "$0" demo --cases 30 --seed 3 --on 2025-03-01 -o "$2/cli-erase-demo.json" > /dev/null
        "$1" '.cases |= map(del(.demo))' "$2/cli-erase-demo.json" > "$2/cli-erase-real.json"
        "$0" store-load "$2/cli-erase-real.json" --store "$st" > /dev/null
        "$1" '.settings.staff = [{"id": "s1", "name": "Kim Manager", "role": "complaints_manager"}]' "$st/settings.json" > "$2/cli-erase-settings.json"
        mv "$2/cli-erase-settings.json" "$st/settings.json"
        "$0" store-retention --store "$st" --on 2025-03-01 | grep -q "^retention: 0 closed cases are past 6 years"
        "$0" store-retention --store "$st" > "$2/cli-retention.txt"
        grep -q "^retention: [1-9][0-9]* closed cases\{0,1\} \(is\|are\) past 6 years after closure on 2031-04-02$" "$2/cli-retention.txt"
        ref="$(sed -n 2p "$2/cli-retention.txt" | cut -d' ' -f1)"
        if "$0" store-erase "$ref" --reason "Past the retention period" --as "Somebody Else" --store "$st" 2> "$2/cli-erase.err"; then exit 1; fi
        grep -q "Somebody Else is not one" "$2/cli-erase.err"
        "$0" store-erase "$ref" --reason "Past the retention period of 6 years" --as "Kim Manager" --store "$st" | grep -q "^$ref: erased by Kim Manager"
        "$0" store-load "$2/cli-erase-real.json" --store "$st" | grep -q "1 case in the file was erased before and was not brought back"
        "$0" store-export --store "$st" -o "$2/cli-erased.json" > /dev/null
        "$0" validate "$2/cli-erased.json" > /dev/null
        test "$("$1" '.cases | length' "$2/cli-erased.json")" = 29
        test "$("$1" -r '.erasures[0].reference' "$2/cli-erased.json")" = "$ref"
        if sed -n "/$ref/p" "$2/cli-erased.json" | grep -qv '"reference"'; then exit 1; fi
      ]=] "$<TARGET_FILE:doorstep>" "${DOORSTEP_JQ}" "${CMAKE_BINARY_DIR}")
  endif()
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
