#include "core/model/settings.h"


namespace doorstep {

Calendar Settings::calendar() const {
    Calendar cal(region);
    for (const Holiday& h : closure_days) cal.add_extra_day(h.date, h.title);
    return cal;
}

bool is_sample_staff(const StaffMember& m) { return m.id.rfind("sample-", 0) == 0; }

bool organisation_set_up(const Settings& s) {
    return !s.landlord.name.empty() && (!s.landlord.phone.empty() || !s.landlord.email.empty());
}

}  // namespace doorstep
