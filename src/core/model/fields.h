// Every record's fields, described once: the "doorstep/1" key of each field, in
// the order it is written, and what the schema says of it (docs/schema.md). The
// JSON writer (case_json.h) and the checked reader (import.h) both walk these
// descriptions, so a field added to a struct and here is written and read alike;
// a field left out of here is neither.
//
//   template <class V> void fields(V& v, Resident& r) { v("name", r.name); ... }
//
// A visitor is called as v(key, field, options...). What the field's type says:
//  - text, lists and maps are omitted when empty; flags when false; whole numbers
//    and pence when zero; optional values and objects when absent;
//  - a Date, a LocalDateTime and an enum always have a value: always written and
//    required on import;
//  - a nested object is omitted when it has nothing to write.
// The options:
//  - Required: refused when missing (text: also when empty); numbers, flags and
//    objects are then always written;
//  - Range{lo, hi} (whole numbers), Between{lo, hi} (a decimal), Format (text in
//    a fixed shape, refused with "<what>: '<value>'");
//  - Revision: revision bookkeeping, left out of what a revision hash covers;
//  - WrittenIf{yes}: written only when `yes`, then whatever its value;
//  - DateTimeText: text holding a local date-time "YYYY-MM-DDTHH:MM".
// Rules that join fields (dates in order, ids unique, links) are in import.cpp.
#pragma once
#include "core/base/date.h"
#include "core/base/ids.h"
#include "core/model/assurance.h"
#include "core/model/case.h"
#include "core/model/erasure.h"
#include "core/model/references.h"
#include "core/model/settings.h"

#include <cstdint>
#include <optional>
#include <string_view>

namespace doorstep {

// ---------------------------------------------------------------------------
// Options

struct Required {};
struct Range { int64_t lo; int64_t hi; };
struct Between { double lo; double hi; };
struct Format {
    bool (*ok)(std::string_view) = nullptr;
    const char* what = "";
};
struct Revision {};
struct WrittenIf { bool yes; };
struct DateTimeText {};

inline constexpr Range kDays{0, 365};           // any working-day count in the model
inline constexpr Range kDaysFromOne{1, 365};    // a period that cannot be zero
inline constexpr Range kScore{0, 5};            // survey answers: 1..5, 0 = not answered
inline constexpr Range kStageNumber{1, 3};      // 3 only on a 2022-Code record

// The options of one field, gathered.
struct FieldSpec {
    bool required = false;
    std::optional<Range> range;
    std::optional<Between> between;
    Format format;
    bool revision = false;
    std::optional<bool> written_if;
    bool datetime_text = false;

    void add(Required) { required = true; }
    void add(Range r) { range = r; }
    void add(Between b) { between = b; }
    void add(Format f) { format = f; }
    void add(Revision) { revision = true; }
    void add(WrittenIf w) { written_if = w.yes; }
    void add(DateTimeText) { datetime_text = true; }
};

template <class... O> FieldSpec spec_of(const O&... options) {
    FieldSpec s;
    (s.add(options), ...);
    return s;
}

// ---------------------------------------------------------------------------
// Formats of text fields

inline bool is_lower_hex(std::string_view s, size_t length) {
    if (s.size() != length) return false;
    for (char ch : s)
        if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return false;
    return true;
}
inline bool is_content_hash(std::string_view s) { return is_lower_hex(s, 64); }
inline bool is_month(std::string_view s) {  // "2025-03"
    return s.size() == 7 && s[4] == '-' && parse_iso_date(std::string(s) + "-01").has_value();
}

inline constexpr Format kCaseId{is_uuid, "not a case id this app writes (a lowercase UUID)"};
inline constexpr Format kContentHash{is_content_hash, "not a SHA-256 content hash (64 lowercase hex digits)"};
inline constexpr Format kMonth{is_month, "not a month \"YYYY-MM\""};
inline constexpr Format kDeviceCode{is_device_code, "not a device code (4 of 23456789ABCDEFGHJKMNPQRSTVWXYZ)"};
static_assert(kDeviceCodeLength == 4 && kDeviceCodeAlphabet == "23456789ABCDEFGHJKMNPQRSTVWXYZ",
              "kDeviceCode's message names the code's length and alphabet");

// ---------------------------------------------------------------------------
// Case parts

template <class V> void fields(V& v, Resident& r) {
    v("name", r.name);
    v("address", r.address);
    v("postcode", r.postcode);
    v("phone", r.phone);
    v("email", r.email);
    v("preferred_contact", r.preferred_contact);
    v("group_of_residents", r.group_of_residents);
    v("group_description", r.group_description);
}

// Whether a case names a representative at all (else the object is left out).
inline bool has_representative(const Representative& r) {
    return r.kind != RepresentativeKind::None || !r.name.empty() || !r.contact.empty() || r.consent_given ||
           r.consent_date;
}

template <class V> void fields(V& v, Representative& r) {
    v("kind", r.kind);
    v("name", r.name);
    v("contact", r.contact);
    v("consent_given", r.consent_given);
    v("consent_date", r.consent_date);
}

template <class V> void fields(V& v, ReasonableAdjustment& a) {
    v("description", a.description, Required{});
    v("disclosed_disability", a.disclosed_disability);
    v("agreed_on", a.agreed_on);
    v("review_due", a.review_due);
    v("shorter_timescale_days", a.shorter_timescale_days, kDays);
}

template <class V> void fields(V& v, ContactRestriction& r) {
    v("description", r.description, Required{});
    v("evidence", r.evidence);
    v("equality_act_regard", r.equality_act_regard);
    v("decided_on", r.decided_on);
    v("review_due", r.review_due);
}

template <class V> void fields(V& v, ConflictOfInterest& c) {
    v("person", c.person, Required{});
    v("details", c.details);
    v("declared_on", c.declared_on);
}

template <class V> void fields(V& v, DefinitionPoint& p) {
    v("text", p.text, Required{});
    v("decision", p.decision);
    v("reasons", p.reasons);
}

template <class V> void fields(V& v, Aspect& a) {
    v("text", a.text, Required{});
    v("in_scope", a.in_scope, Required{});  // defaults to true: always written
    v("reason_excluded", a.reason_excluded);
}

template <class V> void fields(V& v, Extension& e) {
    v("working_days", e.working_days, Required{}, kDaysFromOne);
    v("reason", e.reason);
    v("decided_on", e.decided_on);
    v("resident_told", e.resident_told);
    v("told_how", e.told_how);
    v("ombudsman_details_given", e.ombudsman_details_given);
    v("resident_agreed", e.resident_agreed);
    v("beyond_limit", e.beyond_limit);
    v("good_reason", e.good_reason);
    v("set_at_acknowledgement", e.set_at_acknowledgement);
}

template <class V> void fields(V& v, UpdateInterval& u) {
    v("every_working_days", u.every_working_days, Required{}, kDaysFromOne);
    v("agreed_on", u.agreed_on);
}

template <class V> void fields(V& v, AwardParts& p) {
    v("statutory", p.statutory);
    v("quantifiable_losses", p.quantifiable_losses);
    v("time_and_trouble", p.time_and_trouble);
    v("distress_and_inconvenience", p.distress_and_inconvenience);
}

template <class V> void fields(V& v, Remedy& r) {
    v("type", r.type);
    v("description", r.description);
    v("amount", r.amount);
    v("working", r.working);
    v("suggested", r.suggested);
    v("override_reason", r.override_reason);
    v("parts", r.parts);
    v("approved_by", r.approved_by);
    v("state", r.state);
    v("due", r.due);
    v("completed", r.completed);
    v("offered_on", r.offered_on);
    v("answered_on", r.answered_on);
}

template <class V> void fields(V& v, OutstandingAction& a) {
    v("description", a.description, Required{});
    v("owner", a.owner);
    v("due", a.due);
    v("completed", a.completed);
}

template <class V> void fields(V& v, Escalation& e) {
    v("requested", e.requested);
    v("resident_reason", e.resident_reason);
    v("outside_window", e.outside_window);
    v("discretion_decision", e.discretion_decision);
}

template <class V> void fields(V& v, Stage& s) {
    v("number", s.number, Required{}, kStageNumber);
    v("opened", s.opened);
    v("escalation", s.escalation);
    v("definition", s.definition);
    v("points", s.points);
    v("aspects", s.aspects);
    v("outcome_sought", s.outcome_sought);
    v("definition_confirmed", s.definition_confirmed);
    v("investigator", s.investigator);
    v("contributors", s.contributors);
    v("approver", s.approver);
    v("contractor_author", s.contractor_author);
    v("acknowledged", s.acknowledged);
    v("extensions", s.extensions);
    v("updates", s.updates);
    v("remedies", s.remedies);
    v("actions", s.actions);
    v("responded", s.responded);
    v("response_summary", s.response_summary);
}

template <class V> void fields(V& v, Refusal& r) {
    v("ground_id", r.ground_id, Required{});
    v("reasoning", r.reasoning);
    v("circumstances_considered", r.circumstances_considered);
    v("discretion_considered", r.discretion_considered);
    v("discretion_decision", r.discretion_decision);
    v("decided_on", r.decided_on);
    v("explained_on", r.explained_on);
    v("approved_by", r.approved_by);
    v("at_escalation", r.at_escalation);
}

template <class V> void fields(V& v, Closure& c) {
    v("closed_on", c.closed_on);
    v("reason", c.reason);
    v("withdrawn_by", c.withdrawn_by);
    v("notes", c.notes);
}

template <class V> void fields(V& v, ContactAttempt& a) {
    v("on", a.on);
    v("method", a.method);
    v("outcome", a.outcome);
    v("purpose", a.purpose);
    v("summary", a.summary);
    v("definition_confirmed", a.definition_confirmed);
    v("by", a.by);
}

template <class V> void fields(V& v, LogEntry& e) {
    v("on", e.on);
    v("kind", e.kind);
    v("by", e.by);
    v("text", e.text);
    v("letter_kind", e.letter_kind);
    v("letter_text", e.letter_text);
}

template <class V> void fields(V& v, HazardRecord& h) {
    v("id", h.id, Required{});
    v("type_id", h.type_id, Required{});
    v("emergency", h.emergency);
    v("location", h.location);
    v("observed", h.observed);
    v("reported_by", h.reported_by);
    v("aware", h.aware);
    v("vulnerable_occupants", h.vulnerable_occupants);
    v("made_safe", h.made_safe);
    v("made_safe_by", h.made_safe_by);
    v("investigated", h.investigated);
    v("investigated_by", h.investigated_by);
    v("significant_found", h.significant_found);
    // Written both ways once an emergency report is investigated, so a reader can
    // tell "not confirmed" from records made before this finding was kept.
    v("emergency_found", h.emergency_found, WrittenIf{h.emergency && h.investigated});
    v("findings", h.findings);
    v("summary_sent", h.summary_sent);
    v("safety_work_done", h.safety_work_done);
    v("further_work_started", h.further_work_started);
    v("further_work_done", h.further_work_done);
    v("works_planned", h.works_planned);
    v("accommodation", h.accommodation);
    v("closed", h.closed);
}

template <class V> void fields(V& v, Attachment& a) {  // metadata: the bytes live in the store
    v("sha256", a.sha256, Required{}, kContentHash);
    v("filename", a.filename);
    v("mime", a.mime);
    v("size", a.size, Required{}, Range{0, int64_t{1} << 40});
    v("thumbnail_sha256", a.thumbnail_sha256, kContentHash);
    v("caption", a.caption);
    v("added", a.added);
    v("hazard_id", a.hazard_id);
}

template <class V> void fields(V& v, OmbudsmanOrder& o) {
    v("description", o.description, Required{});
    v("due", o.due);
    v("completed", o.completed);
    v("evidence", o.evidence);
}

template <class V> void fields(V& v, OmbudsmanCase& o) {
    v("referred", o.referred);
    v("reference", o.reference);
    v("determination", o.determination);
    v("determined", o.determined);
    v("orders", o.orders);
}

// A survey's answers and dates; the older single "survey" object of a case has
// these without a stage (import.cpp reads it).
template <class V> void survey_answer_fields(V& v, Survey& s) {
    v("offered", s.offered);
    v("answered", s.answered);
    v("declined", s.declined);
    v("satisfied_handling", s.satisfied_handling, kScore);
    v("satisfied_outcome", s.satisfied_outcome, kScore);
    v("felt_listened", s.felt_listened, kScore);
    v("on", s.on);
    v("answered_on", s.answered_on);
}

template <class V> void fields(V& v, Survey& s) {
    v("stage", s.stage, Required{}, kStageNumber);
    survey_answer_fields(v, s);
}

template <class V> void fields(V& v, PanelReview& p) {
    v("summary", p.summary, Required{});
    v("learning", p.learning);
    v("reviewed_by", p.reviewed_by);
    v("reviewed_on", p.reviewed_on);
}

template <class V> void fields(V& v, AuditEntry& a) {
    v("at", a.at, Required{}, DateTimeText{});
    v("who", a.who);
    v("what", a.what);
}

template <class V> void fields(V& v, Case& c) {
    v("id", c.id, Required{}, kCaseId);
    v("reference", c.reference, Required{});
    v("reference_aliases", c.reference_aliases);
    v("rev", c.rev, Revision{});
    v("rev_ids", c.rev_ids, Revision{});
    v("device", c.device, Revision{});
    v("demo", c.demo);
    v("code", c.code);
    v("kind", c.kind);
    v("channel", c.channel);
    v("received", c.received);
    v("logged", c.logged);
    v("resident", c.resident, Required{});
    v("representative", c.representative, WrittenIf{has_representative(c.representative)});
    v("own_words", c.own_words);
    v("outcome_wanted", c.outcome_wanted);
    v("category_id", c.category_id);
    v("subcategory", c.subcategory);
    v("property", c.property);
    v("contractor", c.contractor);
    v("high_rise_building_safety", c.high_rise_building_safety);
    v("complexity", c.complexity, Required{}, Range{1, 3});
    v("vulnerability", c.vulnerability);
    v("staff_safety_warning", c.staff_safety_warning);
    v("adjustments", c.adjustments);
    v("restrictions", c.restrictions);
    v("conflicts_of_interest", c.conflicts_of_interest);
    v("service_request_completed", c.service_request_completed);
    v("raised_from_case", c.raised_from_case);
    v("linked_cases", c.linked_cases);
    v("refusal", c.refusal);
    v("stages", c.stages);
    v("closure", c.closure);
    v("contacts", c.contacts);
    v("log", c.log);
    v("hazards", c.hazards);
    v("attachments", c.attachments);
    v("ombudsman", c.ombudsman);
    v("surveys", c.surveys);
    v("learning", c.learning);
    v("panel_review", c.panel_review);
    v("audit", c.audit);
    v("conflicts", c.conflicts, Revision{});  // versions of this same case, each a leaf
    v("discarded_revs", c.discarded_revs, Revision{});
}

template <class V> void fields(V& v, LearningItem& item) {
    v("id", item.id, Required{});
    v("theme", item.theme);
    v("lesson", item.lesson);
    v("action", item.action);
    v("owner", item.owner);
    v("due", item.due);
    v("done", item.done);
    v("case_ids", item.case_ids);
}

// ---------------------------------------------------------------------------
// Settings

template <class V> void fields(V& v, Landlord& l) {
    v("name", l.name);
    v("address", l.address);
    v("phone", l.phone);
    v("email", l.email);
    v("website", l.website);
    v("complaints_team", l.complaints_team);
    v("letter_signoff", l.letter_signoff);
    v("complaints_policy", l.complaints_policy);
}

template <class V> void fields(V& v, Policy& p) {
    v("acknowledge_days", p.acknowledge_days, Required{}, kDaysFromOne);
    v("stage1_response_days", p.stage1_response_days, Required{}, kDaysFromOne);
    v("stage1_max_extension_days", p.stage1_max_extension_days, Required{}, kDays);
    v("stage2_acknowledge_days", p.stage2_acknowledge_days, Required{}, kDaysFromOne);
    v("stage2_response_days", p.stage2_response_days, Required{}, kDaysFromOne);
    v("stage2_max_extension_days", p.stage2_max_extension_days, Required{}, kDays);
    v("escalation_window_weeks", p.escalation_window_weeks, Required{}, Range{0, 104});
    v("refusal_explanation_days", p.refusal_explanation_days, Required{}, kDays);
    v("extension_notice_days_before", p.extension_notice_days_before, Required{}, kDays);
    v("due_soon_days", p.due_soon_days, Required{}, kDays);
    v("default_update_interval_days", p.default_update_interval_days, Required{}, kDays);
    v("unexported_reminder_days", p.unexported_reminder_days, Required{}, kDays);
    v("refusal_needs_approval", p.refusal_needs_approval, Required{});
    v("legacy_stage1_response_days", p.legacy_stage1_response_days, Required{}, kDaysFromOne);
    v("legacy_stage2_response_days", p.legacy_stage2_response_days, Required{}, kDaysFromOne);
    v("legacy_stage2_max_extension_days", p.legacy_stage2_max_extension_days, Required{}, kDays);
    v("legacy_stage3_response_days", p.legacy_stage3_response_days, Required{}, kDaysFromOne);
}

template <class V> void fields(V& v, Holiday& h) {
    v("date", h.date);
    v("title", h.title);
}

template <class V> void fields(V& v, Ombudsman& o) {
    v("name", o.name);
    v("phone", o.phone);
    v("website", o.website);
    v("online_form", o.online_form);
    v("address", o.address);
    v("source", o.source);
}

template <class V> void fields(V& v, Category& c) {
    v("id", c.id, Required{});
    v("label", c.label);
    v("subcategories", c.subcategories);
    v("hazard_prompt", c.hazard_prompt);
}

template <class V> void fields(V& v, CompensationRate& r) {
    v("id", r.id, Required{});
    v("label", r.label);
    v("amount", r.amount, Required{});
    v("per", r.per);
}

template <class V> void fields(V& v, RefusalGround& g) {
    v("id", g.id, Required{});
    v("label", g.label);
    v("provision", g.provision);
    v("body", g.body);
    v("needs_discretion", g.needs_discretion);
}

template <class V> void fields(V& v, StaffMember& m) {
    v("id", m.id, Required{});
    v("name", m.name);
    v("role", m.role);
    v("team", m.team);
    v("email", m.email);
    v("phone", m.phone);
    v("may_sign_stage2", m.may_sign_stage2);
    v("award_limit", m.award_limit);
}

// A phase 1 type without in_force_from is read as in force from 27 October 2025 (import.cpp).
template <class V> void fields(V& v, HazardType& t) {
    v("id", t.id, Required{});
    v("label", t.label);
    v("phase", t.phase, Required{}, Range{1, 3});
    v("can_be_emergency", t.can_be_emergency, Required{});
    v("in_force_from", t.in_force_from);
    v("in_force_source", t.in_force_source);
}

template <class V> void fields(V& v, HazardTimescales& t) {
    v("emergency_make_safe_hours", t.emergency_make_safe_hours, Required{}, Range{1, 24 * 14});
    v("investigate_working_days", t.investigate_working_days, Required{}, kDaysFromOne);
    v("summary_working_days", t.summary_working_days, Required{}, kDaysFromOne);
    v("safety_work_working_days", t.safety_work_working_days, Required{}, kDaysFromOne);
    v("further_work_start_working_days", t.further_work_start_working_days, Required{}, kDaysFromOne);
    v("further_work_latest_weeks", t.further_work_latest_weeks, Required{}, Range{1, 104});
}

template <class V> void fields(V& v, HazardCommencement& h) {
    v("emergencies_from", h.emergencies_from);
    v("source", h.source);
}

template <class V> void fields(V& v, Settings& s) {
    v("officer_name", s.officer_name);
    v("device_id", s.device_id);
    v("device_code", s.device_code, kDeviceCode);
    v("landlord", s.landlord, Required{});
    v("policy", s.policy, Required{});
    v("homes_owned", s.homes_owned, Required{}, Range{0, 10'000'000});
    v("region", s.region);
    v("closure_days", s.closure_days);
    v("ombudsman", s.ombudsman, Required{});
    v("local_government_ombudsman", s.local_government_ombudsman);
    v("building_safety_regulator", s.building_safety_regulator);
    v("building_safety_regulator_contact", s.building_safety_regulator_contact);
    v("categories", s.categories);
    v("compensation", s.compensation);
    v("discretionary_bands", s.discretionary_bands);
    v("refusal_grounds", s.refusal_grounds);
    v("staff", s.staff);
    v("hazard_types", s.hazard_types);
    v("hazard_timescales", s.hazard_timescales, Required{});
    v("hazard_commencement", s.hazard_commencement);
    v("outcome_labels", s.outcome_labels);
    v("letter_templates", s.letter_templates);
    v("quality_sample_size", s.quality_sample_size, Required{}, Range{0, 10000});
    v("survey_target_stage1_pct", s.survey_target_stage1_pct, Required{}, Range{0, 100});
    v("survey_target_stage2_pct", s.survey_target_stage2_pct, Required{}, Range{0, 100});
    // Always written (0 is a choice: list none), read as the default (6) when absent: files from before it read on.
    v("retention_years", s.retention_years, WrittenIf{true}, Range{0, 100});
    v("theme", s.theme);
    v("text_scale", s.text_scale, Required{}, Between{0.5, 4.0});  // written with two decimals
    v("lock_after_minutes", s.lock_after_minutes, Range{1, 60});
    v("last_exported", s.last_exported);
}

// ---------------------------------------------------------------------------
// Assurance records

template <class V> void fields(V& v, DatedUpdate& u) {
    v("on", u.on);
    v("text", u.text);
}

template <class V> void fields(V& v, AssessmentAction& a) {
    v("description", a.description, Required{});
    v("owner", a.owner);
    v("status", a.status);
    v("due", a.due);
    v("updates", a.updates);
}

template <class V> void fields(V& v, ProvisionAnswer& p) {
    v("provision", p.provision, Required{});
    v("comply", p.comply);
    v("evidence", p.evidence);
    v("commentary", p.commentary);
    v("actions", p.actions);
}

template <class V> void fields(V& v, SignOff& s) {
    v("name", s.name);
    v("role", s.role);
    v("on", s.on);
    v("statement", s.statement);
}

// code_version is read as empty when absent (the struct's default is "2024").
template <class V> void fields(V& v, SelfAssessment& a) {
    v("id", a.id, Required{});
    v("year", a.year, Required{}, Range{1900, 2200});
    v("code_version", a.code_version);
    v("reason", a.reason);
    v("answers", a.answers);
    v("lead_officer", a.lead_officer);
    v("member_responsible", a.member_responsible);
    v("copied_from", a.copied_from);
}

template <class V> void fields(V& v, SpotCheckItem& item) {
    v("check", item.check, Required{});
    v("passed", item.passed);
    v("note", item.note);
    v("from_record", item.from_record);
}

template <class V> void fields(V& v, QualityCheck& q) {
    v("id", q.id, Required{});
    v("month", q.month, Required{}, kMonth);
    v("seed", q.seed);  // a decimal string: JavaScript numbers lose precision above 2^53
    v("case_id", q.case_id);
    v("checker", q.checker);
    v("checked_on", q.checked_on);
    v("items", q.items);
    v("deep_dive_notes", q.deep_dive_notes);
}

template <class V> void fields(V& v, NonComplianceEvent& e) {
    v("id", e.id, Required{});
    v("description", e.description);
    v("started", e.started);
    v("residents_told", e.residents_told);
    v("ombudsman_told", e.ombudsman_told);
    v("compliance_returns", e.compliance_returns);
}

// ---------------------------------------------------------------------------
// Erasures (21.8): that a case was erased, never what it held

template <class V> void fields(V& v, Erasure& e) {
    v("case_id", e.case_id, Required{}, kCaseId);
    v("reference", e.reference, Required{});
    v("erased_at", e.erased_at, Required{}, DateTimeText{});
    v("by", e.by, Required{});
    v("reason", e.reason, Required{});
}

}  // namespace doorstep
