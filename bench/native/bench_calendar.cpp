// How fast is deadline maths? Every open case's clocks are recomputed often
// (lists, dashboards, reports), so add_working_days must stay cheap.
// Prints add_working_days(d, 20) calls per second, median of several runs.
#include "core/calendar.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace doorstep;

int main() {
    const Calendar cal;  // England and Wales
    const Date start = Date::from_ymd(2024, 1, 1);
    constexpr int kDays = 365 * 4;       // start dates spread over 2024-2027
    constexpr int kCallsPerRun = 2'000'000;
    constexpr int kRuns = 9;

    (void)cal.add_working_days(start, 20);  // builds the table once, outside the timing

    std::vector<double> rates;
    int64_t checksum = 0;  // keeps the optimiser from dropping the calls
    for (int run = 0; run < kRuns; ++run) {
        const auto t0 = std::chrono::steady_clock::now();
        for (int i = 0; i < kCallsPerRun; ++i) checksum += cal.add_working_days(start.plus_days(i % kDays), 20).serial();
        const std::chrono::duration<double> dt = std::chrono::steady_clock::now() - t0;
        rates.push_back(kCallsPerRun / dt.count());
    }
    std::sort(rates.begin(), rates.end());
    std::printf("add_working_days(d, 20): %.0f calls/s (median of %d runs of %d calls; min %.0f, max %.0f) [checksum %lld]\n",
                rates[kRuns / 2], kRuns, kCallsPerRun, rates.front(), rates.back(), static_cast<long long>(checksum));
    return 0;
}
