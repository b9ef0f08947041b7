// Storage: files are replaced whole or not at all, and a case store never loses
// a case — not on a crash, a full disk, a corrupt file or a bad import.
#include <doctest/doctest.h>

#include "core/base/base64.h"
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

// ---------------------------------------------------------------------------
// CaseStore

#include "core/data/case_json.h"
#include "core/base/hashing.h"
#include "core/base/ids.h"
#include "core/model/references.h"
#include "core/data/revisions.h"
#include "storage/case_store.h"

#include "case_fixtures.h"

#include <map>

namespace {

// A case that stands on its own (no links to cases the test does not have).
Case lone_case(int n) {
    char id[40], ref[20];
    std::snprintf(id, sizeof id, "0b4e28ba-2fa1-4d2e-883f-%012d", n);
    std::snprintf(ref, sizeof ref, "DS-2025-%06d", n);
    return fixtures::standalone_case(id, ref);
}

// Every file under the folder with its bytes: "nothing changed" means this is equal.
std::map<std::string, std::string> snapshot(const fs::path& root) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(root))
        if (e.is_regular_file()) out[fs::relative(e.path(), root).string()] = slurp(e.path());
    return out;
}

struct StoreFixture {
    TempDir dir;
    DirectoryStore files{dir.str()};
    CaseStore store{files};
    std::vector<std::string> changed;
    StoreFixture() {
        files.sync_to_disk = false;
        files.on_changed = [this](const std::string& p) { changed.push_back(p); };
        store.clock = [] { return std::string("2025-03-31T14:05"); };
        REQUIRE(store.open());
    }
    // A second store over the same folder: what the next start of the app sees.
    OpenReport reopen(CaseStore& other) {
        other.clock = store.clock;
        auto r = other.open();
        REQUIRE(r);
        return *r;
    }
};

const std::string kPng = std::string("\x89PNG\r\n\x1A\n", 8) + std::string("\0\0\0\rIHDR fake image body", 24);
const std::string kJpeg = std::string("\xFF\xD8\xFF\xE0", 4) + "JFIF pretend photo bytes \x01\x02\x03";

}  // namespace

TEST_CASE("case store: a new store has default settings and its own device id") {
    StoreFixture f;
    CHECK(f.store.data().cases.empty());
    CHECK(is_uuid(f.store.data().settings.device_id));
    CHECK(fs::exists(f.dir.path / "settings.json"));
    CaseStore again(f.files);
    f.reopen(again);
    CHECK(again.data().settings.device_id == f.store.data().settings.device_id);
}

TEST_CASE("case store: saved cases come back after a restart, with a new revision from this device") {
    StoreFixture f;
    std::vector<Case> cases = {lone_case(1), lone_case(2), lone_case(3)};
    for (Case& c : cases) REQUIRE(f.store.save_case(c));
    CHECK(cases[0].rev.rfind("1-", 0) == 0);
    CHECK(cases[0].device == f.store.data().settings.device_id);
    REQUIRE(f.store.save_case(cases[1]));
    CHECK(cases[1].rev.rfind("2-", 0) == 0);

    CaseStore again(f.files);
    const OpenReport report = f.reopen(again);
    CHECK(report.cases_loaded == 3);
    CHECK(report.quarantined.empty());
    REQUIRE(again.data().cases.size() == 3);
    for (const Case& c : cases) {
        const Case* back = again.find_case(c.id);
        REQUIRE(back);
        CHECK(case_to_text(*back) == case_to_text(c));
    }
}

TEST_CASE("case store: one save writes one file, however many cases there are") {
    for (int count : {10, 200}) {
        CAPTURE(count);
        StoreFixture f;
        Case first;
        for (int i = 1; i <= count; ++i) {
            Case c = lone_case(i);
            REQUIRE(f.store.save_case(c));
            if (i == 1) first = c;
        }
        f.changed.clear();
        const int writes_before = f.files.writes_done;
        first.own_words = "Edited at the door";
        REQUIRE(f.store.save_case(first));
        CHECK(f.files.writes_done - writes_before == 1);
        CHECK(f.changed == std::vector<std::string>{"cases/" + first.id + ".json"});
    }
}

TEST_CASE("case store: a corrupt case file is quarantined and every other case still loads") {
    StoreFixture f;
    std::vector<Case> cases = {lone_case(1), lone_case(2), lone_case(3)};
    for (Case& c : cases) REQUIRE(f.store.save_case(c));
    const std::string bad = "cases/" + cases[1].id + ".json";
    {
        std::ofstream out(f.dir.path / bad, std::ios::binary | std::ios::trunc);
        out << "{\"id\": \"" << cases[1].id << "\", \"reference\": \"DS-2025-000002\", \"received\": \"2025-02-30\"";
    }
    CaseStore again(f.files);
    const OpenReport report = f.reopen(again);
    CHECK(report.cases_loaded == 2);
    REQUIRE(report.quarantined.size() == 1);
    CHECK(report.quarantined[0].where == bad);
    CHECK(report.quarantined[0].message.find("quarantine/" + cases[1].id + ".json") != std::string::npos);
    CHECK(report.quarantined[0].message.size() > 40);  // says why, not just where
    CHECK(again.find_case(cases[0].id));
    CHECK(again.find_case(cases[2].id));
    CHECK_FALSE(fs::exists(f.dir.path / bad));
    CHECK(fs::exists(f.dir.path / "quarantine" / (cases[1].id + ".json")));
    CHECK(fs::exists(f.dir.path / "quarantine" / (cases[1].id + ".json.why.txt")));

    // Garbage that is not JSON at all, and a file whose case has another id.
    { std::ofstream(f.dir.path / "cases" / "zzz.json") << "\x01\x02 not json"; }
    std::string moved = slurp(f.dir.path / ("cases/" + cases[2].id + ".json"));
    { std::ofstream(f.dir.path / "cases" / "0b4e28ba-2fa1-4d2e-883f-999999999999.json") << moved; }
    CaseStore third(f.files);
    const OpenReport r3 = f.reopen(third);
    CHECK(r3.cases_loaded == 2);
    CHECK(r3.quarantined.size() == 2);
}

TEST_CASE("case store: a crash before the rename leaves the previous version") {
    StoreFixture f;
    Case c = lone_case(1);
    REQUIRE(f.store.save_case(c));
    const std::string saved = slurp(f.dir.path / ("cases/" + c.id + ".json"));
    Case edit = c;
    edit.own_words = "A change the crash interrupts";
    f.files.fault.kind = FaultPlan::Kind::CrashBeforeRename;
    REQUIRE_FALSE(f.store.save_case(edit));

    CaseStore again(f.files);  // the app starts again
    f.reopen(again);
    REQUIRE(again.find_case(c.id));
    CHECK(case_to_text(*again.find_case(c.id)) == case_to_text(c));
    CHECK(slurp(f.dir.path / ("cases/" + c.id + ".json")) == saved);
    CHECK_FALSE(fs::exists(f.dir.path / ("cases/" + c.id + ".json.tmp")));  // tidied at open
}

TEST_CASE("case store: a full disk keeps the previous version and says so") {
    StoreFixture f;
    Case c = lone_case(123);
    REQUIRE(f.store.save_case(c));
    const std::string saved = slurp(f.dir.path / ("cases/" + c.id + ".json"));
    Case edit = c;
    edit.own_words = "More words";
    f.files.fault.kind = FaultPlan::Kind::DiskFull;
    const Status s = f.store.save_case(edit);
    REQUIRE_FALSE(s);
    CHECK(s.error().text() ==
          "Could not save case DS-2025-000123: the device storage is full. Nothing was lost: the previous version is kept.");
    CHECK(edit.rev == c.rev);              // the caller's case is as it was
    CHECK(edit.own_words == "More words");  // including what was typed
    CHECK(f.store.find_case(c.id)->own_words == c.own_words);
    CHECK(slurp(f.dir.path / ("cases/" + c.id + ".json")) == saved);

    Case fresh = lone_case(124);
    f.files.fault.kind = FaultPlan::Kind::DiskFull;
    const Status s2 = f.store.save_case(fresh);
    REQUIRE_FALSE(s2);
    CHECK(s2.error().text().find("DS-2025-000124: the device storage is full") != std::string::npos);
    CHECK(f.store.find_case(fresh.id) == nullptr);
}

TEST_CASE("case store: a case that would not load again is refused, not written") {
    StoreFixture f;
    Case c = lone_case(1);
    c.stages.at(0).acknowledged = Date::from_ymd(2020, 1, 1);  // before it was received
    const int writes = f.files.writes_done;
    const Status s = f.store.save_case(c);
    REQUIRE_FALSE(s);
    CHECK(s.error().text().find("Could not save case DS-2025-000001: it has problems to fix first.") == 0);
    CHECK(s.error().text().find("stages[0].acknowledged") != std::string::npos);
    CHECK(f.files.writes_done == writes);
    CHECK(c.rev.empty());
    CHECK(f.store.find_case(c.id) == nullptr);
}

TEST_CASE("case store: a bad import changes nothing and lists the problems") {
    StoreFixture f;
    Case c = lone_case(1);
    REQUIRE(f.store.save_case(c));
    const auto before = snapshot(f.dir.path);
    const std::string before_export = f.store.export_json();

    Dataset incoming;
    incoming.settings = fixtures::full_settings();
    incoming.cases = {lone_case(5), lone_case(6)};
    std::string text = export_dataset(incoming, "2025-03-30T10:00");
    const size_t at = text.find("\"received\": \"2025-01-06\"");
    REQUIRE(at != std::string::npos);
    text.replace(at, 24, "\"received\": \"2025-02-30\"");

    for (bool merge : {false, true}) {
        auto r = merge ? f.store.import_merge(text) : f.store.import_replace(text);
        REQUIRE_FALSE(r);
        CHECK(r.error().message.find("nothing was imported") != std::string::npos);
        CHECK(r.error().message.find("2025-02-30") != std::string::npos);
        CHECK(snapshot(f.dir.path) == before);
        CHECK(f.store.export_json() == before_export);
    }
    auto not_json = f.store.import_replace("{ \"schema\": ");
    REQUIRE_FALSE(not_json);
    CHECK(snapshot(f.dir.path) == before);
}

TEST_CASE("case store: a good import is on disk, and export -> import -> export is identical") {
    StoreFixture f;
    Case mine = lone_case(1);
    REQUIRE(f.store.save_case(mine));

    Dataset incoming = fixtures::full_dataset();
    const std::string text = export_dataset(incoming, "2025-03-30T10:00");
    auto r = f.store.import_replace(text);
    REQUIRE(r);
    CHECK(r->cases_in_file == int(incoming.cases.size()));
    CHECK(r->cases_written == int(incoming.cases.size()));
    CHECK(r->cases_removed == 1);  // replace: the case not in the file goes
    CHECK(f.store.find_case(mine.id) == nullptr);
    CHECK(f.store.data().settings.device_id != incoming.settings.device_id);  // still this device
    CHECK(f.store.data().settings.landlord.name == incoming.settings.landlord.name);

    CaseStore again(f.files);
    const OpenReport report = f.reopen(again);
    CHECK(report.quarantined.empty());
    CHECK(again.data().cases.size() == incoming.cases.size());
    for (const Case& c : incoming.cases) {
        REQUIRE(again.find_case(c.id));
        CHECK(case_to_text(*again.find_case(c.id)) == case_to_text(c));
    }
    CHECK(again.data().learning.size() == incoming.learning.size());
    CHECK(again.data().assessments.size() == incoming.assessments.size());

    const std::string first = again.export_json();
    auto r2 = again.import_replace(first);
    REQUIRE(r2);
    CHECK(r2->cases_written == 0);  // same data: nothing to write
    CHECK(again.export_json() == first);
    CaseStore third(f.files);
    f.reopen(third);
    CHECK(third.export_json() == first);
    CHECK(fs::exists(f.dir.path / "import-commit.json") == false);
}

TEST_CASE("case store: an import that fails midway leaves the old data") {
    StoreFixture f;
    std::vector<Case> cases = {lone_case(1), lone_case(2)};
    for (Case& c : cases) REQUIRE(f.store.save_case(c));
    const auto before = snapshot(f.dir.path);

    Dataset incoming;
    incoming.settings = f.store.data().settings;
    for (int i = 10; i < 20; ++i) incoming.cases.push_back(lone_case(i));
    const std::string text = export_dataset(incoming, "2025-03-30T10:00");

    f.files.fault = FaultPlan{FaultPlan::Kind::DiskFull, 5, "", true};  // the 6th file fails
    auto r = f.store.import_replace(text);
    REQUIRE_FALSE(r);
    CHECK(r.error().text().find("Could not import: the device storage is full") == 0);
    CHECK(r.error().text().find("Nothing was changed.") != std::string::npos);
    CHECK(snapshot(f.dir.path) == before);  // no staged files left either
    CHECK(f.store.data().cases.size() == 2);

    f.files.fault = FaultPlan{FaultPlan::Kind::CrashBeforeRename, 3, "", true};  // the process dies while staging
    REQUIRE_FALSE(f.store.import_replace(text));
    CaseStore again(f.files);
    f.reopen(again);
    CHECK(again.data().cases.size() == 2);
    CHECK(snapshot(f.dir.path) == before);
}

TEST_CASE("case store: an import interrupted after its commit marker is finished at the next open") {
    StoreFixture f;
    std::vector<Case> cases = {lone_case(1), lone_case(2)};
    for (Case& c : cases) REQUIRE(f.store.save_case(c));
    Dataset incoming;
    incoming.settings = f.store.data().settings;
    for (int i = 10; i < 15; ++i) incoming.cases.push_back(lone_case(i));
    const std::string text = export_dataset(incoming, "2025-03-30T10:00");

    // Five staged writes under cases/ succeed, then two renames into place; the third fails.
    f.files.fault = FaultPlan{FaultPlan::Kind::RenameFails, 7, "cases/", true};
    auto r = f.store.import_replace(text);
    REQUIRE_FALSE(r);
    CHECK(r.error().text().find("will be completed the next time Doorstep opens") != std::string::npos);
    CHECK(fs::exists(f.dir.path / "import-commit.json"));

    CaseStore again(f.files);
    const OpenReport report = f.reopen(again);
    CHECK(report.import_finished);
    CHECK(again.data().cases.size() == 5);
    for (const Case& c : incoming.cases) CHECK(again.find_case(c.id));
    CHECK_FALSE(fs::exists(f.dir.path / "import-commit.json"));
    for (const auto& [path, bytes] : snapshot(f.dir.path)) CHECK(path.find(".new") == std::string::npos);
}

TEST_CASE("case store: drafts survive a restart until discarded") {
    StoreFixture f;
    REQUIRE(f.store.save_draft("new-complaint", "New complaint at 14 Example Row", "{\"own_words\":\"The boiler\"}"));
    f.store.clock = [] { return std::string("2025-03-31T15:00"); };
    REQUIRE(f.store.save_draft("case-0b4e.stage1", "Acknowledgement for DS-2025-000001", "half a definition"));
    CHECK_FALSE(f.store.save_draft("../escape", "x", "y"));

    CaseStore again(f.files);
    f.reopen(again);
    const auto list = again.list_drafts();
    REQUIRE(list.size() == 2);
    CHECK(list[0].key == "case-0b4e.stage1");  // newest first
    CHECK(list[1].title == "New complaint at 14 Example Row");
    CHECK(list[1].saved_at == "2025-03-31T14:05");
    auto d = again.load_draft("new-complaint");
    REQUIRE(d);
    CHECK(d->body == "{\"own_words\":\"The boiler\"}");
    REQUIRE(again.discard_draft("new-complaint"));
    CHECK_FALSE(again.load_draft("new-complaint"));
    CHECK(again.list_drafts().size() == 1);
}

TEST_CASE("attachments: type, size and contents are checked, naming the file") {
    CHECK(check_attachment(kPng, "image/png", "wall.png"));
    CHECK(check_attachment(kJpeg, "image/JPG", "door.jpg"));  // alias and case
    CHECK(check_attachment("%PDF-1.7 body", "application/pdf", "letter.pdf"));
    CHECK(check_attachment("Notes from the visit\n", "text/plain; charset=utf-8", "notes.txt"));

    const Status exe = check_attachment("MZ\x90\0", "application/x-msdownload", "setup.exe");
    REQUIRE_FALSE(exe);
    CHECK(exe.error().where == "setup.exe");
    CHECK(exe.error().message.find("cannot be attached") != std::string::npos);

    const Status lying = check_attachment(kJpeg, "image/png", "photo.png");
    REQUIRE_FALSE(lying);
    CHECK(lying.error().message.find("says it is a PNG image") != std::string::npos);

    AttachmentLimits small;
    small.max_bytes = 10;
    const Status big = check_attachment(kPng, "image/png", "big.png", small);
    REQUIRE_FALSE(big);
    CHECK(big.error().where == "big.png");
    CHECK(big.error().message.find("over the 10 bytes limit") != std::string::npos);

    CHECK_FALSE(check_attachment(std::string("bin\0ary", 7), "text/plain", "x.txt"));
    CHECK_FALSE(check_attachment("", "image/png", "empty.png"));
    CHECK(sniff_mime(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)) == "image/webp");
    CHECK(sniff_mime(std::string("\0\0\0\x18" "ftypheic", 12)) == "image/heic");
}

TEST_CASE("case store: attachments are stored once by content hash and verified on read") {
    StoreFixture f;
    auto a = f.store.add_attachment(kPng, "image/png", "wall.png", Date::from_ymd(2025, 3, 31));
    REQUIRE(a);
    CHECK(a->sha256 == sha256_hex(kPng));
    CHECK(a->size == int64_t(kPng.size()));
    auto again = f.store.add_attachment(kPng, "image/png", "same-wall-again.png", Date::from_ymd(2025, 3, 31));
    REQUIRE(again);
    CHECK(again->sha256 == a->sha256);
    CHECK(count_files(f.dir.path / "attachments") == 2);  // bytes + type, once
    CHECK(*f.store.read_attachment(a->sha256) == kPng);

    { std::ofstream(f.dir.path / "attachments" / a->sha256, std::ios::binary | std::ios::trunc) << "tampered"; }
    auto damaged = f.store.read_attachment(a->sha256);
    REQUIRE_FALSE(damaged);
    CHECK(damaged.error().message.find("damaged") != std::string::npos);
    CHECK_FALSE(f.store.add_attachment("MZ", "application/x-msdownload", "virus.exe", Date{}));
}

TEST_CASE("case store: an export bundle carries attachments byte for byte") {
    StoreFixture a;
    Case c = lone_case(1);
    auto photo = a.store.add_attachment(kJpeg, "image/jpeg", "damp.jpg", Date::from_ymd(2025, 3, 1));
    auto plan = a.store.add_attachment(kPng, "image/png", "plan.png", Date::from_ymd(2025, 3, 2));
    REQUIRE(photo);
    REQUIRE(plan);
    c.attachments = {*photo, *plan};
    REQUIRE(a.store.save_case(c));
    std::vector<Error> missing;
    const std::string bundle = a.store.export_bundle(&missing);
    CHECK(missing.empty());
    CHECK(bundle.find("\"files\"") != std::string::npos);

    StoreFixture b;
    auto r = b.store.import_bundle(bundle, false);
    REQUIRE(r);
    CHECK(r->attachments_added == 2);
    CHECK(*b.store.read_attachment(photo->sha256) == kJpeg);
    CHECK(*b.store.read_attachment(plan->sha256) == kPng);
    CHECK(slurp(b.dir.path / "attachments" / photo->sha256) == slurp(a.dir.path / "attachments" / photo->sha256));
    REQUIRE(b.store.find_case(c.id));
    CHECK(case_to_text(*b.store.find_case(c.id)) == case_to_text(c));

    // Same bundle again: nothing is stored twice.
    auto r2 = b.store.import_bundle(bundle, true);
    REQUIRE(r2);
    CHECK(r2->attachments_added == 0);
    CHECK(r2->attachments_already_here == 2);
    CHECK(count_files(b.dir.path / "attachments") == 4);
}

TEST_CASE("case store: a bundle with a damaged or unacceptable file changes nothing") {
    StoreFixture a;
    Case c = lone_case(1);
    auto photo = a.store.add_attachment(kJpeg, "image/jpeg", "damp.jpg", Date::from_ymd(2025, 3, 1));
    REQUIRE(photo);
    c.attachments = {*photo};
    REQUIRE(a.store.save_case(c));
    const std::string bundle = a.store.export_bundle();

    StoreFixture b;
    const auto before = snapshot(b.dir.path);
    // One flipped character in the base64: the hash check catches it.
    std::string damaged = bundle;
    const size_t at = damaged.find("\"base64\": \"") + 11;
    damaged[at + 8] = damaged[at + 8] == 'A' ? 'B' : 'A';
    auto r = b.store.import_bundle(damaged, false);
    REQUIRE_FALSE(r);
    CHECK(r.error().message.find("damp.jpg (case DS-2025-000001)") != std::string::npos);
    CHECK(snapshot(b.dir.path) == before);

    std::string wrong_type = bundle;
    const size_t m = wrong_type.rfind("\"mime\": \"image/jpeg\"");  // the one under "files"
    REQUIRE(m != std::string::npos);
    wrong_type.replace(m, 20, "\"mime\": \"application/x-msdownload\"");
    auto r2 = b.store.import_bundle(wrong_type, false);
    REQUIRE_FALSE(r2);
    CHECK(r2.error().message.find("cannot be attached") != std::string::npos);
    CHECK(snapshot(b.dir.path) == before);
}

TEST_CASE("case store: merging bundles keeps one copy of a shared attachment") {
    StoreFixture a, b;
    Case ca = lone_case(1), cb = lone_case(2);
    auto pa = a.store.add_attachment(kJpeg, "image/jpeg", "boiler.jpg", Date::from_ymd(2025, 3, 1));
    auto pb = b.store.add_attachment(kJpeg, "image/jpeg", "same-boiler.jpg", Date::from_ymd(2025, 3, 2));
    auto only_b = b.store.add_attachment(kPng, "image/png", "plan.png", Date::from_ymd(2025, 3, 2));
    REQUIRE(pa);
    REQUIRE(pb);
    REQUIRE(only_b);
    CHECK(pa->sha256 == pb->sha256);
    ca.attachments = {*pa};
    cb.attachments = {*pb, *only_b};
    REQUIRE(a.store.save_case(ca));
    REQUIRE(b.store.save_case(cb));

    auto r = a.store.import_bundle(b.store.export_bundle(), true);
    REQUIRE(r);
    CHECK(r->attachments_added == 1);
    CHECK(r->attachments_already_here == 1);
    CHECK(a.store.data().cases.size() == 2);
    CHECK(count_files(a.dir.path / "attachments") == 4);  // two files, each bytes + type
    CaseStore again(a.files);
    a.reopen(again);
    CHECK(again.data().cases.size() == 2);
}

TEST_CASE("case store: unexported changes are tracked for the reminder") {
    StoreFixture f;
    CHECK(f.store.export_state().unexported_changes() == 0);
    CHECK_FALSE(f.store.export_reminder_due(Date::from_ymd(2025, 4, 30)));
    Case c = lone_case(1);
    REQUIRE(f.store.save_case(c));
    REQUIRE(f.store.save_case(c));
    Case d = lone_case(2);
    REQUIRE(f.store.save_case(d));
    CHECK(f.store.export_state().changed_case_ids.size() == 2);
    CHECK(f.store.export_state().first_change_since == "2025-03-31T14:05");
    const int days = f.store.data().settings.policy.unexported_reminder_days;
    CHECK_FALSE(f.store.export_reminder_due(Date::from_ymd(2025, 3, 31).plus_days(days - 1)));
    CHECK(f.store.export_reminder_due(Date::from_ymd(2025, 3, 31).plus_days(days)));

    CaseStore again(f.files);  // survives a restart
    f.reopen(again);
    CHECK(again.export_state().unexported_changes() == 2);

    again.clock = [] { return std::string("2025-04-02T09:00"); };
    REQUIRE(again.mark_exported());
    CHECK(again.export_state().unexported_changes() == 0);
    CHECK(again.export_state().last_exported == "2025-04-02T09:00");
    CHECK(again.data().settings.last_exported == Date::from_ymd(2025, 4, 2));
    CHECK_FALSE(again.export_reminder_due(Date::from_ymd(2025, 6, 1)));
    REQUIRE(again.save_case(c));
    CHECK(again.export_reminder_due(Date::from_ymd(2025, 4, 2).plus_days(days)));
}

TEST_CASE("case store: merging an export edited on two devices keeps both versions") {
    StoreFixture a, b;
    Case c = lone_case(7);
    REQUIRE(a.store.save_case(c));
    REQUIRE(b.store.import_replace(a.store.export_json()));
    REQUIRE(b.store.find_case(c.id));
    CHECK(b.store.find_case(c.id)->rev == c.rev);

    // The descendant wins: B edits, A merges B's export.
    Case on_b = *b.store.find_case(c.id);
    on_b.own_words = "Edited on tablet B";
    REQUIRE(b.store.save_case(on_b));
    auto r = a.store.import_merge(b.store.export_json());
    REQUIRE(r);
    CHECK(r->merged_updated == 1);
    CHECK(r->merged_conflicts == 0);
    CHECK(a.store.find_case(c.id)->own_words == "Edited on tablet B");

    // Both edit the same revision: a true conflict, both kept.
    Case on_a = *a.store.find_case(c.id);
    on_a.own_words = "Edited on tablet A";
    REQUIRE(a.store.save_case(on_a));
    on_b.own_words = "Edited again on tablet B";
    REQUIRE(b.store.save_case(on_b));
    auto r2 = a.store.import_merge(b.store.export_json());
    REQUIRE(r2);
    CHECK(r2->merged_conflicts == 1);
    CHECK_FALSE(r2->messages.empty());
    const Case* merged = a.store.find_case(c.id);
    REQUIRE(merged);
    REQUIRE(merged->conflicts.size() == 1);
    const std::string both = merged->own_words + "|" + merged->conflicts[0].own_words;
    CHECK(both.find("Edited on tablet A") != std::string::npos);
    CHECK(both.find("Edited again on tablet B") != std::string::npos);

    CaseStore again(a.files);  // the conflict is on disk, and loads
    CHECK(a.reopen(again).quarantined.empty());
    CHECK(again.find_case(c.id)->conflicts.size() == 1);
    CHECK(again.data().settings.device_id == a.store.data().settings.device_id);  // merge keeps this device's settings
}

TEST_CASE("case store: 18.11: a device chooses its own code at set-up and its new references carry it") {
    StoreFixture f;
    const std::string code = f.store.device_code();
    CHECK(is_device_code(code));
    CHECK(f.store.data().settings.device_code == code);
    CHECK(f.store.next_reference(2026) == "DS-2026-" + code + "-000001");

    Case c = lone_case(1);
    c.reference = f.store.next_reference(2026);
    REQUIRE(f.store.save_case(c));
    CHECK(f.store.next_reference_counter(2026) == 2);
    CHECK(f.store.next_reference(2026) == "DS-2026-" + code + "-000002");
    CHECK(f.store.next_reference(2027) == "DS-2027-" + code + "-000001");

    CaseStore again(f.files);  // kept in settings: the same code after a restart
    f.reopen(again);
    CHECK(again.device_code() == code);
    // Replacing the data with another device's export keeps this device's own code.
    StoreFixture other;
    REQUIRE(other.store.import_replace(f.store.export_json()));
    CHECK(other.store.device_code() != std::string());
    CHECK(other.store.data().settings.device_id != f.store.data().settings.device_id);
}

TEST_CASE("case store: 18.11: a reference another case already has is refused, not saved") {
    StoreFixture f;
    Case a = lone_case(1), b = lone_case(2);
    b.reference = a.reference;
    REQUIRE(f.store.save_case(a));
    const Status st = f.store.save_case(b);
    REQUIRE_FALSE(st);
    CHECK(st.error().message.find("already has reference DS-2025-000001") != std::string::npos);
    CHECK_FALSE(f.store.find_case(b.id));
}

TEST_CASE("case store: 18.11: merging another device's export that reused an older reference keeps both cases") {
    StoreFixture a, b;
    Case on_a = lone_case(1), on_b = lone_case(2);
    on_b.reference = on_a.reference;  // both tablets numbered from 1 before device codes
    REQUIRE(a.store.save_case(on_a));
    REQUIRE(b.store.save_case(on_b));
    auto r = a.store.import_merge(b.store.export_json());
    REQUIRE(r);
    REQUIRE(a.store.data().cases.size() == 2);
    const Case* renamed = a.store.find_case(on_b.id);  // received the same day: the higher id is renamed
    REQUIRE(renamed);
    CHECK(renamed->reference != on_a.reference);
    CHECK(renamed->reference_aliases == std::vector<std::string>{on_a.reference});
    CHECK(a.store.find_case(on_a.id)->reference == on_a.reference);
    CHECK(renamed->audit.back().at == "2025-03-31T14:05");
    // The result validates, and reopens without loss.
    CHECK(parse_dataset(a.store.export_json()).is_ok());
    CaseStore again(a.files);
    CHECK(a.reopen(again).quarantined.empty());
    CHECK(again.data().cases.size() == 2);
}

TEST_CASE("case store: what a sync brought is kept as it came, with its checkpoint in the same commit") {
    StoreFixture f;
    Case mine = lone_case(1);
    REQUIRE(f.store.save_case(mine));
    Case theirs = lone_case(2);
    bump_revision(theirs, "office-1");  // a revision made on another device
    Case newer = mine;
    newer.own_words = "changed in the office";
    bump_revision(newer, "office-1");
    CHECK_FALSE(f.store.read_sync_checkpoint("doorstep-abc"));
    REQUIRE(f.store.store_synced({newer, theirs}, "doorstep-abc", "{\"pull_since\": 7}\n"));
    // No new revision: the server's revisions are kept exactly.
    CHECK(f.store.find_case(newer.id)->rev == newer.rev);
    CHECK(f.store.find_case(theirs.id)->rev == theirs.rev);
    CHECK(*f.store.read_sync_checkpoint("doorstep-abc") == "{\"pull_since\": 7}\n");
    CaseStore again(f.files);
    f.reopen(again);
    CHECK(again.data().cases.size() == 2);
    CHECK(again.find_case(newer.id)->own_words == "changed in the office");
    CHECK(*again.read_sync_checkpoint("doorstep-abc") == "{\"pull_since\": 7}\n");

    // A failure part-way changes nothing: neither the cases nor the checkpoint.
    Case later = newer;
    later.own_words = "a later change";
    bump_revision(later, "office-1");
    const auto before = snapshot(f.dir.path);
    f.files.fault = FaultPlan{FaultPlan::Kind::DiskFull, 0, "sync/", true};
    REQUIRE_FALSE(f.store.store_synced({later}, "doorstep-abc", "{\"pull_since\": 9}\n"));
    CHECK(snapshot(f.dir.path) == before);
    CHECK(f.store.find_case(later.id)->rev == newer.rev);
    CHECK_FALSE(f.store.store_synced({}, "../escape", "{}"));
}

// ---------------------------------------------------------------------------
// Erasure (21.8): what no case names does not stay behind; what was set aside
// can be seen and deleted.

TEST_CASE("21.8: removing a case removes the photos no other case names") {
    StoreFixture f;
    auto wall = f.store.add_attachment(kPng, "image/png", "wall.png", Date::from_ymd(2025, 3, 31));
    auto shared = f.store.add_attachment(kJpeg, "image/jpeg", "both.jpg", Date::from_ymd(2025, 3, 31));
    REQUIRE(wall);
    REQUIRE(shared);
    Case a = lone_case(1);
    a.attachments = {*wall, *shared};
    Case b = lone_case(2);
    b.attachments = {*shared};
    REQUIRE(f.store.save_case(a));
    REQUIRE(f.store.save_case(b));
    CHECK(f.store.unused_attachments().empty());

    REQUIRE(f.store.remove_case(a.id));
    CHECK_FALSE(f.store.has_attachment(wall->sha256));
    CHECK_FALSE(fs::exists(f.dir.path / "attachments" / (wall->sha256 + ".json")));
    CHECK(f.store.has_attachment(shared->sha256));  // case 2 still names it
    CHECK(*f.store.read_attachment(shared->sha256) == kJpeg);
}

TEST_CASE("21.8: an import that replaces the cases takes their photos with them, and keeps those still named") {
    StoreFixture f;
    auto wall = f.store.add_attachment(kPng, "image/png", "wall.png", Date::from_ymd(2025, 3, 31));
    auto kept = f.store.add_attachment(kJpeg, "image/jpeg", "kept.jpg", Date::from_ymd(2025, 3, 31));
    REQUIRE(wall);
    REQUIRE(kept);
    Case a = lone_case(1);
    a.attachments = {*wall};
    Case b = lone_case(2);
    b.attachments = {*kept};
    REQUIRE(f.store.save_case(a));
    REQUIRE(f.store.save_case(b));
    const std::string with_both = f.store.export_json();

    // A file holding only case 2 replaces everything.
    REQUIRE(f.store.remove_case(a.id));
    const std::string only_b = f.store.export_json();
    REQUIRE(f.store.import_replace(with_both));
    REQUIRE(f.store.import_replace(only_b));
    CHECK_FALSE(f.store.has_attachment(wall->sha256));
    CHECK(f.store.has_attachment(kept->sha256));
}

TEST_CASE("21.8: a photo kept for a case that was never saved goes at the next start, unless files are set aside") {
    StoreFixture f;
    auto orphan = f.store.add_attachment(kPng, "image/png", "never-saved.png", Date::from_ymd(2025, 3, 31));
    REQUIRE(orphan);
    // A case file that cannot be read: set aside at open; it might name the photo.
    fs::create_directories(f.dir.path / "cases");
    { std::ofstream(f.dir.path / "cases" / "0b4e28ba-2fa1-4d2e-883f-000000000099.json") << "{ not json"; }
    {
        CaseStore next(f.files);
        const OpenReport r = f.reopen(next);
        CHECK(r.quarantined.size() == 1);
        CHECK(next.has_attachment(orphan->sha256));  // kept while something is set aside
        const auto set_aside = next.list_set_aside();
        REQUIRE(set_aside.size() == 1);
        CHECK(set_aside[0].name == "0b4e28ba-2fa1-4d2e-883f-000000000099.json");
        CHECK(set_aside[0].reason.find("cases/0b4e28ba-2fa1-4d2e-883f-000000000099.json") != std::string::npos);
        CHECK(set_aside[0].size == 10);
        CHECK_FALSE(next.delete_set_aside("../settings.json"));
        CHECK_FALSE(next.delete_set_aside("nothing-here.json"));
        REQUIRE(next.delete_set_aside(set_aside[0].name));
        CHECK(next.list_set_aside().empty());
        CHECK(count_files(f.dir.path / "quarantine") == 0);
    }
    CaseStore after(f.files);
    f.reopen(after);
    CHECK_FALSE(after.has_attachment(orphan->sha256));
    CHECK(count_files(f.dir.path / "attachments") == 0);
}

// ---------------------------------------------------------------------------
// Erasing a real case (21.8): the record first, then everything that names the case.

#include "core/rules/erasure.h"

namespace {

const Actor kManager{"Kim Manager", "2031-04-02T10:15"};
const char* kErasureReason = "Closed over 6 years ago, past the retention period";

// A store whose settings name a complaints manager, holding one real closed case of
// Alex Sample's with two photos (one shared with a second case, of someone else's).
struct ErasureFixture : StoreFixture {
    Case erased, other;
    Attachment own, shared;
    ErasureFixture() {
        Settings s = store.data().settings;
        s.staff = {fixtures::staff_member("s1", "Kim Manager", StaffRole::ComplaintsManager)};
        REQUIRE(store.save_settings(s));
        own = *store.add_attachment(kPng, "image/png", "wall.png", Date::from_ymd(2025, 3, 31));
        shared = *store.add_attachment(kJpeg, "image/jpeg", "both.jpg", Date::from_ymd(2025, 3, 31));
        erased = lone_case(1);
        erased.demo = false;
        erased.attachments = {own, shared};
        other = lone_case(2);
        other.demo = false;
        other.resident = {"Rowan Other", "2 Other Street", "YY2 2YY", "", "", ContactMethod::Phone, false, ""};
        other.representative = {};
        other.own_words = "A different matter";
        other.log.clear();
        other.attachments = {shared};
        REQUIRE(store.save_case(erased));
        REQUIRE(store.save_case(other));
    }
    Erasure record() {
        Result<Erasure> e = erase_case(*store.find_case(erased.id), store.data().settings, kErasureReason, kManager);
        REQUIRE(e);
        return *e;
    }
};

// Every file of the store holding `text`, as "path" lines.
std::string files_holding(const fs::path& root, const std::string& text) {
    std::string out;
    for (const auto& [path, bytes] : snapshot(root))
        if (bytes.find(text) != std::string::npos) out += path + "\n";
    return out;
}

// Removes fail for paths under `prefix`: a device that dies (or refuses) between the
// erasure record and the removal.
struct RemoveFails : DirectoryStore {
    using DirectoryStore::DirectoryStore;
    std::string prefix;
    Status remove(const std::string& path) override {
        if (!prefix.empty() && path.rfind(prefix, 0) == 0) return Error{path, "the device stopped"};
        return DirectoryStore::remove(path);
    }
};

}  // namespace

TEST_CASE("21.8: a manager erases a closed case with a reason: the case and its photos go, the erasure record stays") {
    ErasureFixture f;
    REQUIRE(f.store.save_draft("case-" + f.erased.id + "-note", "Note for Alex Sample", "{\"text\": \"Alex Sample\"}"));
    REQUIRE(f.store.save_draft("contact-unrelated", "New contact", "{}"));
    REQUIRE(f.store.mark_exported());
    REQUIRE_FALSE(f.store.export_state().other_changes);
    REQUIRE(f.store.erase_case(f.record()));

    CHECK(f.store.find_case(f.erased.id) == nullptr);
    REQUIRE(f.store.data().erasures.size() == 1);
    CHECK_FALSE(fs::exists(f.dir.path / "cases" / (f.erased.id + ".json")));
    CHECK_FALSE(f.store.has_attachment(f.own.sha256));
    CHECK(f.store.has_attachment(f.shared.sha256));  // the other case still names it
    CHECK_FALSE(f.store.load_draft("case-" + f.erased.id + "-note"));
    CHECK(f.store.load_draft("contact-unrelated"));
    CHECK(f.store.export_state().other_changes);  // the erasure travels with the next export

    CaseStore again(f.files);
    const OpenReport r = f.reopen(again);
    CHECK(r.notes.empty());
    CHECK(again.find_case(f.erased.id) == nullptr);
    CHECK(again.find_case(f.other.id) != nullptr);
    REQUIRE(again.data().erasures.size() == 1);
    const Erasure& e = again.data().erasures[0];
    CHECK(e.case_id == f.erased.id);
    CHECK(e.reference == "DS-2025-000001");
    CHECK(e.erased_at == "2031-04-02T10:15");
    CHECK(e.by == "Kim Manager");
    CHECK(e.reason == kErasureReason);
    CHECK(fs::exists(f.dir.path / "erasures.json"));
}

TEST_CASE("21.8: after an erasure no file of the store holds the resident's name, address or words") {
    ErasureFixture f;
    REQUIRE_FALSE(files_holding(f.dir.path, "Alex Sample").empty());
    REQUIRE(f.store.erase_case(f.record()));
    CaseStore again(f.files);
    f.reopen(again);
    for (const std::string& text : {std::string("Alex Sample"), std::string("Example Row"), std::string("ZZ1 1ZZ"),
                                    std::string("Sam Helper"), std::string("keeps coming back")}) {
        CAPTURE(text);
        CHECK(files_holding(f.dir.path, text) == "");
    }
    CHECK(files_holding(f.dir.path, f.erased.id) != "");  // its id is kept: that it was erased
}

TEST_CASE("21.8: erasing needs a manager, a reason and a closed case, and a record that cannot be saved changes nothing") {
    ErasureFixture f;
    const Case& c = *f.store.find_case(f.erased.id);
    CHECK_FALSE(erase_case(c, f.store.data().settings, kErasureReason, Actor{"Pat Investigator", kManager.at}));
    CHECK_FALSE(erase_case(c, f.store.data().settings, "", kManager));

    const Erasure e = f.record();
    const auto before = snapshot(f.dir.path);
    f.files.fault = FaultPlan{FaultPlan::Kind::DiskFull, 0, "erasures.json", true};
    const Status s = f.store.erase_case(e);
    REQUIRE_FALSE(s);
    CHECK(s.error().message.rfind("Could not erase case DS-2025-000001: the record of its erasure could not be saved (", 0) == 0);
    CHECK(s.error().message.find("Nothing was changed: the case is still here.") != std::string::npos);
    CHECK(snapshot(f.dir.path) == before);
    CHECK(f.store.find_case(f.erased.id) != nullptr);
    CHECK(f.store.data().erasures.empty());

    Erasure nowhere = e;
    nowhere.case_id = "0b4e28ba-2fa1-4d2e-883f-000000000077";
    nowhere.reference = "DS-2025-000077";
    CHECK(f.store.erase_case(nowhere).error().message ==
          "Could not erase case DS-2025-000077: there is no such case on this device.");
}

TEST_CASE("21.8: an erasure cut short between its record and the removal is finished at the next open") {
    TempDir dir;
    {
        RemoveFails files(dir.str());
        files.sync_to_disk = false;
        CaseStore store(files);
        store.clock = [] { return std::string("2031-04-02T10:15"); };
        REQUIRE(store.open());
        Settings s = store.data().settings;
        s.staff = {fixtures::staff_member("s1", "Kim Manager", StaffRole::ComplaintsManager)};
        REQUIRE(store.save_settings(s));
        auto photo = store.add_attachment(kPng, "image/png", "wall.png", Date::from_ymd(2025, 3, 31));
        REQUIRE(photo);
        Case c = lone_case(1);
        c.demo = false;
        c.attachments = {*photo};
        REQUIRE(store.save_case(c));
        files.prefix = "cases/";  // the record is written; removing the case's file fails
        Result<Erasure> e = erase_case(*store.find_case(c.id), store.data().settings, kErasureReason, kManager);
        REQUIRE(e);
        const Status st = store.erase_case(*e);
        REQUIRE_FALSE(st);
        CHECK(st.error().message.rfind("Case DS-2025-000001 is erased, but its file could not be removed yet (", 0) == 0);
        CHECK(st.error().message.find("It is removed the next time Doorstep opens.") != std::string::npos);
        CHECK(store.find_case(c.id) == nullptr);  // gone from the screens at once
        CHECK(fs::exists(dir.path / "cases" / (c.id + ".json")));
    }
    DirectoryStore files(dir.str());
    files.sync_to_disk = false;
    CaseStore store(files);
    store.clock = [] { return std::string("2031-04-02T10:20"); };
    const Result<OpenReport> r = store.open();
    REQUIRE(r);
    REQUIRE(r->notes.size() == 1);
    CHECK(r->notes[0].text() ==
          "cases/0b4e28ba-2fa1-4d2e-883f-000000000001.json: Case DS-2025-000001 was erased; its removal, cut short, was finished now.");
    CHECK(store.data().cases.empty());
    CHECK(store.data().erasures.size() == 1);
    CHECK(count_files(dir.path / "cases") == 0);
    CHECK(count_files(dir.path / "attachments") == 0);
    CHECK(files_holding(dir.path, "Alex Sample") == "");
}

TEST_CASE("21.8: an erased case's photos and set-aside copies go even while other files are set aside") {
    ErasureFixture f;
    fs::create_directories(f.dir.path / "quarantine");
    { std::ofstream(f.dir.path / "quarantine" / (f.erased.id + ".json")) << "Alex Sample, an older copy"; }
    { std::ofstream(f.dir.path / "quarantine" / (f.erased.id + ".json.why.txt")) << "not valid JSON"; }
    { std::ofstream(f.dir.path / "quarantine" / "unrelated.json") << "{ broken"; }
    REQUIRE(f.store.erase_case(f.record()));
    CHECK_FALSE(f.store.has_attachment(f.own.sha256));
    const auto left = f.store.list_set_aside();
    REQUIRE(left.size() == 1);
    CHECK(left[0].name == "unrelated.json");
    CHECK(files_holding(f.dir.path, "Alex Sample") == "");
}

TEST_CASE("21.8: an older export, imported or merged, does not bring an erased case back") {
    for (const bool merge : {true, false}) {
        CAPTURE(merge);
        ErasureFixture f;
        const std::string before = f.store.export_bundle();
        REQUIRE(f.store.erase_case(f.record()));
        Result<ImportOutcome> r = f.store.import_bundle(before, merge);
        REQUIRE(r);
        CHECK(r->erased_kept_out == 1);
        REQUIRE_FALSE(r->messages.empty());
        CHECK(r->messages[0] == "1 case in the file was erased before and was not brought back");
        CHECK(std::find(r->messages.begin(), r->messages.end(),
                        "DS-2025-000001: erased on 2 Apr 2031 by Kim Manager, so not brought back") != r->messages.end());
        CHECK(f.store.find_case(f.erased.id) == nullptr);
        CHECK(f.store.find_case(f.other.id) != nullptr);
        CHECK(f.store.data().erasures.size() == 1);
        CHECK_FALSE(f.store.has_attachment(f.own.sha256));  // the bundle's copy of the photo did not stay
        CaseStore again(f.files);
        f.reopen(again);
        CHECK(again.find_case(f.erased.id) == nullptr);
        CHECK(files_holding(f.dir.path, "Alex Sample") == "");
    }
}

TEST_CASE("21.8: an erasure made on another device removes the case here too when its export is merged") {
    ErasureFixture here;
    ErasureFixture elsewhere;  // the same two cases on another device
    REQUIRE(elsewhere.store.erase_case(elsewhere.record()));
    Result<ImportOutcome> r = here.store.import_merge(elsewhere.store.export_json());
    REQUIRE(r);
    CHECK(r->erased_removed == 1);
    CHECK(r->messages[0] == "1 case was erased on another device and was removed here too");
    CHECK(here.store.find_case(here.erased.id) == nullptr);
    CHECK_FALSE(here.store.has_attachment(here.own.sha256));
    CHECK(here.store.has_attachment(here.shared.sha256));
    CHECK(files_holding(here.dir.path, "Alex Sample") == "");
}

TEST_CASE("21.8: an erased case is not saved or synced back, and its reference is not given to a new case") {
    ErasureFixture f;
    Settings s = f.store.data().settings;
    s.device_code.clear();  // the older form of references, as lone_case's
    REQUIRE(f.store.save_settings(s));
    const Case stale = *f.store.find_case(f.erased.id);
    REQUIRE(f.store.erase_case(f.record()));
    Case again = stale;
    const Status saved = f.store.save_case(again);
    REQUIRE_FALSE(saved);
    CHECK(saved.error().message ==
          "Could not save case DS-2025-000001: it was erased on 2 Apr 2031 by Kim Manager, and an erased case is not kept again.");
    REQUIRE(f.store.store_synced({stale}, "doorstep-abc", "{\"pull_since\": 3}\n"));
    CHECK(f.store.find_case(f.erased.id) == nullptr);
    CHECK_FALSE(fs::exists(f.dir.path / "cases" / (f.erased.id + ".json")));
    REQUIRE(f.store.remove_case(f.other.id));
    CHECK(f.store.next_reference(2025) == "DS-2025-000002");  // not 000001, the erased case's
}

TEST_CASE("21.8: with erasures, export -> import -> export is still byte-identical") {
    ErasureFixture f;
    REQUIRE(f.store.erase_case(f.record()));
    const std::string first = f.store.export_json();
    CHECK(first.find("\"erasures\": [") != std::string::npos);
    REQUIRE(f.store.import_replace(first));
    CHECK(f.store.export_json() == first);
    CaseStore again(f.files);
    f.reopen(again);
    CHECK(again.export_json() == first);
    REQUIRE(again.import_merge(first));
    CHECK(again.export_json() == first);
}
