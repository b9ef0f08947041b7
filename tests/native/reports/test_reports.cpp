// Report figures on a hand-built dataset. Every expected number is worked out
// by hand in the comments (England and Wales bank holidays: 29 Mar, 1 Apr, 6 May,
// 27 May, 26 Aug, 25 and 26 Dec 2024; 1 Jan, 18 and 21 Apr 2025).
#include <doctest/doctest.h>

#include "core/reports/report_output.h"
#include "core/reports/reports.h"
#include "core/reports/self_assessment.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

using namespace doorstep;

namespace {

Date d(const char* iso) { return *parse_iso_date(iso); }

Settings test_settings() {
    Settings s;
    s.landlord.name = "Example Homes";
    s.homes_owned = 2000;
    s.categories = {{"repairs", "Repairs", {}, false}, {"damp", "Damp and mould", {}, true}, {"asb", "Anti-social behaviour", {}, false}};
    s.refusal_grounds = {{"twelve_months", "Issue more than 12 months old", "2.3", ReviewBody::HousingOmbudsman, true},
                         {"legal", "Legal proceedings started", "2.2", ReviewBody::HousingOmbudsman, false}};
    s.outcome_labels = {{"upheld", "Fully justified"}};
    return s;
}

Case complaint(const char* ref, const char* received, const char* category, Channel ch) {
    Case c;
    c.id = std::string("id-") + ref;
    c.reference = ref;
    c.kind = CaseKind::Complaint;
    c.channel = ch;
    c.received = d(received);
    c.category_id = category;
    c.resident.name = "Zebedee Quux";       // must never reach a report
    c.resident.address = "1 Secret Lane";
    c.resident.email = "zq@example.invalid";
    Stage s;
    s.number = 1;
    s.opened = c.received;
    s.investigator = "Officer One";
    s.definition = "Definition";
    s.outcome_sought = "Put it right";
    c.stages.push_back(s);
    return c;
}

DefinitionPoint point(Decision dec) { return {"Point", dec, "Because of the repairs policy"}; }

Stage& stage(Case& c, int n) {
    for (auto& s : c.stages)
        if (s.number == n) return s;
    Stage s;
    s.number = n;
    c.stages.push_back(s);
    return c.stages.back();
}

Stage& escalate(Case& c, int n, const char* requested) {
    Stage& s = stage(c, n);
    s.opened = d(requested);
    s.escalation = Escalation{d(requested), "", false, ""};
    s.investigator = "Manager Two";
    s.definition = "Stage 2 definition";
    s.outcome_sought = "Compensation";
    return s;
}

// A survey after stage `n`'s response, offered `on`; scores given mean answered (on the same day).
Survey survey(int n, const char* on, int handling = 0, int outcome = 0, int listened = 0) {
    Survey s;
    s.stage = n;
    s.offered = true;
    if (on) s.on = d(on);
    s.satisfied_handling = handling;
    s.satisfied_outcome = outcome;
    s.felt_listened = listened;
    s.answered = handling || outcome || listened;
    if (s.answered) s.answered_on = s.on;
    return s;
}

Extension extension(int days, const char* decided, bool beyond, const char* good_reason) {
    Extension e;
    e.working_days = days;
    e.reason = "Complex";
    e.decided_on = d(decided);
    e.resident_told = d(decided);
    e.ombudsman_details_given = true;
    e.beyond_limit = beyond;
    e.good_reason = good_reason;
    return e;
}

// The dataset of the financial year 2024/25 (1 Apr 2024 – 31 Mar 2025).
Dataset year_dataset() {
    Dataset ds;
    ds.settings = test_settings();

    // A: received Mon 3 Jun; acknowledge due 10 Jun, acknowledged that day (on time);
    // response due 10 WD after 10 Jun = Mon 24 Jun, responded that day (deadline day: within).
    // Stage 2 requested Mon 1 Jul; acknowledge due 8 Jul, acknowledged 9 Jul (1 WD late);
    // response due 20 WD after 9 Jul = Tue 6 Aug, responded that day (within).
    Case a = complaint("DS-A", "2024-06-03", "repairs", Channel::HomeVisit);
    a.raised_from_case = "id-S1";
    stage(a, 1).acknowledged = d("2024-06-10");
    stage(a, 1).responded = d("2024-06-24");
    stage(a, 1).points = {point(Decision::Upheld)};
    Remedy r1; r1.type = RemedyType::Financial; r1.amount = Money::from_pounds(50); r1.state = RemedyState::Completed;
    r1.due = d("2024-07-01"); r1.completed = d("2024-06-28");
    Remedy ap; ap.type = RemedyType::Apology; ap.state = RemedyState::Completed; ap.due = d("2024-06-24"); ap.completed = d("2024-06-24");
    stage(a, 1).remedies = {r1, ap};
    escalate(a, 2, "2024-07-01").acknowledged = d("2024-07-09");
    stage(a, 2).responded = d("2024-08-06");
    stage(a, 2).points = {point(Decision::NotUpheld)};
    Survey a1 = survey(1, "2024-06-26");
    a1.declined = true;
    a1.answered_on = d("2024-06-27");
    a.surveys = {a1, survey(2, "2024-08-10", 4, 2, 5)};
    a.ombudsman = OmbudsmanCase{d("2024-09-01"), "HOS-1", Determination::Maladministration, d("2025-01-10"),
                                {{"Apologise", d("2025-02-10"), d("2025-02-05"), "letter"},
                                 {"Pay £200", d("2025-02-10"), d("2025-02-20"), "receipt"},
                                 {"Review repairs process", d("2025-03-20"), std::nullopt, ""}}};

    // B: received Fri 20 Dec; acknowledge due Tue 31 Dec (25, 26 Dec bank holidays), acknowledged then.
    // Response due 10 WD after 31 Dec = Wed 15 Jan (1 Jan holiday); responded Thu 16 Jan: 1 WD late, no extension.
    Case b = complaint("DS-B", "2024-12-20", "damp", Channel::Phone);
    stage(b, 1).acknowledged = d("2024-12-31");
    stage(b, 1).responded = d("2025-01-16");
    stage(b, 1).points = {point(Decision::Upheld), point(Decision::NotUpheld)};
    Remedy r3; r3.type = RemedyType::Financial; r3.amount = Money::from_pounds(120); r3.state = RemedyState::Offered;
    r3.due = d("2025-01-31"); r3.description = "Pay £120";
    stage(b, 1).remedies = {r3};
    b.adjustments = {{"Large print", "", d("2024-12-20"), d("2025-03-01"), 0}};
    b.ombudsman = OmbudsmanCase{d("2025-03-01"), "HOS-2", Determination::Pending, std::nullopt, {}};

    // C: received Mon 2 Sep, acknowledged Wed 4 Sep; base due 10 WD later = Wed 18 Sep.
    // Extension of 10 WD (within the limit) -> 2 Oct. Responded Tue 1 Oct: 9 WD after the base, within extended.
    Case c = complaint("DS-C", "2024-09-02", "repairs", Channel::Email);
    stage(c, 1).acknowledged = d("2024-09-04");
    stage(c, 1).extensions = {extension(10, "2024-09-16", false, "")};
    stage(c, 1).responded = d("2024-10-01");
    stage(c, 1).points = {point(Decision::NotUpheld)};
    stage(c, 1).actions = {{"Fix gutter", "Repairs lead", d("2024-11-01"), d("2024-11-20")}};
    c.restrictions = {{"Single point of contact", "Logged calls", "Considered", d("2024-10-01"), d("2025-04-15")}};
    c.surveys = {survey(1, "2024-10-05", 5, 4, 3)};

    // D: received Mon 7 Oct, acknowledged Tue 8 Oct; base due Tue 22 Oct. Extension of 15 WD, beyond the
    // limit WITH a good reason: extended due 15 WD after 22 Oct = Tue 12 Nov; responded that day (within).
    Case dd = complaint("DS-D", "2024-10-07", "damp", Channel::HomeVisit);
    stage(dd, 1).acknowledged = d("2024-10-08");
    stage(dd, 1).extensions = {extension(15, "2024-10-18", true, "Awaiting a specialist damp survey")};
    stage(dd, 1).responded = d("2024-11-12");
    stage(dd, 1).points = {point(Decision::Upheld)};
    stage(dd, 1).actions = {{"Install extractor fan", "Repairs lead", d("2025-03-14"), std::nullopt}};
    dd.surveys = {survey(1, "2024-11-20", 2, 1, 4)};

    // E: received Mon 4 Nov; acknowledge due Mon 11 Nov, acknowledged Tue 12 Nov (1 WD late).
    // Base due 10 WD after 12 Nov = Tue 26 Nov. Extension of 15 WD beyond the limit WITHOUT a good reason:
    // only 10 count under the Code -> Tue 10 Dec. Responded Fri 13 Dec: missed base and extended.
    Case e = complaint("DS-E", "2024-11-04", "repairs", Channel::HomeVisit);
    stage(e, 1).acknowledged = d("2024-11-12");
    stage(e, 1).extensions = {extension(15, "2024-11-20", true, "")};
    stage(e, 1).responded = d("2024-12-13");
    stage(e, 1).points = {{"Point", Decision::PartlyUpheld, "Policy 3"}};
    e.surveys = {survey(1, nullptr)};

    // F: spans two reporting years. Received Mon 24 Mar 2025, acknowledged Mon 31 Mar (the deadline day);
    // base due 10 WD later = Mon 14 Apr 2025; responded Tue 8 Apr 2025 (within): CH02 of 2025/26.
    Case f = complaint("DS-F", "2025-03-24", "asb", Channel::Letter);
    stage(f, 1).acknowledged = d("2025-03-31");
    stage(f, 1).responded = d("2025-04-08");
    stage(f, 1).points = {point(Decision::Upheld)};

    // U: received Mon 10 Mar 2025, never acknowledged: due Mon 17 Mar, overdue at 31 Mar.
    Case u = complaint("DS-U", "2025-03-10", "repairs", Channel::WebForm);

    // G: received in 2023/24 (Mon 25 Mar 2024), acknowledged Wed 27 Mar. Response due 10 WD after 27 Mar:
    // 28 Mar (1), 29 Mar and 1 Apr bank holidays, 2–5 Apr (2–5), 8–12 Apr (6–10) = Fri 12 Apr; responded then.
    Case g = complaint("DS-G", "2024-03-25", "repairs", Channel::Phone);
    stage(g, 1).acknowledged = d("2024-03-27");
    stage(g, 1).responded = d("2024-04-12");
    stage(g, 1).points = {point(Decision::NotUpheld)};
    g.adjustments = {{"Calls to daughter", "", d("2024-03-25"), std::nullopt, 0}};
    g.closure = Closure{d("2024-05-01"), ClosureReason::Resolved, "", ""};

    // H: a 2022-Code record. Stage 1 in 2023. Stage 2 requested Tue 2 Apr 2024: due 20 WD from the
    // REQUEST (2022 Code) = Tue 30 Apr. Acknowledged Tue 9 Apr (5 WD: on time). Responded Fri 3 May:
    // 3 WD late under the 2022 Code, though within the 2024 clock (20 WD after 9 Apr = 8 May).
    // Legacy stage 3 requested 20 May, answered 14 Jun: counted apart, never in CH01/CH02.
    Case h = complaint("DS-H", "2023-12-01", "damp", Channel::Letter);
    h.code = CodeVersion::Code2022;
    h.logged = d("2023-12-04");
    stage(h, 1).acknowledged = d("2023-12-04");
    stage(h, 1).responded = d("2023-12-18");
    stage(h, 1).points = {point(Decision::NotUpheld)};
    escalate(h, 2, "2024-04-02").acknowledged = d("2024-04-09");
    stage(h, 2).responded = d("2024-05-03");
    stage(h, 2).points = {point(Decision::NotUpheld)};
    escalate(h, 3, "2024-05-20").responded = d("2024-06-14");
    stage(h, 3).points = {point(Decision::NotUpheld)};

    // Refusals: R on the 12-month ground (discretion considered, explained); R2 legal proceedings, not explained.
    Case r = complaint("DS-R", "2024-07-15", "repairs", Channel::Phone);
    r.refusal = Refusal{"twelve_months", "Issue from 2021", "", true, "No reason to extend", d("2024-07-17"),
                        d("2024-07-18"), "Manager", false};
    Case r2 = complaint("DS-R2", "2024-07-30", "repairs", Channel::Phone);
    r2.refusal = Refusal{"legal", "Claim filed", "", false, "", d("2024-08-01"), std::nullopt, "", false};

    // Service requests: S1 became complaint A; S2 did not. A compliment. A demo record (left out).
    Case s1; s1.id = "id-S1"; s1.reference = "DS-S1"; s1.kind = CaseKind::ServiceRequest; s1.received = d("2024-05-01");
    Case s2; s2.id = "id-S2"; s2.reference = "DS-S2"; s2.kind = CaseKind::ServiceRequest; s2.received = d("2024-05-10");
    Case k; k.id = "id-K"; k.reference = "DS-K"; k.kind = CaseKind::Compliment; k.received = d("2024-05-05");
    Case demo = complaint("DS-DEMO", "2024-06-05", "repairs", Channel::App);
    demo.demo = true;

    ds.cases = {a, b, c, dd, e, f, u, g, h, r, r2, s1, s2, k, demo};

    ds.learning = {
        {"L1", "Damp", "Survey sooner", "Book surveys within 5 days", "Repairs lead", d("2024-12-01"), d("2024-11-20"), {"id-DS-B"}},
        {"L2", "Communication", "Call back", "Train staff", "Complaints manager", d("2025-02-01"), std::nullopt, {}},
        {"L3", "Old", "Old lesson", "Old action", "Someone", d("2024-01-01"), d("2024-01-10"), {}},
    };
    QualityCheck q1; q1.id = "Q1"; q1.month = "2024-10"; q1.checked_on = d("2024-10-10");
    q1.items = {{"Letter had every Code item", true, ""}, {"Definition confirmed", false, ""}};
    q1.deep_dive_notes = "Complex damp case";
    QualityCheck q2; q2.id = "Q2"; q2.month = "2025-02";
    q2.items = {{"Letter had every Code item", true, ""}, {"Definition confirmed", std::nullopt, ""}};
    QualityCheck q3; q3.id = "Q3"; q3.month = "2024-02"; q3.checked_on = d("2024-02-01");
    q3.items = {{"Letter had every Code item", false, ""}};
    ds.quality_checks = {q1, q2, q3};
    ds.non_compliance = {{"N1", "Cyber incident", d("2024-08-01"), d("2024-08-03"), d("2024-08-02"), d("2024-08-15")}};
    return ds;
}

const Count* row(const Breakdown& b, const std::string& key) {
    for (const auto& c : b)
        if (c.key == key) return &c;
    return nullptr;
}

int count_of(const Breakdown& b, const std::string& key) {
    const Count* c = row(b, key);
    return c ? c->count : 0;
}

std::vector<std::string> refs(const std::vector<CaseMiss>& v) {
    std::vector<std::string> out;
    for (const auto& m : v) out.push_back(m.reference);
    return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("reports: periods") {
    CHECK(to_iso(financial_year(2024).from) == "2024-04-01");
    CHECK(to_iso(financial_year(2024).to) == "2025-03-31");
    CHECK(financial_year(2024).label == "2024/25");
    CHECK(financial_year(1999).label == "1999/00");
    CHECK(to_iso(financial_quarter(2024, 3).from) == "2024-10-01");
    CHECK(to_iso(financial_quarter(2024, 3).to) == "2024-12-31");
    CHECK(to_iso(financial_quarter(2024, 4).from) == "2025-01-01");
    CHECK(to_iso(financial_quarter(2024, 4).to) == "2025-03-31");
    CHECK(financial_quarter(2024, 4).label == "Q4 2024/25");
    CHECK(financial_year_of(d("2025-03-31")) == 2024);
    CHECK(financial_year_of(d("2025-04-01")) == 2025);
}

TEST_CASE("reports: median and nearest-rank percentile") {
    CHECK(median({}) == std::nullopt);
    CHECK(*median({3, 1, 2}) == 2.0);
    CHECK(*median({4, 1, 2, 3}) == 2.5);
    // 10 values 1..10: the 90th percentile by nearest rank is the 9th value.
    CHECK(*percentile({10, 9, 8, 7, 6, 5, 4, 3, 2, 1}, 90) == 9.0);
    CHECK(*percentile({5}, 90) == 5.0);
    CHECK(Ratio{1, 3}.pct().value() == doctest::Approx(33.333).epsilon(0.001));
    CHECK_FALSE(Ratio{0, 0}.pct().has_value());
}

TEST_CASE("reports: TSM CH01 and CH02 for 2024/25") {
    const Dataset ds = year_dataset();
    const Report r = build_report(ds, {financial_year(2024), 0});

    CHECK(r.excluded_demo_cases == 1);
    CHECK_FALSE(r.sample_data);
    // CH01: stage 1 accepted in the year: A, B, C, D, E, F, U = 7 (R, R2 refused; G, H from 2023/24).
    CHECK(r.tsm.homes == 2000);
    CHECK(r.tsm.stage1_received == 7);
    CHECK(*r.tsm.ch01_stage1_per_1000 == doctest::Approx(3.5));
    // Stage 2 opened in the year: A (1 Jul) and H (2 Apr, a 2022-Code record) = 2 -> 1.0 per 1,000.
    CHECK(r.tsm.stage2_received == 2);
    CHECK(*r.tsm.ch01_stage2_per_1000 == doctest::Approx(1.0));

    // CH02 stage 1: responses in the year G, A, C, D, E, B = 6 (F answered in 2025/26).
    // Within base: G, A (both on the deadline day) = 2. Within extended: + C, D = 4.
    CHECK(r.tsm.ch02_stage1_within.denominator == 6);
    CHECK(r.tsm.ch02_stage1_within.numerator == 2);
    CHECK(r.tsm.ch02_stage1_within_extended.denominator == 6);
    CHECK(r.tsm.ch02_stage1_within_extended.numerator == 4);
    CHECK(refs(r.tsm.stage1_missed) == Strings{"DS-B", "DS-C", "DS-D", "DS-E"});
    // The reasons say how far each missed and whether the Code's extension covered it.
    for (const auto& m : r.tsm.stage1_missed) {
        if (m.reference == "DS-B") { CHECK(m.working_days_late == 1); CHECK(m.reason.find("no extension") != std::string::npos); }
        if (m.reference == "DS-C") { CHECK(m.working_days_late == 9); CHECK(m.reason.find("within the timescale as extended") != std::string::npos); }
        if (m.reference == "DS-E") CHECK(m.reason.find("without a recorded good reason") != std::string::npos);
    }
    // CH02 stage 2: A within (deadline day), H late under its own 2022 clocks although the
    // 2024 clocks would have it on time.
    CHECK(r.tsm.ch02_stage2_within.denominator == 2);
    CHECK(r.tsm.ch02_stage2_within.numerator == 1);
    CHECK(r.tsm.ch02_stage2_within_extended.numerator == 1);
    REQUIRE(r.tsm.stage2_missed.size() == 1);
    CHECK(r.tsm.stage2_missed[0].reference == "DS-H");
    CHECK(r.tsm.stage2_missed[0].working_days_late == 3);
    CHECK(r.tsm.stage2_missed[0].reason.find("2022 Code") != std::string::npos);

    SUBCASE("--homes overrides the settings") {
        const Report r2 = build_report(ds, {financial_year(2024), 500});
        CHECK(*r2.tsm.ch01_stage1_per_1000 == doctest::Approx(14.0));
    }
    SUBCASE("no homes: CH01 is not calculated and the notes say how to fix it") {
        Dataset no_homes = ds;
        no_homes.settings.homes_owned = 0;
        const Report r3 = build_report(no_homes, {financial_year(2024), 0});
        CHECK_FALSE(r3.tsm.ch01_stage1_per_1000.has_value());
        CHECK(std::any_of(r3.notes.begin(), r3.notes.end(),
                          [](const std::string& n) { return n.find("--homes") != std::string::npos; }));
    }
}

TEST_CASE("reports: a case spanning two reporting years counts where each event falls") {
    const Dataset ds = year_dataset();
    const Report next = build_report(ds, {financial_year(2025), 0});
    // F was received in 2024/25 (not in 2025/26 CH01) and answered on 8 Apr 2025, within 14 Apr.
    CHECK(next.tsm.stage1_received == 0);
    CHECK(next.tsm.ch02_stage1_within.denominator == 1);
    CHECK(next.tsm.ch02_stage1_within.numerator == 1);
    // The first quarter of 2024/25: received A only; answered G (12 Apr) and A (24 Jun), both on time.
    const Report q1 = build_report(ds, {financial_quarter(2024, 1), 0});
    CHECK(q1.tsm.stage1_received == 1);
    CHECK(q1.tsm.ch02_stage1_within.numerator == 2);
    CHECK(q1.tsm.ch02_stage1_within.denominator == 2);
}

TEST_CASE("reports: volumes, refusals and flow") {
    const Report r = build_report(year_dataset(), {financial_year(2024), 0});
    // Every record received in the year: complaints A B C D E F U R R2 (9), requests S1 S2, compliment K.
    CHECK(count_of(r.received_by_kind, "complaint") == 9);
    CHECK(count_of(r.received_by_kind, "service_request") == 2);
    CHECK(count_of(r.received_by_kind, "compliment") == 1);
    // Accepted complaints by channel: home visit A D E; phone B; email C; letter F; web form U.
    CHECK(count_of(r.received_by_channel, "home_visit") == 3);
    CHECK(count_of(r.received_by_channel, "phone") == 1);
    CHECK(r.received_by_channel.front().key == "home_visit");  // largest first
    CHECK(count_of(r.received_by_category, "repairs") == 4);    // A C E U
    CHECK(count_of(r.received_by_category, "damp") == 2);       // B D
    CHECK(row(r.received_by_category, "damp")->label == "Damp and mould");
    CHECK(count_of(r.received_by_stage, "stage3") == 1);        // H's legacy stage 3
    CHECK(r.legacy_stage3_responded == 1);

    // 1.5: S1 led to complaint A; S2 did not.
    CHECK(r.service_requests_received == 2);
    CHECK(r.service_requests_became_complaints.numerator == 1);
    CHECK(r.service_requests_became_complaints.denominator == 2);
    CHECK(r.complaints_from_service_requests == 1);
    // Escalation: of the 6 stage 1 responses in the year only A went to stage 2.
    CHECK(r.escalation_rate.numerator == 1);
    CHECK(r.escalation_rate.denominator == 6);
    // 8.1b refusals by ground.
    CHECK(r.refused_at_stage1 == 2);
    CHECK(r.refused_escalations == 0);
    CHECK(count_of(r.refused_by_ground, "twelve_months") == 1);
    CHECK(row(r.refused_by_ground, "legal")->label == "Legal proceedings started");

    // Acknowledgements: stage 1 acknowledged in the year A B C D E F = 6, E late; U never acknowledged.
    CHECK(r.stage1.acknowledged_on_time.numerator == 5);
    CHECK(r.stage1.acknowledged_on_time.denominator == 6);
    CHECK(r.stage1.awaiting_acknowledgement_overdue == 1);
    CHECK(refs(r.stage1.acknowledged_late) == Strings{"DS-E", "DS-U"});
    // Stage 2: A a day late, H on time.
    CHECK(r.stage2.acknowledged_on_time.numerator == 1);
    CHECK(r.stage2.acknowledged_on_time.denominator == 2);

    // Working days opened -> responded at stage 1: G 12, A 15, B 16, C 21, D 26, E 29.
    // Median (16 + 21) / 2 = 18.5; nearest-rank 90th percentile of 6 = the 6th = 29.
    CHECK(*r.stage1.median_working_days == doctest::Approx(18.5));
    CHECK(*r.stage1.p90_working_days == doctest::Approx(29));
    // Stage 2: A 1 Jul -> 6 Aug = 26; H 2 Apr -> 3 May = 23.
    CHECK(*r.stage2.median_working_days == doctest::Approx(24.5));
    CHECK(*r.stage2.p90_working_days == doctest::Approx(26));
    // Extensions among stage 1 responses: C (within), D (beyond, good reason), E (beyond, none).
    CHECK(r.stage1.extended == 3);
    CHECK(r.stage1.beyond_limit_good_reason == 1);
    CHECK(r.stage1.beyond_limit_no_reason == 1);

    // Outcomes at stage 1: upheld A D; partly B (mixed) E (partly point); not upheld C G.
    CHECK(count_of(r.stage1.outcomes, "upheld") == 2);
    CHECK(count_of(r.stage1.outcomes, "partly_upheld") == 2);
    CHECK(count_of(r.stage1.outcomes, "not_upheld") == 2);
    CHECK(row(r.stage1.outcomes, "upheld")->label == "Fully justified");  // the landlord's own word
    CHECK(row(r.stage1.outcomes, "not_upheld")->label == "Not upheld");
}

TEST_CASE("reports: remedies, overdue items and reviews as at the period end") {
    const Report r = build_report(year_dataset(), {financial_year(2024), 0});
    // Remedies in responses of the year: A £50 paid + apology, B £120 offered.
    CHECK(r.remedies.count == 3);
    CHECK(r.remedies.financial_offered == Money::from_pounds(170));
    CHECK(r.remedies.financial_paid == Money::from_pounds(50));
    CHECK(count_of(r.remedies.by_type, "financial") == 2);
    CHECK(count_of(r.remedies.by_state, "completed") == 2);
    // Overdue at 31 Mar 2025: B's remedy (due 31 Jan: 20 WD in Feb + 21 in Mar = 41) and
    // D's action (due 14 Mar: 11 WD). C's late action was done by then.
    REQUIRE(r.overdue.size() == 2);
    CHECK(r.overdue[0].reference == "DS-B");
    CHECK(r.overdue[0].what == "Remedy");
    CHECK(r.overdue[0].working_days_overdue == 41);
    CHECK(r.overdue[1].reference == "DS-D");
    CHECK(r.overdue[1].working_days_overdue == 11);
    // Reviews: B's adjustment overdue (1 Mar), C's restriction due 15 Apr (within 28 days),
    // G's adjustment has no review date (G closed 1 May 2024, so it was live in the year).
    REQUIRE(r.reviews_due.size() == 3);
    int overdue = 0, soon = 0, none = 0;
    for (const auto& v : r.reviews_due) {
        overdue += v.state == "Overdue";
        soon += v.state == "Due within 28 days";
        none += v.state == "No review date";
    }
    CHECK(overdue == 1);
    CHECK(soon == 1);
    CHECK(none == 1);
}

TEST_CASE("reports: monthly and category trends") {
    const Report r = build_report(year_dataset(), {financial_year(2024), 0});
    REQUIRE(r.months.size() == 12);
    CHECK(r.months[0].month == 4);
    CHECK(r.months[11].year == 2025);
    CHECK(r.months[11].month == 3);
    // Stage 1 received: Jun A, Sep C, Oct D, Nov E, Dec B, Mar F U.
    CHECK(r.months[2].stage1_received == 1);
    CHECK(r.months[11].stage1_received == 2);
    // Stage 2 received: Apr H, Jul A.
    CHECK(r.months[0].stage2_received == 1);
    CHECK(r.months[3].stage2_received == 1);
    // Responses: Apr G (on time), May H (late), Dec E (late), Jan B (late).
    CHECK(r.months[0].responses == 1);
    CHECK(r.months[0].responses_within_extended == 1);
    CHECK(r.months[1].responses_within_extended == 0);
    CHECK(r.months[8].responses == 1);
    CHECK(r.months[9].responses_within_extended == 0);
    REQUIRE(!r.category_trends.empty());
    CHECK(r.category_trends[0].key == "repairs");
    CHECK(r.category_trends[0].total == 4);
    CHECK(r.category_trends[0].per_month[11] == 1);  // U in March
}

TEST_CASE("reports: learning, Ombudsman, quality and satisfaction") {
    const Report r = build_report(year_dataset(), {financial_year(2024), 0});
    // L1 done in the year, L2 overdue, L3 finished the year before (left out).
    REQUIRE(r.learning.size() == 2);
    CHECK(r.learning[0].state == "Done");
    CHECK(r.learning[0].case_references == Strings{"DS-B"});
    CHECK(r.learning[1].state == "Overdue");

    const OmbudsmanFigures& o = r.ombudsman;
    CHECK(o.referred == 2);                  // A (Sep), B (Mar)
    CHECK(o.determined == 1);                // A: maladministration
    CHECK(o.pending == 1);                   // B
    CHECK(o.maladministration_findings == 1);
    CHECK(count_of(o.determinations, "maladministration") == 1);
    CHECK(o.orders == 3);
    CHECK(o.orders_complied == 2);
    CHECK(o.orders_complied_late == 1);
    CHECK(o.orders_overdue == 1);
    REQUIRE(o.non_compliance.size() == 1);

    // Quality: Q1 (10 Oct) and Q2 (February, by month); Q3 is from 2023/24.
    CHECK(r.quality.checks == 2);
    CHECK(r.quality.deep_dives == 1);
    CHECK(r.quality.items_passed.numerator == 2);
    CHECK(r.quality.items_passed.denominator == 3);

    // Satisfaction, by each stage response in the year and the survey that followed it:
    // stage 1: G A C D E B (6); offered A C D E (4); A declined; answered C D (2); handling 5, 2; outcome 4, 1.
    const SatisfactionStage& s1 = r.satisfaction_stage1;
    CHECK(s1.responded_cases == 6);
    CHECK(s1.offered.numerator == 4);
    CHECK(s1.answered.numerator == 2);
    CHECK(s1.answered.denominator == 4);
    CHECK(s1.declined == 1);
    CHECK(*s1.mean_handling == doctest::Approx(3.5));
    CHECK(*s1.mean_outcome == doctest::Approx(2.5));
    CHECK(s1.satisfied_handling.numerator == 1);
    CHECK(s1.target_pct == 50);
    // stage 2: A and H (H's legacy stage 3 counts once with its stage 2) (2); A's stage 2 survey
    // offered and answered: handling 4 (satisfied), outcome 2 (not).
    const SatisfactionStage& s2 = r.satisfaction_stage2;
    CHECK(s2.responded_cases == 2);
    CHECK(s2.offered.numerator == 1);
    CHECK(s2.satisfied_handling.numerator == 1);
    CHECK(s2.satisfied_outcome.numerator == 0);
    CHECK(s2.satisfied_outcome.denominator == 1);
    CHECK(s2.target_pct == 100);
}

TEST_CASE("reports: demo data alone is reported and flagged as sample data") {
    Dataset ds;
    ds.settings = test_settings();
    Case c = complaint("DS-X", "2024-06-03", "repairs", Channel::Phone);
    c.demo = true;
    ds.cases = {c};
    const Report r = build_report(ds, {financial_year(2024), 0});
    CHECK(r.sample_data);
    CHECK(r.tsm.stage1_received == 1);
}

// ---------------------------------------------------------------------------
// Documents

namespace {

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

OutputOptions panel() { return OutputOptions{}; }
OutputOptions internal() {
    OutputOptions o;
    o.show_all = true;
    return o;
}

}  // namespace

TEST_CASE("report output: JSON carries each TSM figure beside its numerator and denominator") {
    const Report r = build_report(year_dataset(), {financial_year(2024), 0});
    const nlohmann::ordered_json j = nlohmann::ordered_json::parse(render_report(r, OutputFormat::Json, panel()));
    const auto& t = j["tsm"];
    CHECK(t["ch01_stage1_per_1000"].get<double>() == doctest::Approx(3.5));
    CHECK(t["ch01_stage1_per_1000_numerator"] == 7);
    CHECK(t["ch01_stage1_per_1000_denominator"] == 2000);
    CHECK(t["ch01_stage2_per_1000"].get<double>() == doctest::Approx(1.0));
    CHECK(t["ch02_stage1_within_pct"].get<double>() == doctest::Approx(33.33));
    CHECK(t["ch02_stage1_within_pct_numerator"] == 2);
    CHECK(t["ch02_stage1_within_pct_denominator"] == 6);
    CHECK(t["ch02_stage1_within_extended_pct"].get<double>() == doctest::Approx(66.67));
    CHECK(t["ch02_stage1_within_extended_pct_numerator"] == 4);
    CHECK(t["ch02_stage2_within_pct"].get<double>() == doctest::Approx(50.0));
    CHECK(t["ch02_stage2_within_extended_pct_denominator"] == 2);
    CHECK(t["stage1_missed"].size() == 4);
    CHECK(j["ombudsman"]["orders"]["overdue"] == 1);
    CHECK(j["quality"]["items_passed"]["numerator"] == 2);
    CHECK(j["satisfaction"]["stage1"]["offered"]["denominator"] == 6);
    CHECK(j["satisfaction"]["stage1"]["meets_target"] == true);   // 4 of 6 = 67% >= 50%
    CHECK(j["satisfaction"]["stage2"]["meets_target"] == false);  // 1 of 2 = 50% < 100%
    CHECK(j["satisfaction"]["stage1"]["declined"] == 1);          // A said no to the stage 1 survey
    CHECK(j["satisfaction"]["stage2"]["declined"] == 0);
    CHECK(j["period"]["from"] == "2024-04-01");
}

TEST_CASE("report output: small counts are suppressed for tenant panels and shown in full internally") {
    const Report r = build_report(year_dataset(), {financial_year(2024), 0});
    // Damp and mould: 2 complaints -> "<5" for a panel.
    const auto j = nlohmann::ordered_json::parse(render_report(r, OutputFormat::Json, panel()));
    bool seen = false;
    for (const auto& c : j["volumes"]["by_category"]) {
        if (c["key"] != "damp") continue;
        seen = true;
        CHECK(c["count"].is_null());
        CHECK(c["suppressed"] == "<5");
    }
    CHECK(seen);
    // The totals by stage are not suppressed (7 and 2).
    CHECK(j["volumes"]["by_stage"][1]["count"] == 2);
    const auto all = nlohmann::ordered_json::parse(render_report(r, OutputFormat::Json, internal()));
    for (const auto& c : all["volumes"]["by_category"])
        if (c["key"] == "damp") CHECK(c["count"] == 2);

    const std::string csv = render_report(r, OutputFormat::Csv, panel());
    CHECK(has(csv, ",Damp and mould,Number,<5,\r\n"));
    CHECK(has(render_report(r, OutputFormat::Csv, internal()), ",Damp and mould,Number,2,\r\n"));
    CHECK(has(render_report(r, OutputFormat::Text, panel()), "<5"));
    CHECK(has(render_report(r, OutputFormat::Html, panel()), "&lt;5"));
    CHECK(has(render_report(r, OutputFormat::Html, panel()), "shown as &quot;&lt;5&quot;"));
    // Adjustment descriptions (which can reveal a disability) only in the internal version.
    CHECK_FALSE(has(render_report(r, OutputFormat::Html, panel()), "Large print"));
    CHECK(has(render_report(r, OutputFormat::Html, internal()), "Large print"));
}

TEST_CASE("report output: no resident details in any format") {
    const Report r = build_report(year_dataset(), {financial_year(2024), 0});
    for (auto f : {OutputFormat::Text, OutputFormat::Json, OutputFormat::Csv, OutputFormat::Html}) {
        for (const auto& o : {panel(), internal()}) {
            for (auto doc : {ReportDocument::Annual, ReportDocument::GoverningBody}) {
                OutputOptions oo = o;
                oo.document = doc;
                const std::string out = render_report(r, f, oo);
                CHECK_FALSE(has(out, "Zebedee"));
                CHECK_FALSE(has(out, "Secret Lane"));
                CHECK_FALSE(has(out, "zq@example"));
            }
        }
    }
}

TEST_CASE("report output: standalone printable HTML") {
    const Report r = build_report(year_dataset(), {financial_year(2024), 0});
    const std::string html = render_report(r, OutputFormat::Html, panel());
    CHECK(has(html, "<html lang=\"en-GB\">"));
    CHECK(has(html, "@page { size: A4"));
    CHECK(has(html, "<th scope=\"col\">"));
    CHECK(has(html, "<caption>Tenant Satisfaction Measures"));
    // Charts are inline SVG with a title and description, inside a captioned figure.
    CHECK(has(html, "<svg viewBox="));
    CHECK(has(html, "role=\"img\""));
    CHECK(has(html, "<title id=\"fig-ch02-title\">"));
    CHECK(has(html, "<figcaption>Figure 1. "));
    // Nothing loaded from anywhere else.
    CHECK_FALSE(has(html, "http://"));
    CHECK_FALSE(has(html, "https://"));
    CHECK_FALSE(has(html, "src="));
    CHECK_FALSE(has(html, "<link"));
    CHECK_FALSE(has(html, "<script"));
    // 8.1 a–f headings in the annual report; 9.7 a–c in the governing-body pack.
    for (const char* h : {"a. Self-assessment", "b. Complaint handling performance", "c. Findings from the Housing Ombudsman",
                          "d. Service improvements from learning", "e. The Ombudsman&#39;s annual report",
                          "f. Other relevant Ombudsman"})
        CHECK(has(html, h));
    OutputOptions gb = panel();
    gb.document = ReportDocument::GoverningBody;
    const std::string pack = render_report(r, OutputFormat::Html, gb);
    CHECK(has(pack, "Complaints report to the governing body 2024/25"));
    CHECK(has(pack, "c. Ombudsman investigations and orders"));
    CHECK(has(pack, "b. Issues and trends"));
}

TEST_CASE("report output: CSV quoting and inert formulas") {
    CHECK(csv_cell("plain") == "plain");
    CHECK(csv_cell("a,b") == "\"a,b\"");
    CHECK(csv_cell("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv_cell("=SUM(A1)") == "'=SUM(A1)");
    const Report r = build_report(year_dataset(), {financial_year(2024), 0});
    const std::string csv = render_report(r, OutputFormat::Csv, panel());
    CHECK(has(csv, "CH01 stage 1 complaints per 1,000 homes\",Figure,3.50,\r\n"));
    CHECK(has(csv, "CH01 stage 1 complaints per 1,000 homes\",Denominator,2000,\r\n"));
}

static bool plain_is_number(const std::string& t) {
    char* end = nullptr;
    std::strtod(t.c_str(), &end);
    return !t.empty() && end && *end == 0;
}

// Splits CSV text into records of fields (RFC 4180 quoting).
static std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
    std::vector<std::vector<std::string>> out(1);
    std::string field;
    bool quoted = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += text[++i];
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            out.back().push_back(field);
            field.clear();
        } else if (c == '\r') {
        } else if (c == '\n') {
            out.back().push_back(field);
            field.clear();
            out.emplace_back();
        } else {
            field += c;
        }
    }
    if (out.back().empty()) out.pop_back();
    return out;
}

TEST_CASE("report CSV: one tidy table, numbers as numbers, ISO dates, UTF-8 with a byte order mark") {
    CHECK(tidy_value("\xC2\xA3" "47,500.00").value == "47500.00");
    CHECK(tidy_value("\xC2\xA3" "47,500.00").unit == "GBP");
    CHECK(tidy_value("-\xC2\xA3" "12.50").value == "-12.50");
    CHECK(tidy_value("66.7%").value == "66.7");
    CHECK(tidy_value("66.7%").unit == "%");
    CHECK(tidy_value("1,234").value == "1234");
    CHECK(tidy_value("20 Dec 2024").value == "2024-12-20");
    CHECK(tidy_value("20 Dec 2024").unit == "date");
    CHECK(tidy_value("<5").value == "<5");
    CHECK(tidy_value("12,34").value == "12,34");  // not a number with thousands commas: kept as text
    CHECK(tidy_value("n/a").value == "n/a");

    const Report r = build_report(year_dataset(), {financial_year(2024), 0});
    const std::string csv = render_report(r, OutputFormat::Csv, internal());
    REQUIRE(csv.rfind("\xEF\xBB\xBF", 0) == 0);  // Excel reads "£" as "Â£" without it
    const auto records = parse_csv(csv.substr(3));
    REQUIRE(records.size() > 20);
    CHECK(records[0] == std::vector<std::string>{"table", "title", "row", "column", "value", "unit"});
    for (const auto& rec : records) {
        const std::string where = rec.empty() ? std::string("empty record") : rec[0] + " / " + (rec.size() > 2 ? rec[2] : "");
        INFO(where);
        CHECK(rec.size() == 6);  // the same columns on every line: no stacked tables
        if (rec.size() != 6) continue;
        CHECK(rec[4].rfind("\xC2\xA3", 0) != 0);  // a sum of money is a number; the unit says GBP
        if (rec[5] == "GBP" || rec[5] == "%") CHECK(plain_is_number(rec[4]));
        if (rec[5] == "date") CHECK(parse_iso_date(rec[4]).has_value());
    }
    CHECK(has(csv, "document,"));
    CHECK(has(csv, ",From,Value,2024-04-01,date\r\n"));
}

TEST_CASE("report: a period still running judges lateness as at today, never at its future end") {
    // Run on Mon 2 Dec 2024 for "this financial year" (1 Apr 2024 - 31 Mar 2025).
    // L: received Mon 18 Nov, never acknowledged: due Mon 25 Nov, 5 working days late by 2 Dec.
    // N: received Thu 28 Nov, not acknowledged yet: due Thu 5 Dec, so not late on 2 Dec.
    //    Its outstanding action is due Tue 10 Dec: not overdue on 2 Dec.
    Dataset ds;
    ds.settings = test_settings();
    Case late = complaint("DS-L", "2024-11-18", "repairs", Channel::Phone);
    Case fresh = complaint("DS-N", "2024-11-28", "repairs", Channel::Phone);
    stage(fresh, 1).actions = {{"Call the resident back", "Officer One", d("2024-12-10"), std::nullopt}};
    ds.cases = {late, fresh};

    ReportOptions running{financial_year(2024), 0, d("2024-12-02")};
    const Report r = build_report(ds, running);
    CHECK(r.as_at == d("2024-12-02"));
    CHECK(r.stage1.awaiting_acknowledgement_overdue == 1);
    REQUIRE(r.stage1.acknowledged_late.size() == 1);
    CHECK(r.stage1.acknowledged_late[0].reference == "DS-L");
    CHECK(r.stage1.acknowledged_late[0].working_days_late == 5);
    CHECK(r.stage1.acknowledged_late[0].reason == "not acknowledged by 2 Dec 2024 (due 25 Nov 2024)");
    CHECK(r.overdue.empty());

    // The self-assessment's evidence is judged the same way (6.2).
    const auto ack_measure = [](const std::vector<MeasuredEvidence>& ev) {
        for (const MeasuredEvidence& e : ev)
            if (e.provision == "6.2") return e;
        return MeasuredEvidence{};
    };
    const MeasuredEvidence now = ack_measure(measure_evidence(ds, financial_year(2024), d("2024-12-02")));
    CHECK(now.applicable == 1);
    CHECK(now.breaches == std::vector<std::string>{"DS-L"});

    // Once the period is over (or with no today given), it is judged at its end.
    const Report after = build_report(ds, ReportOptions{financial_year(2024), 0, d("2025-05-01")});
    CHECK(after.as_at == d("2025-03-31"));
    CHECK(after.stage1.acknowledged_late.size() == 2);
    CHECK(after.overdue.size() == 1);
    CHECK(build_report(ds, {financial_year(2024), 0}).as_at == d("2025-03-31"));
    CHECK(ack_measure(measure_evidence(ds, financial_year(2024))).applicable == 2);
}
