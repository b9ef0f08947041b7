#include "platform/web/mirror.h"

#include "platform/web/backend_html5.h"
#include "platform/web/redraw.h"
#include "core/base/json_string.h"
#include "ui/semantics.h"

#include "imgui.h"
#include "imgui_internal.h"

#include <emscripten/emscripten.h>

#include <cstdio>
#include <string>
#include <vector>

// mirror.js
extern "C" {
void doorstep_mirror_update(const char* json);
int doorstep_mirror_focus_kind();
int doorstep_mirror_key_composing();
void doorstep_mirror_follow_focus(uint32_t id);
int doorstep_mirror_focus_text(uint32_t id, int in_gesture);
void doorstep_mirror_blur_text(uint32_t id);
void doorstep_mirror_set_text(uint32_t id, const char* text, int sel_start, int sel_end);
void doorstep_mirror_set_selection(uint32_t id, int sel_start, int sel_end);
}

namespace doorstep::web {

namespace {

struct Mirror {
    uint64_t sent_hash = 0;
    bool sent_any = false;
    std::vector<uint32_t> activations;  // from DOM clicks, for the next NewFrame
    std::vector<uint32_t> after_scroll; // clicked while scrolled out of view: focused and scrolled to first
    uint32_t focus_request = 0;         // DOM focus moved here
    uint32_t blurred = 0;               // a DOM text field lost focus to something outside the mirror
    ImGuiID last_nav = 0;
    std::string json;
};

Mirror g_m;

const ui::SemanticNode* find_node(uint32_t id) {
    for (const ui::SemanticNode& n : ui::sem_tree().nodes)
        if (n.id == id) return &n;
    return nullptr;
}

bool is_text_role(ui::Role r) {
    return r == ui::Role::TextField || r == ui::Role::TextArea || r == ui::Role::NumberField;
}

// The window a node was drawn in: ImGui keeps no item -> window map, so find the
// front-most window whose content (visible or scrolled away) holds the node's
// centre, then the deepest child window that does.
bool content_holds(ImGuiWindow* w, const ImVec2& p) {
    if (!w->WasActive || w->Hidden) return false;
    const float x0 = w->InnerRect.Min.x - w->Scroll.x, y0 = w->InnerRect.Min.y - w->Scroll.y;
    ImRect content(x0, y0, x0 + w->ContentSize.x + w->WindowPadding.x * 2, y0 + w->ContentSize.y + w->WindowPadding.y * 2);
    content.Add(w->InnerRect);
    return content.Contains(p);
}

// The deepest window under `w` (or `w` itself) whose content holds `p`; children
// first, since a child's content may reach far below its parent's (a scrolled list).
ImGuiWindow* deepest_holding(ImGuiWindow* w, const ImVec2& p) {
    if (!w->WasActive || w->Hidden) return nullptr;
    for (int i = w->DC.ChildWindows.Size - 1; i >= 0; --i)
        if (ImGuiWindow* found = deepest_holding(w->DC.ChildWindows[i], p)) return found;
    return content_holds(w, p) ? w : nullptr;
}

ImGuiWindow* window_of(const ui::SemanticNode& n) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImVec2 centre(n.x + n.w * 0.5f, n.y + n.h * 0.5f);
    for (int i = g.WindowsFocusOrder.Size - 1; i >= 0; --i) {
        ImGuiWindow* root = g.WindowsFocusOrder[i];
        if (!root) continue;
        if (ImGuiWindow* w = deepest_holding(root, centre)) return w;
    }
    return nullptr;
}

void activate(uint32_t id) {
    ImGui::ActivateItemByID(id);
    const ui::SemanticNode* n = find_node(id);
    // A text field activated from outside starts editing (rather than waiting for a keyboard "Enter").
    if (n && is_text_role(n->role)) ImGui::GetCurrentContext()->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
}

// DOM focus arrived on a node: make it ImGui's keyboard focus and scroll it into view.
void focus_imgui(uint32_t id) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const ui::SemanticNode* n = find_node(id);
    if (!n) return;
    // Editing elsewhere ends when focus leaves that field.
    if (g.ActiveId && g.ActiveId != id && g.InputTextState.ID == g.ActiveId) ImGui::ClearActiveID();
    ImGuiWindow* w = window_of(*n);
    if (!w) return;
    const ImRect rect(n->x, n->y, n->x + n->w, n->y + n->h);
    ImGui::FocusWindow(w);
    ImGui::SetNavID(id, ImGuiNavLayer_Main, w->NavRootFocusScopeId, ImGui::WindowRectAbsToRel(w, rect));
    g.NavDisableHighlight = false;  // show the focus ring: focus came from the keyboard or a screen reader
    g.NavDisableMouseHover = true;
    // A scroll the app already asked for (a refused form bringing its first problem into
    // view with the label above it) is not overridden by one to the bare field.
    if (!w->InnerClipRect.Contains(rect) && w->ScrollTarget.y == FLT_MAX)
        ImGui::ScrollToRect(w, rect, ImGuiScrollFlags_KeepVisibleEdgeY);
    if (is_text_role(n->role) && g.ActiveId != id) activate(id);
}

}  // namespace

DomFocus mirror_dom_focus() {
    switch (doorstep_mirror_focus_kind()) {
        case 1: return DomFocus::TextField;
        case 2: return DomFocus::TextArea;
        case 3: return DomFocus::Element;
        default: return DomFocus::None;
    }
}

bool mirror_key_composing() { return doorstep_mirror_key_composing() != 0; }

void mirror_before_new_frame() {
    // Scrolled into view (and given nav focus) during the last frame: activate now.
    for (uint32_t id : g_m.after_scroll) activate(id);
    g_m.after_scroll.clear();
    for (uint32_t id : g_m.activations) {  // several in one frame: the last one counts
        // ImGui ignores an item it clipped: a control scrolled out of view (a screen
        // reader's virtual cursor clicks without moving focus) first takes the
        // keyboard focus, which scrolls it into view, and is activated a frame later.
        const ui::SemanticNode* n = find_node(id);
        if (n && (n->state & ui::StateClipped)) {
            g_m.focus_request = id;
            if (!is_text_role(n->role)) g_m.after_scroll.push_back(id);  // a text field is activated by its focus
            request_redraw(3);
            continue;
        }
        activate(id);
    }
    g_m.activations.clear();
    if (g_m.blurred) {
        ImGuiContext& g = *ImGui::GetCurrentContext();
        if (g.ActiveId == g_m.blurred && g.InputTextState.ID == g.ActiveId) ImGui::ClearActiveID();
        g_m.blurred = 0;
    }
}

void mirror_after_new_frame() {
    if (!g_m.focus_request) return;
    const uint32_t id = g_m.focus_request;
    g_m.focus_request = 0;
    focus_imgui(id);
    g_m.last_nav = ImGui::GetCurrentContext()->NavId;  // not a change to send back to the DOM
}

void mirror_after_frame() {
    const ui::SemanticsTree& tree = ui::sem_tree();
    if (!g_m.sent_any || tree.hash != g_m.sent_hash) {
        std::string& j = g_m.json;
        j.clear();
        j += "{\"title\":";
        doorstep::append_json_string(j, tree.title);
        j += ",\"window_title\":";
        doorstep::append_json_string(j, tree.window_title);
        j += ",\"polite\":";
        doorstep::append_json_string(j, tree.announce_polite);
        j += ",\"alert\":";
        doorstep::append_json_string(j, tree.announce_alert);
        j += ",\"focus\":";
        j += std::to_string(tree.focus_node);
        j += ",\"nodes\":";
        j += ui::sem_to_json(tree, 1.0f);  // ImGui coordinates are CSS px already
        j += '}';
        doorstep_mirror_update(j.c_str());
        g_m.sent_hash = tree.hash;
        g_m.sent_any = true;
    }
    // ImGui's keyboard focus moved by keys ImGui handled (arrows in a list or a
    // popup): the DOM focus follows, if it is in the mirror at all. Moves made by a
    // click or by the app itself are not followed: a tap must not pull the DOM
    // focus (and an on-screen keyboard) along, and the app places the screen
    // reader's focus itself (SemanticsTree::focus_node).
    const ImGuiID nav = ImGui::GetCurrentContext()->NavId;
    const bool by_keys = backend_take_nav_keys();
    if (nav != g_m.last_nav) {
        g_m.last_nav = nav;
        if (nav && by_keys && find_node(nav)) doorstep_mirror_follow_focus(nav);
    }
}

bool mirror_focus_text(uint32_t id, bool in_gesture) { return doorstep_mirror_focus_text(id, in_gesture ? 1 : 0) != 0; }
void mirror_blur_text(uint32_t id) { doorstep_mirror_blur_text(id); }
void mirror_set_text(uint32_t id, const std::string& text, int s, int e) { doorstep_mirror_set_text(id, text.c_str(), s, e); }
void mirror_set_selection(uint32_t id, int s, int e) { doorstep_mirror_set_selection(id, s, e); }

bool mirror_node_rect(uint32_t id, float& x, float& y, float& w, float& h) {
    const ui::SemanticNode* n = find_node(id);
    if (!n) return false;
    x = n->x;
    y = n->y;
    w = n->w;
    h = n->h;
    return true;
}

}  // namespace doorstep::web

// Called from mirror.js.
extern "C" {

// A mirror element was activated (click, Enter, Space, a screen reader's double tap).
EMSCRIPTEN_KEEPALIVE void doorstep_mirror_activated(uint32_t id) {
    doorstep::web::g_m.activations.push_back(id);
    doorstep::web::request_redraw(3);
}

// DOM focus moved onto a mirror element (Tab, a screen reader's cursor).
EMSCRIPTEN_KEEPALIVE void doorstep_mirror_focused(uint32_t id) {
    doorstep::web::g_m.focus_request = id;
    doorstep::web::request_redraw(3);
}

// A text field's DOM twin lost focus to something outside the mirror.
EMSCRIPTEN_KEEPALIVE void doorstep_mirror_blurred(uint32_t id) {
    doorstep::web::g_m.blurred = id;
    doorstep::web::request_redraw(3);
}

}
