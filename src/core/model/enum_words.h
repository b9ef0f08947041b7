// Each enum's words in the "doorstep/1" schema ("home_visit", "partly_upheld",
// ...), in ONE table per enum: the JSON writer and reader, the reports' keys and
// the CLI all spell a value through these. Labels a person reads ("Home visit")
// are elsewhere (labels.h, ui/wording.h).
//
// enum_key answers "" for a value missing from its table (an enumerator someone
// forgot to add here: an import then refuses it loudly).
#pragma once
#include "core/calendar/calendar.h"
#include "core/model/assurance.h"
#include "core/model/case.h"
#include "core/model/settings.h"

#include <optional>
#include <string>
#include <string_view>

namespace doorstep {

template <class E> struct EnumWord { E value; const char* word; };

// Specialised below, one per enum: static constexpr EnumWord<E> words[].
template <class E> struct EnumWords;

#define DOORSTEP_ENUM_WORDS(E, ...)                          \
    template <> struct EnumWords<E> {                        \
        static constexpr EnumWord<E> words[] = {__VA_ARGS__}; \
    }

DOORSTEP_ENUM_WORDS(CodeVersion, {CodeVersion::Code2022, "2022"}, {CodeVersion::Code2024, "2024"});
DOORSTEP_ENUM_WORDS(CaseKind, {CaseKind::Complaint, "complaint"}, {CaseKind::ServiceRequest, "service_request"},
                    {CaseKind::SurveyFeedback, "survey_feedback"}, {CaseKind::Compliment, "compliment"},
                    {CaseKind::MemberEnquiry, "member_enquiry"});
DOORSTEP_ENUM_WORDS(Channel, {Channel::InPerson, "in_person"}, {Channel::HomeVisit, "home_visit"},
                    {Channel::Phone, "phone"}, {Channel::Email, "email"}, {Channel::Letter, "letter"},
                    {Channel::WebForm, "web_form"}, {Channel::SocialMedia, "social_media"}, {Channel::App, "app"},
                    {Channel::ThirdParty, "third_party"});
DOORSTEP_ENUM_WORDS(ContactMethod, {ContactMethod::Phone, "phone"}, {ContactMethod::Email, "email"},
                    {ContactMethod::Letter, "letter"}, {ContactMethod::Text, "text"},
                    {ContactMethod::InPerson, "in_person"});
DOORSTEP_ENUM_WORDS(RepresentativeKind, {RepresentativeKind::None, "none"},
                    {RepresentativeKind::FamilyOrFriend, "family_or_friend"},
                    {RepresentativeKind::Advocate, "advocate"}, {RepresentativeKind::Solicitor, "solicitor"},
                    {RepresentativeKind::Councillor, "councillor"}, {RepresentativeKind::MP, "mp"},
                    {RepresentativeKind::Other, "other"});
DOORSTEP_ENUM_WORDS(Decision, {Decision::Undecided, "undecided"}, {Decision::Upheld, "upheld"},
                    {Decision::PartlyUpheld, "partly_upheld"}, {Decision::NotUpheld, "not_upheld"});
DOORSTEP_ENUM_WORDS(RemedyType, {RemedyType::Apology, "apology"}, {RemedyType::AcknowledgeFault, "acknowledge_fault"},
                    {RemedyType::Explanation, "explanation"}, {RemedyType::ActOnDelay, "act_on_delay"},
                    {RemedyType::ReconsiderDecision, "reconsider_decision"},
                    {RemedyType::AmendRecord, "amend_record"}, {RemedyType::Financial, "financial"},
                    {RemedyType::ChangePolicy, "change_policy"});
DOORSTEP_ENUM_WORDS(RemedyState, {RemedyState::Proposed, "proposed"}, {RemedyState::Offered, "offered"},
                    {RemedyState::Accepted, "accepted"}, {RemedyState::Declined, "declined"},
                    {RemedyState::Completed, "completed"});
DOORSTEP_ENUM_WORDS(ClosureReason, {ClosureReason::Resolved, "resolved"},
                    {ClosureReason::NotEscalated, "not_escalated"}, {ClosureReason::Withdrawn, "withdrawn"},
                    {ClosureReason::Refused, "refused"}, {ClosureReason::ServiceRequestDone, "service_request_done"},
                    {ClosureReason::NoFurtherAction, "no_further_action"},
                    {ClosureReason::JoinedToOther, "joined_to_other"});
DOORSTEP_ENUM_WORDS(ContactOutcome, {ContactOutcome::Reached, "reached"}, {ContactOutcome::NoAnswer, "no_answer"},
                    {ContactOutcome::MessageLeft, "message_left"}, {ContactOutcome::Written, "written"});
DOORSTEP_ENUM_WORDS(ContactPurpose, {ContactPurpose::Clarification, "clarification"},
                    {ContactPurpose::Update, "update"}, {ContactPurpose::ExtensionNotice, "extension_notice"},
                    {ContactPurpose::Other, "other"});
DOORSTEP_ENUM_WORDS(LogKind, {LogKind::Note, "note"}, {LogKind::LetterSent, "letter_sent"},
                    {LogKind::LetterReceived, "letter_received"}, {LogKind::Email, "email"}, {LogKind::Call, "call"},
                    {LogKind::Visit, "visit"});
DOORSTEP_ENUM_WORDS(HazardRecord::Accommodation, {HazardRecord::Accommodation::NotNeeded, "not_needed"},
                    {HazardRecord::Accommodation::Offered, "offered"},
                    {HazardRecord::Accommodation::Accepted, "accepted"},
                    {HazardRecord::Accommodation::Declined, "declined"});
DOORSTEP_ENUM_WORDS(Determination, {Determination::Pending, "pending"},
                    {Determination::SevereMaladministration, "severe_maladministration"},
                    {Determination::Maladministration, "maladministration"},
                    {Determination::ServiceFailure, "service_failure"},
                    {Determination::ReasonableRedress, "reasonable_redress"},
                    {Determination::NoMaladministration, "no_maladministration"},
                    {Determination::OutsideJurisdiction, "outside_jurisdiction"},
                    {Determination::Withdrawn, "withdrawn"});
DOORSTEP_ENUM_WORDS(Region, {Region::EnglandAndWales, "england_and_wales"}, {Region::Scotland, "scotland"},
                    {Region::NorthernIreland, "northern_ireland"});
DOORSTEP_ENUM_WORDS(RatePer, {RatePer::Day, "day"}, {RatePer::Week, "week"}, {RatePer::Occurrence, "occurrence"});
DOORSTEP_ENUM_WORDS(ReviewBody, {ReviewBody::HousingOmbudsman, "housing_ombudsman"},
                    {ReviewBody::LocalGovernmentOmbudsman, "local_government_ombudsman"},
                    {ReviewBody::Insurer, "insurer"}, {ReviewBody::Court, "court"}, {ReviewBody::Other, "other"});
DOORSTEP_ENUM_WORDS(StaffRole, {StaffRole::Officer, "officer"}, {StaffRole::Investigator, "investigator"},
                    {StaffRole::ComplaintsManager, "complaints_manager"},
                    {StaffRole::SeniorManager, "senior_manager"}, {StaffRole::Contractor, "contractor"},
                    {StaffRole::Member, "member"});
DOORSTEP_ENUM_WORDS(Compliance, {Compliance::Unanswered, "unanswered"}, {Compliance::Yes, "yes"},
                    {Compliance::No, "no"}, {Compliance::Partly, "partly"},
                    {Compliance::NotApplicable, "not_applicable"});
DOORSTEP_ENUM_WORDS(ActionStatus, {ActionStatus::NotStarted, "not_started"},
                    {ActionStatus::InProgress, "in_progress"}, {ActionStatus::Done, "done"});

#undef DOORSTEP_ENUM_WORDS

// The JSON word of a value ("home_visit"), and back.
template <class E> const char* enum_key(E value) {
    for (const auto& w : EnumWords<E>::words)
        if (w.value == value) return w.word;
    return "";
}

template <class E> std::optional<E> enum_from_key(std::string_view word) {
    for (const auto& w : EnumWords<E>::words)
        if (word == w.word) return w.value;
    return std::nullopt;
}

// "phone, email, letter, text, in_person": every word, for messages.
template <class E> std::string enum_key_list() {
    std::string out;
    for (const auto& w : EnumWords<E>::words) {
        if (!out.empty()) out += ", ";
        out += w.word;
    }
    return out;
}

}  // namespace doorstep
