// Awaab's Law clocks for a hazard a landlord is told about (Hazards in Social
// Housing (Prescribed Requirements) (England) Regulations 2025). The day the
// landlord becomes aware is day zero; working days come from the Calendar.
//
// An EMERGENCY hazard gets "make-safe": the 24 real clock hours in which it is
// both investigated and made safe (no separate working-day investigation step),
// then the steps that follow an investigation, because a home made safe in an
// emergency can still hold a significant hazard that needs a written summary and
// works. A SIGNIFICANT hazard gets "investigate" (working days) and those steps.
// Further works have two limits on when they BEGIN (where practicable, and in
// any case); finishing them has no legal clock.
#pragma once
#include "core/calendar/calendar.h"
#include "core/base/date.h"
#include "core/base/result.h"
#include "core/model/settings.h"  // HazardTimescales (editable, with the Regulations' defaults)

#include <optional>
#include <string>
#include <vector>

namespace doorstep {

enum class HazardKind { Emergency, Significant };

// One deadline. For clock-hour deadlines `due_at` holds the UK local moment and
// `due` its day; otherwise `due` is the last day (the step is on time if done
// on or before it) and `due_at` is empty.
struct HazardStep {
    std::string name;  // "make-safe" | "investigate", "summary", "safety-work", "further-work-start", "further-work-latest"
    Date due;
    std::optional<LocalDateTime> due_at;
    bool by_the_hour() const { return due_at.has_value(); }
};

// The steps in the order above (make-safe for emergencies, investigate for
// significant hazards). The summary, safety work and further works count from
// the day the investigation ended, or from the deadline to investigate while it
// has not ended; the latest day to begin further works is
// further_work_latest_weeks calendar weeks from that day.
// Timescales are expected to have passed check_hazard_timescales.
std::vector<HazardStep> hazard_steps(const LocalDateTime& aware, HazardKind kind, const HazardTimescales& timescales,
                                     const Calendar& calendar, std::optional<Date> investigation_ended = std::nullopt);

// Adds real elapsed hours to a UK local time: across a change to or from summer
// time the wall clock moves by one hour more or less.
LocalDateTime add_clock_hours(const LocalDateTime& t, int hours);

// Problems with edited timescales, each naming its field (negative or absurd values).
Problems check_hazard_timescales(const HazardTimescales& t);

}  // namespace doorstep
