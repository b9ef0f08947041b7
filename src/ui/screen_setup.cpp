// Setting a device up on its first start: who is using it, the organisation its
// letters come from (name, contact details, where residents read the complaints
// policy), and the staff who handle complaints with their award limits. Until it
// is done Today invites it, and letters say the organisation is not set. Every
// field saves as it is typed, as in Settings; "Finish" checks what letters need.
#include "core/base/money.h"
#include "ui/form_problems.h"
#include "ui/screens.h"
#include "ui/semantics.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "ui/wording.h"

#include "imgui.h"

#include <algorithm>
#include <cctype>

namespace doorstep::ui {

namespace {

const char* const kLandlordName = "Organisation's name";
const char* const kLandlordPhone = "Complaints phone number";
const char* const kLandlordEmail = "Complaints email address";
const char* const kYourName = "Your name";
const char* const kStaffName = "Name of the member of staff";

std::string staff_id(const Settings& s, const std::string& name) {
    std::string base = "staff-";
    for (char c : name) base += std::isalnum(static_cast<unsigned char>(c)) ? char(std::tolower(static_cast<unsigned char>(c))) : '-';
    std::string id = base;
    for (int n = 2; std::any_of(s.staff.begin(), s.staff.end(), [&](const StaffMember& m) { return m.id == id; }); ++n)
        id = base + "-" + std::to_string(n);
    return id;
}

std::string staff_text(const StaffMember& m) {
    std::string t = m.name + ", " + staff_role_label(m.role) + ". Awards up to " + format_money(m.award_limit) +
                    " without approval";
    if (m.may_sign_stage2) t += ". Signs stage 2 responses";
    return t + (is_sample_staff(m) ? " (sample)." : ".");
}

StaffMember* find_own(Settings& s, const std::string& name) {
    for (StaffMember& m : s.staff)
        if (!name.empty() && m.name == name) return &m;
    return nullptr;
}

// The officer's own entry on the staff list, made or brought up to date.
void put_officer_on_staff(App& app, Settings& edit) {
    const SetupState& su = app.state->setup;
    StaffMember* me = find_own(edit, edit.officer_name);
    if (!me) {
        edit.staff.push_back(StaffMember{staff_id(edit, edit.officer_name), edit.officer_name, StaffRole(su.my_role), "", "", "",
                                         StaffRole(su.my_role) == StaffRole::ComplaintsManager ||
                                             StaffRole(su.my_role) == StaffRole::SeniorManager,
                                         Money{su.my_limit_pence}});
        return;
    }
    me->role = StaffRole(su.my_role);
    me->award_limit = Money{su.my_limit_pence};
}

void finish(App& app) {
    AppState& s = *app.state;
    Settings edit = data(app).settings;
    std::vector<FormProblem> problems;
    if (edit.officer_name.empty())
        problems.push_back({kYourName, "Give your name: it goes on the record of every change you make."});
    if (edit.landlord.name.empty())
        problems.push_back({kLandlordName, "Give your organisation's name: every letter comes from it."});
    if (edit.landlord.phone.empty() && edit.landlord.email.empty())
        problems.push_back({kLandlordPhone, "Give a phone number or an email address: residents need one to reply and to "
                                            "ask for stage 2."});
    if (!problems.empty()) {
        std::string words;
        for (const FormProblem& p : problems) words += (words.empty() ? "" : "; ") + p.field + ": " + p.message;
        refuse_form(s.setup.problems, std::move(problems), "setup: " + words);
        s.last_message = s.setup.problems.engine_text;
        return;
    }
    put_officer_on_staff(app, edit);
    save_settings(app, edit);
    s.setup = SetupState{};
    go(app, Screen::Today);
    say(app, "This device is set up for " + edit.landlord.name + ". You can change any of it in Settings.");
}

}  // namespace

bool organisation_fields(Settings& edit) {
    Landlord& l = edit.landlord;
    bool ch = false;
    FieldOptions name = with_hint("As it goes at the top of every letter");
    name.required = true;
    ch |= text_field(kLandlordName, l.name, name);
    FieldOptions addr;
    addr.multiline = true;
    addr.lines = 3;
    addr.input = InputPurpose::Sentences;
    ch |= text_field("Postal address", l.address, addr);
    FieldOptions phone = with_hint("Letters give it for questions and for asking for stage 2");
    phone.input = InputPurpose::Phone;
    ch |= text_field(kLandlordPhone, l.phone, phone);
    FieldOptions email;
    email.input = InputPurpose::Email;
    ch |= text_field(kLandlordEmail, l.email, email);
    FieldOptions web;
    web.input = InputPurpose::Url;
    ch |= text_field("Website", l.website, web);
    FieldOptions policy = with_hint("The web address of the complaints policy residents can read (the Code asks it be published)");
    policy.input = InputPurpose::Url;
    ch |= text_field("Complaints policy", l.complaints_policy, policy);
    ch |= text_field("Complaints team", l.complaints_team, with_hint("The team residents write to, named in letters"));
    FieldOptions signoff = with_hint("The closing and who signs, for example: Yours sincerely, then Complaints Team");
    signoff.multiline = true;
    signoff.lines = 2;
    ch |= text_field("Letter sign-off", l.letter_signoff, signoff);
    return ch;
}

void staff_fields(App& app, Settings& edit) {
    SetupState& su = app.state->setup;
    if (edit.staff.empty()) {
        paragraph("No staff yet. Add the people who handle, sign or approve complaints: they can then be chosen as handler, "
                  "signatory or approver, and their award limits decide when a payment needs approval.",
                  true);
    } else {
        sem_push(Role::List, "Staff", int(edit.staff.size()));
        for (size_t i = 0; i < edit.staff.size(); ++i) {
            const StaffMember& m = edit.staff[i];
            sem_push(Role::ListItem, staff_text(m));
            paragraph(staff_text(m));
            ButtonOptions o;
            o.id = "remove-staff-" + m.id;
            o.description = "Takes " + m.name + " off the staff list";
            const bool remove = button("Remove " + m.name, o);
            sem_pop();
            if (remove) {
                edit.staff.erase(edit.staff.begin() + long(i));
                save_settings(app, edit);
                break;
            }
        }
        sem_pop();
    }
    heading("Add a member of staff", 3);
    form_problems_begin(&su.staff_problems);
    FieldOptions name;
    name.input = InputPurpose::Name;
    text_field(kStaffName, su.staff_name, name);
    combo("Their role", su.staff_role, staff_role_labels());
    money_field("Their award limit", su.staff_limit_pence,
                with_hint("The most they may award without someone else's approval, for example 250.00"));
    checkbox("They may sign stage 2 (final) responses", su.staff_may_sign);
    form_problems_end();
    problem_summary(su.staff_problems);
    if (button("Add to the staff list")) {
        std::string n = su.staff_name;
        while (!n.empty() && std::isspace(static_cast<unsigned char>(n.back()))) n.pop_back();
        if (n.empty()) {
            refuse_form(su.staff_problems, kStaffName, "Give their name.");
        } else if (find_staff(edit, n)) {
            refuse_form(su.staff_problems, kStaffName, n + " is on the staff list already.");
        } else {
            edit.staff.push_back(StaffMember{staff_id(edit, n), n, StaffRole(su.staff_role), "", "", "", su.staff_may_sign,
                                             Money{su.staff_limit_pence}});
            save_settings(app, edit);
            say(app, n + " added to the staff list.");
            su.staff_name.clear();
            su.staff_limit_pence = 0;
            su.staff_may_sign = false;
            su.staff_problems = FormProblems{};
        }
    }
}

void setup_invitation(App& app) {
    const Settings& st = data(app).settings;
    if (organisation_set_up(st)) return;
    notice("Your name, your organisation's name and contact details, and the staff who handle complaints. Letters need "
           "them: until then they say the organisation is not set.",
           theme().info_banner, Role::Status, "Set up this device");
    ButtonOptions o;
    o.style = ButtonStyle::Primary;
    o.id = "setup";
    if (button("Set up this device", o)) go(app, Screen::Setup);
}

void draw_setup(App& app) {
    AppState& s = *app.state;
    sem_title("Set up this device — Doorstep");
    heading("Set up this device", 1);
    paragraph("Set these once: they stay on this device and you can change them in Settings. Every field is saved as you "
              "type.",
              true);
    Settings edit = data(app).settings;
    SetupState& su = s.setup;
    if (!su.loaded) {  // the officer's own entry, when the list has one already
        if (const StaffMember* me = find_staff(edit, edit.officer_name)) {
            su.my_role = int(me->role);
            su.my_limit_pence = me->award_limit.pence;
        }
        su.loaded = true;
    }

    form_problems_begin(&su.problems);
    heading("You", 2);
    FieldOptions you = with_hint("Shown on the record of every change you make");
    you.required = true;
    you.input = InputPurpose::Name;
    bool ch = text_field(kYourName, edit.officer_name, you);
    combo("Your role", su.my_role, staff_role_labels());
    money_field("Your award limit", su.my_limit_pence,
                with_hint("The most you may award without someone else's approval. With £0, every payment you add needs "
                          "an approver."));

    heading("Your organisation", 2);
    ch |= organisation_fields(edit);
    if (ch) save_settings(app, edit);
    form_problems_end();

    heading("Staff who handle complaints", 2);
    staff_fields(app, edit);

    spacing(16);
    problem_summary(su.problems);
    ButtonOptions done;
    done.style = ButtonStyle::Primary;
    done.width = narrow_layout() ? -1 : 0;
    if (button("Finish set-up", done)) finish(app);
    ButtonOptions sample;
    sample.same_line = !narrow_layout();
    sample.width = narrow_layout() ? -1 : 0;
    sample.description = "Invented cases, an invented landlord and staff, removed in one step";
    if (button("Try it with sample data first", sample)) open_dialog(app, DialogKind::RemoveDemo, "", 1);
}

}  // namespace doorstep::ui
