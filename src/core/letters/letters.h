// The letters the Code requires, drafted from the case: plain text to copy into
// an email and a printable HTML document, each with a checklist of what the Code
// says that letter must contain. A missing item is flagged in the checklist and
// shown as a visible gap in the draft ("[definition not recorded]"), never filled in.
//
// Wording comes from landlord-editable templates (assets/letters/<kind>.txt, an
// easy-read variant <kind>.easy.txt where one exists), overridable per landlord in
// Settings::letter_templates. Recording a sent letter is workflow's record_letter_sent.
#pragma once
#include "core/calendar/calendar.h"
#include "core/model/case.h"
#include "core/base/result.h"
#include "core/model/settings.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep {

enum class LetterKind {
    Ack1,              // 6.2, 5.6, 5.7, 5.9
    Ack2,              // 6.11
    Extension1,        // 6.4, 6.5
    Extension2,        // 6.15, 6.16
    Response1,         // 6.9
    Response2,         // 6.19, 6.20: the final response
    Refusal,           // 2.4
    RefuseEscalation,  // 5.11
    ServiceRequest,    // 1.5, 1.6: how to complain if unhappy
    HazardSummary,     // Awaab's Law written summary after an investigation
};
constexpr int kLetterKindCount = 10;

const char* letter_kind_id(LetterKind k);     // "ack1", "refuse-escalation", ...
const char* letter_kind_title(LetterKind k);  // "Stage 1 acknowledgement"
std::optional<LetterKind> parse_letter_kind(std::string_view id);
std::vector<LetterKind> all_letter_kinds();

// One thing the Code requires the letter to say, found or not in the case.
struct CheckItem {
    std::string id;         // "b-definition", "ombudsman", ...
    std::string label;      // "b. complaint definition (5.6)"
    bool present = false;
    std::string message;    // what was found, or what to do: "e. remedy: none recorded — ..."
};

struct LetterOptions {
    // The letter's date. When absent, the date recorded for that letter on the case
    // (acknowledged, responded, extension decided, refusal decided, ...).
    std::optional<Date> date;
    std::string hazard_id;              // hazard-summary: which hazard; default the latest investigated
    int extension_index = -1;           // extension notices: which one; default the latest
    std::optional<bool> easy_read;      // default: the case has an easy-read adjustment and a variant exists
    std::optional<bool> large_print;    // default: the case has a large-print adjustment
};

// Every item the Code requires for `kind`, present or missing, from the case data.
// A kind that does not fit the case (ack2 with no stage 2) gives one missing item saying so.
std::vector<CheckItem> letter_checklist(LetterKind kind, const Case& c, const Settings& s, const Calendar& cal,
                                        const LetterOptions& options = {});
bool ready_to_send(const std::vector<CheckItem>& checklist);
bool ready_to_send(LetterKind kind, const Case& c, const Settings& s, const Calendar& cal,
                   const LetterOptions& options = {});
// The missing items only, one line each ("b. complaint definition (5.6): not recorded — ...").
std::vector<std::string> missing_items(const std::vector<CheckItem>& checklist);

// A drafted letter: its checklist and both renderings.
struct Letter {
    LetterKind kind = LetterKind::Ack1;
    std::string title;        // "Stage 1 acknowledgement"
    Date date;
    bool easy_read = false;
    bool large_print = false;
    std::vector<CheckItem> checklist;
    std::string text;         // plain text to copy into an email; gaps shown as "[... not recorded]"
    std::string html;         // standalone printable A4 document, no external resources
};

// Errors (as values): the case cannot have this letter at all (no stage 2 for
// ack2, no refusal for a refusal letter, no hazard for a hazard summary), no date
// can be found, or the template does not parse.
Result<Letter> draft_letter(LetterKind kind, const Case& c, const Settings& s, const Calendar& cal,
                            const LetterOptions& options = {});

// The template in force: Settings::letter_templates[<kind>] (or "<kind>.easy"),
// else the embedded assets/letters/<kind>.txt. Empty when neither exists.
std::string letter_template_text(LetterKind kind, bool easy_read, const Settings& s);

// Checks a landlord's edited template: it parses and uses only names that letter
// offers. Problems name the template and line.
Problems check_letter_template(LetterKind kind, std::string_view text);

// The names a template for `kind` may use, with a short description each, for
// the settings screen and assets/letters/README.md.
struct PlaceholderDoc {
    std::string name;
    std::string description;
    bool is_list = false;
    bool is_flag = false;
    std::vector<PlaceholderDoc> item_names;  // for lists
};
std::vector<PlaceholderDoc> letter_placeholders(LetterKind kind);

}  // namespace doorstep
