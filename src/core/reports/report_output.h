// Documents from the report figures and the self-assessment: plain text, CSV,
// JSON and standalone printable HTML (inline SVG charts with text alternatives,
// real tables with headers, lang="en-GB", A4 print CSS, no external resources).
//
// Two report documents:
//  - the annual complaints performance and service improvement report (8.1 a–f);
//  - the governing body / Member Responsible for Complaints pack (9.6, 9.7).
// Tenant-panel versions are the default: no resident details (the figures never
// hold any) and breakdown counts from 1 to 4 shown as "<5". show_all lifts that
// for internal use.
#pragma once
#include "core/reports/reports.h"
#include "core/reports/self_assessment.h"

#include <nlohmann/json_fwd.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep {

enum class ReportDocument { Annual, GoverningBody };
enum class OutputFormat { Text, Json, Csv, Html };
std::optional<OutputFormat> parse_output_format(std::string_view name);       // "text", "json", "csv", "html"
std::optional<ReportDocument> parse_report_document(std::string_view name);   // "annual", "governing-body"

struct OutputOptions {
    ReportDocument document = ReportDocument::Annual;
    bool show_all = false;     // internal use: no suppression of small counts
    int suppress_below = 5;
    // 8.1a: the year's self-assessment, summarised in the annual report (optional).
    const SelfAssessment* assessment = nullptr;
    const std::vector<Provision>* provisions = nullptr;
    // 8.1 e and f: what the Ombudsman published about the landlord, added by the landlord.
    std::string ombudsman_annual_report;
    std::string ombudsman_publications;
};

// A table of a document, shared by every format (and by the app's screens).
struct Table {
    std::string id;       // stable: "tsm", "received_by_channel", ...
    std::string title;
    std::string caption;  // what the table shows, in a sentence
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
};

// A count as shown in a tenant-panel document: "<5" for 1..4 unless show_all.
std::string shown_count(int n, const OutputOptions& o);
std::string percent_text(const Ratio& r);         // "66.7%" or "n/a"
std::string document_title(const Report& r, const OutputOptions& o);

std::vector<Table> report_tables(const Report& r, const OutputOptions& o);

std::string report_text(const Report& r, const OutputOptions& o);
std::string report_csv(const Report& r, const OutputOptions& o);
std::string report_html(const Report& r, const OutputOptions& o);
nlohmann::ordered_json report_json(const Report& r, const OutputOptions& o);
std::string render_report(const Report& r, OutputFormat format, const OutputOptions& o);

// ---------------------------------------------------------------------------
// The self-assessment in the seeds' table shape: provision, requirement, comply,
// evidence, commentary, action required, owner, completion date; with the evidence
// measured from the records and any warning where the answer contradicts it.
// The CSV has one row per provision in the Code's order, starting with the columns the
// Ombudsman's form asks (Provision, Requirement, Mandatory, Complies, Evidence,
// Commentary / explanation; Yes or No), UTF-8 with a byte-order mark, ISO dates.

struct AssessmentDocument {
    const SelfAssessment* assessment = nullptr;
    const std::vector<Provision>* provisions = nullptr;
    const std::vector<MeasuredEvidence>* evidence = nullptr;
    Period period;
    std::string landlord;
};

nlohmann::ordered_json self_assessment_json(const AssessmentDocument& doc);
std::string self_assessment_text(const AssessmentDocument& doc);
std::string self_assessment_csv(const AssessmentDocument& doc);
std::string self_assessment_html(const AssessmentDocument& doc);
std::string render_self_assessment(const AssessmentDocument& doc, OutputFormat format);

// Shared writers.
std::string csv_cell(std::string_view text);  // RFC 4180 quoting; formula-like text made inert
// A table cell as a spreadsheet wants it: "£47,500.00" -> 47500.00 (GBP), "66.7%" -> 66.7 (%),
// "1,234" -> 1234, "20 Dec 2024" -> 2024-12-20 (date); anything else as it is.
struct TidyValue {
    std::string value;
    std::string unit;  // "GBP", "%", "date" or ""
};
TidyValue tidy_value(std::string_view text);

}  // namespace doorstep
