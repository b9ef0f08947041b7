// Reading the "doorstep/1" schema (docs/schema.md) with validation of
// everything before anything changes: a pure function from text to a Dataset,
// or to the complete list of problems. The caller's data is never touched; the
// store applies a successful result.
//
// Each problem names the record and the field path, e.g.
//   cases[3] (DS-2025-000004): stages[1].acknowledged: not a date: '2025-02-30'
// (Error::where = "cases[3] (DS-2025-000004): stages[1].acknowledged",
//  Error::message = "not a date: '2025-02-30'").
#pragma once
#include "core/model/dataset.h"
#include "core/base/result.h"

#include <cstddef>
#include <string_view>

namespace doorstep {

// Limits that keep a hostile or broken file from eating the device's memory.
// Size, depth, list lengths and the number of values are checked while the text
// is read, so no input takes more than a small multiple of its size to refuse.
struct ImportLimits {
    size_t max_bytes = 256u * 1024 * 1024;   // the whole file
    size_t max_string_bytes = 100 * 1024;    // any one text field
    size_t max_cases = 20000;
    size_t max_list_items = 10000;           // any other list (a case's log, the staff list, ...)
    int max_depth = 32;                      // nesting of lists and objects (the schema needs about 10)
    size_t max_problems = 500;               // listed; the rest are counted in a last line
    // Every case id named by linked_cases, raised_from_case, a learning item or a
    // quality check must be in the file. Off for partial exports.
    bool require_known_links = true;
    size_t max_values = 8'000'000;  // values in the whole file (a 500-case demo export holds about 70,000)
};

// The whole export file. Each case is read into its struct as soon as its text
// has been read and its part of the document dropped, so an export is never
// held whole as JSON beside the cases. On failure the Error's message lists every problem, one
// per line, and `problems` (when given) receives them one by one.
Result<Dataset> parse_dataset(std::string_view text, const ImportLimits& limits = {}, Problems* problems = nullptr);

// One case on its own (the store's per-case file, case_to_text()).
Result<Case> parse_case(std::string_view text, const ImportLimits& limits = {}, Problems* problems = nullptr);

// The rules that need more than one field (stage order, dates in sequence,
// duplicates, revision format, links between records), on data already in
// memory: parse_dataset runs them too. Empty when all is well.
Problems check_dataset(const Dataset& d, const ImportLimits& limits = {});
Problems check_case(const Case& c, const std::string& label = "case");

}  // namespace doorstep
