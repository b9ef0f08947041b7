// Each screen is one function that draws it (and describes it to the semantics
// layer) for this frame. They read and change App through app_state.h helpers.
#pragma once
#include "ui/app_state.h"
#include "ui/widgets.h"

namespace doorstep::ui {

void draw_today(App& app);
void draw_cases(App& app);
void draw_new_contact(App& app);
void draw_case(App& app);
void draw_letters(App& app);
void draw_reports(App& app);
void draw_self_assessment(App& app);
void draw_assurance(App& app);

// Self-assessments, quality checks and non-compliance events kept together (screen_assurance.cpp).
Status save_assurance(App& app, const std::vector<SelfAssessment>& assessments, const std::vector<QualityCheck>& checks,
                      const std::vector<NonComplianceEvent>& events);
void draw_settings(App& app);
// Settings' "Sign-in and lock" section (screen_sign_in.cpp).
void sign_in_settings(App& app);
// A passphrase chosen for sign-in or a protected export (screen_sign_in.cpp): why it
// cannot be used (too short, the two differ), or empty; and its field's options.
std::string passphrase_problem(const std::string& pass, const std::string& again);
FieldOptions passphrase_options(const std::string& hint, const std::string& error = {});
// Saves the settings as edited; every screen's dates follow (screen_settings.cpp).
void save_settings(App& app, const Settings& edit);

// Setting the device up (screen_setup.cpp): the screen, and the parts Settings shares.
void draw_setup(App& app);
// The invitation on Today while the device has no organisation set.
void setup_invitation(App& app);
// The organisation's name, contact details and complaints policy; true when one changed.
bool organisation_fields(Settings& edit);
// The staff who handle complaints, each removable, and a form to add one; saves itself.
void staff_fields(App& app, Settings& edit);
void draw_accessibility(App& app);
void draw_menu(App& app);

// Evidence on a case (screen_case_evidence.cpp): the section with photos and
// documents, a hazard's own photos, and the full-size viewer (drawn instead of
// the screen while open, like a form).
void draw_case_evidence(App& app, const Case& c);
void draw_hazard_evidence(App& app, const Case& c, const HazardRecord& h);
bool evidence_viewer_open(const App& app);
void draw_evidence_viewer(App& app);
// Evidence the browser refused to keep (Host::refused_evidence): taken off its
// cases with an alert naming the file; the cases themselves stay saved.
void handle_refused_evidence(App& app);

// Full-screen forms for case actions (screen_case_actions.cpp).
void draw_dialog(App& app);
// A form was refused: the engine's error shown at the field it is about (`fields`:
// the form's labels by engine field path), announced, and kept for lastMessage().
void refuse_dialog(App& app, const Error& e, const FieldLabels& fields);

// Oversight on a complaint (screen_case_oversight.cpp): remedies from offer to
// paid, satisfaction surveys, the Housing Ombudsman's referral and orders; and
// its forms (title, or null for a kind that is not one of them).
void draw_case_oversight(App& app, const Case& c);
const char* oversight_dialog_title(DialogKind k);
void draw_oversight_form(App& app, const Case& c);
// A financial award split into its parts (statutory payments, quantifiable losses,
// time and trouble, distress and inconvenience): optional money fields, in pence.
void award_parts_fields(int64_t (&pence)[4]);
AwardParts award_parts(const int64_t (&pence)[4]);

// A clipped list of cases (Today and Cases share it): one row per case with
// resident, reference, stage, next action and days left; one tap opens it.
void case_rows(App& app, const std::vector<int>& rows, const char* list_name, float max_height = 0);

// New contact drafts (screen_new_contact.cpp).
void save_contact_draft(App& app);
std::string contact_draft_title(const ContactForm& f);

}  // namespace doorstep::ui
