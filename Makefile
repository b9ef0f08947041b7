# Doorstep: `make run` to use it, `make test` to check it. Everything else is optional.
#   make run [PORT=8080]   set up, build the browser app, serve build/web/site on http://127.0.0.1:$(PORT)/
#   make test              set up, native build + unit tests (CTest), browser build + browser tests
#   make test-dates        the native suite under faketime and the date-sensitive browser tests at 7 dates
#   make cli               build/native/doorstep (the command-line tool)
#   make bench             performance numbers against their targets (bench/)
#   make screenshots       PNGs of the app into build/screenshots/
#   make clean             remove build/ (keeps the .deps/ and node_modules caches; `make distclean` removes those)
# Builds use at most JOBS=2 parallel jobs; the native and browser builds are incremental.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := all

PORT ?= 8080
JOBS ?= 2
BUILD_TYPE ?= Release
FILTER ?=
NATIVE := build/native
WEB := build/web
SITE := $(WEB)/site

# Emscripten's JS optimiser needs Debian's acorn.
export NODE_PATH := /usr/share/nodejs

.PHONY: all setup native web cli run test test-native test-browser test-dates bench screenshots clean distclean help

all: native web

help:
	@sed -n '2,9p' Makefile | sed 's/^# \{0,1\}//'

setup:
	@scripts/setup

native: setup
	@test -f $(NATIVE)/CMakeCache.txt || cmake -S . -B $(NATIVE) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)
	cmake --build $(NATIVE) -j$(JOBS)

web: setup
	@test -f $(WEB)/CMakeCache.txt || emcmake cmake -S . -B $(WEB) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)
	cmake --build $(WEB) -j$(JOBS)

cli: setup
	@test -f $(NATIVE)/CMakeCache.txt || cmake -S . -B $(NATIVE) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)
	cmake --build $(NATIVE) -j$(JOBS) --target doorstep
	@if [ -x $(NATIVE)/doorstep ]; then echo "CLI: $(NATIVE)/doorstep  (try: $(NATIVE)/doorstep --help)"; fi

run: web
	node scripts/serve.mjs $(SITE) --port $(PORT)

test-native: native
	cd $(NATIVE) && ctest --output-on-failure 2>&1 | tee ctest.log

test-browser: web
	node tests/browser/run.mjs $(FILTER) 2>&1 | tee $(WEB)/browser-tests.log

# Order as promised: set up, native build, unit tests, browser build, browser tests.
# The last two lines are the two runners' own summaries.
test:
	@$(MAKE) --no-print-directory test-native
	@$(MAKE) --no-print-directory test-browser
	@echo "== summary"
	@grep -E 'tests passed|tests failed' $(NATIVE)/ctest.log | tail -n 1 | sed 's/^/native (ctest): /'
	@tail -n 1 $(WEB)/browser-tests.log | sed 's/^/browser:        /'

# The calendar cannot break the suite: scripts/test-dates runs CTest under faketime and the
# browser tests marked { dates: true } with the page's clock at a year end, both UK clock
# changes, a leap day and a date years ahead (TEST_DATES="YYYY-MM-DDTHH:MM ..." to choose).
TEST_DATES ?=
test-dates: native web
	scripts/test-dates $(TEST_DATES)

# bench/run.mjs (when present) measures everything and compares with the targets;
# otherwise any bench/native programs and tests/browser/*.bench.mjs run as they are.
BENCH_ARGS ?=
bench: native web
	@if [ -f bench/run.mjs ]; then \
	  node bench/run.mjs $(BENCH_ARGS); \
	else \
	  found=0; \
	  for b in $(NATIVE)/bench/*; do \
	    if [ -x "$$b" ]; then found=1; echo "== $$b"; "$$b"; fi; \
	  done; \
	  if ls tests/browser/*.bench.mjs >/dev/null 2>&1; then found=1; node tests/browser/run.mjs --bench $(FILTER); fi; \
	  if [ $$found -eq 0 ]; then echo "no benchmarks yet (add bench/native/*.cpp or tests/browser/*.bench.mjs)"; fi; \
	fi

screenshots: web
	node tests/browser/screenshots.mjs build/screenshots

clean:
	rm -rf build tests/browser/artifacts

distclean: clean
	rm -rf .deps .stamps tests/browser/node_modules

# make fuzz: libFuzzer target for import (not part of make test)
include fuzz/fuzz.mk
