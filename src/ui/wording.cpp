#include "ui/wording.h"

#include "core/model/enum_words.h"
#include "core/model/labels.h"

#include <cstdlib>

namespace doorstep::ui {

const char* kind_label(CaseKind k) {
    return labels::kind(k);
}

const char* channel_label(Channel c) {
    if (c == Channel::ThirdParty) return "Through someone else";  // shorter on a button
    return labels::channel(c);
}

const char* staff_role_label(StaffRole r) {
    switch (r) {
        case StaffRole::Officer: return "Housing officer";
        case StaffRole::Investigator: return "Complaint handler";
        case StaffRole::ComplaintsManager: return "Complaints manager";
        case StaffRole::SeniorManager: return "Senior manager";
        case StaffRole::Contractor: return "Contractor";
        case StaffRole::Member: return "Board or council member";
    }
    return "Staff";
}

const char* contact_method_label(ContactMethod m) {
    switch (m) {
        case ContactMethod::Phone: return "Phone";
        case ContactMethod::Email: return "Email";
        case ContactMethod::Letter: return "Letter";
        case ContactMethod::Text: return "Text message";
        case ContactMethod::InPerson: return "In person";
    }
    return "Other";
}

const char* representative_label(RepresentativeKind k) {
    if (k == RepresentativeKind::None) return "No one";
    if (k == RepresentativeKind::FamilyOrFriend) return "Family or friend";
    return labels::representative(k);
}

const char* decision_label(Decision d) {
    return labels::decision(d);
}

const char* remedy_type_label(RemedyType t) {
    switch (t) {
        case RemedyType::Apology: return "Apology";
        case RemedyType::AcknowledgeFault: return "Acknowledging what went wrong";
        case RemedyType::Explanation: return "Explanation, help or reasons";
        case RemedyType::ActOnDelay: return "Acting on a delay";
        case RemedyType::ReconsiderDecision: return "Reconsidering or changing a decision";
        case RemedyType::AmendRecord: return "Amending a record";
        case RemedyType::Financial: return "Financial remedy";
        case RemedyType::ChangePolicy: return "Changing policy or practice";
    }
    return "Remedy";
}

const char* remedy_state_label(RemedyState s) {
    return labels::remedy_state(s);
}

const char* closure_reason_label(ClosureReason r) {
    if (r == ClosureReason::JoinedToOther) return "Joined to another complaint";
    return labels::closure(r);
}

const char* contact_outcome_label(ContactOutcome o) {
    switch (o) {
        case ContactOutcome::Reached: return "Spoke to them";
        case ContactOutcome::NoAnswer: return "No answer";
        case ContactOutcome::MessageLeft: return "Left a message";
        case ContactOutcome::Written: return "Wrote to them";
    }
    return "";
}

const char* contact_purpose_label(ContactPurpose p) {
    switch (p) {
        case ContactPurpose::Clarification: return "Clarifying the complaint";
        case ContactPurpose::Update: return "Update";
        case ContactPurpose::ExtensionNotice: return "Extension notice";
        case ContactPurpose::Other: return "Other";
    }
    return "";
}

const char* log_kind_label(LogKind k) {
    switch (k) {
        case LogKind::Note: return "Note";
        case LogKind::LetterSent: return "Letter sent";
        case LogKind::LetterReceived: return "Letter received";
        case LogKind::Email: return "Email";
        case LogKind::Call: return "Call";
        case LogKind::Visit: return "Visit";
    }
    return "Entry";
}

const char* review_body_label(ReviewBody b) {
    switch (b) {
        case ReviewBody::HousingOmbudsman: return "Housing Ombudsman";
        case ReviewBody::LocalGovernmentOmbudsman: return "Local Government and Social Care Ombudsman";
        case ReviewBody::Insurer: return "The insurer";
        case ReviewBody::Court: return "The court";
        case ReviewBody::Other: return "Another body";
    }
    return "";
}

std::string days_left_text(int wd, Urgency u) {
    if (u == Urgency::DueToday || wd == 0) return "Due today";
    int n = std::abs(wd);
    std::string days = std::to_string(n) + (n == 1 ? " working day" : " working days");
    if (wd < 0) return days + " overdue";
    return days + " left";
}

std::string days_left_text(const CaseStatus& s) {
    if (!s.due) return s.open ? "No due date" : "Closed";
    return days_left_text(s.working_days_left, s.urgency);
}

std::string stage_text(const Case& c, const CaseStatus& s) {
    if (c.kind != CaseKind::Complaint) return kind_label(c.kind);
    if (s.stage > 0) return "Stage " + std::to_string(s.stage);
    return "Complaint";
}

std::string date_text(const std::optional<Date>& d) { return d ? long_date(*d) : std::string("Not recorded"); }

std::string resident_text(const Case& c) {
    if (!c.resident.name.empty()) return c.resident.name;
    if (!c.resident.group_description.empty()) return c.resident.group_description;
    return "Unnamed resident";
}

std::string category_label(const Settings& s, const std::string& id) {
    for (const Category& c : s.categories)
        if (c.id == id) return c.label;
    return id.empty() ? std::string("No category") : id;
}

namespace {
// Every value of the enum, in its word table's order (model/enum_words.h).
template <class E, class F>
std::vector<std::string> all_labels(F f) {
    std::vector<std::string> out;
    for (const auto& w : EnumWords<E>::words) out.push_back(f(w.value));
    return out;
}
}  // namespace

std::vector<std::string> channel_labels() { return all_labels<Channel>(channel_label); }
std::vector<std::string> kind_labels() { return all_labels<CaseKind>(kind_label); }
std::vector<std::string> representative_labels() { return all_labels<RepresentativeKind>(representative_label); }
std::vector<std::string> decision_labels() { return all_labels<Decision>(decision_label); }
std::vector<std::string> remedy_type_labels() { return all_labels<RemedyType>(remedy_type_label); }
std::vector<std::string> closure_reason_labels() { return all_labels<ClosureReason>(closure_reason_label); }
std::vector<std::string> contact_method_labels() { return all_labels<ContactMethod>(contact_method_label); }
std::vector<std::string> contact_outcome_labels() { return all_labels<ContactOutcome>(contact_outcome_label); }
std::vector<std::string> contact_purpose_labels() { return all_labels<ContactPurpose>(contact_purpose_label); }
std::vector<std::string> staff_role_labels() { return all_labels<StaffRole>(staff_role_label); }

}  // namespace doorstep::ui
