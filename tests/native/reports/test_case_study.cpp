// Anonymised case studies: no resident name, address, postcode, phone or email
// anywhere in the JSON or HTML — even when they sit inside free text — and no
// free text that has not been reviewed for the panel.
#include <doctest/doctest.h>

#include "case_fixtures.h"
#include "core/data/case_json.h"
#include "core/reports/case_study.h"
#include "core/demo/demo.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <string>

using namespace doorstep;
using fixtures::d;

namespace {

const Actor kManager{"Kim Manager", "2025-04-02T10:00"};

std::string lower(std::string s) {
    for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}

bool contains(const std::string& hay, const std::string& needle) {
    return lower(hay).find(lower(needle)) != std::string::npos;
}

// The fixture's resident, with their details also written into every free-text field.
Case leaky_case() {
    Case c = fixtures::full_case();
    c.demo = false;
    const std::string all = "Alex Sample of 14 Example Row, Sampletown ZZ1 1ZZ (01000 000000, alex@example.invalid)";
    c.own_words = "My name is " + all + " and the damp is back.";
    c.outcome_wanted = "Call Alex on 01000000000";
    c.stages[0].definition = "Mr Sample says " + all;
    c.stages[0].points[0].text = "Repair for alex sample";
    c.stages[0].points[0].reasons = "Visited Example Row twice";
    c.stages[0].response_summary = "Letter to ALEX@EXAMPLE.INVALID";
    c.stages[0].remedies[0].description = "Pay Alex Sample";
    c.learning = "Ring Alex at +44 1000 000000";
    // A reviewed summary that (wrongly, as if edited elsewhere) still holds personal details.
    c.panel_review = PanelReview{"Alex Sample, who lives at 14 Example Row (postcode zz11zz), rang 0100 0000 000 and "
                                 "emailed alex@example.invalid; Sam Helper, the advocate, and Pat Investigator "
                                 "handled it. The damp came back because the fan had failed.",
                                 "Sampletown visits now check the fan first.", "Kim Manager", d("2025-04-02")};
    return c;
}

const std::vector<std::string>& forbidden() {
    static const std::vector<std::string> words = {
        "Alex",        "Sample ",          "Sample,",      "Sample.",  "14 Example Row", "Example Row", "Sampletown",
        "ZZ1 1ZZ",     "zz11zz",           "01000 000000", "01000000000", "1000 000000", "0100 0000 000",
        "alex@",       "example.invalid",  "Sam Helper",   "Helper",   "Pat Investigator", "Chris Senior",
        "Lee Contributor", "Kim Manager",  "HO-2025-1",    "DS-2025-000001", "0b4e28ba", "PROP-0014",
        "2025-01-06",  "6 Jan 2025",       "Young child",  "Dog at the property", "Sight loss"};
    return words;
}

}  // namespace

TEST_CASE("case study: none of the resident's details survive, even inside free text") {
    const Case c = leaky_case();
    const Settings s = fixtures::full_settings();
    const CaseStudy cs = build_case_study(c, s);
    const std::string json = case_study_json_text(cs);
    const std::string html = case_study_html(cs);
    for (const std::string& w : forbidden()) {
        INFO("found: " << w);
        CHECK_FALSE(contains(json, w));
        CHECK_FALSE(contains(html, w));
    }
    // The reviewed summary is used, with the details replaced.
    CHECK(cs.reviewed);
    CHECK(contains(cs.summary, "The damp came back because the fan had failed."));
    CHECK(contains(cs.summary, "[name removed]"));
    CHECK(contains(cs.summary, "[address removed]"));
    CHECK(contains(cs.summary, "[postcode removed]"));
    CHECK(contains(cs.summary, "[phone removed]"));
    CHECK(contains(cs.summary, "[email removed]"));
    CHECK(cs.learning == "[address removed] visits now check the fan first.");
}

TEST_CASE("case study: unreviewed free text is marked, never shown") {
    Case c = leaky_case();
    c.panel_review.reset();
    const CaseStudy cs = build_case_study(c, fixtures::full_settings());
    CHECK(cs.summary == kNotReviewed);
    CHECK(cs.learning == kNotReviewed);
    CHECK_FALSE(cs.reviewed);
    const std::string json = case_study_json_text(cs);
    for (const char* w : {"damp is back", "Repair for", "Visited", "Pay ", "Ring ", "Moved away", "Extra time"})
        CHECK_FALSE(contains(json, w));
    CHECK(contains(json, "[not reviewed]"));
    CHECK(contains(case_study_html(cs), "No one has reviewed this case"));

    // With nothing written, nothing is marked either.
    Case bare = c;
    bare.learning.clear();
    CHECK(build_case_study(bare, fixtures::full_settings()).learning.empty());
}

TEST_CASE("case study: what it does show — months, working days, decisions, remedies, the Ombudsman's finding") {
    Case c = leaky_case();
    const Settings s = fixtures::full_settings();
    const nlohmann::ordered_json j = case_study_json(build_case_study(c, s));
    CHECK(j["schema"] == "doorstep/case-study/1");
    CHECK(j["anonymised"] == true);
    CHECK(j["title"] == "Case study: complaint about damp and mould, 2025");
    auto fact = [&](const char* section, const char* key) -> std::string {
        for (const auto& sec : j["sections"])
            if (sec["id"] == section)
                for (const auto& f : sec["facts"])
                    if (f["key"] == key) return f["value"].get<std::string>();
        return "(none)";
    };
    CHECK(fact("overview", "received") == "January 2025");
    CHECK(fact("overview", "representative") == "Advocate");
    CHECK(fact("overview", "adjustments") == "1 agreed (details not shown)");
    CHECK(fact("overview", "own_words") == "[not reviewed]");
    CHECK(fact("stage1", "definition") == "[not reviewed]");
    CHECK(fact("stage1", "acknowledged_after").rfind("2 working days", 0) == 0);
    CHECK(fact("stage1", "outcome") == "Partly upheld");
    CHECK(fact("ombudsman", "determination") == "Service failure (June 2025)");
    CHECK(fact("ombudsman", "orders") == "1: 1 complied with on time, 0 late, 0 open");
    CHECK(fact("survey", "handling") == "4 out of 5");
    CHECK(fact("refusal", "ground") == "Over 12 months (2.3)");
    bool remedy_row = false;
    for (const auto& sec : j["sections"])
        if (sec["id"] == "stage1")
            for (const auto& t : sec["tables"])
                for (const auto& row : t["rows"])
                    remedy_row = remedy_row || (row[0] == "Financial remedy" && row[1] == "[not reviewed]" && row[2] == "£123.45");
    CHECK(remedy_row);
}

TEST_CASE("case study HTML: a standalone, accessible, printable page") {
    Case c = leaky_case();
    c.panel_review->summary = "The resident wrote <script>alert(1)</script> & more.";
    const std::string html = case_study_html(build_case_study(c, fixtures::full_settings()));
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(contains(html, "<html lang=\"en-GB\">"));
    CHECK(contains(html, "<title>Case study: complaint about damp and mould, 2025</title>"));
    CHECK(contains(html, "<h1>"));
    CHECK(contains(html, "<caption>"));
    CHECK(contains(html, "<th scope=\"col\">"));
    CHECK(contains(html, "@page"));
    CHECK(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more."));
    CHECK_FALSE(contains(html, "<script"));
    CHECK_FALSE(contains(html, "http:"));
    CHECK_FALSE(contains(html, "https:"));
    CHECK_FALSE(contains(html, " src="));
}

TEST_CASE("case study HTML: the page carries the documents' CSP, so nothing in it can run or fetch") {
    const std::string html = case_study_html(build_case_study(leaky_case(), fixtures::full_settings()));
    CHECK(contains(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                         "style-src 'unsafe-inline'; img-src data:\">"));
}

TEST_CASE("redact_personal_details: names any case, staff by capitalised name, and general shapes") {
    const Case c = fixtures::full_case();
    const Settings s = fixtures::full_settings();
    CHECK(redact_personal_details("ALEX wrote to sample", c, s) == "[name removed] wrote to [name removed]");
    CHECK(redact_personal_details("Mrs Sample's kitchen", c, s) == "Mrs [name removed]'s kitchen");
    // Staff on the case: whole names any case, parts only as names; settings staff by whole name.
    CHECK(redact_personal_details("pat investigator and Pat", c, s) == "[name removed] and [name removed]");
    CHECK(redact_personal_details("a pat on the back", c, s) == "a pat on the back");
    CHECK(redact_personal_details("kim manager agreed; the manager agreed", c, s) ==
          "[name removed] agreed; the manager agreed");
    // Anyone's contact details, by shape.
    CHECK(redact_personal_details("call 07700 900123 or (0161) 496-0000 or +44 7700 900123", c, s) ==
          "call [phone removed] or [phone removed] or [phone removed]");
    CHECK(redact_personal_details("mail someone.else@council.example.org.", c, s) == "mail [email removed].");
    CHECK(redact_personal_details("moved to M1 1AE or sw1a1aa", c, s) == "moved to [postcode removed] or [postcode removed]");
    // Not details: dates, sums, case counts, the Code's provisions.
    const std::string plain = "On 2025-03-01 we paid £1,250.00 for 12 days (6.13, 7.3); 2 of 10 done.";
    CHECK(redact_personal_details(plain, c, s) == plain);
    CHECK(personal_details_in(plain, c, s).empty());
}

TEST_CASE("review_for_panel: refuses text holding personal details, saying which — accepts clean text") {
    Case c = fixtures::full_case();
    c.panel_review.reset();
    const Settings s = fixtures::full_settings();
    const size_t audit = c.audit.size();
    const std::string before = case_to_text(c);

    auto st = review_for_panel(c, PanelReview{"Alex rang about the damp.", "", "Kim Manager", d("2025-04-02")}, s, kManager);
    REQUIRE_FALSE(st.is_ok());
    CHECK(st.error().where == "case DS-2025-000001, panel_review.summary");
    CHECK(contains(st.error().message, "the resident's name ('Alex')"));

    st = review_for_panel(c, PanelReview{"Damp came back.", "Ring 01000 000000 next time", "Kim Manager", d("2025-04-02")},
                          s, kManager);
    REQUIRE_FALSE(st.is_ok());
    CHECK(st.error().where == "case DS-2025-000001, panel_review.learning");
    CHECK(contains(st.error().message, "phone"));

    for (const char* leak : {"At 14 Example Row.", "Postcode ZZ1 1ZZ.", "Wrote from alex@example.invalid.",
                             "Sam Helper, the advocate, called."}) {
        INFO(leak);
        CHECK_FALSE(review_for_panel(c, PanelReview{leak, "", "Kim Manager", d("2025-04-02")}, s, kManager).is_ok());
    }
    CHECK(review_for_panel(c, PanelReview{" ", "", "Kim Manager", d("2025-04-02")}, s, kManager).error().where ==
          "case DS-2025-000001, panel_review.summary");
    CHECK(review_for_panel(c, PanelReview{"Damp came back.", "", "", d("2025-04-02")}, s, kManager).error().where ==
          "case DS-2025-000001, panel_review.reviewed_by");
    CHECK(review_for_panel(c, PanelReview{"Damp came back.", "", "Kim Manager", d("2024-12-01")}, s, kManager).error().where ==
          "case DS-2025-000001, panel_review.reviewed_on");
    CHECK(case_to_text(c) == before);

    REQUIRE(review_for_panel(c, PanelReview{"Damp came back after two repairs; a failed fan was the cause.",
                                            "Check fans first.", "Kim Manager", d("2025-04-02")},
                             s, kManager)
                .is_ok());
    REQUIRE(c.panel_review);
    CHECK(c.audit.size() == audit + 1);
    CHECK(build_case_study(c, s).summary == "Damp came back after two repairs; a failed fan was the cause.");
}

TEST_CASE("case study: every demo case exports without its resident's details") {
    DemoOptions o;
    o.cases = 60;
    auto ds = make_demo_dataset(o);
    REQUIRE(ds.is_ok());
    int checked = 0;
    for (const Case& c : ds->cases) {
        const std::string html = case_study_html(build_case_study(c, ds->settings));
        const std::string json = case_study_json_text(build_case_study(c, ds->settings));
        for (const std::string* w : {&c.resident.name, &c.resident.address, &c.resident.postcode, &c.resident.phone,
                                     &c.resident.email, &c.representative.name, &c.representative.contact}) {
            if (w->empty()) continue;
            INFO(c.reference << ": " << *w);
            CHECK_FALSE(contains(html, *w));
            CHECK_FALSE(contains(json, *w));
        }
        CHECK(contains(html, "Sample data: not a real case."));
        ++checked;
    }
    CHECK(checked == 60);
}
