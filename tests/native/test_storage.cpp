// Storage: files are replaced whole or not at all, and a case store never loses
// a case — not on a crash, a full disk, a corrupt file or a bad import.
#include <doctest/doctest.h>

#include "core/base64.h"
#include "storage/file_store.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace doorstep;
namespace fs = std::filesystem;

namespace {

// A fresh directory under the system temp folder, removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "doorstep-store-XXXXXX").string();
        char* made = ::mkdtemp(pattern.data());
        REQUIRE(made != nullptr);
        path = made;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string str() const { return path.string(); }
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

int count_files(const fs::path& folder) {
    if (!fs::exists(folder)) return 0;
    int n = 0;
    for (const auto& e : fs::directory_iterator(folder))
        if (e.is_regular_file()) ++n;
    return n;
}

}  // namespace

TEST_CASE("base64: RFC 4648 test vectors both ways") {
    const std::pair<const char*, const char*> vectors[] = {
        {"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"},
        {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="}, {"foobar", "Zm9vYmFy"}};
    for (const auto& [plain, encoded] : vectors) {
        CHECK(base64_encode(plain) == encoded);
        auto back = base64_decode(encoded);
        REQUIRE(back);
        CHECK(*back == plain);
    }
}

TEST_CASE("base64: every byte value survives, and damaged text is refused") {
    std::string all;
    for (int i = 0; i < 256; ++i) all += char(i);
    for (size_t len = 0; len <= all.size(); len += 37) {
        const std::string part = all.substr(0, len);
        auto back = base64_decode(base64_encode(part));
        REQUIRE(back);
        CHECK(*back == part);
    }
    CHECK(base64_decode("Zm9v\nYmFy") == std::optional<std::string>("foobar"));  // wrapped lines
    CHECK_FALSE(base64_decode("Zm9"));      // truncated
    CHECK_FALSE(base64_decode("Zm9v!"));    // not in the alphabet
    CHECK_FALSE(base64_decode("Zg==Zg=="));  // data after padding
    CHECK_FALSE(base64_decode("Zh=="));     // non-zero unused bits
    CHECK_FALSE(base64_decode("Z==="));
    CHECK_FALSE(base64_decode("Zm9-"));     // URL-safe alphabet is not this one
}

TEST_CASE("directory store: write, read, list, size, remove, rename") {
    TempDir dir;
    DirectoryStore store(dir.str());
    store.sync_to_disk = false;
    std::vector<std::string> changed;
    store.on_changed = [&](const std::string& p) { changed.push_back(p); };

    REQUIRE(store.write("cases/a.json", "{\"a\":1}"));
    // The new folder is announced before its first file (IndexedDB needs its entry first).
    CHECK(changed == std::vector<std::string>{"cases", "cases/a.json"});
    CHECK(slurp(dir.path / "cases/a.json") == "{\"a\":1}");
    REQUIRE(store.write("cases/b.json", "bb"));
    CHECK(changed.back() == "cases/b.json");
    CHECK(changed.size() == 3);  // the folder is not announced twice

    auto text = store.read("cases/a.json");
    REQUIRE(text);
    CHECK(*text == "{\"a\":1}");
    auto names = store.list("cases");
    REQUIRE(names);
    CHECK(*names == std::vector<std::string>{"a.json", "b.json"});
    CHECK(store.list("nothing-here")->empty());
    CHECK(*store.size("cases/b.json") == 2);
    CHECK(store.exists("cases/a.json"));

    REQUIRE(store.rename("cases/b.json", "quarantine/b.json"));
    CHECK(changed[changed.size() - 3] == "quarantine");
    CHECK(changed[changed.size() - 2] == "quarantine/b.json");
    CHECK(changed.back() == "cases/b.json");
    CHECK_FALSE(store.exists("cases/b.json"));
    CHECK(store.exists("quarantine/b.json"));

    REQUIRE(store.remove("cases/a.json"));
    CHECK(changed.back() == "cases/a.json");
    CHECK_FALSE(store.exists("cases/a.json"));
    CHECK(store.remove("cases/a.json"));  // already gone is fine

    auto missing = store.read("cases/a.json");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().where == "cases/a.json");
    CHECK(missing.error().message == "the file does not exist");
}

TEST_CASE("directory store: refuses paths that escape its folder") {
    TempDir dir;
    DirectoryStore store(dir.str());
    for (const char* bad : {"../x", "/etc/passwd", "a//b", "a/./b", "", "a/", "a\\b"}) {
        CAPTURE(bad);
        CHECK_FALSE(store.write(bad, "x"));
        CHECK_FALSE(store.read(bad));
    }
    CHECK(is_safe_store_path("cases/x.json"));
    CHECK(is_safe_store_path("settings.json"));
}

TEST_CASE("directory store: a crash before the rename leaves the old version") {
    TempDir dir;
    DirectoryStore store(dir.str());
    store.sync_to_disk = false;
    REQUIRE(store.write("settings.json", "old"));
    int notified = 0;
    store.on_changed = [&](const std::string&) { ++notified; };

    store.fault.kind = FaultPlan::Kind::CrashBeforeRename;
    const Status s = store.write("settings.json", "new and longer");
    REQUIRE_FALSE(s);
    CHECK(slurp(dir.path / "settings.json") == "old");
    CHECK(fs::exists(dir.path / "settings.json.tmp"));  // what a real crash leaves
    CHECK(notified == 0);                               // nothing to persist
    CHECK(store.fault.kind == FaultPlan::Kind::None);   // fired once
}

TEST_CASE("directory store: a full disk leaves the old version and says so") {
    TempDir dir;
    DirectoryStore store(dir.str());
    store.sync_to_disk = false;
    REQUIRE(store.write("learning.json", "old"));
    store.fault.kind = FaultPlan::Kind::DiskFull;
    const Status s = store.write("learning.json", "new");
    REQUIRE_FALSE(s);
    CHECK(s.error().where == "learning.json");
    CHECK(s.error().message == "the device storage is full");
    CHECK(slurp(dir.path / "learning.json") == "old");
    CHECK_FALSE(fs::exists(dir.path / "learning.json.tmp"));
    REQUIRE(store.write("learning.json", "new"));  // space again: it works
    CHECK(slurp(dir.path / "learning.json") == "new");
}

TEST_CASE("directory store: faults can wait for the Nth write and a path prefix") {
    TempDir dir;
    DirectoryStore store(dir.str());
    store.sync_to_disk = false;
    store.fault = FaultPlan{FaultPlan::Kind::DiskFull, 2, "cases/", true};
    CHECK(store.write("settings.json", "s"));  // not under the prefix: not counted
    CHECK(store.write("cases/1.json", "1"));
    CHECK(store.write("cases/2.json", "2"));
    CHECK_FALSE(store.write("cases/3.json", "3"));
    CHECK(store.write("cases/4.json", "4"));
    CHECK(count_files(dir.path / "cases") == 3);
}

TEST_CASE("directory store: read-only refuses every change with the reason") {
    TempDir dir;
    DirectoryStore store(dir.str());
    store.sync_to_disk = false;
    REQUIRE(store.write("a.json", "1"));
    store.read_only_reason = "Doorstep is being edited in another tab";
    const Status w = store.write("a.json", "2");
    REQUIRE_FALSE(w);
    CHECK(w.error().message == "Doorstep is being edited in another tab");
    CHECK_FALSE(store.remove("a.json"));
    CHECK_FALSE(store.rename("a.json", "b.json"));
    CHECK(*store.read("a.json") == "1");
}
