// Merging datasets exported from several devices (the complaints team collects
// them), by CouchDB's rules so a later sync can use the same model:
//  - cases are joined by id; where one version's rev is in the other's history
//    the descendant wins; identical revs with identical content are one version
//    (one rev holding two contents is a conflict: the copy with the lesser
//    content gets a sibling revision of the same N, and both are kept);
//  - otherwise it is a TRUE conflict: a deterministic winner (higher N, then
//    higher hash) with every other version kept in winner.conflicts for a person
//    to resolve (resolve_conflict). No version is ever dropped silently; only
//    revisions a person discarded (Case::discarded_revs) stay away.
//  - learning items, self-assessments, quality checks and non-compliance events
//    are joined by id; when two differ, the fuller record wins (more fields
//    filled in; ties by content, so the order of files does not matter) and the
//    report says so.
//  - two DIFFERENT cases (different ids) with one reference (older data numbered
//    per device, or two devices sharing a code) are both kept: the one received
//    first (then the lower id) keeps it; the other gets a new device-coded
//    reference (references.h), keeps the old one in reference_aliases, notes it
//    in its audit trail, and its revision is bumped so the change travels.
//  - erasures (21.8, model/erasure.h) are joined by case id, and a case one names
//    is never in the result: a case a later file erased is removed, and a later
//    file's copy of an erased case is not brought back. Each is counted and named.
//  - settings are those of the first dataset.
// The result does not depend on the order of the files, apart from settings and
// the order of the lists.
#pragma once
#include "core/model/dataset.h"
#include "core/data/import.h"
#include "core/base/result.h"
#include "core/rules/workflow.h"

#include <string>
#include <vector>

namespace doorstep {

struct MergeReport {
    int merged = 0;     // cases in the result
    int added = 0;      // cases the first dataset did not have
    int updated = 0;    // cases a later file changed (a newer revision, or a new conflict version)
    int unchanged = 0;  // cases a later file had with nothing new
    int conflicts = 0;  // cases in the result holding versions a person must choose between
    int references_changed = 0;  // cases given a new reference because another case had theirs
    int erased_kept_out = 0;  // copies of erased cases a later file had: not brought back (21.8)
    int erased_removed = 0;   // cases the first dataset had that a later file's erasure names: removed
    std::vector<std::string> messages;  // one line per conflict or differing record
};

// Joins one case's versions (same id). `conflicted` is set when the result has
// conflict versions that neither input had.
Case merge_case(const Case& a, const Case& b, bool* new_conflict = nullptr);

// Merges `other` into `base` (base's settings are kept). `actor` names who merged
// and when, for the audit entry of a case whose reference changes (empty: the
// case's own latest audit time, and "Doorstep merge").
void merge_into(Dataset& base, const Dataset& other, MergeReport& report, const Actor& actor = {});

// Merges several datasets, the first giving the settings. Empty input: empty dataset.
Dataset merge_datasets(const std::vector<Dataset>& inputs, MergeReport& report, const Actor& actor = {});

// The merged export text (export_dataset, stamped `actor.at`), checked as
// `doorstep validate` checks a file (parse_dataset with `limits`): a merge never
// writes a file import would refuse. On failure the Error lists every problem and
// `problems` (when given) receives them.
Result<std::string> merged_export(const std::vector<Dataset>& inputs, MergeReport& report, const Actor& actor,
                                  const ImportLimits& limits = {}, Problems* problems = nullptr);

// Erasures (21.8): joins `more` into d.erasures by case id (of two records of one
// case the earlier erasure is kept, ties by content, so the order of files does not
// matter) and takes out of d.cases every case an erasure names. Returns the
// erasure records of the cases taken out, in the order the cases were.
std::vector<Erasure> apply_erasures(Dataset& d, const std::vector<Erasure>& more);
// "erased on 31 Mar 2025 by Kim Manager", for messages.
std::string erasure_words(const Erasure& e);

// Gives every case whose reference another case (another id) also has a new one,
// by the rule above. Returns how many changed; each is named in report.messages.
int make_references_unique(Dataset& d, MergeReport& report, const Actor& actor = {});

// A person chose version `keep_index` of a conflicted case: 0 is the current
// winner, 1..n are c.conflicts[0..n-1]. The others' revs go to discarded_revs,
// conflicts are cleared, an audit entry is added and the revision bumped on
// `device`, so the choice travels to other devices with the next merge.
Status resolve_conflict(Case& c, int keep_index, const Actor& actor, const std::string& device);

}  // namespace doorstep
