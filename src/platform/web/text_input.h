// Text fields and the on-screen keyboard: one mechanism. The active ImGui text
// field's DOM twin in the mirror (a real <input>/<textarea>, font-size 16 px)
// takes the keyboard focus, so tablets raise their keyboard, dictation and
// autocorrect work, and IMEs compose. The DOM field's whole value goes back to
// ImGui through sem_request_value (autocorrect replaces whole words, so no
// key-by-key replay); ImGui's own edits and selection come back to the DOM field.
#pragma once
#include <cstdint>

namespace doorstep::web {

// In a pointer release handler, after ImGui has seen the press: if that press
// made a text field active, focus its DOM twin now (iOS raises the keyboard
// only for a focus made during the user's gesture).
void text_input_after_release();

// Before ImGui::NewFrame(): keep the field being edited above an on-screen keyboard.
void text_input_before_new_frame();
// After the frame: follow which field ImGui edits; sync text and selection to the DOM.
void text_input_after_frame();

// Escape in a DOM field: ImGui stops editing, keeping the text as it is (the DOM
// field keeps the focus). False when ImGui was not editing anything.
bool text_input_end_editing();

}  // namespace doorstep::web
