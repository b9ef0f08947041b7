// Calendar commands: working-day arithmetic and bank holidays (calendar.h).
#include "cli/commands.h"

#include "core/calendar/calendar.h"
#include "core/data/case_json.h"

#include <cerrno>
#include <cstdlib>
#include <ostream>

namespace doorstep::cli {
namespace {

// --region: gov.uk's keys ("northern-ireland") or the schema's ("northern_ireland").
bool region_argument(const Args& args, Region& region, std::ostream& err) {
    region = Region::EnglandAndWales;
    const std::optional<std::string> text = args.option("--region");
    if (!text) return true;
    if (const auto r = parse_region(*text)) {
        region = *r;
        return true;
    }
    if (const auto r = enum_from_key<Region>(*text)) {
        region = *r;
        return true;
    }
    err << "doorstep: --region must be england-and-wales, scotland or northern-ireland, not '" << *text << "'\n";
    return false;
}

std::optional<int> int_argument(const std::string& text, int lo, int hi, const char* what, std::ostream& err) {
    char* end = nullptr;
    errno = 0;
    const long n = std::strtol(text.c_str(), &end, 10);
    if (text.empty() || *end != '\0' || errno != 0 || n < lo || n > hi) {
        err << "doorstep: " << what << " must be a whole number from " << lo << " to " << hi << ", not '" << text << "'\n";
        return std::nullopt;
    }
    return static_cast<int>(n);
}

int run_add_working_days(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 2) return kUsage;
    Region region;
    if (!region_argument(args, region, err)) return kUsage;
    const std::optional<Date> from = date_argument(args.positional[0], "DATE", err);
    const std::optional<int> n = int_argument(args.positional[1], -10000, 10000, "N", err);
    if (!from || !n) return kUsage;
    out << to_iso(Calendar(region).add_working_days(*from, *n)) << "\n";
    return kOk;
}

int run_working_days_between(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 2) return kUsage;
    Region region;
    if (!region_argument(args, region, err)) return kUsage;
    const std::optional<Date> a = date_argument(args.positional[0], "FROM", err);
    const std::optional<Date> b = date_argument(args.positional[1], "TO", err);
    if (!a || !b) return kUsage;
    out << Calendar(region).working_days_between(*a, *b) << "\n";
    return kOk;
}

int run_bank_holidays(const Args& args, std::ostream& out, std::ostream& err) {
    if (args.positional.size() != 1) return kUsage;
    Region region;
    if (!region_argument(args, region, err)) return kUsage;
    const std::optional<int> year = int_argument(args.positional[0], 1900, 2200, "YEAR", err);
    if (!year) return kUsage;
    for (const Holiday& h : Calendar(region).holidays_in_year(*year)) out << to_iso(h.date) << "\n";
    return kOk;
}

int run_now(const Args& args, std::ostream& out, std::ostream& err) {
    if (!args.positional.empty()) return kUsage;
    std::string error;
    const std::optional<LocalDateTime> now = uk_now(error);
    if (!now) {
        err << "doorstep: " << error << "\n";
        return kUsage;
    }
    out << to_iso(*now) << (is_british_summer_time_utc(uk_local_to_utc_minutes(*now)) ? " BST" : " GMT") << "\n";
    return kOk;
}

const Registrar now_command{{"now", "", "The UK local date-time every command counts from (DOORSTEP_NOW sets it)",
                             run_now}};
const Registrar add_working_days{{"add-working-days", "DATE N [--region REGION]",
                                  "The Nth working day after DATE (the Code's \"within N working days\")",
                                  run_add_working_days, {"--region"}}};
const Registrar working_days_between{{"working-days-between", "FROM TO [--region REGION]",
                                      "Working days after FROM up to and including TO", run_working_days_between,
                                      {"--region"}}};
const Registrar bank_holidays{{"bank-holidays", "YEAR [--region england-and-wales|scotland|northern-ireland]",
                               "Bank holidays of YEAR, one ISO date a line", run_bank_holidays, {"--region"}}};

}  // namespace
}  // namespace doorstep::cli
