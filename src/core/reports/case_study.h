// Anonymised case studies for tenant panels and governing bodies (9.3, 9.5–9.7):
// how one complaint was handled, with no names, addresses, contact details or
// representative details, and no free text that a person has not reviewed.
//
// What the study shows: the kind of record, category, channel and Code; months
// rather than dates; working days taken against the Code's timescales; decisions
// on each point, remedies by type and state, extensions, escalation, the
// Ombudsman's determination (not its reference) and the survey scores. Free
// text from the case (the resident's words, definitions, points, reasons,
// remedy descriptions, notes) appears only as "[not reviewed]". The one
// exception is the case's PanelReview text, checked by a person with
// review_for_panel — and even that passes through redact_personal_details, in
// case it was edited elsewhere or imported.
#pragma once
#include "core/model/case.h"
#include "core/base/result.h"
#include "core/model/settings.h"
#include "core/rules/workflow.h"

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace doorstep {

inline constexpr const char* kNotReviewed = "[not reviewed]";

// ---------------------------------------------------------------------------
// Personal details in free text

// What redaction looks for, about this case:
//  - the resident's name (and each part of it, any case), address (whole, each
//    line or comma part, and the street without its number), postcode, phone and email;
//  - the property on the case; the group description; the representative's
//    name (each part, any case) and contact;
//  - everyone named on the case (handlers, approvers, contributors, contacts,
//    audit, log, hazards, withdrawals): whole names any case, each part when
//    capitalised as a name; staff in the settings: whole names;
//  - anything shaped like an email address, a UK phone number (starting 0, +
//    or "(0", 10 to 13 digits) or a UK postcode, whoever's it is.
struct PersonalDetail {
    std::string what;    // "the resident's name", "a phone number", ...
    std::string found;   // the text matched
};
std::vector<PersonalDetail> personal_details_in(std::string_view text, const Case& c, const Settings& s);

// The text with each detail replaced by "[name removed]", "[address removed]",
// "[postcode removed]", "[phone removed]" or "[email removed]".
std::string redact_personal_details(std::string_view text, const Case& c, const Settings& s);

// Records text reviewed for a panel. The summary and reviewer are required,
// `review.reviewed_on` is not before the case was received, and neither text
// may hold a personal detail (the error says which were found, so the reviewer
// can reword). Replaces any earlier review; audited.
Status review_for_panel(Case& c, PanelReview review, const Settings& s, const Actor& actor);

// ---------------------------------------------------------------------------
// The study

struct StudyFact {
    std::string key;     // stable, for JSON: "received", "acknowledged_after"
    std::string label;   // "Received"
    std::string value;   // "March 2025"
};

struct StudyTable {
    std::string caption;
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

struct StudySection {
    std::string id;       // "overview", "stage1", "ombudsman", ...
    std::string heading;
    std::vector<StudyFact> facts;
    std::vector<StudyTable> tables;
};

struct CaseStudy {
    std::string title;          // "Case study: a damp and mould complaint (2025)"
    std::string landlord;
    bool reviewed = false;      // a panel review exists
    bool sample_data = false;   // a demo case
    std::string summary;        // the reviewed summary (redacted), or "[not reviewed]"
    std::string learning;       // reviewed learning (redacted), "[not reviewed]", or "" when none noted
    std::vector<StudySection> sections;
    std::vector<std::string> notes;  // how it was anonymised
};

CaseStudy build_case_study(const Case& c, const Settings& s);

nlohmann::ordered_json case_study_json(const CaseStudy& study);  // {"schema": "doorstep/case-study/1", ...}
std::string case_study_json_text(const CaseStudy& study);          // two-space indent, trailing newline
// Standalone printable page: lang="en-GB", headings in order, tables with
// captions and header cells, print CSS, no external resources.
std::string case_study_html(const CaseStudy& study);

}  // namespace doorstep
