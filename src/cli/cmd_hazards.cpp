// Awaab's Law commands: the clocks of the hazards in an export, and one clock
// worked out from a moment of awareness (hazards.h, hazard_clock.h).
#include "cli/commands.h"

#include "core/rules/hazard_clock.h"
#include "core/rules/hazards.h"
#include "core/data/import.h"
#include "core/model/settings.h"
#include "core/data/settings_defaults.h"

#include <ostream>

namespace doorstep::cli {
namespace {

// "2026-03-30" (the start of that day) or "2026-03-30T09:00".
std::optional<LocalDateTime> moment_argument(const std::string& text, const char* what, std::ostream& err) {
    if (auto t = parse_iso_local(text)) return t;
    if (auto d = parse_iso_date(text)) return LocalDateTime{*d, 0};
    err << "doorstep: " << what << " must be a date (2026-03-30) or a UK local date-time (2026-03-30T09:00), not '"
        << text << "'\n";
    return std::nullopt;
}

int run_hazards(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1) return kUsage;
    std::optional<LocalDateTime> now = parse_iso_local(now_local());
    if (const auto text = args.option("--on")) {
        now = moment_argument(*text, "--on", err);
        if (!now) return kUsage;
    }
    if (!now) return kUsage;

    const std::string& path = args.positional[0];
    const std::optional<Bundle> b = load_export(path, out, err);
    if (!b) return kProblems;
    const Dataset& d = b->data;
    out << open_hazards_text(d.cases, *now, d.settings, d.settings.calendar());
    return kOk;
}

int run_hazard_clock(const Args& args, std::ostream& out, std::ostream& err) {
    if (!args.positional.empty()) return kUsage;
    const std::optional<std::string> aware_text = args.option("--aware");
    const std::optional<std::string> kind_text = args.option("--kind");
    if (!aware_text || !kind_text) {
        err << "doorstep hazard-clock: give --aware and --kind\n";
        return kUsage;
    }
    const std::optional<LocalDateTime> aware = parse_iso_local(*aware_text);
    if (!aware) {
        err << "doorstep: --aware must be a UK local date-time such as 2026-03-28T12:00, not '" << *aware_text << "'\n";
        return kUsage;
    }
    HazardKind kind;
    if (*kind_text == "emergency") kind = HazardKind::Emergency;
    else if (*kind_text == "significant") kind = HazardKind::Significant;
    else {
        err << "doorstep: --kind must be emergency or significant, not '" << *kind_text << "'\n";
        return kUsage;
    }
    std::optional<Date> investigated;
    if (const auto t = args.option("--investigated")) {
        investigated = date_argument(*t, "--investigated", err);
        if (!investigated) return kUsage;
        if (*investigated < aware->date) {
            err << "doorstep: --investigated " << to_iso(*investigated) << " is before the landlord became aware on "
                << to_iso(aware->date) << "\n";
            return kUsage;
        }
    }
    // Awaab's Law applies in England: England and Wales bank holidays, the Regulations' timescales.
    const Settings settings = default_settings();
    out << hazard_clock_text(hazard_steps(*aware, kind, settings.hazard_timescales, Calendar(Region::EnglandAndWales),
                                          investigated));
    return kOk;
}

const Registrar hazards_command{{"hazards", "FILE.json [--on DATE|DATE-TIME]",
                                 "Open hazards (Awaab's Law) with each step's deadline and the time left",
                                 run_hazards, {"--on"}}};
const Registrar hazard_clock_command{{"hazard-clock",
                                      "--aware YYYY-MM-DDTHH:MM --kind emergency|significant [--investigated DATE]",
                                      "Awaab's Law deadlines from the moment the landlord became aware: STEP<TAB>DEADLINE",
                                      run_hazard_clock, {"--aware", "--kind", "--investigated"}}};

}  // namespace
}  // namespace doorstep::cli
