// Suggested sums from the compensation table: the sums are data, the working is shown.
#include <doctest/doctest.h>

#include "core/rules/compensation.h"
#include "core/data/settings_defaults.h"

using namespace doorstep;

namespace {

Date d(const char* iso) { return *parse_iso_date(iso); }

const Settings& S() {
    static const Settings s = default_settings();
    return s;
}

}  // namespace

TEST_CASE("compensation: the Ombudsman's fixed sums from the default table") {
    auto r = suggest_compensation({{"heating-and-hot-water-total", 6}}, S());
    REQUIRE(r.is_ok());
    CHECK(r->total == Money::from_pounds(90));
    CHECK(r->working == "Total loss of heating and hot water: 6 days × £15.00 = £90.00");

    r = suggest_compensation({{"heating-or-hot-water", 4}, {"power-total", 2}, {"lighting-only", 3}, {"missed-appointment", 1}}, S());
    REQUIRE(r.is_ok());
    CHECK(r->total == Money::from_pounds(32 + 20 + 30 + 15));
    CHECK(r->working.find("Loss of lighting only: 3 weeks × £10.00 = £30.00") != std::string::npos);
    CHECK(r->working.find("Missed appointment: 1 time × £15.00 = £15.00") != std::string::npos);
    CHECK(r->working.find("Total: £97.00") != std::string::npos);

    r = suggest_compensation({}, S());
    REQUIRE(r.is_ok());
    CHECK(r->total == Money{});
}

TEST_CASE("compensation: the table is data, not code") {
    Settings s = S();
    s.compensation[0].amount = Money::from_pounds(20);
    auto r = suggest_compensation({{"heating-and-hot-water-total", 6}}, s);
    REQUIRE(r.is_ok());
    CHECK(r->total == Money::from_pounds(120));
    s.compensation.push_back(CompensationRate{"pest-visit-missed", "Missed pest control visit", Money{1250}, RatePer::Occurrence});
    r = suggest_compensation({{"pest-visit-missed", 2}}, s);
    REQUIRE(r.is_ok());
    CHECK(r->total == Money{2500});
}

TEST_CASE("compensation: problems name the line and field") {
    auto r = suggest_compensation({{"power-total", 1}, {"free-holiday", 1}}, S());
    REQUIRE_FALSE(r.is_ok());
    CHECK(r.error().where == "compensation line 2, rate_id");
    r = suggest_compensation({{"power-total", -1}}, S());
    REQUIRE_FALSE(r.is_ok());
    CHECK(r.error().where == "compensation line 1, quantity");
    r = suggest_compensation({{"power-total", 100000}}, S());
    REQUIRE_FALSE(r.is_ok());
    CHECK(find_rate(S(), "power-total"));
    CHECK_FALSE(find_rate(S(), "nope"));
}

TEST_CASE("compensation: quantities from a period of loss") {
    // Both ends count: heating off Monday to Saturday is 6 days.
    CHECK(quantity_for_period(RatePer::Day, d("2025-02-03"), d("2025-02-08")) == 6);
    CHECK(quantity_for_period(RatePer::Day, d("2025-02-28"), d("2025-03-01")) == 2);  // across a month end
    CHECK(quantity_for_period(RatePer::Day, d("2025-02-03"), d("2025-02-03")) == 1);
    CHECK(quantity_for_period(RatePer::Day, d("2025-02-03"), d("2025-02-02")) == 0);
    CHECK(quantity_for_period(RatePer::Week, d("2025-02-03"), d("2025-02-09")) == 1);
    CHECK(quantity_for_period(RatePer::Week, d("2025-02-03"), d("2025-02-10")) == 2);  // a part week counts
    CHECK(quantity_for_period(RatePer::Occurrence, d("2025-02-03"), d("2025-03-03")) == 1);
}
