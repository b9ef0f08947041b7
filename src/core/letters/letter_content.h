// What each letter must say, taken from the case: the values its template may
// use and, side by side, the checklist of the Code's required items. Building
// both in one pass keeps them honest: an item the checklist calls present is
// exactly the value the letter prints, and a missing one is the gap it shows.
#pragma once
#include "core/letters/letter_template.h"
#include "core/letters/letters.h"

#include <string>
#include <vector>

namespace doorstep {

// The page around the body: letterhead, addressee and references.
struct LetterFrame {
    std::vector<std::string> letterhead;  // landlord name first, then address and contact lines
    std::vector<std::string> recipient;   // marked lines (values or gaps, see letter_template.h)
    std::vector<std::pair<std::string, std::string>> references;  // label, marked value
    std::string copy_to;                  // a representative with consent, or empty
};

struct LetterContent {
    Date date;
    TemplateFields fields;
    std::vector<CheckItem> checklist;
    LetterFrame frame;
    bool easy_read_wanted = false;   // the case has an easy-read adjustment
    bool large_print_wanted = false; // the case has a large-print adjustment
};

// Error when the case cannot have this letter at all, or no date can be found.
Result<LetterContent> letter_content(LetterKind kind, const Case& c, const Settings& s, const Calendar& cal,
                                     const LetterOptions& options);

// The names `kind` offers, as a field set with one sample item per list: the
// schema that templates are checked against.
TemplateFields letter_schema(LetterKind kind);

}  // namespace doorstep
