// What every case form shares (the forms are in form_stage.cpp, form_refusal.cpp,
// form_remedy.cpp, form_record.cpp, form_hazard.cpp and screen_case_oversight.cpp;
// screen_case_actions.cpp frames them): each fills the engine's request from its
// own fields (form_fields.h), calls the rule on a copy of the case, and saves the
// copy only if the engine agreed; a refusal is shown at the fields it is about, in
// the engine's words made into sentences (form_problems.h).
#pragma once
#include "core/model/case.h"
#include "core/model/settings.h"
#include "ui/app_state.h"
#include "ui/form_problems.h"
#include "ui/screens.h"

#include <string>

namespace doorstep::ui {

// Calls `apply` on a copy of the case; saves it and closes the form when the
// engine agrees (saying `done`, read after `apply` ran), else shows the engine's
// refusal at the field it is about (`fields`: the form's labels by engine field).
template <class F>
void attempt(App& app, const Case& original, F apply, const std::string& done, const FieldLabels& fields = {}) {
    Case copy = original;
    Status st = apply(copy);
    if (st) st = commit_case(app, copy, done);
    if (!st) {
        refuse_dialog(app, st.error(), fields);
        return;
    }
    close_dialog(app);
    say(app, done);
}

// A name chosen from the staff list, or typed when not on it ("Someone not on
// the list"; the choice is kept on the open form, DialogState::typing_name).
void person_field(DialogState& dlg, const std::string& label, std::string& value, const Settings& settings,
                  const std::string& hint = {});

// The forms, by family.
void acknowledge_form(App& app, const Case& c);
void extend_form(App& app, const Case& c);
void extension_notice_form(App& app, const Case& c);
void update_interval_form(App& app, const Case& c);
void respond_form(App& app, const Case& c);
void escalate_form(App& app, const Case& c);
void related_issue_form(App& app, const Case& c);
void close_form(App& app, const Case& c);
void withdraw_form(App& app, const Case& c);

void refuse_form(App& app, const Case& c, bool escalation);
void refusal_explained_form(App& app, const Case& c);

void add_remedy_form(App& app, const Case& c);
void add_action_form(App& app, const Case& c);

void add_adjustment_form(App& app, const Case& c);
void add_restriction_form(App& app, const Case& c);
void add_note_form(App& app, const Case& c);
void erase_case_form(App& app, const Case& c);  // 21.8
void log_contact_form(App& app, const Case& c);
void resolve_conflict_form(App& app, const Case& c);

void report_hazard_form(App& app, const Case& c);
void hazard_step_form(App& app, const Case& c);

}  // namespace doorstep::ui
