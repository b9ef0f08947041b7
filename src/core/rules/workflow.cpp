// The Code's rules as checks that run before anything changes: each function
// validates first, then applies and appends one audit entry.
//
// Index of this file (each a "// ---" section below; search for its heading):
//   - Helpers
//   - Receiving
//   - Acknowledgement
//   - Extensions and updates
//   - Responses
//   - Escalation
//   - Handlers
//   - Refusals
//   - New issues and service requests
//   - Ending a case
//   - Remedies and actions
//   - Per-resident duties
//   - The record
#include "core/rules/workflow.h"

#include "core/model/audit.h"
#include "core/rules/deadlines.h"
#include "core/rules/derived_flags.h"

#include <algorithm>

namespace doorstep {

namespace {

std::string stage_field(const Case& c, int stage_no, const char* field) {
    const int i = stage_index(c, stage_no);
    return "stages[" + std::to_string(i < 0 ? 0 : i) + "]." + field;
}

const char* kind_words(CaseKind k) {
    switch (k) {
        case CaseKind::Complaint: return "complaint";
        case CaseKind::ServiceRequest: return "service request";
        case CaseKind::SurveyFeedback: return "survey feedback";
        case CaseKind::Compliment: return "compliment";
        case CaseKind::MemberEnquiry: return "councillor or MP enquiry";
    }
    return "record";
}

const char* closure_words(ClosureReason r) {
    switch (r) {
        case ClosureReason::Resolved: return "resolved";
        case ClosureReason::NotEscalated: return "not escalated";
        case ClosureReason::Withdrawn: return "withdrawn";
        case ClosureReason::Refused: return "refused";
        case ClosureReason::ServiceRequestDone: return "service request done";
        case ClosureReason::NoFurtherAction: return "no further action";
        case ClosureReason::JoinedToOther: return "joined to another case";
    }
    return "closed";
}

std::string when(Date d) { return short_date(d); }

// Common preconditions --------------------------------------------------------

std::optional<Error> must_be_open(const Case& c) {
    if (c.closure)
        return case_error(c, "closure", std::string("the case was closed (") + closure_words(c.closure->reason) + ") on " +
                                     when(c.closure->closed_on) + "; nothing more can be recorded on its stages");
    return std::nullopt;
}

std::optional<Error> must_be_open_complaint(const Case& c) {
    if (auto e = must_be_open(c)) return e;
    if (c.kind != CaseKind::Complaint)
        return case_error(c, "kind", std::string("this is a ") + kind_words(c.kind) +
                                  ", not a complaint: convert it to a complaint first (1.5)");
    if (c.refusal)
        return case_error(c, "refusal", "the complaint was refused on " + when(c.refusal->decided_on) +
                                     " (ground '" + c.refusal->ground_id + "'); its stages cannot move on");
    return std::nullopt;
}

// The stage, or an Error naming it. Only stages 1 and 2 are worked on (5.3);
// a 2022-Code stage 3 can still be worked on when imported.
Result<int> find_stage(const Case& c, int stage_no) {
    if (stage_no < 1 || stage_no > 3)
        return case_error(c, "stages", "there is no stage " + std::to_string(stage_no) + ": the Code has two stages (5.3)");
    const int i = stage_index(c, stage_no);
    if (i < 0) {
        if (stage_no == 2)
            return case_error(c, "stages", "there is no stage 2 yet: record the resident's escalation request first (6.11)");
        return case_error(c, "stages", "there is no stage " + std::to_string(stage_no) + " on this case");
    }
    return i;
}

// Extension checks shared by extend() and acknowledge(): returns the checked extension.
Result<Extension> check_extension(const Case& c, const Stage& s, Extension ext, const Settings& settings) {
    const std::string f = "stages[" + std::to_string(stage_index(c, s.number)) + "].extensions";
    if (ext.working_days <= 0)
        return case_error(c, f + ".working_days", "give the extension as a number of working days, at least 1");
    if (ext.working_days > 60)
        return case_error(c, f + ".working_days", "an extension of " + std::to_string(ext.working_days) +
                                               " working days is not credible; record at most 60 at a time");
    if (is_blank(ext.reason))
        return case_error(c, f + ".reason", "say why more time is needed: the resident is told the reason (" +
                                         std::string(s.number == 1 ? "6.4" : "6.15") + ")");
    const int limit = extension_limit(c, s, settings);
    int total = ext.working_days;
    for (const Extension& e : s.extensions) total += std::max(0, e.working_days);
    ext.beyond_limit = total > limit;
    if (ext.beyond_limit && is_blank(ext.good_reason))
        return case_error(c, f + ".good_reason",
                   "extensions would total " + std::to_string(total) + " working days, over the limit of " +
                       std::to_string(limit) + " (" + (s.number == 1 ? "6.4" : "6.15") +
                       "): record the good reason for going beyond it");
    return ext;
}

}  // namespace

// ---------------------------------------------------------------------------
// Helpers

int stage_index(const Case& c, int stage_no) {
    for (size_t i = 0; i < c.stages.size(); ++i)
        if (c.stages[i].number == stage_no) return static_cast<int>(i);
    return -1;
}

const Stage* current_stage(const Case& c) { return c.stages.empty() ? nullptr : &c.stages.back(); }

bool is_open(const Case& c) { return !c.closure.has_value(); }

const RefusalGround* find_ground(const Settings& settings, const std::string& id) {
    for (const RefusalGround& g : settings.refusal_grounds)
        if (g.id == id) return &g;
    return nullptr;
}

const StaffMember* find_staff(const Settings& settings, const std::string& name_or_id) {
    for (const StaffMember& m : settings.staff)
        if (m.id == name_or_id || same_person(m.name, name_or_id)) return &m;
    return nullptr;
}

// ---------------------------------------------------------------------------
// Receiving

Problems new_case_problems(const NewCase& d, const Settings& settings) {
    Case c;
    c.reference = case_reference(d.received.year(), d.device_code, d.counter);
    Problems out;
    if (is_blank(d.id)) out.push_back(case_error(c, "id", "the record needs an id (a UUID) before it can be saved"));
    if (is_blank(d.resident.name) && !(d.resident.group_of_residents && !is_blank(d.resident.group_description)))
        out.push_back(case_error(c, "resident.name", "give the resident's name, or describe the group of residents affected (1.2)"));
    if (is_blank(d.own_words))
        out.push_back(case_error(c, "own_words", "write down what the resident said, in their own words"));
    if (d.logged && *d.logged < d.received)
        out.push_back(case_error(c, "logged", "logged on " + when(*d.logged) + ", before it was received on " + when(d.received)));
    if (!d.category_id.empty() &&
        std::none_of(settings.categories.begin(), settings.categories.end(),
                     [&](const Category& k) { return k.id == d.category_id; }))
        out.push_back(case_error(c, "category_id", "unknown category '" + d.category_id + "': choose one from Settings → Categories"));
    if (d.complexity < 1 || d.complexity > 3)
        out.push_back(case_error(c, "complexity", "complexity is 1 (low), 2 or 3 (high), not " + std::to_string(d.complexity)));
    const Representative& r = d.representative;
    if (r.kind != RepresentativeKind::None) {
        if (is_blank(r.name)) out.push_back(case_error(c, "representative.name", "name the representative"));
        const bool implied = r.kind == RepresentativeKind::Councillor || r.kind == RepresentativeKind::MP;
        if (!implied && !r.consent_given)  // 3.6
            out.push_back(case_error(c, "representative.consent_given",
                                     "record the resident's consent for " + (is_blank(r.name) ? std::string("the representative") : r.name) +
                                         " to act for them (3.6)"));
    }
    return out;
}

Result<Case> new_case(const NewCase& d, const Settings& settings, const Actor& actor) {
    if (Problems p = new_case_problems(d, settings); !p.empty()) return p.front();
    Case c;
    c.reference = case_reference(d.received.year(), d.device_code, d.counter);
    c.id = d.id;
    c.code = CodeVersion::Code2024;
    c.kind = d.kind;
    c.channel = d.channel;
    c.received = d.received;
    c.logged = d.logged.value_or(d.received);
    c.resident = d.resident;
    c.representative = d.representative;
    c.own_words = d.own_words;
    c.outcome_wanted = d.outcome_wanted;
    c.category_id = d.category_id;
    c.subcategory = d.subcategory;
    c.property = d.property;
    c.contractor = d.contractor;
    c.high_rise_building_safety = d.high_rise_building_safety;
    c.complexity = d.complexity;
    c.vulnerability = d.vulnerability;
    c.staff_safety_warning = d.staff_safety_warning;
    if (d.kind == CaseKind::Complaint) {
        Stage s;
        s.number = 1;
        s.opened = d.received;
        c.stages.push_back(std::move(s));
    }
    append_audit(c, actor, std::string("Logged ") + kind_words(d.kind) + " received " + when(d.received));
    return c;
}

// ---------------------------------------------------------------------------
// Acknowledgement

std::optional<Error> handler_problem(const Case& c, int stage_no, const std::string& person, bool as_approver) {
    if (is_blank(person)) return std::nullopt;
    const std::string field = stage_field(c, stage_no, as_approver ? "approver" : "investigator");
    for (const ConflictOfInterest& k : c.conflicts_of_interest)
        if (same_person(k.person, person))
            return case_error(c, field, person + " declared a conflict of interest on " + when(k.declared_on) +
                                     " (5.8c): choose someone else");
    if (stage_no >= 2) {
        // 6.13 applies to investigator and signatory alike.
        for (const Stage& earlier : c.stages) {
            if (earlier.number >= stage_no) continue;
            const char* role = same_person(earlier.investigator, person) ? "investigator"
                               : same_person(earlier.approver, person)   ? "approver"
                                                                         : nullptr;
            if (role)
                return case_error(c, field, person + " was the stage " + std::to_string(earlier.number) + " " + role +
                                         ": stage " + std::to_string(stage_no) +
                                         " needs someone who did not handle or sign the earlier stage (6.13)");
        }
    }
    return std::nullopt;
}

Status acknowledge(Case& c, int stage_no, Date on, const AcknowledgementDetails& d, const Settings& settings,
                   const Actor& actor) {
    if (auto e = must_be_open_complaint(c)) return *e;
    auto found = find_stage(c, stage_no);
    if (!found) return found.error();
    const int i = *found;
    const Stage& s = c.stages[i];
    const std::string f = "stages[" + std::to_string(i) + "].";
    if (s.acknowledged)
        return case_error(c, f + "acknowledged", "stage " + std::to_string(stage_no) + " was already acknowledged on " +
                                              when(*s.acknowledged));
    if (on < s.opened)
        return case_error(c, f + "acknowledged", "acknowledged " + when(on) + ", before the stage opened on " + when(s.opened));
    if (is_blank(d.definition))
        return case_error(c, f + "definition", "write the complaint definition: your understanding of the complaint (5.6)");
    if (d.points.empty())
        return case_error(c, f + "points", "list at least one point of the complaint to investigate and answer (5.6, 6.7)");
    for (size_t j = 0; j < d.points.size(); ++j)
        if (is_blank(d.points[j].text))
            return case_error(c, f + "points[" + std::to_string(j) + "].text", "point " + std::to_string(j + 1) + " is empty");
    for (size_t j = 0; j < d.aspects.size(); ++j)
        if (!d.aspects[j].in_scope && is_blank(d.aspects[j].reason_excluded))
            return case_error(c, f + "aspects[" + std::to_string(j) + "].reason_excluded",
                       "say why '" + d.aspects[j].text + "' is not being investigated (5.7)");
    if (is_blank(d.outcome_sought))
        return case_error(c, f + "outcome_sought", "record the outcome the resident wants; ask them if it is unclear (5.6)");
    if (is_blank(d.investigator))
        return case_error(c, f + "investigator", "name who will investigate stage " + std::to_string(stage_no));
    if (auto e = handler_problem(c, stage_no, d.investigator, false)) return *e;
    if (auto e = handler_problem(c, stage_no, d.approver, true)) return *e;
    std::optional<Extension> ext;
    if (d.extension) {
        Extension x = *d.extension;
        x.decided_on = on;
        x.set_at_acknowledgement = true;
        auto checked = check_extension(c, s, std::move(x), settings);
        if (!checked) return checked.error();
        ext = std::move(*checked);
    }

    Stage& w = c.stages[i];
    w.acknowledged = on;
    w.definition = d.definition;
    w.points = d.points;
    w.aspects = d.aspects;
    w.outcome_sought = d.outcome_sought;
    w.investigator = d.investigator;
    if (!is_blank(d.approver)) w.approver = d.approver;
    w.definition_confirmed = w.definition_confirmed || d.definition_confirmed;
    std::string what = "Acknowledged stage " + std::to_string(stage_no) + " on " + when(on) + "; investigator " +
                       d.investigator + "; " + std::to_string(d.points.size()) + " point(s)";
    if (ext) {
        what += "; extended by " + std::to_string(ext->working_days) + " working days at acknowledgement";
        w.extensions.push_back(std::move(*ext));
    }
    append_audit(c, actor, std::move(what));
    return {};
}

Status decide_point(Case& c, int stage_no, int point_index, Decision decision, std::string reasons,
                    const Actor& actor) {
    if (auto e = must_be_open_complaint(c)) return *e;
    auto found = find_stage(c, stage_no);
    if (!found) return found.error();
    const Stage& s = c.stages[*found];
    const std::string f = "stages[" + std::to_string(*found) + "].points";
    if (s.responded)
        return case_error(c, f, "stage " + std::to_string(stage_no) + " was answered on " + when(*s.responded) +
                             "; its decisions stand as sent");
    if (point_index < 0 || point_index >= static_cast<int>(s.points.size()))
        return case_error(c, f, "there is no point " + std::to_string(point_index + 1));
    if (decision != Decision::Undecided && is_blank(reasons))
        return case_error(c, f + "[" + std::to_string(point_index) + "].reasons",
                   "give the reasons for the decision, citing policy, law or good practice (" +
                       std::string(stage_no == 1 ? "6.7" : "6.18") + ")");
    DefinitionPoint& p = c.stages[*found].points[point_index];
    p.decision = decision;
    p.reasons = std::move(reasons);
    append_audit(c, actor, "Decided point " + std::to_string(point_index + 1) + " of stage " + std::to_string(stage_no));
    return {};
}

// ---------------------------------------------------------------------------
// Extensions and updates

Status extend(Case& c, int stage_no, Extension ext, const Settings& settings, const Actor& actor) {
    if (auto e = must_be_open_complaint(c)) return *e;
    auto found = find_stage(c, stage_no);
    if (!found) return found.error();
    const Stage& s = c.stages[*found];
    const std::string f = "stages[" + std::to_string(*found) + "].";
    if (!s.acknowledged)
        return case_error(c, f + "acknowledged", "acknowledge stage " + std::to_string(stage_no) +
                                              " first; an extension can also be set at the acknowledgement");
    if (s.responded)
        return case_error(c, f + "responded", "stage " + std::to_string(stage_no) + " was answered on " + when(*s.responded) +
                                           "; there is nothing to extend");
    if (ext.decided_on < *s.acknowledged)
        return case_error(c, f + "extensions.decided_on", "decided " + when(ext.decided_on) + ", before the acknowledgement on " +
                                                       when(*s.acknowledged));
    ext.set_at_acknowledgement = false;
    auto checked = check_extension(c, s, std::move(ext), settings);
    if (!checked) return checked.error();

    Stage& w = c.stages[*found];
    w.extensions.push_back(std::move(*checked));
    const Calendar cal = settings.calendar();
    append_audit(c, actor, "Extended stage " + std::to_string(stage_no) + " by " + std::to_string(w.extensions.back().working_days) +
                        " working days: " + w.extensions.back().reason + "; response now due " +
                        when(response_due(c, w, settings, cal)));
    return {};
}

Status record_extension_notice(Case& c, int stage_no, int index, Date told_on, std::string told_how,
                               bool ombudsman_details_given, std::optional<bool> resident_agreed, const Actor& actor) {
    if (auto e = must_be_open_complaint(c)) return *e;
    auto found = find_stage(c, stage_no);
    if (!found) return found.error();
    const Stage& s = c.stages[*found];
    const std::string f = "stages[" + std::to_string(*found) + "].extensions[" + std::to_string(index) + "]";
    if (index < 0 || index >= static_cast<int>(s.extensions.size()))
        return case_error(c, f, "there is no extension " + std::to_string(index + 1) + " on stage " + std::to_string(stage_no));
    const Extension& x = s.extensions[index];
    if (x.resident_told)
        return case_error(c, f + ".resident_told", "the resident was already told on " + when(*x.resident_told));
    if (told_on < x.decided_on)
        return case_error(c, f + ".resident_told", "told " + when(told_on) + ", before the extension was decided on " +
                                                when(x.decided_on));
    if (!ombudsman_details_given)  // 6.5, 6.16
        return case_error(c, f + ".ombudsman_details_given",
                   "give the resident the Housing Ombudsman's contact details with the extension (" +
                       std::string(stage_no == 1 ? "6.5" : "6.16") + ")");
    Extension& w = c.stages[*found].extensions[index];
    w.resident_told = told_on;
    w.told_how = std::move(told_how);
    w.ombudsman_details_given = true;
    w.resident_agreed = resident_agreed;
    std::string what = "Resident told of stage " + std::to_string(stage_no) + " extension on " + when(told_on);
    if (resident_agreed) what += *resident_agreed ? "; agreed" : "; did not agree";
    append_audit(c, actor, std::move(what));
    return {};
}

Status agree_update_interval(Case& c, int stage_no, Date on, int every_working_days, const Actor& actor) {
    if (auto e = must_be_open_complaint(c)) return *e;
    auto found = find_stage(c, stage_no);
    if (!found) return found.error();
    const Stage& s = c.stages[*found];
    const std::string f = "stages[" + std::to_string(*found) + "].updates";
    if (s.responded) return case_error(c, f, "stage " + std::to_string(stage_no) + " has been answered; no updates are due");
    if (every_working_days < 1 || every_working_days > 60)
        return case_error(c, f + ".every_working_days", "agree an interval between 1 and 60 working days (5.9)");
    if (on < s.opened)
        return case_error(c, f + ".agreed_on", "agreed " + when(on) + ", before the stage opened on " + when(s.opened));
    c.stages[*found].updates = UpdateInterval{every_working_days, on};
    append_audit(c, actor, "Agreed updates every " + std::to_string(every_working_days) + " working days from " + when(on) +
                        " (stage " + std::to_string(stage_no) + ")");
    return {};
}

// ---------------------------------------------------------------------------
// Responses

Status record_response(Case& c, int stage_no, Date on, const ResponseDetails& d, const Settings& settings,
                       const Actor& actor) {
    if (auto e = must_be_open_complaint(c)) return *e;
    auto found = find_stage(c, stage_no);
    if (!found) return found.error();
    const Stage& s = c.stages[*found];
    const std::string f = "stages[" + std::to_string(*found) + "].";
    if (s.responded)
        return case_error(c, f + "responded", "stage " + std::to_string(stage_no) + " was already answered on " + when(*s.responded));
    if (!s.acknowledged && s.number < 3)
        return case_error(c, f + "acknowledged", "acknowledge and define stage " + std::to_string(stage_no) +
                                              " before responding (" + (stage_no == 1 ? "6.2" : "6.11") + ")");
    if (s.acknowledged && on < *s.acknowledged)
        return case_error(c, f + "responded", "responded " + when(on) + ", before the acknowledgement on " + when(*s.acknowledged));
    const char* every_point = stage_no == 1 ? "6.7" : "6.18";
    if (s.points.empty())
        return case_error(c, f + "points", std::string("the definition has no points to answer (") + every_point + ")");
    for (size_t j = 0; j < s.points.size(); ++j) {
        const DefinitionPoint& p = s.points[j];
        const std::string pf = f + "points[" + std::to_string(j) + "]";
        if (p.decision == Decision::Undecided)
            return case_error(c, pf + ".decision", "point " + std::to_string(j + 1) + " ('" + p.text +
                                                "') has no decision: every point must be answered (" + every_point + ")");
        if (is_blank(p.reasons))
            return case_error(c, pf + ".reasons", "point " + std::to_string(j + 1) + " ('" + p.text +
                                               "') has no reasons: cite policy, law or good practice (" + every_point + ")");
    }
    const std::string approver = is_blank(d.approver) ? s.approver : d.approver;
    if (auto e = handler_problem(c, stage_no, approver, true)) return *e;
    if (stage_no >= 2) {
        if (!is_blank(d.contractor_author))  // 6.20: the landlord's final response
            return case_error(c, f + "contractor_author",
                       "a contractor may draft a stage 1 response only: the landlord gives the final response (6.20)");
        if (const StaffMember* m = find_staff(settings, approver); m && !m->may_sign_stage2)
            return case_error(c, f + "approver", m->name + " may not sign stage 2 responses (Settings → Staff)");
    }

    Stage& w = c.stages[*found];
    w.responded = on;
    w.response_summary = d.summary;
    w.approver = approver;
    w.contractor_author = d.contractor_author;
    append_audit(c, actor, "Stage " + std::to_string(stage_no) + " response sent " + when(on) +
                        (approver.empty() ? std::string() : "; signed by " + approver));
    return {};
}

// ---------------------------------------------------------------------------
// Escalation

Status request_escalation(Case& c, const EscalationRequest& r, const Settings& settings, const Actor& actor) {
    if (c.kind != CaseKind::Complaint)
        return case_error(c, "kind", std::string("this is a ") + kind_words(c.kind) + ", not a complaint; nothing to escalate");
    if (c.refusal)
        return case_error(c, "refusal", "the complaint was refused on " + when(c.refusal->decided_on) +
                                     "; the resident may take that decision to the Ombudsman (2.4, 5.11)");
    const int s1 = stage_index(c, 1);
    if (s1 < 0 || !c.stages[s1].responded)
        return case_error(c, "stages[0].responded", "stage 1 has not been answered yet: escalation follows a stage 1 response (6.10)");
    if (stage_index(c, 2) >= 0)
        return case_error(c, "stages", "the complaint is already at stage 2, the landlord's final stage: there are only two stages (5.3)");
    if (c.closure && c.closure->reason != ClosureReason::Resolved && c.closure->reason != ClosureReason::NotEscalated)
        return case_error(c, "closure", std::string("the case was closed (") + closure_words(c.closure->reason) + ") on " +
                                     when(c.closure->closed_on) + "; it cannot be escalated");
    if (!r.from_resident)
        return case_error(c, "stages[1].escalation", "stage 2 starts only at the resident's request (6.10, 6.12)");
    const Date responded = *c.stages[s1].responded;
    if (r.on < responded)
        return case_error(c, "stages[1].escalation.requested", "requested " + when(r.on) + ", before the stage 1 response on " +
                                                            when(responded));
    const Date end = escalation_window_end(responded, settings);
    const bool late = r.on > end;
    if (late && is_blank(r.discretion_decision))
        return case_error(c, "stages[1].escalation.discretion_decision",
                   "asked " + when(r.on) + ", after the escalation window closed on " + when(end) +
                       ": record the discretion decision (health, safeguarding or safety reasons) to accept it");

    const bool reopened = c.closure.has_value();
    Stage s2;
    s2.number = 2;
    s2.opened = r.on;
    s2.escalation = Escalation{r.on, r.resident_reason, late, late ? r.discretion_decision : std::string()};
    c.stages.push_back(std::move(s2));
    c.closure.reset();
    std::string what = "Escalation to stage 2 requested " + when(r.on);
    if (late) what += ", after the window (ended " + when(end) + "); accepted on discretion: " + r.discretion_decision;
    if (reopened) what += "; case reopened";
    append_audit(c, actor, std::move(what));
    return {};
}

// ---------------------------------------------------------------------------
// Handlers

Status assign_handler(Case& c, int stage_no, std::string person, const Actor& actor) {
    if (auto e = must_be_open_complaint(c)) return *e;
    auto found = find_stage(c, stage_no);
    if (!found) return found.error();
    const std::string f = stage_field(c, stage_no, "investigator");
    if (is_blank(person)) return case_error(c, f, "name the investigator");
    if (c.stages[*found].responded)
        return case_error(c, f, "stage " + std::to_string(stage_no) + " has been answered; its investigator stays on the record");
    if (auto e = handler_problem(c, stage_no, person, false)) return *e;
    Stage& w = c.stages[*found];
    std::string what = "Stage " + std::to_string(stage_no) + " investigator: " +
                       (w.investigator.empty() ? std::string("(none)") : w.investigator) + " → " + person;
    w.investigator = std::move(person);
    append_audit(c, actor, std::move(what));
    return {};
}

Status assign_approver(Case& c, int stage_no, std::string person, const Settings& settings, const Actor& actor) {
    if (auto e = must_be_open_complaint(c)) return *e;
    auto found = find_stage(c, stage_no);
    if (!found) return found.error();
    const std::string f = stage_field(c, stage_no, "approver");
    if (is_blank(person)) return case_error(c, f, "name who approves and signs the response");
    if (c.stages[*found].responded)
        return case_error(c, f, "stage " + std::to_string(stage_no) + " has been answered; its signatory stays on the record");
    if (auto e = handler_problem(c, stage_no, person, true)) return *e;
    if (stage_no >= 2)
        if (const StaffMember* m = find_staff(settings, person); m && !m->may_sign_stage2)
            return case_error(c, f, m->name + " may not sign stage 2 responses (Settings → Staff)");
    Stage& w = c.stages[*found];
    std::string what = "Stage " + std::to_string(stage_no) + " approver: " +
                       (w.approver.empty() ? std::string("(none)") : w.approver) + " → " + person;
    w.approver = std::move(person);
    append_audit(c, actor, std::move(what));
    return {};
}

Status add_contributor(Case& c, int stage_no, std::string person, const Actor& actor) {
    if (auto e = must_be_open_complaint(c)) return *e;
    auto found = find_stage(c, stage_no);
    if (!found) return found.error();
    const std::string f = stage_field(c, stage_no, "contributors");
    if (is_blank(person)) return case_error(c, f, "name the contributor");
    for (const ConflictOfInterest& k : c.conflicts_of_interest)
        if (same_person(k.person, person))
            return case_error(c, f, person + " declared a conflict of interest on " + when(k.declared_on) + " (5.8c)");
    for (const std::string& p : c.stages[*found].contributors)
        if (same_person(p, person)) return case_error(c, f, person + " already contributes to stage " + std::to_string(stage_no));
    append_audit(c, actor, "Stage " + std::to_string(stage_no) + " contributor added: " + person);
    c.stages[*found].contributors.push_back(std::move(person));
    return {};
}

Status declare_conflict_of_interest(Case& c, ConflictOfInterest conflict, const Actor& actor) {
    if (is_blank(conflict.person)) return case_error(c, "conflicts_of_interest.person", "name the person with the conflict");
    if (is_blank(conflict.details))
        return case_error(c, "conflicts_of_interest.details", "describe the conflict of interest (5.8c)");
    for (const ConflictOfInterest& k : c.conflicts_of_interest)
        if (same_person(k.person, conflict.person))
            return case_error(c, "conflicts_of_interest", conflict.person + " already declared a conflict on " + when(k.declared_on));
    append_audit(c, actor, "Conflict of interest declared by " + conflict.person + " on " + when(conflict.declared_on));
    c.conflicts_of_interest.push_back(std::move(conflict));
    return {};
}

// ---------------------------------------------------------------------------
// Refusals

namespace {

std::optional<Error> check_refusal(const Case& c, const RefusalDecision& d, const Settings& settings, bool at_escalation) {
    const RefusalGround* g = find_ground(settings, d.ground_id);
    if (!g)
        return case_error(c, "refusal.ground_id", "unknown refusal ground '" + d.ground_id +
                                               "': choose one from Settings → Refusal grounds");
    if (at_escalation && g->provision.rfind("2.", 0) != 0)  // 5.11
        return case_error(c, "refusal.ground_id", "refusing to escalate needs a ground under section 2 of the Code (5.11); '" +
                                               g->label + "' is not one");
    if (is_blank(d.reasoning))
        return case_error(c, "refusal.reasoning",
                   "explain why this complaint, in its own circumstances, is not accepted (2.1, 2.5)");
    if (g->needs_discretion && (!d.discretion_considered || is_blank(d.discretion_decision)))
        return case_error(c, "refusal.discretion_decision",
                   "on the 12-month ground, record whether discretion was applied and why (2.3)");
    if (settings.policy.refusal_needs_approval) {
        if (is_blank(d.approved_by))
            return case_error(c, "refusal.approved_by", "a refusal needs the complaints manager's approval under your policy");
        if (const StaffMember* m = find_staff(settings, d.approved_by);
            m && m->role != StaffRole::ComplaintsManager && m->role != StaffRole::SeniorManager)
            return case_error(c, "refusal.approved_by", m->name + " is not a complaints manager or senior manager");
    }
    return std::nullopt;
}

void apply_refusal(Case& c, const RefusalDecision& d, bool at_escalation) {
    Refusal r;
    r.ground_id = d.ground_id;
    r.reasoning = d.reasoning;
    r.circumstances_considered = d.circumstances_considered;
    r.discretion_considered = d.discretion_considered;
    r.discretion_decision = d.discretion_decision;
    r.decided_on = d.decided_on;
    r.approved_by = d.approved_by;
    r.at_escalation = at_escalation;
    c.refusal = std::move(r);
}

}  // namespace

Status refuse(Case& c, const RefusalDecision& d, const Settings& settings, const Actor& actor) {
    if (auto e = must_be_open_complaint(c)) return *e;
    if (stage_index(c, 2) >= 0)
        return case_error(c, "refusal", "the complaint is at stage 2: use a refusal to escalate instead (5.11)");
    const int s1 = stage_index(c, 1);
    if (s1 >= 0 && c.stages[s1].responded)
        return case_error(c, "refusal", "stage 1 was answered on " + when(*c.stages[s1].responded) +
                                     ": the complaint was accepted and cannot now be refused");
    if (d.decided_on < c.received)
        return case_error(c, "refusal.decided_on", "decided " + when(d.decided_on) + ", before the complaint was received");
    if (auto e = check_refusal(c, d, settings, false)) return *e;
    apply_refusal(c, d, false);
    append_audit(c, actor, "Refused on ground '" + d.ground_id + "' on " + when(d.decided_on) +
                        (d.approved_by.empty() ? std::string() : "; approved by " + d.approved_by));
    return {};
}

Status refuse_escalation(Case& c, const RefusalDecision& d, const Settings& settings, const Actor& actor) {
    if (auto e = must_be_open_complaint(c)) return *e;
    const int s2 = stage_index(c, 2);
    if (s2 < 0) return case_error(c, "stages", "there is no escalation request to refuse");
    const Stage& s = c.stages[s2];
    if (s.acknowledged)
        return case_error(c, "stages[" + std::to_string(s2) + "].acknowledged",
                   "stage 2 was accepted and acknowledged on " + when(*s.acknowledged) + "; it must be answered");
    if (d.decided_on < s.opened)
        return case_error(c, "refusal.decided_on", "decided " + when(d.decided_on) + ", before the escalation request on " +
                                                when(s.opened));
    if (auto e = check_refusal(c, d, settings, true)) return *e;
    apply_refusal(c, d, true);
    append_audit(c, actor, "Refused to escalate on ground '" + d.ground_id + "' on " + when(d.decided_on) + " (5.11)");
    return {};
}

Status record_refusal_explained(Case& c, Date on, const Actor& actor) {
    if (auto e = must_be_open(c)) return *e;
    if (!c.refusal) return case_error(c, "refusal", "the complaint has not been refused");
    if (c.refusal->explained_on)
        return case_error(c, "refusal.explained_on", "the refusal was already explained on " + when(*c.refusal->explained_on));
    if (on < c.refusal->decided_on)
        return case_error(c, "refusal.explained_on", "explained " + when(on) + ", before the decision on " +
                                                  when(c.refusal->decided_on));
    c.refusal->explained_on = on;
    c.closure = Closure{on, ClosureReason::Refused, "", "Refusal explained in writing with the right to go to the Ombudsman (2.4)"};
    append_audit(c, actor, "Refusal explained in writing " + when(on) + "; case closed");
    return {};
}

// ---------------------------------------------------------------------------
// New issues and service requests

Result<std::optional<Case>> raise_related_issue(Case& c, const RelatedIssue& issue, const Settings& settings,
                                                const Actor& actor) {
    if (auto e = must_be_open_complaint(c)) return *e;
    if (is_blank(issue.description)) return case_error(c, "stages[0].points", "describe the new issue");
    const int s1 = stage_index(c, 1);
    const bool stage1_open = s1 >= 0 && !c.stages[s1].responded && stage_index(c, 2) < 0;
    if (stage1_open && issue.related && !issue.would_unreasonably_delay) {  // 6.8: joins stage 1
        c.stages[s1].points.push_back(DefinitionPoint{issue.description, Decision::Undecided, ""});
        append_audit(c, actor, "New related issue joined stage 1 on " + when(issue.on) + " (6.8): " + issue.description);
        return std::optional<Case>{};
    }
    if (stage1_open && issue.related && is_blank(issue.delay_reason))
        return case_error(c, "linked_cases", "say why adding this issue would unreasonably delay the stage 1 response (6.8)");

    // 6.8: logged as a new complaint, linked both ways.
    NewCase d;
    d.id = issue.new_id;
    d.counter = issue.new_counter;
    d.device_code = issue.new_device_code;
    d.kind = CaseKind::Complaint;
    d.channel = c.channel;
    d.received = issue.on;
    d.resident = c.resident;
    d.representative = c.representative;
    d.own_words = issue.description;
    d.category_id = c.category_id;
    d.property = c.property;
    d.high_rise_building_safety = c.high_rise_building_safety;
    d.complexity = c.complexity;
    d.vulnerability = c.vulnerability;
    d.staff_safety_warning = c.staff_safety_warning;
    if (issue.on < c.received)
        return case_error(c, "linked_cases", "the new issue is dated " + when(issue.on) + ", before this case was received");
    auto made = new_case(d, settings, actor);
    if (!made) return made.error();
    Case& n = *made;
    if (n.reference == c.reference || n.id == c.id)
        return case_error(c, "linked_cases", "the new complaint needs its own id and reference");
    n.adjustments = c.adjustments;
    n.restrictions = c.restrictions;
    n.linked_cases.push_back(c.id);
    const char* why = !issue.related          ? "unrelated to the issues under investigation"
                      : !stage1_open          ? "raised after the stage 1 response"
                                              : "would unreasonably delay the stage 1 response";
    std::string reason = why;
    if (stage1_open && issue.related) reason += ": " + issue.delay_reason;
    append_audit(n, actor, "Raised during " + c.reference + " and logged separately (6.8): " + reason);
    c.linked_cases.push_back(n.id);
    append_audit(c, actor, "New issue logged as " + n.reference + " (6.8): " + reason);
    return std::optional<Case>{std::move(n)};
}

Result<Case> convert_service_request_to_complaint(Case& request, NewCase d, const Settings& settings, const Actor& actor) {
    if (request.kind != CaseKind::ServiceRequest && request.kind != CaseKind::MemberEnquiry)
        return case_error(request, "kind", std::string("only a service request or an enquiry becomes a complaint; this is a ") +
                                        kind_words(request.kind));
    if (d.received < request.received)
        return case_error(request, "linked_cases", "the complaint is dated " + when(d.received) + ", before the request was received");
    d.kind = CaseKind::Complaint;
    if (is_blank(d.resident.name) && !d.resident.group_of_residents) d.resident = request.resident;
    if (d.representative.kind == RepresentativeKind::None) d.representative = request.representative;
    if (d.property.empty()) d.property = request.property;
    if (d.category_id.empty()) d.category_id = request.category_id;
    if (d.contractor.empty()) d.contractor = request.contractor;
    auto made = new_case(d, settings, actor);
    if (!made) return made.error();
    Case& n = *made;
    if (n.id == request.id) return case_error(request, "linked_cases", "the complaint needs its own id");
    n.raised_from_case = request.id;
    n.adjustments = request.adjustments;
    n.restrictions = request.restrictions;
    n.linked_cases.push_back(request.id);
    append_audit(n, actor, "Raised from " + std::string(kind_words(request.kind)) + " " + request.reference +
                        ", which stays open (1.5)");
    request.linked_cases.push_back(n.id);
    append_audit(request, actor, "Complaint " + n.reference + " raised about its handling; work on it continues (1.5)");
    return std::move(n);
}

// ---------------------------------------------------------------------------
// Ending a case

Status withdraw(Case& c, Date on, std::string withdrawn_by, std::string notes, const Actor& actor) {
    if (auto e = must_be_open(c)) return *e;
    if (is_blank(withdrawn_by)) return case_error(c, "closure.withdrawn_by", "record who withdrew it: the resident or their representative");
    if (on < c.received) return case_error(c, "closure.closed_on", "withdrawn " + when(on) + ", before it was received");
    c.closure = Closure{on, ClosureReason::Withdrawn, withdrawn_by, std::move(notes)};
    append_audit(c, actor, "Withdrawn by " + withdrawn_by + " on " + when(on));
    return {};
}

Status close(Case& c, Date on, ClosureReason reason, std::string notes, const Settings& settings, const Actor& actor) {
    if (auto e = must_be_open(c)) return *e;
    if (on < c.received) return case_error(c, "closure.closed_on", "closed " + when(on) + ", before it was received");
    switch (reason) {
        case ClosureReason::Withdrawn:
            return case_error(c, "closure.reason", "record a withdrawal with who withdrew it");
        case ClosureReason::Refused:
            return case_error(c, "closure.reason", "a refused complaint closes when the refusal is explained in writing (2.4)");
        case ClosureReason::ServiceRequestDone:
            if (c.kind != CaseKind::ServiceRequest)
                return case_error(c, "closure.reason", std::string("this is a ") + kind_words(c.kind) + ", not a service request");
            break;
        case ClosureReason::NoFurtherAction:
            if (c.kind == CaseKind::Complaint || c.kind == CaseKind::ServiceRequest)
                return case_error(c, "closure.reason", std::string("a ") + kind_words(c.kind) +
                                                    " closes when it is answered or done, not with no further action");
            break;
        case ClosureReason::JoinedToOther:
            if (is_blank(notes)) return case_error(c, "closure.notes", "name the case it was joined to");
            break;
        case ClosureReason::NotEscalated:
        case ClosureReason::Resolved: {
            if (c.kind != CaseKind::Complaint)
                return case_error(c, "closure.reason", std::string("this is a ") + kind_words(c.kind) + ", not a complaint");
            if (c.refusal) return case_error(c, "refusal", "explain the refusal in writing; that closes the case (2.4)");
            const Stage* s = current_stage(c);
            if (!s || !s->responded)
                return case_error(c, "closure.reason", "the stage " + std::to_string(s ? s->number : 1) +
                                                    " response has not been sent: respond before closing");
            if (reason == ClosureReason::NotEscalated) {
                if (s->number != 1) return case_error(c, "closure.reason", "only a stage 1 case can close as not escalated");
                const Date end = escalation_window_end(*s->responded, settings);
                if (on <= end)
                    return case_error(c, "closure.closed_on", "the resident may ask for stage 2 until " + when(end));
            }
            for (const Stage& st : c.stages) {  // 6.6, 7.3: followed through to completion
                for (size_t j = 0; j < st.remedies.size(); ++j)
                    if (!st.remedies[j].completed && st.remedies[j].state != RemedyState::Declined)
                        return case_error(c, "stages[" + std::to_string(stage_index(c, st.number)) + "].remedies[" +
                                          std::to_string(j) + "]",
                                   "remedy '" + st.remedies[j].description + "' is not complete (7.3)");
                for (size_t j = 0; j < st.actions.size(); ++j)
                    if (!st.actions[j].completed)
                        return case_error(c, "stages[" + std::to_string(stage_index(c, st.number)) + "].actions[" +
                                          std::to_string(j) + "]",
                                   "action '" + st.actions[j].description + "' is not complete (6.6)");
            }
            break;
        }
    }
    if (reason == ClosureReason::ServiceRequestDone) c.service_request_completed = on;
    c.closure = Closure{on, reason, "", std::move(notes)};
    append_audit(c, actor, std::string("Closed (") + closure_words(reason) + ") on " + when(on));
    return {};
}

bool apply_automatic_closures(Case& c, Date today, const Settings& settings, const Actor& actor) {
    if (c.closure || c.kind != CaseKind::Complaint || c.refusal || c.stages.size() != 1) return false;
    const Stage& s = c.stages.front();
    if (s.number != 1 || !s.responded) return false;
    const Date end = escalation_window_end(*s.responded, settings);
    if (today <= end) return false;
    c.closure = Closure{end.plus_days(1), ClosureReason::NotEscalated, "",
                        "No request for stage 2 within " + std::to_string(settings.policy.escalation_window_weeks) +
                            " weeks of the stage 1 response"};
    append_audit(c, actor, "Closed (not escalated) on " + when(end.plus_days(1)) + ": the escalation window ended " + when(end));
    return true;
}

// ---------------------------------------------------------------------------
// Remedies and actions

Status add_remedy(Case& c, int stage_no, Remedy r, const Settings& settings, const Actor& actor) {
    if (auto e = must_be_open(c)) return *e;
    auto found = find_stage(c, stage_no);
    if (!found) return found.error();
    const std::string f = "stages[" + std::to_string(*found) + "].remedies";
    if (is_blank(r.description)) return case_error(c, f + ".description", "say what will happen to put things right (7.3)");
    if (!r.due) return case_error(c, f + ".due", "say by when it will happen (7.3)");
    if (r.type == RemedyType::Financial) {
        if (r.amount.pence <= 0) return case_error(c, f + ".amount", "a financial remedy needs an amount above £0.00");
        if (r.suggested.pence > 0 && r.amount != r.suggested && is_blank(r.override_reason))
            return case_error(c, f + ".override_reason",
                       "the amount " + format_money(r.amount) + " differs from the suggested " + format_money(r.suggested) +
                           ": say why");
        const Money parts = r.parts.statutory + r.parts.quantifiable_losses + r.parts.time_and_trouble +
                            r.parts.distress_and_inconvenience;
        if (parts.pence != 0 && parts != r.amount)
            return case_error(c, f + ".parts", "the parts add up to " + format_money(parts) + " but the amount is " +
                                            format_money(r.amount));
        const StaffMember* me = find_staff(settings, actor.name);
        const Money limit = me ? me->award_limit : Money{};
        if (r.amount > limit) {
            if (is_blank(r.approved_by))
                return case_error(c, f + ".approved_by", format_money(r.amount) + " is above " + actor.name + "'s award limit of " +
                                                      format_money(limit) + ": name who approved it");
            if (same_person(r.approved_by, actor.name))
                return case_error(c, f + ".approved_by", "the approver must be someone other than the person adding the remedy");
            const StaffMember* ap = find_staff(settings, r.approved_by);
            if (!ap)
                return case_error(c, f + ".approved_by", r.approved_by + " is not in Settings → Staff, so their award limit is unknown");
            if (r.amount > ap->award_limit)
                return case_error(c, f + ".approved_by", format_money(r.amount) + " is above " + ap->name + "'s award limit of " +
                                                      format_money(ap->award_limit));
        }
    } else if (r.amount.pence != 0) {
        return case_error(c, f + ".amount", "only a financial remedy has an amount");
    }
    std::string what = "Remedy added to stage " + std::to_string(stage_no) + ": " + r.description;
    if (r.type == RemedyType::Financial) what += " (" + format_money(r.amount) + ")";
    c.stages[*found].remedies.push_back(std::move(r));
    append_audit(c, actor, std::move(what));
    return {};
}

Status set_remedy_state(Case& c, int stage_no, int index, RemedyState state, const Actor& actor) {
    auto found = find_stage(c, stage_no);
    if (!found) return found.error();
    const std::string f = "stages[" + std::to_string(*found) + "].remedies[" + std::to_string(index) + "]";
    auto& list = c.stages[*found].remedies;
    if (index < 0 || index >= static_cast<int>(list.size())) return case_error(c, f, "there is no such remedy");
    if (list[index].completed) return case_error(c, f + ".state", "the remedy was completed on " + when(*list[index].completed));
    if (state == RemedyState::Completed) return case_error(c, f + ".state", "record the date it was completed");
    list[index].state = state;
    append_audit(c, actor, "Remedy " + std::to_string(index + 1) + " of stage " + std::to_string(stage_no) + " state changed");
    return {};
}

Status complete_remedy(Case& c, int stage_no, int index, Date on, const Actor& actor) {
    auto found = find_stage(c, stage_no);
    if (!found) return found.error();
    const std::string f = "stages[" + std::to_string(*found) + "].remedies[" + std::to_string(index) + "]";
    auto& list = c.stages[*found].remedies;
    if (index < 0 || index >= static_cast<int>(list.size())) return case_error(c, f, "there is no such remedy");
    if (list[index].completed) return case_error(c, f + ".completed", "already completed on " + when(*list[index].completed));
    if (list[index].state == RemedyState::Declined) return case_error(c, f + ".state", "the resident declined this remedy");
    if (on < c.received) return case_error(c, f + ".completed", "completed " + when(on) + ", before the case was received");
    list[index].completed = on;
    list[index].state = RemedyState::Completed;
    append_audit(c, actor, "Remedy completed: " + list[index].description + " on " + when(on));
    return {};
}

Status add_action(Case& c, int stage_no, OutstandingAction a, const Actor& actor) {
    if (auto e = must_be_open(c)) return *e;
    auto found = find_stage(c, stage_no);
    if (!found) return found.error();
    const std::string f = "stages[" + std::to_string(*found) + "].actions";
    if (is_blank(a.description)) return case_error(c, f + ".description", "describe the action");
    if (is_blank(a.owner)) return case_error(c, f + ".owner", "name who owns the action (6.6)");
    if (a.due < c.received) return case_error(c, f + ".due", "due " + when(a.due) + ", before the case was received");
    append_audit(c, actor, "Action added to stage " + std::to_string(stage_no) + ": " + a.description + " (" + a.owner +
                        ", due " + when(a.due) + ")");
    c.stages[*found].actions.push_back(std::move(a));
    return {};
}

Status complete_action(Case& c, int stage_no, int index, Date on, const Actor& actor) {
    auto found = find_stage(c, stage_no);
    if (!found) return found.error();
    const std::string f = "stages[" + std::to_string(*found) + "].actions[" + std::to_string(index) + "]";
    auto& list = c.stages[*found].actions;
    if (index < 0 || index >= static_cast<int>(list.size())) return case_error(c, f, "there is no such action");
    if (list[index].completed) return case_error(c, f + ".completed", "already completed on " + when(*list[index].completed));
    if (on < c.received) return case_error(c, f + ".completed", "completed " + when(on) + ", before the case was received");
    list[index].completed = on;
    append_audit(c, actor, "Action completed: " + list[index].description + " on " + when(on));
    return {};
}

// ---------------------------------------------------------------------------
// Per-resident duties

Status add_adjustment(Case& c, ReasonableAdjustment a, const Actor& actor) {
    if (is_blank(a.description)) return case_error(c, "adjustments.description", "describe the adjustment agreed (5.10)");
    if (!a.review_due) return case_error(c, "adjustments.review_due", "set a review date: adjustments are kept under active review (5.10)");
    if (*a.review_due < a.agreed_on)
        return case_error(c, "adjustments.review_due", "review date " + when(*a.review_due) + " is before it was agreed");
    if (a.shorter_timescale_days < 0 || a.shorter_timescale_days > 9)
        return case_error(c, "adjustments.shorter_timescale_days", "shorten timescales by 0 to 9 working days");
    append_audit(c, actor, "Reasonable adjustment agreed: " + a.description + "; review by " + when(*a.review_due));
    c.adjustments.push_back(std::move(a));
    return {};
}

Status add_restriction(Case& c, ContactRestriction r, const Actor& actor) {
    if (is_blank(r.description)) return case_error(c, "restrictions.description", "describe the restriction on contact");
    if (is_blank(r.evidence)) return case_error(c, "restrictions.evidence", "record the evidence for the restriction (5.14)");
    if (is_blank(r.equality_act_regard))
        return case_error(c, "restrictions.equality_act_regard", "record how the Equality Act 2010 was taken into account (5.15)");
    if (!r.review_due) return case_error(c, "restrictions.review_due", "set a review date: restrictions are reviewed regularly (5.14)");
    if (*r.review_due < r.decided_on)
        return case_error(c, "restrictions.review_due", "review date " + when(*r.review_due) + " is before the decision");
    append_audit(c, actor, "Contact restriction recorded: " + r.description + "; review by " + when(*r.review_due));
    c.restrictions.push_back(std::move(r));
    return {};
}

// ---------------------------------------------------------------------------
// The record

Status log_contact_attempt(Case& c, ContactAttempt a, const Actor& actor) {
    if (a.on < c.received) return case_error(c, "contacts.on", "contact on " + when(a.on) + ", before the case was received");
    const bool confirms = a.purpose == ContactPurpose::Clarification && a.definition_confirmed.value_or(false);
    if (confirms && c.stages.empty())
        return case_error(c, "contacts.definition_confirmed", "there is no complaint definition to confirm");
    if (confirms) c.stages.back().definition_confirmed = true;
    static const char* outcomes[] = {"reached", "no answer", "message left", "written"};
    append_audit(c, actor, "Contact " + when(a.on) + ": " + outcomes[static_cast<int>(a.outcome) & 3] +
                        (confirms ? "; definition confirmed" : ""));
    c.contacts.push_back(std::move(a));
    return {};
}

Status add_note(Case& c, Date on, std::string text, const Actor& actor) {
    if (is_blank(text)) return case_error(c, "log.text", "the note is empty");
    LogEntry e;
    e.on = on;
    e.kind = LogKind::Note;
    e.by = actor.name;
    e.text = std::move(text);
    c.log.push_back(std::move(e));
    append_audit(c, actor, "Note added");
    return {};
}

Status record_letter_sent(Case& c, Date on, std::string letter_kind, std::string text, const Actor& actor) {
    if (is_blank(letter_kind)) return case_error(c, "log.letter_kind", "say which letter was sent");
    if (is_blank(text)) return case_error(c, "log.letter_text", "keep the text of the letter as sent");
    LogEntry e;
    e.on = on;
    e.kind = LogKind::LetterSent;
    e.by = actor.name;
    e.letter_kind = letter_kind;
    e.letter_text = std::move(text);
    c.log.push_back(std::move(e));
    append_audit(c, actor, "Letter sent: " + letter_kind + " on " + when(on));
    return {};
}

}  // namespace doorstep
