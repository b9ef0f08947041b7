// Awaab's Law on a case: reporting a hazard (day zero is when we are told) and
// recording each of its steps in the Regulations' order (hazards.h).
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

const FieldLabels kHazardFields = {
    {"hazards.type_id", "Type of hazard"}, {"hazards.emergency", "It is an emergency (an imminent risk to health or safety)"},
    {"hazards.observed", "What was seen or reported"}, {"hazards.reported_by", "Who told us"},
    {"hazards.aware", "Date we were told"},
};
const FieldLabels kHazardStepFields = {
    {"hazards.made_safe", "Time made safe"}, {"hazards.findings", "Findings"}, {"hazards.emergency", "It was an emergency"},
    {"hazards.works_planned", "Works planned"}, {"hazards.closed", "Why no further works are needed (if none)"},
};

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

}  // namespace

std::optional<HazardStep> hazard_step_named(const std::string& name) {
    static const std::pair<const char*, HazardStep> names[] = {
        {"make-safe", HazardStep::MakeSafe},
        {"investigate", HazardStep::Investigate},
        {"summary", HazardStep::Summary},
        {"safety-work", HazardStep::SafetyWork},
        {"further-work-start", HazardStep::FurtherWorkStart},
        {"further-work-done", HazardStep::FurtherWorkDone},
        {"close", HazardStep::Close},
    };
    for (const auto& [n, step] : names)
        if (name == n) return step;
    return std::nullopt;
}

void report_hazard_form(App& app, const Case& c) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    auto& f = dlg.form<HazardReportForm>(s.today);
    const Settings& st = data(app).settings;
    if (dlg.opened_this_frame) {
        f.time_told = now_local_time(app).minute_of_day >= 0 ? to_iso(now_local_time(app)).substr(11) : "";
        f.reported_by = c.resident.name.empty() ? "Resident" : c.resident.name;
    }
    paragraph("The day we are told is day zero. An emergency must be made safe within 24 hours; a significant hazard "
              "investigated within 10 working days.",
              true);
    std::vector<std::string> types;
    for (const HazardType& h : st.hazard_types) types.push_back(h.label);
    combo("Type of hazard", f.type, types);
    checkbox("It is an emergency (an imminent risk to health or safety)", f.emergency);
    text_field("Where in the home", f.location, with_hint("For example, the back bedroom ceiling"));
    FieldOptions obs;
    obs.multiline = true;
    obs.lines = 3;
    obs.required = true;
    text_field("What was seen or reported", f.observed, obs);
    text_field("Who told us", f.reported_by);
    date_field("Date we were told", f.on, required_field());
    text_field("Time we were told", f.time_told, with_hint("24-hour clock, for example 14:30"));
    text_field("Vulnerable people living there", f.vulnerable, with_hint("Children, older or disabled people, anyone unwell"));
    problem_summary(dlg.problems);
    if (button("Report the hazard", ButtonStyle::Primary)) {
        HazardReport r;
        Rng rng(entropy_seed());
        r.id = new_uuid(rng);
        if (f.type >= 0 && f.type < int(st.hazard_types.size())) r.type_id = st.hazard_types[size_t(f.type)].id;
        r.emergency = f.emergency;
        r.location = f.location;
        r.observed = f.observed;
        r.reported_by = f.reported_by;
        r.aware = LocalDateTime{f.on.value_or(s.today), parse_time(f.time_told).value_or(0)};
        r.vulnerable_occupants = f.vulnerable;
        if (!parse_time(f.time_told)) {
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
    auto& f = dlg.form<HazardStepForm>(s.today);
    const Settings& st = data(app).settings;
    const std::string id = f.hazard_id;
    const HazardStep step = f.step;
    int hi = hazard_index(c, id);
    if (hi < 0) {
        paragraph("This hazard is no longer on the case.");
        return;
    }
    const HazardRecord& h = c.hazards[size_t(hi)];
    paragraph(describe_hazard(h, st), true);
    if (dlg.opened_this_frame) {
        f.by = actor(app).name;
        f.time_made_safe = to_iso(now_local_time(app)).substr(11);
    }
    date_field("Date", f.on, required_field());
    if (step == HazardStep::MakeSafe)
        text_field("Time made safe", f.time_made_safe, with_hint("24-hour clock, for example 18:00"));
    text_field("Done by", f.by);
    if (step == HazardStep::Investigate) {
        checkbox("A significant hazard was found", f.significant);
        if (h.emergency) checkbox("The emergency was confirmed", f.emergency_confirmed);
        FieldOptions findings;
        findings.multiline = true;
        findings.lines = 3;
        findings.hint = "The written summary to the tenant is drawn from these";
        text_field("Findings", f.text, findings);
        if (f.significant || f.emergency_confirmed)
            text_field("Works needed", f.works_needed, with_hint("The written summary tells the resident what will be done"));
    }
    if (step == HazardStep::FurtherWorkStart)
        text_field("Works planned", f.text,
                   with_hint(h.works_planned.empty() ? "What will remove the cause" : "Leave empty to keep: " + h.works_planned));
    if (step == HazardStep::Close) text_field("Why no further works are needed (if none)", f.text);
    problem_summary(dlg.problems);
    if (button(step == HazardStep::Close ? "Close the hazard" : "Record it", ButtonStyle::Primary)) {
        const Date on = f.on.value_or(s.today);
        const auto t = parse_time(f.time_made_safe);
        if (step == HazardStep::MakeSafe && !t) {
            refuse_form(dlg.problems, "Time made safe", "Write it as hours and minutes, for example 18:00.");
            s.last_message = dlg.problems.engine_text;
            return;
        }
        const HazardStepForm done = f;  // the copy the rule reads: saving closes the form
        attempt(app, c,
                [&](Case& x) -> Status {
                    const Actor a = actor(app);
                    switch (step) {
                        case HazardStep::MakeSafe: return record_made_safe(x, id, LocalDateTime{on, *t}, done.by, st, a);
                        case HazardStep::Investigate:
                            return record_investigation(x, id,
                                                        InvestigationResult{on, done.by, done.significant,
                                                                            done.emergency_confirmed, done.text, done.works_needed},
                                                        st, a);
                        case HazardStep::Summary: return record_summary_sent(x, id, on, done.by, st, a);
                        case HazardStep::SafetyWork: return record_safety_work_done(x, id, on, done.by, st, a);
                        case HazardStep::FurtherWorkStart: return record_further_work_started(x, id, on, done.text, done.by, st, a);
                        case HazardStep::FurtherWorkDone: return record_further_work_done(x, id, on, done.by, st, a);
                        case HazardStep::Close: break;
                    }
                    return close_hazard(x, id, on, done.text, st, a);
                },
                step == HazardStep::Close ? "Hazard closed." : "Hazard step recorded.", kHazardStepFields);
    }
}

}  // namespace doorstep::ui
