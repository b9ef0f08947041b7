#include "platform/web/backend_html5.h"

#include "platform/web/mirror.h"
#include "platform/web/redraw.h"
#include "platform/web/text_input.h"
#include "platform/web/touch_scroll.h"
#include "ui/semantics.h"

#include "imgui.h"
#include "imgui_internal.h"

#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <cfloat>
#include <cmath>
#include <cstring>
#include <string>

// backend_html5.js
extern "C" {
int doorstep_backend_install();  // returns 1 on Apple systems
void doorstep_backend_set_clipboard(const char* text);
int doorstep_backend_clipboard_length();
void doorstep_backend_clipboard_copy(char* dest, int cap);
}
// host_web.js: prefers-reduced-motion, read as the finger lifts (the setting can change at any time).
extern "C" int doorstep_host_reduced_motion();

namespace doorstep::web {

namespace {

struct Backend {
    std::string canvas;
    double css_w = 0, css_h = 0;
    float ratio = 1;
    int fb_w = 0, fb_h = 0;
    double last_time = 0;
    int keys_held = 0;              // non-modifier keys down, for ImGui's key repeat
    bool nav_keys = false;          // keys that move ImGui's focus were pressed since the last frame
    bool key_down[ImGuiKey_NamedKey_END] = {};
    // Touch
    long touch_id = -1;             // the finger we follow; others are ignored
    bool touch_caught = false;      // this touch stopped a fling: it presses nothing
    TouchScroll scroll;
    ImGuiID scroll_window = 0;
    bool scroll_y_axis = true, scroll_x_axis = false;
    float visible_top = 0, visible_bottom = 1e9f;
    std::string clipboard;          // for ImGui's GetClipboardTextFn
};

Backend g;

void wake(int frames = 3) { request_redraw(frames); }

// A press still waiting in ImGui's input queue. ImGui may hold a touch press back a
// frame on purpose (it gives the new position a frame of hover first, #2702), so
// "a frame was drawn since" is not enough.
bool press_queued() {
    const ImGuiContext& c = *ImGui::GetCurrentContext();
    for (const ImGuiInputEvent& e : c.InputEventsQueue)
        if (e.Type == ImGuiInputEventType_MouseButton && e.MouseButton.Down) return true;
    return false;
}

// Draw until ImGui has taken the press in (when a decision needs its outcome: which
// widget it activated). At most a few frames: ImGui defers a press by one at most.
void let_imgui_see_press() {
    for (int i = 0; i < 3 && press_queued(); ++i) draw_now();
}

// --- Keyboard ---------------------------------------------------------------------------------

ImGuiKey key_from_name(const char* key, const char* code, unsigned long location) {
    // Keypad keys by their physical position (location 3).
    if (location == DOM_KEY_LOCATION_NUMPAD) {
        if (std::strncmp(code, "Numpad", 6) == 0) {
            const char* k = code + 6;
            if (k[0] >= '0' && k[0] <= '9' && k[1] == 0) return ImGuiKey(ImGuiKey_Keypad0 + (k[0] - '0'));
            if (!std::strcmp(k, "Decimal")) return ImGuiKey_KeypadDecimal;
            if (!std::strcmp(k, "Divide")) return ImGuiKey_KeypadDivide;
            if (!std::strcmp(k, "Multiply")) return ImGuiKey_KeypadMultiply;
            if (!std::strcmp(k, "Subtract")) return ImGuiKey_KeypadSubtract;
            if (!std::strcmp(k, "Add")) return ImGuiKey_KeypadAdd;
            if (!std::strcmp(k, "Enter")) return ImGuiKey_KeypadEnter;
            if (!std::strcmp(k, "Equal")) return ImGuiKey_KeypadEqual;
        }
    }
    struct Named { const char* name; ImGuiKey key; };
    static const Named named[] = {
        {"Tab", ImGuiKey_Tab}, {"ArrowLeft", ImGuiKey_LeftArrow}, {"ArrowRight", ImGuiKey_RightArrow},
        {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow}, {"PageUp", ImGuiKey_PageUp},
        {"PageDown", ImGuiKey_PageDown}, {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End},
        {"Insert", ImGuiKey_Insert}, {"Delete", ImGuiKey_Delete}, {"Backspace", ImGuiKey_Backspace},
        {" ", ImGuiKey_Space}, {"Enter", ImGuiKey_Enter}, {"Escape", ImGuiKey_Escape},
        {"ContextMenu", ImGuiKey_Menu}, {"CapsLock", ImGuiKey_CapsLock}, {"ScrollLock", ImGuiKey_ScrollLock},
        {"NumLock", ImGuiKey_NumLock}, {"PrintScreen", ImGuiKey_PrintScreen}, {"Pause", ImGuiKey_Pause},
        {"'", ImGuiKey_Apostrophe}, {",", ImGuiKey_Comma}, {"-", ImGuiKey_Minus}, {".", ImGuiKey_Period},
        {"/", ImGuiKey_Slash}, {";", ImGuiKey_Semicolon}, {"=", ImGuiKey_Equal}, {"[", ImGuiKey_LeftBracket},
        {"\\", ImGuiKey_Backslash}, {"]", ImGuiKey_RightBracket}, {"`", ImGuiKey_GraveAccent},
    };
    for (const Named& n : named)
        if (!std::strcmp(key, n.name)) return n.key;
    const bool right = location == DOM_KEY_LOCATION_RIGHT;
    if (!std::strcmp(key, "Control")) return right ? ImGuiKey_RightCtrl : ImGuiKey_LeftCtrl;
    if (!std::strcmp(key, "Shift")) return right ? ImGuiKey_RightShift : ImGuiKey_LeftShift;
    if (!std::strcmp(key, "Alt") || !std::strcmp(key, "AltGraph")) return right ? ImGuiKey_RightAlt : ImGuiKey_LeftAlt;
    if (!std::strcmp(key, "Meta") || !std::strcmp(key, "OS")) return right ? ImGuiKey_RightSuper : ImGuiKey_LeftSuper;
    if (key[0] == 'F' && key[1] >= '1' && key[1] <= '9') {
        const int n = std::atoi(key + 1);
        if (n >= 1 && n <= 12) return ImGuiKey(ImGuiKey_F1 + n - 1);
    }
    // Letters and digits by what the layout types (Ctrl+Z on AZERTY is the key marked Z)...
    if (key[0] && !key[1]) {
        const char c = key[0];
        if (c >= 'a' && c <= 'z') return ImGuiKey(ImGuiKey_A + (c - 'a'));
        if (c >= 'A' && c <= 'Z') return ImGuiKey(ImGuiKey_A + (c - 'A'));
        if (c >= '0' && c <= '9') return ImGuiKey(ImGuiKey_0 + (c - '0'));
    }
    // ...and by position when the layout types something else (Cyrillic, Greek...).
    if (!std::strncmp(code, "Key", 3) && code[3] >= 'A' && code[3] <= 'Z' && !code[4])
        return ImGuiKey(ImGuiKey_A + (code[3] - 'A'));
    if (!std::strncmp(code, "Digit", 5) && code[5] >= '0' && code[5] <= '9' && !code[6])
        return ImGuiKey(ImGuiKey_0 + (code[5] - '0'));
    return ImGuiKey_None;
}

bool is_modifier(ImGuiKey k) {
    return (k >= ImGuiKey_LeftCtrl && k <= ImGuiKey_RightSuper);
}

void update_modifiers(const EmscriptenKeyboardEvent* e) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, e->ctrlKey);
    io.AddKeyEvent(ImGuiMod_Shift, e->shiftKey);
    io.AddKeyEvent(ImGuiMod_Alt, e->altKey);
    io.AddKeyEvent(ImGuiMod_Super, e->metaKey);
}

void set_key(ImGuiKey k, bool down) {
    if (k == ImGuiKey_None) return;
    ImGui::GetIO().AddKeyEvent(k, down);
    if (is_modifier(k) || k >= ImGuiKey_NamedKey_END) return;
    if (down && !g.key_down[k]) ++g.keys_held;
    if (down) g.nav_keys = true;
    if (!down && g.key_down[k]) --g.keys_held;
    g.key_down[k] = down;
}

void release_all_keys() {
    for (int k = ImGuiKey_NamedKey_BEGIN; k < ImGuiKey_NamedKey_END; ++k)
        if (g.key_down[k]) set_key(ImGuiKey(k), false);
    g.keys_held = 0;
}

// One Unicode character typed (not a key name such as "Enter"): UTF-8 of one code point.
bool is_character(const char* key) {
    const unsigned char c = static_cast<unsigned char>(key[0]);
    if (c < 0x20) return false;
    const size_t len = std::strlen(key);
    const size_t expect = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return len == expect;
}

EM_BOOL on_key(int type, const EmscriptenKeyboardEvent* e, void*) {
    const bool down = type == EMSCRIPTEN_EVENT_KEYDOWN;
    // A keyboard composing text (IME, Android's 229): the focused DOM field reads it.
    if (e->keyCode == 229 || !std::strcmp(e->key, "Process") || !std::strcmp(e->key, "Unidentified") ||
        !std::strcmp(e->key, "Dead") || (down && mirror_key_composing()))
        return EM_FALSE;
    const ImGuiKey key = key_from_name(e->key, e->code, e->location);
    const DomFocus focus = mirror_dom_focus();
    const bool shortcut = e->ctrlKey || e->metaKey;
    ImGuiIO& io = ImGui::GetIO();

    if (!down) {  // releases always reach ImGui, so no key stays stuck
        update_modifiers(e);
        set_key(key, false);
        wake();
        return EM_FALSE;
    }

    // Ctrl+F (Cmd+F) or "/" outside a text field is the app's find: focus goes to the
    // search on Cases (app.cpp); the browser's find could not read the canvas anyway.
    const bool find = (shortcut && key == ImGuiKey_F) || (!shortcut && !e->altKey && key == ImGuiKey_Slash);
    if (find && focus != DomFocus::TextField && focus != DomFocus::TextArea) {
        update_modifiers(e);
        set_key(key, true);
        wake();
        return EM_TRUE;
    }

    if (focus == DomFocus::TextField || focus == DomFocus::TextArea) {
        // The DOM field edits the text (typing, Backspace, caret keys, copy and paste,
        // autocorrect, dictation) and tells ImGui the result; ImGui only hears keys
        // that end editing: Enter in a single-line field, and Escape (see below).
        // Escape ends editing and keeps what was typed (ImGui would put the old text
        // back: an officer's notes must not vanish on a reflex key); a second Escape
        // reaches ImGui (closing a dialog).
        if (key == ImGuiKey_Escape && text_input_end_editing()) {
            wake();
            return EM_TRUE;
        }
        const bool ends = key == ImGuiKey_Escape || (key == ImGuiKey_Enter && focus == DomFocus::TextField);
        if (!ends) return EM_FALSE;
        update_modifiers(e);
        set_key(key, true);
        wake();
        return EM_FALSE;
    }
    if (focus == DomFocus::Element) {
        // Tab, Enter and Space belong to the focused element (moving focus, activating
        // it); arrows, paging and Escape also reach ImGui (lists, popups, dialogs).
        const bool forward = key == ImGuiKey_Escape || key == ImGuiKey_UpArrow || key == ImGuiKey_DownArrow ||
                             key == ImGuiKey_LeftArrow || key == ImGuiKey_RightArrow || key == ImGuiKey_PageUp ||
                             key == ImGuiKey_PageDown || is_modifier(key);
        if (!forward) return EM_FALSE;
        update_modifiers(e);
        set_key(key, true);
        wake();
        return EM_FALSE;
    }

    // Nothing in the mirror has focus. Tab enters the mirror (the page's own tab
    // order, which is ImGui's too: see mirror.cpp); every other key is ImGui's.
    if (key == ImGuiKey_Tab) return EM_FALSE;
    update_modifiers(e);
    set_key(key, true);
    if (shortcut && (key == ImGuiKey_C || key == ImGuiKey_X)) {
        // ImGui copies during its next frame, but the browser's 'copy' event comes
        // right after this handler: draw that frame now so the text is ready.
        draw_now();
        wake();
        return EM_FALSE;  // let the browser raise 'copy' / 'cut'
    }
    if (shortcut && key == ImGuiKey_V) {
        // Wait for the 'paste' event (it carries the text); it sends Ctrl+V on.
        set_key(key, false);
        return EM_FALSE;
    }
    if (!shortcut && is_character(e->key)) io.AddInputCharactersUTF8(e->key);
    wake();
    // Keep the browser from acting on keys ImGui uses (Tab moving focus out,
    // Space scrolling, Backspace...), but not on shortcuts (reload, zoom, devtools).
    return shortcut || e->altKey ? EM_FALSE : EM_TRUE;
}

EM_BOOL on_window_focus(int type, const EmscriptenFocusEvent*, void*) {
    ImGuiIO& io = ImGui::GetIO();
    if (type == EMSCRIPTEN_EVENT_BLUR) release_all_keys();
    io.AddFocusEvent(type == EMSCRIPTEN_EVENT_FOCUS);
    wake();
    return EM_FALSE;
}

// --- Mouse ------------------------------------------------------------------------------------

int imgui_button(unsigned short b) { return b == 0 ? 0 : b == 2 ? 1 : b == 1 ? 2 : -1; }

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    const float x = float(e->targetX), y = float(e->targetY);
    const int button = imgui_button(e->button);
    switch (type) {
        case EMSCRIPTEN_EVENT_MOUSEDOWN:
            io.AddMousePosEvent(x, y);
            if (button >= 0) io.AddMouseButtonEvent(button, true);
            wake();
            return EM_TRUE;  // no text selection, no focus change: ImGui decides
        case EMSCRIPTEN_EVENT_MOUSEUP: {
            const bool pressed = press_queued() || (button >= 0 && io.MouseDown[button]);
            if (!pressed) return EM_FALSE;  // a press that began outside the page
            let_imgui_see_press();           // ImGui must have seen the press first...
            if (button == 0) text_input_after_release();  // ...to focus a text field during the gesture
            io.AddMousePosEvent(x, y);
            if (button >= 0) io.AddMouseButtonEvent(button, false);
            wake();
            return EM_FALSE;
        }
        case EMSCRIPTEN_EVENT_MOUSEMOVE:
            io.AddMousePosEvent(x, y);
            wake(2);
            return EM_FALSE;
        case EMSCRIPTEN_EVENT_MOUSELEAVE:
            if (!io.MouseDown[0]) io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
            wake(2);
            return EM_FALSE;
        default:
            return EM_FALSE;
    }
}

// Releases anywhere in the page count (a drag may end outside the canvas). The
// canvas fills the window from its top-left corner, so page = canvas coordinates.
EM_BOOL on_document_mouseup(int type, const EmscriptenMouseEvent* e, void* user) {
    EmscriptenMouseEvent copy = *e;
    copy.targetX = e->clientX;
    copy.targetY = e->clientY;
    return on_mouse(type, &copy, user);
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    // Pixels (trackpads, most mice in Chromium): about 100 px per notch; lines: ~3 per notch.
    float scale = 1.0f;
    if (e->deltaMode == DOM_DELTA_PIXEL) scale = 1.0f / 100.0f;
    else if (e->deltaMode == DOM_DELTA_LINE) scale = 1.0f / 3.0f;
    else scale = 2.0f;
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_Mouse);
    io.AddMousePosEvent(float(e->mouse.targetX), float(e->mouse.targetY));
    // Shift+wheel scrolls sideways in browsers; ImGui does the same itself when Shift is held.
    io.AddMouseWheelEvent(float(-e->deltaX) * scale, float(-e->deltaY) * scale);
    wake();
    return EM_TRUE;  // the page itself never scrolls
}

// --- Touch ------------------------------------------------------------------------------------

ImGuiWindow* scrollable_ancestor(ImGuiWindow* w, bool y_axis) {
    for (; w; w = w->ParentWindow) {
        if (w->Flags & ImGuiWindowFlags_NoScrollWithMouse) continue;
        if ((y_axis ? w->ScrollMax.y : w->ScrollMax.x) > 0.5f) return w;
    }
    return nullptr;
}

ImGuiID scrollbar_id(ImGuiWindow* w, bool y_axis) {
    return ImHashStr(y_axis ? "#SCROLLY" : "#SCROLLX", 0, w->ID);
}

// The finger crossed the threshold: scroll, unless ImGui is dragging something
// that needs the finger (a scrollbar, a slider) or there is nothing to scroll.
void decide_scroll_or_drag() {
    let_imgui_see_press();
    ImGuiContext& c = *ImGui::GetCurrentContext();
    const float tx = g.scroll.last_x - g.scroll.start_x, ty = g.scroll.last_y - g.scroll.start_y;
    const bool vertical = std::fabs(ty) >= std::fabs(tx);
    ImGuiWindow* hovered = c.HoveredWindow;
    ImGuiWindow* target = scrollable_ancestor(hovered, vertical);
    if (!target) target = scrollable_ancestor(hovered, !vertical);
    bool drag = target == nullptr;
    for (ImGuiWindow* w = hovered; w && !drag; w = w->ParentWindow)
        if (c.ActiveId && (c.ActiveId == scrollbar_id(w, true) || c.ActiveId == scrollbar_id(w, false))) drag = true;
    if (!drag && c.ActiveId) {
        for (const ui::SemanticNode& n : ui::sem_tree().nodes)
            if (n.id == c.ActiveId && n.role == ui::Role::Slider) drag = true;
    }
    if (drag) {
        touch_pass_through(g.scroll);
        ImGui::GetIO().AddMousePosEvent(g.scroll.last_x, g.scroll.last_y);
        return;
    }
    // Take the press away from the widget under the finger: it must not fire on release.
    if (c.ActiveId) ImGui::ClearActiveID();
    ImGui::SetKeyOwner(ImGuiKey_MouseLeft, target->ID, ImGuiInputFlags_LockUntilRelease);
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // nothing is hovered under a scrolling finger
    io.AddMouseButtonEvent(0, false);
    g.scroll_window = target->ID;
    g.scroll_y_axis = target->ScrollMax.y > 0.5f;
    g.scroll_x_axis = target->ScrollMax.x > 0.5f;
    touch_take_over(g.scroll);
}

const EmscriptenTouchPoint* followed_touch(const EmscriptenTouchEvent* e, bool changed_only) {
    for (int i = 0; i < e->numTouches; ++i) {
        const EmscriptenTouchPoint& t = e->touches[i];
        if (t.identifier == g.touch_id && (!changed_only || t.isChanged)) return &t;
    }
    return nullptr;
}

EM_BOOL on_touch(int type, const EmscriptenTouchEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    const double now = emscripten_get_now();
    using P = TouchScroll::Phase;
    switch (type) {
        case EMSCRIPTEN_EVENT_TOUCHSTART: {
            if (g.touch_id >= 0) return EM_TRUE;  // a second finger: ignored
            const EmscriptenTouchPoint* t = nullptr;
            for (int i = 0; i < e->numTouches; ++i)
                if (e->touches[i].isChanged) t = &e->touches[i];
            if (!t) return EM_TRUE;
            g.touch_id = t->identifier;
            const float x = float(t->targetX), y = float(t->targetY);
            g.touch_caught = touch_begin(g.scroll, x, y, now);
            if (g.touch_caught) {  // stopping a fling presses nothing
                wake();
                return EM_TRUE;
            }
            // No hover before the press: position and press arrive together.
            io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
            io.AddMousePosEvent(x, y);
            io.AddMouseButtonEvent(0, true);
            wake();
            return EM_TRUE;  // no emulated mouse events, no double-tap zoom
        }
        case EMSCRIPTEN_EVENT_TOUCHMOVE: {
            const EmscriptenTouchPoint* t = followed_touch(e, true);
            if (!t) return EM_TRUE;
            const float x = float(t->targetX), y = float(t->targetY);
            const bool crossed = touch_move(g.scroll, x, y, now);
            if (g.touch_caught) {
                if (crossed) {  // a caught list can be dragged straight on
                    g.touch_caught = false;
                    touch_take_over(g.scroll);
                }
                wake();
                return EM_TRUE;
            }
            if (crossed) decide_scroll_or_drag();
            else if (g.scroll.phase == P::Pending || g.scroll.phase == P::Passthrough) {
                io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
                io.AddMousePosEvent(x, y);
            }
            wake();
            return EM_TRUE;
        }
        case EMSCRIPTEN_EVENT_TOUCHEND:
        case EMSCRIPTEN_EVENT_TOUCHCANCEL: {
            const EmscriptenTouchPoint* t = followed_touch(e, true);
            if (!t) return EM_TRUE;
            g.touch_id = -1;
            const float x = float(t->targetX), y = float(t->targetY);
            const bool cancelled = type == EMSCRIPTEN_EVENT_TOUCHCANCEL;
            const P phase = g.scroll.phase;
            if (cancelled) {
                touch_cancel(g.scroll);
            } else {
                touch_move(g.scroll, x, y, now);
                touch_end(g.scroll, now, /*momentum=*/doorstep_host_reduced_motion() == 0);  // no fling when motion is reduced
            }
            if (g.touch_caught || phase == P::Moving) {
                g.touch_caught = false;
                wake();
                return EM_TRUE;
            }
            io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
            if (cancelled) {
                // The system took the touch (a gesture, an alert): nothing may fire.
                if (ImGui::GetCurrentContext()->ActiveId) ImGui::ClearActiveID();
                io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
                io.AddMouseButtonEvent(0, false);
            } else {
                let_imgui_see_press();
                text_input_after_release();  // in the gesture: iOS raises the keyboard only then
                io.AddMousePosEvent(x, y);
                io.AddMouseButtonEvent(0, false);
                io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);  // a lifted finger hovers nothing
            }
            wake();
            return EM_TRUE;
        }
        default:
            return EM_FALSE;
    }
}

void apply_touch_scroll(float dt) {
    if (!touch_active(g.scroll)) return;
    const ScrollStep step = touch_step(g.scroll, dt);
    ImGuiWindow* w = g.scroll_window ? ImGui::FindWindowByID(g.scroll_window) : nullptr;
    if (!w) {
        touch_cancel(g.scroll);
        return;
    }
    // Pending targets from earlier steps count: several steps may come before ImGui applies one.
    const float cur_y = w->ScrollTarget.y < FLT_MAX ? w->ScrollTarget.y : w->Scroll.y;
    const float cur_x = w->ScrollTarget.x < FLT_MAX ? w->ScrollTarget.x : w->Scroll.x;
    bool hit_x = false, hit_y = false;
    if (g.scroll_y_axis && step.dy != 0) {
        const float want = cur_y + step.dy;
        const float y = ImClamp(want, 0.0f, w->ScrollMax.y);
        hit_y = y != want;
        ImGui::SetScrollY(w, y);
    }
    if (g.scroll_x_axis && step.dx != 0) {
        const float want = cur_x + step.dx;
        const float x = ImClamp(want, 0.0f, w->ScrollMax.x);
        hit_x = x != want;
        ImGui::SetScrollX(w, x);
    }
    if (!g.scroll_x_axis) hit_x = true;
    if (!g.scroll_y_axis) hit_y = true;
    if (hit_x || hit_y) touch_hit_limit(g.scroll, hit_x, hit_y);
}

// --- Size and pixel ratio ---------------------------------------------------------------------

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    wake();
    return EM_FALSE;
}

void sync_canvas_size() {
    double w = 0, h = 0;
    emscripten_get_element_css_size(g.canvas.c_str(), &w, &h);
    const float ratio = float(emscripten_get_device_pixel_ratio());
    const int fb_w = int(std::lround(w * ratio)), fb_h = int(std::lround(h * ratio));
    if (fb_w != g.fb_w || fb_h != g.fb_h) emscripten_set_canvas_element_size(g.canvas.c_str(), fb_w, fb_h);
    g.css_w = w;
    g.css_h = h;
    g.ratio = ratio > 0 ? ratio : 1.0f;
    g.fb_w = fb_w;
    g.fb_h = fb_h;
}

// --- Clipboard --------------------------------------------------------------------------------

void set_clipboard(void*, const char* text) { doorstep_backend_set_clipboard(text ? text : ""); }

const char* get_clipboard(void*) {
    const int n = doorstep_backend_clipboard_length();
    g.clipboard.assign(size_t(n > 0 ? n : 0) + 1, '\0');
    if (n > 0) doorstep_backend_clipboard_copy(g.clipboard.data(), n + 1);
    g.clipboard.resize(size_t(n > 0 ? n : 0));
    return g.clipboard.c_str();
}

}  // namespace

void backend_init(const char* canvas) {
    g.canvas = canvas;
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "doorstep_html5";
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would mean drawing forever
    io.SetClipboardTextFn = set_clipboard;
    io.GetClipboardTextFn = get_clipboard;

    const char* c = g.canvas.c_str();
    emscripten_set_mousedown_callback(c, nullptr, EM_TRUE, on_mouse);
    emscripten_set_mousemove_callback(c, nullptr, EM_TRUE, on_mouse);
    emscripten_set_mouseleave_callback(c, nullptr, EM_TRUE, on_mouse);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_TRUE, on_document_mouseup);
    emscripten_set_wheel_callback(c, nullptr, EM_FALSE, on_wheel);
    emscripten_set_touchstart_callback(c, nullptr, EM_TRUE, on_touch);
    emscripten_set_touchmove_callback(c, nullptr, EM_TRUE, on_touch);
    emscripten_set_touchend_callback(c, nullptr, EM_TRUE, on_touch);
    emscripten_set_touchcancel_callback(c, nullptr, EM_TRUE, on_touch);
    emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_key);
    emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_key);
    emscripten_set_focus_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_window_focus);
    emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_window_focus);
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
    // Pixel ratio changes, the visual viewport, copy and paste events.
    io.ConfigMacOSXBehaviors = doorstep_backend_install() != 0;  // Cmd+C, Cmd+Z, Option+arrows
    sync_canvas_size();
    g.last_time = emscripten_get_now();
}

void backend_new_frame() {
    sync_canvas_size();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(g.css_w), float(g.css_h));
    io.DisplayFramebufferScale = ImVec2(g.ratio, g.ratio);
    const double now = emscripten_get_now();
    // Real elapsed time, even after a long idle: ImGui's double-click and
    // tooltip timings depend on it.
    io.DeltaTime = float(std::max(now - g.last_time, 0.1) / 1000.0);
    g.last_time = now;
    apply_touch_scroll(io.DeltaTime);
}

float backend_pixel_ratio() {
    if (g.fb_w == 0) sync_canvas_size();
    return g.ratio;
}
int backend_framebuffer_width() { return g.fb_w; }
int backend_framebuffer_height() { return g.fb_h; }
bool backend_wants_frames() { return g.keys_held > 0 || touch_active(g.scroll); }

bool backend_take_nav_keys() {
    const bool pressed = g.nav_keys || g.keys_held > 0;  // held keys repeat
    g.nav_keys = false;
    return pressed;
}
float backend_visible_top() { return g.visible_top; }
float backend_visible_bottom() { return g.visible_bottom; }

}  // namespace doorstep::web

// Called from backend_html5.js.
extern "C" {

// Something outside ImGui's events changed what to draw (pixel ratio, page shown again...).
EMSCRIPTEN_KEEPALIVE void doorstep_backend_wake() { doorstep::web::request_redraw(3); }

// The 'paste' event brought the clipboard's text: hand ImGui its Ctrl+V now.
EMSCRIPTEN_KEEPALIVE void doorstep_backend_paste() {
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiKey mod = io.ConfigMacOSXBehaviors ? ImGuiMod_Super : ImGuiMod_Ctrl;
    io.AddKeyEvent(mod, true);
    io.AddKeyEvent(ImGuiKey_V, true);
    io.AddKeyEvent(ImGuiKey_V, false);
    io.AddKeyEvent(mod, false);
    doorstep::web::request_redraw(3);
}

// The visual viewport (what an on-screen keyboard leaves visible), CSS px.
EMSCRIPTEN_KEEPALIVE void doorstep_backend_visible(float top, float bottom) {
    doorstep::web::g.visible_top = top;
    doorstep::web::g.visible_bottom = bottom;
    doorstep::web::request_redraw(3);
}

}
