// The record around the complaint: reasonable adjustments (5.10), contact
// restrictions (5.14, 5.15), notes, contacts logged (5.9) and a conflict between
// two devices' versions resolved.
#include "core/base/ids.h"
#include "core/base/money.h"
#include "core/data/merge.h"
#include "core/rules/deadlines.h"
#include "core/rules/erasure.h"
#include "core/rules/hazards.h"
#include "core/rules/oversight.h"
#include "core/rules/workflow.h"
#include "storage/case_store.h"
#include "ui/forms.h"
#include "ui/semantics.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "ui/wording.h"

#include "imgui.h"

#include <algorithm>
#include <cstdio>

namespace doorstep::ui {

namespace {

const FieldLabels kAdjustmentFields = {
    {"adjustments.description", "Adjustment"}, {"adjustments.review_due", "Review by"},
    {"adjustments.shorter_timescale_days", "Shorter timescales by (working days, 0 for none)"},
};
const FieldLabels kRestrictionFields = {
    {"restrictions.description", "Restriction"}, {"restrictions.evidence", "Evidence"},
    {"restrictions.equality_act_regard", "Regard to the Equality Act"}, {"restrictions.review_due", "Review by"},
};

}  // namespace

void add_adjustment_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    auto& f = dlg.form<AdjustmentForm>(s.today);
    if (dlg.opened_this_frame) f.review_by = add_months_clamped(s.today, 6);
    paragraph("Record adjustments agreed and keep them under review (5.10).", true);
    FieldOptions d;
    d.required = true;
    d.hint = "For example large print, BSL interpreter, contact through a representative";
    text_field("Adjustment", f.description, d);
    text_field("Disability disclosed (optional)", f.disability);
    date_field("Agreed on", f.on, required_field());
    date_field("Review by", f.review_by, required_field());
    number_field("Shorter timescales by (working days, 0 for none)", f.shorter_by_days, 0, 10);
    problem_summary(dlg.problems);
    if (button("Add adjustment", ButtonStyle::Primary)) {
        ReasonableAdjustment a{f.description, f.disability, f.on.value_or(s.today), f.review_by, f.shorter_by_days};
        attempt(app, c, [&](Case& x) { return add_adjustment(x, a, actor(app)); }, "Adjustment added.", kAdjustmentFields);
    }
}

void add_restriction_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    auto& f = dlg.form<RestrictionForm>(s.today);
    if (dlg.opened_this_frame) f.review_by = add_months_clamped(s.today, 3);
    paragraph("Restrictions must be evidenced, proportionate, have regard to the Equality Act and be reviewed (5.14, 5.15).", true);
    FieldOptions d;
    d.required = true;
    text_field("Restriction", f.description, d);
    FieldOptions ev;
    ev.multiline = true;
    ev.lines = 2;
    ev.required = true;
    text_field("Evidence", f.evidence, ev);
    text_field("Regard to the Equality Act", f.equality_act_regard, ev);
    date_field("Decided on", f.on, required_field());
    date_field("Review by", f.review_by, required_field());
    problem_summary(dlg.problems);
    if (button("Add restriction", ButtonStyle::Primary)) {
        ContactRestriction r{f.description, f.evidence, f.equality_act_regard, f.on.value_or(s.today), f.review_by};
        attempt(app, c, [&](Case& x) { return add_restriction(x, r, actor(app)); }, "Restriction added.", kRestrictionFields);
    }
}

void add_note_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    auto& f = dlg.form<NoteForm>(s.today);
    date_field("Date", f.on, required_field());
    FieldOptions n;
    n.multiline = true;
    n.lines = 5;
    n.required = true;
    text_field("Note", f.text, n);
    problem_summary(dlg.problems);
    if (button("Add note", ButtonStyle::Primary)) {
        Date on = f.on.value_or(s.today);
        attempt(app, c, [&](Case& x) { return add_note(x, on, f.text, actor(app)); }, "Note added.", FieldLabels{{"log.text", "Note"}});
    }
}

// 21.8: a complaints or senior manager erases a closed case for good: the case, its
// photos and drafts go; only the record that it was erased stays (when, who, why).
void erase_case_form(App& app, const Case& c) {
    AppState& s = *app.state;
    EraseForm& f = s.dialog.form<EraseForm>(s.today);
    FormProblems& problems = s.dialog.problems;
    notice("Erasing removes this case, its photos and its drafts from this device for good. Only a record that it "
           "was erased is kept: its reference, when, by whom and why. Copies in exports already made are not touched.",
           theme().warning_banner, Role::Status);
    text_field("Why it is erased", f.reason,
               required_lines(3, "For example: closed over 6 years ago, past the retention period. Do not name the "
                                 "resident: this record is kept."));
    problem_summary(problems);
    ButtonOptions o;
    o.style = ButtonStyle::Danger;
    if (!button("Erase for good", o)) return;
    if (!s.store) {
        refuse_form(problems, "", "Your cases are not open on this device.");
        return;
    }
    auto erasure = erase_case(c, data(app).settings, f.reason, actor(app));
    if (!erasure) {
        refuse_form(problems, erasure.error(), FieldLabels{{"erasure.reason", "Why it is erased"}});
        return;
    }
    const std::string reference = c.reference;
    const Status stored = s.store->erase_case(*erasure);
    s.generation++;
    s.list.generation = 0;
    if (!stored) {
        refuse_form(problems, "", stored.error().text());
        return;
    }
    close_dialog(app);
    go(app, Screen::Cases);
    say_saved(app, "Case " + reference + " is erased. A record that it was erased is kept: when, by whom and why.");
}

void log_contact_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    auto& f = dlg.form<LogContactForm>(s.today);
    date_field("Date", f.on, required_field());
    combo("How", f.method, contact_method_labels());
    combo("What happened", f.outcome, contact_outcome_labels());
    combo("Why", f.purpose, contact_purpose_labels(), "An update counts against the interval agreed (5.9)");
    if (ContactPurpose(f.purpose) == ContactPurpose::Clarification)
        checkbox("The resident confirmed the complaint definition", f.definition_confirmed);
    FieldOptions n;
    n.multiline = true;
    n.lines = 3;
    text_field("Summary", f.summary, n);
    problem_summary(dlg.problems);
    if (button("Log contact", ButtonStyle::Primary)) {
        ContactAttempt a;
        a.on = f.on.value_or(s.today);
        a.method = ContactMethod(f.method);
        a.outcome = ContactOutcome(f.outcome);
        a.purpose = ContactPurpose(f.purpose);
        a.summary = f.summary;
        if (a.purpose == ContactPurpose::Clarification) a.definition_confirmed = f.definition_confirmed;
        a.by = actor(app).name;
        attempt(app, c, [&](Case& x) { return log_contact_attempt(x, a, actor(app)); }, "Contact logged.",
                FieldLabels{{"contacts.on", "Date"}, {"contacts.definition_confirmed", "The resident confirmed the complaint definition"}});
    }
}

void resolve_conflict_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    auto& f = dlg.form<ConflictForm>(s.today);
    paragraph("The case was changed on two devices. Choose the version to keep; the others are set aside for good and the "
              "choice travels with the next export.",
              true);
    std::vector<std::string> versions;
    auto describe = [](const Case& v, const char* which) {
        std::string t = std::string(which) + ": " + (v.device.empty() ? "unknown device" : v.device);
        if (!v.audit.empty()) t += ", last change " + v.audit.back().at + " by " + v.audit.back().who + ": " + v.audit.back().what;
        return t;
    };
    versions.push_back(describe(c, "Shown now"));
    for (size_t i = 0; i < c.conflicts.size(); ++i) versions.push_back(describe(c.conflicts[i], ("Other version " + std::to_string(i + 1)).c_str()));
    radio_choice("Keep", f.keep, versions);
    problem_summary(dlg.problems);
    if (button("Keep this version", ButtonStyle::Primary)) {
        int keep = f.keep;
        std::string device = data(app).settings.device_id;
        attempt(app, c, [&](Case& x) { return resolve_conflict(x, keep, actor(app), device); }, "Conflict resolved.");
    }
}

}  // namespace doorstep::ui
