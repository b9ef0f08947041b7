#include "core/model/labels.h"

#include "core/model/enum_words.h"

namespace doorstep::labels {

const char* kind(CaseKind k) {
    switch (k) {
        case CaseKind::Complaint: return "Complaint";
        case CaseKind::ServiceRequest: return "Service request";
        case CaseKind::SurveyFeedback: return "Survey feedback";
        case CaseKind::Compliment: return "Compliment";
        case CaseKind::MemberEnquiry: return "Councillor or MP enquiry";
    }
    return "Record";
}

const char* channel(Channel c) {
    switch (c) {
        case Channel::InPerson: return "In person";
        case Channel::HomeVisit: return "Home visit";
        case Channel::Phone: return "Phone";
        case Channel::Email: return "Email";
        case Channel::Letter: return "Letter";
        case Channel::WebForm: return "Web form";
        case Channel::SocialMedia: return "Social media";
        case Channel::App: return "App";
        case Channel::ThirdParty: return "Third party or representative";
    }
    return "Other";
}

const char* representative(RepresentativeKind k) {
    switch (k) {
        case RepresentativeKind::None: return "None";
        case RepresentativeKind::FamilyOrFriend: return "Family member or friend";
        case RepresentativeKind::Advocate: return "Advocate";
        case RepresentativeKind::Solicitor: return "Solicitor";
        case RepresentativeKind::Councillor: return "Councillor";
        case RepresentativeKind::MP: return "MP";
        case RepresentativeKind::Other: return "Someone else";
    }
    return "Someone else";
}

const char* decision(Decision d) {
    switch (d) {
        case Decision::Undecided: return "Not decided";
        case Decision::Upheld: return "Upheld";
        case Decision::PartlyUpheld: return "Partly upheld";
        case Decision::NotUpheld: return "Not upheld";
    }
    return "Not decided";
}

const char* remedy_type(RemedyType t) {
    switch (t) {
        case RemedyType::Apology: return "Apology";
        case RemedyType::AcknowledgeFault: return "Acknowledging what went wrong";
        case RemedyType::Explanation: return "Explanation, assistance or reasons";
        case RemedyType::ActOnDelay: return "Action on a delay";
        case RemedyType::ReconsiderDecision: return "Decision reconsidered or changed";
        case RemedyType::AmendRecord: return "Record amended";
        case RemedyType::Financial: return "Financial remedy";
        case RemedyType::ChangePolicy: return "Policy, procedure or practice changed";
    }
    return "Other";
}

const char* remedy_state(RemedyState s) {
    switch (s) {
        case RemedyState::Proposed: return "Proposed";
        case RemedyState::Offered: return "Offered";
        case RemedyState::Accepted: return "Accepted";
        case RemedyState::Declined: return "Declined";
        case RemedyState::Completed: return "Completed";
    }
    return "Other";
}

const char* determination(Determination d) {
    switch (d) {
        case Determination::Pending: return "Pending";
        case Determination::SevereMaladministration: return "Severe maladministration";
        case Determination::Maladministration: return "Maladministration";
        case Determination::ServiceFailure: return "Service failure";
        case Determination::ReasonableRedress: return "Reasonable redress";
        case Determination::NoMaladministration: return "No maladministration";
        case Determination::OutsideJurisdiction: return "Outside jurisdiction";
        case Determination::Withdrawn: return "Withdrawn";
    }
    return "Other";
}

const char* closure(ClosureReason r) {
    switch (r) {
        case ClosureReason::Resolved: return "Resolved";
        case ClosureReason::NotEscalated: return "Not escalated";
        case ClosureReason::Withdrawn: return "Withdrawn";
        case ClosureReason::Refused: return "Refused";
        case ClosureReason::ServiceRequestDone: return "Service request done";
        case ClosureReason::NoFurtherAction: return "No further action";
        case ClosureReason::JoinedToOther: return "Joined to another case";
    }
    return "Closed";
}

std::string category(const Settings& s, const std::string& id) {
    if (id.empty()) return "Not categorised";
    for (const Category& c : s.categories)
        if (c.id == id) return c.label.empty() ? id : c.label;
    return id;
}

std::string outcome(const Settings& s, const std::string& key) {
    auto it = s.outcome_labels.find(key);
    if (it != s.outcome_labels.end() && !it->second.empty()) return it->second;
    const std::optional<Decision> d = enum_from_key<Decision>(key);
    if (d && *d != Decision::Undecided) return decision(*d);
    return "No decision recorded";
}

}  // namespace doorstep::labels
