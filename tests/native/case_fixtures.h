// Hand-built records for the JSON, import and merge tests: one case with every
// field away from its default, so a field the writer or reader forgets shows up
// as a difference in the round trip.
#pragma once
#include "core/data/revisions.h"
#include "core/data/settings_defaults.h"
#include "core/model/dataset.h"

#include <string>
#include <utility>
#include <vector>

namespace doorstep::fixtures {

inline Date d(const char* iso) { return *parse_iso_date(iso); }

inline Case full_case(const std::string& id = "0b4e28ba-2fa1-4d2e-883f-0016d3cca427",
                      const std::string& reference = "DS-2025-000001") {
    Case c;
    c.id = id;
    c.reference = reference;
    c.rev = "2-0123456789abcdef0123456789abcdef";
    c.rev_ids = {"0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210"};
    c.device = "tablet-7";
    c.demo = true;
    c.code = CodeVersion::Code2024;
    c.kind = CaseKind::Complaint;
    c.channel = Channel::ThirdParty;
    c.received = d("2025-01-06");
    c.logged = d("2025-01-07");
    c.resident = {"Alex Sample", "14 Example Row, Sampletown", "ZZ1 1ZZ", "01000 000000", "alex@example.invalid",
                  ContactMethod::Email, true, "Residents of Example Row, numbers 10 to 20"};
    c.representative = {RepresentativeKind::Advocate, "Sam Helper", "sam@example.invalid", true, d("2025-01-05")};
    c.own_words = "The \"damp\" in the back bedroom keeps coming back.\nSecond line, with a tab\tand a pound sign \xC2\xA3.";
    c.outcome_wanted = "Fix the cause of the damp";
    c.category_id = "damp_mould";
    c.subcategory = "Condensation";
    c.property = "PROP-0014";
    c.contractor = "Example Building Services";
    c.high_rise_building_safety = true;
    c.complexity = 3;
    c.vulnerability = "Young child in the home";
    c.staff_safety_warning = "Dog at the property";
    c.adjustments = {{"Large print letters", "Sight loss", d("2025-01-06"), d("2025-07-06"), 2}};
    c.restrictions = {{"Contact by email only", "Logged calls 2 and 9 January", "Considered; proportionate",
                       d("2025-01-10"), d("2025-04-10")}};
    c.conflicts_of_interest = {{"Jo Investigator", "Neighbour of the resident", d("2025-01-08")}};
    c.service_request_completed = d("2025-01-20");
    c.raised_from_case = "1b4e28ba-2fa1-4d2e-883f-0016d3cca427";
    c.linked_cases = {"1b4e28ba-2fa1-4d2e-883f-0016d3cca427"};
    Refusal refusal;
    refusal.ground_id = "over_12_months";
    refusal.reasoning = "Reasoning kept";
    refusal.circumstances_considered = "Ill health";
    refusal.discretion_considered = true;
    refusal.discretion_decision = "Not exercised";
    refusal.decided_on = d("2025-01-08");
    refusal.explained_on = d("2025-01-09");
    refusal.approved_by = "Complaints Manager";
    refusal.at_escalation = true;
    c.refusal = refusal;

    Stage s1;
    s1.number = 1;
    s1.opened = d("2025-01-06");
    s1.definition = "Damp in the back bedroom not fixed after two visits";
    s1.points = {{"Repair not completed", Decision::PartlyUpheld, "Repairs policy 4.2"}};
    s1.aspects = {{"Insurance claim for the carpet", false, "Handled by the insurer"}};
    s1.outcome_sought = "Repair and compensation";
    s1.definition_confirmed = true;
    s1.investigator = "Pat Investigator";
    s1.contributors = {"Lee Contributor"};
    s1.approver = "Kim Manager";
    s1.contractor_author = "Example Building Services";
    s1.acknowledged = d("2025-01-08");
    Extension ext;
    ext.working_days = 12;  // over the stage 1 limit of 10 (6.4), with a good reason below
    ext.reason = "Survey needed";
    ext.decided_on = d("2025-01-15");
    ext.resident_told = d("2025-01-16");
    ext.told_how = "phone then letter";
    ext.ombudsman_details_given = true;
    ext.resident_agreed = false;
    ext.beyond_limit = true;
    ext.good_reason = "Specialist survey";
    ext.set_at_acknowledgement = true;
    s1.extensions = {ext};
    s1.updates = UpdateInterval{5, d("2025-01-16")};
    Remedy r;
    r.type = RemedyType::Financial;
    r.description = "Payment for the loss of heating";
    r.amount = Money{12345};
    r.working = "8 days at 15.00";
    r.suggested = Money{12000};
    r.override_reason = "Extra time and trouble";
    r.parts = {Money{1}, Money{2}, Money{3}, Money{4}};
    r.approved_by = "Kim Manager";
    r.state = RemedyState::Completed;
    r.due = d("2025-02-01");
    r.completed = d("2025-01-30");
    r.offered_on = d("2025-01-20");
    r.answered_on = d("2025-01-22");
    s1.remedies = {r};
    s1.actions = {{"Replace extractor fan", "Repairs team", d("2025-02-10"), d("2025-02-07")}};
    s1.responded = d("2025-01-29");
    s1.response_summary = "Partly upheld";
    Stage s2;
    s2.number = 2;
    // Asked for after the 4-week window that followed the stage 1 response (ended 26 Feb), on discretion.
    s2.opened = d("2025-02-27");
    s2.escalation = Escalation{d("2025-02-27"), "Still damp", true, "Ill health delayed the request"};
    s2.investigator = "Chris Senior";
    c.stages = {s1, s2};
    c.closure = Closure{d("2025-03-01"), ClosureReason::Withdrawn, "Resident", "Moved away"};
    c.contacts = {{d("2025-01-07"), ContactMethod::Phone, ContactOutcome::NoAnswer, ContactPurpose::Clarification,
                   "No answer", false, "Pat Investigator"}};
    c.log = {{d("2025-01-08"), LogKind::LetterSent, "Pat Investigator", "Acknowledgement sent", "ack1",
              "Dear Alex Sample, ..."}};
    HazardRecord h;
    h.id = "hz-1";
    h.type_id = "damp_mould";
    h.emergency = true;
    h.location = "Back bedroom";
    h.observed = "Black mould on two walls";
    h.reported_by = "Pat Investigator";
    h.aware = *parse_iso_local("2025-01-06T10:30");
    h.vulnerable_occupants = "Child aged 2";
    h.made_safe = *parse_iso_local("2025-01-07T09:15");
    h.made_safe_by = "Example Building Services";
    h.investigated = d("2025-01-10");
    h.investigated_by = "Surveyor";
    h.significant_found = true;
    h.findings = "Failed extractor";
    h.summary_sent = d("2025-01-13");
    h.safety_work_done = d("2025-01-15");
    h.further_work_started = d("2025-01-17");
    h.further_work_done = d("2025-02-17");
    h.works_planned = "Insulation";
    h.accommodation = HazardRecord::Accommodation::Declined;
    h.closed = d("2025-02-18");
    c.hazards = {h};
    c.attachments = {{std::string(64, 'a'), "wall.jpg", "image/jpeg", 123456, std::string(64, 'b'), "Wall", d("2025-01-06"),
                      "hz-1"}};
    OmbudsmanCase om;
    om.referred = d("2025-03-10");
    om.reference = "HO-2025-1";
    om.determination = Determination::ServiceFailure;
    om.determined = d("2025-06-01");
    om.orders = {{"Pay 150.00", d("2025-07-01"), d("2025-06-20"), "Payment record"}};
    c.ombudsman = om;
    Survey sv;
    sv.stage = 1;
    sv.offered = true;
    sv.answered = true;
    sv.satisfied_handling = 4;
    sv.satisfied_outcome = 3;
    sv.felt_listened = 5;
    sv.on = d("2025-02-05");
    sv.answered_on = d("2025-02-12");
    c.surveys = {sv};
    c.learning = "Check fans at every damp visit";
    c.panel_review = PanelReview{"Damp came back after two visits; the fan was the cause.", "Check fans first",
                                 "Kim Manager", d("2025-04-02")};
    c.audit = {{"2025-01-06T10:30", "Pat Investigator", "opened"}};
    return c;
}

inline Settings full_settings() {
    Settings s;
    s.officer_name = "Pat Investigator";
    s.device_id = "tablet-7";
    s.landlord = {"Example Homes", "1 Sample Street, Sampletown", "01000 000001", "complaints@example.invalid",
                  "www.example.invalid", "Complaints Team", "Complaints Team, Example Homes", "www.example.invalid/complaints-policy"};
    s.policy.acknowledge_days = 4;
    s.policy.refusal_needs_approval = false;
    s.homes_owned = 12000;
    s.region = Region::Scotland;
    s.closure_days = {{d("2025-12-29"), "Office closed"}};
    s.ombudsman = {"Housing Ombudsman Service", "0300 111 3000", "www.housing-ombudsman.org.uk",
                   "www.housing-ombudsman.org.uk/form", "PO Box 1484, Unit D, Preston PR2 0ET",
                   "Checked on the Ombudsman's website, 2025-01-10"};
    s.building_safety_regulator = "Building Safety Regulator";
    s.categories = {{"repairs", "Repairs", {"Delay", "Quality"}, false}, {"damp_mould", "Damp and mould", {}, true}};
    s.compensation = {{"heat_hot_water", "Total loss of heating and hot water", Money{1500}, RatePer::Day},
                      {"lighting", "Loss of lighting only", Money{1000}, RatePer::Week}};
    s.discretionary_bands = "Minor: 50 to 100";
    s.refusal_grounds = {{"over_12_months", "Over 12 months", "2.3", ReviewBody::HousingOmbudsman, true},
                         {"allocations", "Allocations", "2.2", ReviewBody::LocalGovernmentOmbudsman, false}};
    s.staff = {{"s1", "Kim Manager", StaffRole::ComplaintsManager, "Complaints", "kim@example.invalid", "01000 000002",
                true, Money{50000}}};
    s.hazard_types = {{"damp_mould", "Damp and mould", 1, false, Date::from_ymd(2025, 10, 27), "phase 1"},
                      {"fire", "Fire", 2, true, std::nullopt, "phase 2, date not confirmed"}};
    s.hazard_timescales.investigate_working_days = 9;
    s.outcome_labels = {{"upheld", "Fully justified"}};
    s.letter_templates = {{"ack1", "Dear {{resident}},\n..."}};
    s.quality_sample_size = 7;
    s.survey_target_stage1_pct = 40;
    s.survey_target_stage2_pct = 90;
    s.retention_years = 7;
    s.theme = "dark";
    s.text_scale = 1.25f;
    s.last_exported = d("2025-03-30");
    return s;
}

// A dataset of these cases with full_settings().
inline Dataset with_cases(std::vector<Case> cases) {
    Dataset ds;
    ds.settings = full_settings();
    ds.cases = std::move(cases);
    return ds;
}

inline Dataset full_dataset() {
    Dataset ds;
    ds.settings = full_settings();
    Case linked = full_case("1b4e28ba-2fa1-4d2e-883f-0016d3cca427", "DS-2025-000002");
    linked.raised_from_case.clear();
    linked.linked_cases = {"0b4e28ba-2fa1-4d2e-883f-0016d3cca427"};
    ds.cases = {full_case(), linked};
    ds.learning = {{"l1", "Damp", "Check fans", "Add to checklist", "Repairs lead", d("2025-04-01"), d("2025-03-20"),
                    {"0b4e28ba-2fa1-4d2e-883f-0016d3cca427"}}};
    SelfAssessment a;
    a.id = "sa-2024";
    a.year = 2024;
    a.reason = "annual";
    a.answers = {{"1.2", Compliance::Partly, "Policy section 2", "Commentary",
                  {{"Update policy", "Head of service", ActionStatus::InProgress, d("2025-06-01"),
                    {{d("2025-02-01"), "Draft ready"}}}}}};
    a.lead_officer = {"Kim Manager", "Lead officer", d("2025-03-01"), "Signed"};
    a.member_responsible = {"Cllr Example", "Member Responsible for Complaints", d("2025-03-02"), "Signed"};
    SelfAssessment b = a;
    b.id = "sa-2025";
    b.year = 2025;
    b.copied_from = "sa-2024";
    ds.assessments = {a, b};
    QualityCheck q;
    q.id = "qc-1";
    q.month = "2025-03";
    q.seed = 18446744073709551615ull;
    q.case_id = "0b4e28ba-2fa1-4d2e-883f-0016d3cca427";
    q.checker = "Kim Manager";
    q.checked_on = d("2025-03-31");
    q.items = {{"Letters had every Code item", true, "All present", true}, {"Definition confirmed", std::nullopt, ""}};
    q.deep_dive_notes = "Complex case";
    ds.quality_checks = {q};
    ds.non_compliance = {{"nc-1", "System outage", d("2025-02-01"), d("2025-02-02"), d("2025-02-03"), d("2025-02-10")}};
    ds.erasures = {{"9b4e28ba-2fa1-4d2e-883f-0016d3cca499", "DS-2018-000007", "2025-03-30T16:20", "Kim Manager",
                    "Closed in 2018, past the retention period"}};
    return ds;
}

// full_case standing on its own: no revision yet and no links to cases the test does
// not have; without its attachments unless asked (a store would want their bytes).
inline Case standalone_case(const std::string& id, const std::string& reference, bool keep_attachments = false) {
    Case c = full_case(id, reference);
    c.rev.clear();
    c.rev_ids.clear();
    c.raised_from_case.clear();
    c.linked_cases.clear();
    if (!keep_attachments) c.attachments.clear();
    return c;
}

// That case as first saved on `device` (its first revision).
inline Case saved_case(const std::string& id, const std::string& reference, const std::string& device,
                       bool keep_attachments = false) {
    Case c = standalone_case(id, reference, keep_attachments);
    bump_revision(c, device);
    return c;
}

// The case with the resident's words changed on `device`: a new revision.
inline Case edited(Case c, const std::string& words, const std::string& device) {
    c.own_words = words;
    bump_revision(c, device);
    return c;
}

// A member of staff with a role (the rest left empty).
inline StaffMember staff_member(const char* id, const char* name, StaffRole role) {
    StaffMember m;
    m.id = id;
    m.name = name;
    m.role = role;
    return m;
}

// The defaults as a new device has them.
inline const Settings& code_defaults() {
    static const Settings s = default_settings();
    return s;
}

// The defaults with the sample organisation's invented landlord and staff (Jo Placeholder, Pat Demo...).
inline const Settings& sample_settings() {
    static const Settings s = [] {
        Settings x = default_settings();
        add_sample_organisation(x);
        return x;
    }();
    return s;
}

}  // namespace doorstep::fixtures
