// The DOM mirror of the semantics tree (ui/semantics.h): real, invisible DOM
// elements laid exactly over the canvas, one per node, so screen readers,
// keyboard users, on-screen keyboards and tests see what ImGui draws
// (Flutter's semantics DOM; the JS is in mirror.js).
//
// C++ side: sends the tree when its hash changes, moves DOM focus along with
// ImGui's keyboard focus, and turns DOM activation and focus into ImGui's
// (ActivateItemByID / nav focus) on the next frame.
#pragma once
#include <cstdint>
#include <string>

namespace doorstep::web {

// Where the DOM's keyboard focus is, which decides who gets the keys.
enum class DomFocus { None, TextField, TextArea, Element };
DomFocus mirror_dom_focus();
bool mirror_key_composing();  // the key event being handled is part of an IME composition

// Before ImGui::NewFrame(): activations asked for by the DOM (ImGui applies
// ActivateItemByID during NewFrame).
void mirror_before_new_frame();
// Right after ImGui::NewFrame(): DOM focus moved to an element -> ImGui's nav focus.
void mirror_after_new_frame();
// After the frame: send the tree if it changed; follow ImGui's nav focus.
void mirror_after_frame();

// The text field's DOM twin (text_input.cpp).
bool mirror_focus_text(uint32_t id, bool in_gesture);  // false when the mirror has no such field
void mirror_blur_text(uint32_t id);
void mirror_set_text(uint32_t id, const std::string& text, int sel_start, int sel_end);
void mirror_set_selection(uint32_t id, int sel_start, int sel_end);

// ImGui's rectangle for a node of the last tree (false if none).
bool mirror_node_rect(uint32_t id, float& x, float& y, float& w, float& h);

}  // namespace doorstep::web
