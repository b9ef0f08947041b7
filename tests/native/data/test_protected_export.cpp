// 21.6: a protected export is told apart from a plain one before anything parses it.
#include "core/data/protected_export.h"

#include <doctest/doctest.h>

using namespace doorstep;

TEST_CASE("21.6: a protected export is recognised by its envelope's first member, a plain export is not") {
    CHECK(is_protected_export(R"({"doorstep_protected_export":1,"cipher":"AES-256-GCM"})"));
    CHECK(is_protected_export("\xEF\xBB\xBF \n {\n  \"doorstep_protected_export\": 1}"));
    CHECK_FALSE(is_protected_export(R"({"format":"doorstep-export","cases":[]})"));
    CHECK_FALSE(is_protected_export(R"({"doorstep_protected_exports":1})"));
    CHECK_FALSE(is_protected_export(R"(["doorstep_protected_export"])"));
    CHECK_FALSE(is_protected_export(""));
}
