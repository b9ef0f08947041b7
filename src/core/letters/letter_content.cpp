// Index of this file (each a "// ---" section below; search for its heading):
//   - The names each letter offers (also the documentation of assets/letters/README.md)
//   - Small words
//   - One pass over the case: values for the template and checklist items together

#include "core/letters/letter_content.h"

#include "core/rules/deadlines.h"
#include "core/rules/hazard_clock.h"
#include "core/rules/hazards.h"
#include "core/base/money.h"
#include "core/rules/workflow.h"

#include <algorithm>
#include <cctype>

namespace doorstep {
namespace {

using V = TemplateValue;

// What a letter says where the landlord's name goes on a device not yet set up.
constexpr const char* kOrganisationNotSet = "[your organisation's name is not set: Settings, Your organisation]";

// ---------------------------------------------------------------------------
// The names each letter offers (also the documentation of assets/letters/README.md)

PlaceholderDoc text(const char* n, const char* d) { return {n, d, false, false, {}}; }
PlaceholderDoc flag(const char* n, const char* d) { return {n, d, false, true, {}}; }
PlaceholderDoc list(const char* n, const char* d, std::vector<PlaceholderDoc> items) { return {n, d, true, false, std::move(items)}; }

std::vector<PlaceholderDoc> common_docs() {
    return {
        text("landlord_name", "the landlord's name (settings)"),
        text("landlord_address", "the landlord's postal address (settings)"),
        text("landlord_phone", "the landlord's phone number (settings)"),
        text("landlord_email", "the landlord's email address (settings)"),
        text("landlord_website", "the landlord's website (settings)"),
        text("complaints_team", "the name of the complaints team (settings)"),
        text("reference", "the case reference, e.g. DS-2025-000123"),
        text("letter_date", "the letter's date, written out: Tuesday 31 December 2024"),
        text("resident_name", "the resident's name, or the group of residents"),
        text("category", "the complaint category, e.g. Damp and mould (may be empty)"),
        text("closing", "the first line of the letter sign-off, e.g. Yours sincerely,"),
        text("signer", "the person who signs, when known (may be empty)"),
        text("signature", "the rest of the sign-off: team and landlord"),
        text("ombudsman_name", "the Housing Ombudsman's name (settings)"),
        text("ombudsman_phone", "the Housing Ombudsman's phone number (settings)"),
        text("ombudsman_website", "the Housing Ombudsman's website (settings)"),
        text("ombudsman_form", "the address of the Ombudsman's online complaint form (settings)"),
        text("ombudsman_address", "the Housing Ombudsman's postal address (settings)"),
        flag("easy_read", "the easy-read wording is in use"),
        flag("large_print", "the letter is printed in large print"),
    };
}

std::vector<PlaceholderDoc> stage_docs() {
    return {
        text("stage", "the stage number: 1 or 2"),
        flag("stage1", "this is about stage 1"),
        flag("stage2", "this is about stage 2"),
        text("opened_date", "stage 1: the day the complaint was received; stage 2: the day escalation was asked for"),
        text("definition", "the complaint definition: the landlord's understanding of the complaint (5.6)"),
        list("points", "the points of the definition (5.6), each decided with reasons (6.7, 6.18)",
             {text("number", "1, 2, 3 ..."), text("text", "the point"), text("decision", "Upheld, Partly upheld, Not upheld (settings labels)"),
              text("reasons", "the reasons for the decision"), flag("upheld", "upheld or partly upheld"),
              flag("not_upheld", "not upheld")}),
        list("investigated", "what will be investigated (5.7)", {text("text", "one aspect")}),
        list("excluded", "aspects not investigated, with reasons (5.7)", {text("text", "the aspect"), text("reason", "why it is excluded")}),
        text("outcome_sought", "the outcome the resident wants"),
        list("adjustments", "reasonable adjustments agreed (5.10)", {text("description", "the adjustment")}),
        text("handler_name", "who is handling the complaint"),
        text("handler_contact", "how to reach the handler: phone and email"),
        text("acknowledged_date", "the day the stage was acknowledged"),
        text("response_due", "the day the response is due, with any extension"),
        text("update_every", "how often the resident is kept informed, e.g. 5 working days (5.9)"),
        text("update_method", "how: by phone, by email, by letter ..."),
        flag("update_agreed", "the interval was agreed with the resident (otherwise it is the policy's)"),
        flag("extended", "the stage has an extension"),
        flag("new_reviewer", "stage 2 is with someone who did not handle or sign stage 1 (6.13)"),
    };
}

std::vector<PlaceholderDoc> extension_docs() {
    return {
        text("extension_reason", "why more time is needed (6.4, 6.15)"),
        text("extension_days", "how long this extension is: 10 working days"),
        text("total_extension_days", "all extensions so far together, from the first date given"),
        flag("further_extension", "this is not the stage's first extension"),
        text("previous_due", "the date the response was due before this extension"),
        text("new_due", "the new date for the response"),
        flag("beyond_limit", "longer than the Code allows without good reason"),
        text("good_reason", "the good reason, when beyond the limit"),
    };
}

std::vector<PlaceholderDoc> response_docs() {
    return {
        text("decision", "the overall decision: Upheld, Partly upheld or Not upheld"),
        flag("has_points", "the definition has points (for a table header)"),
        flag("has_remedies", "at least one remedy (for a table header)"),
        flag("has_actions", "at least one outstanding action (for a table header)"),
        flag("remedies_outstanding", "a remedy offered (a payment, a repair ...) is not yet done"),
        flag("nothing_outstanding", "no outstanding action and no remedy still to do"),
        text("summary", "the response summary written on the case (may be empty)"),
        list("remedies", "what will be done to put things right (7.1, 7.3)",
             {text("what", "what will happen"), text("payment", "the sum, e.g. £1,234.56, or none"),
              flag("is_payment", "a financial remedy"), text("by_when", "the date it will happen by"),
              flag("done", "already done")}),
        text("remedy_gap", "a visible gap when a remedy is expected but none is recorded"),
        flag("has_payment", "at least one financial remedy"),
        text("payment_total", "the total of financial remedies"),
        list("actions", "outstanding actions (6.6)", {text("what", "the action"), text("owner", "who does it"), text("by_when", "the due date")}),
        text("responded_date", "the date of the response"),
        text("escalation_deadline", "stage 1: the last day to ask for stage 2"),
        text("escalation_weeks", "stage 1: the escalation window, e.g. 4 weeks"),
        flag("final", "this is the final response (stage 2)"),
        flag("building_safety", "a high-rise building-safety complaint: name the regulator"),
        text("regulator_name", "the Building Safety Regulator (settings)"),
        text("regulator_contact", "how to reach the Building Safety Regulator (settings)"),
        text("contractor_author", "the contractor who wrote this stage 1 response (may be empty)"),
    };
}

std::vector<PlaceholderDoc> refusal_docs() {
    return {
        text("raised", "what the resident raised, in their words"),
        text("received_date", "the day the complaint was received"),
        text("escalation_requested", "refusal to escalate: the day stage 2 was asked for"),
        text("stage1_responded", "refusal to escalate: the date of the stage 1 response"),
        text("ground", "the ground for refusing (settings list)"),
        text("ground_provision", "the Code provision of the ground, e.g. 2.3"),
        text("reasons", "why the ground applies here (2.1)"),
        text("circumstances", "the individual circumstances considered (2.4)"),
        flag("needs_discretion", "the 12-month ground: discretion must be considered (2.3)"),
        text("discretion", "the discretion decision"),
        text("decision_review_body", "the Housing Ombudsman, who can review the decision itself whatever the ground (2.4, 5.11)"),
        flag("body_housing_ombudsman", "the Housing Ombudsman can review this"),
        flag("body_lgsco", "the Local Government and Social Care Ombudsman can review this"),
        text("lgsco_name", "the Local Government and Social Care Ombudsman's name (settings)"),
        text("lgsco_phone", "the Local Government and Social Care Ombudsman's phone number (settings)"),
        text("lgsco_website", "the Local Government and Social Care Ombudsman's website (settings)"),
        text("lgsco_form", "the address of its online complaint form (settings; may be empty)"),
        text("lgsco_address", "its postal address (settings)"),
        flag("body_insurer", "the insurer's claims route applies"),
        flag("body_court", "the matter is for the court"),
        flag("body_other", "another route applies"),
    };
}

std::vector<PlaceholderDoc> service_docs() {
    return {
        text("request", "what the resident asked for, in their words"),
        text("received_date", "the day it was received"),
        flag("feedback", "survey feedback rather than a service request (1.6)"),
        flag("request_done", "the request is complete"),
        text("completed_date", "when it was completed"),
    };
}

std::vector<PlaceholderDoc> hazard_docs() {
    return {
        text("hazard_type", "the kind of hazard, e.g. Damp and mould"),
        text("hazard_location", "where in the home (may be empty)"),
        text("aware_date", "the day the landlord was told"),
        text("investigated_date", "the day the investigation ended"),
        text("findings", "what was found"),
        flag("significant", "a significant hazard was found"),
        flag("emergency", "the investigation confirmed an emergency hazard"),
        flag("reported_emergency", "the hazard was reported as an emergency"),
        flag("under_the_law", "Awaab's Law covered this hazard when it was reported (otherwise the clocks are policy)"),
        flag("no_hazard", "neither a significant nor an emergency hazard was found"),
        text("made_safe_date", "when it was made safe (may be empty)"),
        text("works", "the work to be done"),
        text("safety_work_by", "safety work by this date"),
        text("further_work_start_by", "further work started by this date where possible"),
        text("further_work_latest", "further work started by this date at the latest"),
        flag("accommodation_offered", "alternative accommodation was offered"),
        flag("accommodation_accepted", "the offer was accepted"),
        flag("accommodation_declined", "the offer was declined"),
        flag("accommodation_not_needed", "alternative accommodation is not needed"),
    };
}

bool is_stage_kind(LetterKind k) {
    switch (k) {
        case LetterKind::Ack1: case LetterKind::Ack2: case LetterKind::Extension1: case LetterKind::Extension2:
        case LetterKind::Response1: case LetterKind::Response2: return true;
        default: return false;
    }
}
int stage_of(LetterKind k) {
    return (k == LetterKind::Ack2 || k == LetterKind::Extension2 || k == LetterKind::Response2) ? 2 : 1;
}

void append(std::vector<PlaceholderDoc>& to, std::vector<PlaceholderDoc> more) {
    for (auto& d : more) to.push_back(std::move(d));
}

// ---------------------------------------------------------------------------
// Small words

std::string lower(std::string s) {
    for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return s;
}
bool contains_ci(const std::string& hay, const char* needle) { return lower(hay).find(needle) != std::string::npos; }

std::string trim(const std::string& s) {
    const size_t a = s.find_first_not_of(" \t\r\n");
    if (a == std::string::npos) return "";
    const size_t b = s.find_last_not_of(" \t\r\n");
    return s.substr(a, b - a + 1);
}

std::string quote_short(const std::string& s) {
    std::string t = trim(s);
    if (t.size() > 48) {
        size_t cut = 45;
        while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80) --cut;  // keep UTF-8 whole
        t = t.substr(0, cut) + "...";
    }
    return "\"" + t + "\"";
}

// Postal lines: newlines if the text has them, else commas.
std::vector<std::string> address_lines(const std::string& address) {
    std::vector<std::string> out;
    const char sep = address.find('\n') != std::string::npos ? '\n' : ',';
    size_t start = 0;
    while (start <= address.size()) {
        size_t end = address.find(sep, start);
        if (end == std::string::npos) end = address.size();
        std::string line = trim(address.substr(start, end - start));
        if (!line.empty()) out.push_back(line);
        start = end + 1;
    }
    return out;
}

const char* contact_words(ContactMethod m) {
    switch (m) {
        case ContactMethod::Phone: return "by phone";
        case ContactMethod::Email: return "by email";
        case ContactMethod::Letter: return "by letter";
        case ContactMethod::Text: return "by text message";
        case ContactMethod::InPerson: return "in person";
    }
    return "by phone";
}

const char* decision_key(Decision d) {
    switch (d) {
        case Decision::Undecided: return "undecided";
        case Decision::Upheld: return "upheld";
        case Decision::PartlyUpheld: return "partly_upheld";
        case Decision::NotUpheld: return "not_upheld";
    }
    return "undecided";
}
std::string decision_words(Decision d, const Settings& s) {
    auto it = s.outcome_labels.find(decision_key(d));
    if (it != s.outcome_labels.end() && !it->second.empty()) return it->second;
    switch (d) {
        case Decision::Upheld: return "Upheld";
        case Decision::PartlyUpheld: return "Partly upheld";
        case Decision::NotUpheld: return "Not upheld";
        case Decision::Undecided: break;
    }
    return "Not yet decided";
}

const char* remedy_words(RemedyType t) {
    switch (t) {
        case RemedyType::Apology: return "An apology";
        case RemedyType::AcknowledgeFault: return "Accepting what went wrong";
        case RemedyType::Explanation: return "An explanation";
        case RemedyType::ActOnDelay: return "Action on the delay";
        case RemedyType::ReconsiderDecision: return "Looking again at a decision";
        case RemedyType::AmendRecord: return "Correcting our records";
        case RemedyType::Financial: return "A payment";
        case RemedyType::ChangePolicy: return "Changing how we work";
    }
    return "A remedy";
}

std::string plural_days(int n) { return std::to_string(n) + (n == 1 ? " working day" : " working days"); }

// ---------------------------------------------------------------------------
// One pass over the case: values for the template and checklist items together.

struct Builder {
    LetterKind kind;
    const Case& c;
    const Settings& s;
    const Calendar& cal;
    const LetterOptions& opt;
    std::optional<Date> date;
    LetterContent out;

    Builder(LetterKind k, const Case& cs, const Settings& st, const Calendar& cl, const LetterOptions& o, std::optional<Date> d)
        : kind(k), c(cs), s(st), cal(cl), opt(o), date(d) {}

    std::string ref() const { return c.reference.empty() ? std::string("this case") : "case " + c.reference; }

    void put(const char* name, const std::string& value) { out.fields[name] = V::of(value); }
    void put_gap(const char* name, const std::string& gap) { out.fields[name] = V::missing(gap); }
    // A value, or a visible gap when it is empty; returns whether it was present.
    bool put_or_gap(const char* name, const std::string& value, const std::string& gap) {
        if (trim(value).empty()) { put_gap(name, gap); return false; }
        put(name, value);
        return true;
    }
    void put_flag(const char* name, bool b) { out.fields[name] = V::yes_no(b); }
    void put_list(const char* name, std::vector<TemplateFields> items) { out.fields[name] = V::list(std::move(items)); }
    void put_date(const char* name, std::optional<Date> d, const std::string& gap) {
        if (d) put(name, long_date(*d)); else put_gap(name, gap);
    }
    void check(std::string id, std::string label, bool present, std::string message) {
        out.checklist.push_back({std::move(id), std::move(label), present, std::move(message)});
    }

    bool landlord_contact_known() const { return !s.landlord.phone.empty() || !s.landlord.email.empty(); }
    // "01632 960000 or complaints@example.org": reads after "on" in a sentence.
    static std::string phone_or_email(const std::string& phone, const std::string& email) {
        if (phone.empty()) return email;
        return email.empty() ? phone : phone + " or " + email;
    }
    std::string landlord_contact() const { return phone_or_email(s.landlord.phone, s.landlord.email); }
    // An external body's details (settings) as <prefix>_name, _phone, _website,
    // _form and _address; name, phone and website leave a visible gap when missing.
    void put_body(const std::string& prefix, const Ombudsman& o, const std::string& whose) {
        put_or_gap((prefix + "_name").c_str(), o.name, "[" + whose + " name missing from settings]");
        put_or_gap((prefix + "_phone").c_str(), o.phone, "[" + whose + " phone number missing from settings]");
        put_or_gap((prefix + "_website").c_str(), o.website, "[" + whose + " website missing from settings]");
        put((prefix + "_form").c_str(), o.online_form);
        put((prefix + "_address").c_str(), o.address);
    }
    static bool body_known(const Ombudsman& o) {
        return !o.phone.empty() && (!o.website.empty() || !o.online_form.empty() || !o.address.empty());
    }
    bool ombudsman_known() const { return body_known(s.ombudsman); }

    // ---- parts every letter has
    void common() {
        const Landlord& L = s.landlord;
        // A device not set up says so rather than print an invented or empty name.
        const std::string org = trim(L.name).empty() ? std::string(kOrganisationNotSet) : L.name;
        put_or_gap("landlord_name", L.name, kOrganisationNotSet);
        put("landlord_address", L.address);
        put("landlord_phone", L.phone);
        put("landlord_email", L.email);
        put("landlord_website", L.website);
        put("complaints_team", L.complaints_team);
        put_or_gap("reference", c.reference, "[case reference not recorded]");
        put_date("letter_date", date, "[date of letter needed]");

        std::string name = c.resident.name;
        if (trim(name).empty() && c.resident.group_of_residents && !c.resident.group_description.empty())
            name = "Residents of " + c.resident.group_description;
        const bool named = put_or_gap("resident_name", name, "[resident's name not recorded]");

        std::string category;
        for (const Category& cat : s.categories)
            if (cat.id == c.category_id) category = cat.label;
        put("category", category);

        // Sign-off: first line is the closing, the rest the signature.
        std::string signoff = trim(L.letter_signoff);
        const size_t nl = signoff.find('\n');
        std::string closing = nl == std::string::npos ? signoff : trim(signoff.substr(0, nl));
        std::string signature = nl == std::string::npos ? "" : trim(signoff.substr(nl + 1));
        if (closing.empty()) closing = "Yours sincerely,";
        if (signature.empty()) signature = L.complaints_team.empty() ? org : L.complaints_team + ", " + org;
        put("closing", closing);
        put("signature", signature);
        put("signer", "");

        put_body("ombudsman", s.ombudsman, "Ombudsman's");
        put_flag("easy_read", false);
        put_flag("large_print", false);

        // The addressee and the page frame.
        const bool has_post = !trim(c.resident.address).empty();
        const bool has_email = !trim(c.resident.email).empty();
        std::string missing;
        if (!named) missing = "the resident's name is not recorded — add it to the case";
        else if (!has_post && !has_email) missing = "no postal address or email recorded — add one to send the letter";
        check("addressee", "addressee", missing.empty(),
              missing.empty() ? name + (has_post ? ", by post" : ", by email") : missing);

        LetterFrame& fr = out.frame;
        fr.letterhead.push_back(org);
        for (const std::string& line : address_lines(L.address)) fr.letterhead.push_back(line);
        if (!L.phone.empty()) fr.letterhead.push_back("Phone " + L.phone);
        if (!L.email.empty()) fr.letterhead.push_back(L.email);
        if (!L.website.empty()) fr.letterhead.push_back(L.website);

        fr.recipient.push_back(named ? mark_value(name) : mark_gap("[resident's name not recorded]"));
        if (has_post) {
            for (const std::string& line : address_lines(c.resident.address)) fr.recipient.push_back(mark_value(line));
            if (!c.resident.postcode.empty() && !contains_ci(c.resident.address, lower(c.resident.postcode).c_str()))
                fr.recipient.push_back(mark_value(c.resident.postcode));
        } else if (has_email) {
            fr.recipient.push_back(mark_value("By email: " + c.resident.email));
        } else {
            fr.recipient.push_back(mark_gap("[address not recorded]"));
        }
        fr.references.push_back({"Date", date ? mark_value(long_date(*date)) : mark_gap("[date of letter needed]")});
        fr.references.push_back({"Our reference", c.reference.empty() ? mark_gap("[case reference not recorded]") : mark_value(c.reference)});

        const Representative& rep = c.representative;
        const bool implied = rep.kind == RepresentativeKind::Councillor || rep.kind == RepresentativeKind::MP;  // 3.6
        if (rep.kind != RepresentativeKind::None && !rep.name.empty() && (rep.consent_given || implied))
            fr.copy_to = rep.name;

        for (const ReasonableAdjustment& a : c.adjustments) {
            if (contains_ci(a.description, "large print")) out.large_print_wanted = true;
            if (contains_ci(a.description, "easy read") || contains_ci(a.description, "easy-read")) out.easy_read_wanted = true;
        }
    }

    void ombudsman_check(const char* provision) {
        check("ombudsman", std::string("Housing Ombudsman's contact details (") + provision + ")", ombudsman_known(),
              ombudsman_known() ? s.ombudsman.phone + (s.ombudsman.website.empty() ? "" : ", " + s.ombudsman.website)
                                : "the Ombudsman's phone and website or address are missing from settings — fill them in under Settings");
    }

    void handler(const std::string& person) {
        const bool named = put_or_gap("handler_name", person, "[handler not assigned]");
        std::string contact;
        if (const StaffMember* m = named ? find_staff(s, person) : nullptr) contact = phone_or_email(m->phone, m->email);
        if (contact.empty()) contact = landlord_contact();
        const bool reachable = put_or_gap("handler_contact", contact, "[handler's contact details missing]");
        std::string msg;
        if (!named) msg = "no handler assigned — assign an investigator to the stage";
        else if (!reachable) msg = "no phone or email for " + person + " or the landlord — add them in Settings";
        else msg = person + ", " + contact;
        check("handler", "handler's contact details", named && reachable, msg);
    }

    // ---- letters about a stage
    const Stage* stage = nullptr;
    Case shadow;  // the case with this letter's date filled in where the clocks need it

    Status find_stage() {
        if (c.kind != CaseKind::Complaint)
            return Error{ref(), std::string("this record is not a complaint, so it has no ") + letter_kind_title(kind) +
                                    " — convert it to a complaint first (1.5)"};
        const int n = stage_of(kind);
        const int i = stage_index(c, n);
        if (i < 0)
            return Error{ref(), n == 2 ? "there is no stage 2 — record the resident's escalation request first (6.11)"
                                       : "there is no stage 1 on this case"};
        stage = &c.stages[static_cast<size_t>(i)];
        shadow = c;
        return Status::ok();
    }

    void stage_common() {
        const Stage& st = *stage;
        put("stage", std::to_string(st.number));
        put_flag("stage1", st.number == 1);
        put_flag("stage2", st.number == 2);
        put("opened_date", long_date(st.opened));
        check("a-stage", "a. stage", true, "stage " + std::to_string(st.number));

        const bool defined = put_or_gap("definition", st.definition, "[complaint definition not recorded]");
        // Extension notices need only the reason, the new date and the Ombudsman (6.4, 6.5).
        if (kind != LetterKind::Extension1 && kind != LetterKind::Extension2)
            check("b-definition", "b. complaint definition (5.6)", defined,
              defined ? quote_short(st.definition)
                      : "not recorded — write the landlord's understanding of the complaint for stage " + std::to_string(st.number));

        std::vector<TemplateFields> points;
        int n = 0;
        for (const DefinitionPoint& p : st.points) {
            TemplateFields item;
            item["number"] = V::of(std::to_string(++n));
            item["text"] = trim(p.text).empty() ? V::missing("[point not written]") : V::of(p.text);
            item["decision"] = p.decision == Decision::Undecided ? V::missing("[decision not recorded]") : V::of(decision_words(p.decision, s));
            item["reasons"] = trim(p.reasons).empty() ? V::missing("[reasons not recorded]") : V::of(p.reasons);
            item["upheld"] = V::yes_no(p.decision == Decision::Upheld || p.decision == Decision::PartlyUpheld);
            item["not_upheld"] = V::yes_no(p.decision == Decision::NotUpheld);
            points.push_back(std::move(item));
        }
        put_list("points", std::move(points));

        // 5.7: what is and is not investigated; the points when no aspects are listed.
        std::vector<TemplateFields> investigated, excluded;
        for (const Aspect& a : st.aspects) {
            if (a.in_scope) investigated.push_back({{"text", V::of(a.text)}});
            else excluded.push_back({{"text", V::of(a.text)},
                                     {"reason", trim(a.reason_excluded).empty() ? V::missing("[reason not recorded]") : V::of(a.reason_excluded)}});
        }
        if (investigated.empty())
            for (const DefinitionPoint& p : st.points)
                if (!trim(p.text).empty()) investigated.push_back({{"text", V::of(p.text)}});
        put_list("investigated", std::move(investigated));
        put_list("excluded", std::move(excluded));

        std::string outcome = st.outcome_sought;
        if (trim(outcome).empty() && st.number == 1) outcome = c.outcome_wanted;
        const bool has_outcome = put_or_gap("outcome_sought", outcome, "[outcome sought not recorded]");

        std::vector<TemplateFields> adjustments;
        for (const ReasonableAdjustment& a : c.adjustments)
            if (!trim(a.description).empty()) adjustments.push_back({{"description", V::of(a.description)}});
        const size_t n_adj = adjustments.size();
        put_list("adjustments", std::move(adjustments));

        put_flag("extended", !st.extensions.empty());

        // Kept for the acknowledgement's own checks.
        has_outcome_ = has_outcome;
        n_adjustments_ = n_adj;
    }
    // Who handles the stage and signs; 6.13 at stage 2.
    void stage_people() {
        handler(stage->investigator);
        put("signer", stage->investigator);
        put_flag("new_reviewer", false);
        if (stage->number == 2) stage2_handler_check();
    }
    bool has_outcome_ = false;
    bool has_remedy_to_do_ = false;
    size_t n_adjustments_ = 0;

    void stage2_handler_check() {
        const Stage& st = *stage;
        std::string problem;
        if (!st.investigator.empty())
            if (auto e = handler_problem(c, 2, st.investigator, false)) problem = e->message;
        if (problem.empty() && !st.approver.empty())
            if (auto e = handler_problem(c, 2, st.approver, true)) problem = e->message;
        check("6.13", "stage 2 handled by someone new (6.13)", problem.empty(),
              problem.empty() ? "not the stage 1 investigator or signatory" : problem);
        // The letter promises a new reviewer only when one is assigned and 6.13 holds.
        put_flag("new_reviewer", problem.empty() && !st.investigator.empty());
    }

    Date acknowledged_or(Date fallback) const { return stage->acknowledged ? *stage->acknowledged : fallback; }

    // Response due from the clocks, with `ack` as the acknowledgement date and the
    // extensions [0, n_ext) only.
    Date due_with(Date ack, size_t n_ext) {
        Stage st = *stage;
        st.acknowledged = ack;
        if (st.extensions.size() > n_ext) st.extensions.resize(n_ext);
        shadow.stages[static_cast<size_t>(stage_index(c, stage->number))] = st;
        return response_due(shadow, shadow.stages[static_cast<size_t>(stage_index(c, stage->number))], s, cal);
    }

    void acknowledgement() {
        const Stage& st = *stage;
        const size_t n_investigated = out.fields["investigated"].items.size();
        const size_t n_excluded = out.fields["excluded"].items.size();
        check("investigated", "aspects to be investigated (5.7)", n_investigated > 0,
              n_investigated == 0 ? "none recorded — list the points or aspects that will be investigated"
                                  : std::to_string(n_investigated) + " listed");
        std::string unreasoned;
        for (const Aspect& a : st.aspects)
            if (!a.in_scope && trim(a.reason_excluded).empty() && unreasoned.empty()) unreasoned = a.text;
        check("excluded", "aspects excluded, with reasons (5.7)", unreasoned.empty(),
              !unreasoned.empty() ? "aspect " + quote_short(unreasoned) + " is excluded without a reason — give the reason"
              : n_excluded == 0   ? "none excluded"
                                  : std::to_string(n_excluded) + " excluded, each with a reason");

        check("outcome", "outcome sought", has_outcome_,
              has_outcome_ ? quote_short(out.fields["outcome_sought"].text)
                           : "not recorded — ask the resident what outcome they want and record it");
        check("adjustments", "reasonable adjustments agreed (5.10)", true,
              n_adjustments_ == 0 ? "none recorded; the letter asks the resident to say if they need any"
                                  : std::to_string(n_adjustments_) + " listed");

        put_date("acknowledged_date", date ? std::optional<Date>(acknowledged_or(*date)) : st.acknowledged, "[date of letter needed]");
        std::optional<Date> due;
        if (date || st.acknowledged) due = due_with(acknowledged_or(date ? *date : Date{}), st.extensions.size());
        put_date("response_due", due, "[response date needs the letter date]");
        const char* due_label = st.number == 1 ? "response due date (6.3)" : "response due date (6.14)";
        check("response-due", due_label, due.has_value(),
              due ? long_date(*due) : "give the letter's date: the response date counts from the acknowledgement");

        updates();
        stage_people();
    }

    // 5.9: the interval agreed with the resident, else the policy's default.
    int update_fields() {
        const Stage& st = *stage;
        const bool agreed = st.updates && st.updates->every_working_days > 0;
        const int every = agreed ? st.updates->every_working_days : s.policy.default_update_interval_days;
        put_flag("update_agreed", agreed);
        put("update_method", contact_words(c.resident.preferred_contact));
        if (every > 0) put("update_every", plural_days(every));
        else put_gap("update_every", "[update interval not set]");
        return every;
    }
    void updates() {
        const Stage& st = *stage;
        const int every = update_fields();
        const bool agreed = st.updates && st.updates->every_working_days > 0;
        check("updates", "how the resident is kept informed (5.9)", every > 0,
              agreed       ? "every " + plural_days(every) + ", as agreed on " + short_date(st.updates->agreed_on)
              : every > 0  ? "every " + plural_days(every) + " (the policy's default; none agreed with the resident yet)"
                           : "no interval agreed and no default in Settings — agree how often to update the resident");
    }

    void extension_notice() {
        const Stage& st = *stage;
        int idx = opt.extension_index >= 0 ? opt.extension_index : static_cast<int>(st.extensions.size()) - 1;
        const Extension& e = st.extensions[static_cast<size_t>(idx)];
        const bool reasoned = put_or_gap("extension_reason", e.reason, "[reason for the extension not recorded]");
        check("extension-reason", st.number == 1 ? "reason for the extension (6.4)" : "reason for the extension (6.15)", reasoned,
              reasoned ? quote_short(e.reason) : "not recorded — say why more time is needed");
        put("extension_days", plural_days(e.working_days));

        int total = 0;
        for (int i = 0; i <= idx; ++i) total += st.extensions[static_cast<size_t>(i)].working_days;
        put("total_extension_days", plural_days(total));  // "later than we first said" counts every extension
        put_flag("further_extension", idx > 0);
        // The limit of the Code the case is under (a 2022-Code record keeps its own).
        const int limit = stage_clock(c, st, s, cal).max_extension_days;
        const bool beyond = e.beyond_limit || total > limit;
        put_flag("beyond_limit", beyond);
        if (beyond && trim(e.good_reason).empty()) put_gap("good_reason", "[good reason not recorded]");
        else put("good_reason", e.good_reason);
        const std::string rule = c.code == CodeVersion::Code2022 ? "2022 Code" : st.number == 1 ? "6.4" : "6.15";
        check("within-limit", "within " + plural_days(limit) + ", or a good reason (" + rule + ")",
              !beyond || !trim(e.good_reason).empty(),
              !beyond ? std::to_string(total) + " of " + std::to_string(limit) + " working days"
              : !trim(e.good_reason).empty() ? "beyond the limit, good reason given: " + quote_short(e.good_reason)
                                             : "extends beyond " + std::to_string(limit) + " working days — record the good reason");

        std::optional<Date> before, after;
        if (st.acknowledged) {
            before = due_with(*st.acknowledged, static_cast<size_t>(idx));
            after = due_with(*st.acknowledged, static_cast<size_t>(idx) + 1);
        }
        put_date("previous_due", before, "[stage not acknowledged]");
        put_date("new_due", after, "[new response date unknown: stage not acknowledged]");
        check("new-due", "new response date", after.has_value(),
              after ? long_date(*after) : "the stage has no acknowledgement date, so no new date can be given — record the acknowledgement");
        put_date("acknowledged_date", st.acknowledged, "[stage not acknowledged]");
        put_date("response_due", after, "[new response date unknown: stage not acknowledged]");
        updates();
        stage_people();
        ombudsman_check(st.number == 1 ? "6.5" : "6.16");
    }

    void response() {
        const Stage& st = *stage;
        const char* reasons_rule = st.number == 1 ? "6.7" : "6.18";
        put_date("acknowledged_date", st.acknowledged, "[stage not acknowledged]");
        put_date("response_due", st.acknowledged ? std::optional<Date>(due_with(*st.acknowledged, st.extensions.size())) : std::nullopt,
                 "[stage not acknowledged]");
        update_fields();

        // c. decision: every point decided.
        int upheld = 0, not_upheld = 0, undecided_at = 0, unreasoned_at = 0, n = 0;
        for (const DefinitionPoint& p : st.points) {
            ++n;
            if (p.decision == Decision::Undecided) { if (!undecided_at) undecided_at = n; }
            else if (p.decision == Decision::NotUpheld) ++not_upheld;
            else ++upheld;
            if (trim(p.reasons).empty() && !unreasoned_at) unreasoned_at = n;
        }
        std::string decision_msg;
        if (st.points.empty()) decision_msg = "the definition has no points — record the points and decide each one";
        else if (undecided_at)
            decision_msg = "point " + std::to_string(undecided_at) + " (" + quote_short(st.points[static_cast<size_t>(undecided_at - 1)].text) +
                           ") has no decision — decide every point (" + reasons_rule + ")";
        const bool decided = decision_msg.empty();
        Decision overall = upheld == 0 ? Decision::NotUpheld : not_upheld == 0 ? Decision::Upheld : Decision::PartlyUpheld;
        for (const DefinitionPoint& p : st.points)  // every point partly upheld: the whole is partly upheld
            if (p.decision == Decision::PartlyUpheld && overall == Decision::Upheld) overall = Decision::PartlyUpheld;
        put_flag("has_points", !st.points.empty());
        if (decided) put("decision", decision_words(overall, s));
        else put_gap("decision", "[decision not recorded]");
        check("c-decision", "c. decision", decided, decided ? decision_words(overall, s) : decision_msg);

        // d. reasons for each point.
        std::string reasons_msg;
        if (st.points.empty()) reasons_msg = "no points to give reasons for";
        else if (unreasoned_at)
            reasons_msg = "point " + std::to_string(unreasoned_at) + " (" + quote_short(st.points[static_cast<size_t>(unreasoned_at - 1)].text) +
                          ") has no reasons — give reasons citing policy, law or good practice (" + reasons_rule + ")";
        check("d-reasons", std::string("d. reasons for each point (") + reasons_rule + ")", reasons_msg.empty(),
              reasons_msg.empty() ? "given for all " + std::to_string(n) + " points" : reasons_msg);

        // e. remedy: what, how much, by when (7.3).
        std::vector<TemplateFields> remedies;
        Money total;
        bool any_payment = false;
        std::string remedy_problem;
        int k = 0;
        for (const Remedy& r : st.remedies) {
            ++k;
            if (r.state == RemedyState::Declined) continue;
            TemplateFields item;
            std::string what = trim(r.description).empty() ? std::string() : r.description;
            item["what"] = what.empty() ? V::missing(std::string("[") + remedy_words(r.type) + ": what will happen not recorded]") : V::of(what);
            const bool pay = r.type == RemedyType::Financial;
            item["is_payment"] = V::yes_no(pay);
            if (pay && r.amount.pence > 0) { item["payment"] = V::of(format_money(r.amount)); total += r.amount; any_payment = true; }
            else if (pay) item["payment"] = V::missing("[amount not recorded]");
            else item["payment"] = V::of("none");
            item["done"] = V::yes_no(r.completed.has_value());
            if (r.completed) item["by_when"] = V::of("done on " + long_date(*r.completed));
            else if (r.due) item["by_when"] = V::of(long_date(*r.due));
            else item["by_when"] = V::missing("[date not set]");
            if (remedy_problem.empty()) {
                if (what.empty()) remedy_problem = "remedy " + std::to_string(k) + " does not say what will happen — describe it in plain words (7.3)";
                else if (pay && r.amount.pence <= 0) remedy_problem = "remedy " + std::to_string(k) + " is a payment with no amount — record the sum";
                else if (!r.due && !r.completed) remedy_problem = "remedy " + std::to_string(k) + " (" + quote_short(what) + ") has no date — say by when it will happen (7.3)";
            }
            remedies.push_back(std::move(item));
        }
        const bool expected = upheld > 0;
        bool remedy_ok = remedy_problem.empty();
        std::string remedy_msg = remedy_problem;
        if (remedies.empty()) {
            if (expected) {
                remedy_ok = false;
                remedy_msg = "none recorded although " + std::to_string(upheld) + (upheld == 1 ? " point is" : " points are") +
                             " upheld — record the remedy offered (7.1), or confirm no remedy is offered by recording an explanation";
                put_gap("remedy_gap", "[remedy not recorded — confirm no remedy is offered]");
            } else {
                put("remedy_gap", "");
                if (remedy_ok) remedy_msg = decided ? "none: no point upheld" : "none recorded";
            }
        } else {
            put("remedy_gap", "");
            if (remedy_ok) remedy_msg = std::to_string(remedies.size()) + (remedies.size() == 1 ? " remedy" : " remedies") +
                                        (any_payment ? ", payments " + format_money(total) : "");
        }
        bool remedy_to_do = false;
        for (const Remedy& r : st.remedies)
            remedy_to_do = remedy_to_do || (!r.completed && r.state != RemedyState::Completed && r.state != RemedyState::Declined);
        put_flag("remedies_outstanding", remedy_to_do);
        has_remedy_to_do_ = remedy_to_do;
        put_flag("has_remedies", !remedies.empty());
        put_list("remedies", std::move(remedies));
        put_flag("has_payment", any_payment);
        put("payment_total", any_payment ? format_money(total) : "");
        check("e-remedy", "e. remedy, with what happens by when (7.3)", remedy_ok, remedy_msg);

        // f. outstanding actions (6.6).
        std::vector<TemplateFields> actions;
        std::string action_problem;
        k = 0;
        for (const OutstandingAction& a : st.actions) {
            ++k;
            if (a.completed) continue;
            if (trim(a.description).empty() && action_problem.empty())
                action_problem = "action " + std::to_string(k) + " has no description — say what will be done";
            actions.push_back({{"what", trim(a.description).empty() ? V::missing("[action not described]") : V::of(a.description)},
                               {"owner", V::of(a.owner)},
                               {"by_when", V::of(long_date(a.due))}});
        }
        check("f-actions", "f. outstanding actions (6.6)", action_problem.empty(),
              !action_problem.empty() ? action_problem
              : actions.empty()       ? "none outstanding"
                                      : std::to_string(actions.size()) + " outstanding, each with a date");
        put_flag("has_actions", !actions.empty());
        put_flag("nothing_outstanding", actions.empty() && !has_remedy_to_do_);
        put_list("actions", std::move(actions));

        put("summary", st.response_summary);
        std::optional<Date> responded = st.responded ? st.responded : date;
        put_date("responded_date", responded, "[date of letter needed]");
        put("regulator_name", s.building_safety_regulator);
        put("regulator_contact", s.building_safety_regulator_contact);
        put("contractor_author", st.number == 1 ? st.contractor_author : std::string());
        put_flag("final", st.number == 2);
        put("escalation_weeks", std::to_string(s.policy.escalation_window_weeks) + (s.policy.escalation_window_weeks == 1 ? " week" : " weeks"));

        // g. how to escalate.
        if (st.number == 1) {
            std::optional<Date> last;
            if (responded) last = escalation_window_end(*responded, s);
            put_date("escalation_deadline", last, "[escalation date needs the letter date]");
            std::string msg;
            if (!last) msg = "give the letter's date: the escalation window counts from the response";
            else if (!landlord_contact_known()) msg = "the landlord's phone and email are missing from Settings — residents need them to ask for stage 2";
            check("g-escalation", "g. how to escalate to stage 2, and by when", msg.empty(),
                  msg.empty() ? "ask by " + long_date(*last) + " (" + std::to_string(s.policy.escalation_window_weeks) + " weeks)" : msg);
            ombudsman_check("3.7");
        } else {
            put("escalation_deadline", "");
            check("g-escalation", "g. how to go to the Housing Ombudsman (6.20)", ombudsman_known(),
                  ombudsman_known() ? s.ombudsman.name + ", " + s.ombudsman.phone
                                    : "the Ombudsman's phone and website or address are missing from Settings");
        }
        const bool bsr = st.number == 2 && c.high_rise_building_safety;
        put_flag("building_safety", bsr);
        if (bsr) {
            const bool named = !trim(s.building_safety_regulator).empty();
            const bool reachable = !trim(s.building_safety_regulator_contact).empty();
            check("regulator", "Building Safety Regulator and how to reach it (high-rise building safety)", named && reachable,
                  !named       ? "no regulator named in Settings — add the Building Safety Regulator"
                  : !reachable ? "no way to reach the " + s.building_safety_regulator + " in Settings — add its website or phone"
                               : s.building_safety_regulator + ", " + s.building_safety_regulator_contact);
        }
        stage_people();
        const std::string signer = !st.approver.empty() ? st.approver : st.investigator;
        put("signer", signer);
    }

    // ---- refusals (2.4, 5.11)
    void refusal() {
        const Refusal& r = *c.refusal;
        const bool raised = put_or_gap("raised", c.own_words, "[what the resident raised not recorded]");
        if (kind == LetterKind::Refusal)  // a refused escalation is about a complaint already answered
            check("raised", "what the resident raised", raised, raised ? quote_short(c.own_words) : "the resident's words are not recorded — add them");
        put("received_date", long_date(c.received));
        const int i2 = stage_index(c, 2), i1 = stage_index(c, 1);
        std::optional<Date> esc = i2 >= 0 ? std::optional<Date>(c.stages[static_cast<size_t>(i2)].opened) : std::nullopt;
        std::optional<Date> r1 = i1 >= 0 ? c.stages[static_cast<size_t>(i1)].responded : std::nullopt;
        put("escalation_requested", esc ? long_date(*esc) : "");
        put("stage1_responded", r1 ? long_date(*r1) : "");

        const RefusalGround* g = find_ground(s, r.ground_id);
        if (g) { put("ground", g->label); put("ground_provision", g->provision); }
        else { put_gap("ground", "[ground not recorded]"); put("ground_provision", ""); }
        check("ground", "ground for refusing (2.2)", g != nullptr,
              g ? g->label : r.ground_id.empty() ? "no ground recorded — choose one from the refusal grounds"
                                                 : "ground \"" + r.ground_id + "\" is not in Settings — choose one from the list");
        const bool reasoned = put_or_gap("reasons", r.reasoning, "[reasons not recorded]");
        check("reasons", "reasons (2.1, 2.4)", reasoned, reasoned ? quote_short(r.reasoning) : "not recorded — explain why the ground applies to this case");
        const bool circ = put_or_gap("circumstances", r.circumstances_considered, "[circumstances considered not recorded]");
        check("circumstances", "individual circumstances considered (2.4)", circ,
              circ ? quote_short(r.circumstances_considered) : "not recorded — say which of the resident's circumstances were considered");

        const bool needs = g && g->needs_discretion;
        put_flag("needs_discretion", needs);
        if (needs) {
            const bool ok = r.discretion_considered && !trim(r.discretion_decision).empty();
            if (ok) put("discretion", r.discretion_decision); else put_gap("discretion", "[discretion decision not recorded]");
            check("discretion", "discretion considered (2.3)", ok,
                  ok ? quote_short(r.discretion_decision) : "the 12-month ground needs a recorded decision on discretion (ill health, safeguarding ...)");
        } else {
            put("discretion", r.discretion_decision);
        }

        const ReviewBody body = g ? g->body : ReviewBody::HousingOmbudsman;
        put_flag("body_housing_ombudsman", g && body == ReviewBody::HousingOmbudsman);
        put_flag("body_lgsco", g && body == ReviewBody::LocalGovernmentOmbudsman);
        const Ombudsman& lgsco = s.local_government_ombudsman;
        put_body("lgsco", lgsco, "Local Government and Social Care Ombudsman's");
        put_flag("body_insurer", g && body == ReviewBody::Insurer);
        put_flag("body_court", g && body == ReviewBody::Court);
        put_flag("body_other", g && body == ReviewBody::Other);
        std::string body_msg;
        bool body_ok = g != nullptr;
        if (!g) body_msg = "depends on the ground — choose the ground first";
        else switch (body) {
            case ReviewBody::HousingOmbudsman:
                body_ok = ombudsman_known();
                body_msg = body_ok ? "the Housing Ombudsman, " + s.ombudsman.phone : "the Ombudsman's contact details are missing from Settings";
                break;
            case ReviewBody::LocalGovernmentOmbudsman:
                body_ok = body_known(lgsco);
                body_msg = body_ok ? "the Local Government and Social Care Ombudsman, " + lgsco.phone
                                   : "the Local Government and Social Care Ombudsman's contact details are missing from Settings";
                break;
            case ReviewBody::Insurer: body_msg = "the insurance claims route"; break;
            case ReviewBody::Court: body_msg = "the court dealing with the claim"; break;
            case ReviewBody::Other: body_msg = "the route named in the template"; break;
        }
        check("review-body", "right to ask the right body to review the decision (2.4)", body_ok, body_msg);
        // 2.4, 5.11: whatever the ground, the decision not to accept the complaint (or
        // not to escalate it) can itself be taken to the Housing Ombudsman, even where
        // the substance belongs to another body (the LGSCO, a court, an insurer).
        const char* review_rule = kind == LetterKind::RefuseEscalation ? "5.11" : "2.4";
        put_or_gap("decision_review_body", s.ombudsman.name, "[Ombudsman's name missing from settings]");
        check("decision-review",
              std::string("right to take the decision not to ") + (kind == LetterKind::RefuseEscalation ? "escalate" : "accept") +
                  " the complaint to the Housing Ombudsman (" + review_rule + ")",
              ombudsman_known() && !trim(s.ombudsman.name).empty(),
              ombudsman_known() && !trim(s.ombudsman.name).empty()
                  ? s.ombudsman.name + ", " + s.ombudsman.phone
                  : "the Ombudsman's name, phone and website or address are missing from Settings — fill them in under Settings");
        // Residents may go to the Ombudsman at any time (3.7): every refusal names it.
        ombudsman_check("3.7");
        if (s.policy.refusal_needs_approval)
            check("approved", "approved by the complaints manager (policy)", !trim(r.approved_by).empty(),
                  trim(r.approved_by).empty() ? "not approved yet — the policy needs the complaints manager's approval" : r.approved_by);
        put("signer", r.approved_by);
    }

    // ---- service requests and feedback (1.5, 1.6)
    void service_request() {
        const bool asked = put_or_gap("request", c.own_words, "[request not recorded]");
        check("request", "what was asked for", asked, asked ? quote_short(c.own_words) : "the resident's words are not recorded — add them");
        put("received_date", long_date(c.received));
        put_flag("feedback", c.kind == CaseKind::SurveyFeedback);
        put_flag("request_done", c.service_request_completed.has_value());
        put("completed_date", c.service_request_completed ? long_date(*c.service_request_completed) : "");
        how_to_complain("1.5, 1.6");
        ombudsman_check("3.7");
    }

    void how_to_complain(const char* provision) {
        check("how-to-complain", std::string("how to complain (") + provision + ")", landlord_contact_known(),
              landlord_contact_known() ? landlord_contact() : "the landlord's phone and email are missing from Settings — add them");
    }

    // ---- Awaab's Law written summary
    const HazardRecord* hazard = nullptr;
    Status find_hazard() {
        if (c.hazards.empty()) return Error{ref(), "no hazard is recorded on this case — record the hazard first"};
        if (!opt.hazard_id.empty()) {
            for (const HazardRecord& h : c.hazards)
                if (h.id == opt.hazard_id) hazard = &h;
            if (!hazard) return Error{ref(), "no hazard with id \"" + opt.hazard_id + "\" on this case"};
            return Status::ok();
        }
        for (const HazardRecord& h : c.hazards)
            if (h.investigated) hazard = &h;  // the latest investigated
        if (!hazard) hazard = &c.hazards.back();
        return Status::ok();
    }

    void hazard_summary() {
        const HazardRecord& h = *hazard;
        const HazardTimescales& t = s.hazard_timescales;
        std::string type = h.type_id;
        for (const HazardType& ht : s.hazard_types)
            if (ht.id == h.type_id) type = ht.label;
        put_or_gap("hazard_type", type, "[kind of hazard not recorded]");
        put("hazard_location", h.location);
        put("aware_date", long_date(h.aware.date));
        put_date("investigated_date", h.investigated, "[investigation not finished]");
        // The Regulations' clocks, counted from the end of the investigation.
        auto step = [&](const char* name) -> std::optional<Date> {
            if (!h.investigated) return std::nullopt;
            for (const HazardStep& st : hazard_steps(h.aware, h.emergency ? HazardKind::Emergency : HazardKind::Significant, t, cal, h.investigated))
                if (st.name == name) return st.due;
            return std::nullopt;
        };
        const std::optional<Date> summary_due = step("summary");
        check("investigated", "investigation finished", h.investigated.has_value(),
              h.investigated ? "on " + short_date(*h.investigated) + (summary_due ? "; summary due by " + short_date(*summary_due) : std::string())
                             : "the investigation has no end date — record it before sending the summary");
        const bool found = put_or_gap("findings", h.findings, "[what was found not recorded]");
        check("findings", "what the investigation found", found, found ? quote_short(h.findings) : "not recorded — describe what was found");

        // What the investigation found, not what was reported: an emergency report
        // the investigation did not confirm is no emergency in the letter.
        const bool emergency = h.investigated && h.emergency_found;
        const bool significant = h.investigated && h.significant_found && !emergency;
        put_flag("significant", significant);
        put_flag("emergency", emergency);
        put_flag("no_hazard", h.investigated && !h.significant_found);
        put_flag("reported_emergency", h.emergency);
        put_flag("under_the_law", under_awaabs_law(h, s));  // commencement: "the law" or "our policy"
        check("hazard-found", "whether a significant or emergency hazard was found", h.investigated.has_value(),
              !h.investigated  ? "depends on the investigation — record its end first"
              : emergency      ? "emergency hazard"
              : significant    ? "significant hazard"
              : h.emergency    ? "reported as an emergency; the investigation found no significant or emergency hazard"
                               : "no significant or emergency hazard");
        put("made_safe_date", h.made_safe ? long_date(h.made_safe->date) : "");

        const bool work_needed = h.investigated && h.significant_found;  // includes a confirmed emergency
        const std::optional<Date> safety = step("safety-work"), start = step("further-work-start"), latest = step("further-work-latest");
        put_date("safety_work_by", safety, "[date depends on the investigation]");
        put_date("further_work_start_by", start, "[date depends on the investigation]");
        put_date("further_work_latest", latest, "[date depends on the investigation]");
        const bool works_written = !trim(h.works_planned).empty();
        if (works_written && work_needed) put("works", h.works_planned);
        else if (work_needed) put_gap("works", "[work to be done not recorded]");
        else put("works", "");
        std::string works_msg;
        bool works_ok = true;
        if (work_needed && !works_written) {
            works_ok = false;
            works_msg = "a hazard was found but the work needed is not recorded — add it to the investigation, or record the further works";
        }
        else if (work_needed && !safety) { works_ok = false; works_msg = "the dates depend on the investigation's end — record it"; }
        else if (work_needed) works_msg = "safety work by " + short_date(*safety) + ", further work started by " + short_date(*start);
        else works_msg = "no work needed";
        check("works", "work to be done, and by when", works_ok, works_msg);

        using A = HazardRecord::Accommodation;
        put_flag("accommodation_offered", h.accommodation != A::NotNeeded);
        put_flag("accommodation_accepted", h.accommodation == A::Accepted);
        put_flag("accommodation_declined", h.accommodation == A::Declined);
        put_flag("accommodation_not_needed", h.accommodation == A::NotNeeded);
        check("accommodation", "alternative accommodation offered or not", true,
              h.accommodation == A::NotNeeded ? "not needed" : h.accommodation == A::Offered ? "offered"
              : h.accommodation == A::Accepted ? "offered and accepted" : "offered and declined");
        how_to_complain("1.5");
        ombudsman_check("3.7");
        put("signer", h.investigated_by);
    }
};

std::optional<Date> recorded_date(LetterKind kind, const Case& c, const LetterOptions& opt) {
    auto stage = [&](int n) -> const Stage* {
        const int i = stage_index(c, n);
        return i < 0 ? nullptr : &c.stages[static_cast<size_t>(i)];
    };
    switch (kind) {
        case LetterKind::Ack1: case LetterKind::Ack2:
            if (const Stage* st = stage(stage_of(kind))) return st->acknowledged;
            return std::nullopt;
        case LetterKind::Extension1: case LetterKind::Extension2:
            if (const Stage* st = stage(stage_of(kind)); st && !st->extensions.empty()) {
                const int i = opt.extension_index >= 0 ? opt.extension_index : static_cast<int>(st->extensions.size()) - 1;
                if (i < static_cast<int>(st->extensions.size())) {
                    const Extension& e = st->extensions[static_cast<size_t>(i)];
                    return e.resident_told ? e.resident_told : std::optional<Date>(e.decided_on);
                }
            }
            return std::nullopt;
        case LetterKind::Response1: case LetterKind::Response2:
            if (const Stage* st = stage(stage_of(kind))) return st->responded;
            return std::nullopt;
        case LetterKind::Refusal: case LetterKind::RefuseEscalation:
            if (c.refusal) return c.refusal->explained_on ? c.refusal->explained_on : std::optional<Date>(c.refusal->decided_on);
            return std::nullopt;
        case LetterKind::ServiceRequest:
            return c.logged ? c.logged : std::optional<Date>(c.received);
        case LetterKind::HazardSummary: {
            const HazardRecord* h = nullptr;
            for (const HazardRecord& x : c.hazards)
                if (opt.hazard_id.empty() ? x.investigated.has_value() : x.id == opt.hazard_id) h = &x;
            if (!h && opt.hazard_id.empty() && !c.hazards.empty()) h = &c.hazards.back();
            if (h) return h->summary_sent ? h->summary_sent : h->investigated;
            return std::nullopt;
        }
    }
    return std::nullopt;
}

}  // namespace

Result<LetterContent> letter_content(LetterKind kind, const Case& c, const Settings& s, const Calendar& cal,
                                     const LetterOptions& options) {
    Builder b{kind, c, s, cal, options, options.date ? options.date : recorded_date(kind, c, options)};
    if (b.date) b.out.date = *b.date;

    // Does the case have this letter at all?
    if (is_stage_kind(kind)) {
        if (Status st = b.find_stage(); !st) return st.error();
        if ((kind == LetterKind::Extension1 || kind == LetterKind::Extension2)) {
            const int n = static_cast<int>(b.stage->extensions.size());
            if (n == 0)
                return Error{b.ref(), "stage " + std::to_string(b.stage->number) + " has no extension recorded — record the extension first (6.4, 6.15)"};
            if (options.extension_index >= n)
                return Error{b.ref(), "stage " + std::to_string(b.stage->number) + " has " + std::to_string(n) + " extension(s); there is no number " +
                                          std::to_string(options.extension_index + 1)};
        }
    } else if (kind == LetterKind::Refusal || kind == LetterKind::RefuseEscalation) {
        const bool at_escalation = kind == LetterKind::RefuseEscalation;
        if (!c.refusal || c.refusal->at_escalation != at_escalation)
            return Error{b.ref(), at_escalation ? "no refusal to escalate is recorded — record the decision first (5.11)"
                                                : "no refusal is recorded — record the decision to refuse first (2.1)"};
    } else if (kind == LetterKind::ServiceRequest) {
        if (c.kind != CaseKind::ServiceRequest && c.kind != CaseKind::SurveyFeedback)
            return Error{b.ref(), "this record is not a service request or survey feedback"};
    } else if (kind == LetterKind::HazardSummary) {
        if (Status st = b.find_hazard(); !st) return st.error();
    }

    b.common();
    if (!b.date)
        b.check("date", "letter date", false, "no date recorded for this letter — give the date it is sent");
    switch (kind) {
        case LetterKind::Ack1: case LetterKind::Ack2:
            b.stage_common(); b.acknowledgement(); b.ombudsman_check("3.7"); break;
        case LetterKind::Extension1: case LetterKind::Extension2:
            b.stage_common(); b.extension_notice(); break;
        case LetterKind::Response1: case LetterKind::Response2:
            b.stage_common(); b.response(); break;
        case LetterKind::Refusal: case LetterKind::RefuseEscalation:
            b.refusal(); break;
        case LetterKind::ServiceRequest:
            b.service_request(); break;
        case LetterKind::HazardSummary:
            b.hazard_summary(); break;
    }
    if (is_stage_kind(kind)) b.out.frame.references.push_back({"Stage", mark_value(std::to_string(b.stage->number))});
    // Each kind offers exactly its documented names: drop helpers' strays so a
    // template cannot come to rely on them.
    TemplateFields schema = letter_schema(kind);
    for (auto it = b.out.fields.begin(); it != b.out.fields.end();)
        it = schema.count(it->first) ? std::next(it) : b.out.fields.erase(it);
    return std::move(b.out);
}

std::vector<PlaceholderDoc> letter_placeholders(LetterKind kind) {
    std::vector<PlaceholderDoc> d = common_docs();
    switch (kind) {
        case LetterKind::Ack1: case LetterKind::Ack2: append(d, stage_docs()); break;
        case LetterKind::Extension1: case LetterKind::Extension2: append(d, stage_docs()); append(d, extension_docs()); break;
        case LetterKind::Response1: case LetterKind::Response2: append(d, stage_docs()); append(d, response_docs()); break;
        case LetterKind::Refusal: case LetterKind::RefuseEscalation: append(d, refusal_docs()); break;
        case LetterKind::ServiceRequest: append(d, service_docs()); break;
        case LetterKind::HazardSummary: append(d, hazard_docs()); break;
    }
    return d;
}

TemplateFields letter_schema(LetterKind kind) {
    TemplateFields f;
    for (const PlaceholderDoc& d : letter_placeholders(kind)) {
        if (d.is_list) {
            TemplateFields item;
            for (const PlaceholderDoc& i : d.item_names) item[i.name] = i.is_flag ? V::yes_no(true) : V::of("x");
            f[d.name] = V::list({item});
        } else {
            f[d.name] = d.is_flag ? V::yes_no(true) : V::of("x");
        }
    }
    return f;
}

}  // namespace doorstep
