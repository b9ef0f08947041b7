// What changes on the cases by itself as the days pass, applied when the app
// opens and again whenever the date turns: today, a stage 1 whose escalation
// window ended with no request closes as not escalated (workflow.h,
// apply_automatic_closures). The cases given are not changed: the changed
// copies come back, each with its one audit entry, for the caller to save.
#pragma once
#include "core/base/date.h"
#include "core/model/audit.h"
#include "core/model/case.h"
#include "core/model/settings.h"

#include <vector>

namespace doorstep {

struct DailyChanges {
    std::vector<Case> changed;       // the cases that changed, as they now are
    int closed_not_escalated = 0;    // of which closed because the escalation window ended
};

DailyChanges apply_daily(const std::vector<Case>& cases, Date today, const Settings& settings, const Actor& actor);

}  // namespace doorstep
