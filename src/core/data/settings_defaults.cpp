#include "core/data/settings_defaults.h"

#include "core/base/assets.h"
#include "core/data/import.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <optional>
#include <string>

namespace doorstep {

namespace {

// A settings object read as an export's "settings" would be (the validating reader).
std::optional<Settings> read_settings_text(std::string_view settings_json) {
    std::string doc;
    doc.reserve(settings_json.size() + 160);
    doc += R"({"schema":"doorstep/1","version":1,"exported_at":"2000-01-01T00:00","settings":)";
    doc += settings_json.empty() ? std::string_view("null") : settings_json;
    doc += R"(,"cases":[],"learning":[],"assessments":[],"quality_checks":[],"non_compliance":[]})";
    auto read = parse_dataset(doc);
    if (!read) return std::nullopt;
    return std::move(read->settings);
}

}  // namespace

Settings default_settings() {
    // The asset is compiled in and checked by test_workflow.cpp; should it ever be
    // unreadable the struct defaults (the Code's timescales) still apply.
    return read_settings_text(embedded_asset("settings-defaults.json")).value_or(Settings{});
}

const SampleOrganisation& sample_organisation() {
    static const SampleOrganisation org = [] {
        // The sample's landlord and staff read through the defaults, so they are checked alike.
        nlohmann::json defaults = nlohmann::json::parse(embedded_asset("settings-defaults.json"), nullptr, false);
        const nlohmann::json sample = nlohmann::json::parse(embedded_asset("sample-organisation.json"), nullptr, false);
        SampleOrganisation out;
        if (!defaults.is_object() || !sample.is_object()) return out;
        defaults["landlord"] = sample.value("landlord", nlohmann::json::object());
        defaults["staff"] = sample.value("staff", nlohmann::json::array());
        if (auto s = read_settings_text(defaults.dump())) {
            out.landlord = s->landlord;
            out.staff = s->staff;
        }
        return out;
    }();
    return org;
}

void add_sample_organisation(Settings& s) {
    const SampleOrganisation& org = sample_organisation();
    if (s.landlord.name.empty()) s.landlord = org.landlord;
    for (const StaffMember& m : org.staff)
        if (std::none_of(s.staff.begin(), s.staff.end(), [&](const StaffMember& x) { return x.id == m.id; }))
            s.staff.push_back(m);
}

void remove_sample_organisation(Settings& s) {
    const Landlord& l = sample_organisation().landlord;
    if (s.landlord.name == l.name && s.landlord.address == l.address && s.landlord.phone == l.phone)
        s.landlord = default_settings().landlord;
    s.staff.erase(std::remove_if(s.staff.begin(), s.staff.end(), is_sample_staff), s.staff.end());
}

}  // namespace doorstep
