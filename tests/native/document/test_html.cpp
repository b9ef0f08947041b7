// The printed documents' HTML kit: the escape every document uses, the page
// with its Content-Security-Policy, headings and tables.
#include "core/document/chart.h"
#include "core/document/html.h"

#include <doctest/doctest.h>

#include <string>

using namespace doorstep;

namespace {
bool has(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }
}  // namespace

TEST_CASE("document: html_escape makes markup and quotes inert") {
    CHECK(html_escape("<a href='x'>&</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;");
    CHECK(html_escape("say \"hi\"") == "say &quot;hi&quot;");
    CHECK(html_escape("£150 – café") == "£150 – café");  // UTF-8 passes through
}

TEST_CASE("document: a page is standalone en-GB HTML whose CSP allows only its own styles and data images") {
    const std::string h = html_page("Title <b>", "p { color: red; }", "<main>\n<p>Body</p>\n</main>\n", "large-print");
    CHECK(h.rfind("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n", 0) == 0);
    CHECK(has(h, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"));
    CHECK(has(h, "<title>Title &lt;b&gt;</title>\n<style>p { color: red; }</style>\n</head>\n<body class=\"large-print\">\n<main>"));
    CHECK(h.size() >= 24);
    CHECK(h.substr(h.size() - 24) == "</main>\n</body>\n</html>\n");
    CHECK(has(html_page("t", "", ""), "</head>\n<body>\n</body>"));
}

TEST_CASE("document: tables have a caption, column headers, optional row headers, and a row for none") {
    HtmlTable t{"t-x", "data", "Caption", "visually-hidden", {"A", "B"}, {{{"r1"}, {"2", "num"}}}, true, "None"};
    const std::string h = html_table(t);
    CHECK(h == "<table id=\"t-x\" class=\"data\">\n<caption class=\"visually-hidden\">Caption</caption>\n"
               "<thead><tr><th scope=\"col\">A</th><th scope=\"col\">B</th></tr></thead>\n<tbody>\n"
               "<tr><th scope=\"row\">r1</th><td class=\"num\">2</td></tr>\n</tbody>\n</table>\n");
    t.rows.clear();
    CHECK(has(html_table(t), "<tr><td colspan=\"2\">None</td></tr>"));
    CHECK(html_heading(2, "What &amp; why", "why") == "<h2 id=\"why\">What &amp; why</h2>\n");
}

TEST_CASE("document: charts are images named by their title and description, with escaped labels") {
    const std::string bars = svg_hbars("f", "Title", "Desc <x>", {{"A & B", 50, "50%", false}, {"C", 3, "<5", true}}, 100);
    CHECK(has(bars, "role=\"img\" aria-labelledby=\"f-title f-desc\""));
    CHECK(has(bars, "<desc id=\"f-desc\">Desc &lt;x&gt;</desc>"));
    CHECK(has(bars, ">A &amp; B</text>"));
    CHECK(has(bars, "width=\"150\" height=\"18\" class=\"bar\""));  // half of the 300 bar width
    CHECK(has(bars, ">&lt;5</text>"));                               // a suppressed count: its text, no bar
    const std::string groups = svg_grouped_bars("g", "T", "D", "Stage 1", "Stage 2", {{"Apr", 4, 2}});
    CHECK(has(groups, "class=\"lbl\">Stage 1</text>"));
    CHECK(has(groups, "class=\"lbl small\">Apr</text>"));
}
