// Erasure and retention (21.8): only a complaints or senior manager erases a real,
// closed case, with a reason that does not name the resident; the record keeps
// that it was erased, never what it held. Closed cases past the retention period
// are listed for review, oldest first, from the day the period ends.
#include "core/rules/erasure.h"

#include "case_fixtures.h"

#include <doctest/doctest.h>

using namespace doorstep;
using namespace doorstep::fixtures;

namespace {

const char* kReason = "Closed over 6 years ago, past the retention period";

Settings with_staff() {
    Settings s = code_defaults();
    s.staff = {staff_member("s1", "Kim Manager", StaffRole::ComplaintsManager),
               staff_member("s2", "Lee Senior", StaffRole::SeniorManager),
               staff_member("s3", "Pat Investigator", StaffRole::Investigator),
               staff_member("s4", "Ola Officer", StaffRole::Officer)};
    return s;
}

// A real closed case: full_case is sample data closed (withdrawn) on 1 March 2025, the Ombudsman's case finished.
Case closed_case() {
    Case c = standalone_case("0b4e28ba-2fa1-4d2e-883f-0016d3cca427", "DS-2025-000001");
    c.demo = false;
    return c;
}

Actor as(const char* name) { return Actor{name, "2031-04-02T10:15"}; }

std::string where_of(const Result<Erasure>& r) { return r ? std::string() : r.error().where; }
std::string message_of(const Result<Erasure>& r) { return r ? std::string() : r.error().message; }

Case closed_on(const char* id, const char* reference, const char* on) {
    Case c = closed_case();
    c.id = id;
    c.reference = reference;
    c.closure->closed_on = d(on);
    return c;
}

}  // namespace

TEST_CASE("21.8: a complaints manager or a senior manager erases a closed case: the record holds id, reference, when, who and why") {
    const Settings s = with_staff();
    const Case c = closed_case();
    for (const char* name : {"Kim Manager", "  lee senior "}) {
        CAPTURE(name);
        const Result<Erasure> r = erase_case(c, s, "  " + std::string(kReason) + " ", as(name));
        REQUIRE(r);
        CHECK(r->case_id == c.id);
        CHECK(r->reference == "DS-2025-000001");
        CHECK(r->erased_at == "2031-04-02T10:15");
        CHECK(r->reason == kReason);
    }
    // The manager as Settings names them, however the name was typed at sign-in.
    CHECK(erase_case(c, s, kReason, as("kim MANAGER"))->by == "Kim Manager");
    CHECK(erase_case(c, s, kReason, as(" Lee Senior"))->by == "Lee Senior");
    CHECK(erasing_manager(s, "kim manager") == &s.staff[0]);
    CHECK(erasing_manager(s, "Pat Investigator") == nullptr);
}

TEST_CASE("21.8: erasing is refused for anyone who is not a complaints or senior manager in Settings") {
    const Settings s = with_staff();
    const Case c = closed_case();
    for (const char* name : {"Pat Investigator", "Ola Officer", "Someone Else"}) {
        CAPTURE(name);
        const Result<Erasure> r = erase_case(c, s, kReason, as(name));
        CHECK(where_of(r) == "case DS-2025-000001, erasure");
        CHECK(message_of(r) == "only a complaints manager or senior manager named in Settings, Staff can erase a case, and " +
                                   std::string(name) + " is not one");
    }
    CHECK(message_of(erase_case(c, s, kReason, as(" "))) ==
          "sign in first: only a complaints manager or senior manager can erase a case");
    // The sample organisation's managers are invented: they erase nothing real.
    Settings sample = sample_settings();
    const StaffMember* invented = nullptr;
    for (const StaffMember& m : sample.staff)
        if (m.role == StaffRole::ComplaintsManager || m.role == StaffRole::SeniorManager) invented = &m;
    REQUIRE(invented);
    CHECK(is_sample_staff(*invented));
    CHECK_FALSE(erase_case(c, sample, kReason, as(invented->name.c_str())));
}

TEST_CASE("21.8: erasing is refused without a reason of at least 10 characters") {
    const Settings s = with_staff();
    const Case c = closed_case();
    for (const char* reason : {"", "   ", "duplicate", "  123456789  "}) {
        CAPTURE(reason);
        const Result<Erasure> r = erase_case(c, s, reason, as("Kim Manager"));
        CHECK(where_of(r) == "case DS-2025-000001, erasure.reason");
        CHECK(message_of(r) == "say why the case is being erased, in at least 10 characters (for example \"closed over 6 "
                               "years ago, past the retention period\" or \"logged in error: a duplicate\")");
    }
    CHECK(erase_case(c, s, "1234567890", as("Kim Manager")));
}

TEST_CASE("21.8: the reason may not name the resident or give their details: the record outlives the case") {
    const Settings s = with_staff();
    Case c = closed_case();  // Alex Sample, 14 Example Row, Sampletown, ZZ1 1ZZ, 01000 000000; Sam Helper
    c.resident.email = "tenant14@example.invalid";
    const std::vector<std::pair<std::string, std::string>> leaks = {
        {"Alex Sample asked us to delete it", "the resident's name"},
        {"Duplicate of the case for SAMPLE", "the resident's name"},
        {"Logged twice by Sam in error", "the representative's name"},
        {"Duplicate of the one for 14 Example Row", "the resident's address"},
        {"Logged in error for zz1 1zz", "the resident's postcode"},
        {"Caller on 01000-000000 was someone else", "the resident's phone number"},
        {"Wrong person: Tenant14@example.invalid", "the resident's contact details"},
    };
    for (const auto& [reason, what] : leaks) {
        CAPTURE(reason);
        const Result<Erasure> r = erase_case(c, s, reason, as("Kim Manager"));
        CHECK(where_of(r) == "case DS-2025-000001, erasure.reason");
        CHECK(message_of(r) == "the reason gives " + what +
                                   ": leave it out, because the record of the erasure is kept after the case is gone");
    }
    // Parts of words are not names: "Samples" is not "Sample".
    CHECK(erase_case(c, s, "Samples of this kind are kept 6 years", as("Kim Manager")));
}

TEST_CASE("21.8: an open case, a sample case and one the Ombudsman is still handling are not erased") {
    const Settings s = with_staff();
    Case open = closed_case();
    open.closure.reset();
    CHECK(message_of(erase_case(open, s, kReason, as("Kim Manager"))) ==
          "the case is still open: close it first (one logged in error or twice can be withdrawn, or joined to the "
          "other case), then erase it");

    Case sample = closed_case();
    sample.demo = true;
    CHECK(message_of(erase_case(sample, s, kReason, as("Kim Manager"))) ==
          "this is a sample case: remove the sample data in Settings instead (erasure is for real cases, and keeps a "
          "record of them)");

    Case pending = closed_case();
    pending.ombudsman->determination = Determination::Pending;
    const std::string ombudsman = "the Housing Ombudsman's case is not finished (its determination is pending or an "
                                  "order is not complete): keep the case until it is";
    CHECK(message_of(erase_case(pending, s, kReason, as("Kim Manager"))) == ombudsman);
    Case order_open = closed_case();
    order_open.ombudsman->orders[0].completed.reset();
    CHECK(message_of(erase_case(order_open, s, kReason, as("Kim Manager"))) == ombudsman);

    CHECK(message_of(erase_case(closed_case(), s, kReason, Actor{"Kim Manager", "yesterday"})) ==
          "no time for the erasure: 'yesterday' is not a date-time YYYY-MM-DDTHH:MM");
}

TEST_CASE("21.8: a closed case is past retention from the day its period ends: a day before, on and after") {
    Dataset ds;
    ds.settings = code_defaults();
    REQUIRE(ds.settings.retention_years == 6);  // the default, from settings-defaults.json
    ds.cases = {closed_on("0b4e28ba-2fa1-4d2e-883f-000000000001", "DS-2019-000001", "2019-03-31")};
    CHECK(retention_ends(ds.cases[0], ds.settings) == d("2025-03-31"));
    CHECK(past_retention(ds, d("2025-03-30")).empty());
    REQUIRE(past_retention(ds, d("2025-03-31")).size() == 1);
    CHECK(past_retention(ds, d("2025-03-31"))[0] == &ds.cases[0]);
    CHECK(past_retention(ds, d("2025-04-01")).size() == 1);

    // 29 February: the period ends on 28 February.
    ds.cases[0].closure->closed_on = d("2020-02-29");
    CHECK(retention_ends(ds.cases[0], ds.settings) == d("2026-02-28"));
    CHECK(past_retention(ds, d("2026-02-27")).empty());
    CHECK(past_retention(ds, d("2026-02-28")).size() == 1);

    // Another period in Settings; 0 lists none.
    ds.settings.retention_years = 1;
    CHECK(past_retention(ds, d("2021-02-28")).size() == 1);
    ds.settings.retention_years = 0;
    CHECK_FALSE(retention_ends(ds.cases[0], ds.settings));
    CHECK(past_retention(ds, d("2099-01-01")).empty());
}

TEST_CASE("21.8: past retention lists closed real cases only, the oldest closure first") {
    Dataset ds;
    ds.settings = code_defaults();
    Case open = closed_on("0b4e28ba-2fa1-4d2e-883f-000000000001", "DS-2010-000001", "2010-01-01");
    open.closure.reset();
    Case sample = closed_on("0b4e28ba-2fa1-4d2e-883f-000000000002", "DS-2010-000002", "2010-01-01");
    sample.demo = true;
    ds.cases = {open,
                sample,
                closed_on("0b4e28ba-2fa1-4d2e-883f-000000000003", "DS-2012-000009", "2012-06-01"),
                closed_on("0b4e28ba-2fa1-4d2e-883f-000000000004", "DS-2011-000003", "2011-05-05"),
                closed_on("0b4e28ba-2fa1-4d2e-883f-000000000005", "DS-2012-000001", "2012-06-01"),
                closed_on("0b4e28ba-2fa1-4d2e-883f-000000000006", "DS-2024-000001", "2024-06-01")};
    const std::vector<const Case*> due = past_retention(ds, d("2025-04-01"));
    std::vector<std::string> refs;
    for (const Case* c : due) refs.push_back(c->reference);
    CHECK(refs == std::vector<std::string>{"DS-2011-000003", "DS-2012-000001", "DS-2012-000009"});
    CHECK_FALSE(retention_ends(open, ds.settings));
    CHECK_FALSE(retention_ends(sample, ds.settings));
}
