// Import validates everything before anything changes: each broken input gives
// the problem a person can act on, naming the case and the field; a file with
// several problems lists all of them; nothing crashes on hostile input.
#include "core/data/case_json.h"
#include "core/rules/findings.h"
#include "core/data/import.h"

#include "case_fixtures.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace doorstep;
using namespace doorstep::fixtures;
using nlohmann::ordered_json;

namespace {

const char* kAt = "2025-03-31T17:45";

// A valid file with four cases (references DS-2025-000001..4), as JSON to break.
ordered_json base_json() {
    Dataset ds = full_dataset();
    for (int i = 3; i <= 4; ++i) {
        Case c = full_case("2b4e28ba-2fa1-4d2e-883f-0016d3cca42" + std::to_string(i), "DS-2025-00000" + std::to_string(i));
        c.raised_from_case.clear();
        c.linked_cases.clear();
        ds.cases.push_back(c);
    }
    return to_json(ds, kAt);
}

Problems problems_of(const std::string& text, const ImportLimits& limits = {}) {
    Problems problems;
    const Result<Dataset> r = parse_dataset(text, limits, &problems);
    CHECK_FALSE(r.is_ok());
    if (!r.is_ok()) CHECK(r.error().message.find("nothing was imported") != std::string::npos);
    return problems;
}

Problems problems_of(const ordered_json& j, const ImportLimits& limits = {}) { return problems_of(j.dump(2), limits); }

bool has(const Problems& problems, const std::string& text) {
    return std::any_of(problems.begin(), problems.end(), [&](const Error& e) { return e.text() == text; });
}

bool has_part(const Problems& problems, const std::string& part) {
    return std::any_of(problems.begin(), problems.end(), [&](const Error& e) { return e.text().find(part) != std::string::npos; });
}

// Shown only when a check in the same scope fails.
std::string joined(const Problems& problems) {
    std::string out;
    for (const Error& e : problems) out += e.text() + "\n";
    return out;
}

}  // namespace

TEST_CASE("import: the base file is valid") {
    Problems problems;
    const Result<Dataset> r = parse_dataset(base_json().dump(2), {}, &problems);
    INFO(joined(problems));
    REQUIRE(r.is_ok());
    CHECK(r->cases.size() == 4);
    CHECK(problems.empty());
}

TEST_CASE("import: not JSON names the line and column") {
    const Problems p = problems_of(std::string("{\n  \"schema\": \"doorstep/1\",\n  oops\n}"));
    REQUIRE(p.size() == 1);
    INFO(joined(p));
    CHECK(p[0].text() == "not valid JSON at line 3, column 3: syntax error while parsing object key - invalid literal; expected string literal");
    CHECK(problems_of(std::string("")).at(0).text().find("line 1, column 1") != std::string::npos);
    CHECK(problems_of(std::string("[1, 2")).size() == 1);
}

TEST_CASE("import: wrong schema or version") {
    ordered_json j = base_json();
    j["schema"] = "someone-else/2";
    Problems p = problems_of(j);
    REQUIRE(p.size() == 1);  // not buried under every unknown field
    CHECK(p[0].text() == "schema: not a Doorstep export of schema \"doorstep/1\": 'someone-else/2'");

    j = base_json();
    j["version"] = 2;
    p = problems_of(j);
    REQUIRE(p.size() == 1);
    CHECK(p[0].text().find("version 2 is not supported by this app") != std::string::npos);

    CHECK(has(problems_of(std::string("[]")), "expected a Doorstep export (a JSON object with \"schema\": \"doorstep/1\"), found a list"));
    CHECK(has(problems_of(std::string("{}")), "schema: missing (required)"));
}

TEST_CASE("import: the brief's example message, exactly") {
    ordered_json j = base_json();
    j["cases"][3]["stages"][1]["acknowledged"] = "2025-02-30";
    const Problems p = problems_of(j);
    INFO(joined(p));
    CHECK(p.size() == 1);
    CHECK(has(p, "cases[3] (DS-2025-000004): stages[1].acknowledged: not a date: '2025-02-30'"));
    CHECK(p[0].where == "cases[3] (DS-2025-000004): stages[1].acknowledged");
    CHECK(p[0].message == "not a date: '2025-02-30'");
}

TEST_CASE("import: missing required fields and wrong types") {
    ordered_json j = base_json();
    j["cases"][0].erase("received");
    j["cases"][1].erase("resident");
    j["cases"][2]["complexity"] = "high";
    j["cases"][3]["demo"] = "yes";
    j["cases"][3]["stages"][0]["points"][0].erase("text");
    j["cases"][3]["log"] = "none";
    j["settings"].erase("policy");
    j["learning"][0]["due"] = 20250401;
    const Problems p = problems_of(j);
    INFO(joined(p));
    CHECK(has(p, "cases[0] (DS-2025-000001): received: missing (required)"));
    CHECK(has(p, "cases[1] (DS-2025-000002): resident: missing (required)"));
    CHECK(has(p, "cases[2] (DS-2025-000003): complexity: expected a whole number, found text 'high'"));
    CHECK(has(p, "cases[3] (DS-2025-000004): demo: expected true or false, found text 'yes'"));
    CHECK(has(p, "cases[3] (DS-2025-000004): stages[0].points[0].text: missing (required)"));
    CHECK(has(p, "cases[3] (DS-2025-000004): log: expected a list, found text 'none'"));
    CHECK(has(p, "settings: policy: missing (required)"));
    CHECK(has(p, "learning[0].due: expected a date \"YYYY-MM-DD\", found a whole number"));
    CHECK(p.size() == 8);  // every problem, and nothing else
}

TEST_CASE("import: impossible dates and dates out of sequence") {
    ordered_json j = base_json();
    j["cases"][0]["received"] = "2025-13-01";
    j["cases"][1]["hazards"][0]["aware"] = "2025-01-06T24:10";
    j["cases"][2]["stages"][0]["responded"] = "2024-12-31";   // before the stage opened
    j["cases"][3]["logged"] = "2024-12-01";                    // before received
    const Problems p = problems_of(j);
    INFO(joined(p));
    CHECK(has(p, "cases[0] (DS-2025-000001): received: not a date: '2025-13-01'"));
    CHECK(has(p, "cases[1] (DS-2025-000002): hazards[0].aware: not a date and time \"YYYY-MM-DDTHH:MM\": '2025-01-06T24:10'"));
    CHECK(has(p, "cases[2] (DS-2025-000003): stages[0].responded: 2024-12-31 is before the stage opened (2025-01-06)"));
    CHECK(has(p, "cases[3] (DS-2025-000004): logged: 2024-12-01 is before the date received (2025-01-06)"));
}

TEST_CASE("import: duplicate ids and references, and links to unknown cases") {
    ordered_json j = base_json();
    j["cases"][3]["id"] = j["cases"][2]["id"];
    j["cases"][1]["reference"] = "DS-2025-000001";
    j["learning"][0]["case_ids"] = {"9b4e28ba-2fa1-4d2e-883f-0016d3cca427"};
    j["assessments"][1]["id"] = "sa-2024";
    const Problems p = problems_of(j);
    INFO(joined(p));
    CHECK(has(p, "cases[3] (DS-2025-000004): id: duplicate of cases[2] (DS-2025-000003): '2b4e28ba-2fa1-4d2e-883f-0016d3cca423'"));
    CHECK(has(p, "cases[1] (DS-2025-000001): reference: duplicate of cases[0] (DS-2025-000001): 'DS-2025-000001'"));
    CHECK(has(p, "learning[0]: case_ids[0]: no case with id '9b4e28ba-2fa1-4d2e-883f-0016d3cca427' in this file"));
    CHECK(has(p, "assessments[1]: id: duplicate of assessments[0]: 'sa-2024'"));

    ImportLimits partial;
    partial.require_known_links = false;
    j = base_json();
    j["learning"][0]["case_ids"] = {"9b4e28ba-2fa1-4d2e-883f-0016d3cca427"};
    CHECK(parse_dataset(j.dump(), partial).is_ok());
}

TEST_CASE("import: stage rules") {
    SUBCASE("a stage 2 without a stage 1") {
        ordered_json j = base_json();
        j["cases"][0]["stages"].erase(0);
        CHECK(has(problems_of(j), "cases[0] (DS-2025-000001): stages[0].number: a stage 2 without a stage 1"));
    }
    SUBCASE("stage numbers out of order") {
        ordered_json j = base_json();
        auto& stages = j["cases"][1]["stages"];
        std::swap(stages[0], stages[1]);
        const Problems p = problems_of(j);
        INFO(joined(p));
        CHECK(has(p, "cases[1] (DS-2025-000002): stages[0].number: a stage 2 without a stage 1"));
        CHECK(has(p, "cases[1] (DS-2025-000002): stages[1].number: stage numbers out of order: stage 1 follows stage 2"));
    }
    SUBCASE("a stage 3 on a 2024-Code case is refused; on a 2022-Code case it is kept") {
        ordered_json j = base_json();
        ordered_json s3 = j["cases"][2]["stages"][1];
        s3["number"] = 3;
        j["cases"][2]["stages"].push_back(s3);
        CHECK(has_part(problems_of(j), "cases[2] (DS-2025-000003): stages[2].number: a stage 3 on a 2024-Code case"));
        j["cases"][2]["code"] = "2022";
        const Result<Dataset> r = parse_dataset(j.dump());
        REQUIRE(r.is_ok());
        REQUIRE(r->cases[2].stages.size() == 3);
        CHECK(r->cases[2].stages[2].number == 3);
        CHECK(r->cases[2].code == CodeVersion::Code2022);
    }
    SUBCASE("stage number out of range") {
        ordered_json j = base_json();
        j["cases"][0]["stages"][1]["number"] = 4;
        CHECK(has(problems_of(j), "cases[0] (DS-2025-000001): stages[1].number: out of range: 4 (1 to 3)"));
    }
    SUBCASE("a late escalation without a discretion decision is kept: a finding, not an error") {
        ordered_json j = base_json();
        j["cases"][0]["stages"][1]["escalation"].erase("discretion_decision");
        j["cases"][0]["stages"][1]["escalation"].erase("outside_window");  // recomputed, whatever the file says
        const Result<Dataset> r = parse_dataset(j.dump());
        REQUIRE(r.is_ok());
        CHECK(r->cases[0].stages[1].escalation->outside_window);
        const std::vector<Finding> f = case_findings(r->cases[0], r->settings);
        REQUIRE(f.size() == 1);
        CHECK(f[0].text().rfind("DS-2025-000001: stages[1].escalation.discretion_decision: stage 2 asked for on 27 Feb 2025, "
                                "after the escalation window closed on 26 Feb 2025", 0) == 0);
    }
}

TEST_CASE("import: numbers out of range, unknown enum values and unknown fields") {
    ordered_json j = base_json();
    j["cases"][0]["stages"][0]["remedies"][0]["amount"] = -500;
    j["cases"][0]["stages"][0]["extensions"][0]["working_days"] = 400;
    j["cases"][1]["surveys"][0]["satisfied_handling"] = 6;
    j["cases"][1]["channel"] = "carrier_pigeon";
    j["cases"][2]["stages"][0]["remedies"][0]["amount"] = 12.5;
    j["cases"][2]["acknowleged"] = "2025-01-08";
    j["cases"][3]["complexity"] = 18446744073709551615ull;
    j["settings"]["policy"]["stage1_response_days"] = 0;
    const Problems p = problems_of(j);
    INFO(joined(p));
    CHECK(has(p, "cases[0] (DS-2025-000001): stages[0].remedies[0].amount: out of range: negative pence (-500)"));
    CHECK(has(p, "cases[0] (DS-2025-000001): stages[0].extensions[0].working_days: out of range: 400 (1 to 365)"));
    CHECK(has(p, "cases[1] (DS-2025-000002): surveys[0].satisfied_handling: out of range: 6 (0 to 5)"));
    CHECK(has(p, "cases[1] (DS-2025-000002): channel: unknown value 'carrier_pigeon' (expected one of in_person, home_visit, phone, email, letter, web_form, social_media, app, third_party)"));
    CHECK(has(p, "cases[2] (DS-2025-000003): stages[0].remedies[0].amount: not a whole number: 12.5"));
    CHECK(has(p, "cases[2] (DS-2025-000003): acknowleged: unknown field (not in the doorstep/1 schema)"));
    CHECK(has(p, "cases[3] (DS-2025-000004): complexity: out of range: 18446744073709551615 (1 to 3)"));
    CHECK(has(p, "settings: policy.stage1_response_days: out of range: 0 (1 to 365)"));
}

TEST_CASE("import: surveys, one per stage response, named by case and field") {
    ordered_json j = base_json();
    // Case 1: stage 3 does not exist; case 2: a second stage 1 survey; case 3: answered and declined,
    // and offered before the stage 1 response (29 Jan 2025); case 4: scores but not answered.
    j["cases"][0]["surveys"][0]["stage"] = 3;
    j["cases"][1]["surveys"].push_back(j["cases"][1]["surveys"][0]);
    j["cases"][2]["surveys"][0]["declined"] = true;
    j["cases"][2]["surveys"][0]["on"] = "2025-01-28";
    j["cases"][3]["surveys"][0].erase("answered");
    const Problems p = problems_of(j);
    INFO(joined(p));
    CHECK(has(p, "cases[0] (DS-2025-000001): surveys[0].stage: this case has no stage 3"));
    CHECK(has(p, "cases[1] (DS-2025-000002): surveys[1].stage: a second survey for stage 1: one survey follows each stage's response"));
    CHECK(has(p, "cases[2] (DS-2025-000003): surveys[0].declined: a survey is either answered or declined, not both"));
    CHECK(has(p, "cases[2] (DS-2025-000003): surveys[0].on: 2025-01-28 is before the stage 1 response (2025-01-29)"));
    CHECK(has(p, "cases[3] (DS-2025-000004): surveys[0].answered: scores are given, but the survey is not marked answered"));

    ordered_json k = base_json();
    k["cases"][0]["surveys"][0].erase("stage");
    CHECK(has(problems_of(k), "cases[0] (DS-2025-000001): surveys[0].stage: missing (required)"));
}

TEST_CASE("import: the older single survey becomes the survey of the stage it followed") {
    ordered_json j = base_json();
    ordered_json old = j["cases"][0]["surveys"][0];
    old.erase("stage");
    // Stage 1 answered 29 Jan, stage 2 answered 20 Mar 2025.
    for (int i = 0; i < 2; ++i) {
        j["cases"][i].erase("surveys");
        j["cases"][i]["stages"][1]["responded"] = "2025-03-20";
        j["cases"][i]["survey"] = old;
    }
    j["cases"][0]["survey"]["on"] = "2025-02-05";  // after stage 1's response, before stage 2's
    j["cases"][1]["survey"]["on"] = "2025-03-24";  // after stage 2's
    j["cases"][1]["survey"]["answered_on"] = "2025-03-25";
    Problems problems;
    const Result<Dataset> r = parse_dataset(j.dump(2), {}, &problems);
    INFO(joined(problems));
    REQUIRE(r.is_ok());
    REQUIRE(r->cases[0].surveys.size() == 1);
    CHECK(r->cases[0].surveys[0].stage == 1);
    CHECK(r->cases[0].surveys[0].satisfied_handling == 4);
    REQUIRE(r->cases[1].surveys.size() == 1);
    CHECK(r->cases[1].surveys[0].stage == 2);
    // Written back in the new form only.
    const ordered_json again = to_json(r->cases[0]);
    CHECK_FALSE(again.contains("survey"));
    CHECK(again["surveys"][0]["stage"] == 1);

    // Both forms on one case is a problem, not a guess.
    ordered_json both = base_json();
    both["cases"][0]["survey"] = old;
    CHECK(has(problems_of(both),
              "cases[0] (DS-2025-000001): survey: a case has either the \"surveys\" list or the older single \"survey\", not both"));
}

TEST_CASE("import: size limits are configurable") {
    ImportLimits small;
    small.max_string_bytes = 10;
    small.max_cases = 3;
    small.max_list_items = 1;
    const Problems p = problems_of(base_json(), small);
    INFO(joined(p));
    CHECK(has(p, "cases: too many items: 4 (limit 3)"));
    CHECK(has_part(p, "settings: landlord.name: too long: 13 bytes (limit 10)"));
    CHECK(has_part(p, "settings: categories: too many items: 2 (limit 1)"));

    ImportLimits tiny;
    tiny.max_bytes = 100;
    const Problems q = problems_of(base_json(), tiny);
    REQUIRE(q.size() == 1);
    CHECK(q[0].text().rfind("the file is too large: ", 0) == 0);

    ImportLimits few;
    few.max_problems = 3;
    ordered_json j = base_json();
    for (int i = 0; i < 4; ++i) j["cases"][i]["received"] = "never";
    const Problems r = problems_of(j, few);
    REQUIRE(r.size() == 4);
    CHECK(r[3].text() == "... and 1 more problems not listed (limit 3)");
}

TEST_CASE("import: a 100 KB field is accepted, one byte more is not") {
    ordered_json j = base_json();
    j["cases"][0]["own_words"] = std::string(100 * 1024, 'x');
    CHECK(parse_dataset(j.dump()).is_ok());
    j["cases"][0]["own_words"] = std::string(100 * 1024 + 1, 'x');
    CHECK(has(problems_of(j), "cases[0] (DS-2025-000001): own_words: too long: 102401 bytes (limit 102400)"));
}

TEST_CASE("import: control characters, bad hashes and revisions") {
    ordered_json j = base_json();
    j["cases"][0]["own_words"] = std::string("bell\x07");
    j["cases"][1]["attachments"][0]["sha256"] = "abc";
    j["cases"][2]["rev"] = "2-xyz";
    j["cases"][3]["rev_ids"] = {"fedcba9876543210fedcba9876543210"};
    const Problems p = problems_of(j);
    INFO(joined(p));
    CHECK(has(p, "cases[0] (DS-2025-000001): own_words: contains a control character"));
    CHECK(has(p, "cases[1] (DS-2025-000002): attachments[0].sha256: not a SHA-256 content hash (64 lowercase hex digits): 'abc'"));
    CHECK(has(p, "cases[2] (DS-2025-000003): rev: not a revision \"N-<32 hex digits>\": '2-xyz'"));
    CHECK(has(p, "cases[3] (DS-2025-000004): rev_ids: must start with the current revision's hash '0123456789abcdef0123456789abcdef'"));
}

TEST_CASE("import: conflict versions are validated too") {
    ordered_json j = base_json();
    ordered_json version = j["cases"][0];
    version.erase("conflicts");
    version["rev"] = "2-11111111111111111111111111111111";
    version["rev_ids"] = {"11111111111111111111111111111111", "fedcba9876543210fedcba9876543210"};
    version["received"] = "2025-02-29";
    j["cases"][0]["conflicts"] = {version};
    Problems p = problems_of(j);
    INFO(joined(p));
    CHECK(has(p, "cases[0] (DS-2025-000001): conflicts[0].received: not a date: '2025-02-29'"));

    version["received"] = "2025-01-06";
    version["id"] = "1b4e28ba-2fa1-4d2e-883f-0016d3cca999";
    j["cases"][0]["conflicts"] = {version};
    p = problems_of(j);
    CHECK(has_part(p, "cases[0] (DS-2025-000001): conflicts[0].id: a conflict version must have the case's own id"));

    version["id"] = j["cases"][0]["id"];
    j["cases"][0]["conflicts"] = {version};
    const Result<Dataset> r = parse_dataset(j.dump());
    REQUIRE(r.is_ok());
    CHECK(r->cases[0].conflicts.size() == 1);
}

TEST_CASE("import: the caller's data is untouched: a failed import returns no dataset") {
    ordered_json j = base_json();
    j["cases"][1]["received"] = "2025-02-30";
    const Result<Dataset> r = parse_dataset(j.dump());
    CHECK_FALSE(r.is_ok());
    CHECK(r.error().where == "import");
    CHECK(r.error().message.rfind("1 problem; nothing was imported\n", 0) == 0);
}

TEST_CASE("import: hostile input gives problems, never a crash") {
    CHECK(problems_of(std::string(100000, '[')).size() == 1);
    const Problems huge = problems_of(std::string("{\"schema\":\"doorstep/1\",\"version\":1e400}"));
    REQUIRE(huge.size() == 1);
    CHECK(huge[0].text() == "not valid JSON: number overflow parsing '1e400'");
    CHECK(problems_of(std::string("\"\\ud800\"")).size() == 1);
    CHECK(problems_of(std::string("{\"a\":\"\xff\"}")).size() == 1);
    CHECK(problems_of(std::string("\0\0\0", 3)).size() == 1);
    // Raw bytes of a broken file never reach a message.
    const Problems bad_utf8 = problems_of(std::string("{\"schema\": \"doorstep/1\", \"x\xff\": 1}"));
    REQUIRE(bad_utf8.size() == 1);
    CHECK(bad_utf8[0].text().find('\xff') == std::string::npos);
    ordered_json k = base_json();
    k["cases"][0]["odd\u0001key"] = 1;
    CHECK(has(problems_of(k), "cases[0] (DS-2025-000001): odd?key: unknown field (not in the doorstep/1 schema)"));
    ordered_json j = base_json();
    j["cases"][0]["stages"] = ordered_json::array({1, "two", nullptr, ordered_json::object()});
    const Problems p = problems_of(j);
    INFO(joined(p));
    CHECK(has(p, "cases[0] (DS-2025-000001): stages[0]: expected an object, found a whole number"));
    CHECK(has(p, "cases[0] (DS-2025-000001): stages[3].number: missing (required)"));
}

TEST_CASE("import: one case file on its own") {
    const std::string text = case_to_text(full_case());
    CHECK(parse_case(text).is_ok());
    Problems p;
    CHECK_FALSE(parse_case("{\"id\": 5}", {}, &p).is_ok());
    CHECK(has(p, "case: id: expected text, found a whole number"));
    CHECK(has(p, "case: reference: missing (required)"));
    CHECK_FALSE(parse_case("{\"id\": \"CASE-1\"}", {}, &p).is_ok());
    CHECK(has(p, "case: id: not a case id this app writes (a lowercase UUID): 'CASE-1'"));
}

TEST_CASE("import: the fuzzing corpus replays without crashing") {
    namespace fs = std::filesystem;
#ifdef DOORSTEP_SOURCE_DIR
    const fs::path dir = fs::path(DOORSTEP_SOURCE_DIR) / "tests" / "native" / "corpus";
#else
    const fs::path dir = fs::path(__FILE__).parent_path() / "corpus";
#endif
    REQUIRE(fs::is_directory(dir));
    int files = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream buf;
        buf << in.rdbuf();
        const std::string bytes = buf.str();
        Problems problems;
        const Result<Dataset> r = parse_dataset(bytes, {}, &problems);
        CAPTURE(entry.path().filename().string());
        // Either a dataset, or at least one problem a person can read.
        CHECK(r.is_ok() == problems.empty());
        if (!r.is_ok()) CHECK(!problems.front().text().empty());
        ++files;
    }
    CHECK(files > 0);
}
