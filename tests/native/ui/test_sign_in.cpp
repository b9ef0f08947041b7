// Sign-in and the lock (21.7), natively: the real screens over a fake keyring.
// The browser test (tests/browser/sign-in.test.mjs) covers the real encryption.
#include "ui_driver.h"

#include "core/data/settings_defaults.h"
#include "core/rules/workflow.h"

#include <string>

using namespace doorstep;
using namespace doorstep::ui;
using doorstep::ui::testing::UiDriver;

namespace {

Case complaint(const char* name, uint32_t counter) {
    return testing::logged_complaint("5a1e6c1a-2f1d-4c1e-9a53-6f3a2d1c0b" + std::to_string(10 + counter), counter, name,
                                     "2025-03-06", "The boiler has failed again and my son uses a wheelchair.");
}

// Two officers; each unlocks with their own passphrase. Answers at once, as the
// browser's keyring does a frame or so later.
struct FakeKeyring {
    int tries = 0;
    int locked_calls = 0;
    void install(App& app) {
        KeyringHost& k = app.host.keys;
        k.set_up = true;
        k.officers = {{"o1", "Sam Officer"}, {"o2", "Priya Manager"}};
        k.unlock = [this](const std::string& id, const std::string& pass,
                          std::function<void(UnlockOutcome, const std::string&)> done) {
            ++tries;
            const bool right = (id == "o1" && pass == "correct horse battery") || (id == "o2" && pass == "staple river lamp");
            if (right) done(UnlockOutcome::Unlocked, id == "o1" ? "Sam Officer" : "Priya Manager");
            else if (tries > 3) done(UnlockOutcome::MustWait, "5");
            else done(UnlockOutcome::WrongPassphrase, "That passphrase does not unlock Doorstep for this officer.");
        };
        k.enrol = [](const std::string&, const std::string&, std::function<void(bool, const std::string&)> done) {
            done(true, "o3");
        };
        k.locked = [this] { ++locked_calls; };
    }
};

// Nothing of any case in the tree: names, values, descriptions or the title.
bool tree_mentions(const UiDriver& ui, const std::string& text) {
    if (ui.title().find(text) != std::string::npos) return true;
    for (const SemanticNode& n : ui.tree().nodes)
        if (n.name.find(text) != std::string::npos || n.value.find(text) != std::string::npos ||
            n.description.find(text) != std::string::npos)
            return true;
    return false;
}

}  // namespace

TEST_CASE("21.7: a locked tablet shows only the lock screen: no resident, note or case in the tree or title") {
    UiDriver ui({complaint("Ada Sample", 1)});
    FakeKeyring keys;
    keys.install(ui.app());
    ui.tap("Cases");
    REQUIRE(tree_mentions(ui, "Ada Sample"));
    app_lock(ui.app());
    ui.frames(2);
    CHECK(app_locked(ui.app()));
    CHECK(keys.locked_calls == 1);
    CHECK(ui.title() == "Locked — Doorstep");
    CHECK(ui.find("Doorstep is locked", Role::Heading));
    CHECK_FALSE(tree_mentions(ui, "Ada Sample"));
    CHECK_FALSE(tree_mentions(ui, "wheelchair"));
    CHECK_FALSE(ui.find("Cases"));
    // Keyboard and screen reader: who you are is a radio group, the passphrase a secret field.
    CHECK(ui.find("Sam Officer", Role::Radio));
    CHECK(ui.find("Priya Manager", Role::Radio));
    const SemanticNode* pass = ui.find("Passphrase", Role::TextField);
    REQUIRE(pass);
    CHECK(pass->input == InputPurpose::Passphrase);
    CHECK((pass->state & StateFocused) != 0);
    CHECK(ui.find("Unlock", Role::Button));
}

TEST_CASE("21.7: a wrong passphrase is refused at the field, repeated ones must wait, the right one unlocks as that officer") {
    UiDriver ui({complaint("Ada Sample", 1)});
    FakeKeyring keys;
    keys.install(ui.app());
    app_lock(ui.app());
    ui.frames(2);
    ui.type("Passphrase", "wrong guess here");
    ui.tap("Unlock");
    CHECK(app_locked(ui.app()));
    const SemanticNode* pass = ui.find("Passphrase", Role::TextField);
    REQUIRE(pass);
    CHECK((pass->state & StateInvalid) != 0);
    CHECK(pass->description.find("does not unlock") != std::string::npos);
    CHECK(pass->value.empty());  // the refused passphrase is not kept
    for (int i = 0; i < 3; ++i) {
        ui.type("Passphrase", "another wrong one");
        ui.tap("Unlock");
    }
    pass = ui.find("Passphrase", Role::TextField);
    REQUIRE(pass);
    CHECK(pass->description.find("Wait 5 seconds") != std::string::npos);

    ui.tap("Priya Manager", Role::Radio);
    ui.type("Passphrase", "staple river lamp");
    ui.tap("Unlock");
    CHECK_FALSE(app_locked(ui.app()));
    CHECK(ui.title() == "Today — Doorstep");
    CHECK(tree_mentions(ui, "Ada Sample"));
    // The audit trail's "who" is whoever unlocked, not the device's typed-in name.
    CHECK(actor(ui.app()).name == "Priya Manager");
}

TEST_CASE("21.7: Settings locks now, and without sign-in nothing locks") {
    UiDriver ui({complaint("Ada Sample", 1)});
    app_lock(ui.app());  // no keyring on this platform: nothing to unlock with, so no lock
    ui.frames(1);
    CHECK_FALSE(app_locked(ui.app()));

    FakeKeyring keys;
    keys.install(ui.app());
    ui.tap("Settings");
    CHECK(ui.find("Signed in as (unknown). Cases on this device are encrypted."));
    ui.tap("Lock now");
    CHECK(app_locked(ui.app()));
    CHECK(ui.title() == "Locked — Doorstep");
}
