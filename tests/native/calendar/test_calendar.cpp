#include <doctest/doctest.h>

#include "core/calendar/calendar.h"

#include <string>
#include <vector>

using namespace doorstep;

namespace {

Date d(const char* iso) { return *parse_iso_date(iso); }

std::vector<std::string> isos(const std::vector<Holiday>& list) {
    std::vector<std::string> out;
    for (const Holiday& h : list) out.push_back(to_iso(h.date));
    return out;
}

const std::string& title_on(const std::vector<Holiday>& list, const char* iso) {
    static const std::string none = "(none)";
    for (const Holiday& h : list)
        if (to_iso(h.date) == iso) return h.title;
    return none;
}

}  // namespace

TEST_CASE("calendar: Easter Sunday") {
    for (const char* iso : {"2000-04-23", "2008-03-23", "2011-04-24", "2019-04-21", "2020-04-12", "2021-04-04",
                            "2022-04-17", "2023-04-09", "2024-03-31", "2025-04-20", "2026-04-05", "2027-03-28",
                            "2028-04-16", "2029-04-01", "2030-04-21", "2038-04-25"}) {
        const Date e = d(iso);
        CHECK_MESSAGE(easter_sunday(e.year()) == e, iso);
    }
    CHECK(easter_sunday(2285) == Date::from_ymd(2285, 3, 22));  // the earliest possible date
    CHECK(easter_sunday(1943) == Date::from_ymd(1943, 4, 25));  // the latest
}

// England and Wales, written out from gov.uk's published list (2020-2026) and
// from the rules for 2027-2030.
TEST_CASE("calendar: England and Wales bank holidays 2020-2030") {
    const std::vector<std::vector<std::string>> expected = {
        {"2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"},
        {"2021-01-01", "2021-04-02", "2021-04-05", "2021-05-03", "2021-05-31", "2021-08-30", "2021-12-27", "2021-12-28"},
        {"2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19",
         "2022-12-26", "2022-12-27"},
        {"2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25",
         "2023-12-26"},
        {"2024-01-01", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27", "2024-08-26", "2024-12-25", "2024-12-26"},
        {"2025-01-01", "2025-04-18", "2025-04-21", "2025-05-05", "2025-05-26", "2025-08-25", "2025-12-25", "2025-12-26"},
        {"2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"},
        {"2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"},
        {"2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28", "2028-12-25", "2028-12-26"},
        {"2029-01-01", "2029-03-30", "2029-04-02", "2029-05-07", "2029-05-28", "2029-08-27", "2029-12-25", "2029-12-26"},
        {"2030-01-01", "2030-04-19", "2030-04-22", "2030-05-06", "2030-05-27", "2030-08-26", "2030-12-25", "2030-12-26"},
    };
    for (int y = 2020; y <= 2030; ++y) {
        CAPTURE(y);
        CHECK(isos(rule_bank_holidays(Region::EnglandAndWales, y)) == expected[static_cast<size_t>(y - 2020)]);
    }
}

TEST_CASE("calendar: one-off days and their titles") {
    const auto y2022 = rule_bank_holidays(Region::EnglandAndWales, 2022);
    CHECK(title_on(y2022, "2022-06-02") == "Spring bank holiday");
    CHECK(title_on(y2022, "2022-06-03") == "Platinum Jubilee bank holiday");
    CHECK(title_on(y2022, "2022-09-19") == "Bank Holiday for the State Funeral of Queen Elizabeth II");
    CHECK(title_on(rule_bank_holidays(Region::EnglandAndWales, 2023), "2023-05-08") ==
          "Bank holiday for the coronation of King Charles III");
    CHECK(title_on(rule_bank_holidays(Region::EnglandAndWales, 2020), "2020-05-08") == "Early May bank holiday (VE day)");

    const auto y2011 = isos(rule_bank_holidays(Region::EnglandAndWales, 2011));
    CHECK(y2011 == std::vector<std::string>{"2011-01-03", "2011-04-22", "2011-04-25", "2011-04-29", "2011-05-02",
                                            "2011-05-30", "2011-08-29", "2011-12-26", "2011-12-27"});
    const auto y2012 = isos(rule_bank_holidays(Region::EnglandAndWales, 2012));
    CHECK(y2012 == std::vector<std::string>{"2012-01-02", "2012-04-06", "2012-04-09", "2012-05-07", "2012-06-04",
                                            "2012-06-05", "2012-08-27", "2012-12-25", "2012-12-26"});
}

TEST_CASE("calendar: substitute days for Christmas, Boxing Day and New Year") {
    const auto y2021 = rule_bank_holidays(Region::EnglandAndWales, 2021);  // Christmas on a Saturday
    CHECK(title_on(y2021, "2021-12-27") == "Christmas Day (substitute day)");
    CHECK(title_on(y2021, "2021-12-28") == "Boxing Day (substitute day)");
    const auto y2022 = rule_bank_holidays(Region::EnglandAndWales, 2022);  // Christmas on a Sunday
    CHECK(title_on(y2022, "2022-12-26") == "Boxing Day");
    CHECK(title_on(y2022, "2022-12-27") == "Christmas Day (substitute day)");
    CHECK(title_on(y2022, "2022-01-03") == "New Year\xE2\x80\x99s Day (substitute day)");  // Saturday 1 Jan
    const auto y2023 = rule_bank_holidays(Region::EnglandAndWales, 2023);
    CHECK(title_on(y2023, "2023-01-02") == "New Year\xE2\x80\x99s Day (substitute day)");  // Sunday 1 Jan
    CHECK(title_on(rule_bank_holidays(Region::EnglandAndWales, 2020), "2020-12-28") == "Boxing Day (substitute day)");

    Calendar cal;
    CHECK_FALSE(cal.is_working_day(d("2021-12-27")));
    CHECK_FALSE(cal.is_working_day(d("2021-12-28")));
    CHECK(cal.is_working_day(d("2021-12-29")));
    CHECK_FALSE(cal.is_working_day(d("2022-12-27")));
    CHECK_FALSE(cal.is_working_day(d("2022-01-03")));
    CHECK(cal.is_working_day(d("2022-01-04")));
    CHECK_FALSE(cal.is_working_day(d("2023-01-02")));
}

TEST_CASE("calendar: Scotland") {
    CHECK(isos(rule_bank_holidays(Region::Scotland, 2022)) ==
          std::vector<std::string>{"2022-01-03", "2022-01-04", "2022-04-15", "2022-05-02", "2022-06-02", "2022-06-03",
                                   "2022-08-01", "2022-09-19", "2022-11-30", "2022-12-26", "2022-12-27"});
    CHECK(isos(rule_bank_holidays(Region::Scotland, 2024)) ==
          std::vector<std::string>{"2024-01-01", "2024-01-02", "2024-03-29", "2024-05-06", "2024-05-27", "2024-08-05",
                                   "2024-12-02", "2024-12-25", "2024-12-26"});
    const auto y2023 = rule_bank_holidays(Region::Scotland, 2023);
    CHECK(title_on(y2023, "2023-01-02") == "2nd January");
    CHECK(title_on(y2023, "2023-01-03") == "New Year\xE2\x80\x99s Day (substitute day)");
    CHECK(title_on(rule_bank_holidays(Region::Scotland, 2021), "2021-01-04") == "2nd January (substitute day)");
    CHECK(title_on(rule_bank_holidays(Region::Scotland, 2025), "2025-12-01") == "St Andrew\xE2\x80\x99s Day (substitute day)");

    Calendar scot(Region::Scotland);
    CHECK(scot.is_working_day(d("2024-04-01")));        // no Easter Monday
    CHECK(scot.is_working_day(d("2024-08-26")));        // summer holiday is the first Monday instead
    CHECK_FALSE(scot.is_working_day(d("2024-08-05")));
    CHECK_FALSE(scot.is_working_day(d("2024-01-02")));
}

TEST_CASE("calendar: Northern Ireland") {
    CHECK(isos(rule_bank_holidays(Region::NorthernIreland, 2024)) ==
          std::vector<std::string>{"2024-01-01", "2024-03-18", "2024-03-29", "2024-04-01", "2024-05-06", "2024-05-27",
                                   "2024-07-12", "2024-08-26", "2024-12-25", "2024-12-26"});
    const auto y2025 = rule_bank_holidays(Region::NorthernIreland, 2025);
    CHECK(title_on(y2025, "2025-03-17") == "St Patrick\xE2\x80\x99s Day");
    CHECK(title_on(y2025, "2025-07-14") == "Battle of the Boyne (Orangemen\xE2\x80\x99s Day) (substitute day)");
    CHECK(title_on(rule_bank_holidays(Region::NorthernIreland, 2020), "2020-07-13") ==
          "Battle of the Boyne (Orangemen\xE2\x80\x99s Day) (substitute day)");
    Calendar ni(Region::NorthernIreland);
    CHECK_FALSE(ni.is_working_day(d("2024-03-18")));
    CHECK(Calendar().is_working_day(d("2024-03-18")));
}

TEST_CASE("calendar: regions by gov.uk key") {
    CHECK(std::string(region_key(Region::EnglandAndWales)) == "england-and-wales");
    CHECK(parse_region("scotland") == Region::Scotland);
    CHECK(parse_region("northern-ireland") == Region::NorthernIreland);
    CHECK_FALSE(parse_region("wales"));
    CHECK_FALSE(parse_region(""));
}

TEST_CASE("calendar: add_working_days") {
    Calendar cal;
    // The domain brief's example: 25 and 26 Dec are bank holidays.
    CHECK(cal.add_working_days(d("2024-12-20"), 5) == d("2024-12-31"));
    // Day one is the first working day after d, whatever day d is.
    CHECK(cal.add_working_days(d("2025-03-07"), 1) == d("2025-03-10"));  // Friday
    CHECK(cal.add_working_days(d("2025-03-08"), 1) == d("2025-03-10"));  // Saturday
    CHECK(cal.add_working_days(d("2025-03-09"), 1) == d("2025-03-10"));  // Sunday
    CHECK(cal.add_working_days(d("2025-03-10"), 1) == d("2025-03-11"));
    CHECK(cal.add_working_days(d("2025-03-10"), 0) == d("2025-03-10"));
    CHECK(cal.add_working_days(d("2025-03-08"), 0) == d("2025-03-08"));
    CHECK(cal.add_working_days(d("2025-03-10"), 10) == d("2025-03-24"));
    CHECK(cal.add_working_days(d("2025-04-17"), 1) == d("2025-04-22"));  // over Easter
    CHECK(cal.add_working_days(d("2025-04-17"), 20) == d("2025-05-20"));  // Easter and early May
    CHECK(cal.add_working_days(d("2021-12-24"), 1) == d("2021-12-29"));
    CHECK(cal.add_working_days(d("2022-05-31"), 2) == d("2022-06-06"));  // Jubilee Thursday and Friday
    // Across a year end.
    CHECK(cal.add_working_days(d("2030-12-20"), 5) == d("2030-12-31"));
    CHECK(cal.add_working_days(d("2030-12-24"), 5) == d("2031-01-03"));
    CHECK(cal.add_working_days(d("2099-12-31"), 1) == d("2100-01-04"));  // 1 Jan 2100 is a Friday
    // Counting back.
    CHECK(cal.add_working_days(d("2025-03-10"), -1) == d("2025-03-07"));
    CHECK(cal.add_working_days(d("2025-01-02"), -1) == d("2024-12-31"));
    CHECK(cal.add_working_days(d("2024-12-31"), -5) == d("2024-12-20"));
    CHECK(cal.add_working_days(d("2000-01-04"), -1) == d("1999-12-30"));  // Millennium Day, 31 Dec 1999
}

TEST_CASE("calendar: working_days_between") {
    Calendar cal;
    CHECK(cal.working_days_between(d("2024-12-20"), d("2024-12-31")) == 5);
    CHECK(cal.working_days_between(d("2024-12-31"), d("2024-12-20")) == -5);
    CHECK(cal.working_days_between(d("2025-03-10"), d("2025-03-10")) == 0);
    CHECK(cal.working_days_between(d("2025-03-07"), d("2025-03-09")) == 0);   // to a weekend
    CHECK(cal.working_days_between(d("2025-03-08"), d("2025-03-10")) == 1);   // from a weekend
    CHECK(cal.working_days_between(d("2025-03-09"), d("2025-03-08")) == 0);
    CHECK(cal.working_days_between(d("2025-03-07"), d("2025-03-10")) == 1);
    CHECK(cal.working_days_between(d("2024-12-24"), d("2024-12-26")) == 0);
    CHECK(cal.working_days_between(d("2025-01-01"), d("2025-12-31")) == 253);  // 261 weekdays less 8 bank holidays
    CHECK(cal.working_days_between(d("2019-12-31"), d("2031-01-01")) > 0);
    // between() undoes add_working_days() for every start day and n across 2024-2026.
    for (Date a = d("2024-01-01"); a < d("2026-12-31"); a = a.plus_days(1))
        for (int n : {1, 5, 10, 20, 40}) REQUIRE(cal.working_days_between(a, cal.add_working_days(a, n)) == n);
}

TEST_CASE("calendar: a table grown on demand agrees with one built wide") {
    Calendar wide;
    CHECK(wide.is_working_day(d("1990-06-01")));
    CHECK(wide.is_working_day(d("2060-06-01")));  // now covers 1989-2062
    for (int n : {-700, -300, -1, 1, 300, 700}) {
        Calendar fresh;  // starts with 2029-2032 and grows while counting
        CAPTURE(n);
        CHECK(fresh.add_working_days(d("2030-01-02"), n) == wide.add_working_days(d("2030-01-02"), n));
    }
    Calendar fresh;
    CHECK(fresh.working_days_between(d("2031-06-01"), d("2020-06-01")) ==
          wide.working_days_between(d("2031-06-01"), d("2020-06-01")));
    CHECK(wide.working_days_between(d("2020-06-01"), d("2031-06-01")) > 2700);
}

TEST_CASE("calendar: extra closure days") {
    Calendar cal;
    CHECK(cal.is_working_day(d("2024-12-24")));
    cal.add_extra_day(d("2024-12-24"), "Office closed");
    CHECK_FALSE(cal.is_working_day(d("2024-12-24")));
    cal.add_extra_day(d("2024-12-24"), "Office closed again");  // ignored: already a closure day
    CHECK(cal.extra_days().size() == 1);
    CHECK(cal.add_working_days(d("2024-12-20"), 5) == d("2025-01-02"));
    const auto year = cal.holidays_in_year(2024);
    CHECK(title_on(year, "2024-12-24") == "Office closed");
    CHECK(year.size() == 9);
    cal.add_extra_day(d("2024-12-25"), "Duplicate of Christmas");  // listed once only
    CHECK(cal.holidays_in_year(2024).size() == 9);
    // A closure day added before the table reaches its year still counts.
    Calendar later;
    later.add_extra_day(d("2040-03-01"), "Stocktake");
    CHECK_FALSE(later.is_working_day(d("2040-03-01")));
}

TEST_CASE("calendar: dates far outside the table are still answered") {
    Calendar cal;
    CHECK_FALSE(cal.is_working_day(Date::from_ymd(3000, 12, 25)));
    CHECK(cal.is_working_day(Date::from_ymd(3000, 12, 24)));  // a Tuesday
    CHECK(cal.add_working_days(Date::from_ymd(2800, 12, 30), 3) == Date::from_ymd(2801, 1, 4));
}

TEST_CASE("calendar: read_published_holidays") {
    const char* file = R"({
      "england-and-wales": {"division": "england-and-wales", "events": [
        {"title": "New Year\u2019s Day", "date": "2026-01-01", "notes": "", "bunting": true},
        {"title": "Extra day for something", "date": "2026-06-12", "notes": "", "bunting": true},
        {"title": "Christmas Day", "date": "2026-12-25", "notes": "", "bunting": true}]},
      "scotland": {"division": "scotland", "events": [
        {"title": "St Andrew\u2019s Day", "date": "2026-11-30", "notes": "", "bunting": true}]}})";
    const auto ew = read_published_holidays(file, Region::EnglandAndWales);
    REQUIRE(ew.is_ok());
    REQUIRE(ew->size() == 1);
    CHECK((*ew)[0].date == d("2026-06-12"));
    CHECK((*ew)[0].title == "Extra day for something");
    const auto scot = read_published_holidays(file, Region::Scotland);
    REQUIRE(scot.is_ok());
    CHECK(scot->empty());

    const auto ni = read_published_holidays(file, Region::NorthernIreland);
    REQUIRE_FALSE(ni.is_ok());
    CHECK(ni.error().message.find("northern-ireland") != std::string::npos);

    struct Bad { const char* json; const char* where; };
    const Bad bad[] = {
        {"not json", "bank holidays file"},
        {"[1,2]", "bank holidays file"},
        {R"({"england-and-wales": []})", "bank holidays file, england-and-wales"},
        {R"({"england-and-wales": {"events": {}}})", "bank holidays file, england-and-wales.events"},
        {R"({"england-and-wales": {}})", "bank holidays file, england-and-wales.events"},
        {R"({"england-and-wales": {"events": [3]}})", "bank holidays file, england-and-wales.events[0]"},
        {R"({"england-and-wales": {"events": [{"date": "2026-01-01"}]}})", "bank holidays file, england-and-wales.events[0].title"},
        {R"({"england-and-wales": {"events": [{"title": 7, "date": "2026-01-01"}]}})",
         "bank holidays file, england-and-wales.events[0].title"},
        {R"({"england-and-wales": {"events": [{"title": "a", "date": "2026-01-01"}, {"title": "b"}]}})",
         "bank holidays file, england-and-wales.events[1].date"},
        {R"({"england-and-wales": {"events": [{"title": "a", "date": "2026-01-01"}, {"title": "b", "date": 20260101}]}})",
         "bank holidays file, england-and-wales.events[1].date"},
        {R"({"england-and-wales": {"events": [{"title": "a", "date": "2026-01-01"}, {"title": "b", "date": "2025-02-30"}]}})",
         "bank holidays file, england-and-wales.events[1].date"},
    };
    for (const Bad& b : bad) {
        CAPTURE(b.json);
        const auto r = read_published_holidays(b.json, Region::EnglandAndWales);
        REQUIRE_FALSE(r.is_ok());
        CHECK(r.error().where == b.where);
        CHECK_FALSE(r.error().message.empty());
    }
    CHECK(read_published_holidays(R"({"england-and-wales": {"events": [{"title": "b", "date": "2025-02-30"}]}})",
                                  Region::EnglandAndWales)
              .error()
              .message.find("2025-02-30") != std::string::npos);
}
