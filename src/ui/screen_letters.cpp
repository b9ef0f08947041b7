// Letters: choose a case and a letter, see the Code's checklist (present or
// missing), preview the text, export it as HTML or text, print, and mark it sent
// (workflow's record_letter_sent keeps the copy as sent).
#include "core/letters/letters.h"
#include "core/rules/workflow.h"
#include "storage/case_store.h"
#include "ui/screens.h"
#include "ui/semantics.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "ui/wording.h"

#include "imgui.h"

#include <algorithm>

namespace doorstep::ui {

namespace {

// The letters that fit the case's state, the most likely first.
std::vector<LetterKind> kinds_for(const Case& c) {
    std::vector<LetterKind> out;
    auto add = [&](LetterKind k) {
        if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
    };
    if (c.refusal) add(c.refusal->at_escalation ? LetterKind::RefuseEscalation : LetterKind::Refusal);
    if (c.kind == CaseKind::ServiceRequest) add(LetterKind::ServiceRequest);
    for (auto it = c.stages.rbegin(); it != c.stages.rend(); ++it) {
        const Stage& s = *it;
        if (s.number == 2) {
            if (s.responded) add(LetterKind::Response2);
            if (!s.extensions.empty()) add(LetterKind::Extension2);
            if (s.acknowledged) add(LetterKind::Ack2);
        } else if (s.number == 1) {
            if (s.responded) add(LetterKind::Response1);
            if (!s.extensions.empty()) add(LetterKind::Extension1);
            if (s.acknowledged) add(LetterKind::Ack1);
        }
    }
    if (!c.hazards.empty()) add(LetterKind::HazardSummary);
    for (LetterKind k : all_letter_kinds()) add(k);
    return out;
}

}  // namespace

void draw_letters(App& app) {
    AppState& s = *app.state;
    const Dataset& d = data(app);
    LettersState& ls = s.letters;
    sem_title("Letters — Doorstep");
    heading("Letters", 1);

    int idx = ls.case_id.empty() ? -1 : case_index(app, ls.case_id);
    if (idx < 0) {
        paragraph("Choose the case to write to. Open a case and use Letters for this case, or find it here.", true);
        FieldOptions o;
        o.hint = "Name or reference";
        text_field("Find a case", ls.search, o);
        if (ls.search.size() >= 2) {
            std::string needle = ls.search;
            for (char& c : needle) c = char(std::tolower((unsigned char)c));
            int shown = 0;
            for (size_t i = 0; i < d.cases.size() && shown < 8; ++i) {
                if (s.haystacks[i].find(needle) == std::string::npos) continue;
                const Case& c = d.cases[i];
                ButtonOptions b;
                b.width = -1;
                b.id = "pick-" + c.id;
                if (button(resident_text(c) + ", " + c.reference, b)) {
                    ls.case_id = c.id;
                    ls.kind = 0;
                }
                ++shown;
            }
            if (shown == 0) paragraph("No case matches.", true);
        }
        return;
    }
    const Case c = d.cases[size_t(idx)];
    paragraph(resident_text(c) + ", " + c.reference, true);
    ButtonOptions other;
    other.id = "other-case";
    if (button("Choose another case", other)) {
        ls.case_id.clear();
        return;
    }

    std::vector<LetterKind> kinds = kinds_for(c);
    std::vector<std::string> names;
    for (LetterKind k : kinds) names.push_back(letter_kind_title(k));
    if (ls.kind < 0 || ls.kind >= int(kinds.size())) ls.kind = 0;
    combo("Letter", ls.kind, names);
    LetterKind kind = kinds[size_t(ls.kind)];

    auto drafted = draft_letter(kind, c, d.settings, s.calendar);
    if (!drafted) {
        notice(drafted.error().text(), theme().warning_banner, Role::Status, "This letter does not fit the case yet");
        return;
    }
    const Letter& letter = drafted.value();

    heading("Checklist", 2);
    int missing = 0;
    sem_push(Role::List, "Checklist", int(letter.checklist.size()));
    for (const CheckItem& item : letter.checklist) {
        if (!item.present) ++missing;
        Ink ink = item.present ? theme().done : theme().overdue;
        badge(item.present ? "✓ Present" : "✗ Missing", ink, false, false);
        ImGui::SameLine();
        ImGui::PushTextWrapPos(0.0f);
        std::string t = item.label + (item.message.empty() ? "" : ": " + item.message);
        ImGui::TextUnformatted(t.c_str());
        ImGui::PopTextWrapPos();
        sem_text(Role::ListItem, std::string(item.present ? "Present: " : "Missing: ") + t);
    }
    sem_pop();
    if (missing)
        notice(std::to_string(missing) + (missing == 1 ? " item is" : " items are") +
                   " missing. The draft shows each gap in square brackets: fill them on the case first.",
               theme().warning_banner, Role::Status, "Not ready to send");
    else
        notice("Everything the Code asks for is in this letter.", theme().done, Role::Status, "Ready to send");

    heading("Actions", 2);
    std::string base = std::string(letter_kind_id(kind)) + "-" + c.reference;
    if (button("Download HTML", ButtonStyle::Primary) && app.host.download) {
        app.host.download(base + ".html", "text/html", letter.html);
        say(app, "Letter downloaded as " + base + ".html.");
    }
    ButtonOptions o;
    o.same_line = true;
    if (button("Download text", o) && app.host.download) {
        app.host.download(base + ".txt", "text/plain", letter.text);
        say(app, "Letter downloaded as " + base + ".txt.");
    }
    if (button("Print", o) && app.host.open_printable) app.host.open_printable(letter.html);
    ButtonOptions sent;
    sent.same_line = true;
    sent.description = missing ? "Marks it sent even though items are missing" : "Keeps a copy of the text as sent";
    if (button("Mark as sent", sent)) {
        Case copy = c;
        Status st = record_letter_sent(copy, s.today, letter_kind_id(kind), letter.text, actor(app));
        if (st) (void)commit_case(app, copy, std::string(letter_kind_title(kind)) + " recorded as sent today. A copy is kept on the case.");
        else say(app, st.error().text(), true);
    }

    heading("Preview", 2);
    const Palette& p = theme();
    ImGui::PushStyleColor(ImGuiCol_ChildBg, im_vec(p.surface));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(16, 16));
    // The whole letter, wrapped, with no inner scroll: the page scrolls.
    ImGui::BeginChild("##letter", ImVec2(0, 0), ImGuiChildFlags_Border | ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_AlwaysAutoResize);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(letter.text.c_str());
    ImGui::PopTextWrapPos();
    sem_text(Role::Text, letter.text);
    ImGui::EndChild();
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
}

}  // namespace doorstep::ui
