// Hostile files refused while they are read (issue 21): a key written twice in
// one object is refused rather than the last one kept, and a file of millions of
// tiny values is refused as soon as it passes a limit, so refusing it takes
// memory a small multiple of the file, never gigabytes.
#include "core/data/case_json.h"
#include "core/data/import.h"

#include "case_fixtures.h"

#include <doctest/doctest.h>

#include <sys/resource.h>

#include <string>

using namespace doorstep;
using namespace doorstep::fixtures;

namespace {

bool has(const Problems& problems, const std::string& text) {
    for (const Error& e : problems)
        if (e.text() == text) return true;
    return false;
}

std::string joined(const Problems& problems) {
    std::string out;
    for (const Error& e : problems) out += e.text() + "\n";
    return out;
}

// The most memory this process has held so far, in bytes.
size_t peak_memory() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<size_t>(u.ru_maxrss) * 1024;  // Linux: kilobytes
}

}  // namespace

TEST_CASE("import: a key written twice in one object is refused, naming the record and the key") {
    std::string text = export_dataset(full_dataset(), "2025-03-31T17:45");
    REQUIRE(parse_dataset(text).is_ok());
    // The first case's own words written twice: keeping the last would lose the first.
    const size_t at = text.find("\"own_words\":");
    REQUIRE(at != std::string::npos);
    text.insert(at, "\"own_words\": \"the first version\",\n      ");
    Problems problems;
    CHECK_FALSE(parse_dataset(text, {}, &problems).is_ok());
    INFO(joined(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].text() == "cases[0]: the key \"own_words\" is written twice in one object (each field once)");

    Problems top;
    CHECK_FALSE(parse_dataset("{\"schema\": \"doorstep/1\", \"schema\": \"doorstep/1\"}", {}, &top).is_ok());
    CHECK(has(top, "the key \"schema\" is written twice in one object (each field once)"));
    CHECK_FALSE(parse_case("{\"id\": \"a\", \"id\": \"b\"}").is_ok());
}

TEST_CASE("import: millions of tiny values are refused while reading, in memory bounded by the file") {
    // 60 MB of "0," (inside the 256 MB limit): read whole it would take gigabytes.
    const size_t count = 30'000'000;
    std::string text;
    text.reserve(count * 2 + 64);
    text += "{\"schema\": \"doorstep/1\", \"version\": 1, \"cases\": [";
    for (size_t i = 0; i < count; ++i) text += "0,";
    text += "0]}";
    const size_t before = peak_memory();
    Problems problems;
    CHECK_FALSE(parse_dataset(text, {}, &problems).is_ok());
    const size_t grown = peak_memory() - before;
    INFO(joined(problems));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].text() == "cases: too many items: more than 40000 (limit 20000)");
    CHECK(grown < text.size());

    // Many lists each under the limit: the count of values in the whole file stops it.
    ImportLimits limits;
    limits.max_values = 1'000'000;
    std::string lists = "[";
    for (int i = 0; i < 200; ++i) {
        lists += i ? ",[" : "[";
        for (int k = 0; k < 9999; ++k) lists += "0,";
        lists += "0]";
    }
    lists += "]";
    Problems many;
    CHECK_FALSE(parse_dataset(lists, limits, &many).is_ok());
    REQUIRE(many.size() == 1);
    CHECK(many[0].text() == "[99]: more than 1000000 values in the file: not a Doorstep export");
}
