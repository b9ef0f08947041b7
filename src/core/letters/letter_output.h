// Turns a rendered letter (template output with its values marked, see
// letter_template.h) into plain text for email and a standalone printable HTML
// document. The template's own lines carry a little layout:
//   # Title            the letter's heading (one per letter)
//   ## Heading         a section heading
//   - item             a bullet
//   > text             a quotation, such as the resident's own words
//   | a | b | c |      a table row; the first row of a table is its header
//   (blank line)       a new paragraph
// Layout is read from the template's literal text only, never from case text,
// and all case text is HTML-escaped.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace doorstep {

struct LetterPage {
    std::string title;                    // <title>, e.g. "Stage 1 acknowledgement DS-2025-000123"
    std::vector<std::string> letterhead;  // landlord name first
    std::vector<std::string> recipient;   // marked lines
    std::vector<std::pair<std::string, std::string>> references;  // label, marked value
    std::string copy_to;                  // representative, or empty
    std::string body;                     // marked template output
    bool large_print = false;
    bool easy_read = false;               // bigger type and more space, with the easy-read wording
    std::vector<std::string> warnings;    // missing items: a draft banner in the HTML
};

struct LetterBlock {
    enum class Type { Title, Heading, Paragraph, Bullets, Quote, Table };
    Type type = Type::Paragraph;
    std::vector<std::string> lines;                  // Title/Heading: one; Paragraph, Quote: lines; Bullets: items
    std::vector<std::vector<std::string>> rows;      // Table: rows of cells, the first is the header
};

// The body's blocks, values still marked.
std::vector<LetterBlock> letter_blocks(const std::string& marked_body);

std::string page_text(const LetterPage& page);
std::string page_html(const LetterPage& page);

// A marked string as plain text (gaps keep their brackets) or as escaped HTML.
std::string marked_to_text(const std::string& marked);
std::string marked_to_html(const std::string& marked);

}  // namespace doorstep
