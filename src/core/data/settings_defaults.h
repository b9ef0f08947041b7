// The settings a new device starts from and the sample organisation, both read
// from embedded assets with the validating reader of an export's "settings", so
// the defaults and the export schema cannot drift apart.
#pragma once
#include "core/model/settings.h"

#include <vector>

namespace doorstep {

// The defaults, read from the embedded assets/settings-defaults.json. They name no
// landlord and no staff: a device is set up with its own (or takes the sample ones).
Settings default_settings();

// The invented landlord ("Example Homes") and staff that come with sample data and
// go with it (assets/sample-organisation.json). Sample staff have ids "sample-...".
struct SampleOrganisation {
    Landlord landlord;
    std::vector<StaffMember> staff;
};
const SampleOrganisation& sample_organisation();
// Adds the sample staff not on the list yet, and the sample landlord when none is set.
void add_sample_organisation(Settings& s);
// Takes them away again: every sample member of staff, and the sample landlord if it
// is still the one set. The device's own landlord and staff are kept.
void remove_sample_organisation(Settings& s);

}  // namespace doorstep
