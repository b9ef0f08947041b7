// The command table of the `doorstep` command-line tool, and the few helpers
// every command uses.
//
// Adding a command: create src/cli/cmd_<topic>.cpp (no CMake edit: src/cli/*.cpp
// is globbed) and register it with a file-scope Registrar:
//
//     #include "cli/commands.h"
//     namespace doorstep::cli {
//     namespace {
//     int run_count(const Args& args, std::ostream& out, std::ostream& err) {
//         if (args.positional.size() != 1) return kUsage;   // main prints the usage line
//         ...
//         out << n << "\n";
//         return kOk;
//     }
//     const Registrar count_command{{"count", "FILE.json [--open]", "Counts the cases in an export",
//                                    run_count, /*value_options=*/{}, /*flag_options=*/{"--open"}}};
//     }  // namespace
//     }  // namespace doorstep::cli
//
// The Registrar runs before main() and adds the command to the table; `doorstep
// --help` lists it. Registration relies on src/cli/*.cpp being compiled straight
// into the executable (not into a static library, whose unreferenced objects the
// linker would drop).
//
// Arguments: main() splits them for the command: options named in value_options
// take the next word as their value ("--on 2025-03-31", "-o out.json"), those in
// flag_options stand alone, any other word starting with '-' (other than a
// negative number) is a usage error, and the rest are positional.
//
// Exit codes: kOk (0) success; kProblems (1) the command ran and found problems
// (invalid file, unreadable file); kUsage (2) bad arguments: main prints
// "usage: doorstep <name> <usage>" to stderr. A command may print a reason to
// `err` before returning kUsage. kFindings (3): `validate` found no errors but
// Code breaches in the history (findings.h).
#pragma once
#include "core/base/date.h"
#include "storage/bundle.h"

#include <cstdint>
#include <iosfwd>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace doorstep::cli {

constexpr int kOk = 0;
constexpr int kProblems = 1;
constexpr int kUsage = 2;
constexpr int kFindings = 3;

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> options;  // "--on" -> "2025-03-31"
    std::set<std::string> flags;                 // "--open"
    bool has(const std::string& name) const { return flags.count(name) || options.count(name); }
    std::optional<std::string> option(const std::string& name) const {
        const auto it = options.find(name);
        return it == options.end() ? std::nullopt : std::optional<std::string>(it->second);
    }
};

using RunFn = int (*)(const Args& args, std::ostream& out, std::ostream& err);

struct Command {
    std::string name;     // "add-working-days"
    std::string usage;    // "DATE N [--region REGION]"
    std::string summary;  // one line for --help
    RunFn run = nullptr;
    std::vector<std::string> value_options = {};
    std::vector<std::string> flag_options = {};
};

// Every registered command (registration order; --help sorts them).
std::vector<Command>& command_table();

struct Registrar {
    explicit Registrar(Command command);
};

// Helpers for commands (defined in main.cpp).

// Whole file as bytes; nullopt with a reason in `error` ("cannot open ...").
std::optional<std::string> read_file(const std::string& path, std::string& error);
// Writes the whole file through a temporary and a rename, so a failed write
// never leaves half a file. "-" writes to stdout.
bool write_file(const std::string& path, const std::string& bytes, std::string& error);
// An export or an export bundle, checked whole (its attached files too). Problems go
// to `problems_to` one a line as "PATH: where: message"; a file that cannot be read
// is reported on `err`. nullopt when anything is wrong.
std::optional<Bundle> load_export(const std::string& path, std::ostream& problems_to, std::ostream& err);
// The records of an export or bundle (load_export, its problems on err).
std::optional<Dataset> load_dataset(const std::string& path, std::ostream& err);
// A command's output: into the -o file when one is given (not "-"), else onto `out`.
// kOk, or kProblems with the reason on err.
int write_output(const Args& args, const std::string& bytes, std::ostream& out, std::ostream& err);
bool ends_with(const std::string& s, const std::string& tail);
// A strict "YYYY-MM-DD" argument; prints a reason to err and returns nullopt otherwise.
std::optional<Date> date_argument(const std::string& text, const char* what, std::ostream& err);
// A whole-number option from min to max: false, with "doorstep COMMAND: NAME must be
// a whole number from MIN to MAX, not '...'" on err, when it is given but not one.
// `value` is set only when the option is given and valid.
bool number_option(const Args& args, const char* command, const char* name, long min, long max, long& value,
                   std::ostream& err);
// --seed: any whole number from 0 up; false, with a reason on err, when it is not one.
bool seed_option(const Args& args, const char* command, uint64_t& seed, std::ostream& err);
// The clock every command uses: UK local time (Europe/London) from the machine's
// UTC clock, whatever its time zone, or DOORSTEP_NOW="YYYY-MM-DDTHH:MM" when set.
// nullopt with a reason when DOORSTEP_NOW is malformed.
std::optional<LocalDateTime> uk_now(std::string& error);
// Today's UK date and the UK local time "YYYY-MM-DDTHH:MM" (a malformed DOORSTEP_NOW exits 2).
Date today_local();
std::string now_local();

}  // namespace doorstep::cli
