// Every record's fields described once (model/fields.h) and each enum's JSON
// words in one table (model/enum_words.h): the writer, the reader, the reports
// and the screens' choice lists all follow them.
#include "core/data/case_json.h"
#include "core/model/enum_words.h"
#include "core/model/fields.h"

#include "case_fixtures.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <iterator>
#include <set>
#include <string>
#include <vector>

using namespace doorstep;

namespace {

// The screens list an enum's values by position: the table must hold each value once, in declaration order.
template <class E> void check_table_order() {
    const auto& words = EnumWords<E>::words;
    std::set<std::string> seen;
    for (size_t i = 0; i < std::size(words); ++i) {
        CAPTURE(words[i].word);
        CHECK(static_cast<size_t>(words[i].value) == i);
        CHECK(seen.insert(words[i].word).second);
    }
}

// The keys of one record's description, in order.
struct KeyList {
    std::vector<std::string> keys;
    template <class T, class... O> void operator()(const char* key, T&, const O&...) { keys.push_back(key); }
};

}  // namespace

TEST_CASE("schema: each enum's words are listed once per value, in declaration order") {
    check_table_order<CodeVersion>();
    check_table_order<CaseKind>();
    check_table_order<Channel>();
    check_table_order<ContactMethod>();
    check_table_order<RepresentativeKind>();
    check_table_order<Decision>();
    check_table_order<RemedyType>();
    check_table_order<RemedyState>();
    check_table_order<ClosureReason>();
    check_table_order<ContactOutcome>();
    check_table_order<ContactPurpose>();
    check_table_order<LogKind>();
    check_table_order<HazardRecord::Accommodation>();
    check_table_order<Determination>();
    check_table_order<Region>();
    check_table_order<RatePer>();
    check_table_order<ReviewBody>();
    check_table_order<StaffRole>();
    check_table_order<Compliance>();
    check_table_order<ActionStatus>();
}

TEST_CASE("schema: a case with every field set is written with exactly the described keys, in order") {
    Case c = fixtures::full_case("0b4e28ba-2fa1-4d2e-883f-0016d3cca401", "DS-2025-000001");
    c.reference_aliases = {"DS-2024-000009"};
    c.discarded_revs = {"1-0123456789abcdef0123456789abcdef"};
    KeyList described;
    fields(described, c);
    std::vector<std::string> written;
    const nlohmann::ordered_json j = to_json(c);
    for (const auto& item : j.items()) written.push_back(item.key());
    // conflicts are written only when a case has them
    std::vector<std::string> expected;
    for (const std::string& k : described.keys)
        if (k != "conflicts" || !c.conflicts.empty()) expected.push_back(k);
    std::string w, e;
    for (const std::string& k : written) w += k + " ";
    for (const std::string& k : expected) e += k + " ";
    CHECK(w == e);
    CHECK(std::set<std::string>(described.keys.begin(), described.keys.end()).size() == described.keys.size());
}
