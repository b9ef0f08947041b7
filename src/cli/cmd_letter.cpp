// Letters from the command line: draft one for a case in an export, see its
// checklist, and check a landlord's edited template.
#include "cli/commands.h"

#include "core/data/import.h"
#include "core/letters/letter_samples.h"
#include "core/letters/letters.h"
#include "core/data/settings_defaults.h"

#include <filesystem>

#include <ostream>

namespace doorstep::cli {
namespace {

std::string kind_list() {
    std::string out;
    for (LetterKind k : all_letter_kinds()) out += (out.empty() ? "" : ", ") + std::string(letter_kind_id(k));
    return out;
}

std::optional<LetterKind> kind_argument(const std::string& text, std::ostream& err) {
    const std::optional<LetterKind> k = parse_letter_kind(text);
    if (!k) err << "doorstep letter: unknown letter kind '" << text << "': use one of " << kind_list() << "\n";
    return k;
}

int run_letter(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 3) return kUsage;
    const std::string& path = args.positional[0];
    const std::string& ref = args.positional[1];
    const std::optional<LetterKind> kind = kind_argument(args.positional[2], err);
    if (!kind) return kUsage;

    LetterOptions options;
    if (auto on = args.option("--date")) {
        options.date = date_argument(*on, "--date", err);
        if (!options.date) return kUsage;
    }
    if (auto h = args.option("--hazard")) options.hazard_id = *h;
    if (auto n = args.option("--extension")) {
        try {
            options.extension_index = std::stoi(*n) - 1;
        } catch (...) {
            options.extension_index = -2;
        }
        if (options.extension_index < 0) {
            err << "doorstep letter: --extension takes the extension's number, 1 for the first\n";
            return kUsage;
        }
    }
    if (args.has("--easy-read")) options.easy_read = true;
    if (args.has("--standard-wording")) options.easy_read = false;
    if (args.has("--large-print")) options.large_print = true;

    std::optional<Bundle> bundle = load_export(path, err, err);
    if (!bundle) return kProblems;
    Dataset* d = &bundle->data;
    const Case* found = nullptr;
    for (const Case& c : d->cases)
        if (c.reference == ref || c.id == ref) found = &c;
    if (!found) {
        err << "doorstep letter: no case '" << ref << "' in " << path << "\n";
        return kProblems;
    }
    const Settings& settings = d->settings;
    const Calendar cal = settings.calendar();

    // A letter not yet sent has no date on the case: it is dated today.
    if (!options.date) {
        for (const CheckItem& i : letter_checklist(*kind, *found, settings, cal, options))
            if (i.id == "date") options.date = today_local();
    }
    const std::vector<CheckItem> checklist = letter_checklist(*kind, *found, settings, cal, options);

    if (args.has("--check")) {
        for (const CheckItem& i : checklist)
            out << (i.present ? "  ok       " : "  MISSING  ") << i.label << ": " << i.message << "\n";
        out << (ready_to_send(checklist) ? "ready to send\n" : "not ready to send\n");
        return ready_to_send(checklist) ? kOk : kProblems;
    }

    Result<Letter> letter = draft_letter(*kind, *found, settings, cal, options);
    if (!letter) {
        err << "doorstep letter: " << letter.error().text() << "\n";
        return kProblems;
    }
    const std::optional<std::string> target = args.option("-o");
    const bool as_text = args.has("--text") || !target || ends_with(*target, ".txt");
    std::string error;
    if (!target) {
        out << letter->text;
    } else if (!write_file(*target, as_text ? letter->text : letter->html, error)) {
        err << "doorstep: " << error << "\n";
        return kProblems;
    }

    // The checklist's missing items go to stderr, so stdout stays the letter.
    const std::vector<std::string> missing = missing_items(letter->checklist);
    for (const std::string& m : missing) err << "missing: " << m << "\n";
    err << letter->title << " for " << ref << ", dated " << long_date(letter->date)
        << (letter->large_print ? ", large print" : "") << (letter->easy_read ? ", easy read" : "") << ": "
        << (missing.empty() ? "ready to send" : std::to_string(missing.size()) + " item(s) missing: not ready to send")
        << (target && *target != "-" ? ", written to " + *target : "") << "\n";
    return missing.empty() ? kOk : kProblems;
}

int run_letter_template(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 2) return kUsage;
    const std::optional<LetterKind> kind = kind_argument(args.positional[0], err);
    if (!kind) return kUsage;
    std::string error;
    const std::optional<std::string> text = read_file(args.positional[1], error);
    if (!text) {
        err << "doorstep: " << error << "\n";
        return kProblems;
    }
    const Problems problems = check_letter_template(*kind, *text);
    for (const Error& e : problems) out << args.positional[1] << ": " << e.text() << "\n";
    if (problems.empty()) out << args.positional[1] << ": a valid " << letter_kind_id(*kind) << " template\n";
    if (args.has("--names")) {
        out << "names a " << letter_kind_id(*kind) << " template may use:\n";
        for (const PlaceholderDoc& p : letter_placeholders(*kind)) {
            out << "  " << (p.is_list ? "{{#" + p.name + "}}...{{/" + p.name + "}}" : p.is_flag ? "{{#" + p.name + "}}" : "{{" + p.name + "}}")
                << "  " << p.description << "\n";
            for (const PlaceholderDoc& i : p.item_names)
                out << "      " << (i.is_flag ? "{{#" + i.name + "}}" : "{{" + i.name + "}}") << "  " << i.description << "\n";
        }
    }
    return problems.empty() ? kOk : kProblems;
}

// Every kind drafted for its sample case, with the landlord's settings and
// templates when FILE.json is given: a preview of edited wording.
int run_letter_samples(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.positional.empty() || args.positional.size() > 2) return kUsage;
    const std::string dir = args.positional[0];
    Settings settings = default_settings();
    if (args.positional.size() == 2) {
        const std::optional<Bundle> b = load_export(args.positional[1], err, err);
        if (!b) return kProblems;
        settings = b->data.settings;
    }
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        err << "doorstep: cannot create " << dir << ": " << ec.message() << "\n";
        return kProblems;
    }
    const Calendar cal = settings.calendar();
    LetterOptions options;
    if (args.has("--large-print")) options.large_print = true;
    if (args.has("--easy-read")) options.easy_read = true;
    const bool as_text = args.has("--text");
    int failures = 0;
    for (LetterKind k : all_letter_kinds()) {
        Result<Letter> l = draft_letter(k, sample_case_for_letter(k), settings, cal, options);
        if (!l) {
            err << letter_kind_id(k) << ": " << l.error().text() << "\n";
            ++failures;
            continue;
        }
        const std::string path = dir + "/" + letter_kind_id(k) + (as_text ? ".txt" : ".html");
        std::string error;
        if (!write_file(path, as_text ? l->text : l->html, error)) {
            err << "doorstep: " << error << "\n";
            return kProblems;
        }
        const size_t missing = missing_items(l->checklist).size();
        out << path << (missing ? "  (" + std::to_string(missing) + " item(s) missing)" : "") << "\n";
        failures += missing ? 1 : 0;
    }
    return failures ? kProblems : kOk;
}

const Registrar letter_command{
    {"letter", "FILE.json CASE-REF KIND [-o OUT.html|OUT.txt] [--text] [--date YYYY-MM-DD] [--hazard ID] "
               "[--extension N] [--easy-read|--standard-wording] [--large-print] [--check]",
     "Drafts a letter the Code requires for a case (KIND: ack1, ack2, extension1, extension2, response1, response2, "
     "refusal, refuse-escalation, service-request, hazard-summary). Without -o the plain text goes to stdout; "
     "-o writes the printable HTML (or text for .txt or --text). Missing checklist items go to stderr and the exit "
     "code is 1 until the letter is ready to send. --check prints the whole checklist instead. The letter is dated "
     "--date, else the date recorded on the case for it (acknowledged, responded, ...), else today.",
     run_letter,
     {"-o", "--date", "--hazard", "--extension"},
     {"--text", "--easy-read", "--standard-wording", "--large-print", "--check"}}};

const Registrar letter_samples_command{
    {"letter-samples", "OUT-DIR [FILE.json] [--large-print] [--easy-read] [--text]",
     "Writes every kind of letter for a fictional sample case into OUT-DIR (<kind>.html), using the settings and "
     "templates of FILE.json when given: a preview of edited wording",
     run_letter_samples,
     {},
     {"--large-print", "--easy-read", "--text"}}};

const Registrar letter_template_command{
    {"letter-template", "KIND FILE.txt [--names]",
     "Checks a landlord's edited letter template: it parses and uses only names that letter offers; --names lists them",
     run_letter_template,
     {},
     {"--names"}}};

}  // namespace
}  // namespace doorstep::cli
