// Awaab's Law at the visit: the text the CLI prints (golden, worked by hand from
// the England and Wales calendar), each step's rules, and where each step stands
// at a moment, across weekends, bank holidays and both changes of clock.
#include <doctest/doctest.h>

#include "core/rules/deadlines.h"
#include "core/rules/hazards.h"
#include "core/model/settings.h"
#include "core/data/settings_defaults.h"
#include "core/rules/workflow.h"

#include <string>

using namespace doorstep;

namespace {

Date d(const char* iso) { return *parse_iso_date(iso); }
LocalDateTime at(const char* iso) { return *parse_iso_local(iso); }

const Settings& S() {
    static const Settings s = default_settings();
    return s;
}

const Actor kLater{"Jo Placeholder", "2027-02-01T09:00"};  // after every step below

std::string clock(const char* aware, HazardKind kind, std::optional<Date> investigated = std::nullopt) {
    return hazard_clock_text(hazard_steps(at(aware), kind, S().hazard_timescales, S().calendar(), investigated));
}

Case complaint(const char* received = "2026-03-27", uint32_t counter = 1, const char* category = "damp-and-mould") {
    NewCase n;
    n.id = "6a0c1e7d-3b2f-4c8a-9d10-2e5f7a9b0c1" + std::to_string(counter % 10);
    n.counter = counter;
    n.received = d(received);
    n.resident.name = "Ada Sample";
    n.own_words = "Black mould is back on the bedroom wall and my son's asthma is worse.";
    n.category_id = category;
    auto r = new_case(n, S(), Actor{"Jo Placeholder", std::string(received) + "T10:00"});
    REQUIRE(r.is_ok());
    return std::move(*r);
}

HazardReport report(const char* id, const char* aware, bool emergency, const char* location = "back bedroom",
                    const char* type = "damp-and-mould") {
    HazardReport r;
    r.id = id;
    r.type_id = type;
    r.emergency = emergency;
    r.location = location;
    r.observed = "Mould over a metre wide behind the bed; wet plaster";
    r.reported_by = "Ada Sample (resident)";
    r.aware = at(aware);
    r.vulnerable_occupants = "Child with asthma";
    return r;
}

InvestigationResult investigation(const char* ended, bool significant = true) {
    return InvestigationResult{d(ended), "Sam Surveyor", significant, false, "Condensation from a blocked extractor fan", ""};
}

const HazardStepStatus& step(const HazardStatus& st, const char* name) {
    for (const HazardStepStatus& s : st.steps)
        if (s.step == name) return s;
    FAIL("no step " << name);
    return st.steps.front();
}

}  // namespace

// ---------------------------------------------------------------------------
// `doorstep hazard-clock` output

TEST_CASE("hazard-clock text: emergency the day before the spring change, Easter after") {
    // Saturday 28 March 2026, noon GMT; clocks go forward at 01:00 on the 29th, so 24 real hours read 13:00.
    // Day one is Monday 30 March; Good Friday 3 and Easter Monday 6 April are not working days.
    CHECK(clock("2026-03-28T12:00", HazardKind::Emergency) ==
          "make-safe\t2026-03-29T13:00\n"
          "summary\t2026-04-01\n"
          "safety-work\t2026-04-07\n"
          "further-work-start\t2026-04-07\n"
          "further-work-latest\t2026-06-21\n");
}

TEST_CASE("hazard-clock text: emergency the day before the autumn change, investigation ended early") {
    // Saturday 24 October 2026, noon BST; clocks go back at 02:00 on the 25th, so 24 real hours read 11:00.
    CHECK(clock("2026-10-24T12:00", HazardKind::Emergency) ==
          "make-safe\t2026-10-25T11:00\n"
          "summary\t2026-10-28\n"
          "safety-work\t2026-10-30\n"
          "further-work-start\t2026-10-30\n"
          "further-work-latest\t2027-01-17\n");
    // Investigation ended Tuesday 27 October: the later steps count from that day.
    CHECK(clock("2026-10-24T12:00", HazardKind::Emergency, d("2026-10-27")) ==
          "make-safe\t2026-10-25T11:00\n"
          "summary\t2026-10-30\n"
          "safety-work\t2026-11-03\n"
          "further-work-start\t2026-11-03\n"
          "further-work-latest\t2027-01-19\n");
}

TEST_CASE("hazard-clock text: reported at 23:30 on a Friday") {
    // Friday 22 May 2026 late at night: day zero is still that Friday; the emergency's 24 hours end
    // on Saturday 23 May, and the later steps count from there. Monday 25 May is the spring bank
    // holiday, so their day one is Tuesday 26 May. The 12-week limit is calendar weeks (a Saturday).
    CHECK(clock("2026-05-22T23:30", HazardKind::Emergency) ==
          "make-safe\t2026-05-23T23:30\n"
          "summary\t2026-05-28\n"
          "safety-work\t2026-06-01\n"
          "further-work-start\t2026-06-01\n"
          "further-work-latest\t2026-08-15\n");
    // Good Friday 3 April 2026 at 23:30: Easter Monday follows, so day one is Tuesday 7 April.
    CHECK(clock("2026-04-03T23:30", HazardKind::Significant) ==
          "investigate\t2026-04-20\n"
          "summary\t2026-04-23\n"
          "safety-work\t2026-04-27\n"
          "further-work-start\t2026-04-27\n"
          "further-work-latest\t2026-07-13\n");
}

TEST_CASE("hazard-clock text: Christmas with a substitute bank holiday") {
    // 2026: Christmas Day is a Friday, Boxing Day a Saturday (substitute Monday 28 December), 1 January a Friday.
    CHECK(clock("2026-12-23T09:00", HazardKind::Significant) ==
          "investigate\t2027-01-11\n"
          "summary\t2027-01-14\n"
          "safety-work\t2027-01-18\n"
          "further-work-start\t2027-01-18\n"
          "further-work-latest\t2027-04-05\n");
}

// ---------------------------------------------------------------------------
// `doorstep hazards` output

TEST_CASE("hazards text: open hazards soonest first, with time left and the accommodation prompt") {
    Case a = complaint("2026-03-27", 1);
    REQUIRE(report_hazard(a, report("h-a", "2026-03-28T12:00", true), S(), kLater).is_ok());

    Case b = complaint("2026-03-16", 2);
    REQUIRE(report_hazard(b, report("h-b", "2026-03-16T10:00", false, "kitchen"), S(), kLater).is_ok());
    REQUIRE(record_investigation(b, "h-b", investigation("2026-03-20"), S(), kLater).is_ok());
    REQUIRE(record_summary_sent(b, "h-b", d("2026-03-25"), "Jo Placeholder", S(), kLater).is_ok());

    Case c = complaint("2026-03-02", 3);  // a closed hazard is not listed
    REQUIRE(report_hazard(c, report("h-c", "2026-03-02T10:00", false, "hall"), S(), kLater).is_ok());
    REQUIRE(record_investigation(c, "h-c", investigation("2026-03-04", false), S(), kLater).is_ok());
    REQUIRE(record_summary_sent(c, "h-c", d("2026-03-05"), "Jo Placeholder", S(), kLater).is_ok());
    REQUIRE(close_hazard(c, "h-c", d("2026-03-06"), "", S(), kLater).is_ok());

    // Monday 30 March 2026, 09:00 BST: 20 real hours after the make-safe deadline.
    const std::string text = open_hazards_text({a, b, c}, at("2026-03-30T09:00"), S(), S().calendar());
    CHECK(text ==
          "Open hazards at 2026-03-30T09:00: 2\n"
          "\n"
          "DS-2026-000002  Damp and mould, kitchen  aware 2026-03-16T10:00\n"
          "    investigate          2026-03-30        done 2026-03-20, on time\n"
          "    summary              2026-03-25        done 2026-03-25, on time\n"
          "  * safety-work          2026-03-27        1 working day overdue\n"
          "    further-work-start   2026-03-27        1 working day overdue\n"
          "    further-work-latest  2026-06-12        50 working days left\n"
          "    ! the home was not made safe in time: offer alternative accommodation\n"
          "\n"
          "DS-2026-000001  Damp and mould, back bedroom (emergency)  aware 2026-03-28T12:00\n"
          "  * make-safe            2026-03-29T13:00  20 h 00 min overdue\n"
          "    summary              2026-04-01        2 working days left (until the investigation ends)\n"
          "    safety-work          2026-04-07        4 working days left (until the investigation ends)\n"
          "    further-work-start   2026-04-07        4 working days left (until the investigation ends)\n"
          "    further-work-latest  2026-06-21        55 working days left (until the investigation ends)\n"
          "    ! the home was not made safe in time: offer alternative accommodation\n");
    CHECK(open_hazards_text({c}, at("2026-03-30T09:00"), S(), S().calendar()) == "Open hazards at 2026-03-30T09:00: 0\n");
}

// ---------------------------------------------------------------------------
// Status at a moment

TEST_CASE("hazard status: working days left over a weekend, due today, overdue") {
    Case c = complaint("2026-06-12");
    REQUIRE(report_hazard(c, report("h", "2026-06-12T10:00", false), S(), kLater).is_ok());  // a Friday
    const HazardRecord& h = c.hazards[0];
    const auto left = [&](const char* now) { return step(hazard_status(h, at(now), S(), S().calendar()), "investigate"); };
    CHECK(to_iso(left("2026-06-13T09:00").due) == "2026-06-26");
    CHECK(left("2026-06-13T09:00").working_days_left == 10);  // Saturday: the whole count is ahead
    CHECK(left("2026-06-15T09:00").working_days_left == 9);   // Monday
    CHECK(describe_time_left(left("2026-06-15T09:00")) == "9 working days left");
    CHECK(describe_time_left(left("2026-06-26T17:00")) == "due today");
    CHECK(left("2026-06-26T17:00").state == HazardStepState::Pending);
    CHECK(left("2026-06-27T09:00").state == HazardStepState::Overdue);  // Saturday after: overdue, no working day yet
    CHECK(describe_time_left(left("2026-06-27T09:00")) == "overdue");
    CHECK(describe_time_left(left("2026-06-29T09:00")) == "1 working day overdue");
    const HazardStatus st = hazard_status(h, at("2026-06-15T09:00"), S(), S().calendar());
    CHECK(st.steps.size() == 5);  // no make-safe for a significant hazard
    CHECK(st.next == 0);
    CHECK(step(st, "summary").provisional);
    CHECK_FALSE(step(st, "investigate").provisional);
}

TEST_CASE("hazard status: 24 clock hours across the spring change") {
    Case c = complaint();
    REQUIRE(report_hazard(c, report("h", "2026-03-28T12:00", true), S(), kLater).is_ok());
    const auto make_safe = [&](const char* now) { return step(hazard_status(c.hazards[0], at(now), S(), S().calendar()), "make-safe"); };
    // 12:00 GMT on the 28th to 12:00 BST on the 29th is 23 real hours: one left.
    CHECK(make_safe("2026-03-29T12:00").minutes_left == 60);
    CHECK(describe_time_left(make_safe("2026-03-29T12:00")) == "1 h 00 min left");
    CHECK(make_safe("2026-03-28T12:30").minutes_left == 23 * 60 + 30);
    CHECK(make_safe("2026-03-29T13:15").state == HazardStepState::Overdue);
    CHECK(describe_time_left(make_safe("2026-03-29T13:15")) == "0 h 15 min overdue");
    CHECK(hazard_status(c.hazards[0], at("2026-03-29T13:15"), S(), S().calendar()).offer_accommodation);
    CHECK_FALSE(hazard_status(c.hazards[0], at("2026-03-29T12:59"), S(), S().calendar()).offer_accommodation);

    // Made safe at 12:30 BST on the 29th: within the 24 hours though the wall clock passed noon.
    REQUIRE(record_made_safe(c, "h", at("2026-03-29T12:30"), "Rapid Response Team", S(), kLater).is_ok());
    const auto done = make_safe("2026-03-30T09:00");
    CHECK(done.state == HazardStepState::DoneOnTime);
    CHECK(describe_time_left(done) == "done 2026-03-29T12:30, on time");
    CHECK(c.hazards[0].made_safe_by == "Rapid Response Team");
}

TEST_CASE("hazard status: 24 clock hours across the autumn change") {
    Case c = complaint("2026-10-23");
    REQUIRE(report_hazard(c, report("on-time", "2026-10-24T12:00", true), S(), kLater).is_ok());
    REQUIRE(report_hazard(c, report("late", "2026-10-24T12:00", true, "kitchen"), S(), kLater).is_ok());
    const auto make_safe = [&](int i, const char* now) { return step(hazard_status(c.hazards[i], at(now), S(), S().calendar()), "make-safe"); };
    // 12:00 BST on the 24th to 10:30 GMT on the 25th is 23.5 real hours.
    CHECK(make_safe(0, "2026-10-25T10:30").minutes_left == 30);
    CHECK(to_iso(*make_safe(0, "2026-10-25T10:30").due_at) == "2026-10-25T11:00");
    // 11:00 GMT is exactly 24 hours; 12:00 GMT would be 25 (a wall-clock count would call it on time).
    REQUIRE(record_made_safe(c, "on-time", at("2026-10-25T11:00"), "Rapid Response Team", S(), kLater).is_ok());
    REQUIRE(record_made_safe(c, "late", at("2026-10-25T12:00"), "Rapid Response Team", S(), kLater).is_ok());
    CHECK(make_safe(0, "2026-10-26T09:00").state == HazardStepState::DoneOnTime);
    CHECK(make_safe(1, "2026-10-26T09:00").state == HazardStepState::DoneLate);
    CHECK(describe_time_left(make_safe(1, "2026-10-26T09:00")) == "done 2026-10-25T12:00, late");
    // The audit says whether it was within the 24 hours.
    CHECK(c.audit[c.audit.size() - 2].what.find("within 24 hours") != std::string::npos);
    CHECK(c.audit.back().what.find("later than 24 hours") != std::string::npos);
}

TEST_CASE("hazard status: no significant hazard found, so no works — agrees with the case's next step") {
    Case c = complaint();
    REQUIRE(report_hazard(c, report("h", "2026-03-30T10:00", false), S(), kLater).is_ok());
    CHECK(next_hazard_step(c.hazards[0], S(), S().calendar())->step == std::string("investigate"));
    REQUIRE(record_investigation(c, "h", investigation("2026-04-01", false), S(), kLater).is_ok());
    HazardStatus st = hazard_status(c.hazards[0], at("2026-04-02T09:00"), S(), S().calendar());
    CHECK(st.steps[st.next].step == "summary");
    CHECK(next_hazard_step(c.hazards[0], S(), S().calendar())->step == st.steps[st.next].step);
    CHECK(to_iso(step(st, "summary").due) == "2026-04-08");  // 3 working days from 1 April over Easter
    CHECK_FALSE(step(st, "summary").provisional);
    CHECK(step(st, "safety-work").state == HazardStepState::NotNeeded);
    CHECK(step(st, "further-work-latest").state == HazardStepState::NotNeeded);
    REQUIRE(record_summary_sent(c, "h", d("2026-04-09"), "Jo Placeholder", S(), kLater).is_ok());  // a day late
    st = hazard_status(c.hazards[0], at("2026-04-10T09:00"), S(), S().calendar());
    CHECK(st.next == -1);
    CHECK(step(st, "summary").state == HazardStepState::DoneLate);
    CHECK_FALSE(next_hazard_step(c.hazards[0], S(), S().calendar()).has_value());
}

// ---------------------------------------------------------------------------
// Recording the steps

TEST_CASE("hazard workflow: from the complaint's prompt to closure, each step audited with who and when") {
    Case c = complaint("2026-03-27");
    CHECK(hazard_prompt_applies(c, S()));  // damp and mould asks "is this a potential hazard?"
    CHECK_FALSE(hazard_prompt_applies(complaint("2026-03-27", 2, "rent-and-charges"), S()));

    const Actor officer{"Jo Placeholder", "2026-03-28T12:30"};
    REQUIRE(report_hazard(c, report("h", "2026-03-28T12:00", true), S(), officer).is_ok());
    CHECK_FALSE(hazard_prompt_applies(c, S()));
    const size_t audit0 = c.audit.size();
    CHECK(c.audit.back().who == "Jo Placeholder");
    CHECK(c.audit.back().what.find("Damp and mould, back bedroom (emergency)") != std::string::npos);

    REQUIRE(record_made_safe(c, "h", at("2026-03-29T09:00"), "Rapid Response Team", S(), kLater).is_ok());
    REQUIRE(record_investigation(c, "h", investigation("2026-03-29"), S(), kLater).is_ok());  // within the 24 hours
    REQUIRE(record_summary_sent(c, "h", d("2026-03-31"), "Jo Placeholder", S(), kLater).is_ok());
    REQUIRE(record_safety_work_done(c, "h", d("2026-04-07"), "Example Damp Co", S(), kLater).is_ok());  // 5 WD over Easter
    REQUIRE(record_further_work_started(c, "h", d("2026-04-07"), "New extractor fan and loft insulation", "Example Damp Co",
                                        S(), kLater).is_ok());
    REQUIRE(record_further_work_done(c, "h", d("2026-06-30"), "Example Damp Co", S(), kLater).is_ok());
    REQUIRE(close_hazard(c, "h", d("2026-07-01"), "", S(), kLater).is_ok());
    CHECK(c.audit.size() == audit0 + 7);
    CHECK(c.audit[audit0 + 3].what.find("Example Damp Co") != std::string::npos);   // safety work: by whom
    CHECK(c.audit[audit0 + 3].what.find("7 Apr 2026") != std::string::npos);        // and when

    const HazardRecord& h = c.hazards[0];
    CHECK(h.investigated_by == "Sam Surveyor");
    CHECK(h.significant_found);
    CHECK(h.works_planned == "New extractor fan and loft insulation");
    CHECK(to_iso(*h.closed) == "2026-07-01");
    const HazardStatus st = hazard_status(h, at("2026-07-02T09:00"), S(), S().calendar());
    CHECK(st.closed);
    CHECK(st.next == -1);
    for (const HazardStepStatus& s : st.steps) CHECK_MESSAGE(s.state == HazardStepState::DoneOnTime, s.step);
}

TEST_CASE("hazard reported on its own: a service request holding the hazard") {
    NewCase n;
    n.id = "6a0c1e7d-3b2f-4c8a-9d10-2e5f7a9b0c19";
    n.counter = 9;
    n.resident.name = "Ada Sample";
    n.own_words = "There is water coming through the light fitting.";
    n.kind = CaseKind::Complaint;  // overridden: no complaint was made
    Result<Case> made = new_hazard_case(n, report("h", "2026-05-22T23:30", true, "hall", "emergency"), S(),
                                        Actor{"Jo Placeholder", "2026-05-22T23:45"});
    REQUIRE(made.is_ok());
    CHECK(made->kind == CaseKind::ServiceRequest);
    CHECK(to_iso(made->received) == "2026-05-22");
    CHECK(made->reference == "DS-2026-000009");
    REQUIRE(made->hazards.size() == 1);
    CHECK(made->audit.size() == 2);
    // The Today list shows the make-safe step with its hour.
    const auto obligations = open_obligations(*made, d("2026-05-23"), S(), S().calendar());
    bool found = false;
    for (const Obligation& o : obligations)
        if (o.what == NextAction::HazardStep) {
            found = true;
            CHECK(to_iso(*o.due_at) == "2026-05-23T23:30");
        }
    CHECK(found);

    // A bad hazard stops the whole record: no case without its hazard.
    HazardReport bad = report("h", "2026-05-22T23:30", true, "hall", "no-such-type");
    CHECK_FALSE(new_hazard_case(n, bad, S(), Actor{"Jo Placeholder", "2026-05-22T23:45"}).is_ok());
}

TEST_CASE("hazard report: type, emergency, what and who are checked — the case is left as it was") {
    Settings s = S();
    s.hazard_types.push_back(HazardType{"pests-minor", "Minor pests", 2, false, std::nullopt, ""});
    Case c = complaint();
    const Case before = c;
    const auto refused = [&](const HazardReport& r, const Actor& actor, const char* field, const char* words) {
        const Status st = report_hazard(c, r, s, actor);
        REQUIRE_FALSE(st.is_ok());
        CHECK(st.error().where == std::string("case DS-2026-000001, hazards[0].") + field);
        CHECK_MESSAGE(st.error().message.find(words) != std::string::npos, st.error().message);
        CHECK(c.hazards.empty());
        CHECK(c.audit.size() == before.audit.size());
    };
    refused(report("h", "2026-03-28T12:00", false, "hall", "asbestos"), kLater, "type_id", "unknown hazard type 'asbestos'");
    refused(report("h", "2026-03-28T12:00", true, "hall", "pests-minor"), kLater, "emergency", "can be an emergency");
    HazardReport r = report("h", "2026-03-28T12:00", false);
    r.observed = "  ";
    refused(r, kLater, "observed", "what was seen");
    r = report("h", "2026-03-28T12:00", false);
    r.reported_by = "";
    refused(r, kLater, "reported_by", "who told the landlord");
    r = report("", "2026-03-28T12:00", false);
    refused(r, kLater, "id", "needs an id");
    refused(report("h", "2026-03-28T12:00", false), Actor{"Jo Placeholder", "2026-03-28T11:00"}, "aware", "later than now");

    REQUIRE(report_hazard(c, report("h", "2026-03-28T12:00", false, "hall", "pests-minor"), s, kLater).is_ok());
    const Status dup = report_hazard(c, report("h", "2026-03-28T12:00", false), s, kLater);
    REQUIRE_FALSE(dup.is_ok());
    CHECK(dup.error().message.find("already on this case") != std::string::npos);
}

TEST_CASE("hazard steps: each is refused out of order, before awareness, or on the wrong kind") {
    Case c = complaint();
    REQUIRE(report_hazard(c, report("sig", "2026-03-30T10:00", false), S(), kLater).is_ok());
    REQUIRE(report_hazard(c, report("emg", "2026-03-30T10:00", true, "hall"), S(), kLater).is_ok());
    const size_t audit0 = c.audit.size();
    const auto refused = [&](const Status& st, const char* where, const char* words) {
        REQUIRE_FALSE(st.is_ok());
        CHECK(st.error().where == where);
        CHECK_MESSAGE(st.error().message.find(words) != std::string::npos, st.error().message);
        CHECK(c.audit.size() == audit0);
    };
    // Made safe: emergencies only, not before awareness, not in the future.
    refused(record_made_safe(c, "sig", at("2026-03-30T12:00"), "Rapid Response Team", S(), kLater),
            "case DS-2026-000001, hazards[0].made_safe", "reported as significant");
    CHECK(c.hazards[0].made_safe == std::nullopt);
    refused(record_made_safe(c, "emg", at("2026-03-30T09:59"), "Rapid Response Team", S(), kLater),
            "case DS-2026-000001, hazards[1].made_safe", "before the landlord became aware");
    refused(record_made_safe(c, "emg", at("2026-03-30T11:00"), "Rapid Response Team", S(), Actor{"Jo", "2026-03-30T10:30"}),
            "case DS-2026-000001, hazards[1].made_safe", "later than now");
    refused(record_made_safe(c, "emg", at("2026-03-30T11:00"), " ", S(), kLater),
            "case DS-2026-000001, hazards[1].made_safe_by", "say who made it safe");
    refused(record_made_safe(c, "nope", at("2026-03-30T11:00"), "Team", S(), kLater), "case DS-2026-000001, hazards",
            "no hazard with id 'nope'");

    // Investigation: not before the day of awareness; findings needed; an emergency found on a significant report.
    refused(record_investigation(c, "sig", investigation("2026-03-27"), S(), kLater),
            "case DS-2026-000001, hazards[0].investigated_by", "before the landlord became aware");
    InvestigationResult r = investigation("2026-04-01");
    r.findings = "";
    refused(record_investigation(c, "sig", r, S(), kLater), "case DS-2026-000001, hazards[0].findings", "what the investigation");
    r = investigation("2026-04-01");
    r.emergency_found = true;
    refused(record_investigation(c, "sig", r, S(), kLater), "case DS-2026-000001, hazards[0].emergency",
            "report it as an emergency hazard");
    CHECK_FALSE(c.hazards[0].investigated.has_value());

    // Summary, safety work and further works follow the investigation.
    refused(record_summary_sent(c, "sig", d("2026-04-01"), "Jo", S(), kLater), "case DS-2026-000001, hazards[0].summary_sent",
            "record the investigation");
    refused(record_safety_work_done(c, "sig", d("2026-04-01"), "Jo", S(), kLater),
            "case DS-2026-000001, hazards[0].safety_work_done", "record the investigation");
    REQUIRE(record_investigation(c, "sig", investigation("2026-04-02", false), S(), kLater).is_ok());
    const size_t audit1 = c.audit.size();
    const auto refused_later = [&](const Status& st, const char* where, const char* words) {
        REQUIRE_FALSE(st.is_ok());
        CHECK(st.error().where == where);
        CHECK_MESSAGE(st.error().message.find(words) != std::string::npos, st.error().message);
        CHECK(c.audit.size() == audit1);
    };
    refused_later(record_investigation(c, "sig", investigation("2026-04-03"), S(), kLater),
                  "case DS-2026-000001, hazards[0].investigated", "already recorded");
    refused_later(record_summary_sent(c, "sig", d("2026-04-01"), "Jo", S(), kLater),
                  "case DS-2026-000001, hazards[0].summary_sent", "before the investigation");
    refused_later(record_safety_work_done(c, "sig", d("2026-04-07"), "Jo", S(), kLater),
                  "case DS-2026-000001, hazards[0].safety_work_done", "found no significant hazard");
    refused_later(record_further_work_started(c, "sig", d("2026-04-07"), "Fan", "Jo", S(), kLater),
                  "case DS-2026-000001, hazards[0].further_work_started", "found no significant hazard");
    refused_later(close_hazard(c, "sig", d("2026-04-07"), "", S(), kLater), "case DS-2026-000001, hazards[0].summary_sent",
                  "send the written summary");
    // The message names the hazard.
    const Status named = close_hazard(c, "sig", d("2026-04-07"), "", S(), kLater);
    CHECK(named.error().message.find("'Damp and mould, back bedroom'") != std::string::npos);

    // Further works: what is planned is needed; done after started; closing needs them finished or a reason.
    REQUIRE(record_made_safe(c, "emg", at("2026-03-30T15:00"), "Rapid Response Team", S(), kLater).is_ok());
    InvestigationResult found = investigation("2026-04-01", false);
    found.emergency_found = true;  // confirms the emergency: works follow
    REQUIRE(record_investigation(c, "emg", found, S(), kLater).is_ok());
    CHECK(c.hazards[1].significant_found);
    const size_t audit2 = c.audit.size();
    const auto refused_emg = [&](const Status& st, const char* where, const char* words) {
        REQUIRE_FALSE(st.is_ok());
        CHECK(st.error().where == where);
        CHECK_MESSAGE(st.error().message.find(words) != std::string::npos, st.error().message);
        CHECK(c.audit.size() == audit2);
    };
    refused_emg(record_further_work_started(c, "emg", d("2026-04-07"), "", "Example Damp Co", S(), kLater),
                "case DS-2026-000001, hazards[1].works_planned", "say what further works");
    refused_emg(record_further_work_done(c, "emg", d("2026-04-07"), "Example Damp Co", S(), kLater),
                "case DS-2026-000001, hazards[1].further_work_done", "started first");
    REQUIRE(record_summary_sent(c, "emg", d("2026-04-02"), "Jo", S(), kLater).is_ok());
    REQUIRE(record_safety_work_done(c, "emg", d("2026-04-07"), "Example Damp Co", S(), kLater).is_ok());
    const Status no_reason = close_hazard(c, "emg", d("2026-04-08"), "", S(), kLater);
    REQUIRE_FALSE(no_reason.is_ok());
    CHECK(no_reason.error().message.find("say why none are needed") != std::string::npos);
    REQUIRE(record_further_work_started(c, "emg", d("2026-04-08"), "Replace the ceiling", "Example Damp Co", S(), kLater).is_ok());
    const Status too_early = record_further_work_done(c, "emg", d("2026-04-07"), "Example Damp Co", S(), kLater);
    REQUIRE_FALSE(too_early.is_ok());
    CHECK(too_early.error().message.find("before they started") != std::string::npos);
    const Status unfinished = close_hazard(c, "emg", d("2026-04-09"), "Nothing more", S(), kLater);
    REQUIRE_FALSE(unfinished.is_ok());
    CHECK(unfinished.error().where == "case DS-2026-000001, hazards[1].further_work_done");
    REQUIRE(record_further_work_done(c, "emg", d("2026-04-20"), "Example Damp Co", S(), kLater).is_ok());
    REQUIRE(close_hazard(c, "emg", d("2026-04-21"), "", S(), kLater).is_ok());

    // Nothing more on a closed hazard.
    const Status closed = record_accommodation(c, "emg", HazardRecord::Accommodation::Offered, d("2026-04-22"), "Jo", "", S(), kLater);
    REQUIRE_FALSE(closed.is_ok());
    CHECK(closed.error().where == "case DS-2026-000001, hazards[1].closed");
}

TEST_CASE("hazard steps: recorded on a closed complaint, because the legal clocks run on their own") {
    Case c = complaint("2026-03-27");
    c.closure = Closure{d("2026-03-28"), ClosureReason::Withdrawn, "Ada Sample", ""};
    REQUIRE(report_hazard(c, report("h", "2026-03-27T10:00", false), S(), kLater).is_ok());
    REQUIRE(record_investigation(c, "h", investigation("2026-04-01"), S(), kLater).is_ok());
}

TEST_CASE("alternative accommodation: offered, then accepted or declined — offered again after a decline") {
    using A = HazardRecord::Accommodation;
    Case c = complaint();
    REQUIRE(report_hazard(c, report("h", "2026-03-28T12:00", true), S(), kLater).is_ok());
    const Status early = record_accommodation(c, "h", A::Accepted, d("2026-03-29"), "Jo", "", S(), kLater);
    REQUIRE_FALSE(early.is_ok());
    CHECK(early.error().message.find("before the resident's answer") != std::string::npos);
    CHECK_FALSE(record_accommodation(c, "h", A::NotNeeded, d("2026-03-29"), "Jo", "", S(), kLater).is_ok());
    // Overdue make-safe prompts the offer; once offered the prompt goes.
    CHECK(hazard_status(c.hazards[0], at("2026-03-30T09:00"), S(), S().calendar()).offer_accommodation);
    REQUIRE(record_accommodation(c, "h", A::Offered, d("2026-03-29"), "Jo Placeholder", "Hotel nearby", S(), kLater).is_ok());
    CHECK_FALSE(hazard_status(c.hazards[0], at("2026-03-30T09:00"), S(), S().calendar()).offer_accommodation);
    CHECK_FALSE(record_accommodation(c, "h", A::Offered, d("2026-03-29"), "Jo", "", S(), kLater).is_ok());
    REQUIRE(record_accommodation(c, "h", A::Declined, d("2026-03-29"), "Jo Placeholder", "Prefers to stay", S(), kLater).is_ok());
    REQUIRE(record_accommodation(c, "h", A::Offered, d("2026-03-30"), "Jo Placeholder", "", S(), kLater).is_ok());
    REQUIRE(record_accommodation(c, "h", A::Accepted, d("2026-03-30"), "Jo Placeholder", "", S(), kLater).is_ok());
    CHECK(c.hazards[0].accommodation == A::Accepted);
    CHECK(c.audit.back().what.find("Alternative accommodation accepted") != std::string::npos);
}

// ---------------------------------------------------------------------------
// Issue-by-issue rules of the Regulations

TEST_CASE("Awaab's Law, further works: 12 weeks is the latest day to BEGIN them, not to finish them") {
    Case c = complaint("2026-03-02");
    REQUIRE(report_hazard(c, report("h", "2026-03-02T10:00", false), S(), kLater).is_ok());
    REQUIRE(record_investigation(c, "h", investigation("2026-03-04"), S(), kLater).is_ok());
    REQUIRE(record_summary_sent(c, "h", d("2026-03-05"), "Jo Placeholder", S(), kLater).is_ok());
    REQUIRE(record_safety_work_done(c, "h", d("2026-03-09"), "Example Damp Co", S(), kLater).is_ok());
    REQUIRE(record_further_work_started(c, "h", d("2026-03-10"), "New extractor fan and loft insulation", "Example Damp Co", S(),
                                        kLater).is_ok());
    // Begun on time; still running 20 weeks later.
    HazardStatus st = hazard_status(c.hazards[0], at("2026-07-20T09:00"), S(), S().calendar());
    CHECK(step(st, "further-work-start").state == HazardStepState::DoneOnTime);
    CHECK(step(st, "further-work-latest").state == HazardStepState::DoneOnTime);
    CHECK(st.next == -1);
    // No legal clock is left, so status and Today show nothing overdue for it.
    CHECK_FALSE(next_hazard_step(c.hazards[0], S(), S().calendar()).has_value());
    const CaseStatus cs = status(c, d("2026-07-20"), S(), S().calendar());
    CHECK(cs.next != NextAction::HazardStep);
    CHECK(open_hazards_text({c}, at("2026-07-20T09:00"), S(), S().calendar()).find("overdue") == std::string::npos);
    // But the hazard cannot close until they are finished, and that is what a person records next.
    CHECK(std::string(next_hazard_record(c.hazards[0])) == "further-work-done");
    CHECK_FALSE(close_hazard(c, "h", d("2026-07-20"), "", S(), kLater).is_ok());
    REQUIRE(record_further_work_done(c, "h", d("2026-07-21"), "Example Damp Co", S(), kLater).is_ok());
    CHECK(std::string(next_hazard_record(c.hazards[0])) == "close");

    // Begun after 12 weeks: late on both limits.
    Case late = complaint("2026-03-02", 2);
    REQUIRE(report_hazard(late, report("h", "2026-03-02T10:00", false), S(), kLater).is_ok());
    REQUIRE(record_investigation(late, "h", investigation("2026-03-04"), S(), kLater).is_ok());
    REQUIRE(record_further_work_started(late, "h", d("2026-06-05"), "Roof valley relined", "Example Damp Co", S(), kLater).is_ok());
    st = hazard_status(late.hazards[0], at("2026-06-08T09:00"), S(), S().calendar());
    CHECK(step(st, "further-work-latest").state == HazardStepState::DoneLate);
}

TEST_CASE("Awaab's Law, emergency: no 10-working-day investigation — investigated on day 9 is late") {
    Case c = complaint("2026-03-02");
    REQUIRE(report_hazard(c, report("h", "2026-03-02T10:00", true), S(), kLater).is_ok());
    HazardStatus st = hazard_status(c.hazards[0], at("2026-03-02T11:00"), S(), S().calendar());
    for (const HazardStepStatus& s : st.steps) CHECK(s.step != "investigate");
    CHECK(std::string(st.steps[0].label) == "Investigate and make the hazard safe");
    CHECK(clock("2026-03-02T10:00", HazardKind::Emergency).find("investigate") == std::string::npos);

    REQUIRE(record_made_safe(c, "h", at("2026-03-02T18:00"), "Rapid Response Team", S(), kLater).is_ok());
    // Made safe in time, the investigation still due within the same 24 hours.
    CHECK(std::string(next_hazard_record(c.hazards[0])) == "investigate");
    auto due = next_hazard_step(c.hazards[0], S(), S().calendar());
    REQUIRE(due);
    CHECK(to_iso(*due->due_at) == "2026-03-03T10:00");
    InvestigationResult r = investigation("2026-03-12");  // day 8 working days on: long after the 24 hours
    r.emergency_found = true;
    REQUIRE(record_investigation(c, "h", r, S(), kLater).is_ok());
    st = hazard_status(c.hazards[0], at("2026-03-13T09:00"), S(), S().calendar());
    CHECK(step(st, "make-safe").state == HazardStepState::DoneLate);

    // Investigated the same day: on time.
    Case ok = complaint("2026-03-02", 2);
    REQUIRE(report_hazard(ok, report("h", "2026-03-02T10:00", true), S(), kLater).is_ok());
    REQUIRE(record_made_safe(ok, "h", at("2026-03-02T18:00"), "Rapid Response Team", S(), kLater).is_ok());
    r.ended = d("2026-03-02");
    REQUIRE(record_investigation(ok, "h", r, S(), kLater).is_ok());
    st = hazard_status(ok.hazards[0], at("2026-03-13T09:00"), S(), S().calendar());
    CHECK(step(st, "make-safe").state == HazardStepState::DoneOnTime);
    CHECK(to_iso(step(st, "summary").due) == "2026-03-05");  // 3 working days from the investigation
}

TEST_CASE("Awaab's Law, emergency: an investigation that finds no emergency leaves nothing to make safe") {
    Case c = complaint("2026-03-02");
    REQUIRE(report_hazard(c, report("h", "2026-03-02T10:00", true), S(), kLater).is_ok());
    REQUIRE(record_investigation(c, "h", investigation("2026-03-02", false), S(), kLater).is_ok());
    CHECK_FALSE(c.hazards[0].emergency_found);
    CHECK(std::string(next_hazard_record(c.hazards[0])) == "summary");
    const HazardStatus st = hazard_status(c.hazards[0], at("2026-03-03T09:00"), S(), S().calendar());
    CHECK(step(st, "make-safe").state == HazardStepState::DoneOnTime);
    REQUIRE(record_summary_sent(c, "h", d("2026-03-03"), "Jo Placeholder", S(), kLater).is_ok());
    CHECK(close_hazard(c, "h", d("2026-03-04"), "", S(), kLater).is_ok());
}

TEST_CASE("Awaab's Law, commencement: a hazard type not yet in force runs its clocks as policy, not law") {
    Case c = complaint("2026-03-02");
    REQUIRE(report_hazard(c, report("cold", "2026-03-02T10:00", false, "living room", "excess-cold"), S(), kLater).is_ok());
    REQUIRE(report_hazard(c, report("mould", "2026-03-02T10:00", false, "bathroom"), S(), kLater).is_ok());
    REQUIRE(report_hazard(c, report("fire", "2026-03-02T10:00", true, "kitchen", "fire"), S(), kLater).is_ok());
    CHECK_FALSE(under_awaabs_law(c.hazards[0], S()));   // phase 2: no date confirmed in the defaults
    CHECK(under_awaabs_law(c.hazards[1], S()));         // damp and mould: phase 1, 27 October 2025
    CHECK(under_awaabs_law(c.hazards[2], S()));         // every emergency came in with phase 1
    CHECK_FALSE(hazard_status(c.hazards[0], at("2026-03-02T11:00"), S(), S().calendar()).under_the_law);
    const std::string text = open_hazards_text({c}, at("2026-03-02T11:00"), S(), S().calendar());
    CHECK(text.find("Excess cold is not yet under Awaab's Law") != std::string::npos);
    CHECK(text.find("these clocks are our policy, not the law") != std::string::npos);

    // Damp and mould reported before phase 1 began was not under the law either.
    Case before = complaint("2025-10-20", 2);
    REQUIRE(report_hazard(before, report("h", "2025-10-20T10:00", false), S(), kLater).is_ok());
    CHECK_FALSE(under_awaabs_law(before.hazards[0], S()));

    // The landlord confirms phase 2's date in settings: from then on it is the law.
    Settings s = S();
    for (HazardType& t : s.hazard_types)
        if (t.id == "excess-cold") t.in_force_from = d("2026-02-01");
    CHECK(under_awaabs_law(c.hazards[0], s));
}
