// Flags a case stores that follow from the rest of its record: an extension
// beyond the Code's limit (6.4, 6.15), an escalation asked for after the
// landlord's window, and whether a refusal was a refusal to escalate (5.11). The workflow sets them as it goes; data from elsewhere (an
// import, an older app, another system) is never trusted: import recomputes them
// with recompute_derived_flags, and reports and findings ask these functions.
#pragma once
#include "core/calendar/calendar.h"
#include "core/model/case.h"
#include "core/model/settings.h"

#include <cstddef>

namespace doorstep {

// Working days of extension a stage may have in total without a good reason:
// stage 1 policy.stage1_max_extension_days (6.4), stage 2 stage2_max_extension_days
// (6.15); a 2022-Code stage 2 or 3 policy.legacy_stage2_max_extension_days.
int extension_limit(const Case& c, const Stage& s, const Settings& settings);

// True when the stage's extensions up to and including `index` total more than the limit.
bool extension_beyond_limit(const Case& c, const Stage& s, size_t index, const Settings& settings);

// A good reason is recorded (not blank).
bool has_good_reason(const Extension& e);

// Whether an extension can extend the Code's timescale at all: on a 2024-Code case
// the resident must have been told of it with the Ombudsman's details (6.4, 6.5,
// 6.15, 6.16). 2022-Code records are judged by that Code, which asked neither.
bool extension_counts_under_code(const Case& c, const Extension& e);

// True when stage 2 was asked for after the escalation window that followed the
// stage 1 response (calendar weeks). False without a stage 1 response (that is a
// different problem: findings.h) and for anything but stage 2.
bool escalation_outside_window(const Case& c, const Stage& s, const Settings& settings);

// Sets every derived flag of the case (and of its conflict versions) from the record.
void recompute_derived_flags(Case& c, const Settings& settings, const Calendar& cal);

}  // namespace doorstep
