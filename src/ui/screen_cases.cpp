// Cases: search and filters over every case on the device, and the clipped row
// list shared with Today. Smooth at 10,000 cases: the filtered index is cached
// and rebuilt only when the filter, the data or the day changes; only visible
// rows are drawn and described.
#include "core/rules/workflow.h"
#include "ui/screens.h"
#include "ui/semantics.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "ui/wording.h"

#include "imgui.h"
#include "imgui_internal.h"

#include <algorithm>
#include <chrono>
#include <set>

namespace doorstep::ui {

namespace {


std::string lower(std::string s) {
    for (char& c : s) c = char(std::tolower((unsigned char)c));
    return s;
}

void build_list(App& app) {
    AppState& s = *app.state;
    const Dataset& d = data(app);
    auto t0 = std::chrono::steady_clock::now();
    CaseList& l = s.list;
    l.rows.clear();
    // Handlers offered in the filter: every investigator on record.
    std::set<std::string> handlers;
    for (const Case& c : d.cases)
        for (const Stage& st : c.stages)
            if (!st.investigator.empty()) handlers.insert(st.investigator);
    l.handlers.assign(handlers.begin(), handlers.end());

    const CaseFilter& f = s.filter;
    std::string needle = lower(f.search);
    // Trim the search words.
    while (!needle.empty() && needle.back() == ' ') needle.pop_back();
    while (!needle.empty() && needle.front() == ' ') needle.erase(needle.begin());
    const std::string* category = f.category > 0 && f.category <= int(d.settings.categories.size())
                                      ? &d.settings.categories[size_t(f.category - 1)].id
                                      : nullptr;
    const std::string* handler = f.handler > 0 && f.handler <= int(l.handlers.size()) ? &l.handlers[size_t(f.handler - 1)] : nullptr;
    for (size_t i = 0; i < d.cases.size(); ++i) {
        const Case& c = d.cases[i];
        const CaseStatus& st = s.statuses[i];
        if (f.status == 1 && !st.open) continue;
        if (f.status == 2 && st.open) continue;
        if (f.stage > 0 && (c.kind != CaseKind::Complaint || st.stage != f.stage)) continue;
        if (f.kind > 0 && int(c.kind) != f.kind - 1) continue;
        if (category && c.category_id != *category) continue;
        if (f.overdue_only && st.urgency != Urgency::Overdue) continue;
        if (handler) {
            const Stage* cur = current_stage(c);
            if (!cur || cur->investigator != *handler) continue;
        }
        if (!needle.empty() && s.haystacks[i].find(needle) == std::string::npos) continue;
        l.rows.push_back(int(i));
    }
    auto due_key = [&](int i) {
        const CaseStatus& st = s.statuses[size_t(i)];
        return st.open && st.due ? st.due->serial() : INT32_MAX;
    };
    switch (f.sort) {
        case 0:
            std::stable_sort(l.rows.begin(), l.rows.end(), [&](int a, int b) { return due_key(a) < due_key(b); });
            break;
        case 1:
            std::stable_sort(l.rows.begin(), l.rows.end(),
                             [&](int a, int b) { return d.cases[size_t(a)].received > d.cases[size_t(b)].received; });
            break;
        case 2:
            std::stable_sort(l.rows.begin(), l.rows.end(),
                             [&](int a, int b) { return d.cases[size_t(a)].received < d.cases[size_t(b)].received; });
            break;
        case 3:
            std::stable_sort(l.rows.begin(), l.rows.end(),
                             [&](int a, int b) { return d.cases[size_t(a)].reference < d.cases[size_t(b)].reference; });
            break;
        default:
            std::stable_sort(l.rows.begin(), l.rows.end(), [&](int a, int b) {
                return lower(resident_text(d.cases[size_t(a)])) < lower(resident_text(d.cases[size_t(b)]));
            });
    }
    l.applied = f;
    l.generation = s.generation;
    l.day = s.today.serial();
    l.build_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

int active_filters(const CaseFilter& f) {
    return (f.stage != 0) + (f.status != 1) + (f.category != 0) + (f.handler != 0) + (f.kind != 0) + (f.overdue_only ? 1 : 0);
}

}  // namespace

void case_rows(App& app, const std::vector<int>& rows, const char* list_name, float max_height) {
    (void)max_height;
    AppState& s = *app.state;
    const Dataset& d = data(app);
    const Palette& p = theme();
    const bool narrow = narrow_layout();
    const float line = ImGui::GetTextLineHeight();
    const float pad = 10;
    const float row_h = std::max(kTargetPx, (narrow ? 3 : 2) * line + 2 * pad + (narrow ? 4 : 2));
    const int n = int(rows.size());
    sem_push(Role::List, list_name, n);
    ImGui::PushID(list_name);
    ImGuiListClipper clipper;
    clipper.Begin(n, row_h + ImGui::GetStyle().ItemSpacing.y);
    while (clipper.Step()) {
        for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
            size_t i = size_t(rows[size_t(r)]);
            if (i >= d.cases.size()) continue;
            const Case& c = d.cases[i];
            const CaseStatus& st = s.statuses[i];
            std::string who = resident_text(c);
            std::string days = st.open ? days_left_text(st) : std::string(st.label);
            std::string stage = stage_text(c, st);
            std::string next = st.open && st.next != NextAction::None ? std::string(st.next_label) : std::string(st.label);
            Ink ink = st.open ? urgency_ink(st.urgency, theme().secondary) : theme().done;

            ImGui::PushID(int(i));
            sem_set_row(r + 1, n);
            sem_push(Role::ListItem, who);
            ImVec2 at = ImGui::GetCursorScreenPos();
            float w = ImGui::GetContentRegionAvail().x;
            bool pressed = ImGui::InvisibleButton("##row", ImVec2(w, row_h));
            bool hovered_sel = ImGui::IsItemHovered() || ImGui::IsItemActive();
            ImGui::GetWindowDrawList()->AddRectFilled(at, ImVec2(at.x + w, at.y + row_h),
                                                      im_col(hovered_sel ? p.selection.bg : p.surface), 4.0f);
            ImGui::RenderNavHighlight(ImRect(at, ImVec2(at.x + w, at.y + row_h)), ImGui::GetItemID());
            std::string name = who + ", " + c.reference + ", " + stage + ", " + next + ", " + days + (c.demo ? ", sample" : "");
            sem_item(Role::Link, name, {}, StateNone, "Opens the case");
            ImDrawList* dl = ImGui::GetWindowDrawList();
            Colour fg = hovered_sel ? p.selection.fg : p.text;
            Colour muted = hovered_sel ? p.selection.fg : p.text_muted;
            dl->AddRect(at, ImVec2(at.x + w, at.y + row_h), im_col(p.border), 4.0f, 0, 1.0f);
            dl->AddRectFilled(at, ImVec2(at.x + 6, at.y + row_h), im_col(ink.bg), 4.0f, ImDrawFlags_RoundCornersLeft);
            float x = at.x + 6 + pad, y = at.y + pad;
            const float right = at.x + w - pad;
            // Badge: days left / overdue in words, in the urgency colour.
            ImVec2 bs = ImGui::CalcTextSize(days.c_str());
            float bx = narrow ? x : at.x + w - pad - bs.x - 12;
            float by = narrow ? y + 2 * line + 4 : y;
            if (!narrow && bx < x + 120) {  // not enough room beside the name: under it
                bx = x;
                by = y + line;
            }
            dl->AddRectFilled(ImVec2(bx, by - 1), ImVec2(bx + bs.x + 12, by + line + 1), im_col(ink.bg), 4.0f);
            dl->AddText(ImVec2(bx + 6, by), im_col(ink.fg), days.c_str());
            ImGui::PushFont(fonts().bold);
            // Text that does not fit ends with an ellipsis; the row's name above says it all.
            std::string title = who + (c.demo ? " (sample)" : "");
            fitted_line(dl, ImVec2(x, y), !narrow && bx > x && by == y ? bx - 8 : right, im_col(fg), title);
            ImGui::PopFont();
            std::string second = c.reference + " · " + stage + " · " + next;
            fitted_line(dl, ImVec2(x, y + line + 2), right, im_col(muted), second);
            if (pressed) open_case(app, c.id);
            sem_pop();
            ImGui::PopID();
        }
    }
    clipper.End();
    ImGui::PopID();
    sem_pop();
    sem_set_row(-1, -1);
}

void draw_cases(App& app) {
    AppState& s = *app.state;
    const Dataset& d = data(app);
    sem_title("Cases — Doorstep");
    heading("Cases", 1);

    FieldOptions search;
    search.hint = "Name, reference, address, postcode or words from the complaint";
    text_field("Search", s.filter.search, search);
    if (s.focus_cases_search) {
        focus_item(last_item_id());
        s.focus_cases_search = false;
    }

    bool& show_filters = s.show_filters;
    int active = active_filters(s.filter);
    std::string toggle = show_filters ? "Hide filters" : (active ? "Filters (" + std::to_string(active) + " on)" : "Filters");
    ButtonOptions tb;
    tb.id = "filters";
    tb.description = show_filters ? "Filters are shown" : "Filters are hidden";
    if (button(toggle, tb)) show_filters = !show_filters;
    if (active) {
        ButtonOptions cb;
        cb.same_line = true;
        if (button("Clear filters", cb)) {
            std::string keep = s.filter.search;
            s.filter = CaseFilter{};
            s.filter.search = keep;
        }
    }
    if (show_filters) {
        std::vector<std::string> statuses = {"All", "Open", "Closed"};
        radio_choice("Status", s.filter.status, statuses);
        std::vector<std::string> stages = {"Any stage", "Stage 1", "Stage 2"};
        radio_choice("Stage", s.filter.stage, stages);
        std::vector<std::string> kinds = {"Any kind"};
        for (auto& k : kind_labels()) kinds.push_back(k);
        combo("Kind", s.filter.kind, kinds);
        std::vector<std::string> cats = {"Any category"};
        for (const Category& c : d.settings.categories) cats.push_back(c.label);
        combo("Category", s.filter.category, cats);
        std::vector<std::string> hs = {"Anyone"};
        for (auto& h : s.list.handlers) hs.push_back(h);
        combo("Handler", s.filter.handler, hs);
        checkbox("Only overdue", s.filter.overdue_only);
        std::vector<std::string> sorts = {"Most urgent first", "Newest first", "Oldest first", "Reference", "Resident name"};
        combo("Sort by", s.filter.sort, sorts);
    }

    if (!(s.list.applied == s.filter) || s.list.generation != s.generation || s.list.day != s.today.serial())
        build_list(app);

    size_t n = s.list.rows.size();
    std::string count = n == 1 ? "1 case" : std::to_string(n) + " cases";
    if (n != d.cases.size()) count += " of " + std::to_string(d.cases.size());
    paragraph(count, true);
    if (n == 0) {
        paragraph(d.cases.empty() ? "There are no cases on this device yet. Log one with New contact, import an export "
                                    "in Settings, or load sample data there."
                                  : "No case matches. Try fewer words or clear the filters.");
        return;
    }
    case_rows(app, s.list.rows, "Matching cases");
}

}  // namespace doorstep::ui
