// Reports from the command line: the annual complaints performance report or the
// governing-body pack for any period (8.1, 9.6, 9.7), and the Code self-assessment
// with evidence measured from the records (8.1a).
#include "cli/commands.h"

#include "core/data/import.h"
#include "core/reports/report_output.h"
#include "core/reports/reports.h"
#include "core/reports/self_assessment.h"

#include <ostream>

namespace doorstep::cli {
namespace {

// --format, or the output file's extension, or text.
std::optional<OutputFormat> format_argument(const Args& args, const char* command, std::ostream& err) {
    if (auto f = args.option("--format")) {
        auto parsed = parse_output_format(*f);
        if (!parsed) err << "doorstep " << command << ": unknown format '" << *f << "': use text, json, csv or html\n";
        return parsed;
    }
    if (auto o = args.option("-o")) {
        if (ends_with(*o, ".html") || ends_with(*o, ".htm")) return OutputFormat::Html;
        if (ends_with(*o, ".json")) return OutputFormat::Json;
        if (ends_with(*o, ".csv")) return OutputFormat::Csv;
    }
    return OutputFormat::Text;
}

std::optional<int> int_argument(const std::string& text, const char* what, int min, int max, std::ostream& err) {
    int v = 0;
    size_t used = 0;
    try {
        v = std::stoi(text, &used);
    } catch (...) {
        used = 0;
    }
    if (used != text.size() || text.empty() || v < min || v > max) {
        err << "doorstep: " << what << " must be a whole number from " << min << " to " << max << ", not '" << text << "'\n";
        return std::nullopt;
    }
    return v;
}

// The period: --from/--to, or --year Y (financial year from April Y) with an optional --quarter 1..4.
std::optional<Period> period_argument(const Args& args, std::ostream& err) {
    const auto from = args.option("--from"), to = args.option("--to"), year = args.option("--year");
    if (year) {
        if (from || to) {
            err << "doorstep report: give either --year (with --quarter) or --from and --to, not both\n";
            return std::nullopt;
        }
        auto y = int_argument(*year, "--year", 1990, 2200, err);
        if (!y) return std::nullopt;
        if (auto q = args.option("--quarter")) {
            auto qn = int_argument(*q, "--quarter", 1, 4, err);
            if (!qn) return std::nullopt;
            return financial_quarter(*y, *qn);
        }
        return financial_year(*y);
    }
    if (!from || !to) {
        err << "doorstep report: give the period with --from and --to (or --year)\n";
        return std::nullopt;
    }
    auto f = date_argument(*from, "--from", err);
    auto t = date_argument(*to, "--to", err);
    if (!f || !t) return std::nullopt;
    if (*t < *f) {
        err << "doorstep report: --to (" << *to << ") is before --from (" << *from << ")\n";
        return std::nullopt;
    }
    // A whole financial year or quarter gets its usual name.
    for (int y = f->year() - 1; y <= f->year(); ++y) {
        const Period fy = financial_year(y);
        if (fy.from == *f && fy.to == *t) return fy;
        for (int q = 1; q <= 4; ++q) {
            const Period fq = financial_quarter(y, q);
            if (fq.from == *f && fq.to == *t) return fq;
        }
    }
    return custom_period(*f, *t);
}

int run_report(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1) return kUsage;
    const auto period = period_argument(args, err);
    if (!period) return kUsage;
    const auto format = format_argument(args, "report", err);
    if (!format) return kUsage;
    OutputOptions options;
    if (auto doc = args.option("--document")) {
        auto d = parse_report_document(*doc);
        if (!d) {
            err << "doorstep report: unknown document '" << *doc << "': use annual or governing-body\n";
            return kUsage;
        }
        options.document = *d;
    }
    options.show_all = args.has("--all");
    // A period still running is judged as at today (UK local; DOORSTEP_NOW pins it).
    ReportOptions ro{*period, 0, today_local()};
    if (auto h = args.option("--homes")) {
        auto n = int_argument(*h, "--homes", 1, 10000000, err);
        if (!n) return kUsage;
        ro.homes = *n;
    }

    const auto data = load_dataset(args.positional[0], err);
    if (!data) return kProblems;
    const Report report = build_report(*data, ro);

    // 8.1a: the annual report carries the year's self-assessment.
    std::vector<Provision> provisions;
    if (options.document == ReportDocument::Annual) {
        if (const SelfAssessment* a = assessment_for_year(*data, financial_year_of(period->from))) {
            auto p = load_code_provisions();
            if (!p) {
                err << "doorstep: " << p.error().text() << "\n";
                return kProblems;
            }
            provisions = p.value();
            options.assessment = a;
            options.provisions = &provisions;
        }
    }
    if (report.tsm.homes <= 0)
        err << "doorstep report: the number of homes owned is not set, so CH01 is left out; pass --homes N\n";
    return write_output(args, render_report(report, *format, options), out, err);
}

int run_self_assessment(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1) return kUsage;
    const auto year_text = args.option("--year");
    if (!year_text) {
        err << "doorstep self-assessment: give the year with --year (the financial year starting in April of it)\n";
        return kUsage;
    }
    const auto year = int_argument(*year_text, "--year", 1990, 2200, err);
    if (!year) return kUsage;
    const auto format = format_argument(args, "self-assessment", err);
    if (!format) return kUsage;

    const auto data = load_dataset(args.positional[0], err);
    if (!data) return kProblems;
    auto provisions = load_code_provisions();
    if (!provisions) {
        err << "doorstep: " << provisions.error().text() << "\n";
        return kProblems;
    }
    const Period period = financial_year(*year);
    const std::vector<MeasuredEvidence> evidence = measure_evidence(*data, period, today_local());
    const SelfAssessment* a = assessment_for_year(*data, *year);
    if (!a)
        err << "doorstep self-assessment: no assessment for " << period.label
            << " in the file; every provision is shown unanswered beside the evidence\n";
    AssessmentDocument doc{a, &provisions.value(), &evidence, period, data->settings.landlord.name};
    return write_output(args, render_self_assessment(doc, *format), out, err);
}

const Registrar report_command{
    {"report",
     "FILE.json (--from DATE --to DATE | --year YYYY [--quarter N]) [--homes N] [--document annual|governing-body] "
     "[--format text|json|csv|html] [--all] [-o OUT]",
     "Complaints performance report or governing-body pack for a period (TSM CH01/CH02 and more)", run_report,
     {"--from", "--to", "--year", "--quarter", "--homes", "--document", "--format", "-o"},
     {"--all"}}};

const Registrar self_assessment_command{
    {"self-assessment", "FILE.json --year YYYY [--format text|json|csv|html] [-o OUT]",
     "The Code self-assessment of a financial year, with evidence measured from the cases", run_self_assessment,
     {"--year", "--format", "-o"},
     {}}};

}  // namespace
}  // namespace doorstep::cli
