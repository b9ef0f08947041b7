// Putting things right: a remedy (7.3, 5.13), financial with its parts and the
// officer's award limit, and the outstanding actions a response promised (6.6).
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

const FieldLabels kRemedyFields = {
    {"remedies.description", "What will happen"}, {"remedies.amount", "Amount"}, {"remedies.parts", "Amount"},
    {"remedies.approved_by", "Approved by"}, {"remedies.override_reason", "Approved by"}, {"remedies.due", "Due by"},
    {"remedies.offered_on", "Offered to the resident on (optional)"},
};
const FieldLabels kActionFields = {{"description", "Action"}, {"owner", "Owner"}, {"due", "Due by"}};

}  // namespace

void add_remedy_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    auto& f = dlg.form<RemedyForm>(s.today);
    const Settings& st = data(app).settings;
    if (dlg.opened_this_frame) f.due = s.calendar.add_working_days(s.today, 10);  // no offer is assumed: offered_on stays empty
    paragraph("Say what will happen and by when (7.3). A remedy can be offered at any stage (5.13).", true);
    combo("Type", f.type, remedy_type_labels());
    FieldOptions d;
    d.multiline = true;
    d.lines = 2;
    d.required = true;
    text_field("What will happen", f.description, d);
    if (RemedyType(f.type) == RemedyType::Financial) {
        money_field("Amount", f.pence, with_hint("In pounds, for example 150.00"));
        text_field("How the sum was worked out", f.working);
        award_parts_fields(f.part_pence);
        const StaffMember* me = find_staff(st, actor(app).name);
        person_field(dlg, "Approved by", f.approved_by, st,
                     "Needed above your award limit (" + format_money(me ? me->award_limit : Money{}) + ")");
    }
    date_field("Due by", f.due, required_field());
    date_field("Offered to the resident on (optional)", f.offered_on, with_hint("Leave empty while it is only proposed"));
    problem_summary(dlg.problems);
    if (button("Add remedy", ButtonStyle::Primary)) {
        Remedy r;
        r.type = RemedyType(f.type);
        r.description = f.description;
        r.amount = Money{f.pence};
        r.working = f.working;
        r.approved_by = f.approved_by;
        if (r.type == RemedyType::Financial) r.parts = award_parts(f.part_pence);
        r.due = f.due;
        int stage = dlg.stage;
        const std::optional<Date> offered = f.offered_on;
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
    auto& f = dlg.form<ActionForm>(s.today);
    const Settings& st = data(app).settings;
    if (dlg.opened_this_frame) f.due = s.calendar.add_working_days(s.today, 10);
    paragraph("Actions promised in the response are tracked to completion (6.6).", true);
    FieldOptions d;
    d.required = true;
    text_field("Action", f.description, d);
    person_field(dlg, "Owner", f.owner, st);
    date_field("Due by", f.due, required_field());
    problem_summary(dlg.problems);
    if (button("Add action", ButtonStyle::Primary)) {
        OutstandingAction a;
        a.description = f.description;
        a.owner = f.owner;
        a.due = f.due.value_or(s.today);
        int stage = dlg.stage;
        attempt(app, c, [&](Case& x) { return add_action(x, stage, a, actor(app)); }, "Action added.", kActionFields);
    }
}

}  // namespace doorstep::ui
