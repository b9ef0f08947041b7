// Awaab's Law steps: each recording checks first, then applies and appends one
// audit entry; the status reads the deadlines from hazard_clock.
#include "core/rules/hazards.h"

#include "core/rules/hazard_clock.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <tuple>

namespace doorstep {

namespace {

bool blank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char ch) { return std::isspace(ch) != 0; });
}

std::string case_name(const Case& c) { return c.reference.empty() ? std::string("(new)") : c.reference; }

std::string hazard_where(const Case& c, int i, const char* field) {
    std::string w = "case " + case_name(c) + ", hazards[" + std::to_string(i) + "]";
    if (field && *field) w += std::string(".") + field;
    return w;
}

void audit(Case& c, const Actor& actor, std::string what) {
    c.audit.push_back(AuditEntry{actor.at, actor.name, std::move(what)});
}

std::string when(Date d) { return short_date(d); }
std::string when(const LocalDateTime& t) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", t.minute_of_day / 60, t.minute_of_day % 60);
    return short_date(t.date) + " " + buf;
}

int64_t utc(const LocalDateTime& t) { return uk_local_to_utc_minutes(t); }

// The actor's time, when it is given as "YYYY-MM-DDTHH:MM" (or a bare date: the end of that day).
std::optional<LocalDateTime> actor_now(const Actor& actor) {
    if (auto t = parse_iso_local(actor.at)) return t;
    if (auto d = parse_iso_date(actor.at)) return LocalDateTime{*d, 23 * 60 + 59};
    return std::nullopt;
}

const char* step_label(const std::string& step) {
    if (step == "make-safe") return "Investigate and make the hazard safe";
    if (step == "investigate") return "Investigate the hazard";
    if (step == "summary") return "Send the written hazard summary";
    if (step == "safety-work") return "Complete the safety work";
    if (step == "further-work-start") return "Start the further works";
    if (step == "further-work-latest") return "Start the further works at the latest";
    return "";
}

// The hazard at `id`, or an Error naming the case.
Result<int> find_hazard(const Case& c, const std::string& id) {
    const int i = hazard_index(c, id);
    if (i < 0)
        return Error{"case " + case_name(c) + ", hazards",
                     "there is no hazard with id '" + id + "' on this case: report the hazard first"};
    return i;
}

// Checks shared by every step on hazard i: not closed, a person named (unless
// `by` is null), not before awareness, not in the future of the actor's time.
std::optional<Error> check_step(const Case& c, int i, const char* field, const char* what, Date on,
                                const std::string* by, const char* who, const Settings& settings, const Actor& actor) {
    const HazardRecord& h = c.hazards[static_cast<size_t>(i)];
    const std::string name = "'" + describe_hazard(h, settings) + "'";
    if (h.closed)
        return Error{hazard_where(c, i, "closed"),
                     "hazard " + name + " was closed on " + when(*h.closed) + ": nothing more can be recorded on it"};
    if (by && blank(*by)) return Error{hazard_where(c, i, field), std::string("say who ") + who + " (hazard " + name + ")"};
    if (on < h.aware.date)
        return Error{hazard_where(c, i, field), std::string(what) + " on " + when(on) + " for hazard " + name +
                                                    ", before the landlord became aware of it on " + when(h.aware)};
    if (const auto now = actor_now(actor); now && now->date < on)
        return Error{hazard_where(c, i, field), std::string(what) + " on " + when(on) + " for hazard " + name +
                                                    " is later than now (" + when(*now) + "): record a step once it has happened"};
    return std::nullopt;
}

// The hazard a step is recorded on: found, and the step checked (check_step)
// before anything changes. The index into c.hazards.
Result<int> hazard_for_step(const Case& c, const std::string& hazard_id, const char* field, const char* what, Date on,
                            const std::string* by, const char* who, const Settings& settings, const Actor& actor) {
    const Result<int> found = find_hazard(c, hazard_id);
    if (!found) return found.error();
    if (auto e = check_step(c, *found, field, what, on, by, who, settings, actor)) return *e;
    return *found;
}

// Work that follows the investigation cannot be dated before it ended.
std::optional<Error> before_investigation(const Case& c, int i, const char* field, const std::string& what, Date on,
                                          const std::string& name) {
    const HazardRecord& h = c.hazards[static_cast<size_t>(i)];
    if (!h.investigated || !(on < *h.investigated)) return std::nullopt;
    return Error{hazard_where(c, i, field), what + " on " + when(on) + ", before the investigation of hazard " + name +
                                                " ended on " + when(*h.investigated)};
}

const char* accommodation_words(HazardRecord::Accommodation a) {
    switch (a) {
        case HazardRecord::Accommodation::NotNeeded: return "not needed";
        case HazardRecord::Accommodation::Offered: return "offered";
        case HazardRecord::Accommodation::Accepted: return "accepted";
        case HazardRecord::Accommodation::Declined: return "declined";
    }
    return "";
}

}  // namespace

// ---------------------------------------------------------------------------
// Lookups

bool hazard_prompt_applies(const Case& c, const Settings& settings) {
    if (!c.hazards.empty() || c.category_id.empty()) return false;
    for (const Category& k : settings.categories)
        if (k.id == c.category_id) return k.hazard_prompt;
    return false;
}

const HazardType* find_hazard_type(const Settings& settings, const std::string& id) {
    for (const HazardType& t : settings.hazard_types)
        if (t.id == id) return &t;
    return nullptr;
}

int hazard_index(const Case& c, const std::string& hazard_id) {
    for (size_t i = 0; i < c.hazards.size(); ++i)
        if (c.hazards[i].id == hazard_id) return static_cast<int>(i);
    return -1;
}

std::string describe_hazard(const HazardRecord& h, const Settings& settings) {
    const HazardType* t = find_hazard_type(settings, h.type_id);
    std::string out = t ? t->label : h.type_id;
    if (!blank(h.location)) out += ", " + h.location;
    if (h.emergency) out += " (emergency)";
    return out;
}

// ---------------------------------------------------------------------------
// Reporting

Status report_hazard(Case& c, const HazardReport& r, const Settings& settings, const Actor& actor) {
    const int i = static_cast<int>(c.hazards.size());  // where it will go
    const auto e = [&](const char* field, std::string message) { return Error{hazard_where(c, i, field), std::move(message)}; };
    if (blank(r.id)) return e("id", "the hazard needs an id (a UUID) before it can be saved");
    if (hazard_index(c, r.id) >= 0) return e("id", "a hazard with id '" + r.id + "' is already on this case");
    const HazardType* type = find_hazard_type(settings, r.type_id);
    if (!type)
        return e("type_id", "unknown hazard type '" + r.type_id + "': choose one from Settings → Hazard types");
    if (r.emergency && !type->can_be_emergency)
        return e("emergency", "a " + type->label + " hazard is not set up as one that can be an emergency: "
                              "report it as a significant hazard, or change the type in Settings → Hazard types");
    if (blank(r.observed)) return e("observed", "write down what was seen or reported about the " + type->label + " hazard");
    if (blank(r.reported_by)) return e("reported_by", "say who told the landlord about the " + type->label + " hazard");
    if (const auto now = actor_now(actor); now && utc(*now) < utc(r.aware))
        return e("aware", "the landlord became aware on " + when(r.aware) + ", later than now (" + when(*now) +
                              "): give the moment it was reported");

    HazardRecord h;
    h.id = r.id;
    h.type_id = r.type_id;
    h.emergency = r.emergency;
    h.location = r.location;
    h.observed = r.observed;
    h.reported_by = r.reported_by;
    h.aware = r.aware;
    h.vulnerable_occupants = r.vulnerable_occupants;
    c.hazards.push_back(std::move(h));
    audit(c, actor, "Hazard reported: " + describe_hazard(c.hazards.back(), settings) + ", by " + r.reported_by +
                        "; landlord aware " + when(r.aware) + " (Awaab's Law clock starts)");
    return {};
}

Result<Case> new_hazard_case(NewCase details, const HazardReport& report, const Settings& settings, const Actor& actor) {
    details.kind = CaseKind::ServiceRequest;  // 1.4: a request for the landlord to act
    details.received = report.aware.date;
    if (details.logged && *details.logged < details.received) details.logged = details.received;
    Result<Case> made = new_case(details, settings, actor);
    if (!made) return made.error();
    Case c = std::move(made.value());
    if (Status s = report_hazard(c, report, settings, actor); !s) return s.error();
    return c;
}

// ---------------------------------------------------------------------------
// Steps

Status record_made_safe(Case& c, const std::string& hazard_id, LocalDateTime at, const std::string& by,
                        const Settings& settings, const Actor& actor) {
    const Result<int> step = hazard_for_step(c, hazard_id, "made_safe_by", "made safe", at.date, &by, "made it safe", settings, actor);
    if (!step) return step.error();
    const int i = *step;
    HazardRecord& h = c.hazards[static_cast<size_t>(i)];
    const std::string name = "'" + describe_hazard(h, settings) + "'";
    if (!h.emergency)
        return Error{hazard_where(c, i, "made_safe"),
                     "hazard " + name + " was reported as significant, not as an emergency: 'made safe' is the "
                     "emergency step; record the safety work once the investigation has ended"};
    if (h.made_safe)
        return Error{hazard_where(c, i, "made_safe"), "hazard " + name + " was already recorded as made safe at " + when(*h.made_safe)};
    if (utc(at) < utc(h.aware))
        return Error{hazard_where(c, i, "made_safe"), "made safe at " + when(at) + ", before the landlord became aware of hazard " +
                                                          name + " at " + when(h.aware)};
    if (const auto now = actor_now(actor); now && utc(*now) < utc(at))
        return Error{hazard_where(c, i, "made_safe"), "made safe at " + when(at) + " is later than now (" + when(*now) + ")"};

    h.made_safe = at;
    h.made_safe_by = by;
    const auto deadline = add_clock_hours(h.aware, settings.hazard_timescales.emergency_make_safe_hours);
    audit(c, actor, "Hazard made safe: " + describe_hazard(h, settings) + " at " + when(at) + " by " + by +
                        (utc(at) <= utc(deadline) ? " (within " : " (later than ") +
                        std::to_string(settings.hazard_timescales.emergency_make_safe_hours) + " hours)");
    return {};
}

Status record_investigation(Case& c, const std::string& hazard_id, const InvestigationResult& r,
                            const Settings& settings, const Actor& actor) {
    const Result<int> step = hazard_for_step(c, hazard_id, "investigated_by", "investigated", r.ended, &r.by, "investigated it", settings, actor);
    if (!step) return step.error();
    const int i = *step;
    HazardRecord& h = c.hazards[static_cast<size_t>(i)];
    const std::string name = "'" + describe_hazard(h, settings) + "'";
    if (h.investigated)
        return Error{hazard_where(c, i, "investigated"),
                     "the investigation of hazard " + name + " was already recorded as ended on " + when(*h.investigated)};
    if (blank(r.findings))
        return Error{hazard_where(c, i, "findings"),
                     "write down what the investigation of hazard " + name + " found: the written summary to the tenant is drawn from it"};
    if (r.emergency_found) {
        const HazardType* type = find_hazard_type(settings, h.type_id);
        if (type && !type->can_be_emergency)
            return Error{hazard_where(c, i, "emergency"),
                         "a " + type->label + " hazard is not set up as one that can be an emergency (Settings → Hazard types)"};
        if (!h.emergency)
            return Error{hazard_where(c, i, "emergency"),
                         "the investigation of hazard " + name + " found an emergency: report it as an emergency hazard "
                         "from the moment it was found (its 24 hours run from then), then record this investigation "
                         "with a significant hazard found"};
    }
    h.investigated = r.ended;
    h.investigated_by = r.by;
    h.emergency_found = r.emergency_found;
    h.significant_found = r.significant_found || r.emergency_found;
    h.findings = r.findings;
    if (h.significant_found && !blank(r.works_planned)) h.works_planned = r.works_planned;
    audit(c, actor, "Hazard investigated: " + describe_hazard(h, settings) + "; ended " + when(r.ended) + " by " + r.by +
                        "; " + (r.emergency_found ? "emergency hazard found" : h.significant_found ? "significant hazard found"
                                                                                                  : "no significant hazard found"));
    return {};
}

Status record_summary_sent(Case& c, const std::string& hazard_id, Date on, const std::string& by,
                           const Settings& settings, const Actor& actor) {
    const Result<int> step = hazard_for_step(c, hazard_id, "summary_sent", "the written summary was sent", on, &by, "sent the written summary", settings, actor);
    if (!step) return step.error();
    const int i = *step;
    HazardRecord& h = c.hazards[static_cast<size_t>(i)];
    const std::string name = "'" + describe_hazard(h, settings) + "'";
    if (h.summary_sent)
        return Error{hazard_where(c, i, "summary_sent"), "the written summary for hazard " + name + " was already sent on " + when(*h.summary_sent)};
    if (!h.investigated)
        return Error{hazard_where(c, i, "summary_sent"),
                     "the written summary reports the investigation's findings: record the investigation of hazard " + name + " first"};
    if (auto e = before_investigation(c, i, "summary_sent", "summary sent", on, name)) return *e;
    h.summary_sent = on;
    audit(c, actor, "Hazard summary sent in writing: " + describe_hazard(h, settings) + " on " + when(on) + " by " + by);
    return {};
}

Status record_safety_work_done(Case& c, const std::string& hazard_id, Date on, const std::string& by,
                               const Settings& settings, const Actor& actor) {
    const Result<int> step = hazard_for_step(c, hazard_id, "safety_work_done", "the safety work was done", on, &by, "did the safety work", settings, actor);
    if (!step) return step.error();
    const int i = *step;
    HazardRecord& h = c.hazards[static_cast<size_t>(i)];
    const std::string name = "'" + describe_hazard(h, settings) + "'";
    if (h.safety_work_done)
        return Error{hazard_where(c, i, "safety_work_done"), "the safety work on hazard " + name + " was already recorded on " + when(*h.safety_work_done)};
    if (!h.investigated || !h.significant_found)
        return Error{hazard_where(c, i, "safety_work_done"),
                     !h.investigated ? "record the investigation of hazard " + name + " first: safety work follows a significant hazard found"
                                     : "the investigation of hazard " + name + " found no significant hazard: there is no safety work to record"};
    if (auto e = before_investigation(c, i, "safety_work_done", "safety work done", on, name)) return *e;
    h.safety_work_done = on;
    audit(c, actor, "Hazard safety work done: " + describe_hazard(h, settings) + " on " + when(on) + " by " + by);
    return {};
}

Status record_further_work_started(Case& c, const std::string& hazard_id, Date on, const std::string& works_planned,
                                   const std::string& by, const Settings& settings, const Actor& actor) {
    const Result<int> step = hazard_for_step(c, hazard_id, "further_work_started", "the further works started", on, &by, "started the further works", settings, actor);
    if (!step) return step.error();
    const int i = *step;
    HazardRecord& h = c.hazards[static_cast<size_t>(i)];
    const std::string name = "'" + describe_hazard(h, settings) + "'";
    if (h.further_work_started)
        return Error{hazard_where(c, i, "further_work_started"), "the further works on hazard " + name + " were already recorded as started on " +
                                                                     when(*h.further_work_started)};
    if (!h.investigated || !h.significant_found)
        return Error{hazard_where(c, i, "further_work_started"),
                     !h.investigated ? "record the investigation of hazard " + name + " first: further works follow a significant hazard found"
                                     : "the investigation of hazard " + name + " found no significant hazard: there are no further works to record"};
    if (auto e = before_investigation(c, i, "further_work_started", "further works started", on, name)) return *e;
    if (blank(works_planned) && blank(h.works_planned))
        return Error{hazard_where(c, i, "works_planned"), "say what further works are planned for hazard " + name + " to stop it coming back"};
    h.further_work_started = on;
    if (!blank(works_planned)) h.works_planned = works_planned;
    audit(c, actor, "Hazard further works started: " + describe_hazard(h, settings) + " on " + when(on) + " by " + by + ": " + h.works_planned);
    return {};
}

Status record_further_work_done(Case& c, const std::string& hazard_id, Date on, const std::string& by,
                                const Settings& settings, const Actor& actor) {
    const Result<int> step = hazard_for_step(c, hazard_id, "further_work_done", "the further works were finished", on, &by, "finished the further works", settings, actor);
    if (!step) return step.error();
    const int i = *step;
    HazardRecord& h = c.hazards[static_cast<size_t>(i)];
    const std::string name = "'" + describe_hazard(h, settings) + "'";
    if (h.further_work_done)
        return Error{hazard_where(c, i, "further_work_done"), "the further works on hazard " + name + " were already recorded as done on " +
                                                                  when(*h.further_work_done)};
    if (!h.further_work_started)
        return Error{hazard_where(c, i, "further_work_done"), "record when the further works on hazard " + name + " started first"};
    if (on < *h.further_work_started)
        return Error{hazard_where(c, i, "further_work_done"), "further works done on " + when(on) + ", before they started on " +
                                                                  when(*h.further_work_started)};
    h.further_work_done = on;
    audit(c, actor, "Hazard further works done: " + describe_hazard(h, settings) + " on " + when(on) + " by " + by);
    return {};
}

Status record_accommodation(Case& c, const std::string& hazard_id, HazardRecord::Accommodation state, Date on,
                            const std::string& by, const std::string& notes, const Settings& settings, const Actor& actor) {
    using A = HazardRecord::Accommodation;
    const Result<int> step = hazard_for_step(c, hazard_id, "accommodation", "alternative accommodation was recorded", on, &by, "dealt with the accommodation", settings, actor);
    if (!step) return step.error();
    const int i = *step;
    HazardRecord& h = c.hazards[static_cast<size_t>(i)];
    const std::string name = "'" + describe_hazard(h, settings) + "'";
    switch (state) {
        case A::NotNeeded:
            return Error{hazard_where(c, i, "accommodation"), "record an offer of alternative accommodation, or the resident's answer to one"};
        case A::Offered:
            if (h.accommodation == A::Offered || h.accommodation == A::Accepted)
                return Error{hazard_where(c, i, "accommodation"), std::string("alternative accommodation for hazard ") + name +
                                                                      " is already " + accommodation_words(h.accommodation)};
            break;
        case A::Accepted:
        case A::Declined:
            if (h.accommodation != A::Offered)
                return Error{hazard_where(c, i, "accommodation"), "record the offer of alternative accommodation for hazard " + name +
                                                                      " before the resident's answer"};
            break;
    }
    h.accommodation = state;
    audit(c, actor, std::string("Alternative accommodation ") + accommodation_words(state) + ": " + describe_hazard(h, settings) +
                        " on " + when(on) + " by " + by + (blank(notes) ? std::string() : "; " + notes));
    return {};
}

Status close_hazard(Case& c, const std::string& hazard_id, Date on, const std::string& reason, const Settings& settings,
                    const Actor& actor) {
    const Result<int> step = hazard_for_step(c, hazard_id, "closed", "the hazard was closed", on, nullptr, "", settings, actor);
    if (!step) return step.error();
    const int i = *step;
    HazardRecord& h = c.hazards[static_cast<size_t>(i)];
    const std::string name = "'" + describe_hazard(h, settings) + "'";
    const auto refuse = [&](const char* field, const std::string& message) {
        return Error{hazard_where(c, i, field), "hazard " + name + " cannot close yet: " + message};
    };
    if (emergency_to_make_safe(h) && !h.made_safe) return refuse("made_safe", "record when it was made safe");
    if (!h.investigated) return refuse("investigated", "record the investigation");
    if (!h.summary_sent) return refuse("summary_sent", "send the written summary to the tenant");
    if (h.significant_found) {
        if (!h.safety_work_done) return refuse("safety_work_done", "record the safety work");
        if (h.further_work_started && !h.further_work_done) return refuse("further_work_done", "the further works are not finished");
        if (!h.further_work_started && blank(reason))
            return refuse("further_work_started", "record the further works, or say why none are needed");
    }
    if (on < *h.investigated) return refuse("closed", "closing on " + when(on) + " is before the investigation ended on " + when(*h.investigated));
    h.closed = on;
    audit(c, actor, "Hazard closed: " + describe_hazard(h, settings) + " on " + when(on) + (blank(reason) ? std::string() : "; " + reason));
    return {};
}

// ---------------------------------------------------------------------------
// Status

bool type_under_awaabs_law(const std::string& type_id, bool emergency, Date aware, const Settings& settings) {
    const auto& from = settings.hazard_commencement.emergencies_from;
    if (emergency && from && *from <= aware) return true;
    const HazardType* t = find_hazard_type(settings, type_id);
    return t && t->in_force_from && *t->in_force_from <= aware;
}

bool under_awaabs_law(const HazardRecord& h, const Settings& settings) {
    return type_under_awaabs_law(h.type_id, h.emergency, h.aware.date, settings);
}

std::string commencement_note(const HazardRecord& h, const Settings& settings) {
    if (under_awaabs_law(h, settings)) return "";
    const HazardType* t = find_hazard_type(settings, h.type_id);
    const std::string what = t ? t->label : h.type_id;
    std::string note = what + (t && t->in_force_from ? " comes under Awaab's Law on " + long_date(*t->in_force_from)
                                                     : " is not yet under Awaab's Law (no date confirmed)");
    if (t && !t->in_force_source.empty()) note += " (" + t->in_force_source + ")";
    return note + ": these clocks are our policy, not the law";
}

bool emergency_to_make_safe(const HazardRecord& h) {
    return h.emergency && (!h.investigated || h.emergency_found);
}

const char* next_hazard_record(const HazardRecord& h) {
    if (h.closed) return "";
    if (emergency_to_make_safe(h) && !h.made_safe) return "make-safe";
    if (!h.investigated) return "investigate";
    if (!h.summary_sent) return "summary";
    if (h.significant_found) {
        if (!h.safety_work_done) return "safety-work";
        if (!h.further_work_started) return "further-work-start";
        if (!h.further_work_done) return "further-work-done";
    }
    return "close";
}

const char* hazard_record_label(const std::string& what) {
    if (what == "make-safe") return "Make the hazard safe";
    if (what == "investigate") return "Record the investigation";
    if (what == "summary") return "Send the written hazard summary";
    if (what == "safety-work") return "Complete the safety work";
    if (what == "further-work-start") return "Start the further works";
    if (what == "further-work-done") return "Finish the further works";
    if (what == "close") return "Close the hazard";
    return "";
}

const char* hazard_step_state_label(HazardStepState s) {
    switch (s) {
        case HazardStepState::Pending: return "pending";
        case HazardStepState::Overdue: return "overdue";
        case HazardStepState::DoneOnTime: return "done on time";
        case HazardStepState::DoneLate: return "done late";
        case HazardStepState::NotNeeded: return "not needed";
    }
    return "";
}

HazardStatus hazard_status(const HazardRecord& h, LocalDateTime now, const Settings& settings, const Calendar& calendar) {
    HazardStatus st;
    st.closed = h.closed.has_value();
    st.under_the_law = under_awaabs_law(h, settings);
    const auto steps = hazard_steps(h.aware, h.emergency ? HazardKind::Emergency : HazardKind::Significant,
                                    settings.hazard_timescales, calendar, h.investigated);
    const bool no_works = h.investigated && !h.significant_found;
    for (const HazardStep& step : steps) {
        HazardStepStatus s;
        s.step = step.name;
        s.label = step_label(step.name);
        s.due = step.due;
        s.due_at = step.due_at;
        const bool works = step.name == "safety-work" || step.name == "further-work-start" || step.name == "further-work-latest";
        s.provisional = !h.investigated && step.name != "make-safe" && step.name != "investigate";
        bool on_time = false;
        if (step.name == "make-safe") {
            // Made safe, or investigated and found no emergency to make safe. On time only
            // if it was made safe within the 24 hours AND the investigation, once recorded,
            // ended within them too (an emergency has no working-day investigation).
            if (h.made_safe || (h.investigated && !h.emergency_found)) {
                s.done_at = h.made_safe;
                s.done = h.made_safe ? h.made_safe->date : *h.investigated;
                on_time = (!h.made_safe || utc(*h.made_safe) <= utc(*s.due_at)) && (!h.investigated || *h.investigated <= s.due);
            }
        } else {
            if (step.name == "investigate") s.done = h.investigated;
            else if (step.name == "summary") s.done = h.summary_sent;
            else if (step.name == "safety-work") s.done = h.safety_work_done;
            // Both limits on further works are on when they begin.
            else if (step.name == "further-work-start" || step.name == "further-work-latest") s.done = h.further_work_started;
            on_time = s.done && *s.done <= s.due;
        }

        if (s.done) {
            s.state = on_time ? HazardStepState::DoneOnTime : HazardStepState::DoneLate;
        } else if ((works && no_works) || st.closed) {
            s.state = HazardStepState::NotNeeded;  // closed only once every needed step is done (close_hazard)
        } else if (s.due_at) {
            const int64_t left = utc(*s.due_at) - utc(now);
            s.minutes_left = static_cast<int>(std::max<int64_t>(std::min<int64_t>(left, 1 << 30), -(1 << 30)));
            s.state = left < 0 ? HazardStepState::Overdue : HazardStepState::Pending;
        } else {
            s.working_days_left = calendar.working_days_between(now.date, s.due);
            s.state = now.date > s.due ? HazardStepState::Overdue : HazardStepState::Pending;
        }
        if (st.next < 0 && (s.state == HazardStepState::Pending || s.state == HazardStepState::Overdue))
            st.next = static_cast<int>(st.steps.size());
        if (s.state == HazardStepState::Overdue && (s.step == "make-safe" || s.step == "safety-work") &&
            h.accommodation == HazardRecord::Accommodation::NotNeeded)
            st.offer_accommodation = true;
        st.steps.push_back(std::move(s));
    }
    return st;
}

std::string describe_time_left(const HazardStepStatus& s) {
    const auto plural = [](int n, const char* unit) { return std::to_string(n) + " " + unit + (n == 1 ? "" : "s"); };
    switch (s.state) {
        case HazardStepState::NotNeeded: return "not needed";
        case HazardStepState::DoneOnTime:
        case HazardStepState::DoneLate:
            return "done " + (s.done_at ? to_iso(*s.done_at) : to_iso(*s.done)) +
                   (s.state == HazardStepState::DoneOnTime ? ", on time" : ", late");
        case HazardStepState::Pending:
        case HazardStepState::Overdue: break;
    }
    if (s.by_the_hour()) {
        const int m = s.minutes_left < 0 ? -s.minutes_left : s.minutes_left;
        char buf[48];
        std::snprintf(buf, sizeof buf, "%d h %02d min %s", m / 60, m % 60, s.minutes_left < 0 ? "overdue" : "left");
        return buf;
    }
    if (s.state == HazardStepState::Overdue)
        return s.working_days_left < 0 ? plural(-s.working_days_left, "working day") + " overdue" : "overdue";
    if (s.working_days_left == 0) return "due today";
    return plural(s.working_days_left, "working day") + " left";
}

// ---------------------------------------------------------------------------
// Text

std::string hazard_clock_text(const std::vector<HazardStep>& steps) {
    std::string out;
    for (const HazardStep& s : steps) out += s.name + "\t" + (s.due_at ? to_iso(*s.due_at) : to_iso(s.due)) + "\n";
    return out;
}

std::string open_hazards_text(const std::vector<Case>& cases, LocalDateTime now, const Settings& settings,
                              const Calendar& calendar) {
    struct Row {
        const Case* c;
        const HazardRecord* h;
        HazardStatus st;
        std::tuple<int, int32_t, int, std::string, std::string> key;  // (no next step?, due day, due minute, reference, id)
    };
    std::vector<Row> rows;
    for (const Case& c : cases)
        for (const HazardRecord& h : c.hazards) {
            if (h.closed) continue;
            Row r{&c, &h, hazard_status(h, now, settings, calendar), {}};
            if (r.st.next >= 0) {
                const HazardStepStatus& n = r.st.steps[static_cast<size_t>(r.st.next)];
                r.key = {0, n.due.serial(), n.due_at ? n.due_at->minute_of_day : 24 * 60, c.reference, h.id};
            } else {
                r.key = {1, 0, 0, c.reference, h.id};
            }
            rows.push_back(std::move(r));
        }
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.key < b.key; });

    std::string out = "Open hazards at " + to_iso(now) + ": " + std::to_string(rows.size()) + "\n";
    for (const Row& r : rows) {
        out += "\n" + (r.c->reference.empty() ? r.c->id : r.c->reference) + "  " + describe_hazard(*r.h, settings) +
               "  aware " + to_iso(r.h->aware) + "\n";
        for (size_t i = 0; i < r.st.steps.size(); ++i) {
            const HazardStepStatus& s = r.st.steps[i];
            std::string step = s.step;
            step.resize(std::max<size_t>(step.size(), 20), ' ');
            std::string due = s.due_at ? to_iso(*s.due_at) : to_iso(s.due);
            due.resize(std::max<size_t>(due.size(), 17), ' ');
            const bool open = s.state == HazardStepState::Pending || s.state == HazardStepState::Overdue;
            out += std::string(static_cast<int>(i) == r.st.next ? "  * " : "    ") + step + " " + due + " " +
                   describe_time_left(s) + (open && s.provisional ? " (until the investigation ends)" : "") + "\n";
        }
        if (!r.st.under_the_law) out += "    (" + commencement_note(*r.h, settings) + ")\n";
        if (r.st.offer_accommodation)
            out += "    ! the home was not made safe in time: offer alternative accommodation\n";
    }
    return out;
}

}  // namespace doorstep
