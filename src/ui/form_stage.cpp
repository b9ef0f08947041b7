// The forms along a complaint's stages: acknowledging and defining it (5.6, 6.2,
// 6.11), extending (6.4, 6.15) and telling the resident (6.5, 6.16), agreeing
// updates (5.9), the response (6.7), escalation (6.10-6.12), a new issue (6.8,
// 1.5), closing and withdrawal.
#include "core/base/ids.h"
#include "core/base/money.h"
#include "core/rules/deadlines.h"
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

int first_unexplained(const Stage& s) {
    for (size_t i = 0; i < s.extensions.size(); ++i)
        if (!s.extensions[i].resident_told) return int(i);
    return s.extensions.empty() ? -1 : int(s.extensions.size()) - 1;
}

}  // namespace

void acknowledge_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    auto& f = dlg.form<AcknowledgeForm>(s.today);
    const Settings& st = data(app).settings;
    const int idx = stage_index(c, dlg.stage);
    if (dlg.opened_this_frame && idx >= 0) {
        const Stage& stage = c.stages[size_t(idx)];
        f.outcome_sought = stage.outcome_sought.empty() ? c.outcome_wanted : stage.outcome_sought;
        f.definition = stage.definition;
        f.handler = stage.investigator;
        f.points.clear();
        for (const DefinitionPoint& p : stage.points) f.points.push_back({p.text, int(p.decision), p.reasons});
        if (f.points.empty()) f.points.push_back({});
        f.extra_days = st.policy.stage1_max_extension_days;
    }
    if (idx >= 0) {
        Date due = acknowledge_due(c, c.stages[size_t(idx)], st, s.calendar);
        paragraph("Acknowledge by " + long_date(due) + (dlg.stage == 2 ? " (6.11)." : " (6.2)."), true);
    }
    label_value("In their own words", c.own_words);
    date_field("Date acknowledged", f.on, required_field());
    text_field("Complaint definition", f.definition,
               required_lines(3, "Our understanding of the complaint, in plain words (5.6)"));
    heading("Points to answer", 3);
    paragraph("Each point gets a decision and reasons in the response (6.7).", true);
    for (size_t i = 0; i < f.points.size(); ++i) {
        FieldOptions po;
        po.id = "point" + std::to_string(i);
        text_field("Point " + std::to_string(i + 1), f.points[i].text, po);
    }
    if (button("Add another point")) {
        f.points.push_back({});
    }
    heading("What we will not look at (5.7)", 3);
    for (size_t i = 0; i < f.aspects.size(); ++i) {
        FieldOptions ao;
        ao.id = "aspect" + std::to_string(i);
        text_field("Aspect " + std::to_string(i + 1), f.aspects[i].text, ao);
        ao.id = "aspect-reason" + std::to_string(i);
        text_field("Why it is not ours to investigate", f.aspects[i].reason_excluded, ao);
    }
    if (button("Add an aspect we will not investigate")) f.aspects.push_back({"", false, ""});
    FieldOptions out;
    out.multiline = true;
    out.lines = 2;
    out.required = true;
    text_field("Outcome the resident seeks", f.outcome_sought, out);
    person_field(dlg, "Handler", f.handler, st, dlg.stage == 2 ? "Not the stage 1 handler or signatory (6.13)" : "");
    person_field(dlg, "Signs the response (optional)", f.approver, st);
    checkbox("The definition was confirmed with the resident", f.confirmed);
    checkbox("Complex case: set an extension now", f.complex);
    if (f.complex) {
        number_field("Extra working days", f.extra_days, 1, 60);
        FieldOptions why;
        why.required = true;
        text_field("Why it needs longer", f.extension_reason, why);
    }
    problem_summary(dlg.problems);
    if (button("Acknowledge", ButtonStyle::Primary)) {
        AcknowledgementDetails ad;
        ad.definition = f.definition;
        for (const PointForm& p : f.points)
            if (!p.text.empty()) ad.points.push_back({p.text, Decision::Undecided, ""});
        for (const AspectForm& a : f.aspects)
            if (!a.text.empty()) ad.aspects.push_back({a.text, a.in_scope, a.reason_excluded});
        ad.outcome_sought = f.outcome_sought;
        ad.investigator = f.handler;
        ad.approver = f.approver;
        ad.definition_confirmed = f.confirmed;
        if (f.complex) {
            Extension e;
            e.working_days = f.extra_days;
            e.reason = f.extension_reason;
            e.decided_on = f.on.value_or(s.today);
            e.set_at_acknowledgement = true;
            ad.extension = e;
        }
        Date on = f.on.value_or(s.today);
        int stage = dlg.stage;
        attempt(app, c, [&](Case& x) { return acknowledge(x, stage, on, ad, st, actor(app)); },
                "Stage " + std::to_string(stage) + " acknowledged.", kAcknowledgeFields);
    }
}

void extend_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    auto& f = dlg.form<ExtendForm>(s.today);
    const Settings& st = data(app).settings;
    int limit = dlg.stage == 2 ? st.policy.stage2_max_extension_days : st.policy.stage1_max_extension_days;
    if (dlg.opened_this_frame) {
        f.extra_days = limit;
        f.agreed = 0;
        f.told_on = s.today;
    }
    const int idx = stage_index(c, dlg.stage);
    if (idx >= 0) {
        StageClock clock = stage_clock(c, c.stages[size_t(idx)], st, s.calendar);
        paragraph("The response is due " + long_date(clock.response_due) + ". At most " + std::to_string(limit) +
                      " further working days without a good reason (" + (dlg.stage == 2 ? "6.15" : "6.4") + ").",
                  true);
        Date new_due = s.calendar.add_working_days(clock.response_due, f.extra_days);
        notice("New response date: " + long_date(new_due), theme().info_banner, Role::Status);
    }
    date_field("Date decided", f.on, required_field());
    number_field("Extra working days", f.extra_days, 1, 60);
    FieldOptions why;
    why.required = true;
    why.multiline = true;
    why.lines = 2;
    why.hint = "Explained to the resident with the new date";
    text_field("Reason", f.reason, why);
    if (f.extra_days > limit) {
        FieldOptions good;
        good.required = true;
        good.hint = "Needed for more than " + std::to_string(limit) + " working days";
        text_field("Good reason", f.good_reason, good);
    }
    heading("Telling the resident", 3);
    checkbox("The resident has been told", f.told);
    if (f.told) {
        date_field("Date told", f.told_on);
        text_field("How", f.told_how, with_hint("For example, phone then letter"));
        std::vector<std::string> agreed = {"Agreed", "Objected", "Not asked"};
        radio_choice("Did they agree?", f.agreed, agreed, "If they object, they can go to the Ombudsman");
        checkbox("The Ombudsman's contact details were given", f.ombudsman_details,
                 std::string(dlg.stage == 2 ? "6.16" : "6.5") + ": " + st.ombudsman.phone);
    }
    problem_summary(dlg.problems);
    if (button("Extend", ButtonStyle::Primary)) {
        Extension e;
        e.working_days = f.extra_days;
        e.reason = f.reason;
        e.decided_on = f.on.value_or(s.today);
        e.good_reason = f.good_reason;
        int stage = dlg.stage;
        bool told = f.told;
        Date told_on = f.told_on.value_or(s.today);
        std::string how = f.told_how;
        bool details = f.ombudsman_details;
        std::optional<bool> agreed;
        if (f.agreed == 0) agreed = true;
        if (f.agreed == 1) agreed = false;
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
    auto& f = dlg.form<ExtensionNoticeForm>(s.today);
    const Settings& st = data(app).settings;
    int idx = stage_index(c, dlg.stage);
    int ei = idx >= 0 ? first_unexplained(c.stages[size_t(idx)]) : -1;
    if (ei >= 0) {
        const Extension& e = c.stages[size_t(idx)].extensions[size_t(ei)];
        paragraph("Extension of " + std::to_string(e.working_days) + " working days: " + e.reason, true);
        paragraph("Tell the resident by " + long_date(extension_notice_due(c, c.stages[size_t(idx)], ei, st, s.calendar)) + ".", true);
    }
    date_field("Date told", f.on, required_field());
    text_field("How", f.how, with_hint("For example, phone then letter"));
    std::vector<std::string> agreed = {"Agreed", "Objected", "Not asked"};
    radio_choice("Did they agree?", f.agreed, agreed);
    checkbox("The Ombudsman's contact details were given", f.ombudsman_details, st.ombudsman.phone);
    problem_summary(dlg.problems);
    if (button("Save", ButtonStyle::Primary)) {
        std::optional<bool> a;
        if (f.agreed == 0) a = true;
        if (f.agreed == 1) a = false;
        int stage = dlg.stage;
        Date on = f.on.value_or(s.today);
        attempt(app, c,
                [&](Case& x) { return record_extension_notice(x, stage, ei, on, f.how, f.ombudsman_details, a, actor(app)); },
                "Extension notice recorded.", kNoticeFields);
    }
}

void update_interval_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    auto& f = dlg.form<UpdateIntervalForm>(s.today);
    if (dlg.opened_this_frame) f.every_working_days = data(app).settings.policy.default_update_interval_days;
    paragraph("Where a response will take longer, agree how often the resident hears from us (5.9).", true);
    date_field("Date agreed", f.on, required_field());
    number_field("Every how many working days", f.every_working_days, 1, 60);
    problem_summary(dlg.problems);
    if (button("Save", ButtonStyle::Primary)) {
        int stage = dlg.stage, every = f.every_working_days;
        Date on = f.on.value_or(s.today);
        attempt(app, c, [&](Case& x) { return agree_update_interval(x, stage, on, every, actor(app)); },
                "Updates agreed every " + std::to_string(every) + " working days.", kIntervalFields);
    }
}

void respond_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    auto& f = dlg.form<RespondForm>(s.today);
    const Settings& st = data(app).settings;
    int idx = stage_index(c, dlg.stage);
    if (idx < 0) return;
    const Stage& stage = c.stages[size_t(idx)];
    if (dlg.opened_this_frame) {
        f.points.clear();
        for (const DefinitionPoint& p : stage.points) f.points.push_back({p.text, int(p.decision), p.reasons});
        f.signed_by = stage.approver;
    }
    paragraph("Respond when the answer is known, not when follow-up work is done: track that as actions (6.6).", true);
    label_value("Complaint definition", stage.definition);
    date_field("Date of the response", f.on, required_field());
    for (size_t i = 0; i < f.points.size(); ++i) {
        ImGui::PushID(int(i));
        heading("Point " + std::to_string(i + 1) + ": " + f.points[i].text, 3);
        radio_choice("Decision on point " + std::to_string(i + 1), f.points[i].decision, decision_labels());
        FieldOptions r;
        r.multiline = true;
        r.lines = 2;
        r.required = true;
        r.hint = "Citing policy, law or good practice (6.7)";
        r.id = "reasons" + std::to_string(i);
        text_field("Reasons for point " + std::to_string(i + 1), f.points[i].reasons, r);
        ImGui::PopID();
    }
    FieldOptions sum;
    sum.multiline = true;
    sum.lines = 3;
    text_field("Summary of the response", f.summary, sum);
    person_field(dlg, "Signed by", f.signed_by, st, dlg.stage == 2 ? "Stage 2 is the final response (6.20)" : "");
    if (dlg.stage == 1) text_field("Drafted by a contractor (optional)", f.contractor);
    problem_summary(dlg.problems);
    if (button("Record the response", ButtonStyle::Primary)) {
        int n = dlg.stage;
        Date on = f.on.value_or(s.today);
        ResponseDetails rd{f.summary, f.signed_by, f.contractor};
        std::vector<PointForm> points = f.points;
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
    auto& f = dlg.form<EscalateForm>(s.today);
    const Settings& st = data(app).settings;
    int idx = stage_index(c, 1);
    if (idx >= 0 && c.stages[size_t(idx)].responded) {
        Date end = escalation_window_end(*c.stages[size_t(idx)].responded, st);
        paragraph("The resident can ask until " + long_date(end) + " (" + std::to_string(st.policy.escalation_window_weeks) +
                      " weeks from the stage 1 response). They do not have to give a reason (6.12).",
                  true);
        if (f.on && *f.on > end)
            notice("This request is after the window. Record why it is being accepted anyway (for example health, "
                   "safeguarding or safety).",
                   theme().warning_banner, Role::Status, "Late request");
    }
    date_field("Date the resident asked", f.on, required_field());
    FieldOptions why;
    why.multiline = true;
    why.lines = 2;
    why.hint = "Optional: no reason is needed (6.12)";
    text_field("What they are still unhappy about", f.still_unhappy, why);
    FieldOptions disc;
    disc.hint = "Needed only for a request after the window";
    text_field("Discretion decision", f.discretion_decision, disc);
    problem_summary(dlg.problems);
    if (button("Escalate to stage 2", ButtonStyle::Primary)) {
        EscalationRequest r;
        r.on = f.on.value_or(s.today);
        r.resident_reason = f.still_unhappy;
        r.discretion_decision = f.discretion_decision;
        attempt(app, c, [&](Case& x) { return request_escalation(x, r, st, actor(app)); }, "Escalated to stage 2.", kEscalateFields);
    }
}

void related_issue_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    auto& f = dlg.form<RelatedIssueForm>(s.today);
    const Settings& st = data(app).settings;
    bool service_request = c.kind == CaseKind::ServiceRequest;
    paragraph(service_request
                  ? "The resident is unhappy with how this request is handled: a complaint is raised, and work on the request "
                    "carries on (1.5)."
                  : "New related issues join the stage 1 complaint unless that would unreasonably delay the response; "
                    "otherwise they become a new complaint, linked to this one (6.8).",
              true);
    date_field("Date raised", f.on, required_field());
    FieldOptions d;
    d.multiline = true;
    d.lines = 3;
    d.required = true;
    text_field(service_request ? "What they are unhappy about" : "The new issue", f.description, d);
    if (!service_request) {
        checkbox("It is related to this complaint", f.related);
        checkbox("Adding it would unreasonably delay the response", f.would_delay);
        if (f.would_delay) text_field("Why it would delay the response", f.delay_reason);
    }
    problem_summary(dlg.problems);
    if (button(service_request ? "Raise the complaint" : "Save", ButtonStyle::Primary)) {
        Rng rng(entropy_seed());
        const std::string new_id = new_uuid(rng);
        const uint32_t counter = s.next_counter;
        const Date on = f.on.value_or(s.today);
        const RelatedIssueForm issue_form = f;
        const FieldLabels fields = {{"own_words", service_request ? "What they are unhappy about" : "The new issue"},
                                    {"description", "The new issue"}, {"delay_reason", "Why it would delay the response"},
                                    {"received", "Date raised"}};
        std::string done;  // which way the issue went, known once the engine has decided
        attempt(app, c,
                [&](Case& x) -> Status {
                    std::optional<Case> created;
                    if (service_request) {
                        NewCase n;
                        n.id = new_id;
                        n.counter = counter;
                        n.device_code = st.device_code;
                        n.kind = CaseKind::Complaint;
                        n.channel = x.channel;
                        n.received = on;
                        n.resident = x.resident;
                        n.representative = x.representative;
                        n.own_words = issue_form.description;
                        n.outcome_wanted = x.outcome_wanted;
                        n.category_id = x.category_id;
                        n.property = x.property;
                        n.vulnerability = x.vulnerability;
                        n.staff_safety_warning = x.staff_safety_warning;
                        auto r = convert_service_request_to_complaint(x, n, st, actor(app));
                        if (!r) return r.error();
                        created = std::move(r.value());
                    } else {
                        RelatedIssue issue;
                        issue.on = on;
                        issue.description = issue_form.description;
                        issue.related = issue_form.related;
                        issue.would_unreasonably_delay = issue_form.would_delay;
                        issue.delay_reason = issue_form.delay_reason;
                        issue.new_id = new_id;
                        issue.new_counter = counter;
                        issue.new_device_code = st.device_code;
                        auto r = raise_related_issue(x, issue, st, actor(app));
                        if (!r) return r.error();
                        if (r.value()) created = std::move(*r.value());
                    }
                    if (created) {  // the new complaint is kept before the case that links to it
                        if (Status saved = s.store->save_case(*created); !saved) return saved;
                        s.next_counter++;
                    }
                    done = created ? "New complaint " + created->reference + " logged and linked to this case."
                                   : "The issue joined this complaint as a new point.";
                    return {};
                },
                done, fields);
    }
}

void close_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    auto& f = dlg.form<CloseForm>(s.today);
    const Settings& st = data(app).settings;
    if (dlg.opened_this_frame)
        f.reason = c.kind == CaseKind::ServiceRequest ? int(ClosureReason::ServiceRequestDone)
                      : c.kind == CaseKind::Complaint    ? int(ClosureReason::Resolved)
                                                         : int(ClosureReason::NoFurtherAction);
    paragraph("A complaint closes as resolved when the last stage has its response and every remedy and action is done.", true);
    date_field("Date closed", f.on, required_field());
    combo("Reason", f.reason, closure_reason_labels());
    FieldOptions n;
    n.multiline = true;
    n.lines = 2;
    text_field("Notes", f.notes, n);
    problem_summary(dlg.problems);
    if (button("Close the case", ButtonStyle::Primary)) {
        Date on = f.on.value_or(s.today);
        ClosureReason r = ClosureReason(f.reason);
        attempt(app, c, [&](Case& x) { return close(x, on, r, f.notes, st, actor(app)); }, "Case closed.",
                FieldLabels{{"closure.closed_on", "Date closed"}, {"closure.reason", "Reason"}, {"closure.notes", "Notes"}});
    }
}

void withdraw_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    auto& f = dlg.form<WithdrawForm>(s.today);
    date_field("Date withdrawn", f.on, required_field());
    text_field("Withdrawn by", f.withdrawn_by, with_hint("The resident or their representative"));
    FieldOptions n;
    n.multiline = true;
    n.lines = 2;
    text_field("Notes", f.notes, n);
    problem_summary(dlg.problems);
    if (button("Record withdrawal", ButtonStyle::Primary)) {
        Date on = f.on.value_or(s.today);
        attempt(app, c, [&](Case& x) { return withdraw(x, on, f.withdrawn_by, f.notes, actor(app)); }, "Complaint withdrawn.",
                FieldLabels{{"closure.closed_on", "Date withdrawn"}, {"closure.withdrawn_by", "Withdrawn by"}});
    }
}

}  // namespace doorstep::ui
