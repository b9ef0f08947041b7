// Civil-day arithmetic (proleptic Gregorian, days since 1970-01-01) and the
// UK's summer-time rule, without the C library's time zone machinery: the
// same answers natively and in the browser, whatever the device's zone.
#include "core/base/date.h"

#include <cstdio>

namespace doorstep {

namespace {

// Howard Hinnant's days_from_civil / civil_from_days.
constexpr int32_t days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153u * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2u) / 5u + static_cast<unsigned>(d) - 1u;
    const unsigned doe = yoe * 365u + yoe / 4u - yoe / 100u + doy;
    return era * 146097 + static_cast<int32_t>(doe) - 719468;
}

struct Civil { int y, m, d; };

constexpr Civil civil_from_days(int32_t z) {
    z += 719468;
    const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460u + doe / 36524u - doe / 146096u) / 365u;
    const int y = static_cast<int>(yoe) + era * 400;
    const unsigned doy = doe - (365u * yoe + yoe / 4u - yoe / 100u);
    const unsigned mp = (5u * doy + 2u) / 153u;
    const unsigned d = doy - (153u * mp + 2u) / 5u + 1u;
    const unsigned m = mp < 10u ? mp + 3u : mp - 9u;
    return {y + (m <= 2u), static_cast<int>(m), static_cast<int>(d)};
}

static_assert(days_from_civil(1970, 1, 1) == 0, "epoch");
static_assert(days_from_civil(2000, 3, 1) == 11017, "leap century");

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Reads exactly `count` ASCII digits; false on anything else.
bool read_digits(std::string_view s, size_t at, size_t count, int& out) {
    if (at + count > s.size()) return false;
    int v = 0;
    for (size_t i = at; i < at + count; ++i) {
        const char c = s[i];
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

const char* const kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};

constexpr int64_t kMinutesPerDay = 1440;

int64_t floor_div(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Last Sunday of a month, at 01:00 UTC, in minutes since the epoch.
int64_t last_sunday_0100_utc(int year, int month) {
    const Date last = Date::from_ymd(year, month, days_in_month(year, month));
    const int back = (static_cast<int>(last.weekday()) - static_cast<int>(Weekday::Sunday) + 7) % 7;
    return static_cast<int64_t>(last.serial() - back) * kMinutesPerDay + 60;
}

}  // namespace

Date Date::from_ymd(int year, int month, int day) { return from_serial(days_from_civil(year, month, day)); }

bool Date::is_valid_ymd(int year, int month, int day) {
    return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

int Date::year() const { return civil_from_days(serial_).y; }
int Date::month() const { return civil_from_days(serial_).m; }
int Date::day() const { return civil_from_days(serial_).d; }

Weekday Date::weekday() const {
    // 1970-01-01 was a Thursday (3 with Monday = 0).
    const int32_t w = (serial_ % 7 + 7 + 3) % 7;
    return static_cast<Weekday>(w);
}

int days_in_month(int year, int month) {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

std::optional<Date> parse_iso_date(std::string_view text) {
    int y = 0, m = 0, d = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    if (!read_digits(text, 0, 4, y) || !read_digits(text, 5, 2, m) || !read_digits(text, 8, 2, d)) return std::nullopt;
    if (y < 1900 || y > 2200 || !Date::is_valid_ymd(y, m, d)) return std::nullopt;
    return Date::from_ymd(y, m, d);
}

std::string to_iso(Date d) {
    const Civil c = civil_from_days(d.serial());
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", c.y, c.m, c.d);
    return buf;
}

std::string long_date(Date d) {
    const Civil c = civil_from_days(d.serial());
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s %d %s %d", weekday_name(d.weekday()), c.d, kMonths[c.m - 1], c.y);
    return buf;
}

std::string short_date(Date d) {
    const Civil c = civil_from_days(d.serial());
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d %.3s %d", c.d, kMonths[c.m - 1], c.y);
    return buf;
}

const char* weekday_name(Weekday w) {
    const int i = static_cast<int>(w);
    return i >= 0 && i < 7 ? kWeekdays[i] : "";
}

const char* month_name(int month) { return month >= 1 && month <= 12 ? kMonths[month - 1] : ""; }

Date add_months_clamped(Date d, int months) {
    const Civil c = civil_from_days(d.serial());
    const int total = c.y * 12 + (c.m - 1) + months;
    const int y = static_cast<int>(floor_div(total, 12));
    const int m = total - y * 12 + 1;
    const int dim = days_in_month(y, m);
    return Date::from_ymd(y, m, c.d < dim ? c.d : dim);
}

std::optional<LocalDateTime> parse_iso_local(std::string_view text) {
    // YYYY-MM-DDTHH:MM, optionally :SS (read, checked, then ignored).
    if (text.size() != 16 && text.size() != 19) return std::nullopt;
    const auto date = parse_iso_date(text.substr(0, 10));
    if (!date || text[10] != 'T' || text[13] != ':') return std::nullopt;
    int h = 0, mi = 0, s = 0;
    if (!read_digits(text, 11, 2, h) || !read_digits(text, 14, 2, mi) || h > 23 || mi > 59) return std::nullopt;
    if (text.size() == 19 && (text[16] != ':' || !read_digits(text, 17, 2, s) || s > 59)) return std::nullopt;
    return LocalDateTime{*date, h * 60 + mi};
}

std::string to_iso(const LocalDateTime& t) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "T%02d:%02d", t.minute_of_day / 60, t.minute_of_day % 60);
    return to_iso(t.date) + buf;
}

// Europe/London since 1996: BST from 01:00 UTC on the last Sunday of March to
// 01:00 UTC on the last Sunday of October. Earlier years are read by the same rule.
bool is_british_summer_time_utc(int64_t utc_minutes) {
    const Date day = Date::from_serial(static_cast<int32_t>(floor_div(utc_minutes, kMinutesPerDay)));
    const int y = day.year();
    return utc_minutes >= last_sunday_0100_utc(y, 3) && utc_minutes < last_sunday_0100_utc(y, 10);
}

int64_t uk_local_to_utc_minutes(const LocalDateTime& t) {
    const int64_t local = static_cast<int64_t>(t.date.serial()) * kMinutesPerDay + t.minute_of_day;
    // Read as BST when that reading is self-consistent: this takes the first
    // occurrence of an ambiguous autumn time. Otherwise it is GMT, which also
    // covers the hour skipped in spring.
    if (is_british_summer_time_utc(local - 60)) return local - 60;
    return local;
}

LocalDateTime utc_minutes_to_uk_local(int64_t utc_minutes) {
    const int64_t local = utc_minutes + (is_british_summer_time_utc(utc_minutes) ? 60 : 0);
    const int64_t day = floor_div(local, kMinutesPerDay);
    return LocalDateTime{Date::from_serial(static_cast<int32_t>(day)), static_cast<int>(local - day * kMinutesPerDay)};
}

}  // namespace doorstep
