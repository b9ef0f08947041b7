// Self-assessment against the Code (8.1a, 8.3) as landlords keep it: the 72
// provisions by section, each answered yes / no / partly / not applicable with
// evidence and commentary beside the evidence measured from the cases (and a
// warning where the answer contradicts it); several actions per provision with
// owner, status, due date and dated updates; sign-off by the lead officer and the
// Member Responsible for Complaints; extra assessments after a restructure, merger
// or stock transfer; last year's copied forward; exports in the seeds' table shape.
#include "core/base/ids.h"
#include "core/reports/report_output.h"
#include "core/reports/self_assessment.h"
#include "ui/screens.h"
#include "ui/semantics.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "ui/wording.h"

#include "imgui.h"

#include <algorithm>

namespace doorstep::ui {

namespace {

const char* const kExtraReasons[] = {"Restructure", "Merger", "Stock transfer", "Change of procedure"};

std::string assessment_label(const SelfAssessment& a) {
    std::string l = a.reason.empty() || a.reason == "annual" ? std::string("Annual") : "Extra (8.3): " + a.reason;
    return l + (is_signed(a) ? ", signed" : ", not signed");
}

// Applies `change` to the assessment `id` in a copy of the list and keeps it; false with the error shown.
template <class F>
bool change_assessment(App& app, const std::string& id, F change, const std::string& done) {
    const Dataset& d = data(app);
    std::vector<SelfAssessment> all = d.assessments;
    auto it = std::find_if(all.begin(), all.end(), [&](const SelfAssessment& a) { return a.id == id; });
    Status st = it == all.end() ? Status(Error{"self-assessment", "is no longer on this device"}) : change(*it);
    if (st) st = save_assurance(app, all, d.quality_checks, d.non_compliance);
    if (!st) {
        app.state->assessment.form_error = st.error().text();
        say(app, st.error().text(), true);
        return false;
    }
    app.state->assessment.form_error.clear();
    if (!done.empty()) say(app, done);
    return true;
}

bool add_assessment(App& app, SelfAssessment a, const std::string& done) {
    const Dataset& d = data(app);
    std::vector<SelfAssessment> all = d.assessments;
    std::string id = a.id;
    all.push_back(std::move(a));
    Status st = save_assurance(app, all, d.quality_checks, d.non_compliance);
    if (!st) {
        say(app, st.error().text(), true);
        return false;
    }
    app.state->assessment.id = id;
    say(app, done);
    return true;
}

void close_form(AssessmentState& as) {
    as.form_provision.clear();
    as.form_action = -1;
    as.form_error.clear();
}

// The action (or update) form under one provision.
void action_form(App& app, const SelfAssessment& a, const ProvisionAnswer& ans) {
    AssessmentState& as = app.state->assessment;
    const bool update = as.form_action >= 0;
    heading(update ? "Update on action " + std::to_string(as.form_action + 1) : "New action for " + ans.provision, 4);
    if (!as.form_error.empty()) notice(as.form_error, theme().error, Role::Alert, "Not saved");
    FieldOptions t = required_field();
    t.multiline = true;
    t.lines = 2;
    text_field(update ? "Progress" : "Action required", as.form_text, t);
    if (!update) text_field("Action owner", as.form_owner, required_field());
    date_field(update ? "Dated" : "Due", as.form_date, update ? required_field() : FieldOptions{});
    std::vector<std::string> statuses = {action_status_label(ActionStatus::NotStarted),
                                         action_status_label(ActionStatus::InProgress),
                                         action_status_label(ActionStatus::Done)};
    radio_choice(update ? "Status now" : "Status", as.form_status, statuses);
    if (button(update ? "Save the update" : "Save the action", ButtonStyle::Primary)) {
        const std::string provision = ans.provision;
        bool ok;
        if (update) {
            if (!as.form_date) {
                as.form_error = "Give the date of the update.";
                say(app, as.form_error, true);
                return;
            }
            DatedUpdate u{*as.form_date, as.form_text};
            int index = as.form_action;
            ActionStatus status = ActionStatus(as.form_status);
            ok = change_assessment(app, a.id, [&](SelfAssessment& x) {
                return update_assessment_action(x, provision, index, u, status);
            }, "Update on action " + std::to_string(index + 1) + " of " + provision + " kept.");
        } else {
            AssessmentAction act{as.form_text, as.form_owner, ActionStatus(as.form_status), as.form_date, {}};
            ok = change_assessment(app, a.id, [&](SelfAssessment& x) { return add_assessment_action(x, provision, act); },
                                   "Action added to " + provision + ".");
        }
        if (ok) close_form(as);
    }
    ButtonOptions o;
    o.same_line = true;
    if (button("Cancel", o)) close_form(as);
}

void open_form(App& app, const std::string& provision, int action) {
    AssessmentState& as = app.state->assessment;
    close_form(as);
    as.form_provision = provision;
    as.form_action = action;
    as.form_text.clear();
    as.form_owner.clear();
    as.form_date = action >= 0 ? std::optional<Date>(app.state->today) : std::nullopt;
    as.form_status = action >= 0 ? 1 : 0;
    focus_first_control();
}

void actions(App& app, const SelfAssessment& a, const ProvisionAnswer& ans) {
    AssessmentState& as = app.state->assessment;
    if (!ans.actions.empty()) heading("Actions for " + ans.provision, 3);
    for (size_t i = 0; i < ans.actions.size(); ++i) {
        const AssessmentAction& act = ans.actions[i];
        ImGui::PushID(int(i));
        paragraph(std::to_string(i + 1) + ". " + act.description);
        paragraph("Owner: " + act.owner + ". " + action_status_label(act.status) + ". Due: " + date_text(act.due) + ".", true);
        for (const DatedUpdate& u : act.updates) paragraph(short_date(u.on) + ": " + u.text, true, Role::ListItem);
        if (as.form_provision != ans.provision || as.form_action != int(i)) {
            ButtonOptions o;
            o.description = act.description;
            if (button("Add an update to action " + std::to_string(i + 1) + " of " + ans.provision, o))
                open_form(app, ans.provision, int(i));
        } else {
            action_form(app, a, ans);
        }
        ImGui::PopID();
    }
    if (as.form_provision == ans.provision && as.form_action < 0) {
        action_form(app, a, ans);
    } else if (button("Add an action to " + ans.provision)) {
        open_form(app, ans.provision, -1);
    }
}

void sign_off_part(App& app, const SelfAssessment& a) {
    AssessmentState& as = app.state->assessment;
    heading("Sign-off", 2);
    paragraph("Every provision answered, and an action with an owner for each No or Partly, before signing. Signing "
              "locks the answers; actions can still be updated.",
              true);
    const Signatory who[2] = {Signatory::LeadOfficer, Signatory::MemberResponsible};
    const char* role[2] = {"Lead officer", "Member Responsible for Complaints"};
    const SignOff* done[2] = {&a.lead_officer, &a.member_responsible};
    for (int i = 0; i < 2; ++i) {
        ImGui::PushID(i);
        heading(role[i], 3);
        if (done[i]->on) {
            label_value("Signed by", done[i]->name + ", " + long_date(*done[i]->on));
            if (!done[i]->statement.empty()) label_value("Statement", done[i]->statement);
        } else {
            if (!as.sign_on[i]) as.sign_on[i] = app.state->today;
            text_field(std::string("Name of the ") + (i == 0 ? "lead officer" : "Member Responsible"), as.sign_name[i],
                       required_field());
            date_field(std::string("Signed on (") + role[i] + ")", as.sign_on[i], required_field());
            FieldOptions st;
            st.multiline = true;
            st.lines = 2;
            st.hint = "What was reviewed, and the governing body's response";
            text_field(std::string("Statement (") + role[i] + ")", as.sign_statement[i], st);
            if (button(std::string("Sign as ") + (i == 0 ? "lead officer" : "Member Responsible for Complaints"),
                       ButtonStyle::Primary)) {
                SignOff so{as.sign_name[i], role[i], as.sign_on[i], as.sign_statement[i]};
                Signatory w = who[i];
                if (change_assessment(app, a.id, [&](SelfAssessment& x) { return sign_off(x, w, so); },
                                      std::string("Signed off by the ") + (i == 0 ? "lead officer." : "Member Responsible for Complaints."))) {
                    as.sign_name[i].clear();
                    as.sign_statement[i].clear();
                }
            }
        }
        ImGui::PopID();
    }
    if (is_signed(a)) {
        ButtonOptions o;
        o.style = ButtonStyle::Danger;
        o.description = "unlocks the answers; both must sign again";
        if (button("Withdraw the sign-offs", o))
            change_assessment(app, a.id, [](SelfAssessment& x) { withdraw_sign_offs(x); return Status{}; },
                              "Sign-offs withdrawn: the answers can be changed.");
    }
}

void extra_part(App& app, const SelfAssessment& current, const std::vector<Provision>& provisions) {
    AssessmentState& as = app.state->assessment;
    if (!as.extra_open) {
        ButtonOptions o;
        o.description = "after a restructure, merger, stock transfer or change of procedure (8.3)";
        if (button("Start an extra assessment", o)) {
            as.extra_open = true;
            as.extra_details.clear();
            focus_first_control();
        }
        return;
    }
    heading("Extra assessment (8.3)", 3);
    paragraph("Starts from the answers shown now, for review after the change.", true);
    std::vector<std::string> reasons(std::begin(kExtraReasons), std::end(kExtraReasons));
    combo("Why", as.extra_kind, reasons);
    text_field("What changed", as.extra_details, with_hint("e.g. 800 homes transferred from Example Housing"));
    if (button("Start the extra assessment", ButtonStyle::Primary)) {
        std::string reason = reasons[size_t(std::clamp(as.extra_kind, 0, int(reasons.size()) - 1))];
        if (!as.extra_details.empty()) reason += ": " + as.extra_details;
        Rng rng(entropy_seed());
        auto extra = extra_assessment(current, provisions, new_uuid(rng), reason);
        if (!extra) say(app, extra.error().text(), true);
        else if (add_assessment(app, std::move(*extra), "Extra assessment started: " + reason + "."))
            as.extra_open = false;
    }
    ButtonOptions o;
    o.same_line = true;
    if (button("Cancel", o)) as.extra_open = false;
}

}  // namespace

void draw_self_assessment(App& app) {
    AppState& s = *app.state;
    const Dataset& d = data(app);
    AssessmentState& as = s.assessment;
    sem_title("Self-assessment — Doorstep");
    heading("Self-assessment", 1);
    paragraph("Every provision of the Complaint Handling Code, answered each year and after any big change (8.3).", true);

    static auto provisions = load_code_provisions();
    if (!provisions) {
        notice(provisions.error().text(), theme().error, Role::Alert, "The Code's provisions could not be read");
        return;
    }
    int fy = financial_year_of(s.today);
    if (as.year == 0) as.year = fy;
    std::vector<std::string> years = {financial_year(fy).label, financial_year(fy - 1).label};
    int year_index = as.year == fy ? 0 : 1;
    if (radio_choice("Year", year_index, years)) {
        as.year = year_index == 0 ? fy : fy - 1;
        as.id.clear();
    }

    // The year's assessments: the annual one and any extra ones (8.3).
    std::vector<const SelfAssessment*> of_year;
    for (const SelfAssessment& a : d.assessments)
        if (a.year == as.year) of_year.push_back(&a);
    const SelfAssessment* current = nullptr;
    for (const SelfAssessment* a : of_year)
        if (a->id == as.id) current = a;
    if (!current) current = assessment_for_year(d, as.year);
    if (!current) {
        paragraph("There is no self-assessment for " + financial_year(as.year).label + " yet.");
        const SelfAssessment* last = assessment_for_year(d, as.year - 1);
        if (button(last ? "Copy last year's answers forward" : "Start the self-assessment", ButtonStyle::Primary)) {
            Rng rng(entropy_seed());
            add_assessment(app,
                           last ? copy_forward(*last, *provisions, as.year, new_uuid(rng))
                                : new_self_assessment(*provisions, as.year, new_uuid(rng)),
                           "Self-assessment started for " + financial_year(as.year).label +
                               (last ? ", with last year's answers and unfinished actions." : "."));
        }
        return;
    }
    if (of_year.size() > 1) {
        std::vector<std::string> labels;
        int chosen = 0;
        for (size_t i = 0; i < of_year.size(); ++i) {
            labels.push_back(assessment_label(*of_year[i]));
            if (of_year[i] == current) chosen = int(i);
        }
        if (radio_choice("Assessment", chosen, labels)) as.id = of_year[size_t(chosen)]->id;
        current = of_year[size_t(std::clamp(chosen, 0, int(of_year.size()) - 1))];
    }
    const SelfAssessment& a = *current;

    label_value("Code", "Complaint Handling Code " + a.code_version);
    label_value("Why", a.reason.empty() || a.reason == "annual" ? std::string("The annual assessment (8.1a)")
                                                               : "Extra assessment (8.3): " + a.reason);
    if (!a.copied_from.empty()) {
        std::string from = "an earlier assessment";
        for (const SelfAssessment& x : d.assessments)
            if (x.id == a.copied_from) from = financial_year(x.year).label + (x.year == a.year ? " (" + assessment_label(x) + ")" : "");
        label_value("Started from", from);
    }
    ComplianceCounts counts = count_answers(a);
    paragraph(std::to_string(counts.yes) + " yes, " + std::to_string(counts.partly) + " partly, " + std::to_string(counts.no) +
                  " no, " + std::to_string(counts.not_applicable) + " not applicable, " + std::to_string(counts.unanswered) +
                  " not answered." + (is_signed(a) ? " Signed off: answers are locked." : ""),
              true);

    // Evidence from the records, measured when the data changes.
    static std::vector<MeasuredEvidence> evidence;
    static uint64_t evidence_gen = 0;
    static int evidence_year = 0;
    static int32_t evidence_day = -1;
    if (evidence_gen != s.generation || evidence_year != as.year || evidence_day != s.today.serial()) {
        evidence = measure_evidence(d, financial_year(as.year), s.today);  // a year still running: as at today
        evidence_gen = s.generation;
        evidence_year = as.year;
        evidence_day = s.today.serial();
    }
    AssessmentDocument doc{&a, &*provisions, &evidence, financial_year(as.year), d.settings.landlord.name};
    const std::string base = "self-assessment-" + financial_year(as.year).label;
    if (button("Download (HTML)") && app.host.download) {
        app.host.download(base + ".html", "text/html", self_assessment_html(doc));
        say(app, "Self-assessment downloaded.");
    }
    ButtonOptions csv;
    csv.same_line = true;
    csv.description = "one row per provision, in the columns of the Ombudsman's form";
    if (button("Download the table (CSV)", csv) && app.host.download) {
        app.host.download(base + ".csv", "text/csv", self_assessment_csv(doc));
        say(app, "Self-assessment table downloaded.");
    }
    extra_part(app, a, *provisions);

    std::vector<std::string> sections;
    for (int i = 1; i <= 9; ++i) {
        std::string title;
        for (const Provision& p : *provisions)
            if (p.section == i) {
                title = p.section_title;
                break;
            }
        sections.push_back("Section " + std::to_string(i) + ": " + title);
    }
    int section_index = as.section - 1;
    if (combo("Section", section_index, sections)) as.section = section_index + 1;

    const bool locked = is_signed(a);
    std::vector<std::string> answers = {"Not answered", "Yes", "No", "Partly", "Not applicable"};
    for (const Provision& p : *provisions) {
        if (p.section != as.section) continue;
        const ProvisionAnswer* ans = find_answer(a, p.number);
        if (!ans) continue;
        ImGui::PushID(p.number.c_str());
        heading(p.number + (p.must ? " (must)" : " (should)"), 2);
        paragraph(p.summary);
        auto ev = evidence_for(evidence, p.number);
        for (const MeasuredEvidence* e : ev) paragraph("From the records: " + e->summary, true);
        for (const std::string& w : evidence_warnings(*ans, ev)) notice(w, theme().warning_banner, Role::Status, "Check this answer");
        if (locked) {
            label_value("Complies with " + p.number, compliance_label(ans->comply));
            if (!ans->evidence.empty()) label_value("Evidence", ans->evidence);
            if (!ans->commentary.empty()) label_value("Commentary", ans->commentary);
        } else {
            int comply = int(ans->comply);
            std::string evidence_text = ans->evidence, commentary = ans->commentary;
            bool changed = radio_choice("Does the landlord comply with " + p.number + "?", comply, answers);
            FieldOptions eo;
            eo.multiline = true;
            eo.lines = 2;
            eo.id = "evidence";
            changed |= text_field("Evidence", evidence_text, eo);
            eo.id = "commentary";
            changed |= text_field("Commentary", commentary, eo);
            if (changed)
                change_assessment(app, a.id, [&](SelfAssessment& x) {
                    return answer(x, p.number, Compliance(comply), evidence_text, commentary);
                }, "");
        }
        actions(app, a, *ans);
        ImGui::PopID();
    }
    sign_off_part(app, a);
}

}  // namespace doorstep::ui
