#include <doctest/doctest.h>

#include "core/rules/hazard_clock.h"

#include <string>
#include <vector>

using namespace doorstep;

namespace {

LocalDateTime at(const char* iso) { return *parse_iso_local(iso); }

// "name=deadline" for each step, the deadline as a day or as a local time.
std::vector<std::string> show(const std::vector<HazardStep>& steps) {
    std::vector<std::string> out;
    for (const HazardStep& s : steps) out.push_back(s.name + "=" + (s.due_at ? to_iso(*s.due_at) : to_iso(s.due)));
    return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("hazard clock: significant hazard over weekends") {
    const Calendar cal;
    // Reported Friday 7 March 2025: day zero is the Friday, day one the Monday.
    CHECK(show(hazard_steps(at("2025-03-07T10:00"), HazardKind::Significant, {}, cal)) ==
          Lines{"investigate=2025-03-21", "summary=2025-03-26", "safety-work=2025-03-28", "further-work-start=2025-03-28",
                "further-work-latest=2025-06-13"});
    // Reported on a Saturday: the same deadlines as the Friday (day one is still Monday 10 March).
    CHECK(show(hazard_steps(at("2025-03-08T15:00"), HazardKind::Significant, {}, cal)) ==
          show(hazard_steps(at("2025-03-07T10:00"), HazardKind::Significant, {}, cal)));
}

TEST_CASE("hazard clock: bank holidays over Christmas") {
    const Calendar cal;
    // 25, 26 Dec and 1 Jan are bank holidays.
    CHECK(show(hazard_steps(at("2024-12-17T09:00"), HazardKind::Significant, {}, cal)) ==
          Lines{"investigate=2025-01-03", "summary=2025-01-08", "safety-work=2025-01-10", "further-work-start=2025-01-10",
                "further-work-latest=2025-03-28"});
    // Easter 2025: Good Friday 18 and Easter Monday 21 April.
    const auto easter = hazard_steps(at("2025-04-10T12:00"), HazardKind::Significant, {}, cal);
    CHECK(to_iso(easter[0].due) == "2025-04-28");
}

TEST_CASE("Awaab's Law, emergency: investigated and made safe in its 24 hours, no working-day investigation step") {
    const Calendar cal;
    const auto steps = hazard_steps(at("2025-03-07T23:30"), HazardKind::Emergency, {}, cal);
    // The later steps count from the end of the 24 hours (Saturday 8 March) until the investigation ends.
    CHECK(show(steps) == Lines{"make-safe=2025-03-08T23:30", "summary=2025-03-12", "safety-work=2025-03-14",
                               "further-work-start=2025-03-14", "further-work-latest=2025-05-31"});
    CHECK(steps[0].by_the_hour());
    CHECK(steps[0].due == Date::from_ymd(2025, 3, 8));  // a Saturday: clock hours run through weekends
    CHECK_FALSE(steps[1].by_the_hour());
}

TEST_CASE("hazard clock: 24 real hours across the changes of clock") {
    const Calendar cal;
    // The day before the spring change: the clocks go forward, so 24 hours later reads 13:00.
    CHECK(show(hazard_steps(at("2026-03-28T12:00"), HazardKind::Emergency, {}, cal))[0] == "make-safe=2026-03-29T13:00");
    // The day before the autumn change: the clocks go back, so 24 hours later reads 11:00.
    CHECK(show(hazard_steps(at("2026-10-24T12:00"), HazardKind::Emergency, {}, cal))[0] == "make-safe=2026-10-25T11:00");
    // Reported in the night of the change itself.
    CHECK(to_iso(add_clock_hours(at("2026-03-29T00:30"), 24)) == "2026-03-30T01:30");  // 00:30 GMT, then 01:30 BST
    CHECK(to_iso(add_clock_hours(at("2026-03-29T00:30"), 1)) == "2026-03-29T02:30");
    CHECK(to_iso(add_clock_hours(at("2026-10-25T00:30"), 1)) == "2026-10-25T01:30");
    CHECK(to_iso(add_clock_hours(at("2026-10-25T00:30"), 2)) == "2026-10-25T01:30");  // the hour happens twice
    CHECK(to_iso(add_clock_hours(at("2026-10-25T00:30"), 3)) == "2026-10-25T02:30");
    // No change in between: the wall clock moves by exactly the hours.
    CHECK(to_iso(add_clock_hours(at("2026-07-01T18:15"), 24)) == "2026-07-02T18:15");
    CHECK(to_iso(add_clock_hours(at("2026-01-31T23:00"), 2)) == "2026-02-01T01:00");
}

TEST_CASE("hazard clock: the investigation's actual end moves the later steps") {
    const Calendar cal;
    // Investigated early, on Tuesday 11 March 2025.
    CHECK(show(hazard_steps(at("2025-03-07T10:00"), HazardKind::Significant, {}, cal, Date::from_ymd(2025, 3, 11))) ==
          Lines{"investigate=2025-03-21", "summary=2025-03-14", "safety-work=2025-03-18", "further-work-start=2025-03-18",
                "further-work-latest=2025-06-03"});
}

TEST_CASE("hazard clock: edited timescales and the landlord's closure days") {
    Calendar cal;
    HazardTimescales t;
    t.emergency_make_safe_hours = 12;
    t.investigate_working_days = 5;
    t.summary_working_days = 1;
    t.safety_work_working_days = 2;
    t.further_work_start_working_days = 3;
    t.further_work_latest_weeks = 4;
    CHECK(show(hazard_steps(at("2025-03-07T10:00"), HazardKind::Significant, t, cal)) ==
          Lines{"investigate=2025-03-14", "summary=2025-03-17", "safety-work=2025-03-18",
                "further-work-start=2025-03-19", "further-work-latest=2025-04-11"});
    CHECK(show(hazard_steps(at("2025-03-07T10:00"), HazardKind::Emergency, t, cal)) ==
          Lines{"make-safe=2025-03-07T22:00", "summary=2025-03-10", "safety-work=2025-03-11",
                "further-work-start=2025-03-12", "further-work-latest=2025-04-04"});
    cal.add_extra_day(Date::from_ymd(2025, 3, 17), "Office closed");
    CHECK(show(hazard_steps(at("2025-03-07T10:00"), HazardKind::Significant, t, cal))[1] == "summary=2025-03-18");
}

TEST_CASE("hazard clock: checking edited timescales") {
    CHECK(check_hazard_timescales({}).empty());
    HazardTimescales t;
    t.investigate_working_days = -1;
    t.further_work_latest_weeks = 1000;
    const Problems p = check_hazard_timescales(t);
    REQUIRE(p.size() == 2);
    CHECK(p[0].where == "hazard timescales, investigate_working_days");
    CHECK(p[0].message.find("-1") != std::string::npos);
    CHECK(p[1].where == "hazard timescales, further_work_latest_weeks");
}
