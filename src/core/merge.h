// Merging datasets exported from several devices (the complaints team collects
// them), by CouchDB's rules so a later sync can use the same model:
//  - cases are joined by id; where one version's rev is in the other's history
//    the descendant wins; identical revs are one version;
//  - otherwise it is a TRUE conflict: a deterministic winner (higher N, then
//    higher hash) with every other version kept in winner.conflicts for a person
//    to resolve (resolve_conflict). No version is ever dropped silently; only
//    revisions a person discarded (Case::discarded_revs) stay away.
//  - learning items, self-assessments, quality checks and non-compliance events
//    are joined by id; when two differ, the fuller record wins (more fields
//    filled in; ties by content, so the order of files does not matter) and the
//    report says so.
//  - settings are those of the first dataset.
// The result does not depend on the order of the files, apart from settings and
// the order of the lists.
#pragma once
#include "core/dataset.h"
#include "core/result.h"
#include "core/workflow.h"

#include <string>
#include <vector>

namespace doorstep {

struct MergeReport {
    int merged = 0;     // cases in the result
    int added = 0;      // cases the first dataset did not have
    int updated = 0;    // cases a later file changed (a newer revision, or a new conflict version)
    int unchanged = 0;  // cases a later file had with nothing new
    int conflicts = 0;  // cases in the result holding versions a person must choose between
    std::vector<std::string> messages;  // one line per conflict or differing record
};

// Joins one case's versions (same id). `conflicted` is set when the result has
// conflict versions that neither input had.
Case merge_case(const Case& a, const Case& b, bool* new_conflict = nullptr);

// Merges `other` into `base` (base's settings are kept).
void merge_into(Dataset& base, const Dataset& other, MergeReport& report);

// Merges several datasets, the first giving the settings. Empty input: empty dataset.
Dataset merge_datasets(const std::vector<Dataset>& inputs, MergeReport& report);

// A person chose version `keep_index` of a conflicted case: 0 is the current
// winner, 1..n are c.conflicts[0..n-1]. The others' revs go to discarded_revs,
// conflicts are cleared, an audit entry is added and the revision bumped on
// `device`, so the choice travels to other devices with the next merge.
Status resolve_conflict(Case& c, int keep_index, const Actor& actor, const std::string& device);

}  // namespace doorstep
