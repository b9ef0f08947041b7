// The landlord's settings and policy: every timescale, list and sum the Code or
// the Ombudsman's guidance may change is data here, with defaults loaded from
// assets/settings-defaults.json (never written in code).
#pragma once
#include "core/calendar/calendar.h"
#include "core/base/date.h"
#include "core/base/money.h"
#include "core/base/result.h"

#include <map>
#include <string>
#include <vector>

namespace doorstep {

struct Landlord {
    std::string name;
    std::string address;
    std::string phone;
    std::string email;
    std::string website;
    std::string complaints_team;  // name of the team residents write to
    std::string letter_signoff;
    std::string complaints_policy;  // where residents read the complaints policy (a web address)
};

// Timescales. Units: escalation_window_weeks is calendar weeks, everything else working days.
struct Policy {
    int acknowledge_days = 5;           // 6.2
    int stage1_response_days = 10;      // 6.3
    int stage1_max_extension_days = 10; // 6.4
    int stage2_acknowledge_days = 5;    // 6.11
    int stage2_response_days = 20;      // 6.14
    int stage2_max_extension_days = 20; // 6.15
    int escalation_window_weeks = 4;
    int refusal_explanation_days = 5;
    int extension_notice_days_before = 2;
    int due_soon_days = 2;              // "due soon" when this few working days are left
    int default_update_interval_days = 5;
    int unexported_reminder_days = 7;
    bool refusal_needs_approval = true;
    // 2022 Code (legacy records)
    int legacy_stage1_response_days = 10;   // from logging
    int legacy_stage2_response_days = 20;   // from the escalation request
    int legacy_stage2_max_extension_days = 10;
    int legacy_stage3_response_days = 20;
};

// An external body residents are told about in letters: the Housing Ombudsman
// (3.7, 6.5, 6.16, 6.20), and the Local Government and Social Care Ombudsman
// for refusals where a statutory review route applies (2.4).
struct Ombudsman {
    std::string name;
    std::string phone;
    std::string website;
    std::string online_form;
    std::string address;
    std::string source;  // where the details came from and when they were last checked
};

struct Category {
    std::string id;
    std::string label;
    std::vector<std::string> subcategories;
    bool hazard_prompt = false;  // damp, mould, heating, electrics, safety: "is this a potential hazard?"
};

// Compensation guidance: fixed sums (per day, per week or per occurrence).
enum class RatePer { Day, Week, Occurrence };
struct CompensationRate {
    std::string id;
    std::string label;   // "Total loss of heating and hot water"
    Money amount;
    RatePer per = RatePer::Day;
};

// Where a refused resident can go: the body depends on the ground.
enum class ReviewBody { HousingOmbudsman, LocalGovernmentOmbudsman, Insurer, Court, Other };
struct RefusalGround {
    std::string id;
    std::string label;
    std::string provision;      // "2.3"
    ReviewBody body = ReviewBody::HousingOmbudsman;
    bool needs_discretion = false;  // 12-month ground (2.3)
};

enum class StaffRole { Officer, Investigator, ComplaintsManager, SeniorManager, Contractor, Member };
struct StaffMember {
    std::string id;
    std::string name;
    StaffRole role = StaffRole::Investigator;
    std::string team;
    std::string email;
    std::string phone;
    bool may_sign_stage2 = false;
    Money award_limit;
};

// A kind of hazard and when Awaab's Law starts to cover it (commencement). A type
// with no date is not yet under the law: its clocks are the landlord's policy.
struct HazardType {
    std::string id;
    std::string label;
    int phase = 1;
    bool can_be_emergency = true;
    std::optional<Date> in_force_from;  // the day it comes under Awaab's Law (phase 1: 27 October 2025)
    std::string in_force_source;        // where that date comes from (the Regulations, the landlord's confirmation)
};

// Emergency hazards of every type came under Awaab's Law with phase 1.
struct HazardCommencement {
    std::optional<Date> emergencies_from = Date::from_ymd(2025, 10, 27);
    std::string source = "Hazards in Social Housing (Prescribed Requirements) (England) Regulations 2025, phase 1";
};

struct HazardTimescales {
    int emergency_make_safe_hours = 24;
    int investigate_working_days = 10;
    int summary_working_days = 3;
    int safety_work_working_days = 5;
    int further_work_start_working_days = 5;
    int further_work_latest_weeks = 12;
};

struct Settings {
    std::string officer_name;   // who is using this device
    std::string device_id;
    std::string device_code;    // short code in this device's case references (references.h), chosen at set-up
    Landlord landlord;
    Policy policy;
    int homes_owned = 0;        // CH01
    Region region = Region::EnglandAndWales;
    std::vector<Holiday> closure_days;  // landlord closures and imported one-off holidays
    Ombudsman ombudsman;
    Ombudsman local_government_ombudsman;   // LGSCO
    std::string building_safety_regulator;  // named in high-rise building-safety letters
    std::string building_safety_regulator_contact;  // how residents reach it (website or phone)
    std::vector<Category> categories;
    std::vector<CompensationRate> compensation;
    std::string discretionary_bands;        // guidance text for other awards
    std::vector<RefusalGround> refusal_grounds;
    std::vector<StaffMember> staff;
    std::vector<HazardType> hazard_types;
    HazardTimescales hazard_timescales;
    HazardCommencement hazard_commencement;
    std::map<std::string, std::string> outcome_labels;  // "upheld" -> "Fully justified"
    std::map<std::string, std::string> letter_templates; // kind -> template text (assets/letters/*)
    int quality_sample_size = 5;
    int survey_target_stage1_pct = 50;
    int survey_target_stage2_pct = 100;
    // Years a closed case is kept before it is listed for review (21.8,
    // rules/erasure.h past_retention); 0 lists none. Six years after closure is a
    // common landlord schedule: the time limit for most claims a case could
    // evidence (Limitation Act 1980, ss. 2 and 5).
    int retention_years = 6;
    // presentation (per device)
    std::string theme = "system";  // system (the device's own setting) | light | dark | high-contrast
    float text_scale = 1.0f;
    int lock_after_minutes = 5;    // 21.7: the app locks after this long without use (when sign-in is set up)
    std::optional<Date> last_exported;

    Calendar calendar() const;  // region + closure days
};

// Whether sample staff (ids "sample-..."); the sample itself is in settings_defaults.h.
bool is_sample_staff(const StaffMember& m);
// The device knows whose letters it writes: a landlord name and a phone or email.
bool organisation_set_up(const Settings& s);

}  // namespace doorstep
