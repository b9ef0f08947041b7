// The complaint case: everything needed to run a case under the Code and to
// evidence compliance afterwards. Plain structs; the rules live in workflow.h,
// the clocks in deadlines.h, JSON in case_json.h.
#pragma once
#include "core/base/date.h"
#include "core/base/money.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace doorstep {

// Which Code a case was handled under: 2022-Code cases keep that Code's clocks
// (stage 1 from logging, optional stage 3) for status and for CH02.
enum class CodeVersion { Code2022, Code2024 };

enum class CaseKind {
    Complaint,       // 1.2
    ServiceRequest,  // 1.4: recorded and monitored; may become a complaint while staying open (1.5)
    SurveyFeedback,  // 1.6: not a complaint; the resident is told how to complain
    Compliment,
    MemberEnquiry,   // councillor or MP enquiry: its own route; may become a complaint with consent
};

enum class Channel { InPerson, HomeVisit, Phone, Email, Letter, WebForm, SocialMedia, App, ThirdParty };
enum class ContactMethod { Phone, Email, Letter, Text, InPerson };

struct Resident {
    std::string name;
    std::string address;
    std::string postcode;
    std::string phone;
    std::string email;
    ContactMethod preferred_contact = ContactMethod::Phone;
    bool group_of_residents = false;  // 1.2: a complaint may affect a group
    std::string group_description;
};

// 3.6: a representative needs the resident's consent unless a councillor or MP (implied consent).
enum class RepresentativeKind { None, FamilyOrFriend, Advocate, Solicitor, Councillor, MP, Other };
struct Representative {
    RepresentativeKind kind = RepresentativeKind::None;
    std::string name;
    std::string contact;
    bool consent_given = false;
    std::optional<Date> consent_date;
};

// 5.10: agreed adjustments, kept under active review.
struct ReasonableAdjustment {
    std::string description;        // e.g. "Large print letters", "BSL interpreter"
    std::string disclosed_disability;
    Date agreed_on;
    std::optional<Date> review_due;
    int shorter_timescale_days = 0; // > 0: the resident's clocks are shortened by this many working days
};

// 5.14/5.15: restrictions on contact must be evidenced, proportionate and reviewed.
struct ContactRestriction {
    std::string description;
    std::string evidence;
    std::string equality_act_regard;
    Date decided_on;
    std::optional<Date> review_due;
};

// 5.8c: a declared conflict of interest blocks that person from the case.
struct ConflictOfInterest {
    std::string person;
    std::string details;
    Date declared_on;
};

enum class Decision { Undecided, Upheld, PartlyUpheld, NotUpheld };

// One point of the complaint definition (5.6); every point is decided with reasons (6.7, 6.18).
struct DefinitionPoint {
    std::string text;
    Decision decision = Decision::Undecided;
    std::string reasons;  // citing policy, law or good practice
};

// 5.7: aspects the landlord is and is not responsible for.
struct Aspect {
    std::string text;
    bool in_scope = true;
    std::string reason_excluded;
};

struct Extension {
    int working_days = 0;
    std::string reason;
    Date decided_on;
    std::optional<Date> resident_told;     // 6.4
    std::string told_how;                  // "phone then letter"
    bool ombudsman_details_given = false;  // 6.5 / 6.16
    std::optional<bool> resident_agreed;   // objection → Ombudsman details are given
    bool beyond_limit = false;             // over 10 (stage 1) / 20 (stage 2) working days
    std::string good_reason;               // required when beyond_limit
    bool set_at_acknowledgement = false;   // complex case
};

// 5.9: where a response will be late, agree intervals for updates.
struct UpdateInterval {
    int every_working_days = 0;
    Date agreed_on;
};

enum class RemedyType { Apology, AcknowledgeFault, Explanation, ActOnDelay, ReconsiderDecision, AmendRecord, Financial, ChangePolicy };
enum class RemedyState { Proposed, Offered, Accepted, Declined, Completed };

// A financial award split into the parts the Ombudsman's guidance uses.
struct AwardParts {
    Money statutory;
    Money quantifiable_losses;
    Money time_and_trouble;
    Money distress_and_inconvenience;
};

struct Remedy {
    RemedyType type = RemedyType::Apology;
    std::string description;       // what will happen, in plain words (7.3)
    Money amount;                  // financial remedies only
    std::string working;           // how a suggested sum was worked out from the compensation table
    Money suggested;               // the table's suggestion
    std::string override_reason;   // kept when amount != suggested
    AwardParts parts;
    std::string approved_by;       // needed above the handler's award limit
    RemedyState state = RemedyState::Proposed;
    std::optional<Date> due;
    std::optional<Date> completed; // paid or done
    std::optional<Date> offered_on;   // put to the resident (oversight.h offer_remedy)
    std::optional<Date> answered_on;  // the resident accepted or declined it
};

// 6.6: outstanding actions tracked to completion.
struct OutstandingAction {
    std::string description;
    std::string owner;
    Date due;
    std::optional<Date> completed;
};

struct Escalation {
    Date requested;                     // 6.11 clock starts here
    std::string resident_reason;        // optional: no reason is required (6.12)
    bool outside_window = false;        // asked after the policy window
    std::string discretion_decision;    // required when outside_window
};

// One stage of the complaint. number 1 or 2; 3 only on imported 2022-Code records.
struct Stage {
    int number = 1;
    Date opened;                         // stage 1: received; stage 2: escalation requested
    std::optional<Escalation> escalation; // stage 2 (and legacy stage 3)
    std::string definition;              // 5.6 complaint definition, in the landlord's words
    std::vector<DefinitionPoint> points;
    std::vector<Aspect> aspects;
    std::string outcome_sought;
    bool definition_confirmed = false;   // confirmed with the resident (contact log)
    std::string investigator;            // handler; 6.13 at stage 2
    std::vector<std::string> contributors;
    std::string approver;                // signs the response; 6.13 applies too
    std::string contractor_author;       // a contractor wrote the response draft
    std::optional<Date> acknowledged;
    std::vector<Extension> extensions;
    std::optional<UpdateInterval> updates;
    std::vector<Remedy> remedies;
    std::vector<OutstandingAction> actions;
    std::optional<Date> responded;
    std::string response_summary;
};

// Section 2: refusal to accept, and 5.11 refusal to escalate.
struct Refusal {
    std::string ground_id;               // from Settings::refusal_grounds
    std::string reasoning;               // 2.1: decided case by case, reasoning kept
    std::string circumstances_considered;
    bool discretion_considered = false;  // 2.3: needed on the 12-month ground
    std::string discretion_decision;
    Date decided_on;
    std::optional<Date> explained_on;    // 2.4: told in writing with the right to go to the Ombudsman
    std::string approved_by;             // complaints manager, where policy asks
    bool at_escalation = false;          // 5.11 refusal to escalate
};

enum class ClosureReason { Resolved, NotEscalated, Withdrawn, Refused, ServiceRequestDone, NoFurtherAction, JoinedToOther };
struct Closure {
    Date closed_on;
    ClosureReason reason = ClosureReason::Resolved;
    std::string withdrawn_by;
    std::string notes;
};

enum class ContactOutcome { Reached, NoAnswer, MessageLeft, Written };
enum class ContactPurpose { Clarification, Update, ExtensionNotice, Other };
struct ContactAttempt {
    Date on;
    ContactMethod method = ContactMethod::Phone;
    ContactOutcome outcome = ContactOutcome::Reached;
    ContactPurpose purpose = ContactPurpose::Other;
    std::string summary;
    std::optional<bool> definition_confirmed;  // at the clarification call
    std::string by;
};

// Correspondence and notes. A sent letter keeps the text as sent: later edits never change it.
enum class LogKind { Note, LetterSent, LetterReceived, Email, Call, Visit };
struct LogEntry {
    Date on;
    LogKind kind = LogKind::Note;
    std::string by;
    std::string text;
    std::string letter_kind;  // e.g. "ack1" for LetterSent
    std::string letter_text;  // the copy as sent
};

// Evidence on the record (5.12): the bytes live in the store, named by content hash.
struct Attachment {
    std::string sha256;
    std::string filename;
    std::string mime;          // image/jpeg, image/png, application/pdf, ...
    int64_t size = 0;
    std::string thumbnail_sha256;
    std::string caption;
    Date added;
    std::string hazard_id;     // when it evidences a hazard
};

// Awaab's Law: hazard reported at a visit, with its own clocks (hazard_clock.h).
struct HazardRecord {
    std::string id;
    std::string type_id;                   // Settings::hazard_types
    bool emergency = false;
    std::string location;                  // where in the home
    std::string observed;
    std::string reported_by;
    LocalDateTime aware;                   // day zero
    std::string vulnerable_occupants;
    std::optional<LocalDateTime> made_safe;     std::string made_safe_by;
    std::optional<Date> investigated;           std::string investigated_by;
    bool significant_found = false;       // also set when an emergency is confirmed
    bool emergency_found = false;         // the investigation confirmed the reported emergency
    std::string findings;
    std::optional<Date> summary_sent;
    std::optional<Date> safety_work_done;
    std::optional<Date> further_work_started;
    std::optional<Date> further_work_done;
    std::string works_planned;            // the works needed (from the investigation, or when they begin)
    enum class Accommodation { NotNeeded, Offered, Accepted, Declined } accommodation = Accommodation::NotNeeded;
    std::optional<Date> closed;
};

// Housing Ombudsman referral, determination and orders (8.1c, 9.7c).
enum class Determination { Pending, SevereMaladministration, Maladministration, ServiceFailure, ReasonableRedress, NoMaladministration, OutsideJurisdiction, Withdrawn };
struct OmbudsmanOrder {
    std::string description;
    Date due;
    std::optional<Date> completed;
    std::string evidence;
};
struct OmbudsmanCase {
    Date referred;
    std::string reference;
    Determination determination = Determination::Pending;
    std::optional<Date> determined;
    std::vector<OmbudsmanOrder> orders;
};

// A short satisfaction survey after a stage response: one per stage, so a case
// answered at stage 1 and again at stage 2 can carry two (reports count each
// against its stage's target in settings).
struct Survey {
    int stage = 1;                    // the stage whose response it follows (1, 2; 3 on a 2022-Code record)
    bool offered = false;
    bool answered = false;
    bool declined = false;            // the resident said no to the survey
    int satisfied_handling = 0;  // 1..5, 0 = not answered
    int satisfied_outcome = 0;
    int felt_listened = 0;
    std::optional<Date> on;           // offered on
    std::optional<Date> answered_on;  // answered, or declined, on
};

// Free text a person has checked for a tenant panel (9.3): the only case text an
// anonymised case study may show (case_study.h); everything else is marked "[not reviewed]".
struct PanelReview {
    std::string summary;    // what happened, without names, addresses or contact details
    std::string learning;   // what the landlord learned (optional)
    std::string reviewed_by;
    Date reviewed_on;
};

// Append-only: edits add entries, never rewrite them.
struct AuditEntry {
    std::string at;    // "2025-03-31T14:05" local
    std::string who;
    std::string what;
};

struct Case {
    // identity and revisions: CouchDB-style so merge and a future sync share one model
    std::string id;                     // UUID
    std::string reference;              // "DS-2026-K7QX-000123" (references.h); older "DS-2025-000123"
    std::vector<std::string> reference_aliases;  // earlier references it had (a merge met another case using one)
    std::string rev;                    // "N-hash"; empty until first saved
    std::vector<std::string> rev_ids;   // hashes, newest first (CouchDB _revisions.ids)
    std::string device;                 // device that last changed it
    std::vector<Case> conflicts;        // true conflicts kept side by side for a person to resolve
    std::vector<std::string> discarded_revs;  // conflict revisions a person resolved away: a merge must not revive them
    bool demo = false;                  // sample data: never mixed with real cases

    CodeVersion code = CodeVersion::Code2024;
    CaseKind kind = CaseKind::Complaint;
    Channel channel = Channel::HomeVisit;
    Date received;
    std::optional<Date> logged;         // 2022 Code counted stage 1 from logging

    Resident resident;
    Representative representative;
    std::string own_words;              // the resident's own words
    std::string outcome_wanted;
    std::string category_id;
    std::string subcategory;
    std::string property;               // address or property reference
    std::string contractor;
    bool high_rise_building_safety = false;  // letters also name the Building Safety Regulator
    int complexity = 1;                 // 1 low .. 3 high (6.1 triage)
    std::string vulnerability;
    std::string staff_safety_warning;
    std::vector<ReasonableAdjustment> adjustments;
    std::vector<ContactRestriction> restrictions;
    std::vector<ConflictOfInterest> conflicts_of_interest;

    // service requests (1.4, 1.5)
    std::optional<Date> service_request_completed;
    std::string raised_from_case;       // id of the service request or enquiry it came from
    std::vector<std::string> linked_cases;  // 6.8 new linked complaints

    std::optional<Refusal> refusal;
    std::vector<Stage> stages;
    std::optional<Closure> closure;

    std::vector<ContactAttempt> contacts;
    std::vector<LogEntry> log;
    std::vector<HazardRecord> hazards;
    std::vector<Attachment> attachments;
    std::optional<OmbudsmanCase> ombudsman;
    std::vector<Survey> surveys;        // in the order offered
    std::string learning;               // 9.1 learning noted at closure
    std::optional<PanelReview> panel_review;
    std::vector<AuditEntry> audit;
};

// The learning log (9.1–9.4), kept beside the cases.
struct LearningItem {
    std::string id;
    std::string theme;
    std::string lesson;
    std::string action;
    std::string owner;
    std::optional<Date> due;
    std::optional<Date> done;
    std::vector<std::string> case_ids;
};

}  // namespace doorstep
