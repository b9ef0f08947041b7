// One thin call per widget: each draws the ImGui widget at a touch-friendly size
// AND states its role, name, value and state to the semantics layer, so the DOM
// mirror, the test hook and keyboard focus all see the same thing (issue 10).
// Labels are visible text above the field (never a placeholder alone).
#pragma once
#include "core/base/date.h"
#include "core/rules/deadlines.h"
#include "ui/palette.h"
#include "ui/semantics.h"

#include "imgui.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace doorstep::ui {

enum class ButtonStyle { Primary, Secondary, Danger, Nav, NavSelected };

struct ButtonOptions {
    ButtonStyle style = ButtonStyle::Secondary;
    float width = 0;              // 0: fits the label; < 0: fills the row
    std::string description;      // read after the name ("opens the case")
    std::string id;               // ImGui id when the label repeats on a screen
    bool same_line = false;       // continue the row (wraps to a new line when it would not fit)
};
bool button(const std::string& label, const ButtonOptions& options = {});
inline bool button(const std::string& label, ButtonStyle style) {
    ButtonOptions o;
    o.style = style;
    return button(label, o);
}

struct FieldOptions {
    std::string hint;             // shown under the label, read as the description
    std::string error;            // shown in red above the field; field marked invalid
    bool required = false;
    bool multiline = false;
    int lines = 4;                // visible lines of a multiline field (it grows with its text)
    ImGuiInputTextFlags flags = 0;
    std::string id;               // ImGui id when the label repeats
    InputPurpose input = InputPurpose::Text;  // the on-screen keyboard that fits (multi-line: Sentences)
};
inline FieldOptions required_field() {
    FieldOptions o;
    o.required = true;
    return o;
}
inline FieldOptions with_hint(std::string hint) {
    FieldOptions o;
    o.hint = std::move(hint);
    return o;
}
// A required text of several lines, with its hint.
inline FieldOptions required_lines(int lines, std::string hint) {
    FieldOptions o = with_hint(std::move(hint));
    o.multiline = true;
    o.lines = lines;
    o.required = true;
    return o;
}
// Returns true when the text changed this frame.
bool text_field(const std::string& label, std::string& value, const FieldOptions& options = {});
bool number_field(const std::string& label, int& value, int min, int max, const FieldOptions& options = {});
// A money field in pounds ("1234.56" or "£1,234.56"); false while what is typed does not parse.
bool money_field(const std::string& label, int64_t& pence, const FieldOptions& options = {});
// A date typed as 31/12/2024 or 2024-12-31, shown written out beneath it. Returns
// true when a valid date was set (or cleared, when optional).
bool date_field(const std::string& label, std::optional<Date>& value, const FieldOptions& options = {});

bool checkbox(const std::string& label, bool& value, const std::string& description = {});
// Enter (or the keypad's) was pressed this frame: a one-field form's submit key.
bool enter_pressed();
// One of a few choices: big radio buttons in a row when they fit, stacked when not.
bool radio_choice(const std::string& label, int& index, const std::vector<std::string>& options,
                  const std::string& hint = {});
// One of many: a combo box whose list opens full width with 44 px rows.
bool combo(const std::string& label, int& index, const std::vector<std::string>& options,
           const std::string& hint = {});

// Headings: level 1 is the screen's title (one per screen). What the app shows on
// every screen (banners) is drawn right after it, so the title is read first.
void after_title(void (*draw)(void*), void* user);  // once, for the next level 1 heading; null clears
bool after_title_pending();
void heading(const std::string& text, int level = 2);
// Wrapped body text; muted for secondary information.
void paragraph(const std::string& text, bool muted = false, Role role = Role::Text);  // Role::ListItem inside a list
// "Received" / "Friday 20 December 2024" on two lines, read as one.
void label_value(const std::string& label, const std::string& value);
// A coloured tag whose text carries the meaning ("3 days overdue").
// describe = false when the text beside it already says the same (a list item's own line).
void badge(const std::string& text, Ink ink, bool same_line = false, bool describe = true);
// A full-width box with text: notices, warnings, errors from the engine (shown verbatim).
void notice(const std::string& text, Ink ink, Role role = Role::Status, const std::string& title = {});
// One line of text drawn from `at` to no further than max_x: when it does not fit it
// ends with an ellipsis ("Acknowledge and de…"), never cut mid-letter. The item it
// belongs to must carry the full text in its accessible name. True when shortened.
bool fitted_line(ImDrawList* dl, ImVec2 at, float max_x, ImU32 colour, const std::string& text);
void separator();
void spacing(float px = 8.0f);

// Keyboard focus (2.4.3, 2.4.11): when a screen opens its heading takes the
// screen reader's focus and the first control ImGui's; when a dialog closes focus
// returns to the control that opened it.
void focus_screen();
void focus_first_control();
void focus_item(ImGuiID id);
ImGuiID last_item_id();
bool focus_pending();
// Something drawn this frame moves on the next one (a scroll asked for): draw one more.
void want_next_frame();
// Navigation bars hold focus requests back, so a screen's own first control takes them.
void focus_hold(bool hold);        // a request waits for the next frame (ask the platform for one)
// What a person is typing into a date, number or money field, kept until it
// parses, by the field's ImGui id (the app keeps it: AppState::field_edits).
struct FieldEdit {
    std::string text;
    std::string shown_for;  // the value the text was last synced from
};
using FieldEdits = std::unordered_map<ImGuiID, FieldEdit>;
// Call before drawing: applies the focus requests made last frame; the fields
// keep what is being typed in `edits` until the next call.
void widgets_begin_frame(FieldEdits& edits);

// The colours that say how urgent a deadline is (overdue, due today, soon, later); `none` without one.
Ink urgency_ink(Urgency u, const Ink& none);

// Width available on this row and the current layout width class.
float avail_width();
bool narrow_layout();  // content narrower than 600 CSS px

}  // namespace doorstep::ui
