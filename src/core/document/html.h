// The printable HTML documents' shared pieces, used by letters, reports, the
// self-assessment and case studies: one escape, one page (a head with the same
// Content-Security-Policy on every document), headings and tables. Each document
// keeps its own stylesheet; everything from a case or a landlord is escaped here.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace doorstep {

// Text as HTML content or attribute value: & < > " ' become entities.
std::string html_escape(std::string_view text);

// What every printed document allows itself: its own inline styles and data:
// images, nothing else (no scripts, fonts, frames or requests to anywhere).
inline constexpr const char* kDocumentCsp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

// A standalone page: doctype, lang="en-GB", charset, viewport, the CSP, the
// escaped title and `css` as its one stylesheet; `body_html` is the body's
// content as given, `body_class` its class (none when empty).
std::string html_page(std::string_view title, std::string_view css, std::string_view body_html,
                      std::string_view body_class = "");

// <h1>..<h6> around HTML that is already escaped, with an id when one is given.
std::string html_heading(int level, std::string_view inner_html, std::string_view id = "");

// A table cell: its HTML (already escaped) and a class, or none.
struct HtmlCell {
    std::string html;
    std::string cls;
    HtmlCell(std::string h = {}, std::string c = {}) : html(std::move(h)), cls(std::move(c)) {}
};

struct HtmlTable {
    std::string id;            // id attribute, or none
    std::string cls;           // class attribute, or none
    std::string caption_html;  // already escaped; a <caption> always comes first
    std::string caption_cls;   // e.g. "visually-hidden": said by screen readers, not printed
    std::vector<std::string> header_html;   // column headers, <th scope="col">
    std::vector<std::vector<HtmlCell>> rows;
    bool row_headers = false;  // the first cell of each row is its header (<th scope="row">)
    std::string empty_html;    // with no rows: one row of one cell across all columns, when not empty
};

std::string html_table(const HtmlTable& t);

}  // namespace doorstep
