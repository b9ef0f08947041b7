#include "ui/form_problems.h"

#include "ui/semantics.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include "imgui.h"
#include "imgui_internal.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>

namespace doorstep::ui {

namespace {

FormProblems* g_form = nullptr;       // the form drawing now
int g_focus_frames = 0;               // > 0: the first problem drawn takes the focus
std::unordered_map<std::string, ImGuiID> g_field_ids;  // label -> id of the field drawn with a problem

// "stages[0].points[1].text" -> "points.text", and the last index (1).
std::string normalised_path(const std::string& path, int& last_index) {
    std::string out;
    last_index = -1;
    for (size_t i = 0; i < path.size(); ++i) {
        if (path[i] == '[') {
            size_t close = path.find(']', i);
            if (close == std::string::npos) break;
            last_index = std::atoi(path.c_str() + i + 1);
            i = close;
            continue;
        }
        out += path[i];
    }
    if (out.compare(0, 7, "stages.") == 0) out.erase(0, 7);
    return out;
}

bool ends_with_key(const std::string& path, const std::string& key) {
    if (path == key) return true;
    return path.size() > key.size() && path.compare(path.size() - key.size(), key.size(), key) == 0 &&
           path[path.size() - key.size() - 1] == '.';
}

}  // namespace

std::string plain_sentence(const std::string& message) {
    std::string s = message;
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
    if (s.empty()) return s;
    s[0] = char(std::toupper(static_cast<unsigned char>(s[0])));
    char last = s.back();
    if (last != '.' && last != '?' && last != '!') s += '.';
    return s;
}

std::string error_field_path(const Error& e) {
    const std::string& w = e.where;
    if (w.compare(0, 5, "case ") == 0) {
        size_t comma = w.find(", ");
        return comma == std::string::npos ? std::string() : w.substr(comma + 2);
    }
    return w;
}

FormProblem problem_from(const Error& e, const FieldLabels& labels) {
    int index = -1;
    const std::string path = normalised_path(error_field_path(e), index);
    FormProblem p{{}, plain_sentence(e.message)};
    for (const auto& [key, label] : labels) {
        if (!ends_with_key(path, key)) continue;
        p.field = label;
        size_t at = p.field.find("{n}");
        if (at != std::string::npos) p.field.replace(at, 3, std::to_string(index < 0 ? 1 : index + 1));
        break;
    }
    return p;
}

// "Resident's name: Give ..." but "What do they want to make? Choose ..." (no "?:").
static std::string labelled(const FormProblem& f) {
    if (f.field.empty()) return f.message;
    const char last = f.field.back();
    return f.field + (last == '?' || last == '.' || last == ':' ? " " : ": ") + f.message;
}

std::string problems_announcement(const FormProblems& p) {
    std::string t = p.list.size() == 1 ? "There is a problem" : "There are " + std::to_string(p.list.size()) + " problems";
    for (const FormProblem& f : p.list) t += ". " + labelled(f);
    return t;
}

void refuse_form(FormProblems& into, std::vector<FormProblem> problems, const std::string& engine_text) {
    into.list = std::move(problems);
    into.engine_text = engine_text;
    g_focus_frames = into.list.empty() ? 0 : 3;
    if (!into.list.empty()) sem_announce(problems_announcement(into), true);
}

void refuse_form(FormProblems& into, const Error& e, const FieldLabels& labels) {
    refuse_form(into, std::vector<FormProblem>{problem_from(e, labels)}, e.text());
}

void refuse_form(FormProblems& into, const std::string& field, const std::string& sentence) {
    refuse_form(into, std::vector<FormProblem>{FormProblem{field, sentence}}, field.empty() ? sentence : field + ": " + sentence);
}

void form_problems_begin(FormProblems* problems) { g_form = problems; }

void form_problems_begin_frame() {
    if (g_focus_frames > 0) --g_focus_frames;  // the request lives a few frames, then lapses
    g_form = nullptr;
}

void form_problems_end() { g_form = nullptr; }

const FormProblem* field_problem(const std::string& label) {
    if (!g_form || label.empty()) return nullptr;
    for (const FormProblem& p : g_form->list)
        if (p.field == label) return &p;
    return nullptr;
}

bool field_takes_problem_focus(const std::string& label, unsigned id) {
    if (!field_problem(label)) return false;
    g_field_ids[label] = id;
    if (g_focus_frames <= 0) return false;
    g_focus_frames = 0;
    return true;
}

void field_problem_fixed(const std::string& label) {
    if (!g_form) return;
    auto& l = g_form->list;
    l.erase(std::remove_if(l.begin(), l.end(), [&](const FormProblem& p) { return p.field == label; }), l.end());
}

bool problem_focus_pending() { return g_focus_frames > 0; }

void problem_summary(const FormProblems& p) {
    if (p.list.empty()) return;
    const Ink& e = theme().error;
    const std::string title =
        p.list.size() == 1 ? "There is a problem" : "There are " + std::to_string(p.list.size()) + " problems";
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float w = ImGui::GetContentRegionAvail().x, pad = 12, bar = 6;
    const ImVec2 start = ImGui::GetCursorScreenPos();
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(start.x + bar + pad, start.y + pad));
    ImGui::BeginGroup();
    ImGui::PushStyleColor(ImGuiCol_Text, im_vec(e.fg));
    ImGui::PushFont(fonts().h2);
    ImGui::PushTextWrapPos(start.x + w - pad - ImGui::GetWindowPos().x);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    sem_text(Role::Alert, problems_announcement(p));
    bool focus_here = g_focus_frames > 0;
    sem_push(Role::List, title);
    const float wrap = w - 2 * pad - bar;
    for (size_t i = 0; i < p.list.size(); ++i) {
        const FormProblem& f = p.list[i];
        const std::string text = labelled(f);
        ImVec2 ts = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap);
        ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::PushID(int(i));
        bool pressed = ImGui::InvisibleButton("##problem", ImVec2(wrap, std::max(32.0f, ts.y + 8)));
        ImGui::PopID();
        const ImGuiID id = ImGui::GetItemID();
        ImGui::RenderNavHighlight(ImRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()), id);
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(at.x, at.y + 4), im_col(e.fg), text.c_str(), nullptr, wrap);
        // Underlined like a link, line by line would need the wrap points: one rule under the last line.
        float line_y = at.y + 4 + ts.y - 1;
        float last_w = std::min(wrap, ImGui::CalcTextSize(text.c_str()).x);
        dl->AddLine(ImVec2(at.x, line_y), ImVec2(at.x + (ts.y > ImGui::GetTextLineHeight() * 1.5f ? wrap : last_w), line_y),
                    im_col(e.fg), 1.0f);
        auto it = g_field_ids.find(f.field);
        const bool has_field = !f.field.empty() && it != g_field_ids.end();
        sem_item(Role::Link, text, {}, StateNone, has_field ? "Goes to the field" : "");
        if (focus_here && i == 0) {
            // No field took the focus (the problem is about the form as a whole): the summary does.
            ImGui::SetFocusID(id, ImGui::GetCurrentWindow());
            ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
            sem_focus_node(id);
            g_focus_frames = 0;
        }
        if (pressed && has_field) focus_item(it->second);
    }
    sem_pop();
    ImGui::PopStyleColor();
    ImGui::EndGroup();
    const float h = ImGui::GetItemRectMax().y - start.y + pad;
    dl->ChannelsSetCurrent(0);
    dl->AddRectFilled(start, ImVec2(start.x + w, start.y + h), im_col(e.bg), 4.0f);
    dl->AddRectFilled(start, ImVec2(start.x + bar, start.y + h), im_col(e.fg));
    dl->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(start.x, start.y + h));
    ImGui::Dummy(ImVec2(w, 8));
}

}  // namespace doorstep::ui
