// The app's state in plain structs: the data on this device, the caches the
// screens read every frame, and each screen's own state. Screens are free
// functions over App (screens.h); storage goes through the CaseStore
// (storage/case_store.h), and a case changes only by commit_case.
#pragma once
#include "core/calendar/calendar.h"
#include "core/model/dataset.h"
#include "core/rules/deadlines.h"
#include "core/rules/workflow.h"
#include "ui/app.h"
#include "ui/form_fields.h"
#include "ui/form_problems.h"
#include "ui/widgets.h"

#include "imgui.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace doorstep {
class FileStore;
class CaseStore;
}

namespace doorstep::ui {

enum class Screen : uint8_t {
    Today, Cases, NewContact, Case, Letters, Reports, SelfAssessment, Settings, Accessibility, Menu, Assurance, Setup,
};
const char* screen_title(Screen s);

// ---------------------------------------------------------------------------
// Cases list: filters and the cached filtered index (recomputed only when the
// filter, the data or the day changes — never per frame).

struct CaseFilter {
    std::string search;        // name, reference, address, postcode, own words, definition
    int stage = 0;             // 0 any, 1, 2
    int status = 1;            // 0 all, 1 open, 2 closed
    int category = 0;          // 0 any, else 1 + index in settings.categories
    int handler = 0;           // 0 any, else 1 + index in CaseList::handlers
    int kind = 0;              // 0 any, else 1 + CaseKind
    bool overdue_only = false;
    int sort = 0;              // 0 most urgent, 1 newest, 2 oldest, 3 reference, 4 resident
    bool operator==(const CaseFilter& o) const {
        return search == o.search && stage == o.stage && status == o.status && category == o.category &&
               handler == o.handler && kind == o.kind && overdue_only == o.overdue_only && sort == o.sort;
    }
};

struct CaseList {
    CaseFilter applied;
    uint64_t generation = 0;   // data generation the index was built from
    int32_t day = -1;          // today's serial it was built for
    std::vector<int> rows;     // indices into data.cases
    std::vector<std::string> handlers;  // distinct investigators, sorted
    double build_ms = 0;       // how long the last rebuild took (shown in the tests' measurements)
};

// Today: rows by urgency, rebuilt with the same triggers.
struct TodayLists {
    uint64_t generation = 0;
    int32_t day = -1;
    std::vector<int> overdue, due_today, due_this_week;
    struct Order { int case_index; int order; };
    std::vector<Order> orders;      // Ombudsman orders overdue or due within a week, soonest first
};

// ---------------------------------------------------------------------------
// New contact on a visit: every field is a draft as it is typed.

struct ContactForm {
    std::string draft_key;          // "contact-<uuid>"
    std::string started_at;         // local "YYYY-MM-DDTHH:MM"
    std::optional<Date> received;
    // who
    std::string resident_name, address, postcode, phone, email;
    int preferred_contact = 0;      // ContactMethod
    bool group = false;
    std::string group_description;
    int representative = 0;         // RepresentativeKind
    std::string rep_name, rep_contact;
    bool consent = false;
    int channel = 1;                // Channel::HomeVisit
    // what
    std::string own_words, outcome_wanted;
    int what = -1;                  // 0 complaint, 1 service request, 2 both; -1 not chosen (1.3)
    int category = -1;
    std::string property;
    // needs
    std::string vulnerability, disability, staff_safety;
    bool adj_large_print = false, adj_easy_read = false, adj_interpreter = false, adj_through_rep = false,
         adj_more_time = false, adj_in_person = false;
    std::string adj_other;
    // Awaab's Law: a potential hazard heard of on the visit
    bool hazard = false;
    int hazard_type = 0;            // index into Settings::hazard_types
    bool hazard_emergency = false;
    std::string hazard_location;
    // exclusion check (section 2): -1 unanswered, 0 no, 1 yes
    int older_than_12_months = -1;
    int use_discretion = -1;
    std::string discretion_reason;
    int legal_proceedings = -1;
    int already_considered = -1;

    bool empty() const;
};

// ---------------------------------------------------------------------------
// Case actions open a full-screen form that calls workflow.h.

enum class DialogKind : uint8_t {
    None, Acknowledge, Extend, ExtensionNotice, UpdateInterval, Respond, Escalate, Refuse, RefuseEscalation,
    RefusalExplained, Close, Withdraw, RelatedIssue, AddRemedy, AddAction, AddAdjustment, AddRestriction,
    AddNote, LogContact, EraseCase, RemoveDemo, ImportFile, ResolveConflict, ReportHazard, HazardStep,
    // oversight (screen_case_oversight.cpp)
    OmbudsmanReferral, OmbudsmanDetermination, OmbudsmanOrder, OrderComplied, SurveyOffer, SurveyAnswer,
    RemedyOffer, RemedyAnswer, RemedyDone,
};

struct DialogState {
    DialogKind kind = DialogKind::None;
    std::string case_id;
    int stage = 1;
    FormProblems problems;          // why the form was refused, by field (the engine's words in engine_text)
    ImGuiID return_focus = 0;       // the control that opened it
    bool opened_this_frame = false;
    FormFields fields;              // what the open form holds (form_fields.h)
    // Person fields (a name from the staff list) where "Someone not on the list" was chosen, by label.
    std::unordered_map<std::string, bool> typing_name;

    template <class F>
    F& form(Date today) { return fields_of<F>(fields, today); }
};

// ---------------------------------------------------------------------------

struct LettersState {
    std::string case_id;
    int kind = 0;                   // index into all_letter_kinds()
    std::string search;
};

struct ReportsState {
    int period = 0;                 // 0 this financial year, 1 last, 2 this quarter, 3 custom
    std::optional<Date> from, to;
    bool built = false;
    uint64_t generation = 0;
    int32_t key = -1;
};

struct AssessmentState {
    int section = 6;
    int year = 0;
    std::string id;                 // the assessment shown (empty: the year's own)
    // an extra assessment (8.3)
    bool extra_open = false;
    int extra_kind = 0;
    std::string extra_details;
    // the action or update form, open under one provision
    std::string form_provision;
    int form_action = -1;           // -1: a new action; else the action an update is for
    std::string form_text, form_owner;
    std::optional<Date> form_date;
    int form_status = 0;
    std::string form_error;
    // sign-off
    std::string sign_name[2], sign_statement[2];
    std::optional<Date> sign_on[2];
};

// Assurance: quality checks, case studies for the tenant panel, exceptional non-compliance (8.5).
struct AssuranceState {
    int part = 0;                   // 0 quality checks, 1 case studies, 2 non-compliance
    int month = 1;                  // index into the months offered (0 = this month)
    std::string seed_text;          // the seed shown and used for the draw
    std::string seed_month;         // the month the seed was chosen for
    std::string check_id;           // the check open
    std::vector<int> item_choice;   // per item: 0 passed, 1 failed, 2 not assessed
    std::vector<std::string> item_note;
    std::string deep_dive, checker;
    std::optional<Date> checked_on;
    std::string error;
    // case studies
    std::string study_search, study_case;
    std::string review_summary, review_learning, reviewer;
    // non-compliance: the event being edited ("" none, "new" a new one)
    std::string event_id;
    std::string event_description;
    std::optional<Date> event_started, event_residents, event_ombudsman, event_returns;
};

// Setting a device up (screen_setup.cpp): the officer's own role and award limit
// until set-up finishes, and a member of staff being added.
struct SetupState {
    bool loaded = false;            // the officer's entry read once from the staff list
    int my_role = 0;                // StaffRole
    int64_t my_limit_pence = 0;
    std::string staff_name;
    int staff_role = 1;             // StaffRole::Investigator
    int64_t staff_limit_pence = 0;
    bool staff_may_sign = false;
    FormProblems problems;          // why "Finish" was refused
    FormProblems staff_problems;    // why "Add to the staff list" was refused
};

// Evidence on a case (screen_case_evidence.cpp): photos being prepared and the
// attachment open full size (a modal viewer, like the forms).
struct EvidenceState {
    int preparing = 0;               // photos in the pipeline now
    std::string preparing_name;      // the latest of them, for "Preparing damp.jpg…"
    std::string view_case, view_sha; // the attachment open full size ("" = none)
    std::string caption;             // the viewer's caption field
    uint32_t return_focus = 0;       // the thumbnail that opened it (ImGui id)
    uint32_t focus_back = 0;         // set on close: that thumbnail takes focus when drawn
    bool opened_this_frame = false;
};

struct AppState {
    std::unique_ptr<FileStore> files;
    std::unique_ptr<CaseStore> store;
    bool store_ok = false;
    std::string store_problem;       // why the store could not open, in words

    Dataset empty;                   // what screens read when the store could not open
    Calendar calendar;
    Date today;
    std::string now_local;           // "YYYY-MM-DDTHH:MM"
    uint64_t generation = 1;         // bumps whenever the cases change
    std::vector<CaseStatus> statuses;   // parallel to data(app).cases, for today
    std::vector<std::string> haystacks; // lowercase search text per case
    std::unordered_map<std::string, size_t> index_of;  // case id -> index
    int32_t statuses_day = -1;
    uint64_t statuses_generation = 0;
    uint32_t next_counter = 1;       // for new references on this device

    Screen screen = Screen::Today;
    Screen back_to = Screen::Today;  // where "Back" on a case goes
    bool screen_opened = true;       // the screen changed this frame: focus and scroll reset
    std::string case_id;             // the case open on the Case screen

    CaseFilter filter;
    CaseList list;
    bool focus_cases_search = false;  // Ctrl+F or "/" was pressed: the search takes the focus
    bool show_filters = false;       // the Cases list's filters are shown
    std::string audit_shown_in_full; // the case whose whole audit trail is shown
    TodayLists today_lists;
    ContactForm contact;
    FormProblems contact_problems;   // why "Log complaint" was refused, by field
    bool contact_discard_asked = false;  // "Discard this form?" is showing
    bool contact_discard_focus = false;
    bool contact_offered = false;    // the saved draft was offered back this visit
    // Just logged from New contact: the case offers the next natural step once.
    std::string logged_case_id;
    bool logged_maybe_hazard = false;  // the category asks "Could this be a hazard?" and none was reported
    std::string load_draft_key;      // a draft chosen on Today, loaded by New contact
    std::vector<std::string> drafts; // draft keys on the device
    DialogState dialog;
    LettersState letters;
    ReportsState reports;
    AssessmentState assessment;
    EvidenceState evidence;
    AssuranceState assurance;
    SetupState setup;
    FieldEdits field_edits;          // what is being typed into date, number and money fields
    // Files set aside at start-up (quarantine/) as Settings lists them (21.8),
    // read again whenever the data changes.
    struct SetAsideList {
        std::vector<std::string> names, reasons;
        uint64_t generation = UINT64_MAX;
    } set_aside;
    // Settings' "Protect the file with a passphrase" for exports (21.6).
    struct ExportProtection {
        bool on = false;
        std::string passphrase, again, problem;
        bool busy = false;
    } export_protection;

    std::string last_message;        // for window.doorstep.lastMessage() and the status region
    std::string flash;               // one-line confirmation shown at the top of the screen
    bool flash_is_error = false;
    // The flash confirms a change the platform may still be writing: it says
    // "Saving…" until the platform's queue is empty, then "Saved" (21.3).
    bool flash_awaits_save = false;
    std::vector<Error> open_problems; // files quarantined when the store opened
    float applied_text_scale = 0;
    std::string applied_theme;
    bool fonts_dirty = true;
    double last_frame_time = 0;
};

// ---------------------------------------------------------------------------
// Shared helpers for the screens.

// Everything on the device (CaseStore::data(), or an empty set if it did not open).
const Dataset& data(const App& app);

void go(App& app, Screen screen);
void open_case(App& app, const std::string& id);
int case_index(App& app, const std::string& id);
Actor actor(const App& app);
// Saves a changed case, refreshes the caches and says so (status region).
Status commit_case(App& app, Case& c, const std::string& done_message);
void say(App& app, const std::string& message, bool error = false);
// say() for a change just written to the store: "Saved" is added only once the
// platform reports it stored (Host::storage.pending_writes back to 0, no error).
void say_saved(App& app, const std::string& message);
// Downloads the export file (bundle: with the photos and documents), as Settings does.
void export_file(App& app, bool bundle);
// Rebuilds per-case caches (statuses, search text) when the data or day changed.
void refresh_caches(App& app);
void refresh_case_cache(App& app, size_t index);
void open_dialog(App& app, DialogKind kind, const std::string& case_id, int stage = 1);
void close_dialog(App& app);
// True when the data has sample cases and no real ones (demo mode banner).
bool demo_only(const App& app);
bool has_demo(const App& app);
// Sample data in one step each way; demo cases are flagged demo = true and never mixed with real ones.
bool load_demo_data(App& app, std::string& message);
bool remove_demo_data(App& app, std::string& message);

}  // namespace doorstep::ui
