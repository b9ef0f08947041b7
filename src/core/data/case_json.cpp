// Writing the "doorstep/1" schema. Every writer follows the struct's field
// order and omits empty optional fields; import.cpp reads the same keys back.
#include "core/data/case_json.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <iterator>

namespace doorstep {

using ojson = nlohmann::ordered_json;

// ---------------------------------------------------------------------------
// Enum spellings

namespace {

template <class E> struct EnumName { E value; const char* key; };

template <class E> struct EnumTable;  // specialised below: static const EnumName<E> names[]

#define DOORSTEP_ENUM_TABLE(E, ...)                          \
    template <> struct EnumTable<E> {                        \
        static constexpr EnumName<E> names[] = {__VA_ARGS__}; \
    }

DOORSTEP_ENUM_TABLE(CodeVersion, {CodeVersion::Code2022, "2022"}, {CodeVersion::Code2024, "2024"});
DOORSTEP_ENUM_TABLE(CaseKind, {CaseKind::Complaint, "complaint"}, {CaseKind::ServiceRequest, "service_request"},
                    {CaseKind::SurveyFeedback, "survey_feedback"}, {CaseKind::Compliment, "compliment"},
                    {CaseKind::MemberEnquiry, "member_enquiry"});
DOORSTEP_ENUM_TABLE(Channel, {Channel::InPerson, "in_person"}, {Channel::HomeVisit, "home_visit"},
                    {Channel::Phone, "phone"}, {Channel::Email, "email"}, {Channel::Letter, "letter"},
                    {Channel::WebForm, "web_form"}, {Channel::SocialMedia, "social_media"}, {Channel::App, "app"},
                    {Channel::ThirdParty, "third_party"});
DOORSTEP_ENUM_TABLE(ContactMethod, {ContactMethod::Phone, "phone"}, {ContactMethod::Email, "email"},
                    {ContactMethod::Letter, "letter"}, {ContactMethod::Text, "text"},
                    {ContactMethod::InPerson, "in_person"});
DOORSTEP_ENUM_TABLE(RepresentativeKind, {RepresentativeKind::None, "none"},
                    {RepresentativeKind::FamilyOrFriend, "family_or_friend"},
                    {RepresentativeKind::Advocate, "advocate"}, {RepresentativeKind::Solicitor, "solicitor"},
                    {RepresentativeKind::Councillor, "councillor"}, {RepresentativeKind::MP, "mp"},
                    {RepresentativeKind::Other, "other"});
DOORSTEP_ENUM_TABLE(Decision, {Decision::Undecided, "undecided"}, {Decision::Upheld, "upheld"},
                    {Decision::PartlyUpheld, "partly_upheld"}, {Decision::NotUpheld, "not_upheld"});
DOORSTEP_ENUM_TABLE(RemedyType, {RemedyType::Apology, "apology"}, {RemedyType::AcknowledgeFault, "acknowledge_fault"},
                    {RemedyType::Explanation, "explanation"}, {RemedyType::ActOnDelay, "act_on_delay"},
                    {RemedyType::ReconsiderDecision, "reconsider_decision"},
                    {RemedyType::AmendRecord, "amend_record"}, {RemedyType::Financial, "financial"},
                    {RemedyType::ChangePolicy, "change_policy"});
DOORSTEP_ENUM_TABLE(RemedyState, {RemedyState::Proposed, "proposed"}, {RemedyState::Offered, "offered"},
                    {RemedyState::Accepted, "accepted"}, {RemedyState::Declined, "declined"},
                    {RemedyState::Completed, "completed"});
DOORSTEP_ENUM_TABLE(ClosureReason, {ClosureReason::Resolved, "resolved"},
                    {ClosureReason::NotEscalated, "not_escalated"}, {ClosureReason::Withdrawn, "withdrawn"},
                    {ClosureReason::Refused, "refused"}, {ClosureReason::ServiceRequestDone, "service_request_done"},
                    {ClosureReason::NoFurtherAction, "no_further_action"},
                    {ClosureReason::JoinedToOther, "joined_to_other"});
DOORSTEP_ENUM_TABLE(ContactOutcome, {ContactOutcome::Reached, "reached"}, {ContactOutcome::NoAnswer, "no_answer"},
                    {ContactOutcome::MessageLeft, "message_left"}, {ContactOutcome::Written, "written"});
DOORSTEP_ENUM_TABLE(ContactPurpose, {ContactPurpose::Clarification, "clarification"},
                    {ContactPurpose::Update, "update"}, {ContactPurpose::ExtensionNotice, "extension_notice"},
                    {ContactPurpose::Other, "other"});
DOORSTEP_ENUM_TABLE(LogKind, {LogKind::Note, "note"}, {LogKind::LetterSent, "letter_sent"},
                    {LogKind::LetterReceived, "letter_received"}, {LogKind::Email, "email"}, {LogKind::Call, "call"},
                    {LogKind::Visit, "visit"});
DOORSTEP_ENUM_TABLE(HazardRecord::Accommodation, {HazardRecord::Accommodation::NotNeeded, "not_needed"},
                    {HazardRecord::Accommodation::Offered, "offered"},
                    {HazardRecord::Accommodation::Accepted, "accepted"},
                    {HazardRecord::Accommodation::Declined, "declined"});
DOORSTEP_ENUM_TABLE(Determination, {Determination::Pending, "pending"},
                    {Determination::SevereMaladministration, "severe_maladministration"},
                    {Determination::Maladministration, "maladministration"},
                    {Determination::ServiceFailure, "service_failure"},
                    {Determination::ReasonableRedress, "reasonable_redress"},
                    {Determination::NoMaladministration, "no_maladministration"},
                    {Determination::OutsideJurisdiction, "outside_jurisdiction"},
                    {Determination::Withdrawn, "withdrawn"});
DOORSTEP_ENUM_TABLE(Region, {Region::EnglandAndWales, "england_and_wales"}, {Region::Scotland, "scotland"},
                    {Region::NorthernIreland, "northern_ireland"});
DOORSTEP_ENUM_TABLE(RatePer, {RatePer::Day, "day"}, {RatePer::Week, "week"}, {RatePer::Occurrence, "occurrence"});
DOORSTEP_ENUM_TABLE(ReviewBody, {ReviewBody::HousingOmbudsman, "housing_ombudsman"},
                    {ReviewBody::LocalGovernmentOmbudsman, "local_government_ombudsman"},
                    {ReviewBody::Insurer, "insurer"}, {ReviewBody::Court, "court"}, {ReviewBody::Other, "other"});
DOORSTEP_ENUM_TABLE(StaffRole, {StaffRole::Officer, "officer"}, {StaffRole::Investigator, "investigator"},
                    {StaffRole::ComplaintsManager, "complaints_manager"},
                    {StaffRole::SeniorManager, "senior_manager"}, {StaffRole::Contractor, "contractor"},
                    {StaffRole::Member, "member"});
DOORSTEP_ENUM_TABLE(Compliance, {Compliance::Unanswered, "unanswered"}, {Compliance::Yes, "yes"},
                    {Compliance::No, "no"}, {Compliance::Partly, "partly"},
                    {Compliance::NotApplicable, "not_applicable"});
DOORSTEP_ENUM_TABLE(ActionStatus, {ActionStatus::NotStarted, "not_started"},
                    {ActionStatus::InProgress, "in_progress"}, {ActionStatus::Done, "done"});

#undef DOORSTEP_ENUM_TABLE

}  // namespace

template <class E> const char* enum_key(E value) {
    for (const auto& n : EnumTable<E>::names)
        if (n.value == value) return n.key;
    return "";
}

template <class E> std::optional<E> enum_from_key(std::string_view key) {
    for (const auto& n : EnumTable<E>::names)
        if (key == n.key) return n.value;
    return std::nullopt;
}

template <class E> std::string enum_key_list() {
    std::string out;
    for (const auto& n : EnumTable<E>::names) {
        if (!out.empty()) out += ", ";
        out += n.key;
    }
    return out;
}

#define DOORSTEP_ENUM_INSTANTIATE(E)                             \
    template const char* enum_key<E>(E);                         \
    template std::optional<E> enum_from_key<E>(std::string_view); \
    template std::string enum_key_list<E>()

DOORSTEP_ENUM_INSTANTIATE(CodeVersion);
DOORSTEP_ENUM_INSTANTIATE(CaseKind);
DOORSTEP_ENUM_INSTANTIATE(Channel);
DOORSTEP_ENUM_INSTANTIATE(ContactMethod);
DOORSTEP_ENUM_INSTANTIATE(RepresentativeKind);
DOORSTEP_ENUM_INSTANTIATE(Decision);
DOORSTEP_ENUM_INSTANTIATE(RemedyType);
DOORSTEP_ENUM_INSTANTIATE(RemedyState);
DOORSTEP_ENUM_INSTANTIATE(ClosureReason);
DOORSTEP_ENUM_INSTANTIATE(ContactOutcome);
DOORSTEP_ENUM_INSTANTIATE(ContactPurpose);
DOORSTEP_ENUM_INSTANTIATE(LogKind);
DOORSTEP_ENUM_INSTANTIATE(HazardRecord::Accommodation);
DOORSTEP_ENUM_INSTANTIATE(Determination);
DOORSTEP_ENUM_INSTANTIATE(Region);
DOORSTEP_ENUM_INSTANTIATE(RatePer);
DOORSTEP_ENUM_INSTANTIATE(ReviewBody);
DOORSTEP_ENUM_INSTANTIATE(StaffRole);
DOORSTEP_ENUM_INSTANTIATE(Compliance);
DOORSTEP_ENUM_INSTANTIATE(ActionStatus);

#undef DOORSTEP_ENUM_INSTANTIATE

// ---------------------------------------------------------------------------
// Small writers: each omits an empty optional field.

namespace {

void put(ojson& j, const char* key, const std::string& s) {
    if (!s.empty()) j[key] = s;
}
void put(ojson& j, const char* key, bool b) {
    if (b) j[key] = true;
}
void put_date(ojson& j, const char* key, Date d) { j[key] = to_iso(d); }
void put(ojson& j, const char* key, const std::optional<Date>& d) {
    if (d) j[key] = to_iso(*d);
}
void put(ojson& j, const char* key, const std::optional<LocalDateTime>& t) {
    if (t) j[key] = to_iso(*t);
}
void put(ojson& j, const char* key, const std::optional<bool>& b) {
    if (b) j[key] = *b;
}
void put_count(ojson& j, const char* key, int64_t n) {  // zero means "none"
    if (n != 0) j[key] = n;
}
void put_money(ojson& j, const char* key, Money m) {  // pence; zero means "none"
    if (m.pence != 0) j[key] = m.pence;
}
template <class E> void put_enum(ojson& j, const char* key, E e) { j[key] = enum_key(e); }
void put(ojson& j, const char* key, const std::vector<std::string>& list) {
    if (!list.empty()) j[key] = list;
}
template <class T, class F> void put_list(ojson& j, const char* key, const std::vector<T>& list, F write) {
    if (list.empty()) return;
    ojson arr = ojson::array();
    for (const T& item : list) arr.push_back(write(item));
    j[key] = std::move(arr);
}
void put_object(ojson& j, const char* key, ojson obj) {  // omitted when it has nothing to say
    if (!obj.empty()) j[key] = std::move(obj);
}

// ---------------------------------------------------------------------------
// Case parts

// Text typed into the UI could end mid-character; replace bad UTF-8 rather than
// throwing, so an export never fails on one bad byte.
std::string dump(const ojson& j, int indent) {
    std::string out = j.dump(indent, ' ', false, nlohmann::detail::error_handler_t::replace);
    if (indent >= 0) out += '\n';
    return out;
}

ojson write_resident(const Resident& r) {
    ojson j = ojson::object();
    put(j, "name", r.name);
    put(j, "address", r.address);
    put(j, "postcode", r.postcode);
    put(j, "phone", r.phone);
    put(j, "email", r.email);
    put_enum(j, "preferred_contact", r.preferred_contact);
    put(j, "group_of_residents", r.group_of_residents);
    put(j, "group_description", r.group_description);
    return j;
}

ojson write_representative(const Representative& r) {
    ojson j = ojson::object();
    if (r.kind == RepresentativeKind::None && r.name.empty() && r.contact.empty() && !r.consent_given && !r.consent_date)
        return j;  // no representative
    put_enum(j, "kind", r.kind);
    put(j, "name", r.name);
    put(j, "contact", r.contact);
    put(j, "consent_given", r.consent_given);
    put(j, "consent_date", r.consent_date);
    return j;
}

ojson write_adjustment(const ReasonableAdjustment& a) {
    ojson j = ojson::object();
    put(j, "description", a.description);
    put(j, "disclosed_disability", a.disclosed_disability);
    put_date(j, "agreed_on", a.agreed_on);
    put(j, "review_due", a.review_due);
    put_count(j, "shorter_timescale_days", a.shorter_timescale_days);
    return j;
}

ojson write_restriction(const ContactRestriction& r) {
    ojson j = ojson::object();
    put(j, "description", r.description);
    put(j, "evidence", r.evidence);
    put(j, "equality_act_regard", r.equality_act_regard);
    put_date(j, "decided_on", r.decided_on);
    put(j, "review_due", r.review_due);
    return j;
}

ojson write_conflict_of_interest(const ConflictOfInterest& c) {
    ojson j = ojson::object();
    put(j, "person", c.person);
    put(j, "details", c.details);
    put_date(j, "declared_on", c.declared_on);
    return j;
}

ojson write_point(const DefinitionPoint& p) {
    ojson j = ojson::object();
    put(j, "text", p.text);
    put_enum(j, "decision", p.decision);
    put(j, "reasons", p.reasons);
    return j;
}

ojson write_aspect(const Aspect& a) {
    ojson j = ojson::object();
    put(j, "text", a.text);
    j["in_scope"] = a.in_scope;  // defaults to true: always written
    put(j, "reason_excluded", a.reason_excluded);
    return j;
}

ojson write_extension(const Extension& e) {
    ojson j = ojson::object();
    j["working_days"] = e.working_days;
    put(j, "reason", e.reason);
    put_date(j, "decided_on", e.decided_on);
    put(j, "resident_told", e.resident_told);
    put(j, "told_how", e.told_how);
    put(j, "ombudsman_details_given", e.ombudsman_details_given);
    put(j, "resident_agreed", e.resident_agreed);
    put(j, "beyond_limit", e.beyond_limit);
    put(j, "good_reason", e.good_reason);
    put(j, "set_at_acknowledgement", e.set_at_acknowledgement);
    return j;
}

ojson write_parts(const AwardParts& p) {
    ojson j = ojson::object();
    put_money(j, "statutory", p.statutory);
    put_money(j, "quantifiable_losses", p.quantifiable_losses);
    put_money(j, "time_and_trouble", p.time_and_trouble);
    put_money(j, "distress_and_inconvenience", p.distress_and_inconvenience);
    return j;
}

ojson write_remedy(const Remedy& r) {
    ojson j = ojson::object();
    put_enum(j, "type", r.type);
    put(j, "description", r.description);
    put_money(j, "amount", r.amount);
    put(j, "working", r.working);
    put_money(j, "suggested", r.suggested);
    put(j, "override_reason", r.override_reason);
    put_object(j, "parts", write_parts(r.parts));
    put(j, "approved_by", r.approved_by);
    put_enum(j, "state", r.state);
    put(j, "due", r.due);
    put(j, "completed", r.completed);
    put(j, "offered_on", r.offered_on);
    put(j, "answered_on", r.answered_on);
    return j;
}

ojson write_action(const OutstandingAction& a) {
    ojson j = ojson::object();
    put(j, "description", a.description);
    put(j, "owner", a.owner);
    put_date(j, "due", a.due);
    put(j, "completed", a.completed);
    return j;
}

ojson write_escalation(const Escalation& e) {
    ojson j = ojson::object();
    put_date(j, "requested", e.requested);
    put(j, "resident_reason", e.resident_reason);
    put(j, "outside_window", e.outside_window);
    put(j, "discretion_decision", e.discretion_decision);
    return j;
}

ojson write_stage(const Stage& s) {
    ojson j = ojson::object();
    j["number"] = s.number;
    put_date(j, "opened", s.opened);
    if (s.escalation) j["escalation"] = write_escalation(*s.escalation);
    put(j, "definition", s.definition);
    put_list(j, "points", s.points, write_point);
    put_list(j, "aspects", s.aspects, write_aspect);
    put(j, "outcome_sought", s.outcome_sought);
    put(j, "definition_confirmed", s.definition_confirmed);
    put(j, "investigator", s.investigator);
    put(j, "contributors", s.contributors);
    put(j, "approver", s.approver);
    put(j, "contractor_author", s.contractor_author);
    put(j, "acknowledged", s.acknowledged);
    put_list(j, "extensions", s.extensions, write_extension);
    if (s.updates) {
        ojson u = ojson::object();
        u["every_working_days"] = s.updates->every_working_days;
        put_date(u, "agreed_on", s.updates->agreed_on);
        j["updates"] = std::move(u);
    }
    put_list(j, "remedies", s.remedies, write_remedy);
    put_list(j, "actions", s.actions, write_action);
    put(j, "responded", s.responded);
    put(j, "response_summary", s.response_summary);
    return j;
}

ojson write_refusal(const Refusal& r) {
    ojson j = ojson::object();
    put(j, "ground_id", r.ground_id);
    put(j, "reasoning", r.reasoning);
    put(j, "circumstances_considered", r.circumstances_considered);
    put(j, "discretion_considered", r.discretion_considered);
    put(j, "discretion_decision", r.discretion_decision);
    put_date(j, "decided_on", r.decided_on);
    put(j, "explained_on", r.explained_on);
    put(j, "approved_by", r.approved_by);
    put(j, "at_escalation", r.at_escalation);
    return j;
}

ojson write_closure(const Closure& c) {
    ojson j = ojson::object();
    put_date(j, "closed_on", c.closed_on);
    put_enum(j, "reason", c.reason);
    put(j, "withdrawn_by", c.withdrawn_by);
    put(j, "notes", c.notes);
    return j;
}

ojson write_contact(const ContactAttempt& a) {
    ojson j = ojson::object();
    put_date(j, "on", a.on);
    put_enum(j, "method", a.method);
    put_enum(j, "outcome", a.outcome);
    put_enum(j, "purpose", a.purpose);
    put(j, "summary", a.summary);
    put(j, "definition_confirmed", a.definition_confirmed);
    put(j, "by", a.by);
    return j;
}

ojson write_log(const LogEntry& e) {
    ojson j = ojson::object();
    put_date(j, "on", e.on);
    put_enum(j, "kind", e.kind);
    put(j, "by", e.by);
    put(j, "text", e.text);
    put(j, "letter_kind", e.letter_kind);
    put(j, "letter_text", e.letter_text);
    return j;
}

ojson write_hazard(const HazardRecord& h) {
    ojson j = ojson::object();
    put(j, "id", h.id);
    put(j, "type_id", h.type_id);
    put(j, "emergency", h.emergency);
    put(j, "location", h.location);
    put(j, "observed", h.observed);
    put(j, "reported_by", h.reported_by);
    j["aware"] = to_iso(h.aware);
    put(j, "vulnerable_occupants", h.vulnerable_occupants);
    put(j, "made_safe", h.made_safe);
    put(j, "made_safe_by", h.made_safe_by);
    put(j, "investigated", h.investigated);
    put(j, "investigated_by", h.investigated_by);
    put(j, "significant_found", h.significant_found);
    // Written both ways once an emergency report is investigated, so a reader can
    // tell "not confirmed" from records made before this finding was kept.
    if (h.emergency && h.investigated) j["emergency_found"] = h.emergency_found;
    put(j, "findings", h.findings);
    put(j, "summary_sent", h.summary_sent);
    put(j, "safety_work_done", h.safety_work_done);
    put(j, "further_work_started", h.further_work_started);
    put(j, "further_work_done", h.further_work_done);
    put(j, "works_planned", h.works_planned);
    put_enum(j, "accommodation", h.accommodation);
    put(j, "closed", h.closed);
    return j;
}

ojson write_attachment(const Attachment& a) {
    ojson j = ojson::object();
    put(j, "sha256", a.sha256);
    put(j, "filename", a.filename);
    put(j, "mime", a.mime);
    j["size"] = a.size;
    put(j, "thumbnail_sha256", a.thumbnail_sha256);
    put(j, "caption", a.caption);
    put_date(j, "added", a.added);
    put(j, "hazard_id", a.hazard_id);
    return j;
}

ojson write_ombudsman(const OmbudsmanCase& o) {
    ojson j = ojson::object();
    put_date(j, "referred", o.referred);
    put(j, "reference", o.reference);
    put_enum(j, "determination", o.determination);
    put(j, "determined", o.determined);
    put_list(j, "orders", o.orders, [](const OmbudsmanOrder& order) {
        ojson oj = ojson::object();
        put(oj, "description", order.description);
        put_date(oj, "due", order.due);
        put(oj, "completed", order.completed);
        put(oj, "evidence", order.evidence);
        return oj;
    });
    return j;
}

ojson write_survey(const Survey& s) {
    ojson j = ojson::object();
    j["stage"] = s.stage;
    put(j, "offered", s.offered);
    put(j, "answered", s.answered);
    put(j, "declined", s.declined);
    put_count(j, "satisfied_handling", s.satisfied_handling);
    put_count(j, "satisfied_outcome", s.satisfied_outcome);
    put_count(j, "felt_listened", s.felt_listened);
    put(j, "on", s.on);
    put(j, "answered_on", s.answered_on);
    return j;
}

ojson write_panel_review(const PanelReview& p) {
    ojson j = ojson::object();
    put(j, "summary", p.summary);
    put(j, "learning", p.learning);
    put(j, "reviewed_by", p.reviewed_by);
    put_date(j, "reviewed_on", p.reviewed_on);
    return j;
}

ojson write_audit(const AuditEntry& a) {
    ojson j = ojson::object();
    put(j, "at", a.at);
    put(j, "who", a.who);
    put(j, "what", a.what);
    return j;
}

// The body of a case; `with_revision_fields` adds what a revision hash leaves out.
ojson write_case(const Case& c, bool with_revision_fields) {
    ojson j = ojson::object();
    put(j, "id", c.id);
    put(j, "reference", c.reference);
    put(j, "reference_aliases", c.reference_aliases);
    if (with_revision_fields) {
        put(j, "rev", c.rev);
        put(j, "rev_ids", c.rev_ids);
        put(j, "device", c.device);
    }
    put(j, "demo", c.demo);
    put_enum(j, "code", c.code);
    put_enum(j, "kind", c.kind);
    put_enum(j, "channel", c.channel);
    put_date(j, "received", c.received);
    put(j, "logged", c.logged);
    j["resident"] = write_resident(c.resident);
    put_object(j, "representative", write_representative(c.representative));
    put(j, "own_words", c.own_words);
    put(j, "outcome_wanted", c.outcome_wanted);
    put(j, "category_id", c.category_id);
    put(j, "subcategory", c.subcategory);
    put(j, "property", c.property);
    put(j, "contractor", c.contractor);
    put(j, "high_rise_building_safety", c.high_rise_building_safety);
    j["complexity"] = c.complexity;
    put(j, "vulnerability", c.vulnerability);
    put(j, "staff_safety_warning", c.staff_safety_warning);
    put_list(j, "adjustments", c.adjustments, write_adjustment);
    put_list(j, "restrictions", c.restrictions, write_restriction);
    put_list(j, "conflicts_of_interest", c.conflicts_of_interest, write_conflict_of_interest);
    put(j, "service_request_completed", c.service_request_completed);
    put(j, "raised_from_case", c.raised_from_case);
    put(j, "linked_cases", c.linked_cases);
    if (c.refusal) j["refusal"] = write_refusal(*c.refusal);
    put_list(j, "stages", c.stages, write_stage);
    if (c.closure) j["closure"] = write_closure(*c.closure);
    put_list(j, "contacts", c.contacts, write_contact);
    put_list(j, "log", c.log, write_log);
    put_list(j, "hazards", c.hazards, write_hazard);
    put_list(j, "attachments", c.attachments, write_attachment);
    if (c.ombudsman) j["ombudsman"] = write_ombudsman(*c.ombudsman);
    put_list(j, "surveys", c.surveys, write_survey);
    put(j, "learning", c.learning);
    if (c.panel_review) j["panel_review"] = write_panel_review(*c.panel_review);
    put_list(j, "audit", c.audit, write_audit);
    if (with_revision_fields) {
        put_list(j, "conflicts", c.conflicts, [](const Case& v) { return write_case(v, true); });
        put(j, "discarded_revs", c.discarded_revs);
    }
    return j;
}

// ---------------------------------------------------------------------------
// Settings parts

ojson write_policy(const Policy& p) {
    ojson j = ojson::object();
    j["acknowledge_days"] = p.acknowledge_days;
    j["stage1_response_days"] = p.stage1_response_days;
    j["stage1_max_extension_days"] = p.stage1_max_extension_days;
    j["stage2_acknowledge_days"] = p.stage2_acknowledge_days;
    j["stage2_response_days"] = p.stage2_response_days;
    j["stage2_max_extension_days"] = p.stage2_max_extension_days;
    j["escalation_window_weeks"] = p.escalation_window_weeks;
    j["refusal_explanation_days"] = p.refusal_explanation_days;
    j["extension_notice_days_before"] = p.extension_notice_days_before;
    j["due_soon_days"] = p.due_soon_days;
    j["default_update_interval_days"] = p.default_update_interval_days;
    j["unexported_reminder_days"] = p.unexported_reminder_days;
    j["refusal_needs_approval"] = p.refusal_needs_approval;
    j["legacy_stage1_response_days"] = p.legacy_stage1_response_days;
    j["legacy_stage2_response_days"] = p.legacy_stage2_response_days;
    j["legacy_stage2_max_extension_days"] = p.legacy_stage2_max_extension_days;
    j["legacy_stage3_response_days"] = p.legacy_stage3_response_days;
    return j;
}

ojson write_hazard_timescales(const HazardTimescales& t) {
    ojson j = ojson::object();
    j["emergency_make_safe_hours"] = t.emergency_make_safe_hours;
    j["investigate_working_days"] = t.investigate_working_days;
    j["summary_working_days"] = t.summary_working_days;
    j["safety_work_working_days"] = t.safety_work_working_days;
    j["further_work_start_working_days"] = t.further_work_start_working_days;
    j["further_work_latest_weeks"] = t.further_work_latest_weeks;
    return j;
}

ojson write_string_map(const std::map<std::string, std::string>& m) {
    ojson j = ojson::object();
    for (const auto& [k, v] : m) j[k] = v;  // std::map: sorted, so stable
    return j;
}

ojson write_signoff(const SignOff& s) {
    ojson j = ojson::object();
    put(j, "name", s.name);
    put(j, "role", s.role);
    put(j, "on", s.on);
    put(j, "statement", s.statement);
    return j;
}

}  // namespace

// ---------------------------------------------------------------------------
// Public writers

ojson to_json(const Case& c) { return write_case(c, true); }

ojson to_json(const Settings& s) {
    ojson j = ojson::object();
    put(j, "officer_name", s.officer_name);
    put(j, "device_id", s.device_id);
    put(j, "device_code", s.device_code);
    ojson landlord = ojson::object();
    put(landlord, "name", s.landlord.name);
    put(landlord, "address", s.landlord.address);
    put(landlord, "phone", s.landlord.phone);
    put(landlord, "email", s.landlord.email);
    put(landlord, "website", s.landlord.website);
    put(landlord, "complaints_team", s.landlord.complaints_team);
    put(landlord, "letter_signoff", s.landlord.letter_signoff);
    put(landlord, "complaints_policy", s.landlord.complaints_policy);
    j["landlord"] = std::move(landlord);
    j["policy"] = write_policy(s.policy);
    j["homes_owned"] = s.homes_owned;
    put_enum(j, "region", s.region);
    put_list(j, "closure_days", s.closure_days, [](const Holiday& h) {
        ojson hj = ojson::object();
        put_date(hj, "date", h.date);
        put(hj, "title", h.title);
        return hj;
    });
    const auto external_body = [](const Ombudsman& o) {
        ojson oj = ojson::object();
        put(oj, "name", o.name);
        put(oj, "phone", o.phone);
        put(oj, "website", o.website);
        put(oj, "online_form", o.online_form);
        put(oj, "address", o.address);
        put(oj, "source", o.source);
        return oj;
    };
    j["ombudsman"] = external_body(s.ombudsman);
    if (ojson lgsco = external_body(s.local_government_ombudsman); !lgsco.empty())
        j["local_government_ombudsman"] = std::move(lgsco);
    put(j, "building_safety_regulator", s.building_safety_regulator);
    put(j, "building_safety_regulator_contact", s.building_safety_regulator_contact);
    put_list(j, "categories", s.categories, [](const Category& c) {
        ojson cj = ojson::object();
        put(cj, "id", c.id);
        put(cj, "label", c.label);
        put(cj, "subcategories", c.subcategories);
        put(cj, "hazard_prompt", c.hazard_prompt);
        return cj;
    });
    put_list(j, "compensation", s.compensation, [](const CompensationRate& r) {
        ojson rj = ojson::object();
        put(rj, "id", r.id);
        put(rj, "label", r.label);
        rj["amount"] = r.amount.pence;
        put_enum(rj, "per", r.per);
        return rj;
    });
    put(j, "discretionary_bands", s.discretionary_bands);
    put_list(j, "refusal_grounds", s.refusal_grounds, [](const RefusalGround& g) {
        ojson gj = ojson::object();
        put(gj, "id", g.id);
        put(gj, "label", g.label);
        put(gj, "provision", g.provision);
        put_enum(gj, "body", g.body);
        put(gj, "needs_discretion", g.needs_discretion);
        return gj;
    });
    put_list(j, "staff", s.staff, [](const StaffMember& m) {
        ojson mj = ojson::object();
        put(mj, "id", m.id);
        put(mj, "name", m.name);
        put_enum(mj, "role", m.role);
        put(mj, "team", m.team);
        put(mj, "email", m.email);
        put(mj, "phone", m.phone);
        put(mj, "may_sign_stage2", m.may_sign_stage2);
        put_money(mj, "award_limit", m.award_limit);
        return mj;
    });
    put_list(j, "hazard_types", s.hazard_types, [](const HazardType& t) {
        ojson tj = ojson::object();
        put(tj, "id", t.id);
        put(tj, "label", t.label);
        tj["phase"] = t.phase;
        tj["can_be_emergency"] = t.can_be_emergency;
        put(tj, "in_force_from", t.in_force_from);
        put(tj, "in_force_source", t.in_force_source);
        return tj;
    });
    j["hazard_timescales"] = write_hazard_timescales(s.hazard_timescales);
    {
        ojson hc = ojson::object();
        put(hc, "emergencies_from", s.hazard_commencement.emergencies_from);
        put(hc, "source", s.hazard_commencement.source);
        put_object(j, "hazard_commencement", std::move(hc));
    }
    put_object(j, "outcome_labels", write_string_map(s.outcome_labels));
    put_object(j, "letter_templates", write_string_map(s.letter_templates));
    j["quality_sample_size"] = s.quality_sample_size;
    j["survey_target_stage1_pct"] = s.survey_target_stage1_pct;
    j["survey_target_stage2_pct"] = s.survey_target_stage2_pct;
    put(j, "theme", s.theme);
    // Two decimals: a float written in full would not read back to the same text.
    j["text_scale"] = std::round(static_cast<double>(s.text_scale) * 100.0) / 100.0;
    put(j, "last_exported", s.last_exported);
    return j;
}

ojson to_json(const LearningItem& item) {
    ojson j = ojson::object();
    put(j, "id", item.id);
    put(j, "theme", item.theme);
    put(j, "lesson", item.lesson);
    put(j, "action", item.action);
    put(j, "owner", item.owner);
    put(j, "due", item.due);
    put(j, "done", item.done);
    put(j, "case_ids", item.case_ids);
    return j;
}

ojson to_json(const SelfAssessment& a) {
    ojson j = ojson::object();
    put(j, "id", a.id);
    j["year"] = a.year;
    put(j, "code_version", a.code_version);
    put(j, "reason", a.reason);
    put_list(j, "answers", a.answers, [](const ProvisionAnswer& p) {
        ojson pj = ojson::object();
        put(pj, "provision", p.provision);
        put_enum(pj, "comply", p.comply);
        put(pj, "evidence", p.evidence);
        put(pj, "commentary", p.commentary);
        put_list(pj, "actions", p.actions, [](const AssessmentAction& act) {
            ojson aj = ojson::object();
            put(aj, "description", act.description);
            put(aj, "owner", act.owner);
            put_enum(aj, "status", act.status);
            put(aj, "due", act.due);
            put_list(aj, "updates", act.updates, [](const DatedUpdate& u) {
                ojson uj = ojson::object();
                put_date(uj, "on", u.on);
                put(uj, "text", u.text);
                return uj;
            });
            return aj;
        });
        return pj;
    });
    put_object(j, "lead_officer", write_signoff(a.lead_officer));
    put_object(j, "member_responsible", write_signoff(a.member_responsible));
    put(j, "copied_from", a.copied_from);
    return j;
}

ojson to_json(const QualityCheck& q) {
    ojson j = ojson::object();
    put(j, "id", q.id);
    put(j, "month", q.month);
    // A decimal string: JavaScript numbers lose precision above 2^53.
    if (q.seed != 0) j["seed"] = std::to_string(q.seed);
    put(j, "case_id", q.case_id);
    put(j, "checker", q.checker);
    put(j, "checked_on", q.checked_on);
    put_list(j, "items", q.items, [](const SpotCheckItem& item) {
        ojson ij = ojson::object();
        put(ij, "check", item.check);
        put(ij, "passed", item.passed);
        put(ij, "note", item.note);
        put(ij, "from_record", item.from_record);
        return ij;
    });
    put(j, "deep_dive_notes", q.deep_dive_notes);
    return j;
}

ojson to_json(const NonComplianceEvent& e) {
    ojson j = ojson::object();
    put(j, "id", e.id);
    put(j, "description", e.description);
    put_date(j, "started", e.started);
    put(j, "residents_told", e.residents_told);
    put(j, "ombudsman_told", e.ombudsman_told);
    put(j, "compliance_returns", e.compliance_returns);
    return j;
}

ojson to_json(const Dataset& d, std::string_view exported_at) {
    ojson j = ojson::object();
    j["schema"] = kSchemaName;
    j["version"] = kSchemaVersion;
    j["exported_at"] = std::string(exported_at);
    j["settings"] = to_json(d.settings);
    // The five lists are always written, even empty: a reader sees the whole shape.
    const auto list = [](const auto& items) {
        ojson arr = ojson::array();
        for (const auto& item : items) arr.push_back(to_json(item));
        return arr;
    };
    j["cases"] = list(d.cases);
    j["learning"] = list(d.learning);
    j["assessments"] = list(d.assessments);
    j["quality_checks"] = list(d.quality_checks);
    j["non_compliance"] = list(d.non_compliance);
    return j;
}

std::string export_dataset(const Dataset& d, std::string_view exported_at) {
    return dump(to_json(d, exported_at), 2);
}

std::string case_to_text(const Case& c) { return dump(to_json(c), 2); }

std::string case_canonical_json(const Case& c) { return dump(write_case(c, false), -1); }

}  // namespace doorstep
