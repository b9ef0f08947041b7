// A multi-line text field whose text wraps as it is typed. ImGui 1.90 does not
// wrap while editing (only the end of a long line would show), so ImGui edits the
// text out of sight and this draws it wrapped at the field's width, with the caret
// and the selection, and puts a press, drag or double-click on the character under
// it. The box grows with its text from `min_lines` up to `max_lines`, then scrolls:
// it follows the caret while editing, and the mouse wheel scrolls it.
#pragma once
#include "imgui.h"

#include <string>

namespace doorstep::ui {

// `value` is the text; callback and user_data go to ImGui::InputTextMultiline
// (which must resize `value`: ImGuiInputTextFlags_CallbackResize). Returns true
// when the text changed. The field's id is ImGui::GetID(idlabel).
bool wrapping_text_area(const char* idlabel, std::string& value, int min_lines, int max_lines, ImGuiInputTextFlags flags,
                        ImGuiInputTextCallback callback, void* user_data);

}  // namespace doorstep::ui
