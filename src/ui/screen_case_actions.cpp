// The full-screen forms behind each case action. Each one fills the engine's
// request, calls workflow.h on a copy of the case, and saves the copy only if
// the engine agreed; a refusal is shown at the fields it is about, in the
// engine's words made into sentences (form_problems.h).
#include "core/rules/deadlines.h"
#include "core/rules/hazards.h"
#include "core/data/merge.h"
#include "core/base/ids.h"
#include "core/base/money.h"
#include "core/rules/oversight.h"
#include "core/rules/workflow.h"
#include "storage/case_store.h"
#include "ui/form_problems.h"
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

const FieldLabels kAcknowledgeFields = {
    {"acknowledged", "Date acknowledged"}, {"definition", "Complaint definition"}, {"points.text", "Point {n}"},
    {"points", "Point 1"}, {"aspects.reason_excluded", "Why it is not ours to investigate"},
    {"outcome_sought", "Outcome the resident seeks"}, {"investigator", "Handler"},
    {"approver", "Signs the response (optional)"}, {"extensions.working_days", "Extra working days"},
    {"extensions.reason", "Why it needs longer"},
};
const FieldLabels kExtendFields = {
    {"extensions.decided_on", "Date decided"}, {"extensions.working_days", "Extra working days"},
    {"extensions.reason", "Reason"}, {"extensions.good_reason", "Good reason"}, {"extensions.resident_told", "Date told"},
    {"extensions.ombudsman_details_given", "The Ombudsman's contact details were given"},
};
const FieldLabels kNoticeFields = {
    {"resident_told", "Date told"}, {"ombudsman_details_given", "The Ombudsman's contact details were given"},
};
const FieldLabels kIntervalFields = {{"agreed_on", "Date agreed"}, {"every_working_days", "Every how many working days"}};
const FieldLabels kRespondFields = {
    {"responded", "Date of the response"}, {"points.decision", "Decision on point {n}"},
    {"points.reasons", "Reasons for point {n}"}, {"approver", "Signed by"},
    {"contractor_author", "Drafted by a contractor (optional)"},
};
const FieldLabels kEscalateFields = {
    {"escalation.requested", "Date the resident asked"}, {"escalation.discretion_decision", "Discretion decision"},
};
const FieldLabels kRefuseFields = {
    {"refusal.ground_id", "Ground"}, {"refusal.reasoning", "Reasons"}, {"refusal.decided_on", "Date decided"},
    {"refusal.discretion_decision", "Discretion decision"}, {"refusal.approved_by", "Approved by"},
};
const FieldLabels kRemedyFields = {
    {"remedies.description", "What will happen"}, {"remedies.amount", "Amount"}, {"remedies.parts", "Amount"},
    {"remedies.approved_by", "Approved by"}, {"remedies.override_reason", "Approved by"}, {"remedies.due", "Due by"},
    {"remedies.offered_on", "Offered to the resident on (optional)"},
};
const FieldLabels kActionFields = {{"description", "Action"}, {"owner", "Owner"}, {"due", "Due by"}};
const FieldLabels kAdjustmentFields = {
    {"adjustments.description", "Adjustment"}, {"adjustments.review_due", "Review by"},
    {"adjustments.shorter_timescale_days", "Shorter timescales by (working days, 0 for none)"},
};
const FieldLabels kRestrictionFields = {
    {"restrictions.description", "Restriction"}, {"restrictions.evidence", "Evidence"},
    {"restrictions.equality_act_regard", "Regard to the Equality Act"}, {"restrictions.review_due", "Review by"},
};
const FieldLabels kHazardFields = {
    {"hazards.type_id", "Type of hazard"}, {"hazards.emergency", "It is an emergency (an imminent risk to health or safety)"},
    {"hazards.observed", "What was seen or reported"}, {"hazards.reported_by", "Who told us"},
    {"hazards.aware", "Date we were told"},
};
const FieldLabels kHazardStepFields = {
    {"hazards.made_safe", "Time made safe"}, {"hazards.findings", "Findings"}, {"hazards.emergency", "It was an emergency"},
    {"hazards.works_planned", "Works planned"}, {"hazards.closed", "Why no further works are needed (if none)"},
};

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

// Staff names for a handler or signatory, plus "someone else" typed in.
std::vector<std::string> staff_names(const Settings& s) {
    std::vector<std::string> out;
    for (const StaffMember& m : s.staff) out.push_back(m.name);
    return out;
}

// A name chosen from the staff list, or typed when not on it.
void person_field(const std::string& label, std::string& value, const Settings& settings, const std::string& hint = {}) {
    std::vector<std::string> names = staff_names(settings);
    names.push_back("Someone not on the list");
    int index = int(names.size()) - 1;
    for (size_t i = 0; i + 1 < names.size(); ++i)
        if (names[i] == value) index = int(i);
    static std::unordered_map<std::string, bool> typing;
    bool& other = typing[label];
    if (value.empty() && !other) index = -1;
    if (other) index = int(names.size()) - 1;
    if (combo(label, index, names, hint)) {
        other = index == int(names.size()) - 1;
        value = other ? std::string() : names[size_t(index)];
    }
    if (other) text_field(label + " (name)", value);
}

int first_unexplained(const Stage& s) {
    for (size_t i = 0; i < s.extensions.size(); ++i)
        if (!s.extensions[i].resident_told) return int(i);
    return s.extensions.empty() ? -1 : int(s.extensions.size()) - 1;
}

void error_box(DialogState& dlg) { problem_summary(dlg.problems); }

// Calls `apply` on a copy; saves and closes when it works, else shows the
// engine's refusal at the field it is about (`fields`: the form's labels).
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

// ---------------------------------------------------------------------------

void acknowledge_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    const Settings& st = data(app).settings;
    const int idx = stage_index(c, dlg.stage);
    if (dlg.opened_this_frame && idx >= 0) {
        const Stage& stage = c.stages[size_t(idx)];
        dlg.text2 = stage.outcome_sought.empty() ? c.outcome_wanted : stage.outcome_sought;
        dlg.text1 = stage.definition;
        dlg.text3 = stage.investigator;
        dlg.points.clear();
        for (const DefinitionPoint& p : stage.points) dlg.points.push_back({p.text, int(p.decision), p.reasons});
        if (dlg.points.empty()) dlg.points.push_back({});
        dlg.number1 = st.policy.stage1_max_extension_days;
    }
    if (idx >= 0) {
        Date due = acknowledge_due(c, c.stages[size_t(idx)], st, s.calendar);
        paragraph("Acknowledge by " + long_date(due) + (dlg.stage == 2 ? " (6.11)." : " (6.2)."), true);
    }
    label_value("In their own words", c.own_words);
    date_field("Date acknowledged", dlg.date, required_field());
    FieldOptions def;
    def.multiline = true;
    def.lines = 3;
    def.required = true;
    def.hint = "Our understanding of the complaint, in plain words (5.6)";
    text_field("Complaint definition", dlg.text1, def);
    heading("Points to answer", 3);
    paragraph("Each point gets a decision and reasons in the response (6.7).", true);
    for (size_t i = 0; i < dlg.points.size(); ++i) {
        FieldOptions po;
        po.id = "point" + std::to_string(i);
        text_field("Point " + std::to_string(i + 1), dlg.points[i].text, po);
    }
    if (button("Add another point")) {
        dlg.points.push_back({});
    }
    heading("What we will not look at (5.7)", 3);
    for (size_t i = 0; i < dlg.aspects.size(); ++i) {
        FieldOptions ao;
        ao.id = "aspect" + std::to_string(i);
        text_field("Aspect " + std::to_string(i + 1), dlg.aspects[i].text, ao);
        ao.id = "aspect-reason" + std::to_string(i);
        text_field("Why it is not ours to investigate", dlg.aspects[i].reason_excluded, ao);
    }
    if (button("Add an aspect we will not investigate")) dlg.aspects.push_back({"", false, ""});
    FieldOptions out;
    out.multiline = true;
    out.lines = 2;
    out.required = true;
    text_field("Outcome the resident seeks", dlg.text2, out);
    person_field("Handler", dlg.text3, st, dlg.stage == 2 ? "Not the stage 1 handler or signatory (6.13)" : "");
    person_field("Signs the response (optional)", dlg.text4, st);
    checkbox("The definition was confirmed with the resident", dlg.flag1);
    checkbox("Complex case: set an extension now", dlg.flag2);
    if (dlg.flag2) {
        number_field("Extra working days", dlg.number1, 1, 60);
        FieldOptions why;
        why.required = true;
        text_field("Why it needs longer", dlg.text5, why);
    }
    error_box(dlg);
    if (button("Acknowledge", ButtonStyle::Primary)) {
        AcknowledgementDetails ad;
        ad.definition = dlg.text1;
        for (const PointForm& p : dlg.points)
            if (!p.text.empty()) ad.points.push_back({p.text, Decision::Undecided, ""});
        for (const AspectForm& a : dlg.aspects)
            if (!a.text.empty()) ad.aspects.push_back({a.text, a.in_scope, a.reason_excluded});
        ad.outcome_sought = dlg.text2;
        ad.investigator = dlg.text3;
        ad.approver = dlg.text4;
        ad.definition_confirmed = dlg.flag1;
        if (dlg.flag2) {
            Extension e;
            e.working_days = dlg.number1;
            e.reason = dlg.text5;
            e.decided_on = dlg.date.value_or(s.today);
            e.set_at_acknowledgement = true;
            ad.extension = e;
        }
        Date on = dlg.date.value_or(s.today);
        int stage = dlg.stage;
        attempt(app, c, [&](Case& x) { return acknowledge(x, stage, on, ad, st, actor(app)); },
                "Stage " + std::to_string(stage) + " acknowledged.", kAcknowledgeFields);
    }
}

void extend_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    const Settings& st = data(app).settings;
    int limit = dlg.stage == 2 ? st.policy.stage2_max_extension_days : st.policy.stage1_max_extension_days;
    if (dlg.opened_this_frame) {
        dlg.number1 = limit;
        dlg.choice1 = 0;
        dlg.date2 = s.today;
    }
    const int idx = stage_index(c, dlg.stage);
    if (idx >= 0) {
        StageClock clock = stage_clock(c, c.stages[size_t(idx)], st, s.calendar);
        paragraph("The response is due " + long_date(clock.response_due) + ". At most " + std::to_string(limit) +
                      " further working days without a good reason (" + (dlg.stage == 2 ? "6.15" : "6.4") + ").",
                  true);
        Date new_due = s.calendar.add_working_days(clock.response_due, dlg.number1);
        notice("New response date: " + long_date(new_due), theme().info_banner, Role::Status);
    }
    date_field("Date decided", dlg.date, required_field());
    number_field("Extra working days", dlg.number1, 1, 60);
    FieldOptions why;
    why.required = true;
    why.multiline = true;
    why.lines = 2;
    why.hint = "Explained to the resident with the new date";
    text_field("Reason", dlg.text1, why);
    if (dlg.number1 > limit) {
        FieldOptions good;
        good.required = true;
        good.hint = "Needed for more than " + std::to_string(limit) + " working days";
        text_field("Good reason", dlg.text2, good);
    }
    heading("Telling the resident", 3);
    checkbox("The resident has been told", dlg.flag1);
    if (dlg.flag1) {
        date_field("Date told", dlg.date2);
        text_field("How", dlg.text3, with_hint("For example, phone then letter"));
        std::vector<std::string> agreed = {"Agreed", "Objected", "Not asked"};
        radio_choice("Did they agree?", dlg.choice1, agreed, "If they object, they can go to the Ombudsman");
        checkbox("The Ombudsman's contact details were given", dlg.flag2,
                 std::string(dlg.stage == 2 ? "6.16" : "6.5") + ": " + st.ombudsman.phone);
    }
    error_box(dlg);
    if (button("Extend", ButtonStyle::Primary)) {
        Extension e;
        e.working_days = dlg.number1;
        e.reason = dlg.text1;
        e.decided_on = dlg.date.value_or(s.today);
        e.good_reason = dlg.text2;
        int stage = dlg.stage;
        bool told = dlg.flag1;
        Date told_on = dlg.date2.value_or(s.today);
        std::string how = dlg.text3;
        bool details = dlg.flag2;
        std::optional<bool> agreed;
        if (dlg.choice1 == 0) agreed = true;
        if (dlg.choice1 == 1) agreed = false;
        attempt(app, c,
                [&](Case& x) -> Status {
                    Status r = extend(x, stage, e, st, actor(app));
                    if (!r || !told) return r;
                    int si = stage_index(x, stage);
                    int ei = int(x.stages[size_t(si)].extensions.size()) - 1;
                    return record_extension_notice(x, stage, ei, told_on, how, details, agreed, actor(app));
                },
                "Deadline extended by " + std::to_string(e.working_days) + " working days.", kExtendFields);
    }
}

void extension_notice_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    const Settings& st = data(app).settings;
    int idx = stage_index(c, dlg.stage);
    int ei = idx >= 0 ? first_unexplained(c.stages[size_t(idx)]) : -1;
    if (ei >= 0) {
        const Extension& e = c.stages[size_t(idx)].extensions[size_t(ei)];
        paragraph("Extension of " + std::to_string(e.working_days) + " working days: " + e.reason, true);
        paragraph("Tell the resident by " + long_date(extension_notice_due(c, c.stages[size_t(idx)], ei, st, s.calendar)) + ".", true);
    }
    date_field("Date told", dlg.date, required_field());
    text_field("How", dlg.text1, with_hint("For example, phone then letter"));
    std::vector<std::string> agreed = {"Agreed", "Objected", "Not asked"};
    radio_choice("Did they agree?", dlg.choice1, agreed);
    checkbox("The Ombudsman's contact details were given", dlg.flag1, st.ombudsman.phone);
    error_box(dlg);
    if (button("Save", ButtonStyle::Primary)) {
        std::optional<bool> a;
        if (dlg.choice1 == 0) a = true;
        if (dlg.choice1 == 1) a = false;
        int stage = dlg.stage;
        Date on = dlg.date.value_or(s.today);
        attempt(app, c,
                [&](Case& x) { return record_extension_notice(x, stage, ei, on, dlg.text1, dlg.flag1, a, actor(app)); },
                "Extension notice recorded.", kNoticeFields);
    }
}

void update_interval_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    if (dlg.opened_this_frame) dlg.number1 = data(app).settings.policy.default_update_interval_days;
    paragraph("Where a response will take longer, agree how often the resident hears from us (5.9).", true);
    date_field("Date agreed", dlg.date, required_field());
    number_field("Every how many working days", dlg.number1, 1, 60);
    error_box(dlg);
    if (button("Save", ButtonStyle::Primary)) {
        int stage = dlg.stage, every = dlg.number1;
        Date on = dlg.date.value_or(s.today);
        attempt(app, c, [&](Case& x) { return agree_update_interval(x, stage, on, every, actor(app)); },
                "Updates agreed every " + std::to_string(every) + " working days.", kIntervalFields);
    }
}

void respond_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    const Settings& st = data(app).settings;
    int idx = stage_index(c, dlg.stage);
    if (idx < 0) return;
    const Stage& stage = c.stages[size_t(idx)];
    if (dlg.opened_this_frame) {
        dlg.points.clear();
        for (const DefinitionPoint& p : stage.points) dlg.points.push_back({p.text, int(p.decision), p.reasons});
        dlg.text2 = stage.approver;
    }
    paragraph("Respond when the answer is known, not when follow-up work is done: track that as actions (6.6).", true);
    label_value("Complaint definition", stage.definition);
    date_field("Date of the response", dlg.date, required_field());
    for (size_t i = 0; i < dlg.points.size(); ++i) {
        ImGui::PushID(int(i));
        heading("Point " + std::to_string(i + 1) + ": " + dlg.points[i].text, 3);
        radio_choice("Decision on point " + std::to_string(i + 1), dlg.points[i].decision, decision_labels());
        FieldOptions r;
        r.multiline = true;
        r.lines = 2;
        r.required = true;
        r.hint = "Citing policy, law or good practice (6.7)";
        r.id = "reasons" + std::to_string(i);
        text_field("Reasons for point " + std::to_string(i + 1), dlg.points[i].reasons, r);
        ImGui::PopID();
    }
    FieldOptions sum;
    sum.multiline = true;
    sum.lines = 3;
    text_field("Summary of the response", dlg.text1, sum);
    person_field("Signed by", dlg.text2, st, dlg.stage == 2 ? "Stage 2 is the final response (6.20)" : "");
    if (dlg.stage == 1) text_field("Drafted by a contractor (optional)", dlg.text3);
    error_box(dlg);
    if (button("Record the response", ButtonStyle::Primary)) {
        int n = dlg.stage;
        Date on = dlg.date.value_or(s.today);
        ResponseDetails rd{dlg.text1, dlg.text2, dlg.text3};
        std::vector<PointForm> points = dlg.points;
        attempt(app, c,
                [&](Case& x) -> Status {
                    for (size_t i = 0; i < points.size(); ++i) {
                        const DefinitionPoint& old = x.stages[size_t(stage_index(x, n))].points[i];
                        if (int(old.decision) == points[i].decision && old.reasons == points[i].reasons) continue;
                        Status d = decide_point(x, n, int(i), Decision(points[i].decision), points[i].reasons, actor(app));
                        if (!d) return d;
                    }
                    return record_response(x, n, on, rd, st, actor(app));
                },
                "Stage " + std::to_string(n) + " response recorded.", kRespondFields);
    }
}

void escalate_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    const Settings& st = data(app).settings;
    int idx = stage_index(c, 1);
    if (idx >= 0 && c.stages[size_t(idx)].responded) {
        Date end = escalation_window_end(*c.stages[size_t(idx)].responded, st);
        paragraph("The resident can ask until " + long_date(end) + " (" + std::to_string(st.policy.escalation_window_weeks) +
                      " weeks from the stage 1 response). They do not have to give a reason (6.12).",
                  true);
        if (dlg.date && *dlg.date > end)
            notice("This request is after the window. Record why it is being accepted anyway (for example health, "
                   "safeguarding or safety).",
                   theme().warning_banner, Role::Status, "Late request");
    }
    date_field("Date the resident asked", dlg.date, required_field());
    FieldOptions why;
    why.multiline = true;
    why.lines = 2;
    why.hint = "Optional: no reason is needed (6.12)";
    text_field("What they are still unhappy about", dlg.text1, why);
    FieldOptions disc;
    disc.hint = "Needed only for a request after the window";
    text_field("Discretion decision", dlg.text2, disc);
    error_box(dlg);
    if (button("Escalate to stage 2", ButtonStyle::Primary)) {
        EscalationRequest r;
        r.on = dlg.date.value_or(s.today);
        r.resident_reason = dlg.text1;
        r.discretion_decision = dlg.text2;
        attempt(app, c, [&](Case& x) { return request_escalation(x, r, st, actor(app)); }, "Escalated to stage 2.", kEscalateFields);
    }
}

void refuse_form(App& app, const Case& c, bool escalation) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    const Settings& st = data(app).settings;
    paragraph(escalation ? "Refusing to escalate needs a valid section 2 reason, set out in writing (5.11)."
                         : "Decide case by case, never as a blanket rule (2.5), and keep the reasoning (2.1).",
              true);
    std::vector<std::string> grounds;
    for (const RefusalGround& g : st.refusal_grounds) grounds.push_back(g.label + " (" + g.provision + ")");
    if (dlg.opened_this_frame) dlg.choice1 = -1;
    combo("Ground", dlg.choice1, grounds);
    const RefusalGround* g = dlg.choice1 >= 0 && dlg.choice1 < int(st.refusal_grounds.size())
                                 ? &st.refusal_grounds[size_t(dlg.choice1)]
                                 : nullptr;
    if (g)
        notice(std::string("The letter will tell the resident they can ask ") + review_body_label(g->body) +
                   " to look at this decision.",
               theme().info_banner, Role::Status, "Who can review it");
    date_field("Date decided", dlg.date, required_field());
    FieldOptions r;
    r.multiline = true;
    r.lines = 3;
    r.required = true;
    text_field("Reasons", dlg.text1, r);
    FieldOptions circ;
    circ.multiline = true;
    circ.lines = 2;
    text_field("Circumstances considered", dlg.text2, circ);
    if (g && g->needs_discretion) {
        checkbox("Discretion was considered (2.3)", dlg.flag1, "For example ill health or safeguarding");
        text_field("Discretion decision", dlg.text3);
    }
    if (st.policy.refusal_needs_approval) person_field("Approved by", dlg.text4, st, "The complaints manager, as policy asks");
    error_box(dlg);
    if (button(escalation ? "Refuse the escalation" : "Refuse the complaint", ButtonStyle::Danger)) {
        RefusalDecision d;
        d.ground_id = g ? g->id : std::string();
        d.reasoning = dlg.text1;
        d.circumstances_considered = dlg.text2;
        d.discretion_considered = dlg.flag1;
        d.discretion_decision = dlg.text3;
        d.approved_by = dlg.text4;
        d.decided_on = dlg.date.value_or(s.today);
        attempt(app, c,
                [&](Case& x) { return escalation ? refuse_escalation(x, d, st, actor(app)) : refuse(x, d, st, actor(app)); },
                escalation ? "Escalation refused. Explain it in writing." : "Complaint refused. Explain it in writing.", kRefuseFields);
    }
}

void refusal_explained_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    if (c.refusal)
        paragraph("Explain by " + long_date(refusal_explanation_due(*c.refusal, data(app).settings, s.calendar)) +
                      ", with the reasons and the right to go to the Ombudsman (2.4). The case then closes as refused.",
                  true);
    date_field("Date explained in writing", dlg.date, required_field());
    error_box(dlg);
    if (button("Save", ButtonStyle::Primary)) {
        Date on = dlg.date.value_or(s.today);
        attempt(app, c, [&](Case& x) { return record_refusal_explained(x, on, actor(app)); }, "Refusal explanation recorded.",
                FieldLabels{{"refusal.explained_on", "Date explained in writing"}});
    }
}

void close_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    const Settings& st = data(app).settings;
    if (dlg.opened_this_frame)
        dlg.choice1 = c.kind == CaseKind::ServiceRequest ? int(ClosureReason::ServiceRequestDone)
                      : c.kind == CaseKind::Complaint    ? int(ClosureReason::Resolved)
                                                         : int(ClosureReason::NoFurtherAction);
    paragraph("A complaint closes as resolved when the last stage has its response and every remedy and action is done.", true);
    date_field("Date closed", dlg.date, required_field());
    combo("Reason", dlg.choice1, closure_reason_labels());
    FieldOptions n;
    n.multiline = true;
    n.lines = 2;
    text_field("Notes", dlg.text1, n);
    error_box(dlg);
    if (button("Close the case", ButtonStyle::Primary)) {
        Date on = dlg.date.value_or(s.today);
        ClosureReason r = ClosureReason(dlg.choice1);
        attempt(app, c, [&](Case& x) { return close(x, on, r, dlg.text1, st, actor(app)); }, "Case closed.",
                FieldLabels{{"closure.closed_on", "Date closed"}, {"closure.reason", "Reason"}, {"closure.notes", "Notes"}});
    }
}

void withdraw_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    date_field("Date withdrawn", dlg.date, required_field());
    text_field("Withdrawn by", dlg.text1, with_hint("The resident or their representative"));
    FieldOptions n;
    n.multiline = true;
    n.lines = 2;
    text_field("Notes", dlg.text2, n);
    error_box(dlg);
    if (button("Record withdrawal", ButtonStyle::Primary)) {
        Date on = dlg.date.value_or(s.today);
        attempt(app, c, [&](Case& x) { return withdraw(x, on, dlg.text1, dlg.text2, actor(app)); }, "Complaint withdrawn.",
                FieldLabels{{"closure.closed_on", "Date withdrawn"}, {"closure.withdrawn_by", "Withdrawn by"}});
    }
}

void related_issue_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    const Settings& st = data(app).settings;
    bool service_request = c.kind == CaseKind::ServiceRequest;
    if (dlg.opened_this_frame) dlg.flag1 = true;
    paragraph(service_request
                  ? "The resident is unhappy with how this request is handled: a complaint is raised, and work on the request "
                    "carries on (1.5)."
                  : "New related issues join the stage 1 complaint unless that would unreasonably delay the response; "
                    "otherwise they become a new complaint, linked to this one (6.8).",
              true);
    date_field("Date raised", dlg.date, required_field());
    FieldOptions d;
    d.multiline = true;
    d.lines = 3;
    d.required = true;
    text_field(service_request ? "What they are unhappy about" : "The new issue", dlg.text1, d);
    if (!service_request) {
        checkbox("It is related to this complaint", dlg.flag1);
        checkbox("Adding it would unreasonably delay the response", dlg.flag2);
        if (dlg.flag2) text_field("Why it would delay the response", dlg.text2);
    }
    error_box(dlg);
    if (button(service_request ? "Raise the complaint" : "Save", ButtonStyle::Primary)) {
        Rng rng(entropy_seed());
        std::string new_id = new_uuid(rng);
        uint32_t counter = s.next_counter;
        Case copy = c;
        std::optional<Case> created;
        Status st_result;
        if (service_request) {
            NewCase n;
            n.id = new_id;
            n.counter = counter;
            n.device_code = st.device_code;
            n.kind = CaseKind::Complaint;
            n.channel = c.channel;
            n.received = dlg.date.value_or(s.today);
            n.resident = c.resident;
            n.representative = c.representative;
            n.own_words = dlg.text1;
            n.outcome_wanted = c.outcome_wanted;
            n.category_id = c.category_id;
            n.property = c.property;
            n.vulnerability = c.vulnerability;
            n.staff_safety_warning = c.staff_safety_warning;
            auto r = convert_service_request_to_complaint(copy, n, st, actor(app));
            if (r) created = std::move(r.value());
            else st_result = r.error();
        } else {
            RelatedIssue issue;
            issue.on = dlg.date.value_or(s.today);
            issue.description = dlg.text1;
            issue.related = dlg.flag1;
            issue.would_unreasonably_delay = dlg.flag2;
            issue.delay_reason = dlg.text2;
            issue.new_id = new_id;
            issue.new_counter = counter;
            issue.new_device_code = st.device_code;
            auto r = raise_related_issue(copy, issue, st, actor(app));
            if (r) {
                if (r.value()) created = std::move(*r.value());
            } else {
                st_result = r.error();
            }
        }
        const FieldLabels fields = {{"own_words", service_request ? "What they are unhappy about" : "The new issue"},
                                    {"description", "The new issue"}, {"delay_reason", "Why it would delay the response"},
                                    {"received", "Date raised"}};
        if (!st_result) {
            refuse_dialog(app, st_result.error(), fields);
            return;
        }
        if (created) {
            if (Status saved = s.store->save_case(*created); !saved) {
                refuse_dialog(app, saved.error(), fields);
                return;
            }
            s.next_counter++;
        }
        if (Status saved = commit_case(app, copy, ""); !saved) {
            refuse_dialog(app, saved.error(), fields);
            return;
        }
        std::string msg = created ? "New complaint " + created->reference + " logged and linked to this case."
                                  : "The issue joined this complaint as a new point.";
        close_dialog(app);
        say(app, msg);
    }
}

void add_remedy_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    const Settings& st = data(app).settings;
    if (dlg.opened_this_frame) {
        dlg.date2 = s.calendar.add_working_days(s.today, 10);
        dlg.date.reset();  // an offer is recorded when it is made, never assumed
    }
    paragraph("Say what will happen and by when (7.3). A remedy can be offered at any stage (5.13).", true);
    combo("Type", dlg.choice1, remedy_type_labels());
    FieldOptions d;
    d.multiline = true;
    d.lines = 2;
    d.required = true;
    text_field("What will happen", dlg.text1, d);
    if (RemedyType(dlg.choice1) == RemedyType::Financial) {
        money_field("Amount", dlg.pence, with_hint("In pounds, for example 150.00"));
        text_field("How the sum was worked out", dlg.text2);
        award_parts_fields(dlg.part_pence);
        const StaffMember* me = find_staff(st, actor(app).name);
        person_field("Approved by", dlg.text3, st,
                     "Needed above your award limit (" + format_money(me ? me->award_limit : Money{}) + ")");
    }
    date_field("Due by", dlg.date2, required_field());
    date_field("Offered to the resident on (optional)", dlg.date, with_hint("Leave empty while it is only proposed"));
    error_box(dlg);
    if (button("Add remedy", ButtonStyle::Primary)) {
        Remedy r;
        r.type = RemedyType(dlg.choice1);
        r.description = dlg.text1;
        r.amount = Money{dlg.pence};
        r.working = dlg.text2;
        r.approved_by = dlg.text3;
        if (r.type == RemedyType::Financial) r.parts = award_parts(dlg.part_pence);
        r.due = dlg.date2;
        int stage = dlg.stage;
        const std::optional<Date> offered = dlg.date;
        attempt(app, c, [&](Case& x) {
            Status added = add_remedy(x, stage, r, st, actor(app));
            if (!added || !offered) return added;
            return offer_remedy(x, stage, int(x.stages[size_t(stage_index(x, stage))].remedies.size()) - 1, *offered, actor(app));
        }, offered ? "Remedy added and offered." : "Remedy added.", kRemedyFields);
    }
}

void add_action_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    const Settings& st = data(app).settings;
    if (dlg.opened_this_frame) dlg.date2 = s.calendar.add_working_days(s.today, 10);
    paragraph("Actions promised in the response are tracked to completion (6.6).", true);
    FieldOptions d;
    d.required = true;
    text_field("Action", dlg.text1, d);
    person_field("Owner", dlg.text2, st);
    date_field("Due by", dlg.date2, required_field());
    error_box(dlg);
    if (button("Add action", ButtonStyle::Primary)) {
        OutstandingAction a;
        a.description = dlg.text1;
        a.owner = dlg.text2;
        a.due = dlg.date2.value_or(s.today);
        int stage = dlg.stage;
        attempt(app, c, [&](Case& x) { return add_action(x, stage, a, actor(app)); }, "Action added.", kActionFields);
    }
}

void add_adjustment_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    if (dlg.opened_this_frame) dlg.date2 = add_months_clamped(s.today, 6);
    paragraph("Record adjustments agreed and keep them under review (5.10).", true);
    FieldOptions d;
    d.required = true;
    d.hint = "For example large print, BSL interpreter, contact through a representative";
    text_field("Adjustment", dlg.text1, d);
    text_field("Disability disclosed (optional)", dlg.text2);
    date_field("Agreed on", dlg.date, required_field());
    date_field("Review by", dlg.date2, required_field());
    number_field("Shorter timescales by (working days, 0 for none)", dlg.number1, 0, 10);
    error_box(dlg);
    if (button("Add adjustment", ButtonStyle::Primary)) {
        ReasonableAdjustment a{dlg.text1, dlg.text2, dlg.date.value_or(s.today), dlg.date2, dlg.number1};
        attempt(app, c, [&](Case& x) { return add_adjustment(x, a, actor(app)); }, "Adjustment added.", kAdjustmentFields);
    }
}

void add_restriction_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    if (dlg.opened_this_frame) dlg.date2 = add_months_clamped(s.today, 3);
    paragraph("Restrictions must be evidenced, proportionate, have regard to the Equality Act and be reviewed (5.14, 5.15).", true);
    FieldOptions d;
    d.required = true;
    text_field("Restriction", dlg.text1, d);
    FieldOptions ev;
    ev.multiline = true;
    ev.lines = 2;
    ev.required = true;
    text_field("Evidence", dlg.text2, ev);
    text_field("Regard to the Equality Act", dlg.text3, ev);
    date_field("Decided on", dlg.date, required_field());
    date_field("Review by", dlg.date2, required_field());
    error_box(dlg);
    if (button("Add restriction", ButtonStyle::Primary)) {
        ContactRestriction r{dlg.text1, dlg.text2, dlg.text3, dlg.date.value_or(s.today), dlg.date2};
        attempt(app, c, [&](Case& x) { return add_restriction(x, r, actor(app)); }, "Restriction added.", kRestrictionFields);
    }
}

void add_note_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    date_field("Date", dlg.date, required_field());
    FieldOptions n;
    n.multiline = true;
    n.lines = 5;
    n.required = true;
    text_field("Note", dlg.text1, n);
    error_box(dlg);
    if (button("Add note", ButtonStyle::Primary)) {
        Date on = dlg.date.value_or(s.today);
        attempt(app, c, [&](Case& x) { return add_note(x, on, dlg.text1, actor(app)); }, "Note added.", FieldLabels{{"log.text", "Note"}});
    }
}

void log_contact_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    date_field("Date", dlg.date, required_field());
    combo("How", dlg.choice1, contact_method_labels());
    combo("What happened", dlg.choice2, contact_outcome_labels());
    combo("Why", dlg.choice3, contact_purpose_labels(), "An update counts against the interval agreed (5.9)");
    if (ContactPurpose(dlg.choice3) == ContactPurpose::Clarification)
        checkbox("The resident confirmed the complaint definition", dlg.flag1);
    FieldOptions n;
    n.multiline = true;
    n.lines = 3;
    text_field("Summary", dlg.text1, n);
    error_box(dlg);
    if (button("Log contact", ButtonStyle::Primary)) {
        ContactAttempt a;
        a.on = dlg.date.value_or(s.today);
        a.method = ContactMethod(dlg.choice1);
        a.outcome = ContactOutcome(dlg.choice2);
        a.purpose = ContactPurpose(dlg.choice3);
        a.summary = dlg.text1;
        if (a.purpose == ContactPurpose::Clarification) a.definition_confirmed = dlg.flag1;
        a.by = actor(app).name;
        attempt(app, c, [&](Case& x) { return log_contact_attempt(x, a, actor(app)); }, "Contact logged.",
                FieldLabels{{"contacts.on", "Date"}, {"contacts.definition_confirmed", "The resident confirmed the complaint definition"}});
    }
}


// "14:30" -> minutes of the day.
std::optional<int> parse_time(const std::string& t) {
    int h = -1, m = -1;
    char colon = 0;
    int used = 0;
    if (std::sscanf(t.c_str(), " %d%c%d %n", &h, &colon, &m, &used) != 3 || size_t(used) != t.size()) return std::nullopt;
    if ((colon != ':' && colon != '.') || h < 0 || h > 23 || m < 0 || m > 59) return std::nullopt;
    return h * 60 + m;
}

LocalDateTime now_local_time(const App& app) {
    if (auto t = parse_iso_local(app.state->now_local)) return *t;
    return LocalDateTime{app.state->today, 0};
}

void report_hazard_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    const Settings& st = data(app).settings;
    if (dlg.opened_this_frame) {
        dlg.text3 = now_local_time(app).minute_of_day >= 0 ? to_iso(now_local_time(app)).substr(11) : "";
        dlg.text2 = c.resident.name.empty() ? "Resident" : c.resident.name;
    }
    paragraph("The day we are told is day zero. An emergency must be made safe within 24 hours; a significant hazard "
              "investigated within 10 working days.",
              true);
    std::vector<std::string> types;
    for (const HazardType& h : st.hazard_types) types.push_back(h.label);
    combo("Type of hazard", dlg.choice1, types);
    checkbox("It is an emergency (an imminent risk to health or safety)", dlg.flag1);
    text_field("Where in the home", dlg.text1, with_hint("For example, the back bedroom ceiling"));
    FieldOptions obs;
    obs.multiline = true;
    obs.lines = 3;
    obs.required = true;
    text_field("What was seen or reported", dlg.text4, obs);
    text_field("Who told us", dlg.text2);
    date_field("Date we were told", dlg.date, required_field());
    text_field("Time we were told", dlg.text3, with_hint("24-hour clock, for example 14:30"));
    text_field("Vulnerable people living there", dlg.text5, with_hint("Children, older or disabled people, anyone unwell"));
    error_box(dlg);
    if (button("Report the hazard", ButtonStyle::Primary)) {
        HazardReport r;
        Rng rng(entropy_seed());
        r.id = new_uuid(rng);
        if (dlg.choice1 >= 0 && dlg.choice1 < int(st.hazard_types.size())) r.type_id = st.hazard_types[size_t(dlg.choice1)].id;
        r.emergency = dlg.flag1;
        r.location = dlg.text1;
        r.observed = dlg.text4;
        r.reported_by = dlg.text2;
        r.aware = LocalDateTime{dlg.date.value_or(s.today), parse_time(dlg.text3).value_or(0)};
        r.vulnerable_occupants = dlg.text5;
        if (!parse_time(dlg.text3)) {
            refuse_form(dlg.problems, "Time we were told", "Write it as hours and minutes, for example 14:30.");
            s.last_message = dlg.problems.engine_text;
            return;
        }
        attempt(app, c, [&](Case& x) { return report_hazard(x, r, st, actor(app)); }, "Hazard reported: its legal clock has started.", kHazardFields);
    }
}

void hazard_step_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    const Settings& st = data(app).settings;
    const std::string id = dlg.text5, step = dlg.text4;
    int hi = hazard_index(c, id);
    if (hi < 0) {
        paragraph("This hazard is no longer on the case.");
        return;
    }
    const HazardRecord& h = c.hazards[size_t(hi)];
    paragraph(describe_hazard(h, st), true);
    if (dlg.opened_this_frame) {
        dlg.text1 = actor(app).name;
        dlg.text3 = to_iso(now_local_time(app)).substr(11);
    }
    date_field("Date", dlg.date, required_field());
    if (step == "make-safe") text_field("Time made safe", dlg.text3, with_hint("24-hour clock, for example 18:00"));
    text_field("Done by", dlg.text1);
    if (step == "investigate") {
        checkbox("A significant hazard was found", dlg.flag1);
        if (h.emergency) checkbox("The emergency was confirmed", dlg.flag2);
        FieldOptions f;
        f.multiline = true;
        f.lines = 3;
        f.hint = "The written summary to the tenant is drawn from these";
        text_field("Findings", dlg.text2, f);
        if (dlg.flag1 || dlg.flag2) text_field("Works needed", dlg.text6, with_hint("The written summary tells the resident what will be done"));
    }
    if (step == "further-work-start")
        text_field("Works planned", dlg.text2,
                   with_hint(h.works_planned.empty() ? "What will remove the cause" : "Leave empty to keep: " + h.works_planned));
    if (step == "close") text_field("Why no further works are needed (if none)", dlg.text2);
    error_box(dlg);
    std::string label = step == "close" ? "Close the hazard" : "Record it";
    if (button(label, ButtonStyle::Primary)) {
        Date on = dlg.date.value_or(s.today);
        std::string by = dlg.text1, text = dlg.text2;
        auto t = parse_time(dlg.text3);
        if (step == "make-safe" && !t) {
            refuse_form(dlg.problems, "Time made safe", "Write it as hours and minutes, for example 18:00.");
            s.last_message = dlg.problems.engine_text;
            return;
        }
        bool f1 = dlg.flag1, f2 = dlg.flag2;
        const std::string works = dlg.text6;
        attempt(app, c,
                [&](Case& x) -> Status {
                    Actor a = actor(app);
                    if (step == "make-safe") return record_made_safe(x, id, LocalDateTime{on, *t}, by, st, a);
                    if (step == "investigate") return record_investigation(x, id, InvestigationResult{on, by, f1, f2, text, works}, st, a);
                    if (step == "summary") return record_summary_sent(x, id, on, by, st, a);
                    if (step == "safety-work") return record_safety_work_done(x, id, on, by, st, a);
                    if (step == "further-work-start") return record_further_work_started(x, id, on, text, by, st, a);
                    if (step == "further-work-done") return record_further_work_done(x, id, on, by, st, a);
                    return close_hazard(x, id, on, text, st, a);
                },
                step == "close" ? "Hazard closed." : "Hazard step recorded.", kHazardStepFields);
    }
}

void resolve_conflict_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
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
    radio_choice("Keep", dlg.choice1, versions);
    error_box(dlg);
    if (button("Keep this version", ButtonStyle::Primary)) {
        int keep = dlg.choice1;
        std::string device = data(app).settings.device_id;
        attempt(app, c, [&](Case& x) { return resolve_conflict(x, keep, actor(app), device); }, "Conflict resolved.");
    }
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
