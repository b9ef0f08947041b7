// The Code's rules, one test per rule: each would fail if the rule were missing.
#include "case_fixtures.h"

#include <doctest/doctest.h>

#include "core/rules/deadlines.h"
#include "core/model/settings.h"
#include "core/data/settings_defaults.h"
#include "core/rules/workflow.h"

#include <string>

using namespace doorstep;

namespace {

using fixtures::d;

// The defaults with the sample organisation's invented staff (Jo Placeholder, Pat Demo...).
const Settings& S() { return fixtures::sample_settings(); }

const Actor kOfficer{"Jo Placeholder", "2025-02-03T10:00"};
const Actor kManager{"Pat Demo", "2025-02-03T11:00"};

NewCase complaint_details(const char* received = "2025-02-03", uint32_t counter = 1) {
    NewCase n;
    n.id = "0b7e6c1a-2f1d-4c1e-9a53-6f3a2d1c0b0" + std::to_string(counter % 10);
    n.counter = counter;
    n.kind = CaseKind::Complaint;
    n.channel = Channel::HomeVisit;
    n.received = d(received);
    n.resident.name = "Ada Sample";
    n.own_words = "The boiler has been broken for two weeks and nobody came.";
    n.outcome_wanted = "Fix the boiler and explain the delay";
    n.category_id = "repairs";
    return n;
}

Case new_complaint(const char* received = "2025-02-03", uint32_t counter = 1) {
    auto r = new_case(complaint_details(received, counter), S(), kOfficer);
    REQUIRE(r.is_ok());
    return std::move(*r);
}

AcknowledgementDetails ack_details(const char* investigator = "Jo Placeholder", const char* approver = "") {
    AcknowledgementDetails a;
    a.definition = "The resident is unhappy that a reported boiler fault was not repaired.";
    a.points = {DefinitionPoint{"Delay repairing the boiler", Decision::Undecided, ""},
                DefinitionPoint{"No reply to two phone calls", Decision::Undecided, ""}};
    a.aspects = {Aspect{"Boiler repair handling", true, ""}};
    a.outcome_sought = "Boiler fixed; explanation";
    a.investigator = investigator;
    a.approver = approver;
    return a;
}

void decide_all(Case& c, int stage_no) {
    const int i = stage_index(c, stage_no);
    for (int j = 0; j < static_cast<int>(c.stages[i].points.size()); ++j)
        REQUIRE(decide_point(c, stage_no, j, Decision::Upheld, "Repairs policy 4.2: heating repairs within 3 days", kOfficer).is_ok());
}

// A complaint acknowledged on `ack` and answered at stage 1 on `responded`.
Case stage1_answered(const char* ack, const char* responded, const char* investigator = "Jo Placeholder",
                     const char* approver = "Chris Example") {
    Case c = new_complaint(ack);  // received the day it was acknowledged
    REQUIRE(acknowledge(c, 1, d(ack), ack_details(investigator, approver), S(), kOfficer).is_ok());
    decide_all(c, 1);
    REQUIRE(record_response(c, 1, d(responded), ResponseDetails{"Upheld", "", ""}, S(), kOfficer).is_ok());
    return c;
}

EscalationRequest asks(const char* on) {
    EscalationRequest r;
    r.on = d(on);
    return r;
}

RefusalDecision refusal(const char* ground, const char* on = "2025-02-04") {
    RefusalDecision r;
    r.ground_id = ground;
    r.reasoning = "The claim form was filed at the county court on 10 January.";
    r.approved_by = "Pat Demo";
    r.decided_on = d(on);
    return r;
}

// An error must leave the case exactly as it was: checked through the parts a rule could touch.
struct Snapshot {
    size_t audit = 0, stages = 0, contacts = 0, log = 0, linked = 0, adjustments = 0, restrictions = 0;
    bool closed = false, refused = false;
    std::string stage_text;
    explicit Snapshot(const Case& c)
        : audit(c.audit.size()), stages(c.stages.size()), contacts(c.contacts.size()), log(c.log.size()),
          linked(c.linked_cases.size()), adjustments(c.adjustments.size()), restrictions(c.restrictions.size()),
          closed(c.closure.has_value()), refused(c.refusal.has_value()) {
        for (const Stage& s : c.stages) {
            stage_text += s.definition + "|" + s.investigator + "|" + s.approver + "|" + std::to_string(s.points.size()) +
                          "|" + std::to_string(s.extensions.size()) + "|" + std::to_string(s.remedies.size()) + "|" +
                          std::to_string(s.actions.size()) + "|" + (s.acknowledged ? to_iso(*s.acknowledged) : "-") +
                          "|" + (s.responded ? to_iso(*s.responded) : "-") + ";";
            for (const DefinitionPoint& p : s.points) stage_text += p.reasons + "/";
        }
    }
    bool operator==(const Snapshot& o) const {
        return audit == o.audit && stages == o.stages && contacts == o.contacts && log == o.log && linked == o.linked &&
               adjustments == o.adjustments && restrictions == o.restrictions && closed == o.closed &&
               refused == o.refused && stage_text == o.stage_text;
    }
};

// Asserts the status failed, names the case and field, and left the case unchanged.
#define CHECK_REFUSED(expr, c, field_part)                                            \
    do {                                                                              \
        const Snapshot before_(c);                                                    \
        const Status st_ = (expr);                                                    \
        REQUIRE_FALSE(st_.is_ok());                                                   \
        CHECK(st_.error().where.find("case " + (c).reference) == 0);                  \
        CHECK_MESSAGE(st_.error().where.find(field_part) != std::string::npos, st_.error().text()); \
        CHECK(Snapshot(c) == before_);                                                \
    } while (0)

}  // namespace

// ---------------------------------------------------------------------------
// Defaults

TEST_CASE("settings: defaults come from the embedded asset") {
    const Settings& s = S();
    CHECK(s.landlord.name == "Example Homes");  // the sample organisation's
    CHECK(default_settings().landlord.name.empty());
    CHECK(s.ombudsman.phone == "0300 111 3000");
    CHECK(s.ombudsman.website == "www.housing-ombudsman.org.uk");
    CHECK(s.ombudsman.online_form.find("housing-ombudsman.org.uk") != std::string::npos);
    CHECK(s.ombudsman.address.find("PO Box 1484, Unit D, Preston PR2 0ET") != std::string::npos);
    CHECK(s.building_safety_regulator == "Building Safety Regulator");
    CHECK(s.policy.acknowledge_days == 5);
    CHECK(s.policy.stage1_response_days == 10);
    CHECK(s.policy.stage2_response_days == 20);
    CHECK(s.policy.escalation_window_weeks == 4);
    CHECK(s.policy.refusal_explanation_days == 5);
    CHECK(s.region == Region::EnglandAndWales);

    REQUIRE(s.categories.size() == 11);
    const char* ids[] = {"repairs", "damp-and-mould", "anti-social-behaviour", "staff-conduct", "communication",
                         "building-safety", "contractor", "lettings", "rent-and-charges", "estate-services", "other"};
    for (size_t i = 0; i < 11; ++i) CHECK(s.categories[i].id == ids[i]);
    CHECK(s.categories[1].hazard_prompt);   // damp and mould
    CHECK(s.categories[5].hazard_prompt);   // building safety
    CHECK_FALSE(s.categories[2].hazard_prompt);

    REQUIRE(s.compensation.size() == 5);
    CHECK(s.compensation[0].amount == Money::from_pounds(15));
    CHECK(s.compensation[0].per == RatePer::Day);
    CHECK(s.compensation[1].amount == Money::from_pounds(8));
    CHECK(s.compensation[2].amount == Money::from_pounds(10));
    CHECK(s.compensation[3].per == RatePer::Week);
    CHECK(s.compensation[4].per == RatePer::Occurrence);
    CHECK(s.discretionary_bands.find("£600") != std::string::npos);

    const RefusalGround* twelve = find_ground(s, "over-12-months");
    REQUIRE(twelve);
    CHECK(twelve->needs_discretion);
    CHECK(twelve->provision == "2.3");
    REQUIRE(find_ground(s, "statutory-review"));
    CHECK(find_ground(s, "statutory-review")->body == ReviewBody::LocalGovernmentOmbudsman);
    CHECK(find_ground(s, "insurance-claim")->body == ReviewBody::Insurer);
    CHECK(find_ground(s, "legal-proceedings"));
    CHECK(find_ground(s, "already-considered"));

    CHECK(s.staff.size() >= 5);
    REQUIRE(find_staff(s, "Pat Demo"));
    CHECK(find_staff(s, "Pat Demo")->role == StaffRole::ComplaintsManager);
    CHECK(find_staff(s, "pat demo ") == find_staff(s, "Pat Demo"));
    int phase[4] = {0, 0, 0, 0};
    for (const HazardType& h : s.hazard_types) phase[std::min(3, std::max(0, h.phase))]++;
    CHECK(phase[1] == 2);
    CHECK(phase[2] == 7);
    CHECK(phase[3] >= 1);
    CHECK(s.hazard_timescales.investigate_working_days == 10);
    CHECK(s.outcome_labels.at("partly_upheld") == "Partly upheld");
}

TEST_CASE("settings: a new device names no landlord and no staff until it is set up") {
    const Settings s = default_settings();
    CHECK(s.landlord.name.empty());
    CHECK(s.landlord.phone.empty());
    CHECK(s.landlord.email.empty());
    CHECK(s.staff.empty());
    CHECK_FALSE(organisation_set_up(s));
    Settings mine = s;
    mine.landlord.name = "Riverside Homes";
    CHECK_FALSE(organisation_set_up(mine));  // letters need a phone or email too
    mine.landlord.email = "complaints@riverside.invalid";
    CHECK(organisation_set_up(mine));
}

TEST_CASE("settings: the sample landlord and staff come with sample data and go with it") {
    Settings s = default_settings();
    s.staff.push_back({"own-1", "Dana Real", StaffRole::Officer, "Housing", "", "", false, Money{5000}});
    add_sample_organisation(s);
    CHECK(s.landlord.name == "Example Homes");
    REQUIRE(find_staff(s, "Jo Placeholder"));
    CHECK(is_sample_staff(*find_staff(s, "Jo Placeholder")));
    CHECK_FALSE(is_sample_staff(*find_staff(s, "Dana Real")));
    const size_t with_sample = s.staff.size();
    add_sample_organisation(s);  // twice: no one twice
    CHECK(s.staff.size() == with_sample);
    remove_sample_organisation(s);
    CHECK(s.landlord.name.empty());
    REQUIRE(s.staff.size() == 1);
    CHECK(s.staff[0].name == "Dana Real");

    // A device's own landlord is neither replaced nor removed.
    Settings own = default_settings();
    own.landlord.name = "Riverside Homes";
    add_sample_organisation(own);
    CHECK(own.landlord.name == "Riverside Homes");
    remove_sample_organisation(own);
    CHECK(own.landlord.name == "Riverside Homes");
    CHECK(own.staff.empty());
}

TEST_CASE("settings: calendar() carries the region and closure days") {
    Settings s = S();
    s.closure_days.push_back(Holiday{d("2025-12-24"), "Office closed"});
    const Calendar cal = s.calendar();
    CHECK_FALSE(cal.is_working_day(d("2025-12-24")));
    CHECK(cal.is_working_day(d("2025-12-23")));
    s.region = Region::Scotland;
    CHECK_FALSE(s.calendar().is_working_day(d("2025-01-02")));  // 2 January in Scotland
}

// ---------------------------------------------------------------------------
// Receiving

TEST_CASE("new_case: reference, stage 1 from receipt, one audit entry") {
    auto r = new_case(complaint_details("2025-02-03", 42), S(), kOfficer);
    REQUIRE(r.is_ok());
    CHECK(r->reference == "DS-2025-000042");
    CHECK(r->code == CodeVersion::Code2024);
    REQUIRE(r->stages.size() == 1);
    CHECK(r->stages[0].number == 1);
    CHECK(r->stages[0].opened == d("2025-02-03"));
    CHECK(r->logged == d("2025-02-03"));
    REQUIRE(r->audit.size() == 1);
    CHECK(r->audit[0].who == "Jo Placeholder");
    CHECK(r->audit[0].at == "2025-02-03T10:00");

    NewCase sr = complaint_details();
    sr.kind = CaseKind::ServiceRequest;
    auto s = new_case(sr, S(), kOfficer);
    REQUIRE(s.is_ok());
    CHECK(s->stages.empty());  // a service request is not a complaint (1.4)
}

TEST_CASE("new_case: each required detail is checked") {
    auto fails_on = [](NewCase n, const char* field) {
        auto r = new_case(n, S(), kOfficer);
        REQUIRE_FALSE(r.is_ok());
        CHECK_MESSAGE(r.error().where.find(field) != std::string::npos, r.error().text());
    };
    NewCase n = complaint_details();
    n.resident.name = " ";
    fails_on(n, "resident.name");
    n.resident.group_of_residents = true;
    n.resident.group_description = "Residents of Example Court";
    CHECK(new_case(n, S(), kOfficer).is_ok());  // a group complaint (1.2)

    n = complaint_details();
    n.own_words.clear();
    fails_on(n, "own_words");

    n = complaint_details();
    n.logged = d("2025-02-01");
    fails_on(n, "logged");

    n = complaint_details();
    n.category_id = "gardening";
    fails_on(n, "category_id");

    n = complaint_details();
    n.id.clear();
    fails_on(n, "id");

    // 3.6: a representative needs consent, unless a councillor or MP.
    n = complaint_details();
    n.representative.kind = RepresentativeKind::FamilyOrFriend;
    n.representative.name = "Ben Sample";
    fails_on(n, "representative.consent_given");
    n.representative.consent_given = true;
    CHECK(new_case(n, S(), kOfficer).is_ok());
    n.representative.kind = RepresentativeKind::Councillor;
    n.representative.consent_given = false;
    CHECK(new_case(n, S(), kOfficer).is_ok());
}

// ---------------------------------------------------------------------------
// Acknowledgement (5.6, 5.7, 6.2)

TEST_CASE("acknowledge: records the definition and rejects what the Code requires") {
    Case c = new_complaint();
    CHECK_REFUSED(acknowledge(c, 1, d("2025-01-31"), ack_details(), S(), kOfficer), c, "stages[0].acknowledged");
    AcknowledgementDetails a = ack_details();
    a.definition.clear();
    CHECK_REFUSED(acknowledge(c, 1, d("2025-02-04"), a, S(), kOfficer), c, "stages[0].definition");
    a = ack_details();
    a.points.clear();
    CHECK_REFUSED(acknowledge(c, 1, d("2025-02-04"), a, S(), kOfficer), c, "stages[0].points");
    a = ack_details();
    a.aspects.push_back(Aspect{"Compensation for a broken fridge", false, ""});
    CHECK_REFUSED(acknowledge(c, 1, d("2025-02-04"), a, S(), kOfficer), c, "stages[0].aspects[1].reason_excluded");
    a = ack_details();
    a.outcome_sought.clear();
    CHECK_REFUSED(acknowledge(c, 1, d("2025-02-04"), a, S(), kOfficer), c, "outcome_sought");
    a = ack_details("");
    CHECK_REFUSED(acknowledge(c, 1, d("2025-02-04"), a, S(), kOfficer), c, "investigator");
    CHECK_REFUSED(acknowledge(c, 2, d("2025-02-04"), ack_details(), S(), kOfficer), c, "stages");
    CHECK_REFUSED(acknowledge(c, 3, d("2025-02-04"), ack_details(), S(), kOfficer), c, "stages");

    REQUIRE(acknowledge(c, 1, d("2025-02-04"), ack_details(), S(), kOfficer).is_ok());
    CHECK(c.stages[0].acknowledged == d("2025-02-04"));
    CHECK(c.stages[0].points.size() == 2);
    CHECK(c.stages[0].investigator == "Jo Placeholder");
    CHECK(c.audit.size() == 2);
    CHECK_REFUSED(acknowledge(c, 1, d("2025-02-05"), ack_details(), S(), kOfficer), c, "acknowledged");
}

TEST_CASE("acknowledge: an extension set at acknowledgement for a complex case") {
    Case c = new_complaint();
    AcknowledgementDetails a = ack_details();
    a.extension = Extension{};
    a.extension->working_days = 5;
    CHECK_REFUSED(acknowledge(c, 1, d("2025-02-04"), a, S(), kOfficer), c, "extensions.reason");
    a.extension->reason = "Three departments and a contractor are involved";
    REQUIRE(acknowledge(c, 1, d("2025-02-04"), a, S(), kOfficer).is_ok());
    REQUIRE(c.stages[0].extensions.size() == 1);
    CHECK(c.stages[0].extensions[0].set_at_acknowledgement);
    CHECK(c.stages[0].extensions[0].decided_on == d("2025-02-04"));
}

TEST_CASE("conflict of interest blocks that person (5.8c)") {
    Case c = new_complaint();
    REQUIRE(declare_conflict_of_interest(c, ConflictOfInterest{"Chris Example", "Resident's neighbour", d("2025-02-03")}, kOfficer).is_ok());
    CHECK_REFUSED(acknowledge(c, 1, d("2025-02-04"), ack_details("Chris Example"), S(), kOfficer), c, "investigator");
    CHECK_REFUSED(acknowledge(c, 1, d("2025-02-04"), ack_details("Jo Placeholder", "chris example"), S(), kOfficer), c, "approver");
    REQUIRE(acknowledge(c, 1, d("2025-02-04"), ack_details(), S(), kOfficer).is_ok());
    CHECK_REFUSED(assign_handler(c, 1, "Chris Example", kOfficer), c, "investigator");
    CHECK_REFUSED(add_contributor(c, 1, "Chris Example", kOfficer), c, "contributors");
    REQUIRE(add_contributor(c, 1, "Robin Specimen", kOfficer).is_ok());

    // Declared by the current handler: the status asks for the case to be reallocated.
    REQUIRE(declare_conflict_of_interest(c, ConflictOfInterest{"Jo Placeholder", "Related to the resident", d("2025-02-05")}, kOfficer).is_ok());
    const CaseStatus st = status(c, d("2025-02-05"), S(), S().calendar());
    CHECK(st.next == NextAction::Reallocate);
    REQUIRE(assign_handler(c, 1, "Robin Specimen", kOfficer).is_ok());
    CHECK(status(c, d("2025-02-05"), S(), S().calendar()).next == NextAction::Respond);
}

// ---------------------------------------------------------------------------
// Responses (6.7, 6.18)

TEST_CASE("record_response: every point needs a decision and reasons") {
    Case c = new_complaint();
    CHECK_REFUSED(record_response(c, 1, d("2025-02-10"), ResponseDetails{}, S(), kOfficer), c, "stages[0].acknowledged");
    REQUIRE(acknowledge(c, 1, d("2025-02-04"), ack_details(), S(), kOfficer).is_ok());
    CHECK_REFUSED(record_response(c, 1, d("2025-02-10"), ResponseDetails{}, S(), kOfficer), c, "stages[0].points[0].decision");
    CHECK_REFUSED(decide_point(c, 1, 0, Decision::Upheld, "", kOfficer), c, "points[0].reasons");
    REQUIRE(decide_point(c, 1, 0, Decision::Upheld, "Repairs policy: heating within 3 days", kOfficer).is_ok());
    CHECK_REFUSED(record_response(c, 1, d("2025-02-10"), ResponseDetails{}, S(), kOfficer), c, "stages[0].points[1].decision");
    // A decision with reasons removed later (imported or edited data) is caught at the response too.
    c.stages[0].points[1].decision = Decision::NotUpheld;
    CHECK_REFUSED(record_response(c, 1, d("2025-02-10"), ResponseDetails{}, S(), kOfficer), c, "stages[0].points[1].reasons");
    REQUIRE(decide_point(c, 1, 1, Decision::NotUpheld, "Call log shows two returned calls", kOfficer).is_ok());
    CHECK_REFUSED(record_response(c, 1, d("2025-02-03"), ResponseDetails{}, S(), kOfficer), c, "responded");
    REQUIRE(record_response(c, 1, d("2025-02-10"), ResponseDetails{"Partly upheld", "", ""}, S(), kOfficer).is_ok());
    CHECK(c.stages[0].responded == d("2025-02-10"));
    CHECK_REFUSED(record_response(c, 1, d("2025-02-11"), ResponseDetails{}, S(), kOfficer), c, "responded");
    CHECK_REFUSED(decide_point(c, 1, 0, Decision::NotUpheld, "changed my mind", kOfficer), c, "points");
}

TEST_CASE("record_response: a contractor drafts stage 1 only — the landlord gives the final response") {
    Case c = stage1_answered("2025-02-04", "2025-02-10");
    c.stages[0].contractor_author.clear();
    REQUIRE(request_escalation(c, asks("2025-02-12"), S(), kOfficer).is_ok());
    REQUIRE(acknowledge(c, 2, d("2025-02-13"), ack_details("Pat Demo"), S(), kOfficer).is_ok());
    decide_all(c, 2);
    CHECK_REFUSED(record_response(c, 2, d("2025-03-03"), ResponseDetails{"", "Robin Specimen", "Lee Contractor"}, S(), kOfficer),
                  c, "contractor_author");
    // A staff member not allowed to sign stage 2.
    CHECK_REFUSED(record_response(c, 2, d("2025-03-03"), ResponseDetails{"", "Sam Sample", ""}, S(), kOfficer), c, "approver");
    REQUIRE(record_response(c, 2, d("2025-03-03"), ResponseDetails{"Upheld", "Robin Specimen", ""}, S(), kOfficer).is_ok());
}

// ---------------------------------------------------------------------------
// Escalation (5.3, 6.10–6.13)

TEST_CASE("request_escalation: only after a stage 1 response, at the resident's request, no reason needed") {
    Case c = new_complaint();
    CHECK_REFUSED(request_escalation(c, asks("2025-02-05"), S(), kOfficer), c, "stages[0].responded");
    c = stage1_answered("2025-02-04", "2025-02-10");
    EscalationRequest landlord = asks("2025-02-12");
    landlord.from_resident = false;
    CHECK_REFUSED(request_escalation(c, landlord, S(), kOfficer), c, "escalation");
    CHECK_REFUSED(request_escalation(c, asks("2025-02-07"), S(), kOfficer), c, "escalation.requested");

    REQUIRE(request_escalation(c, asks("2025-02-12"), S(), kOfficer).is_ok());  // 6.12: no reason given
    REQUIRE(c.stages.size() == 2);
    CHECK(c.stages[1].number == 2);
    CHECK(c.stages[1].opened == d("2025-02-12"));
    REQUIRE(c.stages[1].escalation);
    CHECK(c.stages[1].escalation->requested == d("2025-02-12"));
    CHECK_FALSE(c.stages[1].escalation->outside_window);

    // 5.3: never a third stage.
    CHECK_REFUSED(request_escalation(c, asks("2025-02-13"), S(), kOfficer), c, "stages");
}

TEST_CASE("request_escalation: late requests need a discretion decision") {
    // Stage 1 answered Wed 30 Apr 2025: the 4-week window ends Wed 28 May 2025,
    // across the month end and two bank holidays (5 and 26 May), which do not lengthen it.
    Case c = stage1_answered("2025-04-25", "2025-04-30");
    CHECK(escalation_window_end(d("2025-04-30"), S()) == d("2025-05-28"));
    {
        Case on_last_day = c;
        REQUIRE(request_escalation(on_last_day, asks("2025-05-28"), S(), kOfficer).is_ok());
        CHECK_FALSE(on_last_day.stages[1].escalation->outside_window);
    }
    CHECK_REFUSED(request_escalation(c, asks("2025-05-29"), S(), kOfficer), c, "discretion_decision");
    EscalationRequest late = asks("2025-05-29");
    late.discretion_decision = "Resident was in hospital for three weeks";
    REQUIRE(request_escalation(c, late, S(), kOfficer).is_ok());
    CHECK(c.stages[1].escalation->outside_window);
    CHECK(c.stages[1].escalation->discretion_decision == "Resident was in hospital for three weeks");
}

TEST_CASE("request_escalation: a 2022-Code case never gets a stage 3 from the app") {
    Case c = stage1_answered("2023-10-05", "2023-10-18");
    c.code = CodeVersion::Code2022;
    REQUIRE(request_escalation(c, asks("2023-10-20"), S(), kOfficer).is_ok());
    REQUIRE(acknowledge(c, 2, d("2023-10-23"), ack_details("Pat Demo"), S(), kOfficer).is_ok());
    decide_all(c, 2);
    REQUIRE(record_response(c, 2, d("2023-11-10"), ResponseDetails{"", "Robin Specimen", ""}, S(), kOfficer).is_ok());
    CHECK_REFUSED(request_escalation(c, asks("2023-11-13"), S(), kOfficer), c, "stages");
    CHECK(c.stages.size() == 2);
    // An imported stage 3 is read and can still be answered.
    Stage s3;
    s3.number = 3;
    s3.opened = d("2023-11-13");
    s3.escalation = Escalation{d("2023-11-13"), "", false, ""};
    s3.points = {DefinitionPoint{"Panel review", Decision::NotUpheld, "Panel found the stage 2 answer sound"}};
    c.stages.push_back(s3);
    CHECK(record_response(c, 3, d("2023-12-01"), ResponseDetails{"Panel decision", "Panel Chair", ""}, S(), kOfficer).is_ok());
}

TEST_CASE("6.13: stage 2 handler and signatory differ from stage 1's, including a shared signatory") {
    Case c = stage1_answered("2025-02-04", "2025-02-10", "Jo Placeholder", "Pat Demo");
    REQUIRE(request_escalation(c, asks("2025-02-12"), S(), kOfficer).is_ok());
    // The stage 1 investigator cannot investigate or sign stage 2.
    CHECK_REFUSED(acknowledge(c, 2, d("2025-02-13"), ack_details("Jo Placeholder"), S(), kOfficer), c, "stages[1].investigator");
    CHECK_REFUSED(acknowledge(c, 2, d("2025-02-13"), ack_details("Chris Example", "jo placeholder"), S(), kOfficer), c,
                  "stages[1].approver");
    // The stage 1 signatory cannot investigate stage 2, nor sign it again (shared signatory).
    CHECK_REFUSED(acknowledge(c, 2, d("2025-02-13"), ack_details("Pat Demo"), S(), kOfficer), c, "stages[1].investigator");
    CHECK_REFUSED(acknowledge(c, 2, d("2025-02-13"), ack_details("Chris Example", "Pat Demo"), S(), kOfficer), c,
                  "stages[1].approver");
    REQUIRE(acknowledge(c, 2, d("2025-02-13"), ack_details("Chris Example"), S(), kOfficer).is_ok());
    CHECK_REFUSED(assign_approver(c, 2, "Pat Demo", S(), kOfficer), c, "stages[1].approver");
    CHECK_REFUSED(assign_handler(c, 2, "Jo Placeholder", kOfficer), c, "stages[1].investigator");
    decide_all(c, 2);
    CHECK_REFUSED(record_response(c, 2, d("2025-03-03"), ResponseDetails{"", "Pat Demo", ""}, S(), kOfficer), c,
                  "stages[1].approver");
    REQUIRE(assign_approver(c, 2, "Robin Specimen", S(), kOfficer).is_ok());
    REQUIRE(record_response(c, 2, d("2025-03-03"), ResponseDetails{"Final", "", ""}, S(), kOfficer).is_ok());
    CHECK(c.stages[1].approver == "Robin Specimen");
    // A stage 1 reassignment is not bound by 6.13.
    Case other = new_complaint();
    CHECK(assign_handler(other, 1, "Pat Demo", kOfficer).is_ok());
}

// ---------------------------------------------------------------------------
// Refusals (section 2, 5.11)

TEST_CASE("refuse: a known ground, reasoning kept, approval per policy") {
    Case c = new_complaint();
    CHECK_REFUSED(refuse(c, refusal("not-a-ground"), S(), kOfficer), c, "refusal.ground_id");
    RefusalDecision r = refusal("legal-proceedings");
    r.reasoning = "  ";
    CHECK_REFUSED(refuse(c, r, S(), kOfficer), c, "refusal.reasoning");
    r = refusal("legal-proceedings");
    r.approved_by.clear();
    CHECK_REFUSED(refuse(c, r, S(), kOfficer), c, "refusal.approved_by");
    r.approved_by = "Sam Sample";  // an officer, not a manager
    CHECK_REFUSED(refuse(c, r, S(), kOfficer), c, "refusal.approved_by");
    CHECK_REFUSED(refuse(c, refusal("legal-proceedings", "2025-01-02"), S(), kOfficer), c, "decided_on");

    Settings no_approval = S();
    no_approval.policy.refusal_needs_approval = false;
    r.approved_by.clear();
    {
        Case copy = c;
        CHECK(refuse(copy, r, no_approval, kOfficer).is_ok());
    }

    REQUIRE(refuse(c, refusal("legal-proceedings"), S(), kOfficer).is_ok());
    REQUIRE(c.refusal);
    CHECK(c.refusal->ground_id == "legal-proceedings");
    CHECK_FALSE(c.refusal->at_escalation);
    CHECK(is_open(c));  // open until explained (2.4)
    CHECK_REFUSED(acknowledge(c, 1, d("2025-02-05"), ack_details(), S(), kOfficer), c, "refusal");
    CHECK_REFUSED(record_refusal_explained(c, d("2025-02-03"), kOfficer), c, "refusal.explained_on");
    REQUIRE(record_refusal_explained(c, d("2025-02-06"), kOfficer).is_ok());
    REQUIRE(c.closure);
    CHECK(c.closure->reason == ClosureReason::Refused);
    CHECK(c.refusal->explained_on == d("2025-02-06"));
}

TEST_CASE("refuse: the 12-month ground needs discretion considered (2.3)") {
    Case c = new_complaint();
    RefusalDecision r = refusal("over-12-months");
    CHECK_REFUSED(refuse(c, r, S(), kOfficer), c, "refusal.discretion_decision");
    r.discretion_considered = true;
    CHECK_REFUSED(refuse(c, r, S(), kOfficer), c, "refusal.discretion_decision");
    r.discretion_decision = "No health, safeguarding or safety reason for the delay was given";
    REQUIRE(refuse(c, r, S(), kOfficer).is_ok());
    CHECK(c.refusal->discretion_considered);
}

TEST_CASE("refuse: not after the stage 1 response — refuse_escalation needs a section-2 ground (5.11)") {
    Case c = stage1_answered("2025-02-04", "2025-02-10");
    CHECK_REFUSED(refuse(c, refusal("legal-proceedings", "2025-02-11"), S(), kOfficer), c, "refusal");
    CHECK_REFUSED(refuse_escalation(c, refusal("legal-proceedings", "2025-02-11"), S(), kOfficer), c, "stages");
    REQUIRE(request_escalation(c, asks("2025-02-12"), S(), kOfficer).is_ok());

    Settings custom = S();
    custom.refusal_grounds.push_back(RefusalGround{"tone", "Rude request", "5.14", ReviewBody::HousingOmbudsman, false});
    CHECK_REFUSED(refuse_escalation(c, refusal("tone", "2025-02-13"), custom, kOfficer), c, "refusal.ground_id");
    CHECK_REFUSED(refuse_escalation(c, refusal("legal-proceedings", "2025-02-11"), S(), kOfficer), c, "decided_on");
    REQUIRE(refuse_escalation(c, refusal("legal-proceedings", "2025-02-13"), S(), kOfficer).is_ok());
    CHECK(c.refusal->at_escalation);
    const CaseStatus st = status(c, d("2025-02-13"), S(), S().calendar());
    CHECK(st.next == NextAction::ExplainRefusal);
    CHECK(st.due == d("2025-02-20"));  // 5 working days (2.4)

    Case acked = stage1_answered("2025-02-04", "2025-02-10");
    REQUIRE(request_escalation(acked, asks("2025-02-12"), S(), kOfficer).is_ok());
    REQUIRE(acknowledge(acked, 2, d("2025-02-13"), ack_details("Pat Demo"), S(), kOfficer).is_ok());
    CHECK_REFUSED(refuse_escalation(acked, refusal("legal-proceedings", "2025-02-14"), S(), kOfficer), acked, "acknowledged");
}

// ---------------------------------------------------------------------------
// New issues (6.8) and service requests (1.5)

TEST_CASE("raise_related_issue: joins stage 1 before its response") {
    Case c = new_complaint();
    REQUIRE(acknowledge(c, 1, d("2025-02-04"), ack_details(), S(), kOfficer).is_ok());
    RelatedIssue issue{d("2025-02-06"), "Radiator valve also leaking", true, false, "", "new-1", 7};
    auto r = raise_related_issue(c, issue, S(), kOfficer);
    REQUIRE(r.is_ok());
    CHECK_FALSE(r->has_value());
    REQUIRE(c.stages[0].points.size() == 3);
    CHECK(c.stages[0].points[2].text == "Radiator valve also leaking");
    CHECK(c.stages[0].points[2].decision == Decision::Undecided);  // must be answered too (6.7)
}

TEST_CASE("raise_related_issue: would unreasonably delay → reason kept, new linked complaint") {
    Case c = new_complaint();
    REQUIRE(acknowledge(c, 1, d("2025-02-04"), ack_details(), S(), kOfficer).is_ok());
    RelatedIssue issue{d("2025-02-06"), "Damp in the back bedroom", true, true, "", "0b7e6c1a-0000-4000-8000-000000000099", 99};
    {
        const Snapshot before(c);
        auto r = raise_related_issue(c, issue, S(), kOfficer);
        REQUIRE_FALSE(r.is_ok());
        CHECK(r.error().where.find("linked_cases") != std::string::npos);
        CHECK(Snapshot(c) == before);
    }
    issue.delay_reason = "Needs a damp survey; booking takes three weeks";
    auto r = raise_related_issue(c, issue, S(), kOfficer);
    REQUIRE(r.is_ok());
    REQUIRE(r->has_value());
    const Case& n = **r;
    CHECK(n.reference == "DS-2025-000099");
    CHECK(n.kind == CaseKind::Complaint);
    CHECK(n.received == d("2025-02-06"));
    CHECK(n.resident.name == c.resident.name);
    REQUIRE(n.linked_cases.size() == 1);
    CHECK(n.linked_cases[0] == c.id);
    REQUIRE(c.linked_cases.size() == 1);
    CHECK(c.linked_cases[0] == n.id);
    CHECK(c.stages[0].points.size() == 2);
    CHECK(c.audit.back().what.find("damp survey") != std::string::npos);
}

TEST_CASE("raise_related_issue: after the stage 1 response, or unrelated → a new complaint") {
    Case c = stage1_answered("2025-02-04", "2025-02-10");
    RelatedIssue issue{d("2025-02-12"), "Fence panel down", true, false, "", "0b7e6c1a-0000-4000-8000-000000000011", 11};
    auto r = raise_related_issue(c, issue, S(), kOfficer);
    REQUIRE(r.is_ok());
    REQUIRE(r->has_value());
    CHECK(c.stages[0].points.size() == 2);

    Case open = new_complaint();
    RelatedIssue unrelated{d("2025-02-05"), "Neighbour noise", false, false, "", "0b7e6c1a-0000-4000-8000-000000000012", 12};
    auto u = raise_related_issue(open, unrelated, S(), kOfficer);
    REQUIRE(u.is_ok());
    CHECK(u->has_value());
    CHECK(open.stages[0].points.empty());
}

TEST_CASE("convert_service_request_to_complaint: the request stays open and both are linked (1.5)") {
    NewCase sr = complaint_details("2025-01-20", 5);
    sr.kind = CaseKind::ServiceRequest;
    sr.id = "0b7e6c1a-0000-4000-8000-0000000000aa";
    Case request = *new_case(sr, S(), kOfficer);
    NewCase d2 = complaint_details("2025-02-03", 6);
    d2.kind = CaseKind::ServiceRequest;  // overridden: the result is a complaint
    d2.resident = Resident{};
    auto r = convert_service_request_to_complaint(request, d2, S(), kOfficer);
    REQUIRE(r.is_ok());
    CHECK(r->kind == CaseKind::Complaint);
    CHECK(r->raised_from_case == request.id);
    CHECK(r->resident.name == "Ada Sample");  // carried over from the request
    CHECK(r->stages.size() == 1);
    CHECK_FALSE(request.closure);
    REQUIRE(request.linked_cases.size() == 1);
    CHECK(request.linked_cases[0] == r->id);
    CHECK(status(request, d("2025-02-03"), S(), S().calendar()).label_id == StatusLabel::ServiceRequestOpen);

    Case complaint = new_complaint();
    auto bad = convert_service_request_to_complaint(complaint, complaint_details(), S(), kOfficer);
    CHECK_FALSE(bad.is_ok());
}

// ---------------------------------------------------------------------------
// Ending a case

TEST_CASE("close: only when the response is sent and every remedy and action is complete") {
    Case c = new_complaint();
    CHECK_REFUSED(close(c, d("2025-02-05"), ClosureReason::Resolved, "", S(), kOfficer), c, "closure.reason");
    CHECK_REFUSED(close(c, d("2025-02-05"), ClosureReason::NoFurtherAction, "", S(), kOfficer), c, "closure.reason");
    CHECK_REFUSED(close(c, d("2025-02-05"), ClosureReason::Withdrawn, "", S(), kOfficer), c, "closure.reason");
    c = stage1_answered("2025-02-04", "2025-02-10");
    REQUIRE(add_action(c, 1, OutstandingAction{"Replace boiler", "Repairs team", d("2025-02-20"), std::nullopt}, kOfficer).is_ok());
    CHECK_REFUSED(close(c, d("2025-02-12"), ClosureReason::Resolved, "", S(), kOfficer), c, "stages[0].actions[0]");
    CHECK_REFUSED(close(c, d("2025-02-12"), ClosureReason::NotEscalated, "", S(), kOfficer), c, "closed_on");
    REQUIRE(complete_action(c, 1, 0, d("2025-02-18"), kOfficer).is_ok());
    CHECK_REFUSED(complete_action(c, 1, 0, d("2025-02-19"), kOfficer), c, "completed");
    REQUIRE(close(c, d("2025-02-18"), ClosureReason::Resolved, "", S(), kOfficer).is_ok());
    CHECK(c.closure->reason == ClosureReason::Resolved);
    CHECK_REFUSED(close(c, d("2025-02-19"), ClosureReason::Resolved, "", S(), kOfficer), c, "closure");

    NewCase praise = complaint_details();
    praise.kind = CaseKind::Compliment;
    Case k = *new_case(praise, S(), kOfficer);
    CHECK_REFUSED(close(k, d("2025-02-04"), ClosureReason::ServiceRequestDone, "", S(), kOfficer), k, "closure.reason");
    REQUIRE(close(k, d("2025-02-04"), ClosureReason::NoFurtherAction, "", S(), kOfficer).is_ok());

    NewCase srd = complaint_details();
    srd.kind = CaseKind::ServiceRequest;
    Case sr = *new_case(srd, S(), kOfficer);
    REQUIRE(close(sr, d("2025-02-07"), ClosureReason::ServiceRequestDone, "", S(), kOfficer).is_ok());
    CHECK(sr.service_request_completed == d("2025-02-07"));
}

TEST_CASE("withdraw: names who withdrew — closed cases take no more stage changes") {
    Case c = new_complaint();
    CHECK_REFUSED(withdraw(c, d("2025-02-05"), "", "", kOfficer), c, "withdrawn_by");
    REQUIRE(withdraw(c, d("2025-02-05"), "Resident, by phone", "Boiler now fixed", kOfficer).is_ok());
    CHECK(c.closure->reason == ClosureReason::Withdrawn);
    CHECK_REFUSED(acknowledge(c, 1, d("2025-02-06"), ack_details(), S(), kOfficer), c, "closure");
    CHECK(status(c, d("2025-02-06"), S(), S().calendar()).label_id == StatusLabel::ClosedWithdrawn);
}

TEST_CASE("apply_automatic_closures: not escalated the day after the window ends") {
    Case c = stage1_answered("2025-01-28", "2025-01-31");  // window: Fri 31 Jan → Fri 28 Feb 2025
    const Actor system{"Doorstep", "2025-03-01T08:00"};
    CHECK_FALSE(apply_automatic_closures(c, d("2025-02-28"), S(), system));
    CHECK_FALSE(c.closure);
    CHECK(status(c, d("2025-02-28"), S(), S().calendar()).next == NextAction::EscalationWindowOpen);
    CHECK(status(c, d("2025-03-03"), S(), S().calendar()).next == NextAction::Close);
    const size_t audit_before = c.audit.size();
    CHECK(apply_automatic_closures(c, d("2025-03-03"), S(), system));
    REQUIRE(c.closure);
    CHECK(c.closure->reason == ClosureReason::NotEscalated);
    CHECK(c.closure->closed_on == d("2025-03-01"));  // the day after, whenever it runs
    CHECK(c.audit.size() == audit_before + 1);
    CHECK_FALSE(apply_automatic_closures(c, d("2025-03-04"), S(), system));  // once only
    CHECK(status(c, d("2025-03-03"), S(), S().calendar()).label_id == StatusLabel::ClosedNotEscalated);

    // A late request accepted on discretion reopens it.
    EscalationRequest late = asks("2025-03-10");
    CHECK_REFUSED(request_escalation(c, late, S(), kOfficer), c, "discretion_decision");
    late.discretion_decision = "Safeguarding concern raised by the resident's support worker";
    REQUIRE(request_escalation(c, late, S(), kOfficer).is_ok());
    CHECK_FALSE(c.closure);
    CHECK(c.stages.size() == 2);

    // Nothing to close while stage 2 is open, nor for a stage 1 without a response.
    CHECK_FALSE(apply_automatic_closures(c, d("2025-06-01"), S(), system));
    Case fresh = new_complaint();
    CHECK_FALSE(apply_automatic_closures(fresh, d("2026-01-01"), S(), system));
}

// ---------------------------------------------------------------------------
// Extensions and updates

TEST_CASE("extend: reason required — beyond the limit needs a good reason (6.4, 6.15)") {
    Case c = new_complaint();
    Extension e;
    e.working_days = 5;
    e.reason = "Waiting for the contractor's report";
    e.decided_on = d("2025-02-10");
    CHECK_REFUSED(extend(c, 1, e, S(), kOfficer), c, "acknowledged");
    REQUIRE(acknowledge(c, 1, d("2025-02-04"), ack_details(), S(), kOfficer).is_ok());
    Extension no_reason = e;
    no_reason.reason.clear();
    CHECK_REFUSED(extend(c, 1, no_reason, S(), kOfficer), c, "extensions.reason");
    Extension zero = e;
    zero.working_days = 0;
    CHECK_REFUSED(extend(c, 1, zero, S(), kOfficer), c, "extensions.working_days");
    REQUIRE(extend(c, 1, e, S(), kOfficer).is_ok());
    CHECK_FALSE(c.stages[0].extensions[0].beyond_limit);
    CHECK(c.audit.back().what.find("response now due") != std::string::npos);
    Extension more = e;
    more.working_days = 6;  // 11 in total: over the 10 of 6.4
    CHECK_REFUSED(extend(c, 1, more, S(), kOfficer), c, "good_reason");
    more.good_reason = "Specialist survey of the whole block";
    REQUIRE(extend(c, 1, more, S(), kOfficer).is_ok());
    CHECK(c.stages[0].extensions[1].beyond_limit);

    // 6.5: the resident is told, with the Ombudsman's details.
    CHECK_REFUSED(record_extension_notice(c, 1, 0, d("2025-02-11"), "phone then letter", false, true, kOfficer), c,
                  "ombudsman_details_given");
    CHECK_REFUSED(record_extension_notice(c, 1, 0, d("2025-02-07"), "phone", true, true, kOfficer), c, "resident_told");
    CHECK_REFUSED(record_extension_notice(c, 1, 5, d("2025-02-11"), "phone", true, true, kOfficer), c, "extensions[5]");
    REQUIRE(record_extension_notice(c, 1, 0, d("2025-02-11"), "phone then letter", true, false, kOfficer).is_ok());
    CHECK(c.stages[0].extensions[0].resident_told == d("2025-02-11"));
    CHECK(c.stages[0].extensions[0].resident_agreed == false);
    CHECK_REFUSED(record_extension_notice(c, 1, 0, d("2025-02-12"), "phone", true, true, kOfficer), c, "resident_told");
}

TEST_CASE("agree_update_interval: a sensible interval on an open stage (5.9)") {
    Case c = new_complaint();
    CHECK_REFUSED(agree_update_interval(c, 1, d("2025-02-04"), 0, kOfficer), c, "every_working_days");
    CHECK_REFUSED(agree_update_interval(c, 1, d("2025-01-04"), 5, kOfficer), c, "agreed_on");
    REQUIRE(agree_update_interval(c, 1, d("2025-02-04"), 5, kOfficer).is_ok());
    REQUIRE(c.stages[0].updates);
    CHECK(c.stages[0].updates->every_working_days == 5);
}

// ---------------------------------------------------------------------------
// Remedies and actions (section 7, 6.6)

TEST_CASE("add_remedy: what and by when — award limits need a named approver") {
    Case c = stage1_answered("2025-02-04", "2025-02-10");
    Remedy r;
    r.type = RemedyType::Financial;
    r.description = "Compensation for 12 days without heating";
    r.amount = Money::from_pounds(180);
    CHECK_REFUSED(add_remedy(c, 1, r, S(), kOfficer), c, "remedies.due");
    r.due = d("2025-02-24");
    r.amount = Money{};
    CHECK_REFUSED(add_remedy(c, 1, r, S(), kOfficer), c, "remedies.amount");
    r.amount = Money::from_pounds(180);
    r.suggested = Money::from_pounds(180);
    REQUIRE(add_remedy(c, 1, r, S(), kOfficer).is_ok());  // within Jo's £250 limit

    Remedy big = r;
    big.amount = Money::from_pounds(400);
    big.suggested = Money::from_pounds(400);
    CHECK_REFUSED(add_remedy(c, 1, big, S(), kOfficer), c, "remedies.approved_by");
    big.approved_by = "Jo Placeholder";
    CHECK_REFUSED(add_remedy(c, 1, big, S(), kOfficer), c, "remedies.approved_by");
    big.approved_by = "Chris Example";  // limit £250: too low
    CHECK_REFUSED(add_remedy(c, 1, big, S(), kOfficer), c, "remedies.approved_by");
    big.approved_by = "Someone Unknown";
    CHECK_REFUSED(add_remedy(c, 1, big, S(), kOfficer), c, "remedies.approved_by");
    big.approved_by = "Pat Demo";
    REQUIRE(add_remedy(c, 1, big, S(), kOfficer).is_ok());

    // Unknown staff have a £0 limit.
    Remedy small = r;
    small.amount = Money::from_pounds(15);
    small.suggested = Money::from_pounds(15);
    CHECK_REFUSED(add_remedy(c, 1, small, S(), Actor{"Visiting Temp", "2025-02-11T09:00"}), c, "approved_by");

    Remedy changed = r;
    changed.amount = Money::from_pounds(200);
    CHECK_REFUSED(add_remedy(c, 1, changed, S(), kOfficer), c, "override_reason");
    changed.override_reason = "Two extra days before the heater was delivered";
    changed.parts.time_and_trouble = Money::from_pounds(50);
    CHECK_REFUSED(add_remedy(c, 1, changed, S(), kOfficer), c, "remedies.parts");
    changed.parts.quantifiable_losses = Money::from_pounds(150);
    REQUIRE(add_remedy(c, 1, changed, S(), kOfficer).is_ok());

    Remedy apology;
    apology.type = RemedyType::Apology;
    apology.description = "Written apology from the repairs manager";
    apology.due = d("2025-02-14");
    REQUIRE(add_remedy(c, 1, apology, S(), kOfficer).is_ok());

    REQUIRE(c.stages[0].remedies.size() == 4);
    CHECK_REFUSED(set_remedy_state(c, 1, 0, RemedyState::Completed, kOfficer), c, "state");
    REQUIRE(set_remedy_state(c, 1, 0, RemedyState::Accepted, kOfficer).is_ok());
    REQUIRE(complete_remedy(c, 1, 0, d("2025-02-20"), kOfficer).is_ok());
    CHECK(c.stages[0].remedies[0].state == RemedyState::Completed);
    CHECK_REFUSED(complete_remedy(c, 1, 0, d("2025-02-21"), kOfficer), c, "completed");
    REQUIRE(set_remedy_state(c, 1, 1, RemedyState::Declined, kOfficer).is_ok());
    CHECK_REFUSED(complete_remedy(c, 1, 1, d("2025-02-21"), kOfficer), c, "state");

    // Remedies still open block closure (7.3).
    CHECK_REFUSED(close(c, d("2025-02-21"), ClosureReason::Resolved, "", S(), kOfficer), c, "remedies[2]");
}

TEST_CASE("add_action: owner and due date (6.6)") {
    Case c = new_complaint();
    CHECK_REFUSED(add_action(c, 1, OutstandingAction{"Replace boiler", "", d("2025-02-20"), std::nullopt}, kOfficer), c, "owner");
    CHECK_REFUSED(add_action(c, 1, OutstandingAction{"", "Repairs", d("2025-02-20"), std::nullopt}, kOfficer), c, "description");
    CHECK_REFUSED(add_action(c, 2, OutstandingAction{"Replace boiler", "Repairs", d("2025-02-20"), std::nullopt}, kOfficer), c, "stages");
    REQUIRE(add_action(c, 1, OutstandingAction{"Replace boiler", "Repairs", d("2025-02-20"), std::nullopt}, kOfficer).is_ok());
}

// ---------------------------------------------------------------------------
// Per-resident duties and the record

TEST_CASE("adjustments and restrictions are kept under review (5.10, 5.14, 5.15)") {
    Case c = new_complaint();
    ReasonableAdjustment a{"Large print letters", "Sight loss", d("2025-02-03"), std::nullopt, 0};
    CHECK_REFUSED(add_adjustment(c, a, kOfficer), c, "review_due");
    a.review_due = d("2025-08-03");
    a.shorter_timescale_days = 12;
    CHECK_REFUSED(add_adjustment(c, a, kOfficer), c, "shorter_timescale_days");
    a.shorter_timescale_days = 2;
    REQUIRE(add_adjustment(c, a, kOfficer).is_ok());

    ContactRestriction r{"Contact by email only", "", "", d("2025-02-03"), d("2025-05-03")};
    CHECK_REFUSED(add_restriction(c, r, kOfficer), c, "evidence");
    r.evidence = "Call recordings of 12 and 14 January";
    CHECK_REFUSED(add_restriction(c, r, kOfficer), c, "equality_act_regard");
    r.equality_act_regard = "No disability disclosed; email suits the resident's working hours";
    r.review_due.reset();
    CHECK_REFUSED(add_restriction(c, r, kOfficer), c, "review_due");
    r.review_due = d("2025-05-03");
    REQUIRE(add_restriction(c, r, kOfficer).is_ok());
}

TEST_CASE("the record: clarification confirms the definition — letters keep their text — notes") {
    Case c = new_complaint();
    REQUIRE(acknowledge(c, 1, d("2025-02-04"), ack_details(), S(), kOfficer).is_ok());
    CHECK_FALSE(c.stages[0].definition_confirmed);
    ContactAttempt call{d("2025-02-04"), ContactMethod::Phone, ContactOutcome::NoAnswer, ContactPurpose::Clarification, "", std::nullopt, "Jo"};
    REQUIRE(log_contact_attempt(c, call, kOfficer).is_ok());
    CHECK_FALSE(c.stages[0].definition_confirmed);
    call.outcome = ContactOutcome::Reached;
    call.definition_confirmed = true;
    REQUIRE(log_contact_attempt(c, call, kOfficer).is_ok());
    CHECK(c.stages[0].definition_confirmed);
    call.on = d("2025-01-01");
    CHECK_REFUSED(log_contact_attempt(c, call, kOfficer), c, "contacts.on");

    CHECK_REFUSED(record_letter_sent(c, d("2025-02-04"), "ack1", "", kOfficer), c, "letter_text");
    REQUIRE(record_letter_sent(c, d("2025-02-04"), "ack1", "Dear Ada Sample, ...", kOfficer).is_ok());
    CHECK(c.log.back().kind == LogKind::LetterSent);
    CHECK(c.log.back().letter_text == "Dear Ada Sample, ...");
    CHECK_REFUSED(add_note(c, d("2025-02-04"), "", kOfficer), c, "log.text");
    REQUIRE(add_note(c, d("2025-02-04"), "Resident prefers calls after 5pm", kOfficer).is_ok());
}

TEST_CASE("audit trail: append-only through a whole case") {
    Case c = new_complaint();
    std::vector<AuditEntry> seen = c.audit;
    auto still_prefix = [&]() {
        REQUIRE(c.audit.size() == seen.size() + 1);
        for (size_t i = 0; i < seen.size(); ++i) {
            CHECK(c.audit[i].at == seen[i].at);
            CHECK(c.audit[i].who == seen[i].who);
            CHECK(c.audit[i].what == seen[i].what);
        }
        seen = c.audit;
    };
    REQUIRE(acknowledge(c, 1, d("2025-02-04"), ack_details(), S(), kOfficer).is_ok());
    still_prefix();
    REQUIRE(decide_point(c, 1, 0, Decision::Upheld, "Policy 4.2", kOfficer).is_ok());
    still_prefix();
    REQUIRE(decide_point(c, 1, 1, Decision::Upheld, "Policy 4.3", kOfficer).is_ok());
    still_prefix();
    REQUIRE(record_response(c, 1, d("2025-02-10"), ResponseDetails{}, S(), kManager).is_ok());
    still_prefix();
    CHECK(c.audit.back().who == "Pat Demo");
    REQUIRE(request_escalation(c, asks("2025-02-11"), S(), kOfficer).is_ok());
    still_prefix();
    CHECK(c.audit.back().what.find("stage 2") != std::string::npos);
}
