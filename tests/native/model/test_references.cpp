// Case references unique across devices without coordination (issue 18.11):
// a device code in every new reference, the older form still read, and a merge
// that meets two different cases with one reference keeps both.
#include "core/data/case_json.h"
#include "core/data/import.h"
#include "core/data/merge.h"
#include "core/model/references.h"
#include "core/data/revisions.h"
#include "core/rules/workflow.h"

#include "case_fixtures.h"

#include <doctest/doctest.h>

#include <algorithm>

using namespace doorstep;
using namespace doorstep::fixtures;

namespace {

const char* kIdA = "0b4e28ba-2fa1-4d2e-883f-0016d3cca401";
const char* kIdB = "0b4e28ba-2fa1-4d2e-883f-0016d3cca402";
const Actor kMerger{"Kim Manager", "2026-02-02T09:30"};

// A case saved on `device` with the older per-device reference.
Case device_case(const char* id, const char* ref, const char* received, const std::string& device) {
    Case c = full_case(id, ref);
    c.rev.clear();
    c.rev_ids.clear();
    c.raised_from_case.clear();
    c.linked_cases.clear();
    c.received = d(received);
    bump_revision(c, device);
    return c;
}

const Case& by_id(const Dataset& ds, const std::string& id) {
    return *std::find_if(ds.cases.begin(), ds.cases.end(), [&](const Case& c) { return c.id == id; });
}

}  // namespace

TEST_CASE("references: the device-coded form and the older form both parse") {
    const auto coded = parse_case_reference("DS-2026-K7QX-000001");
    REQUIRE(coded);
    CHECK(coded->year == 2026);
    CHECK(coded->device_code == "K7QX");
    CHECK(coded->counter == 1);
    const auto old = parse_case_reference("DS-2025-000123");
    REQUIRE(old);
    CHECK(old->year == 2025);
    CHECK(old->device_code.empty());
    CHECK(old->counter == 123);
    for (const char* bad : {"DS-2026-K7Q-000001", "DS-2026-K70X-000001", "DS-2026-k7qx-000001", "DS-2026-00001",
                            "XX-2026-000001", "DS-26-000001", "DS-2026-K7QX-0000001", ""})
        CHECK_MESSAGE(!parse_case_reference(bad), bad);
    CHECK(case_reference(2026, "K7QX", 1) == "DS-2026-K7QX-000001");
    CHECK(case_reference(2025, 123) == "DS-2025-000123");
}

TEST_CASE("references: device codes come from an alphabet without look-alikes") {
    Rng rng(42);
    for (int i = 0; i < 200; ++i) {
        const std::string code = new_device_code(rng);
        CHECK(is_device_code(code));
        CHECK(code.find_first_of("01OILU") == std::string::npos);
    }
    CHECK_FALSE(is_device_code("K7Q"));
    CHECK_FALSE(is_device_code("K7QO"));
    CHECK(device_code_for_id(kIdA) == device_code_for_id(kIdA));
    CHECK(is_device_code(device_code_for_id(kIdA)));
}

TEST_CASE("references: a new case carries this device's code — counters are per year and device code") {
    NewCase n;
    n.id = kIdA;
    n.counter = 7;
    n.device_code = "K7QX";
    n.received = d("2026-01-05");
    n.resident.name = "Alex Sample";
    n.own_words = "The damp is back";
    const Result<Case> c = new_case(n, full_settings(), Actor{"Pat", "2026-01-05T10:00"});
    REQUIRE(c.is_ok());
    CHECK(c->reference == "DS-2026-K7QX-000007");

    std::vector<Case> cases(4);
    cases[0].reference = "DS-2026-K7QX-000007";
    cases[1].reference = "DS-2026-AAAA-000050";          // another device
    cases[2].reference = "DS-2025-K7QX-000090";          // another year
    cases[3].reference = "DS-2026-AAAA-000001";
    cases[3].reference_aliases = {"DS-2026-K7QX-000009"};  // an earlier reference counts too
    CHECK(next_reference_counter(cases, 2026, "K7QX") == 10);
    CHECK(next_reference_counter(cases, 2027, "K7QX") == 1);
    CHECK(next_reference_counter(cases, 2026, "") == 1);
}

TEST_CASE("merge: 18.11: two different cases with one reference are both kept — one gets a new reference") {
    // Two tablets numbered their first case DS-2025-000001. A's was received first and keeps it.
    const Case a = device_case(kIdA, "DS-2025-000001", "2025-01-03", "tablet-a");
    const Case b = device_case(kIdB, "DS-2025-000001", "2025-01-06", "tablet-b");
    std::string renamed_to;
    for (int order = 0; order < 2; ++order) {
        MergeReport report;
        const Dataset m = order == 0 ? merge_datasets({with_cases({a}), with_cases({b})}, report, kMerger)
                                     : merge_datasets({with_cases({b}), with_cases({a})}, report, kMerger);
        REQUIRE(m.cases.size() == 2);
        CHECK(report.references_changed == 1);
        const Case& kept = by_id(m, kIdA);
        const Case& moved = by_id(m, kIdB);
        CHECK(kept.reference == "DS-2025-000001");
        CHECK(kept.reference_aliases.empty());
        const auto parsed = parse_case_reference(moved.reference);
        REQUIRE(parsed);
        CHECK(parsed->year == 2025);
        CHECK(parsed->device_code == device_code_for_id(kIdB));
        CHECK(moved.reference_aliases == std::vector<std::string>{"DS-2025-000001"});
        if (order == 0) renamed_to = moved.reference;
        else CHECK(moved.reference == renamed_to);  // the same whichever file comes first
        // Noted in the audit trail, as a new revision so the change travels.
        CHECK(moved.audit.back().at == "2026-02-02T09:30");
        CHECK(moved.audit.back().who == "Kim Manager");
        CHECK(moved.audit.back().what.find("DS-2025-000001") != std::string::npos);
        CHECK(moved.audit.back().what.find(moved.reference) != std::string::npos);
        CHECK(has_in_history(moved, b.rev));
        REQUIRE_FALSE(report.messages.empty());
        // What validate reads: the merged file passes.
        Problems problems;
        CHECK(parse_dataset(export_dataset(m, "2026-02-02T09:30"), {}, &problems).is_ok());
        CHECK(problems.empty());
        // Searchable by the old reference too.
        CHECK(has_reference(moved, "ds-2025-000001"));
        CHECK(has_reference(moved, moved.reference));
    }

    // Merging the result with either original file again changes nothing more.
    MergeReport first;
    const Dataset once = merge_datasets({with_cases({a}), with_cases({b})}, first, kMerger);
    MergeReport again;
    const Dataset twice = merge_datasets({once, with_cases({b}), with_cases({a})}, again, kMerger);
    CHECK(again.references_changed == 0);
    CHECK(by_id(twice, kIdB).reference == by_id(once, kIdB).reference);
}

TEST_CASE("import: reference_aliases round-trip and are checked") {
    Dataset ds = full_dataset();
    ds.cases[0].reference_aliases = {"DS-2025-000099"};
    const std::string text = export_dataset(ds, "2025-03-31T17:45");
    const Result<Dataset> back = parse_dataset(text);
    REQUIRE(back.is_ok());
    CHECK(back->cases[0].reference_aliases == std::vector<std::string>{"DS-2025-000099"});
    CHECK(export_dataset(*back, "2025-03-31T17:45") == text);

    ds.cases[0].reference_aliases = {ds.cases[0].reference, "DS-2025-000099", "DS-2025-000099"};
    Problems problems;
    CHECK_FALSE(parse_dataset(export_dataset(ds, "2025-03-31T17:45"), {}, &problems).is_ok());
    std::string all;
    for (const Error& e : problems) all += e.text() + "\n";
    INFO(all);
    CHECK(all.find("reference_aliases[0]: the case's own reference is not an alias") != std::string::npos);
    CHECK(all.find("reference_aliases[2]: listed twice") != std::string::npos);

    // A device code in settings is kept, and checked.
    ds = full_dataset();
    ds.settings.device_code = "K7QX";
    const Result<Dataset> coded = parse_dataset(export_dataset(ds, "2025-03-31T17:45"));
    REQUIRE(coded.is_ok());
    CHECK(coded->settings.device_code == "K7QX");
    ds.settings.device_code = "K7Q0";
    CHECK_FALSE(parse_dataset(export_dataset(ds, "2025-03-31T17:45")).is_ok());
}

TEST_CASE("merge: 18.11: the merged export is checked as validate checks it — one it would refuse is not written") {
    const Case a = device_case(kIdA, "DS-2025-000001", "2025-01-03", "tablet-a");
    const Case b = device_case(kIdB, "DS-2025-000001", "2025-01-06", "tablet-b");
    MergeReport report;
    const Result<std::string> ok = merged_export({with_cases({a}), with_cases({b})}, report, kMerger);
    REQUIRE(ok.is_ok());
    CHECK(parse_dataset(*ok).is_ok());

    ImportLimits one_case;
    one_case.max_cases = 1;  // what validate allows, here smaller than the union
    Problems problems;
    const Result<std::string> refused = merged_export({with_cases({a}), with_cases({b})}, report, kMerger, one_case, &problems);
    REQUIRE_FALSE(refused.is_ok());
    CHECK(refused.error().message.find("would not pass 'doorstep validate', so nothing was written") != std::string::npos);
    REQUIRE_FALSE(problems.empty());
    CHECK(problems[0].text() == "cases: too many items: 2 (limit 1)");
}
