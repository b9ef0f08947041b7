// A device's store from the command line, for the team's scripts and the sync tests: load an
// export into it, write it out, add a note to a case, resolve a conflict, erase a case and
// list the closed cases past the retention period (21.8). Every change goes through the
// engine's checked functions and the store's save (a new revision, as in the app).
#include "cli/commands.h"

#include "core/data/merge.h"
#include "core/rules/erasure.h"
#include "core/rules/workflow.h"
#include "storage/case_store.h"
#include "storage/file_store.h"

#include <filesystem>
#include <iostream>
#include <memory>

namespace doorstep::cli {
namespace {

struct OpenStore {
    DirectoryStore files;
    CaseStore store;
    explicit OpenStore(const std::string& dir) : files(dir), store(files) { store.clock = [] { return now_local(); }; }
};

std::unique_ptr<OpenStore> open_store(const Args& args, std::ostream& err) {
    std::error_code ec;
    std::filesystem::create_directories(*args.option("--store"), ec);  // a new device starts with an empty folder
    auto s = std::make_unique<OpenStore>(*args.option("--store"));
    Result<OpenReport> r = s->store.open();
    if (!r) {
        err << "doorstep: cannot open the store " << *args.option("--store") << ": " << r.error().text() << "\n";
        return nullptr;
    }
    for (const Error& q : r.value().quarantined) err << "doorstep: " << q.text() << "\n";
    return s;
}

Case* case_by_reference(CaseStore& store, const std::string& ref, std::ostream& err) {
    for (const Case& c : store.data().cases)
        if (c.reference == ref) return const_cast<Case*>(store.find_case(c.id));
    err << "doorstep: no case " << ref << " in the store\n";
    return nullptr;
}

int save(CaseStore& store, Case c, std::ostream& out, std::ostream& err) {
    if (Status s = store.save_case(c); !s) {
        err << "doorstep: " << s.error().text() << "\n";
        return kProblems;
    }
    out << c.reference << ": saved as revision " << c.rev << "\n";
    return kOk;
}

int run_store_load(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1 || !args.option("--store")) return kUsage;
    std::string error;
    const std::optional<std::string> text = read_file(args.positional[0], error);
    if (!text) {
        err << "doorstep: " << error << "\n";
        return kProblems;
    }
    auto s = open_store(args, err);
    if (!s) return kProblems;
    Result<ImportOutcome> r = s->store.import_bundle(*text, /*merge=*/true);
    if (!r) {
        err << "doorstep: " << r.error().text() << "\n";
        return kProblems;
    }
    out << "store-load: " << r.value().cases_in_file << " case(s) in the file, " << r.value().cases_written << " written, "
        << r.value().attachments_added << " attachment(s) added\n";
    for (const std::string& m : r.value().messages) out << "store-load: " << m << "\n";
    return kOk;
}

int run_store_export(const Args& args, std::ostream& out, std::ostream& err) {
    if (!args.positional.empty() || !args.option("--store") || !args.option("-o")) return kUsage;
    auto s = open_store(args, err);
    if (!s) return kProblems;
    std::vector<Error> missing;
    const std::string text = s->store.export_bundle(&missing);
    for (const Error& e : missing) err << "doorstep: " << e.text() << "\n";
    std::string error;
    if (!write_file(*args.option("-o"), text, error)) {
        err << "doorstep: " << error << "\n";
        return kProblems;
    }
    if (*args.option("-o") != "-") out << "store-export: " << s->store.data().cases.size() << " case(s) written\n";
    return missing.empty() ? kOk : kProblems;
}

int run_store_note(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 2 || !args.option("--store")) return kUsage;
    auto s = open_store(args, err);
    if (!s) return kProblems;
    Case* found = case_by_reference(s->store, args.positional[0], err);
    if (!found) return kProblems;
    Case c = *found;
    const Actor actor{args.option("--by").value_or("Doorstep CLI"), now_local()};
    if (Status st = add_note(c, today_local(), args.positional[1], actor); !st) {
        err << "doorstep: " << st.error().text() << "\n";
        return kProblems;
    }
    return save(s->store, std::move(c), out, err);
}

int run_store_resolve(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1 || !args.option("--store") || !args.option("--keep")) return kUsage;
    auto s = open_store(args, err);
    if (!s) return kProblems;
    Case* found = case_by_reference(s->store, args.positional[0], err);
    if (!found) return kProblems;
    Case c = *found;
    if (c.conflicts.empty()) {
        err << "doorstep: case " << c.reference << " has no conflicting versions\n";
        return kProblems;
    }
    int keep = -1;
    try {
        keep = std::stoi(*args.option("--keep"));
    } catch (...) {
    }
    const Actor actor{args.option("--by").value_or("Doorstep CLI"), now_local()};
    if (Status st = resolve_conflict(c, keep, actor, s->store.data().settings.device_id); !st) {
        err << "doorstep: " << st.error().text() << "\n";
        return kProblems;
    }
    return save(s->store, std::move(c), out, err);
}

int run_store_erase(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1 || !args.option("--store") || !args.option("--reason") || !args.option("--as"))
        return kUsage;
    auto s = open_store(args, err);
    if (!s) return kProblems;
    const Case* found = case_by_reference(s->store, args.positional[0], err);
    if (!found) return kProblems;
    const Actor actor{*args.option("--as"), now_local()};
    Result<Erasure> e = erase_case(*found, s->store.data().settings, *args.option("--reason"), actor);
    if (!e) {
        err << "doorstep: " << e.error().text() << "\n";
        return kProblems;
    }
    if (Status st = s->store.erase_case(*e); !st) {
        err << "doorstep: " << st.error().text() << "\n";
        return kProblems;
    }
    out << e->reference << ": erased by " << e->by << " (" << e->reason << "); the record of its erasure is kept\n";
    return kOk;
}

int run_store_retention(const Args& args, std::ostream& out, std::ostream& err) {
    if (!args.positional.empty() || !args.option("--store")) return kUsage;
    Date today = today_local();
    if (const auto on = args.option("--on")) {
        const std::optional<Date> d = date_argument(*on, "--on", err);
        if (!d) return kUsage;
        today = *d;
    }
    auto s = open_store(args, err);
    if (!s) return kProblems;
    const Dataset& d = s->store.data();
    const int years = d.settings.retention_years;
    if (years <= 0) {
        out << "retention: off (0 years in Settings): no case is listed\n";
        return kOk;
    }
    const std::vector<const Case*> due = past_retention(d, today);
    out << "retention: " << due.size() << (due.size() == 1 ? " closed case is" : " closed cases are") << " past "
        << years << (years == 1 ? " year" : " years") << " after closure on " << to_iso(today) << "\n";
    for (const Case* c : due)
        out << c->reference << "  closed " << to_iso(c->closure->closed_on) << "  retention ended "
            << to_iso(*retention_ends(*c, d.settings)) << "\n";
    return kOk;
}

const Registrar store_load_command{{"store-load", "FILE.json --store DIR",
                                    "Merges an export (or bundle) into a device's store folder", run_store_load,
                                    {"--store"}, {}}};
const Registrar store_export_command{{"store-export", "--store DIR -o FILE.json",
                                      "Writes a device's store folder as an export bundle", run_store_export,
                                      {"--store", "-o"}, {}}};
const Registrar store_note_command{{"store-note", "CASE-REF TEXT --store DIR [--by NAME]",
                                    "Adds a note to a case in a device's store folder (a new revision)", run_store_note,
                                    {"--store", "--by"}, {}}};
const Registrar store_resolve_command{{"store-resolve", "CASE-REF --keep N --store DIR [--by NAME]",
                                       "Resolves a conflicting case in a store: keeps version N (0 = shown first)",
                                       run_store_resolve, {"--store", "--keep", "--by"}, {}}};
const Registrar store_erase_command{{"store-erase", "CASE-REF --reason TEXT --as NAME --store DIR",
                                     "Erases a closed case for good, as a complaints or senior manager (21.8): "
                                     "the record that it was erased is kept, not its content",
                                     run_store_erase, {"--store", "--reason", "--as"}, {}}};
const Registrar store_retention_command{{"store-retention", "--store DIR [--on DATE]",
                                         "Lists the closed cases past the retention period in Settings, oldest first",
                                         run_store_retention, {"--store", "--on"}, {}}};

}  // namespace
}  // namespace doorstep::cli
