#include <doctest/doctest.h>

#include "core/base/date.h"

using namespace doorstep;

namespace {
Date ymd(int y, int m, int d) { return Date::from_ymd(y, m, d); }
LocalDateTime at(const char* iso) { return *parse_iso_local(iso); }
int64_t utc(int y, int m, int d, int h, int mi) { return static_cast<int64_t>(ymd(y, m, d).serial()) * 1440 + h * 60 + mi; }
}  // namespace

TEST_CASE("date: civil days round-trip and known serials") {
    CHECK(ymd(1970, 1, 1).serial() == 0);
    CHECK(ymd(2000, 3, 1).serial() == 11017);
    CHECK(ymd(1969, 12, 31).serial() == -1);
    CHECK(ymd(2024, 12, 31).serial() == 20088);
    // Every day from 1900 to 2200 converts back to itself and steps by one.
    int32_t prev = ymd(1899, 12, 31).serial();
    for (int y = 1900; y <= 2200; ++y)
        for (int m = 1; m <= 12; ++m)
            for (int d = 1; d <= days_in_month(y, m); ++d) {
                const Date x = ymd(y, m, d);
                REQUIRE(x.serial() == prev + 1);
                REQUIRE(x.year() == y);
                REQUIRE(x.month() == m);
                REQUIRE(x.day() == d);
                prev = x.serial();
            }
}

TEST_CASE("date: weekdays") {
    CHECK(ymd(1970, 1, 1).weekday() == Weekday::Thursday);
    CHECK(ymd(1969, 12, 28).weekday() == Weekday::Sunday);  // before the epoch
    CHECK(ymd(2024, 12, 31).weekday() == Weekday::Tuesday);
    CHECK(ymd(2024, 12, 20).weekday() == Weekday::Friday);
    CHECK(ymd(1900, 1, 1).weekday() == Weekday::Monday);
    CHECK(ymd(2200, 12, 31).weekday() == Weekday::Wednesday);
    CHECK(ymd(2025, 3, 1).is_weekend());
    CHECK_FALSE(ymd(2025, 3, 3).is_weekend());
}

TEST_CASE("date: month lengths and leap years") {
    CHECK(days_in_month(2024, 2) == 29);
    CHECK(days_in_month(2025, 2) == 28);
    CHECK(days_in_month(1900, 2) == 28);
    CHECK(days_in_month(2000, 2) == 29);
    CHECK(days_in_month(2025, 4) == 30);
    CHECK(days_in_month(2025, 13) == 0);
    CHECK(Date::is_valid_ymd(2024, 2, 29));
    CHECK_FALSE(Date::is_valid_ymd(2025, 2, 29));
    CHECK_FALSE(Date::is_valid_ymd(2025, 0, 1));
    CHECK_FALSE(Date::is_valid_ymd(2025, 1, 0));
}

TEST_CASE("date: strict ISO parsing") {
    REQUIRE(parse_iso_date("2024-12-31"));
    CHECK(*parse_iso_date("2024-12-31") == ymd(2024, 12, 31));
    CHECK(*parse_iso_date("1900-01-01") == ymd(1900, 1, 1));
    CHECK(*parse_iso_date("2200-12-31") == ymd(2200, 12, 31));
    CHECK(*parse_iso_date("2024-02-29") == ymd(2024, 2, 29));
    for (const char* bad : {"2025-02-30", "2025-02-29", "2025-2-3", "2025-02-03 ", " 2025-02-03", "2025-02-03x",
                            "2025/02/03", "1899-12-31", "2201-01-01", "2025-13-01", "2025-00-10", "2025-01-00",
                            "", "20250203", "2025-02-0a", "+025-02-03", "2025-02-03T10:00"})
        CHECK_MESSAGE(!parse_iso_date(bad), bad);
}

TEST_CASE("date: formatting") {
    CHECK(to_iso(ymd(2024, 12, 31)) == "2024-12-31");
    CHECK(to_iso(ymd(1905, 3, 7)) == "1905-03-07");
    CHECK(long_date(ymd(2024, 12, 31)) == "Tuesday 31 December 2024");
    CHECK(long_date(ymd(2025, 1, 1)) == "Wednesday 1 January 2025");
    CHECK(short_date(ymd(2024, 12, 31)) == "31 Dec 2024");
    CHECK(short_date(ymd(2025, 9, 5)) == "5 Sep 2025");
    CHECK(std::string(weekday_name(Weekday::Sunday)) == "Sunday");
    CHECK(std::string(month_name(5)) == "May");
    CHECK(std::string(month_name(0)).empty());
}

TEST_CASE("date: add_months_clamped") {
    CHECK(add_months_clamped(ymd(2025, 1, 31), 1) == ymd(2025, 2, 28));
    CHECK(add_months_clamped(ymd(2024, 1, 31), 1) == ymd(2024, 2, 29));
    CHECK(add_months_clamped(ymd(2024, 11, 15), 3) == ymd(2025, 2, 15));
    CHECK(add_months_clamped(ymd(2025, 3, 31), -1) == ymd(2025, 2, 28));
    CHECK(add_months_clamped(ymd(2025, 1, 10), -1) == ymd(2024, 12, 10));
    CHECK(add_months_clamped(ymd(2025, 1, 10), -13) == ymd(2023, 12, 10));
    CHECK(add_months_clamped(ymd(2025, 5, 31), 12) == ymd(2026, 5, 31));
    CHECK(add_months_clamped(ymd(2025, 5, 31), 0) == ymd(2025, 5, 31));
}

TEST_CASE("date: local date-time parsing and formatting") {
    const auto t = parse_iso_local("2026-03-28T12:00");
    REQUIRE(t);
    CHECK(t->date == ymd(2026, 3, 28));
    CHECK(t->minute_of_day == 720);
    CHECK(to_iso(*t) == "2026-03-28T12:00");
    const auto s = parse_iso_local("2026-03-28T23:59:59");
    REQUIRE(s);
    CHECK(s->minute_of_day == 23 * 60 + 59);
    CHECK(to_iso(at("2025-01-02T00:05")) == "2025-01-02T00:05");
    for (const char* bad : {"2026-03-28", "2026-03-28T24:00", "2026-03-28T12:60", "2026-03-28 12:00", "2026-03-28T1:00",
                            "2026-03-28T12:00Z", "2026-03-28T12:00:60", "2026-02-30T12:00", "2026-03-28T12:00:0", ""})
        CHECK_MESSAGE(!parse_iso_local(bad), bad);
}

TEST_CASE("date: British summer time boundaries") {
    // 2026: BST from 01:00 UTC Sun 29 March to 01:00 UTC Sun 25 October.
    CHECK_FALSE(is_british_summer_time_utc(utc(2026, 3, 29, 0, 59)));
    CHECK(is_british_summer_time_utc(utc(2026, 3, 29, 1, 0)));
    CHECK(is_british_summer_time_utc(utc(2026, 10, 25, 0, 59)));
    CHECK_FALSE(is_british_summer_time_utc(utc(2026, 10, 25, 1, 0)));
    CHECK_FALSE(is_british_summer_time_utc(utc(2026, 1, 15, 12, 0)));
    CHECK(is_british_summer_time_utc(utc(2026, 7, 15, 12, 0)));
    // 2024: 31 March and 27 October.
    CHECK(is_british_summer_time_utc(utc(2024, 3, 31, 1, 0)));
    CHECK_FALSE(is_british_summer_time_utc(utc(2024, 3, 30, 1, 0)));
    CHECK_FALSE(is_british_summer_time_utc(utc(2024, 10, 27, 1, 0)));
    CHECK(is_british_summer_time_utc(utc(2024, 10, 26, 1, 0)));
    // Before the epoch the arithmetic still floors correctly.
    CHECK(is_british_summer_time_utc(utc(1969, 7, 1, 0, 0)));
}

TEST_CASE("date: UK local time to and from UTC") {
    CHECK(uk_local_to_utc_minutes(at("2026-01-10T09:30")) == utc(2026, 1, 10, 9, 30));
    CHECK(uk_local_to_utc_minutes(at("2026-07-10T09:30")) == utc(2026, 7, 10, 8, 30));
    // Spring forward: 00:59 GMT is followed by 02:00 BST.
    CHECK(uk_local_to_utc_minutes(at("2026-03-29T00:59")) == utc(2026, 3, 29, 0, 59));
    CHECK(uk_local_to_utc_minutes(at("2026-03-29T02:00")) == utc(2026, 3, 29, 1, 0));
    CHECK(uk_local_to_utc_minutes(at("2026-03-29T01:30")) == utc(2026, 3, 29, 1, 30));  // skipped hour read as GMT
    // Fall back: 01:00-01:59 happens twice; the first (BST) is taken.
    CHECK(uk_local_to_utc_minutes(at("2026-10-25T00:30")) == utc(2026, 10, 24, 23, 30));
    CHECK(uk_local_to_utc_minutes(at("2026-10-25T01:30")) == utc(2026, 10, 25, 0, 30));
    CHECK(uk_local_to_utc_minutes(at("2026-10-25T02:00")) == utc(2026, 10, 25, 2, 0));

    CHECK(utc_minutes_to_uk_local(utc(2026, 3, 29, 0, 59)) == at("2026-03-29T00:59"));
    CHECK(utc_minutes_to_uk_local(utc(2026, 3, 29, 1, 0)) == at("2026-03-29T02:00"));
    CHECK(utc_minutes_to_uk_local(utc(2026, 10, 25, 0, 30)) == at("2026-10-25T01:30"));
    CHECK(utc_minutes_to_uk_local(utc(2026, 10, 25, 1, 30)) == at("2026-10-25T01:30"));
    CHECK(utc_minutes_to_uk_local(utc(2026, 6, 30, 23, 30)) == at("2026-07-01T00:30"));  // crosses midnight
    CHECK(utc_minutes_to_uk_local(utc(1969, 12, 31, 23, 59)) == at("1969-12-31T23:59"));

    // Every local minute that exists once round-trips across both 2026 changes.
    for (int64_t m = utc(2026, 3, 28, 0, 0); m < utc(2026, 3, 30, 0, 0); ++m)
        REQUIRE(uk_local_to_utc_minutes(utc_minutes_to_uk_local(m)) == m);
    for (int64_t m = utc(2026, 10, 24, 0, 0); m < utc(2026, 10, 26, 0, 0); ++m) {
        const LocalDateTime l = utc_minutes_to_uk_local(m);
        const bool second_pass = m >= utc(2026, 10, 25, 1, 0) && m < utc(2026, 10, 25, 2, 0);
        REQUIRE(uk_local_to_utc_minutes(l) == (second_pass ? m - 60 : m));
    }
}
