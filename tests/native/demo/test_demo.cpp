// The demo dataset: built through the workflow, valid on import with zero
// problems, byte-identical through export -> import -> export, deterministic
// for a seed, and covering what a demonstration must show.
#include "core/data/case_json.h"
#include "core/rules/deadlines.h"
#include "core/demo/demo.h"
#include "core/data/import.h"
#include "core/reports/self_assessment.h"
#include "core/rules/workflow.h"

#include <doctest/doctest.h>

#include <set>

using namespace doorstep;

namespace {

const char* kAt = "2025-03-31T18:00";

const Dataset& demo500() {
    static const Dataset d = [] {
        DemoOptions o;
        o.cases = 500;
        o.seed = 1;
        o.on = *parse_iso_date("2025-03-31");
        Result<Dataset> r = make_demo_dataset(o);
        if (!r) FAIL(r.error().text());
        return std::move(r.value());
    }();
    return d;
}

std::string joined(const Problems& problems) {
    std::string out;
    for (const Error& e : problems) out += e.text() + "\n";
    return out;
}

}  // namespace

TEST_CASE("demo: 500 cases import with zero problems and round-trip byte-identically") {
    const Dataset& d = demo500();
    CHECK(d.cases.size() == 500);
    const Problems direct = check_dataset(d);
    INFO(joined(direct));
    CHECK(direct.empty());

    const std::string first = export_dataset(d, kAt);
    Problems problems;
    const Result<Dataset> back = parse_dataset(first, {}, &problems);
    INFO(joined(problems));
    REQUIRE(back.is_ok());
    CHECK(problems.empty());
    CHECK(back->cases.size() == 500);
    CHECK(export_dataset(*back, kAt) == first);
}

TEST_CASE("demo: the same seed gives the same dataset — another seed another") {
    DemoOptions o;
    o.cases = 120;
    o.seed = 7;
    o.on = *parse_iso_date("2025-03-31");
    const Result<Dataset> a = make_demo_dataset(o);
    const Result<Dataset> b = make_demo_dataset(o);
    REQUIRE(a.is_ok());
    REQUIRE(b.is_ok());
    CHECK(export_dataset(*a, kAt) == export_dataset(*b, kAt));
    o.seed = 8;
    const Result<Dataset> c = make_demo_dataset(o);
    REQUIRE(c.is_ok());
    CHECK(export_dataset(*c, kAt) != export_dataset(*a, kAt));
}

TEST_CASE("demo: exactly the number asked for, small or odd, and every one valid") {
    for (int n : {1, 2, 7, 45, 61, 333}) {
        DemoOptions o;
        o.cases = n;
        o.seed = static_cast<uint64_t>(n);
        o.on = *parse_iso_date("2026-01-15");
        const Result<Dataset> r = make_demo_dataset(o);
        CAPTURE(n);
        REQUIRE(r.is_ok());
        CHECK(static_cast<int>(r->cases.size()) == n);
        const Problems p = check_dataset(*r);
        INFO(joined(p));
        CHECK(p.empty());
    }
    DemoOptions bad;
    bad.cases = 0;
    CHECK_FALSE(make_demo_dataset(bad).is_ok());
}

TEST_CASE("demo: every case is sample data, saved once, dated no later than --on") {
    const Dataset& d = demo500();
    const Date on = *parse_iso_date("2025-03-31");
    for (const Case& c : d.cases) {
        CAPTURE(c.reference);
        CHECK(c.demo);
        CHECK(c.rev.rfind("1-", 0) == 0);
        CHECK(c.received <= on);
        CHECK(c.reference.rfind("DS-", 0) == 0);
        if (c.closure) CHECK(c.closure->closed_on <= on);
        for (const Stage& s : c.stages)
            if (s.responded) CHECK(*s.responded <= on);
        CHECK(c.resident.postcode.rfind("ZZ99 ", 0) == 0);  // a postcode no real address has
        CHECK(c.resident.phone.rfind("01632 960", 0) == 0);  // Ofcom's range for drama
    }
}

TEST_CASE("demo: covers every kind, category, channel, stage and route") {
    const Dataset& d = demo500();
    const Settings& st = d.settings;
    const Calendar cal = st.calendar();
    const Date on = *parse_iso_date("2025-03-31");
    std::set<int> kinds, channels, determinations, remedy_states, stages;
    std::set<std::string> categories, grounds, hazards;
    bool refused_escalation = false, ext_agreed = false, ext_objected = false, ext_beyond = false, ext_at_ack = false;
    bool late_with_discretion = false, late_refused = false, legacy_stage3 = false, withdrawn = false, councillor = false,
         mp = false, missed_update = false, adjustment = false, restriction = false, survey = false, converted = false,
         linked = false, conflict_of_interest = false, late_response = false, on_time_response = false, open_case = false,
         letters = false;
    for (const Case& c : d.cases) {
        kinds.insert(static_cast<int>(c.kind));
        channels.insert(static_cast<int>(c.channel));
        if (c.kind == CaseKind::Complaint && !c.category_id.empty()) categories.insert(c.category_id);
        if (c.refusal) {
            grounds.insert(c.refusal->ground_id);
            refused_escalation |= c.refusal->at_escalation;
        }
        for (const Stage& s : c.stages) {
            stages.insert(s.number);
            for (const Extension& e : s.extensions) {
                ext_agreed |= e.resident_agreed == std::optional<bool>(true);
                ext_objected |= e.resident_agreed == std::optional<bool>(false);
                ext_beyond |= e.beyond_limit && !e.good_reason.empty();
                ext_at_ack |= e.set_at_acknowledgement;
            }
            if (s.escalation && s.escalation->outside_window) {
                late_with_discretion |= !c.refusal;
                late_refused |= c.refusal.has_value();
            }
            for (const Remedy& r : s.remedies) remedy_states.insert(static_cast<int>(r.state));
            if (s.number <= 2) {
                const StageTimeliness t = stage_timeliness(c, s, st, cal);
                if (t.responded) (t.within_extended ? on_time_response : late_response) = true;
            }
            missed_update |= missed_updates(c, s, on, cal) > 0;
        }
        legacy_stage3 |= c.code == CodeVersion::Code2022 && c.stages.size() == 3;
        withdrawn |= c.closure && c.closure->reason == ClosureReason::Withdrawn;
        councillor |= c.kind == CaseKind::MemberEnquiry && c.representative.kind == RepresentativeKind::Councillor;
        mp |= c.kind == CaseKind::MemberEnquiry && c.representative.kind == RepresentativeKind::MP;
        adjustment |= !c.adjustments.empty();
        restriction |= !c.restrictions.empty();
        for (const Survey& s : c.surveys) survey |= s.answered;
        converted |= !c.raised_from_case.empty();
        linked |= !c.linked_cases.empty() && c.raised_from_case.empty();
        conflict_of_interest |= !c.conflicts_of_interest.empty();
        open_case |= is_open(c);
        for (const LogEntry& e : c.log) letters |= e.kind == LogKind::LetterSent;
        for (const HazardRecord& h : c.hazards) hazards.insert(h.type_id + (h.emergency ? "/emergency" : "/significant"));
        if (c.ombudsman) determinations.insert(static_cast<int>(c.ombudsman->determination));
    }
    CHECK(kinds.size() == 5);
    CHECK(channels.size() == 9);
    CHECK(stages == std::set<int>{1, 2, 3});
    for (const Category& k : st.categories) {
        CAPTURE(k.id);
        CHECK(categories.count(k.id) == 1);
    }
    for (const RefusalGround& g : st.refusal_grounds) {
        CAPTURE(g.id);
        CHECK(grounds.count(g.id) == 1);
    }
    for (const HazardType& t : st.hazard_types)
        if (t.phase == 1) {
            CAPTURE(t.id);
            CHECK(hazards.count(t.id + "/emergency") == 1);
            CHECK(hazards.count(t.id + "/significant") == 1);
        }
    CHECK(determinations.size() == 8);
    CHECK(remedy_states.size() == 5);
    CHECK(refused_escalation);
    CHECK(ext_agreed);
    CHECK(ext_objected);
    CHECK(ext_beyond);
    CHECK(ext_at_ack);
    CHECK(late_with_discretion);
    CHECK(late_refused);
    CHECK(legacy_stage3);
    CHECK(withdrawn);
    CHECK(councillor);
    CHECK(mp);
    CHECK(missed_update);
    CHECK(adjustment);
    CHECK(restriction);
    CHECK(survey);
    CHECK(converted);
    CHECK(linked);
    CHECK(conflict_of_interest);
    CHECK(late_response);
    CHECK(on_time_response);
    CHECK(open_case);
    CHECK(letters);
}

TEST_CASE("demo: learning, quality checks, non-compliance and two signed self-assessments") {
    const Dataset& d = demo500();
    CHECK(d.learning.size() >= 3);
    CHECK(d.quality_checks.size() >= 12);
    CHECK(d.non_compliance.size() == 1);
    REQUIRE(d.assessments.size() == 2);
    CHECK(d.assessments[1].copied_from == d.assessments[0].id);
    CHECK(d.assessments[1].year == d.assessments[0].year + 1);
    CHECK(is_signed(d.assessments[0]));
    CHECK(is_signed(d.assessments[1]));
    CHECK(d.assessments[0].answers.size() == 72);
}
