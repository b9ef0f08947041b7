// The embedded asset table must hold exactly the data files under assets/, byte for byte.
#include "core/base/assets.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

namespace fs = std::filesystem;

namespace {

const std::set<std::string> k_data_extensions = {".json", ".txt", ".md", ".html", ".htm", ".csv", ".tmpl", ".css"};

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> data_files_on_disk() {
    std::vector<std::string> out;
    const fs::path root = fs::path(DOORSTEP_SOURCE_DIR) / "assets";
    if (!fs::exists(root)) return out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (e.is_regular_file() && k_data_extensions.count(e.path().extension().string()))
            out.push_back(fs::relative(e.path(), root).generic_string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("assets: the embedded names are the data files under assets/, sorted") {
    const auto names = doorstep::embedded_asset_names();
    CHECK(std::is_sorted(names.begin(), names.end()));
    CHECK(names == data_files_on_disk());
}

TEST_CASE("assets: every embedded asset matches its file byte for byte") {
    const fs::path root = fs::path(DOORSTEP_SOURCE_DIR) / "assets";
    for (const auto& name : doorstep::embedded_asset_names()) {
        CAPTURE(name);
        const std::string_view bytes = doorstep::embedded_asset(name);
        CHECK(doorstep::has_embedded_asset(name));
        CHECK(bytes == read_file(root / name));
        CHECK(bytes.data()[bytes.size()] == '\0');  // promised by assets.h
    }
}

TEST_CASE("assets: an unknown path gives an empty view, not a crash") {
    CHECK(doorstep::embedded_asset("no/such/file.json").empty());
    CHECK_FALSE(doorstep::has_embedded_asset("no/such/file.json"));
    CHECK_FALSE(doorstep::has_embedded_asset(""));
}
