// Refusing a complaint or its escalation (2.1-2.5, 5.11) and recording that the
// refusal was explained in writing (2.4).
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

const FieldLabels kRefuseFields = {
    {"refusal.ground_id", "Ground"}, {"refusal.reasoning", "Reasons"}, {"refusal.decided_on", "Date decided"},
    {"refusal.discretion_decision", "Discretion decision"}, {"refusal.approved_by", "Approved by"},
};

}  // namespace

void refuse_form(App& app, const Case& c, bool escalation) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    auto& f = dlg.form<RefuseForm>(s.today);
    const Settings& st = data(app).settings;
    paragraph(escalation ? "Refusing to escalate needs a valid section 2 reason, set out in writing (5.11)."
                         : "Decide case by case, never as a blanket rule (2.5), and keep the reasoning (2.1).",
              true);
    std::vector<std::string> grounds;
    for (const RefusalGround& g : st.refusal_grounds) grounds.push_back(g.label + " (" + g.provision + ")");
    if (dlg.opened_this_frame) f.ground = -1;
    combo("Ground", f.ground, grounds);
    const RefusalGround* g = f.ground >= 0 && f.ground < int(st.refusal_grounds.size())
                                 ? &st.refusal_grounds[size_t(f.ground)]
                                 : nullptr;
    if (g)
        notice(std::string("The letter will tell the resident they can ask ") + review_body_label(g->body) +
                   " to look at this decision.",
               theme().info_banner, Role::Status, "Who can review it");
    date_field("Date decided", f.on, required_field());
    FieldOptions r;
    r.multiline = true;
    r.lines = 3;
    r.required = true;
    text_field("Reasons", f.reasons, r);
    FieldOptions circ;
    circ.multiline = true;
    circ.lines = 2;
    text_field("Circumstances considered", f.circumstances, circ);
    if (g && g->needs_discretion) {
        checkbox("Discretion was considered (2.3)", f.discretion_considered, "For example ill health or safeguarding");
        text_field("Discretion decision", f.discretion_decision);
    }
    if (st.policy.refusal_needs_approval) person_field(dlg, "Approved by", f.approved_by, st, "The complaints manager, as policy asks");
    problem_summary(dlg.problems);
    if (button(escalation ? "Refuse the escalation" : "Refuse the complaint", ButtonStyle::Danger)) {
        RefusalDecision d;
        d.ground_id = g ? g->id : std::string();
        d.reasoning = f.reasons;
        d.circumstances_considered = f.circumstances;
        d.discretion_considered = f.discretion_considered;
        d.discretion_decision = f.discretion_decision;
        d.approved_by = f.approved_by;
        d.decided_on = f.on.value_or(s.today);
        attempt(app, c,
                [&](Case& x) { return escalation ? refuse_escalation(x, d, st, actor(app)) : refuse(x, d, st, actor(app)); },
                escalation ? "Escalation refused. Explain it in writing." : "Complaint refused. Explain it in writing.", kRefuseFields);
    }
}

void refusal_explained_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    auto& f = dlg.form<RefusalExplainedForm>(s.today);
    if (c.refusal)
        paragraph("Explain by " + long_date(refusal_explanation_due(*c.refusal, data(app).settings, s.calendar)) +
                      ", with the reasons and the right to go to the Ombudsman (2.4). The case then closes as refused.",
                  true);
    date_field("Date explained in writing", f.on, required_field());
    problem_summary(dlg.problems);
    if (button("Save", ButtonStyle::Primary)) {
        Date on = f.on.value_or(s.today);
        attempt(app, c, [&](Case& x) { return record_refusal_explained(x, on, actor(app)); }, "Refusal explanation recorded.",
                FieldLabels{{"refusal.explained_on", "Date explained in writing"}});
    }
}

}  // namespace doorstep::ui
