#include "core/letters/letter_output.h"

#include "core/document/html.h"
#include "core/letters/letter_template.h"

namespace doorstep {
namespace {

bool is_open(char c) { return c == kValueOpen || c == kGapOpen; }
bool is_close(char c) { return c == kValueClose || c == kGapClose; }

// Splits on `sep` only outside marked values, so case text can never add lines or cells.
std::vector<std::string> split_outside(const std::string& s, char sep) {
    std::vector<std::string> out(1);
    int depth = 0;
    for (char c : s) {
        if (is_open(c)) ++depth;
        else if (is_close(c) && depth > 0) --depth;
        if (c == sep && depth == 0) { out.emplace_back(); continue; }
        out.back() += c;
    }
    return out;
}

bool starts_with(const std::string& s, const char* p) { return s.rfind(p, 0) == 0; }

std::string trim_spaces(const std::string& s) {
    const size_t a = s.find_first_not_of(" \t\r");
    if (a == std::string::npos) return "";
    const size_t b = s.find_last_not_of(" \t\r");
    return s.substr(a, b - a + 1);
}

bool blank_marked(const std::string& s) {
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\r' && !is_open(c) && !is_close(c)) return false;
    return true;
}

bool separator_row(const std::vector<std::string>& cells) {
    for (const std::string& c : cells)
        for (char ch : c)
            if (ch != '-' && ch != ':' && ch != ' ') return false;
    return true;
}

}  // namespace

std::vector<LetterBlock> letter_blocks(const std::string& body) {
    std::vector<LetterBlock> blocks;
    auto open_block = [&](LetterBlock::Type t) -> LetterBlock& {
        if (blocks.empty() || blocks.back().type != t || t == LetterBlock::Type::Title || t == LetterBlock::Type::Heading) {
            blocks.push_back({});
            blocks.back().type = t;
        }
        return blocks.back();
    };
    bool after_blank = true;
    for (const std::string& raw : split_outside(body, '\n')) {
        const std::string line = trim_spaces(raw);
        if (blank_marked(line)) { after_blank = true; continue; }
        const bool fresh = after_blank;
        after_blank = false;
        if (starts_with(line, "## ")) {
            open_block(LetterBlock::Type::Heading).lines.push_back(trim_spaces(line.substr(3)));
        } else if (starts_with(line, "# ")) {
            open_block(LetterBlock::Type::Title).lines.push_back(trim_spaces(line.substr(2)));
        } else if (starts_with(line, "- ") || starts_with(line, "* ")) {
            if (fresh && !blocks.empty() && blocks.back().type == LetterBlock::Type::Bullets) blocks.push_back({LetterBlock::Type::Bullets, {}, {}});
            open_block(LetterBlock::Type::Bullets).lines.push_back(trim_spaces(line.substr(2)));
        } else if (starts_with(line, "> ") || line == ">") {
            if (fresh && !blocks.empty() && blocks.back().type == LetterBlock::Type::Quote) blocks.push_back({LetterBlock::Type::Quote, {}, {}});
            open_block(LetterBlock::Type::Quote).lines.push_back(trim_spaces(line.substr(1)));
        } else if (line[0] == '|') {
            std::vector<std::string> cells = split_outside(line, '|');
            // "| a | b |" gives an empty first and last piece.
            if (!cells.empty() && trim_spaces(cells.front()).empty()) cells.erase(cells.begin());
            if (!cells.empty() && trim_spaces(cells.back()).empty()) cells.pop_back();
            for (std::string& c : cells) c = trim_spaces(c);
            if (separator_row(cells)) continue;
            if (fresh && !blocks.empty() && blocks.back().type == LetterBlock::Type::Table) blocks.push_back({LetterBlock::Type::Table, {}, {}});
            open_block(LetterBlock::Type::Table).rows.push_back(std::move(cells));
        } else {
            if (fresh && !blocks.empty() && blocks.back().type == LetterBlock::Type::Paragraph) blocks.push_back({LetterBlock::Type::Paragraph, {}, {}});
            open_block(LetterBlock::Type::Paragraph).lines.push_back(line);
        }
    }
    return blocks;
}

std::string marked_to_text(const std::string& marked) {
    std::string out;
    for (char c : marked)
        if (!is_open(c) && !is_close(c)) out += c;
    return out;
}

std::string marked_to_html(const std::string& marked) {
    std::string out, run;
    auto flush = [&] { out += html_escape(run); run.clear(); };
    for (char c : marked) {
        if (c == kGapOpen) { flush(); out += "<mark class=\"gap\">"; }
        else if (c == kGapClose) { flush(); out += "</mark>"; }
        else if (c == kValueOpen || c == kValueClose) flush();
        else if (c == '\n') { flush(); out += "<br>"; }
        else run += c;
    }
    flush();
    return out;
}

namespace {

// Continuation lines of a multi-line value line up under the first.
std::string indent_following(const std::string& s, const char* pad) {
    std::string out;
    for (char c : s) {
        out += c;
        if (c == '\n') out += pad;
    }
    return out;
}

}  // namespace

std::string page_text(const LetterPage& page) {
    std::string out;
    for (const auto& [label, value] : page.references) out += label + ": " + marked_to_text(value) + "\n";
    const std::vector<LetterBlock> blocks = letter_blocks(page.body);
    for (size_t i = 0; i < blocks.size(); ++i) {
        const LetterBlock& b = blocks[i];
        out += (i > 0 && blocks[i - 1].type == LetterBlock::Type::Heading) ? "" : "\n";
        switch (b.type) {
            case LetterBlock::Type::Title:
            case LetterBlock::Type::Heading:
                out += marked_to_text(b.lines.front()) + "\n";
                break;
            case LetterBlock::Type::Paragraph:
                for (const std::string& l : b.lines) out += marked_to_text(l) + "\n";
                break;
            case LetterBlock::Type::Bullets:
                for (const std::string& l : b.lines) out += "- " + indent_following(marked_to_text(l), "  ") + "\n";
                break;
            case LetterBlock::Type::Quote:
                for (const std::string& l : b.lines) out += "    " + indent_following(marked_to_text(l), "    ") + "\n";
                break;
            case LetterBlock::Type::Table: {
                const std::vector<std::string>& head = b.rows.front();
                if (b.rows.size() == 1) {  // a header with no rows
                    for (const std::string& h : head) out += marked_to_text(h) + "\n";
                    break;
                }
                for (size_t r = 1; r < b.rows.size(); ++r) {
                    if (r > 1) out += "\n";
                    for (size_t k = 0; k < b.rows[r].size(); ++k) {
                        const std::string h = k < head.size() ? marked_to_text(head[k]) : "";
                        out += (h.empty() ? "" : h + ": ") + indent_following(marked_to_text(b.rows[r][k]), "  ") + "\n";
                    }
                }
                break;
            }
        }
    }
    if (!page.copy_to.empty()) out += "\nCopy to: " + page.copy_to + "\n";
    return out;
}

namespace {

// Print-first styling: A4 with real margins, system fonts only (no external
// resources), large print at 16pt and above (RNIB's clear-print threshold).
const char* kStyle = R"CSS(
@page { size: A4; margin: 16mm 18mm 18mm 20mm; }
:root { --ink: #1b1b1b; --accent: #0b4f6c; --muted: #4a5560; --rule: #9aa7b0; }
html { background: #e6e9ec; }
body { margin: 0; color: var(--ink); font-family: Arial, "Helvetica Neue", Helvetica, "Liberation Sans", "Noto Sans", sans-serif;
       font-size: 11pt; line-height: 1.45; }
.sheet { box-sizing: border-box; width: 210mm; min-height: 297mm; margin: 10mm auto; padding: 16mm 18mm 18mm 20mm;
         background: #fff; box-shadow: 0 1px 5px rgba(0,0,0,.28); }
.letterhead { display: flex; justify-content: space-between; align-items: flex-end; gap: 8mm;
              border-bottom: 2.5pt solid var(--accent); padding-bottom: 4mm; margin-bottom: 9mm; }
.org-name { margin: 0; font-size: 21pt; font-weight: 700; color: var(--accent); letter-spacing: .01em; line-height: 1.1;
            white-space: nowrap; }
.org-details { margin: 0; text-align: right; font-size: 9pt; color: var(--muted); line-height: 1.4; }
.addressing { display: flex; justify-content: space-between; align-items: flex-start; gap: 10mm; margin-bottom: 9mm; }
address { font-style: normal; }
.refs { border-collapse: collapse; }
.refs th { text-align: left; font-weight: normal; color: var(--muted); padding: 0 4mm 0.5mm 0; vertical-align: top; }
.refs td { padding: 0 0 0.5mm 0; }
h1 { font-size: 13.5pt; margin: 0 0 5mm; line-height: 1.25; }
h2 { font-size: 11.5pt; margin: 6mm 0 1.5mm; color: var(--accent); }
p { margin: 0 0 3mm; }
ul { margin: 0 0 3mm; padding-left: 6mm; }
li { margin-bottom: 1mm; }
blockquote { margin: 0 0 3mm; padding: 1mm 0 1mm 5mm; border-left: 2pt solid var(--rule); }
blockquote p { margin: 0; }
table.data { border-collapse: collapse; width: 100%; margin: 1mm 0 4mm; }
table.data th, table.data td { border: .75pt solid var(--rule); padding: 1.5mm 2.5mm; text-align: left; vertical-align: top; }
table.data thead th { background: #e8f0f4; }
mark.gap { background: #fff0b3; color: #6b3200; outline: 1pt dashed #b35c00; padding: 0 .8mm; }
.draft { max-width: 210mm; box-sizing: border-box; margin: 10mm auto 0; padding: 3mm 5mm; border: 1.5pt solid #b35c00;
         background: #fff7e0; font-size: 10.5pt; }
.draft p { margin: 0 0 1mm; }
.copy-to { margin-top: 8mm; font-size: 9.5pt; color: var(--muted); }
.body > p:last-child { margin-top: 9mm; }  /* room to sign above the name */
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
                   clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.easy-read { font-size: 14pt; line-height: 1.6; }
.easy-read p { margin-bottom: 4mm; }
.easy-read h1 { font-size: 20pt; }
.easy-read h2 { font-size: 16pt; margin-top: 8mm; }
.large-print { font-size: 16pt; line-height: 1.5; }
.large-print .letterhead { display: block; }
.large-print .org-name { font-size: 24pt; }
.large-print .org-details { text-align: left; font-size: 16pt; color: var(--ink); margin-top: 2mm; }
.large-print .addressing { display: block; }
.large-print .refs { margin-top: 6mm; }
.large-print h1 { font-size: 21pt; }
.large-print h2 { font-size: 18pt; }
.large-print .copy-to, .large-print .draft, .large-print .refs th { font-size: 16pt; color: var(--ink); }
@media screen and (max-width: 800px) { .sheet { width: auto; min-height: 0; margin: 0; padding: 6mm; } }
@media print {
  html { background: none; }
  .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .draft { margin: 0 0 6mm; }
  h1, h2 { break-after: avoid; }
  tr, li { break-inside: avoid; }
  mark.gap, table.data thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)CSS";

void join_lines_html(std::string& out, const std::vector<std::string>& lines) {
    for (size_t i = 0; i < lines.size(); ++i) {
        if (i) out += "<br>\n";
        out += marked_to_html(lines[i]);
    }
}

}  // namespace

std::string page_html(const LetterPage& page) {
    std::string h;
    if (!page.warnings.empty()) {
        // A named section (a landmark), so that nothing on the page is outside one.
        h += "<section class=\"draft\" aria-label=\"Draft: not ready to send\">\n<p><strong>Draft: not ready to send.</strong> "
             "The Code requires these items, "
             "and they are missing from the case:</p>\n<ul>\n";
        for (const std::string& w : page.warnings) h += "<li>" + html_escape(w) + "</li>\n";
        h += "</ul>\n</section>\n";
    }
    // The whole letter is the page's main content: letterhead, addressing and body.
    h += "<main class=\"sheet\">\n<header class=\"letterhead\">\n";
    if (!page.letterhead.empty()) {
        h += "<p class=\"org-name\">" + html_escape(page.letterhead.front()) + "</p>\n<p class=\"org-details\">";
        for (size_t i = 1; i < page.letterhead.size(); ++i) h += (i > 1 ? "<br>" : "") + html_escape(page.letterhead[i]);
        h += "</p>\n";
    }
    h += "</header>\n<div class=\"addressing\">\n<address class=\"recipient\">\n";
    join_lines_html(h, page.recipient);
    h += "\n</address>\n<table class=\"refs\">\n<caption class=\"visually-hidden\">References</caption>\n<tbody>\n";
    for (const auto& [label, value] : page.references)
        h += "<tr><th scope=\"row\">" + html_escape(label) + "</th><td>" + marked_to_html(value) + "</td></tr>\n";
    h += "</tbody>\n</table>\n</div>\n<div class=\"body\">\n";
    std::string section = html_escape(page.title);  // a table's caption: the heading it comes under
    for (const LetterBlock& b : letter_blocks(page.body)) {
        switch (b.type) {
            case LetterBlock::Type::Title:
            case LetterBlock::Type::Heading:
                section = marked_to_html(b.lines.front());
                h += html_heading(b.type == LetterBlock::Type::Title ? 1 : 2, section);
                break;
            case LetterBlock::Type::Paragraph: h += "<p>"; join_lines_html(h, b.lines); h += "</p>\n"; break;
            case LetterBlock::Type::Quote: h += "<blockquote><p>"; join_lines_html(h, b.lines); h += "</p></blockquote>\n"; break;
            case LetterBlock::Type::Bullets:
                h += "<ul>\n";
                for (const std::string& l : b.lines) h += "<li>" + marked_to_html(l) + "</li>\n";
                h += "</ul>\n";
                break;
            case LetterBlock::Type::Table: {
                HtmlTable t{"", "data", section, "visually-hidden", {}, {}, false, ""};
                for (const std::string& c : b.rows.front()) t.header_html.push_back(marked_to_html(c));
                for (size_t r = 1; r < b.rows.size(); ++r) {
                    std::vector<HtmlCell>& cells = t.rows.emplace_back();
                    for (const std::string& c : b.rows[r]) cells.push_back(marked_to_html(c));
                }
                h += html_table(t);
                break;
            }
        }
    }
    h += "</div>\n";
    if (!page.copy_to.empty()) h += "<p class=\"copy-to\">Copy to: " + html_escape(page.copy_to) + "</p>\n";
    h += "</main>\n";
    const std::string classes = std::string(page.large_print ? "large-print" : "") +
                                (page.large_print && page.easy_read ? " " : "") + (page.easy_read ? "easy-read" : "");
    return html_page(page.title, kStyle, h, classes);
}

}  // namespace doorstep
