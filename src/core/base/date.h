// Calendar dates and UK local date-times as value types.
// A Date is a civil day with no time zone: a case logged at 23:30 on a Friday
// was received that Friday.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace doorstep {

enum class Weekday { Monday = 0, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday };

class Date {
public:
    constexpr Date() = default;  // 1970-01-01
    static Date from_ymd(int year, int month, int day);  // caller guarantees validity (see is_valid_ymd)
    static constexpr Date from_serial(int32_t days_since_1970) { Date d; d.serial_ = days_since_1970; return d; }
    static bool is_valid_ymd(int year, int month, int day);

    int year() const;
    int month() const;  // 1..12
    int day() const;    // 1..31
    Weekday weekday() const;
    bool is_weekend() const { return weekday() >= Weekday::Saturday; }
    constexpr int32_t serial() const { return serial_; }

    Date plus_days(int n) const { return from_serial(serial_ + n); }
    friend constexpr int operator-(Date a, Date b) { return a.serial_ - b.serial_; }
    friend constexpr bool operator==(Date a, Date b) { return a.serial_ == b.serial_; }
    friend constexpr bool operator!=(Date a, Date b) { return a.serial_ != b.serial_; }
    friend constexpr bool operator<(Date a, Date b) { return a.serial_ < b.serial_; }
    friend constexpr bool operator<=(Date a, Date b) { return a.serial_ <= b.serial_; }
    friend constexpr bool operator>(Date a, Date b) { return a.serial_ > b.serial_; }
    friend constexpr bool operator>=(Date a, Date b) { return a.serial_ >= b.serial_; }

private:
    int32_t serial_ = 0;
};

// Strict "YYYY-MM-DD" (years 1900..2200); nullopt for anything else, including 2025-02-30.
std::optional<Date> parse_iso_date(std::string_view text);
std::string to_iso(Date d);                   // "2024-12-31"
std::string long_date(Date d);                // "Tuesday 31 December 2024"
std::string short_date(Date d);               // "31 Dec 2024"
const char* weekday_name(Weekday w);          // "Tuesday"
const char* month_name(int month);            // "December"
int days_in_month(int year, int month);
Date add_months_clamped(Date d, int months);  // 31 Jan + 1 month = 28/29 Feb

// A wall-clock time in the UK (Europe/London): the hazard clocks count clock
// hours, so the change to and from summer time matters.
struct LocalDateTime {
    Date date;
    int minute_of_day = 0;  // 0..1439
    friend bool operator==(const LocalDateTime& a, const LocalDateTime& b) { return a.date == b.date && a.minute_of_day == b.minute_of_day; }
    friend bool operator<(const LocalDateTime& a, const LocalDateTime& b) { return a.date < b.date || (a.date == b.date && a.minute_of_day < b.minute_of_day); }
};
// "2026-03-28T12:00" (seconds optional and ignored); nullopt if malformed.
std::optional<LocalDateTime> parse_iso_local(std::string_view text);
std::string to_iso(const LocalDateTime& t);   // "2026-03-28T12:00"
// Minutes since 1970-01-01T00:00Z for a UK local time (BST = UTC+1 from 01:00 UTC on the
// last Sunday of March to 01:00 UTC on the last Sunday of October). A local time in the
// skipped spring hour is read as GMT; an ambiguous autumn time as its first (BST) occurrence.
int64_t uk_local_to_utc_minutes(const LocalDateTime& t);
LocalDateTime utc_minutes_to_uk_local(int64_t utc_minutes);
bool is_british_summer_time_utc(int64_t utc_minutes);

}  // namespace doorstep
