// One case: first what staff must know before any contact (6.1), then what is
// next, the actions the Code allows now, each stage, remedies and actions with
// completion ticks, per-resident duties, the record and the audit trail.
#include "core/rules/deadlines.h"
#include "core/rules/erasure.h"
#include "core/rules/findings.h"
#include "core/rules/hazards.h"
#include "core/base/money.h"
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

// A remedy or action ticked when done: `complete` records it through the engine.
template <class F>
void done_checkbox(App& app, const Case& c, const std::string& id, const std::string& label,
                   const std::optional<Date>& completed, const char* message, F complete) {
    bool v = completed.has_value();
    ImGui::PushID(id.c_str());
    if (checkbox(label, v, completed ? "Completed " + short_date(*completed) : "Tick when done") && v && !completed) {
        Case copy = c;
        Status res = complete(copy);
        if (res) (void)commit_case(app, copy, message);
        else say(app, res.error().text(), true);
    }
    ImGui::PopID();
}

// 6.1: what anyone must see before contacting the resident.
void before_contact(const Case& c, const Date& today) {
    std::string lines;
    auto add = [&](const std::string& s) {
        if (!lines.empty()) lines += "\n";
        lines += s;
    };
    if (!c.staff_safety_warning.empty()) add("Staff safety: " + c.staff_safety_warning);
    if (!c.vulnerability.empty()) add("Vulnerability: " + c.vulnerability);
    for (const ReasonableAdjustment& a : c.adjustments) {
        std::string t = "Adjustment: " + a.description;
        if (!a.disclosed_disability.empty()) t += " (" + a.disclosed_disability + ")";
        if (a.review_due) t += (*a.review_due < today ? ", review overdue since " : ", review by ") + short_date(*a.review_due);
        add(t);
    }
    for (const ContactRestriction& r : c.restrictions) {
        std::string t = "Contact restriction: " + r.description;
        if (r.review_due) t += (*r.review_due < today ? ", review overdue since " : ", review by ") + short_date(*r.review_due);
        add(t);
    }
    if (c.representative.kind != RepresentativeKind::None) {
        std::string t = std::string("Representative: ") + representative_label(c.representative.kind);
        if (!c.representative.name.empty()) t += ", " + c.representative.name;
        bool implied = c.representative.kind == RepresentativeKind::Councillor || c.representative.kind == RepresentativeKind::MP;
        t += implied ? " (implied consent)" : c.representative.consent_given ? " (consent given)" : " (no consent recorded yet)";
        add(t);
    }
    if (lines.empty()) return;
    bool serious = !c.staff_safety_warning.empty();
    notice(lines, serious ? theme().error : theme().warning_banner, serious ? Role::Alert : Role::Status,
           "Before you contact " + resident_text(c));
}

struct ActionButton {
    const char* label;
    DialogKind kind;
    int stage;
    ButtonStyle style;
};

std::vector<ActionButton> allowed_actions(const Case& c) {
    std::vector<ActionButton> out;
    const bool open = is_open(c);
    const Stage* cur = current_stage(c);
    const bool complaint = c.kind == CaseKind::Complaint;
    const bool refused = c.refusal.has_value();
    if (open && complaint && cur && !refused) {
        int n = cur->number;
        if (!cur->acknowledged)
            out.push_back({n == 1 ? "Acknowledge stage 1" : "Acknowledge stage 2", DialogKind::Acknowledge, n, ButtonStyle::Primary});
        if (cur->acknowledged && !cur->responded) {
            out.push_back({"Record the response", DialogKind::Respond, n, ButtonStyle::Primary});
            out.push_back({"Extend the deadline", DialogKind::Extend, n, ButtonStyle::Secondary});
            out.push_back({"Agree update interval", DialogKind::UpdateInterval, n, ButtonStyle::Secondary});
        }
        for (const Extension& e : cur->extensions)
            if (!e.resident_told && !cur->responded) {
                out.push_back({"Record extension notice", DialogKind::ExtensionNotice, n, ButtonStyle::Secondary});
                break;
            }
        if (n == 1 && !cur->responded) {
            out.push_back({"Add a new issue", DialogKind::RelatedIssue, 1, ButtonStyle::Secondary});
            out.push_back({"Refuse the complaint", DialogKind::Refuse, 1, ButtonStyle::Danger});
        }
        if (n == 2 && !cur->acknowledged) out.push_back({"Refuse the escalation", DialogKind::RefuseEscalation, 2, ButtonStyle::Danger});
    }
    // Escalation: after a stage 1 response, also when the case closed at stage 1 (it reopens).
    if (complaint && cur && cur->number == 1 && cur->responded && !refused &&
        (open || (c.closure && (c.closure->reason == ClosureReason::NotEscalated || c.closure->reason == ClosureReason::Resolved))))
        out.push_back({"Request escalation to stage 2", DialogKind::Escalate, 2, ButtonStyle::Primary});
    if (refused && !c.refusal->explained_on) out.push_back({"Record refusal explained", DialogKind::RefusalExplained, 0, ButtonStyle::Primary});
    if (c.kind == CaseKind::ServiceRequest && open) out.push_back({"Raise a complaint about it", DialogKind::RelatedIssue, 0, ButtonStyle::Secondary});
    if (open) {
        out.push_back({"Close the case", DialogKind::Close, 0, ButtonStyle::Secondary});
        if (complaint) out.push_back({"Withdrawn by the resident", DialogKind::Withdraw, 0, ButtonStyle::Secondary});
    }
    return out;
}

void stage_panel(App& app, const Case& c, const Stage& s) {
    AppState& st = *app.state;
    const Dataset& d = data(app);
    heading("Stage " + std::to_string(s.number), 2);
    StageClock clock = stage_clock(c, s, d.settings, st.calendar);
    label_value(s.number == 1 ? "Received" : "Escalation requested", long_date(s.opened));
    if (s.acknowledged)
        label_value("Acknowledged", long_date(*s.acknowledged));
    else
        label_value("Acknowledge by", long_date(clock.acknowledge_due));
    if (s.responded) {
        label_value("Responded", long_date(*s.responded));
    } else {
        std::string due = long_date(clock.response_due);
        if (clock.extension_days > 0) due += " (extended by " + std::to_string(clock.extension_days) + " working days)";
        int left = st.calendar.working_days_between(st.today, clock.response_due);
        Urgency u = urgency_of(clock.response_due, st.today, d.settings, st.calendar);
        label_value("Response due", due);
        badge(days_left_text(left, u), urgency_ink(u, theme().info_banner));
    }
    if (s.escalation) {
        if (!s.escalation->resident_reason.empty()) label_value("Resident's reason", s.escalation->resident_reason);
        if (s.escalation->outside_window) label_value("Asked after the window; discretion", s.escalation->discretion_decision);
    }
    label_value("Handler", s.investigator);
    if (!s.approver.empty()) label_value("Signs the response", s.approver);
    if (!s.definition.empty()) {
        label_value("Complaint definition (5.6)", s.definition);
        if (s.definition_confirmed) paragraph("Confirmed with the resident.", true);
    }
    if (!s.points.empty()) {
        heading("Points to answer", 3);
        sem_push(Role::List, "Points to answer", int(s.points.size()));
        for (size_t i = 0; i < s.points.size(); ++i) {
            const DefinitionPoint& p = s.points[i];
            std::string t = std::to_string(i + 1) + ". " + p.text + " — " + decision_label(p.decision);
            if (!p.reasons.empty()) t += ": " + p.reasons;
            paragraph(t, false, Role::ListItem);
        }
        sem_pop();
    }
    for (const Aspect& a : s.aspects)
        if (!a.in_scope) paragraph("Not ours to investigate (5.7): " + a.text + (a.reason_excluded.empty() ? "" : " — " + a.reason_excluded), true);
    if (!s.outcome_sought.empty()) label_value("Outcome sought", s.outcome_sought);
    for (size_t i = 0; i < s.extensions.size(); ++i) {
        const Extension& e = s.extensions[i];
        std::string t = "Extended by " + std::to_string(e.working_days) + " working days on " + short_date(e.decided_on) + ": " + e.reason;
        if (e.resident_told) t += ". Resident told " + short_date(*e.resident_told) + (e.told_how.empty() ? "" : " by " + e.told_how);
        else t += ". Resident not yet told";
        if (e.resident_agreed) t += *e.resident_agreed ? ", agreed" : ", objected";
        if (e.ombudsman_details_given) t += ", Ombudsman details given";
        paragraph(t);
    }
    if (s.updates) {
        std::string t = "Updates every " + std::to_string(s.updates->every_working_days) + " working days (5.9)";
        if (auto next = next_update_due(c, s, st.today, st.calendar)) t += ", next by " + long_date(*next);
        int missed = missed_updates(c, s, st.today, st.calendar);
        if (missed) t += ". " + std::to_string(missed) + " missed";
        paragraph(t);
    }
    if (!s.response_summary.empty()) label_value("Response", s.response_summary);
}

// Remedies (7.3) and outstanding actions (6.6) with completion ticks.
void remedies_and_actions(App& app, const Case& c) {
    AppState& st = *app.state;
    bool any = false;
    for (const Stage& s : c.stages) any |= !s.remedies.empty() || !s.actions.empty();
    heading("Putting things right", 2);
    if (!any) paragraph("No remedies or outstanding actions recorded.", true);
    for (const Stage& s : c.stages) {
        for (size_t i = 0; i < s.remedies.size(); ++i) {
            const Remedy& r = s.remedies[i];
            std::string label = std::string(remedy_type_label(r.type)) + ": " + r.description;
            if (r.type == RemedyType::Financial) label += ", " + format_money(r.amount);
            if (r.due) label += ", by " + short_date(*r.due);
            label += " (" + std::string(remedy_state_label(r.state)) + ")";
            done_checkbox(app, c, "remedy" + std::to_string(s.number) + "-" + std::to_string(i), label, r.completed,
                          "Remedy marked complete.",
                          [&](Case& x) { return complete_remedy(x, s.number, int(i), st.today, actor(app)); });
        }
        for (size_t i = 0; i < s.actions.size(); ++i) {
            const OutstandingAction& a = s.actions[i];
            std::string label = a.description + " (" + (a.owner.empty() ? "no owner" : a.owner) + ", due " + short_date(a.due) + ")";
            done_checkbox(app, c, "action" + std::to_string(s.number) + "-" + std::to_string(i), label, a.completed,
                          "Action marked complete.",
                          [&](Case& x) { return complete_action(x, s.number, int(i), st.today, actor(app)); });
        }
    }
    if (is_open(c) && !c.stages.empty()) {
        int n = c.stages.back().number;
        if (button("Add a remedy")) open_dialog(app, DialogKind::AddRemedy, c.id, n);
        ButtonOptions o;
        o.same_line = true;
        if (button("Add an action", o)) open_dialog(app, DialogKind::AddAction, c.id, n);
    }
}

// A step's badge: time left, or when it was done in the officer's words ("done 10 Oct 2026 03:58, on time").
std::string step_badge_text(const HazardStepStatus& step) {
    const bool done = step.state == HazardStepState::DoneOnTime || step.state == HazardStepState::DoneLate;
    if (!done || (!step.done_at && !step.done)) return describe_time_left(step);
    std::string when = step.done_at ? short_date(step.done_at->date) + " " + to_iso(*step.done_at).substr(11)
                                    : short_date(*step.done);
    return "done " + when + (step.state == HazardStepState::DoneOnTime ? ", on time" : ", late");
}

// Awaab's Law: each hazard's legal clock, step by step, with time left in words.
void hazards_panel(App& app, const Case& c) {
    AppState& st = *app.state;
    const Settings& settings = data(app).settings;
    if (c.hazards.empty() && !hazard_prompt_applies(c, settings)) return;
    heading("Hazards (Awaab's Law)", 2);
    if (c.hazards.empty())
        paragraph("Damp and mould and other hazards have legal clocks from the day we are told. Report one if the resident "
                  "mentioned it.",
                  true);
    LocalDateTime now{st.today, 0};
    if (auto t = parse_iso_local(st.now_local)) now = *t;
    for (const HazardRecord& h : c.hazards) {
        heading(describe_hazard(h, settings), 3);
        HazardStatus hs = hazard_status(h, now, settings, st.calendar);
        if (!hs.under_the_law) paragraph(commencement_note(h, settings) + ".", true);
        if (hs.offer_accommodation)
            notice("The home has not been made safe in time: offer alternative accommodation.", theme().error, Role::Alert,
                   "Offer somewhere safe to stay");
        sem_push(Role::List, "Steps for " + describe_hazard(h, settings), int(hs.steps.size()));
        for (const HazardStepStatus& step : hs.steps) {
            std::string due = step.due_at ? long_date(step.due_at->date) + " " + to_iso(*step.due_at).substr(11)
                                          : long_date(step.due);
            Ink ink = step.state == HazardStepState::Overdue         ? theme().overdue
                      : step.state == HazardStepState::DoneOnTime ||
                                step.state == HazardStepState::NotNeeded ? theme().done
                      : step.state == HazardStepState::DoneLate         ? theme().due_today
                                                                        : theme().upcoming;
            badge(step_badge_text(step), ink, false, false);
            // Side by side when there is room for a readable column; on a phone the step goes under its badge.
            if (ImGui::GetContentRegionAvail().x >= 34.0f * ImGui::GetFontSize()) ImGui::SameLine();
            ImGui::PushTextWrapPos(0.0f);
            std::string t = std::string(step.label) + ", by " + due + (step.provisional ? " (moves when the investigation ends)" : "");
            ImGui::TextUnformatted(t.c_str());
            ImGui::PopTextWrapPos();
            sem_text(Role::ListItem, t + ": " + step_badge_text(step));
        }
        sem_pop();
        draw_hazard_evidence(app, c, h);  // its photos and "Add a photo"
        if (!hs.closed) {
            ButtonOptions o;
            o.id = "hazard-step-" + h.id;
            o.style = ButtonStyle::Primary;
            const std::string next = next_hazard_record(h);
            std::string label = next == "close" ? "Close the hazard" : "Record: " + std::string(hazard_record_label(next));
            if (button(label, o)) {
                open_dialog(app, DialogKind::HazardStep, c.id);
                HazardStepForm& f = st.dialog.form<HazardStepForm>(st.today);
                f.hazard_id = h.id;
                f.step = hazard_step_named(next).value_or(HazardStep::Close);
            }
            if (next != "close") {
                ButtonOptions co;
                co.id = "hazard-close-" + h.id;
                co.same_line = true;
                if (button("Close the hazard", co)) {
                    open_dialog(app, DialogKind::HazardStep, c.id);
                    HazardStepForm& f = st.dialog.form<HazardStepForm>(st.today);
                    f.hazard_id = h.id;
                    f.step = HazardStep::Close;
                }
            }
        }
    }
    ButtonOptions r;
    r.id = "report-hazard";
    if (button("Report a hazard", r)) open_dialog(app, DialogKind::ReportHazard, c.id);
}

}  // namespace

namespace {

// Straight after logging on the doorstep: the next natural step, one tap away — acknowledging
// and defining the complaint, after which its letter is ready (5.6, 6.2); the letter itself for
// a service request; or reporting the hazard the category warned of (Awaab's Law).
void next_after_logging(App& app, const Case& c) {
    AppState& s = *app.state;
    if (s.logged_case_id.empty()) return;
    if (s.logged_case_id != c.id) {
        s.logged_case_id.clear();
        return;
    }
    const bool hazard = s.logged_maybe_hazard;
    const Stage* first = c.kind == CaseKind::Complaint && !c.stages.empty() ? &c.stages.front() : nullptr;
    const bool acknowledge = first && !first->acknowledged;
    notice(hazard ? "You chose a category with hazards that have legal clocks. If the resident described one, report it "
                    "now: the clock started when you were told."
           : acknowledge ? "Acknowledge and define the complaint within the Code's timescale (6.2); its acknowledgement "
                           "letter is then ready to check and print."
                         : "The letter to the resident is ready to check and print.",
           theme().info_banner, Role::Status, "What next");
    ButtonOptions o;
    o.style = ButtonStyle::Primary;
    o.width = narrow_layout() ? -1 : 0;
    if (hazard) {
        o.id = "next-hazard";
        if (button("Report a hazard", o)) {
            s.logged_case_id.clear();
            open_dialog(app, DialogKind::ReportHazard, c.id);
            return;
        }
        o.style = ButtonStyle::Secondary;
        o.same_line = !narrow_layout();
    }
    if (acknowledge) {
        o.id = "next-acknowledge";
        if (button("Acknowledge and define the complaint", o)) {
            s.logged_case_id.clear();
            open_dialog(app, DialogKind::Acknowledge, c.id, first->number);
            return;
        }
    } else {
        o.id = "next-letter";
        if (button("Write the letter", o)) {
            s.logged_case_id.clear();
            s.letters.case_id = c.id;
            go(app, Screen::Letters);
            return;
        }
    }
    ButtonOptions later;
    later.same_line = !narrow_layout();
    later.width = narrow_layout() ? -1 : 0;
    later.id = "next-later";
    if (button("Not now", later)) s.logged_case_id.clear();
}

}  // namespace

void draw_case(App& app) {
    AppState& s = *app.state;
    const Dataset& d = data(app);
    int idx = case_index(app, s.case_id);
    ButtonOptions back;
    back.id = "back";
    back.description = std::string("Returns to ") + screen_title(s.back_to);
    if (button(std::string("Back to ") + screen_title(s.back_to), back)) {
        go(app, s.back_to);
        return;
    }
    if (idx < 0) {
        sem_title("Case not found — Doorstep");
        heading("Case not found", 1);
        paragraph("This case is no longer on this device. It may have been removed by an import.");
        return;
    }
    // A copy: the store may replace its vector when this frame saves.
    const Case c = d.cases[size_t(idx)];
    const CaseStatus& cs = s.statuses[size_t(idx)];
    sem_title(resident_text(c) + ", " + c.reference + " — Doorstep", "Case " + c.reference + " — Doorstep");
    heading(resident_text(c), 1);
    paragraph(c.reference + " · " + kind_label(c.kind) + " · " + cs.label + (c.demo ? " · Sample data" : ""), true);
    if (c.code == CodeVersion::Code2022) paragraph("Handled under the 2022 Code: its clocks apply to this case.", true);

    before_contact(c, s.today);
    next_after_logging(app, c);

    if (!c.conflicts.empty()) {
        notice("This case was changed on two devices before they were merged. Both versions are kept: compare them with the "
               "audit trail and keep the right one.",
               theme().error, Role::Alert, "Conflicting changes (" + std::to_string(c.conflicts.size()) + ")");
        if (button("Resolve the conflict")) open_dialog(app, DialogKind::ResolveConflict, c.id);
    }

    // Code breaches in the history (findings.h): kept, never hidden.
    if (cs.findings > 0) {
        std::string text;
        for (const Finding& f : case_findings(c, d.settings)) text += (text.empty() ? "" : "\n") + f.field + ": " + f.message;
        notice(text, theme().warning_banner, Role::Status,
               "Code breaches on record (" + std::to_string(cs.findings) + ")");
    }
    if (c.reference_aliases.size() == 1) paragraph("Earlier reference: " + c.reference_aliases[0], true);
    else if (!c.reference_aliases.empty()) {
        std::string refs;
        for (const std::string& r : c.reference_aliases) refs += (refs.empty() ? "" : ", ") + r;
        paragraph("Earlier references: " + refs, true);
    }

    if (cs.open && cs.next != NextAction::None) {
        std::string text = cs.next_label;
        if (cs.due) text += " by " + long_date(*cs.due) + ". " + days_left_text(cs);
        notice(text, urgency_ink(cs.urgency, theme().info_banner), Role::Status, "Next");
    }

    // Actions the Code allows now; the engine still checks each one and explains a refusal.
    auto actions = allowed_actions(c);
    if (!actions.empty()) {
        heading("Actions", 2);
        bool first = true;
        for (const ActionButton& a : actions) {
            ButtonOptions o;
            o.style = a.style;
            o.same_line = !first;
            o.width = narrow_layout() ? -1 : 0;
            if (narrow_layout()) o.same_line = false;
            if (button(a.label, o)) open_dialog(app, a.kind, c.id, a.stage);
            first = false;
        }
        ButtonOptions lo;
        lo.same_line = !narrow_layout();
        lo.width = narrow_layout() ? -1 : 0;
        if (button("Letters for this case", lo)) {
            s.letters.case_id = c.id;
            go(app, Screen::Letters);
        }
    }

    hazards_panel(app, c);
    draw_case_evidence(app, c);  // photos and documents (5.12)

    if (c.refusal) {
        heading("Refusal", 2);
        const RefusalGround* g = find_ground(d.settings, c.refusal->ground_id);
        label_value(c.refusal->at_escalation ? "Escalation refused on the ground (5.11)" : "Refused on the ground (section 2)",
                    g ? g->label : c.refusal->ground_id);
        if (g) label_value("Who can review it", review_body_label(g->body));
        label_value("Reasons", c.refusal->reasoning);
        label_value("Decided", long_date(c.refusal->decided_on));
        if (c.refusal->explained_on) label_value("Explained in writing", long_date(*c.refusal->explained_on));
        else label_value("Explain in writing by", long_date(refusal_explanation_due(*c.refusal, d.settings, s.calendar)));
    }

    for (auto it = c.stages.rbegin(); it != c.stages.rend(); ++it) stage_panel(app, c, *it);
    if (c.kind == CaseKind::Complaint) remedies_and_actions(app, c);
    draw_case_oversight(app, c);  // remedy offers, surveys, the Housing Ombudsman

    heading("What the resident said", 2);
    label_value("In their own words", c.own_words);
    label_value("What they want", c.outcome_wanted);
    label_value("Category", category_label(d.settings, c.category_id));
    label_value("How it reached us", channel_label(c.channel));
    label_value("Received", long_date(c.received));

    heading("Contact details", 2);
    label_value("Address", c.resident.address + (c.resident.postcode.empty() ? "" : ", " + c.resident.postcode));
    label_value("Phone", c.resident.phone);
    label_value("Email", c.resident.email);
    label_value("Prefers", contact_method_label(c.resident.preferred_contact));

    heading("Adjustments and restrictions", 2);
    if (c.adjustments.empty() && c.restrictions.empty()) paragraph("None recorded.", true);
    for (const ReasonableAdjustment& a : c.adjustments)
        paragraph("Adjustment: " + a.description + ", agreed " + short_date(a.agreed_on) +
                  (a.review_due ? ", review by " + short_date(*a.review_due) : std::string(", no review date")));
    for (const ContactRestriction& r : c.restrictions)
        paragraph("Restriction: " + r.description + ", decided " + short_date(r.decided_on) +
                  (r.review_due ? ", review by " + short_date(*r.review_due) : std::string(", no review date")));
    if (button("Add an adjustment")) open_dialog(app, DialogKind::AddAdjustment, c.id);
    ButtonOptions ro;
    ro.same_line = true;
    if (button("Add a restriction", ro)) open_dialog(app, DialogKind::AddRestriction, c.id);

    heading("Notes and correspondence", 2);
    if (c.log.empty() && c.contacts.empty()) paragraph("Nothing recorded yet.", true);
    for (auto it = c.contacts.rbegin(); it != c.contacts.rend(); ++it)
        paragraph(short_date(it->on) + " · " + contact_method_label(it->method) + " · " + contact_purpose_label(it->purpose) +
                  " · " + contact_outcome_label(it->outcome) + (it->summary.empty() ? "" : ": " + it->summary));
    for (auto it = c.log.rbegin(); it != c.log.rend(); ++it)
        paragraph(short_date(it->on) + " · " + log_kind_label(it->kind) + (it->by.empty() ? "" : " · " + it->by) + ": " +
                  (it->text.empty() ? it->letter_kind : it->text));
    if (button("Add a note")) open_dialog(app, DialogKind::AddNote, c.id);
    ButtonOptions co;
    co.same_line = true;
    if (button("Log a contact", co)) open_dialog(app, DialogKind::LogContact, c.id);

    heading("Audit trail", 2);
    std::string& show_all_for = app.state->audit_shown_in_full;
    bool all = show_all_for == c.id;
    size_t shown = 0;
    sem_push(Role::List, "Audit trail", int(c.audit.size()));
    for (auto it = c.audit.rbegin(); it != c.audit.rend(); ++it) {
        if (!all && shown == 10) break;
        paragraph(it->at + " · " + it->who + ": " + it->what, true, Role::ListItem);
        ++shown;
    }
    sem_pop();
    if (c.audit.size() > 10 && !all && button("Show all " + std::to_string(c.audit.size()) + " entries")) show_all_for = c.id;

    // 21.8: a complaints or senior manager may erase a closed real case for good, once
    // signed in (a name typed in Settings proves nobody's identity).
    if (c.closure && !c.demo && app_signed_in(app) && erasing_manager(data(app).settings, actor(app).name)) {
        heading("Erase this case", 2);
        const auto ends = retention_ends(c, data(app).settings);
        paragraph(ends ? (*ends <= app.state->today ? "Its retention period ended on " + short_date(*ends) + "."
                                                   : "Its retention period ends on " + short_date(*ends) + ".")
                       : std::string("No retention period is set in Settings."),
                  true);
        ButtonOptions erase;
        erase.style = ButtonStyle::Danger;
        erase.description = "Removes the case from this device for good, keeping only a record that it was erased";
        if (button("Erase this case", erase)) open_dialog(app, DialogKind::EraseCase, c.id);
    }
}

}  // namespace doorstep::ui
