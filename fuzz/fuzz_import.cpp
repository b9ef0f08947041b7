// libFuzzer target for the import path (`make fuzz`, see fuzz/fuzz.mk).
// Properties checked on every input, beyond "no crash, no leak, no undefined
// behaviour":
//  - parse_dataset answers with a dataset or with at least one problem;
//  - a dataset that imports exports, imports again with no problem, and exports
//    to the same bytes (export -> import -> export is byte-identical);
//  - the same holds for one case on its own (parse_case).
#include "core/data/case_json.h"
#include "core/data/import.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

using namespace doorstep;

namespace {

[[noreturn]] void fail(const char* what) {
    std::fprintf(stderr, "fuzz_import: property broken: %s\n", what);
    std::abort();
}

ImportLimits fuzz_limits() {
    ImportLimits limits;
    limits.max_bytes = 1 << 20;  // keep each run quick; the limit itself is tested natively
    return limits;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const ImportLimits limits = fuzz_limits();

    Problems problems;
    const Result<Dataset> d = parse_dataset(text, limits, &problems);
    if (d.is_ok() != problems.empty()) fail("parse_dataset: a result must come with no problems, a failure with some");
    if (d.is_ok()) {
        const std::string once = export_dataset(*d, "2025-01-01T00:00");
        const Result<Dataset> again = parse_dataset(once, limits);
        if (!again.is_ok()) fail("an imported dataset exported and did not import again");
        if (export_dataset(*again, "2025-01-01T00:00") != once) fail("export -> import -> export changed the bytes");
    }

    Problems case_problems;
    const Result<Case> c = parse_case(text, limits, &case_problems);
    if (c.is_ok() != case_problems.empty()) fail("parse_case: a result must come with no problems, a failure with some");
    if (c.is_ok()) {
        const std::string once = case_to_text(*c);
        const Result<Case> again = parse_case(once, limits);
        if (!again.is_ok()) fail("an imported case exported and did not import again");
        if (case_to_text(*again) != once) fail("case export -> import -> export changed the bytes");
    }
    return 0;
}
