// Settings: this device (officer, theme, text size), the organisation, its staff and
// its policy timescales, categories, closure days, the Ombudsman's details, storage
// status, export and import, and sample data. Every change is saved at once.
#include "core/demo/demo.h"
#include "core/base/ids.h"
#include "core/data/protected_export.h"
#include "core/data/settings_defaults.h"
#include "core/rules/erasure.h"
#include "storage/case_store.h"
#include "ui/form_problems.h"
#include "ui/screens.h"
#include "ui/semantics.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "ui/wording.h"

#include "imgui.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace doorstep::ui {

namespace {

std::string bytes_text(int64_t b) {
    char buf[64];
    if (b >= 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f MB", double(b) / (1024.0 * 1024.0));
    else if (b >= 1024) std::snprintf(buf, sizeof buf, "%.0f KB", double(b) / 1024.0);
    else std::snprintf(buf, sizeof buf, "%lld bytes", (long long)b);
    return buf;
}

void policy_number(App& app, Settings& edit, const char* label, int& value, int lo, int hi, const char* hint) {
    FieldOptions o;
    o.hint = hint;
    if (number_field(label, value, lo, hi, o)) save_settings(app, edit);
}

// Files that could not be read at start-up: what they were and why, each deletable
// once a person has looked (the rest of the data loaded without them).
void set_aside_files(App& app) {
    AppState& s = *app.state;
    AppState::SetAsideList& list = s.set_aside;
    if (list.generation != s.generation) {
        list = AppState::SetAsideList{};
        for (const CaseStore::SetAside& f : s.store->list_set_aside()) {
            list.names.push_back(f.name);
            list.reasons.push_back(f.reason.empty() ? f.name : f.reason);
        }
        list.generation = s.generation;
    }
    if (list.names.empty()) return;
    heading("Files set aside", 3);
    paragraph(std::to_string(list.names.size()) +
                  (list.names.size() == 1 ? " file could not be read when Doorstep started and was set aside"
                                          : " files could not be read when Doorstep started and were set aside") +
                  "; everything else loaded. Export first if "
                  "you want a copy, then delete what you no longer need.",
              true);
    for (size_t i = 0; i < list.names.size(); ++i) {
        paragraph(list.reasons[i], true);
        ButtonOptions del;
        del.description = "Deletes " + list.names[i] + " from this device";
        if (button("Delete " + list.names[i], del)) {
            const std::string name = list.names[i];
            if (Status st = s.store->delete_set_aside(name); !st) {
                say(app, st.error().text(), true);
            } else {
                s.generation++;
                say_saved(app, "Deleted " + name + ", which had been set aside.");
            }
            break;
        }
    }
}

// 21.8: how long closed cases are kept, and the closed cases past it, for a manager
// to review (each opens its case, where a manager can erase it).
void retention_settings(App& app) {
    AppState& s = *app.state;
    Settings edit = data(app).settings;
    heading("Retention", 2);
    policy_number(app, edit, "Keep closed cases for (years)", edit.retention_years, 0, 100,
                  "Your records-retention schedule; 0 for none. Closed cases past it are listed below for review.");
    if (edit.retention_years == 0) return;
    const std::vector<const Case*> due = past_retention(data(app), s.today);
    if (due.empty()) {
        paragraph("No closed case is past its retention period.", true);
        return;
    }
    paragraph(std::to_string(due.size()) + (due.size() == 1 ? " closed case is" : " closed cases are") +
                  " past the retention period. Open each to review it: a complaints manager or senior manager can "
                  "erase it there.",
              true);
    const size_t shown = std::min<size_t>(due.size(), 20);
    sem_push(Role::List, "Closed cases past the retention period", int(due.size()));
    for (size_t i = 0; i < shown; ++i) {
        const Case& c = *due[i];
        ButtonOptions o;
        o.id = "retention-" + c.id;
        o.description = "Opens the case";
        if (button(c.reference + ", closed " + short_date(c.closure->closed_on), o)) {
            open_case(app, c.id);
            break;
        }
    }
    sem_pop();
    if (due.size() > shown) paragraph("and " + std::to_string(due.size() - shown) + " more, oldest first.", true);
}

// 21.6: "Protect the file with a passphrase" and its two fields, above the export buttons.
void export_protection_fields(App& app) {
    if (!app.host.download_protected) return;
    AppState::ExportProtection& p = app.state->export_protection;
    checkbox("Protect the file with a passphrase", p.on,
             "Whoever opens it needs the passphrase: send it separately. Doorstep opens such files on import.");
    if (!p.on) return;
    text_field("Passphrase for the file", p.passphrase, passphrase_options("At least 10 characters. Three random words work well."));
    text_field("Type it again", p.again, passphrase_options("", p.problem));
    if (p.busy) paragraph("Encrypting the export…", true, Role::Status);
}

}  // namespace

void export_file(App& app, bool bundle) {
    AppState& s = *app.state;
    if (!s.store || !app.host.download) {
        say(app, "Export is not available here.", true);
        return;
    }
    // 21.6: protected with a passphrase, the file is sealed before it leaves the page.
    AppState::ExportProtection& protect = s.export_protection;
    const bool protecting = protect.on && app.host.download_protected;
    if (protecting) {
        if (protect.busy) return;
        protect.problem = passphrase_problem(protect.passphrase, protect.again);
        if (!protect.problem.empty()) {
            say(app, protect.problem, true);
            return;
        }
    }
    std::vector<Error> missing;
    const std::string text = bundle ? s.store->export_bundle(&missing) : s.store->export_json();
    const std::string stem = std::string(bundle ? "doorstep-bundle-" : "doorstep-export-") + to_iso(s.today);
    const std::string left_out = missing.empty() ? std::string()
                                                 : " " + std::to_string(missing.size()) +
                                                       " attachment(s) could not be read and were left out.";
    if (!protecting) {
        const std::string name = stem + ".json";
        app.host.download(name, "application/json", text);
        (void)s.store->mark_exported();
        if (bundle)
            say(app, "Export with attachments started: " + name + "." + left_out, !missing.empty());
        else
            say(app, "Export started: " + name + ". Keep it safe: it holds residents' personal data.");
        return;
    }
    const std::string name = stem + ".protected.json";
    protect.busy = true;
    App* self = &app;
    app.host.download_protected(name, text, protect.passphrase, [self, name, left_out](bool ok, const std::string& why) {
        self->state->export_protection.busy = false;
        if (!ok) {
            say(*self, why, true);
            return;
        }
        (void)self->state->store->mark_exported();
        say(*self, "Protected export started: " + name +
                       ". Send the passphrase separately (by phone, never in the same email as the file)." + left_out);
    });
}

void save_settings(App& app, const Settings& edit) {
    AppState& s = *app.state;
    if (!s.store) return;
    Status st = s.store->save_settings(edit);
    if (!st) {
        say(app, st.error().text(), true);
        return;
    }
    s.generation++;  // timescales and calendar change every case's dates
    s.calendar = data(app).settings.calendar();
}

void draw_settings(App& app) {
    AppState& s = *app.state;
    sem_title("Settings — Doorstep");
    heading("Settings", 1);
    Settings edit = data(app).settings;
    const Host& host = app.host;

    heading("This device", 2);
    // With sign-in on, the audit trail names whoever unlocked (sign_in_settings says who).
    if (!host.keys.set_up &&
        text_field("Your name", edit.officer_name, with_hint("Shown on the audit trail of every change you make")))
        save_settings(app, edit);
    std::vector<std::string> themes = {"As this device is set", "Light", "Dark", "High contrast"};
    const char* const theme_ids[] = {"system", "light", "dark", "high-contrast"};
    int theme_index = 0;
    for (int i = 0; i < 4; ++i)
        if (edit.theme == theme_ids[i]) theme_index = i;
    if (radio_choice("Colours", theme_index, themes,
                     "As this device is set: dark when the device is dark, high contrast with Windows High Contrast")) {
        edit.theme = theme_ids[theme_index];
        save_settings(app, edit);
    }
    std::vector<std::string> sizes = {"100%", "125%", "150%", "175%", "200%"};
    int size_index = int(std::lround((std::clamp(edit.text_scale, 1.0f, 2.0f) - 1.0f) / 0.25f));
    if (radio_choice("Text size", size_index, sizes, "Everything reflows: nothing is cut off at 200%")) {
        edit.text_scale = 1.0f + 0.25f * float(size_index);
        save_settings(app, edit);
        s.fonts_dirty = true;
    }

    sign_in_settings(app);
    retention_settings(app);
    edit = data(app).settings;  // the sections may have saved the idle time or the retention period

    heading("Storage on this device", 2);
    const StorageStatus& ss = host.storage;
    std::string kept = !ss.persistent_known ? "The browser has not said whether it will keep Doorstep's data."
                       : ss.persistent_granted ? "The browser will keep Doorstep's data (persistent storage is on)."
                                               : "The browser may clear Doorstep's data when space runs low. Ask it to keep it.";
    paragraph(kept);
    if (ss.usage_bytes >= 0)
        paragraph("Using " + bytes_text(ss.usage_bytes) + (ss.quota_bytes > 0 ? " of " + bytes_text(ss.quota_bytes) + " available" : ""), true);
    paragraph(ss.pending_writes > 0 ? std::to_string(ss.pending_writes) + " change(s) being saved…" : "Every change is saved.", true);
    if (!ss.last_error.empty()) notice(ss.last_error, theme().error, Role::Alert, "Saving failed");
    if (!ss.persistent_granted && host.request_persistence && button("Ask the browser to keep the data")) {
        app.host.request_persistence();
        say(app, "Asked the browser to keep Doorstep's data.");
    }
    if (s.store) {
        const ExportState& es = s.store->export_state();
        std::string last = es.last_exported.empty() ? std::string("Never exported.")
                                                    : "Last exported " + long_date(parse_iso_local(es.last_exported)->date) + ".";
        int n = es.unexported_changes();
        if (n) last += " " + std::to_string(n) + (n == 1 ? " change" : " changes") + " since.";
        paragraph(last, true);
        set_aside_files(app);
    }

    heading("Export and import", 2);
    paragraph("Export gives the complaints team your cases as one file. Import adds an export from another device (merge) "
              "or replaces everything here.",
              true);
    export_protection_fields(app);
    if (button("Export cases", ButtonStyle::Primary)) export_file(app, false);
    ButtonOptions b;
    b.same_line = true;
    b.description = "Includes photos and documents attached to cases";
    if (button("Export with attachments", b)) export_file(app, true);
    if (button("Import a file")) {
        if (app.host.pick_file) {
            App* self = &app;
            app.host.pick_file(".json,application/json", false, [self](const std::string& name, const std::string&, std::string bytes) {
                AppState& st = *self->state;
                open_dialog(*self, DialogKind::ImportFile, "");
                ImportForm& f = st.dialog.form<ImportForm>(st.today);
                f.file_name = name;
                f.text = std::move(bytes);
            });
        } else {
            say(app, "Choosing a file is not available here.", true);
        }
    }

    heading("Sample data", 2);
    bool demo = has_demo(app);
    paragraph(demo ? "Sample cases are on this device, each marked as sample data and kept apart from real cases."
                   : "Load invented cases to try Doorstep or to show it to a tenant panel. They are marked as sample data and "
                     "removed in one step.",
              true);
    if (!demo) {
        if (button("Load sample data")) open_dialog(app, DialogKind::RemoveDemo, "", 1);
    } else {
        ButtonOptions o;
        o.style = ButtonStyle::Danger;
        if (button("Remove sample data", o)) open_dialog(app, DialogKind::RemoveDemo, "", 0);
    }

    heading("Your organisation", 2);
    if (organisation_fields(edit)) save_settings(app, edit);
    FieldOptions homes;
    homes.hint = "For CH01: complaints per 1,000 homes";
    if (number_field("Homes owned", edit.homes_owned, 0, 10000000, homes)) save_settings(app, edit);
    std::vector<std::string> regions = {"England and Wales", "Scotland", "Northern Ireland"};
    int region = int(edit.region);
    if (radio_choice("Bank holidays", region, regions)) {
        edit.region = Region(region);
        save_settings(app, edit);
    }

    heading("Staff", 2);
    staff_fields(app, edit);
    edit = data(app).settings;  // the staff list may have changed

    heading("Policy timescales", 2);
    paragraph("The Code's defaults. Working days unless it says weeks.", true);
    Policy& p = edit.policy;
    policy_number(app, edit, "Acknowledge stage 1 within", p.acknowledge_days, 1, 30, "Working days (6.2)");
    policy_number(app, edit, "Stage 1 response within", p.stage1_response_days, 1, 60, "Working days from the acknowledgement (6.3)");
    policy_number(app, edit, "Stage 1 extension at most", p.stage1_max_extension_days, 0, 60, "Working days without good reason (6.4)");
    policy_number(app, edit, "Acknowledge stage 2 within", p.stage2_acknowledge_days, 1, 30, "Working days (6.11)");
    policy_number(app, edit, "Stage 2 response within", p.stage2_response_days, 1, 60, "Working days from the acknowledgement (6.14)");
    policy_number(app, edit, "Stage 2 extension at most", p.stage2_max_extension_days, 0, 60, "Working days without good reason (6.15)");
    policy_number(app, edit, "Escalation window", p.escalation_window_weeks, 1, 52, "Calendar weeks from the stage 1 response");
    policy_number(app, edit, "Explain a refusal within", p.refusal_explanation_days, 1, 30, "Working days (2.4)");
    policy_number(app, edit, "Tell the resident of an extension", p.extension_notice_days_before, 0, 10, "Working days before the deadline");
    policy_number(app, edit, "Remind me to export after", p.unexported_reminder_days, 1, 90, "Days with changes not exported");

    heading("Closure days", 2);
    paragraph("Days the landlord is closed, on top of the bank holidays.", true);
    for (size_t i = 0; i < edit.closure_days.size(); ++i) {
        const Holiday& h = edit.closure_days[i];
        paragraph(long_date(h.date) + (h.title.empty() ? "" : ": " + h.title));
        ButtonOptions o;
        o.id = "remove-closure-" + std::to_string(i);
        o.same_line = true;
        if (button("Remove", o)) {
            edit.closure_days.erase(edit.closure_days.begin() + long(i));
            save_settings(app, edit);
            break;
        }
    }
    static std::optional<Date> new_day;
    static std::string new_title;
    date_field("Add a closure day", new_day);
    text_field("What it is", new_title);
    if (button("Add closure day") && new_day) {
        edit.closure_days.push_back({*new_day, new_title});
        save_settings(app, edit);
        new_day.reset();
        new_title.clear();
    }

    heading("Categories", 2);
    for (size_t i = 0; i < edit.categories.size(); ++i) {
        paragraph(edit.categories[i].label);
        ButtonOptions o;
        o.id = "remove-cat-" + std::to_string(i);
        o.same_line = true;
        o.description = "Removes the category " + edit.categories[i].label;
        if (button("Remove", o)) {
            edit.categories.erase(edit.categories.begin() + long(i));
            save_settings(app, edit);
            break;
        }
    }
    static std::string new_category;
    text_field("New category", new_category);
    if (button("Add category") && !new_category.empty()) {
        Category c;
        c.label = new_category;
        for (char ch2 : new_category) c.id += (std::isalnum((unsigned char)ch2) ? char(std::tolower((unsigned char)ch2)) : '-');
        edit.categories.push_back(c);
        save_settings(app, edit);
        new_category.clear();
    }

    heading("Housing Ombudsman", 2);
    paragraph("Shown in letters. Keep them up to date: they change.", true);
    bool och = false;
    och |= text_field("Ombudsman phone", edit.ombudsman.phone);
    och |= text_field("Ombudsman website", edit.ombudsman.website);
    och |= text_field("Ombudsman online form", edit.ombudsman.online_form);
    FieldOptions oa;
    oa.multiline = true;
    oa.lines = 3;
    och |= text_field("Ombudsman address", edit.ombudsman.address, oa);
    FieldOptions source_note = oa;
    source_note.hint = "Where these details came from and when they were last checked";
    och |= text_field("Ombudsman details source", edit.ombudsman.source, source_note);

    heading("Local Government and Social Care Ombudsman", 2);
    paragraph("Named in refusals where a statutory review route applies, such as allocations (2.4).", true);
    och |= text_field("LGSCO name", edit.local_government_ombudsman.name);
    och |= text_field("LGSCO phone", edit.local_government_ombudsman.phone);
    och |= text_field("LGSCO website", edit.local_government_ombudsman.website);
    och |= text_field("LGSCO online form", edit.local_government_ombudsman.online_form);
    och |= text_field("LGSCO address", edit.local_government_ombudsman.address, oa);
    och |= text_field("LGSCO details source", edit.local_government_ombudsman.source, source_note);
    if (och) save_settings(app, edit);

    heading("About", 2);
    if (button("Accessibility statement")) go(app, Screen::Accessibility);
}

bool remove_demo_data(App& app, std::string& message) {
    AppState& s = *app.state;
    if (!s.store) {
        message = "Your cases are not open on this device.";
        return false;
    }
    std::vector<std::string> ids;
    for (const Case& c : data(app).cases)
        if (c.demo) ids.push_back(c.id);
    int removed = 0;
    for (const std::string& id : ids) {
        Status st = s.store->remove_case(id);
        if (!st) {
            message = st.error().text() + " " + std::to_string(removed) + " sample cases were removed before this.";
            s.generation++;
            return false;
        }
        ++removed;
    }
    // The sample landlord and staff go with the sample cases.
    Settings settings = data(app).settings;
    remove_sample_organisation(settings);
    if (Status st = s.store->save_settings(settings); !st) {
        message = st.error().text() + " The sample cases were removed; the sample staff are still listed.";
        s.generation++;
        return false;
    }
    s.generation++;
    s.list.generation = 0;
    message = std::to_string(removed) + " sample cases removed, with the sample landlord and staff. Real cases were not touched.";
    return true;
}

bool load_demo_data(App& app, std::string& message) {
    AppState& s = *app.state;
    if (!s.store) {
        message = "Your cases are not open on this device.";
        return false;
    }
    DemoOptions o;
    o.cases = 200;
    o.seed = 2024;
    o.on = s.today;
    o.device = "sample-data";
    auto made = make_demo(o);
    if (!made) {
        message = "Sample data could not be made: " + made.error().text();
        return false;
    }
    // The invented landlord (unless this device has its own) and staff the sample cases name.
    Settings settings = data(app).settings;
    add_sample_organisation(settings);
    if (Status st = s.store->save_settings(settings); !st) {
        message = "Sample data could not be loaded: " + st.error().text();
        return false;
    }
    // The sample photos first, so no saved case ever names bytes that are not here.
    for (const auto& [sha, file] : made->files) {
        if (s.store->has_attachment(sha)) continue;
        auto stored = s.store->add_attachment(file.bytes, file.mime, "sample photo", s.today);
        if (!stored) {
            message = "Sample photos could not be stored: " + stored.error().text() + " No sample cases were loaded.";
            return false;
        }
    }
    int saved = 0;
    for (Case& c : made->dataset.cases) {
        c.demo = true;  // never mixed with real cases
        // A sample reference never collides with a real one on this device.
        if (c.reference.rfind("SAMPLE-", 0) != 0) c.reference = "SAMPLE-" + c.reference;
        Status st = s.store->save_case(c);
        if (!st) {
            message = st.error().text() + " " + std::to_string(saved) + " sample cases were saved before this.";
            s.generation++;
            return false;
        }
        ++saved;
    }
    s.generation++;
    s.list.generation = 0;
    message = std::to_string(saved) + " sample cases loaded, each marked as sample data" +
              (made->files.empty() ? "." : ", with sample photos on the hazards.");
    return true;
}

// Settings forms shown full screen (screen_case_actions.cpp calls this).
void draw_settings_dialog(App& app) {
    AppState& s = *app.state;
    DialogState& dlg = s.dialog;
    if (dlg.kind == DialogKind::ImportFile) {
        ImportForm& f = dlg.form<ImportForm>(s.today);
        paragraph("File: " + f.file_name + " (" + bytes_text(int64_t(f.text.size())) + ")");
        // 21.6: a protected export opens with its passphrase first; then it imports as any other.
        if (is_protected_export(f.text)) {
            paragraph("This file is protected with a passphrase. Whoever sent it will have given it to you separately.");
            text_field("Passphrase for this file", f.passphrase, passphrase_options(""));
            problem_summary(dlg.problems);
            if (f.opening) paragraph("Opening the file…", true, Role::Status);
            const bool enter = !f.passphrase.empty() && enter_pressed();
            if (!f.opening && (button("Open the file", ButtonStyle::Primary) || enter)) {
                if (!app.host.open_protected) {
                    refuse_form(dlg.problems, "", "Protected files cannot be opened here.");
                } else if (f.passphrase.empty()) {
                    refuse_form(dlg.problems, "Passphrase for this file", "Type the file's passphrase.");
                } else {
                    f.opening = true;
                    dlg.problems = FormProblems{};
                    App* self = &app;
                    app.host.open_protected(f.text, f.passphrase, [self](bool ok, const std::string& text) {
                        DialogState& d = self->state->dialog;
                        if (d.kind != DialogKind::ImportFile) return;  // closed meanwhile
                        ImportForm& g = d.form<ImportForm>(self->state->today);
                        if (!g.opening) return;  // another file was picked since
                        g.opening = false;
                        g.passphrase.clear();
                        if (!ok) {
                            refuse_form(d.problems, "Passphrase for this file", text);
                            return;
                        }
                        g.text = text;  // the export inside, from now on imported as usual
                        say(*self, "The file is open: choose how to import it.");
                    });
                }
            }
            return;
        }
        std::vector<std::string> modes = {"Merge with the cases here", "Replace everything here"};
        radio_choice("How to import", f.mode, modes,
                     "Merge keeps both sides and flags conflicts. Replace removes what is here now.");
        problem_summary(dlg.problems);
        if (button("Import", ButtonStyle::Primary)) {
            std::string message;
            bool merge = f.mode == 0;
            bool bundle = f.text.find("\"files\"") != std::string::npos;
            bool ok;
            if (bundle && s.store) {
                auto r = s.store->import_bundle(f.text, merge);
                ok = r.is_ok();
                message = ok ? "Imported " + std::to_string(r->cases_in_file) + " cases and " +
                                   std::to_string(r->attachments_added) + " attachments."
                             : "Nothing was changed. " + r.error().text();
                if (ok) {
                    s.generation++;
                    say_saved(app, message);
                }
            } else {
                ok = app_import_json(app, f.text, merge, message);
            }
            if (ok) close_dialog(app);
            else refuse_form(dlg.problems, "", message);
        }
        return;
    }
    // Sample data: stage 1 loads it, 0 removes it.
    bool load = dlg.stage == 1;
    if (load) {
        paragraph("About 200 invented cases spread over the last year, marked as sample data. Real cases on this device are "
                  "kept and never mixed with them.");
    } else {
        paragraph("Every sample case is removed. Real cases are not touched.");
    }
    problem_summary(dlg.problems);
    ButtonOptions o;
    o.style = load ? ButtonStyle::Primary : ButtonStyle::Danger;
    if (button(load ? "Load sample data" : "Remove sample data", o)) {
        std::string message;
        bool ok = load ? load_demo_data(app, message) : remove_demo_data(app, message);
        if (ok) {
            close_dialog(app);
            say(app, message);
        } else {
            refuse_form(dlg.problems, "", message);
        }
    }
}

}  // namespace doorstep::ui
