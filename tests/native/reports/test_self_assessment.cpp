// The Code self-assessment: the 72 provisions, answers, actions, sign-off, copy
// forward, evidence measured from hand-built cases, and the documents.
#include <doctest/doctest.h>

#include "core/reports/report_output.h"
#include "core/reports/self_assessment.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>

using namespace doorstep;

namespace {

Date d(const char* iso) { return *parse_iso_date(iso); }
bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

const std::vector<Provision>& provisions() {
    static const std::vector<Provision> p = [] {
        auto r = load_code_provisions();
        REQUIRE_MESSAGE(r.is_ok(), (r.is_ok() ? "" : r.error().text()));
        return r.value();
    }();
    return p;
}

SelfAssessment all_yes(int year) {
    SelfAssessment a = new_self_assessment(provisions(), year, "sa-" + std::to_string(year));
    for (const auto& p : provisions()) REQUIRE(answer(a, p.number, Compliance::Yes, "Policy", "").is_ok());
    return a;
}

Case complaint(const char* ref, const char* received) {
    Case c;
    c.id = std::string("id-") + ref;
    c.reference = ref;
    c.kind = CaseKind::Complaint;
    c.received = d(received);
    Stage s;
    s.number = 1;
    s.opened = c.received;
    s.investigator = "Ann Handler";
    s.definition = "Definition";
    s.outcome_sought = "Repair";
    c.stages.push_back(s);
    return c;
}

const MeasuredEvidence& measure(const std::vector<MeasuredEvidence>& all, const char* provision, const char* starts_with) {
    for (const auto& e : all)
        if (e.provision == provision && e.measure.rfind(starts_with, 0) == 0) return e;
    FAIL("no measure " << provision << " " << starts_with);
    return all.front();
}

using Strings = std::vector<std::string>;

// Cases in 2024/25 whose evidence is worked out by hand below.
Dataset evidence_dataset() {
    Dataset ds;
    ds.settings.refusal_grounds = {{"twelve_months", "Over 12 months", "2.3", ReviewBody::HousingOmbudsman, true},
                                   {"legal", "Legal proceedings", "2.2", ReviewBody::HousingOmbudsman, false}};

    // E1: received Mon 2 Sep 2024, acknowledged Mon 9 Sep (the 5th working day: on time);
    // responded Mon 23 Sep (10 WD after 9 Sep: on time). Every point decided with reasons.
    Case e1 = complaint("E1", "2024-09-02");
    e1.stages[0].acknowledged = d("2024-09-09");
    e1.stages[0].responded = d("2024-09-23");
    e1.stages[0].points = {{"Leak", Decision::Upheld, "Repairs policy 4.2"}};
    e1.stages[0].approver = "Bob Signer";
    // Stage 2 requested 1 Oct, acknowledged 3 Oct (on time), handled by Cat but signed by Bob,
    // who signed stage 1: a 6.13 breach.
    Stage s2;
    s2.number = 2;
    s2.opened = d("2024-10-01");
    s2.escalation = Escalation{d("2024-10-01"), "", false, ""};
    s2.investigator = "Cat Senior";
    s2.approver = "bob signer";  // the same person, whatever the case
    s2.definition = "Stage 2 definition";
    s2.outcome_sought = "Compensation";
    s2.acknowledged = d("2024-10-03");
    e1.stages.push_back(s2);
    e1.adjustments = {{"Large print", "", d("2024-09-02"), d("2024-12-01"), 0}};  // review overdue at 31 Mar 2025

    // E2: received Mon 4 Nov, acknowledged Tue 12 Nov (due Mon 11 Nov: 1 WD late).
    // Extension of 15 WD beyond the limit with no good reason, told without the Ombudsman's details.
    Case e2 = complaint("E2", "2024-11-04");
    e2.stages[0].acknowledged = d("2024-11-12");
    Extension x;
    x.working_days = 15;
    x.reason = "Awaiting contractor";
    x.decided_on = d("2024-11-20");
    x.resident_told = d("2024-11-20");
    x.ombudsman_details_given = false;
    x.beyond_limit = true;
    e2.stages[0].extensions = {x};

    // E3: received Mon 6 Jan 2025, acknowledged Fri 10 Jan (due 13 Jan: on time); raised about a
    // service request that was then closed with no work done (1.5 breach).
    Case e3 = complaint("E3", "2025-01-06");
    e3.stages[0].acknowledged = d("2025-01-10");
    e3.raised_from_case = "id-SR";
    Case sr;
    sr.id = "id-SR";
    sr.reference = "SR";
    sr.kind = CaseKind::ServiceRequest;
    sr.received = d("2024-12-20");
    sr.closure = Closure{d("2025-01-07"), ClosureReason::NoFurtherAction, "", ""};

    // Refusals: RF1 on the 12-month ground without discretion considered and never explained;
    // RF2 legal proceedings, explained two days after the decision (within 5 WD).
    Case rf1 = complaint("RF1", "2024-06-03");
    rf1.refusal = Refusal{"twelve_months", "Old issue", "", false, "", d("2024-06-05"), std::nullopt, "", false};
    Case rf2 = complaint("RF2", "2024-06-10");
    rf2.refusal = Refusal{"legal", "Claim filed", "", false, "", d("2024-06-11"), d("2024-06-13"), "", false};

    ds.cases = {e1, e2, e3, sr, rf1, rf2};
    return ds;
}

}  // namespace

TEST_CASE("self-assessment: all 72 provisions of the 2024 Code, by section") {
    const auto& p = provisions();
    REQUIRE(p.size() == 72);
    std::map<int, int> per_section;
    for (const auto& x : p) {
        ++per_section[x.section];
        CHECK_FALSE(x.summary.empty());
        CHECK_FALSE(x.section_title.empty());
    }
    CHECK(per_section == std::map<int, int>{{1, 5}, {2, 5}, {3, 7}, {4, 3}, {5, 15}, {6, 20}, {7, 4}, {8, 5}, {9, 8}});
    CHECK(p.front().number == "1.2");
    CHECK(p.back().number == "9.8");
    REQUIRE(find_provision(p, "6.13") != nullptr);
    CHECK(find_provision(p, "6.13")->section_title == "Complaint stages");
    CHECK(find_provision(p, "6.21") == nullptr);
    CHECK(find_provision(p, "8.4")->must == false);  // reviewing when the Ombudsman asks
}

TEST_CASE("self-assessment: the provisions file is validated") {
    CHECK_FALSE(parse_code_provisions("{not json").is_ok());
    auto missing = parse_code_provisions(R"({"provisions":[{"provision":"1.2","section":1,"section_title":"T","duty":"must"}]})");
    REQUIRE_FALSE(missing.is_ok());
    CHECK(has(missing.error().message, "provisions[0]"));
    CHECK(has(missing.error().message, "\"summary\""));
    auto wrong_section = parse_code_provisions(
        R"({"provisions":[{"provision":"2.1","section":1,"section_title":"T","summary":"S","duty":"must"}]})");
    REQUIRE_FALSE(wrong_section.is_ok());
    CHECK(has(wrong_section.error().message, "not in section 1"));
    auto twice = parse_code_provisions(
        R"([{"provision":"1.2","section":1,"section_title":"T","summary":"S","duty":"must"},
            {"provision":"1.2","section":1,"section_title":"T","summary":"S","duty":"should"}])");
    REQUIRE_FALSE(twice.is_ok());
    CHECK(has(twice.error().message, "appears twice"));
    auto bad_duty = parse_code_provisions(
        R"([{"provision":"1.2","section":1,"section_title":"T","summary":"S","duty":"may"}])");
    CHECK_FALSE(bad_duty.is_ok());
}

TEST_CASE("self-assessment: answers, actions and sign-off") {
    SelfAssessment a = new_self_assessment(provisions(), 2025, "sa-1");
    CHECK(a.answers.size() == 72);
    CHECK(count_answers(a).unanswered == 72);

    auto unknown = answer(a, "6.21", Compliance::Yes, "", "");
    REQUIRE_FALSE(unknown.is_ok());
    CHECK(has(unknown.error().text(), "provision 6.21"));
    CHECK_FALSE(answer(a, "1.2", Compliance::Unanswered, "", "").is_ok());

    SignOff lead{"Dana Lead", "", d("2025-06-30"), "Reviewed"};
    auto early = sign_off(a, Signatory::LeadOfficer, lead);
    REQUIRE_FALSE(early.is_ok());
    CHECK(has(early.error().message, "72 provisions are not answered yet"));

    a = all_yes(2025);
    REQUIRE(answer(a, "5.10", Compliance::Partly, "Register of adjustments", "Reviews slipping").is_ok());
    auto needs_action = sign_off(a, Signatory::LeadOfficer, lead);
    REQUIRE_FALSE(needs_action.is_ok());
    CHECK(has(needs_action.error().message, "5.10"));

    CHECK_FALSE(add_assessment_action(a, "5.10", {"Review every adjustment", "", ActionStatus::NotStarted, {}, {}}).is_ok());
    REQUIRE(add_assessment_action(a, "5.10", {"Review every adjustment", "Tenancy manager", ActionStatus::NotStarted,
                                               d("2025-09-30"), {}}).is_ok());
    CHECK_FALSE(sign_off(a, Signatory::LeadOfficer, SignOff{"Dana Lead", "", std::nullopt, ""}).is_ok());  // no date
    REQUIRE(sign_off(a, Signatory::LeadOfficer, lead).is_ok());
    CHECK(a.lead_officer.role == "Lead officer");
    REQUIRE(sign_off(a, Signatory::MemberResponsible, {"Cllr Example", "", d("2025-07-02"), "Content"}).is_ok());
    CHECK(is_signed(a));

    // Answers are locked once signed; progress on actions is not.
    auto locked = answer(a, "1.2", Compliance::No, "", "");
    REQUIRE_FALSE(locked.is_ok());
    CHECK(has(locked.error().message, "withdraw the sign-off"));
    REQUIRE(update_assessment_action(a, "5.10", 0, {d("2025-08-01"), "Half reviewed"}, ActionStatus::InProgress).is_ok());
    auto backwards = update_assessment_action(a, "5.10", 0, {d("2025-07-15"), "Earlier"});
    REQUIRE_FALSE(backwards.is_ok());
    CHECK(has(backwards.error().message, "before the last one"));
    CHECK_FALSE(update_assessment_action(a, "5.10", 3, {d("2025-09-01"), "x"}).is_ok());
    CHECK(find_answer(a, "5.10")->actions[0].status == ActionStatus::InProgress);

    withdraw_sign_offs(a);
    CHECK(answer(a, "1.2", Compliance::Yes, "Policy v2", "").is_ok());
}

TEST_CASE("self-assessment: copy forward carries answers and unfinished actions") {
    SelfAssessment last = all_yes(2024);
    REQUIRE(answer(last, "6.13", Compliance::No, "Small team", "Same manager signs both stages").is_ok());
    REQUIRE(add_assessment_action(last, "6.13", {"Second signatory", "Director", ActionStatus::Done, d("2024-10-01"), {}}).is_ok());
    REQUIRE(add_assessment_action(last, "6.13", {"Train deputies", "Director", ActionStatus::InProgress, d("2025-05-01"),
                                                  {{d("2025-01-10"), "Two trained"}}}).is_ok());
    REQUIRE(sign_off(last, Signatory::LeadOfficer, {"Dana Lead", "", d("2024-06-30"), ""}).is_ok());

    const SelfAssessment next = copy_forward(last, provisions(), 2025, "sa-2025");
    CHECK(next.year == 2025);
    CHECK(next.copied_from == "sa-2024");
    CHECK(next.answers.size() == 72);
    CHECK_FALSE(is_signed(next));
    const ProvisionAnswer* a = find_answer(next, "6.13");
    REQUIRE(a != nullptr);
    CHECK(a->comply == Compliance::No);
    CHECK(a->commentary == "Same manager signs both stages");
    REQUIRE(a->actions.size() == 1);  // the finished one stays with last year
    CHECK(a->actions[0].description == "Train deputies");
    CHECK(a->actions[0].updates.size() == 1);
    CHECK(find_answer(next, "1.2")->comply == Compliance::Yes);
}

TEST_CASE("self-assessment: evidence measured from the records") {
    const Dataset ds = evidence_dataset();
    const auto ev = measure_evidence(ds, financial_year(2024));

    // 6.2: acknowledged in the year E1 (on time), E2 (1 WD late), E3 (on time) = 2 of 3.
    const auto& ack = measure(ev, "6.2", "Stage 1 complaints acknowledged");
    CHECK(ack.met == 2);
    CHECK(ack.applicable == 3);
    CHECK(ack.breaches == Strings{"E2"});
    CHECK(has(ack.summary, "2 of 3 (66.7%)"));
    // 6.3: only E1 responded, on time.
    CHECK(measure(ev, "6.3", "Stage 1 responses within the timescale as extended").met == 1);
    CHECK(measure(ev, "6.3", "Stage 1 responses within the timescale as extended").applicable == 1);
    // 6.4 and 6.5: E2's extension is beyond the limit with no good reason and came without the Ombudsman's details.
    CHECK(measure(ev, "6.4", "Stage 1 extensions within the limit").breaches == Strings{"E2"});
    CHECK(measure(ev, "6.4", "Stage 1 extensions notified").met == 1);
    CHECK(measure(ev, "6.5", "Stage 1 extension notices").breaches == Strings{"E2"});
    // 6.7: E1 decided every point with reasons.
    CHECK(measure(ev, "6.7", "Stage 1 responses deciding").met == 1);
    // 6.11 and 6.13: E1's stage 2 acknowledged on time but signed by the stage 1 signatory.
    CHECK(measure(ev, "6.11", "Stage 2 requests acknowledged").met == 1);
    CHECK(measure(ev, "6.13", "Stage 2 handled").breaches == Strings{"E1"});
    CHECK(measure(ev, "6.12", "Stage 2 requests accepted").applicable == 1);
    // 5.10: E1's adjustment review (1 Dec 2024) passed before 31 Mar 2025.
    CHECK(measure(ev, "5.10", "Reasonable adjustments").breaches == Strings{"E1"});
    // 1.5: the service request behind E3 was closed with nothing done.
    CHECK(measure(ev, "1.5", "Service requests that led").breaches == Strings{"SR"});
    CHECK(measure(ev, "1.4", "Service requests recorded").applicable == 1);
    // Section 2: RF1 without discretion and unexplained; RF2 explained in 2 WD.
    CHECK(measure(ev, "2.1", "Refusals with the reasoning").met == 2);
    CHECK(measure(ev, "2.3", "Twelve-month refusals").breaches == Strings{"RF1"});
    CHECK(measure(ev, "2.4", "Refusals explained in writing").met == 1);
    CHECK(measure(ev, "2.4", "Refusals explained in writing").breaches == Strings{"RF1"});
    CHECK(measure(ev, "2.4", "Refusals explained within 5").met == 1);
    CHECK(measure(ev, "2.4", "Refusals explained within 5").applicable == 2);
    // 5.6: every acknowledged stage had a definition and an outcome sought (E1 x2, E2, E3).
    CHECK(measure(ev, "5.6", "Acknowledged stages").met == 4);
    CHECK(measure(ev, "5.6", "Acknowledged stages").applicable == 4);

    // Another year has none of it.
    const auto empty = measure_evidence(ds, financial_year(2022));
    CHECK(measure(empty, "6.2", "Stage 1 complaints acknowledged").applicable == 0);
    CHECK(has(measure(empty, "6.2", "Stage 1 complaints acknowledged").summary, "no records in the period"));
}

TEST_CASE("self-assessment: warnings where an answer contradicts the records") {
    const Dataset ds = evidence_dataset();
    const auto ev = measure_evidence(ds, financial_year(2024));
    auto warn = [&](const char* provision, Compliance c) {
        ProvisionAnswer a;
        a.provision = provision;
        a.comply = c;
        return evidence_warnings(a, evidence_for(ev, provision));
    };
    const auto yes62 = warn("6.2", Compliance::Yes);
    REQUIRE(yes62.size() == 1);
    CHECK(has(yes62[0], "Answered Yes"));
    CHECK(has(yes62[0], "1 of 3"));
    CHECK(has(yes62[0], "E2"));
    CHECK(warn("6.2", Compliance::Partly).empty());
    CHECK(warn("6.13", Compliance::Yes).size() == 1);
    const auto na = warn("6.13", Compliance::NotApplicable);
    REQUIRE(na.size() == 1);
    CHECK(has(na[0], "Not applicable"));
    // 6.7: all decided, yet answered No.
    const auto no67 = warn("6.7", Compliance::No);
    REQUIRE(no67.size() == 1);
    CHECK(has(no67[0], "Answered No"));
    CHECK(warn("6.7", Compliance::Yes).empty());
    // A provision the records cannot evidence never warns.
    CHECK(warn("4.1", Compliance::Yes).empty());
    CHECK(warn("4.1", Compliance::No).empty());
}

TEST_CASE("self-assessment: documents list all 72 provisions with answers, actions and evidence") {
    Dataset ds = evidence_dataset();
    ds.settings.landlord.name = "Example Homes";
    SelfAssessment a = all_yes(2024);
    REQUIRE(answer(a, "5.10", Compliance::Partly, "Register", "Reviews late").is_ok());
    REQUIRE(add_assessment_action(a, "5.10", {"Review all", "Tenancy manager", ActionStatus::InProgress, d("2025-06-30"),
                                               {{d("2025-04-10"), "Started"}}}).is_ok());
    REQUIRE(add_assessment_action(a, "5.10", {"Add review dates", "Systems lead", ActionStatus::NotStarted, std::nullopt, {}}).is_ok());
    ds.assessments = {a};
    const auto ev = measure_evidence(ds, financial_year(2024));
    AssessmentDocument doc{assessment_for_year(ds, 2024), &provisions(), &ev, financial_year(2024), "Example Homes"};
    REQUIRE(doc.assessment != nullptr);

    const auto j = nlohmann::ordered_json::parse(render_self_assessment(doc, OutputFormat::Json));
    REQUIRE(j["provisions"].size() == 72);
    CHECK(j["counts"]["yes"] == 71);
    CHECK(j["counts"]["partly"] == 1);
    bool saw = false;
    for (const auto& p : j["provisions"]) {
        CHECK(p.contains("comply"));
        CHECK(p.contains("actions"));
        CHECK(p.contains("measured"));
        if (p["provision"] == "5.10") {
            saw = true;
            CHECK(p["comply"] == "Partly");
            CHECK(p["actions"].size() == 2);
            CHECK(p["actions"][0]["updates"][0]["on"] == "2025-04-10");
            CHECK(p["measured"][0]["not_met"][0] == "E1");
        }
        if (p["provision"] == "6.2") CHECK(p["warnings"].size() == 1);
    }
    CHECK(saw);
    CHECK(j["warnings"].get<int>() >= 5);  // 6.2, 6.4, 6.5, 6.13, 1.5, 2.3, 2.4 answered Yes

    const std::string csv = render_self_assessment(doc, OutputFormat::Csv);
    CHECK(has(csv, "Provision,Requirement,Mandatory,Complies,Evidence"));
    // One row per provision (5.10's two actions share its row) + header = 73 lines.
    size_t lines = 0;
    bool in_quotes = false;
    for (char ch : csv) {
        if (ch == '"') in_quotes = !in_quotes;
        if (ch == '\n' && !in_quotes) ++lines;
    }
    CHECK(lines == 73);

    const std::string html = render_self_assessment(doc, OutputFormat::Html);
    CHECK(has(html, "<html lang=\"en-GB\">"));
    CHECK(has(html, "Section 9: Scrutiny and oversight"));
    CHECK(has(html, "rowspan=\"2\""));
    CHECK(has(html, "class=\"warning\">Warning: Answered Yes"));
    CHECK_FALSE(has(html, "http://"));
    CHECK_FALSE(has(html, "https://"));
    CHECK(has(render_self_assessment(doc, OutputFormat::Text), "WARNING: Answered Yes"));

    // No assessment recorded for a year: every provision is listed, unanswered.
    AssessmentDocument none{nullptr, &provisions(), &ev, financial_year(2025), ""};
    const auto jn = nlohmann::ordered_json::parse(render_self_assessment(none, OutputFormat::Json));
    CHECK(jn["provisions"].size() == 72);
    CHECK(jn["counts"]["unanswered"] == 72);
    CHECK(jn["recorded"] == false);
}

TEST_CASE("self-assessment: the year's assessment in a dataset") {
    Dataset ds;
    SelfAssessment annual = new_self_assessment(provisions(), 2025, "a1");
    SelfAssessment restructure = new_self_assessment(provisions(), 2025, "a2", "restructure");
    ds.assessments = {annual, restructure};
    REQUIRE(assessment_for_year(ds, 2025) != nullptr);
    CHECK(assessment_for_year(ds, 2025)->id == "a1");
    CHECK(assessment_for_year(ds, 2024) == nullptr);
    ds.assessments = {restructure};
    CHECK(assessment_for_year(ds, 2025)->id == "a2");
}

TEST_CASE("self-assessment: an extra assessment after a restructure (8.3)") {
    SelfAssessment annual = all_yes(2025);
    annual.code_version = "2024";
    REQUIRE(answer(annual, "4.1", Compliance::Partly, "One officer", "Cover arranged").is_ok());
    REQUIRE(add_assessment_action(annual, "4.1", {"Recruit a second officer", "Head of Housing", ActionStatus::InProgress,
                                                  d("2026-01-31"), {{d("2025-07-01"), "Post advertised"}}}).is_ok());
    REQUIRE(add_assessment_action(annual, "4.1", {"Interim cover rota", "Head of Housing", ActionStatus::Done,
                                                  d("2025-06-30"), {}}).is_ok());
    REQUIRE(sign_off(annual, Signatory::LeadOfficer, {"Dana Lead", "", d("2025-06-30"), "Reviewed"}).is_ok());

    // The reason is required, and "annual" is not a reason for an extra one.
    auto blank = extra_assessment(annual, provisions(), "x1", "   ");
    REQUIRE_FALSE(blank.is_ok());
    CHECK(blank.error().where == "self-assessment 2025, reason");
    CHECK(has(blank.error().message, "8.3"));
    CHECK_FALSE(extra_assessment(annual, provisions(), "x1", "annual").is_ok());

    auto extra = extra_assessment(annual, provisions(), "x1", "  Stock transfer of 800 homes from Example HA ");
    REQUIRE(extra.is_ok());
    const SelfAssessment& x = extra.value();
    CHECK(x.id == "x1");
    CHECK(x.year == 2025);
    CHECK(x.reason == "Stock transfer of 800 homes from Example HA");
    CHECK(x.code_version == "2024");
    CHECK(x.copied_from == annual.id);
    CHECK_FALSE(is_signed(x));
    CHECK(count_answers(x).unanswered == 0);
    CHECK(count_answers(x).partly == 1);
    const ProvisionAnswer* a = find_answer(x, "4.1");
    REQUIRE(a != nullptr);
    CHECK(a->evidence == "One officer");
    REQUIRE(a->actions.size() == 1);  // the finished action is not carried over
    CHECK(a->actions[0].description == "Recruit a second officer");

    // It can be signed on its own; the yearly one is still the year's assessment.
    SelfAssessment signed_extra = x;
    REQUIRE(sign_off(signed_extra, Signatory::MemberResponsible, {"Cllr Vale", "", d("2025-11-02"), "After the transfer"}).is_ok());
    CHECK(signed_extra.member_responsible.role == "Member Responsible for Complaints");
    Dataset ds;
    ds.assessments = {annual, signed_extra};
    CHECK(assessment_for_year(ds, 2025)->id == annual.id);
}

// ---------------------------------------------------------------------------
// 24.15: the self-assessment CSV in the shape of the Ombudsman's form

namespace {

// RFC 4180: the rows and cells of a CSV (after its byte-order mark).
std::vector<Strings> parse_csv(const std::string& text) {
    std::vector<Strings> rows;
    Strings row;
    std::string cell;
    bool quoted = false;
    for (size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        if (quoted) {
            if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') { cell += '"'; ++i; }
            else if (ch == '"') quoted = false;
            else cell += ch;
        } else if (ch == '"') quoted = true;
        else if (ch == ',') { row.push_back(cell); cell.clear(); }
        else if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            row.push_back(cell); cell.clear(); rows.push_back(row); row.clear(); ++i;
        } else cell += ch;
    }
    if (!cell.empty() || !row.empty()) { row.push_back(cell); rows.push_back(row); }
    return rows;
}

const char kBom[] = "\xEF\xBB\xBF";

std::vector<Strings> assessment_csv_rows(const SelfAssessment* a) {
    AssessmentDocument doc{a, &provisions(), nullptr, financial_year(2024), "Example Homes"};
    const std::string csv = self_assessment_csv(doc);
    REQUIRE(csv.rfind(kBom, 0) == 0);
    return parse_csv(csv.substr(3));
}

const Strings& csv_row(const std::vector<Strings>& rows, const std::string& provision) {
    for (const auto& r : rows)
        if (!r.empty() && r[0] == provision) return r;
    FAIL("no row for " << provision);
    return rows.front();
}

}  // namespace

TEST_CASE("24.15: the self-assessment CSV starts with a byte-order mark and the exact header row") {
    const SelfAssessment a = all_yes(2024);
    AssessmentDocument doc{&a, &provisions(), nullptr, financial_year(2024), ""};
    const std::string csv = self_assessment_csv(doc);
    CHECK(csv.rfind(kBom, 0) == 0);  // Excel reads UTF-8 without it as Windows-1252
    CHECK(csv.substr(3, csv.find("\r\n") - 3) ==
          "Provision,Requirement,Mandatory,Complies,Evidence,Commentary / explanation,Section,Number in section,"
          "Section title,Measured from records,Action required,Action owner,Completion date,Action status,"
          "Answer in Doorstep,Warnings");
    CHECK(render_self_assessment(doc, OutputFormat::Csv) == csv);  // the CLI's and the screen's download are the same
    for (const auto& r : parse_csv(csv.substr(3))) CHECK(r.size() == 16);
}

TEST_CASE("24.15: the self-assessment CSV answers Mandatory and Complies with Yes or No") {
    SelfAssessment a = new_self_assessment(provisions(), 2024, "sa");
    REQUIRE(answer(a, "1.2", Compliance::Yes, "Policy", "").is_ok());
    REQUIRE(answer(a, "1.3", Compliance::Partly, "Policy", "Not always offered").is_ok());
    REQUIRE(answer(a, "1.4", Compliance::No, "", "No register yet").is_ok());
    REQUIRE(answer(a, "1.5", Compliance::NotApplicable, "", "").is_ok());
    const auto rows = assessment_csv_rows(&a);
    REQUIRE(rows.size() == 73);
    CHECK(csv_row(rows, "1.2")[3] == "Yes");
    CHECK(csv_row(rows, "1.3")[3] == "No");       // the form has no "Partly": only full compliance is Yes
    CHECK(csv_row(rows, "1.3")[14] == "Partly");  // Doorstep's own answer is kept
    CHECK(csv_row(rows, "1.4")[3] == "No");
    CHECK(csv_row(rows, "1.5")[3] == "");         // not a Yes or No: left for the landlord to decide
    CHECK(csv_row(rows, "1.5")[14] == "Not applicable");
    CHECK(csv_row(rows, "1.6")[3] == "");         // not answered
    CHECK(csv_row(rows, "1.6")[14] == "Not answered");
    int shoulds = 0;
    for (size_t i = 1; i < rows.size(); ++i) {
        const Provision* p = find_provision(provisions(), rows[i][0]);
        REQUIRE(p != nullptr);
        CHECK(rows[i][2] == (p->must ? "Yes" : "No"));
        if (!p->must) ++shoulds;
        for (const std::string& v : {rows[i][2], rows[i][3]})
            CHECK((v == "Yes" || v == "No" || v.empty()));  // never true/false or 1/0
    }
    CHECK(shoulds > 0);
    // With no assessment recorded every provision is listed, Complies blank.
    const auto none = assessment_csv_rows(nullptr);
    REQUIRE(none.size() == 73);
    for (size_t i = 1; i < none.size(); ++i) CHECK(none[i][3] == "");
}

TEST_CASE("24.15: a comma, a quote and a line break in the evidence are escaped in the self-assessment CSV") {
    SelfAssessment a = all_yes(2024);
    const std::string evidence = "Policy, section 4 \"What is a complaint?\"\nand the staff guide";
    REQUIRE(answer(a, "2.1", Compliance::Yes, evidence, "=1+1 is not a formula").is_ok());
    AssessmentDocument doc{&a, &provisions(), nullptr, financial_year(2024), ""};
    const std::string csv = self_assessment_csv(doc);
    CHECK(has(csv, ",\"Policy, section 4 \"\"What is a complaint?\"\"\nand the staff guide\","));
    const auto rows = parse_csv(csv.substr(3));
    REQUIRE(rows.size() == 73);
    CHECK(csv_row(rows, "2.1")[4] == evidence);
    CHECK(csv_row(rows, "2.1")[5] == "'=1+1 is not a formula");  // a spreadsheet must not run it
    CHECK(csv_row(rows, "2.1").size() == 16);
}

TEST_CASE("24.15: the self-assessment CSV has one row per provision in the Code's order") {
    SelfAssessment a = all_yes(2024);
    REQUIRE(answer(a, "5.10", Compliance::Partly, "Register", "Reviews late").is_ok());
    REQUIRE(add_assessment_action(a, "5.10", {"Review all", "Tenancy manager", ActionStatus::InProgress, d("2025-06-30"),
                                               {{d("2025-04-10"), "Started"}}}).is_ok());
    REQUIRE(add_assessment_action(a, "5.10", {"Add review dates", "Systems lead", ActionStatus::NotStarted, d("2025-03-31"), {}}).is_ok());
    const auto rows = assessment_csv_rows(&a);
    REQUIRE(rows.size() == 1 + provisions().size());
    REQUIRE(provisions().size() == 72);
    for (size_t i = 0; i < provisions().size(); ++i) {
        const Provision& p = provisions()[i];
        const Strings& r = rows[i + 1];
        CHECK(r[0] == p.number);
        CHECK(r[1] == p.summary);  // the longest wording Doorstep holds of the provision
        CHECK(r[6] == std::to_string(p.section));
        CHECK(r[8] == p.section_title);
    }
    CHECK(rows[1][0] == "1.2");
    CHECK(rows.back()[0] == "9.8");
    // 5.9 comes before 5.10 (the Code's order, not the text's), and both are told apart
    // by numbers a spreadsheet keeps: section 5, numbers 9 and 10.
    size_t at59 = 0, at510 = 0;
    for (size_t i = 1; i < rows.size(); ++i) {
        if (rows[i][0] == "5.9") at59 = i;
        if (rows[i][0] == "5.10") at510 = i;
    }
    REQUIRE(at59 > 0);
    CHECK(at510 == at59 + 1);
    CHECK(rows[at510][6] == "5");
    CHECK(rows[at510][7] == "10");
    // 5.10's two actions share its row: each on its own line, owners, the last due date (ISO).
    const Strings& r = rows[at510];
    CHECK(r[10] == "Review all\n2025-04-10: Started\nAdd review dates");
    CHECK(r[11] == "Tenancy manager\nSystems lead");
    CHECK(r[12] == "2025-06-30");
    CHECK(r[13] == "In progress");
    CHECK(csv_row(rows, "5.9")[12] == "");
}
