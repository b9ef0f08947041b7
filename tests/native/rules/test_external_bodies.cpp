// The external bodies residents are told about come from settings, never from
// the letter text: the Housing Ombudsman and the Local Government and Social
// Care Ombudsman (refusals on a statutory-review ground, 2.4), each with a note
// of where the details came from, carried through export and import.
#include "core/data/case_json.h"
#include "core/data/import.h"
#include "core/letters/letter_content.h"
#include "core/letters/letters.h"
#include "core/model/settings.h"
#include "core/data/settings_defaults.h"
#include "core/rules/workflow.h"

#include <doctest/doctest.h>

#include <string>

using namespace doorstep;

namespace {

bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

// A complaint refused because a statutory review route applies (allocations).
Case refused_for_statutory_review(const Settings& s) {
    NewCase n;
    n.id = "5b0c2d1e-3f4a-4b5c-8d6e-7f8091a2b3c4";
    n.counter = 9;
    n.kind = CaseKind::Complaint;
    n.channel = Channel::Letter;
    n.received = *parse_iso_date("2025-02-03");
    n.resident = {"Lee Sample", "4 Example Row\nSampletown", "ZZ9 9ZZ", "", "", ContactMethod::Letter, false, ""};
    n.own_words = "I disagree with the band you put me in on the housing register.";
    n.category_id = "lettings";
    Result<Case> c = new_case(n, s, Actor{"Sam Sample", "2025-02-03T10:00"});
    REQUIRE_MESSAGE(c.is_ok(), (c.is_ok() ? "" : c.error().text()));
    Refusal r;
    r.ground_id = "statutory-review";
    r.reasoning = "Banding decisions under the allocations scheme have their own statutory review.";
    r.circumstances_considered = "We checked whether any part of the complaint is about how we treated you; none is.";
    r.decided_on = *parse_iso_date("2025-02-05");
    r.approved_by = "Pat Demo";
    c->refusal = r;
    return *c;
}

const CheckItem* item(const std::vector<CheckItem>& list, const std::string& id) {
    for (const CheckItem& i : list)
        if (i.id == id) return &i;
    return nullptr;
}

}  // namespace

TEST_CASE("external bodies: the defaults name both Ombudsmen, with where the details came from") {
    const Settings s = default_settings();
    CHECK(s.ombudsman.name == "Housing Ombudsman Service");
    CHECK(s.ombudsman.phone == "0300 111 3000");
    CHECK(s.ombudsman.online_form == "www.housing-ombudsman.org.uk/residents/make-a-complaint/");
    CHECK(has(s.ombudsman.source, "Check"));
    CHECK(s.local_government_ombudsman.name == "Local Government and Social Care Ombudsman");
    CHECK(s.local_government_ombudsman.phone == "0300 061 0614");
    CHECK(s.local_government_ombudsman.website == "www.lgo.org.uk");
    CHECK(has(s.local_government_ombudsman.address, "CV4 0EH"));
    CHECK(has(s.local_government_ombudsman.source, "Check"));
}

TEST_CASE("external bodies: the LGSCO's details travel through export and import — an older file without them still imports") {
    Dataset d;
    d.settings = default_settings();
    d.settings.local_government_ombudsman.phone = "01632 960999";
    d.settings.local_government_ombudsman.source = "Rung to check, 2026-11-20";
    const std::string text = export_dataset(d, "2026-11-23T12:00");
    CHECK(has(text, "\"local_government_ombudsman\": {"));
    Result<Dataset> back = parse_dataset(text);
    REQUIRE(back.is_ok());
    CHECK(back->settings.local_government_ombudsman.phone == "01632 960999");
    CHECK(back->settings.local_government_ombudsman.source == "Rung to check, 2026-11-20");
    CHECK(back->settings.ombudsman.source == d.settings.ombudsman.source);
    CHECK(export_dataset(*back, "2026-11-23T12:00") == text);

    // An export from before the field existed: no key, no problem, nothing invented.
    Dataset older = d;
    older.settings.local_government_ombudsman = Ombudsman{};
    const std::string old_text = export_dataset(older, "2026-11-23T12:00");
    CHECK_FALSE(has(old_text, "\"local_government_ombudsman\": {"));
    Result<Dataset> old_back = parse_dataset(old_text);
    REQUIRE(old_back.is_ok());
    CHECK(old_back->settings.local_government_ombudsman.phone.empty());

    // A misspelt field inside it is reported, like anywhere else in the schema.
    std::string typo = text;
    typo.replace(typo.find("\"local_government_ombudsman\": {") , 31, "\"local_government_ombudsman\": {\"fone\": \"1\",");
    Problems problems;
    CHECK_FALSE(parse_dataset(typo, {}, &problems).is_ok());
    REQUIRE_FALSE(problems.empty());
    CHECK(has(problems.front().text(), "local_government_ombudsman.fone"));
}

TEST_CASE("external bodies: a statutory-review refusal gives the LGSCO's details from settings") {
    Settings s = default_settings();
    const Calendar cal = s.calendar();
    const Case c = refused_for_statutory_review(s);

    Result<Letter> l = draft_letter(LetterKind::Refusal, c, s, cal);
    REQUIRE(l.is_ok());
    CHECK(has(l->text, "the Local Government and Social Care Ombudsman can look at it"));
    CHECK(has(l->text, "www.lgo.org.uk or by phoning 0300 061 0614"));
    const CheckItem* body = item(l->checklist, "review-body");
    REQUIRE(body != nullptr);
    CHECK(body->present);
    CHECK(has(body->message, "0300 061 0614"));

    // Changed in settings, changed in the letter.
    s.local_government_ombudsman.phone = "01632 960555";
    s.local_government_ombudsman.website = "ombudsman.example.invalid";
    l = draft_letter(LetterKind::Refusal, c, s, cal);
    REQUIRE(l.is_ok());
    CHECK(has(l->text, "ombudsman.example.invalid or by phoning 01632 960555"));
    CHECK_FALSE(has(l->text, "0300 061 0614"));

    // Missing from settings: a visible gap and the checklist says what to do.
    s.local_government_ombudsman = Ombudsman{};
    l = draft_letter(LetterKind::Refusal, c, s, cal);
    REQUIRE(l.is_ok());
    CHECK(has(l->text, "missing from settings]"));
    body = item(l->checklist, "review-body");
    REQUIRE(body != nullptr);
    CHECK_FALSE(body->present);
    CHECK(has(body->message, "missing from Settings"));

    // A Housing Ombudsman ground does not mention the LGSCO.
    Case other = c;
    other.refusal->ground_id = "already-considered";
    l = draft_letter(LetterKind::Refusal, other, default_settings(), cal);
    REQUIRE(l.is_ok());
    CHECK_FALSE(has(l->text, "Local Government and Social Care Ombudsman"));
}
