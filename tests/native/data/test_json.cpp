// The doorstep/1 writer: every field survives a round trip, optional fields are
// omitted, enums are lowercase snake strings, and export -> import -> export is
// byte-identical.
#include "core/data/case_json.h"
#include "core/data/import.h"

#include "case_fixtures.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <regex>

using namespace doorstep;
using namespace doorstep::fixtures;

namespace {

const char* kAt = "2025-03-31T17:45";

template <class E> void check_enum(std::initializer_list<E> values) {
    const std::regex snake("[a-z0-9]+(_[a-z0-9]+)*");
    for (E v : values) {
        const std::string key = enum_key(v);
        CAPTURE(key);
        CHECK(std::regex_match(key, snake));
        REQUIRE(enum_from_key<E>(key).has_value());
        CHECK(*enum_from_key<E>(key) == v);
    }
    CHECK_FALSE(enum_from_key<E>("Not_A_Value").has_value());
}

}  // namespace

TEST_CASE("json: every enum value has a lowercase snake key that reads back") {
    check_enum({CodeVersion::Code2022, CodeVersion::Code2024});
    check_enum({CaseKind::Complaint, CaseKind::ServiceRequest, CaseKind::SurveyFeedback, CaseKind::Compliment,
                CaseKind::MemberEnquiry});
    check_enum({Channel::InPerson, Channel::HomeVisit, Channel::Phone, Channel::Email, Channel::Letter,
                Channel::WebForm, Channel::SocialMedia, Channel::App, Channel::ThirdParty});
    check_enum({ContactMethod::Phone, ContactMethod::Email, ContactMethod::Letter, ContactMethod::Text,
                ContactMethod::InPerson});
    check_enum({RepresentativeKind::None, RepresentativeKind::FamilyOrFriend, RepresentativeKind::Advocate,
                RepresentativeKind::Solicitor, RepresentativeKind::Councillor, RepresentativeKind::MP,
                RepresentativeKind::Other});
    check_enum({Decision::Undecided, Decision::Upheld, Decision::PartlyUpheld, Decision::NotUpheld});
    check_enum({RemedyType::Apology, RemedyType::AcknowledgeFault, RemedyType::Explanation, RemedyType::ActOnDelay,
                RemedyType::ReconsiderDecision, RemedyType::AmendRecord, RemedyType::Financial,
                RemedyType::ChangePolicy});
    check_enum({RemedyState::Proposed, RemedyState::Offered, RemedyState::Accepted, RemedyState::Declined,
                RemedyState::Completed});
    check_enum({ClosureReason::Resolved, ClosureReason::NotEscalated, ClosureReason::Withdrawn, ClosureReason::Refused,
                ClosureReason::ServiceRequestDone, ClosureReason::NoFurtherAction, ClosureReason::JoinedToOther});
    check_enum({ContactOutcome::Reached, ContactOutcome::NoAnswer, ContactOutcome::MessageLeft, ContactOutcome::Written});
    check_enum({ContactPurpose::Clarification, ContactPurpose::Update, ContactPurpose::ExtensionNotice,
                ContactPurpose::Other});
    check_enum({LogKind::Note, LogKind::LetterSent, LogKind::LetterReceived, LogKind::Email, LogKind::Call,
                LogKind::Visit});
    check_enum({HazardRecord::Accommodation::NotNeeded, HazardRecord::Accommodation::Offered,
                HazardRecord::Accommodation::Accepted, HazardRecord::Accommodation::Declined});
    check_enum({Determination::Pending, Determination::SevereMaladministration, Determination::Maladministration,
                Determination::ServiceFailure, Determination::ReasonableRedress, Determination::NoMaladministration,
                Determination::OutsideJurisdiction, Determination::Withdrawn});
    check_enum({Region::EnglandAndWales, Region::Scotland, Region::NorthernIreland});
    check_enum({RatePer::Day, RatePer::Week, RatePer::Occurrence});
    check_enum({ReviewBody::HousingOmbudsman, ReviewBody::LocalGovernmentOmbudsman, ReviewBody::Insurer,
                ReviewBody::Court, ReviewBody::Other});
    check_enum({StaffRole::Officer, StaffRole::Investigator, StaffRole::ComplaintsManager, StaffRole::SeniorManager,
                StaffRole::Contractor, StaffRole::Member});
    check_enum({Compliance::Unanswered, Compliance::Yes, Compliance::No, Compliance::Partly, Compliance::NotApplicable});
    check_enum({ActionStatus::NotStarted, ActionStatus::InProgress, ActionStatus::Done});
    CHECK(std::string(enum_key(Channel::HomeVisit)) == "home_visit");
    CHECK(std::string(enum_key(Decision::PartlyUpheld)) == "partly_upheld");
    CHECK(enum_key_list<ContactOutcome>() == "reached, no_answer, message_left, written");
}

TEST_CASE("json: a case with every field set reads back unchanged") {
    const Case c = full_case();
    const std::string text = case_to_text(c);
    Problems problems;
    const Result<Case> back = parse_case(text, {}, &problems);
    for (const Error& e : problems) FAIL_CHECK(e.text());
    REQUIRE(back.is_ok());
    CHECK(case_to_text(*back) == text);
    // Spot checks on the values themselves, not just the text.
    CHECK(back->stages[0].remedies[0].amount == Money{12345});
    CHECK(back->stages[0].extensions[0].resident_agreed == std::optional<bool>(false));
    CHECK(back->hazards[0].made_safe->minute_of_day == 9 * 60 + 15);
    CHECK(back->own_words == c.own_words);
    CHECK(back->stages[1].escalation->discretion_decision == "Ill health delayed the request");
}

TEST_CASE("json: formats are dates, local date-times, pence and snake enums") {
    const nlohmann::ordered_json j = to_json(full_case());
    CHECK(j["received"] == "2025-01-06");
    CHECK(j["hazards"][0]["aware"] == "2025-01-06T10:30");
    CHECK(j["stages"][0]["remedies"][0]["amount"] == 12345);
    CHECK(j["stages"][0]["remedies"][0]["state"] == "completed");
    CHECK(j["channel"] == "third_party");
    CHECK(j["code"] == "2024");
    // The struct's field order, identity first.
    auto it = j.begin();
    CHECK(it.key() == "id");
    ++it;
    CHECK(it.key() == "reference");
}

TEST_CASE("json: optional fields are omitted when empty") {
    Case c;
    c.id = "0b4e28ba-2fa1-4d2e-883f-0016d3cca427";
    c.reference = "DS-2025-000001";
    c.received = d("2025-01-06");
    c.resident.name = "Alex Sample";
    const nlohmann::ordered_json j = to_json(c);
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
    CHECK(keys == std::vector<std::string>{"id", "reference", "code", "kind", "channel", "received", "resident", "complexity"});
    CHECK(j["resident"].size() == 2);  // name and preferred_contact
    const Result<Case> back = parse_case(case_to_text(c));
    REQUIRE(back.is_ok());
    CHECK(back->surveys.empty());
    CHECK(!back->closure);
    CHECK(back->representative.kind == RepresentativeKind::None);
    CHECK(case_to_text(*back) == case_to_text(c));
}

TEST_CASE("json: the revision hash input leaves out rev fields and conflicts") {
    Case c = full_case();
    const std::string canonical = case_canonical_json(c);
    CHECK(canonical.find("\"rev\"") == std::string::npos);
    CHECK(canonical.find("rev_ids") == std::string::npos);
    CHECK(canonical.find("tablet-7") == std::string::npos);
    CHECK(canonical.find('\n') == std::string::npos);
    c.rev = "3-00000000000000000000000000000000";
    c.device = "other";
    c.conflicts.push_back(full_case());
    CHECK(case_canonical_json(c) == canonical);
    c.own_words += "!";
    CHECK(case_canonical_json(c) != canonical);
}

TEST_CASE("json: a dataset with every record kind exports, imports and exports byte-identically") {
    const Dataset ds = full_dataset();
    const std::string first = export_dataset(ds, kAt);
    CHECK(first.rfind("{\n  \"schema\": \"doorstep/1\",\n  \"version\": 1,\n  \"exported_at\": \"2025-03-31T17:45\"", 0) == 0);
    Problems problems;
    const Result<Dataset> back = parse_dataset(first, {}, &problems);
    for (const Error& e : problems) FAIL_CHECK(e.text());
    REQUIRE(back.is_ok());
    CHECK(export_dataset(*back, kAt) == first);
    CHECK(back->quality_checks[0].seed == 18446744073709551615ull);
    CHECK(back->settings.text_scale == doctest::Approx(1.25));
    CHECK(back->settings.region == Region::Scotland);
    CHECK(back->assessments[1].copied_from == "sa-2024");
}

TEST_CASE("json: text that is not valid UTF-8 is replaced on export, never thrown") {
    Case c = full_case();
    c.own_words = "cut mid-character \xC2";
    std::string text;
    CHECK_NOTHROW(text = case_to_text(c));
    CHECK(text.find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD
    CHECK(parse_case(text).is_ok());
}

TEST_CASE("json: an awkward text scale is written to two decimals and stays stable") {
    Dataset ds;
    ds.settings = full_settings();
    ds.settings.text_scale = 1.1f;
    const std::string first = export_dataset(ds, kAt);
    CHECK(first.find("\"text_scale\": 1.1,") != std::string::npos);
    const Result<Dataset> back = parse_dataset(first);
    REQUIRE(back.is_ok());
    CHECK(export_dataset(*back, kAt) == first);
}
