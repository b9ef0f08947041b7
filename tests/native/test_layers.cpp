// The layout's promise, checked on the sources themselves: dependencies point one
// way between src/ folders (core <- storage <- ui <- platform/web; the CLI uses core
// and storage), and inside core each domain folder includes only from folders to
// its left in the README's order.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const std::vector<std::string> k_core_order = {"base", "calendar", "model", "rules",   "data",
                                               "sync", "document", "letters", "reports", "demo"};

struct Include {
    std::string file;    // relative to src/
    std::string target;  // as written, e.g. "core/base/date.h"
};

std::vector<Include> includes_under(const fs::path& src) {
    std::vector<Include> out;
    const std::regex inc(R"re(^\s*#\s*include\s+"([^"]+)")re");
    for (const auto& e : fs::recursive_directory_iterator(src)) {
        if (!e.is_regular_file()) continue;
        const std::string ext = e.path().extension().string();
        if (ext != ".h" && ext != ".cpp") continue;
        std::ifstream in(e.path());
        std::string line;
        std::smatch m;
        while (std::getline(in, line))
            if (std::regex_search(line, m, inc))
                out.push_back({fs::relative(e.path(), src).generic_string(), m[1].str()});
    }
    return out;
}

std::string first_part(const std::string& path) { return path.substr(0, path.find('/')); }

std::string core_folder(const std::string& path) {  // "core/rules/x.h" -> "rules"
    const auto a = path.find('/');
    const auto b = path.find('/', a + 1);
    return b == std::string::npos ? std::string() : path.substr(a + 1, b - a - 1);
}

int core_rank(const std::string& folder) {
    const auto it = std::find(k_core_order.begin(), k_core_order.end(), folder);
    return it == k_core_order.end() ? -1 : static_cast<int>(it - k_core_order.begin());
}

const fs::path k_src = fs::path(DOORSTEP_SOURCE_DIR) / "src";

}  // namespace

TEST_CASE("layout: every file in src/core sits in one of the domain folders the README lists") {
    for (const auto& e : fs::directory_iterator(k_src / "core")) {
        INFO(e.path().string());
        CHECK(e.is_directory());
        CHECK(core_rank(e.path().filename().string()) >= 0);
    }
}

TEST_CASE("layout: inside core no include runs back up (base <- calendar <- model <- rules <- data <- document <- letters <- reports <- demo)") {
    for (const Include& i : includes_under(k_src / "core")) {
        if (first_part(i.target) != "core") continue;
        const int from = core_rank(core_folder("core/" + i.file));
        const int to = core_rank(core_folder(i.target));
        INFO(i.file << " includes " << i.target);
        CHECK(to >= 0);
        CHECK(to <= from);
    }
}

TEST_CASE("layout: between src folders dependencies point one way") {
    // What each folder may include from the others (its own folder always).
    const std::vector<std::pair<std::string, std::vector<std::string>>> allowed = {
        {"core", {}},
        {"storage", {"core"}},
        {"ui", {"core", "storage"}},
        {"platform", {"core", "storage", "ui"}},
        {"cli", {"core", "storage"}},
    };
    const std::vector<std::string> ours = {"core", "storage", "ui", "platform", "cli"};
    for (const Include& i : includes_under(k_src)) {
        const std::string from = first_part(i.file);
        const std::string to = first_part(i.target);
        if (to == from || std::find(ours.begin(), ours.end(), to) == ours.end()) continue;
        const auto rule = std::find_if(allowed.begin(), allowed.end(), [&](const auto& r) { return r.first == from; });
        REQUIRE(rule != allowed.end());
        INFO(i.file << " includes " << i.target);
        CHECK(std::find(rule->second.begin(), rule->second.end(), to) != rule->second.end());
    }
}
