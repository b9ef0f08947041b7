#include "platform/web/text_input.h"

#include "platform/web/backend_html5.h"
#include "platform/web/mirror.h"
#include "platform/web/redraw.h"
#include "ui/semantics.h"

#include "imgui.h"
#include "imgui_internal.h"

#include <emscripten/emscripten.h>

#include <algorithm>
#include <string>

namespace doorstep::web {

namespace {

struct TextSync {
    uint32_t editing = 0;          // the ImGui field whose DOM twin is in use
    bool auto_focused = false;     // focused for a press: blurred (keyboard down) when editing ends
    uint32_t expect = 0;           // asked ImGui to start editing this field; not active yet
    int expect_frames = 0;
    std::string dom_text;          // what the DOM field holds, as far as we know
    int sel_start = -1, sel_end = -1;  // the selection both sides agree on

    // The DOM's latest value, on its way into ImGui through sem_request_value.
    bool request_pending = false;
    std::string requested;
    int request_frames = 0;

    // The DOM's caret/selection, to apply once ImGui has the same text.
    bool dom_sel_pending = false;
    int dom_sel_start = 0, dom_sel_end = 0;

    double last_dom_input_ms = -1e9;  // when a DOM field last reported new text
    uint32_t last_dom_input_id = 0;   // ...and which
    bool keep_in_view = false;     // the visible area changed (on-screen keyboard): scroll the field into it
    float seen_visible_bottom = 1e9f;
};

TextSync g_t;

constexpr double kTypingPauseMs = 400;

bool dom_typing_recently(uint32_t id) {
    return g_t.last_dom_input_id == id && emscripten_get_now() - g_t.last_dom_input_ms < kTypingPauseMs;
}

// The field ImGui is editing now (an InputText keeps ActiveId while editing).
uint32_t editing_id() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    return (g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId) ? g.ActiveId : 0;
}

std::string imgui_text(const ImGuiInputTextState& s) {
    std::string out;
    out.resize(size_t(s.CurLenW) * 3 + 1);
    const int n = ImTextStrToUtf8(out.data(), int(out.size()), s.TextW.Data, s.TextW.Data + s.CurLenW);
    out.resize(size_t(n));
    return out;
}

void start_editing(uint32_t id, bool auto_focused) {
    // The DOM field's text is on its way (typing began before ImGui started editing,
    // e.g. straight after Tab): keep waiting for it rather than overwrite it.
    const bool from_dom = g_t.expect == id || dom_typing_recently(id);
    g_t.editing = id;
    g_t.auto_focused = auto_focused;
    g_t.expect = 0;
    g_t.sel_start = g_t.sel_end = -1;
    if (!from_dom) {
        g_t.dom_text.clear();
        g_t.request_pending = false;
        g_t.dom_sel_pending = false;
    }
    g_t.keep_in_view = true;
}

// Editing ended. `by_pointer`: a press elsewhere ended it, so the DOM field lets
// go even if the keyboard had put the focus there.
void stop_editing(bool by_pointer) {
    if (g_t.editing && (g_t.auto_focused || by_pointer)) {
        mirror_blur_text(g_t.editing);  // the on-screen keyboard goes away
    } else if (g_t.editing) {
        // The DOM field keeps the keyboard focus (it was reached from the keyboard):
        // give it the text ImGui ended with (Escape restores what was there before).
        for (const ui::SemanticNode& n : ui::sem_tree().nodes) {
            if (n.id != g_t.editing) continue;
            const int end = 1 << 30;  // the DOM clamps it: caret at the end
            mirror_set_text(n.id, n.value, end, end);
        }
    }
    g_t.editing = 0;
    g_t.auto_focused = false;
}

// Push ImGui's text and selection to the DOM twin when they differ from what it
// has. While the person types, the DOM field is the truth: ImGui's text goes back
// only once typing has paused (a filter refusing a character, Escape restoring),
// and ImGui's selection only while it is being made on the canvas (a mouse drag,
// a double click) -- never over a caret the DOM field is moving itself.
void sync_to_dom(uint32_t id, bool force) {
    ImGuiInputTextState* s = ImGui::GetInputTextState(id);
    if (!s) return;
    if (!force && dom_typing_recently(id)) return;
    const int a = std::min(s->Stb.select_start, s->Stb.select_end);
    const int b = std::max(s->Stb.select_start, s->Stb.select_end);
    const int start = s->HasSelection() ? a : s->Stb.cursor;
    const int end = s->HasSelection() ? b : s->Stb.cursor;
    std::string text = imgui_text(*s);
    if (force || text != g_t.dom_text) {
        mirror_set_text(id, text, start, end);
        g_t.dom_text = std::move(text);
    } else if ((start != g_t.sel_start || end != g_t.sel_end) && ImGui::GetIO().MouseDown[0]) {
        mirror_set_selection(id, start, end);
    } else {
        return;
    }
    g_t.sel_start = start;
    g_t.sel_end = end;
}

}  // namespace

void text_input_after_release() {
    const uint32_t id = editing_id();
    if (!id) return;
    if (mirror_focus_text(id, true)) {
        start_editing(id, true);
        sync_to_dom(id, true);  // the caret where the finger put it
    }
}

void text_input_before_new_frame() {
    // An on-screen keyboard changed the visible area: bring the field above it, once.
    const float bottom = backend_visible_bottom();
    if (bottom != g_t.seen_visible_bottom) {
        g_t.seen_visible_bottom = bottom;
        g_t.keep_in_view = true;
    }
    if (!g_t.editing || !g_t.keep_in_view) return;
    g_t.keep_in_view = false;
    float x, y, w, h;
    if (!mirror_node_rect(g_t.editing, x, y, w, h)) return;
    const float top = backend_visible_top() + 8.0f, limit = bottom - 8.0f;
    float shift = 0;
    if (y + h > limit) shift = (y + h) - limit;   // hidden under the keyboard: scroll up
    // but never past the top of what is visible; a field brought down from above keeps room
    // for its label and any problem shown above it (a refused form focuses its first problem).
    if (y - shift < top) shift = y - top - std::min(72.0f, std::max(0.0f, limit - top - h));
    if (shift == 0) return;
    ImGuiContext& g = *ImGui::GetCurrentContext();
    for (ImGuiWindow* win = g.ActiveIdWindow; win; win = win->ParentWindow) {
        if (win->ScrollMax.y <= 0.5f) continue;
        const float target = ImClamp(win->Scroll.y + shift, 0.0f, win->ScrollMax.y);
        ImGui::SetScrollY(win, target);
        break;
    }
}

void text_input_after_frame() {
    const uint32_t id = editing_id();
    ImGuiIO& io = ImGui::GetIO();
    if (id != g_t.editing) {
        if (g_t.expect && id == 0 && ++g_t.expect_frames < 4) return;  // activation on its way
        if (id && io.MouseDown[0]) {
            // A press moved editing to another field: its release moves the DOM focus
            // straight there, so an on-screen keyboard stays up instead of flickering.
            g_t.editing = 0;
            g_t.auto_focused = false;
            return;
        }
        stop_editing(io.MouseDown[0]);
        if (id) {
            // Editing began without a release to hook into: from the keyboard, or
            // from the DOM itself. While a finger or button is still down, the
            // release focuses the field (inside the gesture, for iOS).
            if (io.MouseDown[0]) return;
            const bool from_dom = g_t.expect == id || dom_typing_recently(id);
            if (mirror_focus_text(id, false)) {
                start_editing(id, false);
                // ImGui's text and selection (all selected, as when tabbing into a
                // field) go to the DOM, unless the DOM's own newer text is on its way.
                if (!from_dom) sync_to_dom(id, true);
            }
        }
        g_t.expect = 0;
        return;
    }
    if (!id) return;

    ImGuiInputTextState* s = ImGui::GetInputTextState(id);
    if (!s) return;
    if (g_t.request_pending) {
        // Wait until ImGui holds what the DOM sent (it takes it while drawing the field).
        if (imgui_text(*s) != g_t.requested && ++g_t.request_frames < 4) {
            request_redraw(1);
            return;
        }
        g_t.request_pending = false;
        g_t.dom_text = g_t.requested;
    }
    if (g_t.dom_sel_pending) {
        g_t.dom_sel_pending = false;
        s->Stb.select_start = g_t.dom_sel_start;
        s->Stb.select_end = g_t.dom_sel_end;
        s->Stb.cursor = g_t.dom_sel_end;
        s->Stb.has_preferred_x = 0;
        s->CursorClamp();
        s->CursorFollow = true;
        s->CursorAnimReset();
        g_t.sel_start = std::min(s->Stb.select_start, s->Stb.select_end);
        g_t.sel_end = std::max(s->Stb.select_start, s->Stb.select_end);
        request_redraw(1);  // show the caret where the DOM has it
        return;
    }
    sync_to_dom(id, false);  // ImGui's own edits (a filter refusing a character, Escape restoring)
    // Typing paused recently: one more frame after the pause to compare the texts.
    const double since = emscripten_get_now() - g_t.last_dom_input_ms;
    if (dom_typing_recently(id)) request_redraw_in((kTypingPauseMs - since) / 1000.0 + 0.01);
}

bool text_input_end_editing() {
    if (!editing_id()) return false;
    ImGui::ClearActiveID();  // InputText has written every edit to the buffer already
    return true;
}

}  // namespace doorstep::web

// Called from mirror.js.
extern "C" {

// The DOM field's value changed (typing, autocorrect, paste, dictation, an IME):
// the whole value goes to the ImGui field, which takes it the next time it is drawn.
EMSCRIPTEN_KEEPALIVE void doorstep_text_input(uint32_t id, const char* value, int sel_start, int sel_end) {
    using namespace doorstep::web;
    std::string text(value ? value : "");
    doorstep::ui::sem_request_value(id, text);
    g_t.dom_text = text;
    g_t.last_dom_input_ms = emscripten_get_now();
    g_t.last_dom_input_id = id;
    g_t.request_pending = true;
    g_t.requested = std::move(text);
    g_t.request_frames = 0;
    g_t.dom_sel_pending = true;
    g_t.dom_sel_start = sel_start;
    g_t.dom_sel_end = sel_end;
    if (editing_id() != id) {
        // Typing into a field ImGui is not editing (a screen reader user reached
        // it in the DOM): ImGui starts editing it too, so the caret shows.
        ImGui::ActivateItemByID(id);
        ImGui::GetCurrentContext()->NavNextActivateFlags = ImGuiActivateFlags_PreferInput;
        g_t.expect = id;
        g_t.expect_frames = 0;
    }
    request_redraw(3);
}

// The DOM field's caret or selection moved (arrow keys, a tap, select all).
EMSCRIPTEN_KEEPALIVE void doorstep_text_selection(uint32_t id, int sel_start, int sel_end) {
    using namespace doorstep::web;
    if (g_t.editing != id) return;
    if (sel_start == g_t.sel_start && sel_end == g_t.sel_end) return;
    g_t.dom_sel_pending = true;
    g_t.dom_sel_start = sel_start;
    g_t.dom_sel_end = sel_end;
    request_redraw(2);
}

}
