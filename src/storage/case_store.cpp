// Index of this file (each a "// ---" section below; search for its heading):
//   - Opening
//   - Saving
//   - Export tracking
//   - Drafts
//   - Attachments
//   - Import, export and the commit protocol

#include "storage/case_store.h"

#include "storage/bundle.h"

#include "core/base/base64.h"
#include "core/data/case_json.h"
#include "core/rules/derived_flags.h"
#include "core/base/hashing.h"
#include "core/base/ids.h"
#include "core/data/merge.h"
#include "core/model/references.h"
#include "core/data/revisions.h"
#include "core/model/settings.h"
#include "core/data/settings_defaults.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <ctime>
#include <map>
#include <set>

namespace doorstep {

namespace {

using json = nlohmann::json;
using ojson = nlohmann::ordered_json;

constexpr const char* kSettingsFile = "settings.json";
constexpr const char* kLearningFile = "learning.json";
constexpr const char* kAssuranceFile = "assurance.json";
constexpr const char* kErasuresFile = "erasures.json";
constexpr const char* kExportStateFile = "export-state.json";
constexpr const char* kCommitFile = "import-commit.json";

std::string case_path(const std::string& id) { return "cases/" + id + ".json"; }
std::string draft_path(const std::string& key) { return "drafts/" + key + ".json"; }
std::string attachment_path(const std::string& sha) { return "attachments/" + sha; }
std::string attachment_meta_path(const std::string& sha) { return "attachments/" + sha + ".json"; }

bool ends_with(const std::string& s, std::string_view tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Case ids become file names: only the characters a UUID (or a tidy legacy id) uses.
bool is_safe_name(std::string_view s, size_t max_len) {
    if (s.empty() || s.size() > max_len || s.front() == '.') return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.'))
            return false;
    return true;
}

std::string case_label(const Case& c) { return c.reference.empty() ? c.id : c.reference; }

// The first line of a problem list, for a one-line report.
std::string first_lines(const std::string& text, int lines) {
    size_t pos = 0;
    for (int i = 0; i < lines && pos != std::string::npos; ++i) {
        pos = text.find('\n', pos == 0 && i == 0 ? 0 : pos + 1);
    }
    return pos == std::string::npos ? text : text.substr(0, pos);
}

ImportLimits side_file_limits(ImportLimits l) {
    l.require_known_links = false;  // a side file holds one part; links are checked on the whole
    return l;
}

std::string system_clock_text() {
    const std::time_t t = std::time(nullptr);
    std::tm local{};
#if defined(_WIN32)
    localtime_s(&local, &t);
#else
    localtime_r(&t, &local);
#endif
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M", &local);
    return buf;
}

// The photos (and their thumbnails) a case names, in any of its versions.
void add_photos(const Case& c, std::set<std::string>& into) {
    const auto name = [&](const Case& version) {
        for (const Attachment& a : version.attachments) {
            into.insert(a.sha256);
            if (!a.thumbnail_sha256.empty()) into.insert(a.thumbnail_sha256);
        }
    };
    name(c);
    for (const Case& version : c.conflicts) name(version);
}

// Whether a file's name holds one of these case ids ("<id>.json", "2-<id>.json.why.txt").
bool names_one_of(const std::string& name, const std::set<std::string>& ids) {
    constexpr size_t kIdLength = 36;  // a UUID
    for (size_t at = 0; at + kIdLength <= name.size(); ++at)
        if (ids.count(name.substr(at, kIdLength))) return true;
    return false;
}

// Merge keeps these per device: they describe this tablet, not the landlord.
void keep_device_settings(Settings& incoming, const Settings& local) {
    incoming.device_id = local.device_id;
    incoming.device_code = local.device_code;
    incoming.officer_name = local.officer_name;
    incoming.theme = local.theme;
    incoming.text_scale = local.text_scale;
    incoming.last_exported = local.last_exported;
}

}  // namespace

std::string settings_file_text(const Settings& s, std::string_view stamped_at) {
    Dataset part;
    part.settings = s;
    return export_dataset(part, stamped_at);
}

CaseStore::CaseStore(FileStore& files) : files_(files) {}

std::string CaseStore::now() const { return clock ? clock() : system_clock_text(); }

std::string CaseStore::device_id() const { return data_.settings.device_id; }

std::string CaseStore::device_code() const { return data_.settings.device_code; }

uint32_t CaseStore::next_reference_counter(int year) const {
    uint32_t n = doorstep::next_reference_counter(data_.cases, year, data_.settings.device_code);
    // An erased case's reference is not given to a new case: its erasure record names it (21.8).
    for (const Erasure& e : data_.erasures) {
        const std::optional<CaseReference> r = parse_case_reference(e.reference);
        if (r && r->year == year && r->device_code == data_.settings.device_code) n = std::max(n, r->counter + 1);
    }
    return n;
}

std::string CaseStore::next_reference(int year) const {
    return case_reference(year, data_.settings.device_code, next_reference_counter(year));
}

const Case* CaseStore::find_case(const std::string& id) const {
    for (const Case& c : data_.cases)
        if (c.id == id) return &c;
    return nullptr;
}

const Erasure* CaseStore::erasure_of(const std::string& case_id) const {
    for (const Erasure& e : data_.erasures)
        if (e.case_id == case_id) return &e;
    return nullptr;
}

// ---------------------------------------------------------------------------
// Opening

Result<OpenReport> CaseStore::open() {
    OpenReport report;
    Dataset loaded;
    ExportState state;

    // An import cut short: finish it if its marker made it to disk, otherwise
    // drop its staged files. Either way the data is whole again.
    if (files_.exists(kCommitFile)) {
        if (Status s = finish_commit(&report.notes); s) {
            report.import_finished = true;
            report.notes.push_back(Error{"", "An import that was interrupted has now been completed."});
        } else {
            report.notes.push_back(Error{"", "An interrupted import could not be completed yet: " + s.error().text()});
        }
    }
    for (const char* folder : {"", "cases", "drafts", "attachments", "sync"}) {
        auto names = files_.list(folder);
        if (!names) {
            if (std::string(folder).empty()) return Error{"", "Could not read the saved data: " + names.error().text()};
            continue;
        }
        for (const std::string& name : *names) {
            const bool leftover = ends_with(name, ".tmp") || (ends_with(name, ".new") && !files_.exists(kCommitFile));
            if (leftover) (void)files_.remove(std::string(folder).empty() ? name : std::string(folder) + "/" + name);
        }
    }

    const ImportLimits side_limits = side_file_limits(limits);
    auto quarantine = [&](const std::string& path, const std::string& reason) {
        const std::string base = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
        std::string target = "quarantine/" + base;
        for (int n = 2; files_.exists(target) && n < 1000; ++n) target = "quarantine/" + std::to_string(n) + "-" + base;
        if (Status s = files_.rename(path, target); !s) {
            report.quarantined.push_back(Error{path, reason + " (left in place: " + s.error().message + ")"});
            return;
        }
        (void)files_.write(target + ".why.txt", path + ": " + reason + "\n");
        report.quarantined.push_back(Error{path, reason + " (moved to " + target + ")"});
    };
    auto read_side = [&](const char* path, auto&& take) {
        if (!files_.exists(path)) return false;
        auto text = files_.read(path);
        if (!text) {
            report.notes.push_back(Error{path, "could not be read: " + text.error().message});
            return false;
        }
        auto part = parse_dataset(*text, side_limits);
        if (!part) {
            quarantine(path, first_lines(part.error().message, 2));
            return false;
        }
        take(*part);
        return true;
    };

    if (!read_side(kSettingsFile, [&](Dataset& d) { loaded.settings = std::move(d.settings); }))
        loaded.settings = default_settings();
    read_side(kLearningFile, [&](Dataset& d) { loaded.learning = std::move(d.learning); });
    read_side(kAssuranceFile, [&](Dataset& d) {
        loaded.assessments = std::move(d.assessments);
        loaded.quality_checks = std::move(d.quality_checks);
        loaded.non_compliance = std::move(d.non_compliance);
    });
    read_side(kErasuresFile, [&](Dataset& d) { loaded.erasures = std::move(d.erasures); });

    auto names = files_.list("cases");
    if (!names) return Error{"cases", "Could not list the saved cases: " + names.error().message};
    std::set<std::string> seen;
    for (const std::string& name : *names) {
        if (!ends_with(name, ".json")) continue;
        const std::string path = "cases/" + name;
        auto text = files_.read(path);
        if (!text) {
            report.notes.push_back(Error{path, "could not be read: " + text.error().message});
            continue;
        }
        auto c = parse_case(*text, limits);
        if (!c) {
            quarantine(path, first_lines(c.error().message, 2));
            continue;
        }
        if (case_path(c->id) != path) {
            quarantine(path, "the case inside has id '" + c->id + "', which does not match the file name");
            continue;
        }
        seen.insert(c->id);
        loaded.cases.push_back(std::move(*c));
    }
    // Stable order for screens and exports: by reference, then id.
    std::sort(loaded.cases.begin(), loaded.cases.end(), [](const Case& a, const Case& b) {
        return a.reference != b.reference ? a.reference < b.reference : a.id < b.id;
    });

    if (files_.exists(kExportStateFile)) {
        auto text = files_.read(kExportStateFile);
        json j = text ? json::parse(*text, nullptr, false) : json();
        if (j.is_object()) {
            auto str = [&](const char* key) {
                auto it = j.find(key);
                return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
            };
            state.last_exported = str("last_exported");
            state.first_change_since = str("first_change_since");
            auto ids = j.find("changed_case_ids");
            if (ids != j.end() && ids->is_array())
                for (const auto& id : *ids)
                    if (id.is_string()) state.changed_case_ids.push_back(id.get<std::string>());
            auto other = j.find("other_changes");
            state.other_changes = other != j.end() && other->is_boolean() && other->get<bool>();
        } else {
            report.notes.push_back(Error{kExportStateFile, "could not be read; the export reminder starts afresh"});
        }
    }

    data_ = std::move(loaded);
    export_state_ = std::move(state);
    // An erasure cut short (21.8): its record is on disk, so what still names the case goes now.
    if (!data_.erasures.empty()) {
        std::set<std::string> erased;
        for (const Erasure& e : data_.erasures) erased.insert(e.case_id);
        for (const Case& c : data_.cases)
            if (erased.count(c.id))
                report.notes.push_back(Error{case_path(c.id), "Case " + case_label(c) +
                                                                  " was erased; its removal, cut short, was finished now."});
        if (Status s = remove_erased(erased); !s) report.notes.push_back(s.error());
    }
    report.cases_loaded = int(data_.cases.size());

    // Stored flags are checked, not trusted (derived_flags.h).
    const Calendar cal = data_.settings.calendar();
    for (Case& c : data_.cases) recompute_derived_flags(c, data_.settings, cal);

    // This device's identity, chosen once when it is set up: its id (revisions) and the
    // short code in its case references, so two devices never make the same reference.
    if (data_.settings.device_id.empty() || !is_device_code(data_.settings.device_code)) {
        Rng rng(entropy_seed());
        if (data_.settings.device_id.empty()) data_.settings.device_id = new_uuid(rng);
        if (!is_device_code(data_.settings.device_code)) data_.settings.device_code = new_device_code(rng);
        // Not a change to export: only this device's own identity.
        Dataset part;
        part.settings = data_.settings;
        if (Status st = write_side_file(kSettingsFile, part); !st)  // else used this session, saved with the next change
            report.notes.push_back(Error{kSettingsFile, "could not record this device's id: " + st.error().message});
    }
    (void)remove_unused_attachments();  // e.g. a photo kept for a case never saved
    return report;
}

// ---------------------------------------------------------------------------
// Saving

Status CaseStore::save_case(Case& c) {
    if (!is_safe_name(c.id, 100))
        return Error{"", "Could not save case " + case_label(c) + ": it has no valid id (letters, digits and '-' only)."};
    if (const Erasure* e = erasure_of(c.id))
        return Error{"", "Could not save case " + case_label(c) + ": it was " + erasure_words(*e) +
                             ", and an erased case is not kept again."};
    for (const Case& other : data_.cases)
        if (other.id != c.id && !c.reference.empty() && other.reference == c.reference)
            return Error{"", "Could not save case " + case_label(c) + ": another case on this device already has reference " +
                                 c.reference + ". Nothing was changed."};
    Case next = c;
    bump_revision(next, device_id());
    const std::string text = case_to_text(next);
    // Never write what open() would refuse: it would be quarantined next time.
    Problems problems;
    if (auto back = parse_case(text, limits, &problems); !back) {
        std::string list;
        for (const Error& e : problems) list += "\n" + e.text();
        return Error{"", "Could not save case " + case_label(c) + ": it has problems to fix first." + list};
    }
    const std::string path = case_path(next.id);
    const bool existed = files_.exists(path);
    if (Status s = files_.write(path, text); !s) {
        return Error{"", "Could not save case " + case_label(c) + ": " + s.error().message + ". " +
                             (existed ? "Nothing was lost: the previous version is kept."
                                      : "The case is still on screen: free some space and save it again.")};
    }
    c = next;
    bool replaced = false;
    for (Case& existing : data_.cases)
        if (existing.id == next.id) {
            existing = std::move(next);
            replaced = true;
            break;
        }
    if (!replaced) data_.cases.push_back(std::move(next));
    (void)note_changes({c.id}, false);  // the reminder's bookkeeping must never fail a save
    return Status::ok();
}

Status CaseStore::remove_case(const std::string& id) {
    auto it = std::find_if(data_.cases.begin(), data_.cases.end(), [&](const Case& c) { return c.id == id; });
    if (it == data_.cases.end()) return Status::ok();
    if (Status s = files_.remove(case_path(id)); !s)
        return Error{"", "Could not remove case " + case_label(*it) + ": " + s.error().message + "."};
    data_.cases.erase(it);
    (void)note_changes({id}, false);
    (void)remove_unused_attachments();
    return Status::ok();
}

Status CaseStore::erase_case(const Erasure& erasure) {
    const Case* c = find_case(erasure.case_id);
    const std::string label = c ? case_label(*c) : erasure.reference;
    if (!erasure_of(erasure.case_id)) {
        if (!c) return Error{"", "Could not erase case " + label + ": there is no such case on this device."};
        Dataset part;
        part.erasures = data_.erasures;
        part.erasures.push_back(erasure);
        if (Status s = write_side_file(kErasuresFile, part); !s)
            return Error{"", "Could not erase case " + label + ": the record of its erasure could not be saved (" +
                                 s.error().message + "). Nothing was changed: the case is still here."};
        data_.erasures = std::move(part.erasures);
        (void)note_changes({}, true);  // the erasure travels with the next export
    }
    if (Status s = remove_erased({erasure.case_id}); !s)
        return Error{"", "Case " + label + " is erased, but its file could not be removed yet (" + s.error().text() +
                             "). It is removed the next time Doorstep opens."};
    return Status::ok();
}

Status CaseStore::remove_erased(const std::set<std::string>& ids, std::set<std::string> photos) {
    Status first;
    const auto keep_first = [&](Status s) {
        if (!s && first) first = std::move(s);
    };
    std::vector<Case> kept;
    kept.reserve(data_.cases.size());
    for (Case& c : data_.cases) {
        if (!ids.count(c.id)) {
            kept.push_back(std::move(c));
            continue;
        }
        add_photos(c, photos);
        keep_first(files_.remove(case_path(c.id)));  // gone from memory whatever the disk says: it is erased
    }
    data_.cases = std::move(kept);
    for (const char* folder : {"drafts", "quarantine"}) {
        auto names = files_.list(folder);
        if (!names) continue;
        for (const std::string& n : *names)
            if (names_one_of(n, ids)) keep_first(files_.remove(std::string(folder) + "/" + n));
    }
    // Its photos go even while other files are set aside (remove_unused_attachments waits
    // for those): a person asked for this case to be erased.
    const std::set<std::string> named = named_attachments();
    for (const std::string& sha : photos) {
        if (named.count(sha) || !is_sha256_hex(sha)) continue;
        keep_first(files_.remove(attachment_path(sha)));
        keep_first(files_.remove(attachment_meta_path(sha)));
    }
    (void)remove_unused_attachments();
    return first;
}

std::set<std::string> CaseStore::named_attachments() const {
    std::set<std::string> named;
    for (const Case& c : data_.cases) add_photos(c, named);
    return named;
}

std::vector<std::string> CaseStore::unused_attachments() {
    const std::set<std::string> named = named_attachments();
    std::vector<std::string> out;
    auto names = files_.list("attachments");
    if (!names) return out;
    for (const std::string& n : *names)
        if (is_sha256_hex(n) && !named.count(n)) out.push_back(n);
    return out;
}

int CaseStore::remove_unused_attachments() {
    // A case file set aside may name some of them: keep every photo until a person
    // has dealt with what is in quarantine/.
    auto set_aside = files_.list("quarantine");
    if (set_aside && !set_aside->empty()) return 0;
    int removed = 0;
    for (const std::string& sha : unused_attachments()) {
        if (!files_.remove(attachment_path(sha))) continue;
        (void)files_.remove(attachment_meta_path(sha));
        ++removed;
    }
    return removed;
}

std::vector<CaseStore::SetAside> CaseStore::list_set_aside() {
    std::vector<SetAside> out;
    auto names = files_.list("quarantine");
    if (!names) return out;
    for (const std::string& n : *names) {
        if (ends_with(n, ".why.txt")) continue;
        SetAside a;
        a.name = n;
        if (auto why = files_.read("quarantine/" + n + ".why.txt")) {
            a.reason = *why;
            while (!a.reason.empty() && (a.reason.back() == '\n' || a.reason.back() == '\r')) a.reason.pop_back();
        }
        if (auto bytes = files_.read("quarantine/" + n)) a.size = int64_t(bytes->size());
        out.push_back(std::move(a));
    }
    std::sort(out.begin(), out.end(), [](const SetAside& x, const SetAside& y) { return x.name < y.name; });
    return out;
}

Status CaseStore::delete_set_aside(const std::string& name) {
    if (!is_safe_name(name, 200) || ends_with(name, ".why.txt") || !files_.exists("quarantine/" + name))
        return Error{"quarantine/" + name, "There is no file set aside with this name."};
    if (Status s = files_.remove("quarantine/" + name); !s)
        return Error{"quarantine/" + name, "Could not delete the file set aside: " + s.error().message + "."};
    (void)files_.remove("quarantine/" + name + ".why.txt");
    return Status::ok();
}

static std::string sync_path(const std::string& replication_id) { return "sync/" + replication_id + ".json"; }

std::optional<std::string> CaseStore::read_sync_checkpoint(const std::string& replication_id) {
    if (!is_safe_name(replication_id, 100) || !files_.exists(sync_path(replication_id))) return std::nullopt;
    Result<std::string> text = files_.read(sync_path(replication_id));
    if (!text) return std::nullopt;
    return std::move(text.value());
}

Status CaseStore::store_synced(const std::vector<Case>& cases, const std::string& replication_id,
                               std::string_view checkpoint_text) {
    if (!is_safe_name(replication_id, 100))
        return Error{"", "Could not keep what the sync brought: '" + replication_id + "' is not a valid replication id."};
    std::vector<FileWrite> writes;
    std::set<std::string> erased;  // an erased case a server still holds is not brought back (21.8)
    for (const Erasure& e : data_.erasures) erased.insert(e.case_id);
    std::vector<Case> kept;
    for (const Case& c : cases)
        if (!erased.count(c.id)) kept.push_back(c);
    for (const Case& c : kept) {
        if (!is_safe_name(c.id, 100))
            return Error{"", "Could not keep the synced case " + case_label(c) + ": it has no valid id. Nothing was changed."};
        writes.push_back({case_path(c.id), case_to_text(c)});
    }
    writes.push_back({sync_path(replication_id), std::string(checkpoint_text)});
    if (Status s = commit(writes, {}, "keep what the sync brought"); !s) return s;
    for (const Case& c : kept) {
        auto it = std::find_if(data_.cases.begin(), data_.cases.end(), [&](const Case& o) { return o.id == c.id; });
        if (it != data_.cases.end())
            *it = c;
        else
            data_.cases.push_back(c);
    }
    return Status::ok();
}

Status CaseStore::write_side_file(const char* path, const Dataset& part) {
    const std::string text = export_dataset(part, now());
    Problems problems;
    if (auto back = parse_dataset(text, side_file_limits(limits), &problems); !back) {
        std::string list;
        for (const Error& e : problems) list += "\n" + e.text();
        return Error{"", std::string("Could not save ") + path + ": it has problems to fix first." + list};
    }
    if (Status s = files_.write(path, text); !s)
        return Error{"", std::string("Could not save ") + path + ": " + s.error().message +
                             ". Nothing was lost: the previous version is kept."};
    return Status::ok();
}

Status CaseStore::save_side_file(const char* path, const Dataset& part, const std::function<void()>& keep) {
    if (Status st = write_side_file(path, part); !st) return st;
    keep();
    (void)note_changes({}, true);
    return Status::ok();
}

Status CaseStore::save_settings(const Settings& s) {
    Dataset part;
    part.settings = s;
    return save_side_file(kSettingsFile, part, [&] { data_.settings = s; });
}

Status CaseStore::save_learning(const std::vector<LearningItem>& items) {
    Dataset part;
    part.learning = items;
    return save_side_file(kLearningFile, part, [&] { data_.learning = items; });
}

Status CaseStore::save_assurance(const std::vector<SelfAssessment>& assessments, const std::vector<QualityCheck>& checks,
                                 const std::vector<NonComplianceEvent>& events) {
    Dataset part;
    part.assessments = assessments;
    part.quality_checks = checks;
    part.non_compliance = events;
    return save_side_file(kAssuranceFile, part, [&] {
        data_.assessments = assessments;
        data_.quality_checks = checks;
        data_.non_compliance = events;
    });
}

// ---------------------------------------------------------------------------
// Export tracking

Status CaseStore::write_export_state() {
    ojson j = ojson::object();
    j["last_exported"] = export_state_.last_exported;
    j["first_change_since"] = export_state_.first_change_since;
    j["changed_case_ids"] = export_state_.changed_case_ids;
    j["other_changes"] = export_state_.other_changes;
    return files_.write(kExportStateFile, j.dump(2) + "\n");
}

// Written only when something new changed since the export (the first save of
// each case), so repeated saves of one case cost one file write each.
Status CaseStore::note_changes(const std::vector<std::string>& case_ids, bool other) {
    bool grew = false;
    if (export_state_.first_change_since.empty()) {
        export_state_.first_change_since = now();
        grew = true;
    }
    if (other) {
        export_state_.other_changes = true;
        grew = true;  // settings, learning or assurance: rare, always recorded
    }
    std::set<std::string> known;
    if (case_ids.size() > 1) known.insert(export_state_.changed_case_ids.begin(), export_state_.changed_case_ids.end());
    for (const std::string& id : case_ids) {
        const bool seen = case_ids.size() > 1
                              ? !known.insert(id).second
                              : std::find(export_state_.changed_case_ids.begin(), export_state_.changed_case_ids.end(),
                                          id) != export_state_.changed_case_ids.end();
        if (seen) continue;
        export_state_.changed_case_ids.push_back(id);
        grew = true;
    }
    return grew ? write_export_state() : Status::ok();
}

Status CaseStore::mark_exported() {
    const std::string stamp = now();
    ExportState fresh;
    fresh.last_exported = stamp;
    const ExportState before = export_state_;
    export_state_ = fresh;
    if (Status s = write_export_state(); !s) {
        export_state_ = before;
        return Error{"", "Could not record the export: " + s.error().message + "."};
    }
    if (auto day = parse_iso_date(std::string_view(stamp).substr(0, 10))) {
        Dataset part;
        part.settings = data_.settings;
        part.settings.last_exported = *day;
        if (write_side_file(kSettingsFile, part)) data_.settings.last_exported = *day;
    }
    return Status::ok();
}

bool CaseStore::export_reminder_due(Date today) const {
    if (export_state_.unexported_changes() == 0) return false;
    const std::string& since =
        export_state_.last_exported.empty() ? export_state_.first_change_since : export_state_.last_exported;
    if (since.size() < 10) return true;
    const auto day = parse_iso_date(std::string_view(since).substr(0, 10));
    if (!day) return true;
    return today - *day >= data_.settings.policy.unexported_reminder_days;
}

// ---------------------------------------------------------------------------
// Drafts

Status CaseStore::save_draft(const std::string& key, const std::string& title, std::string_view body) {
    if (!is_safe_name(key, 100)) return Error{"draft " + key, "not a valid draft name (letters, digits, '-', '_', '.')"};
    ojson j = ojson::object();
    j["key"] = key;
    j["title"] = title;
    j["saved_at"] = now();
    j["body"] = std::string(body);
    std::string text;
    try {
        text = j.dump(2) + "\n";
    } catch (const std::exception&) {
        return Error{"draft " + key, "the form contains text that is not valid UTF-8"};
    }
    if (Status s = files_.write(draft_path(key), text); !s)
        return Error{"", "Could not keep the unfinished form '" + title + "': " + s.error().message + "."};
    return Status::ok();
}

std::optional<Draft> CaseStore::load_draft(const std::string& key) {
    if (!is_safe_name(key, 100)) return std::nullopt;
    auto text = files_.read(draft_path(key));
    if (!text) return std::nullopt;
    json j = json::parse(*text, nullptr, false);
    if (!j.is_object()) return std::nullopt;
    auto str = [&](const char* k) {
        auto it = j.find(k);
        return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    Draft d;
    d.info.key = key;
    d.info.title = str("title");
    d.info.saved_at = str("saved_at");
    d.body = str("body");
    return d;
}

std::vector<DraftInfo> CaseStore::list_drafts() {
    std::vector<DraftInfo> out;
    auto names = files_.list("drafts");
    if (!names) return out;
    for (const std::string& name : *names) {
        if (!ends_with(name, ".json")) continue;
        if (auto d = load_draft(name.substr(0, name.size() - 5))) out.push_back(d->info);
    }
    std::sort(out.begin(), out.end(), [](const DraftInfo& a, const DraftInfo& b) {
        return a.saved_at != b.saved_at ? a.saved_at > b.saved_at : a.key < b.key;
    });
    return out;
}

Status CaseStore::discard_draft(const std::string& key) {
    if (!is_safe_name(key, 100)) return Status::ok();
    return files_.remove(draft_path(key));
}

// ---------------------------------------------------------------------------
// Attachments

Result<Attachment> CaseStore::add_attachment(std::string_view bytes, std::string_view mime, const std::string& filename,
                                             Date added) {
    if (Status s = check_attachment(bytes, mime, filename, attachment_limits); !s) return s.error();
    Attachment a;
    a.sha256 = sha256_hex(bytes);
    a.filename = filename;
    a.mime = normalise_mime(mime);
    a.size = int64_t(bytes.size());
    a.added = added;
    if (!files_.exists(attachment_path(a.sha256))) {
        if (Status s = files_.write(attachment_path(a.sha256), bytes); !s)
            return Error{filename, "could not be stored: " + s.error().message};
    }
    if (!files_.exists(attachment_meta_path(a.sha256))) {
        ojson meta = ojson::object();
        meta["mime"] = a.mime;
        meta["size"] = a.size;
        if (Status s = files_.write(attachment_meta_path(a.sha256), meta.dump() + "\n"); !s)
            return Error{filename, "could not be stored: " + s.error().message};
    }
    return a;
}

bool CaseStore::has_attachment(const std::string& sha256) {
    return is_sha256_hex(sha256) && files_.exists(attachment_path(sha256));
}

Result<std::string> CaseStore::read_attachment(const std::string& sha256) {
    if (!is_sha256_hex(sha256)) return Error{"attachment " + sha256, "not a content fingerprint (64 hex characters)"};
    auto bytes = files_.read(attachment_path(sha256));
    if (!bytes) return Error{"attachment " + sha256, "is not on this device: " + bytes.error().message};
    if (sha256_hex(*bytes) != sha256)
        return Error{"attachment " + sha256, "is damaged: its contents no longer match its fingerprint"};
    return bytes;
}

// ---------------------------------------------------------------------------
// Import, export and the commit protocol

// Writes every file beside its old version, then the marker, then renames.
Status CaseStore::commit(const std::vector<FileWrite>& writes, const std::vector<std::string>& removes,
                         const char* action) {
    if (writes.empty() && removes.empty()) return Status::ok();
    std::vector<std::string> staged;
    auto undo = [&]() {
        for (const std::string& p : staged) (void)files_.remove(p);
    };
    for (const FileWrite& w : writes) {
        const std::string temp = w.path + ".new";
        if (Status s = files_.write(temp, w.text); !s) {
            undo();
            return Error{"", std::string("Could not ") + action + ": " + s.error().message + " (" + w.path +
                                 "). Nothing was changed."};
        }
        staged.push_back(temp);
    }
    ojson marker = ojson::object();
    marker["renames"] = ojson::array();
    for (const FileWrite& w : writes) marker["renames"].push_back(ojson::array({w.path + ".new", w.path}));
    marker["removes"] = removes;
    if (Status s = files_.write(kCommitFile, marker.dump(1) + "\n"); !s) {
        undo();
        return Error{"", std::string("Could not ") + action + ": " + s.error().message + ". Nothing was changed."};
    }
    // From here the change is decided: finish it now, or at the next open().
    if (Status s = finish_commit(nullptr); !s)
        return Error{"", std::string("The ") + action + " is saved but not yet in place (" + s.error().text() +
                             "). It will be completed the next time Doorstep opens."};
    return Status::ok();
}

Status CaseStore::finish_commit(std::vector<Error>* notes) {
    auto text = files_.read(kCommitFile);
    if (!text) return text.error();
    json marker = json::parse(*text, nullptr, false);
    const bool well_formed = marker.is_object() && marker.contains("renames") && marker["renames"].is_array() &&
                             marker.contains("removes") && marker["removes"].is_array();
    if (!well_formed) {
        // Cannot happen with whole-file writes; if it does, the old data is still whole.
        if (notes) notes->push_back(Error{kCommitFile, "was unreadable; the interrupted import was abandoned"});
        return files_.remove(kCommitFile);
    }
    for (const auto& r : marker["renames"]) {
        if (!r.is_array() || r.size() != 2 || !r[0].is_string() || !r[1].is_string()) continue;
        const std::string from = r[0].get<std::string>(), to = r[1].get<std::string>();
        if (!files_.exists(from)) continue;  // done before the interruption
        if (Status s = files_.rename(from, to); !s) return s;
    }
    for (const auto& p : marker["removes"]) {
        if (!p.is_string()) continue;
        if (Status s = files_.remove(p.get<std::string>()); !s) return s;
    }
    return files_.remove(kCommitFile);
}

Result<ImportOutcome> CaseStore::apply_import(Dataset incoming, bool merge, ImportOutcome outcome) {
    outcome.cases_in_file = int(incoming.cases.size());
    Dataset next;
    if (merge) {
        MergeReport report;
        next = data_;
        merge_into(next, incoming, report, Actor{data_.settings.officer_name, now()});  // keeps this device's settings
        outcome.merged_added = report.added;
        outcome.merged_updated = report.updated;
        outcome.merged_unchanged = report.unchanged;
        outcome.merged_conflicts = report.conflicts;
        outcome.erased_kept_out = report.erased_kept_out;
        outcome.erased_removed = report.erased_removed;
        outcome.messages = report.messages;
    } else {
        next = std::move(incoming);
        keep_device_settings(next.settings, data_.settings);
        // This device's erasures stay (21.8): an older file never brings an erased case back.
        for (const Erasure& e : apply_erasures(next, data_.erasures)) {
            ++outcome.erased_kept_out;
            outcome.messages.push_back(e.reference + ": " + erasure_words(e) + ", so not brought back");
        }
    }
    const auto count = [](int n, const char* one, const char* many) { return std::to_string(n) + (n == 1 ? one : many); };
    if (outcome.erased_removed > 0)
        outcome.messages.insert(outcome.messages.begin(),
                                count(outcome.erased_removed, " case was erased on another device and was removed here too",
                                      " cases were erased on another device and were removed here too"));
    if (outcome.erased_kept_out > 0)
        outcome.messages.insert(outcome.messages.begin(),
                                count(outcome.erased_kept_out, " case in the file was erased before and was not brought back",
                                      " cases in the file were erased before and were not brought back"));
    std::set<std::string> newly_erased, erased_photos;
    for (const Erasure& e : next.erasures) newly_erased.insert(e.case_id);
    for (const Erasure& e : data_.erasures) newly_erased.erase(e.case_id);
    for (const Case& c : data_.cases)
        if (newly_erased.count(c.id)) add_photos(c, erased_photos);

    std::vector<FileWrite> writes;
    std::vector<std::string> removes;
    std::map<std::string, const Case*> current;
    for (const Case& c : data_.cases) current[c.id] = &c;
    std::set<std::string> next_ids;
    for (const Case& c : next.cases) {
        if (!is_safe_name(c.id, 100)) return Error{"", "Could not import: case " + case_label(c) + " has an id that cannot name a file. Nothing was changed."};
        next_ids.insert(c.id);
        const std::string text = case_to_text(c);
        auto it = current.find(c.id);
        // Same revision: compare the text too (a hand-edited file may not have bumped it).
        if (it != current.end() && it->second->rev == c.rev && case_to_text(*it->second) == text) continue;
        writes.push_back({case_path(c.id), text});
    }
    for (const Case& c : data_.cases)
        if (!next_ids.count(c.id)) removes.push_back(case_path(c.id));

    const std::string stamp = now();
    auto side = [&](const char* path, Dataset part, Dataset old_part) {
        const std::string text = export_dataset(part, stamp);
        if (text != export_dataset(old_part, stamp) || !files_.exists(path)) writes.push_back({path, text});
    };
    {
        Dataset a, b;
        a.settings = next.settings;
        b.settings = data_.settings;
        side(kSettingsFile, std::move(a), std::move(b));
    }
    {
        Dataset a, b;
        a.learning = next.learning;
        b.learning = data_.learning;
        side(kLearningFile, std::move(a), std::move(b));
    }
    {
        Dataset a, b;
        a.assessments = next.assessments;
        a.quality_checks = next.quality_checks;
        a.non_compliance = next.non_compliance;
        b.assessments = data_.assessments;
        b.quality_checks = data_.quality_checks;
        b.non_compliance = data_.non_compliance;
        side(kAssuranceFile, std::move(a), std::move(b));
    }
    if (!next.erasures.empty() || files_.exists(kErasuresFile)) {
        Dataset a, b;
        a.erasures = next.erasures;
        b.erasures = data_.erasures;
        side(kErasuresFile, std::move(a), std::move(b));
    }

    int case_writes = 0;
    for (const FileWrite& w : writes)
        if (w.path.compare(0, 6, "cases/") == 0) ++case_writes;
    if (Status s = commit(writes, removes, "import"); !s) {
        // After the marker the new data is what is on disk (now or at next open).
        if (!files_.exists(kCommitFile)) return s.error();
        data_ = std::move(next);
        return s.error();
    }
    outcome.cases_written = case_writes;
    outcome.cases_removed = int(removes.size());

    std::vector<std::string> changed;
    for (const FileWrite& w : writes)
        if (w.path.compare(0, 6, "cases/") == 0) changed.push_back(w.path.substr(6, w.path.size() - 11));
    data_ = std::move(next);
    std::sort(data_.cases.begin(), data_.cases.end(), [](const Case& a, const Case& b) {
        return a.reference != b.reference ? a.reference < b.reference : a.id < b.id;
    });
    // A merge makes a state no file had yet; a replace restores one that exists.
    if (merge) (void)note_changes(changed, false);
    if (!newly_erased.empty()) (void)remove_erased(newly_erased, erased_photos);  // drafts, set-aside files, photos
    (void)remove_unused_attachments();  // the cases replaced or removed took their photos with them
    return outcome;
}

Result<ImportOutcome> CaseStore::import_replace(std::string_view text) {
    auto parsed = parse_dataset(text, limits);
    if (!parsed) return parsed.error();
    return apply_import(std::move(*parsed), false, ImportOutcome{});
}

Result<ImportOutcome> CaseStore::import_merge(std::string_view text) {
    auto parsed = parse_dataset(text, limits);
    if (!parsed) return parsed.error();
    return apply_import(std::move(*parsed), true, ImportOutcome{});
}

std::string CaseStore::export_json() { return export_dataset(data_, now()); }

std::string CaseStore::export_bundle(std::vector<Error>* missing) {
    ojson doc = to_json(data_, now());
    // Every attachment the cases name, once, in hash order.
    std::map<std::string, std::string> wanted;  // sha -> mime
    for (const Case& c : data_.cases)
        for (const Attachment& a : c.attachments) {
            if (!a.sha256.empty()) wanted.emplace(a.sha256, a.mime);
            if (!a.thumbnail_sha256.empty()) wanted.emplace(a.thumbnail_sha256, "");
        }
    ojson files_json = ojson::object();
    for (const auto& [sha, case_mime] : wanted) {
        auto bytes = read_attachment(sha);
        if (!bytes) {
            if (missing) missing->push_back(bytes.error());
            continue;
        }
        std::string mime = case_mime;
        if (auto meta_text = files_.read(attachment_meta_path(sha))) {
            json meta = json::parse(*meta_text, nullptr, false);
            if (meta.is_object() && meta.contains("mime") && meta["mime"].is_string()) mime = meta["mime"].get<std::string>();
        }
        if (mime.empty()) mime = sniff_mime(*bytes);
        ojson f = ojson::object();
        f["mime"] = mime;
        f["size"] = int64_t(bytes->size());
        f["base64"] = base64_encode(*bytes);
        files_json[sha] = std::move(f);
    }
    doc["files"] = std::move(files_json);
    return doc.dump(2) + "\n";
}

Result<ImportOutcome> CaseStore::import_bundle(std::string_view text, bool merge) {
    auto bundle = read_bundle(text, limits, attachment_limits);
    if (!bundle) return bundle.error();

    // Attachments first: named by content, so extra ones are harmless if the
    // import then fails, and one already here is never stored twice.
    ImportOutcome outcome;
    for (const BundleFile& f : bundle->files) {
        if (files_.exists(attachment_path(f.sha256))) {
            ++outcome.attachments_already_here;
            continue;
        }
        if (Status s = files_.write(attachment_path(f.sha256), f.bytes); !s)
            return Error{"", "Could not import: " + s.error().message + " (attachment " + f.sha256 + "). Nothing was changed."};
        ojson meta = ojson::object();
        meta["mime"] = f.mime;
        meta["size"] = int64_t(f.bytes.size());
        if (Status s = files_.write(attachment_meta_path(f.sha256), meta.dump() + "\n"); !s)
            return Error{"", "Could not import: " + s.error().message + " (attachment " + f.sha256 + "). Nothing was changed."};
        ++outcome.attachments_added;
    }
    return apply_import(std::move(bundle->data), merge, std::move(outcome));
}

}  // namespace doorstep
