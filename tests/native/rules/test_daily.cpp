// What the passing days change by themselves (rules/daily.h), given the cases and
// the day: the stage 1 whose escalation window ended closes as not escalated;
// the cases given are not touched, the changed copies come back to be saved.
#include "case_fixtures.h"

#include <doctest/doctest.h>

#include "core/data/settings_defaults.h"
#include "core/rules/daily.h"
#include "core/rules/workflow.h"

#include <string>

using namespace doorstep;

namespace {

using fixtures::d;

const Settings& S() { return fixtures::sample_settings(); }

const Actor kOfficer{"Jo Placeholder", "2025-01-28T10:00"};
const Actor kDoorstep{"Doorstep", "2025-03-03T08:00"};

Case complaint(const char* id, uint32_t counter) {
    NewCase n;
    n.id = id;
    n.counter = counter;
    n.received = d("2025-01-28");
    n.resident.name = "Ada Sample";
    n.own_words = "The boiler has been broken for two weeks and nobody came.";
    n.category_id = "repairs";
    auto r = new_case(n, S(), kOfficer);
    REQUIRE(r.is_ok());
    return std::move(*r);
}

// Acknowledged on 28 January and answered at stage 1 on Friday 31 January 2025:
// the escalation window runs to Friday 28 February.
Case answered(const char* id, uint32_t counter) {
    Case c = complaint(id, counter);
    AcknowledgementDetails a;
    a.definition = "The resident is unhappy that a reported boiler fault was not repaired.";
    a.points = {DefinitionPoint{"Delay repairing the boiler", Decision::Undecided, ""}};
    a.outcome_sought = "Boiler fixed";
    a.investigator = "Jo Placeholder";
    a.approver = "Chris Example";
    REQUIRE(acknowledge(c, 1, d("2025-01-28"), a, S(), kOfficer).is_ok());
    REQUIRE(decide_point(c, 1, 0, Decision::Upheld, "Repairs policy 4.2", kOfficer).is_ok());
    REQUIRE(record_response(c, 1, d("2025-01-31"), ResponseDetails{"Upheld", "", ""}, S(), kOfficer).is_ok());
    return c;
}

}  // namespace

TEST_CASE("5.11: the day after the escalation window ends, an answered stage 1 closes as not escalated") {
    const std::vector<Case> cases = {answered("0b7e6c1a-2f1d-4c1e-9a53-6f3a2d1c0b01", 1),
                                     complaint("0b7e6c1a-2f1d-4c1e-9a53-6f3a2d1c0b02", 2)};
    const size_t audit = cases[0].audit.size();

    CHECK(apply_daily(cases, d("2025-02-28"), S(), kDoorstep).changed.empty());  // the window's last day

    const DailyChanges day = apply_daily(cases, d("2025-03-03"), S(), kDoorstep);
    REQUIRE(day.changed.size() == 1);
    CHECK(day.closed_not_escalated == 1);
    const Case& closed = day.changed[0];
    CHECK(closed.id == cases[0].id);
    REQUIRE(closed.closure);
    CHECK(closed.closure->reason == ClosureReason::NotEscalated);
    CHECK(closed.closure->closed_on == d("2025-03-01"));
    REQUIRE(closed.audit.size() == audit + 1);
    CHECK(closed.audit.back().who == "Doorstep");

    CHECK_FALSE(cases[0].closure);  // the cases given are not changed
    CHECK(cases[0].audit.size() == audit);
    CHECK(apply_daily(day.changed, d("2025-03-04"), S(), kDoorstep).changed.empty());  // once only
}
