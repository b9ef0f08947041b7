// Awaab's Law at the visit: recording a hazard the landlord is told about, each
// step of its legal clock, and where each step stands (Hazards in Social Housing
// (Prescribed Requirements) (England) Regulations 2025). The deadlines come from
// hazard_clock.h; the case's next hazard step for status and Today from
// deadlines.h (next_hazard_step).
//
// Like workflow.h, every recording function checks first and answers with an
// Error (where = "case <ref>, hazards[<i>].<field>", the message naming the
// hazard) a person can act on; on error the case is left exactly as it was; on
// success it appends one AuditEntry naming who did the step and when.
// Hazards run on their own legal clocks: steps can be recorded on a closed
// complaint. Nothing here reads the system clock.
#pragma once
#include "core/calendar/calendar.h"
#include "core/model/case.h"
#include "core/base/date.h"
#include "core/rules/hazard_clock.h"  // HazardStep, hazard_steps
#include "core/base/result.h"
#include "core/model/settings.h"
#include "core/rules/workflow.h"  // Actor, NewCase

#include <optional>
#include <string>
#include <vector>

namespace doorstep {

// "Is this a potential hazard?": asked when the case's category has
// hazard_prompt (damp and mould, repairs, building safety) and no hazard is
// recorded on the case yet.
bool hazard_prompt_applies(const Case& c, const Settings& settings);

const HazardType* find_hazard_type(const Settings& settings, const std::string& id);
int hazard_index(const Case& c, const std::string& hazard_id);  // -1 when not on the case
// Commencement: whether Awaab's Law covered this hazard on the day the landlord
// became aware — an emergency from the day emergencies came in, any other from
// its type's in_force_from. A hazard not covered still runs the same clocks, as
// the landlord's policy; letters and lists say "our policy", not "the law".
bool under_awaabs_law(const HazardRecord& h, const Settings& settings);
bool type_under_awaabs_law(const std::string& type_id, bool emergency, Date aware, const Settings& settings);
// "Excess cold comes under Awaab's Law on a date not yet confirmed (Phase 2: ...)": for lists and the CLI.
std::string commencement_note(const HazardRecord& h, const Settings& settings);

// "Damp and mould in the back bedroom (emergency)": how messages and lists name a hazard.
std::string describe_hazard(const HazardRecord& h, const Settings& settings);

// ---------------------------------------------------------------------------
// Reporting

struct HazardReport {
    std::string id;                    // UUID from the caller (ids.h)
    std::string type_id;               // one of Settings::hazard_types
    bool emergency = false;            // only for a type that can be an emergency
    std::string location;              // where in the home
    std::string observed;              // what was seen or reported
    std::string reported_by;           // who told the landlord (resident, officer, contractor)
    LocalDateTime aware;               // when the landlord became aware: day zero
    std::string vulnerable_occupants;
};

// Adds a hazard to any case (a complaint, a service request, ...). Checks the
// id is new on the case, the type exists in the settings and may be an
// emergency when flagged as one, what was observed and who reported it are
// given, and awareness is not later than the actor's time.
Status report_hazard(Case& c, const HazardReport& report, const Settings& settings, const Actor& actor);

// A hazard heard of with no complaint: a service request (1.4) holding it.
// `details.kind` is set to ServiceRequest and `details.received` to the day of awareness.
Result<Case> new_hazard_case(NewCase details, const HazardReport& report, const Settings& settings,
                             const Actor& actor);

// ---------------------------------------------------------------------------
// The steps, in the Regulations' order. Each step is recorded once; none may
// be earlier than awareness (or than the step it follows), nor later than the
// actor's time; none may be recorded on a closed hazard. `by` is who did the
// step (kept in the record where it has a field, always in the audit entry);
// `settings` names the hazard in messages.

// Emergency hazards only: made safe at a local date-time (the 24 clock hours).
Status record_made_safe(Case& c, const std::string& hazard_id, LocalDateTime at, const std::string& by,
                        const Settings& settings, const Actor& actor);

struct InvestigationResult {
    Date ended;
    std::string by;
    bool significant_found = false;
    // Confirms an emergency reported as one. An emergency found while
    // investigating a hazard reported as significant is refused here: report it
    // as its own emergency hazard from the moment it was found (its 24 hours run
    // from then), then record this investigation as significant found.
    bool emergency_found = false;
    std::string findings;              // the written summary to the tenant is drawn from these
    std::string works_planned;         // the works needed, when found (the summary says what they are)
};
// An emergency found counts as significant too: safety and further works follow.
Status record_investigation(Case& c, const std::string& hazard_id, const InvestigationResult& result,
                            const Settings& settings, const Actor& actor);

// The written summary of the investigation sent to the tenant (letter kind hazard-summary).
Status record_summary_sent(Case& c, const std::string& hazard_id, Date on, const std::string& by,
                           const Settings& settings, const Actor& actor);
// Needs a significant (or emergency) hazard found.
Status record_safety_work_done(Case& c, const std::string& hazard_id, Date on, const std::string& by,
                               const Settings& settings, const Actor& actor);
// Preventive works that remove the cause; `works_planned` says what they are
// (may be empty when the investigation already recorded them).
Status record_further_work_started(Case& c, const std::string& hazard_id, Date on, const std::string& works_planned,
                                   const std::string& by, const Settings& settings, const Actor& actor);
Status record_further_work_done(Case& c, const std::string& hazard_id, Date on, const std::string& by,
                                const Settings& settings, const Actor& actor);

// Alternative accommodation where the home cannot be made safe in time:
// Offered first (again after a decline), then Accepted or Declined.
Status record_accommodation(Case& c, const std::string& hazard_id, HazardRecord::Accommodation state, Date on,
                            const std::string& by, const std::string& notes, const Settings& settings,
                            const Actor& actor);

// Closes the hazard once investigated and the summary sent; where a significant
// hazard was found, the safety work must be done and the further works done, or
// not started with `reason` saying why none are needed.
Status close_hazard(Case& c, const std::string& hazard_id, Date on, const std::string& reason,
                    const Settings& settings, const Actor& actor);

// ---------------------------------------------------------------------------
// Where each step stands at a moment

enum class HazardStepState {
    Pending,      // not done, time left (or due now)
    Overdue,      // not done, deadline passed
    DoneOnTime,
    DoneLate,
    NotNeeded,    // no significant hazard found, or closed with no further works needed
};
const char* hazard_step_state_label(HazardStepState s);  // "pending", "overdue", "done on time", ...

struct HazardStepStatus {
    std::string step;                         // hazard_steps() names: "make-safe", "investigate", ...
    const char* label = "";                   // "Make the hazard safe", ...
    Date due;
    std::optional<LocalDateTime> due_at;      // make-safe: by the hour
    bool provisional = false;                 // counted from the investigate deadline: moves when it ends
    HazardStepState state = HazardStepState::Pending;
    std::optional<Date> done;
    std::optional<LocalDateTime> done_at;     // make-safe
    int minutes_left = 0;                     // by-the-hour steps not done: negative when overdue
    int working_days_left = 0;                // working-day steps not done: negative when overdue, 0 due today
    bool by_the_hour() const { return due_at.has_value(); }
};

struct HazardStatus {
    bool closed = false;
    bool under_the_law = true;                // false: the clocks are the landlord's policy (commencement)
    std::vector<HazardStepStatus> steps;      // every step of hazard_steps(), in order
    int next = -1;                            // index of the first step still to do; -1 when none
    // A step that makes the home safe (make-safe, safety-work) is overdue and no
    // alternative accommodation has been offered yet.
    bool offer_accommodation = false;
};

// The emergency's 24 hours still ask for it to be made safe: reported as an
// emergency and not yet found by the investigation to be no emergency.
bool emergency_to_make_safe(const HazardRecord& h);

// What a person records next on this hazard, in the Regulations' order:
// "make-safe", "investigate", "summary", "safety-work", "further-work-start",
// "further-work-done" (no legal clock, but the hazard cannot close without it),
// "close"; "" once closed. The record functions above are named after these.
const char* next_hazard_record(const HazardRecord& h);
const char* hazard_record_label(const std::string& what);  // "Record the investigation", ...

// `now` is the UK local moment the status is seen from.
HazardStatus hazard_status(const HazardRecord& h, LocalDateTime now, const Settings& settings, const Calendar& calendar);

// "5 h 30 min left", "2 working days left", "due today", "3 working days overdue",
// "done 2026-03-28T18:00, on time", "not needed".
std::string describe_time_left(const HazardStepStatus& s);

// ---------------------------------------------------------------------------
// Plain text for the command-line tool (and the golden tests)

// `doorstep hazard-clock`: one "STEP<TAB>DEADLINE" line per step; an ISO date for
// working-day steps, an ISO local date-time for hour steps.
std::string hazard_clock_text(const std::vector<HazardStep>& steps);

// `doorstep hazards`: every hazard not closed, on every case, with each step's
// deadline and time left as seen at `now`; soonest next step first.
std::string open_hazards_text(const std::vector<Case>& cases, LocalDateTime now, const Settings& settings,
                              const Calendar& calendar);

}  // namespace doorstep
