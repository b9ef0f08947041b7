// The replication protocol (core/sync/replication.h) against canned server answers: what a
// device asks, in which order, what it keeps, and what it says when the server refuses.
#include "core/data/merge.h"
#include "core/data/revisions.h"
#include "core/sync/documents.h"
#include "core/sync/replication.h"

#include "case_fixtures.h"

#include <doctest/doctest.h>

#include <functional>

using namespace doorstep;
using namespace doorstep::sync;
using namespace doorstep::fixtures;

namespace {

const char* kId1 = "0b4e28ba-2fa1-4d2e-883f-0016d3cca427";
const char* kId2 = "1b4e28ba-2fa1-4d2e-883f-0016d3cca427";

Options options(bool pull = true, bool push = true) {
    Options o;
    o.pull = pull;
    o.push = push;
    o.batch_size = 10;
    o.replication_id = "doorstep-test";
    o.session_id = "run1";
    return o;
}

Response ok(int status, const json& body) { return Response{status, body.dump(), "application/json", ""}; }

struct Trace {
    std::vector<Request> requests;
    std::vector<StoreBatch> stores;
    Step last;
};

// Drives `rep` to its end against `server`, writing every store step as `store_ok` says.
Trace run(Replication& rep, const std::function<Response(const Request&)>& server, bool store_ok = true) {
    Trace t;
    Step s = rep.start();
    for (int guard = 0; guard < 1000; ++guard) {
        if (s.kind == Step::Kind::request) {
            t.requests.push_back(s.request);
            s = rep.on_response(server(s.request));
        } else if (s.kind == Step::Kind::store) {
            t.stores.push_back(s.store);
            s = rep.on_stored(store_ok ? Status::ok() : Status(Error{"", "the device storage is full"}));
        } else if (s.kind == Step::Kind::read_attachment) {
            s = rep.on_attachment(Result<std::string>(std::string("bytes")));
        } else {
            break;
        }
    }
    t.last = s;
    return t;
}

bool starts_with(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }

// A server holding `docs` (each a leaf revision with _revisions) at sequence 1..n, no checkpoint.
std::function<Response(const Request&)> server_with(std::vector<json> docs, std::vector<Request>* bulk_docs = nullptr,
                                                     json bulk_docs_answer = json::array()) {
    return [docs, bulk_docs, bulk_docs_answer](const Request& r) -> Response {
        if (r.path.empty()) return ok(200, {{"db_name", "cases"}});
        if (starts_with(r.path, "_local/")) return r.method == "GET" ? ok(404, {{"error", "not_found"}}) : ok(201, {{"ok", true}, {"rev", "0-1"}});
        if (starts_with(r.path, "_changes")) {
            json results = json::array();
            if (r.path.find("since=0") != std::string::npos)
                for (size_t i = 0; i < docs.size(); ++i)
                    results.push_back({{"seq", i + 1}, {"id", docs[i]["_id"]}, {"changes", json::array({json{{"rev", docs[i]["_rev"]}}})}});
            return ok(200, {{"results", results}, {"last_seq", docs.size()}});
        }
        if (starts_with(r.path, "_bulk_get")) {
            json results = json::array();
            const json asked = json::parse(r.body);
            for (const json& want : asked["docs"])
                for (const json& d : docs)
                    if (d["_id"] == want["id"] && d["_rev"] == want["rev"])
                        results.push_back({{"id", d["_id"]}, {"docs", json::array({json{{"ok", d}}})}});
            return ok(200, {{"results", results}});
        }
        if (r.path == "_revs_diff") {
            json missing = json::object();
            const json asked = json::parse(r.body);
            for (const auto& [id, revs] : asked.items()) {
                json lacking = json::array();
                for (const json& rev : revs) {
                    bool has = false;
                    for (const json& d : docs) has = has || (d["_id"] == id && d["_rev"] == rev);
                    if (!has) lacking.push_back(rev);
                }
                if (!lacking.empty()) missing[id] = {{"missing", lacking}};
            }
            return ok(200, missing);
        }
        if (r.path == "_bulk_docs") {
            if (bulk_docs) bulk_docs->push_back(r);
            return ok(201, bulk_docs_answer);
        }
        return ok(404, {{"error", "not_found"}});
    };
}

}  // namespace

TEST_CASE("sync: a case document carries the case's rev and history and reads back as the same case") {
    const Case c = edited(saved_case(kId1, "DS-2025-000001", "tablet-1"), "second save", "tablet-1");
    const json doc = case_document(c);
    CHECK(doc["_id"] == std::string("case:") + kId1);
    CHECK(doc["_rev"] == c.rev);
    CHECK(doc["_revisions"]["start"] == 2);
    CHECK(doc["_revisions"]["ids"] == json(c.rev_ids));
    CHECK(doc["schema"] == "doorstep/1");
    CHECK_FALSE(doc["case"].contains("rev"));
    Result<Case> back = case_from_document(doc);
    REQUIRE(back);
    CHECK(back.value().rev == c.rev);
    CHECK(back.value().rev_ids == c.rev_ids);
    CHECK(case_document(back.value()) == doc);
}

TEST_CASE("sync: an attachment's document is content-addressed with one fixed revision") {
    const std::string sha(64, 'a');
    const json doc = attachment_document(sha, "image/jpeg", "bytes");
    CHECK(doc["_id"] == "attachment:" + sha);
    CHECK(doc["_rev"] == "1-" + sha.substr(0, 32));
    CHECK(doc["_attachments"]["file"]["content_type"] == "image/jpeg");
    CHECK(attachment_rev(sha) == doc["_rev"]);
}

TEST_CASE("sync: the first pull keeps each batch with its checkpoint, then writes the server's checkpoint") {
    const Case remote = saved_case(kId1, "DS-2025-000001", "office-1");
    Dataset empty;
    Replication rep(empty, {}, {}, options());
    Trace t = run(rep, server_with({case_document(remote)}));
    REQUIRE(t.last.kind == Step::Kind::done);
    REQUIRE(t.stores.size() >= 1);
    REQUIRE(t.stores[0].cases.size() == 1);
    CHECK(t.stores[0].cases[0].rev == remote.rev);
    CHECK(t.stores[0].checkpoint.pull_since == 1);
    // Order: _changes, _bulk_get with revs=true, (store), then PUT _local.
    std::vector<std::string> seen;
    for (const Request& r : t.requests) seen.push_back(r.method + " " + r.path.substr(0, r.path.find('?')));
    REQUIRE(seen.size() >= 5);
    CHECK(seen[0] == "GET ");
    CHECK(seen[1] == "GET _local/doorstep-test");
    CHECK(seen[2] == "GET _changes");
    CHECK(t.requests[3].path == "_bulk_get?revs=true");
    CHECK(seen[4] == "PUT _local/doorstep-test");
    CHECK(json::parse(t.requests[4].body)["source_last_seq"] == 1);
    CHECK(json::parse(t.requests[4].body)["session_id"] == t.stores[0].checkpoint.session_id);
    CHECK(rep.report().cases_received == 1);
    // What was pulled is not sent back.
    CHECK(rep.report().cases_sent == 0);
}

TEST_CASE("sync: push sends only the revisions _revs_diff says the server lacks, with new_edits false") {
    Dataset local;
    local.cases = {saved_case(kId1, "DS-2025-000001", "tablet-1"), saved_case(kId2, "DS-2025-000002", "tablet-1")};
    std::vector<Request> sent;
    Replication rep(local, {}, {}, options(false, true));
    Trace t = run(rep, server_with({case_document(local.cases[0])}, &sent));
    REQUIRE(t.last.kind == Step::Kind::done);
    REQUIRE(sent.size() == 1);
    const json body = json::parse(sent[0].body);
    CHECK(body["new_edits"] == false);
    REQUIRE(body["docs"].size() == 1);
    CHECK(body["docs"][0]["_id"] == std::string("case:") + kId2);
    CHECK(rep.report().cases_sent == 1);
    // The device's checkpoint now knows both are on the server: nothing is sent twice.
    REQUIRE_FALSE(t.stores.empty());
    const LocalCheckpoint& kept = t.stores.back().checkpoint;
    CHECK(kept.on_server.at(std::string("case:") + kId1).count(local.cases[0].rev));
    CHECK(kept.on_server.at(std::string("case:") + kId2).count(local.cases[1].rev));
    Replication again(local, {}, kept, options(false, true));
    std::vector<Request> sent_again;
    auto server = server_with({case_document(local.cases[0]), case_document(local.cases[1])}, &sent_again);
    Trace t2 = run(again, [&](const Request& r) {
        if (starts_with(r.path, "_local/") && r.method == "GET") return ok(200, {{"_rev", "0-1"}, {"session_id", kept.session_id}});
        return server(r);
    });
    CHECK(t2.last.kind == Step::Kind::done);
    CHECK(sent_again.empty());
    CHECK(again.report().cases_sent == 0);
    for (const Request& r : t2.requests) CHECK(r.path != "_revs_diff");
}

TEST_CASE("sync: a document the server refuses in a 201 is reported by its case reference") {
    Dataset local;
    local.cases = {saved_case(kId1, "DS-2025-000001", "tablet-1")};
    Replication rep(local, {}, {}, options(false, true));
    const json refusal = json::array({{{"id", std::string("case:") + kId1}, {"error", "forbidden"}, {"reason", "not a doorstep/1 record"}}});
    Trace t = run(rep, server_with({}, nullptr, refusal));
    REQUIRE(t.last.kind == Step::Kind::done);
    REQUIRE(rep.report().refused.size() == 1);
    CHECK(rep.report().refused[0].what == "case DS-2025-000001");
    CHECK(rep.report().refused[0].error == "forbidden");
    CHECK(rep.report().refused[0].text().find("not a doorstep/1 record") != std::string::npos);
    CHECK(rep.report().cases_sent == 0);
    // Not marked as on the server: the next sync offers it again.
    CHECK_FALSE(t.stores.back().checkpoint.on_server.count(std::string("case:") + kId1));
}

TEST_CASE("sync: 401 and 403 stop with a plain reason and are not retried, unreachable and 5xx are") {
    Dataset empty;
    const auto answer = [&](Response r) {
        Replication rep(empty, {}, {}, options());
        return run(rep, [&](const Request&) { return r; }).last;
    };
    Step s = answer(ok(401, {{"error", "unauthorized"}, {"reason", "Name or password is incorrect."}}));
    REQUIRE(s.kind == Step::Kind::failed);
    CHECK_FALSE(s.failure.retry_later);
    CHECK(s.failure.message.find("did not accept the sign-in") != std::string::npos);
    CHECK(s.failure.message.find("Name or password is incorrect.") != std::string::npos);
    s = answer(ok(403, {{"error", "forbidden"}, {"reason", "You are not allowed to access this db."}}));
    REQUIRE(s.kind == Step::Kind::failed);
    CHECK_FALSE(s.failure.retry_later);
    CHECK(s.failure.message.find("no permission") != std::string::npos);
    s = answer(Response{0, "", "", "Could not establish connection"});
    REQUIRE(s.kind == Step::Kind::failed);
    CHECK(s.failure.retry_later);
    CHECK(s.failure.message.find("could not be reached") != std::string::npos);
    s = answer(ok(503, {{"error", "service_unavailable"}}));
    REQUIRE(s.kind == Step::Kind::failed);
    CHECK(s.failure.retry_later);
}

TEST_CASE("sync: a case changed here and on the server is kept with both versions, conflicting") {
    const Case base = saved_case(kId1, "DS-2025-000001", "tablet-1");
    Dataset local;
    local.cases = {edited(base, "changed on the tablet", "tablet-1")};
    const Case theirs = edited(base, "changed in the office", "office-1");
    Replication rep(local, {}, {}, options(true, false));
    Trace t = run(rep, server_with({case_document(theirs)}));
    REQUIRE(t.last.kind == Step::Kind::done);
    REQUIRE(t.stores[0].cases.size() == 1);
    const Case& kept = t.stores[0].cases[0];
    REQUIRE(kept.conflicts.size() == 1);
    std::set<std::string> revs = {kept.rev, kept.conflicts[0].rev};
    CHECK(revs == std::set<std::string>{local.cases[0].rev, theirs.rev});
    CHECK(rep.report().conflicts == 1);
}

TEST_CASE("sync: a resolved conflict sends the new revision and ends the losing one with a deleted child") {
    const Case base = saved_case(kId1, "DS-2025-000001", "tablet-1");
    const Case mine = edited(base, "changed on the tablet", "tablet-1");
    const Case theirs = edited(base, "changed in the office", "office-1");
    Case c = merge_case(mine, theirs);
    REQUIRE(c.conflicts.size() == 1);
    const std::string loser = c.rev == theirs.rev ? mine.rev : theirs.rev;
    // Keep the winner (index 0): the other version is discarded.
    REQUIRE(resolve_conflict(c, 0, Actor{"Kim Manager", "2025-04-01T09:00"}, "tablet-1"));
    Dataset local;
    local.cases = {c};
    std::vector<Request> sent;
    Replication rep(local, {}, {}, options(false, true));
    Trace t = run(rep, server_with({case_document(mine), case_document(theirs)}, &sent));
    REQUIRE(t.last.kind == Step::Kind::done);
    REQUIRE(sent.size() == 1);
    const json docs = json::parse(sent[0].body)["docs"];
    REQUIRE(docs.size() == 2);
    CHECK(docs[0]["_rev"] == c.rev);
    CHECK(docs[1]["_deleted"] == true);
    CHECK(docs[1]["_rev"] == deletion_rev(loser));
    CHECK(deleted_parent_rev(docs[1]) == loser);
    CHECK(rep.report().cases_sent == 1);
    CHECK(rep.report().deletions_sent == 1);

    // A replica still holding the conflict takes both: the conflict is gone, the loser discarded.
    Dataset other;
    other.cases = {merge_case(theirs, mine)};
    REQUIRE(other.cases[0].conflicts.size() == 1);
    Replication pull(other, {}, {}, options(true, false));
    Trace t2 = run(pull, server_with({docs[0], docs[1]}));
    REQUIRE(t2.last.kind == Step::Kind::done);
    const Case& converged = pull.local().cases[0];
    CHECK(converged.rev == c.rev);
    CHECK(converged.conflicts.empty());
}

TEST_CASE("sync: a server checkpoint one write behind the device's is recognised, anything else starts over") {
    LocalCheckpoint kept;
    kept.session_id = "run1-9";
    kept.pull_since = 9;
    kept.history = {{"run1-5", 5}, {"run1-9", 9}};
    kept.on_server["case:x"] = {"1-0123456789abcdef0123456789abcdef"};
    const auto first_since = [&](const std::string& server_session) {
        Dataset empty;
        Replication rep(empty, {}, kept, options(true, false));
        Trace t = run(rep, [&](const Request& r) {
            if (r.path.empty()) return ok(200, json::object());
            if (starts_with(r.path, "_local/"))
                return server_session.empty() ? ok(404, json::object())
                                               : ok(200, {{"_rev", "0-3"}, {"session_id", server_session}});
            return ok(200, {{"results", json::array()}, {"last_seq", 0}});
        });
        return t.requests[2].path;
    };
    CHECK(first_since("run1-9").find("since=9") != std::string::npos);
    CHECK(first_since("run1-5").find("since=5") != std::string::npos);
    CHECK(first_since("other").find("since=0") != std::string::npos);
    CHECK(first_since("").find("since=0") != std::string::npos);
}

TEST_CASE("sync: the device's checkpoint survives its own file format") {
    LocalCheckpoint c;
    c.session_id = "abc-4";
    c.pull_since = "12-g1AAAA";
    c.on_server["case:x"] = {"1-0123456789abcdef0123456789abcdef"};
    c.history = {{"abc-4", "12-g1AAAA"}};
    const LocalCheckpoint back = checkpoint_from_json(json::parse(to_json(c).dump()));
    CHECK(back.session_id == c.session_id);
    CHECK(back.pull_since == c.pull_since);
    CHECK(back.on_server == c.on_server);
    CHECK(back.history == c.history);
    CHECK(checkpoint_from_json(json::parse("[1]")).session_id.empty());
}

TEST_CASE("sync: a store that fails stops the sync before the server's checkpoint moves") {
    const Case remote = saved_case(kId1, "DS-2025-000001", "office-1");
    Dataset empty;
    Replication rep(empty, {}, {}, options());
    Trace t = run(rep, server_with({case_document(remote)}), /*store_ok=*/false);
    REQUIRE(t.last.kind == Step::Kind::failed);
    CHECK(t.last.failure.message.find("the device storage is full") != std::string::npos);
    for (const Request& r : t.requests) CHECK_FALSE((r.method == "PUT" && starts_with(r.path, "_local/")));
}

TEST_CASE("sync: the learning log travels as one document and reads back checked") {
    Dataset d;
    LearningItem item;
    item.id = "11111111-1111-4111-8111-111111111111";
    item.theme = "Repairs";
    item.lesson = "Book the damp survey at the first visit";
    d.learning = {item};
    json doc = records_body(d, kLearningId);
    CHECK(doc["type"] == "learning");
    doc["_id"] = kLearningId;
    Dataset back;
    REQUIRE(records_from_document(doc, back));
    REQUIRE(back.learning.size() == 1);
    CHECK(back.learning[0].lesson == item.lesson);
    doc["learning"][0].erase("id");
    Dataset bad;
    CHECK_FALSE(records_from_document(doc, bad));
}
