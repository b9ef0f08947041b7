// The app's frame: banners, navigation (side rail on wide screens, bottom tabs
// on narrow ones, a menu button when even the tabs would not fit), the current
// screen, and the helpers screens share.
#include "ui/app.h"

#include "core/data/case_json.h"
#include "core/base/ids.h"
#include "core/rules/daily.h"
#include "core/data/settings_defaults.h"
#include "storage/case_store.h"
#include "storage/file_store.h"
#include "ui/app_state.h"
#include "ui/screens.h"
#include "ui/semantics.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "ui/wording.h"

#include "imgui.h"
#include "imgui_internal.h"

#include <algorithm>
#include <map>
#include <chrono>
#include <cstdio>

namespace doorstep::ui {

const char* screen_title(Screen s) {
    switch (s) {
        case Screen::Today: return "Today";
        case Screen::Cases: return "Cases";
        case Screen::NewContact: return "New contact";
        case Screen::Case: return "Case";
        case Screen::Letters: return "Letters";
        case Screen::Reports: return "Reports";
        case Screen::SelfAssessment: return "Self-assessment";
        case Screen::Settings: return "Settings";
        case Screen::Accessibility: return "Accessibility statement";
        case Screen::Menu: return "Menu";
        case Screen::Assurance: return "Assurance";
        case Screen::Setup: return "Set up this device";
    }
    return "Doorstep";
}

namespace {

void update_clock(App& app) {
    AppState& s = *app.state;
    // The host's clock is the app's only clock (tests pin it); with none, "now" stays as it was set.
    if (!app.host.now_local) return;
    std::string now = app.host.now_local();
    if (now == s.now_local) return;
    s.now_local = now;
    if (auto t = parse_iso_local(now)) s.today = t->date;
}

// The next counter for this device's references (references.h): the store keeps the device code.
void recount_references(App& app) {
    AppState& s = *app.state;
    s.next_counter = next_reference_counter(data(app).cases, s.today.year(), data(app).settings.device_code);
}

// A stage 1 whose escalation window passed closes as not escalated (workflow decides).
// What the passing days change (rules/daily.h), saved: run at start and when the date turns.
void apply_the_day(App& app) {
    AppState& s = *app.state;
    if (!s.store || app.host.storage.read_only) return;
    DailyChanges day = apply_daily(data(app).cases, s.today, data(app).settings, actor(app));
    int closed = 0;
    for (Case& c : day.changed)
        if (s.store->save_case(c).is_ok()) ++closed;
    if (closed) {
        s.generation++;
        say(app, std::to_string(closed) + (closed == 1 ? " case" : " cases") +
                     " closed as not escalated: the escalation window ended.");
    }
}

void apply_look(App& app) {
    AppState& s = *app.state;
    const Settings& st = data(app).settings;
    float scale = std::clamp(st.text_scale, 1.0f, 2.0f);
    // Until the officer picks colours, the device's own setting chooses them (1.4.11, forced colours).
    const std::string& wanted = st.theme == "system" ? app.host.system_theme : st.theme;
    if (wanted != s.applied_theme || scale != s.applied_text_scale) {
        if (scale != fonts_text_scale()) s.fonts_dirty = true;
        theme_apply(palette_for(wanted), scale);
        s.applied_theme = wanted;
        s.applied_text_scale = scale;
    }
}

// ---------------------------------------------------------------------------
// Banners: read-only, update ready, offline, unexported changes, demo data.

void banners(App& app) {
    AppState& s = *app.state;
    const Palette& p = theme();
    const Host& h = app.host;
    if (!s.store_ok) {
        notice(s.store_problem, p.error, Role::Alert, "Your cases could not be opened");
    }
    if (h.storage.read_only) {
        notice("Another tab or window is editing your cases, so this one can only show them.", p.warning_banner,
               Role::Status, "Read only");
        if (app.host.take_over_editing && button("Edit in this tab instead", ButtonStyle::Secondary)) {
            app.host.take_over_editing();
            say(app, "This tab is now the one that edits.");
        }
    }
    if (h.update_available) {
        notice("A new version is ready. It will not change anything until you choose to reload.", p.info_banner,
               Role::Status, "A new version is ready");
        if (button("Reload now", ButtonStyle::Primary) && app.host.apply_update) app.host.apply_update();
    }
    if (!h.online) {
        notice("Everything still works and is saved on this device.", p.info_banner, Role::Status, "You are offline");
    }
    if (!h.storage.last_error.empty()) {
        notice(h.storage.last_error, p.error, Role::Alert, "Saving to this device failed");
        // 21.2: what is not saved yet can leave the device at once, whatever the storage does.
        if (s.store && s.store_ok && button("Export your data now", ButtonStyle::Primary)) export_file(app, true);
    }
    if (s.store && s.store_ok && s.store->export_reminder_due(s.today)) {
        int n = s.store->export_state().unexported_changes();
        std::string since = s.store->export_state().last_exported.empty()
                                ? std::string("You have never exported your cases.")
                                : "Last export: " + long_date(parse_iso_local(s.store->export_state().last_exported)->date) + ".";
        notice(std::to_string(n) + (n == 1 ? " change has" : " changes have") +
                   " not been exported. Export so the complaints team has them and a copy exists off this device. " + since,
               p.warning_banner, Role::Status, "Changes not exported");
        if (button("Export now", ButtonStyle::Secondary)) go(app, Screen::Settings);
    }
    if (has_demo(app)) {
        notice(demo_only(app) ? "Every case shown is invented sample data. Remove it in Settings before real use."
                              : "Sample cases are marked \"Sample\" and kept apart from real ones. Remove them in Settings.",
               p.info_banner, Role::Status, "Sample data");
    }
    if (s.flash_awaits_save && !s.flash.empty() && !s.flash_is_error && h.storage.pending_writes == 0 && h.storage.last_error.empty()) {
        s.flash_awaits_save = false;  // the platform has stored every change: only now "Saved"
        s.flash += " Saved on this device.";  // last_message keeps what was done
        sem_announce("Saved on this device.", false);
    }
    if (!s.flash.empty()) {
        const std::string shown = s.flash_awaits_save && !s.flash_is_error ? s.flash + " Saving on this device…" : s.flash;
        notice(shown, s.flash_is_error ? p.error : p.done, s.flash_is_error ? Role::Alert : Role::Status);
    }
}

// ---------------------------------------------------------------------------
// Navigation

struct NavItem {
    Screen screen;
    const char* label;
};
const NavItem kPrimary[] = {
    {Screen::Today, "Today"}, {Screen::Cases, "Cases"}, {Screen::NewContact, "New contact"}, {Screen::Settings, "Settings"},
};
const NavItem kSecondary[] = {
    {Screen::Letters, "Letters"}, {Screen::Reports, "Reports"}, {Screen::SelfAssessment, "Self-assessment"},
    {Screen::Assurance, "Assurance"},
};

bool nav_selected(const App& app, Screen s) {
    Screen cur = app.state->screen;
    if (cur == Screen::Case) cur = app.state->back_to;
    return cur == s;
}

void side_rail(App& app, float width, float height) {
    const Palette& p = theme();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, im_vec(p.nav.bg));
    ImGui::BeginChild("##nav", ImVec2(width, height), ImGuiChildFlags_AlwaysUseWindowPadding, ImGuiWindowFlags_NavFlattened);
    sem_push(Role::Navigation, "Main menu");
    ImGui::PushFont(fonts().h2);
    ImGui::PushStyleColor(ImGuiCol_Text, im_vec(p.nav.fg));
    ImGui::TextUnformatted("Doorstep");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    sem_text(Role::Text, "Doorstep");
    spacing(8);
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0.0f, 0.5f));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 0.0f);
    auto item = [&](const NavItem& it) {
        ButtonOptions o;
        o.style = nav_selected(app, it.screen) ? ButtonStyle::NavSelected : ButtonStyle::Nav;
        o.width = -1;
        o.id = std::string("nav-") + it.label;
        if (button(it.label, o)) go(app, it.screen);
    };
    for (const NavItem& it : kPrimary) item(it);
    spacing(12);
    for (const NavItem& it : kSecondary) item(it);
    ImGui::PopStyleVar(2);
    sem_pop();
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

// Five equal tabs; false when the labels would not fit (then the menu button is used).
bool tabs_fit(float width) {
    float each = width / 5.0f - 4.0f;
    const char* labels[] = {"Today", "Cases", "New", "contact", "Settings", "More"};
    for (const char* l : labels)
        if (ImGui::CalcTextSize(l).x + 8 > each) return false;
    return true;
}

void bottom_tabs(App& app, float width, float height) {
    const Palette& p = theme();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, im_vec(p.nav.bg));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(2, 2));
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(2, 2));
    ImGui::BeginChild("##tabs", ImVec2(width, height), ImGuiChildFlags_AlwaysUseWindowPadding, ImGuiWindowFlags_NavFlattened | ImGuiWindowFlags_NoScrollbar);
    sem_push(Role::Navigation, "Main menu");
    float each = (width - 4 - 4 * 2) / 5.0f;
    float h = height - 4;
    const NavItem tabs[] = {{Screen::Today, "Today"}, {Screen::Cases, "Cases"}, {Screen::NewContact, "New contact"},
                            {Screen::Menu, "More"}, {Screen::Settings, "Settings"}};
    for (int i = 0; i < 5; ++i) {
        if (i) ImGui::SameLine();
        const NavItem& t = tabs[i];
        bool sel = t.screen == Screen::Menu ? (app.state->screen == Screen::Menu || nav_selected(app, Screen::Letters) ||
                                               nav_selected(app, Screen::Reports) ||
                                               nav_selected(app, Screen::SelfAssessment) ||
                                               nav_selected(app, Screen::Assurance))
                                            : nav_selected(app, t.screen);
        ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::PushStyleColor(ImGuiCol_Button, im_vec(sel ? p.nav_selected.bg : p.nav.bg));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, im_vec(sel ? p.nav_selected.bg : p.secondary_hover.bg));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, im_vec(sel ? p.nav_selected.bg : p.secondary_hover.bg));
        bool pressed = ImGui::Button((std::string("##tab-") + t.label).c_str(), ImVec2(each, h));
        ImGui::PopStyleColor(3);
        bool hovered = ImGui::IsItemHovered();
        Colour fg = sel ? p.nav_selected.fg : (hovered ? p.secondary_hover.fg : p.nav.fg);
        // Label on up to two lines, centred.
        std::string label = t.label;
        std::string l1 = label, l2;
        if (ImGui::CalcTextSize(label.c_str()).x > each - 8) {
            size_t sp = label.find(' ');
            if (sp != std::string::npos) {
                l1 = label.substr(0, sp);
                l2 = label.substr(sp + 1);
            }
        }
        float lh = ImGui::GetTextLineHeight();
        float total = l2.empty() ? lh : lh * 2;
        float y = at.y + (h - total) / 2;
        ImDrawList* dl = ImGui::GetWindowDrawList();
        for (const std::string* l : {&l1, &l2}) {
            if (l->empty()) continue;
            float tw = ImGui::CalcTextSize(l->c_str()).x;
            dl->AddText(ImVec2(at.x + (each - tw) / 2, y), im_col(fg), l->c_str());
            y += lh;
        }
        if (sel) dl->AddRectFilled(ImVec2(at.x + 6, at.y + h - 4), ImVec2(at.x + each - 6, at.y + h), im_col(p.nav_selected.fg));
        sem_item(Role::Button, t.label, {}, sel ? StateSelected : StateNone);
        if (pressed) go(app, t.screen);
    }
    sem_pop();
    ImGui::EndChild();
    ImGui::PopStyleVar(2);
    ImGui::PopStyleColor();
}

// Narrowest screens and the largest text: a bar with the app name and a Menu button.
void top_menu_bar(App& app, float width, float height) {
    const Palette& p = theme();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, im_vec(p.nav.bg));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(8, 4));
    ImGui::BeginChild("##menubar", ImVec2(width, height), ImGuiChildFlags_AlwaysUseWindowPadding, ImGuiWindowFlags_NavFlattened | ImGuiWindowFlags_NoScrollbar);
    sem_push(Role::Navigation, "Main menu");
    ImGui::SetCursorPosY((height - kTargetPx) / 2);
    ButtonOptions o;
    o.style = app.state->screen == Screen::Menu ? ButtonStyle::NavSelected : ButtonStyle::Nav;
    o.id = "menu";
    if (button("Menu", o)) go(app, app.state->screen == Screen::Menu ? app.state->back_to : Screen::Menu);
    o.style = nav_selected(app, Screen::NewContact) ? ButtonStyle::NavSelected : ButtonStyle::Nav;
    o.id = "nav-New contact";
    o.same_line = true;
    if (button("New contact", o)) go(app, Screen::NewContact);
    sem_pop();
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

void draw_screen(App& app) {
    switch (app.state->screen) {
        case Screen::Today: draw_today(app); break;
        case Screen::Cases: draw_cases(app); break;
        case Screen::NewContact: draw_new_contact(app); break;
        case Screen::Case: draw_case(app); break;
        case Screen::Letters: draw_letters(app); break;
        case Screen::Reports: draw_reports(app); break;
        case Screen::SelfAssessment: draw_self_assessment(app); break;
        case Screen::Settings: draw_settings(app); break;
        case Screen::Accessibility: draw_accessibility(app); break;
        case Screen::Menu: draw_menu(app); break;
        case Screen::Assurance: draw_assurance(app); break;
        case Screen::Setup: draw_setup(app); break;
    }
}

void full_window_begin(const char* name) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin(name, nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ImGui::PopStyleVar();
}

}  // namespace

// ---------------------------------------------------------------------------
// Shared helpers

const Dataset& data(const App& app) {
    const AppState& s = *app.state;
    return s.store && s.store_ok ? s.store->data() : s.empty;
}

void go(App& app, Screen screen) {
    AppState& s = *app.state;
    if (s.screen == Screen::NewContact && screen != Screen::NewContact) save_contact_draft(app);
    if (screen != Screen::Case && screen != Screen::Menu) s.back_to = screen;
    if (screen == Screen::Menu && s.screen != Screen::Menu && s.screen != Screen::Case) s.back_to = s.screen;
    s.screen = screen;
    s.screen_opened = true;
    s.flash.clear();
    s.contact_offered = false;
    s.contact_discard_asked = false;
    focus_screen();
}

void open_case(App& app, const std::string& id) {
    AppState& s = *app.state;
    if (s.screen != Screen::Case && s.screen != Screen::Menu) s.back_to = s.screen;
    s.case_id = id;
    s.screen = Screen::Case;
    s.screen_opened = true;
    s.flash.clear();
    focus_screen();
}

int case_index(App& app, const std::string& id) {
    AppState& s = *app.state;
    auto it = s.index_of.find(id);
    if (it == s.index_of.end()) return -1;
    return int(it->second);
}

Actor actor(const App& app) {
    // 21.7: with sign-in on, the audit trail names whoever unlocked, never a typed-in name.
    if (app_signed_in(app)) return Actor{app.sign_in.officer_name, app.state->now_local};
    const Settings& st = data(app).settings;
    return Actor{st.officer_name.empty() ? std::string("Officer on this device") : st.officer_name, app.state->now_local};
}

void say(App& app, const std::string& message, bool error) {
    AppState& s = *app.state;
    s.last_message = message;
    // The same confirmation said again (a form that saved and then closes) still waits for its save.
    if (error || message != s.flash) s.flash_awaits_save = false;
    s.flash = message;
    s.flash_is_error = error;
    sem_announce(message, error);
}

void say_saved(App& app, const std::string& message) {
    say(app, message);
    app.state->flash_awaits_save = true;
}

Status commit_case(App& app, Case& c, const std::string& done_message) {
    AppState& s = *app.state;
    if (!s.store) return Error{"", "Your cases are not open on this device, so nothing can be saved."};
    Status st = s.store->save_case(c);
    if (!st) {
        say(app, st.error().text(), true);
        return st;
    }
    s.generation++;
    refresh_caches(app);
    if (!done_message.empty()) say_saved(app, done_message);
    return st;
}

void refresh_case_cache(App& app, size_t i) {
    AppState& s = *app.state;
    const Dataset& d = data(app);
    const Case& c = d.cases[i];
    s.statuses[i] = status(c, s.today, d.settings, s.calendar);
    std::string h;
    h.reserve(256);
    h += c.reference; h += '\n';
    for (const std::string& alias : c.reference_aliases) { h += alias; h += '\n'; }  // earlier references find it too
    h += c.resident.name; h += '\n';
    h += c.resident.group_description; h += '\n';
    h += c.resident.address; h += '\n';
    h += c.resident.postcode; h += '\n';
    h += c.property; h += '\n';
    h += c.representative.name; h += '\n';
    h += c.own_words; h += '\n';
    h += c.outcome_wanted; h += '\n';
    for (const Stage& st : c.stages) {
        h += st.definition;
        h += '\n';
    }
    for (char& ch : h) ch = char(std::tolower((unsigned char)ch));
    s.haystacks[i] = std::move(h);
}

void refresh_caches(App& app) {
    AppState& s = *app.state;
    const Dataset& d = data(app);
    if (s.statuses_generation == s.generation && s.statuses_day == s.today.serial() && s.statuses.size() == d.cases.size())
        return;
    s.calendar = d.settings.calendar();
    s.statuses.assign(d.cases.size(), CaseStatus{});
    s.haystacks.assign(d.cases.size(), std::string());
    s.index_of.clear();
    s.index_of.reserve(d.cases.size());
    for (size_t i = 0; i < d.cases.size(); ++i) {
        s.index_of.emplace(d.cases[i].id, i);
        refresh_case_cache(app, i);
    }
    s.statuses_generation = s.generation;
    s.statuses_day = s.today.serial();
}

void open_dialog(App& app, DialogKind kind, const std::string& case_id, int stage) {
    AppState& s = *app.state;
    ImGuiID from = ImGui::GetItemID();
    s.dialog = DialogState{};
    s.dialog.kind = kind;
    s.dialog.case_id = case_id;
    s.dialog.stage = stage;
    s.dialog.return_focus = from;
    s.dialog.opened_this_frame = true;  // the form makes its fields when it first draws (form_fields.h)
    focus_first_control();
}

void close_dialog(App& app) {
    AppState& s = *app.state;
    ImGuiID back = s.dialog.return_focus;
    s.dialog = DialogState{};
    if (back) focus_item(back);
}

bool has_demo(const App& app) {
    for (const Case& c : data(app).cases)
        if (c.demo) return true;
    return false;
}

bool demo_only(const App& app) {
    const auto& cases = data(app).cases;
    return !cases.empty() && std::all_of(cases.begin(), cases.end(), [](const Case& c) { return c.demo; });
}

bool ContactForm::empty() const {
    return resident_name.empty() && address.empty() && postcode.empty() && phone.empty() && email.empty() &&
           own_words.empty() && outcome_wanted.empty() && vulnerability.empty() && staff_safety.empty() &&
           rep_name.empty() && group_description.empty() && what < 0 && category < 0;
}

// ---------------------------------------------------------------------------
// The app

App::App() = default;
App::~App() = default;

void app_init(App& app, std::unique_ptr<FileStore> store) {
    app.state = std::make_unique<AppState>();
    AppState& s = *app.state;
    s.empty.settings = default_settings();
    update_clock(app);
    s.files = std::move(store);
    if (s.files) {
        s.store = std::make_unique<CaseStore>(*s.files);
        App* self = &app;
        s.store->clock = [self] { return self->state->now_local; };
        auto opened = s.store->open();
        if (opened) {
            s.store_ok = true;
            s.open_problems = opened->quarantined;
            if (!opened->quarantined.empty()) {
                std::string msg = std::to_string(opened->quarantined.size()) +
                                  " saved case file(s) could not be read and were set aside: ";
                for (const Error& e : opened->quarantined) msg += e.text() + " ";
                say(app, msg, true);
            }
        } else {
            s.store_problem = opened.error().text();
        }
    } else {
        s.store_problem = "No storage was given to the app.";
    }
    s.calendar = data(app).settings.calendar();
    refresh_caches(app);
    recount_references(app);
    apply_the_day(app);
    if (s.store && s.store_ok) {
        for (const DraftInfo& d : s.store->list_drafts()) s.drafts.push_back(d.key);
    }
    apply_look(app);
    s.screen = Screen::Today;
    s.screen_opened = true;
    focus_screen();
}

void app_build_fonts(App& app, float device_pixel_ratio) {
    float scale = 1.0f;
    if (app.state) scale = std::clamp(data(app).settings.text_scale, 1.0f, 2.0f);
    theme_build_fonts(device_pixel_ratio, scale);
    if (app.state) app.state->fonts_dirty = false;
}

bool app_fonts_need_rebuild(const App& app, float device_pixel_ratio) {
    if (fonts().body == nullptr) return true;
    if (device_pixel_ratio != fonts_pixel_ratio()) return true;
    if (!app.state) return false;
    float scale = std::clamp(data(app).settings.text_scale, 1.0f, 2.0f);
    return app.state->fonts_dirty || scale != fonts_text_scale();
}

void app_draw_loading(const char* message) {
    sem_begin_frame();
    if (theme_text_scale() <= 0) theme_apply(palette_light(), 1.0f);
    full_window_begin("##loading");
    ImGui::SetCursorPos(ImVec2(24, 24));
    ImGui::BeginGroup();
    sem_title("Loading — Doorstep");
    if (fonts().h1) heading("Doorstep", 1);
    paragraph(message ? message : "Loading your cases…");
    ImGui::EndGroup();
    ImGui::End();
    sem_end_frame();
}

void app_start_locked(App& app) {
    app.sign_in.locked = true;
    app.sign_in.form = LockForm{};
}

bool app_locked(const App& app) { return app.sign_in.locked; }

bool app_signed_in(const App& app) { return app.host.keys.set_up && !app.sign_in.officer_name.empty(); }

void app_lock(App& app) {
    if (app.sign_in.locked || !app.host.keys.set_up) return;
    app_before_unload(app);  // the contact form's draft is kept, as on leaving the page
    app.sign_in.locked = true;
    app.sign_in.form = LockForm{};
    app.sign_in.enrol = EnrolForm{};
    if (app.state) {
        app.state->flash.clear();
        app.state->screen_opened = true;  // back on the same screen, from its top, once unlocked
    }
    if (app.host.keys.locked) app.host.keys.locked();
}

void app_frame(App& app) {
    AppState& s = *app.state;
    // 21.7: locked, only the lock screen is drawn: no case on screen, in the mirror or the title.
    if (app.sign_in.locked) {
        app_draw_lock(app);
        return;
    }
    if (app.host.keys.set_idle_minutes && data(app).settings.lock_after_minutes != app.sign_in.idle_minutes_sent) {
        app.sign_in.idle_minutes_sent = data(app).settings.lock_after_minutes;
        app.host.keys.set_idle_minutes(app.sign_in.idle_minutes_sent);
    }
    // One Escape does one thing: when it closes a form, it does not also leave the case.
    const bool dialog_open_at_start = s.dialog.kind != DialogKind::None || evidence_viewer_open(app);
    sem_begin_frame();
    widgets_begin_frame(s.field_edits);
    int32_t day_before = s.today.serial();
    update_clock(app);
    if (s.today.serial() != day_before) apply_the_day(app);
    apply_look(app);
    refresh_caches(app);
    if (!app.host.refused_evidence.empty()) handle_refused_evidence(app);
    // Ctrl+F (Cmd+F) or "/" outside a text field: the search on Cases (the browser's own
    // find cannot read text drawn on the canvas).
    {
        const ImGuiIO& io = ImGui::GetIO();
        const bool command = io.KeyCtrl || io.KeySuper;
        const bool find = (command && ImGui::IsKeyPressed(ImGuiKey_F, false)) ||
                          (!command && !io.KeyAlt && ImGui::IsKeyPressed(ImGuiKey_Slash, false));
        if (find && !io.WantTextInput && !dialog_open_at_start) {
            if (s.screen != Screen::Cases) go(app, Screen::Cases);
            s.focus_cases_search = true;
        }
    }

    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float W = vp->Size.x, H = vp->Size.y;
    full_window_begin("Doorstep");

    if (s.dialog.kind != DialogKind::None) {
        // Dialogs cover the whole screen: nothing behind them can be reached (modal by construction).
        draw_dialog(app);
    } else if (evidence_viewer_open(app)) {
        draw_evidence_viewer(app);  // a photo full size: modal the same way
    } else {
        const bool rail = W >= 900.0f;
        const bool tabs = !rail && tabs_fit(W) && H >= 400.0f;
        float tab_h = tabs ? std::max(kTargetPx + 8, ImGui::GetTextLineHeight() * 2 + 16) : 0.0f;
        float bar_h = (!rail && !tabs) ? kTargetPx + 12 : 0.0f;
        float rail_w = rail ? std::min(260.0f * std::max(1.0f, theme_text_scale() * 0.85f), W * 0.3f) : 0.0f;

        focus_hold(true);
        if (bar_h > 0) {
            ImGui::SetCursorPos(ImVec2(0, 0));
            top_menu_bar(app, W, bar_h);
        }
        if (rail) {
            ImGui::SetCursorPos(ImVec2(0, 0));
            side_rail(app, rail_w, H);
        }
        focus_hold(false);
        ImGui::SetCursorPos(ImVec2(rail_w, bar_h));
        const bool opened = s.screen_opened;
        s.screen_opened = false;  // go() during this frame sets it again for the next
        if (opened) ImGui::SetNextWindowScroll(ImVec2(0, 0));
        ImGui::PushStyleColor(ImGuiCol_ChildBg, im_vec(theme().page));
        ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(W < 500 ? 12.0f : 24.0f, 16));
        ImGui::BeginChild("##content", ImVec2(W - rail_w, H - tab_h - bar_h), ImGuiChildFlags_AlwaysUseWindowPadding, ImGuiWindowFlags_NavFlattened);
        ImGui::PopStyleVar();
        // Readable line length on wide screens: narrow the content region itself,
        // so fields, wrapping and buttons all respect it.
        float max_w = 960.0f * std::max(1.0f, theme_text_scale());
        if (ImGuiWindow* win = ImGui::GetCurrentWindow()) {
            float limit = win->ContentRegionRect.Min.x + max_w;
            if (win->ContentRegionRect.Max.x > limit) {
                win->ContentRegionRect.Max.x = limit;
                win->WorkRect.Max.x = limit;
            }
        }
        sem_push(Role::Main, screen_title(s.screen));
        after_title([](void* a) { banners(*static_cast<App*>(a)); }, &app);
        draw_screen(app);
        if (after_title_pending()) {  // a screen without a title still shows them
            after_title(nullptr, nullptr);
            banners(app);
        }
        spacing(24);
        sem_pop();
        ImGui::EndChild();
        ImGui::PopStyleColor();
        focus_hold(true);
        if (tabs) {
            ImGui::SetCursorPos(ImVec2(0, H - tab_h));
            bottom_tabs(app, W, tab_h);
        }
        focus_hold(false);
    }
    // Escape closes a dialog (the dialog code handles it) or goes back from a case.
    if (!dialog_open_at_start && s.dialog.kind == DialogKind::None && !evidence_viewer_open(app) &&
        s.screen == Screen::Case &&
        ImGui::IsKeyPressed(ImGuiKey_Escape, false) &&
        !ImGui::GetIO().WantTextInput)
        go(app, s.back_to);
    ImGui::End();
    sem_end_frame();
}

bool app_wants_frame_soon(const App& app) {
    // A screen or dialog that just opened moves focus on its next frame.
    return focus_pending() || (app.state && (app.state->screen_opened || app.state->dialog.opened_this_frame ||
                                             app.state->evidence.opened_this_frame || app.state->evidence.focus_back));
}

double app_next_timer_seconds(const App& app) {
    (void)app;
    return 60.0;  // the clock's minute tick: "today" and days left change at midnight
}

std::string app_export_json(App& app) {
    AppState& s = *app.state;
    if (!s.store || !s.store_ok) return {};
    return s.store->export_json();
}

bool app_import_json(App& app, const std::string& text, bool merge, std::string& message) {
    AppState& s = *app.state;
    if (!s.store || !s.store_ok) {
        message = "Your cases are not open on this device, so nothing can be imported.";
        say(app, message, true);
        return false;
    }
    auto r = merge ? s.store->import_merge(text) : s.store->import_replace(text);
    if (!r) {
        message = "Nothing was changed. " + r.error().text();
        say(app, message, true);
        return false;
    }
    const ImportOutcome& o = *r;
    if (merge)
        message = "Merged: " + std::to_string(o.merged_added) + " added, " + std::to_string(o.merged_updated) +
                  " updated, " + std::to_string(o.merged_unchanged) + " unchanged, " +
                  std::to_string(o.merged_conflicts) + " with conflicts to resolve.";
    else
        message = "Imported " + std::to_string(o.cases_in_file) + (o.cases_in_file == 1 ? " case" : " cases") +
                  ". Everything previously on this device was replaced.";
    s.generation++;
    s.list.generation = 0;
    refresh_caches(app);
    recount_references(app);
    say_saved(app, message);
    return true;
}

std::string app_last_message(const App& app) { return app.state ? app.state->last_message : std::string(); }

void app_reload_store(App& app) {
    AppState& s = *app.state;
    if (!s.store) return;
    std::map<std::string, std::string> before;  // case id -> revision as this tab last read it
    for (const Case& c : data(app).cases) before[c.id] = c.rev;
    auto opened = s.store->open();
    if (!opened) {
        s.store_ok = false;
        s.store_problem = opened.error().text();
        say(app, "Your cases could not be read again after the other tab's changes: " + s.store_problem, true);
        return;
    }
    s.store_ok = true;
    s.open_problems = opened->quarantined;
    std::vector<std::string> changed;
    for (const Case& c : data(app).cases) {
        auto it = before.find(c.id);
        if (it == before.end() || it->second != c.rev) changed.push_back(c.reference);
        if (it != before.end()) before.erase(it);
    }
    const size_t removed = before.size();
    s.generation++;
    s.list.generation = 0;
    s.calendar = data(app).settings.calendar();
    refresh_caches(app);
    recount_references(app);
    s.drafts.clear();
    for (const DraftInfo& d : s.store->list_drafts()) s.drafts.push_back(d.key);
    std::string msg = "This tab now edits. It read your cases again first: ";
    if (changed.empty() && removed == 0) {
        msg += "nothing had changed in the other tab.";
    } else {
        msg += std::to_string(changed.size()) + (changed.size() == 1 ? " case" : " cases") + " changed in the other tab";
        const size_t shown = std::min<size_t>(changed.size(), 5);
        for (size_t i = 0; i < shown; ++i) msg += (i == 0 ? " (" : ", ") + changed[i];
        if (shown) msg += changed.size() > shown ? ", …)" : ")";
        if (removed) msg += " and " + std::to_string(removed) + " removed";
        msg += ".";
    }
    say(app, msg);
}

void app_before_unload(App& app) {
    if (!app.state) return;
    if (app.state->screen == Screen::NewContact) save_contact_draft(app);
}

}  // namespace doorstep::ui
