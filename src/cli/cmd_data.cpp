// Commands on export files: validate, merge, status.
#include "cli/commands.h"

#include "core/data/case_json.h"
#include "core/rules/deadlines.h"
#include "core/rules/findings.h"
#include "core/data/import.h"
#include "core/data/merge.h"
#include "core/rules/workflow.h"

#include <algorithm>
#include <ostream>

namespace doorstep::cli {
namespace {

// Reads and validates one export; prints its problems prefixed with the file name.
std::optional<Dataset> load(const std::string& path, std::ostream& out, std::ostream& err) {
    std::optional<Bundle> b = load_export(path, out, err);
    if (!b) return std::nullopt;
    return std::move(b->data);
}

std::string plural(size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

int run_validate(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1) return kUsage;
    const std::optional<Bundle> b = load_export(args.positional[0], out, err);
    if (!b) return kProblems;
    const Dataset* d = &b->data;
    const size_t open = static_cast<size_t>(std::count_if(d->cases.begin(), d->cases.end(), is_open));
    const size_t conflicted = static_cast<size_t>(
        std::count_if(d->cases.begin(), d->cases.end(), [](const Case& c) { return !c.conflicts.empty(); }));
    out << args.positional[0] << ": valid " << kSchemaName << " export: " << plural(d->cases.size(), "case", "cases")
        << " (" << open << " open" << (conflicted ? ", " + std::to_string(conflicted) + " with conflicts" : "") << "), "
        << plural(d->learning.size(), "learning item", "learning items") << ", "
        << plural(d->assessments.size(), "self-assessment", "self-assessments") << ", "
        << plural(d->quality_checks.size(), "quality check", "quality checks") << ", "
        << plural(d->non_compliance.size(), "non-compliance event", "non-compliance events")
        << (b->has_files ? ", " + plural(b->files.size(), "attached file", "attached files") + " checked" : std::string())
        << "\n";
    // Code breaches in the history: the file imports (the past is kept), but each is listed.
    const std::vector<Finding> findings = dataset_findings(*d);
    if (findings.empty()) return kOk;
    out << args.positional[0] << ": " << plural(findings.size(), "finding", "findings")
        << ": Code breaches in the history, kept on import (not errors):\n";
    for (const Finding& f : findings) out << "finding: " << f.text() << "\n";
    return kFindings;
}

int run_merge(const Args& args, std::ostream& out, std::ostream& err) {
    const std::optional<std::string> target = args.option("-o");
    if (args.positional.size() < 2 || !target) {
        if (!target) err << "doorstep merge: say where to write the result with -o OUT.json\n";
        return kUsage;
    }
    std::vector<Dataset> inputs;
    bool ok = true;
    for (const std::string& path : args.positional) {
        std::optional<Dataset> d = load(path, out, err);
        if (d) inputs.push_back(std::move(*d));
        else ok = false;
    }
    if (!ok) {
        out << "nothing was merged: correct the files above first\n";
        return kProblems;
    }
    MergeReport report;
    // Never write a file that `doorstep validate` would refuse.
    Problems problems;
    const Result<std::string> text = merged_export(inputs, report, Actor{"doorstep merge", now_local()}, {}, &problems);
    if (!text) {
        err << "doorstep merge: the merged data would not pass 'doorstep validate', so nothing was written:\n";
        for (const Error& e : problems) err << "  " << e.text() << "\n";
        return kProblems;
    }
    std::string error;
    if (!write_file(*target, *text, error)) {
        err << "doorstep: " << error << "\n";
        return kProblems;
    }
    std::ostream& info = *target == "-" ? err : out;
    info << "merged: " << report.merged << " cases from " << inputs.size() << " files (" << report.added << " added, "
         << report.updated << " updated, " << report.unchanged << " unchanged)\n";
    if (report.references_changed > 0)
        info << "references: " << report.references_changed
             << (report.references_changed == 1 ? " case was" : " cases were")
             << " given a new reference (another case had theirs; the old one is kept as an earlier reference)\n";
    info << "conflicts: " << report.conflicts
         << (report.conflicts == 1 ? " case holds" : " cases hold") << " versions for a person to choose between\n";
    for (const std::string& m : report.messages) info << "  " << m << "\n";
    if (*target != "-") info << "wrote " << *target << "\n";
    return kOk;
}

// Pads or cuts to `width` characters (UTF-8 aware, so names with accents line up).
std::string cell(const std::string& text, size_t width) {
    std::string out;
    size_t chars = 0;
    for (size_t i = 0; i < text.size();) {
        const unsigned char ch = static_cast<unsigned char>(text[i]);
        const size_t len = ch < 0x80 ? 1 : ch < 0xE0 ? 2 : ch < 0xF0 ? 3 : 4;
        if (chars + 1 > width || (chars + 1 == width && i + len < text.size())) {
            out += "~";  // cut
            ++chars;
            break;
        }
        out.append(text, i, len);
        i += len;
        ++chars;
    }
    return out + std::string(width > chars ? width - chars : 0, ' ');
}

int run_status(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1) return kUsage;
    Date on = today_local();
    if (const auto text = args.option("--on")) {
        const std::optional<Date> d = date_argument(*text, "--on", err);
        if (!d) return kUsage;
        on = *d;
    }
    const std::optional<Dataset> d = load(args.positional[0], out, err);
    if (!d) return kProblems;
    const Calendar cal = d->settings.calendar();

    struct Row {
        const Case* c;
        CaseStatus s;
    };
    std::vector<Row> rows;
    for (const Case& c : d->cases) {
        const CaseStatus s = status(c, on, d->settings, cal);
        if (s.open) rows.push_back({&c, s});
    }
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        if (a.s.due.has_value() != b.s.due.has_value()) return a.s.due.has_value();
        if (a.s.due && *a.s.due != *b.s.due) return *a.s.due < *b.s.due;
        return a.c->reference < b.c->reference;
    });

    out << "Open cases on " << to_iso(on) << ": " << rows.size() << "\n";
    out << cell("Reference", 16) << cell("Resident", 24) << cell("Stage", 7) << cell("Next action", 38)
        << cell("Due", 12) << "Days left\n";
    for (const Row& r : rows) {
        const std::string resident = r.c->resident.name.empty() ? r.c->resident.group_description : r.c->resident.name;
        out << cell(r.c->reference, 16) << cell(resident, 24) << cell(r.s.stage ? std::to_string(r.s.stage) : "-", 7)
            << cell(r.s.next_label, 38) << cell(r.s.due ? to_iso(*r.s.due) : "-", 12);
        if (r.s.due) out << r.s.working_days_left << (r.s.working_days_left < 0 ? " (overdue)" : "");
        else out << "-";
        if (r.s.findings > 0)  // findings.h: Code breaches in the case's history
            out << "  [" << plural(static_cast<size_t>(r.s.findings), "finding", "findings") << ": doorstep validate]";
        out << "\n";
    }
    return kOk;
}

const Registrar validate_command{{"validate", "FILE.json",
                                  "Checks an export: problems one a line (exit 1); else a summary and any Code breaches "
                                  "in the history as findings, one a line (exit 3 when there are findings, 0 when clean)",
                                  run_validate}};
const Registrar merge_command{{"merge", "A.json B.json ... -o OUT.json",
                               "Merges exports from several devices, keeping every conflicting version; two cases "
                               "with one reference are both kept, one renumbered; writes only a file validate accepts",
                               run_merge, {"-o"}}};
const Registrar status_command{{"status", "FILE.json [--on DATE]",
                                "Open cases with their next action, due date and working days left",
                                run_status, {"--on"}}};

}  // namespace
}  // namespace doorstep::cli
