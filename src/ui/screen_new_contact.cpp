// New contact on a visit: who, their own words, what they want, the choice of a
// formal complaint (1.3), category, needs (5.10, 6.1), the exclusion check
// (section 2) and the key dates to tell the resident. Every field is a draft
// as it is typed (CaseStore drafts), offered back when the screen reopens.
#include "core/rules/deadlines.h"
#include "core/rules/hazards.h"
#include "core/base/ids.h"
#include "core/rules/workflow.h"
#include "storage/case_store.h"
#include "ui/form_problems.h"
#include "ui/screens.h"
#include "ui/semantics.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "ui/wording.h"

#include <nlohmann/json.hpp>

#include "imgui.h"

namespace doorstep::ui {

namespace {

using nlohmann::json;

json to_json(const ContactForm& f) {
    json j;
    j["started_at"] = f.started_at;
    if (f.received) j["received"] = to_iso(*f.received);
    j["resident_name"] = f.resident_name;
    j["address"] = f.address;
    j["postcode"] = f.postcode;
    j["phone"] = f.phone;
    j["email"] = f.email;
    j["preferred_contact"] = f.preferred_contact;
    j["group"] = f.group;
    j["group_description"] = f.group_description;
    j["representative"] = f.representative;
    j["rep_name"] = f.rep_name;
    j["rep_contact"] = f.rep_contact;
    j["consent"] = f.consent;
    j["channel"] = f.channel;
    j["own_words"] = f.own_words;
    j["outcome_wanted"] = f.outcome_wanted;
    j["what"] = f.what;
    j["category"] = f.category;
    j["property"] = f.property;
    j["vulnerability"] = f.vulnerability;
    j["disability"] = f.disability;
    j["staff_safety"] = f.staff_safety;
    j["adjustments"] = {f.adj_large_print, f.adj_easy_read, f.adj_interpreter, f.adj_through_rep, f.adj_more_time, f.adj_in_person};
    j["adj_other"] = f.adj_other;
    j["hazard"] = f.hazard;
    j["hazard_type"] = f.hazard_type;
    j["hazard_emergency"] = f.hazard_emergency;
    j["hazard_location"] = f.hazard_location;
    j["older_than_12_months"] = f.older_than_12_months;
    j["use_discretion"] = f.use_discretion;
    j["discretion_reason"] = f.discretion_reason;
    j["legal_proceedings"] = f.legal_proceedings;
    j["already_considered"] = f.already_considered;
    return j;
}

// Reads what it can: a draft from an older version keeps whatever fields still fit.
ContactForm from_json(const std::string& key, const std::string& text) {
    ContactForm f;
    f.draft_key = key;
    json j = json::parse(text, nullptr, false);
    if (!j.is_object()) return f;
    auto str = [&](const char* k, std::string& out) {
        if (j.contains(k) && j[k].is_string()) out = j[k].get<std::string>();
    };
    auto num = [&](const char* k, int& out) {
        if (j.contains(k) && j[k].is_number_integer()) out = j[k].get<int>();
    };
    auto flag = [&](const char* k, bool& out) {
        if (j.contains(k) && j[k].is_boolean()) out = j[k].get<bool>();
    };
    str("started_at", f.started_at);
    std::string received;
    str("received", received);
    f.received = parse_iso_date(received);
    str("resident_name", f.resident_name);
    str("address", f.address);
    str("postcode", f.postcode);
    str("phone", f.phone);
    str("email", f.email);
    num("preferred_contact", f.preferred_contact);
    flag("group", f.group);
    str("group_description", f.group_description);
    num("representative", f.representative);
    str("rep_name", f.rep_name);
    str("rep_contact", f.rep_contact);
    flag("consent", f.consent);
    num("channel", f.channel);
    str("own_words", f.own_words);
    str("outcome_wanted", f.outcome_wanted);
    num("what", f.what);
    num("category", f.category);
    str("property", f.property);
    str("vulnerability", f.vulnerability);
    str("disability", f.disability);
    str("staff_safety", f.staff_safety);
    if (j.contains("adjustments") && j["adjustments"].is_array() && j["adjustments"].size() == 6) {
        bool* a[] = {&f.adj_large_print, &f.adj_easy_read, &f.adj_interpreter, &f.adj_through_rep, &f.adj_more_time, &f.adj_in_person};
        for (size_t i = 0; i < 6; ++i)
            if (j["adjustments"][i].is_boolean()) *a[i] = j["adjustments"][i].get<bool>();
    }
    str("adj_other", f.adj_other);
    flag("hazard", f.hazard);
    num("hazard_type", f.hazard_type);
    flag("hazard_emergency", f.hazard_emergency);
    str("hazard_location", f.hazard_location);
    num("older_than_12_months", f.older_than_12_months);
    num("use_discretion", f.use_discretion);
    str("discretion_reason", f.discretion_reason);
    num("legal_proceedings", f.legal_proceedings);
    num("already_considered", f.already_considered);
    // Keep enum indices in range whatever the file said.
    auto clamp = [](int& v, int lo, int hi) { v = v < lo ? lo : v > hi ? hi : v; };
    clamp(f.preferred_contact, 0, 4);
    clamp(f.representative, 0, 6);
    clamp(f.channel, 0, 8);
    clamp(f.what, -1, 2);
    for (int* v : {&f.older_than_12_months, &f.use_discretion, &f.legal_proceedings, &f.already_considered}) clamp(*v, -1, 1);
    return f;
}

struct Adjustment {
    bool ContactForm::*flag;
    const char* label;
};
const Adjustment kAdjustments[] = {
    {&ContactForm::adj_large_print, "Large print letters"},
    {&ContactForm::adj_easy_read, "Easy read letters"},
    {&ContactForm::adj_interpreter, "Interpreter or BSL"},
    {&ContactForm::adj_through_rep, "Contact through their representative"},
    {&ContactForm::adj_more_time, "More time to reply"},
    {&ContactForm::adj_in_person, "Meet in person"},
};

NewCase new_case_details(App& app, const ContactForm& f, CaseKind kind, uint32_t counter, const std::string& id) {
    AppState& s = *app.state;
    const Settings& st = data(app).settings;
    NewCase n;
    n.id = id;
    n.counter = counter;
    n.device_code = st.device_code;  // "DS-<year>-<device code>-<counter>": unique across devices
    n.kind = kind;
    n.channel = Channel(f.channel);
    n.received = f.received.value_or(s.today);
    n.logged = s.today < n.received ? n.received : s.today;
    n.resident.name = f.resident_name;
    n.resident.address = f.address;
    n.resident.postcode = f.postcode;
    n.resident.phone = f.phone;
    n.resident.email = f.email;
    n.resident.preferred_contact = ContactMethod(f.preferred_contact);
    n.resident.group_of_residents = f.group;
    n.resident.group_description = f.group_description;
    n.representative.kind = RepresentativeKind(f.representative);
    if (n.representative.kind != RepresentativeKind::None) {
        n.representative.name = f.rep_name;
        n.representative.contact = f.rep_contact;
        n.representative.consent_given = f.consent;
        if (f.consent) n.representative.consent_date = n.received;
    }
    n.own_words = f.own_words;
    n.outcome_wanted = f.outcome_wanted;
    if (f.category >= 0 && f.category < int(st.categories.size())) n.category_id = st.categories[size_t(f.category)].id;
    n.property = f.property.empty() ? f.address : f.property;
    n.vulnerability = f.vulnerability;
    n.staff_safety_warning = f.staff_safety;
    bool any_adjustment = f.adj_large_print || f.adj_easy_read || f.adj_interpreter || f.adj_through_rep || f.adj_more_time ||
                          f.adj_in_person || !f.adj_other.empty();
    n.complexity = (!f.vulnerability.empty() || any_adjustment) ? 2 : 1;  // 6.1 triage
    return n;
}

// The form's fields in the order they are drawn, with the engine's field paths.
const char* const kWhatLabel = "What do they want to make?";
const char* const kConsentLabel = "The resident agrees we can discuss their complaint with this person";
const FieldLabels kContactFields = {
    {"resident.name", "Resident's name"},
    {"representative.name", "Representative's name"},
    {"representative.consent_given", kConsentLabel},
    {"logged", "Date received"},
    {"own_words", "In their own words"},
    {"what", kWhatLabel},
    {"category_id", "Category"},
    {"hazards.observed", "In their own words"},
    {"hazards.type_id", "Type of hazard"},
    {"hazards.emergency", "It is an emergency (an imminent risk to health or safety)"},
    {"hazards.location", "Where in the home"},
    {"adjustments.description", "Other adjustment"},
};

// The form is refused: the problems go to their fields, in the form's order.
void refuse_contact(App& app, std::vector<FormProblem> problems, const std::string& engine_text) {
    auto order = [](const FormProblem& p) {
        for (size_t i = 0; i < kContactFields.size(); ++i)
            if (kContactFields[i].second == p.field) return int(i);
        return int(kContactFields.size());
    };
    std::stable_sort(problems.begin(), problems.end(),
                     [&](const FormProblem& a, const FormProblem& b) { return order(a) < order(b); });
    refuse_form(app.state->contact_problems, std::move(problems), engine_text);
    app.state->last_message = engine_text;
}

void refuse_contact(App& app, const Error& e) {
    refuse_contact(app, {problem_from(e, kContactFields)}, e.text());
}

std::string yes_no(int v) { return v < 0 ? "not answered" : v ? "yes" : "no"; }

// The record of the exclusion check and of the choice offered, kept on the case (2.1, 1.3).
std::string check_note(const ContactForm& f) {
    std::string t = "Doorstep visit record. Formal complaint offered (1.3): the resident chose ";
    t += f.what == 0 ? "a complaint" : f.what == 1 ? "a service request" : "a service request and a complaint";
    t += ". Exclusion check (section 2): issue arose or became known more than 12 months ago: " + yes_no(f.older_than_12_months);
    if (f.older_than_12_months == 1) {
        t += "; discretion to consider it anyway (2.3): " + yes_no(f.use_discretion);
        if (!f.discretion_reason.empty()) t += " (" + f.discretion_reason + ")";
    }
    t += "; legal proceedings started: " + yes_no(f.legal_proceedings);
    t += "; already considered under the complaints policy: " + yes_no(f.already_considered) + ".";
    return t;
}

void log_contact(App& app) {
    AppState& s = *app.state;
    ContactForm& f = s.contact;
    const Dataset& d = data(app);
    if (!s.store) {
        refuse_contact(app, Error{"", "Your cases are not open on this device, so nothing can be saved."});
        return;
    }
    Rng rng(entropy_seed());
    Actor who = actor(app);
    CaseKind first_kind = f.what == 1 || f.what == 2 ? CaseKind::ServiceRequest : CaseKind::Complaint;
    const NewCase details = new_case_details(app, f, first_kind, s.next_counter, new_uuid(rng));
    // Every problem at once, each at its field (the engine's rules, and the choice of 1.3).
    std::vector<FormProblem> problems;
    std::string engine_text;
    if (f.what < 0) {
        problems.push_back({kWhatLabel, "Choose complaint, service request or both: offer the choice of a formal complaint, "
                                        "even if they do not use the word (1.3)."});
        engine_text = "what: no choice between a complaint and a service request (1.3)";
    }
    for (const Error& e : new_case_problems(details, d.settings)) {
        problems.push_back(problem_from(e, kContactFields));
        engine_text += (engine_text.empty() ? "" : "; ") + e.text();
    }
    if (!problems.empty()) {
        refuse_contact(app, std::move(problems), engine_text);
        return;
    }
    auto made = new_case(details, d.settings, who);
    if (!made) {
        refuse_contact(app, made.error());
        return;
    }
    Case first = std::move(made.value());
    std::optional<Case> second;
    if (f.what == 2) {
        auto complaint = convert_service_request_to_complaint(
            first, new_case_details(app, f, CaseKind::Complaint, s.next_counter + 1, new_uuid(rng)), d.settings, who);
        if (!complaint) {
            refuse_contact(app, complaint.error());
            return;
        }
        second = std::move(complaint.value());
    }
    Case& complaint_case = second ? *second : first;
    // Adjustments agreed on the visit, reviewed in six months (5.10).
    Date review = add_months_clamped(s.today, 6);
    for (const Adjustment& a : kAdjustments) {
        if (!(f.*(a.flag))) continue;
        ReasonableAdjustment ra{a.label, f.disability, s.today, review, 0};
        if (Status st = add_adjustment(complaint_case, ra, who); !st) {
            refuse_contact(app, st.error());
            return;
        }
    }
    if (!f.adj_other.empty()) {
        ReasonableAdjustment ra{f.adj_other, f.disability, s.today, review, 0};
        if (Status st = add_adjustment(complaint_case, ra, who); !st) {
            refuse_contact(app, st.error());
            return;
        }
    }
    if (f.hazard) {
        // Awaab's Law: the clock starts now, when the officer is told (day zero).
        HazardReport r;
        r.id = new_uuid(rng);
        if (f.hazard_type >= 0 && f.hazard_type < int(d.settings.hazard_types.size()))
            r.type_id = d.settings.hazard_types[size_t(f.hazard_type)].id;
        r.emergency = f.hazard_emergency;
        r.location = f.hazard_location;
        r.observed = f.own_words;
        r.reported_by = f.resident_name.empty() ? "Resident" : f.resident_name;
        r.aware = parse_iso_local(s.now_local).value_or(LocalDateTime{s.today, 0});
        if (Status st = report_hazard(first, r, d.settings, who); !st) {
            refuse_contact(app, st.error());
            return;
        }
    }
    if (Status st = add_note(complaint_case, s.today, check_note(f), who); !st) {
        refuse_contact(app, st.error());
        return;
    }
    if (Status st = s.store->save_case(first); !st) {
        refuse_contact(app, st.error());
        return;
    }
    if (second) {
        if (Status st = s.store->save_case(*second); !st) {
            refuse_contact(app, st.error());
            return;
        }
    }
    s.next_counter += second ? 2 : 1;
    if (!f.draft_key.empty()) {
        (void)s.store->discard_draft(f.draft_key);
        s.drafts.erase(std::remove(s.drafts.begin(), s.drafts.end(), f.draft_key), s.drafts.end());
    }
    s.generation++;
    refresh_caches(app);
    std::string id = complaint_case.id;
    std::string msg = std::string(kind_label(complaint_case.kind)) + " " + complaint_case.reference + " logged for " +
                      resident_text(complaint_case) + ".";
    if (second) msg += " Service request " + first.reference + " stays open and is linked (1.5).";
    s.logged_case_id = id;
    s.logged_maybe_hazard = !f.hazard && f.category >= 0 && f.category < int(d.settings.categories.size()) &&
                            d.settings.categories[size_t(f.category)].hazard_prompt;
    s.contact = ContactForm{};
    s.contact_problems = FormProblems{};
    open_case(app, id);
    s.back_to = Screen::Cases;
    say_saved(app, msg);
}

void key_dates(App& app, const ContactForm& f) {
    AppState& s = *app.state;
    const Dataset& d = data(app);
    heading("Tell the resident", 2);
    if (f.what < 0) {
        paragraph("Once you choose complaint or service request, the dates to tell the resident show here.", true);
        return;
    }
    if (f.what == 1) {
        paragraph("This is recorded as a service request (1.4): it is not a complaint. If the resident becomes unhappy with "
                  "how it is handled, they can complain and the work carries on (1.5).");
        return;
    }
    // Work the dates out from the engine's clocks on a provisional case.
    NewCase n = new_case_details(app, f, CaseKind::Complaint, 0, "preview");
    if (n.resident.name.empty() && n.resident.group_description.empty()) n.resident.name = "Resident";
    if (n.own_words.empty()) n.own_words = "-";
    n.representative.consent_given = true;
    auto c = new_case(n, d.settings, actor(app));
    if (!c || c->stages.empty()) {
        paragraph("The dates show once the received date is set.", true);
        return;
    }
    Date ack = acknowledge_due(*c, c->stages.front(), d.settings, s.calendar);
    Date resp = response_due(*c, c->stages.front(), d.settings, s.calendar);
    std::string line1 = "You will hear from us by " + long_date(ack) + ".";
    std::string line2 = "You will get our answer by " + long_date(resp) + " at the latest, unless we explain why we need longer.";
    notice(line1 + " " + line2, theme().info_banner, Role::Status, "Key dates");
    paragraph("We acknowledge within " + std::to_string(d.settings.policy.acknowledge_days) +
                  " working days (6.2) and answer within " + std::to_string(d.settings.policy.stage1_response_days) +
                  " working days of that (6.3). You can contact the Housing Ombudsman at any time: " +
                  d.settings.ombudsman.phone + ", " + d.settings.ombudsman.website + ".",
              true);
}

// Discarding is well apart from logging (a slip of the finger must not lose a
// visit's notes) and asks first; "No, keep the form" takes the focus.
void discard_part(App& app) {
    AppState& s = *app.state;
    ContactForm& f = s.contact;
    spacing(narrow_layout() ? 40 : 56);
    separator();
    spacing(8);
    if (!s.contact_discard_asked) {
        ButtonOptions discard;
        discard.width = narrow_layout() ? -1 : 0;
        discard.description = "Asks before deleting what was typed on this form";
        if (button("Discard this form", discard)) {
            s.contact_discard_asked = true;
            s.contact_discard_focus = true;
        }
        return;
    }
    notice("Everything typed on this form will be deleted from this device. This cannot be undone.", theme().warning_banner,
           Role::Alert, "Discard this form?");
    ButtonOptions keep;
    keep.width = narrow_layout() ? -1 : 0;
    keep.style = ButtonStyle::Primary;
    if (button("No, keep the form", keep)) {
        s.contact_discard_asked = false;
        focus_screen();
    }
    if (s.contact_discard_focus) {
        focus_item(last_item_id());
        s.contact_discard_focus = false;
    }
    ButtonOptions yes;
    yes.style = ButtonStyle::Danger;
    yes.width = narrow_layout() ? -1 : 0;
    yes.same_line = !narrow_layout();
    yes.description = "Deletes what was typed on this form";
    if (button("Yes, discard it", yes)) {
        if (s.store && !f.draft_key.empty()) {
            (void)s.store->discard_draft(f.draft_key);
            s.drafts.erase(std::remove(s.drafts.begin(), s.drafts.end(), f.draft_key), s.drafts.end());
        }
        s.contact = ContactForm{};
        s.contact_problems = FormProblems{};
        s.contact_discard_asked = false;
        say(app, "The form was discarded.");
        focus_screen();
    }
}

}  // namespace

std::string contact_draft_title(const ContactForm& f) {
    std::string t = "New contact";
    if (!f.resident_name.empty()) t += ": " + f.resident_name;
    else if (!f.group_description.empty()) t += ": " + f.group_description;
    return t;
}

void save_contact_draft(App& app) {
    AppState& s = *app.state;
    ContactForm& f = s.contact;
    if (!s.store || f.empty()) return;
    if (f.draft_key.empty()) {
        Rng rng(entropy_seed());
        f.draft_key = "contact-" + new_uuid(rng);
        f.started_at = s.now_local;
    }
    Status st = s.store->save_draft(f.draft_key, contact_draft_title(f), to_json(f).dump());
    if (!st) {
        say(app, st.error().text(), true);
        return;
    }
    if (std::find(s.drafts.begin(), s.drafts.end(), f.draft_key) == s.drafts.end()) s.drafts.push_back(f.draft_key);
}

void draw_new_contact(App& app) {
    AppState& s = *app.state;
    const Dataset& d = data(app);
    sem_title("New contact — Doorstep");
    heading("New contact", 1);

    if (!s.load_draft_key.empty() && s.store) {
        if (auto draft = s.store->load_draft(s.load_draft_key)) s.contact = from_json(draft->info.key, draft->body);
        s.load_draft_key.clear();
        s.contact_offered = true;
    }
    // Offer back an unfinished form (a closed tab, a flat battery).
    if (s.contact.empty() && !s.contact_offered && s.store && !s.drafts.empty()) {
        auto list = s.store->list_drafts();
        if (!list.empty()) {
            const DraftInfo& latest = list.front();
            std::string when = latest.saved_at;
            if (auto t = parse_iso_local(latest.saved_at)) when = long_date(t->date);
            notice("Saved " + when + ". Nothing typed is lost.", theme().warning_banner, Role::Status,
                   "You have an unfinished form: " + latest.title);
            if (button("Continue it", ButtonStyle::Primary)) {
                if (auto draft = s.store->load_draft(latest.key)) s.contact = from_json(latest.key, draft->body);
                s.contact_offered = true;
                focus_first_control();
            }
            ButtonOptions o;
            o.same_line = true;
            o.description = "The unfinished form stays under Not finished on Today";
            if (button("Start a new one", o)) s.contact_offered = true;
            return;
        }
    }
    s.contact_offered = true;

    ContactForm& f = s.contact;
    if (!f.received) f.received = s.today;
    bool changed = false;
    form_problems_begin(&s.contact_problems);
    paragraph("Everything you type is kept on this device as you go.", true);

    heading("Who", 2);
    FieldOptions o;
    o.required = true;
    o.hint = "Or tick below if it is about a group of residents";
    o.input = InputPurpose::Name;
    changed |= text_field("Resident's name", f.resident_name, o);
    changed |= checkbox("A group of residents", f.group);
    if (f.group) {
        FieldOptions g;
        g.hint = "For example, everyone in Block C";
        changed |= text_field("Which residents", f.group_description, g);
    }
    changed |= text_field("Address", f.address);
    FieldOptions postcode;
    postcode.input = InputPurpose::Postcode;
    changed |= text_field("Postcode", f.postcode, postcode);
    FieldOptions phone;
    phone.flags = ImGuiInputTextFlags_CharsNoBlank;
    phone.input = InputPurpose::Phone;
    changed |= text_field("Phone", f.phone, phone);
    FieldOptions email = phone;
    email.input = InputPurpose::Email;
    changed |= text_field("Email", f.email, email);
    changed |= radio_choice("How they prefer to be contacted", f.preferred_contact, contact_method_labels());

    changed |= combo("Is someone acting for them?", f.representative, representative_labels(),
                     "A family member, friend, advocate, solicitor, councillor or MP (3.6)");
    if (f.representative != 0) {
        FieldOptions rep;
        rep.input = InputPurpose::Name;
        changed |= text_field("Representative's name", f.rep_name, rep);
        changed |= text_field("Representative's phone or email", f.rep_contact);
        RepresentativeKind rk = RepresentativeKind(f.representative);
        if (rk == RepresentativeKind::Councillor || rk == RepresentativeKind::MP) {
            paragraph("Councillors and MPs act with the resident's implied consent (3.6). The complaints team still confirms "
                      "whether this is an enquiry, a service request or a complaint.",
                      true);
        } else {
            changed |= checkbox("The resident agrees we can discuss their complaint with this person", f.consent,
                                "Permission to discuss (3.6)");
        }
    }
    changed |= combo("How it reached us", f.channel, channel_labels());
    changed |= date_field("Date received", f.received, required_field());

    heading("What happened", 2);
    FieldOptions words;
    words.multiline = true;
    words.lines = 5;
    words.required = true;
    words.hint = "Write down what they say, in their words";
    changed |= text_field("In their own words", f.own_words, words);
    FieldOptions want;
    want.multiline = true;
    want.lines = 3;
    want.hint = "The outcome they are looking for (5.6)";
    changed |= text_field("What they want to happen", f.outcome_wanted, want);

    std::vector<std::string> whats = {"Complaint", "Service request", "Both"};
    changed |= radio_choice("What do they want to make?", f.what, whats,
                            "Offer the choice of a formal complaint, even if they do not use the word (1.3). A service "
                            "request asks us to put something right (1.4).");
    std::vector<std::string> cats;
    for (const Category& c : d.settings.categories) cats.push_back(c.label);
    changed |= combo("Category", f.category, cats);
    if (f.category >= 0 && f.category < int(d.settings.categories.size()) &&
        d.settings.categories[size_t(f.category)].hazard_prompt) {
        notice("Damp and mould and emergency hazards have legal clocks (Awaab's Law) from today. An emergency must be made "
               "safe within 24 hours: tell repairs now.",
               theme().warning_banner, Role::Status, "Could this be a hazard?");
    }
    changed |= checkbox("Report a potential hazard (Awaab's Law)", f.hazard, "Its legal clock starts now");
    if (f.hazard) {
        std::vector<std::string> types;
        for (const HazardType& h : d.settings.hazard_types) types.push_back(h.label);
        changed |= combo("Type of hazard", f.hazard_type, types);
        changed |= checkbox("It is an emergency (an imminent risk to health or safety)", f.hazard_emergency);
        changed |= text_field("Where in the home", f.hazard_location, with_hint("For example, the back bedroom ceiling"));
    }

    heading("Their needs", 2);
    FieldOptions vul;
    vul.multiline = true;
    vul.lines = 2;
    vul.hint = "Anything that makes them vulnerable, shown before anyone contacts them (6.1)";
    changed |= text_field("Vulnerability", f.vulnerability, vul);
    paragraph("Reasonable adjustments agreed (5.10)");
    for (const Adjustment& a : kAdjustments) changed |= checkbox(a.label, f.*(a.flag));
    changed |= text_field("Other adjustment", f.adj_other);
    FieldOptions dis;
    dis.hint = "Only what they chose to tell you";
    changed |= text_field("Disability disclosed", f.disability, dis);
    FieldOptions safety;
    safety.hint = "Shown to every member of staff before a visit";
    changed |= text_field("Staff safety warning", f.staff_safety, safety);

    if (f.what != 1) {
        heading("Can we consider it? (section 2)", 2);
        paragraph("A complaint is accepted unless an exclusion applies, decided case by case (2.5). Answer what you know; the "
                  "complaints team decides.",
                  true);
        std::vector<std::string> yn = {"No", "Yes"};
        changed |= radio_choice("Did it happen, or did they find out, more than 12 months ago?", f.older_than_12_months, yn);
        if (f.older_than_12_months == 1) {
            changed |= radio_choice("Is there a good reason to consider it anyway?", f.use_discretion, yn,
                                    "For example ill health or safeguarding (2.3)");
            FieldOptions why;
            why.hint = "Kept on the case";
            changed |= text_field("Why", f.discretion_reason, why);
        }
        changed |= radio_choice("Have legal proceedings started (a claim filed at court)?", f.legal_proceedings, yn);
        changed |= radio_choice("Has it already been considered under the complaints policy?", f.already_considered, yn);
        bool maybe_excluded = (f.older_than_12_months == 1 && f.use_discretion != 1) || f.legal_proceedings == 1 ||
                              f.already_considered == 1;
        if (maybe_excluded)
            notice("It is still logged, so the complaints team can decide and explain in writing, with the right to go to "
                   "the Ombudsman (2.4).",
                   theme().warning_banner, Role::Status, "This may not be accepted as a complaint");
    }

    key_dates(app, f);

    spacing(8);
    form_problems_end();
    problem_summary(s.contact_problems);
    std::string action = f.what == 1 ? "Log service request" : f.what == 2 ? "Log both" : "Log complaint";
    ButtonOptions save;
    save.style = ButtonStyle::Primary;
    save.width = narrow_layout() ? -1 : 0;
    if (button(action, save)) log_contact(app);
    if (!f.empty()) discard_part(app);
    if (changed) save_contact_draft(app);
}

}  // namespace doorstep::ui
