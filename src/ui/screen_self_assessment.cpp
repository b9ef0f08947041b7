// Self-assessment against the Code (8.1a, 8.3): the 72 provisions by section,
// each with an answer, evidence and commentary, beside the evidence measured
// from the cases and a warning where the answer contradicts it.
#include "core/ids.h"
#include "core/report_output.h"
#include "core/self_assessment.h"
#include "storage/case_store.h"
#include "ui/screens.h"
#include "ui/semantics.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "ui/wording.h"

#include "imgui.h"

namespace doorstep::ui {

namespace {

Status save_assessments(App& app, const std::vector<SelfAssessment>& all) {
    AppState& s = *app.state;
    const Dataset& d = data(app);
    if (!s.store) return Error{"", "Your cases are not open on this device."};
    return s.store->save_assurance(all, d.quality_checks, d.non_compliance);
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
    if (radio_choice("Year", year_index, years)) as.year = year_index == 0 ? fy : fy - 1;

    const SelfAssessment* current = assessment_for_year(d, as.year);
    if (!current) {
        paragraph("There is no self-assessment for " + financial_year(as.year).label + " yet.");
        const SelfAssessment* last = assessment_for_year(d, as.year - 1);
        if (button(last ? "Start from last year's answers" : "Start the self-assessment", ButtonStyle::Primary)) {
            Rng rng(entropy_seed());
            std::vector<SelfAssessment> all = d.assessments;
            all.push_back(last ? copy_forward(*last, *provisions, as.year, new_uuid(rng))
                               : new_self_assessment(*provisions, as.year, new_uuid(rng)));
            Status st = save_assessments(app, all);
            if (st) say(app, "Self-assessment started for " + financial_year(as.year).label + ".");
            else say(app, st.error().text(), true);
        }
        return;
    }
    ComplianceCounts counts = count_answers(*current);
    paragraph(std::to_string(counts.yes) + " yes, " + std::to_string(counts.partly) + " partly, " + std::to_string(counts.no) +
                  " no, " + std::to_string(counts.not_applicable) + " not applicable, " + std::to_string(counts.unanswered) +
                  " not answered." + (is_signed(*current) ? " Signed off: answers are locked." : ""),
              true);

    // Evidence from the records, measured when the data changes.
    static std::vector<MeasuredEvidence> evidence;
    static uint64_t evidence_gen = 0;
    static int evidence_year = 0;
    if (evidence_gen != s.generation || evidence_year != as.year) {
        evidence = measure_evidence(d, financial_year(as.year));
        evidence_gen = s.generation;
        evidence_year = as.year;
    }
    if (button("Download (HTML)") && app.host.download) {
        AssessmentDocument doc{current, &*provisions, &evidence, financial_year(as.year), d.settings.landlord.name};
        app.host.download("self-assessment-" + financial_year(as.year).label + ".html", "text/html",
                          self_assessment_html(doc));
        say(app, "Self-assessment downloaded.");
    }

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

    std::vector<std::string> answers = {"Not answered", "Yes", "No", "Partly", "Not applicable"};
    for (const Provision& p : *provisions) {
        if (p.section != as.section) continue;
        const ProvisionAnswer* a = find_answer(*current, p.number);
        if (!a) continue;
        ImGui::PushID(p.number.c_str());
        heading(p.number + (p.must ? " (must)" : " (should)"), 2);
        paragraph(p.summary);
        auto ev = evidence_for(evidence, p.number);
        for (const MeasuredEvidence* e : ev) paragraph("From the records: " + e->summary, true);
        for (const std::string& w : evidence_warnings(*a, ev)) notice(w, theme().warning_banner, Role::Status, "Check this answer");
        int comply = int(a->comply);
        std::string evidence_text = a->evidence, commentary = a->commentary;
        bool changed = radio_choice("Does the landlord comply with " + p.number + "?", comply, answers);
        FieldOptions eo;
        eo.multiline = true;
        eo.lines = 2;
        eo.id = "evidence";
        changed |= text_field("Evidence", evidence_text, eo);
        eo.id = "commentary";
        changed |= text_field("Commentary", commentary, eo);
        if (changed) {
            std::vector<SelfAssessment> all = d.assessments;
            for (SelfAssessment& x : all) {
                if (x.id != current->id) continue;
                Status st = answer(x, p.number, Compliance(comply), evidence_text, commentary);
                if (!st) say(app, st.error().text(), true);
                else if (Status saved = save_assessments(app, all); !saved) say(app, saved.error().text(), true);
            }
        }
        ImGui::PopID();
    }
}

}  // namespace doorstep::ui
