// Working days: Monday to Friday less bank holidays and the landlord's own
// closure days. The Code counts "within N working days of D" as the Nth
// working day after D, whatever day D is.
#pragma once
#include "core/base/date.h"
#include "core/base/result.h"

#include <string>
#include <string_view>
#include <vector>

namespace doorstep {

enum class Region { EnglandAndWales, Scotland, NorthernIreland };
const char* region_key(Region r);  // "england-and-wales", "scotland", "northern-ireland" (gov.uk keys)
std::optional<Region> parse_region(std::string_view key);

struct Holiday {
    Date date;
    std::string title;
};

// Bank holidays computed by rule for any year (Easter by algorithm, first/last
// Mondays, substitute days), plus the known one-off changes, for one region.
std::vector<Holiday> rule_bank_holidays(Region region, int year);
Date easter_sunday(int year);

class Calendar {
public:
    explicit Calendar(Region region = Region::EnglandAndWales);
    Region region() const { return region_; }

    // Landlord closure days and one-off holidays imported from a published list.
    void add_extra_day(Date d, std::string title);
    const std::vector<Holiday>& extra_days() const { return extra_; }

    bool is_working_day(Date d) const;
    std::vector<Holiday> holidays_in_year(int year) const;  // rules + extra days, sorted, no duplicates

    // The nth working day strictly after d (n >= 1). n == 0 returns d. Negative n counts back.
    Date add_working_days(Date d, int n) const;
    // Working days after a up to and including b; negative when b < a.
    int working_days_between(Date a, Date b) const;

private:
    Region region_;
    std::vector<Holiday> extra_;
    // Precomputed non-working flags for fast deadline maths (every case, every frame).
    mutable std::vector<uint8_t> closed_;  // index = serial - first_serial_
    mutable int32_t first_serial_ = 0;
    void ensure_range(Date d) const;
    void rebuild() const;
};

// Reads the gov.uk bank-holidays JSON ({"england-and-wales": {"events": [{title, date}...]}})
// and returns the events of the calendar's region that the rules do not already give.
// Problems name the event index and field.
Result<std::vector<Holiday>> read_published_holidays(std::string_view json_text, Region region);

}  // namespace doorstep
