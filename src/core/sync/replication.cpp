#include "core/sync/replication.h"

#include "core/base/hashing.h"
#include "core/data/merge.h"
#include "core/data/revisions.h"

#include <algorithm>

namespace doorstep::sync {

namespace {

// Percent-encoding for a query value or a document id in a path.
std::string url_encode(std::string_view s) {
    static const char* const hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char ch : s) {
        if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' ||
            ch == '_' || ch == '.' || ch == '~' || ch == ':')
            out += static_cast<char>(ch);
        else {
            out += '%';
            out += hex[ch >> 4];
            out += hex[ch & 15];
        }
    }
    return out;
}

json parse_or_null(const std::string& body) {
    json j = json::parse(body, nullptr, false);
    return j.is_discarded() ? json() : j;
}

// The server's own words for an error response ("unauthorized: Name or password is incorrect.").
std::string server_reason(const Response& r) {
    const json j = parse_or_null(r.body);
    if (!j.is_object()) return "";
    std::string out = j.contains("error") && j["error"].is_string() ? j["error"].get<std::string>() : "";
    if (j.contains("reason") && j["reason"].is_string()) out += (out.empty() ? "" : ": ") + j["reason"].get<std::string>();
    return out;
}

std::string since_text(const json& since) { return since.is_string() ? since.get<std::string>() : since.dump(); }

constexpr size_t kCheckpointHistory = 20;

}  // namespace

json to_json(const LocalCheckpoint& c) {
    json j = json::object();
    j["session_id"] = c.session_id;
    j["pull_since"] = c.pull_since;
    json on = json::object();
    for (const auto& [id, revs] : c.on_server) on[id] = revs;
    j["on_server"] = std::move(on);
    json history = json::array();
    for (const auto& [session, since] : c.history) history.push_back({session, since});
    j["history"] = std::move(history);
    json records = json::object();
    for (const auto& [id, r] : c.records) records[id] = json::array({r.first, r.second});
    j["records"] = std::move(records);
    return j;
}

LocalCheckpoint checkpoint_from_json(const json& j) {
    LocalCheckpoint c;
    if (!j.is_object()) return c;
    try {
        c.session_id = j.value("session_id", std::string());
        if (j.contains("pull_since")) c.pull_since = j["pull_since"];
        if (j.contains("on_server") && j["on_server"].is_object())
            for (const auto& [id, revs] : j["on_server"].items())
                for (const json& r : revs) c.on_server[id].insert(r.get<std::string>());
        if (j.contains("history") && j["history"].is_array())
            for (const json& h : j["history"]) c.history.emplace_back(h.at(0).get<std::string>(), h.at(1));
        if (j.contains("records") && j["records"].is_object())
            for (const auto& [id, r] : j["records"].items()) c.records[id] = {r.at(0).get<std::string>(), r.at(1).get<std::string>()};
    } catch (const json::exception&) {
        return LocalCheckpoint{};
    }
    return c;
}

std::string replication_id(const std::string& local, const std::string& remote, const Options& options) {
    const std::string direction = std::string(options.pull ? "pull" : "") + (options.push ? "push" : "");
    return "doorstep-" + sha256_hex(local + "\n" + remote + "\n" + direction).substr(0, 32);
}

Replication::Replication(Dataset local, std::set<std::string> held, LocalCheckpoint checkpoint, Options options)
    : local_(std::move(local)), held_(std::move(held)), checkpoint_(std::move(checkpoint)), options_(std::move(options)) {
    if (options_.batch_size < 1) options_.batch_size = 1;
    for (size_t i = 0; i < local_.cases.size(); ++i) index_[local_.cases[i].id] = i;
}

Step Replication::request(const std::string& method, const std::string& path, const std::string& body) {
    ++report_.requests;
    Step s;
    s.kind = Step::Kind::request;
    s.request = Request{method, path, body};
    return s;
}

Step Replication::fail(Failure f) {
    phase_ = Phase::done;
    Step s;
    s.kind = Step::Kind::failed;
    s.failure = std::move(f);
    return s;
}

Step Replication::fail_response(const Response& r, const std::string& doing) {
    const std::string reason = server_reason(r);
    const std::string said = std::to_string(r.status) + (reason.empty() ? "" : ": " + reason);
    if (r.status == 0)
        return fail({true, 0,
                     "The server could not be reached while " + doing + " (" + (r.error.empty() ? "no answer" : r.error) +
                         "). Nothing was lost: sync again when the server is back."});
    if (r.status == 401)
        return fail({false, 401,
                     "The server did not accept the sign-in (" + said +
                         "). Check the user name and password (DOORSTEP_COUCH_USER, DOORSTEP_COUCH_PASSWORD)."});
    if (r.status == 403)
        return fail({false, 403,
                     "This user has no permission for the database (" + said +
                         "). Ask the server's administrator to make the user a member of it."});
    if (r.status == 404 && phase_ == Phase::db_info)
        return fail({false, 404,
                     "The server has no such database (" + said +
                         "). Check the database name, or create it with doorstep server-setup."});
    if (r.status >= 500)
        return fail({true, r.status,
                     "The server had a problem while " + doing + " (" + said + "). Nothing was lost: try again later."});
    return fail({false, r.status, "The server gave an unexpected answer while " + doing + " (" + said + ")."});
}

Step Replication::start() {
    phase_ = Phase::db_info;
    return request("GET", "");
}

Step Replication::on_response(const Response& r) {
    switch (phase_) {
    case Phase::db_info:
        if (r.status != 200) return fail_response(r, "opening the database");
        phase_ = Phase::get_checkpoint;
        return request("GET", "_local/" + options_.replication_id);
    case Phase::get_checkpoint: {
        if (r.status != 200 && r.status != 404) return fail_response(r, "reading the server's checkpoint");
        const json remote = r.status == 200 ? parse_or_null(r.body) : json();
        std::string session;
        if (remote.is_object()) {
            remote_checkpoint_rev_ = remote.value("_rev", std::string());
            session = remote.value("session_id", std::string());
        }
        // Both sides must hold the same checkpoint; one write behind is recognised from the
        // device's history. Anything else (a new or rebuilt database): compare everything again.
        bool found = !session.empty() && session == checkpoint_.session_id;
        for (auto it = checkpoint_.history.rbegin(); !found && it != checkpoint_.history.rend(); ++it)
            if (!session.empty() && it->first == session) {
                checkpoint_.pull_since = it->second;
                found = true;
            }
        if (!found) {
            if (!checkpoint_.session_id.empty())
                report_.notes.push_back("The server's checkpoint does not match this device's: everything is compared again.");
            checkpoint_.pull_since = 0;
            checkpoint_.on_server.clear();
        }
        if (options_.pull) {
            pulling_ = true;
            return next_pull();
        }
        return plan_push();
    }
    case Phase::changes: {
        if (r.status != 200) return fail_response(r, "reading the server's changes");
        const json j = parse_or_null(r.body);
        if (!j.is_object() || !j.contains("results") || !j["results"].is_array())
            return fail({false, r.status, "The server's list of changes could not be read."});
        pending_since_ = j.contains("last_seq") ? j["last_seq"] : checkpoint_.pull_since;
        to_fetch_.clear();
        attachments_to_fetch_.clear();
        incoming_ = StoreBatch{};
        seen_in_batch_.clear();
        if (j["results"].empty()) return plan_push();
        for (const json& change : j["results"]) {
            const std::string id = change.value("id", std::string());
            if (!change.contains("changes") || !change["changes"].is_array()) continue;
            const bool is_case = case_id_of(id).has_value() || id == kLearningId || id == kAssuranceId;
            const std::optional<std::string> sha = sha256_of(id);
            if (!is_case && !sha) continue;  // design documents and anything not Doorstep's
            for (const json& leaf : change["changes"]) {
                const std::string rev = leaf.value("rev", std::string());
                if (rev.empty() || known_locally(id, rev)) continue;
                if (is_case)
                    to_fetch_.emplace_back(id, rev);
                else if (!held_.count(*sha) &&
                         std::find(attachments_to_fetch_.begin(), attachments_to_fetch_.end(), *sha) ==
                             attachments_to_fetch_.end())
                    attachments_to_fetch_.push_back(*sha);
            }
        }
        if (to_fetch_.empty()) return next_attachment_fetch();
        json docs = json::array();
        for (const auto& [id, rev] : to_fetch_) docs.push_back({{"id", id}, {"rev", rev}});
        phase_ = Phase::bulk_get;
        return request("POST", "_bulk_get?revs=true", json{{"docs", docs}}.dump());
    }
    case Phase::bulk_get: {
        if (r.status != 200) return fail_response(r, "fetching revisions");
        const json j = parse_or_null(r.body);
        if (!j.is_object() || !j.contains("results") || !j["results"].is_array())
            return fail({false, r.status, "The server's answer to _bulk_get could not be read."});
        return take_revisions(j["results"]);
    }
    case Phase::fetch_attachment: {
        const std::string sha = attachments_to_fetch_.back();
        attachments_to_fetch_.pop_back();
        if (r.status == 404)
            report_.notes.push_back("attachment " + sha + " is listed on the server but has no file: not taken.");
        else if (r.status != 200)
            return fail_response(r, "fetching attachment " + sha);
        else if (sha256_hex(r.body) != sha)
            report_.notes.push_back("attachment " + sha + " from the server does not match its hash: not taken.");
        else {
            std::string mime = r.content_type.substr(0, r.content_type.find(';'));
            incoming_.attachments.push_back({sha, mime, r.body});
        }
        return next_attachment_fetch();
    }
    case Phase::put_checkpoint: {
        if (r.status != 201 && r.status != 200) return fail_response(r, "writing the server's checkpoint");
        const json j = parse_or_null(r.body);
        if (j.is_object() && j.contains("rev") && j["rev"].is_string()) remote_checkpoint_rev_ = j["rev"].get<std::string>();
        return after_checkpoint();
    }
    case Phase::revs_diff: {
        if (r.status != 200) return fail_response(r, "asking the server which revisions it lacks");
        const json j = parse_or_null(r.body);
        if (!j.is_object()) return fail({false, r.status, "The server's answer to _revs_diff could not be read."});
        return after_revs_diff(j);
    }
    case Phase::bulk_docs: {
        if (r.status != 201 && r.status != 200) return fail_response(r, "sending documents");
        const json j = parse_or_null(r.body);
        std::map<std::string, const json*> refused;
        if (j.is_array())
            for (const json& e : j)
                if (e.is_object() && e.contains("error")) refused[e.value("id", std::string())] = &e;
        const auto refuse = [&](const std::string& id) {
            const json& e = *refused[id];
            report_.refused.push_back({id, describe(id), e["error"].is_string() ? e["error"].get<std::string>() : e["error"].dump(),
                                       e.value("reason", std::string())});
        };
        if (!sending_sha_.empty()) {
            const std::string id = attachment_doc_id(sending_sha_);
            if (refused.count(id))
                refuse(id);
            else {
                note_on_server(id, attachment_rev(sending_sha_));
                ++report_.attachments_sent;
            }
            sending_sha_.clear();
            return next_attachment_send();
        }
        std::set<std::string> refused_once;
        for (const auto& [id, rev] : cases_to_send_) {
            if (refused.count(id)) {
                if (refused_once.insert(id).second) refuse(id);
                continue;
            }
            note_on_server(id, rev);
            if (records_to_send_.count(id)) {
                checkpoint_.records[id] = records_to_send_[id];
                ++report_.records_sent;
                continue;
            }
            bool deletion = false;
            if (const std::optional<std::string> cid = case_id_of(id))
                if (const Case* c = find_local(*cid))
                    for (const std::string& d : c->discarded_revs) deletion = deletion || deletion_rev(d) == rev;
            ++(deletion ? report_.deletions_sent : report_.cases_sent);
        }
        cases_to_send_.clear();
        incoming_ = StoreBatch{};
        return store_pulled();
    }
    default:
        return fail({false, r.status, "The replication received an answer it did not ask for."});
    }
}

Step Replication::next_pull() {
    phase_ = Phase::changes;
    return request("GET", "_changes?style=all_docs&limit=" + std::to_string(options_.batch_size) +
                              "&since=" + url_encode(since_text(checkpoint_.pull_since)));
}

Case* Replication::find_local(const std::string& case_id) {
    const auto it = index_.find(case_id);
    return it == index_.end() ? nullptr : &local_.cases[it->second];
}

const Case* Replication::find_local(const std::string& case_id) const {
    const auto it = index_.find(case_id);
    return it == index_.end() ? nullptr : &local_.cases[it->second];
}

bool Replication::known_locally(const std::string& doc_id, const std::string& rev) const {
    const auto on = checkpoint_.on_server.find(doc_id);
    if (on != checkpoint_.on_server.end() && on->second.count(rev)) return true;
    if (const std::optional<std::string> sha = sha256_of(doc_id)) return held_.count(*sha) > 0;
    if (doc_id == kLearningId || doc_id == kAssuranceId) {
        const auto r = checkpoint_.records.find(doc_id);
        return r != checkpoint_.records.end() && r->second.first == rev;
    }
    const std::optional<std::string> cid = case_id_of(doc_id);
    const Case* c = cid ? find_local(*cid) : nullptr;
    if (!c) return false;
    if (has_in_history(*c, rev)) return true;
    for (const Case& v : c->conflicts)
        if (has_in_history(v, rev)) return true;
    for (const std::string& d : c->discarded_revs)
        if (d == rev || deletion_rev(d) == rev) return true;
    return false;
}

void Replication::note_on_server(const std::string& doc_id, const std::string& rev) {
    checkpoint_.on_server[doc_id].insert(rev);
}

std::string Replication::describe(const std::string& doc_id) const {
    if (const std::optional<std::string> cid = case_id_of(doc_id)) {
        const Case* c = find_local(*cid);
        return "case " + (c ? c->reference : *cid);
    }
    if (doc_id == kLearningId) return "the learning log";
    if (doc_id == kAssuranceId) return "the assurance records";
    if (const std::optional<std::string> sha = sha256_of(doc_id)) {
        for (const Case& c : local_.cases)
            for (const Attachment& a : c.attachments)
                if (a.sha256 == *sha) return "attachment " + a.filename + " (case " + c.reference + ")";
        return "attachment " + *sha;
    }
    return doc_id;
}

Step Replication::take_revisions(const json& results) {
    std::set<std::string> changed;
    bool added = false;
    for (const json& result : results) {
        if (!result.contains("docs") || !result["docs"].is_array()) continue;
        for (const json& entry : result["docs"]) {
            if (entry.contains("error")) {
                const json& e = entry["error"];
                report_.notes.push_back(e.value("id", std::string()) + " " + e.value("rev", std::string()) +
                                        ": the server could not give this revision (" + e.value("error", std::string()) + ").");
                continue;
            }
            if (!entry.contains("ok") || !entry["ok"].is_object()) continue;
            const json& doc = entry["ok"];
            const std::string id = doc.value("_id", std::string());
            const std::string rev = doc.value("_rev", std::string());
            if ((id == kLearningId || id == kAssuranceId) && !doc.value("_deleted", false)) {
                take_records(doc);
                continue;
            }
            const std::optional<std::string> cid = case_id_of(id);
            if (!cid) continue;
            if (doc.value("_deleted", false)) {
                // Another replica resolved a conflict and ended this branch: the version it ended
                // leaves this device's conflicts too, and never comes back.
                note_on_server(id, rev);
                ++report_.deletions_received;
                const std::optional<std::string> parent = deleted_parent_rev(doc);
                Case* c = find_local(*cid);
                if (!c || !parent) continue;
                const auto it = std::find_if(c->conflicts.begin(), c->conflicts.end(),
                                             [&](const Case& v) { return v.rev == *parent; });
                if (it != c->conflicts.end()) {
                    c->conflicts.erase(it);
                    if (std::find(c->discarded_revs.begin(), c->discarded_revs.end(), *parent) == c->discarded_revs.end())
                        c->discarded_revs.push_back(*parent);
                    changed.insert(*cid);
                }
                continue;
            }
            Result<Case> incoming = case_from_document(doc);
            if (!incoming) {
                report_.notes.push_back(incoming.error().text() + ": not taken.");
                continue;
            }
            note_on_server(id, rev);
            ++report_.cases_received;
            Case* c = find_local(*cid);
            if (!c) {
                index_[*cid] = local_.cases.size();
                local_.cases.push_back(std::move(incoming.value()));
                added = true;
            } else {
                bool new_conflict = false;
                Case merged = merge_case(*c, incoming.value(), &new_conflict);
                if (new_conflict) {
                    ++report_.conflicts;
                    report_.notes.push_back("case " + merged.reference +
                                            " was changed here and elsewhere: both versions are kept for a person to choose.");
                }
                *c = std::move(merged);
            }
            changed.insert(*cid);
        }
    }
    if (added) {
        // Two different cases with one reference (older references were numbered per device):
        // both kept, the later received one renumbered with its old reference as an alias,
        // by merge.h's rule. The rule gives the same revision on every device, so replicas
        // that meet the clash separately agree.
        std::map<std::string, std::string> before;
        for (const Case& c : local_.cases) before[c.id] = c.rev;
        MergeReport renumbered;
        if (make_references_unique(local_, renumbered, Actor{"Doorstep sync", ""}) > 0) {
            for (const Case& c : local_.cases)
                if (before[c.id] != c.rev) changed.insert(c.id);
            for (const std::string& m : renumbered.messages) report_.notes.push_back(m);
        }
    }
    for (const std::string& cid : changed) incoming_.cases.push_back(*find_local(cid));
    return next_attachment_fetch();
}

namespace {
// Of the content whatever the order of the lists (two devices join the same records in
// different orders), so agreeing devices stop sending.
std::string records_hash(const Dataset& d, const std::string& id) {
    Dataset sorted;
    sorted.learning = d.learning;
    sorted.assessments = d.assessments;
    sorted.quality_checks = d.quality_checks;
    sorted.non_compliance = d.non_compliance;
    const auto by_id = [](auto& list) {
        std::sort(list.begin(), list.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
    };
    by_id(sorted.learning);
    by_id(sorted.assessments);
    by_id(sorted.quality_checks);
    by_id(sorted.non_compliance);
    return sha256_hex(records_body(sorted, id).dump()).substr(0, 32);
}
}  // namespace

// Another device's learning log or assurance records: joined with this device's by id (the
// fuller record wins, merge.h), so nothing either side added is lost.
void Replication::take_records(const json& doc) {
    const std::string id = doc.value("_id", std::string());
    const std::string rev = doc.value("_rev", std::string());
    Dataset theirs;
    theirs.settings = local_.settings;
    if (Status s = records_from_document(doc, theirs); !s) {
        report_.notes.push_back(s.error().text() + ": not taken.");
        return;
    }
    note_on_server(id, rev);
    ++report_.records_received;
    Dataset mine;
    mine.learning = local_.learning;
    mine.assessments = local_.assessments;
    mine.quality_checks = local_.quality_checks;
    mine.non_compliance = local_.non_compliance;
    MergeReport merged;
    merge_into(mine, theirs, merged);
    local_.learning = std::move(mine.learning);
    local_.assessments = std::move(mine.assessments);
    local_.quality_checks = std::move(mine.quality_checks);
    local_.non_compliance = std::move(mine.non_compliance);
    (id == kLearningId ? incoming_.learning_changed : incoming_.assurance_changed) = true;
    auto& known = checkpoint_.records[id];
    if (known.first.empty() || compare_revs(rev, known.first) > 0) known = {rev, records_hash(theirs, id)};
}

Step Replication::next_attachment_fetch() {
    if (attachments_to_fetch_.empty()) return store_pulled();
    phase_ = Phase::fetch_attachment;
    return request("GET", url_encode(attachment_doc_id(attachments_to_fetch_.back())) + "/" + kAttachmentName);
}

Step Replication::store_pulled() {
    // The device's checkpoint goes in the same commit as what it covers.
    LocalCheckpoint next = checkpoint_;
    if (pulling_) next.pull_since = pending_since_;
    next.session_id = options_.session_id + "-" + std::to_string(report_.requests);
    next.history.emplace_back(next.session_id, next.pull_since);
    if (next.history.size() > kCheckpointHistory)
        next.history.erase(next.history.begin(), next.history.end() - kCheckpointHistory);
    incoming_.checkpoint = std::move(next);
    if (incoming_.learning_changed) incoming_.records.learning = local_.learning;
    if (incoming_.assurance_changed) {
        incoming_.records.assessments = local_.assessments;
        incoming_.records.quality_checks = local_.quality_checks;
        incoming_.records.non_compliance = local_.non_compliance;
    }
    phase_ = Phase::store;
    Step s;
    s.kind = Step::Kind::store;
    s.store = incoming_;
    return s;
}

Step Replication::on_stored(const Status& status) {
    if (phase_ != Phase::store) return fail({false, 0, "The replication was told of a write it did not ask for."});
    if (!status) return fail({false, 0, "Could not keep what the sync brought: " + status.error().text() +
                                            " The server's copy is untouched; sync again once this is fixed."});
    checkpoint_ = incoming_.checkpoint;
    for (const IncomingAttachment& a : incoming_.attachments) {
        held_.insert(a.sha256);
        note_on_server(attachment_doc_id(a.sha256), attachment_rev(a.sha256));
        ++report_.attachments_received;
    }
    incoming_ = StoreBatch{};
    return put_checkpoint(Phase::put_checkpoint);
}

Step Replication::put_checkpoint(Phase) {
    json doc = json::object();
    doc["_id"] = "_local/" + options_.replication_id;
    if (!remote_checkpoint_rev_.empty()) doc["_rev"] = remote_checkpoint_rev_;
    doc["session_id"] = checkpoint_.session_id;
    doc["source_last_seq"] = checkpoint_.pull_since;
    doc["replicator"] = "doorstep";
    phase_ = Phase::put_checkpoint;
    return request("PUT", "_local/" + options_.replication_id, doc.dump());
}

Step Replication::after_checkpoint() { return pulling_ ? next_pull() : next_push_batch(); }

Step Replication::plan_push() {
    pulling_ = false;
    if (!options_.push) return finish();
    push_plan_.clear();
    push_pos_ = 0;
    std::set<std::string> planned_attachments;
    std::vector<std::pair<std::string, std::string>> cases;
    const auto unsent = [&](const std::string& id, const std::string& rev) {
        const auto on = checkpoint_.on_server.find(id);
        return on == checkpoint_.on_server.end() || !on->second.count(rev);
    };
    for (const Case& c : local_.cases) {
        if (c.rev.empty()) continue;  // never saved: nothing to replicate yet
        const std::string id = case_doc_id(c.id);
        if (unsent(id, c.rev)) cases.emplace_back(id, c.rev);
        for (const Case& v : c.conflicts)
            if (!v.rev.empty() && unsent(id, v.rev)) cases.emplace_back(id, v.rev);
        for (const std::string& d : c.discarded_revs)
            if (unsent(id, deletion_rev(d))) cases.emplace_back(id, deletion_rev(d));
        for (const Attachment& a : c.attachments)
            for (const std::string& sha : {a.sha256, a.thumbnail_sha256})
                if (!sha.empty() && held_.count(sha) && unsent(attachment_doc_id(sha), attachment_rev(sha)) &&
                    planned_attachments.insert(sha).second)
                    push_plan_.emplace_back(attachment_doc_id(sha), attachment_rev(sha));
    }
    // Attachments first, so a case never arrives before its photos.
    push_plan_.insert(push_plan_.end(), cases.begin(), cases.end());
    records_to_send_.clear();
    for (const char* id : {kLearningId, kAssuranceId}) {
        const std::string hash = records_hash(local_, id);
        const auto known = checkpoint_.records.find(id);
        const std::string prev = known == checkpoint_.records.end() ? "" : known->second.first;
        if (known != checkpoint_.records.end() && known->second.second == hash) continue;
        const bool empty = id == std::string(kLearningId) ? local_.learning.empty()
                                                          : local_.assessments.empty() && local_.quality_checks.empty() &&
                                                                local_.non_compliance.empty();
        if (prev.empty() && empty) continue;  // nothing to say yet
        const std::optional<Rev> p = parse_rev(prev);
        const std::string rev = std::to_string((p ? p->number : 0) + 1) + "-" + sha256_hex(hash + prev).substr(0, 32);
        records_to_send_[id] = {rev, hash};
        push_plan_.emplace_back(id, rev);
    }
    return next_push_batch();
}

Step Replication::next_push_batch() {
    if (push_pos_ >= push_plan_.size()) return finish();
    const size_t end = std::min(push_plan_.size(), push_pos_ + size_t(options_.batch_size));
    push_batch_.assign(push_plan_.begin() + long(push_pos_), push_plan_.begin() + long(end));
    push_pos_ = end;
    json diff = json::object();
    for (const auto& [id, rev] : push_batch_) diff[id].push_back(rev);
    phase_ = Phase::revs_diff;
    return request("POST", "_revs_diff", diff.dump());
}

Step Replication::after_revs_diff(const json& missing) {
    attachments_to_send_.clear();
    cases_to_send_.clear();
    for (const auto& [id, rev] : push_batch_) {
        bool lacks = false;
        if (missing.contains(id) && missing[id].is_object() && missing[id].contains("missing"))
            for (const json& m : missing[id]["missing"]) lacks = lacks || (m.is_string() && m.get<std::string>() == rev);
        if (!lacks) {
            note_on_server(id, rev);
            if (records_to_send_.count(id)) checkpoint_.records[id] = records_to_send_[id];
            continue;
        }
        if (const std::optional<std::string> sha = sha256_of(id))
            attachments_to_send_.push_back(*sha);
        else
            cases_to_send_.emplace_back(id, rev);
    }
    std::reverse(attachments_to_send_.begin(), attachments_to_send_.end());  // sent from the back, in plan order
    return next_attachment_send();
}

Step Replication::next_attachment_send() {
    if (attachments_to_send_.empty()) return send_cases();
    sending_sha_ = attachments_to_send_.back();
    attachments_to_send_.pop_back();
    sending_mime_.clear();
    for (const Case& c : local_.cases)
        for (const Attachment& a : c.attachments)
            if (a.sha256 == sending_sha_ && sending_mime_.empty()) sending_mime_ = a.mime;
    if (sending_mime_.empty()) sending_mime_ = "application/octet-stream";  // a thumbnail: the host says its type
    phase_ = Phase::read_attachment;
    Step s;
    s.kind = Step::Kind::read_attachment;
    s.sha256 = sending_sha_;
    return s;
}

Step Replication::on_attachment(const Result<std::string>& bytes, const std::string& mime) {
    if (phase_ != Phase::read_attachment) return fail({false, 0, "The replication was given bytes it did not ask for."});
    if (!bytes) {
        report_.notes.push_back(describe(attachment_doc_id(sending_sha_)) +
                                ": not sent, its bytes could not be read here (" + bytes.error().text() + ").");
        sending_sha_.clear();
        return next_attachment_send();
    }
    if (!mime.empty()) sending_mime_ = mime;
    json body = {{"docs", json::array({attachment_document(sending_sha_, sending_mime_, bytes.value())})},
                 {"new_edits", false}};
    phase_ = Phase::bulk_docs;
    return request("POST", "_bulk_docs", body.dump());
}

Step Replication::send_cases() {
    if (cases_to_send_.empty()) {
        incoming_ = StoreBatch{};
        return store_pulled();
    }
    json docs = json::array();
    for (const auto& [id, rev] : cases_to_send_) {
        if (id == kLearningId || id == kAssuranceId) {
            json doc = records_body(local_, id);
            doc["_id"] = id;
            doc["_rev"] = rev;
            const std::optional<Rev> r = parse_rev(rev);
            json ids = json::array({r->hash});
            const auto known = checkpoint_.records.find(id);
            if (known != checkpoint_.records.end())
                if (const std::optional<Rev> p = parse_rev(known->second.first)) ids.push_back(p->hash);
            doc["_revisions"] = {{"start", r->number}, {"ids", ids}};
            docs.push_back(std::move(doc));
            continue;
        }
        const Case* c = find_local(*case_id_of(id));
        if (c->rev == rev) {
            docs.push_back(case_document(*c));
            continue;
        }
        bool done = false;
        for (const Case& v : c->conflicts)
            if (v.rev == rev) {
                docs.push_back(case_document(v));
                done = true;
            }
        for (const std::string& d : c->discarded_revs)
            if (!done && deletion_rev(d) == rev) {
                docs.push_back(deletion_document(id, d));
                done = true;
            }
    }
    phase_ = Phase::bulk_docs;
    return request("POST", "_bulk_docs", json{{"docs", docs}, {"new_edits", false}}.dump());
}

Step Replication::finish() {
    phase_ = Phase::done;
    Step s;
    s.kind = Step::Kind::done;
    return s;
}

}  // namespace doorstep::sync
