// Oversight rules: Ombudsman referrals, determinations and orders; surveys;
// remedies offered and answered; member enquiries becoming complaints with the
// resident's consent; exceptional non-compliance (8.5). Each rule has a test
// that fails without it, and every refusal leaves the record as it was.
#include "case_fixtures.h"

#include <doctest/doctest.h>

#include "core/data/case_json.h"
#include "core/rules/deadlines.h"
#include "core/data/import.h"
#include "core/rules/oversight.h"
#include "core/reports/reports.h"
#include "core/model/settings.h"
#include "core/data/settings_defaults.h"
#include "core/rules/workflow.h"

#include <string>

using namespace doorstep;

namespace {

using fixtures::d;

const Settings& S() { return fixtures::code_defaults(); }

const Actor kOfficer{"Jo Placeholder", "2025-02-03T10:00"};
const Actor kManager{"Pat Demo", "2025-02-03T11:00"};

NewCase details(CaseKind kind = CaseKind::Complaint, const char* received = "2025-02-03", uint32_t counter = 1) {
    NewCase n;
    n.id = "5a1c2e3f-0000-4000-8000-00000000000" + std::to_string(counter % 10);
    n.counter = counter;
    n.kind = kind;
    n.received = d(received);
    n.resident.name = "Ada Sample";
    n.own_words = "The boiler has been broken for two weeks.";
    n.outcome_wanted = "Fix the boiler";
    n.category_id = "repairs";
    return n;
}

Case open_complaint() {
    auto r = new_case(details(), S(), kOfficer);
    REQUIRE(r.is_ok());
    return std::move(*r);
}

// Stage `stage_no` acknowledged on `ack`, its one point upheld, answered on `answered`, by `by`.
void acknowledge_and_answer(Case& c, int stage_no, const char* ack, const char* answered, const Actor& by) {
    AcknowledgementDetails a;
    a.definition = "The boiler fault reported in January was not repaired.";
    a.points = {DefinitionPoint{"Delay repairing the boiler", Decision::Undecided, ""}};
    a.outcome_sought = "Boiler fixed";
    a.investigator = by.name;
    REQUIRE(acknowledge(c, stage_no, d(ack), a, S(), by).is_ok());
    REQUIRE(decide_point(c, stage_no, 0, Decision::Upheld, "Repairs policy 4.2", by).is_ok());
    REQUIRE(record_response(c, stage_no, d(answered), ResponseDetails{"Upheld", "", ""}, S(), by).is_ok());
}

// Stage 1 acknowledged 5 Feb, decided and answered 14 Feb 2025.
Case answered_complaint() {
    Case c = open_complaint();
    acknowledge_and_answer(c, 1, "2025-02-05", "2025-02-14", kOfficer);
    return c;
}

std::string where_of(const Status& st) { return st.is_ok() ? "(accepted)" : st.error().where; }

// A rule refused: the error names the field, and nothing changed.
void refused(const Case& before, const Case& after, const Status& st, const char* field) {
    REQUIRE_FALSE(st.is_ok());
    CHECK(st.error().where.find(field) != std::string::npos);
    CHECK_FALSE(st.error().message.empty());
    CHECK(case_to_text(before) == case_to_text(after));
}

}  // namespace

// ---------------------------------------------------------------------------
// Housing Ombudsman

TEST_CASE("refer_to_ombudsman: once, a complaint, dated from receipt, with the Ombudsman's reference") {
    Case c = answered_complaint();
    const size_t audit = c.audit.size();
    Case before = c;
    refused(before, c, refer_to_ombudsman(c, d("2025-02-02"), "202512345", kManager), "ombudsman.referred");
    refused(before, c, refer_to_ombudsman(c, d("2025-03-10"), "  ", kManager), "ombudsman.reference");

    REQUIRE(refer_to_ombudsman(c, d("2025-03-10"), "202512345", kManager).is_ok());
    REQUIRE(c.ombudsman);
    CHECK(c.ombudsman->referred == d("2025-03-10"));
    CHECK(c.ombudsman->reference == "202512345");
    CHECK(c.ombudsman->determination == Determination::Pending);
    REQUIRE(c.audit.size() == audit + 1);
    CHECK(c.audit.back().who == "Pat Demo");
    CHECK(c.audit.back().what.find("202512345") != std::string::npos);

    before = c;
    refused(before, c, refer_to_ombudsman(c, d("2025-03-11"), "202599999", kManager), "ombudsman");

    // 3.7: residents may go to the Ombudsman at any time: no response is needed first.
    Case fresh = open_complaint();
    CHECK(refer_to_ombudsman(fresh, d("2025-02-04"), "202500001", kManager).is_ok());

    auto sr = new_case(details(CaseKind::ServiceRequest), S(), kOfficer);
    REQUIRE(sr.is_ok());
    Case sr_before = *sr;
    refused(sr_before, *sr, refer_to_ombudsman(*sr, d("2025-03-10"), "202512345", kManager), "kind");
}

TEST_CASE("record_determination: after a referral, a real determination, not before the referral, once") {
    Case c = answered_complaint();
    Case before = c;
    refused(before, c, record_determination(c, Determination::Maladministration, d("2025-06-01"), kManager), "ombudsman");
    REQUIRE(refer_to_ombudsman(c, d("2025-03-10"), "202512345", kManager).is_ok());
    before = c;
    refused(before, c, record_determination(c, Determination::Pending, d("2025-06-01"), kManager), "ombudsman.determination");
    refused(before, c, record_determination(c, Determination::Maladministration, d("2025-03-09"), kManager),
            "ombudsman.determined");
    REQUIRE(record_determination(c, Determination::Maladministration, d("2025-06-01"), kManager).is_ok());
    CHECK(c.ombudsman->determination == Determination::Maladministration);
    CHECK(c.ombudsman->determined == d("2025-06-01"));
    CHECK(c.audit.back().what.find("Maladministration") != std::string::npos);
    before = c;
    refused(before, c, record_determination(c, Determination::NoMaladministration, d("2025-06-02"), kManager),
            "ombudsman.determination");
}

TEST_CASE("add_order: complaint handling failure orders while pending — orders follow adverse findings only") {
    Case c = answered_complaint();
    Case before = c;
    refused(before, c, add_order(c, "Respond to the complaint", d("2025-03-20"), kManager), "ombudsman");
    REQUIRE(refer_to_ombudsman(c, d("2025-03-10"), "202512345", kManager).is_ok());

    before = c;
    refused(before, c, add_order(c, "Respond to the complaint", d("2025-03-09"), kManager), "ombudsman.orders[0].due");
    refused(before, c, add_order(c, " ", d("2025-03-20"), kManager), "ombudsman.orders[0].description");
    REQUIRE(add_order(c, "Respond to the complaint", d("2025-03-20"), kManager).is_ok());  // pending: a failure order
    REQUIRE(c.ombudsman->orders.size() == 1);
    CHECK(c.ombudsman->orders[0].due == d("2025-03-20"));

    REQUIRE(record_determination(c, Determination::ServiceFailure, d("2025-06-01"), kManager).is_ok());
    before = c;
    refused(before, c, add_order(c, "Pay £150", d("2025-05-31"), kManager), "ombudsman.orders[1].due");  // before the determination
    REQUIRE(add_order(c, "Pay £150", d("2025-06-29"), kManager).is_ok());
    CHECK(c.ombudsman->orders.size() == 2);

    for (Determination none : {Determination::ReasonableRedress, Determination::NoMaladministration,
                               Determination::OutsideJurisdiction, Determination::Withdrawn}) {
        Case x = answered_complaint();
        REQUIRE(refer_to_ombudsman(x, d("2025-03-10"), "202512345", kManager).is_ok());
        REQUIRE(record_determination(x, none, d("2025-06-01"), kManager).is_ok());
        Case xb = x;
        refused(xb, x, add_order(x, "Apologise", d("2025-06-29"), kManager), "ombudsman.orders[0]");
    }
    CHECK(is_adverse_finding(Determination::SevereMaladministration));
    CHECK_FALSE(is_adverse_finding(Determination::ReasonableRedress));
}

TEST_CASE("complete_order: evidence required, not before the referral, once — the obligation then goes") {
    Case c = answered_complaint();
    REQUIRE(refer_to_ombudsman(c, d("2025-03-10"), "202512345", kManager).is_ok());
    REQUIRE(record_determination(c, Determination::Maladministration, d("2025-06-01"), kManager).is_ok());
    REQUIRE(add_order(c, "Apologise in writing", d("2025-06-29"), kManager).is_ok());

    const Calendar cal = S().calendar();
    auto order_due = [&](const Case& x) {
        for (const Obligation& o : open_obligations(x, d("2025-06-10"), S(), cal))
            if (o.what == NextAction::ComplyWithOmbudsmanOrder) return true;
        return false;
    };
    CHECK(order_due(c));

    Case before = c;
    refused(before, c, complete_order(c, 1, d("2025-06-20"), "Letter sent", kManager), "ombudsman.orders[1]");
    refused(before, c, complete_order(c, 0, d("2025-06-20"), "", kManager), "ombudsman.orders[0].evidence");
    refused(before, c, complete_order(c, 0, d("2025-03-01"), "Letter sent", kManager), "ombudsman.orders[0].completed");
    REQUIRE(complete_order(c, 0, d("2025-07-02"), "Copy of the apology letter sent to the Ombudsman", kManager).is_ok());
    CHECK(c.ombudsman->orders[0].completed == d("2025-07-02"));
    CHECK(c.ombudsman->orders[0].evidence == "Copy of the apology letter sent to the Ombudsman");
    CHECK(c.audit.back().what.find("after it was due") != std::string::npos);
    CHECK_FALSE(order_due(c));
    before = c;
    refused(before, c, complete_order(c, 0, d("2025-07-03"), "Again", kManager), "ombudsman.orders[0].completed");
}

TEST_CASE("Ombudsman records made here are the ones the reports count") {
    Dataset ds;
    ds.settings = S();
    Case c = answered_complaint();
    REQUIRE(refer_to_ombudsman(c, d("2025-03-10"), "202512345", kManager).is_ok());
    REQUIRE(record_determination(c, Determination::SevereMaladministration, d("2025-06-01"), kManager).is_ok());
    REQUIRE(add_order(c, "Apologise", d("2025-06-29"), kManager).is_ok());
    REQUIRE(add_order(c, "Review repairs", d("2025-08-29"), kManager).is_ok());
    REQUIRE(complete_order(c, 0, d("2025-07-02"), "Letter", kManager).is_ok());  // late
    ds.cases.push_back(c);
    const Report r = build_report(ds, ReportOptions{financial_year(2025)});
    CHECK(r.ombudsman.referred == 0);  // March 2025 is in 2024/25
    CHECK(r.ombudsman.determined == 1);
    CHECK(r.ombudsman.maladministration_findings == 1);
    CHECK(r.ombudsman.orders == 2);
    CHECK(r.ombudsman.orders_complied_late == 1);
}

// ---------------------------------------------------------------------------
// Survey

TEST_CASE("offer_survey: complaints only, after that stage's response, once per stage") {
    Case open = open_complaint();
    Case before = open;
    refused(before, open, offer_survey(open, 1, d("2025-02-20"), kOfficer), "surveys[0].on");

    Case c = answered_complaint();
    before = c;
    refused(before, c, offer_survey(c, 1, d("2025-02-13"), kOfficer), "surveys[0].on");  // the day before the response
    refused(before, c, offer_survey(c, 2, d("2025-02-20"), kOfficer), "surveys[0].stage");  // no stage 2
    REQUIRE(offer_survey(c, 1, d("2025-02-14"), kOfficer).is_ok());
    REQUIRE(c.surveys.size() == 1);
    CHECK(c.surveys[0].stage == 1);
    CHECK(c.surveys[0].offered);
    CHECK(c.surveys[0].on == d("2025-02-14"));
    CHECK(find_survey(c, 1) == &c.surveys[0]);
    CHECK(find_survey(c, 2) == nullptr);
    CHECK(c.audit.back().what == "Satisfaction survey offered on 14 Feb 2025 after the stage 1 response");
    before = c;
    refused(before, c, offer_survey(c, 1, d("2025-02-20"), kOfficer), "surveys[0].offered");

    auto compliment = new_case(details(CaseKind::Compliment), S(), kOfficer);
    REQUIRE(compliment.is_ok());
    Case cb = *compliment;
    refused(cb, *compliment, offer_survey(*compliment, 1, d("2025-02-20"), kOfficer), "kind");
}

TEST_CASE("record_survey_answers: offered first, scores 1..5 (0 = skipped), at least one, not before the offer") {
    Case c = answered_complaint();
    Case before = c;
    refused(before, c, record_survey_answers(c, 1, d("2025-02-20"), {4, 4, 4}, kOfficer), "surveys");
    REQUIRE(offer_survey(c, 1, d("2025-02-17"), kOfficer).is_ok());
    before = c;
    refused(before, c, record_survey_answers(c, 1, d("2025-02-20"), {6, 4, 4}, kOfficer), "surveys[0].satisfied_handling");
    refused(before, c, record_survey_answers(c, 1, d("2025-02-20"), {4, -1, 4}, kOfficer), "surveys[0].satisfied_outcome");
    refused(before, c, record_survey_answers(c, 1, d("2025-02-20"), {4, 4, 9}, kOfficer), "surveys[0].felt_listened");
    refused(before, c, record_survey_answers(c, 1, d("2025-02-20"), {0, 0, 0}, kOfficer), "surveys[0]");
    refused(before, c, record_survey_answers(c, 1, d("2025-02-16"), {4, 4, 4}, kOfficer), "surveys[0].answered_on");
    refused(before, c, record_survey_answers(c, 2, d("2025-02-20"), {4, 4, 4}, kOfficer), "surveys");  // no stage 2 survey

    REQUIRE(record_survey_answers(c, 1, d("2025-02-20"), {5, 2, 0}, kOfficer).is_ok());
    const Survey& s = c.surveys[0];
    CHECK(s.answered);
    CHECK_FALSE(s.declined);
    CHECK(s.answered_on == d("2025-02-20"));
    CHECK(s.satisfied_handling == 5);
    CHECK(s.satisfied_outcome == 2);
    CHECK(s.felt_listened == 0);
    before = c;
    refused(before, c, record_survey_answers(c, 1, d("2025-02-21"), {1, 1, 1}, kOfficer), "surveys[0].answered");
    refused(before, c, record_survey_declined(c, 1, d("2025-02-21"), kOfficer), "surveys[0].answered");

    Dataset ds;
    ds.settings = S();
    ds.cases.push_back(c);
    const Report r = build_report(ds, ReportOptions{financial_year(2024)});
    CHECK(r.satisfaction_stage1.offered.numerator == 1);
    CHECK(r.satisfaction_stage1.answered.numerator == 1);
    CHECK(r.satisfaction_stage1.satisfied_handling.numerator == 1);
    CHECK(r.satisfaction_stage1.satisfied_outcome.numerator == 0);
    CHECK(r.satisfaction_stage1.satisfied_outcome.denominator == 1);
}

TEST_CASE("record_survey_declined: offered first, not before the offer, then neither answered nor declined again") {
    Case c = answered_complaint();
    Case before = c;
    refused(before, c, record_survey_declined(c, 1, d("2025-02-20"), kOfficer), "surveys");
    REQUIRE(offer_survey(c, 1, d("2025-02-17"), kOfficer).is_ok());
    before = c;
    refused(before, c, record_survey_declined(c, 1, d("2025-02-14"), kOfficer), "surveys[0].answered_on");
    REQUIRE(record_survey_declined(c, 1, d("2025-02-18"), kOfficer).is_ok());
    CHECK(c.surveys[0].declined);
    CHECK_FALSE(c.surveys[0].answered);
    CHECK(c.surveys[0].answered_on == d("2025-02-18"));
    CHECK(c.audit.back().what == "The resident declined the stage 1 survey on 18 Feb 2025");
    before = c;
    refused(before, c, record_survey_declined(c, 1, d("2025-02-19"), kOfficer), "surveys[0].declined");
    refused(before, c, record_survey_answers(c, 1, d("2025-02-19"), {3, 3, 3}, kOfficer), "surveys[0].declined");
}

namespace {

// answered_complaint, escalated 17 Feb, stage 2 acknowledged 19 Feb and answered 7 Mar 2025 (by a manager, 6.13).
Case answered_at_stage2() {
    Case c = answered_complaint();
    EscalationRequest e;
    e.on = d("2025-02-17");
    REQUIRE(request_escalation(c, e, S(), kOfficer).is_ok());
    acknowledge_and_answer(c, 2, "2025-02-19", "2025-03-07", kManager);
    return c;
}

}  // namespace

TEST_CASE("surveys: a stage 1 survey and a later stage 2 survey on one case, each counted against its stage") {
    Case c = answered_at_stage2();
    REQUIRE(offer_survey(c, 1, d("2025-02-14"), kOfficer).is_ok());
    REQUIRE(record_survey_answers(c, 1, d("2025-02-15"), {2, 1, 3}, kOfficer).is_ok());
    REQUIRE(offer_survey(c, 2, d("2025-03-10"), kManager).is_ok());
    REQUIRE(record_survey_answers(c, 2, d("2025-03-12"), {5, 4, 5}, kManager).is_ok());
    REQUIRE(c.surveys.size() == 2);
    CHECK(find_survey(c, 1)->satisfied_handling == 2);
    CHECK(find_survey(c, 2)->satisfied_handling == 5);

    // A second case surveyed after stage 1 only, and declined.
    Case other = answered_complaint();
    other.id = "5a1c2e3f-0000-4000-8000-000000000009";
    other.reference = "DS-2025-000009";
    REQUIRE(offer_survey(other, 1, d("2025-02-18"), kOfficer).is_ok());
    REQUIRE(record_survey_declined(other, 1, d("2025-02-19"), kOfficer).is_ok());

    Dataset ds;
    ds.settings = S();
    ds.settings.survey_target_stage1_pct = 50;
    ds.settings.survey_target_stage2_pct = 100;
    ds.cases = {c, other};
    const Report r = build_report(ds, ReportOptions{financial_year(2024)});
    // Stage 1: both cases answered at stage 1 in the year, both surveyed; one answered, one declined.
    const SatisfactionStage& s1 = r.satisfaction_stage1;
    CHECK(s1.responded_cases == 2);
    CHECK(s1.offered.numerator == 2);
    CHECK(s1.offered.denominator == 2);
    CHECK(s1.answered.numerator == 1);
    CHECK(s1.answered.denominator == 2);
    CHECK(s1.declined == 1);
    CHECK(*s1.mean_handling == doctest::Approx(2.0));
    CHECK(s1.satisfied_handling.numerator == 0);
    CHECK(s1.satisfied_handling.denominator == 1);
    CHECK(s1.target_pct == 50);
    // Stage 2: the first case only, with its own survey's scores.
    const SatisfactionStage& s2 = r.satisfaction_stage2;
    CHECK(s2.responded_cases == 1);
    CHECK(s2.offered.numerator == 1);
    CHECK(s2.answered.numerator == 1);
    CHECK(s2.declined == 0);
    CHECK(*s2.mean_handling == doctest::Approx(5.0));
    CHECK(*s2.mean_outcome == doctest::Approx(4.0));
    CHECK(*s2.mean_listened == doctest::Approx(5.0));
    CHECK(s2.satisfied_outcome.numerator == 1);
    CHECK(s2.target_pct == 100);

    // Both surveys survive export and import unchanged.
    const Result<Case> back = parse_case(case_to_text(c));
    REQUIRE(back.is_ok());
    CHECK(case_to_text(*back) == case_to_text(c));
    const Result<Case> back_other = parse_case(case_to_text(other));
    REQUIRE(back_other.is_ok());
    CHECK(back_other->surveys.at(0).declined);
}

// ---------------------------------------------------------------------------
// Remedies offered

TEST_CASE("offer_remedy and record_remedy_answer: dated, in order, and a declined remedy lets the case close") {
    Case c = answered_complaint();
    Remedy apology;
    apology.type = RemedyType::Apology;
    apology.description = "Written apology for the delay";
    apology.due = d("2025-02-21");
    REQUIRE(add_remedy(c, 1, apology, S(), kOfficer).is_ok());
    Remedy visit = apology;
    visit.type = RemedyType::ActOnDelay;
    visit.description = "Engineer visit to replace the boiler";
    REQUIRE(add_remedy(c, 1, visit, S(), kOfficer).is_ok());

    Case before = c;
    refused(before, c, offer_remedy(c, 1, 5, d("2025-02-14"), kOfficer), "stages[0].remedies[5]");
    refused(before, c, offer_remedy(c, 2, 0, d("2025-02-14"), kOfficer), "stages");
    refused(before, c, offer_remedy(c, 1, 0, d("2025-02-02"), kOfficer), "stages[0].remedies[0].offered_on");
    refused(before, c, record_remedy_answer(c, 1, 0, true, d("2025-02-15"), kOfficer), "stages[0].remedies[0].state");

    REQUIRE(offer_remedy(c, 1, 0, d("2025-02-14"), kOfficer).is_ok());
    CHECK(c.stages[0].remedies[0].state == RemedyState::Offered);
    CHECK(c.stages[0].remedies[0].offered_on == d("2025-02-14"));
    before = c;
    refused(before, c, offer_remedy(c, 1, 0, d("2025-02-15"), kOfficer), "stages[0].remedies[0].state");
    refused(before, c, record_remedy_answer(c, 1, 0, true, d("2025-02-13"), kOfficer), "stages[0].remedies[0].answered_on");
    REQUIRE(record_remedy_answer(c, 1, 0, true, d("2025-02-17"), kOfficer).is_ok());
    CHECK(c.stages[0].remedies[0].state == RemedyState::Accepted);
    CHECK(c.stages[0].remedies[0].answered_on == d("2025-02-17"));

    REQUIRE(offer_remedy(c, 1, 1, d("2025-02-14"), kOfficer).is_ok());
    REQUIRE(record_remedy_answer(c, 1, 1, false, d("2025-02-18"), kOfficer).is_ok());
    CHECK(c.stages[0].remedies[1].state == RemedyState::Declined);

    // The accepted apology still has to be done (7.3); the declined visit does not.
    CHECK_FALSE(close(c, d("2025-03-20"), ClosureReason::Resolved, "", S(), kOfficer).is_ok());
    REQUIRE(complete_remedy(c, 1, 0, d("2025-02-19"), kOfficer).is_ok());
    CHECK(close(c, d("2025-03-20"), ClosureReason::Resolved, "", S(), kOfficer).is_ok());

    // Offers are made on open cases only.
    Remedy late = apology;
    c.stages[0].remedies.push_back(late);
    before = c;
    refused(before, c, offer_remedy(c, 1, 2, d("2025-03-21"), kOfficer), "closure");
}

// ---------------------------------------------------------------------------
// Member enquiries

TEST_CASE("member_enquiry_to_complaint: the resident's consent is recorded, and only enquiries convert") {
    NewCase en = details(CaseKind::MemberEnquiry, "2025-02-03", 3);
    en.representative = Representative{RepresentativeKind::Councillor, "Cllr Placeholder", "cllr@example.invalid", false, {}};
    auto made = new_case(en, S(), kOfficer);
    REQUIRE(made.is_ok());
    Case enquiry = *made;

    NewCase complaint = details(CaseKind::Complaint, "2025-02-06", 4);
    Case before = enquiry;
    auto r1 = member_enquiry_to_complaint(enquiry, complaint, {d("2025-02-06"), "  "}, S(), kOfficer);
    REQUIRE_FALSE(r1.is_ok());
    CHECK(r1.error().where.find("representative.consent_date") != std::string::npos);
    auto r2 = member_enquiry_to_complaint(enquiry, complaint, {d("2025-02-01"), "Phone call with the resident"}, S(), kOfficer);
    REQUIRE_FALSE(r2.is_ok());
    CHECK(r2.error().message.find("before the enquiry") != std::string::npos);
    CHECK(case_to_text(before) == case_to_text(enquiry));

    auto ok = member_enquiry_to_complaint(enquiry, complaint, {d("2025-02-06"), "Phone call with the resident"}, S(), kOfficer);
    REQUIRE(ok.is_ok());
    const Case& c = *ok;
    CHECK(c.kind == CaseKind::Complaint);
    CHECK(c.received == d("2025-02-06"));
    CHECK(c.representative.kind == RepresentativeKind::Councillor);
    CHECK(c.representative.consent_given);
    CHECK(c.representative.consent_date == d("2025-02-06"));
    CHECK(c.raised_from_case == enquiry.id);
    REQUIRE_FALSE(enquiry.linked_cases.empty());
    CHECK(enquiry.linked_cases.back() == c.id);
    CHECK(c.audit.back().what.find("Phone call with the resident") != std::string::npos);

    auto sr = new_case(details(CaseKind::ServiceRequest, "2025-02-03", 5), S(), kOfficer);
    REQUIRE(sr.is_ok());
    auto r3 = member_enquiry_to_complaint(*sr, complaint, {d("2025-02-06"), "Phone"}, S(), kOfficer);
    REQUIRE_FALSE(r3.is_ok());
    CHECK(r3.error().where.find("kind") != std::string::npos);
}

// ---------------------------------------------------------------------------
// Exceptional non-compliance (8.5)

TEST_CASE("record_non_compliance: id unique, described, any dates checked") {
    std::vector<NonComplianceEvent> events;
    NonComplianceEvent e{"nc-1", "Cyber incident: the case system is down", d("2025-05-01"), {}, {}, {}};
    NonComplianceEvent blank_id = e;
    blank_id.id = " ";
    CHECK(where_of(record_non_compliance(events, blank_id)) == "non_compliance  , id");
    NonComplianceEvent no_text = e;
    no_text.description = "";
    CHECK(where_of(record_non_compliance(events, no_text)) == "non_compliance nc-1, description");
    NonComplianceEvent early = e;
    early.ombudsman_told = d("2025-04-30");
    CHECK(where_of(record_non_compliance(events, early)) == "non_compliance nc-1, ombudsman_told");
    NonComplianceEvent returned_untold = e;
    returned_untold.compliance_returns = d("2025-05-09");
    CHECK(where_of(record_non_compliance(events, returned_untold)) == "non_compliance nc-1, residents_told");
    CHECK(events.empty());

    REQUIRE(record_non_compliance(events, e).is_ok());
    REQUIRE(events.size() == 1);
    CHECK(where_of(record_non_compliance(events, e)) == "non_compliance nc-1, id");
    CHECK(events.size() == 1);
}

TEST_CASE("8.5 steps: residents and the Ombudsman told, then compliance returns — each dated from the start, once") {
    NonComplianceEvent e{"nc-2", "Flood at the office", d("2025-05-01"), {}, {}, {}};
    CHECK(non_compliance_steps_left(e).size() == 3);

    CHECK(where_of(record_residents_told(e, d("2025-04-30"))) == "non_compliance nc-2, residents_told");
    CHECK_FALSE(e.residents_told);
    CHECK(where_of(record_compliance_returned(e, d("2025-05-09"))) == "non_compliance nc-2, residents_told");
    REQUIRE(record_residents_told(e, d("2025-05-02")).is_ok());
    CHECK(where_of(record_residents_told(e, d("2025-05-03"))) == "non_compliance nc-2, residents_told");
    CHECK(e.residents_told == d("2025-05-02"));

    CHECK(where_of(record_compliance_returned(e, d("2025-05-09"))) == "non_compliance nc-2, ombudsman_told");
    CHECK(where_of(record_ombudsman_told(e, d("2025-04-01"))) == "non_compliance nc-2, ombudsman_told");
    REQUIRE(record_ombudsman_told(e, d("2025-05-02")).is_ok());
    CHECK(non_compliance_steps_left(e).size() == 1);

    CHECK(where_of(record_compliance_returned(e, d("2025-04-30"))) == "non_compliance nc-2, compliance_returns");
    REQUIRE(record_compliance_returned(e, d("2025-05-09")).is_ok());
    CHECK(e.compliance_returns == d("2025-05-09"));
    CHECK(where_of(record_compliance_returned(e, d("2025-05-10"))) == "non_compliance nc-2, compliance_returns");
    CHECK(non_compliance_steps_left(e).empty());
}
