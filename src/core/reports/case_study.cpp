// Index of this file (each a "// ---" section below; search for its heading):
//   - Finding personal details (redacting them, and reviewing text for a panel)
//   - Building the study
//   - Documents (JSON and HTML)
#include "core/reports/case_study.h"

#include "core/model/audit.h"
#include "core/rules/deadlines.h"
#include "core/model/labels.h"
#include "core/document/html.h"
#include "core/reports/reports.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <set>

namespace doorstep {

namespace {

using ojson = nlohmann::ordered_json;

// ---------------------------------------------------------------------------
// Finding personal details

enum class Detail { Name, Address, Postcode, Phone, Email };

const char* replacement(Detail d) {
    switch (d) {
        case Detail::Name: return "[name removed]";
        case Detail::Address: return "[address removed]";
        case Detail::Postcode: return "[postcode removed]";
        case Detail::Phone: return "[phone removed]";
        case Detail::Email: return "[email removed]";
    }
    return "[removed]";
}

struct Term {
    std::string text;       // as written on the case
    Detail kind;
    std::string what;
    bool any_case = true;   // false: must match the case as written (name parts of staff)
};

struct Span {
    size_t start, end;
    Detail kind;
    std::string what;
};

// Letters, digits and any non-ASCII byte (so "Zoë" stays one word).
bool word_char(unsigned char ch) { return std::isalnum(ch) || ch >= 0x80; }
char lower(char ch) { return static_cast<char>(std::tolower(static_cast<unsigned char>(ch))); }

std::string trim(std::string_view s) {
    size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return std::string(s.substr(a, b - a));
}

std::vector<std::string> split(std::string_view s, std::string_view separators) {
    std::vector<std::string> out;
    size_t from = 0;
    for (size_t i = 0; i <= s.size(); ++i) {
        if (i == s.size() || separators.find(s[i]) != std::string_view::npos) {
            std::string part = trim(s.substr(from, i - from));
            if (!part.empty()) out.push_back(std::move(part));
            from = i + 1;
        }
    }
    return out;
}

// Titles and role words are not names: "Mrs" or "Resident" alone identify no one.
bool not_a_name_part(std::string part) {
    for (char& ch : part) ch = lower(ch);
    while (!part.empty() && (part.back() == '.' || part.back() == ',')) part.pop_back();
    static const std::set<std::string> words = {
        "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "rev", "prof", "lord", "lady", "cllr", "councillor",
        "mp", "the", "and", "of", "resident", "tenant", "team", "manager", "officer", "services", "service", "ltd",
        "limited", "council", "homes", "housing", "complaints", "repairs", "contractor", "senior", "lead", "head"};
    return part.size() < 2 || words.count(part) > 0;
}

void add_name(std::vector<Term>& terms, const std::string& name, const char* what, bool parts_any_case, bool parts) {
    if (is_blank(name)) return;
    terms.push_back({trim(name), Detail::Name, what, true});
    if (!parts) return;
    for (const std::string& part : split(name, " \t\n,-"))
        if (!not_a_name_part(part)) terms.push_back({part, Detail::Name, what, parts_any_case});
}

void add_address(std::vector<Term>& terms, const std::string& address, const char* what) {
    if (is_blank(address)) return;
    terms.push_back({trim(address), Detail::Address, what, true});
    for (const std::string& part : split(address, ",;\n")) {
        if (part.size() >= 3) terms.push_back({part, Detail::Address, what, true});
        // "14 Example Row" is also written "Example Row".
        size_t i = 0;
        while (i < part.size() && std::isdigit(static_cast<unsigned char>(part[i]))) ++i;
        if (i == 0) continue;
        while (i < part.size() && std::isalpha(static_cast<unsigned char>(part[i]))) ++i;  // "14a"
        if (i < part.size() && part[i] == ' ') {
            std::string street = trim(part.substr(i));
            if (street.size() >= 4) terms.push_back({street, Detail::Address, what, true});
        }
    }
}

void add_literal(std::vector<Term>& terms, const std::string& text, Detail kind, const char* what) {
    if (!is_blank(text)) terms.push_back({trim(text), kind, what, true});
}

std::vector<Term> terms_for(const Case& c, const Settings& s) {
    std::vector<Term> t;
    add_name(t, c.resident.name, "the resident's name", true, true);
    add_address(t, c.resident.address, "the resident's address");
    add_literal(t, c.resident.postcode, Detail::Postcode, "the resident's postcode");
    if (!c.resident.postcode.empty()) {
        std::string tight;
        for (char ch : c.resident.postcode)
            if (ch != ' ') tight += ch;
        add_literal(t, tight, Detail::Postcode, "the resident's postcode");
    }
    add_literal(t, c.resident.phone, Detail::Phone, "the resident's phone number");
    add_literal(t, c.resident.email, Detail::Email, "the resident's email address");
    add_literal(t, c.resident.group_description, Detail::Address, "the group of residents");
    add_address(t, c.property, "the property");
    add_name(t, c.representative.name, "the representative's name", true, true);
    add_literal(t, c.representative.contact, Detail::Phone, "the representative's contact details");

    std::vector<std::string> people;
    for (const Stage& st : c.stages) {
        people.push_back(st.investigator);
        people.push_back(st.approver);
        for (const std::string& p : st.contributors) people.push_back(p);
    }
    for (const ContactAttempt& a : c.contacts) people.push_back(a.by);
    for (const LogEntry& e : c.log) people.push_back(e.by);
    for (const AuditEntry& e : c.audit) people.push_back(e.who);
    for (const HazardRecord& h : c.hazards) {
        people.push_back(h.reported_by);
        people.push_back(h.investigated_by);
    }
    for (const ConflictOfInterest& k : c.conflicts_of_interest) people.push_back(k.person);
    if (c.refusal) people.push_back(c.refusal->approved_by);
    if (c.closure) people.push_back(c.closure->withdrawn_by);
    for (const Stage& st : c.stages)
        for (const Remedy& r : st.remedies) people.push_back(r.approved_by);
    std::sort(people.begin(), people.end());
    people.erase(std::unique(people.begin(), people.end()), people.end());
    for (const std::string& p : people) add_name(t, p, "a staff member's name", false, true);
    for (const StaffMember& m : s.staff) add_name(t, m.name, "a staff member's name", true, false);
    return t;
}

bool boundary_before(std::string_view text, size_t i) {
    return i == 0 || !word_char(static_cast<unsigned char>(text[i - 1])) ||
           !word_char(static_cast<unsigned char>(text[i]));
}
bool boundary_after(std::string_view text, size_t end) {
    return end >= text.size() || !word_char(static_cast<unsigned char>(text[end])) ||
           !word_char(static_cast<unsigned char>(text[end - 1]));
}

void find_term(std::string_view text, const Term& term, std::vector<Span>& out) {
    const size_t n = term.text.size();
    if (n == 0 || n > text.size()) return;
    for (size_t i = 0; i + n <= text.size(); ++i) {
        bool same = true;
        for (size_t k = 0; k < n && same; ++k)
            same = term.any_case ? lower(text[i + k]) == lower(term.text[k]) : text[i + k] == term.text[k];
        if (same && boundary_before(text, i) && boundary_after(text, i + n)) out.push_back({i, i + n, term.kind, term.what});
    }
}

bool email_local(unsigned char ch) { return std::isalnum(ch) || ch == '.' || ch == '_' || ch == '%' || ch == '+' || ch == '-'; }
bool email_domain(unsigned char ch) { return std::isalnum(ch) || ch == '.' || ch == '-'; }

void find_emails(std::string_view text, std::vector<Span>& out) {
    for (size_t at = 0; at < text.size(); ++at) {
        if (text[at] != '@') continue;
        size_t a = at;
        while (a > 0 && email_local(static_cast<unsigned char>(text[a - 1]))) --a;
        size_t b = at + 1;
        while (b < text.size() && email_domain(static_cast<unsigned char>(text[b]))) ++b;
        while (b > at + 1 && (text[b - 1] == '.' || text[b - 1] == '-')) --b;
        const std::string_view domain = text.substr(at + 1, b - at - 1);
        if (a < at && domain.find('.') != std::string_view::npos) out.push_back({a, b, Detail::Email, "an email address"});
    }
}

// UK numbers: 0..., +44..., (0...) with spaces, hyphens or brackets; 10 to 13 digits.
void find_phones(std::string_view text, std::vector<Span>& out) {
    for (size_t i = 0; i < text.size(); ++i) {
        const char ch = text[i];
        const bool starts = ch == '0' || (ch == '+' && i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1]))) ||
                            (ch == '(' && i + 1 < text.size() && text[i + 1] == '0');
        if (!starts || (i > 0 && word_char(static_cast<unsigned char>(text[i - 1])))) continue;
        size_t j = i, end = i;
        int digits = 0;
        while (j < text.size()) {
            const char x = text[j];
            if (std::isdigit(static_cast<unsigned char>(x))) {
                ++digits;
                end = ++j;
            } else if ((x == ' ' || x == '-' || x == '(' || x == ')' || (x == '+' && j == i)) &&
                       !(x == ' ' && j + 1 < text.size() && text[j + 1] == ' ')) {
                ++j;
            } else {
                break;
            }
        }
        if (digits >= 10 && digits <= 13 && (end >= text.size() || !word_char(static_cast<unsigned char>(text[end])))) {
            out.push_back({i, end, Detail::Phone, "a phone number"});
            i = end - 1;
        }
    }
}

// UK postcodes: A9 9AA, A99 9AA, A9A 9AA, AA9 9AA, AA99 9AA, AA9A 9AA (space optional, any case).
void find_postcodes(std::string_view text, std::vector<Span>& out) {
    auto alpha = [&](size_t k) { return k < text.size() && std::isalpha(static_cast<unsigned char>(text[k])); };
    auto digit = [&](size_t k) { return k < text.size() && std::isdigit(static_cast<unsigned char>(text[k])); };
    static const char* const outward[] = {"AD", "ADD", "ADA", "AAD", "AADD", "AADA"};
    for (size_t i = 0; i < text.size(); ++i) {
        if (!alpha(i) || (i > 0 && word_char(static_cast<unsigned char>(text[i - 1])))) continue;
        size_t best = 0;
        for (const char* form : outward) {
            size_t k = i;
            bool ok = true;
            for (const char* f = form; *f && ok; ++f, ++k) ok = *f == 'A' ? alpha(k) : digit(k);
            if (!ok) continue;
            if (k < text.size() && text[k] == ' ') ++k;
            if (!(digit(k) && alpha(k + 1) && alpha(k + 2))) continue;
            const size_t end = k + 3;
            if (end < text.size() && word_char(static_cast<unsigned char>(text[end]))) continue;
            best = std::max(best, end);
        }
        if (best) {
            out.push_back({i, best, Detail::Postcode, "a postcode"});
            i = best - 1;
        }
    }
}

// Every detail found, overlaps resolved: the earliest start wins, then the longest.
std::vector<Span> find_details(std::string_view text, const Case& c, const Settings& s) {
    std::vector<Span> spans;
    for (const Term& t : terms_for(c, s)) find_term(text, t, spans);
    find_emails(text, spans);
    find_phones(text, spans);
    find_postcodes(text, spans);
    std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
        return a.start != b.start ? a.start < b.start : a.end > b.end;
    });
    std::vector<Span> kept;
    size_t last_end = 0;
    for (Span& sp : spans) {
        if (!kept.empty() && sp.start < last_end) {
            // Overlapping: widen the kept span so nothing of either survives.
            if (sp.end > last_end) kept.back().end = last_end = sp.end;
            continue;
        }
        last_end = sp.end;
        kept.push_back(std::move(sp));
    }
    return kept;
}

}  // namespace

std::vector<PersonalDetail> personal_details_in(std::string_view text, const Case& c, const Settings& s) {
    std::vector<PersonalDetail> out;
    for (const Span& sp : find_details(text, c, s)) out.push_back({sp.what, std::string(text.substr(sp.start, sp.end - sp.start))});
    return out;
}

std::string redact_personal_details(std::string_view text, const Case& c, const Settings& s) {
    std::string out;
    size_t from = 0;
    for (const Span& sp : find_details(text, c, s)) {
        out.append(text.substr(from, sp.start - from));
        out += replacement(sp.kind);
        from = sp.end;
    }
    out.append(text.substr(from));
    return out;
}

Status review_for_panel(Case& c, PanelReview review, const Settings& s, const Actor& actor) {
    if (is_blank(review.summary))
        return case_error(c, "panel_review.summary", "write the summary the panel will read: what happened and how it was handled");
    if (is_blank(review.reviewed_by)) return case_error(c, "panel_review.reviewed_by", "name who reviewed the text");
    if (review.reviewed_on < c.received)
        return case_error(c, "panel_review.reviewed_on", "reviewed " + short_date(review.reviewed_on) +
                                                             ", before the case was received on " + short_date(c.received));
    for (const auto& [field, text] : {std::pair<const char*, const std::string*>{"summary", &review.summary},
                                      std::pair<const char*, const std::string*>{"learning", &review.learning}}) {
        const std::vector<PersonalDetail> found = personal_details_in(*text, c, s);
        if (found.empty()) continue;
        std::string list;
        std::set<std::string> seen;
        for (const PersonalDetail& p : found) {
            if (!seen.insert(p.what + p.found).second) continue;
            if (!list.empty()) list += "; ";
            list += p.what + " ('" + p.found + "')";
        }
        return case_error(c, std::string("panel_review.") + field,
                          "the " + std::string(field) + " holds personal details a panel must not see: " + list +
                              ". Reword it without them");
    }
    append_audit(c, actor, "Reviewed for the tenant panel by " + review.reviewed_by + " on " + short_date(review.reviewed_on));
    c.panel_review = std::move(review);
    return {};
}

// ---------------------------------------------------------------------------
// Building the study

namespace {

std::string month_year(Date d) { return std::string(month_name(d.month())) + " " + std::to_string(d.year()); }

std::string yes_no(bool b) { return b ? "Yes" : "No"; }

std::string days(int n) { return std::to_string(n) + (n == 1 ? " working day" : " working days"); }

std::string lower_first(std::string s) {
    if (!s.empty() && std::isupper(static_cast<unsigned char>(s[0])) &&
        !(s.size() > 1 && std::isupper(static_cast<unsigned char>(s[1]))))
        s[0] = lower(s[0]);
    return s;
}

std::string shown(const std::string& free_text) { return is_blank(free_text) ? "" : kNotReviewed; }

void fact(StudySection& s, const char* key, const char* label, std::string value) {
    if (!value.empty()) s.facts.push_back({key, label, std::move(value)});
}

std::string hazard_label(const Settings& s, const std::string& id) {
    for (const HazardType& h : s.hazard_types)
        if (h.id == id) return h.label;
    return id.empty() ? "Hazard" : id;
}

StudySection stage_section(const Case& c, const Stage& st, const Settings& s, const Calendar& cal) {
    StudySection sec;
    sec.id = "stage" + std::to_string(st.number);
    sec.heading = st.number == 1 ? "Stage 1" : st.number == 2 ? "Stage 2 (escalation)" : "Stage 3 (2022 Code)";
    const StageClock clock = stage_clock(c, st, s, cal);
    const StageTimeliness t = stage_timeliness(c, st, s, cal);
    fact(sec, "opened", st.number == 1 ? "Received" : "Escalation asked for", month_year(st.opened));
    if (st.escalation)
        fact(sec, "escalation_window", "Within the window for asking",
             st.escalation->outside_window ? "No: accepted on discretion (reasons " + std::string(kNotReviewed) + ")"
                                           : "Yes");
    fact(sec, "definition", "Complaint definition (5.6)", shown(st.definition));
    fact(sec, "outcome_sought", "Outcome sought", shown(st.outcome_sought));
    if (st.acknowledged) {
        fact(sec, "definition_confirmed", "Definition confirmed with the resident", yes_no(st.definition_confirmed));
        fact(sec, "acknowledged_after", "Acknowledged after",
             days(cal.working_days_between(st.opened, *st.acknowledged)) + " (on time: " + yes_no(t.acknowledged_on_time) +
                 "; the Code allows " + days(cal.working_days_between(st.opened, clock.acknowledge_due)) + ")");
    } else {
        fact(sec, "acknowledged_after", "Acknowledged", "No");
    }
    if (!st.extensions.empty()) {
        int total = 0;
        bool told = true, beyond = false;
        for (const Extension& e : st.extensions) {
            total += e.working_days;
            told = told && e.resident_told.has_value() && e.ombudsman_details_given;
            beyond = beyond || e.beyond_limit;
        }
        std::string v = std::to_string(st.extensions.size()) + " extension(s), " + days(total) + " in all";
        v += told ? "; the resident was told, with the Ombudsman's details" : "; the resident was not told of every one";
        if (beyond) v += "; beyond the Code's limit with a recorded reason";
        fact(sec, "extensions", "Extensions (6.4, 6.15)", v);
    }
    if (st.responded) {
        const char* timely = t.within_base ? "within the Code's timescale"
                             : t.within_extended ? "within the timescale as extended under the Code"
                                                 : "late";
        fact(sec, "responded_after", "Answered after",
             days(cal.working_days_between(st.opened, *st.responded)) + " from " +
                 (st.number == 1 ? "receipt" : "the request") + ", " + timely);
        fact(sec, "outcome", "Outcome", labels::outcome(s, stage_outcome_key(st)));
        fact(sec, "response", "Response", shown(st.response_summary));
    } else {
        fact(sec, "responded_after", "Answered", "Not yet");
    }
    if (!st.points.empty()) {
        StudyTable tbl;
        tbl.caption = "Points of the complaint and the decision on each";
        tbl.header = {"Point", "Wording", "Decision", "Reasons"};
        for (size_t i = 0; i < st.points.size(); ++i) {
            const DefinitionPoint& p = st.points[i];
            tbl.rows.push_back({std::to_string(i + 1), shown(p.text).empty() ? "(blank)" : kNotReviewed,
                                labels::decision(p.decision), shown(p.reasons).empty() ? "None recorded" : kNotReviewed});
        }
        sec.tables.push_back(std::move(tbl));
    }
    if (!st.remedies.empty()) {
        StudyTable tbl;
        tbl.caption = "Putting things right (section 7)";
        tbl.header = {"Remedy", "What will happen", "Amount", "State"};
        for (const Remedy& r : st.remedies) {
            std::string state = labels::remedy_state(r.state);
            if (r.completed && r.due) state += *r.completed <= *r.due ? ", on time" : ", late";
            tbl.rows.push_back({labels::remedy_type(r.type), shown(r.description).empty() ? "" : kNotReviewed,
                                r.type == RemedyType::Financial ? format_money(r.amount) : "", state});
        }
        sec.tables.push_back(std::move(tbl));
    }
    if (!st.actions.empty()) {
        int done = 0, late = 0;
        for (const OutstandingAction& a : st.actions) {
            if (a.completed) ++done;
            if (a.completed && *a.completed > a.due) ++late;
        }
        std::string v = std::to_string(done) + " of " + std::to_string(st.actions.size()) + " completed";
        if (late) v += " (" + std::to_string(late) + " late)";
        fact(sec, "actions", "Outstanding actions (6.6)", v);
    }
    return sec;
}

}  // namespace

CaseStudy build_case_study(const Case& c, const Settings& s) {
    const Calendar cal = s.calendar();
    CaseStudy cs;
    cs.landlord = s.landlord.name;
    cs.sample_data = c.demo;
    cs.reviewed = c.panel_review.has_value();
    const std::string category = c.category_id.empty() ? "" : labels::category(s, c.category_id);
    cs.title = "Case study: " + lower_first(labels::kind(c.kind)) +
               (category.empty() ? "" : " about " + lower_first(category)) + ", " + std::to_string(c.received.year());
    if (c.panel_review) {
        cs.summary = redact_personal_details(c.panel_review->summary, c, s);
        cs.learning = c.panel_review->learning.empty() ? shown(c.learning)
                                                        : redact_personal_details(c.panel_review->learning, c, s);
    } else {
        cs.summary = kNotReviewed;
        cs.learning = shown(c.learning);
    }

    StudySection overview;
    overview.id = "overview";
    overview.heading = "The case";
    fact(overview, "kind", "Record", labels::kind(c.kind));
    fact(overview, "category", "Category", category.empty() ? "Not categorised" : category);
    fact(overview, "channel", "How it reached the landlord", labels::channel(c.channel));
    fact(overview, "code", "Handled under", c.code == CodeVersion::Code2022 ? "The 2022 Complaint Handling Code"
                                                                            : "The Complaint Handling Code 2024");
    fact(overview, "received", "Received", month_year(c.received));
    fact(overview, "complexity", "Complexity", c.complexity >= 3 ? "High" : c.complexity == 2 ? "Medium" : "Low");
    if (c.representative.kind != RepresentativeKind::None)
        fact(overview, "representative", "Acted for the resident", labels::representative(c.representative.kind));
    if (!c.adjustments.empty())
        fact(overview, "adjustments", "Reasonable adjustments (5.10)",
             std::to_string(c.adjustments.size()) + " agreed (details not shown)");
    if (!c.hazards.empty()) {
        std::string v;
        for (const HazardRecord& h : c.hazards) {
            if (!v.empty()) v += "; ";
            v += hazard_label(s, h.type_id) + (h.emergency ? " (emergency)" : "");
        }
        fact(overview, "hazards", "Hazards reported (Awaab's Law)", v);
    }
    fact(overview, "own_words", "The resident's own words", shown(c.own_words));
    fact(overview, "outcome_wanted", "Outcome wanted", shown(c.outcome_wanted));
    fact(overview, "status", "Status",
         c.closure ? std::string("Closed (") + lower_first(labels::closure(c.closure->reason)) + ") in " +
                         month_year(c.closure->closed_on)
                   : "Open");
    cs.sections.push_back(std::move(overview));

    if (c.refusal) {
        StudySection sec;
        sec.id = "refusal";
        sec.heading = c.refusal->at_escalation ? "Escalation refused (5.11)" : "Complaint not accepted (section 2)";
        const RefusalGround* g = find_ground(s, c.refusal->ground_id);
        fact(sec, "ground", "Ground", g ? g->label + (g->provision.empty() ? "" : " (" + g->provision + ")") : c.refusal->ground_id);
        fact(sec, "discretion", "Discretion considered", yes_no(c.refusal->discretion_considered));
        fact(sec, "reasons", "Reasons", shown(c.refusal->reasoning));
        if (c.refusal->explained_on) {
            const Date due = refusal_explanation_due(*c.refusal, s, cal);
            fact(sec, "explained", "Explained in writing (2.4)",
                 "After " + days(cal.working_days_between(c.refusal->decided_on, *c.refusal->explained_on)) +
                     (*c.refusal->explained_on <= due ? ", on time" : ", late"));
        } else {
            fact(sec, "explained", "Explained in writing (2.4)", "Not yet");
        }
        cs.sections.push_back(std::move(sec));
    }

    for (const Stage& st : c.stages) cs.sections.push_back(stage_section(c, st, s, cal));

    if (c.ombudsman) {
        const OmbudsmanCase& o = *c.ombudsman;
        StudySection sec;
        sec.id = "ombudsman";
        sec.heading = "Housing Ombudsman";
        fact(sec, "referred", "Referred", month_year(o.referred));
        fact(sec, "determination", "Determination",
             std::string(labels::determination(o.determination)) + (o.determined ? " (" + month_year(*o.determined) + ")" : ""));
        if (!o.orders.empty()) {
            int on_time = 0, late = 0, open = 0;
            for (const OmbudsmanOrder& ord : o.orders) {
                if (!ord.completed) ++open;
                else if (*ord.completed <= ord.due) ++on_time;
                else ++late;
            }
            fact(sec, "orders", "Orders",
                 std::to_string(o.orders.size()) + ": " + std::to_string(on_time) + " complied with on time, " +
                     std::to_string(late) + " late, " + std::to_string(open) + " open");
        }
        cs.sections.push_back(std::move(sec));
    }

    // One section per survey offered (one per stage response); the first keeps the id "survey".
    bool first_survey = true;
    for (const Survey& sv : c.surveys) {
        if (!sv.offered) continue;
        StudySection sec;
        sec.id = first_survey ? "survey" : "survey-stage" + std::to_string(sv.stage);
        first_survey = false;
        sec.heading = "Satisfaction survey after stage " + std::to_string(sv.stage);
        fact(sec, "answered", "Answered", sv.declined ? std::string("Declined") : yes_no(sv.answered));
        auto score = [](int n) { return n > 0 ? std::to_string(n) + " out of 5" : std::string("Not answered"); };
        if (sv.answered) {
            fact(sec, "handling", "Satisfied with how it was handled", score(sv.satisfied_handling));
            fact(sec, "outcome", "Satisfied with the outcome", score(sv.satisfied_outcome));
            fact(sec, "listened", "Felt listened to", score(sv.felt_listened));
        }
        cs.sections.push_back(std::move(sec));
    }

    cs.notes.push_back("Anonymised for a tenant panel: no names, addresses, contact details or representative details.");
    cs.notes.push_back("Dates are shown as months; times are counted in working days.");
    if (c.panel_review)
        cs.notes.push_back("The summary" + std::string(c.panel_review->learning.empty() ? "" : " and learning") +
                           " were reviewed for the panel in " + month_year(c.panel_review->reviewed_on) +
                           "; any personal detail left in them is shown as removed.");
    else
        cs.notes.push_back("No one has reviewed this case's text for a panel yet, so it is shown as [not reviewed].");
    cs.notes.push_back("Other text written on the case is shown as [not reviewed].");
    if (c.demo) cs.notes.push_back("Sample (demo) data, not a real case.");
    return cs;
}

// ---------------------------------------------------------------------------
// Documents

ojson case_study_json(const CaseStudy& cs) {
    ojson j = ojson::object();
    j["schema"] = "doorstep/case-study/1";
    j["title"] = cs.title;
    j["landlord"] = cs.landlord;
    j["anonymised"] = true;
    j["reviewed"] = cs.reviewed;
    j["sample_data"] = cs.sample_data;
    j["summary"] = cs.summary;
    if (!cs.learning.empty()) j["learning"] = cs.learning;
    ojson sections = ojson::array();
    for (const StudySection& s : cs.sections) {
        ojson sj = ojson::object();
        sj["id"] = s.id;
        sj["heading"] = s.heading;
        ojson facts = ojson::array();
        for (const StudyFact& f : s.facts) facts.push_back({{"key", f.key}, {"label", f.label}, {"value", f.value}});
        sj["facts"] = std::move(facts);
        if (!s.tables.empty()) {
            ojson tables = ojson::array();
            for (const StudyTable& t : s.tables)
                tables.push_back({{"caption", t.caption}, {"header", t.header}, {"rows", t.rows}});
            sj["tables"] = std::move(tables);
        }
        sections.push_back(std::move(sj));
    }
    j["sections"] = std::move(sections);
    j["notes"] = cs.notes;
    return j;
}

std::string case_study_json_text(const CaseStudy& cs) {
    return case_study_json(cs).dump(2, ' ', false, nlohmann::detail::error_handler_t::replace) + "\n";
}

namespace {

// Free text is never laid out from its own content: it is escaped, and the
// "[not reviewed]" marker gets a class so print and screen can set it apart.
std::string cell(const std::string& text) {
    if (text == kNotReviewed) return "<span class=\"not-reviewed\">" + html_escape(text) + "</span>";
    return html_escape(text);
}

std::string paragraphs(const std::string& text) {
    if (text == kNotReviewed) return "<p>" + cell(text) + "</p>\n";
    std::string out;
    for (const std::string& para : split(text, "\n"))
        out += "<p>" + html_escape(para) + "</p>\n";
    return out;
}

const char* kCss =
    "\n"
    "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:12pt;line-height:1.5;"
    "color:#111;background:#fff;margin:0}\n"
    "main{max-width:46rem;margin:0 auto;padding:1.5rem}\n"
    "h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.25rem;margin:1.5rem 0 .5rem;border-bottom:2px solid #111}\n"
    ".landlord{margin:0 0 1rem;color:#333}\n"
    "dl{display:grid;grid-template-columns:minmax(10rem,16rem) 1fr;gap:.25rem 1rem;margin:0}\n"
    "dt{font-weight:600}dd{margin:0}\n"
    "table{border-collapse:collapse;width:100%;margin:.75rem 0}caption{text-align:left;font-weight:600;padding:.25rem 0}\n"
    "th,td{border:1px solid #555;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#eee}\n"
    ".not-reviewed{font-style:italic;color:#333}\n"
    ".notes{font-size:.95rem}\n"
    "@page{size:A4;margin:18mm}\n"
    "@media print{main{max-width:none;padding:0}h2{break-after:avoid}table,dl{break-inside:avoid}}\n";

// A section of the study: a landmark named by its heading.
std::string section_open(const std::string& id, const std::string& heading, const char* cls = nullptr) {
    return std::string("<section") + (cls ? std::string(" class=\"") + cls + "\"" : "") + " aria-labelledby=\"" +
           html_escape(id) + "\">\n" + html_heading(2, html_escape(heading), id);
}

}  // namespace

std::string case_study_html(const CaseStudy& cs) {
    std::string h = "<main>\n";
    h += "<h1>" + html_escape(cs.title) + "</h1>\n";
    if (!cs.landlord.empty()) h += "<p class=\"landlord\">" + html_escape(cs.landlord) + "</p>\n";
    if (cs.sample_data) h += "<p><strong>Sample data: not a real case.</strong></p>\n";

    h += section_open("summary", "What happened") + paragraphs(cs.summary) + "</section>\n";
    for (const StudySection& s : cs.sections) {
        h += section_open(s.id, s.heading);
        if (!s.facts.empty()) {
            h += "<dl>\n";
            for (const StudyFact& f : s.facts) h += "<dt>" + html_escape(f.label) + "</dt><dd>" + cell(f.value) + "</dd>\n";
            h += "</dl>\n";
        }
        for (const StudyTable& t : s.tables) {
            HtmlTable table{"", "", html_escape(t.caption), "", {}, {}, true, ""};
            for (const std::string& col : t.header) table.header_html.push_back(html_escape(col));
            for (const auto& row : t.rows) {
                std::vector<HtmlCell>& cells = table.rows.emplace_back();
                for (const std::string& text : row) cells.push_back(cell(text));
            }
            h += html_table(table);
        }
        h += "</section>\n";
    }
    if (!cs.learning.empty()) h += section_open("learning", "What the landlord learned (9.1)") + paragraphs(cs.learning) + "</section>\n";
    h += section_open("about", "About this case study", "notes") + "<ul>\n";
    for (const std::string& n : cs.notes) h += "<li>" + html_escape(n) + "</li>\n";
    h += "</ul>\n</section>\n</main>\n";
    return html_page(cs.title, kCss, h);
}

}  // namespace doorstep
