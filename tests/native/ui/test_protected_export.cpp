// Protected exports on the screens (21.6): Settings seals an export with a passphrase
// through the platform, and Import opens such a file with its passphrase before it
// imports it as any other. The platform's cipher is faked here (the browser test
// tests/browser/sign-in.test.mjs uses the real WebCrypto).
#include "ui_driver.h"

#include "core/data/protected_export.h"
#include "core/data/settings_defaults.h"
#include "core/rules/workflow.h"

#include <string>

using namespace doorstep;
using namespace doorstep::ui;
using doorstep::ui::testing::UiDriver;

namespace {

Case complaint(const char* name) {
    return testing::logged_complaint("3c9d1e2f-4a5b-4c6d-8e7f-1a2b3c4d5e6f", 1, name, "2025-03-06",
                                     "The front door does not lock.");
}

// Stands in for keyring.js: the "envelope" keeps the passphrase beside the text.
struct FakeSealer {
    std::string name, sealed;
    void install(App& app) {
        app.host.download_protected = [this](const std::string& n, const std::string& bytes, const std::string& pass,
                                             std::function<void(bool, const std::string&)> done) {
            name = n;
            sealed = std::string("{\"") + std::string(kProtectedExportKey) + "\":1}\n" + pass + "\n" + bytes;
            done(true, "");
        };
        app.host.open_protected = [](const std::string& file, const std::string& pass,
                                     std::function<void(bool, const std::string&)> done) {
            const size_t a = file.find('\n'), b = file.find('\n', a + 1);
            if (file.substr(a + 1, b - a - 1) != pass) return done(false, "That passphrase does not open this file.");
            done(true, file.substr(b + 1));
        };
    }
};

}  // namespace

TEST_CASE("21.6: an export protected with a passphrase is sealed by the platform, and opens again only with it") {
    UiDriver ui({complaint("Ada Sample")});
    FakeSealer sealer;
    sealer.install(ui.app());
    std::string plain_download;
    ui.app().host.download = [&](const std::string&, const std::string&, const std::string& bytes) { plain_download = bytes; };
    ui.tap("Settings");
    ui.tap("Protect the file with a passphrase", Role::Checkbox);
    const SemanticNode* pass = ui.find("Passphrase for the file", Role::TextField);
    REQUIRE(pass);
    CHECK(pass->input == InputPurpose::Passphrase);
    ui.type("Passphrase for the file", "short");
    ui.type("Type it again", "short");
    ui.tap("Export cases");
    CHECK(sealer.sealed.empty());  // too short: refused, nothing offered
    CHECK(plain_download.empty());
    ui.type("Passphrase for the file", "teapot glacier mint");
    ui.type("Type it again", "teapot glacier mint");
    ui.tap("Export cases");
    REQUIRE_FALSE(sealer.sealed.empty());
    CHECK(plain_download.empty());  // never also in the clear
    CHECK(sealer.name == "doorstep-export-2025-03-10.protected.json");
    CHECK(is_protected_export(sealer.sealed));

    // Imported on a device: the passphrase first, a wrong one refused at its field.
    const std::string file = sealer.sealed;
    ui.app().host.pick_file = [file](const std::string&, bool, std::function<void(const std::string&, const std::string&, std::string)> done) {
        done("doorstep-export-2025-03-10.protected.json", "application/json", file);
    };
    ui.tap("Import a file");
    CHECK(ui.title().rfind("Import cases", 0) == 0);
    CHECK_FALSE(ui.find("Replace everything here", Role::Radio));
    ui.type("Passphrase for this file", "not the passphrase");
    ui.tap("Open the file");
    const SemanticNode* field = ui.find("Passphrase for this file", Role::TextField);
    REQUIRE(field);
    CHECK((field->state & StateInvalid) != 0);
    ui.type("Passphrase for this file", "teapot glacier mint");
    ui.tap("Open the file");
    CHECK(ui.find("Replace everything here", Role::Radio));
    ui.tap("Import");
    CHECK(ui.app().state->dialog.kind == DialogKind::None);
    CHECK(ui.app().state->store->data().cases.size() == 1);
}
