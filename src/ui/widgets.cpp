#include "ui/widgets.h"

#include "core/base/money.h"
#include "ui/form_problems.h"
#include "ui/semantics_internal.h"
#include "ui/text_area.h"
#include "ui/theme.h"

#include "imgui.h"
#include "imgui_internal.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

namespace doorstep::ui {

namespace {

// Focus requests made during a frame apply from the next one, so the controls
// still to be drawn in this frame (behind a dialog just opened) do not take them.
struct FocusRequest {
    ImGuiID target = 0;
    bool heading = false;
    bool first = false;
    bool first_takes_dom_focus = false;
    bool any() const { return target || heading || first; }
};
FocusRequest g_pending, g_active;
ImGuiID& g_focus_target = g_active.target;
bool& g_focus_heading = g_active.heading;
bool& g_focus_first = g_active.first;
bool& g_first_takes_dom_focus = g_active.first_takes_dom_focus;

// The app's edits (widgets_begin_frame); a spare set before the app's first frame.
FieldEdits g_spare_edits;
FieldEdits* g_edits = &g_spare_edits;
FieldEdits& edit_texts() { return *g_edits; }

bool g_focus_held = false;
bool g_focus_taken = false;  // focus moved or a scroll was asked for this frame: one more frame shows it

// top: where the control's label starts (-1: the control alone), so a field
// scrolled into view shows its label and any problem above it too.
void after_control(ImGuiID id, float top = -1) {
    if (id == 0 || g_focus_held) return;
    bool take = (g_focus_target != 0 && g_focus_target == id) || g_focus_first;
    if (!take) return;
    g_focus_taken = true;
    ImGui::SetFocusID(id, ImGui::GetCurrentWindow());
    if (top >= 0) {
        ImRect r(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
        r.Min.y = std::min(r.Min.y, top);
        r.Expand(ImVec2(0, 12));
        ImGui::ScrollToRect(ImGui::GetCurrentWindow(), r, ImGuiScrollFlags_KeepVisibleEdgeY);
    } else {
        ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
    }
    bool dom = g_focus_target == id || g_first_takes_dom_focus;
    if (dom) sem_focus_node(id);
    g_focus_target = 0;
    g_focus_first = false;
    g_first_takes_dom_focus = false;
}

// A refused form's problem with this field, shown as its error (form_problems.h).
FieldOptions with_problem(const std::string& label, const FieldOptions& o) {
    FieldOptions fo = o;
    if (fo.error.empty())
        if (const FormProblem* p = field_problem(label)) fo.error = p->message;
    return fo;
}

// After a field is drawn: an edit clears its problem; the first field with a
// problem after a refusal takes the focus and is scrolled into view with its label.
void after_field(ImGuiID id, const std::string& label, float top, bool changed) {
    if (changed) field_problem_fixed(label);
    if (field_takes_problem_focus(label, id)) {
        g_focus_target = id;
        g_focus_first = false;
    }
    after_control(id, top);
}

std::string hidden_id(const std::string& label, const std::string& id) {
    return "##" + (id.empty() ? label : id);
}

std::string join_description(const std::string& hint, const std::string& error) {
    if (error.empty()) return hint;
    if (hint.empty()) return error;
    return error + " " + hint;
}

struct TextCallbackData {
    std::string* value;
    const std::string* inject;  // whole text sent by the DOM mirror while ImGui edits the field
};

int text_callback(ImGuiInputTextCallbackData* data) {
    auto* cd = static_cast<TextCallbackData*>(data->UserData);
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        cd->value->resize(size_t(data->BufTextLen));
        data->Buf = cd->value->data();
        return 0;
    }
    if (data->EventFlag == ImGuiInputTextFlags_CallbackAlways && cd->inject) {
        data->DeleteChars(0, data->BufTextLen);
        data->InsertChars(0, cd->inject->c_str(), cd->inject->c_str() + cd->inject->size());
        cd->inject = nullptr;
    }
    return 0;
}

// A field's error, in red above the field (the field's description says it too).
void error_line(const std::string& error) {
    const Ink& e = theme().error;
    ImVec2 p = ImGui::GetCursorScreenPos();
    float w = ImGui::GetContentRegionAvail().x;
    float pad = 6;
    ImGui::PushFont(fonts().bold);
    ImVec2 ts = ImGui::CalcTextSize(error.c_str(), nullptr, false, w - 2 * pad - 6);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + ts.y + 2 * pad), im_col(e.bg));
    dl->AddRectFilled(p, ImVec2(p.x + 5, p.y + ts.y + 2 * pad), im_col(e.fg));
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + 6 + pad, p.y + pad), im_col(e.fg), error.c_str(),
                nullptr, w - 2 * pad - 6);
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(w, ts.y + 2 * pad));
}

void field_label(const std::string& label, const FieldOptions& o) {
    ImGui::PushFont(fonts().bold);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    if (!o.hint.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, im_vec(theme().text_muted));
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(o.hint.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    if (!o.error.empty()) error_line(o.error);
}

// Buttons keep their colours when pressed so contrast never drops (1.4.3).
void push_button_colours(ButtonStyle style) {
    const Palette& p = theme();
    Ink normal = p.secondary, hover = p.secondary_hover, active = p.secondary_hover;
    switch (style) {
        case ButtonStyle::Primary: normal = p.primary; hover = p.primary_hover; active = p.primary_active; break;
        case ButtonStyle::Danger: normal = hover = active = p.danger; break;
        case ButtonStyle::Nav: normal = p.nav; hover = p.nav; active = p.nav; break;
        case ButtonStyle::NavSelected: normal = hover = active = p.nav_selected; break;
        case ButtonStyle::Secondary: break;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, im_vec(normal.fg));
    ImGui::PushStyleColor(ImGuiCol_Button, im_vec(normal.bg));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, im_vec(hover.bg));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, im_vec(active.bg));
}

std::string format_date_field(const std::optional<Date>& d) {
    if (!d) return {};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", d->day(), d->month(), d->year());
    return buf;
}

// 31/12/2024, 31-12-2024, 31.12.2024, 2024-12-31.
std::optional<Date> parse_date_field(const std::string& text) {
    if (auto iso = parse_iso_date(text)) return iso;
    int d = 0, m = 0, y = 0;
    char s1 = 0, s2 = 0;
    int consumed = 0;
    if (std::sscanf(text.c_str(), " %d%c%d%c%d %n", &d, &s1, &m, &s2, &y, &consumed) == 5 &&
        size_t(consumed) == text.size() && s1 == s2 && (s1 == '/' || s1 == '-' || s1 == '.')) {
        if (y < 100) y += 2000;
        if (y >= 1900 && y <= 2200 && Date::is_valid_ymd(y, m, d)) return Date::from_ymd(y, m, d);
    }
    return std::nullopt;
}

bool raw_text_input(const std::string& label, const std::string& idlabel, std::string& value, const FieldOptions& o,
                    Role role, const std::string& value_for_semantics, const std::string& extra_description, float top) {
    ImGuiID id = ImGui::GetID(idlabel.c_str());
    bool active = ImGui::GetActiveID() == id;
    if (active && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        // Escape leaves the field and keeps what was typed (ImGui would put the
        // old text back: work lost on a doorstep is not acceptable).
        ImGui::ClearActiveID();
        active = false;
    }
    std::string injected;
    bool has_injection = sem_take_value_request(id, injected);
    bool changed = false;
    if (has_injection && !active && injected != value) {
        value = injected;
        changed = true;
    }
    TextCallbackData cd{&value, has_injection && active ? &injected : nullptr};
    ImGuiInputTextFlags flags = o.flags | ImGuiInputTextFlags_CallbackResize | ImGuiInputTextFlags_CallbackAlways;
    if (o.input == InputPurpose::Passphrase) flags |= ImGuiInputTextFlags_Password;  // drawn as dots
    float width = ImGui::GetContentRegionAvail().x;
    const Palette& p = theme();
    if (!o.error.empty()) ImGui::PushStyleColor(ImGuiCol_Border, im_vec(p.error.fg));
    if (o.multiline) {
        // Wraps as it is typed and grows with its text, then scrolls (text_area.h).
        changed |= wrapping_text_area(idlabel.c_str(), value, o.lines, std::max(o.lines, 12), flags, text_callback, &cd);
    } else {
        ImGui::SetNextItemWidth(width);
        changed |= ImGui::InputText(idlabel.c_str(), value.data(), value.capacity() + 1, flags, text_callback, &cd);
    }
    if (!o.error.empty()) ImGui::PopStyleColor();
    uint32_t state = StateNone;
    if (o.required) state |= StateRequired;
    if (!o.error.empty()) state |= StateInvalid;
    if (o.multiline) state |= StateMultiline;
    if (o.flags & ImGuiInputTextFlags_ReadOnly) state |= StateReadOnly;
    std::string desc = join_description(o.hint, o.error);
    if (!extra_description.empty()) desc = desc.empty() ? extra_description : desc + " " + extra_description;
    sem_item(role, label, value_for_semantics, state, desc);
    InputPurpose purpose = o.input;
    if (purpose == InputPurpose::Text && o.multiline) purpose = InputPurpose::Sentences;
    if (purpose == InputPurpose::Text && role == Role::NumberField) purpose = InputPurpose::Number;
    sem_input(purpose);
    after_field(id, label, top, changed);
    return changed;
}

}  // namespace

void widgets_begin_frame(FieldEdits& edits) {
    g_edits = &edits;
    form_problems_begin_frame();
    g_focus_taken = false;
    g_active = g_pending;
    g_pending = FocusRequest{};
    // Edit buffers for fields not drawn last frame are dropped lazily: a small map.
    if (edit_texts().size() > 256) edit_texts().clear();
}

Ink urgency_ink(Urgency u, const Ink& none) {
    const Palette& p = theme();
    switch (u) {
        case Urgency::Overdue: return p.overdue;
        case Urgency::DueToday: return p.due_today;
        case Urgency::DueSoon: return p.due_soon;
        case Urgency::Upcoming: return p.upcoming;
        case Urgency::None: break;
    }
    return none;
}

float avail_width() { return ImGui::GetContentRegionAvail().x; }

bool narrow_layout() {
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    return (w ? w->ContentRegionRect.GetWidth() : ImGui::GetIO().DisplaySize.x) < 600.0f;
}

bool button(const std::string& label, const ButtonOptions& o) {
    const ImGuiStyle& s = ImGui::GetStyle();
    float text_w = ImGui::CalcTextSize(label.c_str(), nullptr, true).x;
    float avail = ImGui::GetContentRegionAvail().x;
    float w = o.width > 0 ? o.width : o.width < 0 ? avail : text_w + 2 * s.FramePadding.x + 8;
    w = std::max(w, kTargetPx);
    if (o.same_line) {
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
        avail = ImGui::GetContentRegionAvail().x;
    }
    // A label too long for the row wraps onto more lines instead of being cut off (1.4.10).
    float wrap = std::max(kTargetPx, std::min(w, avail) - 2 * s.FramePadding.x);
    ImVec2 ts = ImGui::CalcTextSize(label.c_str(), nullptr, true, wrap);
    if (text_w + 2 * s.FramePadding.x > avail) w = avail;
    float h = std::max(kTargetPx, ts.y + 2 * s.FramePadding.y);
    push_button_colours(o.style);
    // On the navigation rail the ring sits on the rail's colour (2.4.13).
    const bool on_nav = o.style == ButtonStyle::Nav || o.style == ButtonStyle::NavSelected;
    if (on_nav) ImGui::PushStyleColor(ImGuiCol_NavHighlight, im_vec(focus_ring_on(theme(), theme().nav.bg)));
    std::string id = label + (o.id.empty() ? "" : "##" + o.id);
    bool pressed;
    if (ts.y > ImGui::GetTextLineHeight() * 1.5f) {
        // Multi-line label: draw the frame and the wrapped text ourselves.
        pressed = ImGui::Button(("##" + (o.id.empty() ? label : o.id)).c_str(), ImVec2(w, h));
        ImVec2 mn = ImGui::GetItemRectMin();
        ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                                            ImVec2(mn.x + s.FramePadding.x, mn.y + s.FramePadding.y),
                                            ImGui::GetColorU32(ImGuiCol_Text), label.c_str(), nullptr, wrap);
    } else {
        pressed = ImGui::Button(id.c_str(), ImVec2(w, h));
    }
    ImGui::PopStyleColor(on_nav ? 5 : 4);
    uint32_t state = o.style == ButtonStyle::NavSelected ? StateSelected : StateNone;
    sem_item(Role::Button, label, {}, state, o.description);
    after_control(ImGui::GetItemID());
    return pressed;
}

bool text_field(const std::string& label, std::string& value, const FieldOptions& options) {
    const FieldOptions o = with_problem(label, options);
    ImGui::PushID(("field:" + (o.id.empty() ? label : o.id)).c_str());
    const float top = ImGui::GetCursorScreenPos().y;
    field_label(label, o);
    bool changed = raw_text_input(label, hidden_id(label, o.id), value, o,
                                  o.multiline ? Role::TextArea : Role::TextField, value, {}, top);
    ImGui::PopID();
    return changed;
}

bool number_field(const std::string& label, int& value, int min, int max, const FieldOptions& options) {
    const FieldOptions o = with_problem(label, options);
    ImGui::PushID(("number:" + (o.id.empty() ? label : o.id)).c_str());
    const float top = ImGui::GetCursorScreenPos().y;
    field_label(label, o);
    ImGuiID id = ImGui::GetID(hidden_id(label, o.id).c_str());
    FieldEdit& et = edit_texts()[id];
    std::string current = std::to_string(value);
    if (et.shown_for != current) {
        et.text = current;
        et.shown_for = current;
    }
    FieldOptions fo = o;
    fo.flags |= ImGuiInputTextFlags_CharsDecimal;
    bool changed = false;
    if (raw_text_input(label, hidden_id(label, o.id), et.text, fo, Role::NumberField, et.text, {}, top)) {
        char* end = nullptr;
        long v = std::strtol(et.text.c_str(), &end, 10);
        if (end && *end == 0 && !et.text.empty() && v >= min && v <= max) {
            value = int(v);
            et.shown_for = std::to_string(value);
            changed = true;
        }
    }
    ImGui::PopID();
    return changed;
}

bool money_field(const std::string& label, int64_t& pence, const FieldOptions& options) {
    const FieldOptions o = with_problem(label, options);
    ImGui::PushID(("money:" + (o.id.empty() ? label : o.id)).c_str());
    const float top = ImGui::GetCursorScreenPos().y;
    field_label(label, o);
    ImGuiID id = ImGui::GetID(hidden_id(label, o.id).c_str());
    FieldEdit& et = edit_texts()[id];
    std::string current = format_money(Money{pence});
    if (et.shown_for != current) {
        et.text = pence == 0 ? std::string() : current;
        et.shown_for = current;
    }
    bool changed = false;
    FieldOptions mo = o;
    mo.input = InputPurpose::Number;
    if (raw_text_input(label, hidden_id(label, o.id), et.text, mo, Role::TextField, et.text, {}, top)) {
        if (et.text.empty()) {
            pence = 0;
            changed = true;
        } else if (auto m = parse_money(et.text)) {
            pence = m->pence;
            changed = true;
        }
        et.shown_for = format_money(Money{pence});
    }
    ImGui::PopID();
    return changed;
}

bool date_field(const std::string& label, std::optional<Date>& value, const FieldOptions& options) {
    const FieldOptions o = with_problem(label, options);
    ImGui::PushID(("date:" + (o.id.empty() ? label : o.id)).c_str());
    FieldOptions fo = o;
    if (fo.hint.empty()) fo.hint = "For example, 31/12/2024";
    fo.input = InputPurpose::Date;
    const float top = ImGui::GetCursorScreenPos().y;
    field_label(label, fo);
    ImGuiID id = ImGui::GetID(hidden_id(label, o.id).c_str());
    FieldEdit& et = edit_texts()[id];
    std::string current = value ? to_iso(*value) : std::string();
    if (et.shown_for != current) {
        et.text = format_date_field(value);
        et.shown_for = current;
    }
    std::optional<Date> parsed = parse_date_field(et.text);
    std::string written = parsed ? long_date(*parsed) : std::string();
    bool changed = false;
    if (raw_text_input(label, hidden_id(label, o.id), et.text, fo, Role::TextField, et.text, written, top)) {
        parsed = parse_date_field(et.text);
        if (parsed) {
            value = parsed;
            changed = true;
        } else if (et.text.empty() && !o.required) {
            value.reset();
            changed = true;
        }
        et.shown_for = value ? to_iso(*value) : std::string();
    }
    // Say back the date written out, so a mistyped day or month shows at once.
    std::string echo = parsed ? long_date(*parsed)
                              : (et.text.empty() ? std::string() : std::string("Not a date yet: use day/month/year"));
    if (!echo.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, im_vec(theme().text_muted));
        ImGui::TextUnformatted(echo.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::PopID();
    return changed;
}

bool enter_pressed() {
    return ImGui::IsKeyPressed(ImGuiKey_Enter, false) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, false);
}

bool checkbox(const std::string& label, bool& value, const std::string& description) {
    // The label wraps next to a 44 px box.
    ImGui::PushID(("check:" + label).c_str());
    const float top = ImGui::GetCursorScreenPos().y;
    const FormProblem* problem = field_problem(label);
    if (problem) error_line(problem->message);
    float box = ImGui::GetFrameHeight();
    float avail = ImGui::GetContentRegionAvail().x;
    float wrap = std::max(60.0f, avail - box - ImGui::GetStyle().ItemInnerSpacing.x);
    ImVec2 ts = ImGui::CalcTextSize(label.c_str(), nullptr, false, wrap);
    bool changed;
    ImGuiID cid = 0;
    ImVec2 start = ImGui::GetCursorScreenPos();
    if (ts.x + box + ImGui::GetStyle().ItemInnerSpacing.x <= avail && ts.y <= ImGui::GetTextLineHeight() * 1.2f) {
        changed = ImGui::Checkbox(label.c_str(), &value);
        cid = ImGui::GetItemID();
    } else {
        changed = ImGui::Checkbox("##box", &value);
        cid = ImGui::GetItemID();
        ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(),
                                            ImVec2(start.x + box + ImGui::GetStyle().ItemInnerSpacing.x,
                                                   start.y + ImGui::GetStyle().FramePadding.y),
                                            ImGui::GetColorU32(ImGuiCol_Text), label.c_str(), nullptr, wrap);
        ImGui::Dummy(ImVec2(1, std::max(0.0f, ts.y - ImGui::GetTextLineHeight())));
        // The whole label is part of the target.
        ImVec2 end(start.x + avail, start.y + std::max(box, ts.y + 2 * ImGui::GetStyle().FramePadding.y));
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && ImGui::IsMouseHoveringRect(ImVec2(start.x + box, start.y), end) &&
            ImGui::IsWindowHovered()) {
            value = !value;
            changed = true;
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(start.x, ImGui::GetCursorScreenPos().y));
    ImGuiContext& g = *GImGui;
    g.LastItemData.ID = cid;
    g.LastItemData.Rect = ImRect(start, ImVec2(start.x + std::min(avail, box + ts.x + 12), start.y + std::max(box, ts.y)));
    ImGui::PopID();
    std::string desc = problem ? (description.empty() ? problem->message : problem->message + " " + description) : description;
    sem_item(Role::Checkbox, label, {}, StateCheckable | (value ? uint32_t(StateChecked) : 0u) | (problem ? uint32_t(StateInvalid) : 0u),
             desc);
    after_field(cid, label, top, changed);
    return changed;
}

bool radio_choice(const std::string& label, int& index, const std::vector<std::string>& options, const std::string& hint) {
    ImGui::PushID(("radio:" + label).c_str());
    FieldOptions fo;
    fo.hint = hint;
    fo = with_problem(label, fo);
    const float top = ImGui::GetCursorScreenPos().y;
    field_label(label, fo);
    sem_push(Role::Group, label);
    const ImGuiStyle& s = ImGui::GetStyle();
    float box = ImGui::GetFrameHeight();
    float total = 0;
    for (const auto& o : options) total += box + s.ItemInnerSpacing.x + ImGui::CalcTextSize(o.c_str()).x + s.ItemSpacing.x * 2;
    bool in_row = total <= ImGui::GetContentRegionAvail().x;
    bool changed = false;
    for (int i = 0; i < int(options.size()); ++i) {
        if (in_row && i > 0) ImGui::SameLine(0, s.ItemSpacing.x * 2);
        ImGui::PushID(i);
        if (ImGui::RadioButton(options[i].c_str(), index == i)) {
            index = i;
            changed = true;
        }
        ImGui::PopID();
        sem_item(Role::Radio, options[i], {}, StateCheckable | (index == i ? uint32_t(StateChecked) : 0u) |
                                                  (fo.error.empty() ? 0u : uint32_t(StateInvalid)),
                 i == 0 ? fo.error : std::string());
        if (i == 0) after_field(ImGui::GetItemID(), label, top, changed);
        else after_control(ImGui::GetItemID());
    }
    if (changed) field_problem_fixed(label);
    sem_pop();
    ImGui::PopID();
    return changed;
}

bool combo(const std::string& label, int& index, const std::vector<std::string>& options, const std::string& hint) {
    ImGui::PushID(("combo:" + label).c_str());
    FieldOptions fo;
    fo.hint = hint;
    fo = with_problem(label, fo);
    const float top = ImGui::GetCursorScreenPos().y;
    field_label(label, fo);
    const char* preview = index >= 0 && index < int(options.size()) ? options[size_t(index)].c_str() : "Choose…";
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    bool changed = false;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, 4));
    bool open = ImGui::BeginCombo(("##" + label).c_str(), preview, ImGuiComboFlags_HeightLargest);
    ImGui::PopStyleVar();
    ImGuiID combo_id = ImGui::GetItemID();
    sem_item(Role::ComboBox, label, index >= 0 ? std::string(preview) : std::string(),
             StateExpandable | (open ? uint32_t(StateExpanded) : 0u) | (fo.error.empty() ? 0u : uint32_t(StateInvalid)),
             join_description(hint, fo.error));
    after_field(combo_id, label, top, false);
    if (open) {
        sem_push(Role::ListBox, label);
        for (int i = 0; i < int(options.size()); ++i) {
            ImGui::PushID(i);
            bool selected = i == index;
            if (ImGui::Selectable(options[size_t(i)].c_str(), selected, 0, ImVec2(0, kTargetPx))) {
                index = i;
                changed = true;
            }
            if (selected && ImGui::IsWindowAppearing()) {
                ImGui::SetItemDefaultFocus();
                ImGui::ScrollToItem();
            }
            sem_item(Role::Option, options[size_t(i)], {}, selected ? StateSelected : StateNone);
            ImGui::PopID();
        }
        sem_pop();
        ImGui::EndCombo();
    }
    if (changed) field_problem_fixed(label);
    ImGui::PopID();
    return changed;
}

namespace {
void (*g_after_title)(void*) = nullptr;
void* g_after_title_user = nullptr;
}  // namespace

void after_title(void (*draw)(void*), void* user) {
    g_after_title = draw;
    g_after_title_user = user;
}
bool after_title_pending() { return g_after_title != nullptr; }

void heading(const std::string& text, int level) {
    ImFont* f = level <= 1 ? fonts().h1 : level == 2 ? fonts().h2 : fonts().bold;
    if (level > 1) ImGui::Dummy(ImVec2(1, 4));
    ImGui::PushFont(f);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    sem_text(Role::Heading, text, level);
    if (g_focus_heading && level == 1) {
        sem_focus_node(sem_last_node_id());
        g_focus_heading = false;
    }
    if (level == 1 && g_after_title) {
        auto draw = g_after_title;
        g_after_title = nullptr;
        draw(g_after_title_user);
    }
}

void paragraph(const std::string& text, bool muted, Role role) {
    if (muted) ImGui::PushStyleColor(ImGuiCol_Text, im_vec(theme().text_muted));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    if (muted) ImGui::PopStyleColor();
    sem_text(role, text);
}

void label_value(const std::string& label, const std::string& value) {
    ImGui::BeginGroup();
    ImGui::PushStyleColor(ImGuiCol_Text, im_vec(theme().text_muted));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopStyleColor();
    ImGui::TextUnformatted(value.empty() ? "Not recorded" : value.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    sem_text(Role::Text, label + ": " + (value.empty() ? "Not recorded" : value));
}

void badge(const std::string& text, Ink ink, bool same_line, bool describe) {
    ImVec2 ts = ImGui::CalcTextSize(text.c_str());
    ImVec2 size(ts.x + 16, ts.y + 8);
    if (same_line) {
        ImGui::SameLine();
        if (ImGui::GetContentRegionAvail().x < size.x) ImGui::NewLine();
    }
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), im_col(ink.bg), 4.0f);
    dl->AddText(ImVec2(p.x + 8, p.y + 4), im_col(ink.fg), text.c_str());
    ImGui::Dummy(size);
    if (describe) sem_text(Role::Text, text);
}

void notice(const std::string& text, Ink ink, Role role, const std::string& title) {
    float w = ImGui::GetContentRegionAvail().x;
    const float pad = 12, bar = 6;
    float wrap = w - 2 * pad - bar;
    ImGui::PushFont(fonts().bold);
    ImVec2 tsz = title.empty() ? ImVec2(0, 0) : ImGui::CalcTextSize(title.c_str(), nullptr, false, wrap);
    ImGui::PopFont();
    ImVec2 bsz = text.empty() ? ImVec2(0, 0) : ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
    float gap = (!title.empty() && !text.empty()) ? 4.0f : 0.0f;
    float h = tsz.y + gap + bsz.y + 2 * pad;
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), im_col(ink.bg), 4.0f);
    dl->AddRectFilled(p, ImVec2(p.x + bar, p.y + h), im_col(ink.fg), 0.0f);
    float y = p.y + pad;
    if (!title.empty()) {
        ImGui::PushFont(fonts().bold);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + bar + pad, y), im_col(ink.fg), title.c_str(),
                    nullptr, wrap);
        ImGui::PopFont();
        y += tsz.y + gap;
    }
    if (!text.empty())
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + bar + pad, y), im_col(ink.fg), text.c_str(),
                    nullptr, wrap);
    ImGui::Dummy(ImVec2(w, h));
    sem_text(role, title.empty() ? text : (text.empty() ? title : title + ". " + text));
}

bool fitted_line(ImDrawList* dl, ImVec2 at, float max_x, ImU32 colour, const std::string& text) {
    const char* end = text.c_str() + text.size();
    const ImVec2 ts = ImGui::CalcTextSize(text.c_str(), end);
    if (at.x + ts.x <= max_x) {
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), at, colour, text.c_str(), end);
        return false;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::RenderTextEllipsis(dl, at, ImVec2(max_x, at.y + ts.y), max_x, max_x, text.c_str(), end, &ts);
    ImGui::PopStyleColor();
    return true;
}

void separator() { ImGui::Separator(); }
void spacing(float px) { ImGui::Dummy(ImVec2(1, px)); }

void focus_screen() {
    // The heading takes the screen reader's focus; ImGui's own focus is left
    // clear, so the first Tab (in the page or on the canvas) reaches the first
    // control and both agree on where focus is.
    g_pending = FocusRequest{};
    g_pending.heading = true;
    if (ImGuiContext* g = ImGui::GetCurrentContext()) {
        g->NavId = 0;
        g->NavFocusScopeId = 0;
    }
}

void focus_first_control() {
    g_pending = FocusRequest{};
    g_pending.first = true;
    g_pending.first_takes_dom_focus = true;
}

void focus_item(ImGuiID id) {
    g_pending = FocusRequest{};
    g_pending.target = id;
}

bool focus_pending() { return g_pending.any() || g_focus_taken || problem_focus_pending(); }

void focus_hold(bool hold) { g_focus_held = hold; }

void want_next_frame() { g_focus_taken = true; }

ImGuiID last_item_id() { return ImGui::GetItemID(); }

}  // namespace doorstep::ui
