// What each screen tells assistive technology and tests: as a screen draws, it
// states every element's role, name, value and state (like egui's widget_info).
// One tree per frame, keyed by ImGui id. The platform mirrors it into the DOM
// (src/platform/web) and the test hook reads it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace doorstep::ui {

enum class Role : uint8_t {
    Button, Checkbox, Radio, TextField, TextArea, NumberField, ComboBox, ListBox, Option,
    Tab, TabList, Link, Heading, Text, Table, Row, Cell, ColumnHeader, List, ListItem,
    Dialog, Alert, Status, Group, Image, Slider, Banner, Navigation, Main,
};
const char* role_name(Role r);  // "button", "checkbox", ... (ARIA role names)

// What a text field holds, so a tablet's on-screen keyboard fits it: the DOM mirror
// sets inputmode, autocapitalize, autocorrect and spellcheck on the field's twin.
enum class InputPurpose : uint8_t {
    Text,       // a short free text: sentences capitalised, corrected
    Sentences,  // a multi-line text in the resident's or officer's words
    Name,       // a person's name: each word capitalised, never autocorrected
    Phone,      // a phone number pad
    Email,      // the email keyboard, nothing capitalised or corrected
    Postcode,   // capitals, never autocorrected
    Reference,  // a case reference or code: capitals, never autocorrected
    Date,       // digits and a separator (31.12.2024 or 31/12/2024)
    Number,     // digits and a decimal point (amounts, counts)
    Url,        // a web address: the URL keyboard, nothing capitalised or corrected
    Passphrase, // a secret: drawn as dots, a password field in the mirror, never corrected or remembered
};
const char* input_purpose_name(InputPurpose p);  // "text", "sentences", "name", "tel", "email", "postcode", "url", ...

enum StateFlags : uint32_t {
    StateNone = 0,
    StateChecked = 1u << 0,
    StateCheckable = 1u << 1,   // checkbox/radio/toggle: checked is meaningful
    StateSelected = 1u << 2,
    StateExpanded = 1u << 3,
    StateExpandable = 1u << 4,
    StateDisabled = 1u << 5,
    StateRequired = 1u << 6,
    StateInvalid = 1u << 7,     // description holds the error text
    StateFocused = 1u << 8,     // keyboard focus (ImGui nav id) is here
    StateMultiline = 1u << 9,
    StateReadOnly = 1u << 10,
    StateClipped = 1u << 11,    // submitted but outside its window's visible area
    StateFromHook = 1u << 12,   // filled in by ImGui's item hooks: the screen forgot to describe it
    StateActive = 1u << 13,     // being edited / pressed now
};

struct SemanticNode {
    uint32_t id = 0;            // ImGui id; for text without an id, a synthetic id stable across frames
    uint32_t parent = 0;        // 0 = the screen itself
    Role role = Role::Text;
    uint32_t state = StateNone;
    uint8_t level = 0;          // heading level 1..6
    int32_t row_index = -1;     // 1-based position in a long list (aria-rowindex / posinset), -1 if none
    int32_t row_count = -1;     // size of the whole list, even rows the clipper skipped
    float x = 0, y = 0, w = 0, h = 0;  // ImGui screen coordinates (logical pixels)
    std::string name;           // accessible name: the visible label that names it
    std::string value;          // text in a field, choice in a combo, number
    std::string description;    // hint or error text
    InputPurpose input = InputPurpose::Text;  // text fields: the keyboard that fits
};

struct SemanticsTree {
    std::string title;          // page title for this screen ("Today — Doorstep")
    // The browser window's title (document.title): the title without personal details,
    // since tabs, history and task switchers show it to anyone (21.8). Empty = title.
    std::string window_title;
    std::vector<SemanticNode> nodes;  // in reading (= focus) order
    std::string announce_polite;  // for role=status this frame (empty = nothing new)
    std::string announce_alert;   // for role=alert this frame
    uint32_t focus_node = 0;      // a node that should take DOM focus now (the heading of a screen just
                                  // opened, the first field of a dialog, the button a closed dialog
                                  // returns to); 0 = leave focus where it is
    uint64_t hash = 0;            // changes only when something a user could perceive changed
};

// Per-frame building (call from the app's frame function).
void sem_begin_frame();
void sem_end_frame();                       // finalises: fills hook-reported items the screens forgot, computes hash
const SemanticsTree& sem_tree();            // the last completed frame's tree

// Benchmarks only (window.doorstep.benchSemantics, never reachable from the UI):
// with collection off, screens' descriptions are dropped, ImGui's item hooks are
// off and the last tree stays as it was, so the DOM mirror receives nothing new.
// Measures what the semantics tree and the mirror add to a frame.
void sem_set_collecting(bool on);
bool sem_collecting();

// Describe the item just drawn (uses ImGui's last item id and rectangle).
void sem_item(Role role, const std::string& name, const std::string& value = {}, uint32_t state = StateNone,
              const std::string& description = {});
// The text field just described holds this (the keyboard that fits it).
void sem_input(InputPurpose purpose);
// Describe something without an ImGui id (a heading, a paragraph, a status label) at the last item's rectangle.
void sem_text(Role role, const std::string& text, int level = 0);
// Long lists: the position of the next described items among all rows.
void sem_set_row(int row_index_1_based, int row_count);
// Containers (table, list, dialog, group): children described until the matching pop.
void sem_push(Role role, const std::string& name, int row_count = -1);
void sem_pop();
// window_title: what the browser window shows, when the title names a person.
void sem_title(const std::string& title, const std::string& window_title = "");
void sem_announce(const std::string& text, bool assertive = false);

// Move DOM focus to this node when the frame is mirrored (see SemanticsTree::focus_node).
void sem_focus_node(uint32_t id);
// The id of the node described last (to remember where focus should return).
uint32_t sem_last_node_id();

// The DOM mirror's text field (the on-screen keyboard's field) sets a field's whole
// text: the field with that id takes it the next time it is drawn, whether or not
// ImGui is editing it (autocorrect replaces whole words, so the whole value is sent).
void sem_request_value(uint32_t id, const std::string& value);

// Lookups for the test hook and the mirror: exact name (visible first), then the
// decimal id, then a case-insensitive prefix of the name.
const SemanticNode* sem_find_by_name(const std::string& name_or_id);

// Serialised for the DOM mirror and window.doorstep.semantics(): a compact JSON array,
// one object per node in reading order, keys always in this order:
//   {"id":N,"parent":N,"role":"button","name":"...",
//    "value":"..."?, "description":"..."?, "level":N?, "row_index":N?, "row_count":N?,
//    "input":"tel"? (input_purpose_name; left out for Text),
//    "x":N,"y":N,"w":N,"h":N,               (CSS px = ImGui px * css_scale, one decimal)
//    "state":N?, then one `"<flag>":true` per set flag?}
// flags: checked checkable selected expanded expandable disabled required invalid
//        focused multiline readonly clipped from_hook active. Keys marked ? are left out
// when empty/zero/-1. role is role_name(). Deterministic: same tree, same bytes.
std::string sem_to_json(const SemanticsTree& tree, float css_scale);

}  // namespace doorstep::ui
