// The Code's clocks and a case's status. Hot path: status() runs for every case
// every frame, so it walks the case once and allocates nothing.
#include "core/rules/deadlines.h"

#include "core/rules/derived_flags.h"
#include "core/rules/findings.h"
#include "core/rules/hazards.h"

#include <algorithm>

namespace doorstep {

namespace {

int shortened(int days, int by) { return std::max(1, days - by); }

bool is_closed(const Case& c) { return c.closure.has_value(); }

Date escalation_requested(const Stage& s) { return s.escalation ? s.escalation->requested : s.opened; }

// An update counts when it reached the resident, left a message or was written.
bool update_given(const ContactAttempt& a) {
    return a.purpose == ContactPurpose::Update && a.outcome != ContactOutcome::NoAnswer;
}

// Earliest update given in (after, upto], if any.
std::optional<Date> first_update_between(const Case& c, Date after, Date upto) {
    std::optional<Date> best;
    for (const ContactAttempt& a : c.contacts)
        if (update_given(a) && a.on > after && a.on <= upto && (!best || a.on < *best)) best = a.on;
    return best;
}

// Walks the rolling 5.9 schedule, calling f(UpdateSlot) for each slot. Allocation-free.
template <class F>
void walk_updates(const Case& c, const Stage& s, Date today, const Calendar& cal, F&& f) {
    if (!s.updates || s.updates->every_working_days <= 0) return;
    const int every = s.updates->every_working_days;
    const Date until = s.responded ? *s.responded : today;
    Date cursor = s.updates->agreed_on;
    for (int guard = 0; guard < 5000; ++guard) {
        const Date due = cal.add_working_days(cursor, every);
        if (auto given = first_update_between(c, cursor, std::min(due, until))) {
            f(UpdateSlot{due, UpdateState::Given, given});
            cursor = *given;
            continue;
        }
        if (due < until) {
            f(UpdateSlot{due, UpdateState::Missed, std::nullopt});
            cursor = due;
            continue;
        }
        if (!s.responded) f(UpdateSlot{due, UpdateState::Pending, std::nullopt});
        break;
    }
}

bool person_conflicted(const Case& c, const std::string& person) {
    if (person.empty()) return false;
    for (const ConflictOfInterest& k : c.conflicts_of_interest)
        if (k.person == person) return true;
    return false;
}

std::optional<Date> conflict_declared(const Case& c, const std::string& person) {
    for (const ConflictOfInterest& k : c.conflicts_of_interest)
        if (k.person == person) return k.declared_on;
    return std::nullopt;
}

bool remedy_open(const Remedy& r) {
    return !r.completed && r.state != RemedyState::Completed && r.state != RemedyState::Declined;
}

// Keeps the earliest candidate; on the same day the first one offered wins, so
// callers offer the Code's main clocks first.
struct Pick {
    NextAction what = NextAction::None;
    std::optional<Date> due;
    bool offer(NextAction a, std::optional<Date> d) {  // true when it took this one
        if (what == NextAction::None) { what = a; due = d; return true; }
        if (!d) return false;
        if (!due || *d < *due) { what = a; due = d; return true; }
        return false;
    }
};

void offer_remedies_and_actions(const Case& c, Pick& pick) {
    for (const Stage& s : c.stages) {
        for (const Remedy& r : s.remedies)
            if (remedy_open(r)) pick.offer(NextAction::CompleteRemedy, r.due);
        for (const OutstandingAction& a : s.actions)
            if (!a.completed) pick.offer(NextAction::CompleteAction, a.due);
    }
}

StatusLabel closed_label(ClosureReason r) {
    switch (r) {
        case ClosureReason::Resolved: return StatusLabel::ClosedResolved;
        case ClosureReason::NotEscalated: return StatusLabel::ClosedNotEscalated;
        case ClosureReason::Withdrawn: return StatusLabel::ClosedWithdrawn;
        case ClosureReason::Refused: return StatusLabel::ClosedRefused;
        case ClosureReason::ServiceRequestDone: return StatusLabel::ClosedServiceRequestDone;
        case ClosureReason::NoFurtherAction: return StatusLabel::ClosedNoFurtherAction;
        case ClosureReason::JoinedToOther: return StatusLabel::ClosedJoined;
    }
    return StatusLabel::ClosedResolved;
}

}  // namespace

// ---------------------------------------------------------------------------
// Clocks

int shortened_by(const Case& c) {
    int by = 0;
    for (const ReasonableAdjustment& a : c.adjustments) by = std::max(by, a.shorter_timescale_days);
    return by;
}

StageClock stage_clock(const Case& c, const Stage& s, const Settings& settings, const Calendar& cal) {
    const Policy& p = settings.policy;
    const int by = shortened_by(c);
    StageClock k;
    if (c.code == CodeVersion::Code2022) {
        // 2022 Code: stage 1 from logging; stages 2 and 3 from their request.
        if (s.number <= 1) {
            k.acknowledge_due = cal.add_working_days(c.received, shortened(p.acknowledge_days, by));
            k.response_base_due = cal.add_working_days(c.logged.value_or(c.received),
                                                       shortened(p.legacy_stage1_response_days, by));
            k.max_extension_days = p.stage1_max_extension_days;
        } else {
            const Date req = escalation_requested(s);
            k.acknowledge_due = cal.add_working_days(req, shortened(p.stage2_acknowledge_days, by));
            const int days = s.number == 2 ? p.legacy_stage2_response_days : p.legacy_stage3_response_days;
            k.response_base_due = cal.add_working_days(req, shortened(days, by));
            k.max_extension_days = p.legacy_stage2_max_extension_days;
        }
    } else if (s.number <= 1) {
        k.acknowledge_due = cal.add_working_days(c.received, shortened(p.acknowledge_days, by));       // 6.2
        const Date from = s.acknowledged.value_or(k.acknowledge_due);
        k.response_base_due = cal.add_working_days(from, shortened(p.stage1_response_days, by));      // 6.3
        k.max_extension_days = p.stage1_max_extension_days;                                           // 6.4
    } else {
        k.acknowledge_due = cal.add_working_days(escalation_requested(s), shortened(p.stage2_acknowledge_days, by));  // 6.11
        const Date from = s.acknowledged.value_or(k.acknowledge_due);
        k.response_base_due = cal.add_working_days(from, shortened(p.stage2_response_days, by));      // 6.14
        k.max_extension_days = p.stage2_max_extension_days;                                           // 6.15
    }

    // Extensions: all of them move the deadline; under the Code only the part within
    // the limit, or beyond it with a good reason recorded, counts for CH02 — and on a
    // 2024-Code case only once the resident was told of it with the Ombudsman's
    // details (6.4, 6.5, 6.15, 6.16): an untold extension does not extend the clock.
    int total = 0, allowed = 0;
    for (const Extension& e : s.extensions) {
        const int days = std::max(0, e.working_days);
        const int within = std::max(0, std::min(days, k.max_extension_days - total));
        total += days;
        if (!extension_counts_under_code(c, e)) continue;
        allowed += within + (has_good_reason(e) ? days - within : 0);
    }
    k.extension_days = total;
    k.response_due = cal.add_working_days(k.response_base_due, total);
    k.response_code_due = cal.add_working_days(k.response_base_due, allowed);
    return k;
}

Date acknowledge_due(const Case& c, const Stage& s, const Settings& settings, const Calendar& cal) {
    return stage_clock(c, s, settings, cal).acknowledge_due;
}

Date response_due(const Case& c, const Stage& s, const Settings& settings, const Calendar& cal) {
    return stage_clock(c, s, settings, cal).response_due;
}

Date extension_notice_due(const Case& c, const Stage& s, int index, const Settings& settings, const Calendar& cal) {
    const StageClock k = stage_clock(c, s, settings, cal);
    if (index < 0 || index >= static_cast<int>(s.extensions.size())) return k.response_due;
    const Extension& e = s.extensions[index];
    // Set at the acknowledgement of a complex case: the acknowledgement tells the resident.
    if (e.set_at_acknowledgement && s.acknowledged) return *s.acknowledged;
    int before = 0;
    for (int i = 0; i < index; ++i) before += std::max(0, s.extensions[i].working_days);
    const Date deadline = cal.add_working_days(k.response_base_due, before);
    return cal.add_working_days(deadline, -settings.policy.extension_notice_days_before);
}

Date refusal_explanation_due(const Refusal& r, const Settings& settings, const Calendar& cal) {
    return cal.add_working_days(r.decided_on, settings.policy.refusal_explanation_days);  // 2.4
}

Date escalation_window_end(Date stage1_responded, const Settings& settings) {
    return stage1_responded.plus_days(7 * settings.policy.escalation_window_weeks);  // calendar weeks
}

// ---------------------------------------------------------------------------
// Updates (5.9)

std::vector<UpdateSlot> update_schedule(const Case& c, const Stage& s, Date today, const Calendar& cal) {
    std::vector<UpdateSlot> out;
    walk_updates(c, s, today, cal, [&](const UpdateSlot& slot) { out.push_back(slot); });
    return out;
}

std::optional<Date> next_update_due(const Case& c, const Stage& s, Date today, const Calendar& cal) {
    if (s.responded) return std::nullopt;
    std::optional<Date> first_missed, pending;
    walk_updates(c, s, today, cal, [&](const UpdateSlot& slot) {
        if (slot.state == UpdateState::Given) first_missed.reset();
        else if (slot.state == UpdateState::Missed) { if (!first_missed) first_missed = slot.due; }
        else pending = slot.due;
    });
    return first_missed ? first_missed : pending;
}

int missed_updates(const Case& c, const Stage& s, Date today, const Calendar& cal) {
    int n = 0;
    walk_updates(c, s, today, cal, [&](const UpdateSlot& slot) { n += slot.state == UpdateState::Missed; });
    return n;
}

// ---------------------------------------------------------------------------
// Timeliness (CH02)

StageTimeliness stage_timeliness(const Case& c, const Stage& s, const Settings& settings, const Calendar& cal) {
    const StageClock k = stage_clock(c, s, settings, cal);
    StageTimeliness t;
    t.acknowledged = s.acknowledged.has_value();
    t.acknowledged_on_time = t.acknowledged && *s.acknowledged <= k.acknowledge_due;
    t.responded = s.responded.has_value();
    t.within_base = t.responded && *s.responded <= k.response_base_due;
    t.within_extended = t.responded && *s.responded <= k.response_code_due;
    return t;
}

// ---------------------------------------------------------------------------
// Status

const char* next_action_label(NextAction a) {
    switch (a) {
        case NextAction::None: return "Nothing due";
        case NextAction::Acknowledge: return "Acknowledge and define the complaint";
        case NextAction::Respond: return "Send the response";
        case NextAction::SendExtensionNotice: return "Tell the resident about the extension";
        case NextAction::GiveUpdate: return "Give the agreed update";
        case NextAction::Reallocate: return "Reallocate: conflict of interest";
        case NextAction::ExplainRefusal: return "Explain the refusal in writing";
        case NextAction::EscalationWindowOpen: return "Escalation window open";
        case NextAction::CompleteRemedy: return "Complete the remedy";
        case NextAction::CompleteAction: return "Complete the outstanding action";
        case NextAction::ReviewAdjustment: return "Review the reasonable adjustment";
        case NextAction::ReviewRestriction: return "Review the contact restriction";
        case NextAction::ComplyWithOmbudsmanOrder: return "Comply with the Ombudsman's order";
        case NextAction::CompleteServiceRequest: return "Complete the service request";
        case NextAction::Close: return "Close the case";
        case NextAction::HazardStep: return "Next hazard step";
    }
    return "";
}

const char* urgency_label(Urgency u) {
    switch (u) {
        case Urgency::None: return "";
        case Urgency::Upcoming: return "Upcoming";
        case Urgency::DueSoon: return "Due soon";
        case Urgency::DueToday: return "Due today";
        case Urgency::Overdue: return "Overdue";
    }
    return "";
}

const char* status_label_text(StatusLabel l) {
    switch (l) {
        case StatusLabel::Stage1AwaitingAcknowledgement: return "Stage 1 — awaiting acknowledgement";
        case StatusLabel::Stage1ResponseDue: return "Stage 1 — response due";
        case StatusLabel::Stage1Extended: return "Stage 1 — response due (extended)";
        case StatusLabel::Stage1Responded: return "Stage 1 — responded, escalation window open";
        case StatusLabel::Stage1WindowClosed: return "Stage 1 — responded, escalation window closed";
        case StatusLabel::Stage2AwaitingAcknowledgement: return "Stage 2 — awaiting acknowledgement";
        case StatusLabel::Stage2ResponseDue: return "Stage 2 — response due";
        case StatusLabel::Stage2Extended: return "Stage 2 — response due (extended)";
        case StatusLabel::Stage2Responded: return "Stage 2 — final response sent";
        case StatusLabel::Stage3AwaitingResponse: return "Stage 3 (2022 Code) — response due";
        case StatusLabel::Stage3Responded: return "Stage 3 (2022 Code) — responded";
        case StatusLabel::RefusalToExplain: return "Refused — explanation due";
        case StatusLabel::RefusalExplained: return "Refused — explained, ready to close";
        case StatusLabel::ServiceRequestOpen: return "Service request — open";
        case StatusLabel::EnquiryOpen: return "Councillor or MP enquiry — open";
        case StatusLabel::FeedbackOpen: return "Feedback — open";
        case StatusLabel::ClosedResolved: return "Closed — resolved";
        case StatusLabel::ClosedNotEscalated: return "Closed — not escalated";
        case StatusLabel::ClosedWithdrawn: return "Closed — withdrawn";
        case StatusLabel::ClosedRefused: return "Closed — refused";
        case StatusLabel::ClosedServiceRequestDone: return "Closed — service request done";
        case StatusLabel::ClosedNoFurtherAction: return "Closed — no further action";
        case StatusLabel::ClosedJoined: return "Closed — joined to another case";
    }
    return "";
}

std::optional<HazardDue> next_hazard_step(const HazardRecord& h, const Settings& settings, const Calendar& cal) {
    const std::string next = next_hazard_record(h);
    // The clock the next record answers to; finishing further works and closing have none.
    std::string step = next;
    if (h.emergency && next == "investigate") step = "make-safe";  // an emergency's investigation is in its 24 hours
    if (step == "further-work-done" || step == "close" || step.empty()) return std::nullopt;
    const auto steps = hazard_steps(h.aware, h.emergency ? HazardKind::Emergency : HazardKind::Significant,
                                    settings.hazard_timescales, cal, h.investigated);
    static const char* const kSteps[] = {"make-safe", "investigate", "summary", "safety-work", "further-work-start"};
    for (const doorstep::HazardStep& s : steps)
        for (const char* name : kSteps)
            if (s.name == step && step == name) return HazardDue{name, hazard_record_label(next), s.due, s.due_at};
    return std::nullopt;
}

Urgency urgency_of(Date due, Date today, const Settings& settings, const Calendar& cal) {
    if (due < today) return Urgency::Overdue;
    if (due == today) return Urgency::DueToday;
    if (cal.working_days_between(today, due) <= settings.policy.due_soon_days) return Urgency::DueSoon;
    return Urgency::Upcoming;
}

CaseStatus status(const Case& c, Date today, const Settings& settings, const Calendar& cal) {
    CaseStatus st;
    st.open = !is_closed(c);
    const Stage* s = c.stages.empty() ? nullptr : &c.stages.back();
    st.stage = s ? s->number : 0;
    Pick pick;

    std::optional<StageClock> clock;
    if (s && c.kind == CaseKind::Complaint) {
        clock = stage_clock(c, *s, settings, cal);
        if (s->acknowledged) st.acknowledged_on_time = *s->acknowledged <= clock->acknowledge_due ? OnTime::Yes : OnTime::No;
        if (s->responded) st.responded_on_time = *s->responded <= clock->response_code_due ? OnTime::Yes : OnTime::No;
    }

    if (!st.open) {
        st.label_id = closed_label(c.closure->reason);
        offer_remedies_and_actions(c, pick);  // 7.3: followed through even after closure
    } else if (c.refusal && !c.refusal->explained_on) {
        st.label_id = StatusLabel::RefusalToExplain;
        pick.offer(NextAction::ExplainRefusal, refusal_explanation_due(*c.refusal, settings, cal));
    } else if (c.refusal) {
        // Refused and explained (2.4, 5.11): nothing of the complaint's own clocks is
        // left; remedies from an earlier stage are still followed through (7.3).
        st.label_id = StatusLabel::RefusalExplained;
        offer_remedies_and_actions(c, pick);
        pick.offer(NextAction::Close, std::nullopt);
    } else if (c.kind == CaseKind::ServiceRequest) {
        st.label_id = StatusLabel::ServiceRequestOpen;
        pick.offer(NextAction::CompleteServiceRequest, std::nullopt);
    } else if (c.kind == CaseKind::MemberEnquiry) {
        st.label_id = StatusLabel::EnquiryOpen;
        pick.offer(NextAction::Close, std::nullopt);
    } else if (c.kind != CaseKind::Complaint) {
        st.label_id = StatusLabel::FeedbackOpen;
        pick.offer(NextAction::Close, std::nullopt);
    } else if (!s) {
        // A complaint with no stage yet (imported): the acknowledgement clock still runs (6.2).
        st.label_id = StatusLabel::Stage1AwaitingAcknowledgement;
        st.stage = 1;
        pick.offer(NextAction::Acknowledge,
                   cal.add_working_days(c.received, shortened(settings.policy.acknowledge_days, shortened_by(c))));
    } else if (!s->responded) {
        const bool extended = !s->extensions.empty();
        if (s->number >= 3) st.label_id = StatusLabel::Stage3AwaitingResponse;
        else if (!s->acknowledged) st.label_id = s->number == 1 ? StatusLabel::Stage1AwaitingAcknowledgement : StatusLabel::Stage2AwaitingAcknowledgement;
        else if (s->number == 1) st.label_id = extended ? StatusLabel::Stage1Extended : StatusLabel::Stage1ResponseDue;
        else st.label_id = extended ? StatusLabel::Stage2Extended : StatusLabel::Stage2ResponseDue;

        for (const std::string* who : {&s->investigator, &s->approver})
            if (person_conflicted(c, *who)) pick.offer(NextAction::Reallocate, conflict_declared(c, *who));  // 5.8c
        if (!s->acknowledged && s->number < 3) {
            pick.offer(NextAction::Acknowledge, clock->acknowledge_due);
        } else {
            pick.offer(NextAction::Respond, clock->response_due);
            for (int i = 0; i < static_cast<int>(s->extensions.size()); ++i)
                if (!s->extensions[i].resident_told)
                    pick.offer(NextAction::SendExtensionNotice, extension_notice_due(c, *s, i, settings, cal));
            pick.offer(NextAction::GiveUpdate, next_update_due(c, *s, today, cal));
        }
        offer_remedies_and_actions(c, pick);  // a remedy may be offered at any stage (5.13)
    } else if (s->number == 1) {
        const Date end = escalation_window_end(*s->responded, settings);
        st.label_id = today > end ? StatusLabel::Stage1WindowClosed : StatusLabel::Stage1Responded;
        offer_remedies_and_actions(c, pick);
        if (today > end) pick.offer(NextAction::Close, end.plus_days(1));
        else pick.offer(NextAction::EscalationWindowOpen, end);
    } else {
        st.label_id = s->number >= 3 ? StatusLabel::Stage3Responded : StatusLabel::Stage2Responded;
        offer_remedies_and_actions(c, pick);
        pick.offer(NextAction::Close, std::nullopt);
    }

    // Awaab's Law clocks run whatever the complaint's state.
    std::optional<HazardDue> hazard_due;
    for (int i = 0; i < static_cast<int>(c.hazards.size()); ++i) {
        if (c.hazards[i].closed) continue;
        if (auto h = next_hazard_step(c.hazards[i], settings, cal); h && pick.offer(NextAction::HazardStep, h->due)) {
            hazard_due = h;
            st.hazard = i;
        }
    }

    st.findings = count_case_findings(c, settings);
    st.label = status_label_text(st.label_id);
    st.next = pick.what;
    st.next_label = pick.what == NextAction::HazardStep && hazard_due ? hazard_due->label : next_action_label(pick.what);
    st.due = pick.due;
    if (pick.due && pick.what != NextAction::EscalationWindowOpen) {
        st.working_days_left = cal.working_days_between(today, *pick.due);
        st.urgency = urgency_of(*pick.due, today, settings, cal);
    } else if (pick.due) {
        st.working_days_left = cal.working_days_between(today, *pick.due);  // informational: no urgency
    }
    return st;
}

// ---------------------------------------------------------------------------
// Obligations for the Today screen

void open_obligations(const Case& c, Date today, const Settings& settings, const Calendar& cal,
                      std::vector<Obligation>& out) {
    const size_t first = out.size();
    const auto add = [&](NextAction what, int stage, int index, Date due) {
        out.push_back(Obligation{what, stage, index, due, std::nullopt, next_action_label(what), urgency_of(due, today, settings, cal)});
    };
    const bool open = !is_closed(c);

    if (open && c.refusal && !c.refusal->explained_on)
        add(NextAction::ExplainRefusal, 0, -1, refusal_explanation_due(*c.refusal, settings, cal));

    if (open && !c.refusal && c.kind == CaseKind::Complaint) {
        if (c.stages.empty()) {
            add(NextAction::Acknowledge, 1, -1,
                cal.add_working_days(c.received, shortened(settings.policy.acknowledge_days, shortened_by(c))));
        } else {
            const Stage& s = c.stages.back();
            if (!s.responded) {
                const StageClock k = stage_clock(c, s, settings, cal);
                for (const std::string* who : {&s.investigator, &s.approver})
                    if (auto on = conflict_declared(c, *who)) add(NextAction::Reallocate, s.number, -1, *on);
                if (!s.acknowledged && s.number < 3) {
                    add(NextAction::Acknowledge, s.number, -1, k.acknowledge_due);
                } else {
                    add(NextAction::Respond, s.number, -1, k.response_due);
                    for (int i = 0; i < static_cast<int>(s.extensions.size()); ++i)
                        if (!s.extensions[i].resident_told)
                            add(NextAction::SendExtensionNotice, s.number, i, extension_notice_due(c, s, i, settings, cal));
                    if (auto u = next_update_due(c, s, today, cal)) add(NextAction::GiveUpdate, s.number, -1, *u);
                }
            }
        }
    }

    for (const Stage& s : c.stages) {
        for (int i = 0; i < static_cast<int>(s.remedies.size()); ++i)
            if (remedy_open(s.remedies[i]) && s.remedies[i].due)
                add(NextAction::CompleteRemedy, s.number, i, *s.remedies[i].due);
        for (int i = 0; i < static_cast<int>(s.actions.size()); ++i)
            if (!s.actions[i].completed) add(NextAction::CompleteAction, s.number, i, s.actions[i].due);
    }

    // Reviews of per-resident duties while the case is open (5.10, 5.14).
    if (open) {
        for (int i = 0; i < static_cast<int>(c.adjustments.size()); ++i)
            if (c.adjustments[i].review_due) add(NextAction::ReviewAdjustment, 0, i, *c.adjustments[i].review_due);
        for (int i = 0; i < static_cast<int>(c.restrictions.size()); ++i)
            if (c.restrictions[i].review_due) add(NextAction::ReviewRestriction, 0, i, *c.restrictions[i].review_due);
    }

    if (c.ombudsman)
        for (int i = 0; i < static_cast<int>(c.ombudsman->orders.size()); ++i)
            if (!c.ombudsman->orders[i].completed)
                add(NextAction::ComplyWithOmbudsmanOrder, 0, i, c.ombudsman->orders[i].due);

    for (int i = 0; i < static_cast<int>(c.hazards.size()); ++i)
        if (auto h = next_hazard_step(c.hazards[i], settings, cal)) {
            add(NextAction::HazardStep, 0, i, h->due);
            out.back().due_at = h->due_at;
            out.back().label = h->label;
        }

    std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                     [](const Obligation& a, const Obligation& b) { return a.due < b.due; });
}

std::vector<Obligation> open_obligations(const Case& c, Date today, const Settings& settings, const Calendar& cal) {
    std::vector<Obligation> out;
    open_obligations(c, today, settings, cal, out);
    return out;
}

}  // namespace doorstep
