// Complaint-handling figures for any period: the Tenant Satisfaction Measures
// CH01 and CH02, volumes and flow, learning (9.1–9.4), Ombudsman outcomes (8.1c,
// 9.7c), quality checks and satisfaction. Pure figures: report_output.h turns
// them into documents.
//
// Counting rules (also printed in the documents' method notes):
//  - CH01: complaints whose stage 1 (or stage 2) opened in the period, per 1,000
//    homes owned; complaints refused under section 2 (or refused escalation, 5.11)
//    are counted apart, as refusals.
//  - CH02: of stages RESPONDED TO in the period, those answered within the base
//    timescale and within the timescale as extended under the Code, each case
//    judged by the Code it was handled under (deadlines.h stage_timeliness).
//  - Anything "outstanding", "overdue" or "late" is judged as at the last day of the
//    period, or as at today while the period is still running (ReportOptions::today).
//  - Resident names, addresses and contact details are never read.
#pragma once
#include "core/model/dataset.h"
#include "core/base/date.h"
#include "core/base/money.h"

#include <optional>
#include <string>
#include <vector>

namespace doorstep {

struct Period {
    Date from;
    Date to;            // inclusive
    std::string label;  // "2024/25", "Q3 2024/25", "1 Apr 2024 to 31 Mar 2025"
    bool contains(Date d) const { return from <= d && d <= to; }
};
Period financial_year(int start_year);                 // 1 April start_year .. 31 March next year
Period financial_quarter(int start_year, int quarter);  // quarter 1 = April–June .. 4 = January–March
Period custom_period(Date from, Date to);
// The financial year (by its starting year) that a date falls in: 2025-03-31 -> 2024.
int financial_year_of(Date d);

// A share beside the counts it comes from.
struct Ratio {
    int numerator = 0;
    int denominator = 0;
    std::optional<double> pct() const;  // nullopt when nothing to divide by
};

// One row of a breakdown ("by channel", "by ground", ...). Counts below the
// suppression threshold are hidden in documents for tenant panels.
struct Count {
    std::string key;    // stable id ("home_visit", "damp_mould")
    std::string label;  // words for people
    int count = 0;
};
using Breakdown = std::vector<Count>;
int total(const Breakdown& b);

// A case that missed a timescale, for the lists beside CH02 and acknowledgement figures.
struct CaseMiss {
    std::string reference;
    std::string category;
    int stage = 1;
    Date due;
    std::optional<Date> done;  // responded or acknowledged; nullopt = not yet
    int working_days_late = 0;
    std::string reason;        // "responded 3 working days after the base timescale (due 10 Jan 2025)"
};

struct Tsm {
    int homes = 0;
    int stage1_received = 0;
    int stage2_received = 0;
    std::optional<double> ch01_stage1_per_1000;  // nullopt without a number of homes
    std::optional<double> ch01_stage2_per_1000;
    Ratio ch02_stage1_within;           // responded within the base timescale
    Ratio ch02_stage1_within_extended;  // within the timescale as extended under the Code
    Ratio ch02_stage2_within;
    Ratio ch02_stage2_within_extended;
    std::vector<CaseMiss> stage1_missed;  // missed the base timescale (reason says whether the extension covered it)
    std::vector<CaseMiss> stage2_missed;
};

struct StageFlow {
    int stage = 1;
    int received = 0;                // opened in the period (refusals excluded)
    int responded = 0;               // responded in the period
    Ratio acknowledged_on_time;      // of stages acknowledged in the period (6.2, 6.11)
    std::vector<CaseMiss> acknowledged_late;       // includes unacknowledged ones overdue at the period end
    int awaiting_acknowledgement_overdue = 0;
    std::optional<double> median_working_days;     // opened -> responded, responses in the period
    std::optional<double> p90_working_days;        // nearest-rank 90th percentile
    int extended = 0;                // responses in the period that had an extension
    int beyond_limit_good_reason = 0;
    int beyond_limit_no_reason = 0;
    Breakdown outcomes;              // upheld / partly_upheld / not_upheld / undecided (landlord's labels)
};

struct OverdueItem {
    std::string reference;
    std::string what;   // "Outstanding action" (6.6) or "Remedy" (7.3)
    std::string description;
    std::string owner;
    Date due;
    int working_days_overdue = 0;
};

struct ReviewItem {
    std::string reference;
    std::string what;   // "Reasonable adjustment" (5.10) or "Contact restriction" (5.14)
    std::string description;
    std::optional<Date> review_due;
    std::string state;  // "Overdue", "Due within 28 days", "No review date"
};

struct MonthFigures {
    int year = 0, month = 0;
    int stage1_received = 0;
    int stage2_received = 0;
    int responses = 0;                  // stage 1 and 2 responses
    int responses_within_extended = 0;
};

struct CategoryTrend {
    std::string key, label;
    std::vector<int> per_month;  // aligned with Report::months
    int total = 0;
};

struct LearningRow {
    std::string id, theme, lesson, action, owner;
    std::optional<Date> due, done;
    std::vector<std::string> case_references;
    std::string state;  // "Done", "Overdue", "Open"
};

struct OrderRow {
    std::string case_reference;
    std::string ombudsman_reference;
    std::string description;
    Date due;
    std::optional<Date> completed;
    std::string state;  // "Complied", "Complied late", "Overdue", "Open"
};

struct OmbudsmanFigures {
    int referred = 0;                 // referred in the period
    int determined = 0;               // determined in the period
    int pending = 0;                  // awaiting determination at the period end
    Breakdown determinations;         // determined in the period, by determination
    int maladministration_findings = 0;  // severe maladministration, maladministration, service failure
    int orders = 0, orders_open = 0, orders_overdue = 0, orders_complied = 0, orders_complied_late = 0;
    std::vector<OrderRow> order_rows;
    std::vector<NonComplianceEvent> non_compliance;  // 8.5 events started in or open during the period
};

struct QualityRow {
    std::string check;
    int passed = 0, failed = 0, not_assessed = 0;
};
struct QualityFigures {
    int checks = 0;          // spot checks done in the period
    int deep_dives = 0;      // checks with deep-dive notes
    Ratio items_passed;      // of items assessed
    std::vector<QualityRow> by_check;
};

struct SatisfactionStage {
    int stage = 1;
    int responded_cases = 0;      // cases with a response at this stage in the period (legacy stage 3 counts as 2)
    Ratio offered;                // this stage's surveys offered, against responded_cases
    int target_pct = 0;           // settings: share to survey
    Ratio answered;               // of offered
    int declined = 0;             // of offered, the resident said no
    std::optional<double> mean_handling, mean_outcome, mean_listened;  // 1..5
    Ratio satisfied_handling;     // 4 or 5, of those answering the question
    Ratio satisfied_outcome;
};

struct RemedyFigures {
    int count = 0;
    Breakdown by_type;
    Breakdown by_state;
    Money financial_offered;   // offered, accepted, declined or completed
    Money financial_paid;      // completed
};

struct Report {
    Period period;
    Date as_at;                 // period.to, or today when that is earlier (report_as_at)
    std::string landlord;
    bool sample_data = false;   // built from demo cases
    int excluded_demo_cases = 0;  // demo cases left out because real ones exist
    int cases_considered = 0;

    Tsm tsm;

    Breakdown received_by_kind;      // every record received in the period
    Breakdown received_by_channel;   // complaints accepted at stage 1
    Breakdown received_by_category;
    Breakdown received_by_stage;     // stage 1, stage 2, legacy stage 3
    int service_requests_received = 0;
    Ratio service_requests_became_complaints;  // of service requests received in the period (1.5)
    int complaints_from_service_requests = 0;  // complaints received in the period raised from one
    Ratio escalation_rate;           // stage 1 responses in the period later escalated (by the period end)
    Breakdown refused_by_ground;     // refusals decided in the period (8.1b), both kinds
    int refused_at_stage1 = 0;
    int refused_escalations = 0;     // 5.11

    StageFlow stage1, stage2;
    int legacy_stage3_received = 0, legacy_stage3_responded = 0;

    RemedyFigures remedies;
    std::vector<OverdueItem> overdue;
    std::vector<ReviewItem> reviews_due;

    std::vector<MonthFigures> months;
    std::vector<CategoryTrend> category_trends;

    std::vector<LearningRow> learning;
    Breakdown learning_by_theme;

    OmbudsmanFigures ombudsman;
    QualityFigures quality;
    SatisfactionStage satisfaction_stage1, satisfaction_stage2;

    // Code breaches in the history (findings.h) of the cases live in the period:
    // received by as_at and not closed before the period began.
    int findings = 0;

    std::vector<std::string> notes;  // method notes and warnings about the data
};

struct ReportOptions {
    Period period;
    int homes = 0;   // 0: Settings::homes_owned
    // The day the report is made. While the period is still running, lateness is
    // judged as at today, never at a future period end (an acknowledgement due next
    // month is not late yet). Unset: as at the period end.
    std::optional<Date> today = std::nullopt;
};

// The day lateness is judged on: today, or the period end if earlier (or unset).
Date report_as_at(const ReportOptions& options);

Report build_report(const Dataset& data, const ReportOptions& options);

// Helpers shared with the self-assessment.
// The Code's three outcomes of a responded stage from its points: all upheld,
// none upheld, or partly. "undecided" when no point has a decision.
const char* stage_outcome_key(const Stage& s);
// Nearest-rank percentile (p in 0..100) of unsorted values; nullopt when empty.
std::optional<double> percentile(std::vector<int> values, double p);
std::optional<double> median(std::vector<int> values);

}  // namespace doorstep
