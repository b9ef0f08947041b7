// The annual self-assessment against the Complaint Handling Code 2024 (8.1a,
// 8.3): the 72 provisions from assets/code-provisions.json, answers, actions with
// dated updates, sign-off, and evidence measured from the cases beside each answer
// with a warning where an answer contradicts the records.
#pragma once
#include "core/model/assurance.h"
#include "core/model/dataset.h"
#include "core/reports/reports.h"
#include "core/base/result.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep {

struct Provision {
    std::string number;          // "6.13"
    int section = 0;             // 1..9
    std::string section_title;
    std::string summary;         // Doorstep's own words
    bool must = true;            // "must" or "should"
};

// Reads the provisions file; every problem names the entry and field.
Result<std::vector<Provision>> parse_code_provisions(std::string_view json_text);
// The embedded assets/code-provisions.json, parsed once.
Result<std::vector<Provision>> load_code_provisions();
const Provision* find_provision(const std::vector<Provision>& provisions, std::string_view number);

// A fresh assessment for the financial year starting April `year`: every provision unanswered.
SelfAssessment new_self_assessment(const std::vector<Provision>& provisions, int year, std::string id,
                                   std::string reason = "annual");
// Next year's assessment from last year's: answers, evidence, commentary and unfinished
// actions carry over; finished actions and sign-offs do not (they belong to last year).
SelfAssessment copy_forward(const SelfAssessment& last, const std::vector<Provision>& provisions, int year,
                            std::string id);

// An extra assessment within the year after a significant restructure, merger,
// stock transfer or change of procedure (8.3): the same year and Code version as
// `from`, its answers, evidence, commentary and unfinished actions carried over for
// review, no sign-offs, copied_from = from.id. The reason is required and is not
// "annual" (that is the yearly one).
Result<SelfAssessment> extra_assessment(const SelfAssessment& from, const std::vector<Provision>& provisions,
                                        std::string id, std::string reason);

ProvisionAnswer* find_answer(SelfAssessment& a, std::string_view provision);
const ProvisionAnswer* find_answer(const SelfAssessment& a, std::string_view provision);

// Answers are locked once either signatory has signed (withdraw_sign_offs first).
Status answer(SelfAssessment& a, std::string_view provision, Compliance comply, std::string evidence,
              std::string commentary);
// Description and owner required.
Status add_assessment_action(SelfAssessment& a, std::string_view provision, AssessmentAction action);
// Dated progress on an action; dates never go backwards. Allowed after sign-off.
Status update_assessment_action(SelfAssessment& a, std::string_view provision, int index, DatedUpdate update,
                                std::optional<ActionStatus> status = std::nullopt);

enum class Signatory { LeadOfficer, MemberResponsible };
// Needs every provision answered and an action with an owner for each "No" or "Partly".
Status sign_off(SelfAssessment& a, Signatory who, SignOff signature);
void withdraw_sign_offs(SelfAssessment& a);
bool is_signed(const SelfAssessment& a);

struct ComplianceCounts { int yes = 0, no = 0, partly = 0, not_applicable = 0, unanswered = 0; };
ComplianceCounts count_answers(const SelfAssessment& a);
const char* compliance_label(Compliance c);     // "Yes", "No", "Partly", "Not applicable", "Not answered"
const char* action_status_label(ActionStatus s); // "Not started", "In progress", "Done"

// ---------------------------------------------------------------------------
// Evidence from the records

struct MeasuredEvidence {
    std::string provision;
    std::string measure;        // what was counted, e.g. "Stage 1 complaints acknowledged within 5 working days"
    int met = 0;                // records that meet it
    int applicable = 0;         // records it applies to
    std::vector<std::string> breaches;  // case references (or ids) that do not meet it
    bool informational = false; // a count with no pass/fail (e.g. service requests recorded)
    std::string summary;        // "132 of 140 (94.3%) ..."
    int failures() const { return applicable - met; }
};

// Everything the cases can evidence for the period (one or more measures per provision).
// Lateness is judged as at the period end, or as at `today` while the period runs
// (as reports do: report_as_at).
std::vector<MeasuredEvidence> measure_evidence(const Dataset& data, const Period& period,
                                               std::optional<Date> today = std::nullopt);
std::vector<const MeasuredEvidence*> evidence_for(const std::vector<MeasuredEvidence>& all, std::string_view provision);

// Where the answer contradicts the measured evidence: "Yes" with breaches on record,
// "Not applicable" with records the provision covers, "No" with a clean record.
std::vector<std::string> evidence_warnings(const ProvisionAnswer& answer,
                                           const std::vector<const MeasuredEvidence*>& evidence);

// The assessment of a year in a dataset: the newest annual one of that year, else
// the newest of any reason; nullptr when there is none.
const SelfAssessment* assessment_for_year(const Dataset& data, int year);

}  // namespace doorstep
