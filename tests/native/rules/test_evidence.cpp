// Evidence on the record (5.12): each rule the engine checks before a photo or
// document is kept on a case, the one audit entry it writes, and the case left
// as it was when it refuses.
#include "case_fixtures.h"

#include <doctest/doctest.h>

#include "core/data/settings_defaults.h"
#include "core/rules/evidence.h"
#include "core/rules/hazards.h"
#include "core/rules/workflow.h"

#include <string>

using namespace doorstep;

namespace {

using fixtures::d;

const Settings& S() { return fixtures::code_defaults(); }

const Actor kOfficer{"Jo Placeholder", "2026-03-27T11:00"};

Case complaint() {
    NewCase n;
    n.id = "5c1e7d6a-3b2f-4c8a-9d10-2e5f7a9b0c11";
    n.counter = 7;
    n.received = d("2026-03-27");
    n.resident.name = "Ada Sample";
    n.own_words = "Black mould is back on the bedroom wall.";
    n.category_id = "damp-and-mould";
    auto r = new_case(n, S(), Actor{"Jo Placeholder", "2026-03-27T10:00"});
    REQUIRE(r.is_ok());
    return std::move(*r);
}

Evidence photo(const char* sha, const char* name = "damp.jpg") {
    Evidence e;
    e.photo = true;
    e.file.sha256 = sha;
    e.file.filename = name;
    e.file.mime = "image/jpeg";
    e.file.size = 200 * 1024;
    e.file.added = d("2026-03-27");
    return e;
}

}  // namespace

TEST_CASE("5.12: a photo is kept on the case with one audit entry naming it and its size") {
    Case c = complaint();
    const size_t audit = c.audit.size();
    REQUIRE(add_evidence(c, photo("aa11"), S(), kOfficer).is_ok());
    REQUIRE(c.attachments.size() == 1);
    CHECK(c.attachments[0].filename == "damp.jpg");
    REQUIRE(c.audit.size() == audit + 1);
    CHECK(c.audit.back().what == "Photo added as evidence: damp.jpg (200 KB)");
    CHECK(c.audit.back().who == "Jo Placeholder");
}

TEST_CASE("5.12: the same file twice is refused, naming the first copy, and the case is left as it was") {
    Case c = complaint();
    REQUIRE(add_evidence(c, photo("aa11"), S(), kOfficer).is_ok());
    const size_t audit = c.audit.size();
    Status again = add_evidence(c, photo("aa11", "again.jpg"), S(), kOfficer);
    REQUIRE_FALSE(again);
    CHECK(again.error().where == "case " + c.reference + ", attachments");
    CHECK(again.error().message == "again.jpg is already on case " + c.reference + " (added 27 March 2026 as damp.jpg)");
    CHECK(c.attachments.size() == 1);
    CHECK(c.audit.size() == audit);
}

TEST_CASE("5.12: evidence needs a stored file with a name") {
    Case c = complaint();
    Evidence nothing_stored = photo("");
    CHECK(add_evidence(c, nothing_stored, S(), kOfficer).error().where.find("attachments.sha256") != std::string::npos);
    Evidence unnamed = photo("bb22", "  ");
    CHECK(add_evidence(c, unnamed, S(), kOfficer).error().where.find("attachments.filename") != std::string::npos);
    CHECK(c.attachments.empty());
}

TEST_CASE("Awaab reg. 4: a photo of a hazard names the hazard, and one not on the case is refused") {
    Case c = complaint();
    HazardReport r;
    r.id = "h-1";
    r.type_id = "damp-and-mould";
    r.location = "back bedroom";
    r.observed = "Mould over a metre wide behind the bed";
    r.reported_by = "Ada Sample (resident)";
    r.aware = *parse_iso_local("2026-03-27T10:30");
    REQUIRE(report_hazard(c, r, S(), kOfficer).is_ok());
    Evidence elsewhere = photo("cc33");
    elsewhere.file.hazard_id = "h-9";
    CHECK(add_evidence(c, elsewhere, S(), kOfficer).error().where.find("attachments.hazard_id") != std::string::npos);
    Evidence of_hazard = photo("cc33");
    of_hazard.file.hazard_id = "h-1";
    REQUIRE(add_evidence(c, of_hazard, S(), kOfficer).is_ok());
    CHECK(c.audit.back().what == "Photo added as evidence: damp.jpg (200 KB) for hazard " +
                                     describe_hazard(c.hazards[0], S()));
}

TEST_CASE("5.12: a caption is trimmed and audited, an unchanged one changes nothing") {
    Case c = complaint();
    REQUIRE(add_evidence(c, photo("aa11"), S(), kOfficer).is_ok());
    const size_t audit = c.audit.size();
    auto set = set_evidence_caption(c, "aa11", "  Mould on the bedroom wall \n", kOfficer);
    REQUIRE(set.is_ok());
    CHECK(*set);
    CHECK(c.attachments[0].caption == "Mould on the bedroom wall");
    CHECK(c.audit.back().what == "Caption of damp.jpg: Mould on the bedroom wall");
    auto same = set_evidence_caption(c, "aa11", "Mould on the bedroom wall", kOfficer);
    REQUIRE(same.is_ok());
    CHECK_FALSE(*same);
    CHECK(c.audit.size() == audit + 1);
    REQUIRE(set_evidence_caption(c, "aa11", "", kOfficer).is_ok());
    CHECK(c.audit.back().what == "Caption removed from damp.jpg");
    CHECK_FALSE(set_evidence_caption(c, "zz99", "x", kOfficer).is_ok());
}

TEST_CASE("5.12: a file the device could not keep leaves the case with the reason in the audit trail") {
    Case c = complaint();
    Evidence e = photo("aa11", "hallway.jpg");
    e.file.thumbnail_sha256 = "th11";
    REQUIRE(add_evidence(c, e, S(), kOfficer).is_ok());
    REQUIRE(add_evidence(c, photo("bb22", "kitchen.jpg"), S(), kOfficer).is_ok());

    auto thumbnail = remove_lost_evidence(c, "th11", kOfficer);  // the photo stays, shown small
    REQUIRE(thumbnail.is_ok());
    CHECK(thumbnail->empty());
    CHECK(c.attachments.size() == 2);
    CHECK(c.attachments[0].thumbnail_sha256.empty());

    auto lost = remove_lost_evidence(c, "aa11", kOfficer);
    REQUIRE(lost.is_ok());
    CHECK(*lost == "hallway.jpg");
    REQUIRE(c.attachments.size() == 1);
    CHECK(c.attachments[0].filename == "kitchen.jpg");
    CHECK(c.audit.back().what == "Evidence hallway.jpg could not be kept on this device: the browser's storage is full");

    const size_t audit = c.audit.size();
    CHECK_FALSE(remove_lost_evidence(c, "aa11", kOfficer).is_ok());  // nothing left that uses it
    CHECK(c.audit.size() == audit);
}
