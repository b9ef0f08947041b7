// Drives the real screens natively for tests: Dear ImGui with no renderer (a
// display size, the fonts built, NewFrame/Render), the app over a fake Host with
// a fixed clock and a store in a temporary folder, and taps, typing and lookups
// through the semantics tree, as the browser tests do through the DOM mirror.
#pragma once
#include "core/data/settings_defaults.h"
#include "core/model/case.h"
#include "core/rules/workflow.h"
#include "storage/case_store.h"
#include "storage/file_store.h"
#include "ui/app.h"
#include "ui/app_state.h"
#include "ui/semantics.h"

#include "imgui.h"
#include "imgui_internal.h"  // ActivateItemByID, as the DOM mirror taps

#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <unistd.h>
#include <string>
#include <vector>

namespace doorstep::ui::testing {

// A complaint as an officer logs it, received on `received` (the engine's own new_case).
inline Case logged_complaint(const std::string& id, uint32_t counter, const char* name, const char* received,
                             const char* words, const char* category = "repairs") {
    NewCase n;
    n.id = id;
    n.counter = counter;
    n.received = *parse_iso_date(received);
    n.resident.name = name;
    n.own_words = words;
    n.category_id = category;
    auto r = new_case(n, default_settings(), Actor{"Jo Placeholder", std::string(received) + "T10:00"});
    REQUIRE(r.is_ok());
    return std::move(*r);
}

class UiDriver {
public:
    // `cases` are saved to the store before the app opens it; `now` is the Host's clock. The
    // display is tall by default so a screen's controls are on it without scrolling (ImGui
    // does not activate a control it clipped).
    explicit UiDriver(const std::vector<Case>& cases, std::string now = "2025-03-10T10:00", float width = 1024,
                      float height = 3000) {
        static int counter = 0;
        dir_ = std::filesystem::temp_directory_path() /
               ("doorstep-ui-" + std::to_string(::getpid()) + "-" + std::to_string(++counter));
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
        {
            DirectoryStore files(dir_.string());
            CaseStore store(files);
            store.clock = [now] { return now; };
            REQUIRE(store.open().is_ok());
            for (Case c : cases) {
                const Status saved = store.save_case(c);
                INFO((saved ? std::string() : saved.error().text()));
                REQUIRE(saved.is_ok());
            }
        }
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.LogFilename = nullptr;
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        app_build_fonts(app_, 1.0f);
        app_.host.now_local = [now] { return now; };
        app_init(app_, std::make_unique<DirectoryStore>(dir_.string()));
        frames(3);
    }
    ~UiDriver() {
        app_.state.reset();
        ImGui::DestroyContext();
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }
    UiDriver(const UiDriver&) = delete;
    UiDriver& operator=(const UiDriver&) = delete;

    App& app() { return app_; }

    void frame() {
        for (uint32_t id : activate_) ImGui::ActivateItemByID(id);
        activate_.clear();
        ImGui::NewFrame();
        app_frame(app_);
        ImGui::Render();
    }
    void frames(int n) {
        for (int i = 0; i < n; ++i) frame();
    }

    const SemanticsTree& tree() const { return sem_tree(); }
    std::string title() const { return sem_tree().title; }

    // The first node with this exact name (and role, when given); null when none.
    const SemanticNode* find(const std::string& name, int role = -1) const {
        for (const SemanticNode& n : sem_tree().nodes)
            if (n.name == name && (role < 0 || int(n.role) == role)) return &n;
        return nullptr;
    }
    const SemanticNode* find(const std::string& name, Role role) const { return find(name, int(role)); }
    // The first node whose name starts with `prefix`.
    const SemanticNode* find_prefix(const std::string& prefix, Role role) const {
        for (const SemanticNode& n : sem_tree().nodes)
            if (n.role == role && n.name.rfind(prefix, 0) == 0) return &n;
        return nullptr;
    }
    std::vector<const SemanticNode*> children(const SemanticNode& parent) const {
        std::vector<const SemanticNode*> out;
        for (const SemanticNode& n : sem_tree().nodes)
            if (n.parent == parent.id) out.push_back(&n);
        return out;
    }

    // Activates the control as a tap would (the DOM mirror does the same), then lets the app settle.
    void tap(const std::string& name, Role role = Role::Button) {
        const SemanticNode* n = find(name, role);
        INFO("tap " << name);
        REQUIRE(n != nullptr);
        REQUIRE((n->state & StateClipped) == 0);  // off the display: make the display taller
        activate_.push_back(n->id);
        frames(4);
    }
    // Sets a text field's whole text, as the on-screen keyboard's twin does.
    void type(const std::string& field, const std::string& text) {
        const SemanticNode* n = find(field, Role::TextField);
        if (!n) n = find(field, Role::TextArea);
        INFO("type into " << field);
        REQUIRE(n != nullptr);
        sem_request_value(n->id, text);
        frames(2);
    }

private:
    std::filesystem::path dir_;
    App app_;
    std::vector<uint32_t> activate_;
};

}  // namespace doorstep::ui::testing
