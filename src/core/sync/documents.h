// The CouchDB documents Doorstep replicates (docs/sync.md):
//   case:<id>          one per case: {"schema": "doorstep/1", "type": "case", "case": <its doorstep/1
//                      JSON without rev, rev_ids and conflicts>}; _rev and _revisions are the case's
//                      rev and rev_ids, so the server's revision tree is the case's history;
//   attachment:<sha>   one per attachment (photo, PDF), content-addressed: its one revision
//                      "1-<first 32 hex of the sha256>" never changes, so it never conflicts and a
//                      server that has it is never sent it again. The bytes are the CouchDB
//                      attachment "file".
//   learning           the learning log: {"schema", "type": "learning", "learning": [...]};
//   assurance          {"schema", "type": "assurance", "assessments", "quality_checks", "non_compliance"}:
//                      records joined by id when they meet (merge.h: the fuller record wins), so
//                      each device's additions reach every other. Revisions: a chain the device
//                      keeps with its checkpoint ("N-<hash of the content and the previous rev>").
// A conflict version of a case is its own leaf revision of case:<id>; a version a person
// resolved away (Case::discarded_revs) is ended on the server with a deleted child revision.
#pragma once
#include "core/model/case.h"
#include "core/model/dataset.h"
#include "core/base/result.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace doorstep::sync {

using json = nlohmann::ordered_json;

inline constexpr const char* kCasePrefix = "case:";
inline constexpr const char* kAttachmentPrefix = "attachment:";
inline constexpr const char* kAttachmentName = "file";  // the CouchDB attachment holding the bytes

std::string case_doc_id(const std::string& case_id);
std::string attachment_doc_id(const std::string& sha256);
// The case id or sha256 a document id names; nullopt when it names neither.
std::optional<std::string> case_id_of(std::string_view doc_id);
std::optional<std::string> sha256_of(std::string_view doc_id);

// One version of a case as a document (a conflict version is given on its own, as a Case).
// The case must have a rev.
json case_document(const Case& version);
// A document (with _revisions) back to a checked case: the body goes through parse_case
// (import.h), the rev and history come from _rev and _revisions. The error names the document.
Result<Case> case_from_document(const json& doc);

// The learning log and the assurance records as documents (without _id/_rev), and back into
// `into` (checked by the doorstep/1 reader; links to cases not required).
inline constexpr const char* kLearningId = "learning";
inline constexpr const char* kAssuranceId = "assurance";
json records_body(const Dataset& d, const std::string& doc_id);
Status records_from_document(const json& doc, Dataset& into);

// The one revision of an attachment's document, and the document itself with its bytes.
std::string attachment_rev(const std::string& sha256);
json attachment_document(const std::string& sha256, const std::string& mime, std::string_view bytes);

// The deleted child of a revision a person set aside: the same on every device (its hash is
// made from the rev), so two devices ending one branch make one deletion, not two.
std::string deletion_rev(std::string_view discarded_rev);
json deletion_document(const std::string& doc_id, std::string_view discarded_rev);
// For an incoming deleted revision: the revision it ended ("N-1-<ids[1]>"), nullopt without one.
std::optional<std::string> deleted_parent_rev(const json& doc);

// server-setup: the design document whose validate_doc_update refuses anything that is not a
// doorstep/1 record (wrong schema, type or _id), and the _security object giving `role` access.
json design_document();
json security_document(const std::string& member_role);

}  // namespace doorstep::sync
