// Every screen drawn for a few frames natively, checked through the semantics
// tree a screen reader and the browser tests read: fast checks that need no
// browser (tests/browser covers the real page).
#include "ui_driver.h"

#include "core/data/settings_defaults.h"
#include "core/rules/workflow.h"

#include <string>

using namespace doorstep;
using namespace doorstep::ui;
using doorstep::ui::testing::UiDriver;

namespace {

Date d(const char* iso) { return *parse_iso_date(iso); }

Case complaint(const char* name, uint32_t counter, const char* received) {
    return testing::logged_complaint("0b7e6c1a-2f1d-4c1e-9a53-6f3a2d1c0b" + std::to_string(10 + counter), counter, name,
                                     received, "Black mould is back on the bedroom wall.", "damp-and-mould");
}

std::vector<Case> two_cases() {
    return {complaint("Ada Sample", 1, "2025-03-06"), complaint("Ben Example", 2, "2025-03-07")};
}

}  // namespace

TEST_CASE("ui: Today lists a complaint due to be acknowledged, by the resident's name") {
    UiDriver ui(two_cases());
    CHECK(ui.title() == "Today — Doorstep");
    CHECK(ui.find("Today", Role::Heading));
    CHECK(ui.find("Ada Sample", Role::ListItem));
    const SemanticNode* row = ui.find_prefix("Ada Sample, ", Role::Link);
    REQUIRE(row);
    CHECK(row->description == "Opens the case");
}

TEST_CASE("ui: Cases lists one row per case, and a row opens its case with its next step, acknowledging it (6.2)") {
    UiDriver ui(two_cases());
    ui.tap("Cases");
    CHECK(ui.title().rfind("Cases", 0) == 0);
    const SemanticNode* list = nullptr;
    for (const SemanticNode& n : ui.tree().nodes)
        if (n.role == Role::List && n.row_count >= 0 && ui.find("Ben Example", Role::ListItem)) list = &n;
    REQUIRE(list);
    CHECK(list->row_count == 2);

    const SemanticNode* row = ui.find_prefix("Ada Sample, ", Role::Link);
    REQUIRE(row);
    ui.tap(row->name, Role::Link);
    CHECK(ui.title().rfind("Ada Sample, ", 0) == 0);
    const SemanticNode* next = ui.find("Acknowledge stage 1", Role::Button);
    REQUIRE(next);
    ui.tap("Acknowledge stage 1");
    CHECK(ui.title().rfind("Acknowledge stage 1", 0) == 0);
    CHECK(ui.find("Complaint definition", Role::TextArea));
}

TEST_CASE("ui: a form refuses an empty required field with the message at the field") {
    UiDriver ui(two_cases());
    const SemanticNode* row = ui.find_prefix("Ada Sample, ", Role::Link);
    REQUIRE(row);
    ui.tap(row->name, Role::Link);
    ui.tap("Add a note");
    CHECK(ui.title().rfind("Add a note", 0) == 0);
    ui.tap("Add note");
    const SemanticNode* note = ui.find("Note", Role::TextArea);
    if (!note) note = ui.find("Note", Role::TextField);
    REQUIRE(note);
    CHECK((note->state & StateInvalid) != 0);
    CHECK_FALSE(note->description.empty());
    CHECK(ui.title().rfind("Add a note", 0) == 0);  // the form stays open

    ui.type("Note", "Phoned the resident to arrange a visit.");
    ui.tap("Add note");
    CHECK(app_last_message(ui.app()) == "Note added.");
    CHECK(ui.title().rfind("Ada Sample, ", 0) == 0);
}

TEST_CASE("ui: every screen draws with its title and main heading") {
    UiDriver ui(two_cases());
    const struct {
        const char* nav;
        const char* heading;
    } screens[] = {
        {"Today", "Today"},         {"Cases", "Cases"},         {"New contact", "New contact"},
        {"Settings", "Settings"},   {"Letters", "Letters"},     {"Reports", "Reports"},
        {"Self-assessment", "Self-assessment"}, {"Assurance", "Assurance"},
    };
    for (const auto& s : screens) {
        INFO(s.nav);
        ui.tap(s.nav);
        CHECK(ui.title().find("— Doorstep") != std::string::npos);
        const SemanticNode* h = nullptr;
        for (const SemanticNode& n : ui.tree().nodes)
            if (n.role == Role::Heading && n.level == 1) h = h ? h : &n;
        REQUIRE(h);
        CHECK(h->name.rfind(s.heading, 0) == 0);
    }
}

TEST_CASE("ui: a phone-sized screen draws Today with its tabs") {
    UiDriver ui(two_cases(), "2025-03-10T10:00", 390, 844);
    CHECK(ui.title() == "Today — Doorstep");
    CHECK(ui.find("Ada Sample", Role::ListItem));
}
