// One replication between this device's store and a CouchDB database, by CouchDB's
// replication protocol (docs/sync.md), with no I/O: the engine turns each response into the
// next step, and the host (the CLI's HTTP client, the browser's fetch) carries the steps out.
//
//   host                                   Replication
//   ----                                   -----------
//   start()                           ->   Step::request  GET /db               (reachable? signed in?)
//   send it, on_response(r)           ->   Step::request  GET /db/_local/<id>   (the server's checkpoint)
//   ...                                    pull: _changes?since=<checkpoint> in batches, the local side
//                                          answers _revs_diff itself, _bulk_get?revs=true fetches the
//                                          missing revisions with their history, GET .../file the
//                                          missing attachments; then
//   write it, on_stored(status)       <-   Step::store (merged cases + bytes + the device's checkpoint,
//                                          one commit), then PUT /db/_local/<id> (the server's);
//                                          push: _revs_diff of the local leaves the server may lack,
//                                          attachments one per _bulk_docs, cases by _bulk_docs with
//                                          new_edits:false, then the checkpoints again.
//   provide the bytes, on_attachment  <-   Step::read_attachment (push needs an attachment's bytes)
//   ...                               ->   Step::done (report) or Step::failed (reason, retry or not)
//
// Checkpoints are written only after what they cover is durable: the device's with the batch in
// one commit, then the server's. A run cut short anywhere loses nothing and repeats only the
// batch it was in (whose revisions _revs_diff then finds already there).
#pragma once
#include "core/model/dataset.h"
#include "core/base/result.h"
#include "core/sync/documents.h"

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace doorstep::sync {

struct Request {
    std::string method;   // "GET", "PUT", "POST"
    std::string path;     // relative to the database: "" (the database itself), "_changes?since=0&..."
    std::string body;     // JSON for PUT and POST
};

struct Response {
    int status = 0;            // 0: no answer (unreachable, timed out): `error` says why
    std::string body;
    std::string content_type;
    std::string error;
};

// What the device keeps for one replication (sync/<replication id>.json in the store).
struct LocalCheckpoint {
    std::string session_id;  // of the last checkpoint written; the server's _local doc carries it too
    json pull_since = 0;     // the server's update sequence pulled up to
    // Leaf revisions the server is known to hold (sent and accepted, or pulled), by document id:
    // what the device would otherwise send again.
    std::map<std::string, std::set<std::string>> on_server;
    // Earlier checkpoints (session id -> since), newest last, so a server checkpoint one write
    // behind the device's (a run cut between the two writes) is still recognised.
    std::vector<std::pair<std::string, json>> history;
    // The learning log's and the assurance records' documents: the revision last synced and
    // the hash of the content it had, so a change here (or there) is seen.
    std::map<std::string, std::pair<std::string, std::string>> records;
};
json to_json(const LocalCheckpoint& c);
LocalCheckpoint checkpoint_from_json(const json& j);  // a damaged one reads as empty: start over, safely

struct Options {
    bool pull = true;
    bool push = true;
    int batch_size = 100;  // changes, revisions and documents per request; each attachment goes
                           // in a request of its own, so a large photo never stalls a batch of cases
    std::string replication_id;                  // replication_id() below
    std::string session_id;                      // fresh for every run (the host's random id)
};

// CouchDB's idea: the same two ends and direction give the same id, so checkpoints are found
// again. `local` names this device's store (its device id), `remote` the server and database
// (without credentials).
std::string replication_id(const std::string& local, const std::string& remote, const Options& options);

// Written to the device: cases exactly as given (merged already: no revision bump), attachment
// bytes (the host checks each hash), and the checkpoint in the same commit.
struct IncomingAttachment {
    std::string sha256;
    std::string mime;
    std::string bytes;
};
struct StoreBatch {
    std::vector<Case> cases;
    // The learning log and/or the assurance records after joining what came (save_learning,
    // save_assurance); only the lists named changed are meant.
    bool learning_changed = false;
    bool assurance_changed = false;
    Dataset records;
    std::vector<IncomingAttachment> attachments;
    LocalCheckpoint checkpoint;
};

struct Refusal {
    std::string doc_id;
    std::string what;     // "case DS-2026-K7QX-000001" or "attachment <sha> (photo.jpg)"
    std::string error;    // the server's "error"
    std::string reason;   // the server's "reason"
    std::string text() const { return what + ": the server refused it (" + error + ": " + reason + ")"; }
};

struct SyncReport {
    int cases_received = 0;       // case revisions taken into the device
    int cases_sent = 0;           // case revisions the server took
    int attachments_received = 0;
    int attachments_sent = 0;
    int deletions_sent = 0;       // losing revisions ended after a person resolved a conflict
    int deletions_received = 0;
    int conflicts = 0;            // cases that became conflicting in this run
    int records_sent = 0;         // learning / assurance documents
    int records_received = 0;
    int requests = 0;
    std::vector<Refusal> refused;
    std::vector<std::string> notes;
};

struct Failure {
    bool retry_later = false;  // unreachable or a server error: nothing lost, try again later
    int status = 0;
    std::string message;       // in plain words
};

struct Step {
    enum class Kind { request, read_attachment, store, done, failed };
    Kind kind = Kind::done;
    Request request;           // request
    std::string sha256;        // read_attachment
    StoreBatch store;          // store
    Failure failure;           // failed
};

class Replication {
public:
    // `local`: the device's data now; `held`: the attachment hashes whose bytes the device has;
    // `checkpoint`: what the device kept from the last run (empty the first time).
    Replication(Dataset local, std::set<std::string> held, LocalCheckpoint checkpoint, Options options);

    Step start();
    Step on_response(const Response& response);
    Step on_stored(const Status& status);                 // after a Step::store
    // After a Step::read_attachment: the bytes and their type ("image/png"; empty: the type the
    // case's attachment names).
    Step on_attachment(const Result<std::string>& bytes, const std::string& mime = "");

    const SyncReport& report() const { return report_; }
    const Dataset& local() const { return local_; }

private:
    enum class Phase {
        db_info, get_checkpoint, changes, bulk_get, fetch_attachment, store, put_checkpoint, revs_diff,
        read_attachment, bulk_docs, done
    };
    Step request(const std::string& method, const std::string& path, const std::string& body = "");
    Step fail(Failure f);
    Step fail_response(const Response& r, const std::string& doing);
    Step next_pull();
    Step after_changes();
    Step take_revisions(const json& results);
    void take_records(const json& doc);
    Step next_attachment_fetch();
    Step store_pulled();
    Step put_checkpoint(Phase after);
    Step after_checkpoint();
    Step plan_push();
    Step next_push_batch();
    Step after_revs_diff(const json& missing);
    Step next_attachment_send();
    Step send_cases();
    Step finish();
    bool known_locally(const std::string& doc_id, const std::string& rev) const;
    void note_on_server(const std::string& doc_id, const std::string& rev);
    std::string describe(const std::string& doc_id) const;
    Case* find_local(const std::string& case_id);
    const Case* find_local(const std::string& case_id) const;

    Dataset local_;
    std::map<std::string, size_t> index_;  // case id -> position in local_.cases
    std::set<std::string> held_;
    LocalCheckpoint checkpoint_;
    Options options_;
    SyncReport report_;
    Phase phase_ = Phase::db_info;
    std::string remote_checkpoint_rev_;
    bool pulling_ = false;

    // pull batch
    json pending_since_;
    std::vector<std::pair<std::string, std::string>> to_fetch_;  // (doc id, rev)
    std::vector<std::string> attachments_to_fetch_;
    StoreBatch incoming_;
    std::map<std::string, std::set<std::string>> seen_in_batch_;
    bool changes_empty_ = false;

    // push
    std::vector<std::pair<std::string, std::string>> push_plan_;  // (doc id, leaf rev), cases and attachments
    size_t push_pos_ = 0;
    std::vector<std::pair<std::string, std::string>> push_batch_;
    std::vector<std::string> attachments_to_send_;  // sha256s the server lacks
    std::vector<std::pair<std::string, std::string>> cases_to_send_;
    std::map<std::string, std::pair<std::string, std::string>> records_to_send_;  // id -> (rev, hash)
    std::string sending_sha_;
    std::string sending_mime_;
};

}  // namespace doorstep::sync
