#include "core/rules/oversight.h"

#include "core/model/audit.h"
#include "core/model/labels.h"

#include <algorithm>

namespace doorstep {

namespace {

std::string when(Date d) { return short_date(d); }

std::optional<Error> must_be_complaint(const Case& c, const char* what) {
    if (c.kind != CaseKind::Complaint)
        return case_error(c, "kind", std::string("this is a ") + labels::kind(c.kind) + ", not a complaint: " + what);
    return std::nullopt;
}

std::string order_field(int index) { return "ombudsman.orders[" + std::to_string(index) + "]"; }

// The remedy at stage `stage_no`, `index`, or an Error naming it.
Result<Remedy*> find_remedy(Case& c, int stage_no, int index) {
    const int i = stage_index(c, stage_no);
    if (i < 0) return case_error(c, "stages", "there is no stage " + std::to_string(stage_no) + " on this case");
    auto& list = c.stages[i].remedies;
    const std::string f = "stages[" + std::to_string(i) + "].remedies[" + std::to_string(index) + "]";
    if (index < 0 || index >= static_cast<int>(list.size()))
        return case_error(c, f, "stage " + std::to_string(stage_no) + " has no remedy " + std::to_string(index + 1));
    return &list[index];
}

std::string remedy_field(const Case& c, int stage_no, int index, const char* field) {
    return "stages[" + std::to_string(stage_index(c, stage_no)) + "].remedies[" + std::to_string(index) + "]." + field;
}

Error event_error(const NonComplianceEvent& e, const std::string& field, std::string message) {
    return Error{"non_compliance " + (e.id.empty() ? std::string("(new)") : e.id) + ", " + field, std::move(message)};
}

}  // namespace

// ---------------------------------------------------------------------------
// Housing Ombudsman

bool is_adverse_finding(Determination d) {
    return d == Determination::SevereMaladministration || d == Determination::Maladministration ||
           d == Determination::ServiceFailure;
}

Status refer_to_ombudsman(Case& c, Date on, std::string reference, const Actor& actor) {
    if (auto e = must_be_complaint(c, "the Housing Ombudsman considers complaints")) return *e;
    if (c.ombudsman)
        return case_error(c, "ombudsman", "already referred to the Housing Ombudsman on " + when(c.ombudsman->referred) +
                                              " (reference " + c.ombudsman->reference + ")");
    if (on < c.received)
        return case_error(c, "ombudsman.referred", "referred " + when(on) + ", before the complaint was received on " +
                                                       when(c.received));
    if (is_blank(reference))
        return case_error(c, "ombudsman.reference", "give the Ombudsman's case reference from its letter or email");
    OmbudsmanCase o;
    o.referred = on;
    o.reference = std::move(reference);
    append_audit(c, actor, "Referred to the Housing Ombudsman on " + when(on) + " (reference " + o.reference + ")");
    c.ombudsman = std::move(o);
    return {};
}

Status record_determination(Case& c, Determination d, Date on, const Actor& actor) {
    if (!c.ombudsman) return case_error(c, "ombudsman", "record the referral to the Ombudsman first");
    OmbudsmanCase& o = *c.ombudsman;
    if (d == Determination::Pending)
        return case_error(c, "ombudsman.determination", "choose the Ombudsman's determination; pending is not one");
    if (o.determination != Determination::Pending)
        return case_error(c, "ombudsman.determination",
                          std::string("the determination (") + labels::determination(o.determination) +
                              ") was recorded on " + (o.determined ? when(*o.determined) : std::string("an earlier date")) +
                              "; record a review by the Ombudsman as a note");
    if (on < o.referred)
        return case_error(c, "ombudsman.determined", "determined " + when(on) + ", before the referral on " + when(o.referred));
    o.determination = d;
    o.determined = on;
    append_audit(c, actor, std::string("Ombudsman determination: ") + labels::determination(d) + " on " + when(on));
    return {};
}

Status add_order(Case& c, std::string description, Date due, const Actor& actor) {
    if (!c.ombudsman) return case_error(c, "ombudsman", "record the referral to the Ombudsman first");
    OmbudsmanCase& o = *c.ombudsman;
    const std::string f = order_field(static_cast<int>(o.orders.size()));
    if (o.determination != Determination::Pending && !is_adverse_finding(o.determination))
        return case_error(c, f, std::string("the Ombudsman found ") + labels::determination(o.determination) +
                                    ", which carries no orders: record any recommendation as a note");
    if (is_blank(description)) return case_error(c, f + ".description", "say what the Ombudsman ordered");
    const Date from = o.determined && o.determination != Determination::Pending ? *o.determined : o.referred;
    if (due < from)
        return case_error(c, f + ".due", "due " + when(due) + ", before the " +
                                             (from == o.referred ? "referral" : "determination") + " on " + when(from));
    append_audit(c, actor, "Ombudsman order: " + description + " (due " + when(due) + ")");
    o.orders.push_back(OmbudsmanOrder{std::move(description), due, std::nullopt, ""});
    return {};
}

Status complete_order(Case& c, int index, Date on, std::string evidence, const Actor& actor) {
    if (!c.ombudsman) return case_error(c, "ombudsman", "record the referral to the Ombudsman first");
    OmbudsmanCase& o = *c.ombudsman;
    const std::string f = order_field(index);
    if (index < 0 || index >= static_cast<int>(o.orders.size()))
        return case_error(c, f, "there is no order " + std::to_string(index + 1));
    OmbudsmanOrder& order = o.orders[index];
    if (order.completed) return case_error(c, f + ".completed", "already complied with on " + when(*order.completed));
    if (on < o.referred)
        return case_error(c, f + ".completed", "complied " + when(on) + ", before the referral on " + when(o.referred));
    if (is_blank(evidence))
        return case_error(c, f + ".evidence", "record the evidence of compliance sent to the Ombudsman");
    order.completed = on;
    order.evidence = std::move(evidence);
    std::string what = "Ombudsman order complied with on " + when(on) + ": " + order.description;
    if (on > order.due) what += " (" + std::to_string(on - order.due) + " days after it was due)";
    append_audit(c, actor, std::move(what));
    return {};
}

// ---------------------------------------------------------------------------
// Surveys

namespace {

std::string survey_field(size_t index, const char* field) {
    return "surveys[" + std::to_string(index) + "]" + (*field ? std::string(".") + field : std::string());
}

// The stage's survey, offered and not yet answered or declined, for recording the
// resident's answer on `on`; or an Error naming the field.
Result<Survey*> open_survey(Case& c, int stage_no, Date on) {
    const std::string stage_name = "stage " + std::to_string(stage_no);
    for (size_t i = 0; i < c.surveys.size(); ++i) {
        Survey& s = c.surveys[i];
        if (s.stage != stage_no) continue;
        if (!s.offered) return case_error(c, survey_field(i, "offered"), "offer the " + stage_name + " survey before recording an answer");
        const std::string answered_when = s.answered_on ? " on " + when(*s.answered_on) : std::string();
        if (s.answered)
            return case_error(c, survey_field(i, "answered"), "the " + stage_name + " survey answers were already recorded" + answered_when);
        if (s.declined)
            return case_error(c, survey_field(i, "declined"), "the resident already declined the " + stage_name + " survey" + answered_when);
        if (s.on && on < *s.on)
            return case_error(c, survey_field(i, "answered_on"),
                              "answered " + when(on) + ", before the survey was offered on " + when(*s.on));
        return &s;
    }
    return case_error(c, "surveys", "offer the " + stage_name + " survey before recording an answer");
}

}  // namespace

const Survey* find_survey(const Case& c, int stage_no) {
    for (const Survey& s : c.surveys)
        if (s.stage == stage_no) return &s;
    return nullptr;
}

Status offer_survey(Case& c, int stage_no, Date on, const Actor& actor) {
    if (auto e = must_be_complaint(c, "only complaints are surveyed")) return *e;
    const std::string field = survey_field(c.surveys.size(), "");
    const std::string stage_name = "stage " + std::to_string(stage_no);
    if (const Survey* s = find_survey(c, stage_no))
        return case_error(c, survey_field(static_cast<size_t>(s - c.surveys.data()), "offered"),
                          "the " + stage_name + " survey was already offered" + (s->on ? " on " + when(*s->on) : std::string()));
    const int i = stage_index(c, stage_no);
    if (i < 0) return case_error(c, field + ".stage", "there is no " + stage_name + " on this case");
    const Stage& st = c.stages[i];
    if (!st.responded)
        return case_error(c, field + ".on", "offer the survey after a response: " + stage_name + " has not been answered yet");
    if (on < *st.responded)
        return case_error(c, field + ".on", "offered " + when(on) + ", before the " + stage_name + " response on " + when(*st.responded));
    Survey s;
    s.stage = stage_no;
    s.offered = true;
    s.on = on;
    c.surveys.push_back(s);
    append_audit(c, actor, "Satisfaction survey offered on " + when(on) + " after the " + stage_name + " response");
    return {};
}

Status record_survey_answers(Case& c, int stage_no, Date on, const SurveyAnswers& a, const Actor& actor) {
    auto found = open_survey(c, stage_no, on);
    if (!found) return found.error();
    Survey& s = **found;
    const size_t index = static_cast<size_t>(&s - c.surveys.data());
    const std::pair<const char*, int> scores[] = {{"satisfied_handling", a.satisfied_handling},
                                                  {"satisfied_outcome", a.satisfied_outcome},
                                                  {"felt_listened", a.felt_listened}};
    int given = 0;
    for (const auto& [field, score] : scores) {
        if (score < 0 || score > 5)
            return case_error(c, survey_field(index, field),
                              "a score is 1 (very dissatisfied) to 5 (very satisfied), or 0 when not answered; not " +
                                  std::to_string(score));
        if (score > 0) ++given;
    }
    if (given == 0)
        return case_error(c, survey_field(index, ""), "no question was answered: leave the survey as offered, or record that it was declined");
    s.answered = true;
    s.answered_on = on;
    s.satisfied_handling = a.satisfied_handling;
    s.satisfied_outcome = a.satisfied_outcome;
    s.felt_listened = a.felt_listened;
    append_audit(c, actor, "Stage " + std::to_string(stage_no) + " survey answers recorded on " + when(on));
    return {};
}

Status record_survey_declined(Case& c, int stage_no, Date on, const Actor& actor) {
    auto found = open_survey(c, stage_no, on);
    if (!found) return found.error();
    Survey& s = **found;
    s.declined = true;
    s.answered_on = on;
    append_audit(c, actor, "The resident declined the stage " + std::to_string(stage_no) + " survey on " + when(on));
    return {};
}

// ---------------------------------------------------------------------------
// Remedies offered

Status offer_remedy(Case& c, int stage_no, int index, Date on, const Actor& actor) {
    auto found = find_remedy(c, stage_no, index);
    if (!found) return found.error();
    Remedy& r = **found;
    if (c.closure)
        return case_error(c, "closure", "the case was closed on " + when(c.closure->closed_on) + ": reopen it to offer a remedy");
    if (r.state != RemedyState::Proposed)
        return case_error(c, remedy_field(c, stage_no, index, "state"),
                          std::string("the remedy is already ") + labels::remedy_state(r.state) +
                              (r.offered_on ? " (offered " + when(*r.offered_on) + ")" : std::string()));
    if (on < c.received)
        return case_error(c, remedy_field(c, stage_no, index, "offered_on"),
                          "offered " + when(on) + ", before the case was received on " + when(c.received));
    r.state = RemedyState::Offered;
    r.offered_on = on;
    append_audit(c, actor, "Remedy offered on " + when(on) + ": " + r.description);
    return {};
}

Status record_remedy_answer(Case& c, int stage_no, int index, bool accepted, Date on, const Actor& actor) {
    auto found = find_remedy(c, stage_no, index);
    if (!found) return found.error();
    Remedy& r = **found;
    if (r.state != RemedyState::Offered)
        return case_error(c, remedy_field(c, stage_no, index, "state"),
                          std::string("only an offered remedy is accepted or declined; this one is ") +
                              labels::remedy_state(r.state));
    if (!r.offered_on)
        return case_error(c, remedy_field(c, stage_no, index, "offered_on"), "record the date the remedy was offered first");
    if (on < *r.offered_on)
        return case_error(c, remedy_field(c, stage_no, index, "answered_on"),
                          "answered " + when(on) + ", before it was offered on " + when(*r.offered_on));
    r.state = accepted ? RemedyState::Accepted : RemedyState::Declined;
    r.answered_on = on;
    append_audit(c, actor, std::string("Remedy ") + (accepted ? "accepted" : "declined") + " on " + when(on) + ": " +
                               r.description);
    return {};
}

// ---------------------------------------------------------------------------
// Member enquiries

Result<Case> member_enquiry_to_complaint(Case& enquiry, NewCase details, const ResidentConsent& consent,
                                         const Settings& settings, const Actor& actor) {
    if (enquiry.kind != CaseKind::MemberEnquiry)
        return case_error(enquiry, "kind", std::string("this is a ") + labels::kind(enquiry.kind) +
                                               ", not a councillor or MP enquiry");
    if (is_blank(consent.how))
        return case_error(enquiry, "representative.consent_date",
                          "record how the resident agreed to a formal complaint (1.3): the member's implied consent "
                          "covers the enquiry, not the choice to complain");
    if (consent.on < enquiry.received)
        return case_error(enquiry, "representative.consent_date",
                          "consent given " + when(consent.on) + ", before the enquiry was received on " +
                              when(enquiry.received));
    auto made = convert_service_request_to_complaint(enquiry, std::move(details), settings, actor);
    if (!made) return made.error();
    Case& n = *made;
    const bool member = n.representative.kind == RepresentativeKind::Councillor ||
                        n.representative.kind == RepresentativeKind::MP;
    if (member) {
        n.representative.consent_given = true;
        n.representative.consent_date = consent.on;
    }
    append_audit(n, actor, "The resident agreed on " + when(consent.on) + " (" + consent.how +
                               ") to the member's enquiry being handled as a formal complaint");
    return std::move(n);
}

// ---------------------------------------------------------------------------
// Exceptional non-compliance (8.5)

namespace {

std::optional<Error> check_told(const NonComplianceEvent& e, const char* field, Date on, const char* who) {
    if (on < e.started)
        return event_error(e, field, std::string(who) + " told " + when(on) + ", before the event started on " +
                                         when(e.started));
    return std::nullopt;
}

std::optional<Error> check_returned(const NonComplianceEvent& e, Date on) {
    if (on < e.started)
        return event_error(e, "compliance_returns", "compliance returned " + when(on) + ", before the event started on " +
                                                        when(e.started));
    if (!e.residents_told)
        return event_error(e, "residents_told", "record when residents who may be affected were told (8.5) first");
    if (!e.ombudsman_told)
        return event_error(e, "ombudsman_told", "record when the Housing Ombudsman was told (8.5) first");
    return std::nullopt;
}

}  // namespace

Status record_non_compliance(std::vector<NonComplianceEvent>& events, NonComplianceEvent e) {
    if (is_blank(e.id)) return event_error(e, "id", "the event needs an id before it can be saved");
    for (const NonComplianceEvent& other : events)
        if (other.id == e.id) return event_error(e, "id", "another event already has this id");
    if (is_blank(e.description))
        return event_error(e, "description", "describe what stops the Code being met, and why it is exceptional (8.5)");
    if (e.residents_told)
        if (auto err = check_told(e, "residents_told", *e.residents_told, "residents")) return *err;
    if (e.ombudsman_told)
        if (auto err = check_told(e, "ombudsman_told", *e.ombudsman_told, "the Ombudsman")) return *err;
    if (e.compliance_returns)
        if (auto err = check_returned(e, *e.compliance_returns)) return *err;
    events.push_back(std::move(e));
    return {};
}

Status record_residents_told(NonComplianceEvent& e, Date on) {
    if (e.residents_told) return event_error(e, "residents_told", "residents were already recorded as told on " + when(*e.residents_told));
    if (auto err = check_told(e, "residents_told", on, "residents")) return *err;
    e.residents_told = on;
    return {};
}

Status record_ombudsman_told(NonComplianceEvent& e, Date on) {
    if (e.ombudsman_told) return event_error(e, "ombudsman_told", "the Ombudsman was already recorded as told on " + when(*e.ombudsman_told));
    if (auto err = check_told(e, "ombudsman_told", on, "the Ombudsman")) return *err;
    e.ombudsman_told = on;
    return {};
}

Status record_compliance_returned(NonComplianceEvent& e, Date on) {
    if (e.compliance_returns)
        return event_error(e, "compliance_returns", "compliance was already recorded as returned on " + when(*e.compliance_returns));
    if (auto err = check_returned(e, on)) return *err;
    e.compliance_returns = on;
    return {};
}

std::vector<std::string> non_compliance_steps_left(const NonComplianceEvent& e) {
    std::vector<std::string> out;
    if (!e.ombudsman_told) out.push_back("Tell the Housing Ombudsman (8.5)");
    if (!e.residents_told) out.push_back("Tell residents who may be affected and publish it on the website (8.5)");
    if (!e.compliance_returns) out.push_back("Record when the Code is met again (8.5)");
    return out;
}

}  // namespace doorstep
