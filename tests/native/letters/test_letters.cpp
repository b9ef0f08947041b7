// Letters: every kind drafted for a case at each point of its journey carries
// every item the Code requires (checked in the actual text), and a case missing
// an item is flagged in the checklist and shown as a gap, never filled in.
#include <doctest/doctest.h>

#include "core/letters/letter_content.h"
#include "core/base/assets.h"
#include "core/data/import.h"
#include "core/letters/letter_output.h"
#include "core/letters/letter_samples.h"
#include "core/letters/letter_template.h"
#include "core/rules/hazards.h"
#include "core/letters/letters.h"
#include "core/data/settings_defaults.h"
#include "core/rules/workflow.h"

#include <set>
#include <string>

using namespace doorstep;

namespace {

Date d(const char* iso) { return *parse_iso_date(iso); }
bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }
const Actor kActor{"Jo Placeholder", "2024-12-20T10:00"};

const CheckItem* item(const std::vector<CheckItem>& list, const std::string& id) {
    for (const CheckItem& i : list)
        if (i.id == id) return &i;
    return nullptr;
}

// "id" of every missing item, for readable failures.
std::string missing_ids(const std::vector<CheckItem>& list) {
    std::string out;
    for (const CheckItem& i : list)
        if (!i.present) out += i.id + " (" + i.message + "); ";
    return out;
}

// The defaults with the sample organisation: letters need a landlord to write for.
Settings sample_settings() {
    Settings s = default_settings();
    add_sample_organisation(s);
    return s;
}

struct Fixture {
    Settings s = sample_settings();
    Calendar cal = s.calendar();
};

// A damp-and-mould complaint from a home visit on Friday 20 December 2024.
Case received(const Settings& s) {
    NewCase n;
    n.id = "7c1e4b8a-59f3-4a43-9a57-0d2a4c7e9b11";
    n.counter = 42;
    n.kind = CaseKind::Complaint;
    n.channel = Channel::HomeVisit;
    n.received = d("2024-12-20");
    n.resident = {"Amina Okafor", "Flat 3, Orchard Court\n12 Mill Lane\nSampletown", "ZZ1 4AB", "01632 960123",
                  "amina@example.invalid", ContactMethod::Phone, false, ""};
    n.own_words = "The black mould is back in the children's bedroom three weeks after your contractor painted over it.";
    n.outcome_wanted = "Find and fix the cause of the damp, and pay for the ruined bedding";
    n.category_id = "damp-and-mould";
    Result<Case> c = new_case(n, s, kActor);
    REQUIRE_MESSAGE(c.is_ok(), c.error().text());
    return *c;
}

Case acknowledged(const Settings& s) {
    Case c = received(s);
    AcknowledgementDetails a;
    a.definition = "Mould returned in the children's bedroom after a repair in November, and two calls about it were not returned.";
    a.points = {{"The mould came back three weeks after the repair", Decision::Undecided, ""},
                {"Nobody returned two calls made in November", Decision::Undecided, ""}};
    a.aspects = {{"The November repair and the cause of the damp", true, ""},
                 {"How the two calls were handled", true, ""},
                 {"Paying for the ruined bedding", false, "Claims for damaged belongings go to our insurer; we have passed yours on"}};
    a.outcome_sought = "Find and fix the cause of the damp, and pay for the ruined bedding";
    a.investigator = "Jo Placeholder";
    REQUIRE(acknowledge(c, 1, d("2024-12-23"), a, s, kActor).is_ok());
    REQUIRE(agree_update_interval(c, 1, d("2024-12-23"), 3, kActor).is_ok());
    return c;
}

Case extended(const Settings& s) {
    Case c = acknowledged(s);
    Extension e;
    e.working_days = 5;
    e.reason = "We need a damp survey of the whole flat before we can answer, and the surveyor's first free day is 8 January.";
    e.decided_on = d("2025-01-06");
    REQUIRE(extend(c, 1, e, s, kActor).is_ok());
    return c;
}

Case responded1(const Settings& s) {
    Case c = extended(s);
    REQUIRE(decide_point(c, 1, 0, Decision::Upheld,
                         "The survey found a failed extractor fan: the repair treated the mould but not its cause. Our damp and mould policy says we find the cause first.", kActor)
                .is_ok());
    REQUIRE(decide_point(c, 1, 1, Decision::PartlyUpheld,
                         "One call was logged and passed on but not returned; the other was not logged. Our service standard is to call back within 2 working days.", kActor)
                .is_ok());
    Remedy apology;
    apology.type = RemedyType::Apology;
    apology.description = "A written apology for the failed repair and the missed calls";
    apology.due = d("2025-01-15");
    REQUIRE(add_remedy(c, 1, apology, s, kActor).is_ok());
    Remedy pay;
    pay.type = RemedyType::Financial;
    pay.description = "Payment for your time and trouble and the distress caused";
    pay.amount = Money{15000};
    pay.due = d("2025-01-29");
    REQUIRE(add_remedy(c, 1, pay, s, kActor).is_ok());
    REQUIRE(add_action(c, 1, {"Fit a humidity-controlled extractor fan in the bedroom", "Repairs team", d("2025-02-14"), std::nullopt}, kActor).is_ok());
    ResponseDetails r;
    r.summary = "We are sorry that the first repair did not last.";
    REQUIRE(record_response(c, 1, d("2025-01-15"), r, s, kActor).is_ok());
    return c;
}

Case escalated(const Settings& s) {
    Case c = responded1(s);
    EscalationRequest e;
    e.on = d("2025-02-03");
    REQUIRE(request_escalation(c, e, s, kActor).is_ok());
    AcknowledgementDetails a;
    a.definition = "The resident disagrees that £150 reflects a winter of mould in a child's bedroom.";
    a.points = {{"The payment offered does not reflect the impact", Decision::Undecided, ""}};
    a.outcome_sought = "A payment that reflects three months of mould";
    a.investigator = "Pat Demo";
    REQUIRE(acknowledge(c, 2, d("2025-02-05"), a, s, kActor).is_ok());
    return c;
}

Case responded2(const Settings& s) {
    Case c = escalated(s);
    REQUIRE(decide_point(c, 2, 0, Decision::Upheld,
                         "The Ombudsman's remedies guidance puts a long period of distress in a higher band; £150 was too low.", kActor)
                .is_ok());
    Remedy pay;
    pay.type = RemedyType::Financial;
    pay.description = "A further payment for distress and inconvenience";
    pay.amount = Money{35000};
    pay.due = d("2025-03-14");
    pay.approved_by = "Robin Specimen";
    Actor manager{"Pat Demo", "2025-03-03T09:00"};
    Status st = add_remedy(c, 2, pay, s, manager);
    REQUIRE_MESSAGE(st.is_ok(), (st.is_ok() ? "" : st.error().text()));
    ResponseDetails r;
    r.approver = "Robin Specimen";
    REQUIRE(record_response(c, 2, d("2025-03-03"), r, s, manager).is_ok());
    return c;
}

Case refused(const Settings& s, const char* ground) {
    Case c = received(s);
    Refusal r;
    r.ground_id = ground;
    r.reasoning = "The leak you describe was repaired in June 2023, more than 12 months before you contacted us.";
    r.circumstances_considered = "You told us you were in hospital for part of 2024. We checked what happened after you came home.";
    r.discretion_considered = true;
    r.discretion_decision = "You contacted us about other repairs in May 2024, so your illness did not stop you raising this sooner.";
    r.decided_on = d("2024-12-23");
    r.approved_by = "Pat Demo";
    c.refusal = r;
    return c;
}

Case service_request(const Settings& s) {
    NewCase n;
    n.id = "2f9a1c3e-1111-4b2a-9d88-7e6f5a4b3c2d";
    n.counter = 7;
    n.kind = CaseKind::ServiceRequest;
    n.received = d("2025-03-04");
    n.resident = {"Tom Reyes", "22 Canal Street\nSampletown", "ZZ2 9CD", "", "", ContactMethod::Letter, false, ""};
    n.own_words = "The kitchen tap has been dripping for a week.";
    Result<Case> c = new_case(n, s, kActor);
    REQUIRE(c.is_ok());
    return *c;
}

Case with_hazard(const Settings& s) {
    Case c = received(s);
    HazardRecord h;
    h.id = "hz-1";
    h.type_id = "damp-and-mould";
    h.location = "Children's bedroom, outside wall";
    h.observed = "Black mould over a square metre behind the bunk beds";
    h.aware = {d("2024-12-17"), 9 * 60};
    h.investigated = d("2025-01-03");
    h.investigated_by = "Chris Example";
    h.significant_found = true;
    h.findings = "Mould over 1.2 square metres caused by condensation; the extractor fan has failed and the wall is cold.";
    h.works_planned = "Treat the mould, replace the extractor fan and insulate the outside wall.";
    c.hazards.push_back(h);
    return c;
}

Letter draft(LetterKind k, const Case& c, const Fixture& f, LetterOptions o = {}) {
    Result<Letter> l = draft_letter(k, c, f.s, f.cal, o);
    REQUIRE_MESSAGE(l.is_ok(), (l.is_ok() ? "" : l.error().text()));
    return *l;
}

void check_ombudsman(const std::string& t) {
    CHECK(has(t, "Housing Ombudsman Service"));
    CHECK(has(t, "0300 111 3000"));
    CHECK(has(t, "www.housing-ombudsman.org.uk"));
}

}  // namespace

// ---------------------------------------------------------------------------
// Every kind, a case at each point of the journey

TEST_CASE("letters: stage 1 acknowledgement has every item of 5.6, 5.7, 5.9 and 6.2") {
    Fixture f;
    const Case c = acknowledged(f.s);
    const Letter l = draft(LetterKind::Ack1, c, f);
    INFO(missing_ids(l.checklist));
    CHECK(ready_to_send(l.checklist));
    const std::string& t = l.text;
    CHECK(has(t, "stage 1"));
    CHECK(has(t, "Mould returned in the children's bedroom after a repair in November"));  // definition
    CHECK(has(t, "- The November repair and the cause of the damp"));                       // investigated
    CHECK(has(t, "- Paying for the ruined bedding. The reason: Claims for damaged belongings go to our insurer"));  // excluded + reason
    CHECK(has(t, "Find and fix the cause of the damp, and pay for the ruined bedding"));      // outcome sought
    CHECK(has(t, "You have not asked us to change how we deal with you"));                   // no adjustments
    // Acknowledged Monday 23 December 2024: 10 working days, over Christmas and New Year.
    CHECK(has(t, "by Thursday 9 January 2025"));
    CHECK(has(t, "by phone at least every 3 working days, as we agreed with you"));          // 5.9
    CHECK(has(t, "Jo Placeholder is looking into your complaint"));
    CHECK(has(t, "01632 960000"));                                                            // handler contact (landlord's line)
    check_ombudsman(t);
    CHECK(has(t, "Date: Monday 23 December 2024"));
    CHECK(has(t, "Our reference: DS-2024-000042"));
    CHECK_FALSE(has(t, "["));  // no gaps
    CHECK(l.checklist.size() >= 11);
}

TEST_CASE("letters: a device not set up says the organisation's name is missing instead of printing one") {
    Fixture f;
    f.s.landlord = default_settings().landlord;
    const Letter l = draft(LetterKind::Ack1, acknowledged(f.s), f);
    CHECK(has(l.text, "Complaints Team, [your organisation's name is not set: Settings, Your organisation]"));
    CHECK_FALSE(has(l.text, "Example Homes"));
    CHECK(has(l.html, "<p class=\"org-name\">[your organisation&#39;s name is not set: Settings, Your organisation]</p>"));
    CHECK_FALSE(ready_to_send(l.checklist));  // nor its phone or email: residents could not reply
}

TEST_CASE("letters: stage 1 extension notice gives the reason, the new date and the Ombudsman (6.4, 6.5)") {
    Fixture f;
    const Letter l = draft(LetterKind::Extension1, extended(f.s), f);
    INFO(missing_ids(l.checklist));
    CHECK(ready_to_send(l.checklist));
    CHECK(has(l.text, "by Thursday 9 January 2025"));                   // the date before
    CHECK(has(l.text, "by Thursday 16 January 2025"));                  // 5 more working days
    CHECK(has(l.text, "5 working days later"));
    CHECK(has(l.text, "the surveyor's first free day is 8 January"));   // reason
    check_ombudsman(l.text);
    CHECK(l.date == d("2025-01-06"));
}

TEST_CASE("letters: stage 1 response has items a to g of 6.9, remedies in words and the escalation date") {
    Fixture f;
    const Letter l = draft(LetterKind::Response1, responded1(f.s), f);
    INFO(missing_ids(l.checklist));
    CHECK(ready_to_send(l.checklist));
    const std::string& t = l.text;
    CHECK(has(t, "stage 1 response"));                                                   // a
    CHECK(has(t, "Mould returned in the children's bedroom"));                           // b
    CHECK(has(t, "Our decision is: Partly upheld."));                                    // c: one point upheld, one partly
    CHECK(has(t, "Your concern: 1. The mould came back three weeks after the repair"));  // d, per point
    CHECK(has(t, "Our decision: Partly upheld"));
    CHECK(has(t, "Our service standard is to call back within 2 working days"));
    CHECK(has(t, "What we will do: Payment for your time and trouble and the distress caused\nPayment: £150.00\nBy when: Wednesday 29 January 2025"));  // e
    CHECK(has(t, "In total we will pay you £150.00."));
    CHECK(has(t, "Fit a humidity-controlled extractor fan in the bedroom"));             // f
    CHECK(has(t, "By when: Friday 14 February 2025"));
    CHECK(has(t, "Please ask by Wednesday 12 February 2025, which is 4 weeks from Wednesday 15 January 2025"));  // g
    CHECK(has(t, "01632 960000"));
    check_ombudsman(t);
    CHECK(item(l.checklist, "e-remedy")->message == "2 remedies, payments £150.00");
}

TEST_CASE("letters: overall decision from the points") {
    Fixture f;
    Case c = responded1(f.s);
    // One point upheld and one partly upheld is partly upheld overall.
    CHECK(has(draft(LetterKind::Response1, c, f).text, "Our decision is: Partly upheld."));
    c.stages[0].points[1].decision = Decision::Upheld;
    CHECK(has(draft(LetterKind::Response1, c, f).text, "Our decision is: Upheld."));
    c.stages[0].points[0].decision = Decision::NotUpheld;
    c.stages[0].points[1].decision = Decision::NotUpheld;
    CHECK(has(draft(LetterKind::Response1, c, f).text, "Our decision is: Not upheld."));
    // The landlord's own labels are used.
    f.s.outcome_labels["not_upheld"] = "Not justified";
    CHECK(has(draft(LetterKind::Response1, c, f).text, "Our decision is: Not justified."));
}

TEST_CASE("letters: stage 2 acknowledgement and final response") {
    Fixture f;
    const Letter ack = draft(LetterKind::Ack2, escalated(f.s), f);
    INFO(missing_ids(ack.checklist));
    CHECK(ready_to_send(ack.checklist));
    CHECK(has(ack.text, "stage 2"));
    CHECK(has(ack.text, "On Monday 3 February 2025 you asked us to look at your complaint again"));
    CHECK(has(ack.text, "does not reflect the impact"));
    CHECK(has(ack.text, "by Wednesday 5 March 2025"));  // 20 working days after Wednesday 5 February
    CHECK(has(ack.text, "Pat Demo is reviewing your complaint"));
    CHECK(item(ack.checklist, "6.13")->present);
    check_ombudsman(ack.text);

    Case c2 = responded2(f.s);
    const Letter fin = draft(LetterKind::Response2, c2, f);
    INFO(missing_ids(fin.checklist));
    CHECK(ready_to_send(fin.checklist));
    CHECK(has(fin.text, "It is our final response"));
    CHECK(has(fin.text, "Payment: £350.00"));
    CHECK(has(fin.text, "By when: Friday 14 March 2025"));
    CHECK(has(fin.text, "you can ask the Housing Ombudsman Service to look at your complaint"));
    CHECK(has(fin.text, "Robin Specimen"));  // signs
    CHECK_FALSE(has(fin.text, "Building Safety Regulator"));
    check_ombudsman(fin.text);

    // High-rise building safety: the final letter also names the regulator.
    c2.high_rise_building_safety = true;
    const Letter bsr = draft(LetterKind::Response2, c2, f);
    CHECK(has(bsr.text, "You can also take it to the Building Safety Regulator: www.gov.uk/government/organisations/building-safety-regulator."));
    CHECK(item(bsr.checklist, "regulator")->present);
    f.s.building_safety_regulator.clear();
    CHECK_FALSE(ready_to_send(LetterKind::Response2, c2, f.s, f.cal));
}

TEST_CASE("letters: refusal names the ground, reasons, circumstances, discretion and the right body (2.3, 2.4)") {
    Fixture f;
    const Letter l = draft(LetterKind::Refusal, refused(f.s, "over-12-months"), f);
    INFO(missing_ids(l.checklist));
    CHECK(ready_to_send(l.checklist));
    CHECK(has(l.text, "more than 12 months ago (paragraph 2.3 of the Housing Ombudsman's Complaint Handling Code)"));
    CHECK(has(l.text, "repaired in June 2023"));
    CHECK(has(l.text, "in hospital for part of 2024"));
    CHECK(has(l.text, "your illness did not stop you"));
    CHECK(has(l.text, "You can ask the Housing Ombudsman Service to review our decision"));
    CHECK(has(l.text, "\n    The black mould is back"));  // what was raised, quoted
    CHECK(has(l.html, "<blockquote><p>The black mould is back"));
    check_ombudsman(l.text);
    CHECK(l.date == d("2024-12-23"));

    // Allocations go to the Local Government and Social Care Ombudsman.
    const Letter lg = draft(LetterKind::Refusal, refused(f.s, "statutory-review"), f);
    CHECK(has(lg.text, "Local Government and Social Care Ombudsman"));
    CHECK(item(lg.checklist, "discretion") == nullptr);  // only the 12-month ground asks for it
    // Damage and injury claims go through the insurer.
    CHECK(has(draft(LetterKind::Refusal, refused(f.s, "insurance-claim"), f).text, "insurance claims route"));
}

TEST_CASE("letters: refusal to escalate (5.11)") {
    Fixture f;
    Case c = responded1(f.s);
    EscalationRequest e;
    e.on = d("2025-02-03");
    REQUIRE(request_escalation(c, e, f.s, kActor).is_ok());
    RefusalDecision r;
    r.ground_id = "legal-proceedings";
    r.reasoning = "You filed a disrepair claim at the county court on 20 January 2025 covering the same mould.";
    r.circumstances_considered = "We checked whether any part of your request falls outside the court claim. None does.";
    r.approved_by = "Pat Demo";
    r.decided_on = d("2025-02-06");
    Status st = refuse_escalation(c, r, f.s, kActor);
    REQUIRE_MESSAGE(st.is_ok(), (st.is_ok() ? "" : st.error().text()));
    const Letter l = draft(LetterKind::RefuseEscalation, c, f);
    INFO(missing_ids(l.checklist));
    CHECK(ready_to_send(l.checklist));
    CHECK(has(l.text, "On Monday 3 February 2025 you asked us to look at your complaint again at stage 2, after our stage 1 response of Wednesday 15 January 2025."));
    CHECK(has(l.text, "county court on 20 January 2025"));
    CHECK(has(l.text, "the court will decide the matters in the claim"));
    check_ombudsman(l.text);
    // The refusal letter is not the refuse-escalation letter.
    CHECK_FALSE(draft_letter(LetterKind::Refusal, c, f.s, f.cal).is_ok());
}

TEST_CASE("2.4, 5.11: every refusal, whatever the ground, offers the Housing Ombudsman's review of the decision itself") {
    Fixture f;
    for (const RefusalGround& g : f.s.refusal_grounds) {
        CAPTURE(g.id);
        const Letter l = draft(LetterKind::Refusal, refused(f.s, g.id.c_str()), f);
        INFO(missing_ids(l.checklist));
        CHECK(has(l.text, "You can ask the Housing Ombudsman Service to review our decision not to accept your complaint"));
        const CheckItem* i = item(l.checklist, "decision-review");
        REQUIRE(i != nullptr);
        CHECK(i->present);
    }
    // The statutory-review ground: the substance goes to the LGSCO, the refusal decision
    // is still the Housing Ombudsman's to review.
    const Letter lg = draft(LetterKind::Refusal, refused(f.s, "statutory-review"), f);
    CHECK(has(lg.text, "Local Government and Social Care Ombudsman can look at it"));
    CHECK_FALSE(has(lg.text, "not the Housing Ombudsman"));

    // Without the Ombudsman's details the letter is not ready, whatever the ground.
    Fixture blank;
    blank.s.ombudsman = {};
    const auto list = letter_checklist(LetterKind::Refusal, refused(blank.s, "legal-proceedings"), blank.s, blank.cal);
    REQUIRE(item(list, "decision-review") != nullptr);
    CHECK_FALSE(item(list, "decision-review")->present);
    CHECK_FALSE(ready_to_send(list));

    // A landlord's own wording that leaves the right out is not ready to send.
    Fixture own;
    own.s.letter_templates["refusal"] =
        "# Refusal\nDear {{resident_name}},\n{{raised}} {{ground}} {{reasons}} {{circumstances}}\n"
        "Contact the {{ombudsman_name}} for advice on {{ombudsman_phone}}.\n{{signature}}\n";
    const auto own_list = letter_checklist(LetterKind::Refusal, refused(own.s, "insurance-claim"), own.s, own.cal);
    REQUIRE(item(own_list, "decision-review") != nullptr);
    CHECK_FALSE(item(own_list, "decision-review")->present);
    CHECK(has(item(own_list, "decision-review")->message, "{{decision_review_body}}"));
}

TEST_CASE("5.11: a refusal to escalate offers the Housing Ombudsman's review of that decision, whatever the ground") {
    Fixture f;
    for (const RefusalGround& g : f.s.refusal_grounds) {
        CAPTURE(g.id);
        Case c = responded1(f.s);
        EscalationRequest e;
        e.on = d("2025-02-03");
        REQUIRE(request_escalation(c, e, f.s, kActor).is_ok());
        RefusalDecision r;
        r.ground_id = g.id;
        r.reasoning = "Reasons written for this ground.";
        r.circumstances_considered = "Circumstances considered.";
        r.discretion_considered = true;
        r.discretion_decision = "No reason to make an exception.";
        r.approved_by = "Pat Demo";
        r.decided_on = d("2025-02-06");
        Status st = refuse_escalation(c, r, f.s, kActor);
        REQUIRE_MESSAGE(st.is_ok(), (st.is_ok() ? "" : st.error().text()));
        const Letter l = draft(LetterKind::RefuseEscalation, c, f);
        CHECK(has(l.text, "You can ask the Housing Ombudsman Service to review our decision not to take your complaint to stage 2"));
        REQUIRE(item(l.checklist, "decision-review") != nullptr);
        CHECK(item(l.checklist, "decision-review")->present);
    }
}

TEST_CASE("letters: service request confirmation says how to complain (1.5, 1.6)") {
    Fixture f;
    Case c = service_request(f.s);
    const Letter l = draft(LetterKind::ServiceRequest, c, f);
    INFO(missing_ids(l.checklist));
    CHECK(ready_to_send(l.checklist));
    CHECK(has(l.text, "The kitchen tap has been dripping for a week."));
    CHECK(has(l.text, "Tuesday 4 March 2025"));
    CHECK(has(l.text, "You can make a complaint at any time"));
    CHECK(has(l.text, "01632 960000"));
    CHECK(has(l.text, "we will keep working on the request"));
    check_ombudsman(l.text);
    c.kind = CaseKind::SurveyFeedback;
    const Letter fb = draft(LetterKind::ServiceRequest, c, f);
    CHECK(has(fb.text, "A survey answer is not a complaint"));
    CHECK_FALSE(has(fb.text, "we will keep working on the request"));
}

TEST_CASE("letters: hazard summary says what was found, the work and its dates, accommodation, how to complain") {
    Fixture f;
    Case c = with_hazard(f.s);
    const Letter l = draft(LetterKind::HazardSummary, c, f);
    INFO(missing_ids(l.checklist));
    CHECK(ready_to_send(l.checklist));
    CHECK(has(l.text, "Damp and mould"));
    CHECK(has(l.text, "the extractor fan has failed"));                 // findings
    CHECK(has(l.text, "We found a significant hazard."));
    CHECK(has(l.text, "replace the extractor fan and insulate"));       // works
    // Investigation ended Friday 3 January 2025: 5 working days, 12 weeks.
    CHECK(has(l.text, "Work to make your home safe\nBy when: Friday 10 January 2025"));
    CHECK(has(l.text, "no later than Friday 28 March 2025"));
    CHECK(has(l.text, "You do not need to move out"));
    CHECK(has(l.text, "You can make a complaint at any time"));
    check_ombudsman(l.text);
    CHECK(has(item(l.checklist, "investigated")->message, "summary due by 8 Jan 2025"));

    c.hazards[0].accommodation = HazardRecord::Accommodation::Declined;
    const std::string t = draft(LetterKind::HazardSummary, c, f).text;
    CHECK(has(t, "we have offered you somewhere else to stay"));
    CHECK(has(t, "You told us you did not want to move."));
}

// ---------------------------------------------------------------------------
// Missing items: flagged and shown as gaps, never filled

TEST_CASE("letters: a missing definition is flagged and left as a visible gap") {
    Fixture f;
    Case c = acknowledged(f.s);
    c.stages[0].definition.clear();
    const auto list = letter_checklist(LetterKind::Ack1, c, f.s, f.cal);
    const CheckItem* b = item(list, "b-definition");
    REQUIRE(b);
    CHECK_FALSE(b->present);
    CHECK(has(b->message, "not recorded"));
    CHECK_FALSE(ready_to_send(list));
    const Letter l = draft(LetterKind::Ack1, c, f);
    CHECK(has(l.text, "[complaint definition not recorded]"));
    CHECK(has(l.html, "<mark class=\"gap\">[complaint definition not recorded]</mark>"));
    CHECK(has(l.html, "Draft: not ready to send."));
    // Everything else is still there.
    CHECK(item(list, "response-due")->present);
}

TEST_CASE("letters: an upheld complaint with no remedy is flagged: e. remedy") {
    Fixture f;
    Case c = responded1(f.s);
    c.stages[0].remedies.clear();
    const auto list = letter_checklist(LetterKind::Response1, c, f.s, f.cal);
    const CheckItem* e = item(list, "e-remedy");
    REQUIRE(e);
    CHECK_FALSE(e->present);
    CHECK(has(e->message, "none recorded"));
    CHECK(has(e->message, "confirm no remedy is offered"));
    CHECK(has(draft(LetterKind::Response1, c, f).text, "[remedy not recorded — confirm no remedy is offered]"));
    CHECK(has(missing_items(list).front(), "e. remedy"));

    // Nothing upheld: no remedy is expected, and the letter says so.
    c.stages[0].points[0].decision = Decision::NotUpheld;
    c.stages[0].points[1].decision = Decision::NotUpheld;
    const Letter l = draft(LetterKind::Response1, c, f);
    CHECK(item(l.checklist, "e-remedy")->present);
    CHECK(has(l.text, "so we are not offering a remedy"));
}

TEST_CASE("letters: remedies need what, how much and by when (7.3)") {
    Fixture f;
    Case c = responded1(f.s);
    c.stages[0].remedies[1].due.reset();
    const auto list = letter_checklist(LetterKind::Response1, c, f.s, f.cal);
    const CheckItem* e = item(list, "e-remedy");
    CHECK_FALSE(e->present);
    CHECK(has(e->message, "remedy 2"));
    CHECK(has(e->message, "no date"));
    CHECK(has(draft(LetterKind::Response1, c, f).text, "By when: [date not set]"));
    c.stages[0].remedies[1].due = d("2025-01-29");
    c.stages[0].remedies[1].amount = Money{0};
    CHECK(has(draft(LetterKind::Response1, c, f).text, "Payment: [amount not recorded]"));
    CHECK_FALSE(ready_to_send(LetterKind::Response1, c, f.s, f.cal));
    // A declined remedy is not offered in the letter.
    c.stages[0].remedies[1].state = RemedyState::Declined;
    CHECK_FALSE(has(draft(LetterKind::Response1, c, f).text, "Payment for your time and trouble"));
}

TEST_CASE("letters: undecided points and missing reasons are flagged by point (6.7)") {
    Fixture f;
    Case c = responded1(f.s);
    c.stages[0].points[1].decision = Decision::Undecided;
    c.stages[0].points[0].reasons.clear();
    const auto list = letter_checklist(LetterKind::Response1, c, f.s, f.cal);
    CHECK_FALSE(item(list, "c-decision")->present);
    CHECK(has(item(list, "c-decision")->message, "point 2"));
    CHECK_FALSE(item(list, "d-reasons")->present);
    CHECK(has(item(list, "d-reasons")->message, "point 1"));
    const std::string t = draft(LetterKind::Response1, c, f).text;
    CHECK(has(t, "Our decision is: [decision not recorded]."));
    CHECK(has(t, "Why we decided this: [reasons not recorded]"));
}

TEST_CASE("letters: other gaps in acknowledgements, extensions, refusals and hazard summaries") {
    Fixture f;
    SUBCASE("an excluded aspect without a reason (5.7)") {
        Case c = acknowledged(f.s);
        c.stages[0].aspects[2].reason_excluded.clear();
        CHECK_FALSE(item(letter_checklist(LetterKind::Ack1, c, f.s, f.cal), "excluded")->present);
        CHECK(has(draft(LetterKind::Ack1, c, f).text, "Paying for the ruined bedding. The reason: [reason not recorded]"));
    }
    SUBCASE("no handler") {
        Case c = acknowledged(f.s);
        c.stages[0].investigator.clear();
        CHECK_FALSE(item(letter_checklist(LetterKind::Ack1, c, f.s, f.cal), "handler")->present);
        CHECK(has(draft(LetterKind::Ack1, c, f).text, "[handler not assigned] is looking into your complaint"));
    }
    SUBCASE("no outcome sought") {
        Case c = acknowledged(f.s);
        c.stages[0].outcome_sought.clear();
        c.outcome_wanted.clear();
        CHECK_FALSE(item(letter_checklist(LetterKind::Ack1, c, f.s, f.cal), "outcome")->present);
    }
    SUBCASE("Ombudsman details missing from settings") {
        Case c = acknowledged(f.s);
        f.s.ombudsman.phone.clear();
        CHECK_FALSE(item(letter_checklist(LetterKind::Ack1, c, f.s, f.cal), "ombudsman")->present);
        CHECK(has(draft(LetterKind::Ack1, c, f).text, "[Ombudsman's phone number missing from settings]"));
    }
    SUBCASE("an extension beyond the limit without a good reason (6.4)") {
        Case c = extended(f.s);
        c.stages[0].extensions[0].working_days = 12;
        const auto list = letter_checklist(LetterKind::Extension1, c, f.s, f.cal);
        CHECK_FALSE(item(list, "within-limit")->present);
        CHECK(has(draft(LetterKind::Extension1, c, f).text, "[good reason not recorded]"));
        c.stages[0].extensions[0].good_reason = "The survey found asbestos that must be removed first.";
        CHECK(item(letter_checklist(LetterKind::Extension1, c, f.s, f.cal), "within-limit")->present);
    }
    SUBCASE("refusal without circumstances, discretion or approval") {
        Case c = refused(f.s, "over-12-months");
        c.refusal->circumstances_considered.clear();
        c.refusal->discretion_considered = false;
        c.refusal->approved_by.clear();
        const auto list = letter_checklist(LetterKind::Refusal, c, f.s, f.cal);
        CHECK_FALSE(item(list, "circumstances")->present);
        CHECK_FALSE(item(list, "discretion")->present);
        CHECK_FALSE(item(list, "approved")->present);
        CHECK(item(list, "reasons")->present);
        const std::string t = draft(LetterKind::Refusal, c, f).text;
        CHECK(has(t, "[circumstances considered not recorded]"));
        CHECK(has(t, "[discretion decision not recorded]"));
    }
    SUBCASE("refusal with an unknown ground") {
        Case c = refused(f.s, "no-such-ground");
        const auto list = letter_checklist(LetterKind::Refusal, c, f.s, f.cal);
        CHECK_FALSE(item(list, "ground")->present);
        CHECK_FALSE(item(list, "review-body")->present);
        CHECK(has(draft(LetterKind::Refusal, c, f).text, "[ground not recorded]"));
    }
    SUBCASE("hazard found but no works recorded") {
        Case c = with_hazard(f.s);
        c.hazards[0].works_planned.clear();
        CHECK_FALSE(item(letter_checklist(LetterKind::HazardSummary, c, f.s, f.cal), "works")->present);
        CHECK(has(draft(LetterKind::HazardSummary, c, f).text, "[work to be done not recorded]"));
        c.hazards[0].significant_found = false;  // nothing found: no work needed
        const Letter l = draft(LetterKind::HazardSummary, c, f);
        CHECK(item(l.checklist, "works")->present);
        CHECK(has(l.text, "We did not find a significant hazard or an emergency hazard."));
        CHECK(has(l.text, "We do not need to do any work."));
    }
    SUBCASE("hazard investigation not finished") {
        Case c = with_hazard(f.s);
        c.hazards[0].investigated.reset();
        LetterOptions o;
        o.date = d("2025-01-06");
        const auto list = letter_checklist(LetterKind::HazardSummary, c, f.s, f.cal, o);
        CHECK_FALSE(item(list, "investigated")->present);
        CHECK_FALSE(item(list, "hazard-found")->present);
        CHECK(has(draft(LetterKind::HazardSummary, c, f, o).text, "[investigation not finished]"));
    }
    SUBCASE("no address or email") {
        Case c = acknowledged(f.s);
        c.resident.address.clear();
        c.resident.email.clear();
        CHECK_FALSE(item(letter_checklist(LetterKind::Ack1, c, f.s, f.cal), "addressee")->present);
        CHECK(has(draft(LetterKind::Ack1, c, f).html, "<mark class=\"gap\">[address not recorded]</mark>"));
    }
}

TEST_CASE("letters: a letter the case cannot have is refused with a reason, and its checklist says so") {
    Fixture f;
    const Case c = acknowledged(f.s);
    Result<Letter> l = draft_letter(LetterKind::Ack2, c, f.s, f.cal);
    REQUIRE_FALSE(l.is_ok());
    CHECK(has(l.error().message, "no stage 2"));
    CHECK(has(l.error().where, "DS-2024-000042"));
    const auto list = letter_checklist(LetterKind::Ack2, c, f.s, f.cal);
    REQUIRE(list.size() == 1);
    CHECK_FALSE(list[0].present);
    CHECK_FALSE(draft_letter(LetterKind::Extension1, c, f.s, f.cal).is_ok());   // no extension yet
    CHECK_FALSE(draft_letter(LetterKind::Refusal, c, f.s, f.cal).is_ok());      // not refused
    CHECK_FALSE(draft_letter(LetterKind::HazardSummary, c, f.s, f.cal).is_ok()); // no hazard
    CHECK_FALSE(draft_letter(LetterKind::ServiceRequest, c, f.s, f.cal).is_ok()); // a complaint
    CHECK_FALSE(draft_letter(LetterKind::Ack1, service_request(f.s), f.s, f.cal).is_ok());
}

TEST_CASE("letters: a letter needs its date — before acknowledgement the date comes from the caller") {
    Fixture f;
    Case c = received(f.s);
    c.stages[0].definition = "Mould returned after a repair.";
    c.stages[0].points = {{"The mould came back", Decision::Undecided, ""}};
    c.stages[0].outcome_sought = "Fix it";
    c.stages[0].investigator = "Jo Placeholder";
    CHECK_FALSE(draft_letter(LetterKind::Ack1, c, f.s, f.cal).is_ok());
    const auto list = letter_checklist(LetterKind::Ack1, c, f.s, f.cal);
    CHECK_FALSE(item(list, "date")->present);
    CHECK_FALSE(item(list, "response-due")->present);
    LetterOptions o;
    o.date = d("2024-12-24");  // Tuesday: response due 10 working days later
    const Letter l = draft(LetterKind::Ack1, c, f, o);
    CHECK(ready_to_send(l.checklist));
    CHECK(has(l.text, "by Friday 10 January 2025"));
}

// ---------------------------------------------------------------------------
// Output: HTML, escaping, large print, easy read

TEST_CASE("letters: every letter's HTML carries the documents' CSP, so case text can neither run nor fetch") {
    Fixture f;
    const Case c = responded1(f.s);
    const std::string csp = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                            "style-src 'unsafe-inline'; img-src data:\">";
    LetterOptions large;
    large.large_print = true;
    CHECK(has(draft(LetterKind::Response1, c, f).html, csp));
    CHECK(has(draft(LetterKind::Ack1, c, f, large).html, csp));
}

TEST_CASE("letters: HTML is a standalone en-GB document with headings and tables, and escapes case text") {
    Fixture f;
    Case c = responded1(f.s);
    c.resident.name = "Amina <script>alert(1)</script> O'Kafor & family";
    c.stages[0].definition = "# not a heading\n| not | a row |\n- not a bullet\n> not a quote";
    c.stages[0].points[0].text = "Cells | cannot be split";
    const Letter l = draft(LetterKind::Response1, c, f);
    const std::string& h = l.html;
    CHECK(has(h, "<!DOCTYPE html>"));
    CHECK(has(h, "<html lang=\"en-GB\">"));
    CHECK(has(h, "@page { size: A4;"));
    CHECK(has(h, "<h1>Our response to your complaint: stage 1</h1>"));
    CHECK(has(h, "<h2>Putting things right</h2>"));
    CHECK(has(h, "<th scope=\"col\">What we will do</th><th scope=\"col\">Payment</th><th scope=\"col\">By when</th>"));
    CHECK(has(h, "<td>£150.00</td>"));
    CHECK(has(h, "Amina &lt;script&gt;alert(1)&lt;/script&gt; O&#39;Kafor &amp; family"));
    CHECK_FALSE(has(h, "<script>"));
    CHECK(has(h, "# not a heading<br>| not | a row |<br>- not a bullet<br>&gt; not a quote"));
    CHECK_FALSE(has(h, "<blockquote>"));
    CHECK(has(h, "<td>1. Cells | cannot be split</td>"));
    CHECK(has(h, "<p class=\"org-name\">Example Homes</p>"));
    // No external resources.
    CHECK_FALSE(has(h, "http://"));
    CHECK_FALSE(has(h, "https://"));
    CHECK_FALSE(has(h, "<link"));
    CHECK_FALSE(has(h, "src="));
    // The plain text keeps case text as written.
    CHECK(has(l.text, "Dear Amina <script>alert(1)</script> O'Kafor & family,"));
    CHECK(has(l.text, "Your concern: 1. Cells | cannot be split"));
}

TEST_CASE("letters: large print and easy read follow the resident's adjustments (5.10)") {
    Fixture f;
    Case c = acknowledged(f.s);
    CHECK_FALSE(draft(LetterKind::Ack1, c, f).large_print);
    c.adjustments.push_back({"Large print (16pt) for all letters", "Sight loss", d("2024-12-20"), d("2025-06-20"), 0});
    const Letter lp = draft(LetterKind::Ack1, c, f);
    CHECK(lp.large_print);
    CHECK(has(lp.html, "<body class=\"large-print\">"));
    CHECK(has(lp.text, "- Large print (16pt) for all letters"));  // listed as agreed

    c.adjustments.push_back({"Easy read versions of letters", "Learning disability", d("2024-12-20"), d("2025-06-20"), 0});
    const Letter er = draft(LetterKind::Ack1, c, f);
    CHECK(er.easy_read);
    CHECK(has(er.html, "<body class=\"large-print easy-read\">"));  // large print keeps its 16pt
    CHECK(has(er.text, "We have got your complaint"));
    CHECK(has(er.text, "We will write to you by Thursday 9 January 2025."));
    CHECK(ready_to_send(er.checklist));
    // No easy-read variant for this kind: the standard wording is used.
    LetterOptions o;
    o.easy_read = true;
    const Letter ext = draft(LetterKind::Extension1, extended(f.s), f, o);
    CHECK_FALSE(ext.easy_read);
    CHECK(has(ext.text, "We need more time"));
}

TEST_CASE("letters: a representative with consent gets a copy") {
    Fixture f;
    Case c = acknowledged(f.s);
    c.representative = {RepresentativeKind::Advocate, "Sam Helper", "sam@example.invalid", true, d("2024-12-19")};
    CHECK(has(draft(LetterKind::Ack1, c, f).text, "Copy to: Sam Helper"));
    c.representative.consent_given = false;
    CHECK_FALSE(has(draft(LetterKind::Ack1, c, f).text, "Copy to"));
}

// ---------------------------------------------------------------------------
// Templates

TEST_CASE("letters: every shipped template parses and uses only its letter's names") {
    Fixture f;
    int checked = 0;
    for (LetterKind k : all_letter_kinds()) {
        for (bool easy : {false, true}) {
            const std::string t = letter_template_text(k, easy, f.s);
            if (t.empty()) {
                CHECK_MESSAGE(easy, letter_kind_id(k) << " has no standard template");
                continue;
            }
            const Problems p = check_letter_template(k, t);
            std::string all;
            for (const Error& e : p) all += e.text() + "\n";
            CHECK_MESSAGE(p.empty(), all);
            ++checked;
        }
    }
    CHECK(checked >= 13);
}

TEST_CASE("letters: each kind offers exactly its documented names") {
    Fixture f;
    Case full = responded2(f.s);
    full.hazards = with_hazard(f.s).hazards;
    Case refusal = refused(f.s, "over-12-months");
    Case sr = service_request(f.s);
    for (LetterKind k : all_letter_kinds()) {
        const Case& c = k == LetterKind::Refusal ? refusal : k == LetterKind::ServiceRequest ? sr : full;
        if (k == LetterKind::RefuseEscalation || k == LetterKind::Extension2) continue;  // need other journeys
        LetterOptions o;
        if (k == LetterKind::Extension1) o.extension_index = 0;
        Result<LetterContent> lc = letter_content(k, c, f.s, f.cal, o);
        REQUIRE_MESSAGE(lc.is_ok(), letter_kind_id(k));
        std::set<std::string> got, want;
        for (const auto& [name, v] : lc->fields) got.insert(name);
        for (const auto& [name, v] : letter_schema(k)) want.insert(name);
        CHECK_MESSAGE(got == want, letter_kind_id(k));
    }
}

TEST_CASE("letters: landlord templates override the shipped ones and are checked") {
    Fixture f;
    const Case c = acknowledged(f.s);
    f.s.letter_templates["ack1"] = "# Complaint {{reference}}\n\nWe will reply by {{response_due}}.\n{{definition}}\n";
    const Letter l = draft(LetterKind::Ack1, c, f);
    CHECK(has(l.text, "Complaint DS-2024-000042"));
    CHECK(has(l.text, "We will reply by Thursday 9 January 2025."));
    // Wording that leaves out an item the Code requires is caught, though the case has it.
    CHECK(item(l.checklist, "b-definition")->present);
    CHECK(item(l.checklist, "response-due")->present);
    const CheckItem* omb = item(l.checklist, "ombudsman");
    CHECK_FALSE(omb->present);
    CHECK(omb->message == "the case has it, but the wording leaves it out — add {{ombudsman_phone}} to landlord template ack1");
    CHECK_FALSE(item(l.checklist, "outcome")->present);
    CHECK_FALSE(ready_to_send(l.checklist));
    // The checklist alone sees the same wording.
    CHECK_FALSE(item(letter_checklist(LetterKind::Ack1, c, f.s, f.cal), "ombudsman")->present);

    Problems p = check_letter_template(LetterKind::Ack1, "Hello {{residnet_name}}\n{{#remedies}}x{{/remedies}}\n");
    REQUIRE(p.size() == 2);
    CHECK(p[0].where == "template ack1, line 1");
    CHECK(has(p[0].message, "residnet_name"));
    CHECK(p[1].where == "template ack1, line 2");
    // A list used as a value.
    p = check_letter_template(LetterKind::Ack1, "{{points}}");
    REQUIRE(p.size() == 1);
    CHECK(has(p[0].message, "is a list"));
    // A broken landlord template stops the draft with a reason instead of a wrong letter.
    f.s.letter_templates["ack1"] = "{{#definition}}unclosed";
    Result<Letter> bad = draft_letter(LetterKind::Ack1, c, f.s, f.cal);
    REQUIRE_FALSE(bad.is_ok());
    CHECK(has(bad.error().message, "never closed"));
    CHECK(has(bad.error().where, "landlord template ack1"));
    const CheckItem* wording = item(letter_checklist(LetterKind::Ack1, c, f.s, f.cal), "wording");
    REQUIRE(wording);
    CHECK(has(wording->message, "never closed"));
}

TEST_CASE("letter templates: sections, inverted sections, lists and standalone lines") {
    TemplateFields f;
    f["name"] = TemplateValue::of("Ann");
    f["none"] = TemplateValue::of("");
    f["yes"] = TemplateValue::yes_no(true);
    f["gap"] = TemplateValue::missing("[x not recorded]");
    f["items"] = TemplateValue::list({{{"text", TemplateValue::of("a")}}, {{"text", TemplateValue::of("b")}}});
    auto run = [&](const char* src) {
        Result<LetterTemplate> t = parse_template(src, "t");
        REQUIRE_MESSAGE(t.is_ok(), t.error().text());
        Result<std::string> r = render_template(*t, f);
        REQUIRE(r.is_ok());
        return marked_to_text(*r);
    };
    CHECK(run("Hi {{name}}!") == "Hi Ann!");
    CHECK(run("{{ name }}") == "Ann");
    CHECK(run("{{#none}}no{{/none}}{{^none}}empty{{/none}}") == "empty");
    CHECK(run("{{#yes}}Y{{/yes}}") == "Y");
    CHECK(run("{{#gap}}shown: {{gap}}{{/gap}}") == "shown: [x not recorded]");  // a gap is never hidden
    CHECK(run("top\n{{#items}}\n- {{text}} {{name}}\n{{/items}}\nend") == "top\n- a Ann\n- b Ann\nend");
    CHECK(run("{{! a note }}\nline") == "line");
    CHECK(run("a {{#yes}}b{{/yes}} c\n") == "a b c\n");

    CHECK_FALSE(parse_template("{{#a}}", "t").is_ok());
    CHECK(has(parse_template("x\n{{#a}}{{/b}}", "t").error().message, "closes the wrong section"));
    CHECK(parse_template("x\n{{#a}}{{/b}}", "t").error().where == "t, line 2");
    CHECK_FALSE(parse_template("{{/a}}", "t").is_ok());
    CHECK_FALSE(parse_template("{{name", "t").is_ok());
    CHECK_FALSE(parse_template("{{bad name}}", "t").is_ok());
    Result<LetterTemplate> unknown = parse_template("{{nobody}}", "t");
    REQUIRE(unknown.is_ok());
    CHECK_FALSE(render_template(*unknown, f).is_ok());
}

TEST_CASE("letter output: case text cannot forge markers or layout") {
    TemplateFields f;
    f["v"] = TemplateValue::of(std::string("a\x01") + "b\x03" + "c\n## d");
    Result<LetterTemplate> t = parse_template("{{v}}", "t");
    REQUIRE(t.is_ok());
    const std::string body = *render_template(*t, f);
    const auto blocks = letter_blocks(body);
    REQUIRE(blocks.size() == 1);
    CHECK(blocks[0].type == LetterBlock::Type::Paragraph);
    CHECK(marked_to_text(body) == "abc\n## d");
    CHECK(marked_to_html(body) == "abc<br>## d");
}

TEST_CASE("letters: kinds round-trip through their ids") {
    for (LetterKind k : all_letter_kinds()) CHECK(parse_letter_kind(letter_kind_id(k)) == k);
    CHECK(all_letter_kinds().size() == kLetterKindCount);
    CHECK_FALSE(parse_letter_kind("ack3").has_value());
    CHECK(std::string(letter_kind_id(LetterKind::RefuseEscalation)) == "refuse-escalation");
}

TEST_CASE("letters: every sample case gives a letter ready to send, and is a valid record") {
    Fixture f;
    for (LetterKind k : all_letter_kinds()) {
        const Case c = sample_case_for_letter(k);
        INFO(letter_kind_id(k));
        const Problems p = check_case(c);
        std::string all;
        for (const Error& e : p) all += e.text() + "\n";
        CHECK_MESSAGE(p.empty(), all);
        Result<Letter> l = draft_letter(k, c, f.s, f.cal);
        REQUIRE_MESSAGE(l.is_ok(), (l.is_ok() ? "" : l.error().text()));
        CHECK_MESSAGE(ready_to_send(l->checklist), missing_ids(l->checklist));
        CHECK_FALSE(has(l->text, "[")); // no gaps
        CHECK(c.demo);
    }
}

TEST_CASE("letters: the template README documents every name each letter offers") {
    const std::string readme(embedded_asset("letters/README.md"));
    REQUIRE_FALSE(readme.empty());
    for (LetterKind k : all_letter_kinds()) {
        CHECK_MESSAGE(has(readme, "`" + std::string(letter_kind_id(k)) + "`"), letter_kind_id(k));
        for (const PlaceholderDoc& p : letter_placeholders(k)) {
            CHECK_MESSAGE(has(readme, "`" + p.name + "`"), p.name);
            for (const PlaceholderDoc& i : p.item_names) CHECK_MESSAGE(has(readme, "`" + i.name + "`"), i.name);
        }
    }
}

// ---------------------------------------------------------------------------
// Wording that must be true for the case

TEST_CASE("Awaab's Law, hazard summary: says what the investigation found, not what was reported") {
    Fixture f;
    // Reported as an emergency in 2026; the investigation found no emergency and no significant hazard.
    Case c = with_hazard(f.s);
    HazardRecord& h = c.hazards[0];
    h.aware = {d("2026-03-02"), 10 * 60};
    h.emergency = true;
    h.made_safe.reset();
    h.investigated = d("2026-03-02");
    h.significant_found = false;
    h.emergency_found = false;
    h.works_planned.clear();
    Letter l = draft(LetterKind::HazardSummary, c, f);
    CHECK_FALSE(has(l.text, "We found an emergency hazard"));
    CHECK(has(l.text, "We did not find a significant hazard or an emergency hazard."));
    CHECK(item(l.checklist, "works")->present);  // no works are asked for that the engine would refuse
    INFO(missing_ids(l.checklist));
    CHECK(ready_to_send(l.checklist));

    // Not an emergency, but a significant hazard: the works found at the investigation go in the letter,
    // ready within the summary's 3 working days, before any further works have begun.
    h.significant_found = true;
    h.works_planned = "Replace the extractor fan and treat the mould.";
    l = draft(LetterKind::HazardSummary, c, f);
    CHECK_FALSE(has(l.text, "We found an emergency hazard"));
    CHECK(has(l.text, "We found a significant hazard."));
    CHECK(has(l.text, "Replace the extractor fan"));
    CHECK(ready_to_send(l.checklist));

    // Confirmed: the letter says so (and not also "a significant hazard").
    h.emergency_found = true;
    l = draft(LetterKind::HazardSummary, c, f);
    CHECK(has(l.text, "We found an emergency hazard."));
    CHECK_FALSE(has(l.text, "We found a significant hazard."));
}

TEST_CASE("Awaab's Law, hazard summary: the works found by the investigation are recorded with it") {
    Fixture f;
    Case c = received(f.s);
    HazardReport r;
    r.id = "hz";
    r.type_id = "damp-and-mould";
    r.location = "Bathroom";
    r.observed = "Mould on the ceiling";
    r.reported_by = "Resident";
    r.aware = {d("2026-03-02"), 10 * 60};
    const Actor later{"Jo Placeholder", "2026-03-10T10:00"};
    c.received = d("2026-03-02");
    REQUIRE(report_hazard(c, r, f.s, later).is_ok());
    InvestigationResult inv{d("2026-03-04"), "Chris Example", true, false, "Condensation; the fan has failed.",
                            "Replace the fan and treat the mould."};
    REQUIRE(record_investigation(c, "hz", inv, f.s, later).is_ok());
    const Letter l = draft(LetterKind::HazardSummary, c, f);
    INFO(missing_ids(l.checklist));
    CHECK(item(l.checklist, "works")->present);
    CHECK(has(l.text, "Replace the fan and treat the mould."));
    CHECK(has(l.text, "The law says we must write"));  // damp and mould in 2026: under the law
    // Starting the works later keeps what was planned when no new wording is given.
    REQUIRE(record_further_work_started(c, "hz", d("2026-03-06"), "", "Example Damp Co", f.s, later).is_ok());
    CHECK(c.hazards[0].works_planned == "Replace the fan and treat the mould.");
}

TEST_CASE("Awaab's Law, commencement: a hazard not yet under the law is written to as our policy") {
    Fixture f;
    Case c = with_hazard(f.s);
    c.hazards[0].aware = {d("2026-03-02"), 10 * 60};
    c.hazards[0].investigated = d("2026-03-04");
    c.hazards[0].type_id = "excess-cold";  // phase 2: no date confirmed in the defaults
    const std::string t = draft(LetterKind::HazardSummary, c, f).text;
    CHECK(has(t, "Our policy is to write to tell you"));
    CHECK_FALSE(has(t, "The law says"));
    c.hazards[0].type_id = "damp-and-mould";
    CHECK(has(draft(LetterKind::HazardSummary, c, f).text, "The law says we must write"));
}

TEST_CASE("6.13: the stage 2 acknowledgement promises a new reviewer only when stage 2 has one") {
    Fixture f;
    Case c = escalated(f.s);
    CHECK(has(draft(LetterKind::Ack2, c, f).text, "Someone who did not deal with your complaint at stage 1 will review it."));
    c.stages[1].investigator = c.stages[0].investigator;  // imported data: the stage 1 investigator again
    const Letter l = draft(LetterKind::Ack2, c, f);
    CHECK_FALSE(has(l.text, "Someone who did not deal with your complaint at stage 1"));
    CHECK_FALSE(item(l.checklist, "6.13")->present);
}

TEST_CASE("6.4, 6.5: a second extension says how much later than first said, counting every extension") {
    Fixture f;
    Case c = extended(f.s);  // 5 working days
    Extension e;
    e.working_days = 3;
    e.reason = "The surveyor's report is late.";
    e.decided_on = d("2025-01-10");
    REQUIRE(extend(c, 1, e, f.s, kActor).is_ok());
    const std::string t = draft(LetterKind::Extension1, c, f).text;
    CHECK(has(t, "3 working days later than the date in our last letter, and 8 working days later than we first said"));
    LetterOptions first;
    first.extension_index = 0;
    CHECK(has(draft(LetterKind::Extension1, c, f, first).text, "That is 5 working days later than we first said."));
}

TEST_CASE("7.3: a response never says there is nothing further to do while a remedy is still due") {
    Fixture f;
    Case c = responded1(f.s);
    c.stages[0].actions.clear();  // no outstanding actions, but the £150 payment is still to be made
    std::string t = draft(LetterKind::Response1, c, f).text;
    CHECK_FALSE(has(t, "nothing further for us to do"));
    CHECK(has(t, "We will tell you when we have done what we have offered"));
    for (Remedy& r : c.stages[0].remedies) r.completed = d("2025-01-15");
    t = draft(LetterKind::Response1, c, f).text;
    CHECK(has(t, "There is nothing further for us to do on this complaint."));
}

TEST_CASE("6.20: the Building Safety Regulator is named with a way to reach it, or the letter is not ready") {
    Fixture f;
    Case c = responded2(f.s);
    c.high_rise_building_safety = true;
    CHECK(item(draft(LetterKind::Response2, c, f).checklist, "regulator")->present);
    f.s.building_safety_regulator_contact.clear();
    const Letter l = draft(LetterKind::Response2, c, f);
    CHECK_FALSE(item(l.checklist, "regulator")->present);
    CHECK(has(item(l.checklist, "regulator")->message, "website or phone"));
}

TEST_CASE("2022 Code: an extension notice checks the 2022 Code's own limit, not the 2024 Code's") {
    Fixture f;
    Case c = escalated(f.s);
    c.code = CodeVersion::Code2022;
    Extension e;  // as imported: 15 working days at stage 2, no good reason, no stored flag
    e.working_days = 15;
    e.reason = "Waiting for a structural engineer.";
    e.decided_on = d("2025-02-20");
    c.stages[1].extensions.push_back(e);
    const Letter l = draft(LetterKind::Extension2, c, f);
    const CheckItem* within = item(l.checklist, "within-limit");
    REQUIRE(within != nullptr);
    CHECK_FALSE(within->present);  // the 2022 Code allowed 10 at stage 2; the 2024 Code's 20 would pass it
    CHECK(has(within->label, "10 working days"));
}
