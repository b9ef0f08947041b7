// The Code's clocks, status and obligations. Expected dates worked out by hand
// against the England and Wales bank holidays.
#include <doctest/doctest.h>

#include "core/rules/deadlines.h"
#include "core/rules/hazards.h"
#include "core/model/settings.h"
#include "core/data/settings_defaults.h"
#include "core/rules/workflow.h"

#include <chrono>
#include <cstdio>

using namespace doorstep;

namespace {

Date d(const char* iso) { return *parse_iso_date(iso); }

const Settings& S() {
    static const Settings s = default_settings();
    return s;
}

const Calendar& C() {
    static const Calendar cal = S().calendar();
    return cal;
}

// A complaint as stored (no workflow checks): received, optionally acknowledged and answered.
Case complaint(const char* received, const char* acked = nullptr, const char* responded = nullptr) {
    Case c;
    c.id = "case";
    c.reference = "DS-2025-000001";
    c.received = d(received);
    c.logged = c.received;
    Stage s;
    s.number = 1;
    s.opened = c.received;
    if (acked) s.acknowledged = d(acked);
    if (responded) s.responded = d(responded);
    s.investigator = "Jo Placeholder";
    c.stages.push_back(s);
    return c;
}

Stage stage2(const char* requested, const char* acked = nullptr, const char* responded = nullptr) {
    Stage s;
    s.number = 2;
    s.opened = d(requested);
    s.escalation = Escalation{d(requested), "", false, ""};
    if (acked) s.acknowledged = d(acked);
    if (responded) s.responded = d(responded);
    return s;
}

Extension ext(int days, const char* decided, const char* good_reason = "") {
    Extension e;
    e.working_days = days;
    e.reason = "Waiting for a survey";
    e.decided_on = d(decided);
    e.good_reason = good_reason;
    return e;
}

// The extension as the resident was told of it, with the Ombudsman's details (6.4, 6.5).
Extension told(Extension e) {
    e.resident_told = e.decided_on;
    e.ombudsman_details_given = true;
    return e;
}

ContactAttempt update_on(const char* on, ContactOutcome outcome = ContactOutcome::Reached) {
    ContactAttempt a;
    a.on = d(on);
    a.purpose = ContactPurpose::Update;
    a.outcome = outcome;
    return a;
}

}  // namespace

// ---------------------------------------------------------------------------
// Clocks

TEST_CASE("clocks: the brief's December 2024 example") {
    // Received Friday 20 Dec 2024: 25 and 26 Dec are bank holidays → acknowledge by Tue 31 Dec (6.2).
    Case c = complaint("2024-12-20");
    StageClock k = stage_clock(c, c.stages[0], S(), C());
    CHECK(k.acknowledge_due == d("2024-12-31"));
    // Before the acknowledgement, the response clock counts from the acknowledge-due date:
    // 10 working days after 31 Dec, skipping New Year's Day → Wed 15 Jan 2025.
    CHECK(k.response_base_due == d("2025-01-15"));
    CHECK(k.response_due == d("2025-01-15"));
    // Acknowledged Mon 23 Dec → 10 working days after the acknowledgement (6.3) → Thu 9 Jan 2025.
    c.stages[0].acknowledged = d("2024-12-23");
    k = stage_clock(c, c.stages[0], S(), C());
    CHECK(k.response_base_due == d("2025-01-09"));
    CHECK(acknowledge_due(c, c.stages[0], S(), C()) == d("2024-12-31"));
    CHECK(response_due(c, c.stages[0], S(), C()) == d("2025-01-09"));

    // Refusal decided that Friday: explained within 5 working days (2.4) → Tue 31 Dec.
    Refusal r;
    r.decided_on = d("2024-12-20");
    CHECK(refusal_explanation_due(r, S(), C()) == d("2024-12-31"));
}

TEST_CASE("clocks: stage 2 from the escalation request and its acknowledgement (6.11, 6.14)") {
    Case c = complaint("2025-02-03", "2025-02-05", "2025-02-14");
    c.stages.push_back(stage2("2025-03-03"));
    StageClock k = stage_clock(c, c.stages[1], S(), C());
    CHECK(k.acknowledge_due == d("2025-03-10"));
    CHECK(k.response_base_due == d("2025-04-07"));  // 20 WD after the acknowledge-due date
    c.stages[1].acknowledged = d("2025-03-07");
    k = stage_clock(c, c.stages[1], S(), C());
    CHECK(k.response_base_due == d("2025-04-04"));
    CHECK(k.max_extension_days == 20);
}

TEST_CASE("clocks: extensions move the deadline — the notice is due 2 working days before it") {
    Case c = complaint("2025-02-03", "2025-02-06");
    Stage& s = c.stages[0];
    CHECK(response_due(c, s, S(), C()) == d("2025-02-20"));
    s.extensions.push_back(told(ext(10, "2025-02-14")));
    StageClock k = stage_clock(c, s, S(), C());
    CHECK(k.response_base_due == d("2025-02-20"));
    CHECK(k.response_due == d("2025-03-06"));
    CHECK(k.response_code_due == d("2025-03-06"));
    CHECK(k.extension_days == 10);
    CHECK(extension_notice_due(c, s, 0, S(), C()) == d("2025-02-18"));
    // A second extension: its notice counts back from the deadline the first one set.
    s.extensions.push_back(ext(3, "2025-03-03", "Specialist damp survey"));
    CHECK(extension_notice_due(c, s, 1, S(), C()) == d("2025-03-04"));
    // One set at the acknowledgement is told with the acknowledgement.
    s.extensions[0].set_at_acknowledgement = true;
    CHECK(extension_notice_due(c, s, 0, S(), C()) == d("2025-02-06"));
}

TEST_CASE("clocks: a reasonable adjustment with shorter timescales reduces them") {
    Case c = complaint("2025-02-03");
    c.adjustments.push_back(ReasonableAdjustment{"Shorter timescales", "Anxiety", d("2025-02-03"), d("2025-08-01"), 2});
    StageClock k = stage_clock(c, c.stages[0], S(), C());
    CHECK(shortened_by(c) == 2);
    CHECK(k.acknowledge_due == d("2025-02-06"));  // 3 working days
    c.stages[0].acknowledged = d("2025-02-06");
    CHECK(response_due(c, c.stages[0], S(), C()) == d("2025-02-18"));  // 8 working days
    // Never below one working day.
    c.adjustments[0].shorter_timescale_days = 9;
    CHECK(stage_clock(c, c.stages[0], S(), C()).acknowledge_due == d("2025-02-04"));
}

TEST_CASE("clocks: policy numbers are data") {
    Settings s = S();
    s.policy.acknowledge_days = 3;
    s.policy.stage1_response_days = 8;
    Case c = complaint("2025-02-03", "2025-02-06");
    StageClock k = stage_clock(c, c.stages[0], s, C());
    CHECK(k.acknowledge_due == d("2025-02-06"));
    CHECK(k.response_base_due == d("2025-02-18"));
}

TEST_CASE("escalation window: 4 calendar weeks, across a month end and bank holidays") {
    CHECK(escalation_window_end(d("2025-01-31"), S()) == d("2025-02-28"));
    // 30 Apr 2025 → 28 May 2025: the early May and spring bank holidays do not lengthen it.
    CHECK(escalation_window_end(d("2025-04-30"), S()) == d("2025-05-28"));
    // Across Christmas: 20 Dec 2024 → 17 Jan 2025.
    CHECK(escalation_window_end(d("2024-12-20"), S()) == d("2025-01-17"));
    Settings six = S();
    six.policy.escalation_window_weeks = 6;
    CHECK(escalation_window_end(d("2025-01-31"), six) == d("2025-03-14"));
}

// ---------------------------------------------------------------------------
// 2022 Code

TEST_CASE("legacy: a 2022-Code case whose 2022 and 2024 clocks disagree") {
    // Received Mon 2 Oct 2023, logged Wed 4 Oct, acknowledged late on Fri 13 Oct, answered Fri 20 Oct.
    Case c = complaint("2023-10-02", "2023-10-13", "2023-10-20");
    c.code = CodeVersion::Code2022;
    c.logged = d("2023-10-04");
    StageClock k = stage_clock(c, c.stages[0], S(), C());
    CHECK(k.response_base_due == d("2023-10-18"));  // 10 WD from logging
    StageTimeliness t = stage_timeliness(c, c.stages[0], S(), C());
    CHECK_FALSE(t.within_base);  // late under the Code it was handled under
    CHECK_FALSE(t.within_extended);
    CHECK_FALSE(t.acknowledged_on_time);  // due Mon 9 Oct

    // The same dates judged by the 2024 clocks would wrongly count as on time.
    Case as2024 = c;
    as2024.code = CodeVersion::Code2024;
    CHECK(stage_clock(as2024, as2024.stages[0], S(), C()).response_base_due == d("2023-10-27"));
    CHECK(stage_timeliness(as2024, as2024.stages[0], S(), C()).within_base);
    CHECK(status(c, d("2023-10-20"), S(), C()).responded_on_time == OnTime::No);
    CHECK(status(as2024, d("2023-10-20"), S(), C()).responded_on_time == OnTime::Yes);

    // Without a logging date, stage 1 counts from receipt.
    c.logged.reset();
    CHECK(stage_clock(c, c.stages[0], S(), C()).response_base_due == d("2023-10-16"));
}

TEST_CASE("legacy: stage 2 from the request (extension at most 10) and stage 3") {
    Case c = complaint("2023-10-02", "2023-10-04", "2023-10-16");
    c.code = CodeVersion::Code2022;
    c.stages.push_back(stage2("2023-11-01", "2023-11-10"));
    StageClock k = stage_clock(c, c.stages[1], S(), C());
    CHECK(k.response_base_due == d("2023-11-29"));  // from the request, not the acknowledgement
    CHECK(k.max_extension_days == 10);
    c.stages[1].extensions.push_back(ext(15, "2023-11-20"));  // beyond the 2022 limit, no good reason
    k = stage_clock(c, c.stages[1], S(), C());
    CHECK(k.response_due == C().add_working_days(d("2023-11-29"), 15));
    CHECK(k.response_code_due == d("2023-12-13"));  // only 10 count under the Code

    Stage s3;
    s3.number = 3;
    s3.opened = d("2023-12-04");
    s3.escalation = Escalation{d("2023-12-04"), "", false, ""};
    c.stages.push_back(s3);
    CHECK(stage_clock(c, c.stages[2], S(), C()).response_base_due == d("2024-01-04"));  // 20 WD over Christmas
    const CaseStatus st = status(c, d("2023-12-20"), S(), C());
    CHECK(st.stage == 3);
    CHECK(st.label_id == StatusLabel::Stage3AwaitingResponse);
    CHECK(st.next == NextAction::Respond);
    CHECK(st.due == d("2024-01-04"));
}

// ---------------------------------------------------------------------------
// CH02 timeliness

TEST_CASE("timeliness: base timescale versus the timescale as extended under the Code") {
    Case c = complaint("2025-02-03", "2025-02-06", "2025-02-27");  // base due 20 Feb
    c.stages[0].extensions.push_back(told(ext(10, "2025-02-14")));
    StageTimeliness t = stage_timeliness(c, c.stages[0], S(), C());
    CHECK(t.acknowledged_on_time);
    CHECK_FALSE(t.within_base);
    CHECK(t.within_extended);

    // 15 days without a good reason: only 10 count under the Code (6.4) → due 6 Mar.
    c.stages[0].extensions[0].working_days = 15;
    c.stages[0].responded = d("2025-03-11");
    t = stage_timeliness(c, c.stages[0], S(), C());
    CHECK(stage_clock(c, c.stages[0], S(), C()).response_due == d("2025-03-13"));
    CHECK_FALSE(t.within_extended);
    // With a good reason recorded the whole extension counts.
    c.stages[0].extensions[0].good_reason = "Structural engineer's report";
    CHECK(stage_timeliness(c, c.stages[0], S(), C()).within_extended);
    // Two extensions: the first 10 days are within the limit whatever their reason.
    c.stages[0].extensions = {told(ext(10, "2025-02-14", "Survey")), told(ext(5, "2025-03-03"))};
    CHECK(stage_clock(c, c.stages[0], S(), C()).response_code_due == d("2025-03-06"));

    Case unanswered = complaint("2025-02-03");
    t = stage_timeliness(unanswered, unanswered.stages[0], S(), C());
    CHECK_FALSE(t.acknowledged);
    CHECK_FALSE(t.responded);
    CHECK_FALSE(t.within_base);
}

TEST_CASE("6.5: an extension the resident was not told of with the Ombudsman's details does not extend the timescale") {
    // Base due Thu 20 Feb 2025; a 10-day extension within the limit would make it Thu 6 Mar. Answered Tue 4 Mar.
    Case c = complaint("2025-02-03", "2025-02-06", "2025-03-04");
    c.stages[0].extensions.push_back(ext(10, "2025-02-14"));  // decided, never told
    StageClock k = stage_clock(c, c.stages[0], S(), C());
    CHECK(k.response_due == d("2025-03-06"));       // the handler's own working deadline still moves
    CHECK(k.response_code_due == d("2025-02-20"));  // the Code's does not
    CHECK_FALSE(stage_timeliness(c, c.stages[0], S(), C()).within_extended);
    CHECK(status(c, d("2025-03-10"), S(), C()).responded_on_time == OnTime::No);

    // Told, but without the Ombudsman's details (6.5): still not an extension under the Code.
    c.stages[0].extensions[0].resident_told = d("2025-02-14");
    CHECK(stage_clock(c, c.stages[0], S(), C()).response_code_due == d("2025-02-20"));
    c.stages[0].extensions[0].ombudsman_details_given = true;
    CHECK(stage_clock(c, c.stages[0], S(), C()).response_code_due == d("2025-03-06"));
    CHECK(stage_timeliness(c, c.stages[0], S(), C()).within_extended);

    // Of two extensions only the told one counts; it may still use the limit the first left.
    c.stages[0].extensions = {ext(5, "2025-02-14"), told(ext(5, "2025-02-21"))};
    CHECK(stage_clock(c, c.stages[0], S(), C()).response_code_due == d("2025-02-27"));
}

TEST_CASE("6.16: a stage 2 extension counts under the Code only when told with the Ombudsman's details") {
    Case c = complaint("2025-01-06", "2025-01-08", "2025-01-20");
    c.stages.push_back(stage2("2025-01-27", "2025-01-28"));  // stage 2 base due 20 WD after 28 Jan = Tue 25 Feb
    c.stages[1].extensions.push_back(ext(10, "2025-02-17"));
    CHECK(stage_clock(c, c.stages[1], S(), C()).response_code_due == d("2025-02-25"));
    c.stages[1].extensions[0] = told(c.stages[1].extensions[0]);
    CHECK(stage_clock(c, c.stages[1], S(), C()).response_code_due == d("2025-03-11"));
}

TEST_CASE("legacy: a 2022-Code extension extends the timescale without a recorded notice (that Code asked none)") {
    Case c = complaint("2023-10-02", "2023-10-04", "2023-10-16");
    c.code = CodeVersion::Code2022;
    c.stages[0].extensions.push_back(ext(5, "2023-10-10"));
    const StageClock k = stage_clock(c, c.stages[0], S(), C());
    CHECK(k.response_code_due == k.response_due);
}

// ---------------------------------------------------------------------------
// Updates (5.9)

TEST_CASE("updates: given, missed and pending slots from the agreed interval") {
    Case c = complaint("2025-01-27", "2025-01-29");
    Stage& s = c.stages[0];
    CHECK(update_schedule(c, s, d("2025-02-20"), C()).empty());
    CHECK_FALSE(next_update_due(c, s, d("2025-02-20"), C()));
    s.updates = UpdateInterval{5, d("2025-02-03")};
    s.extensions.push_back(ext(10, "2025-02-03"));  // response now due 26 Feb, after the updates
    s.extensions[0].resident_told = d("2025-02-03");
    c.contacts.push_back(update_on("2025-02-07"));
    c.contacts.push_back(update_on("2025-02-12", ContactOutcome::NoAnswer));  // not an update given
    auto slots = update_schedule(c, s, d("2025-02-20"), C());
    REQUIRE(slots.size() == 3);
    CHECK(slots[0].due == d("2025-02-10"));
    CHECK(slots[0].state == UpdateState::Given);
    CHECK(slots[0].given_on == d("2025-02-07"));
    CHECK(slots[1].due == d("2025-02-14"));  // 5 WD after the update given
    CHECK(slots[1].state == UpdateState::Missed);
    CHECK(slots[2].due == d("2025-02-21"));
    CHECK(slots[2].state == UpdateState::Pending);
    CHECK(missed_updates(c, s, d("2025-02-20"), C()) == 1);
    // The missed one stays due (overdue) until an update is given.
    CHECK(next_update_due(c, s, d("2025-02-20"), C()) == d("2025-02-14"));
    const CaseStatus st = status(c, d("2025-02-20"), S(), C());
    CHECK(st.next == NextAction::GiveUpdate);
    CHECK(st.urgency == Urgency::Overdue);
    CHECK(st.working_days_left == -4);

    c.contacts.push_back(update_on("2025-02-19", ContactOutcome::MessageLeft));
    CHECK(next_update_due(c, s, d("2025-02-20"), C()) == d("2025-02-26"));
    CHECK(missed_updates(c, s, d("2025-02-20"), C()) == 1);  // still on the record

    // After the response no more updates fall due.
    s.responded = d("2025-02-21");
    CHECK_FALSE(next_update_due(c, s, d("2025-03-20"), C()));
    CHECK(update_schedule(c, s, d("2025-03-20"), C()).back().due <= d("2025-02-21"));
}

// ---------------------------------------------------------------------------
// Status

TEST_CASE("status: through a case's life") {
    const Settings& set = S();
    Case c = complaint("2025-02-03");
    CaseStatus st = status(c, d("2025-02-03"), set, C());
    CHECK(st.open);
    CHECK(st.stage == 1);
    CHECK(st.label_id == StatusLabel::Stage1AwaitingAcknowledgement);
    CHECK(std::string(st.label) == "Stage 1 — awaiting acknowledgement");
    CHECK(st.next == NextAction::Acknowledge);
    CHECK(st.due == d("2025-02-10"));
    CHECK(st.working_days_left == 5);
    CHECK(st.urgency == Urgency::Upcoming);
    CHECK(status(c, d("2025-02-06"), set, C()).urgency == Urgency::DueSoon);   // 2 WD left
    CHECK(status(c, d("2025-02-05"), set, C()).urgency == Urgency::Upcoming);  // 3 WD left
    CHECK(status(c, d("2025-02-10"), set, C()).urgency == Urgency::DueToday);
    st = status(c, d("2025-02-12"), set, C());
    CHECK(st.urgency == Urgency::Overdue);
    CHECK(st.working_days_left == -2);

    c.stages[0].acknowledged = d("2025-02-06");
    st = status(c, d("2025-02-07"), set, C());
    CHECK(st.label_id == StatusLabel::Stage1ResponseDue);
    CHECK(st.next == NextAction::Respond);
    CHECK(st.due == d("2025-02-20"));
    CHECK(st.acknowledged_on_time == OnTime::Yes);

    // An extension not yet told: the notice comes first.
    c.stages[0].extensions.push_back(ext(10, "2025-02-14"));
    st = status(c, d("2025-02-14"), set, C());
    CHECK(st.label_id == StatusLabel::Stage1Extended);
    CHECK(st.next == NextAction::SendExtensionNotice);
    CHECK(st.due == d("2025-02-18"));
    c.stages[0].extensions[0].resident_told = d("2025-02-14");
    st = status(c, d("2025-02-14"), set, C());
    CHECK(st.next == NextAction::Respond);
    CHECK(st.due == d("2025-03-06"));

    c.stages[0].responded = d("2025-03-07");  // a day late even with the extension
    st = status(c, d("2025-03-07"), set, C());
    CHECK(st.label_id == StatusLabel::Stage1Responded);
    CHECK(st.responded_on_time == OnTime::No);
    CHECK(st.next == NextAction::EscalationWindowOpen);
    CHECK(st.due == d("2025-04-04"));
    CHECK(st.urgency == Urgency::None);  // informational: not a task

    c.stages.push_back(stage2("2025-03-10"));
    st = status(c, d("2025-03-10"), set, C());
    CHECK(st.stage == 2);
    CHECK(st.label_id == StatusLabel::Stage2AwaitingAcknowledgement);
    CHECK(st.due == d("2025-03-17"));
    CHECK(st.responded_on_time == OnTime::NotYet);
    c.stages[1].acknowledged = d("2025-03-12");
    st = status(c, d("2025-03-12"), set, C());
    CHECK(st.label_id == StatusLabel::Stage2ResponseDue);
    CHECK(st.due == d("2025-04-09"));
    c.stages[1].responded = d("2025-04-08");
    st = status(c, d("2025-04-08"), set, C());
    CHECK(st.label_id == StatusLabel::Stage2Responded);
    CHECK(st.responded_on_time == OnTime::Yes);
    CHECK(st.next == NextAction::Close);
    CHECK_FALSE(st.due);

    c.closure = Closure{d("2025-04-09"), ClosureReason::Resolved, "", ""};
    st = status(c, d("2025-04-09"), set, C());
    CHECK_FALSE(st.open);
    CHECK(std::string(st.label) == "Closed — resolved");
    CHECK(st.next == NextAction::None);
}

TEST_CASE("status: other kinds and refusals") {
    Case sr = complaint("2025-02-03");
    sr.kind = CaseKind::ServiceRequest;
    sr.stages.clear();
    CHECK(status(sr, d("2025-02-03"), S(), C()).label_id == StatusLabel::ServiceRequestOpen);
    sr.kind = CaseKind::MemberEnquiry;
    CHECK(status(sr, d("2025-02-03"), S(), C()).label_id == StatusLabel::EnquiryOpen);
    sr.kind = CaseKind::Compliment;
    CHECK(status(sr, d("2025-02-03"), S(), C()).label_id == StatusLabel::FeedbackOpen);

    Case r = complaint("2025-02-03");
    r.refusal = Refusal{};
    r.refusal->decided_on = d("2025-02-04");
    CaseStatus st = status(r, d("2025-02-04"), S(), C());
    CHECK(st.label_id == StatusLabel::RefusalToExplain);
    CHECK(st.next == NextAction::ExplainRefusal);
    CHECK(st.due == d("2025-02-11"));

    // A closed case with a remedy still to do keeps it visible (7.3).
    Case k = complaint("2025-02-03", "2025-02-04", "2025-02-10");
    Remedy rem;
    rem.description = "Pay £90";
    rem.due = d("2025-02-24");
    k.stages[0].remedies.push_back(rem);
    k.closure = Closure{d("2025-03-11"), ClosureReason::NotEscalated, "", ""};
    st = status(k, d("2025-03-12"), S(), C());
    CHECK(st.label_id == StatusLabel::ClosedNotEscalated);
    CHECK(st.next == NextAction::CompleteRemedy);
    CHECK(st.urgency == Urgency::Overdue);

    for (int l = 0; l <= static_cast<int>(StatusLabel::ClosedJoined); ++l)
        CHECK(std::string(status_label_text(static_cast<StatusLabel>(l))).size() > 5);
    for (int a = 0; a <= static_cast<int>(NextAction::HazardStep); ++a)
        CHECK_FALSE(std::string(next_action_label(static_cast<NextAction>(a))).empty());
}

TEST_CASE("open_obligations: everything due on a case, sorted") {
    Case c = complaint("2025-02-03", "2025-02-05");
    c.stages[0].actions.push_back(OutstandingAction{"Replace boiler", "Repairs", d("2025-02-12"), std::nullopt});
    c.stages[0].actions.push_back(OutstandingAction{"Done already", "Repairs", d("2025-02-06"), d("2025-02-06")});
    Remedy rem;
    rem.description = "Apology";
    rem.due = d("2025-02-07");
    c.stages[0].remedies.push_back(rem);
    c.adjustments.push_back(ReasonableAdjustment{"Large print", "", d("2025-01-01"), d("2025-02-04"), 0});
    c.restrictions.push_back(ContactRestriction{"Email only", "Logs", "Considered", d("2025-01-01"), d("2025-03-01")});
    c.ombudsman = OmbudsmanCase{};
    c.ombudsman->orders.push_back(OmbudsmanOrder{"Pay £300", d("2025-02-28"), std::nullopt, ""});
    const auto list = open_obligations(c, d("2025-02-06"), S(), C());
    REQUIRE(list.size() == 6);
    CHECK(list[0].what == NextAction::ReviewAdjustment);
    CHECK(list[0].urgency == Urgency::Overdue);
    CHECK(list[1].what == NextAction::CompleteRemedy);
    CHECK(list[1].urgency == Urgency::DueSoon);
    CHECK(list[2].what == NextAction::CompleteAction);
    CHECK(list[2].index == 0);
    CHECK(list[3].what == NextAction::Respond);
    CHECK(list[3].due == d("2025-02-19"));
    CHECK(list[4].what == NextAction::ComplyWithOmbudsmanOrder);
    CHECK(list[5].what == NextAction::ReviewRestriction);
    for (size_t i = 1; i < list.size(); ++i) CHECK(list[i - 1].due <= list[i].due);

    // Appending keeps earlier entries.
    std::vector<Obligation> all(1);
    open_obligations(c, d("2025-02-06"), S(), C(), all);
    CHECK(all.size() == 7);

    // Closed: only what outlives the case (remedies, actions, Ombudsman orders).
    c.closure = Closure{d("2025-02-20"), ClosureReason::Withdrawn, "Resident", ""};
    CHECK(open_obligations(c, d("2025-02-21"), S(), C()).size() == 3);
}

TEST_CASE("status: fast enough for every case every frame") {
    std::vector<Case> cases;
    for (int i = 0; i < 2000; ++i) {
        Case c = complaint("2025-01-06", i % 3 ? "2025-01-08" : nullptr, i % 5 == 0 ? "2025-01-20" : nullptr);
        if (i % 7 == 0) c.stages[0].extensions.push_back(ext(5, "2025-01-10"));
        if (i % 4 == 0) c.stages[0].updates = UpdateInterval{5, d("2025-01-08")};
        cases.push_back(std::move(c));
    }
    const auto t0 = std::chrono::steady_clock::now();
    int overdue = 0;
    for (const Case& c : cases) overdue += status(c, d("2025-02-03"), S(), C()).urgency == Urgency::Overdue;
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    MESSAGE("status() for 2,000 cases: " << ms << " ms");
    CHECK(overdue > 0);
    CHECK(ms < 200.0);  // generous for a debug build on a shared machine; a frame needs far less
}

TEST_CASE("hazards: the next Awaab's Law step shows in the status and the obligations") {
    Case c = complaint("2026-03-27");  // received the Friday before the clocks change
    HazardRecord h;
    h.id = "h1";
    h.type_id = "damp-and-mould";
    h.emergency = true;
    h.aware = *parse_iso_local("2026-03-28T12:00");  // the day before the clocks go forward
    c.hazards.push_back(h);

    auto next = next_hazard_step(c.hazards[0], S(), C());
    REQUIRE(next);
    CHECK(std::string(next->step) == "make-safe");
    CHECK(next->due == d("2026-03-29"));
    REQUIRE(next->due_at);
    CHECK(to_iso(*next->due_at) == "2026-03-29T13:00");  // 24 real hours
    CaseStatus st = status(c, d("2026-03-28"), S(), C());
    CHECK(st.next == NextAction::HazardStep);
    CHECK(st.hazard == 0);
    CHECK(std::string(st.next_label) == "Make the hazard safe");
    CHECK(std::string(hazard_status(c.hazards[0], *parse_iso_local("2026-03-28T13:00"), S(), C()).steps[0].label) ==
          "Investigate and make the hazard safe");
    CHECK(st.due == d("2026-03-29"));
    CHECK(st.label_id == StatusLabel::Stage1AwaitingAcknowledgement);

    c.hazards[0].made_safe = *parse_iso_local("2026-03-28T18:00");
    next = next_hazard_step(c.hazards[0], S(), C());
    // Awaab's Law, emergency: made safe, the investigation is still due within the same 24 hours.
    CHECK(std::string(next->step) == "make-safe");
    CHECK(std::string(next->label) == "Record the investigation");
    CHECK(next->due == d("2026-03-29"));
    st = status(c, d("2026-03-30"), S(), C());
    CHECK(st.next == NextAction::HazardStep);
    CHECK(st.urgency == Urgency::Overdue);
    CHECK(st.hazard == 0);

    c.hazards[0].investigated = d("2026-04-01");
    c.hazards[0].significant_found = true;
    CHECK(std::string(next_hazard_step(c.hazards[0], S(), C())->step) == "summary");
    CHECK(next_hazard_step(c.hazards[0], S(), C())->due == d("2026-04-08"));
    c.hazards[0].summary_sent = d("2026-04-02");
    CHECK(std::string(next_hazard_step(c.hazards[0], S(), C())->step) == "safety-work");
    CHECK(next_hazard_step(c.hazards[0], S(), C())->due == d("2026-04-10"));
    c.hazards[0].significant_found = false;  // nothing more once the summary is sent
    CHECK_FALSE(next_hazard_step(c.hazards[0], S(), C()));

    // The legal clocks outlive the complaint: listed even after it closed.
    c.hazards[0].significant_found = true;
    c.closure = Closure{d("2026-04-03"), ClosureReason::Withdrawn, "Resident", ""};
    auto list = open_obligations(c, d("2026-04-03"), S(), C());
    REQUIRE(list.size() == 1);
    CHECK(list[0].what == NextAction::HazardStep);
    CHECK(std::string(list[0].label) == "Complete the safety work");
    CHECK(status(c, d("2026-04-03"), S(), C()).next == NextAction::HazardStep);
    c.hazards[0].closed = d("2026-04-09");
    CHECK(open_obligations(c, d("2026-04-09"), S(), C()).empty());
}

TEST_CASE("2.4, 5.11: a refused complaint, explained but still open, says what is really next") {
    Case r = complaint("2025-02-03");
    r.stages.clear();  // refused before any stage was acknowledged
    r.refusal = Refusal{};
    r.refusal->decided_on = d("2025-02-04");
    r.refusal->explained_on = d("2025-02-05");
    CaseStatus st = status(r, d("2025-02-06"), S(), C());
    CHECK(st.label_id == StatusLabel::RefusalExplained);
    CHECK(st.next == NextAction::Close);
    CHECK(std::string(st.next_label) != "Acknowledge and define the complaint");
    CHECK(open_obligations(r, d("2025-02-06"), S(), C()).empty());

    // A refusal to escalate, explained: the complaint's stage 1 remedy is still followed through (7.3).
    Case e = complaint("2025-01-06", "2025-01-07", "2025-01-20");
    Remedy pay;
    pay.type = RemedyType::Financial;
    pay.amount = Money{5000};
    pay.due = d("2025-02-20");
    e.stages[0].remedies.push_back(pay);
    e.stages.push_back(stage2("2025-02-03"));
    e.refusal = Refusal{};
    e.refusal->at_escalation = true;
    e.refusal->decided_on = d("2025-02-04");
    e.refusal->explained_on = d("2025-02-05");
    st = status(e, d("2025-02-06"), S(), C());
    CHECK(st.label_id == StatusLabel::RefusalExplained);
    CHECK(st.next == NextAction::CompleteRemedy);
}

TEST_CASE("6.11: once the escalation window has closed, status no longer calls it open") {
    Case c = complaint("2025-01-06", "2025-01-07", "2025-01-20");
    CaseStatus st = status(c, d("2025-01-21"), S(), C());
    CHECK(st.label_id == StatusLabel::Stage1Responded);
    CHECK(std::string(st.label).find("window open") != std::string::npos);
    st = status(c, d("2025-06-02"), S(), C());  // long after the window
    CHECK(st.label_id == StatusLabel::Stage1WindowClosed);
    CHECK(std::string(st.label).find("window open") == std::string::npos);
    CHECK(st.next == NextAction::Close);
}
