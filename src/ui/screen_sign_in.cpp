// Sign-in (21.6, 21.7): the lock screen, and Settings' "Sign-in and lock" section.
//
//   1. The lock screen: who you are, your passphrase, Unlock. Draws nothing of a case
//      (it runs before the store is opened, and instead of every screen once locked).
//   2. Settings: turn sign-in on (the first officer's passphrase seals every saved
//      file), add and remove officers, the idle time, "Lock now".
//
// The passphrases go to the platform's keyring (Host::keys) and are cleared from the
// forms as soon as they have been handed over.
#include "ui/app.h"
#include "ui/app_state.h"
#include "ui/screens.h"
#include "ui/semantics.h"
#include "ui/theme.h"
#include "ui/widgets.h"

#include "imgui.h"

#include <algorithm>

namespace doorstep::ui {

namespace {

constexpr size_t kMinPassphrase = 10;  // three random words are longer: the hint says so

void wipe(std::string& secret) {
    std::fill(secret.begin(), secret.end(), '\0');
    secret.clear();
}

// ---------------------------------------------------------------------------
// 1. The lock screen

void try_unlock(App& app) {
    SignIn& si = app.sign_in;
    LockForm& f = si.form;
    const auto& officers = app.host.keys.officers;
    if (f.busy || officers.empty() || !app.host.keys.unlock) return;
    if (f.passphrase.empty()) {
        f.problem = "Type your passphrase, then choose Unlock.";
        sem_announce(f.problem, true);
        return;
    }
    f.chosen = std::clamp(f.chosen, 0, int(officers.size()) - 1);
    const Officer who = officers[size_t(f.chosen)];
    f.busy = true;
    f.problem.clear();
    std::string pass = std::move(f.passphrase);
    wipe(f.passphrase);
    App* self = &app;
    app.host.keys.unlock(who.id, pass, [self, who](UnlockOutcome outcome, const std::string& text) {
        SignIn& s = self->sign_in;
        s.form.busy = false;
        s.form.focus = true;
        switch (outcome) {
            case UnlockOutcome::Unlocked: {
                const bool at_start = !self->state;
                s.locked = false;
                s.officer_id = who.id;
                s.officer_name = who.name;
                s.form.problem.clear();
                if (at_start) {
                    if (self->host.keys.open_store) self->host.keys.open_store();
                } else {
                    say(*self, "Unlocked. Signed in as " + who.name + ".");
                    focus_screen();
                }
                return;
            }
            case UnlockOutcome::WrongPassphrase:
                s.form.problem = text + " Check it and try again.";
                break;
            case UnlockOutcome::MustWait:
                s.form.problem = "Too many wrong passphrases. Wait " + text + " seconds, then try again.";
                break;
            case UnlockOutcome::Failed:
                s.form.problem = text;
                break;
        }
        sem_announce(s.form.problem, true);
    });
    wipe(pass);
}

// ---------------------------------------------------------------------------
// 2. Settings

void enrol(App& app, const std::string& name, bool first) {
    EnrolForm& f = app.sign_in.enrol;
    f.problem = name.empty() ? std::string("Give the officer's name as it should appear on the audit trail.")
                             : passphrase_problem(f.passphrase, f.again);
    if (f.problem.empty() && !first) {
        for (const Officer& o : app.host.keys.officers)
            if (o.name == name) f.problem = name + " can already unlock this device.";
    }
    if (!f.problem.empty()) {
        sem_announce(f.problem, true);
        return;
    }
    f.busy = true;
    std::string pass = std::move(f.passphrase);
    wipe(f.passphrase);
    wipe(f.again);
    App* self = &app;
    app.host.keys.enrol(name, pass, [self, name, first](bool ok, const std::string& text) {
        EnrolForm& e = self->sign_in.enrol;
        e.busy = false;
        if (!ok) {
            e.problem = text;
            say(*self, text, true);
            return;
        }
        e.name.clear();
        if (first) {
            self->sign_in.officer_id = text;
            self->sign_in.officer_name = name;
            say_saved(*self, "Sign-in is on. Every case on this device is being encrypted; from now on " + name +
                                 " unlocks Doorstep with their passphrase.");
        } else {
            say(*self, name + " can now unlock Doorstep on this device with their own passphrase.");
        }
    });
    wipe(pass);
}

}  // namespace

// Why a new passphrase cannot be used, or empty.
std::string passphrase_problem(const std::string& pass, const std::string& again) {
    if (pass.size() < kMinPassphrase)
        return "Choose a passphrase of at least " + std::to_string(kMinPassphrase) +
               " characters: three random words are easy to remember and hard to guess.";
    if (pass != again) return "The two passphrases are not the same: type it again in both fields.";
    return {};
}

FieldOptions passphrase_options(const std::string& hint, const std::string& error) {
    FieldOptions o;
    o.hint = hint;
    o.error = error;
    o.required = true;
    o.input = InputPurpose::Passphrase;
    return o;
}

void app_draw_lock(App& app) {
    SignIn& si = app.sign_in;
    LockForm& f = si.form;
    const auto& officers = app.host.keys.officers;
    sem_begin_frame();
    if (theme_text_scale() <= 0) theme_apply(palette_light(), 1.0f);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, im_vec(theme().page));
    ImGui::Begin("##lock", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::PopStyleColor();
    const float W = vp->Size.x;
    const float width = std::min(W - 32.0f, 520.0f * std::max(1.0f, theme_text_scale()));
    // A column of readable width, centred: fields and text wrap to it.
    ImGui::SetCursorPos(ImVec2(std::max(16.0f, (W - width) / 2), 32));
    ImGui::BeginChild("##lock-column", ImVec2(width, 0), false, ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NavFlattened);
    sem_push(Role::Main, "Doorstep is locked");
    sem_title("Locked — Doorstep");
    heading("Doorstep is locked", 1);
    paragraph("Sign in to see and change cases. Your cases are encrypted on this device.");
    if (officers.empty()) {
        paragraph("No one can unlock this device yet.", true);
    } else {
        std::vector<std::string> names;
        for (const Officer& o : officers) names.push_back(o.name);
        f.chosen = std::clamp(f.chosen, 0, int(names.size()) - 1);
        if (names.size() > 1) {
            radio_choice("Who are you?", f.chosen, names);
        } else {
            paragraph("Signing in as " + names[0] + ".");
        }
        if (f.focus) {
            f.focus = false;
            ImGui::SetKeyboardFocusHere();
        }
        text_field("Passphrase", f.passphrase,
                   passphrase_options("The passphrase you chose when sign-in was set up", f.problem));
        // Enter unlocks, from the field or anywhere on this screen.
        if (!f.passphrase.empty() && enter_pressed()) try_unlock(app);
        if (f.busy) paragraph("Checking your passphrase…", true, Role::Status);
        ButtonOptions b;
        b.style = ButtonStyle::Primary;
        if (button("Unlock", b)) try_unlock(app);
        paragraph("Forgotten your passphrase? Another officer who can sign in here can unlock Doorstep and add you again.",
                  true);
    }
    sem_pop();
    ImGui::EndChild();
    ImGui::End();
    sem_end_frame();
}

void sign_in_settings(App& app) {
    KeyringHost& keys = app.host.keys;
    SignIn& si = app.sign_in;
    EnrolForm& f = si.enrol;
    if (!keys.enrol) return;  // this platform has no keyring
    heading("Sign-in and lock", 2);
    if (!keys.set_up) {
        notice("Cases on this device are not encrypted: anyone who can use this browser can read them. Turn on "
               "sign-in to encrypt them and lock Doorstep when it is left.",
               theme().warning_banner, Role::Status, "Sign-in is off");
        if (f.name.empty()) f.name = data(app).settings.officer_name;
        text_field("Officer's name", f.name, with_hint("Yours, as it appears on the audit trail of every change you make"));
        text_field("Choose a passphrase", f.passphrase,
                   passphrase_options("At least 10 characters. Three random words work well. Nobody can recover it: "
                                      "another officer who can sign in can add you again."));
        text_field("Type the passphrase again", f.again, passphrase_options(""));
        if (!f.problem.empty()) notice(f.problem, theme().error, Role::Alert);
        ButtonOptions b;
        b.style = ButtonStyle::Primary;
        if (!f.busy && button("Turn on sign-in", b)) {
            f.problem.clear();
            enrol(app, f.name, true);
        }
        if (f.busy) paragraph("Setting up sign-in…", true, Role::Status);
        return;
    }
    paragraph("Signed in as " + (si.officer_name.empty() ? std::string("(unknown)") : si.officer_name) +
              ". Cases on this device are encrypted.");
    if (button("Lock now", ButtonStyle::Secondary)) {
        app_lock(app);
        return;
    }
    Settings edit = data(app).settings;
    FieldOptions idle;
    idle.hint = "Doorstep locks after this many minutes without use, and when it was hidden that long (1 to 60)";
    if (number_field("Lock after (minutes)", edit.lock_after_minutes, 1, 60, idle)) save_settings(app, edit);

    heading("Who can unlock this device", 3);
    for (const Officer& o : keys.officers) {
        paragraph(o.name + (o.id == si.officer_id ? " (you)" : ""), false, Role::ListItem);
        if (keys.officers.size() > 1 && o.id != si.officer_id && keys.remove) {
            ButtonOptions rm;
            rm.id = "remove-" + o.id;
            rm.description = o.name + " will no longer be able to unlock Doorstep here";
            if (button("Remove " + o.name, rm)) {
                App* self = &app;
                const std::string name = o.name;
                keys.remove(o.id, [self, name](bool ok, const std::string& text) {
                    say(*self, ok ? name + " can no longer unlock Doorstep on this device." : text, !ok);
                });
                break;
            }
        }
    }
    heading("Add an officer", 3);
    text_field("Officer's name", f.name, with_hint("Each officer unlocks with their own passphrase"));
    text_field("Their passphrase", f.passphrase, passphrase_options("At least 10 characters, chosen by them"));
    text_field("Their passphrase again", f.again, passphrase_options(""));
    if (!f.problem.empty()) notice(f.problem, theme().error, Role::Alert);
    if (!f.busy && button("Add officer", ButtonStyle::Secondary)) {
        f.problem.clear();
        enrol(app, f.name, false);
    }
}

}  // namespace doorstep::ui
