// Words the screens show for the model's values: enum labels, days left, dates.
// Plain English, sentence case, no jargon beyond the Code's own terms.
#pragma once
#include "core/model/case.h"
#include "core/rules/deadlines.h"
#include "core/model/settings.h"

#include <string>
#include <vector>

namespace doorstep::ui {

const char* kind_label(CaseKind k);
const char* channel_label(Channel c);
const char* contact_method_label(ContactMethod m);
const char* representative_label(RepresentativeKind k);
const char* decision_label(Decision d);
const char* remedy_type_label(RemedyType t);
const char* remedy_state_label(RemedyState s);
const char* closure_reason_label(ClosureReason r);
const char* contact_outcome_label(ContactOutcome o);
const char* contact_purpose_label(ContactPurpose p);
const char* log_kind_label(LogKind k);
const char* review_body_label(ReviewBody b);
const char* staff_role_label(StaffRole r);

// "3 working days overdue", "Due today", "1 working day left", "No due date".
std::string days_left_text(const CaseStatus& s);
std::string days_left_text(int working_days_left, Urgency u);
// "Stage 1", "Stage 2", "Service request", ...
std::string stage_text(const Case& c, const CaseStatus& s);
// "Tuesday 31 December 2024" or "Not recorded".
std::string date_text(const std::optional<Date>& d);
// Resident name, or the group, or "Unnamed resident".
std::string resident_text(const Case& c);
std::string category_label(const Settings& s, const std::string& id);

// Labels of every value of an enum, in declaration order, for radio/combo lists.
std::vector<std::string> channel_labels();
std::vector<std::string> kind_labels();
std::vector<std::string> representative_labels();
std::vector<std::string> decision_labels();
std::vector<std::string> remedy_type_labels();
std::vector<std::string> closure_reason_labels();
std::vector<std::string> contact_method_labels();
std::vector<std::string> contact_outcome_labels();
std::vector<std::string> contact_purpose_labels();
std::vector<std::string> staff_role_labels();

}  // namespace doorstep::ui
