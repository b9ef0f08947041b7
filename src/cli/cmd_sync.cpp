// Sync with a CouchDB server (docs/sync.md): server-setup, push, pull and sync. The protocol is
// core/sync/replication.h; this file carries its steps out over HTTP (cmd_sync_http.h) and
// against a store or a file, and prints what was sent and received.
#include "cli/cmd_sync_http.h"
#include "cli/commands.h"

#include "core/base/base64.h"
#include "core/base/hashing.h"
#include "core/data/case_json.h"
#include "core/data/revisions.h"
#include "core/data/settings_defaults.h"
#include "storage/attachments.h"
#include "storage/case_store.h"
#include "storage/file_store.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <iostream>
#include <random>

namespace doorstep::cli {
namespace {

using sync::json;

std::string random_session_id() {
    std::random_device rd;
    std::mt19937_64 gen((uint64_t(rd()) << 32) ^ rd());
    static const char* const hex = "0123456789abcdef";
    std::string s;
    for (int i = 0; i < 16; ++i) s += hex[gen() & 15];
    return s;
}

int batch_option(const Args& args, std::ostream& err) {
    const std::optional<std::string> b = args.option("--batch");
    if (!b) return 100;
    try {
        const int n = std::stoi(*b);
        if (n >= 1 && n <= 10000) return n;
    } catch (...) {
    }
    err << "doorstep: --batch must be a number from 1 to 10000\n";
    return 0;
}

// The host's side of a replication: where the device's data is read and written.
struct Local {
    std::function<Result<std::string>(const std::string& sha)> read_attachment;  // bytes; their type is sniffed
    std::function<Status(const sync::StoreBatch& batch)> store;
};

void print_report(const char* what, const sync::SyncReport& r, double seconds, std::ostream& out) {
    out << what << ": received " << r.cases_received << " case revision" << (r.cases_received == 1 ? "" : "s") << ", "
        << r.attachments_received << " attachment" << (r.attachments_received == 1 ? "" : "s");
    if (r.deletions_received) out << ", " << r.deletions_received << " ended revision(s)";
    out << "; sent " << r.cases_sent << " case revision" << (r.cases_sent == 1 ? "" : "s") << ", " << r.attachments_sent
        << " attachment" << (r.attachments_sent == 1 ? "" : "s");
    if (r.deletions_sent) out << ", " << r.deletions_sent << " ended revision(s)";
    if (r.records_sent || r.records_received)
        out << "; learning/assurance documents: " << r.records_received << " received, " << r.records_sent << " sent";
    out << "; " << r.conflicts << " new conflict" << (r.conflicts == 1 ? "" : "s") << "; " << r.requests
        << " requests in " << std::fixed;
    out.precision(2);
    out << seconds << " s\n";
    for (const std::string& note : r.notes) out << "note: " << note << "\n";
}

// Runs the replication to its end. Returns kOk, or kProblems with the reason on `err`.
int drive(sync::Replication& rep, CouchClient& client, const Local& local, const char* what, std::ostream& out,
          std::ostream& err) {
    const auto began = std::chrono::steady_clock::now();
    sync::Step step = rep.start();
    int batches = 0;
    for (;;) {
        switch (step.kind) {
        case sync::Step::Kind::request:
            step = rep.on_response(client.send(step.request));
            break;
        case sync::Step::Kind::read_attachment:
        {
            const Result<std::string> bytes = local.read_attachment(step.sha256);
            step = rep.on_attachment(bytes, bytes ? sniff_mime(bytes.value()) : std::string());
        }
            break;
        case sync::Step::Kind::store: {
            const Status s = local.store(step.store);
            if (s && (!step.store.cases.empty() || !step.store.attachments.empty())) {
                ++batches;
                out << what << ": batch " << batches << " kept: " << step.store.cases.size() << " case(s), "
                    << step.store.attachments.size() << " attachment(s)\n";
                out.flush();
            }
            step = rep.on_stored(s);
            break;
        }
        case sync::Step::Kind::done: {
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
            print_report(what, rep.report(), seconds, out);
            if (rep.report().refused.empty()) return kOk;
            for (const sync::Refusal& r : rep.report().refused) err << "doorstep: " << r.text() << "\n";
            err << "doorstep: " << rep.report().refused.size()
                << " document(s) refused by the server; everything else was synced\n";
            return kProblems;
        }
        case sync::Step::Kind::failed: {
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
            print_report(what, rep.report(), seconds, out);
            err << "doorstep: " << step.failure.message << "\n";
            if (step.failure.retry_later) err << "doorstep: (this can be retried later)\n";
            return kProblems;
        }
        }
    }
}

struct Target {
    ServerUrl url;
    std::string db;
};

std::optional<Target> target_arguments(const std::string& url_text, const std::string& db, std::ostream& err) {
    std::string error;
    std::optional<ServerUrl> url = parse_server_url(url_text, error);
    if (!url) {
        err << "doorstep: " << error << "\n";
        return std::nullopt;
    }
    // CouchDB's own rule for database names.
    bool ok = !db.empty() && db[0] >= 'a' && db[0] <= 'z';
    for (char ch : db)
        ok = ok && ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || std::string("_$()+-/").find(ch) != std::string::npos);
    if (!ok) {
        err << "doorstep: '" << db << "' is not a CouchDB database name (lowercase letters, digits and _$()+-/, starting with a letter)\n";
        return std::nullopt;
    }
    return Target{*url, db};
}

// --- server-setup --------------------------------------------------------------------------------

int put_json(CouchClient& client, const std::string& path, json body, const char* what, std::ostream& out, std::ostream& err) {
    // Updating needs the current _rev (design document); _security has none.
    sync::Response current = client.send({"GET", path, ""});
    if (current.status == 200) {
        const json j = json::parse(current.body, nullptr, false);
        if (j.is_object() && j.contains("_rev")) body["_rev"] = j["_rev"];
    }
    const sync::Response r = client.send({"PUT", path, body.dump()});
    if (r.status == 200 || r.status == 201) {
        out << "server-setup: " << what << ": written\n";
        return kOk;
    }
    err << "doorstep: could not write " << what << " (" << (r.status ? std::to_string(r.status) + " " + r.body : r.error) << ")\n";
    return kProblems;
}

int run_server_setup(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 2) return kUsage;
    const std::optional<Target> t = target_arguments(args.positional[0], args.positional[1], err);
    if (!t) return kUsage;
    const std::string role = args.option("--role").value_or("doorstep");
    CouchClient client(t->url, t->db);
    const sync::Response created = client.send({"PUT", "", ""});
    if (created.status == 201 || created.status == 202)
        out << "server-setup: database " << t->db << " created at " << t->url.shown() << "\n";
    else if (created.status == 412)
        out << "server-setup: database " << t->db << " already exists at " << t->url.shown() << "\n";
    else if (created.status == 0) {
        err << "doorstep: the server could not be reached (" << created.error << ")\n";
        return kProblems;
    } else if (created.status == 401 || created.status == 403) {
        err << "doorstep: creating a database needs a server administrator's sign-in (" << created.status << " "
            << created.body << ")\n";
        return kProblems;
    } else {
        err << "doorstep: could not create database " << t->db << " (" << created.status << " " << created.body << ")\n";
        return kProblems;
    }
    if (put_json(client, "_design/doorstep", sync::design_document(), "design document _design/doorstep (validate_doc_update)",
                 out, err) != kOk)
        return kProblems;
    if (put_json(client, "_security", sync::security_document(role), ("_security (members: role " + role + ")").c_str(),
                 out, err) != kOk)
        return kProblems;
    return kOk;
}

// --- push FILE.json URL DB ----------------------------------------------------------------------

int run_push(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 3) return kUsage;
    const std::optional<Target> t = target_arguments(args.positional[1], args.positional[2], err);
    if (!t) return kUsage;
    const int batch = batch_option(args, err);
    if (!batch) return kUsage;
    std::optional<Bundle> bundle = load_export(args.positional[0], err, err);
    if (!bundle) return kProblems;
    // A case never saved has no revision yet: it gets its first one here, as a save would.
    for (Case& c : bundle->data.cases)
        if (c.rev.empty()) bump_revision(c, "doorstep-push");
    std::set<std::string> held;
    for (const BundleFile& f : bundle->files) held.insert(f.sha256);
    sync::Options options;
    options.pull = false;
    options.batch_size = batch;
    options.session_id = random_session_id();
    options.replication_id = sync::replication_id("file:" + sha256_hex(args.positional[0]), t->url.shown() + "/" + t->db, options);
    sync::Replication rep(bundle->data, held, {}, options);
    CouchClient client(t->url, t->db);
    Local local;
    local.read_attachment = [&](const std::string& sha) -> Result<std::string> {
        for (const BundleFile& f : bundle->files)
            if (f.sha256 == sha) return f.bytes;
        return Error{"", "not in the file"};
    };
    local.store = [](const sync::StoreBatch&) { return Status::ok(); };  // a file keeps no checkpoint
    return drive(rep, client, local, "push", out, err);
}

// --- pull URL DB -o FILE.json -------------------------------------------------------------------

int run_pull(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 2 || !args.option("-o")) return kUsage;
    const std::optional<Target> t = target_arguments(args.positional[0], args.positional[1], err);
    if (!t) return kUsage;
    const int batch = batch_option(args, err);
    if (!batch) return kUsage;
    sync::Options options;
    options.push = false;
    options.batch_size = batch;
    options.session_id = random_session_id();
    options.replication_id = sync::replication_id("export:" + random_session_id(), t->url.shown() + "/" + t->db, options);
    Dataset empty;
    empty.settings = default_settings();
    sync::Replication rep(empty, {}, {}, options);
    CouchClient client(t->url, t->db);
    std::vector<sync::IncomingAttachment> files;
    Local local;
    local.read_attachment = [](const std::string&) -> Result<std::string> { return Error{"", "pull sends nothing"}; };
    local.store = [&](const sync::StoreBatch& b) {
        files.insert(files.end(), b.attachments.begin(), b.attachments.end());
        return Status::ok();
    };
    if (const int rc = drive(rep, client, local, "pull", out, err); rc != kOk) return rc;
    std::string text = export_dataset(rep.local(), now_local());
    if (!files.empty()) {
        json doc = json::parse(text);
        json all = json::object();
        for (const sync::IncomingAttachment& f : files)
            all[f.sha256] = {{"mime", f.mime}, {"size", f.bytes.size()}, {"base64", base64_encode(f.bytes)}};
        doc["files"] = std::move(all);
        text = doc.dump(2) + "\n";
    }
    std::string error;
    if (!write_file(*args.option("-o"), text, error)) {
        err << "doorstep: " << error << "\n";
        return kProblems;
    }
    out << "pull: " << rep.local().cases.size() << " case(s) and " << files.size() << " attachment(s) written to "
        << *args.option("-o") << "\n";
    return kOk;
}

// --- sync URL DB --store DIR --------------------------------------------------------------------

int run_sync(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 2 || !args.option("--store")) return kUsage;
    const std::optional<Target> t = target_arguments(args.positional[0], args.positional[1], err);
    if (!t) return kUsage;
    const int batch = batch_option(args, err);
    if (!batch) return kUsage;
    std::error_code ec;
    std::filesystem::create_directories(*args.option("--store"), ec);  // a new device starts with an empty folder
    DirectoryStore files(*args.option("--store"));
    CaseStore store(files);
    store.clock = [] { return now_local(); };
    Result<OpenReport> opened = store.open();
    if (!opened) {
        err << "doorstep: cannot open the store " << *args.option("--store") << ": " << opened.error().text() << "\n";
        return kProblems;
    }
    for (const Error& q : opened.value().quarantined) err << "doorstep: " << q.text() << "\n";
    sync::Options options;
    options.pull = !args.has("--push-only");
    options.push = !args.has("--pull-only");
    options.batch_size = batch;
    options.session_id = random_session_id();
    options.replication_id =
        sync::replication_id("store:" + store.data().settings.device_id, t->url.shown() + "/" + t->db, options);
    std::set<std::string> held;
    for (const Case& c : store.data().cases)
        for (const Attachment& a : c.attachments)
            for (const std::string& sha : {a.sha256, a.thumbnail_sha256})
                if (!sha.empty() && store.has_attachment(sha)) held.insert(sha);
    sync::LocalCheckpoint checkpoint;
    if (std::optional<std::string> text = store.read_sync_checkpoint(options.replication_id))
        checkpoint = sync::checkpoint_from_json(json::parse(*text, nullptr, false));
    sync::Replication rep(store.data(), held, checkpoint, options);
    CouchClient client(t->url, t->db);
    Local local;
    local.read_attachment = [&](const std::string& sha) { return store.read_attachment(sha); };
    local.store = [&](const sync::StoreBatch& b) -> Status {
        for (const sync::IncomingAttachment& a : b.attachments) {
            std::string filename = "attachment";
            for (const Case& c : b.cases)
                for (const Attachment& m : c.attachments)
                    if (m.sha256 == a.sha256 && !m.filename.empty()) filename = m.filename;
            Result<Attachment> added = store.add_attachment(a.bytes, a.mime, filename, today_local());
            if (!added) return Error{"attachment " + a.sha256, added.error().text()};
            if (added.value().sha256 != a.sha256) return Error{"attachment " + a.sha256, "its bytes do not match its hash"};
        }
        if (b.learning_changed)
            if (Status s = store.save_learning(b.records.learning); !s) return s;
        if (b.assurance_changed)
            if (Status s = store.save_assurance(b.records.assessments, b.records.quality_checks, b.records.non_compliance); !s)
                return s;
        return store.store_synced(b.cases, options.replication_id, to_json(b.checkpoint).dump() + "\n");
    };
    return drive(rep, client, local, "sync", out, err);
}

const Registrar server_setup_command{{"server-setup", "URL DB [--role ROLE]",
                                      "Creates a CouchDB database for sync: validate_doc_update and _security (members: ROLE, default doorstep)",
                                      run_server_setup, {"--role"}, {}}};
const Registrar push_command{{"push", "FILE.json URL DB [--batch N]",
                              "Sends an export's cases and attachments to a CouchDB database", run_push, {"--batch"}, {}}};
const Registrar pull_command{{"pull", "URL DB -o FILE.json [--batch N]",
                              "Writes a CouchDB database's cases (and attachments) as a doorstep/1 export", run_pull,
                              {"-o", "--batch"}, {}}};
const Registrar sync_command{{"sync", "URL DB --store DIR [--batch N] [--pull-only|--push-only]",
                              "Replicates a store with a CouchDB database both ways, from its checkpoints", run_sync,
                              {"--store", "--batch"}, {"--pull-only", "--push-only"}}};

}  // namespace
}  // namespace doorstep::cli
