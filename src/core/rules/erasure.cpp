// Erasure and retention (21.8): see erasure.h for the rules.
#include "core/rules/erasure.h"

#include <algorithm>
#include <cctype>

namespace doorstep {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

bool is_word_char(char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0; }

// `part` (already lower case) in `text` (lower case); as a whole word when asked.
bool holds(const std::string& text, const std::string& part, bool whole_word) {
    for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
        if (!whole_word) return true;
        const bool starts = at == 0 || !is_word_char(text[at - 1]);
        const size_t end = at + part.size();
        if (starts && (end == text.size() || !is_word_char(text[end]))) return true;
    }
    return false;
}

std::string digits(std::string_view s) {
    std::string out;
    for (char ch : s)
        if (ch >= '0' && ch <= '9') out += ch;
    return out;
}

// Pieces of `s` between any of `separators`, trimmed, of at least `min` characters, lower case.
std::vector<std::string> pieces(std::string_view s, std::string_view separators, size_t min) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= s.size()) {
        const size_t end = std::min(s.find_first_of(separators, start), s.size());
        const std::string_view piece = trim(s.substr(start, end - start));
        if (piece.size() >= min) out.push_back(lower(piece));
        start = end + 1;
    }
    return out;
}

// What of the resident (or their representative) the text gives away, or nullptr.
const char* names_resident(const Case& c, std::string_view text) {
    const std::string t = lower(text);
    const Resident& r = c.resident;
    for (const std::string& part : pieces(r.name, " \t\n", 3))
        if (holds(t, part, true)) return "the resident's name";
    for (const std::string& part : pieces(c.representative.name, " \t\n", 3))
        if (holds(t, part, true)) return "the representative's name";
    for (const std::string& part : pieces(r.address, ",\n", 5))
        if (holds(t, part, false)) return "the resident's address";
    const std::string postcode = lower(trim(r.postcode));
    if (postcode.size() >= 5 && holds(t, postcode, false)) return "the resident's postcode";
    for (const std::string* contact : {&r.email, &c.representative.contact}) {
        const std::string e = lower(trim(*contact));
        if (e.size() >= 5 && holds(t, e, false)) return "the resident's contact details";
    }
    const std::string reason_digits = digits(text);
    for (const std::string* number : {&r.phone, &c.representative.contact}) {
        const std::string n = digits(*number);
        if (n.size() >= 6 && reason_digits.find(n) != std::string::npos) return "the resident's phone number";
    }
    return nullptr;
}

bool ombudsman_case_open(const Case& c) {
    if (!c.ombudsman) return false;
    if (c.ombudsman->determination == Determination::Pending) return true;
    return std::any_of(c.ombudsman->orders.begin(), c.ombudsman->orders.end(),
                       [](const OmbudsmanOrder& o) { return !o.completed; });
}

bool is_manager(StaffRole role) { return role == StaffRole::ComplaintsManager || role == StaffRole::SeniorManager; }

}  // namespace

const StaffMember* erasing_manager(const Settings& s, std::string_view name) {
    for (const StaffMember& m : s.staff)
        if (is_manager(m.role) && !is_sample_staff(m) && same_person(m.name, name)) return &m;
    return nullptr;
}

Result<Erasure> erase_case(const Case& c, const Settings& s, const std::string& reason, const Actor& actor) {
    if (is_blank(actor.name))
        return case_error(c, "erasure", "sign in first: only a complaints manager or senior manager can erase a case");
    const StaffMember* manager = erasing_manager(s, actor.name);
    if (!manager)
        return case_error(c, "erasure", "only a complaints manager or senior manager named in Settings, Staff can erase "
                                        "a case, and " + std::string(trim(actor.name)) + " is not one");
    if (c.demo)
        return case_error(c, "erasure", "this is a sample case: remove the sample data in Settings instead (erasure is "
                                        "for real cases, and keeps a record of them)");
    if (!c.closure)
        return case_error(c, "erasure", "the case is still open: close it first (one logged in error or twice can be "
                                        "withdrawn, or joined to the other case), then erase it");
    if (ombudsman_case_open(c))
        return case_error(c, "erasure", "the Housing Ombudsman's case is not finished (its determination is pending or "
                                        "an order is not complete): keep the case until it is");
    const std::string_view why = trim(reason);
    if (why.size() < kErasureReasonMin)
        return case_error(c, "erasure.reason", "say why the case is being erased, in at least " +
                                                   std::to_string(kErasureReasonMin) +
                                                   " characters (for example \"closed over 6 years ago, past the "
                                                   "retention period\" or \"logged in error: a duplicate\")");
    if (const char* what = names_resident(c, why))
        return case_error(c, "erasure.reason", std::string("the reason gives ") + what +
                                                   ": leave it out, because the record of the erasure is kept after "
                                                   "the case is gone");
    if (!parse_iso_local(actor.at))
        return case_error(c, "erasure", "no time for the erasure: '" + actor.at + "' is not a date-time YYYY-MM-DDTHH:MM");
    return Erasure{c.id, c.reference, to_iso(*parse_iso_local(actor.at)), manager->name, std::string(why)};
}

std::optional<Date> retention_ends(const Case& c, const Settings& s) {
    if (!c.closure || c.demo || s.retention_years <= 0) return std::nullopt;
    return add_months_clamped(c.closure->closed_on, 12 * s.retention_years);
}

std::vector<const Case*> past_retention(const Dataset& d, Date today) {
    std::vector<const Case*> out;
    for (const Case& c : d.cases) {
        const std::optional<Date> ends = retention_ends(c, d.settings);
        if (ends && *ends <= today) out.push_back(&c);
    }
    std::sort(out.begin(), out.end(), [](const Case* a, const Case* b) {
        if (a->closure->closed_on != b->closure->closed_on) return a->closure->closed_on < b->closure->closed_on;
        return a->reference != b->reference ? a->reference < b->reference : a->id < b->id;
    });
    return out;
}

}  // namespace doorstep
