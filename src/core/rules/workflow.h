// The complaint-handling rules of the Housing Ombudsman's Complaint Handling
// Code 2024, as free functions that change a Case.
//
// Every function:
//  - checks the rule first and answers with an Error (where = "case <ref>, <field>")
//    a person can act on; on error the case is left exactly as it was;
//  - on success appends one AuditEntry (append-only; earlier entries are never
//    rewritten) naming the actor and what changed.
// Clocks and status are in deadlines.h; nothing here reads "today" from the system.
#pragma once
#include "core/model/audit.h"
#include "core/model/case.h"
#include "core/base/date.h"
#include "core/base/money.h"
#include "core/model/references.h"
#include "core/base/result.h"
#include "core/model/settings.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace doorstep {


// ---------------------------------------------------------------------------
// Receiving (3.1, 3.2, 3.6) and the kinds of record (1.2, 1.4, 1.6)

struct NewCase {
    std::string id;                    // UUID from the caller (ids.h)
    uint32_t counter = 0;              // for the reference (references.h next_reference_counter)
    std::string device_code;           // this device's code (Settings::device_code); empty: the older form
    CaseKind kind = CaseKind::Complaint;
    Channel channel = Channel::HomeVisit;
    Date received;
    std::optional<Date> logged;        // defaults to received
    Resident resident;
    Representative representative;
    std::string own_words;             // the resident's own words
    std::string outcome_wanted;
    std::string category_id;           // must be one of Settings::categories when set
    std::string subcategory;
    std::string property;
    std::string contractor;
    bool high_rise_building_safety = false;
    int complexity = 1;
    std::string vulnerability;
    std::string staff_safety_warning;
};

// Opens a record. A complaint gets stage 1 (opened = received). Rules: a name or
// a group description; the resident's words; received not after logged; a
// representative other than a councillor or MP needs the resident's consent (3.6).
Result<Case> new_case(const NewCase& details, const Settings& settings, const Actor& actor);
// Every rule new_case checks that these details break, in that order (a form shows them all at once).
Problems new_case_problems(const NewCase& details, const Settings& settings);

// ---------------------------------------------------------------------------
// Acknowledgement and definition (5.6, 5.7, 6.2, 6.11)

struct AcknowledgementDetails {
    std::string definition;                 // 5.6: the landlord's understanding of the complaint
    std::vector<DefinitionPoint> points;    // at least one; decisions come at the response
    std::vector<Aspect> aspects;            // 5.7: excluded aspects need a reason
    std::string outcome_sought;
    std::string investigator;
    std::string approver;                   // optional; signs the response
    bool definition_confirmed = false;      // confirmed with the resident
    std::optional<Extension> extension;     // set at acknowledgement for a complex case
};

// Acknowledges stage `stage_no` (1 or 2) on `on`. Checks: the stage is open and
// not yet acknowledged, `on` is not before it opened, the definition, points,
// outcome sought and investigator are given, no conflicted person (5.8c) and
// 6.13 at stage 2.
Status acknowledge(Case& c, int stage_no, Date on, const AcknowledgementDetails& details,
                   const Settings& settings, const Actor& actor);

// Sets the decision and reasons on one definition point (6.7, 6.18).
Status decide_point(Case& c, int stage_no, int point_index, Decision decision, std::string reasons,
                    const Actor& actor);

// ---------------------------------------------------------------------------
// Extensions (6.4, 6.5, 6.15, 6.16) and updates (5.9)

// Records an extension decided on `ext.decided_on`. Over the policy limit in total
// (stage 1: 10, stage 2: 20 working days) it needs a good reason and is marked
// beyond_limit. Reason required; the stage must be acknowledged and not responded.
Status extend(Case& c, int stage_no, Extension ext, const Settings& settings, const Actor& actor);

// The resident has been told of extension `index`: how, whether they agreed, and
// the Ombudsman's contact details must have been given with it (6.5, 6.16).
Status record_extension_notice(Case& c, int stage_no, int index, Date told_on, std::string told_how,
                               bool ombudsman_details_given, std::optional<bool> resident_agreed,
                               const Actor& actor);

// 5.9: an interval for updates agreed with the resident (working days).
Status agree_update_interval(Case& c, int stage_no, Date on, int every_working_days, const Actor& actor);

// ---------------------------------------------------------------------------
// Responses (6.7, 6.9, 6.18, 6.19, 6.20)

struct ResponseDetails {
    std::string summary;
    std::string approver;            // signs; 6.13 at stage 2; a staff member who may sign stage 2
    std::string contractor_author;   // a contractor may draft stage 1 only: the landlord gives the final response
};

// Refused unless every point of the definition has a decision and reasons.
Status record_response(Case& c, int stage_no, Date on, const ResponseDetails& details,
                       const Settings& settings, const Actor& actor);

// ---------------------------------------------------------------------------
// Escalation to stage 2 (5.3, 6.10–6.13)

struct EscalationRequest {
    Date on;
    bool from_resident = true;          // only at the resident's (or their representative's) request
    std::string resident_reason;        // optional: no reason is needed (6.12)
    std::string discretion_decision;    // needed when asked after the window
};

// Opens stage 2 after a stage 1 response. Outside the escalation window (calendar
// weeks from the stage 1 response) it needs a recorded discretion decision. A case
// closed as resolved or not escalated at stage 1 is reopened. Only two stages (5.3):
// no function creates a stage 3 (2022-Code imports may carry one).
Status request_escalation(Case& c, const EscalationRequest& request, const Settings& settings, const Actor& actor);

// ---------------------------------------------------------------------------
// Handlers (5.8c, 6.13)

// 6.13: the stage 2 investigator and approver must be neither the stage 1
// investigator nor its approver. A declared conflict of interest blocks a person.
Status assign_handler(Case& c, int stage_no, std::string person, const Actor& actor);
Status assign_approver(Case& c, int stage_no, std::string person, const Settings& settings, const Actor& actor);
Status add_contributor(Case& c, int stage_no, std::string person, const Actor& actor);
// Records it; the status then asks for the case to be reallocated if that person handles an open stage.
Status declare_conflict_of_interest(Case& c, ConflictOfInterest conflict, const Actor& actor);

// Empty when the person may work on that stage; otherwise the reason (6.13, 5.8c).
std::optional<Error> handler_problem(const Case& c, int stage_no, const std::string& person, bool as_approver);

// ---------------------------------------------------------------------------
// Refusals (section 2, 5.11)

struct RefusalDecision {
    std::string ground_id;                 // one of Settings::refusal_grounds
    std::string reasoning;                 // 2.1: decided case by case, reasoning kept
    std::string circumstances_considered;
    bool discretion_considered = false;    // 2.3: the 12-month ground
    std::string discretion_decision;
    std::string approved_by;               // complaints manager when policy.refusal_needs_approval
    Date decided_on;
};

// Refuses to accept a complaint (before its stage 1 response).
Status refuse(Case& c, const RefusalDecision& decision, const Settings& settings, const Actor& actor);
// 5.11: refuses an escalation request (stage 2 opened but not acknowledged); needs a section-2 ground.
Status refuse_escalation(Case& c, const RefusalDecision& decision, const Settings& settings, const Actor& actor);
// 2.4: the refusal has been explained in writing with the right to go to the Ombudsman;
// the case closes as refused.
Status record_refusal_explained(Case& c, Date on, const Actor& actor);

// ---------------------------------------------------------------------------
// New issues (6.8) and service requests (1.5)

struct RelatedIssue {
    Date on;
    std::string description;               // becomes a definition point when joined
    bool related = true;
    bool would_unreasonably_delay = false;
    std::string delay_reason;              // kept when it would delay
    std::string new_id;                    // for a new case
    uint32_t new_counter = 0;
    std::string new_device_code = {};      // this device's code, for the new case's reference
};

// 6.8: joins an open stage 1 (acknowledged or not) before its response unless
// unrelated or the handler says it would unreasonably delay the response (reason
// kept). Otherwise returns a new complaint linked both ways. nullopt = joined.
Result<std::optional<Case>> raise_related_issue(Case& c, const RelatedIssue& issue, const Settings& settings,
                                                const Actor& actor);

// 1.5: a complaint about how a service request is handled; the request stays open
// and is linked both ways. `details.kind` is set to Complaint.
Result<Case> convert_service_request_to_complaint(Case& request, NewCase details, const Settings& settings,
                                                  const Actor& actor);

// ---------------------------------------------------------------------------
// Ending a case

Status withdraw(Case& c, Date on, std::string withdrawn_by, std::string notes, const Actor& actor);

// Resolved: the last stage has its response and every remedy and action is complete (6.6, 7.3).
// ServiceRequestDone: service requests only. NoFurtherAction: compliments, feedback, enquiries.
// NotEscalated: after the escalation window (apply_automatic_closures does it).
Status close(Case& c, Date on, ClosureReason reason, std::string notes, const Settings& settings, const Actor& actor);

// A stage 1 whose escalation window has passed with no request closes as
// NotEscalated the day after the window ends. Returns true if it closed the case.
bool apply_automatic_closures(Case& c, Date today, const Settings& settings, const Actor& actor);

// ---------------------------------------------------------------------------
// Putting things right (section 7) and outstanding actions (6.6)

// Description and due date required (7.3). Financial: amount > 0; an amount that
// differs from a suggested sum keeps an override reason; above the actor's award
// limit (Settings::staff, matched by name or id; unknown staff: £0) it needs a named
// approver other than the actor whose own limit covers it.
Status add_remedy(Case& c, int stage_no, Remedy remedy, const Settings& settings, const Actor& actor);
Status set_remedy_state(Case& c, int stage_no, int index, RemedyState state, const Actor& actor);
Status complete_remedy(Case& c, int stage_no, int index, Date on, const Actor& actor);

Status add_action(Case& c, int stage_no, OutstandingAction action, const Actor& actor);
Status complete_action(Case& c, int stage_no, int index, Date on, const Actor& actor);

// ---------------------------------------------------------------------------
// Per-resident duties (5.10, 5.14, 5.15)

Status add_adjustment(Case& c, ReasonableAdjustment adjustment, const Actor& actor);     // review date required
Status add_restriction(Case& c, ContactRestriction restriction, const Actor& actor);     // evidence, Equality Act regard, review date

// ---------------------------------------------------------------------------
// The record (5.12)

// A clarification contact that confirmed the definition marks the current stage's definition confirmed.
Status log_contact_attempt(Case& c, ContactAttempt attempt, const Actor& actor);
Status add_note(Case& c, Date on, std::string text, const Actor& actor);
// Keeps the text exactly as sent: later template edits never change it.
Status record_letter_sent(Case& c, Date on, std::string letter_kind, std::string text, const Actor& actor);

// ---------------------------------------------------------------------------
// Helpers for callers

// Index into c.stages of stage number n, or -1.
int stage_index(const Case& c, int stage_no);
// The highest-numbered stage, or nullptr.
const Stage* current_stage(const Case& c);
bool is_open(const Case& c);
const RefusalGround* find_ground(const Settings& settings, const std::string& id);
const StaffMember* find_staff(const Settings& settings, const std::string& name_or_id);

}  // namespace doorstep
