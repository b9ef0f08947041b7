// Erasures in the doorstep/1 file and in merges (21.8): the record that a case was
// erased is written, read and checked like every record; a case it names never
// comes back from an older export or another device's file; the retention period
// is a setting that reads on from files written before it.
#include "core/data/case_json.h"
#include "core/data/import.h"
#include "core/data/merge.h"

#include "case_fixtures.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

using namespace doorstep;
using namespace doorstep::fixtures;
using nlohmann::ordered_json;

namespace {

const char* kAt = "2025-03-31T17:45";
const char* kId1 = "0b4e28ba-2fa1-4d2e-883f-0016d3cca427";
const char* kId2 = "1b4e28ba-2fa1-4d2e-883f-0016d3cca427";

Erasure erasure_of(const Case& c, const char* at = "2025-04-01T09:00") {
    return Erasure{c.id, c.reference, at, "Kim Manager", "Closed in error: logged twice"};
}

std::string problems_text(const std::string& text) {
    Problems problems;
    const Result<Dataset> r = parse_dataset(text, {}, &problems);
    CHECK_FALSE(r.is_ok());
    std::string out;
    for (const Error& e : problems) out += e.text() + "\n";
    return out;
}

bool holds(const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
}

}  // namespace

TEST_CASE("21.8: erasures are written after the other lists, only when there are some, and read back byte-identically") {
    const Dataset ds = full_dataset();
    const std::string text = export_dataset(ds, kAt);
    CHECK(text.find("\"erasures\": [\n    {\n      \"case_id\": \"9b4e28ba-2fa1-4d2e-883f-0016d3cca499\",\n"
                    "      \"reference\": \"DS-2018-000007\",\n      \"erased_at\": \"2025-03-30T16:20\",\n"
                    "      \"by\": \"Kim Manager\",\n      \"reason\": \"Closed in 2018, past the retention period\"\n"
                    "    }\n  ]\n}\n") != std::string::npos);
    const Result<Dataset> back = parse_dataset(text);
    REQUIRE(back);
    REQUIRE(back->erasures.size() == 1);
    CHECK(back->erasures[0].reference == "DS-2018-000007");
    CHECK(export_dataset(*back, kAt) == text);

    Dataset none = full_dataset();
    none.erasures.clear();
    CHECK(export_dataset(none, kAt).find("erasures") == std::string::npos);  // as written before erasures existed
}

TEST_CASE("21.8: an erasure is checked like any record: its fields, one per case, and never beside the case it erased") {
    ordered_json j = to_json(full_dataset(), kAt);
    ordered_json bad = j;
    bad["erasures"][0].erase("reason");
    bad["erasures"][0]["case_id"] = "DS-2018-000007";
    bad["erasures"][0]["erased_at"] = "30 March";
    const std::string listed = problems_text(bad.dump(2));
    CHECK(listed.find("erasures[0].reason: missing (required)") != std::string::npos);
    CHECK(listed.find("erasures[0].case_id: not a case id this app writes (a lowercase UUID): 'DS-2018-000007'") !=
          std::string::npos);
    CHECK(listed.find("erasures[0].erased_at: ") != std::string::npos);

    ordered_json twice = j;
    twice["erasures"].push_back(twice["erasures"][0]);
    CHECK(problems_text(twice.dump(2)).find("erasures[1]: case_id: duplicate of erasures[0]") != std::string::npos);

    ordered_json both = j;
    both["erasures"][0]["case_id"] = kId1;
    CHECK(problems_text(both.dump(2)) ==
          "cases[0] (DS-2025-000001): id: this case was erased (erasures[0]), so it cannot also be in the file: leave "
          "out the case or its erasure\n");
}

TEST_CASE("21.8: links to an erased case read on: the case was here and its erasure is recorded") {
    Dataset ds = full_dataset();
    const std::string erased_id = ds.erasures[0].case_id;
    ds.learning[0].case_ids.push_back(erased_id);
    ds.cases[1].linked_cases.push_back(erased_id);
    ds.quality_checks[0].case_id = erased_id;
    CHECK(parse_dataset(export_dataset(ds, kAt)));
    ds.erasures.clear();
    CHECK_FALSE(parse_dataset(export_dataset(ds, kAt)));  // without it the links name nothing
}

TEST_CASE("21.8: the retention period is a setting: always written, 0 to 100 years, six when a file has none") {
    Dataset ds;
    ds.settings = full_settings();
    for (const int years : {0, 6, 100}) {  // 0 (none listed) is written too: it is not the default
        CAPTURE(years);
        ds.settings.retention_years = years;
        const std::string text = export_dataset(ds, kAt);
        CHECK(text.find("\"retention_years\": " + std::to_string(years) + ",") != std::string::npos);
        const Result<Dataset> back = parse_dataset(text);
        REQUIRE(back);
        CHECK(back->settings.retention_years == years);
        CHECK(export_dataset(*back, kAt) == text);
    }

    ordered_json j = to_json(ds, kAt);
    j["settings"].erase("retention_years");  // a file from before the setting
    const Result<Dataset> older = parse_dataset(j.dump(2));
    REQUIRE(older);
    CHECK(older->settings.retention_years == 6);
    j["settings"]["retention_years"] = 101;
    CHECK(problems_text(j.dump(2)).find("settings: retention_years: out of range: 101 (0 to 100)") != std::string::npos);
}

TEST_CASE("21.8: a case erased on this device is not brought back by a merge with an older export") {
    const Case one = saved_case(kId1, "DS-2025-000001", "tablet-1");
    const Case two = saved_case(kId2, "DS-2025-000002", "tablet-1");
    Dataset here = with_cases({two});
    here.erasures = {erasure_of(one)};
    const Dataset older = with_cases({one, two});

    MergeReport report;
    const Dataset m = merge_datasets({here, older}, report);
    REQUIRE(m.cases.size() == 1);
    CHECK(m.cases[0].id == kId2);
    CHECK(m.erasures.size() == 1);
    CHECK(report.erased_kept_out == 1);
    CHECK(report.erased_removed == 0);
    CHECK(holds(report.messages, "DS-2025-000001: erased on 1 Apr 2025 by Kim Manager, so not brought back"));

    // The other way round: the erasure comes in and takes the case out.
    MergeReport other_way;
    const Dataset m2 = merge_datasets({older, here}, other_way);
    CHECK(other_way.erased_removed == 1);
    CHECK(holds(other_way.messages, "DS-2025-000001: erased on 1 Apr 2025 by Kim Manager on another device, so removed here too"));
    CHECK(export_dataset(m2, kAt) == export_dataset(m, kAt));  // one result, either order

    // A later edit of the erased case on another device does not bring it back either.
    MergeReport again;
    const Dataset m3 = merge_datasets({m, with_cases({edited(one, "Edited after the erasure", "tablet-2")})}, again);
    CHECK(m3.cases.size() == 1);
    CHECK(again.erased_kept_out == 1);
}

TEST_CASE("21.8: erasures merge as a union by case id, the earlier record of one case kept whatever the order") {
    const Case one = saved_case(kId1, "DS-2025-000001", "tablet-1");
    const Case two = saved_case(kId2, "DS-2025-000002", "tablet-1");
    Dataset a = with_cases({});
    a.erasures = {erasure_of(one, "2025-04-02T10:00")};
    Dataset b = with_cases({});
    b.erasures = {erasure_of(two), erasure_of(one, "2025-04-01T09:00")};
    MergeReport r1, r2;
    const Dataset ab = merge_datasets({a, b}, r1);
    const Dataset ba = merge_datasets({b, a}, r2);
    REQUIRE(ab.erasures.size() == 2);
    REQUIRE(ba.erasures.size() == 2);
    for (const Dataset* m : {&ab, &ba}) {
        const auto first = std::find_if(m->erasures.begin(), m->erasures.end(), [](const Erasure& e) { return e.case_id == kId1; });
        REQUIRE(first != m->erasures.end());
        CHECK(first->erased_at == "2025-04-01T09:00");
    }
    // The merged file passes validation as doorstep validate checks it.
    MergeReport r3;
    CHECK(merged_export({with_cases({one, two}), b}, r3, Actor{"Kim Manager", kAt}));
    CHECK(r3.erased_removed == 2);
}
