// Imported records are checked, not trusted (issue 18.6): derived flags are
// recomputed on import, and Code breaches in a case's history are kept but
// listed as findings, counted by status, reports and the self-assessment alike.
#include <doctest/doctest.h>

#include "core/data/case_json.h"
#include "core/rules/deadlines.h"
#include "core/demo/demo.h"
#include "core/rules/derived_flags.h"
#include "core/rules/findings.h"
#include "core/data/import.h"
#include "core/reports/reports.h"
#include "core/reports/self_assessment.h"
#include "core/data/settings_defaults.h"

#include <algorithm>
#include <string>

using namespace doorstep;

namespace {

Date d(const char* iso) { return *parse_iso_date(iso); }

Settings settings() {
    Settings s = default_settings();
    s.refusal_grounds = {{"twelve_months", "Issue more than 12 months old", "2.3", ReviewBody::HousingOmbudsman, true},
                         {"legal", "Legal proceedings started", "2.2", ReviewBody::HousingOmbudsman, false}};
    return s;
}

// A clean 2024-Code complaint: received Mon 3 Feb 2025, acknowledged Wed 5 Feb, answered Wed 12 Feb.
Case answered_complaint(const char* id = "0b4e28ba-2fa1-4d2e-883f-0016d3cca401", const char* ref = "DS-2025-000001") {
    Case c;
    c.id = id;
    c.reference = ref;
    c.received = d("2025-02-03");
    c.resident.name = "Alex Sample";
    Stage s;
    s.number = 1;
    s.opened = c.received;
    s.acknowledged = d("2025-02-05");
    s.investigator = "Pat Investigator";
    s.approver = "Kim Manager";
    s.definition = "Damp not fixed";
    s.outcome_sought = "Repair";
    s.points = {{"Repair late", Decision::Upheld, "Repairs policy 4.2"}};
    s.responded = d("2025-02-12");
    c.stages.push_back(s);
    return c;
}

Extension extension(int days, const char* decided, const char* good_reason = "") {
    Extension e;
    e.working_days = days;
    e.reason = "Survey needed";
    e.decided_on = d(decided);
    e.resident_told = d(decided);
    e.ombudsman_details_given = true;
    e.good_reason = good_reason;
    return e;
}

// Stage 2 asked for on `requested`, handled by someone new.
Stage& escalate(Case& c, const char* requested, const char* discretion = "") {
    Stage s;
    s.number = 2;
    s.opened = d(requested);
    s.escalation = Escalation{d(requested), "", false, discretion};
    s.investigator = "Chris Senior";
    c.stages.push_back(s);
    return c.stages.back();
}

Dataset one_case(const Case& c) {
    Dataset ds;
    ds.settings = settings();
    ds.cases = {c};
    return ds;
}

Result<Dataset> round_trip(const Dataset& ds) { return parse_dataset(export_dataset(ds, "2025-06-01T09:00")); }

std::vector<std::string> texts(const std::vector<Finding>& fs) {
    std::vector<std::string> out;
    for (const Finding& f : fs) out.push_back(f.text());
    return out;
}

}  // namespace

TEST_CASE("6.4: import keeps an extension over the limit without a good reason, recomputes its flag and lists it") {
    Case c = answered_complaint();
    c.stages[0].responded = d("2025-03-14");
    c.stages[0].extensions = {extension(15, "2025-02-14")};
    c.stages[0].extensions[0].beyond_limit = false;  // the file says it is within the limit: not trusted
    const Result<Dataset> r = round_trip(one_case(c));
    REQUIRE(r.is_ok());  // a Code breach in the history, not impossible data
    CHECK(r->cases[0].stages[0].extensions[0].beyond_limit);
    const std::vector<Finding> f = dataset_findings(*r);
    REQUIRE(f.size() == 1);
    CHECK(f[0].kind == FindingKind::ExtensionBeyondLimit);
    CHECK(f[0].provision == "6.4");
    CHECK(f[0].reference == "DS-2025-000001");
    CHECK(f[0].field == "stages[0].extensions[0].good_reason");
    CHECK(f[0].text() ==
          "DS-2025-000001: stages[0].extensions[0].good_reason: stage 1 extensions total 15 working days, over the "
          "limit of 10 working days, with no good reason recorded (6.4)");

    // With a good reason recorded it is no finding; a stored "beyond" flag within the limit is cleared.
    c.stages[0].extensions[0].good_reason = "Structural engineer's report";
    CHECK(case_findings(c, settings()).empty());
    Case within = answered_complaint();
    within.stages[0].extensions = {extension(10, "2025-02-10")};
    within.stages[0].extensions[0].beyond_limit = true;
    const Result<Dataset> w = round_trip(one_case(within));
    REQUIRE(w.is_ok());
    CHECK_FALSE(w->cases[0].stages[0].extensions[0].beyond_limit);
}

TEST_CASE("6.15: a stage 2 extension over 20 working days in total without a good reason is a finding") {
    Case c = answered_complaint();
    Stage& s2 = escalate(c, "2025-02-17");
    s2.acknowledged = d("2025-02-18");
    s2.extensions = {extension(10, "2025-03-03"), extension(11, "2025-03-20")};
    const std::vector<Finding> f = case_findings(c, settings());
    REQUIRE(f.size() == 1);
    CHECK(f[0].provision == "6.15");
    CHECK(f[0].field == "stages[1].extensions[1].good_reason");
    CHECK(extension_beyond_limit(c, c.stages[1], 1, settings()));
    CHECK_FALSE(extension_beyond_limit(c, c.stages[1], 0, settings()));
}

TEST_CASE("import: an escalation after the window is recomputed — without a discretion decision it is a finding") {
    // Stage 1 answered Wed 12 Feb 2025: the 4-week window ends Wed 12 Mar.
    Case c = answered_complaint();
    escalate(c, "2025-03-13");
    const Result<Dataset> r = round_trip(one_case(c));
    REQUIRE(r.is_ok());
    REQUIRE(r->cases[0].stages[1].escalation);
    CHECK(r->cases[0].stages[1].escalation->outside_window);
    const std::vector<Finding> f = dataset_findings(*r);
    REQUIRE(f.size() == 1);
    CHECK(f[0].kind == FindingKind::EscalationOutsideWindow);
    CHECK(f[0].field == "stages[1].escalation.discretion_decision");
    CHECK(f[0].message.find("after the escalation window closed on 12 Mar 2025") != std::string::npos);

    c.stages[1].escalation->discretion_decision = "Hospital stay delayed the request";
    CHECK(case_findings(c, settings()).empty());
    // On the window's last day it is within, whatever the file says.
    Case on_time = answered_complaint();
    escalate(on_time, "2025-03-12").escalation->outside_window = true;
    const Result<Dataset> t = round_trip(one_case(on_time));
    REQUIRE(t.is_ok());
    CHECK_FALSE(t->cases[0].stages[1].escalation->outside_window);
}

TEST_CASE("5.11: import recomputes whether a refusal was a refusal to escalate") {
    Case c = answered_complaint();
    Refusal r;
    r.ground_id = "legal";
    r.reasoning = "A claim was filed at court";
    r.decided_on = d("2025-02-04");
    c.stages[0].responded.reset();
    c.refusal = r;
    c.refusal->at_escalation = true;  // the file says stage 2, but there is none
    Result<Dataset> back = round_trip(one_case(c));
    REQUIRE(back.is_ok());
    CHECK_FALSE(back->cases[0].refusal->at_escalation);
    CHECK(build_report(*back, ReportOptions{financial_year(2024)}).refused_at_stage1 == 1);

    Case esc = answered_complaint();
    escalate(esc, "2025-02-17");
    esc.refusal = r;
    esc.refusal->decided_on = d("2025-02-18");
    back = round_trip(one_case(esc));
    REQUIRE(back.is_ok());
    CHECK(back->cases[0].refusal->at_escalation);
}

TEST_CASE("6.13: stage 2 handled or signed by the stage 1 investigator or signatory is a finding") {
    Case c = answered_complaint();
    Stage& s2 = escalate(c, "2025-02-17");
    s2.investigator = "pat investigator ";  // the same person, however typed
    s2.approver = "Kim Manager";
    const std::vector<Finding> f = case_findings(c, settings());
    REQUIRE(f.size() == 2);
    CHECK(f[0].provision == "6.13");
    CHECK(f[0].field == "stages[1].investigator");
    CHECK(f[0].message.find("was the stage 1 investigator") != std::string::npos);
    CHECK(f[1].field == "stages[1].approver");
    CHECK(f[1].message.find("was the stage 1 signatory") != std::string::npos);
    REQUIRE(round_trip(one_case(c)).is_ok());  // kept on import
}

TEST_CASE("2.3: a refusal on the 12-month ground without discretion considered is a finding") {
    Case c = answered_complaint();
    c.stages[0].responded.reset();
    Refusal r;
    r.ground_id = "twelve_months";
    r.reasoning = "Raised 14 months after the repair";
    r.decided_on = d("2025-02-05");
    c.refusal = r;
    std::vector<Finding> f = case_findings(c, settings());
    REQUIRE(f.size() == 1);
    CHECK(f[0].provision == "2.3");
    CHECK(f[0].field == "refusal.discretion_decision");
    c.refusal->ground_id = "legal";  // a ground that needs no discretion
    CHECK(case_findings(c, settings()).empty());
    c.refusal->ground_id = "twelve_months";
    c.refusal->discretion_considered = true;
    c.refusal->discretion_decision = "No health or safeguarding reason for the delay";
    CHECK(case_findings(c, settings()).empty());
}

TEST_CASE("3.6: a representative without the resident's consent is a finding — councillors and MPs have implied consent") {
    Case c = answered_complaint();
    c.representative = {RepresentativeKind::FamilyOrFriend, "Sam Helper", "", false, std::nullopt};
    std::vector<Finding> f = case_findings(c, settings());
    REQUIRE(f.size() == 1);
    CHECK(f[0].provision == "3.6");
    CHECK(f[0].field == "representative.consent_given");
    c.representative.kind = RepresentativeKind::MP;
    CHECK(case_findings(c, settings()).empty());
}

TEST_CASE("6.10: stage 2 opened before the stage 1 response is a finding") {
    Case c = answered_complaint();
    escalate(c, "2025-02-10");  // stage 1 answered 12 Feb
    std::vector<Finding> f = case_findings(c, settings());
    REQUIRE(f.size() == 1);
    CHECK(f[0].kind == FindingKind::StageBeforePreviousResponse);
    CHECK(f[0].field == "stages[1].opened");
    CHECK(f[0].message.find("before the stage 1 response on 12 Feb 2025") != std::string::npos);
    c.stages[0].responded.reset();
    f = case_findings(c, settings());
    REQUIRE(f.size() == 1);
    CHECK(f[0].message.find("stage 1 has no response") != std::string::npos);
    REQUIRE(round_trip(one_case(c)).is_ok());
}

TEST_CASE("6.9: a complaint closed as resolved with no response is a finding — a withdrawal is not") {
    Case c = answered_complaint();
    c.stages[0].responded.reset();
    c.closure = Closure{d("2025-02-20"), ClosureReason::Resolved, "", ""};
    std::vector<Finding> f = case_findings(c, settings());
    REQUIRE(f.size() == 1);
    CHECK(f[0].provision == "6.9");
    CHECK(f[0].field == "closure.reason");
    c.closure->reason = ClosureReason::Withdrawn;
    c.closure->withdrawn_by = "Resident";
    CHECK(case_findings(c, settings()).empty());
}

TEST_CASE("2024 Code: a case marked as handled under the 2022 Code but received on or after 1 April 2024 is a finding") {
    Case c = answered_complaint();
    c.code = CodeVersion::Code2022;
    std::vector<Finding> f = case_findings(c, settings());
    REQUIRE(f.size() == 1);
    CHECK(f[0].kind == FindingKind::OldCodeAfterCommencement);
    CHECK(f[0].field == "code");
    c.received = d("2024-03-28");
    c.stages[0].opened = c.received;
    CHECK(case_findings(c, settings()).empty());
}

TEST_CASE("6.4: status, the report and the self-assessment count the breach the findings list") {
    // Received Mon 3 Feb 2025, acknowledged Wed 5 Feb: base due Wed 19 Feb. 15 WD without a good reason,
    // the stored flag saying "within": only 10 count, so due Wed 5 Mar; answered Fri 14 Mar.
    Case c = answered_complaint();
    c.stages[0].extensions = {extension(15, "2025-02-14")};
    c.stages[0].responded = d("2025-03-14");
    Dataset ds = one_case(c);
    REQUIRE(dataset_findings(ds).size() == 1);

    CHECK(status(c, d("2025-03-20"), ds.settings, ds.settings.calendar()).findings == 1);
    CHECK(status(answered_complaint(), d("2025-03-20"), ds.settings, ds.settings.calendar()).findings == 0);

    const Report r = build_report(ds, ReportOptions{financial_year(2024)});
    CHECK(r.stage1.beyond_limit_no_reason == 1);
    CHECK(r.stage1.beyond_limit_good_reason == 0);
    CHECK(r.findings == 1);
    REQUIRE(r.tsm.stage1_missed.size() == 1);
    CHECK(r.tsm.stage1_missed[0].reason.find("without a recorded good reason") != std::string::npos);

    const std::vector<MeasuredEvidence> ev = measure_evidence(ds, financial_year(2024));
    const auto m = std::find_if(ev.begin(), ev.end(), [](const MeasuredEvidence& e) {
        return e.provision == "6.4" && e.measure == "Stage 1 extensions within the limit or with a good reason";
    });
    REQUIRE(m != ev.end());
    CHECK(m->applicable == 1);
    CHECK(m->met == 0);
    CHECK(m->breaches == std::vector<std::string>{"DS-2025-000001"});
}

TEST_CASE("findings: a case handled through the workflow, and the demo data, have none") {
    CHECK(case_findings(answered_complaint(), settings()).empty());
    DemoOptions o;
    o.cases = 300;
    const Result<Demo> demo = make_demo(o);
    REQUIRE(demo.is_ok());
    CHECK(texts(dataset_findings(demo->dataset)) == std::vector<std::string>{});
}
