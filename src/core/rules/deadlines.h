// The Code's clocks for a case, its status and its open obligations.
//
// Called for every case every frame: nothing here allocates except
// open_obligations (which fills a caller's vector). Labels are static strings.
//
// 2024 Code (the default):
//   acknowledge: 5 WD after receipt (6.2); stage 1 response: 10 WD after the
//   acknowledgement (6.3) — before it exists, counted from the acknowledge-due date;
//   stage 2 acknowledge: 5 WD after the escalation request (6.11); stage 2 response:
//   20 WD after its acknowledgement (6.14). Extensions add their working days. A
//   reasonable adjustment with shorter timescales takes its days off every base
//   timescale (never below 1).
// 2022 Code (imported records): stage 1 response 10 WD from logging (or receipt);
//   stage 2 20 WD from the escalation request (extension at most 10); stage 3 20 WD
//   from its request.
// All numbers come from Settings::policy.
#pragma once
#include "core/calendar/calendar.h"
#include "core/model/case.h"
#include "core/rules/hazard_clock.h"
#include "core/base/date.h"
#include "core/model/settings.h"

#include <optional>
#include <vector>

namespace doorstep {

// ---------------------------------------------------------------------------
// Clocks of one stage (stage_no 1, 2, or 3 on a 2022-Code record)

struct StageClock {
    Date acknowledge_due;
    Date response_base_due;        // without extensions
    Date response_due;             // with every recorded extension
    Date response_code_due;        // with extensions allowed under the Code: told with the Ombudsman's details
                                   // (6.5, 6.16) and within the limit, or beyond it with a good reason (6.4, 6.15)
    int extension_days = 0;        // total recorded
    int max_extension_days = 0;    // policy limit without good reason
};

// Working days the resident's adjustments take off each timescale (largest one).
int shortened_by(const Case& c);

StageClock stage_clock(const Case& c, const Stage& s, const Settings& settings, const Calendar& cal);

// Convenience wrappers on stage_clock.
Date acknowledge_due(const Case& c, const Stage& s, const Settings& settings, const Calendar& cal);
Date response_due(const Case& c, const Stage& s, const Settings& settings, const Calendar& cal);

// Tell the resident by: the deadline in force before extension `index` less
// policy.extension_notice_days_before working days.
Date extension_notice_due(const Case& c, const Stage& s, int index, const Settings& settings, const Calendar& cal);

// 2.4: decided + policy.refusal_explanation_days working days.
Date refusal_explanation_due(const Refusal& r, const Settings& settings, const Calendar& cal);

// Last day to ask for stage 2: the stage 1 response + escalation_window_weeks calendar weeks.
Date escalation_window_end(Date stage1_responded, const Settings& settings);

// ---------------------------------------------------------------------------
// 5.9 updates: a rolling schedule from the agreed date. Each slot falls due
// every_working_days after the previous update given (or the agreement); an update
// counts when a contact with purpose Update reached the resident, left a message or
// was written. A slot that passes with none is missed, and the next counts from it.

enum class UpdateState { Given, Missed, Pending };
struct UpdateSlot {
    Date due;
    UpdateState state = UpdateState::Pending;
    std::optional<Date> given_on;
};

// Slots up to the stage's response (or today while it is open). Empty when no interval agreed.
std::vector<UpdateSlot> update_schedule(const Case& c, const Stage& s, Date today, const Calendar& cal);
// The earliest slot not met as of today: the oldest missed one since the last update
// given, else the pending one. nullopt when no interval or the stage is responded.
std::optional<Date> next_update_due(const Case& c, const Stage& s, Date today, const Calendar& cal);
int missed_updates(const Case& c, const Stage& s, Date today, const Calendar& cal);

// ---------------------------------------------------------------------------
// Timeliness for reports (CH02): judged under the Code the case was handled under.

struct StageTimeliness {
    bool acknowledged = false;
    bool acknowledged_on_time = false;
    bool responded = false;
    bool within_base = false;        // responded by the base timescale
    bool within_extended = false;    // responded by the timescale as extended under the Code
};
StageTimeliness stage_timeliness(const Case& c, const Stage& s, const Settings& settings, const Calendar& cal);

// ---------------------------------------------------------------------------
// Status

enum class NextAction : uint8_t {
    None,
    Acknowledge,
    Respond,
    SendExtensionNotice,
    GiveUpdate,
    Reallocate,             // the handler declared a conflict of interest (5.8c)
    ExplainRefusal,         // 2.4 / 5.11
    EscalationWindowOpen,   // informational: the resident may still ask for stage 2
    CompleteRemedy,         // 7.3
    CompleteAction,         // 6.6
    ReviewAdjustment,       // 5.10
    ReviewRestriction,      // 5.14, 5.15
    ComplyWithOmbudsmanOrder,
    CompleteServiceRequest, // 1.4
    Close,                  // everything done: close the case
    HazardStep,             // Awaab's Law: the hazard's next step (next_hazard_step)
};
const char* next_action_label(NextAction a);  // "Acknowledge", "Send the response", ...

enum class Urgency : uint8_t { None, Upcoming, DueSoon, DueToday, Overdue };
const char* urgency_label(Urgency u);

enum class StatusLabel : uint8_t {
    Stage1AwaitingAcknowledgement,
    Stage1ResponseDue,
    Stage1Extended,
    Stage1Responded,          // escalation window open
    Stage1WindowClosed,       // responded; the escalation window has closed (the case can close)
    Stage2AwaitingAcknowledgement,
    Stage2ResponseDue,
    Stage2Extended,
    Stage2Responded,          // final response given; actions or closure remain
    Stage3AwaitingResponse,   // 2022-Code records only
    Stage3Responded,
    RefusalToExplain,
    RefusalExplained,         // refused and explained in writing (2.4, 5.11): to close
    ServiceRequestOpen,
    EnquiryOpen,              // councillor/MP enquiry
    FeedbackOpen,             // survey feedback or compliment not yet closed
    ClosedResolved,
    ClosedNotEscalated,
    ClosedWithdrawn,
    ClosedRefused,
    ClosedServiceRequestDone,
    ClosedNoFurtherAction,
    ClosedJoined,
};
const char* status_label_text(StatusLabel l);  // "Stage 1 — awaiting acknowledgement", "Closed — not escalated", ...

enum class OnTime : uint8_t { NotYet, Yes, No };

struct CaseStatus {
    bool open = true;
    int stage = 0;                  // current stage number; 0 when none
    StatusLabel label_id = StatusLabel::Stage1AwaitingAcknowledgement;
    const char* label = "";         // status_label_text(label_id)
    NextAction next = NextAction::None;
    const char* next_label = "";    // next_action_label(next), or the hazard step's label
    int hazard = -1;                // index into c.hazards when next == HazardStep
    std::optional<Date> due;
    int working_days_left = 0;      // negative = overdue; 0 when due today or no due date
    Urgency urgency = Urgency::None;
    OnTime acknowledged_on_time = OnTime::NotYet;  // current stage
    OnTime responded_on_time = OnTime::NotYet;     // current stage, against the Code's extended timescale
    int findings = 0;               // Code breaches in the case's history (findings.h), open or closed
};

// Awaab's Law: the next step with a legal clock on a hazard that is not closed
// (hazards.h next_hazard_record): investigate and make safe (emergencies, by the
// hour), investigate (significant), then the written summary; where a significant
// hazard was found (or an emergency), the safety work and the start of further
// works. nullopt when no clock is left (finishing further works has none). Allocates (it
// asks hazard_clock), so status() calls it only for cases holding open hazards.
struct HazardDue {
    const char* step = "";    // the clock: "make-safe", "investigate", "summary", "safety-work", "further-work-start"
    const char* label = "";   // what to record next (hazard_record_label): "Make the hazard safe", ...
    Date due;
    std::optional<LocalDateTime> due_at;  // make-safe: the clock-hour deadline
};
std::optional<HazardDue> next_hazard_step(const HazardRecord& h, const Settings& settings, const Calendar& cal);

// Urgency of a due date seen from today (DueSoon: at most policy.due_soon_days working days left).
Urgency urgency_of(Date due, Date today, const Settings& settings, const Calendar& cal);

CaseStatus status(const Case& c, Date today, const Settings& settings, const Calendar& cal);

// Every open obligation of the case with its due date, for the Today screen:
// acknowledgements, responses, extension notices, updates, refusal explanations,
// remedies and actions, adjustments and restrictions due for review, Ombudsman
// orders, and each open hazard's next step (even after the complaint closed: the
// legal clocks run on their own).
struct Obligation {
    NextAction what = NextAction::None;
    int stage = 0;         // 0 when not about a stage
    int index = -1;        // index of the remedy, action, adjustment, hazard, ... ; -1 otherwise
    Date due;
    std::optional<LocalDateTime> due_at;  // hazard make-safe deadline by the hour
    const char* label = "";               // next_action_label(what), or the hazard step's label
    Urgency urgency = Urgency::None;
};
void open_obligations(const Case& c, Date today, const Settings& settings, const Calendar& cal,
                      std::vector<Obligation>& out);  // appends, sorted by due date within this case
std::vector<Obligation> open_obligations(const Case& c, Date today, const Settings& settings, const Calendar& cal);

}  // namespace doorstep
