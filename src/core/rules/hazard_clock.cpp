#include "core/rules/hazard_clock.h"

namespace doorstep {

LocalDateTime add_clock_hours(const LocalDateTime& t, int hours) {
    return utc_minutes_to_uk_local(uk_local_to_utc_minutes(t) + static_cast<int64_t>(hours) * 60);
}

std::vector<HazardStep> hazard_steps(const LocalDateTime& aware, HazardKind kind, const HazardTimescales& t,
                                     const Calendar& calendar, std::optional<Date> investigation_ended) {
    std::vector<HazardStep> steps;
    const Date day_zero = aware.date;
    Date deadline_to_investigate;
    if (kind == HazardKind::Emergency) {
        // Awaab's Law, emergency hazards: investigated and made safe within 24 clock hours,
        // nights and weekends included; there is no separate working-day investigation.
        const LocalDateTime by = add_clock_hours(aware, t.emergency_make_safe_hours);
        steps.push_back({"make-safe", by.date, by});
        deadline_to_investigate = by.date;
    } else {
        deadline_to_investigate = calendar.add_working_days(day_zero, t.investigate_working_days);
        steps.push_back({"investigate", deadline_to_investigate, std::nullopt});
    }

    const Date ended = investigation_ended.value_or(deadline_to_investigate);
    steps.push_back({"summary", calendar.add_working_days(ended, t.summary_working_days), std::nullopt});
    steps.push_back({"safety-work", calendar.add_working_days(ended, t.safety_work_working_days), std::nullopt});
    // Supplementary preventative works: BEGUN within 5 working days where reasonably
    // practicable, and in any case within 12 weeks; finishing them has no fixed clock.
    steps.push_back({"further-work-start", calendar.add_working_days(ended, t.further_work_start_working_days), std::nullopt});
    steps.push_back({"further-work-latest", ended.plus_days(7 * t.further_work_latest_weeks), std::nullopt});
    return steps;
}

Problems check_hazard_timescales(const HazardTimescales& t) {
    Problems problems;
    const auto check = [&problems](const char* field, int value, int most, const char* unit) {
        if (value < 0 || value > most)
            problems.push_back({std::string("hazard timescales, ") + field,
                                std::to_string(value) + " is not allowed; give between 0 and " + std::to_string(most) + " " + unit});
    };
    check("emergency_make_safe_hours", t.emergency_make_safe_hours, 24 * 14, "hours");
    check("investigate_working_days", t.investigate_working_days, 250, "working days");
    check("summary_working_days", t.summary_working_days, 250, "working days");
    check("safety_work_working_days", t.safety_work_working_days, 250, "working days");
    check("further_work_start_working_days", t.further_work_start_working_days, 250, "working days");
    check("further_work_latest_weeks", t.further_work_latest_weeks, 104, "weeks");
    return problems;
}

}  // namespace doorstep
