// Derived flags recomputed from the record (see derived_flags.h).
#include "core/rules/derived_flags.h"

#include "core/model/audit.h"
#include "core/rules/deadlines.h"

#include <algorithm>

namespace doorstep {

int extension_limit(const Case& c, const Stage& s, const Settings& settings) {
    const Policy& p = settings.policy;
    if (c.code == CodeVersion::Code2022 && s.number >= 2) return p.legacy_stage2_max_extension_days;
    return s.number <= 1 ? p.stage1_max_extension_days : p.stage2_max_extension_days;  // 6.4, 6.15
}

bool extension_beyond_limit(const Case& c, const Stage& s, size_t index, const Settings& settings) {
    int total = 0;
    for (size_t i = 0; i <= index && i < s.extensions.size(); ++i) total += std::max(0, s.extensions[i].working_days);
    return total > extension_limit(c, s, settings);
}

bool has_good_reason(const Extension& e) { return !is_blank(e.good_reason); }

bool extension_counts_under_code(const Case& c, const Extension& e) {
    if (c.code == CodeVersion::Code2022) return true;
    return e.resident_told.has_value() && e.ombudsman_details_given;
}

bool escalation_outside_window(const Case& c, const Stage& s, const Settings& settings) {
    if (s.number != 2 || !s.escalation) return false;
    for (const Stage& first : c.stages)
        if (first.number == 1 && first.responded)
            return s.escalation->requested > escalation_window_end(*first.responded, settings);
    return false;
}

namespace {

void recompute_one(Case& c, const Settings& settings) {
    // 5.11: a refusal on a case that reached stage 2 is a refusal to escalate; a refusal
    // to accept comes before any stage 2 (a refused complaint cannot be escalated).
    if (c.refusal)
        c.refusal->at_escalation = std::any_of(c.stages.begin(), c.stages.end(), [](const Stage& s) { return s.number >= 2; });
    for (Stage& s : c.stages) {
        for (size_t i = 0; i < s.extensions.size(); ++i)
            s.extensions[i].beyond_limit = extension_beyond_limit(c, s, i, settings);
        // A legacy stage 3 had no window of this kind: its flag stays as recorded.
        if (s.number == 2 && s.escalation) s.escalation->outside_window = escalation_outside_window(c, s, settings);
    }
}

}  // namespace

void recompute_derived_flags(Case& c, const Settings& settings, const Calendar&) {
    recompute_one(c, settings);
    for (Case& version : c.conflicts) recompute_one(version, settings);
}

}  // namespace doorstep
