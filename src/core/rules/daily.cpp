#include "core/rules/daily.h"

#include "core/rules/workflow.h"

namespace doorstep {

DailyChanges apply_daily(const std::vector<Case>& cases, Date today, const Settings& settings, const Actor& actor) {
    DailyChanges out;
    for (const Case& c : cases) {
        // Only an open case whose last stage has its response can close by itself: the rest are not copied.
        if (c.closure || c.stages.empty() || !c.stages.back().responded) continue;
        Case copy = c;
        if (!apply_automatic_closures(copy, today, settings, actor)) continue;
        out.changed.push_back(std::move(copy));
        ++out.closed_not_escalated;
    }
    return out;
}

}  // namespace doorstep
