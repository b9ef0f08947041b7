// The "doorstep/1" JSON schema (docs/schema.md): writing cases, settings,
// assurance records and whole datasets. Reading, with validation of every
// field, is in import.h.
//
// Writing rules, so that export -> import -> export is byte-identical:
//  - keys and their order are those of each record's description (model/fields.h);
//  - optional fields are omitted when empty (empty string or list, no value,
//    false, zero days or pence where zero means "none");
//  - dates "YYYY-MM-DD", local date-times "YYYY-MM-DDTHH:MM", money in whole
//    pence, enums as lowercase snake strings (model/enum_words.h).
#pragma once
#include "core/model/dataset.h"
#include "core/model/enum_words.h"  // enum_key, enum_from_key: the enums' JSON words

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace doorstep {

inline constexpr const char* kSchemaName = "doorstep/1";
inline constexpr int kSchemaVersion = 1;

// One record as JSON. to_json(Case) includes the revision fields (rev, rev_ids,
// device), the conflict versions and the discarded revisions.
nlohmann::ordered_json to_json(const Case& c);
nlohmann::ordered_json to_json(const Settings& s);
nlohmann::ordered_json to_json(const LearningItem& item);
nlohmann::ordered_json to_json(const SelfAssessment& a);
nlohmann::ordered_json to_json(const QualityCheck& q);
nlohmann::ordered_json to_json(const NonComplianceEvent& e);
nlohmann::ordered_json to_json(const Erasure& e);
nlohmann::ordered_json to_json(const Dataset& d, std::string_view exported_at);

// The whole export file: two-space indent, trailing newline. `exported_at` is a
// local date-time "YYYY-MM-DDTHH:MM" (the caller's clock: the engine reads none).
std::string export_dataset(const Dataset& d, std::string_view exported_at);

// One case as a file of its own (the store keeps one per case): same shape as an
// element of "cases", two-space indent.
std::string case_to_text(const Case& c);

// What a revision hash covers (revisions.h): the case as compact JSON without
// rev, rev_ids, device, conflicts and discarded_revs.
std::string case_canonical_json(const Case& c);

}  // namespace doorstep
