#include <doctest/doctest.h>

#include "core/base/money.h"

#include <cstdint>
#include <limits>

using namespace doorstep;

TEST_CASE("money: formatting") {
    CHECK(format_money(Money{123456}) == "\xC2\xA3" "1,234.56");
    CHECK(format_money(Money{-500}) == "-\xC2\xA3" "5.00");
    CHECK(format_money(Money{0}) == "\xC2\xA3" "0.00");
    CHECK(format_money(Money{5}) == "\xC2\xA3" "0.05");
    CHECK(format_money(Money{-5}) == "-\xC2\xA3" "0.05");
    CHECK(format_money(Money{99999}) == "\xC2\xA3" "999.99");
    CHECK(format_money(Money{100000}) == "\xC2\xA3" "1,000.00");
    CHECK(format_money(Money{123456789012}) == "\xC2\xA3" "1,234,567,890.12");
    CHECK(format_money(Money::from_pounds(15)) == "\xC2\xA3" "15.00");
    CHECK(format_money(Money{std::numeric_limits<int64_t>::min()}) == "-\xC2\xA3" "92,233,720,368,547,758.08");
}

TEST_CASE("money: parsing what people type") {
    CHECK(parse_money("1234.56") == Money{123456});
    CHECK(parse_money("\xC2\xA3" "1,234.56") == Money{123456});
    CHECK(parse_money("15") == Money{1500});
    CHECK(parse_money("15.5") == Money{1550});
    CHECK(parse_money("15.05") == Money{1505});
    CHECK(parse_money("0") == Money{0});
    CHECK(parse_money(".50") == Money{50});
    CHECK(parse_money(" \xC2\xA3" "600 ") == Money{60000});
    CHECK(parse_money("-\xC2\xA3" "5.00") == Money{-500});
    CHECK(parse_money("\xC2\xA3" "-5") == Money{-500});
    CHECK(parse_money("-5") == Money{-500});
    CHECK(parse_money("1,000,000") == Money{100000000});
    CHECK(parse_money("999999999999999.99") == Money{99999999999999999});
}

TEST_CASE("money: junk is rejected") {
    for (const char* bad : {"", " ", "\xC2\xA3", "-", "abc", "12a", "1.234", "15.", "1,23", "12,34.00", "1234,567",
                            ",123", "1,234,", "1,,234", "1.2.3", "--5", "\xC2\xA3\xC2\xA3" "5", "5\xC2\xA3", "$5",
                            "1e3", "+5", "5 00", "1000000000000000", "\xC2"})
        CHECK_MESSAGE(!parse_money(bad), bad);
}

TEST_CASE("money: round trip through format and parse") {
    for (int64_t p : {0LL, 1LL, 99LL, 100LL, 123456LL, -123456LL, 100000000LL, 99999999999LL})
        CHECK(parse_money(format_money(Money{p})) == Money{p});
}
