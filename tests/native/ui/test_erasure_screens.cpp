// Erasure and retention on the screens (21.8): Settings lists closed cases past the
// retention period; a complaints manager who is signed in erases one from its case
// screen with a reason; nobody else is offered the button.
#include "ui_driver.h"

#include "../case_fixtures.h"
#include "ui/screens.h"

#include <string>

using namespace doorstep;
using namespace doorstep::ui;
using namespace doorstep::fixtures;
using doorstep::ui::testing::UiDriver;

namespace {

const char* kId = "7d2f0c1e-5b3a-4c8e-9f10-2a4b6c8d0e12";

// A real case closed (withdrawn) on 1 March 2025: its 6 years end on 1 March 2031.
Case closed_real_case() {
    Case c = standalone_case(kId, "DS-2025-000001");
    c.demo = false;
    return c;
}

// Staff with one complaints manager, and `who` signed in (sign-in on).
void sign_in_as(UiDriver& ui, const std::string& who) {
    App& app = ui.app();
    Settings s = app.state->store->data().settings;
    s.staff = {staff_member("s1", "Kim Manager", StaffRole::ComplaintsManager),
               staff_member("s2", "Ola Officer", StaffRole::Officer)};
    save_settings(app, s);
    app.host.keys.set_up = true;
    app.host.keys.officers = {{"o1", who}};
    app.sign_in.officer_id = "o1";
    app.sign_in.officer_name = who;
    ui.frames(2);
}

}  // namespace

TEST_CASE("21.8: Settings lists a closed case past retention, and its manager erases it with a reason: gone, the record kept") {
    UiDriver ui({closed_real_case()}, "2031-04-02T10:00", 1024, 9000);
    sign_in_as(ui, "Kim Manager");
    ui.tap("Settings");
    CHECK(ui.find("Keep closed cases for (years)") != nullptr);
    const SemanticNode* row = ui.find("DS-2025-000001, closed 1 Mar 2025", Role::Button);
    REQUIRE(row);
    ui.tap(row->name);
    CHECK(ui.find("Its retention period ended on 1 Mar 2031."));
    ui.tap("Erase this case");
    CHECK(ui.title().rfind("Erase this case, DS-2025-000001", 0) == 0);

    ui.tap("Erase for good");  // no reason yet: refused at the field, nothing erased
    const SemanticNode* why = ui.find("Why it is erased", Role::TextArea);
    REQUIRE(why);
    CHECK((why->state & StateInvalid) != 0);
    CHECK(ui.app().state->store->data().cases.size() == 1);

    ui.type("Why it is erased", "Closed over 6 years ago, past the retention period");
    ui.tap("Erase for good");
    CHECK(ui.title().rfind("Cases", 0) == 0);
    const Dataset& d = ui.app().state->store->data();
    CHECK(d.cases.empty());
    REQUIRE(d.erasures.size() == 1);
    CHECK(d.erasures[0].reference == "DS-2025-000001");
    CHECK(d.erasures[0].by == "Kim Manager");
    CHECK(d.erasures[0].erased_at == "2031-04-02T10:00");
}

TEST_CASE("21.8: an officer who is not a complaints or senior manager is not offered erasure") {
    UiDriver ui({closed_real_case()}, "2031-04-02T10:00", 1024, 9000);
    sign_in_as(ui, "Ola Officer");
    ui.tap("Settings");
    const SemanticNode* row = ui.find("DS-2025-000001, closed 1 Mar 2025", Role::Button);
    REQUIRE(row);
    ui.tap(row->name);
    CHECK_FALSE(ui.find("Erase this case", Role::Button));
}

TEST_CASE("21.8: without sign-in nobody is offered erasure, even under a manager's name typed in Settings") {
    UiDriver ui({closed_real_case()}, "2031-04-02T10:00", 1024, 9000);
    sign_in_as(ui, "Kim Manager");
    ui.app().host.keys.set_up = false;  // sign-in off: the name is only what was typed
    ui.app().sign_in.officer_name.clear();
    Settings s = ui.app().state->store->data().settings;
    s.officer_name = "Kim Manager";
    save_settings(ui.app(), s);
    open_case(ui.app(), kId);
    ui.frames(3);
    CHECK(ui.find("Audit trail", Role::Heading));
    CHECK_FALSE(ui.find("Erase this case", Role::Button));
}
