# `make fuzz`: the libFuzzer target for import (fuzz/fuzz_import.cpp), built with
# clang's fuzzer, address and undefined-behaviour sanitizers, run for FUZZ_TIME
# seconds over the regression corpus tests/native/corpus (read only) and a
# working corpus in build/fuzz/corpus (new inputs land there). A crash leaves
# its input in build/fuzz/; copy small interesting inputs into
# tests/native/corpus/ so test_import.cpp replays them on every `make test`.
# Include from the top-level Makefile:   include fuzz/fuzz.mk
# Needs clang and libclang-rt-14-dev (Debian).

FUZZ_DIR    ?= build/fuzz
FUZZ_TIME   ?= 60
FUZZ_CXX    ?= clang++
FUZZ_FLAGS  ?= -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Isrc
FUZZ_SOURCES := fuzz/fuzz_import.cpp src/core/import.cpp src/core/case_json.cpp src/core/date.cpp src/core/ids.cpp

.PHONY: fuzz fuzz-build

fuzz-build: $(FUZZ_DIR)/fuzz_import

$(FUZZ_DIR)/fuzz_import: $(FUZZ_SOURCES) $(wildcard src/core/*.h) fuzz/fuzz.mk
	@mkdir -p $(FUZZ_DIR)
	$(FUZZ_CXX) $(FUZZ_FLAGS) $(FUZZ_SOURCES) -o $@

fuzz: $(FUZZ_DIR)/fuzz_import
	@mkdir -p $(FUZZ_DIR)/corpus
	nice $(FUZZ_DIR)/fuzz_import $(FUZZ_DIR)/corpus tests/native/corpus \
	  -dict=fuzz/import.dict -max_total_time=$(FUZZ_TIME) \
	  -max_len=16384 -timeout=10 -rss_limit_mb=2048 -artifact_prefix=$(FUZZ_DIR)/ -print_final_stats=1
