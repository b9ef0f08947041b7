// Code breaches in a case's history (see findings.h). One walk over the case
// finds them; count_case_findings stops there, case_findings adds the words.
#include "core/rules/findings.h"

#include "core/model/audit.h"
#include "core/rules/deadlines.h"
#include "core/rules/derived_flags.h"
#include "core/rules/workflow.h"

#include <algorithm>

namespace doorstep {

namespace {

bool needs_consent(RepresentativeKind k) {  // 3.6: councillors and MPs act with implied consent
    return k != RepresentativeKind::None && k != RepresentativeKind::Councillor && k != RepresentativeKind::MP;
}

const Stage* stage_numbered(const Case& c, int n) {
    for (const Stage& s : c.stages)
        if (s.number == n) return &s;
    return nullptr;
}

// The earlier stage whose investigator or signatory `person` was, or nullptr (6.13).
const Stage* earlier_handler(const Case& c, const Stage& s, const std::string& person, const char** role) {
    for (const Stage& earlier : c.stages) {
        if (earlier.number >= s.number) continue;
        if (same_person(earlier.investigator, person)) { *role = "investigator"; return &earlier; }
        if (same_person(earlier.approver, person)) { *role = "signatory"; return &earlier; }
    }
    return nullptr;
}

// Calls f(kind, stage index, item index) for each breach; indices are -1 when not about one.
template <class F>
void walk(const Case& c, const Settings& settings, F&& f) {
    if (c.code == CodeVersion::Code2022 && c.received >= code_2024_commencement())
        f(FindingKind::OldCodeAfterCommencement, -1, -1);
    if (needs_consent(c.representative.kind) && !c.representative.consent_given)
        f(FindingKind::RepresentativeWithoutConsent, -1, -1);
    if (c.refusal) {
        const RefusalGround* g = find_ground(settings, c.refusal->ground_id);
        if (g && g->needs_discretion && (!c.refusal->discretion_considered || is_blank(c.refusal->discretion_decision)))
            f(FindingKind::RefusalWithoutDiscretion, -1, -1);
    }
    for (size_t i = 0; i < c.stages.size(); ++i) {
        const Stage& s = c.stages[i];
        const int si = static_cast<int>(i);
        if (s.number >= 2) {
            const Stage* prev = stage_numbered(c, s.number - 1);
            if (prev && (!prev->responded || s.opened < *prev->responded))
                f(FindingKind::StageBeforePreviousResponse, si, -1);
            if (escalation_outside_window(c, s, settings) && is_blank(s.escalation->discretion_decision))
                f(FindingKind::EscalationOutsideWindow, si, -1);
            const char* role = nullptr;
            if (earlier_handler(c, s, s.investigator, &role)) f(FindingKind::SameHandlerAtStage2, si, 0);
            if (earlier_handler(c, s, s.approver, &role)) f(FindingKind::SameHandlerAtStage2, si, 1);
        }
        for (size_t k = 0; k < s.extensions.size(); ++k)
            if (extension_beyond_limit(c, s, k, settings) && !has_good_reason(s.extensions[k]))
                f(FindingKind::ExtensionBeyondLimit, si, static_cast<int>(k));
    }
    if (c.kind == CaseKind::Complaint && c.closure && !c.refusal &&
        (c.closure->reason == ClosureReason::Resolved || c.closure->reason == ClosureReason::NotEscalated)) {
        const Stage* s = current_stage(c);
        if (!s || !s->responded) f(FindingKind::ClosedWithoutResponse, -1, -1);
    }
}

std::string days_text(int n) { return std::to_string(n) + (n == 1 ? " working day" : " working days"); }

Finding describe(const Case& c, const Settings& settings, FindingKind kind, int si, int item) {
    Finding x;
    x.kind = kind;
    x.case_id = c.id;
    x.reference = c.reference.empty() ? c.id : c.reference;
    const std::string sp = si >= 0 ? "stages[" + std::to_string(si) + "]" : std::string();
    const Stage* s = si >= 0 ? &c.stages[static_cast<size_t>(si)] : nullptr;
    const std::string stage_name = s ? "stage " + std::to_string(s->number) : std::string();
    switch (kind) {
        case FindingKind::OldCodeAfterCommencement:
            x.provision = "2024 Code";
            x.field = "code";
            x.message = "handled under the 2022 Code but received on " + short_date(c.received) +
                        ", on or after 1 April 2024 when the 2024 Code took effect; its clocks are the 2024 Code's";
            break;
        case FindingKind::RepresentativeWithoutConsent:
            x.provision = "3.6";
            x.field = "representative.consent_given";
            x.message = "the representative " + (c.representative.name.empty() ? std::string("on record") : c.representative.name) +
                        " acted without the resident's consent recorded";
            break;
        case FindingKind::RefusalWithoutDiscretion:
            x.provision = "2.3";
            x.field = "refusal.discretion_decision";
            x.message = "refused on the 12-month ground ('" + c.refusal->ground_id +
                        "') without recording whether discretion was applied and why";
            break;
        case FindingKind::StageBeforePreviousResponse: {
            x.provision = "6.10";
            x.field = sp + ".opened";
            const Stage* prev = stage_numbered(c, s->number - 1);
            x.message = stage_name + " opened on " + short_date(s->opened) + ", " +
                        (prev && prev->responded ? "before the stage " + std::to_string(prev->number) + " response on " +
                                                       short_date(*prev->responded)
                                                 : "but stage " + std::to_string(s->number - 1) + " has no response");
            break;
        }
        case FindingKind::EscalationOutsideWindow: {
            x.provision = "landlord policy";
            x.field = sp + ".escalation.discretion_decision";
            const Stage* first = stage_numbered(c, 1);
            x.message = "stage 2 asked for on " + short_date(s->escalation->requested) +
                        ", after the escalation window closed on " +
                        short_date(escalation_window_end(*first->responded, settings)) +
                        ", with no discretion decision recorded";
            break;
        }
        case FindingKind::SameHandlerAtStage2: {
            x.provision = "6.13";
            const std::string& person = item == 0 ? s->investigator : s->approver;
            x.field = sp + (item == 0 ? ".investigator" : ".approver");
            const char* role = "";
            const Stage* earlier = earlier_handler(c, *s, person, &role);
            x.message = person + (item == 0 ? " investigated " : " signed ") + stage_name + " but was the stage " +
                        std::to_string(earlier ? earlier->number : 1) + " " + role;
            break;
        }
        case FindingKind::ExtensionBeyondLimit: {
            x.provision = s->number == 1 ? "6.4" : "6.15";
            x.field = sp + ".extensions[" + std::to_string(item) + "].good_reason";
            int total = 0;
            for (int k = 0; k <= item; ++k) total += std::max(0, s->extensions[static_cast<size_t>(k)].working_days);
            x.message = stage_name + " extensions total " + days_text(total) + ", over the limit of " +
                        days_text(extension_limit(c, *s, settings)) + ", with no good reason recorded";
            break;
        }
        case FindingKind::ClosedWithoutResponse: {
            const Stage* cur = current_stage(c);
            const int n = cur ? cur->number : 1;
            x.provision = n >= 2 ? "6.19" : "6.9";
            x.field = "closure.reason";
            x.message = std::string("closed as ") +
                        (c.closure->reason == ClosureReason::Resolved ? "resolved" : "not escalated") + " on " +
                        short_date(c.closure->closed_on) + " with no stage " + std::to_string(n) + " response";
            break;
        }
    }
    x.message += " (" + x.provision + ")";
    return x;
}

}  // namespace

std::string Finding::text() const { return reference + ": " + field + ": " + message; }

Date code_2024_commencement() { return Date::from_ymd(2024, 4, 1); }

std::vector<Finding> case_findings(const Case& c, const Settings& settings) {
    std::vector<Finding> out;
    walk(c, settings, [&](FindingKind kind, int si, int item) { out.push_back(describe(c, settings, kind, si, item)); });
    return out;
}

int count_case_findings(const Case& c, const Settings& settings) {
    int n = 0;
    walk(c, settings, [&](FindingKind, int, int) { ++n; });
    return n;
}

std::vector<Finding> dataset_findings(const Dataset& d) {
    std::vector<Finding> out;
    for (const Case& c : d.cases) {
        std::vector<Finding> one = case_findings(c, d.settings);
        out.insert(out.end(), std::make_move_iterator(one.begin()), std::make_move_iterator(one.end()));
    }
    return out;
}

}  // namespace doorstep
