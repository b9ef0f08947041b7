// How fast is deadline maths? Every open case's clocks are recomputed often
// (lists, dashboards, reports), so add_working_days must stay cheap.
// Prints add_working_days(d, 20) calls per second, median of several runs.
//   bench_calendar [--json]   (--json: one JSON object, for make bench's results.json)
#include "core/calendar/calendar.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <vector>

using namespace doorstep;

// This thread's CPU seconds: on a loaded machine wall time also counts waiting for a core.
static double thread_cpu_s() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char** argv) {
    const bool json = argc > 1 && !std::strcmp(argv[1], "--json");
    const Calendar cal;  // England and Wales
    const Date start = Date::from_ymd(2024, 1, 1);
    constexpr int kDays = 365 * 4;       // start dates spread over 2024-2027
    constexpr int kCallsPerRun = 2'000'000;
    constexpr int kRuns = 9;

    (void)cal.add_working_days(start, 20);  // builds the table once, outside the timing

    std::vector<double> rates;
    std::vector<double> cpu_rates;
    int64_t checksum = 0;  // keeps the optimiser from dropping the calls
    for (int run = 0; run < kRuns; ++run) {
        const auto t0 = std::chrono::steady_clock::now();
        const double c0 = thread_cpu_s();
        for (int i = 0; i < kCallsPerRun; ++i) checksum += cal.add_working_days(start.plus_days(i % kDays), 20).serial();
        const std::chrono::duration<double> dt = std::chrono::steady_clock::now() - t0;
        rates.push_back(kCallsPerRun / dt.count());
        cpu_rates.push_back(kCallsPerRun / (thread_cpu_s() - c0));
    }
    std::sort(rates.begin(), rates.end());
    std::sort(cpu_rates.begin(), cpu_rates.end());
    if (json) {
        std::printf("{\"bench\":\"add_working_days\",\"calls_per_s\":%.0f,\"runs\":%d,\"calls_per_run\":%d,"
                    "\"min\":%.0f,\"max\":%.0f,\"calls_per_cpu_s\":%.0f,\"checksum\":%lld}\n",
                    rates[kRuns / 2], kRuns, kCallsPerRun, rates.front(), rates.back(), cpu_rates[kRuns / 2],
                    static_cast<long long>(checksum));
        return 0;
    }
    std::printf("add_working_days(d, 20): %.0f calls/s (median of %d runs of %d calls; min %.0f, max %.0f) [checksum %lld]\n",
                rates[kRuns / 2], kRuns, kCallsPerRun, rates.front(), rates.back(), static_cast<long long>(checksum));
    return 0;
}
