// Assurance: what a complaints manager does to check the team's own handling.
//  - Quality checks: a month's random sample of closed complaints (size from
//    settings, reproducible from the seed shown), each with the checklist
//    pre-filled from the record for a person to confirm or correct, deep-dive
//    notes on complex cases, and sign-off (quality.h).
//  - Case studies for the tenant panel: the panel summary and learning reviewed
//    (PanelReview), the anonymised study downloaded, with what it leaves out shown
//    (case_study.h).
//  - Exceptional non-compliance (8.5): events recorded, listed and edited (oversight.h).
// Everything is kept with CaseStore::save_assurance (cases with commit_case).
#include "core/reports/case_study.h"
#include "core/base/ids.h"
#include "core/rules/oversight.h"
#include "core/reports/quality.h"
#include "storage/case_store.h"
#include "ui/screens.h"
#include "ui/semantics.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "ui/wording.h"

#include "imgui.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace doorstep::ui {

Status save_assurance(App& app, const std::vector<SelfAssessment>& assessments, const std::vector<QualityCheck>& checks,
                      const std::vector<NonComplianceEvent>& events) {
    AppState& s = *app.state;
    if (!s.store || !s.store_ok) return Error{"", "Your cases are not open on this device, so nothing can be saved."};
    return s.store->save_assurance(assessments, checks, events);
}

namespace {

// Saves and says what happened; false (with the error shown) when it could not be kept.
bool kept(App& app, const Status& st, const std::string& done) {
    if (!st) {
        say(app, st.error().text(), true);
        return false;
    }
    if (!done.empty()) say(app, done);
    return true;
}

const Case* case_by_id(App& app, const std::string& id) {
    int i = case_index(app, id);
    return i < 0 ? nullptr : &data(app).cases[size_t(i)];
}

std::string reference_of(App& app, const std::string& id) {
    const Case* c = case_by_id(app, id);
    return c ? c->reference : "a case no longer on this device";
}

struct Month {
    std::string key;    // "2025-03"
    std::string label;  // "March 2025"
};

std::vector<Month> recent_months(Date today, int count) {
    std::vector<Month> out;
    Date first = Date::from_ymd(today.year(), today.month(), 1);
    for (int i = 0; i < count; ++i) {
        Date m = add_months_clamped(first, -i);
        char key[8];
        std::snprintf(key, sizeof key, "%04d-%02d", m.year(), m.month());
        out.push_back({key, std::string(month_name(m.month())) + " " + std::to_string(m.year())});
    }
    return out;
}

std::optional<uint64_t> parse_seed(const std::string& text) {
    if (text.empty() || text.size() > 19) return std::nullopt;
    uint64_t v = 0;
    for (char ch : text) {
        if (!std::isdigit(static_cast<unsigned char>(ch))) return std::nullopt;
        v = v * 10 + uint64_t(ch - '0');
    }
    return v;
}

std::string item_result(const SpotCheckItem& i) {
    return !i.passed ? "Not assessed" : *i.passed ? "Passed" : "Failed";
}

std::string check_summary(const QualityCheck& q) {
    int passed = 0, failed = 0, open = 0;
    for (const SpotCheckItem& i : q.items) {
        if (!i.passed) ++open;
        else if (*i.passed) ++passed;
        else ++failed;
    }
    std::string s = std::to_string(passed) + " passed, " + std::to_string(failed) + " failed, " + std::to_string(open) +
                    " not assessed. ";
    s += q.checked_on ? "Done " + short_date(*q.checked_on) + " by " + q.checker + "." : std::string("Not done yet.");
    if (!q.deep_dive_notes.empty()) s += " Deep dive noted.";
    return s;
}

// ---------------------------------------------------------------------------
// Quality checks

void open_check(App& app, const QualityCheck& q) {
    AssuranceState& as = app.state->assurance;
    as.check_id = q.id;
    as.item_choice.clear();
    as.item_note.clear();
    for (const SpotCheckItem& i : q.items) {
        as.item_choice.push_back(!i.passed ? 2 : *i.passed ? 0 : 1);
        as.item_note.push_back(i.note);
    }
    as.deep_dive.clear();
    as.checker = data(app).settings.officer_name;
    as.checked_on = app.state->today;
    as.error.clear();
    focus_screen();
}

// Applies `change` to a copy of the check and saves it; the engine's error is shown on failure.
template <class F>
bool change_check(App& app, const std::string& id, F change, const std::string& done) {
    const Dataset& d = data(app);
    std::vector<QualityCheck> checks = d.quality_checks;
    auto it = std::find_if(checks.begin(), checks.end(), [&](const QualityCheck& q) { return q.id == id; });
    if (it == checks.end()) return kept(app, Error{"quality check " + id, "is no longer on this device"}, "");
    Status st = change(*it);
    if (!st) {
        app.state->assurance.error = st.error().text();
        return kept(app, st, "");
    }
    app.state->assurance.error.clear();
    return kept(app, save_assurance(app, d.assessments, checks, d.non_compliance), done);
}

void draw_check(App& app, const QualityCheck& q) {
    AssuranceState& as = app.state->assurance;
    const Case* c = case_by_id(app, q.case_id);
    heading("Check of " + reference_of(app, q.case_id), 2);
    paragraph("Sampled for " + q.month + " with seed " + std::to_string(q.seed) + ". " + check_summary(q), true);
    if (button("Back to the month's sample")) {
        as.check_id.clear();
        return;
    }
    if (c) {
        ButtonOptions o;
        o.same_line = true;
        o.description = "opens the case record";
        if (button("Open " + c->reference, o)) {
            open_case(app, c->id);
            return;
        }
    }
    if (!as.error.empty()) notice(as.error, theme().error, Role::Alert, "Not saved");
    if (as.item_choice.size() != q.items.size()) open_check(app, q);

    const bool done = q.checked_on.has_value();
    for (size_t i = 0; i < q.items.size(); ++i) {
        const SpotCheckItem& item = q.items[i];
        const std::string n = std::to_string(i + 1);
        ImGui::PushID(int(i));
        heading(n + ". " + item.check, 3);
        if (done) {
            paragraph(item_result(item) + (item.note.empty() ? "" : ": " + item.note));
            ImGui::PopID();
            continue;
        }
        if (item.from_record)
            badge("Pre-filled from the record: confirm or correct", theme().warning_banner);
        else if (item.passed || !item.note.empty())
            badge("Judged by a person: " + item_result(item), theme().done);
        radio_choice("Result of item " + n, as.item_choice[i], {"Passed", "Failed", "Not assessed"});
        FieldOptions no;
        no.multiline = true;
        no.lines = 2;
        no.hint = as.item_choice[i] == 2 ? "Say why it could not be assessed" : "What you found";
        text_field("Note on item " + n, as.item_note[i], no);
        ButtonOptions bo;
        bo.description = "keeps your answer to this item";
        if (button("Confirm item " + n, bo)) {
            std::optional<bool> passed;
            if (as.item_choice[i] == 0) passed = true;
            if (as.item_choice[i] == 1) passed = false;
            std::string note = as.item_note[i];
            change_check(app, q.id, [&](QualityCheck& x) { return record_spot_check(x, int(i), passed, note); },
                         "Item " + n + " of the check of " + reference_of(app, q.case_id) + " kept.");
        }
        ImGui::PopID();
    }

    heading("Deep dive", 3);
    if (c && suggests_deep_dive(*c, q))
        paragraph("A deep dive is suggested: the case was complex, reached stage 2 or the Ombudsman, or an item failed.", true);
    if (!q.deep_dive_notes.empty()) paragraph(q.deep_dive_notes);
    else if (done) paragraph("No deep-dive notes.", true);
    if (!done) {
        FieldOptions dn;
        dn.multiline = true;
        dn.lines = 3;
        dn.hint = "What a full review of the case found: handling, letters, learning";
        text_field("Deep-dive notes", as.deep_dive, dn);
        if (button("Add deep-dive notes")) {
            std::string notes = as.deep_dive;
            if (change_check(app, q.id, [&](QualityCheck& x) { return add_deep_dive_notes(x, notes); },
                             "Deep-dive notes added to the check of " + reference_of(app, q.case_id) + "."))
                as.deep_dive.clear();
        }

        heading("Mark the check done", 3);
        FieldOptions ck = required_field();
        ck.hint = "Someone who did not investigate or sign the case";
        text_field("Checked by", as.checker, ck);
        date_field("Checked on", as.checked_on, required_field());
        if (button("Mark the check done", ButtonStyle::Primary)) {
            int unconfirmed = 0;
            for (const SpotCheckItem& it : q.items) unconfirmed += it.from_record ? 1 : 0;
            if (unconfirmed > 0) {
                as.error = std::to_string(unconfirmed) + (unconfirmed == 1 ? " item is" : " items are") +
                           " still as pre-filled from the record: confirm or correct each one first.";
                say(app, as.error, true);
            } else if (!c) {
                say(app, "The case of this check is no longer on this device.", true);
            } else if (!as.checked_on) {
                as.error = "Give the date of the check.";
                say(app, as.error, true);
            } else {
                std::string checker = as.checker;
                Date on = *as.checked_on;
                const Case& kase = *c;
                change_check(app, q.id, [&](QualityCheck& x) { return complete_quality_check(x, kase, checker, on); },
                             "Check of " + kase.reference + " done and kept.");
            }
        }
    }
}

void draw_quality(App& app) {
    AppState& s = *app.state;
    AssuranceState& as = s.assurance;
    const Dataset& d = data(app);

    if (!as.check_id.empty()) {
        auto it = std::find_if(d.quality_checks.begin(), d.quality_checks.end(),
                               [&](const QualityCheck& q) { return q.id == as.check_id; });
        if (it != d.quality_checks.end()) {
            draw_check(app, *it);
            return;
        }
        as.check_id.clear();
    }

    heading("Quality checks", 2);
    paragraph("Each month a random sample of closed complaints is checked against the Code. The sample can be drawn "
              "again by anyone: the same month, seed and data always give the same cases.",
              true);
    std::vector<Month> months = recent_months(s.today, 24);
    std::vector<std::string> labels;
    for (const Month& m : months) labels.push_back(m.label);
    as.month = std::clamp(as.month, 0, int(months.size()) - 1);
    combo("Month", as.month, labels);
    const Month& month = months[size_t(as.month)];

    std::vector<const QualityCheck*> of_month;
    for (const QualityCheck& q : d.quality_checks)
        if (q.month == month.key) of_month.push_back(&q);
    if (as.seed_month != month.key) {
        as.seed_month = month.key;
        as.seed_text = std::to_string(of_month.empty() ? entropy_seed() % 1000000 : of_month.back()->seed);
    }
    text_field("Seed", as.seed_text, with_hint("A whole number; write it down to draw the same sample again"));
    paragraph("Sample size: " + std::to_string(d.settings.quality_sample_size) + " cases (set in Settings).", true);
    if (button("Draw the sample", ButtonStyle::Primary)) {
        auto seed = parse_seed(as.seed_text);
        if (!seed) {
            say(app, "The seed is a whole number such as 48213, not '" + as.seed_text + "'.", true);
        } else if (auto sample = draw_quality_sample(d, month.key, *seed); !sample) {
            say(app, sample.error().text(), true);
        } else {
            Dataset copy = d;
            int added = add_quality_checks(copy, *sample);
            std::string msg = "Drew " + std::to_string(sample->case_ids.size()) + " of " + std::to_string(sample->eligible) +
                              " complaints closed in " + month.label + " (seed " + std::to_string(*seed) + "): " +
                              std::to_string(added) + (added == 1 ? " new check." : " new checks.");
            if (sample->excluded_demo > 0)
                msg += " " + std::to_string(sample->excluded_demo) + " sample cases were left out.";
            kept(app, save_assurance(app, d.assessments, copy.quality_checks, d.non_compliance), msg);
        }
    }

    heading("Checks for " + month.label, 3);
    if (of_month.empty()) {
        paragraph("No checks for this month yet.", true);
    } else {
        for (const QualityCheck* q : of_month) {
            ImGui::PushID(q->id.c_str());
            const std::string ref = reference_of(app, q->case_id);
            paragraph(ref + ": " + check_summary(*q));
            ButtonOptions o;
            o.description = q->checked_on ? "shows the results" : "confirm the checklist and mark it done";
            if (button((q->checked_on ? "View the check of " : "Check ") + ref, o)) open_check(app, *q);
            ImGui::PopID();
        }
    }
    int done = 0;
    for (const QualityCheck& q : d.quality_checks) done += q.checked_on ? 1 : 0;
    paragraph(std::to_string(done) + " of " + std::to_string(d.quality_checks.size()) +
                  " checks on this device are done. Reports count them for their period.",
              true);
}

// ---------------------------------------------------------------------------
// Case studies for the tenant panel

std::string lower(std::string s) {
    for (char& ch : s) ch = char(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

void draw_case_studies(App& app) {
    AppState& s = *app.state;
    AssuranceState& as = s.assurance;
    const Dataset& d = data(app);
    heading("Case studies for the tenant panel", 2);
    paragraph("A closed complaint, anonymised: no names, addresses or contact details, and no text from the case "
              "unless a person has reviewed it for the panel.",
              true);

    const Case* chosen = as.study_case.empty() ? nullptr : case_by_id(app, as.study_case);
    if (!chosen) {
        text_field("Find a closed complaint", as.study_search, with_hint("Its reference, e.g. DS-2025-000123"));
        const std::string needle = lower(as.study_search);
        int shown = 0;
        for (const Case& c : d.cases) {
            if (c.kind != CaseKind::Complaint || !c.closure) continue;
            const auto matches = [&](const std::string& ref) { return lower(ref).find(needle) != std::string::npos; };
            if (!needle.empty() && !matches(c.reference) &&
                std::none_of(c.reference_aliases.begin(), c.reference_aliases.end(), matches))
                continue;  // an earlier reference (kept after a merge) finds it too
            if (needle.empty() && !c.panel_review) continue;  // with nothing typed: the reviewed ones
            if (++shown > 8) break;
            ButtonOptions o;
            o.width = -1;
            o.id = "study-" + c.id;
            o.description = c.panel_review ? "reviewed for the panel" : "not reviewed yet";
            if (button(c.reference + " — " + category_label(d.settings, c.category_id) + ", closed " +
                           short_date(c.closure->closed_on),
                       o)) {
                as.study_case = c.id;
                as.review_summary = c.panel_review ? c.panel_review->summary : "";
                as.review_learning = c.panel_review ? c.panel_review->learning : c.learning;
                as.reviewer = d.settings.officer_name;
                focus_screen();
            }
        }
        if (shown == 0)
            paragraph(needle.empty() ? "No case has been reviewed for the panel yet: type a reference to find one."
                                     : "No closed complaint matches.",
                      true);
        return;
    }

    const Case& c = *chosen;
    heading(c.reference, 3);
    if (button("Choose another case")) {
        as.study_case.clear();
        return;
    }
    if (c.panel_review)
        badge("Reviewed by " + c.panel_review->reviewed_by + " on " + short_date(c.panel_review->reviewed_on), theme().done);
    else
        badge("Not reviewed: the study shows no text from the case", theme().warning_banner);

    FieldOptions so;
    so.multiline = true;
    so.lines = 4;
    so.hint = "What happened, in words the panel can read: no names, addresses or contact details";
    so.required = true;
    text_field("Summary for the panel", as.review_summary, so);
    so.required = false;
    so.hint = "What the landlord learned (optional)";
    text_field("Learning for the panel", as.review_learning, so);
    text_field("Reviewed by", as.reviewer, required_field());
    // What redaction would take out of the text as typed, so the reviewer can reword first.
    std::vector<PersonalDetail> found = personal_details_in(as.review_summary + "\n" + as.review_learning, c, d.settings);
    if (!found.empty()) {
        std::string list;
        for (const PersonalDetail& p : found) list += (list.empty() ? "" : "; ") + p.what + ": \"" + p.found + "\"";
        notice(list, theme().warning_banner, Role::Status, "Personal details in this text");
    }
    if (button("Mark reviewed for the panel", ButtonStyle::Primary)) {
        Case copy = c;
        PanelReview review{as.review_summary, as.review_learning, as.reviewer, s.today};
        Status st = review_for_panel(copy, review, d.settings, actor(app));
        if (!st) {
            say(app, st.error().text(), true);
        } else {
            (void)commit_case(app, copy, "Panel summary for " + copy.reference + " reviewed and kept.");
            return;  // the case was replaced: draw it afresh next frame
        }
    }

    const CaseStudy study = build_case_study(c, d.settings);
    heading("What the study shows", 3);
    paragraph(study.title);
    paragraph("Summary: " + study.summary, true);
    if (!study.learning.empty()) paragraph("Learning: " + study.learning, true);
    for (const StudySection& sec : study.sections) {
        if (sec.id != "overview") continue;
        for (const StudyFact& f : sec.facts) label_value(f.label, f.value);
    }
    heading("What was left out", 3);
    for (const std::string& n : study.notes) paragraph(n, false, Role::ListItem);

    const std::string base = "case-study-" + c.reference;
    if (button("Download the case study (HTML)") && app.host.download) {
        app.host.download(base + ".html", "text/html", case_study_html(study));
        say(app, "Case study of " + c.reference + " downloaded.");
    }
    ButtonOptions jo;
    jo.same_line = true;
    if (button("Download (JSON)", jo) && app.host.download) {
        app.host.download(base + ".json", "application/json", case_study_json_text(study));
        say(app, "Case study of " + c.reference + " downloaded as JSON.");
    }
}

// ---------------------------------------------------------------------------
// Exceptional non-compliance (8.5)

void open_event(App& app, const NonComplianceEvent* e) {
    AssuranceState& as = app.state->assurance;
    as.event_id = e ? e->id : "new";
    as.event_description = e ? e->description : "";
    as.event_started = e ? std::optional<Date>(e->started) : std::optional<Date>(app.state->today);
    as.event_residents = e ? e->residents_told : std::nullopt;
    as.event_ombudsman = e ? e->ombudsman_told : std::nullopt;
    as.event_returns = e ? e->compliance_returns : std::nullopt;
    focus_first_control();
}

void draw_event_form(App& app) {
    AppState& s = *app.state;
    AssuranceState& as = s.assurance;
    const Dataset& d = data(app);
    const bool is_new = as.event_id == "new";
    heading(is_new ? "Record an event" : "Edit the event", 3);
    FieldOptions de = required_field();
    de.multiline = true;
    de.lines = 3;
    de.hint = "What stops the Code being met, and why it is exceptional";
    text_field("What happened", as.event_description, de);
    date_field("From", as.event_started, required_field());
    date_field("Residents told", as.event_residents, with_hint("Leave empty until residents who may be affected are told"));
    date_field("Ombudsman told", as.event_ombudsman, with_hint("Leave empty until the Housing Ombudsman is told"));
    date_field("Compliance returned", as.event_returns, with_hint("The day the Code is met again"));
    if (button(is_new ? "Record the event" : "Save the event", ButtonStyle::Primary)) {
        if (!as.event_started) {
            say(app, "Give the date the event started.", true);
            return;
        }
        std::vector<NonComplianceEvent> events = d.non_compliance;
        size_t at = events.size();
        NonComplianceEvent e;
        if (is_new) {
            Rng rng(entropy_seed());
            e.id = new_uuid(rng);
        } else {
            auto it = std::find_if(events.begin(), events.end(), [&](const NonComplianceEvent& x) { return x.id == as.event_id; });
            if (it == events.end()) {
                say(app, "That event is no longer on this device.", true);
                return;
            }
            at = size_t(it - events.begin());
            e = *it;
            events.erase(it);
        }
        e.description = as.event_description;
        e.started = *as.event_started;
        e.residents_told = as.event_residents;
        e.ombudsman_told = as.event_ombudsman;
        e.compliance_returns = as.event_returns;
        Status st = record_non_compliance(events, e);  // checks every field, appends at the end
        if (st && at < events.size() - 1) std::rotate(events.begin() + long(at), events.end() - 1, events.end());
        if (st) st = save_assurance(app, d.assessments, d.quality_checks, events);
        if (kept(app, st, is_new ? "Non-compliance event recorded." : "Non-compliance event saved.")) {
            as.event_id.clear();
            s.generation++;  // the self-assessment's evidence for 8.5 reads these
        }
    }
    ButtonOptions o;
    o.same_line = true;
    if (button("Cancel", o)) as.event_id.clear();
}

void draw_non_compliance(App& app) {
    AssuranceState& as = app.state->assurance;
    const Dataset& d = data(app);
    heading("Exceptional non-compliance (8.5)", 2);
    paragraph("When something outside the landlord's control stops it meeting the Code, it tells the Ombudsman and the "
              "residents who may be affected, and says when it will comply again.",
              true);
    if (!as.event_id.empty()) {
        draw_event_form(app);
        return;
    }
    if (button("Record an event", ButtonStyle::Primary)) open_event(app, nullptr);
    if (d.non_compliance.empty()) {
        paragraph("No events recorded.", true);
        return;
    }
    for (size_t i = 0; i < d.non_compliance.size(); ++i) {
        const NonComplianceEvent& e = d.non_compliance[i];
        ImGui::PushID(e.id.c_str());
        separator();
        heading(e.description, 3);
        label_value("From", long_date(e.started));
        label_value("Residents told", date_text(e.residents_told));
        label_value("Ombudsman told", date_text(e.ombudsman_told));
        label_value("Compliance returned", date_text(e.compliance_returns));
        std::vector<std::string> left = non_compliance_steps_left(e);
        if (left.empty()) badge("Everything 8.5 asks for is done", theme().done);
        for (const std::string& step : left) paragraph(step, false, Role::ListItem);
        ButtonOptions o;
        o.id = "edit-event";
        o.description = e.description;
        if (button("Edit event " + std::to_string(i + 1), o)) open_event(app, &e);
        ImGui::PopID();
    }
}

}  // namespace

void draw_assurance(App& app) {
    AppState& s = *app.state;
    AssuranceState& as = s.assurance;
    sem_title("Assurance — Doorstep");
    heading("Assurance", 1);
    paragraph("Checks on the team's own complaint handling: spot checks, case studies for tenants and exceptional "
              "non-compliance.",
              true);
    radio_choice("Show", as.part, {"Quality checks", "Case studies", "Non-compliance"});
    switch (as.part) {
        case 0: draw_quality(app); break;
        case 1: draw_case_studies(app); break;
        default: draw_non_compliance(app); break;
    }
}

}  // namespace doorstep::ui
