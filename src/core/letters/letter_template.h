// Letter templates: plain text a landlord can edit, with {{placeholders}} and
// optional sections. The syntax is a small subset of Mustache:
//   {{name}}                 a value from the case ("Tuesday 31 December 2024")
//   {{#name}} ... {{/name}}  shown when the value is present or true; for a list,
//                            repeated once per item, with the item's own names
//   {{^name}} ... {{/name}}  shown when the value is empty, false or an empty list
//   {{! a note }}            a comment, never shown
// A line holding only a section tag or a comment leaves no blank line behind.
// Values are not pasted in as raw text: they are wrapped in markers so that the
// output stage can escape them and show gaps (see letter_output.h).
#pragma once
#include "core/base/result.h"

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep {

struct TemplateValue;
using TemplateFields = std::map<std::string, TemplateValue>;

struct TemplateValue {
    enum class Type { Text, Flag, List };
    Type type = Type::Text;
    std::string text;
    bool gap = false;   // text is a visible gap such as "[definition not recorded]"
    bool flag = false;
    std::vector<TemplateFields> items;

    static TemplateValue of(std::string t) { TemplateValue v; v.text = std::move(t); return v; }
    static TemplateValue missing(std::string gap_text) { TemplateValue v; v.text = std::move(gap_text); v.gap = true; return v; }
    static TemplateValue yes_no(bool b) { TemplateValue v; v.type = Type::Flag; v.flag = b; return v; }
    static TemplateValue list(std::vector<TemplateFields> items) { TemplateValue v; v.type = Type::List; v.items = std::move(items); return v; }
    bool truthy() const;
};

// Markers around values in rendered output. Control characters never survive
// in case text (render strips them), so they cannot be forged.
constexpr char kValueOpen = '\x01';
constexpr char kValueClose = '\x02';
constexpr char kGapOpen = '\x03';
constexpr char kGapClose = '\x04';
// Case text wrapped as a value or a gap, control characters removed.
std::string mark_value(const std::string& s);
std::string mark_gap(const std::string& s);

struct TemplateNode {
    enum class Type { Text, Value, Section, Inverted };
    Type type = Type::Text;
    std::string text;  // Text: the literal; otherwise the name
    int line = 1;
    std::vector<TemplateNode> children;
};

struct LetterTemplate {
    std::string name;  // "letters/ack1.txt": used in error messages
    std::vector<TemplateNode> nodes;
};

// Parse errors name the template and line ("letters/ack1.txt, line 12: ...").
Result<LetterTemplate> parse_template(std::string_view text, std::string name);

// Every placeholder and section must be a name the schema knows, used the right
// way (a list only as a section). The schema is a field set whose lists hold one
// sample item listing the item names.
Problems check_template(const LetterTemplate& t, const TemplateFields& schema);

// Every name the template uses, in values and sections, at any depth.
std::set<std::string> template_names(const LetterTemplate& t);

// Renders with the values marked (kValueOpen/kGapOpen ...). Unknown names are errors.
Result<std::string> render_template(const LetterTemplate& t, const TemplateFields& fields);

}  // namespace doorstep
