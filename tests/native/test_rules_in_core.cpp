// Every change to a case goes through a checked engine function (src/core/rules):
// the screens and the platform only draw, ask and save. Checked on the sources:
// no file under src/ui or src/platform writes a case's audit trail itself.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Hit {
    std::string file;
    int line = 0;
    std::string text;
};

std::vector<Hit> lines_holding(const fs::path& root, const std::vector<std::string>& needles) {
    std::vector<Hit> out;
    if (!fs::exists(root)) return out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (!e.is_regular_file()) continue;
        const std::string ext = e.path().extension().string();
        if (ext != ".h" && ext != ".cpp") continue;
        std::ifstream in(e.path());
        std::string line;
        int n = 0;
        while (std::getline(in, line)) {
            ++n;
            const std::string code = line.substr(0, line.find("//"));  // a comment may name them
            for (const std::string& needle : needles)
                if (code.find(needle) != std::string::npos) out.push_back({e.path().generic_string(), n, line});
        }
    }
    return out;
}

const fs::path k_src = fs::path(DOORSTEP_SOURCE_DIR) / "src";

}  // namespace

TEST_CASE("layout: no file under src/ui or src/platform appends to a case's audit trail (rules live in core)") {
    const std::vector<std::string> writes = {".audit.push_back", ".audit.emplace_back", "audit.insert(", "append_audit("};
    for (const char* folder : {"ui", "platform"}) {
        for (const Hit& h : lines_holding(k_src / folder, writes)) {
            INFO(h.file << ":" << h.line << ": " << h.text);
            CHECK_MESSAGE(false, "change the case through an engine function in src/core/rules instead");
        }
    }
}

TEST_CASE("layout: the scan for audit writes finds one where core writes it") {
    // Guards the test above against scanning nothing (a moved folder, a wrong root).
    CHECK_FALSE(lines_holding(k_src / "core" / "model", {"c.audit.push_back"}).empty());
}
