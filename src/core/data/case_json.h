// The "doorstep/1" JSON schema (docs/schema.md): writing cases, settings,
// assurance records and whole datasets. Reading, with validation of every
// field, is in import.h.
//
// Writing rules, so that export -> import -> export is byte-identical:
//  - keys are the C++ field names, in the order the structs declare them;
//  - optional fields are omitted when empty (empty string or list, no value,
//    false, zero days or pence where zero means "none");
//  - dates "YYYY-MM-DD", local date-times "YYYY-MM-DDTHH:MM", money in whole
//    pence, enums as lowercase snake strings (enum_key below).
#pragma once
#include "core/model/dataset.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace doorstep {

inline constexpr const char* kSchemaName = "doorstep/1";
inline constexpr int kSchemaVersion = 1;

// The JSON spelling of an enum value ("home_visit", "partly_upheld", ...), and
// back. enum_key answers "" for a value the schema does not know yet (a new
// enumerator someone forgot to add here: the import then rejects it loudly).
// Defined for every enum in case.h, settings.h and assurance.h, plus Region
// ("england_and_wales", "scotland", "northern_ireland") and CodeVersion ("2022", "2024").
template <class E> const char* enum_key(E value);
template <class E> std::optional<E> enum_from_key(std::string_view key);
template <class E> std::string enum_key_list();  // "phone, email, letter" for messages

// One record as JSON. to_json(Case) includes the revision fields (rev, rev_ids,
// device), the conflict versions and the discarded revisions.
nlohmann::ordered_json to_json(const Case& c);
nlohmann::ordered_json to_json(const Settings& s);
nlohmann::ordered_json to_json(const LearningItem& item);
nlohmann::ordered_json to_json(const SelfAssessment& a);
nlohmann::ordered_json to_json(const QualityCheck& q);
nlohmann::ordered_json to_json(const NonComplianceEvent& e);
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
