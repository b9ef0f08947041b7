#include "core/letters.h"

#include "core/assets.h"
#include "core/letter_content.h"
#include "core/letter_output.h"
#include "core/letter_template.h"

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

std::vector<CheckItem> letter_checklist(LetterKind kind, const Case& c, const Settings& s, const Calendar& cal,
                                        const LetterOptions& options) {
    Result<LetterContent> content = letter_content(kind, c, s, cal, options);
    if (!content) return {{"fits-case", letter_kind_title(kind), false, content.error().message}};
    return content->checklist;
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
    Result<LetterContent> content = letter_content(kind, c, s, cal, options);
    if (!content) return content.error();
    LetterContent& lc = *content;
    const std::string ref = c.reference.empty() ? "this case" : "case " + c.reference;
    // A letter must carry its date: every date the resident is given counts from it.
    for (const CheckItem& i : lc.checklist)
        if (i.id == "date") return Error{ref, std::string("no date for the ") + letter_kind_title(kind) + ": give the date it is sent"};

    Letter letter;
    letter.kind = kind;
    letter.title = letter_kind_title(kind);
    letter.date = lc.date;
    letter.checklist = lc.checklist;

    // Easy read only where a variant exists; large print where adjusted for (5.10).
    const bool want_easy = options.easy_read.value_or(lc.easy_read_wanted);
    std::string text = want_easy ? letter_template_text(kind, true, s) : std::string();
    letter.easy_read = want_easy && !text.empty();
    if (!letter.easy_read) text = letter_template_text(kind, false, s);
    if (text.empty())
        return Error{ref, std::string("no template for the ") + letter_kind_title(kind) + " (assets/letters/" + letter_kind_id(kind) + ".txt)"};
    letter.large_print = options.large_print.value_or(lc.large_print_wanted);
    lc.fields["easy_read"] = TemplateValue::yes_no(letter.easy_read);
    lc.fields["large_print"] = TemplateValue::yes_no(letter.large_print);

    const std::string tname = s.letter_templates.count(template_key(kind, letter.easy_read))
                                  ? "landlord template " + template_key(kind, letter.easy_read)
                                  : "letters/" + template_key(kind, letter.easy_read) + ".txt";
    Result<LetterTemplate> tpl = parse_template(text, tname);
    if (!tpl) return tpl.error();
    Result<std::string> body = render_template(*tpl, lc.fields);
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
