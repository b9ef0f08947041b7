// `doorstep`: the engine on the command line. Commands register themselves in
// the table (commands.h); main splits the arguments and runs one.
#include "cli/commands.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

namespace doorstep::cli {

std::vector<Command>& command_table() {
    static std::vector<Command> table;  // function-local: safe from static-initialisation order
    return table;
}

Registrar::Registrar(Command command) { command_table().push_back(std::move(command)); }

std::optional<std::string> read_file(const std::string& path, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open " + path + ": " + std::strerror(errno);
        return std::nullopt;
    }
    std::ostringstream buf;
    buf << in.rdbuf();
    if (in.bad()) {
        error = "cannot read " + path;
        return std::nullopt;
    }
    return buf.str();
}

std::optional<Bundle> load_export(const std::string& path, std::ostream& problems_to, std::ostream& err) {
    std::string error;
    const std::optional<std::string> text = read_file(path, error);
    if (!text) {
        err << "doorstep: " << error << "\n";
        return std::nullopt;
    }
    Problems problems;
    Result<Bundle> b = read_bundle(*text, {}, {}, &problems);
    if (!b) {
        if (problems.empty()) problems.push_back(b.error());
        for (const Error& e : problems) problems_to << path << ": " << e.text() << "\n";
        return std::nullopt;
    }
    return std::move(b.value());
}

bool write_file(const std::string& path, const std::string& bytes, std::string& error) {
    if (path == "-") {
        std::cout << bytes;
        std::cout.flush();
        return static_cast<bool>(std::cout);
    }
    const std::string temp = path + ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) {
            error = "cannot write " + temp + ": " + std::strerror(errno);
            return false;
        }
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.flush();
        if (!out) {
            error = "cannot write " + temp + ": " + std::strerror(errno);
            std::remove(temp.c_str());
            return false;
        }
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        error = "cannot replace " + path + ": " + std::strerror(errno);
        std::remove(temp.c_str());
        return false;
    }
    return true;
}

std::optional<Date> date_argument(const std::string& text, const char* what, std::ostream& err) {
    const std::optional<Date> d = parse_iso_date(text);
    if (!d) err << "doorstep: " << what << " must be a date YYYY-MM-DD, not '" << text << "'\n";
    return d;
}

std::optional<Dataset> load_dataset(const std::string& path, std::ostream& err) {
    std::optional<Bundle> b = load_export(path, err, err);
    if (!b) return std::nullopt;
    return std::move(b->data);
}

int write_output(const Args& args, const std::string& bytes, std::ostream& out, std::ostream& err) {
    const auto o = args.option("-o");
    if (!o || *o == "-") {
        out << bytes;
        return kOk;
    }
    std::string error;
    if (!write_file(*o, bytes, error)) {
        err << "doorstep: " << error << "\n";
        return kProblems;
    }
    return kOk;
}

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

bool number_option(const Args& args, const char* command, const char* name, long min, long max, long& value,
                   std::ostream& err) {
    const auto text = args.option(name);
    if (!text) return true;
    char* end = nullptr;
    errno = 0;
    const long n = std::strtol(text->c_str(), &end, 10);
    if (text->empty() || *end != '\0' || errno != 0 || n < min || n > max) {
        err << "doorstep " << command << ": " << name << " must be a whole number from " << min << " to " << max
            << ", not '" << *text << "'\n";
        return false;
    }
    value = n;
    return true;
}

bool seed_option(const Args& args, const char* command, uint64_t& seed, std::ostream& err) {
    const auto text = args.option("--seed");
    if (!text) return true;
    char* end = nullptr;
    errno = 0;
    const unsigned long long s = std::strtoull(text->c_str(), &end, 10);
    if (text->empty() || *end != '\0' || errno != 0 || (*text)[0] == '-') {
        err << "doorstep " << command << ": --seed must be a whole number, not '" << *text << "'\n";
        return false;
    }
    seed = s;
    return true;
}

// The CLI's one clock: UK local time (Europe/London) whatever the machine's time
// zone, so every countdown matches the app. DOORSTEP_NOW="YYYY-MM-DDTHH:MM" (UK
// local) pins it for scripts and tests.
std::optional<LocalDateTime> uk_now(std::string& error) {
    if (const char* pinned = std::getenv("DOORSTEP_NOW"); pinned && *pinned) {
        const std::optional<LocalDateTime> t = parse_iso_local(pinned);
        if (!t) error = std::string("DOORSTEP_NOW must be a UK local date-time such as 2026-07-02T00:30, not '") + pinned + "'";
        return t;
    }
    const int64_t utc_minutes = static_cast<int64_t>(std::time(nullptr)) / 60;
    return utc_minutes_to_uk_local(utc_minutes);
}

namespace {

LocalDateTime clock_or_exit() {
    std::string error;
    const std::optional<LocalDateTime> t = uk_now(error);
    if (!t) {
        std::cerr << "doorstep: " << error << "\n";
        std::exit(kUsage);
    }
    return *t;
}

}  // namespace

Date today_local() { return clock_or_exit().date; }

std::string now_local() { return to_iso(clock_or_exit()); }

namespace {

void print_help(std::ostream& out) {
    std::vector<const Command*> sorted;
    for (const Command& c : command_table()) sorted.push_back(&c);
    std::sort(sorted.begin(), sorted.end(), [](const Command* a, const Command* b) { return a->name < b->name; });
    out << "doorstep: complaint handling under the Housing Ombudsman's Complaint Handling Code 2024\n\n"
           "usage: doorstep <command> [arguments]\n"
           "       doorstep help <command>\n\n"
           "commands:\n";
    size_t width = 0;
    for (const Command* c : sorted) width = std::max(width, c->name.size());
    for (const Command* c : sorted) out << "  " << c->name << std::string(width - c->name.size() + 2, ' ') << c->summary << "\n";
    out << "\nexit status: 0 done, 1 problems found, 2 bad arguments,\n"
           "             3 (validate) no problems, but findings: Code breaches in the cases' history\n"
           "\ntime: dates and times are UK local time (Europe/London) whatever the machine's time zone;\n"
           "      DOORSTEP_NOW=YYYY-MM-DDTHH:MM (UK local) sets the clock for a run (scripts, tests)\n";
}

void print_usage(std::ostream& out, const Command& c) { out << "usage: doorstep " << c.name << " " << c.usage << "\n"; }

const Command* find_command(const std::string& name) {
    for (const Command& c : command_table())
        if (c.name == name) return &c;
    return nullptr;
}

bool looks_negative_number(const std::string& word) {
    return word.size() > 1 && word[0] == '-' && std::all_of(word.begin() + 1, word.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// Splits words into positional arguments, options with values and flags; false on a usage error.
bool split_args(const Command& c, const std::vector<std::string>& words, Args& args, std::ostream& err) {
    for (size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        const auto is = [&](const std::vector<std::string>& list) { return std::find(list.begin(), list.end(), w) != list.end(); };
        if (is(c.value_options)) {
            if (i + 1 >= words.size()) {
                err << "doorstep " << c.name << ": " << w << " needs a value\n";
                return false;
            }
            args.options[w] = words[++i];
        } else if (is(c.flag_options)) {
            args.flags.insert(w);
        } else if (w.size() > 1 && w[0] == '-' && !looks_negative_number(w)) {
            err << "doorstep " << c.name << ": unknown option " << w << "\n";
            return false;
        } else {
            args.positional.push_back(w);
        }
    }
    return true;
}

}  // namespace

}  // namespace doorstep::cli

int main(int argc, char** argv) {
    using namespace doorstep::cli;
    std::vector<std::string> words(argv + 1, argv + argc);
    if (words.empty()) {
        print_help(std::cerr);
        return kUsage;
    }
    if (words[0] == "--help" || words[0] == "-h") {
        print_help(std::cout);
        return kOk;
    }
    if (words[0] == "help") {
        if (words.size() == 1) {
            print_help(std::cout);
            return kOk;
        }
        const Command* c = find_command(words[1]);
        if (!c) {
            std::cerr << "doorstep: no command '" << words[1] << "'\n";
            return kUsage;
        }
        print_usage(std::cout, *c);
        std::cout << c->summary << "\n";
        return kOk;
    }
    const Command* c = find_command(words[0]);
    if (!c) {
        std::cerr << "doorstep: no command '" << words[0] << "'\n\n";
        print_help(std::cerr);
        return kUsage;
    }
    words.erase(words.begin());
    if (std::find(words.begin(), words.end(), "--help") != words.end()) {
        print_usage(std::cout, *c);
        std::cout << c->summary << "\n";
        return kOk;
    }
    Args args;
    if (!split_args(*c, words, args, std::cerr)) {
        print_usage(std::cerr, *c);
        return kUsage;
    }
    int code = kProblems;
    try {
        code = c->run(args, std::cout, std::cerr);
    } catch (const std::exception& e) {
        std::cerr << "doorstep " << c->name << ": unexpected failure: " << e.what() << "\n";
        return kProblems;
    }
    if (code == kUsage) print_usage(std::cerr, *c);
    std::cout.flush();
    return code;
}
