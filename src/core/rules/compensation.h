// Suggested financial remedy from the compensation table in Settings (the
// Ombudsman's fixed sums: per day, per week or per occurrence). The sums are data
// (assets/settings-defaults.json); this only multiplies and explains the working,
// which is kept on the Remedy so the officer can see and override it (7.4).
#pragma once
#include "core/base/date.h"
#include "core/base/money.h"
#include "core/base/result.h"
#include "core/model/settings.h"

#include <string>
#include <vector>

namespace doorstep {

// One line of a claim: a rate from the table and how many of its units
// (days, weeks or occurrences).
struct CompensationLine {
    std::string rate_id;
    int quantity = 0;
};

struct CompensationSuggestion {
    Money total;
    std::string working;  // one line per claim line, e.g. "Total loss of heating and hot water: 6 days × £15.00 = £90.00"
};

// Errors name the line and field: unknown rate, quantity below 0 or above 3,660.
Result<CompensationSuggestion> suggest_compensation(const std::vector<CompensationLine>& lines,
                                                    const Settings& settings);

// Units of a rate over a loss from `from` to `to` inclusive (calendar days): days
// for a daily rate; whole weeks rounded up for a weekly one (a part week counts, so
// the working shows it and the officer may override); 1 for an occurrence.
// 0 when to < from.
int quantity_for_period(RatePer per, Date from, Date to);

const CompensationRate* find_rate(const Settings& settings, const std::string& id);

}  // namespace doorstep
