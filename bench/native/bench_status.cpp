// How long does it take to recompute every case's status? The Cases and Today
// screens, reports and the CLI all need status() (deadlines.h) for every case,
// so a full pass over 10,000 cases must stay far below a frame.
// Builds the invented demo dataset (demo.h) once, then times one status() pass
// over all of it, median of several runs.
//   bench_status [--cases N] [--runs R] [--json]
#include "core/calendar/calendar.h"
#include "core/rules/deadlines.h"
#include "core/demo/demo.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

using namespace doorstep;

namespace {
// This thread's CPU time: on a shared, loaded machine wall time also counts
// waiting for a core, so both are reported.
double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}
}  // namespace

int main(int argc, char** argv) {
    int cases = 10'000;
    int runs = 15;
    bool json = false;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--cases") && i + 1 < argc) cases = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--runs") && i + 1 < argc) runs = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--json")) json = true;
        else {
            std::fprintf(stderr, "usage: bench_status [--cases N] [--runs R] [--json]\n");
            return 2;
        }
    }
    if (cases < 1 || runs < 1) {
        std::fprintf(stderr, "bench_status: --cases and --runs must be at least 1\n");
        return 2;
    }

    DemoOptions options;
    options.cases = cases;
    const auto g0 = std::chrono::steady_clock::now();
    const Result<Dataset> d = make_demo_dataset(options);
    if (!d) {
        std::fprintf(stderr, "bench_status: demo dataset failed: %s\n", d.error().text().c_str());
        return 1;
    }
    const std::chrono::duration<double, std::milli> generated = std::chrono::steady_clock::now() - g0;
    const Calendar cal = d->settings.calendar();
    const Date today = options.on;

    // Warm-up pass: builds the calendar's table and touches every case once.
    int open = 0;
    for (const Case& c : d->cases) open += status(c, today, d->settings, cal).open ? 1 : 0;

    std::vector<double> ms;
    std::vector<double> cpu;
    long long checksum = 0;  // keeps the optimiser from dropping the calls
    for (int r = 0; r < runs; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        const double c0 = thread_cpu_ms();
        for (const Case& c : d->cases) {
            const CaseStatus s = status(c, today, d->settings, cal);
            checksum += s.working_days_left + (s.due ? s.due->serial() : 0);
        }
        const std::chrono::duration<double, std::milli> dt = std::chrono::steady_clock::now() - t0;
        cpu.push_back(thread_cpu_ms() - c0);
        ms.push_back(dt.count());
    }
    std::sort(ms.begin(), ms.end());
    std::sort(cpu.begin(), cpu.end());
    const double median = ms[ms.size() / 2];
    const double cpu_median = cpu[cpu.size() / 2];
    if (json) {
        std::printf("{\"bench\":\"status\",\"cases\":%zu,\"open\":%d,\"runs\":%d,\"median_ms\":%.4f,\"min_ms\":%.4f,"
                    "\"max_ms\":%.4f,\"cpu_median_ms\":%.4f,\"per_case_us\":%.4f,\"generate_ms\":%.1f,\"checksum\":%lld}\n",
                    d->cases.size(), open, runs, median, ms.front(), ms.back(), cpu_median,
                    1000.0 * cpu_median / double(d->cases.size()), generated.count(), checksum);
    } else {
        std::printf("status() for %zu cases (%d open): %.3f ms wall, %.3f ms CPU (medians of %d runs; wall min %.3f, "
                    "max %.3f; %.3f us CPU per case) [checksum %lld]\n",
                    d->cases.size(), open, median, cpu_median, runs, ms.front(), ms.back(),
                    1000.0 * cpu_median / double(d->cases.size()), checksum);
    }
    return 0;
}
