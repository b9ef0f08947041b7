// CouchDB-style revisions, so merging exports today and a sync later share one
// model. A case's rev is "N-hash": N counts its saves, hash is the first 32 hex
// digits of SHA-256 over the case's canonical JSON (case_canonical_json: no rev
// fields, no conflicts) followed by the previous rev. rev_ids holds the hashes
// newest first (CouchDB's _revisions.ids), capped at the newest 1000.
#pragma once
#include "core/model/case.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace doorstep {

inline constexpr size_t kMaxRevisionHistory = 1000;

struct Rev {
    int64_t number = 0;  // N >= 1
    std::string hash;    // 32 lowercase hex digits
};

// "3-0123...": nullopt unless N >= 1 (no leading zero) and the hash is 32 lowercase hex digits.
std::optional<Rev> parse_rev(std::string_view rev);

// Records a save of `c` made on `device`: a new rev from its content and the
// previous rev, the hash put first in rev_ids, `device` noted. Identical edits
// made from the same revision give the same rev on any device.
void bump_revision(Case& c, const std::string& device);

// True when `rev` is c's current revision or one of the ancestors its history keeps.
bool has_in_history(const Case& c, std::string_view rev);

// CouchDB's winner order between two leaf revisions: the higher N, then the
// higher hash. Negative when a loses, positive when a wins, 0 when equal.
int compare_revs(std::string_view a, std::string_view b);

}  // namespace doorstep
