// Records a landlord keeps about its own complaint handling rather than about
// one case: the Code self-assessment (8.1a, 8.3), quality spot checks, and
// exceptional non-compliance (8.5).
#pragma once
#include "core/base/date.h"

#include <optional>
#include <string>
#include <vector>

namespace doorstep {

enum class Compliance { Unanswered, Yes, No, Partly, NotApplicable };
enum class ActionStatus { NotStarted, InProgress, Done };

struct DatedUpdate {
    Date on;
    std::string text;
};

struct AssessmentAction {
    std::string description;
    std::string owner;
    ActionStatus status = ActionStatus::NotStarted;
    std::optional<Date> due;
    std::vector<DatedUpdate> updates;
};

// One provision answered (provision numbers "1.2" .. "9.8"; texts in assets/code-provisions.json).
struct ProvisionAnswer {
    std::string provision;
    Compliance comply = Compliance::Unanswered;
    std::string evidence;     // text and links
    std::string commentary;
    std::vector<AssessmentAction> actions;
};

struct SignOff {
    std::string name;
    std::string role;         // "Lead officer", "Member Responsible for Complaints"
    std::optional<Date> on;
    std::string statement;
};

struct SelfAssessment {
    std::string id;
    int year = 0;                        // the year it covers (financial year starting April of `year`)
    std::string code_version = "2024";
    std::string reason;                  // "annual", or why an extra one (restructure, merger, stock transfer: 8.3)
    std::vector<ProvisionAnswer> answers;
    SignOff lead_officer;
    SignOff member_responsible;
    std::string copied_from;             // id of last year's, when copied forward
};

struct SpotCheckItem {
    std::string check;                   // "Letters had every Code item", ...
    std::optional<bool> passed;
    std::string note;
    bool from_record = false;            // pre-filled from the case data, not yet judged by a person
};

struct QualityCheck {
    std::string id;
    std::string month;                   // "2025-03"
    uint64_t seed = 0;                   // the sample is reproducible from it
    std::string case_id;
    std::string checker;
    std::optional<Date> checked_on;
    std::vector<SpotCheckItem> items;
    std::string deep_dive_notes;
};

struct NonComplianceEvent {              // 8.5
    std::string id;
    std::string description;
    Date started;
    std::optional<Date> residents_told;
    std::optional<Date> ombudsman_told;
    std::optional<Date> compliance_returns;
};

}  // namespace doorstep
