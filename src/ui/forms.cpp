#include "ui/forms.h"

#include "ui/widgets.h"

namespace doorstep::ui {

namespace {

std::vector<std::string> staff_names(const Settings& s) {
    std::vector<std::string> out;
    for (const StaffMember& m : s.staff) out.push_back(m.name);
    return out;
}

}  // namespace

void person_field(DialogState& dlg, const std::string& label, std::string& value, const Settings& settings,
                  const std::string& hint) {
    std::vector<std::string> names = staff_names(settings);
    names.push_back("Someone not on the list");
    int index = int(names.size()) - 1;
    for (size_t i = 0; i + 1 < names.size(); ++i)
        if (names[i] == value) index = int(i);
    bool& other = dlg.typing_name[label];
    if (value.empty() && !other) index = -1;
    if (other) index = int(names.size()) - 1;
    if (combo(label, index, names, hint)) {
        other = index == int(names.size()) - 1;
        value = other ? std::string() : names[size_t(index)];
    }
    if (other) text_field(label + " (name)", value);
}

}  // namespace doorstep::ui
