// `doorstep demo`: writes an invented dataset (demo.h) for demonstrations and tests:
// the plain JSON export (no attachments), or with --photos an export bundle whose
// hazards carry placeholder photos and whose "files" hold their bytes (docs/storage.md).
#include "cli/commands.h"

#include "core/data/case_json.h"
#include "core/demo/demo.h"

#include <chrono>
#include <cstdlib>
#include <ostream>

namespace doorstep::cli {
namespace {

// The plain export has no attachment records: there would be no bytes behind them.
Result<Demo> records_only(const DemoOptions& options) {
    Result<Dataset> d = make_demo_dataset(options);
    if (!d) return d.error();
    return Demo{std::move(*d), {}};
}

int run_demo(const Args& args, std::ostream& out, std::ostream& err) {
    if (!args.positional.empty()) return kUsage;
    DemoOptions options;
    options.on = today_local();
    long cases = options.cases;
    if (!number_option(args, "demo", "--cases", 1, 100000, cases, err)) return kUsage;
    options.cases = static_cast<int>(cases);
    if (!seed_option(args, "demo", options.seed, err)) return kUsage;
    if (const auto text = args.option("--on")) {
        const std::optional<Date> d = date_argument(*text, "--on", err);
        if (!d) return kUsage;
        options.on = *d;
    }
    const std::string target = args.option("-o").value_or("-");

    const bool photos = args.has("--photos");
    const std::string stamp = to_iso(options.on) + "T12:00";

    const auto start = std::chrono::steady_clock::now();
    const Result<Demo> d = photos ? make_demo(options) : records_only(options);
    if (!d) {
        err << "doorstep demo: " << d.error().text() << "\n";
        return kProblems;
    }
    const auto built = std::chrono::steady_clock::now();
    const std::string text = photos ? demo_bundle_text(*d, stamp) : export_dataset(d->dataset, stamp);
    std::string error;
    if (!write_file(target, text, error)) {
        err << "doorstep: " << error << "\n";
        return kProblems;
    }
    const auto written = std::chrono::steady_clock::now();
    const auto ms = [](auto a, auto b) { return std::chrono::duration_cast<std::chrono::milliseconds>(b - a).count(); };
    std::ostream& info = target == "-" ? err : out;
    info << "demo: " << d->dataset.cases.size() << " cases";
    if (photos) info << " and " << d->files.size() << " photo files";
    info << " up to " << to_iso(options.on) << " (seed " << options.seed
         << "): generated in " << ms(start, built) << " ms, exported in " << ms(built, written) << " ms";
    if (target != "-") info << " to " << target << " (" << text.size() / 1024 << " KB)";
    info << "\n";
    return kOk;
}

const Registrar demo_command{{"demo", "--cases N [--seed S] [--on DATE] [--photos] [-o FILE.json]",
                              "Writes an invented, obviously fictional dataset spread over the year before --on "
                              "(default today); the same seed gives the same file. --photos writes an export "
                              "bundle whose hazards carry placeholder photos, with their bytes under \"files\"",
                              run_demo, {"--cases", "--seed", "--on", "-o"}, {"--photos"}}};

}  // namespace
}  // namespace doorstep::cli
