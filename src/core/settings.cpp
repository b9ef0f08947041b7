// Settings defaults come from the embedded assets/settings-defaults.json, read
// with the same validating reader as an imported file's "settings" object, so
// the defaults and the export schema cannot drift apart.
#include "core/settings.h"

#include "core/assets.h"
#include "core/import.h"

#include <string>

namespace doorstep {

Calendar Settings::calendar() const {
    Calendar cal(region);
    for (const Holiday& h : closure_days) cal.add_extra_day(h.date, h.title);
    return cal;
}

Settings default_settings() {
    const std::string_view asset = embedded_asset("settings-defaults.json");
    std::string doc;
    doc.reserve(asset.size() + 160);
    doc += R"({"schema":"doorstep/1","version":1,"exported_at":"2000-01-01T00:00","settings":)";
    doc += asset.empty() ? std::string_view("null") : asset;
    doc += R"(,"cases":[],"learning":[],"assessments":[],"quality_checks":[],"non_compliance":[]})";
    auto read = parse_dataset(doc);
    // The asset is compiled in and checked by test_workflow.cpp; should it ever be
    // unreadable the struct defaults (the Code's timescales) still apply.
    return read ? std::move(read->settings) : Settings{};
}

}  // namespace doorstep
