// The full-screen frame around each case action's form: its title, the case it
// is about, the form itself (forms.h: by family in form_stage.cpp, form_refusal.cpp,
// form_remedy.cpp, form_record.cpp, form_hazard.cpp; the oversight forms in
// screen_case_oversight.cpp; the settings' in screen_settings.cpp) and Cancel.
#include "ui/form_problems.h"
#include "ui/forms.h"
#include "ui/screens.h"
#include "ui/semantics.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "ui/wording.h"

#include "imgui.h"
#include "imgui_internal.h"

#include <algorithm>

namespace doorstep::ui {

namespace {

const char* dialog_title(DialogKind k, int stage) {
    switch (k) {
        case DialogKind::Acknowledge: return stage == 2 ? "Acknowledge stage 2" : "Acknowledge stage 1";
        case DialogKind::Extend: return "Extend the deadline";
        case DialogKind::ExtensionNotice: return "Record extension notice";
        case DialogKind::UpdateInterval: return "Agree update interval";
        case DialogKind::Respond: return stage == 2 ? "Record the stage 2 response" : "Record the stage 1 response";
        case DialogKind::Escalate: return "Request escalation to stage 2";
        case DialogKind::Refuse: return "Refuse the complaint";
        case DialogKind::RefuseEscalation: return "Refuse the escalation";
        case DialogKind::RefusalExplained: return "Record refusal explained";
        case DialogKind::Close: return "Close the case";
        case DialogKind::Withdraw: return "Withdrawn by the resident";
        case DialogKind::RelatedIssue: return "Add a new issue";
        case DialogKind::AddRemedy: return "Add a remedy";
        case DialogKind::AddAction: return "Add an outstanding action";
        case DialogKind::AddAdjustment: return "Add a reasonable adjustment";
        case DialogKind::AddRestriction: return "Add a contact restriction";
        case DialogKind::AddNote: return "Add a note";
        case DialogKind::EraseCase: return "Erase this case";
        case DialogKind::LogContact: return "Log a contact";
        case DialogKind::RemoveDemo: return stage == 1 ? "Load sample data" : "Remove sample data";
        case DialogKind::ImportFile: return "Import cases";
        case DialogKind::ResolveConflict: return "Resolve conflicting changes";
        case DialogKind::ReportHazard: return "Report a hazard";
        case DialogKind::HazardStep: return "Record a hazard step";
        case DialogKind::None: break;
        default: return oversight_dialog_title(k);
    }
    return "Form";
}

}  // namespace

void draw_settings_dialog(App& app);  // screen_settings.cpp: RemoveDemo, ImportFile

void refuse_dialog(App& app, const Error& e, const FieldLabels& fields) {
    refuse_form(app.state->dialog.problems, e, fields);
    app.state->last_message = e.text();
}

void draw_dialog(App& app) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float W = vp->Size.x;
    std::string title = dialog_title(dlg.kind, dlg.stage);
    ImGui::PushStyleColor(ImGuiCol_ChildBg, im_vec(theme().page));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(W < 500 ? 12.0f : 24.0f, 16));
    if (dlg.opened_this_frame) ImGui::SetNextWindowScroll(ImVec2(0, 0));
    ImGui::BeginChild("##dialog", ImVec2(0, 0), ImGuiChildFlags_AlwaysUseWindowPadding, ImGuiWindowFlags_NavFlattened);
    ImGui::PopStyleVar();
    if (ImGuiWindow* win = ImGui::GetCurrentWindow()) {
        float limit = win->ContentRegionRect.Min.x + 760.0f * std::max(1.0f, theme_text_scale());
        if (win->ContentRegionRect.Max.x > limit) win->ContentRegionRect.Max.x = win->WorkRect.Max.x = limit;
    }
    sem_push(Role::Dialog, title);

    const Case* c = nullptr;
    Case copy;
    if (!dlg.case_id.empty()) {
        int idx = case_index(app, dlg.case_id);
        if (idx >= 0) {
            copy = data(app).cases[size_t(idx)];
            c = &copy;
        }
    }
    sem_title(title + (c ? ", " + c->reference : std::string()) + " — Doorstep");
    heading(title, 1);
    if (c) paragraph(resident_text(*c) + ", " + c->reference, true);

    bool settings_kind = dlg.kind == DialogKind::RemoveDemo || dlg.kind == DialogKind::ImportFile;
    form_problems_begin(&dlg.problems);
    if (!c && !settings_kind) {
        paragraph("This case is no longer on this device.");
    } else if (settings_kind) {
        draw_settings_dialog(app);
    } else {
        switch (dlg.kind) {
            case DialogKind::Acknowledge: acknowledge_form(app, *c); break;
            case DialogKind::Extend: extend_form(app, *c); break;
            case DialogKind::ExtensionNotice: extension_notice_form(app, *c); break;
            case DialogKind::UpdateInterval: update_interval_form(app, *c); break;
            case DialogKind::Respond: respond_form(app, *c); break;
            case DialogKind::Escalate: escalate_form(app, *c); break;
            case DialogKind::Refuse: refuse_form(app, *c, false); break;
            case DialogKind::RefuseEscalation: refuse_form(app, *c, true); break;
            case DialogKind::RefusalExplained: refusal_explained_form(app, *c); break;
            case DialogKind::Close: close_form(app, *c); break;
            case DialogKind::Withdraw: withdraw_form(app, *c); break;
            case DialogKind::RelatedIssue: related_issue_form(app, *c); break;
            case DialogKind::AddRemedy: add_remedy_form(app, *c); break;
            case DialogKind::AddAction: add_action_form(app, *c); break;
            case DialogKind::AddAdjustment: add_adjustment_form(app, *c); break;
            case DialogKind::AddRestriction: add_restriction_form(app, *c); break;
            case DialogKind::AddNote: add_note_form(app, *c); break;
            case DialogKind::EraseCase: erase_case_form(app, *c); break;
            case DialogKind::LogContact: log_contact_form(app, *c); break;
            case DialogKind::ResolveConflict: resolve_conflict_form(app, *c); break;
            case DialogKind::ReportHazard: report_hazard_form(app, *c); break;
            case DialogKind::HazardStep: hazard_step_form(app, *c); break;
            default: draw_oversight_form(app, *c); break;
        }
    }
    form_problems_end();
    // The form may have closed itself (saved).
    if (s.dialog.kind != DialogKind::None) {
        ButtonOptions cancel;
        cancel.same_line = !narrow_layout();
        cancel.description = "Closes the form without saving";
        cancel.id = "cancel";
        // Escape closes the form (the ARIA dialog pattern), from a text field too.
        bool escape = ImGui::IsKeyPressed(ImGuiKey_Escape, false);
        if (button("Cancel", cancel) || escape) {
            close_dialog(app);
        } else {
            s.dialog.opened_this_frame = false;
        }
    }
    sem_pop();
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

}  // namespace doorstep::ui
