// Oversight of a case after (and beside) the landlord's own process: Housing
// Ombudsman referrals, determinations and orders (8.1c, 9.7c); satisfaction
// surveys; a remedy offered and accepted or declined (7.3); a councillor's or
// MP's enquiry becoming a complaint with the resident's consent (3.6, 1.3);
// and exceptional non-compliance with the Code (8.5).
//
// Same contract as workflow.h: every function checks its rule first and answers
// with an Error naming the case (or record) and field; on error nothing changes;
// on success a case gets one audit entry. Nothing here reads "today".
#pragma once
#include "core/model/assurance.h"
#include "core/model/case.h"
#include "core/base/result.h"
#include "core/model/settings.h"
#include "core/rules/workflow.h"

#include <optional>
#include <string>
#include <vector>

namespace doorstep {

// ---------------------------------------------------------------------------
// Housing Ombudsman (3.7: residents may go to it at any time, so a referral
// needs no stage 2 response; reports.h counts the figures)

// The Ombudsman has the complaint under its reference. Complaints only, once per
// case, not before the case was received; the reference is required.
Status refer_to_ombudsman(Case& c, Date on, std::string reference, const Actor& actor);

// The Ombudsman's determination (not Pending), dated no earlier than the referral;
// recorded once.
Status record_determination(Case& c, Determination determination, Date on, const Actor& actor);

// An order with its due date. Allowed while the determination is pending (a
// complaint handling failure order) and after a finding of severe
// maladministration, maladministration or service failure; not after reasonable
// redress, no maladministration, outside jurisdiction or withdrawn. Due no
// earlier than the referral (or the determination, once made).
Status add_order(Case& c, std::string description, Date due, const Actor& actor);

// Complied with on `on`, with the evidence sent to the Ombudsman (required).
Status complete_order(Case& c, int index, Date on, std::string evidence, const Actor& actor);

// True for the findings that carry orders: severe maladministration, maladministration, service failure.
bool is_adverse_finding(Determination d);

// ---------------------------------------------------------------------------
// Satisfaction surveys: one after each stage's response (a stage 1 survey and a
// later stage 2 survey); reports.h counts each against its stage's target.
// Errors name the field "surveys[i]...." (or "surveys" before one exists).

// The survey that follows stage `stage_no`'s response, or null.
const Survey* find_survey(const Case& c, int stage_no);

// Offered on `on`, on or after stage `stage_no`'s response. Complaints only, once per stage.
Status offer_survey(Case& c, int stage_no, Date on, const Actor& actor);

struct SurveyAnswers {
    int satisfied_handling = 0;  // 1 (very dissatisfied) .. 5 (very satisfied); 0 = question not answered
    int satisfied_outcome = 0;
    int felt_listened = 0;
};
// The resident's answers to the stage's survey: offered, not yet answered or
// declined, `on` is not before the offer, each score is 0..5 and at least one
// question is answered.
Status record_survey_answers(Case& c, int stage_no, Date on, const SurveyAnswers& answers, const Actor& actor);

// The resident declined the stage's survey on `on` (offered, not yet answered or
// declined, not before the offer).
Status record_survey_declined(Case& c, int stage_no, Date on, const Actor& actor);

// ---------------------------------------------------------------------------
// Remedies put to the resident (7.3). add_remedy (workflow.h) records a proposed
// remedy with its award parts and the approver above an award limit; these date
// the offer and the answer. complete_remedy (workflow.h) records it done.

// A proposed remedy offered on `on` (the case open, `on` not before it was received).
Status offer_remedy(Case& c, int stage_no, int index, Date on, const Actor& actor);
// An offered remedy accepted or declined on `on`, not before the offer. close()
// then treats a declined remedy as settled.
Status record_remedy_answer(Case& c, int stage_no, int index, bool accepted, Date on, const Actor& actor);

// ---------------------------------------------------------------------------
// A councillor's or MP's enquiry that is really a complaint. Members act with
// implied consent (3.6), but whether their enquiry becomes a formal complaint is
// the resident's choice (1.3): record when and how the resident agreed. Builds
// on convert_service_request_to_complaint (workflow.h), which links both ways.

struct ResidentConsent {
    Date on;           // not before the enquiry was received
    std::string how;   // "Phone call with the resident", "Email from the resident"
};
Result<Case> member_enquiry_to_complaint(Case& enquiry, NewCase details, const ResidentConsent& consent,
                                         const Settings& settings, const Actor& actor);

// ---------------------------------------------------------------------------
// Exceptional non-compliance (8.5): something outside the landlord's control
// stops it meeting the Code. It tells the Ombudsman, tells residents who may be
// affected, and says when it will comply again. Errors name
// "non_compliance <id>, <field>".

// Adds the event to the list: id (unique in the list) and description required.
// Any dates already set are checked as the functions below check them.
Status record_non_compliance(std::vector<NonComplianceEvent>& events, NonComplianceEvent event);
Status record_residents_told(NonComplianceEvent& e, Date on);   // not before it started; once
Status record_ombudsman_told(NonComplianceEvent& e, Date on);   // not before it started; once
// Compliance restored on `on` (not before it started); residents and the
// Ombudsman must have been told first (8.5).
Status record_compliance_returned(NonComplianceEvent& e, Date on);

// What 8.5 still asks for on this event, in plain words; empty when all is done.
std::vector<std::string> non_compliance_steps_left(const NonComplianceEvent& e);

}  // namespace doorstep
