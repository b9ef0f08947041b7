#include "ui/text_area.h"

#include "ui/theme.h"
#include "ui/widgets.h"

#include "imgui_internal.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <vector>

namespace doorstep::ui {

namespace {

// Where each character of the text sits once wrapped, as ImGui's own text
// drawing wraps it (ImFont::RenderText): pos[i] is the top-left of character i
// (ImGui's character index, as the caret counts), pos[n] where a caret after the
// last character goes.
struct WrappedText {
    std::vector<ImVec2> pos;
    int lines = 1;
};

WrappedText wrap(const std::string& text, ImFont* font, float size, float wrap_w) {
    WrappedText out;
    const float scale = size / font->FontSize;
    const char* s = text.c_str();
    const char* end = s + text.size();
    const char* eol = nullptr;
    float x = 0, y = 0;
    out.pos.reserve(text.size() + 1);
    while (s < end) {
        if (!eol) eol = font->CalcWordWrapPositionA(scale, s, end, wrap_w - x);
        if (s >= eol) {
            x = 0;
            y += size;
            eol = nullptr;
            // A wrap swallows the blanks after it, and one new line.
            while (s < end) {
                const char c = *s;
                if (c == ' ' || c == '\t') {
                    out.pos.push_back(ImVec2(x, y));
                    ++s;
                } else if (c == '\n') {
                    out.pos.push_back(ImVec2(x, y));
                    ++s;
                    break;
                } else {
                    break;
                }
            }
            continue;
        }
        unsigned int c = 0;
        s += ImTextCharFromUtf8(&c, s, end);
        out.pos.push_back(ImVec2(x, y));
        if (c == '\n') {
            x = 0;
            y += size;
            eol = nullptr;
            continue;
        }
        if (c == '\r') continue;
        x += font->GetCharAdvance(ImWchar(c)) * scale;
    }
    out.pos.push_back(ImVec2(x, y));
    out.lines = 1 + int(out.pos.back().y / size + 0.5f);
    return out;
}

// The character index nearest to a point (relative to the text's top-left).
int hit(const WrappedText& w, ImVec2 at, float line_h) {
    const int n = int(w.pos.size());
    const float line_y = std::max(0.0f, std::floor(at.y / line_h)) * line_h;
    int best = n - 1;
    float best_d = 1e30f;
    bool line_found = false;
    for (int i = 0; i < n; ++i) {
        if (std::fabs(w.pos[i].y - line_y) > 0.5f) continue;
        line_found = true;
        float d = std::fabs(w.pos[i].x - at.x);
        if (d < best_d) best_d = d, best = i;
    }
    if (!line_found) return at.y < 0 ? 0 : n - 1;
    return best;
}

bool is_word_char(ImWchar c) { return c != ' ' && c != '\t' && c != '\n' && c != '\r'; }

struct AreaState {
    float scroll = 0;     // how far the text is scrolled inside the box
    int caret = -1;       // the caret and text length last frame: the view follows a change
    size_t length = 0;
    int follow = 0;       // frames left to bring the caret into the page's view
};
std::unordered_map<ImGuiID, AreaState>& areas() {
    static std::unordered_map<ImGuiID, AreaState> m;
    return m;
}

}  // namespace

bool wrapping_text_area(const char* idlabel, std::string& value, int min_lines, int max_lines, ImGuiInputTextFlags flags,
                        ImGuiInputTextCallback callback, void* user_data) {
    ImGuiContext& g = *GImGui;
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImGuiID id = ImGui::GetID(idlabel);
    const float width = ImGui::GetContentRegionAvail().x;
    const float line = ImGui::GetTextLineHeight();
    const float pad_x = style.FramePadding.x, pad_y = style.FramePadding.y;
    const float wrap_w = std::max(20.0f, width - 2 * pad_x - 6);  // room for the caret at a line's end
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();

    // The same height editing or not: a box that changed size as focus left it
    // would move every control below it between a press and its release.
    const WrappedText before = wrap(value, font, size, wrap_w);
    const int rows = std::clamp(before.lines, std::max(1, min_lines), std::max(min_lines, max_lines));
    const float h = float(rows) * line + 2 * pad_y;

    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleColor(ImGuiCol_TextSelectedBg, ImVec4(0, 0, 0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, 0.0f);
    const bool changed = ImGui::InputTextMultiline(idlabel, value.data(), value.capacity() + 1, ImVec2(width, h), flags,
                                                   callback, user_data);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    const ImRect box(ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    g.LastItemData.ID = id;  // the field, not the child window ImGui drew it in

    // Laid out again after ImGui had the text: the mirror's whole new value arrives
    // inside the call without ImGui reporting a change.
    const WrappedText w = wrap(value, font, size, wrap_w);
    const float visible = h - 2 * pad_y;
    const float content = float(w.lines) * line;
    const float max_scroll = std::max(0.0f, content - visible);
    AreaState& area = areas()[id];
    float& scroll = area.scroll;
    ImGuiInputTextState* state = g.ActiveId == id ? ImGui::GetInputTextState(id) : nullptr;
    const ImVec2 origin(box.Min.x + pad_x, box.Min.y + pad_y);

    // Presses and drags land on the character under them in the wrapped text.
    const bool hovered = ImGui::IsMouseHoveringRect(box.Min, box.Max) && ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows);
    if (state) {
        ImGuiIO& io = ImGui::GetIO();
        const ImVec2 at(io.MousePos.x - origin.x, io.MousePos.y - origin.y + scroll);
        const int n = int(w.pos.size()) - 1;
        if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
            int i = std::clamp(hit(w, at, line), 0, n), a = i, b = i;
            while (a > 0 && a - 1 < state->CurLenW && is_word_char(state->TextW[a - 1])) --a;
            while (b < state->CurLenW && is_word_char(state->TextW[b])) ++b;
            state->Stb.select_start = a;
            state->Stb.select_end = state->Stb.cursor = b;
        } else if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            const int i = std::clamp(hit(w, at, line), 0, n);
            state->Stb.cursor = state->Stb.select_start = state->Stb.select_end = i;
        } else if (io.MouseDown[0] && ImGui::IsMouseDragging(ImGuiMouseButton_Left) && !state->SelectedAllMouseLock &&
                   box.Contains(io.MouseClickedPos[0])) {
            const int i = std::clamp(hit(w, at, line), 0, n);
            state->Stb.cursor = state->Stb.select_end = i;
        }
        state->Stb.has_preferred_x = 0;
        state->CursorClamp();
    }

    // Scrolling past the largest height: the caret stays in view while typing; the wheel scrolls.
    if (max_scroll > 0 && hovered) {
        ImGui::SetItemKeyOwner(ImGuiKey_MouseWheelY);  // the page does not scroll too
        if (ImGui::GetIO().MouseWheel != 0) scroll -= ImGui::GetIO().MouseWheel * line * 3;
    }
    const bool caret_moved = state && (state->Stb.cursor != area.caret || value.size() != area.length);
    if (state && (caret_moved || ImGui::GetIO().MouseDown[0])) {
        const float cy = w.pos[size_t(std::clamp(state->Stb.cursor, 0, int(w.pos.size()) - 1))].y;
        if (cy < scroll) scroll = cy;
        if (cy + line > scroll + visible) scroll = cy + line - visible;
    }
    scroll = std::clamp(scroll, 0.0f, max_scroll);
    // The box grows as text is typed: the page follows the caret, so it never ends below the
    // screen. The box takes its new height a frame after the text, and a window's scroll
    // range is known a frame late too, so this looks again for a few frames.
    if (caret_moved) {
        area.follow = 3;
        want_next_frame();
    }
    if (state && area.follow > 0) {
        --area.follow;
        const ImVec2 c = w.pos[size_t(std::clamp(state->Stb.cursor, 0, int(w.pos.size()) - 1))];
        const float y = origin.y - scroll + c.y;
        const ImRect caret(origin.x, y - 4, origin.x + 2, y + line + pad_y + 8);
        ImGuiWindow* win = ImGui::GetCurrentWindow();
        if (caret.Min.y < win->InnerClipRect.Min.y || caret.Max.y > win->InnerClipRect.Max.y) {
            ImGui::ScrollToRect(win, caret, ImGuiScrollFlags_KeepVisibleEdgeY | ImGuiScrollFlags_NoScrollParent);
            want_next_frame();
        }
    }
    area.caret = state ? state->Stb.cursor : -1;
    area.length = value.size();

    // Draw the text wrapped, then the selection and the caret over it.
    const Palette& p = theme();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImRect inner(box.Min.x + 1, box.Min.y + 1, box.Max.x - 1, box.Max.y - 1);
    dl->PushClipRect(inner.Min, inner.Max, true);
    const ImVec2 text_at(origin.x, origin.y - scroll);
    if (state && state->HasSelection()) {
        const int a = std::min(state->Stb.select_start, state->Stb.select_end);
        const int b = std::min(std::max(state->Stb.select_start, state->Stb.select_end), int(w.pos.size()) - 1);
        for (int i = a; i < b; ++i) {
            const ImVec2 c0 = w.pos[size_t(i)];
            const ImVec2 c1 = w.pos[size_t(i + 1)];
            const float x1 = std::fabs(c1.y - c0.y) < 0.5f ? c1.x : c0.x + size * 0.3f;
            dl->AddRectFilled(ImVec2(text_at.x + c0.x, text_at.y + c0.y), ImVec2(text_at.x + x1, text_at.y + c0.y + line),
                              im_col(p.selection.bg));
        }
    }
    const ImVec4 clip = inner.ToVec4();
    dl->AddText(font, size, text_at, im_col(p.field_text), value.c_str(), value.c_str() + value.size(), wrap_w, &clip);
    if (state && !state->HasSelection()) {
        const ImVec2 c = w.pos[size_t(std::clamp(state->Stb.cursor, 0, int(w.pos.size()) - 1))];
        const float x = std::floor(text_at.x + c.x) + 0.5f;
        dl->AddLine(ImVec2(x, text_at.y + c.y), ImVec2(x, text_at.y + c.y + line - 1), im_col(p.field_text), 1.5f);
    }
    if (max_scroll > 0) {  // where in the text the box is: a thin bar at its right edge
        const float track = box.GetHeight() - 8;
        const float thumb = std::max(16.0f, track * visible / content);
        const float y = box.Min.y + 4 + (track - thumb) * (scroll / max_scroll);
        dl->AddRectFilled(ImVec2(box.Max.x - 6, y), ImVec2(box.Max.x - 3, y + thumb), im_col(p.border), 2.0f);
    }
    dl->PopClipRect();
    return changed;
}

}  // namespace doorstep::ui
