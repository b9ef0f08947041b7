// The record kept when a real case is erased (21.8): THAT it was erased — which
// case, when, by whom and why — and nothing of what it held. No resident's name,
// address, words or photos: only the case's id and reference, the manager's name
// and the reason they gave (rules/erasure.h refuses a reason that names the
// resident). Kept in Dataset::erasures, exported and merged by case id, so an
// older export or another device's copy never brings the case back (merge.h).
#pragma once
#include <string>

namespace doorstep {

struct Erasure {
    std::string case_id;    // the erased case's id (a lowercase UUID)
    std::string reference;  // its reference, e.g. "DS-2019-K7QX-000123"
    std::string erased_at;  // local "YYYY-MM-DDTHH:MM"
    std::string by;         // the manager who erased it (the signed-in officer)
    std::string reason;     // why: "closed more than 6 years ago, past the retention period"
};

}  // namespace doorstep
