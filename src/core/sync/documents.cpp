#include "core/sync/documents.h"

#include "core/base/base64.h"
#include "core/base/hashing.h"
#include "core/data/case_json.h"
#include "core/data/import.h"
#include "core/data/revisions.h"

namespace doorstep::sync {

std::string case_doc_id(const std::string& case_id) { return kCasePrefix + case_id; }
std::string attachment_doc_id(const std::string& sha256) { return kAttachmentPrefix + sha256; }

static std::optional<std::string> after_prefix(std::string_view doc_id, std::string_view prefix) {
    if (doc_id.size() <= prefix.size() || doc_id.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
    return std::string(doc_id.substr(prefix.size()));
}
std::optional<std::string> case_id_of(std::string_view doc_id) { return after_prefix(doc_id, kCasePrefix); }
std::optional<std::string> sha256_of(std::string_view doc_id) { return after_prefix(doc_id, kAttachmentPrefix); }

json case_document(const Case& version) {
    json body = to_json(version);
    body.erase("rev");
    body.erase("rev_ids");
    body.erase("conflicts");
    json doc = json::object();
    doc["_id"] = case_doc_id(version.id);
    doc["_rev"] = version.rev;
    const std::optional<Rev> rev = parse_rev(version.rev);
    doc["_revisions"] = {{"start", rev ? rev->number : 0}, {"ids", version.rev_ids}};
    doc["schema"] = "doorstep/1";
    doc["type"] = "case";
    doc["case"] = std::move(body);
    return doc;
}

Result<Case> case_from_document(const json& doc) {
    const std::string id = doc.value("_id", std::string());
    const auto fail = [&](const std::string& why) { return Error{id.empty() ? "document" : id, why}; };
    if (!doc.contains("case") || !doc["case"].is_object()) return fail("not a doorstep case (no \"case\" object)");
    json body = doc["case"];
    const std::string rev = doc.value("_rev", std::string());
    const std::optional<Rev> parsed = parse_rev(rev);
    if (!parsed) return fail("revision '" + rev + "' is not N-<32 hex> (CouchDB's form)");
    std::vector<std::string> ids;
    if (doc.contains("_revisions") && doc["_revisions"].is_object()) {
        const json& revisions = doc["_revisions"];
        if (revisions.value("start", int64_t(0)) == parsed->number && revisions.contains("ids") &&
            revisions["ids"].is_array())
            for (const json& h : revisions["ids"])
                if (h.is_string() && ids.size() < kMaxRevisionHistory && int64_t(ids.size()) < parsed->number)
                    ids.push_back(h.get<std::string>());
    }
    if (ids.empty() || ids.front() != parsed->hash) ids.assign(1, parsed->hash);
    body["rev"] = rev;
    body["rev_ids"] = ids;
    body.erase("conflicts");
    ImportLimits limits;
    limits.require_known_links = false;
    Problems problems;
    Result<Case> c = parse_case(body.dump(), limits, &problems);
    if (!c) {
        std::string why = problems.empty() ? c.error().text() : problems.front().text();
        if (problems.size() > 1) why += " (and " + std::to_string(problems.size() - 1) + " more)";
        return fail(why);
    }
    if (case_doc_id(c.value().id) != id) return fail("its case id '" + c.value().id + "' does not match the document id");
    return c;
}

json records_body(const Dataset& d, const std::string& doc_id) {
    json body = json::object();
    body["schema"] = "doorstep/1";
    body["type"] = doc_id;
    const auto list = [](const auto& items) {
        json out = json::array();
        for (const auto& item : items) out.push_back(to_json(item));
        return out;
    };
    if (doc_id == kLearningId) {
        body["learning"] = list(d.learning);
    } else {
        body["assessments"] = list(d.assessments);
        body["quality_checks"] = list(d.quality_checks);
        body["non_compliance"] = list(d.non_compliance);
    }
    return body;
}

Status records_from_document(const json& doc, Dataset& into) {
    const std::string id = doc.value("_id", std::string());
    // Read as a doorstep/1 export holding only these records, by the same checked reader.
    json file = json::object();
    file["schema"] = kSchemaName;
    file["version"] = kSchemaVersion;
    file["exported_at"] = "2000-01-01T00:00";
    file["settings"] = to_json(into.settings);
    file["cases"] = json::array();
    for (const char* key : {"learning", "assessments", "quality_checks", "non_compliance"})
        file[key] = doc.contains(key) && doc[key].is_array() ? doc[key] : json::array();
    ImportLimits limits;
    limits.require_known_links = false;
    Problems problems;
    Result<Dataset> d = parse_dataset(file.dump(), limits, &problems);
    if (!d) return Error{id, problems.empty() ? d.error().text() : problems.front().text()};
    into.learning = std::move(d.value().learning);
    into.assessments = std::move(d.value().assessments);
    into.quality_checks = std::move(d.value().quality_checks);
    into.non_compliance = std::move(d.value().non_compliance);
    return Status::ok();
}

std::string attachment_rev(const std::string& sha256) { return "1-" + sha256.substr(0, 32); }

json attachment_document(const std::string& sha256, const std::string& mime, std::string_view bytes) {
    json doc = json::object();
    doc["_id"] = attachment_doc_id(sha256);
    doc["_rev"] = attachment_rev(sha256);
    doc["_revisions"] = {{"start", 1}, {"ids", {sha256.substr(0, 32)}}};
    doc["schema"] = "doorstep/1";
    doc["type"] = "attachment";
    doc["sha256"] = sha256;
    doc["mime"] = mime;
    doc["size"] = bytes.size();
    doc["_attachments"] = {{kAttachmentName, {{"content_type", mime}, {"data", base64_encode(bytes)}}}};
    return doc;
}

std::string deletion_rev(std::string_view discarded_rev) {
    const std::optional<Rev> r = parse_rev(discarded_rev);
    const int64_t n = r ? r->number : 0;
    return std::to_string(n + 1) + "-" + sha256_hex("deleted:" + std::string(discarded_rev)).substr(0, 32);
}

json deletion_document(const std::string& doc_id, std::string_view discarded_rev) {
    const std::optional<Rev> r = parse_rev(discarded_rev);
    const std::string rev = deletion_rev(discarded_rev);
    json doc = json::object();
    doc["_id"] = doc_id;
    doc["_rev"] = rev;
    doc["_revisions"] = {{"start", (r ? r->number : 0) + 1},
                         {"ids", {rev.substr(rev.find('-') + 1), r ? r->hash : std::string()}}};
    doc["_deleted"] = true;
    return doc;
}

std::optional<std::string> deleted_parent_rev(const json& doc) {
    if (!doc.contains("_revisions") || !doc["_revisions"].is_object()) return std::nullopt;
    const json& revisions = doc["_revisions"];
    const int64_t start = revisions.value("start", int64_t(0));
    if (start < 2 || !revisions.contains("ids") || !revisions["ids"].is_array() || revisions["ids"].size() < 2 ||
        !revisions["ids"][1].is_string())
        return std::nullopt;
    return std::to_string(start - 1) + "-" + revisions["ids"][1].get<std::string>();
}

json design_document() {
    // Runs on the server (CouchDB's JavaScript query server) for every write; what it refuses
    // comes back as a per-document "forbidden" error that the replicator reports by case.
    static const char* const kValidate = R"JS(function (newDoc, oldDoc, userCtx) {
  if (newDoc._id.indexOf('_design/') === 0) {
    if (userCtx.roles.indexOf('_admin') === -1) throw({forbidden: 'only an administrator changes design documents'});
    return;
  }
  if (newDoc._deleted) return;
  if (newDoc.schema !== 'doorstep/1') throw({forbidden: 'not a doorstep/1 record: ' + newDoc._id});
  if (newDoc.type === 'case') {
    if (!newDoc['case'] || typeof newDoc['case'] !== 'object') throw({forbidden: 'a case document holds a case: ' + newDoc._id});
    if (newDoc._id !== 'case:' + newDoc['case'].id) throw({forbidden: 'document id must be case:<the case id>: ' + newDoc._id});
    if (typeof newDoc['case'].reference !== 'string' || !newDoc['case'].reference) throw({forbidden: 'a case needs a reference: ' + newDoc._id});
    return;
  }
  if (newDoc.type === 'attachment') {
    if (!/^[0-9a-f]{64}$/.test(newDoc.sha256 || '') || newDoc._id !== 'attachment:' + newDoc.sha256)
      throw({forbidden: 'document id must be attachment:<its sha256>: ' + newDoc._id});
    return;
  }
  if ((newDoc.type === 'learning' || newDoc.type === 'assurance') && newDoc._id === newDoc.type) return;
  throw({forbidden: 'not a doorstep/1 record type: ' + newDoc._id});
})JS";
    json doc = json::object();
    doc["_id"] = "_design/doorstep";
    doc["language"] = "javascript";
    doc["validate_doc_update"] = kValidate;
    return doc;
}

json security_document(const std::string& member_role) {
    return {{"admins", {{"names", json::array()}, {"roles", json::array()}}},
            {"members", {{"names", json::array()}, {"roles", {member_role}}}}};
}

}  // namespace doorstep::sync
