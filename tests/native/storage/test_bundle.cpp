// Reading an export bundle (storage/bundle.h): the one reader behind importing a
// bundle into the store and every `doorstep` command that reads an export.
#include "core/data/case_json.h"
#include "core/demo/demo.h"
#include "storage/bundle.h"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

using namespace doorstep;

namespace {

Demo small_demo() {
    DemoOptions o;
    o.cases = 60;
    o.seed = 5;
    Result<Demo> demo = make_demo(o);
    REQUIRE(demo.is_ok());
    REQUIRE_FALSE(demo->files.empty());
    return std::move(*demo);
}

}  // namespace

TEST_CASE("bundle: a plain export reads as a bundle without files") {
    const Demo demo = small_demo();
    const std::string plain = export_dataset(demo.dataset, "2025-03-31T12:00");
    Result<Bundle> b = read_bundle(plain);
    REQUIRE(b.is_ok());
    CHECK_FALSE(b->has_files);
    CHECK(b->files.empty());
    CHECK(b->data.cases.size() == demo.dataset.cases.size());
}

TEST_CASE("bundle: every file comes back with its bytes, type and hash") {
    const Demo demo = small_demo();
    Result<Bundle> b = read_bundle(demo_bundle_text(demo, "2025-03-31T12:00"));
    REQUIRE(b.is_ok());
    CHECK(b->has_files);
    REQUIRE(b->files.size() == demo.files.size());
    for (const BundleFile& f : b->files) {
        const auto it = demo.files.find(f.sha256);
        REQUIRE(it != demo.files.end());
        CHECK(f.bytes == it->second.bytes);
        CHECK(f.mime == it->second.mime);
    }
}

TEST_CASE("bundle: a damaged file is named by the case that refers to it, and nothing is returned") {
    const Demo demo = small_demo();
    nlohmann::ordered_json doc = nlohmann::ordered_json::parse(demo_bundle_text(demo, "2025-03-31T12:00"));
    auto& files = doc["files"];
    const std::string sha = files.begin().key();
    // Another file's bytes under this key: well-formed, right type, wrong fingerprint.
    std::string other = std::next(files.begin()).value()["base64"].get<std::string>();
    files[sha]["base64"] = other;
    files[sha].erase("size");
    files["not-a-hash"] = {{"mime", "image/png"}, {"base64", "AAAA"}};

    Problems problems;
    Result<Bundle> b = read_bundle(doc.dump(), {}, {}, &problems);
    REQUIRE_FALSE(b.is_ok());
    REQUIRE(problems.size() == 2);
    bool named_case = false, named_key = false;
    for (const Error& e : problems) {
        if (e.where.rfind("files." + sha, 0) == 0) {
            named_case = e.where.find("(case ") != std::string::npos;
            CHECK(e.message.find("SHA-256") != std::string::npos);
        }
        if (e.where == "files.not-a-hash") named_key = true;
    }
    CHECK(named_case);
    CHECK(named_key);
    CHECK(b.error().message.find("nothing was imported") != std::string::npos);
}

TEST_CASE("bundle: a broken export document is reported by parse_dataset's own problems") {
    Problems problems;
    Result<Bundle> b = read_bundle("{\"schema\": \"doorstep/1\", \"files\": {}, \"cases\": 7}", {}, {}, &problems);
    REQUIRE_FALSE(b.is_ok());
    CHECK_FALSE(problems.empty());
}
