// Bank holidays by rule for the three UK calendars, and the working-day
// arithmetic the Code's clocks run on (6.2, 6.3, 6.11, 6.14 count working days).
#include "core/calendar/calendar.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>

namespace doorstep {

namespace {

// The precomputed table covers these years; dates outside them are answered
// from the rules directly (slowly), so a silly date cannot allocate gigabytes.
constexpr int kTableMinYear = 1600;
constexpr int kTableMaxYear = 2800;

Date first_weekday_of(int year, int month, Weekday w) {
    const Date first = Date::from_ymd(year, month, 1);
    const int ahead = (static_cast<int>(w) - static_cast<int>(first.weekday()) + 7) % 7;
    return first.plus_days(ahead);
}

Date last_weekday_of(int year, int month, Weekday w) {
    const Date last = Date::from_ymd(year, month, days_in_month(year, month));
    const int back = (static_cast<int>(last.weekday()) - static_cast<int>(w) + 7) % 7;
    return last.plus_days(-back);
}

bool contains_date(const std::vector<Holiday>& list, Date d) {
    for (const Holiday& h : list)
        if (h.date == d) return true;
    return false;
}

void sort_by_date(std::vector<Holiday>& list) {
    std::stable_sort(list.begin(), list.end(), [](const Holiday& a, const Holiday& b) { return a.date < b.date; });
}

// Holidays with a fixed date in the month; one that falls on a weekend gives a
// substitute on the next weekday that is not already a holiday.
struct FixedDay { int month, day; const char* title; };

}  // namespace

const char* region_key(Region r) {
    switch (r) {
        case Region::EnglandAndWales: return "england-and-wales";
        case Region::Scotland: return "scotland";
        case Region::NorthernIreland: return "northern-ireland";
    }
    return "england-and-wales";
}

std::optional<Region> parse_region(std::string_view key) {
    for (Region r : {Region::EnglandAndWales, Region::Scotland, Region::NorthernIreland})
        if (key == region_key(r)) return r;
    return std::nullopt;
}

// Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
Date easter_sunday(int year) {
    const int a = year % 19, b = year / 100, c = year % 100;
    const int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    const int h = (19 * a + b - d - g + 15) % 30;
    const int i = c / 4, k = c % 4;
    const int l = (32 + 2 * e + 2 * i - h - k) % 7;
    const int m = (a + 11 * h + 22 * l) / 451;
    const int month = (h + l - 7 * m + 114) / 31;
    const int day = (h + l - 7 * m + 114) % 31 + 1;
    return Date::from_ymd(year, month, day);
}

std::vector<Holiday> rule_bank_holidays(Region region, int year) {
    const auto ymd = [year](int m, int d) { return Date::from_ymd(year, m, d); };
    std::vector<Holiday> out;

    // Holidays tied to a weekday or to Easter, with the one-off moves made by proclamation.
    const Date easter = easter_sunday(year);
    out.push_back({easter.plus_days(-2), "Good Friday"});
    if (region != Region::Scotland) out.push_back({easter.plus_days(1), "Easter Monday"});

    if (year == 1995) out.push_back({ymd(5, 8), "Early May bank holiday (VE day)"});
    else if (year == 2020) out.push_back({ymd(5, 8), "Early May bank holiday (VE day)"});
    else out.push_back({first_weekday_of(year, 5, Weekday::Monday), "Early May bank holiday"});

    if (year == 2002) {
        out.push_back({ymd(6, 3), "Queen\xE2\x80\x99s Golden Jubilee"});
        out.push_back({ymd(6, 4), "Spring bank holiday"});
    } else if (year == 2012) {
        out.push_back({ymd(6, 4), "Spring bank holiday"});
        out.push_back({ymd(6, 5), "Queen\xE2\x80\x99s Diamond Jubilee"});
    } else if (year == 2022) {
        out.push_back({ymd(6, 2), "Spring bank holiday"});
        out.push_back({ymd(6, 3), "Platinum Jubilee bank holiday"});
    } else {
        out.push_back({last_weekday_of(year, 5, Weekday::Monday), "Spring bank holiday"});
    }

    if (region == Region::Scotland) out.push_back({first_weekday_of(year, 8, Weekday::Monday), "Summer bank holiday"});
    else out.push_back({last_weekday_of(year, 8, Weekday::Monday), "Summer bank holiday"});

    // One-off days for the whole UK.
    if (year == 1999) out.push_back({ymd(12, 31), "Millennium Day"});
    if (year == 2011) out.push_back({ymd(4, 29), "Royal wedding"});
    if (year == 2022) out.push_back({ymd(9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II"});
    if (year == 2023) out.push_back({ymd(5, 8), "Bank holiday for the coronation of King Charles III"});

    // Fixed-date holidays, in date order so substitutes are handed out in order.
    std::vector<FixedDay> fixed = {{1, 1, "New Year\xE2\x80\x99s Day"}};
    if (region == Region::Scotland) fixed.push_back({1, 2, "2nd January"});
    if (region == Region::NorthernIreland) {
        fixed.push_back({3, 17, "St Patrick\xE2\x80\x99s Day"});
        fixed.push_back({7, 12, "Battle of the Boyne (Orangemen\xE2\x80\x99s Day)"});
    }
    if (region == Region::Scotland) fixed.push_back({11, 30, "St Andrew\xE2\x80\x99s Day"});
    fixed.push_back({12, 25, "Christmas Day"});
    fixed.push_back({12, 26, "Boxing Day"});

    std::vector<const FixedDay*> on_weekend;
    for (const FixedDay& f : fixed) {
        const Date d = ymd(f.month, f.day);
        if (d.is_weekend()) on_weekend.push_back(&f);
        else out.push_back({d, f.title});
    }
    for (const FixedDay* f : on_weekend) {
        Date d = ymd(f->month, f->day).plus_days(1);
        while (d.is_weekend() || contains_date(out, d)) d = d.plus_days(1);
        out.push_back({d, std::string(f->title) + " (substitute day)"});
    }

    sort_by_date(out);
    return out;
}

Calendar::Calendar(Region region) : region_(region) {}

void Calendar::add_extra_day(Date d, std::string title) {
    for (const Holiday& h : extra_)
        if (h.date == d) return;
    extra_.push_back({d, std::move(title)});
    const int64_t idx = static_cast<int64_t>(d.serial()) - first_serial_;
    if (idx >= 0 && idx < static_cast<int64_t>(closed_.size())) closed_[static_cast<size_t>(idx)] = 1;
}

void Calendar::rebuild() const {
    if (closed_.empty()) return;
    const int32_t end = first_serial_ + static_cast<int32_t>(closed_.size());
    for (int32_t s = first_serial_; s < end; ++s)
        closed_[static_cast<size_t>(s - first_serial_)] = Date::from_serial(s).is_weekend() ? 1 : 0;
    const int first_year = Date::from_serial(first_serial_).year();
    const int last_year = Date::from_serial(end - 1).year();
    for (int y = first_year; y <= last_year; ++y)
        for (const Holiday& h : rule_bank_holidays(region_, y)) closed_[static_cast<size_t>(h.date.serial() - first_serial_)] = 1;
    for (const Holiday& h : extra_)
        if (h.date.serial() >= first_serial_ && h.date.serial() < end) closed_[static_cast<size_t>(h.date.serial() - first_serial_)] = 1;
}

// Grows the table by whole years to cover d, with a margin after it because
// deadlines run forwards. Years outside the table's limits are left out.
void Calendar::ensure_range(Date d) const {
    const int64_t idx = static_cast<int64_t>(d.serial()) - first_serial_;
    if (!closed_.empty() && idx >= 0 && idx < static_cast<int64_t>(closed_.size())) return;
    const int y = d.year();
    if (y < kTableMinYear || y > kTableMaxYear) return;
    int lo = std::max(y - 1, kTableMinYear);
    int hi = std::min(y + 2, kTableMaxYear);
    if (!closed_.empty()) {
        lo = std::min(lo, Date::from_serial(first_serial_).year());
        hi = std::max(hi, Date::from_serial(first_serial_ + static_cast<int32_t>(closed_.size()) - 1).year());
    }
    first_serial_ = Date::from_ymd(lo, 1, 1).serial();
    closed_.assign(static_cast<size_t>(Date::from_ymd(hi + 1, 1, 1).serial() - first_serial_), 0);
    rebuild();
}

bool Calendar::is_working_day(Date d) const {
    ensure_range(d);
    const int64_t idx = static_cast<int64_t>(d.serial()) - first_serial_;
    if (idx >= 0 && idx < static_cast<int64_t>(closed_.size())) return closed_[static_cast<size_t>(idx)] == 0;
    // Far outside the table: answer from the rules.
    if (d.is_weekend() || contains_date(extra_, d)) return false;
    return !contains_date(rule_bank_holidays(region_, d.year()), d);
}

std::vector<Holiday> Calendar::holidays_in_year(int year) const {
    std::vector<Holiday> out = rule_bank_holidays(region_, year);
    for (const Holiday& h : extra_)
        if (h.date.year() == year && !contains_date(out, h.date)) out.push_back(h);
    sort_by_date(out);
    return out;
}

Date Calendar::add_working_days(Date d, int n) const {
    const int step = n > 0 ? 1 : -1;
    int left = n > 0 ? n : -n;
    int32_t s = d.serial();
    ensure_range(d);
    while (left > 0) {
        s += step;
        const uint32_t idx = static_cast<uint32_t>(s - first_serial_);  // wraps to huge when below the table
        if (idx < closed_.size()) {
            left -= closed_[idx] == 0;
        } else {
            left -= is_working_day(Date::from_serial(s)) ? 1 : 0;  // extends the table, or answers slowly
        }
    }
    return Date::from_serial(s);
}

int Calendar::working_days_between(Date a, Date b) const {
    if (b < a) return -working_days_between(b, a);
    int count = 0;
    for (Date d = a.plus_days(1); d <= b; d = d.plus_days(1)) {
        const uint32_t idx = static_cast<uint32_t>(d.serial() - first_serial_);
        if (idx < closed_.size()) count += closed_[idx] == 0;
        else count += is_working_day(d) ? 1 : 0;
    }
    return count;
}

Result<std::vector<Holiday>> read_published_holidays(std::string_view json_text, Region region) {
    const std::string file = "bank holidays file";
    const std::string key = region_key(region);
    const nlohmann::json doc = nlohmann::json::parse(json_text.begin(), json_text.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded())
        return Error{file, "this is not valid JSON; download the file again from gov.uk/bank-holidays.json"};
    if (!doc.is_object())
        return Error{file, "expected a JSON object with one entry per region (\"england-and-wales\", \"scotland\", \"northern-ireland\")"};
    const auto section = doc.find(key);
    if (section == doc.end())
        return Error{file, "it has no \"" + key + "\" section; choose another region or use the gov.uk file"};
    if (!section->is_object()) return Error{file + ", " + key, "expected an object holding an \"events\" list"};
    const auto events = section->find("events");
    if (events == section->end() || !events->is_array())
        return Error{file + ", " + key + ".events", "expected a list of events, each with a title and a date"};

    std::vector<Holiday> out;
    int rules_year = 0;
    std::vector<Holiday> rules;
    for (size_t i = 0; i < events->size(); ++i) {
        const nlohmann::json& ev = (*events)[i];
        const std::string where = file + ", " + key + ".events[" + std::to_string(i) + "]";
        if (!ev.is_object()) return Error{where, "expected an object with \"title\" and \"date\""};
        const auto title = ev.find("title");
        if (title == ev.end() || !title->is_string()) return Error{where + ".title", "missing or not text; every event needs a title"};
        const auto date = ev.find("date");
        if (date == ev.end() || !date->is_string())
            return Error{where + ".date", "missing or not text; every event needs a date written YYYY-MM-DD"};
        const std::string& date_text = date->get_ref<const std::string&>();
        const auto parsed = parse_iso_date(date_text);
        if (!parsed)
            return Error{where + ".date", "\"" + date_text + "\" is not a real date written YYYY-MM-DD between 1900 and 2200"};
        if (parsed->year() != rules_year) {
            rules_year = parsed->year();
            rules = rule_bank_holidays(region, rules_year);
        }
        if (contains_date(rules, *parsed) || contains_date(out, *parsed)) continue;
        out.push_back({*parsed, title->get<std::string>()});
    }
    sort_by_date(out);
    return out;
}

}  // namespace doorstep
