// Quality assurance and tenant-panel material from the command line: the monthly
// spot-check sample (quality.h) and an anonymised case study (case_study.h).
#include "cli/commands.h"

#include "core/data/case_json.h"
#include "core/reports/case_study.h"
#include "core/base/ids.h"
#include "core/data/import.h"
#include "core/model/labels.h"
#include "core/reports/quality.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <cstdlib>
#include <ostream>
#include <sstream>

namespace doorstep::cli {
namespace {

// --format, else the -o file's extension, else `fallback`.
std::optional<std::string> format_of(const Args& args, const char* command, std::initializer_list<const char*> allowed,
                                     const char* fallback, std::ostream& err) {
    std::string f = fallback;
    if (auto given = args.option("--format")) {
        f = *given;
    } else if (auto o = args.option("-o")) {
        if (ends_with(*o, ".json")) f = "json";
        else if (ends_with(*o, ".html") || ends_with(*o, ".htm")) f = "html";
    }
    for (const char* a : allowed)
        if (f == a) return f;
    err << "doorstep " << command << ": unknown format '" << f << "'\n";
    return std::nullopt;
}

std::string lower_first(std::string s) {
    if (!s.empty()) s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}

const char* result_word(const SpotCheckItem& i) {
    if (!i.passed) return "to judge";
    return *i.passed ? "pass" : "FAIL";
}

int run_quality_sample(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1) return kUsage;
    const auto month = args.option("--month");
    if (!month) {
        err << "doorstep quality-sample: give the month with --month YYYY-MM\n";
        return kUsage;
    }
    const bool seed_given = args.option("--seed").has_value();
    uint64_t seed = seed_given ? 0 : entropy_seed();
    if (!seed_option(args, "quality-sample", seed, err)) return kUsage;
    std::optional<int> size;
    long n = -1;
    if (!number_option(args, "quality-sample", "--size", 0, 10000, n, err)) return kUsage;
    if (n >= 0) size = static_cast<int>(n);
    const auto format = format_of(args, "quality-sample", {"text", "json"}, "text", err);
    if (!format) return kUsage;

    const auto data = load_dataset(args.positional[0], err);
    if (!data) return kProblems;
    const Result<QualitySample> sample = draw_quality_sample(*data, *month, seed, size);
    if (!sample) {
        err << "doorstep quality-sample: " << sample.error().text() << "\n";
        return kUsage;
    }

    std::vector<const Case*> drawn;
    for (const std::string& id : sample->case_ids)
        for (const Case& c : data->cases)
            if (c.id == id) drawn.push_back(&c);

    if (*format == "json") {
        nlohmann::ordered_json j = nlohmann::ordered_json::object();
        j["month"] = sample->month;
        j["seed"] = std::to_string(sample->seed);  // text: JavaScript numbers lose precision above 2^53
        j["size"] = sample->size;
        j["eligible"] = sample->eligible;
        j["excluded_demo"] = sample->excluded_demo;
        j["sample_data"] = sample->sample_data;
        nlohmann::ordered_json cases = nlohmann::ordered_json::array();
        for (const Case* c : drawn) {
            const QualityCheck q = new_quality_check(*c, *data, *sample);
            nlohmann::ordered_json cj = to_json(q);
            cj["reference"] = c->reference;
            cj["deep_dive_suggested"] = suggests_deep_dive(*c, q);
            cases.push_back(std::move(cj));
        }
        j["checks"] = std::move(cases);
        return write_output(args, j.dump(2, ' ', false, nlohmann::detail::error_handler_t::replace) + "\n", out, err);
    }

    std::ostringstream t;
    const Date first = *parse_iso_date(sample->month + "-01");
    t << "Quality sample for " << month_name(first.month()) << " " << first.year() << " (seed " << sample->seed
      << "; the same seed and data draw the same cases)\n";
    t << "Complaints closed in the month: " << sample->eligible;
    if (sample->excluded_demo > 0)
        t << " (" << sample->excluded_demo << " sample records left out because the file also holds real cases)";
    if (sample->sample_data) t << " (sample data)";
    t << "\nDrawn: " << drawn.size() << " of " << sample->size << " asked for\n";
    for (const Case* c : drawn) {
        const QualityCheck q = new_quality_check(*c, *data, *sample);
        t << "\n" << c->reference << "  " << labels::category(data->settings, c->category_id) << ", closed ("
          << lower_first(labels::closure(c->closure->reason)) << ") " << short_date(c->closure->closed_on);
        if (suggests_deep_dive(*c, q)) t << "  - deep dive suggested";
        t << "\n";
        for (const SpotCheckItem& i : q.items) {
            t << "  [" << result_word(i) << "] " << i.check;
            if (i.from_record) t << " (from the record)";
            t << "\n";
            if (!i.note.empty()) t << "      " << i.note << "\n";
        }
    }
    if (!seed_given) err << "doorstep quality-sample: no --seed given; drew with seed " << sample->seed << "\n";
    return write_output(args, t.str(), out, err);
}

int run_case_study(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 2) return kUsage;
    const auto format = format_of(args, "case-study", {"html", "json"}, "html", err);
    if (!format) return kUsage;
    const auto data = load_dataset(args.positional[0], err);
    if (!data) return kProblems;
    const std::string& ref = args.positional[1];
    const Case* found = nullptr;
    for (const Case& c : data->cases)
        if (c.reference == ref || c.id == ref) found = &c;
    if (!found) {
        err << "doorstep case-study: no case " << ref << " in " << args.positional[0] << "\n";
        return kProblems;
    }
    const CaseStudy study = build_case_study(*found, data->settings);
    if (!found->panel_review)
        err << "doorstep case-study: " << found->reference
            << " has no text reviewed for a panel, so its free text is shown as [not reviewed]\n";
    return write_output(args, *format == "json" ? case_study_json_text(study) : case_study_html(study), out, err);
}

const Registrar quality_sample_command{
    {"quality-sample", "FILE.json --month YYYY-MM [--seed S] [--size N] [--format text|json] [-o OUT]",
     "Draws the month's random sample of closed complaints for spot checks, with the checks the record answers",
     run_quality_sample,
     {"--month", "--seed", "--size", "--format", "-o"},
     {}}};

const Registrar case_study_command{
    {"case-study", "FILE.json CASE-REF [--format html|json] [-o OUT.html]",
     "An anonymised case study of one case for a tenant panel (no names, addresses or contact details)",
     run_case_study,
     {"--format", "-o"},
     {}}};

}  // namespace
}  // namespace doorstep::cli
