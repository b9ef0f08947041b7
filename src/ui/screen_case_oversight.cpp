// A case's oversight, below its stages: the Housing Ombudsman's referral,
// determination and orders (8.1c, 9.7c), with overdue orders as alerts; the
// satisfaction survey after each stage response; and each remedy followed from
// the offer to the resident's answer to paid or done (7.3), with a financial
// award's parts and who approved it. Every change is a form (draw_oversight_form,
// reached through the dialog mechanism) that calls oversight.h / workflow.h on a
// copy of the case and saves it only when the engine agrees.
#include "core/rules/deadlines.h"
#include "core/model/labels.h"
#include "core/base/money.h"
#include "core/rules/oversight.h"
#include "core/rules/workflow.h"
#include "ui/form_problems.h"
#include "ui/forms.h"
#include "ui/screens.h"
#include "ui/semantics.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "ui/wording.h"

#include "imgui.h"

namespace doorstep::ui {

namespace {

// The seven determinations the Ombudsman makes (pending is not one of them).
constexpr Determination kDeterminations[] = {
    Determination::SevereMaladministration, Determination::Maladministration, Determination::ServiceFailure,
    Determination::ReasonableRedress,       Determination::NoMaladministration, Determination::OutsideJurisdiction,
    Determination::Withdrawn,
};

std::vector<std::string> determination_labels() {
    std::vector<std::string> out;
    for (Determination d : kDeterminations) out.push_back(labels::determination(d));
    return out;
}

std::string score_text(int n) { return n > 0 ? std::to_string(n) + " out of 5" : std::string("not answered"); }

std::string survey_text(const Survey& s) {
    std::string t = "Offered" + (s.on ? " " + long_date(*s.on) : std::string());
    const std::string when = s.answered_on ? " " + long_date(*s.answered_on) : std::string();
    if (s.declined) return t + ". Declined" + when + ".";
    if (!s.answered) return t + ". No answer yet.";
    return t + ". Answered" + when + ": satisfied with how it was handled " + score_text(s.satisfied_handling) +
           ", with the outcome " + score_text(s.satisfied_outcome) + ", felt listened to " + score_text(s.felt_listened) + ".";
}

// "3 working days overdue" / "Due in 4 working days" for an order not yet complied with.
std::string order_due_text(const App& app, Date due) {
    const AppState& s = *app.state;
    const Settings& settings = data(app).settings;
    return days_left_text(s.calendar.working_days_between(s.today, due), urgency_of(due, s.today, settings, s.calendar));
}

const Stage* stage_of(const Case& c, int stage_no) {
    const int i = stage_index(c, stage_no);
    return i < 0 ? nullptr : &c.stages[size_t(i)];
}

ButtonOptions row_button(const std::string& id, const std::string& description, bool first) {
    ButtonOptions o;
    o.id = id;
    o.description = description;
    o.same_line = !first && !narrow_layout();
    if (narrow_layout()) o.width = -1;
    return o;
}

void ombudsman_part(App& app, const Case& c) {
    AppState& s = *app.state;
    heading("Housing Ombudsman", 2);
    if (!c.ombudsman) {
        paragraph("Not referred to the Housing Ombudsman. Residents may go to the Ombudsman at any time (3.7).", true);
        if (button("Record a referral to the Ombudsman")) open_dialog(app, DialogKind::OmbudsmanReferral, c.id);
        return;
    }
    const OmbudsmanCase& o = *c.ombudsman;
    label_value("Referred", long_date(o.referred));
    label_value("Ombudsman's reference", o.reference);
    std::string determination = labels::determination(o.determination);
    if (o.determined) determination += ", " + long_date(*o.determined);
    label_value("Determination", determination);
    for (size_t i = 0; i < o.orders.size(); ++i) {
        const OmbudsmanOrder& order = o.orders[i];
        if (!order.completed && order.due < s.today)
            notice(order.description + ". Due " + long_date(order.due) + ": " + order_due_text(app, order.due) + ".",
                   theme().error, Role::Alert, "Ombudsman order overdue");
    }
    if (!o.orders.empty()) {
        heading("Orders", 3);
        sem_push(Role::List, "Ombudsman orders", int(o.orders.size()));
        for (size_t i = 0; i < o.orders.size(); ++i) {
            const OmbudsmanOrder& order = o.orders[i];
            std::string t = std::to_string(i + 1) + ". " + order.description + ", due " + short_date(order.due);
            if (order.completed)
                t += ". Complied with " + short_date(*order.completed) + (*order.completed > order.due ? " (late)" : "") +
                     ". Evidence: " + order.evidence;
            else
                t += ". " + order_due_text(app, order.due);
            sem_push(Role::ListItem, t);  // the order, and its button when still open
            paragraph(t);
            if (!order.completed) {
                ButtonOptions b = row_button("order-complied-" + std::to_string(i), "Order: " + order.description, true);
                if (button("Mark order " + std::to_string(i + 1) + " complied", b)) {
                    open_dialog(app, DialogKind::OrderComplied, c.id);
                    s.dialog.form<OrderCompliedForm>(s.today).order = int(i);
                }
            }
            sem_pop();
        }
        sem_pop();
    }
    bool first = true;
    if (o.determination == Determination::Pending) {
        if (button("Record the determination", row_button("ombudsman-determination", "", first)))
            open_dialog(app, DialogKind::OmbudsmanDetermination, c.id);
        first = false;
    }
    if (o.determination == Determination::Pending || is_adverse_finding(o.determination))
        if (button("Add an Ombudsman order", row_button("ombudsman-order", "", first)))
            open_dialog(app, DialogKind::OmbudsmanOrder, c.id);
}

void surveys_part(App& app, const Case& c) {
    heading("Satisfaction surveys", 2);
    bool any_response = false;
    for (const Stage& st : c.stages) {
        if (!st.responded) continue;
        any_response = true;
        const std::string stage = "stage " + std::to_string(st.number);
        const Survey* sv = find_survey(c, st.number);
        label_value("After the " + stage + " response", sv ? survey_text(*sv) : std::string("Not offered."));
        const std::string id = std::to_string(st.number);
        if (!sv) {
            if (button("Offer the " + stage + " survey", row_button("survey-offer-" + id, "", true)))
                open_dialog(app, DialogKind::SurveyOffer, c.id, st.number);
        } else if (!sv->answered && !sv->declined) {
            if (button("Record the " + stage + " survey answer", row_button("survey-answer-" + id, "", true)))
                open_dialog(app, DialogKind::SurveyAnswer, c.id, st.number);
        }
    }
    if (!any_response) paragraph("A short survey is offered after each response.", true);
}

std::string remedy_text(const Remedy& r) {
    std::string t = std::string(remedy_type_label(r.type)) + ": " + r.description;
    if (r.type == RemedyType::Financial) {
        t += ", " + format_money(r.amount);
        const std::pair<const char*, Money> parts[] = {{"statutory payments", r.parts.statutory},
                                                       {"quantifiable losses", r.parts.quantifiable_losses},
                                                       {"time and trouble", r.parts.time_and_trouble},
                                                       {"distress and inconvenience", r.parts.distress_and_inconvenience}};
        std::string split;
        for (const auto& [name, money] : parts)
            if (money.pence != 0) split += (split.empty() ? "" : ", ") + std::string(name) + " " + format_money(money);
        if (!split.empty()) t += " (" + split + ")";
        if (!r.approved_by.empty()) t += ". Approved by " + r.approved_by;
    }
    t += ". " + std::string(remedy_state_label(r.state));
    if (r.offered_on) t += ". Offered " + short_date(*r.offered_on);
    if (r.answered_on)
        t += std::string(r.state == RemedyState::Declined ? ". Declined " : ". Accepted ") + short_date(*r.answered_on);
    if (r.completed) t += std::string(r.type == RemedyType::Financial ? ". Paid " : ". Done ") + short_date(*r.completed);
    else if (r.due) t += ". Due by " + short_date(*r.due);
    return t + ".";
}

void remedies_part(App& app, const Case& c) {
    AppState& s = *app.state;
    bool any = false;
    for (const Stage& st : c.stages) any |= !st.remedies.empty();
    if (!any) return;
    heading("Remedy offers and answers (7.3)", 2);
    for (const Stage& st : c.stages) {
        if (st.remedies.empty()) continue;
        sem_push(Role::List, "Stage " + std::to_string(st.number) + " remedies", int(st.remedies.size()));
        for (size_t i = 0; i < st.remedies.size(); ++i) {
            const Remedy& r = st.remedies[i];
            const std::string text = remedy_text(r);
            sem_push(Role::ListItem, text);  // the remedy, and the buttons for its next step
            paragraph(text);
            const std::string n = std::to_string(i + 1);
            const std::string id = std::to_string(st.number) + "-" + n;
            const std::string name = "remedy " + n + (c.stages.size() > 1 ? " of stage " + std::to_string(st.number) : "");
            DialogKind kind = DialogKind::None;
            std::string label;
            if (r.state == RemedyState::Proposed && !c.closure) kind = DialogKind::RemedyOffer, label = "Record the offer of " + name;
            else if (r.state == RemedyState::Offered) kind = DialogKind::RemedyAnswer, label = "Record the answer to " + name;
            if (kind != DialogKind::None && button(label, row_button("remedy-" + id, r.description, true))) {
                open_dialog(app, kind, c.id, st.number);
                s.dialog.form<RemedyStepForm>(s.today).remedy = int(i);
            }
            const bool can_finish = !r.completed && r.state != RemedyState::Declined;
            if (can_finish && button(std::string(r.type == RemedyType::Financial ? "Record payment of " : "Record completion of ") + name,
                                     row_button("remedy-done-" + id, r.description, kind == DialogKind::None))) {
                open_dialog(app, DialogKind::RemedyDone, c.id, st.number);
                s.dialog.form<RemedyStepForm>(s.today).remedy = int(i);
            }
            sem_pop();
        }
        sem_pop();
    }
}

// ---------------------------------------------------------------------------
// Forms

void referral_form(App& app, const Case& c) {
    DialogState& dlg = app.state->dialog;
    auto& f = dlg.form<ReferralForm>(app.state->today);
    paragraph("The Ombudsman's letter or email gives its case reference.", true);
    date_field("Date referred", f.on, required_field());
    text_field("Ombudsman's reference", f.reference, required_field());
    problem_summary(dlg.problems);
    if (button("Record the referral", ButtonStyle::Primary)) {
        const Date on = f.on.value_or(app.state->today);
        attempt(app, c, [&](Case& x) { return refer_to_ombudsman(x, on, f.reference, actor(app)); },
                        "Referral to the Housing Ombudsman recorded.",
                        {{"ombudsman.referred", "Date referred"}, {"ombudsman.reference", "Ombudsman's reference"}});
    }
}

void determination_form(App& app, const Case& c) {
    DialogState& dlg = app.state->dialog;
    auto& f = dlg.form<DeterminationForm>(app.state->today);
    combo("Determination", f.determination, determination_labels(), "As the Ombudsman's determination letter says");
    date_field("Date of the determination", f.on, required_field());
    paragraph("Orders that come with a finding of severe maladministration, maladministration or service failure are "
              "added one by one after this.", true);
    problem_summary(dlg.problems);
    if (button("Record the determination", ButtonStyle::Primary)) {
        const Determination d = f.determination >= 0 ? kDeterminations[f.determination] : Determination::Pending;
        const Date on = f.on.value_or(app.state->today);
        attempt(app, c, [&](Case& x) { return record_determination(x, d, on, actor(app)); },
                        std::string("Determination recorded: ") + labels::determination(d) + ".",
                        {{"ombudsman.determination", "Determination"}, {"ombudsman.determined", "Date of the determination"}});
    }
}

void order_form(App& app, const Case& c) {
    DialogState& dlg = app.state->dialog;
    auto& f = dlg.form<OrderForm>(app.state->today);
    FieldOptions what = required_field();
    what.multiline = true;
    what.lines = 2;
    text_field("What the Ombudsman ordered", f.description, what);
    date_field("Due by", f.due, required_field());
    problem_summary(dlg.problems);
    if (button("Add the order", ButtonStyle::Primary)) {
        if (!f.due) {
            refuse_form(dlg.problems, "Due by", "Give the date the order is due by.");
            app.state->last_message = dlg.problems.engine_text;
            return;
        }
        const Date due = *f.due;
        attempt(app, c, [&](Case& x) { return add_order(x, f.description, due, actor(app)); }, "Ombudsman order added.",
                        {{"orders.description", "What the Ombudsman ordered"}, {"orders.due", "Due by"}});
    }
}

void order_complied_form(App& app, const Case& c) {
    DialogState& dlg = app.state->dialog;
    auto& f = dlg.form<OrderCompliedForm>(app.state->today);
    const int i = f.order;
    if (c.ombudsman && i >= 0 && i < int(c.ombudsman->orders.size())) {
        const OmbudsmanOrder& o = c.ombudsman->orders[size_t(i)];
        label_value("Order " + std::to_string(i + 1), o.description + ", due " + long_date(o.due));
    }
    date_field("Date complied with", f.on, required_field());
    FieldOptions ev = required_field();
    ev.multiline = true;
    ev.lines = 2;
    ev.hint = "What was sent to the Ombudsman to show it was done";
    text_field("Evidence of compliance", f.evidence, ev);
    problem_summary(dlg.problems);
    if (button("Record compliance", ButtonStyle::Primary)) {
        const Date on = f.on.value_or(app.state->today);
        attempt(app, c, [&](Case& x) { return complete_order(x, i, on, f.evidence, actor(app)); },
                        "Ombudsman order " + std::to_string(i + 1) + " complied with.",
                        {{"orders.completed", "Date complied with"}, {"orders.evidence", "Evidence of compliance"}});
    }
}

void survey_offer_form(App& app, const Case& c) {
    DialogState& dlg = app.state->dialog;
    auto& f = dlg.form<SurveyOfferForm>(app.state->today);
    if (const Stage* st = stage_of(c, dlg.stage); st && st->responded)
        paragraph("Stage " + std::to_string(dlg.stage) + " was answered " + long_date(*st->responded) + ".", true);
    date_field("Date offered", f.on, required_field());
    problem_summary(dlg.problems);
    if (button("Record the offer", ButtonStyle::Primary)) {
        const Date on = f.on.value_or(app.state->today);
        const int stage = dlg.stage;
        attempt(app, c, [&](Case& x) { return offer_survey(x, stage, on, actor(app)); },
                        "Stage " + std::to_string(stage) + " survey offered.", {{"surveys.on", "Date offered"}});
    }
}

void survey_answer_form(App& app, const Case& c) {
    DialogState& dlg = app.state->dialog;
    auto& f = dlg.form<SurveyAnswerForm>(app.state->today);
    radio_choice("The resident", f.answer, {"Answered", "Declined"});
    date_field(f.answer == 0 ? "Date answered" : "Date declined", f.on, required_field());
    if (f.answer == 0) {
        const std::string hint = "1 very dissatisfied to 5 very satisfied; 0 if the question was not answered";
        number_field("Satisfied with how the complaint was handled", f.handling, 0, 5, with_hint(hint));
        number_field("Satisfied with the outcome", f.outcome, 0, 5, with_hint(hint));
        number_field("Felt listened to", f.listened, 0, 5, with_hint(hint));
    }
    problem_summary(dlg.problems);
    if (button(f.answer == 0 ? "Record the answers" : "Record that it was declined", ButtonStyle::Primary)) {
        const Date on = f.on.value_or(app.state->today);
        const int stage = dlg.stage;
        const std::string name = "Stage " + std::to_string(stage) + " survey";
        const std::string date = f.answer == 0 ? "Date answered" : "Date declined";
        const FieldLabels fields = {{"surveys.answered_on", date}, {"surveys.satisfied_handling", "Satisfied with how the complaint was handled"},
                                    {"surveys.satisfied_outcome", "Satisfied with the outcome"}, {"surveys.felt_listened", "Felt listened to"}};
        if (f.answer == 0) {
            const SurveyAnswers a{f.handling, f.outcome, f.listened};
            attempt(app, c, [&](Case& x) { return record_survey_answers(x, stage, on, a, actor(app)); },
                            name + " answers recorded.", fields);
        } else {
            attempt(app, c, [&](Case& x) { return record_survey_declined(x, stage, on, actor(app)); },
                            name + " declined.", fields);
        }
    }
}

const Remedy* remedy_of(const Case& c, int stage_no, int index) {
    const Stage* st = stage_of(c, stage_no);
    if (!st || index < 0 || index >= int(st->remedies.size())) return nullptr;
    return &st->remedies[size_t(index)];
}

void remedy_form(App& app, const Case& c) {
    DialogState& dlg = app.state->dialog;
    auto& f = dlg.form<RemedyStepForm>(app.state->today);
    const int stage = dlg.stage, index = f.remedy;
    if (const Remedy* r = remedy_of(c, stage, index)) paragraph(remedy_text(*r));
    const DialogKind kind = dlg.kind;
    if (kind == DialogKind::RemedyAnswer) radio_choice("The resident", f.answer, {"Accepted", "Declined"});
    const char* date_label = kind == DialogKind::RemedyOffer    ? "Date offered"
                             : kind == DialogKind::RemedyAnswer ? (f.answer == 0 ? "Date accepted" : "Date declined")
                                                                : "Date paid or done";
    date_field(date_label, f.on, required_field());
    problem_summary(dlg.problems);
    if (button(kind == DialogKind::RemedyOffer ? "Record the offer" : kind == DialogKind::RemedyAnswer ? "Record the answer" : "Record it done",
               ButtonStyle::Primary)) {
        const Date on = f.on.value_or(app.state->today);
        const bool accepted = f.answer == 0;
        attempt(app, c, [&](Case& x) {
            if (kind == DialogKind::RemedyOffer) return offer_remedy(x, stage, index, on, actor(app));
            if (kind == DialogKind::RemedyAnswer) return record_remedy_answer(x, stage, index, accepted, on, actor(app));
            return complete_remedy(x, stage, index, on, actor(app));
        }, kind == DialogKind::RemedyOffer    ? "Remedy offer recorded."
           : kind == DialogKind::RemedyAnswer ? (accepted ? "Remedy accepted." : "Remedy declined.")
                                              : "Remedy recorded as done.",
           {{"offered_on", date_label}, {"answered_on", date_label}, {"completed", date_label}});
    }
}

}  // namespace

void award_parts_fields(int64_t (&pence)[4]) {
    heading("Parts of the award (optional)", 3);
    paragraph("When given, the parts must add up to the amount.", true);
    const char* names[4] = {"Statutory payments", "Quantifiable losses", "Time and trouble", "Distress and inconvenience"};
    for (int i = 0; i < 4; ++i) money_field(names[i], pence[i]);
}

AwardParts award_parts(const int64_t (&pence)[4]) {
    return AwardParts{Money{pence[0]}, Money{pence[1]}, Money{pence[2]}, Money{pence[3]}};
}

void draw_case_oversight(App& app, const Case& c) {
    if (c.kind != CaseKind::Complaint) return;
    remedies_part(app, c);
    surveys_part(app, c);
    ombudsman_part(app, c);
}

const char* oversight_dialog_title(DialogKind k) {
    switch (k) {
        case DialogKind::OmbudsmanReferral: return "Referral to the Housing Ombudsman";
        case DialogKind::OmbudsmanDetermination: return "The Ombudsman's determination";
        case DialogKind::OmbudsmanOrder: return "Add an Ombudsman order";
        case DialogKind::OrderComplied: return "Ombudsman order complied with";
        case DialogKind::SurveyOffer: return "Offer the satisfaction survey";
        case DialogKind::SurveyAnswer: return "The survey answer";
        case DialogKind::RemedyOffer: return "Offer the remedy";
        case DialogKind::RemedyAnswer: return "The resident's answer to the remedy";
        case DialogKind::RemedyDone: return "Remedy paid or done";
        default: return nullptr;
    }
}

void draw_oversight_form(App& app, const Case& c) {
    switch (app.state->dialog.kind) {
        case DialogKind::OmbudsmanReferral: referral_form(app, c); break;
        case DialogKind::OmbudsmanDetermination: determination_form(app, c); break;
        case DialogKind::OmbudsmanOrder: order_form(app, c); break;
        case DialogKind::OrderComplied: order_complied_form(app, c); break;
        case DialogKind::SurveyOffer: survey_offer_form(app, c); break;
        case DialogKind::SurveyAnswer: survey_answer_form(app, c); break;
        case DialogKind::RemedyOffer:
        case DialogKind::RemedyAnswer:
        case DialogKind::RemedyDone: remedy_form(app, c); break;
        default: break;
    }
}

}  // namespace doorstep::ui
