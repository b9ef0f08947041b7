// CaseStore: everything one device keeps, as files in a FileStore, laid out so
// that saving one case costs the same at 10 cases or 10,000 (docs/storage.md):
//
//   cases/<id>.json        one file per case (case_to_text)
//   settings.json          doorstep/1 documents holding only their part:
//   learning.json          the landlord's settings, the learning log, and the
//   assurance.json         self-assessments, quality checks and non-compliance
//   erasures.json          the record of erased cases (21.8): id, reference, when, who, why
//   drafts/<key>.json      half-written forms
//   attachments/<sha256>   evidence bytes, named by content; <sha256>.json its type
//   quarantine/            files that could not be read, kept for a person to look at
//   export-state.json      when the data was last exported, what changed since
//   sync/<id>.json         a replication's checkpoint (docs/sync.md)
//   import-commit.json     only while an import is being applied (see import_replace)
//
// No index file: open() reads every case anyway (status is shown for all of
// them), so an index would be a second copy to keep right for no gain.
#pragma once
#include "core/model/case.h"
#include "core/model/dataset.h"
#include "core/data/import.h"
#include "core/base/result.h"
#include "storage/attachments.h"
#include "storage/file_store.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep {

struct OpenReport {
    int cases_loaded = 0;
    // where = the file as it was ("cases/<id>.json"), message = why it could not be
    // read and where it went ("moved to quarantine/<id>.json").
    std::vector<Error> quarantined;
    std::vector<Error> notes;      // anything else worth saying (an interrupted import finished, ...)
    bool import_finished = false;  // an import cut short last time was completed now
};

struct ExportState {
    std::string last_exported;        // "YYYY-MM-DDTHH:MM" local, empty = never
    std::string first_change_since;   // first change after it, empty = none
    std::vector<std::string> changed_case_ids;  // cases saved since, each once
    bool other_changes = false;       // settings, learning or assurance records changed since
    int unexported_changes() const { return int(changed_case_ids.size()) + (other_changes ? 1 : 0); }
};

struct ImportOutcome {
    int cases_in_file = 0;
    int cases_written = 0;   // new or different
    int cases_removed = 0;   // replace only: cases not in the file
    int attachments_added = 0;
    int attachments_already_here = 0;
    // Merge only (merge.h): counts and messages from the merge.
    int merged_added = 0, merged_updated = 0, merged_unchanged = 0, merged_conflicts = 0;
    // Erasures (21.8): cases in the file that were erased before (not brought back), and,
    // merge only, cases here that the file's erasures name (removed here too).
    int erased_kept_out = 0, erased_removed = 0;
    std::vector<std::string> messages;
};

struct DraftInfo {
    std::string key;
    std::string title;     // what the list of unfinished forms shows
    std::string saved_at;  // "YYYY-MM-DDTHH:MM"
};

struct Draft {
    DraftInfo info;
    std::string body;      // the form's own text (the UI's JSON), kept as given
};

class CaseStore {
public:
    explicit CaseStore(FileStore& files);

    // Local time "YYYY-MM-DDTHH:MM" for exported_at, drafts and export tracking.
    // Defaults to the system clock; tests set a fixed one.
    std::function<std::string()> clock;
    ImportLimits limits;
    AttachmentLimits attachment_limits;

    // Loads everything. A case file that cannot be read is moved to quarantine/
    // and reported; every other case still loads. Also finishes an import that was
    // cut short, and tidies temp files left by a crash. Fails only when the store
    // cannot be read at all.
    Result<OpenReport> open();
    const Dataset& data() const { return data_; }

    // References for new cases (references.h): "DS-<year>-<this device's code>-<counter>".
    // open() chooses the device code when the device is set up (kept in settings).
    std::string device_code() const;
    uint32_t next_reference_counter(int year) const;  // for NewCase::counter with NewCase::device_code
    std::string next_reference(int year) const;       // what that reference will be

    // Bumps the case's revision (revisions.h) with this device's id and writes its
    // one file. A reference another case here already has is refused. On failure neither `c` nor the store changes, and the message says
    // what happened, e.g. "Could not save case DS-2025-000123: the device storage
    // is full. Nothing was lost: the previous version is kept."
    Status save_case(Case& c);
    Status remove_case(const std::string& id);

    // Erases a case for good (21.8) with the record rules/erasure.h erase_case() made:
    // first the record goes into erasures.json, durably (nothing changes if it cannot:
    // "Could not erase case DS-...: ... Nothing was changed: the case is still here.");
    // then the case's file, its photos no other case names (even while files are set
    // aside: the erasure was asked for), and drafts and files set aside whose names
    // hold its id. A crash or a failure in between leaves the record, and open()
    // finishes the removal ("Case DS-... is erased, but its file could not be removed
    // yet (...). It is removed the next time Doorstep opens."). An erased case is never
    // saved, imported, merged or synced back (save_case refuses it, with its erasure
    // named). Erasing a case already erased finishes what is left and succeeds.
    Status erase_case(const Erasure& erasure);
    const Case* find_case(const std::string& id) const;

    Status save_settings(const Settings& s);
    Status save_learning(const std::vector<LearningItem>& items);
    Status save_assurance(const std::vector<SelfAssessment>& assessments, const std::vector<QualityCheck>& checks,
                          const std::vector<NonComplianceEvent>& events);

    // Half-written forms, so nothing typed is lost on a closed tab. Keys are
    // letters, digits, '-', '_' and '.', at most 100 characters.
    Status save_draft(const std::string& key, const std::string& title, std::string_view body);
    std::optional<Draft> load_draft(const std::string& key);
    std::vector<DraftInfo> list_drafts();  // newest first
    Status discard_draft(const std::string& key);

    // Evidence: checked (attachments.h), stored once by content hash.
    // Returns the Attachment to add to a case (sha256, filename, mime, size, added).
    Result<Attachment> add_attachment(std::string_view bytes, std::string_view mime, const std::string& filename,
                                      Date added);
    Result<std::string> read_attachment(const std::string& sha256);  // verifies the hash
    bool has_attachment(const std::string& sha256);
    // Evidence no case names any more, in any of its versions (21.8): a removed or
    // replaced case's photos do not stay behind on the device. Removed after
    // remove_case and every import, and at open() (a photo kept for a case that was
    // never saved). Returns how many files went; a file that cannot go stays for next time.
    // Nothing goes while files are set aside in quarantine/ (they may name some).
    std::vector<std::string> unused_attachments();
    int remove_unused_attachments();

    // Files set aside at open() because they could not be read (quarantine/), with
    // why; a person can delete them once they have looked (21.8).
    struct SetAside {
        std::string name;    // under quarantine/
        std::string reason;  // from its .why.txt
        int64_t size = 0;
    };
    std::vector<SetAside> list_set_aside();
    Status delete_set_aside(const std::string& name);

    // Import validates the whole file first (parse_dataset) and changes nothing
    // when it fails. It is applied by writing every new file beside the old one
    // ("<path>.new"), then a commit marker, then renames: a failure before the
    // marker leaves the old data; after it, open() finishes the import.
    // Replace keeps this device's own settings (device id, officer, theme, text size).
    Result<ImportOutcome> import_replace(std::string_view text);
    Result<ImportOutcome> import_merge(std::string_view text);

    // The export file (export_dataset), stamped with clock().
    std::string export_json();
    // The export plus attachment bytes: top-level "files": {"<sha256>": {"mime", "size",
    // "base64"}} (docs/storage.md). Attachments whose bytes are missing or damaged
    // are left out and named in `missing`.
    std::string export_bundle(std::vector<Error>* missing = nullptr);
    // A bundle (or a plain export): every file's type, size and hash is checked
    // before anything changes; attachments are kept by content hash, never twice.
    Result<ImportOutcome> import_bundle(std::string_view text, bool merge);

    // Sync (docs/sync.md, core/sync/replication.h): the checkpoint a replication kept
    // (sync/<replication id>.json), and what a sync brought: the cases written exactly as
    // given (their revisions came from the server: no bump) together with the new
    // checkpoint, in one commit, so a checkpoint never covers cases that are not on disk.
    std::optional<std::string> read_sync_checkpoint(const std::string& replication_id);
    Status store_synced(const std::vector<Case>& cases, const std::string& replication_id,
                        std::string_view checkpoint_text);

    // Call once the export was handed to the user (download started).
    Status mark_exported();
    const ExportState& export_state() const { return export_state_; }
    // True when there are unexported changes and the last export (or the first
    // change, if never exported) is at least policy.unexported_reminder_days old.
    bool export_reminder_due(Date today) const;

private:
    struct FileWrite {
        std::string path;
        std::string text;
    };
    Status commit(const std::vector<FileWrite>& writes, const std::vector<std::string>& removes, const char* action);
    Status finish_commit(std::vector<Error>* notes);
    Result<ImportOutcome> apply_import(Dataset incoming, bool merge, ImportOutcome outcome);
    Status write_side_file(const char* path, const Dataset& part);
    // Removes what names these erased cases: each one's file and its place in memory,
    // its photos (and `photos`, of copies already gone) no case left names, drafts and
    // files set aside whose names hold its id. The first file that could not be removed
    // is the error; the rest still goes.
    Status remove_erased(const std::set<std::string>& ids, std::set<std::string> photos = {});
    std::set<std::string> named_attachments() const;
    const Erasure* erasure_of(const std::string& case_id) const;
    // Writes a side file; only once it is safely on disk does `keep` take the part into the store.
    Status save_side_file(const char* path, const Dataset& part, const std::function<void()>& keep);
    Status note_changes(const std::vector<std::string>& case_ids, bool other);
    Status write_export_state();
    std::string now() const;
    std::string device_id() const;

    FileStore& files_;
    Dataset data_;
    ExportState export_state_;
};

// The text of the side files, for tests and tools: a doorstep/1 document
// holding only that part of the dataset.
std::string settings_file_text(const Settings& s, std::string_view stamped_at);

}  // namespace doorstep
