// Index of this file (each a "// ---" section below; search for its heading):
//   - (top) format names, small helpers, shown counts, CSV cells
//   - Tables: every table of the report, shared by all formats and the app's screens
//   - Charts: the report's figures, drawn with core/document/chart.h
//   - The document's outline, then the text, CSV and HTML writers
//   - JSON
//   - The self-assessment documents (JSON, text, CSV, HTML)
#include "core/reports/report_output.h"

#include "core/document/chart.h"
#include "core/document/html.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace doorstep {

using ojson = nlohmann::ordered_json;

std::optional<OutputFormat> parse_output_format(std::string_view n) {
    if (n == "text" || n == "txt") return OutputFormat::Text;
    if (n == "json") return OutputFormat::Json;
    if (n == "csv") return OutputFormat::Csv;
    if (n == "html") return OutputFormat::Html;
    return std::nullopt;
}

std::optional<ReportDocument> parse_report_document(std::string_view n) {
    if (n == "annual") return ReportDocument::Annual;
    if (n == "governing-body" || n == "governing_body" || n == "quarterly" || n == "mrc") return ReportDocument::GoverningBody;
    return std::nullopt;
}

namespace {

std::string fixed(double v, int places) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f", places, v);
    return buf;
}

std::string opt_fixed(const std::optional<double>& v, int places) { return v ? fixed(*v, places) : "n/a"; }

double round2(double v) { return std::round(v * 100.0) / 100.0; }

std::string opt_date(const std::optional<Date>& d) { return d ? short_date(*d) : ""; }

std::string plural(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "5 of 6 (83.3%)"
std::string ratio_text(const Ratio& r) {
    if (r.denominator == 0) return "none to measure";
    return std::to_string(r.numerator) + " of " + std::to_string(r.denominator) + " (" + percent_text(r) + ")";
}

bool suppressing(const OutputOptions& o) { return !o.show_all && o.suppress_below > 1; }

bool is_suppressed(int n, const OutputOptions& o) { return suppressing(o) && n > 0 && n < o.suppress_below; }

// Totals by stage are not a small category: always shown in full.
OutputOptions all_counts(const OutputOptions& o) {
    OutputOptions all = o;
    all.show_all = true;
    return all;
}

const char* month_short(int m) {
    static const char* names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return names[(m - 1) % 12];
}

std::string month_label(const MonthFigures& m) { return std::string(month_short(m.month)) + " " + std::to_string(m.year); }

// Display width in characters (UTF-8 code points) for the text tables.
size_t width_of(std::string_view s) {
    size_t n = 0;
    for (unsigned char ch : s)
        if ((ch & 0xC0) != 0x80) ++n;
    return n;
}

}  // namespace

std::string shown_count(int n, const OutputOptions& o) {
    if (is_suppressed(n, o)) return "<" + std::to_string(o.suppress_below);
    return std::to_string(n);
}

std::string percent_text(const Ratio& r) {
    auto p = r.pct();
    return p ? fixed(*p, 1) + "%" : "n/a";
}

std::string document_title(const Report& r, const OutputOptions& o) {
    if (o.document == ReportDocument::Annual)
        return "Annual complaints performance and service improvement report " + r.period.label;
    return "Complaints report to the governing body " + r.period.label;
}

std::string csv_cell(std::string_view text) {
    std::string t(text);
    // A spreadsheet would run text starting with = + @ as a formula: make it plain text.
    if (!t.empty() && (t[0] == '=' || t[0] == '+' || t[0] == '@' || t[0] == '\t' || t[0] == '\r')) t.insert(0, "'");
    const bool quote = t.find_first_of(",\"\r\n") != std::string::npos;
    if (!quote) return t;
    std::string out = "\"";
    for (char ch : t) {
        if (ch == '"') out += "\"\"";
        else out += ch;
    }
    return out + "\"";
}

// ---------------------------------------------------------------------------
// Tables

namespace {

Table breakdown_table(const char* id, std::string title, std::string caption, const char* what, const Breakdown& b,
                      const OutputOptions& o) {
    Table t{id, std::move(title), std::move(caption), {what, "Number"}, {}};
    for (const auto& c : b) t.rows.push_back({c.label, shown_count(c.count, o)});
    if (b.empty()) t.rows.push_back({"None in the period", "0"});
    return t;
}

Table miss_table(const char* id, std::string title, std::string caption, const std::vector<CaseMiss>& misses,
                 const char* done_heading) {
    Table t{id, std::move(title), std::move(caption),
            {"Reference", "Stage", "Category", "Due", done_heading, "Working days late", "Why"}, {}};
    for (const auto& m : misses)
        t.rows.push_back({m.reference, std::to_string(m.stage), m.category, short_date(m.due), opt_date(m.done),
                          std::to_string(m.working_days_late), m.reason});
    return t;
}

}  // namespace

std::vector<Table> report_tables(const Report& r, const OutputOptions& o) {
    std::vector<Table> out;
    const Tsm& tsm = r.tsm;

    {
        Table t{"tsm", "Tenant Satisfaction Measures",
                "CH01 complaints received per 1,000 homes and CH02 complaints answered within the Code's timescales, "
                "each beside the counts it is worked out from.",
                {"Measure", "Figure", "Numerator", "Denominator"}, {}};
        t.rows.push_back({"CH01 stage 1 complaints per 1,000 homes", opt_fixed(tsm.ch01_stage1_per_1000, 2),
                          std::to_string(tsm.stage1_received), std::to_string(tsm.homes)});
        t.rows.push_back({"CH01 stage 2 complaints per 1,000 homes", opt_fixed(tsm.ch01_stage2_per_1000, 2),
                          std::to_string(tsm.stage2_received), std::to_string(tsm.homes)});
        auto ch02 = [&](const char* label, const Ratio& x) {
            t.rows.push_back({label, percent_text(x), std::to_string(x.numerator), std::to_string(x.denominator)});
        };
        ch02("CH02 stage 1 responses within the base timescale", tsm.ch02_stage1_within);
        ch02("CH02 stage 1 responses within the timescale as extended under the Code", tsm.ch02_stage1_within_extended);
        ch02("CH02 stage 2 responses within the base timescale", tsm.ch02_stage2_within);
        ch02("CH02 stage 2 responses within the timescale as extended under the Code", tsm.ch02_stage2_within_extended);
        out.push_back(std::move(t));
    }
    out.push_back(miss_table("ch02_stage1_missed", "Stage 1 responses outside the base timescale",
                             "Each stage 1 response in the period that missed the base timescale, and whether the "
                             "Code's extension covered it.",
                             tsm.stage1_missed, "Responded"));
    out.push_back(miss_table("ch02_stage2_missed", "Stage 2 responses outside the base timescale",
                             "Each stage 2 response in the period that missed the base timescale, and whether the "
                             "Code's extension covered it.",
                             tsm.stage2_missed, "Responded"));

    out.push_back(breakdown_table("received_by_kind", "Records received by kind",
                                  "Everything logged in the period, including records that are not complaints (1.4, 1.6).",
                                  "Kind", r.received_by_kind, o));
    out.push_back(breakdown_table("received_by_stage", "Complaints by stage",
                                  "Complaints accepted at each stage in the period; stage 3 exists only on records "
                                  "handled under the 2022 Code.",
                                  "Stage", r.received_by_stage, all_counts(o)));
    out.push_back(breakdown_table("received_by_channel", "Stage 1 complaints by channel",
                                  "How residents made the complaints accepted in the period (3.1, 3.2).", "Channel",
                                  r.received_by_channel, o));
    out.push_back(breakdown_table("received_by_category", "Stage 1 complaints by category",
                                  "What the complaints accepted in the period were about.", "Category",
                                  r.received_by_category, o));

    {
        Table t{"flow", "Handling performance by stage",
                "Acknowledgements and responses at each stage. Working days run from receipt (stage 1) or the "
                "escalation request (stage 2) to the response.",
                {"Measure", "Stage 1", "Stage 2"}, {}};
        auto both = [&](const char* label, const std::string& a, const std::string& b) { t.rows.push_back({label, a, b}); };
        both("Received", std::to_string(r.stage1.received), std::to_string(r.stage2.received));
        both("Responded", std::to_string(r.stage1.responded), std::to_string(r.stage2.responded));
        both("Acknowledged on time (6.2, 6.11)", ratio_text(r.stage1.acknowledged_on_time),
             ratio_text(r.stage2.acknowledged_on_time));
        both("Awaiting acknowledgement and overdue at the period end",
             std::to_string(r.stage1.awaiting_acknowledgement_overdue),
             std::to_string(r.stage2.awaiting_acknowledgement_overdue));
        both("Median working days to respond", opt_fixed(r.stage1.median_working_days, 1),
             opt_fixed(r.stage2.median_working_days, 1));
        both("90th percentile working days to respond", opt_fixed(r.stage1.p90_working_days, 0),
             opt_fixed(r.stage2.p90_working_days, 0));
        both("Responses with an extension", std::to_string(r.stage1.extended), std::to_string(r.stage2.extended));
        both("Extended beyond the limit with a good reason", std::to_string(r.stage1.beyond_limit_good_reason),
             std::to_string(r.stage2.beyond_limit_good_reason));
        both("Extended beyond the limit without a good reason", std::to_string(r.stage1.beyond_limit_no_reason),
             std::to_string(r.stage2.beyond_limit_no_reason));
        both("Stage 1 responses escalated to stage 2", ratio_text(r.escalation_rate), "");
        out.push_back(std::move(t));
    }
    {
        std::vector<CaseMiss> late = r.stage1.acknowledged_late;
        late.insert(late.end(), r.stage2.acknowledged_late.begin(), r.stage2.acknowledged_late.end());
        Table t = miss_table("acknowledged_late", "Acknowledgements outside the timescale",
                             "Stages acknowledged late in the period, and those still unacknowledged after their due date.",
                             late, "Acknowledged");
        out.push_back(std::move(t));
    }
    {
        Table t{"outcomes", "Outcomes of responses",
                "The Code's three outcomes of the responses sent in the period, in the landlord's own words.",
                {"Outcome", "Stage 1", "Stage 2"}, {}};
        for (size_t i = 0; i < r.stage1.outcomes.size(); ++i) {
            const Count& a = r.stage1.outcomes[i];
            int b = 0;
            for (const auto& x : r.stage2.outcomes)
                if (x.key == a.key) b = x.count;
            t.rows.push_back({a.label, shown_count(a.count, o), shown_count(b, o)});
        }
        out.push_back(std::move(t));
    }
    {
        Table t{"service_requests", "Service requests and complaints (1.4, 1.5)",
                "Service requests are recorded and monitored; a complaint about one does not stop the work.",
                {"Measure", "Figure"}, {}};
        t.rows.push_back({"Service requests received", std::to_string(r.service_requests_received)});
        t.rows.push_back({"Service requests received that led to a complaint", ratio_text(r.service_requests_became_complaints)});
        t.rows.push_back({"Complaints raised about a service request", std::to_string(r.complaints_from_service_requests)});
        out.push_back(std::move(t));
    }
    {
        Table t = breakdown_table("refusals", "Complaints not accepted, by ground (8.1b)",
                                  "Refusals decided in the period under section 2 of the Code, including refusals to "
                                  "escalate (5.11).",
                                  "Ground", r.refused_by_ground, o);
        t.rows.push_back({"Total refused at stage 1", std::to_string(r.refused_at_stage1)});
        t.rows.push_back({"Total escalations refused", std::to_string(r.refused_escalations)});
        out.push_back(std::move(t));
    }
    {
        Table t = breakdown_table("remedies_by_type", "Remedies in responses sent in the period (section 7)",
                                  "Remedies offered in the period's responses, by type.", "Remedy", r.remedies.by_type, o);
        t.rows.push_back({"Financial redress offered", format_money(r.remedies.financial_offered)});
        t.rows.push_back({"Financial redress paid", format_money(r.remedies.financial_paid)});
        out.push_back(std::move(t));
    }
    out.push_back(breakdown_table("remedies_by_state", "Remedies by state", "Where each remedy stood at the period end.",
                                  "State", r.remedies.by_state, o));
    {
        Table t{"overdue", "Outstanding actions and remedies overdue (6.6, 7.3)",
                "Actions and remedies promised to residents and not completed by their due date, as at " +
                    short_date(r.as_at) + ".",
                {"Reference", "What", "Description", "Owner", "Due", "Working days overdue"}, {}};
        for (const auto& x : r.overdue)
            t.rows.push_back({x.reference, x.what, x.description, x.owner, short_date(x.due),
                              std::to_string(x.working_days_overdue)});
        out.push_back(std::move(t));
    }
    {
        // Adjustment descriptions can reveal a disability: tenant-panel versions leave them out.
        Table t{"reviews_due", "Reasonable adjustments and contact restrictions due for review (5.10, 5.14)",
                "Agreed adjustments and restrictions on cases open in the period whose review is overdue, near, or "
                "not dated.",
                {"Reference", "What", "Review due", "State"}, {}};
        if (o.show_all) t.header.insert(t.header.begin() + 2, "Description");
        for (const auto& x : r.reviews_due) {
            std::vector<std::string> row{x.reference, x.what, opt_date(x.review_due), x.state};
            if (o.show_all) row.insert(row.begin() + 2, x.description);
            t.rows.push_back(std::move(row));
        }
        out.push_back(std::move(t));
    }
    {
        Table t{"months", "Trend by month",
                "Complaints received and responses sent each month, with the share answered within the timescale as "
                "extended under the Code.",
                {"Month", "Stage 1 received", "Stage 2 received", "Responses", "Within timescale", "Share within"}, {}};
        for (const auto& m : r.months)
            t.rows.push_back({month_label(m), std::to_string(m.stage1_received), std::to_string(m.stage2_received),
                              std::to_string(m.responses), std::to_string(m.responses_within_extended),
                              percent_text(Ratio{m.responses_within_extended, m.responses})});
        out.push_back(std::move(t));
    }
    {
        Table t{"category_trends", "Stage 1 complaints by category and month",
                "Issues and trends (9.7b): how each category moved through the period.", {"Category"}, {}};
        for (const auto& m : r.months) t.header.push_back(month_label(m));
        t.header.push_back("Total");
        for (const auto& c : r.category_trends) {
            std::vector<std::string> row{c.label};
            for (int v : c.per_month) row.push_back(shown_count(v, o));
            row.push_back(shown_count(c.total, o));
            t.rows.push_back(std::move(row));
        }
        out.push_back(std::move(t));
    }
    {
        Table t{"learning", "Learning from complaints (9.1–9.4)",
                "Lessons logged, the actions taken or planned, their owners and progress.",
                {"Theme", "Lesson", "Action", "Owner", "Due", "Done", "Status", "Cases"}, {}};
        for (const auto& l : r.learning) {
            std::string cases;
            for (const auto& c : l.case_references) cases += (cases.empty() ? "" : ", ") + c;
            t.rows.push_back({l.theme, l.lesson, l.action, l.owner, opt_date(l.due), opt_date(l.done), l.state, cases});
        }
        out.push_back(std::move(t));
    }
    out.push_back(breakdown_table("learning_by_theme", "Learning by theme", "How many lessons each theme produced.",
                                  "Theme", r.learning_by_theme, o));
    {
        const OmbudsmanFigures& om = r.ombudsman;
        Table t{"ombudsman", "Housing Ombudsman cases (8.1c, 9.7c)",
                "Referrals and determinations in the period and orders as at the period end.", {"Measure", "Figure"}, {}};
        t.rows.push_back({"Referred to the Ombudsman", std::to_string(om.referred)});
        t.rows.push_back({"Determined", std::to_string(om.determined)});
        t.rows.push_back({"Awaiting determination", std::to_string(om.pending)});
        t.rows.push_back({"Findings of severe maladministration, maladministration or service failure",
                          std::to_string(om.maladministration_findings)});
        t.rows.push_back({"Orders", std::to_string(om.orders)});
        t.rows.push_back({"Orders complied with", std::to_string(om.orders_complied)});
        t.rows.push_back({"of which late", std::to_string(om.orders_complied_late)});
        t.rows.push_back({"Orders open", std::to_string(om.orders_open)});
        t.rows.push_back({"of which overdue", std::to_string(om.orders_overdue)});
        out.push_back(std::move(t));
    }
    out.push_back(breakdown_table("determinations", "Ombudsman determinations",
                                  "Determinations made in the period, by finding.", "Determination",
                                  r.ombudsman.determinations, o));
    {
        Table t{"orders", "Ombudsman orders", "Each order and its progress as at " + short_date(r.as_at) + ".",
                {"Case", "Ombudsman reference", "Order", "Due", "Completed", "State"}, {}};
        for (const auto& x : r.ombudsman.order_rows)
            t.rows.push_back({x.case_reference, x.ombudsman_reference, x.description, short_date(x.due),
                              opt_date(x.completed), x.state});
        out.push_back(std::move(t));
    }
    {
        Table t{"non_compliance", "Exceptional non-compliance with the Code (8.5)",
                "Times when exceptional circumstances stopped the landlord complying, and who was told.",
                {"Event", "Started", "Ombudsman told", "Residents told", "Compliance returns"}, {}};
        for (const auto& e : r.ombudsman.non_compliance)
            t.rows.push_back({e.description, short_date(e.started), opt_date(e.ombudsman_told), opt_date(e.residents_told),
                              opt_date(e.compliance_returns)});
        out.push_back(std::move(t));
    }
    {
        Table t{"quality", "Quality checks", "Spot checks of closed cases and letters done in the period.",
                {"Check", "Passed", "Failed", "Not assessed"}, {}};
        for (const auto& q : r.quality.by_check)
            t.rows.push_back({q.check, std::to_string(q.passed), std::to_string(q.failed), std::to_string(q.not_assessed)});
        t.rows.push_back({"All items assessed", ratio_text(r.quality.items_passed), "", ""});
        t.rows.push_back({"Cases checked", std::to_string(r.quality.checks), "", ""});
        t.rows.push_back({"Deep dives", std::to_string(r.quality.deep_dives), "", ""});
        out.push_back(std::move(t));
    }
    {
        Table t{"satisfaction", "Satisfaction with complaint handling",
                "Short surveys after each stage's response in the period, against the landlord's targets for surveying.",
                {"Measure", "Stage 1", "Stage 2"}, {}};
        const SatisfactionStage& a = r.satisfaction_stage1;
        const SatisfactionStage& b = r.satisfaction_stage2;
        auto both = [&](const char* label, const std::string& x, const std::string& y) { t.rows.push_back({label, x, y}); };
        both("Cases with a response at this stage", std::to_string(a.responded_cases), std::to_string(b.responded_cases));
        both("Surveys offered", ratio_text(a.offered), ratio_text(b.offered));
        both("Target share to survey", std::to_string(a.target_pct) + "%", std::to_string(b.target_pct) + "%");
        both("Surveys answered", ratio_text(a.answered), ratio_text(b.answered));
        both("Surveys declined by the resident", std::to_string(a.declined), std::to_string(b.declined));
        both("Satisfied with handling (4 or 5 of 5)", ratio_text(a.satisfied_handling), ratio_text(b.satisfied_handling));
        both("Satisfied with the outcome (4 or 5 of 5)", ratio_text(a.satisfied_outcome), ratio_text(b.satisfied_outcome));
        both("Average score: handling", opt_fixed(a.mean_handling, 1), opt_fixed(b.mean_handling, 1));
        both("Average score: outcome", opt_fixed(a.mean_outcome, 1), opt_fixed(b.mean_outcome, 1));
        both("Average score: felt listened to", opt_fixed(a.mean_listened, 1), opt_fixed(b.mean_listened, 1));
        out.push_back(std::move(t));
    }
    if (o.assessment && o.provisions) {
        const ComplianceCounts n = count_answers(*o.assessment);
        Table t{"self_assessment_summary", "Self-assessment against the Code (8.1a)",
                "How the landlord answered each of the Code's provisions.", {"Answer", "Provisions"}, {}};
        t.rows = {{"Yes", std::to_string(n.yes)}, {"Partly", std::to_string(n.partly)}, {"No", std::to_string(n.no)},
                  {"Not applicable", std::to_string(n.not_applicable)}, {"Not answered", std::to_string(n.unanswered)}};
        out.push_back(std::move(t));
        Table g{"self_assessment_gaps", "Provisions not fully met, and the actions planned",
                "Every provision answered No or Partly, with its actions.",
                {"Provision", "Requirement", "Answer", "Action", "Owner", "Due", "Status"}, {}};
        for (const auto& ans : o.assessment->answers) {
            if (ans.comply != Compliance::No && ans.comply != Compliance::Partly) continue;
            const Provision* p = find_provision(*o.provisions, ans.provision);
            const std::string summary = p ? p->summary : "";
            if (ans.actions.empty()) g.rows.push_back({ans.provision, summary, compliance_label(ans.comply), "", "", "", ""});
            for (const auto& a : ans.actions)
                g.rows.push_back({ans.provision, summary, compliance_label(ans.comply), a.description, a.owner,
                                  opt_date(a.due), action_status_label(a.status)});
        }
        out.push_back(std::move(g));
    }
    return out;
}

// ---------------------------------------------------------------------------
// Charts (core/document/chart.h); the same figures are always in a table too.

namespace {

// A figure: the chart, and a caption that states the key numbers in words.
struct Figure {
    std::string id, caption, svg;
};

std::vector<Figure> report_figures(const Report& r, const OutputOptions& o) {
    std::vector<Figure> out;
    {
        std::vector<ChartBar> bars;
        auto add = [&](const char* label, const Ratio& x) {
            bars.push_back({label, x.pct().value_or(0), percent_text(x) + " (" + std::to_string(x.numerator) + " of " +
                                                           std::to_string(x.denominator) + ")", false});
        };
        add("Stage 1 within base timescale", r.tsm.ch02_stage1_within);
        add("Stage 1 within extended timescale", r.tsm.ch02_stage1_within_extended);
        add("Stage 2 within base timescale", r.tsm.ch02_stage2_within);
        add("Stage 2 within extended timescale", r.tsm.ch02_stage2_within_extended);
        const std::string desc = "Stage 1: " + percent_text(r.tsm.ch02_stage1_within) + " within the base timescale, " +
                                 percent_text(r.tsm.ch02_stage1_within_extended) + " within the extended timescale. Stage 2: " +
                                 percent_text(r.tsm.ch02_stage2_within) + " and " +
                                 percent_text(r.tsm.ch02_stage2_within_extended) + ".";
        out.push_back({"fig-ch02", "CH02: responses within the Code's timescales. " + desc,
                       svg_hbars("fig-ch02", "Responses within the Code's timescales (CH02)", desc, bars, 100)});
    }
    {
        int s1 = 0, s2 = 0, peak = 0;
        const MonthFigures* peak_m = nullptr;
        for (const auto& m : r.months) {
            s1 += m.stage1_received;
            s2 += m.stage2_received;
            if (m.stage1_received > peak) { peak = m.stage1_received; peak_m = &m; }
        }
        std::string desc = "Stage 1 and stage 2 complaints received each month: " + std::to_string(s1) + " at stage 1 and " +
                           std::to_string(s2) + " at stage 2 in all.";
        if (peak_m) desc += " The busiest month for stage 1 was " + month_label(*peak_m) + " with " + std::to_string(peak) + ".";
        std::vector<ChartGroup> groups;
        for (const auto& m : r.months) groups.push_back({month_short(m.month), m.stage1_received, m.stage2_received});
        out.push_back({"fig-months", "Complaints received by month. " + desc,
                       svg_grouped_bars("fig-months", "Complaints received by month", desc, "Stage 1", "Stage 2", groups)});
    }
    {
        std::vector<ChartBar> bars;
        double max = 0;
        std::string desc = "Stage 1 complaints by category:";
        for (const auto& c : r.received_by_category) {
            const bool hide = is_suppressed(c.count, o);
            bars.push_back({c.label, static_cast<double>(c.count), shown_count(c.count, o), hide});
            if (!hide) max = std::max(max, static_cast<double>(c.count));
            desc += " " + c.label + " " + shown_count(c.count, o) + ";";
        }
        if (bars.empty()) desc += " none.";
        else desc.back() = '.';
        out.push_back({"fig-categories", "Complaints by category. " + desc,
                       svg_hbars("fig-categories", "Stage 1 complaints by category", desc, bars, max)});
    }
    return out;
}

// ---------------------------------------------------------------------------
// The document's outline, shared by the text and HTML writers.

struct Block {
    enum class Kind { Heading, Para, TableRef, FigureRef, Bullets } kind;
    std::string text;
    std::vector<std::string> items;
};

std::vector<Block> outline(const Report& r, const OutputOptions& o) {
    std::vector<Block> b;
    auto h = [&](std::string t) { b.push_back({Block::Kind::Heading, std::move(t), {}}); };
    auto p = [&](std::string t) { b.push_back({Block::Kind::Para, std::move(t), {}}); };
    auto tab = [&](const char* id) { b.push_back({Block::Kind::TableRef, id, {}}); };
    auto fig = [&](const char* id) { b.push_back({Block::Kind::FigureRef, id, {}}); };

    const Tsm& t = r.tsm;
    std::string key = "In " + r.period.label + " we accepted " + plural(t.stage1_received, "stage 1 complaint", "stage 1 complaints") +
                      " and " + plural(t.stage2_received, "stage 2 escalation", "stage 2 escalations") + ".";
    if (t.ch01_stage1_per_1000) key += " That is " + fixed(*t.ch01_stage1_per_1000, 2) + " stage 1 complaints per 1,000 homes.";
    key += " Of stage 1 responses, " + percent_text(t.ch02_stage1_within) + " were sent within the base timescale and " +
           percent_text(t.ch02_stage1_within_extended) + " within the timescale as extended under the Code; at stage 2 " +
           percent_text(t.ch02_stage2_within) + " and " + percent_text(t.ch02_stage2_within_extended) + ".";

    if (o.document == ReportDocument::Annual) {
        h("Summary");
        p(key);
        tab("tsm");
        fig("fig-ch02");
        h("a. Self-assessment against the Complaint Handling Code");
        if (o.assessment && o.provisions) {
            const SelfAssessment& a = *o.assessment;
            std::string signed_text = a.lead_officer.on
                ? "Signed by " + a.lead_officer.name + " (" + a.lead_officer.role + ") on " + short_date(*a.lead_officer.on)
                : "Not yet signed by the lead officer";
            signed_text += a.member_responsible.on ? "; by " + a.member_responsible.name +
                                                         " (Member Responsible for Complaints) on " +
                                                         short_date(*a.member_responsible.on) + "."
                                                   : "; not yet signed by the Member Responsible for Complaints.";
            p("The full self-assessment is published alongside this report. " + signed_text);
            tab("self_assessment_summary");
            tab("self_assessment_gaps");
        } else {
            p("No self-assessment for this year is recorded in Doorstep. Complete it (doorstep self-assessment) and "
              "publish it with this report.");
        }
        h("b. Complaint handling performance");
        tab("received_by_kind");
        tab("received_by_stage");
        tab("received_by_channel");
        tab("received_by_category");
        fig("fig-categories");
        tab("flow");
        tab("ch02_stage1_missed");
        tab("ch02_stage2_missed");
        tab("acknowledged_late");
        tab("outcomes");
        tab("service_requests");
        p("Types of complaint we did not accept, and why:");
        tab("refusals");
        tab("remedies_by_type");
        tab("remedies_by_state");
        tab("overdue");
        tab("reviews_due");
        tab("satisfaction");
        tab("quality");
        h("Trends");
        fig("fig-months");
        tab("months");
        tab("category_trends");
        h("c. Findings from the Housing Ombudsman");
        tab("ombudsman");
        tab("determinations");
        tab("orders");
        tab("non_compliance");
        h("d. Service improvements from learning");
        tab("learning");
        tab("learning_by_theme");
        h("e. The Ombudsman's annual report on our performance");
        p(o.ombudsman_annual_report.empty()
              ? "Not recorded in Doorstep: add the Ombudsman's annual report on the landlord here before publishing."
              : o.ombudsman_annual_report);
        h("f. Other relevant Ombudsman reports and publications");
        p(o.ombudsman_publications.empty()
              ? "Not recorded in Doorstep: add any other Ombudsman reports about the landlord here before publishing."
              : o.ombudsman_publications);
    } else {
        h("Summary");
        p(key);
        tab("tsm");
        fig("fig-ch02");
        h("a. Volumes, categories and outcomes, and handling performance");
        tab("received_by_stage");
        tab("received_by_category");
        fig("fig-categories");
        tab("outcomes");
        tab("flow");
        tab("ch02_stage1_missed");
        tab("ch02_stage2_missed");
        tab("acknowledged_late");
        tab("refusals");
        tab("overdue");
        tab("reviews_due");
        tab("satisfaction");
        h("b. Issues and trends");
        fig("fig-months");
        tab("months");
        tab("category_trends");
        tab("learning");
        h("c. Ombudsman investigations and orders");
        tab("ombudsman");
        tab("determinations");
        tab("orders");
        tab("non_compliance");
        h("d. Quality of complaint handling");
        tab("quality");
    }
    h("About these figures");
    Block notes{Block::Kind::Bullets, "", r.notes};
    if (suppressing(o))
        notes.items.push_back("To protect residents' privacy, counts from 1 to " + std::to_string(o.suppress_below - 1) +
                              " in breakdowns are shown as \"<" + std::to_string(o.suppress_below) +
                              "\". Totals and timeliness figures are shown in full. No names, addresses or contact "
                              "details appear in this document.");
    else
        notes.items.push_back("All counts are shown in full: this version is for internal use, not for publication.");
    b.push_back(std::move(notes));
    return b;
}

const Table* table_by_id(const std::vector<Table>& tables, const std::string& id) {
    for (const auto& t : tables)
        if (t.id == id) return &t;
    return nullptr;
}

// Word-wrapped text table.
std::vector<std::string> wrap(const std::string& s, size_t width) {
    std::vector<std::string> lines;
    std::string line, word;
    auto flush_word = [&]() {
        if (word.empty()) return;
        if (!line.empty() && width_of(line) + 1 + width_of(word) > width) {
            lines.push_back(line);
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
        word.clear();
    };
    for (char ch : s) {
        if (ch == ' ' || ch == '\n') flush_word();
        else word += ch;
    }
    flush_word();
    if (!line.empty() || lines.empty()) lines.push_back(line);
    return lines;
}

std::string text_table(const Table& t) {
    const size_t cols = t.header.size();
    // Narrow columns in wide tables; the last column (often a reason) may run longer.
    auto cap_of = [&](size_t i) -> size_t { return i + 1 == cols ? 60 : (cols > 6 ? 24 : 48); };
    std::vector<size_t> w(cols, 0);
    auto measure = [&](const std::vector<std::string>& row) {
        for (size_t i = 0; i < cols && i < row.size(); ++i)
            for (const auto& l : wrap(row[i], cap_of(i))) w[i] = std::max(w[i], width_of(l));
    };
    measure(t.header);
    for (const auto& row : t.rows) measure(row);
    std::string out;
    auto emit = [&](const std::vector<std::string>& row) {
        std::vector<std::vector<std::string>> cells;
        size_t height = 1;
        for (size_t i = 0; i < cols; ++i) {
            cells.push_back(wrap(i < row.size() ? row[i] : "", cap_of(i)));
            height = std::max(height, cells.back().size());
        }
        for (size_t line = 0; line < height; ++line) {
            std::string l;
            for (size_t i = 0; i < cols; ++i) {
                const std::string& c = line < cells[i].size() ? cells[i][line] : std::string();
                l += c + std::string(w[i] - width_of(c), ' ') + (i + 1 < cols ? "  " : "");
            }
            while (!l.empty() && l.back() == ' ') l.pop_back();
            out += "  " + l + "\n";
        }
    };
    emit(t.header);
    std::string rule;
    for (size_t i = 0; i < cols; ++i) rule += std::string(w[i], '-') + (i + 1 < cols ? "  " : "");
    out += "  " + rule + "\n";
    if (t.rows.empty()) out += "  (none)\n";
    for (const auto& row : t.rows) emit(row);
    return out;
}

const char* kCss = R"(
body { font-family: "Inter", "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #1b1b1b; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 2px solid #1d4f91; padding-bottom: .2rem; }
table { border-collapse: collapse; width: 100%; margin: .75rem 0 1.25rem; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
caption span { display: block; font-weight: 400; font-size: .85rem; color: #444; }
th, td { border: 1px solid #b5b5b5; padding: .3rem .45rem; vertical-align: top; text-align: left; }
thead th { background: #e8eef7; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0 1.5rem; }
figcaption { font-size: .85rem; color: #333; }
svg { max-width: 42rem; height: auto; }
svg .bar { fill: #1d4f91; } svg .bar2 { fill: #d2691e; } svg .axis { stroke: #555; }
svg .lbl { font-size: 13px; fill: #1b1b1b; } svg .val { font-size: 12px; fill: #1b1b1b; } svg .small { font-size: 10px; }
.meta { color: #444; } .warning { background: #fff4e5; border-left: 4px solid #b35c00; padding: .3rem .5rem; margin: .25rem 0; }
.sample { background: #fdecea; border: 2px solid #a4262c; padding: .5rem; font-weight: 600; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  h2 { break-after: avoid; } table, figure { break-inside: auto; } tr, figure svg { break-inside: avoid; }
  thead { display: table-header-group; }
}
)";

bool numeric_cell(const std::string& s) {
    if (s.empty()) return false;
    for (char ch : s)
        if (!(std::isdigit(static_cast<unsigned char>(ch)) || ch == '.' || ch == '%' || ch == ',' || ch == '<' || ch == '-'))
            return false;
    return true;
}

std::string table_html(const Table& t) {
    HtmlTable h{"t-" + t.id, "", html_escape(t.title), "", {}, {}, true, "None in the period"};
    if (!t.caption.empty()) h.caption_html += "<span>" + html_escape(t.caption) + "</span>";
    for (const auto& cell : t.header) h.header_html.push_back(html_escape(cell));
    for (const auto& row : t.rows) {
        std::vector<HtmlCell>& cells = h.rows.emplace_back();
        for (size_t i = 0; i < row.size(); ++i) cells.push_back({html_escape(row[i]), i > 0 && numeric_cell(row[i]) ? "num" : ""});
    }
    return html_table(h);
}

// A report page: its stylesheet, the content as the page's main landmark.
std::string report_page(const std::string& title, const std::string& body) {
    return html_page(title, kCss, "<main>\n" + body + "</main>\n");
}

}  // namespace

std::string report_text(const Report& r, const OutputOptions& o) {
    const auto tables = report_tables(r, o);
    std::string s;
    const std::string title = document_title(r, o);
    s += title + "\n" + std::string(width_of(title), '=') + "\n";
    s += (r.landlord.empty() ? std::string() : r.landlord + ". ") + "Period " + short_date(r.period.from) + " to " +
         short_date(r.period.to) + ".\n";
    if (r.sample_data) s += "SAMPLE DATA: these figures come from demonstration records, not real cases.\n";
    for (const auto& b : outline(r, o)) {
        switch (b.kind) {
            case Block::Kind::Heading: s += "\n" + b.text + "\n" + std::string(width_of(b.text), '-') + "\n"; break;
            case Block::Kind::Para:
                s += "\n";
                for (const auto& l : wrap(b.text, 100)) s += l + "\n";
                break;
            case Block::Kind::TableRef:
                if (const Table* t = table_by_id(tables, b.text)) s += "\n" + t->title + "\n" + text_table(*t);
                break;
            case Block::Kind::FigureRef: break;  // the figures' numbers are in the tables
            case Block::Kind::Bullets:
                for (const auto& item : b.items) {
                    bool first = true;
                    for (const auto& l : wrap(item, 96)) { s += (first ? "  - " : "    ") + l + "\n"; first = false; }
                }
                break;
        }
    }
    return s;
}

// UTF-8 says so to spreadsheets (Excel reads a file without it as Windows-1252: "Â£").
const char kUtf8Bom[] = "\xEF\xBB\xBF";

namespace {

bool all_digits(std::string_view t) {
    return !t.empty() && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "1,234.50" -> "1234.50"; nullopt unless it is a plain number (thousands commas allowed).
std::optional<std::string> plain_number(std::string_view t) {
    std::string out;
    bool neg = !t.empty() && t[0] == '-';
    if (neg) t.remove_prefix(1);
    const size_t dot = t.find('.');
    std::string_view whole = t.substr(0, dot), frac = dot == std::string_view::npos ? std::string_view{} : t.substr(dot + 1);
    if (dot != std::string_view::npos && !all_digits(frac)) return std::nullopt;
    // Groups of three after the first, when commas are used.
    size_t start = 0, groups = 0;
    while (true) {
        size_t comma = whole.find(',', start);
        std::string_view part = whole.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        if (!all_digits(part) || (groups > 0 && part.size() != 3) || (groups == 0 && comma != std::string_view::npos && part.size() > 3))
            return std::nullopt;
        out += part;
        ++groups;
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    if (dot != std::string_view::npos) out += "." + std::string(frac);
    return (neg ? "-" : "") + out;
}

}  // namespace

TidyValue tidy_value(std::string_view text) {
    std::string_view t = text;
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
    while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
    if (t.empty()) return {"", ""};
    // Money: "£47,500.00", "-£12.00".
    std::string money(t);
    bool negative = false;
    if (!money.empty() && money[0] == '-') {
        negative = true;
        money.erase(0, 1);
    }
    if (money.rfind("\xC2\xA3", 0) == 0)  // £
        if (auto n = plain_number(std::string_view(money).substr(2))) return {(negative ? "-" : "") + *n, "GBP"};
    if (t.back() == '%')
        if (auto n = plain_number(t.substr(0, t.size() - 1))) return {*n, "%"};
    if (auto n = plain_number(t)) return {*n, ""};
    // A date as the documents print it ("20 Dec 2024") becomes ISO 8601.
    int d = 0, y = 0;
    char mon[4] = {};
    int used = 0;
    const std::string s(t);
    if (std::sscanf(s.c_str(), "%d %3s %d%n", &d, mon, &y, &used) == 3 && size_t(used) == s.size()) {
        static const char* const kMon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        for (int m = 1; m <= 12; ++m)
            if (std::strcmp(mon, kMon[m - 1]) == 0 && Date::is_valid_ymd(y, m, d)) return {to_iso(Date::from_ymd(y, m, d)), "date"};
    }
    return {s, ""};
}

// One tidy table for spreadsheets: a row per figure, the same six columns throughout
// (table, title, row, column, value, unit); numbers as numbers, dates as ISO 8601.
std::string report_csv(const Report& r, const OutputOptions& o) {
    std::string s = kUtf8Bom;
    s += "table,title,row,column,value,unit\r\n";
    auto line = [&](const std::string& id, const std::string& title, const std::string& row, const std::string& column,
                    const std::string& cell) {
        const TidyValue v = tidy_value(cell);
        s += csv_cell(id) + "," + csv_cell(title) + "," + csv_cell(row) + "," + csv_cell(column) + "," + csv_cell(v.value) +
             "," + csv_cell(v.unit) + "\r\n";
    };
    const std::string doc = document_title(r, o);
    line("document", doc, "Landlord", "Value", r.landlord);
    s += "document," + csv_cell(doc) + ",From,Value," + to_iso(r.period.from) + ",date\r\n";
    s += "document," + csv_cell(doc) + ",To,Value," + to_iso(r.period.to) + ",date\r\n";
    if (r.sample_data) line("document", doc, "Sample data", "Value", "yes");
    for (const auto& t : report_tables(r, o)) {
        for (const auto& row : t.rows) {
            if (row.empty()) continue;
            if (t.header.size() <= 1) {
                line(t.id, t.title, row[0], t.header.empty() ? "Value" : t.header[0], row[0]);
                continue;
            }
            for (size_t i = 1; i < row.size() && i < t.header.size(); ++i) line(t.id, t.title, row[0], t.header[i], row[i]);
        }
    }
    return s;
}

std::string report_html(const Report& r, const OutputOptions& o) {
    const auto tables = report_tables(r, o);
    const auto figures = report_figures(r, o);
    const std::string title = document_title(r, o);
    std::string body = "<header>\n" + html_heading(1, html_escape(title)) + "<p class=\"meta\">" +
                       html_escape((r.landlord.empty() ? std::string() : r.landlord + ". ") + "Period " +
                                   long_date(r.period.from) + " to " + long_date(r.period.to) + ".") +
                       "</p>\n";
    if (r.sample_data)
        body += "<p class=\"sample\">Sample data: these figures come from demonstration records, not real cases.</p>\n";
    body += "</header>\n";
    int fig_no = 0;
    for (const auto& b : outline(r, o)) {
        switch (b.kind) {
            case Block::Kind::Heading: body += html_heading(2, html_escape(b.text)); break;
            case Block::Kind::Para: body += "<p>" + html_escape(b.text) + "</p>\n"; break;
            case Block::Kind::TableRef:
                if (const Table* t = table_by_id(tables, b.text)) body += table_html(*t);
                break;
            case Block::Kind::FigureRef:
                for (const auto& f : figures)
                    if (f.id == b.text)
                        body += "<figure id=\"" + f.id + "\">\n" + f.svg + "\n<figcaption>Figure " + std::to_string(++fig_no) +
                                ". " + html_escape(f.caption) + "</figcaption>\n</figure>\n";
                break;
            case Block::Kind::Bullets:
                body += "<ul>\n";
                for (const auto& item : b.items) body += "<li>" + html_escape(item) + "</li>\n";
                body += "</ul>\n";
                break;
        }
    }
    return report_page(title + (r.landlord.empty() ? "" : " — " + r.landlord), body);
}

// ---------------------------------------------------------------------------
// JSON

namespace {

ojson num_or_null(const std::optional<double>& v) { return v ? ojson(round2(*v)) : ojson(nullptr); }

ojson count_json(int n, const OutputOptions& o) {
    if (is_suppressed(n, o)) return nullptr;
    return n;
}

ojson breakdown_json(const Breakdown& b, const OutputOptions& o) {
    ojson a = ojson::array();
    for (const auto& c : b) {
        ojson e;
        e["key"] = c.key;
        e["label"] = c.label;
        e["count"] = count_json(c.count, o);
        if (is_suppressed(c.count, o)) e["suppressed"] = shown_count(c.count, o);
        a.push_back(std::move(e));
    }
    return a;
}

ojson ratio_json(const Ratio& r) {
    ojson j;
    j["pct"] = num_or_null(r.pct());
    j["numerator"] = r.numerator;
    j["denominator"] = r.denominator;
    return j;
}

ojson misses_json(const std::vector<CaseMiss>& v) {
    ojson a = ojson::array();
    for (const auto& m : v) {
        ojson e;
        e["reference"] = m.reference;
        e["stage"] = m.stage;
        e["category"] = m.category;
        e["due"] = to_iso(m.due);
        e["done"] = m.done ? ojson(to_iso(*m.done)) : ojson(nullptr);
        e["working_days_late"] = m.working_days_late;
        e["reason"] = m.reason;
        a.push_back(std::move(e));
    }
    return a;
}

ojson opt_date_json(const std::optional<Date>& d) { return d ? ojson(to_iso(*d)) : ojson(nullptr); }

ojson stage_flow_json(const StageFlow& f, const OutputOptions& o) {
    ojson j;
    j["received"] = f.received;
    j["responded"] = f.responded;
    j["acknowledged_on_time"] = ratio_json(f.acknowledged_on_time);
    j["awaiting_acknowledgement_overdue"] = f.awaiting_acknowledgement_overdue;
    j["acknowledged_late"] = misses_json(f.acknowledged_late);
    j["median_working_days"] = num_or_null(f.median_working_days);
    j["p90_working_days"] = num_or_null(f.p90_working_days);
    j["extended"] = f.extended;
    j["beyond_limit_good_reason"] = f.beyond_limit_good_reason;
    j["beyond_limit_no_reason"] = f.beyond_limit_no_reason;
    j["outcomes"] = breakdown_json(f.outcomes, o);
    return j;
}

ojson satisfaction_json(const SatisfactionStage& s) {
    ojson j;
    j["responded_cases"] = s.responded_cases;
    j["offered"] = ratio_json(s.offered);
    j["target_pct"] = s.target_pct;
    j["meets_target"] = s.offered.pct() ? ojson(*s.offered.pct() >= s.target_pct) : ojson(nullptr);
    j["answered"] = ratio_json(s.answered);
    j["declined"] = s.declined;
    j["satisfied_handling"] = ratio_json(s.satisfied_handling);
    j["satisfied_outcome"] = ratio_json(s.satisfied_outcome);
    j["mean_handling"] = num_or_null(s.mean_handling);
    j["mean_outcome"] = num_or_null(s.mean_outcome);
    j["mean_listened"] = num_or_null(s.mean_listened);
    return j;
}

}  // namespace

nlohmann::ordered_json report_json(const Report& r, const OutputOptions& o) {
    ojson j;
    j["document"] = o.document == ReportDocument::Annual ? "annual" : "governing_body";
    j["title"] = document_title(r, o);
    j["landlord"] = r.landlord;
    j["period"] = {{"from", to_iso(r.period.from)}, {"to", to_iso(r.period.to)}, {"label", r.period.label}};
    j["as_at"] = to_iso(r.as_at);
    j["sample_data"] = r.sample_data;
    j["anonymised"] = true;  // never any resident details
    j["small_counts_suppressed_below"] = suppressing(o) ? ojson(o.suppress_below) : ojson(nullptr);
    j["cases_considered"] = r.cases_considered;
    j["excluded_demo_cases"] = r.excluded_demo_cases;

    const Tsm& t = r.tsm;
    ojson tsm;
    tsm["homes"] = t.homes;
    auto put_rate = [&](const char* key, const std::optional<double>& v, int num, int den) {
        tsm[key] = num_or_null(v);
        tsm[std::string(key) + "_numerator"] = num;
        tsm[std::string(key) + "_denominator"] = den;
    };
    put_rate("ch01_stage1_per_1000", t.ch01_stage1_per_1000, t.stage1_received, t.homes);
    put_rate("ch01_stage2_per_1000", t.ch01_stage2_per_1000, t.stage2_received, t.homes);
    auto put_ratio = [&](const char* key, const Ratio& x) { put_rate(key, x.pct(), x.numerator, x.denominator); };
    put_ratio("ch02_stage1_within_pct", t.ch02_stage1_within);
    put_ratio("ch02_stage1_within_extended_pct", t.ch02_stage1_within_extended);
    put_ratio("ch02_stage2_within_pct", t.ch02_stage2_within);
    put_ratio("ch02_stage2_within_extended_pct", t.ch02_stage2_within_extended);
    tsm["stage1_missed"] = misses_json(t.stage1_missed);
    tsm["stage2_missed"] = misses_json(t.stage2_missed);
    j["tsm"] = std::move(tsm);

    ojson vol;
    vol["by_kind"] = breakdown_json(r.received_by_kind, o);
    vol["by_stage"] = breakdown_json(r.received_by_stage, all_counts(o));
    vol["by_channel"] = breakdown_json(r.received_by_channel, o);
    vol["by_category"] = breakdown_json(r.received_by_category, o);
    vol["service_requests_received"] = r.service_requests_received;
    vol["service_requests_became_complaints"] = ratio_json(r.service_requests_became_complaints);
    vol["complaints_from_service_requests"] = r.complaints_from_service_requests;
    vol["escalation_rate"] = ratio_json(r.escalation_rate);
    vol["legacy_stage3_received"] = r.legacy_stage3_received;
    vol["legacy_stage3_responded"] = r.legacy_stage3_responded;
    j["volumes"] = std::move(vol);

    j["refusals"] = {{"at_stage1", r.refused_at_stage1}, {"escalations_refused", r.refused_escalations},
                     {"by_ground", breakdown_json(r.refused_by_ground, o)}};
    j["stage1"] = stage_flow_json(r.stage1, o);
    j["stage2"] = stage_flow_json(r.stage2, o);

    ojson rem;
    rem["count"] = r.remedies.count;
    rem["by_type"] = breakdown_json(r.remedies.by_type, o);
    rem["by_state"] = breakdown_json(r.remedies.by_state, o);
    rem["financial_offered_pence"] = r.remedies.financial_offered.pence;
    rem["financial_paid_pence"] = r.remedies.financial_paid.pence;
    j["remedies"] = std::move(rem);

    ojson overdue = ojson::array();
    for (const auto& x : r.overdue)
        overdue.push_back({{"reference", x.reference}, {"what", x.what}, {"description", x.description}, {"owner", x.owner},
                           {"due", to_iso(x.due)}, {"working_days_overdue", x.working_days_overdue}});
    j["overdue"] = std::move(overdue);
    ojson reviews = ojson::array();
    for (const auto& x : r.reviews_due) {
        ojson e{{"reference", x.reference}, {"what", x.what}, {"review_due", opt_date_json(x.review_due)}, {"state", x.state}};
        if (o.show_all) e["description"] = x.description;
        reviews.push_back(std::move(e));
    }
    j["reviews_due"] = std::move(reviews);

    ojson months = ojson::array();
    for (const auto& m : r.months) {
        char ym[16];
        std::snprintf(ym, sizeof ym, "%04d-%02d", m.year, m.month);
        months.push_back({{"month", ym}, {"stage1_received", m.stage1_received}, {"stage2_received", m.stage2_received},
                          {"responses", m.responses}, {"responses_within_extended", m.responses_within_extended}});
    }
    ojson cats = ojson::array();
    for (const auto& c : r.category_trends) {
        ojson per = ojson::array();
        for (int v : c.per_month) per.push_back(count_json(v, o));
        cats.push_back({{"key", c.key}, {"label", c.label}, {"per_month", per}, {"total", count_json(c.total, o)}});
    }
    j["trends"] = {{"months", months}, {"categories", cats}};

    ojson learning = ojson::array();
    for (const auto& l : r.learning)
        learning.push_back({{"id", l.id}, {"theme", l.theme}, {"lesson", l.lesson}, {"action", l.action}, {"owner", l.owner},
                            {"due", opt_date_json(l.due)}, {"done", opt_date_json(l.done)}, {"state", l.state},
                            {"cases", l.case_references}});
    j["learning"] = std::move(learning);

    const OmbudsmanFigures& om = r.ombudsman;
    ojson omb;
    omb["referred"] = om.referred;
    omb["determined"] = om.determined;
    omb["pending"] = om.pending;
    omb["determinations"] = breakdown_json(om.determinations, o);
    omb["maladministration_findings"] = om.maladministration_findings;
    omb["orders"] = {{"total", om.orders}, {"open", om.orders_open}, {"overdue", om.orders_overdue},
                     {"complied", om.orders_complied}, {"complied_late", om.orders_complied_late}};
    ojson orders = ojson::array();
    for (const auto& x : om.order_rows)
        orders.push_back({{"case", x.case_reference}, {"ombudsman_reference", x.ombudsman_reference},
                          {"order", x.description}, {"due", to_iso(x.due)}, {"completed", opt_date_json(x.completed)},
                          {"state", x.state}});
    omb["order_list"] = std::move(orders);
    ojson events = ojson::array();
    for (const auto& e : om.non_compliance)
        events.push_back({{"id", e.id}, {"description", e.description}, {"started", to_iso(e.started)},
                          {"ombudsman_told", opt_date_json(e.ombudsman_told)}, {"residents_told", opt_date_json(e.residents_told)},
                          {"compliance_returns", opt_date_json(e.compliance_returns)}});
    omb["exceptional_non_compliance"] = std::move(events);
    j["ombudsman"] = std::move(omb);

    ojson q;
    q["checks"] = r.quality.checks;
    q["deep_dives"] = r.quality.deep_dives;
    q["items_passed"] = ratio_json(r.quality.items_passed);
    ojson by_check = ojson::array();
    for (const auto& x : r.quality.by_check)
        by_check.push_back({{"check", x.check}, {"passed", x.passed}, {"failed", x.failed}, {"not_assessed", x.not_assessed}});
    q["by_check"] = std::move(by_check);
    j["quality"] = std::move(q);

    j["satisfaction"] = {{"stage1", satisfaction_json(r.satisfaction_stage1)},
                         {"stage2", satisfaction_json(r.satisfaction_stage2)}};

    ojson learning_themes = breakdown_json(r.learning_by_theme, o);
    j["learning_by_theme"] = std::move(learning_themes);

    if (o.assessment) {
        const ComplianceCounts n = count_answers(*o.assessment);
        j["self_assessment"] = {{"year", o.assessment->year}, {"yes", n.yes}, {"partly", n.partly}, {"no", n.no},
                                {"not_applicable", n.not_applicable}, {"unanswered", n.unanswered},
                                {"lead_officer_signed", opt_date_json(o.assessment->lead_officer.on)},
                                {"member_responsible_signed", opt_date_json(o.assessment->member_responsible.on)}};
    }
    j["notes"] = r.notes;
    return j;
}

std::string render_report(const Report& r, OutputFormat format, const OutputOptions& o) {
    switch (format) {
        case OutputFormat::Text: return report_text(r, o);
        case OutputFormat::Csv: return report_csv(r, o);
        case OutputFormat::Html: return report_html(r, o);
        case OutputFormat::Json: return report_json(r, o).dump(2) + "\n";
    }
    return {};
}

// ---------------------------------------------------------------------------
// The self-assessment documents

namespace {

struct AssessmentRow {
    const Provision* provision = nullptr;
    const ProvisionAnswer* answer = nullptr;
    std::vector<const MeasuredEvidence*> evidence;
    std::vector<std::string> warnings;
};

std::vector<AssessmentRow> assessment_rows(const AssessmentDocument& doc) {
    std::vector<AssessmentRow> rows;
    static const ProvisionAnswer unanswered{};
    for (const auto& p : *doc.provisions) {
        AssessmentRow row;
        row.provision = &p;
        const ProvisionAnswer* a = doc.assessment ? find_answer(*doc.assessment, p.number) : nullptr;
        row.answer = a ? a : &unanswered;
        if (doc.evidence) row.evidence = evidence_for(*doc.evidence, p.number);
        row.warnings = evidence_warnings(*row.answer, row.evidence);
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string assessment_title(const AssessmentDocument& doc) {
    const int year = doc.assessment ? doc.assessment->year : financial_year_of(doc.period.from);
    return "Self-assessment against the Complaint Handling Code " + financial_year(year).label;
}

ojson signoff_json(const SignOff& s) {
    return {{"name", s.name}, {"role", s.role}, {"on", opt_date_json(s.on)}, {"statement", s.statement}};
}

std::string measured_text(const AssessmentRow& row) {
    std::string s;
    for (const auto* e : row.evidence) s += (s.empty() ? "" : "\n") + e->summary;
    return s;
}

}  // namespace

nlohmann::ordered_json self_assessment_json(const AssessmentDocument& doc) {
    ojson j;
    const SelfAssessment* a = doc.assessment;
    j["title"] = assessment_title(doc);
    j["landlord"] = doc.landlord;
    j["year"] = a ? a->year : financial_year_of(doc.period.from);
    j["id"] = a ? a->id : "";
    j["reason"] = a ? a->reason : "annual";
    j["code_version"] = a ? a->code_version : "2024";
    j["copied_from"] = a ? a->copied_from : "";
    j["recorded"] = a != nullptr;
    j["evidence_period"] = {{"from", to_iso(doc.period.from)}, {"to", to_iso(doc.period.to)}};
    if (a) {
        const ComplianceCounts n = count_answers(*a);
        j["counts"] = {{"yes", n.yes}, {"partly", n.partly}, {"no", n.no}, {"not_applicable", n.not_applicable},
                       {"unanswered", n.unanswered}};
        j["sign_off"] = {{"lead_officer", signoff_json(a->lead_officer)},
                         {"member_responsible", signoff_json(a->member_responsible)}};
    } else {
        j["counts"] = {{"yes", 0}, {"partly", 0}, {"no", 0}, {"not_applicable", 0},
                       {"unanswered", static_cast<int>(doc.provisions->size())}};
        j["sign_off"] = nullptr;
    }
    ojson list = ojson::array();
    int warnings = 0;
    for (const auto& row : assessment_rows(doc)) {
        ojson e;
        e["provision"] = row.provision->number;
        e["section"] = row.provision->section;
        e["section_title"] = row.provision->section_title;
        e["duty"] = row.provision->must ? "must" : "should";
        e["requirement"] = row.provision->summary;
        e["comply"] = compliance_label(row.answer->comply);
        e["evidence"] = row.answer->evidence;
        e["commentary"] = row.answer->commentary;
        ojson actions = ojson::array();
        for (const auto& act : row.answer->actions) {
            ojson updates = ojson::array();
            for (const auto& u : act.updates) updates.push_back({{"on", to_iso(u.on)}, {"text", u.text}});
            actions.push_back({{"description", act.description}, {"owner", act.owner},
                               {"status", action_status_label(act.status)}, {"due", opt_date_json(act.due)},
                               {"updates", updates}});
        }
        e["actions"] = std::move(actions);
        ojson measured = ojson::array();
        for (const auto* m : row.evidence) {
            ojson x;
            x["measure"] = m->measure;
            x["informational"] = m->informational;
            x["met"] = m->met;
            x["applicable"] = m->applicable;
            x["pct"] = m->informational || m->applicable == 0 ? ojson(nullptr) : ojson(round2(100.0 * m->met / m->applicable));
            x["not_met"] = m->breaches;
            x["summary"] = m->summary;
            measured.push_back(std::move(x));
        }
        e["measured"] = std::move(measured);
        e["warnings"] = row.warnings;
        warnings += static_cast<int>(row.warnings.size());
        list.push_back(std::move(e));
    }
    j["warnings"] = warnings;
    j["provisions"] = std::move(list);
    return j;
}

std::string self_assessment_text(const AssessmentDocument& doc) {
    std::string s;
    const std::string title = assessment_title(doc);
    s += title + "\n" + std::string(width_of(title), '=') + "\n";
    if (!doc.landlord.empty()) s += doc.landlord + ". ";
    s += "Evidence measured from the records of " + short_date(doc.period.from) + " to " + short_date(doc.period.to) + ".\n";
    const SelfAssessment* a = doc.assessment;
    if (!a) s += "No self-assessment is recorded for this year: every provision is shown unanswered.\n";
    else {
        const ComplianceCounts n = count_answers(*a);
        s += "Answers: " + std::to_string(n.yes) + " yes, " + std::to_string(n.partly) + " partly, " + std::to_string(n.no) +
             " no, " + std::to_string(n.not_applicable) + " not applicable, " + std::to_string(n.unanswered) +
             " not answered.\n";
        s += "Lead officer: " + (a->lead_officer.on ? a->lead_officer.name + ", signed " + short_date(*a->lead_officer.on) : "not signed") + "\n";
        s += "Member Responsible for Complaints: " +
             (a->member_responsible.on ? a->member_responsible.name + ", signed " + short_date(*a->member_responsible.on) : "not signed") + "\n";
    }
    int section = 0;
    for (const auto& row : assessment_rows(doc)) {
        if (row.provision->section != section) {
            section = row.provision->section;
            const std::string h = "Section " + std::to_string(section) + ": " + row.provision->section_title;
            s += "\n" + h + "\n" + std::string(width_of(h), '-') + "\n";
        }
        s += "\n" + row.provision->number + "  " + compliance_label(row.answer->comply) +
             (row.provision->must ? "" : "  (should)") + "\n";
        for (const auto& l : wrap(row.provision->summary, 90)) s += "      " + l + "\n";
        if (!row.answer->evidence.empty()) s += "      Evidence: " + row.answer->evidence + "\n";
        if (!row.answer->commentary.empty()) s += "      Commentary: " + row.answer->commentary + "\n";
        for (const auto* e : row.evidence) s += "      Measured: " + e->summary + "\n";
        for (const auto& act : row.answer->actions) {
            s += "      Action: " + act.description + " (owner " + act.owner + (act.due ? ", due " + short_date(*act.due) : "") +
                 ", " + action_status_label(act.status) + ")\n";
            for (const auto& u : act.updates) s += "        " + short_date(u.on) + ": " + u.text + "\n";
        }
        for (const auto& w : row.warnings) s += "      WARNING: " + w + "\n";
    }
    return s;
}

namespace {

// The Ombudsman's self-assessment form asks Yes or No: only full compliance is Yes and
// "Partly" is No; "Not applicable" and an unanswered provision are left blank for the
// landlord to decide (Doorstep's own answer is kept in "Answer in Doorstep").
const char* ombudsman_comply(Compliance c) {
    switch (c) {
        case Compliance::Yes: return "Yes";
        case Compliance::No:
        case Compliance::Partly: return "No";
        case Compliance::NotApplicable:
        case Compliance::Unanswered: return "";
    }
    return "";
}

// "5.10" -> 10: a spreadsheet reads "5.10" as the number 5.1, so the section and the
// number within it are given as numbers too and keep the Code's order when sorted.
std::string number_in_section(const std::string& provision) {
    const auto dot = provision.find('.');
    return dot == std::string::npos ? "" : provision.substr(dot + 1);
}

// One provision's actions in one row: each action on its own line (its dated updates
// beneath it), owners in order of first mention, the latest due date, and one status
// (Done when every action is done, Not started when none has begun).
struct ActionCells {
    std::string required, owners, completion, status;
};

ActionCells csv_action_cells(const std::vector<AssessmentAction>& actions) {
    ActionCells c;
    if (actions.empty()) return c;
    std::vector<std::string> owners;
    std::optional<Date> latest;
    bool all_done = true, none_started = true;
    for (const auto& act : actions) {
        c.required += (c.required.empty() ? "" : "\n") + act.description;
        for (const auto& u : act.updates) c.required += "\n" + to_iso(u.on) + ": " + u.text;
        if (!act.owner.empty() && std::find(owners.begin(), owners.end(), act.owner) == owners.end())
            owners.push_back(act.owner);
        if (act.due && (!latest || *latest < *act.due)) latest = act.due;
        all_done = all_done && act.status == ActionStatus::Done;
        none_started = none_started && act.status == ActionStatus::NotStarted;
    }
    for (const auto& o : owners) c.owners += (c.owners.empty() ? "" : "\n") + o;
    if (latest) c.completion = to_iso(*latest);
    c.status = action_status_label(all_done ? ActionStatus::Done
                                            : none_started ? ActionStatus::NotStarted : ActionStatus::InProgress);
    return c;
}

}  // namespace

// One row per provision in the Code's order, the Ombudsman's form's columns first.
std::string self_assessment_csv(const AssessmentDocument& doc) {
    std::string s = kUtf8Bom;
    s += "Provision,Requirement,Mandatory,Complies,Evidence,Commentary / explanation,Section,Number in section,"
         "Section title,Measured from records,Action required,Action owner,Completion date,Action status,"
         "Answer in Doorstep,Warnings\r\n";
    for (const auto& row : assessment_rows(doc)) {
        const Provision& p = *row.provision;
        std::string warnings;
        for (const auto& w : row.warnings) warnings += (warnings.empty() ? "" : "\n") + w;
        const ActionCells act = csv_action_cells(row.answer->actions);
        const std::vector<std::string> cells{
            p.number, p.summary, p.must ? "Yes" : "No", ombudsman_comply(row.answer->comply), row.answer->evidence,
            row.answer->commentary, std::to_string(p.section), number_in_section(p.number), p.section_title,
            measured_text(row), act.required, act.owners, act.completion, act.status,
            compliance_label(row.answer->comply), warnings};
        std::string line;
        for (const auto& c : cells) line += (line.empty() ? "" : ",") + csv_cell(c);
        s += line + "\r\n";
    }
    return s;
}

std::string self_assessment_html(const AssessmentDocument& doc) {
    const std::string title = assessment_title(doc);
    std::string body = "<header>\n" + html_heading(1, html_escape(title)) + "<p class=\"meta\">" +
                       html_escape((doc.landlord.empty() ? std::string() : doc.landlord + ". ") +
                                   "Evidence measured from the records of " + long_date(doc.period.from) + " to " +
                                   long_date(doc.period.to) + ".") +
                       "</p>\n";
    const SelfAssessment* a = doc.assessment;
    if (!a) {
        body += "<p class=\"warning\">No self-assessment is recorded for this year: every provision is shown unanswered.</p>\n";
    } else {
        const ComplianceCounts n = count_answers(*a);
        body += "<p>Answers: " + std::to_string(n.yes) + " yes, " + std::to_string(n.partly) + " partly, " +
                std::to_string(n.no) + " no, " + std::to_string(n.not_applicable) + " not applicable, " +
                std::to_string(n.unanswered) + " not answered.</p>\n";
        HtmlTable sign_off{"t-sign-off", "", "Sign-off", "", {"Role", "Name", "Date", "Statement"}, {}, true, ""};
        for (const SignOff* so : {&a->lead_officer, &a->member_responsible}) {
            const std::string role = so == &a->lead_officer ? "Lead officer" : "Member Responsible for Complaints";
            sign_off.rows.push_back({html_escape(so->role.empty() ? role : so->role), html_escape(so->on ? so->name : "Not signed"),
                                     html_escape(opt_date(so->on)), html_escape(so->statement)});
        }
        body += html_table(sign_off);
    }
    int section = 0;
    bool open = false;
    for (const auto& row : assessment_rows(doc)) {
        if (row.provision->section != section) {
            if (open) body += "</tbody>\n</table>\n";
            section = row.provision->section;
            body += html_heading(2, "Section " + std::to_string(section) + ": " + html_escape(row.provision->section_title));
            body += "<table id=\"t-section-" + std::to_string(section) + "\">\n<caption>Section " + std::to_string(section) +
                    " provisions<span>Comply, evidence, commentary and actions for each provision, with evidence "
                    "measured from the case records.</span></caption>\n"
                    "<colgroup><col style=\"width:6%\"><col style=\"width:22%\"><col style=\"width:7%\">"
                    "<col style=\"width:27%\"><col style=\"width:14%\"><col style=\"width:12%\"><col style=\"width:6%\">"
                    "<col style=\"width:6%\"></colgroup>\n<thead><tr>"
                    "<th scope=\"col\">Code provision</th><th scope=\"col\">Code requirement</th><th scope=\"col\">Comply</th>"
                    "<th scope=\"col\">Evidence</th><th scope=\"col\">Commentary / explanation</th>"
                    "<th scope=\"col\">Action required</th><th scope=\"col\">Action owner</th>"
                    "<th scope=\"col\">Completion date</th></tr></thead>\n<tbody>\n";
            open = true;
        }
        const auto& acts = row.answer->actions;
        const size_t span = std::max<size_t>(1, acts.size());
        const std::string rs = span > 1 ? " rowspan=\"" + std::to_string(span) + "\"" : "";
        std::string evidence = html_escape(row.answer->evidence);
        for (const auto* e : row.evidence)
            evidence += std::string(evidence.empty() ? "" : "<br>") + "<small>Measured: " + html_escape(e->summary) + "</small>";
        for (const auto& w : row.warnings) evidence += "<p class=\"warning\">Warning: " + html_escape(w) + "</p>";
        auto action_cells = [&](const AssessmentAction* act) {
            if (!act) return std::string("<td></td><td></td><td></td>");
            std::string desc = html_escape(act->description);
            desc += "<br><small>" + std::string(action_status_label(act->status)) + "</small>";
            for (const auto& u : act->updates) desc += "<br><small>" + html_escape(short_date(u.on) + ": " + u.text) + "</small>";
            return "<td>" + desc + "</td><td>" + html_escape(act->owner) + "</td><td>" + html_escape(opt_date(act->due)) + "</td>";
        };
        body += "<tr><th scope=\"row\"" + rs + ">" + html_escape(row.provision->number) + "</th><td" + rs + ">" +
                html_escape(row.provision->summary) + (row.provision->must ? "" : " <small>(should)</small>") + "</td><td" +
                rs + ">" + compliance_label(row.answer->comply) + "</td><td" + rs + ">" + evidence + "</td><td" + rs + ">" +
                html_escape(row.answer->commentary) + "</td>" + action_cells(acts.empty() ? nullptr : &acts[0]) + "</tr>\n";
        for (size_t i = 1; i < acts.size(); ++i) body += "<tr>" + action_cells(&acts[i]) + "</tr>\n";
    }
    if (open) body += "</tbody>\n</table>\n";
    body += "<p class=\"meta\">Requirements are summarised in Doorstep's own words; the Housing Ombudsman's Complaint "
            "Handling Code is the authority.</p>\n";
    return report_page(title, body);
}

std::string render_self_assessment(const AssessmentDocument& doc, OutputFormat format) {
    switch (format) {
        case OutputFormat::Text: return self_assessment_text(doc);
        case OutputFormat::Csv: return self_assessment_csv(doc);
        case OutputFormat::Html: return self_assessment_html(doc);
        case OutputFormat::Json: return self_assessment_json(doc).dump(2) + "\n";
    }
    return {};
}

}  // namespace doorstep
