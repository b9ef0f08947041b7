#include "core/letters/letters.h"

#include "core/base/assets.h"
#include "core/letters/letter_content.h"
#include "core/letters/letter_output.h"
#include "core/letters/letter_template.h"

#include <map>
#include <set>

namespace doorstep {
namespace {

struct KindInfo {
    LetterKind kind;
    const char* id;
    const char* title;
};
constexpr KindInfo kKinds[kLetterKindCount] = {
    {LetterKind::Ack1, "ack1", "Stage 1 acknowledgement"},
    {LetterKind::Ack2, "ack2", "Stage 2 acknowledgement"},
    {LetterKind::Extension1, "extension1", "Stage 1 extension notice"},
    {LetterKind::Extension2, "extension2", "Stage 2 extension notice"},
    {LetterKind::Response1, "response1", "Stage 1 response"},
    {LetterKind::Response2, "response2", "Stage 2 final response"},
    {LetterKind::Refusal, "refusal", "Decision not to accept a complaint"},
    {LetterKind::RefuseEscalation, "refuse-escalation", "Decision not to escalate to stage 2"},
    {LetterKind::ServiceRequest, "service-request", "Service request confirmation"},
    {LetterKind::HazardSummary, "hazard-summary", "Hazard investigation summary"},
};

std::string template_key(LetterKind k, bool easy) { return std::string(letter_kind_id(k)) + (easy ? ".easy" : ""); }

}  // namespace

const char* letter_kind_id(LetterKind k) { return kKinds[static_cast<int>(k)].id; }
const char* letter_kind_title(LetterKind k) { return kKinds[static_cast<int>(k)].title; }

std::optional<LetterKind> parse_letter_kind(std::string_view id) {
    for (const KindInfo& k : kKinds)
        if (id == k.id) return k.kind;
    return std::nullopt;
}

std::vector<LetterKind> all_letter_kinds() {
    std::vector<LetterKind> out;
    for (const KindInfo& k : kKinds) out.push_back(k.kind);
    return out;
}

namespace {

struct Wording {
    std::string text;
    std::string name;  // for messages: "letters/ack1.txt" or "landlord template ack1"
    bool easy = false;
};

// Easy read only where a variant exists.
Wording choose_wording(LetterKind kind, bool want_easy, const Settings& s) {
    Wording w;
    if (want_easy) w.text = letter_template_text(kind, true, s);
    w.easy = want_easy && !w.text.empty();
    if (!w.easy) w.text = letter_template_text(kind, false, s);
    const std::string key = template_key(kind, w.easy);
    w.name = s.letter_templates.count(key) ? "landlord template " + key : "letters/" + key + ".txt";
    return w;
}

// The names that carry each checklist item into the words of the letter (any one
// will do). An item the case has but the wording leaves out is still missing.
std::vector<const char*> carriers(const std::string& id, LetterKind kind) {
    static const std::map<std::string, std::vector<const char*>> table = {
        {"b-definition", {"definition"}},
        {"investigated", {"investigated", "investigated_date"}},  // aspects (ack) or the end of a hazard investigation
        {"excluded", {"excluded"}},
        {"outcome", {"outcome_sought"}},
        {"adjustments", {"adjustments"}},
        {"response-due", {"response_due"}},
        {"updates", {"update_every"}},
        {"handler", {"handler_contact"}},
        {"ombudsman", {"ombudsman_phone"}},
        {"extension-reason", {"extension_reason"}},
        {"new-due", {"new_due", "response_due"}},
        {"within-limit", {"good_reason"}},
        {"c-decision", {"decision"}},
        {"d-reasons", {"reasons"}},
        {"e-remedy", {"remedies"}},
        {"f-actions", {"actions"}},
        {"regulator", {"regulator_contact"}},
        {"raised", {"raised"}},
        {"ground", {"ground"}},
        {"decision-review", {"decision_review_body"}},
        {"reasons", {"reasons"}},
        {"circumstances", {"circumstances"}},
        {"discretion", {"discretion"}},
        {"request", {"request"}},
        {"how-to-complain", {"landlord_phone", "landlord_email"}},
        {"findings", {"findings"}},
        {"hazard-found", {"significant", "emergency", "no_hazard"}},
        {"works", {"works"}},
        {"accommodation", {"accommodation_offered", "accommodation_not_needed"}},
    };
    if (id == "g-escalation")
        return kind == LetterKind::Response1 ? std::vector<const char*>{"escalation_deadline"} : std::vector<const char*>{"ombudsman_phone"};
    auto it = table.find(id);
    return it == table.end() ? std::vector<const char*>{} : it->second;
}

void check_wording(std::vector<CheckItem>& list, LetterKind kind, const LetterTemplate& t) {
    const std::set<std::string> used = template_names(t);
    for (CheckItem& i : list) {
        if (!i.present) continue;  // the case's own gap says more
        const std::vector<const char*> names = carriers(i.id, kind);
        if (names.empty()) continue;
        bool said = false;
        for (const char* n : names) said = said || used.count(n);
        if (said) continue;
        i.present = false;
        i.message = "the case has it, but the wording leaves it out — add {{" + std::string(names.front()) + "}} to " + t.name;
    }
}

// The checklist, the wording in force and its parse, together.
struct Checked {
    LetterContent content;
    Wording wording;
    Result<LetterTemplate> tpl = Error{};
};

Result<Checked> check_all(LetterKind kind, const Case& c, const Settings& s, const Calendar& cal, const LetterOptions& options) {
    Result<LetterContent> content = letter_content(kind, c, s, cal, options);
    if (!content) return content.error();
    Checked out;
    out.content = std::move(*content);
    out.wording = choose_wording(kind, options.easy_read.value_or(out.content.easy_read_wanted), s);
    out.tpl = parse_template(out.wording.text, out.wording.name);
    if (out.wording.text.empty())
        out.content.checklist.push_back({"wording", "wording", false, "there is no template for this letter: add one in Settings"});
    else if (!out.tpl)
        out.content.checklist.push_back({"wording", "wording", false, out.tpl.error().text()});
    else
        check_wording(out.content.checklist, kind, *out.tpl);
    return out;
}

}  // namespace

std::vector<CheckItem> letter_checklist(LetterKind kind, const Case& c, const Settings& s, const Calendar& cal,
                                        const LetterOptions& options) {
    Result<Checked> checked = check_all(kind, c, s, cal, options);
    if (!checked) return {{"fits-case", letter_kind_title(kind), false, checked.error().message}};
    return checked->content.checklist;
}

bool ready_to_send(const std::vector<CheckItem>& checklist) {
    if (checklist.empty()) return false;
    for (const CheckItem& i : checklist)
        if (!i.present) return false;
    return true;
}

bool ready_to_send(LetterKind kind, const Case& c, const Settings& s, const Calendar& cal, const LetterOptions& options) {
    return ready_to_send(letter_checklist(kind, c, s, cal, options));
}

std::vector<std::string> missing_items(const std::vector<CheckItem>& checklist) {
    std::vector<std::string> out;
    for (const CheckItem& i : checklist)
        if (!i.present) out.push_back(i.label + ": " + i.message);
    return out;
}

std::string letter_template_text(LetterKind kind, bool easy_read, const Settings& s) {
    const std::string key = template_key(kind, easy_read);
    if (auto it = s.letter_templates.find(key); it != s.letter_templates.end() && !it->second.empty()) return it->second;
    return std::string(embedded_asset("letters/" + key + ".txt"));
}

Problems check_letter_template(LetterKind kind, std::string_view text) {
    Result<LetterTemplate> t = parse_template(text, std::string("template ") + letter_kind_id(kind));
    if (!t) return {t.error()};
    return check_template(*t, letter_schema(kind));
}

Result<Letter> draft_letter(LetterKind kind, const Case& c, const Settings& s, const Calendar& cal,
                            const LetterOptions& options) {
    Result<Checked> checked = check_all(kind, c, s, cal, options);
    if (!checked) return checked.error();
    LetterContent& lc = checked->content;
    const std::string ref = c.reference.empty() ? "this case" : "case " + c.reference;
    // A letter must carry its date: every date the resident is given counts from it.
    for (const CheckItem& i : lc.checklist)
        if (i.id == "date") return Error{ref, std::string("no date for the ") + letter_kind_title(kind) + ": give the date it is sent"};
    if (checked->wording.text.empty())
        return Error{ref, std::string("no template for the ") + letter_kind_title(kind) + " (assets/letters/" + letter_kind_id(kind) + ".txt)"};
    if (!checked->tpl) return checked->tpl.error();

    Letter letter;
    letter.kind = kind;
    letter.title = letter_kind_title(kind);
    letter.date = lc.date;
    letter.checklist = lc.checklist;
    letter.easy_read = checked->wording.easy;
    letter.large_print = options.large_print.value_or(lc.large_print_wanted);  // 5.10
    lc.fields["easy_read"] = TemplateValue::yes_no(letter.easy_read);
    lc.fields["large_print"] = TemplateValue::yes_no(letter.large_print);
    Result<std::string> body = render_template(*checked->tpl, lc.fields);
    if (!body) return body.error();

    LetterPage page;
    page.title = letter.title + (c.reference.empty() ? "" : " " + c.reference);
    page.letterhead = lc.frame.letterhead;
    page.recipient = lc.frame.recipient;
    page.references = lc.frame.references;
    page.copy_to = lc.frame.copy_to;
    page.body = *body;
    page.large_print = letter.large_print;
    page.easy_read = letter.easy_read;
    page.warnings = missing_items(lc.checklist);
    letter.text = page_text(page);
    letter.html = page_html(page);
    return letter;
}

}  // namespace doorstep
