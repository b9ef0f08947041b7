// Suggested sums from the compensation table: multiplication with the working shown.
#include "core/rules/compensation.h"

namespace doorstep {

namespace {

const char* unit(RatePer per, int n) {
    switch (per) {
        case RatePer::Day: return n == 1 ? "day" : "days";
        case RatePer::Week: return n == 1 ? "week" : "weeks";
        case RatePer::Occurrence: return n == 1 ? "time" : "times";
    }
    return "";
}

constexpr int kMaxQuantity = 3660;  // ten years of days: anything more is a typing slip

}  // namespace

const CompensationRate* find_rate(const Settings& settings, const std::string& id) {
    for (const CompensationRate& r : settings.compensation)
        if (r.id == id) return &r;
    return nullptr;
}

Result<CompensationSuggestion> suggest_compensation(const std::vector<CompensationLine>& lines, const Settings& settings) {
    CompensationSuggestion out;
    for (size_t i = 0; i < lines.size(); ++i) {
        const CompensationLine& line = lines[i];
        const std::string where = "compensation line " + std::to_string(i + 1);
        const CompensationRate* rate = find_rate(settings, line.rate_id);
        if (!rate)
            return Error{where + ", rate_id", "unknown rate '" + line.rate_id + "': choose one from Settings → Compensation"};
        if (line.quantity < 0 || line.quantity > kMaxQuantity)
            return Error{where + ", quantity", std::to_string(line.quantity) + " " + unit(rate->per, line.quantity) +
                                                   " is out of range (0 to " + std::to_string(kMaxQuantity) + ")"};
        const Money sum = rate->amount * line.quantity;
        out.total += sum;
        if (!out.working.empty()) out.working += '\n';
        out.working += rate->label + ": " + std::to_string(line.quantity) + " " + unit(rate->per, line.quantity) +
                       " × " + format_money(rate->amount) + " = " + format_money(sum);
    }
    if (lines.size() > 1) out.working += "\nTotal: " + format_money(out.total);
    return out;
}

int quantity_for_period(RatePer per, Date from, Date to) {
    if (to < from) return 0;
    const int days = (to - from) + 1;  // both days count
    switch (per) {
        case RatePer::Day: return days;
        case RatePer::Week: return (days + 6) / 7;
        case RatePer::Occurrence: return 1;
    }
    return 0;
}

}  // namespace doorstep
