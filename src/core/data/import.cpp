// Reading "doorstep/1" with every field checked: types, ranges, dates, enum
// values and sizes first (while reading, by each record's field description in
// model/fields.h), then the rules that join fields and records (check_*). Problems are collected, never thrown; nlohmann's own
// exceptions are caught at the edge.
#include "core/data/import.h"

#include "core/data/case_json.h"
#include "core/rules/derived_flags.h"
#include "core/base/ids.h"
#include "core/model/fields.h"
#include "core/model/references.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdint>
#include <exception>
#include <functional>
#include <limits>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

namespace doorstep {

using json = nlohmann::json;

namespace {

constexpr int64_t kMaxPence = 100'000'000'000;  // £1bn: anything above is a typo
constexpr int kMaxRevisions = 1000;             // as revisions.h caps the history

// ---------------------------------------------------------------------------
// Problems

struct Ctx {
    Ctx(const ImportLimits& limits, Problems& problems) : lim(limits), out(problems) {}
    const ImportLimits& lim;
    Problems& out;
    size_t total = 0;
    std::string record;  // "cases[3] (DS-2025-000004)", "settings", or "" at the top

    // Problems found by another Ctx (one case read while the file streamed in).
    void absorb(const Problems& found, size_t found_total) {
        for (const Error& e : found)
            if (out.size() < lim.max_problems) out.push_back(e);
        total += found_total;
    }

    void add(const std::string& path, std::string message) {
        ++total;
        if (out.size() >= lim.max_problems) return;
        std::string where = record;
        if (!path.empty()) where = where.empty() ? path : where + ": " + path;
        out.push_back(Error{std::move(where), std::move(message)});
    }
};

// Text from the file as it may appear in a message: control characters shown as '?'.
std::string printable(std::string_view s) {
    std::string out(s);
    for (char& ch : out)
        if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F) ch = '?';
    return out;
}

// A value as it appears in a message: short, quoted, cut on a character boundary.
std::string shown(std::string_view s) {
    constexpr size_t kMax = 40;
    if (s.size() <= kMax) return "'" + printable(s) + "'";
    size_t cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    return "'" + printable(s.substr(0, cut)) + "...'";
}

std::string type_of(const json& v) {
    if (v.is_number_integer()) return "a whole number";
    if (v.is_number()) return "a number";
    if (v.is_string()) return "text " + shown(v.get_ref<const std::string&>());
    if (v.is_boolean()) return v.get<bool>() ? "true" : "false";
    if (v.is_null()) return "null";
    if (v.is_array()) return "a list";
    return "an object";
}

std::string index_path(const std::string& path, size_t i) { return path + "[" + std::to_string(i) + "]"; }

bool has_control_character(const std::string& s) {
    for (unsigned char ch : s)
        if (ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t') return true;
    return false;
}

// ---------------------------------------------------------------------------
// Reading one JSON object into a struct, field by field

enum class Need { Optional, Required };

class Obj {
public:
    Obj(Ctx& ctx, const json& j, std::string path) : c_(ctx), j_(j), path_(std::move(path)) {}

    std::string at(const char* key) const { return path_.empty() ? std::string(key) : path_ + "." + key; }
    void problem(const char* key, std::string message) { c_.add(at(key), std::move(message)); }
    Ctx& ctx() { return c_; }
    const std::string& path() const { return path_; }
    bool has(const char* key) const { return j_.find(key) != j_.end(); }

    const json* get(const char* key, Need need) {
        seen_.push_back(key);
        const auto it = j_.find(key);
        if (it == j_.end()) {
            if (need == Need::Required) problem(key, "missing (required)");
            return nullptr;
        }
        return &*it;
    }

    bool text(const char* key, std::string& out, Need need = Need::Optional) {
        const json* v = get(key, need);
        return v && read_text(key, *v, out, need);
    }

    bool read_text(const char* key, const json& v, std::string& out, Need need) {
        if (!v.is_string()) {
            problem(key, "expected text, found " + type_of(v));
            return false;
        }
        const std::string& s = v.get_ref<const std::string&>();
        if (s.size() > c_.lim.max_string_bytes) {
            problem(key, "too long: " + std::to_string(s.size()) + " bytes (limit " +
                             std::to_string(c_.lim.max_string_bytes) + ")");
            return false;
        }
        if (has_control_character(s)) {
            problem(key, "contains a control character");
            return false;
        }
        if (need == Need::Required && s.empty()) {
            problem(key, "must not be empty");
            return false;
        }
        out = s;
        return true;
    }

    bool boolean(const char* key, bool& out, Need need = Need::Optional) {
        const json* v = get(key, need);
        if (!v) return false;
        if (!v->is_boolean()) {
            problem(key, "expected true or false, found " + type_of(*v));
            return false;
        }
        out = v->get<bool>();
        return true;
    }

    void boolean(const char* key, std::optional<bool>& out) {
        bool b = false;
        if (boolean(key, b, Need::Optional)) out = b;
    }

    bool integer64(const char* key, int64_t& out, int64_t lo, int64_t hi, Need need) {
        const json* v = get(key, need);
        return v && integer_value(key, *v, out, lo, hi, "");
    }

    bool integer_value(const char* key, const json& v, int64_t& out, int64_t lo, int64_t hi, const char* what) {
        if (v.is_number_float()) {
            problem(key, "not a whole number: " + v.dump());
            return false;
        }
        if (!v.is_number_integer()) {
            problem(key, std::string("expected a whole number") + what + ", found " + type_of(v));
            return false;
        }
        const std::string range = " (" + std::to_string(lo) + " to " + std::to_string(hi) + ")";
        int64_t n = 0;
        if (v.is_number_unsigned()) {
            const uint64_t u = v.get<uint64_t>();
            if (u > static_cast<uint64_t>(hi)) {
                problem(key, "out of range: " + v.dump() + range);
                return false;
            }
            n = static_cast<int64_t>(u);
        } else {
            n = v.get<int64_t>();
        }
        if (n < lo || n > hi) {
            problem(key, "out of range: " + std::to_string(n) + range);
            return false;
        }
        out = n;
        return true;
    }

    template <class I> bool integer(const char* key, I& out, int64_t lo, int64_t hi, Need need = Need::Optional) {
        int64_t n = 0;
        if (!integer64(key, n, lo, hi, need)) return false;
        out = static_cast<I>(n);
        return true;
    }

    bool pence(const char* key, Money& out, Need need = Need::Optional) {
        const json* v = get(key, need);
        if (!v) return false;
        if (v->is_number_integer() && !v->is_number_unsigned() && v->get<int64_t>() < 0) {
            problem(key, "out of range: negative pence (" + v->dump() + ")");
            return false;
        }
        int64_t n = 0;
        if (!integer_value(key, *v, n, 0, kMaxPence, " of pence")) return false;
        out = Money{n};
        return true;
    }

    // A date "YYYY-MM-DD" or a local date-time "YYYY-MM-DDTHH:MM", by the type of `out`.
    template <class T> bool when(const char* key, T& out, Need need = Need::Required) {
        constexpr bool is_date = std::is_same_v<T, Date>;
        const json* v = get(key, need);
        if (!v) return false;
        if (!v->is_string()) {
            problem(key, std::string(is_date ? "expected a date \"YYYY-MM-DD\"" : "expected a date and time \"YYYY-MM-DDTHH:MM\"") +
                             ", found " + type_of(*v));
            return false;
        }
        const std::string& s = v->get_ref<const std::string&>();
        std::optional<T> parsed;
        if constexpr (is_date) parsed = parse_iso_date(s);
        else parsed = parse_iso_local(s);
        if (!parsed) {
            problem(key, std::string(is_date ? "not a date: " : "not a date and time \"YYYY-MM-DDTHH:MM\": ") + shown(s));
            return false;
        }
        out = *parsed;
        return true;
    }

    template <class T> void when(const char* key, std::optional<T>& out) {
        T value;
        if (when(key, value, Need::Optional)) out = value;
    }

    template <class E> bool enm(const char* key, E& out, Need need = Need::Required) {
        const json* v = get(key, need);
        if (!v) return false;
        if (!v->is_string()) {
            problem(key, "expected one of " + enum_key_list<E>() + ", found " + type_of(*v));
            return false;
        }
        const std::string& s = v->get_ref<const std::string&>();
        const std::optional<E> e = enum_from_key<E>(s);
        if (!e) {
            problem(key, "unknown value " + shown(s) + " (expected one of " + enum_key_list<E>() + ")");
            return false;
        }
        out = *e;
        return true;
    }

    const json* array(const char* key, Need need, size_t max_items) {
        const json* v = get(key, need);
        if (!v) return nullptr;
        if (!v->is_array()) {
            problem(key, "expected a list, found " + type_of(*v));
            return nullptr;
        }
        if (v->size() > max_items) {
            problem(key, "too many items: " + std::to_string(v->size()) + " (limit " + std::to_string(max_items) + ")");
            return nullptr;
        }
        return v;
    }

    void strings(const char* key, std::vector<std::string>& out) {
        const json* a = array(key, Need::Optional, c_.lim.max_list_items);
        if (!a) return;
        out.reserve(a->size());
        for (size_t i = 0; i < a->size(); ++i) {
            std::string s;
            const std::string item_key = std::string(key) + "[" + std::to_string(i) + "]";
            if (read_text(item_key.c_str(), (*a)[i], s, Need::Required)) out.push_back(std::move(s));
        }
    }

    // A list of objects: `read(Obj&, T&)` fills each item.
    template <class T, class F> void list(const char* key, std::vector<T>& out, F read, Need need = Need::Optional,
                                          size_t max_items = 0) {
        const json* a = array(key, need, max_items ? max_items : c_.lim.max_list_items);
        if (!a) return;
        out.reserve(a->size());
        for (size_t i = 0; i < a->size(); ++i) {
            const json& item = (*a)[i];
            const std::string item_path = index_path(at(key), i);
            if (!item.is_object()) {
                c_.add(item_path, "expected an object, found " + type_of(item));
                continue;
            }
            Obj o(c_, item, item_path);
            T value{};
            read(o, value);
            o.done();
            out.push_back(std::move(value));
        }
    }

    // A nested object: `read(Obj&)` reads its fields. False when absent or not an object.
    template <class F> bool object(const char* key, F read, Need need = Need::Optional) {
        const json* v = get(key, need);
        if (!v) return false;
        if (!v->is_object()) {
            problem(key, "expected an object, found " + type_of(*v));
            return false;
        }
        Obj o(c_, *v, at(key));
        read(o);
        o.done();
        return true;
    }

    void string_map(const char* key, std::map<std::string, std::string>& out) {
        object(key, [&](Obj& o) {
            for (auto it = o.j_.begin(); it != o.j_.end(); ++it) {
                o.seen_all_ = true;
                std::string value;
                const std::string name = printable(it.key().substr(0, 60));
                if (it.key().size() > 200) o.problem(name.c_str(), "key too long: " + std::to_string(it.key().size()) + " bytes (limit 200)");
                else if (o.read_text(name.c_str(), it.value(), value, Need::Optional)) out[it.key()] = std::move(value);
            }
        });
    }

    // Reports fields the schema does not have (a typo would otherwise lose data silently).
    void done() {
        if (seen_all_) return;
        for (auto it = j_.begin(); it != j_.end(); ++it) {
            const std::string& k = it.key();
            const bool known = std::any_of(seen_.begin(), seen_.end(), [&](const char* s) { return k == s; });
            if (!known) {
                const std::string key = printable(k.size() > 60 ? k.substr(0, 60) + "..." : k);
                c_.add(path_.empty() ? key : path_ + "." + key, "unknown field (not in the doorstep/1 schema)");
            }
        }
    }

private:
    Ctx& c_;
    const json& j_;
    std::string path_;
    std::vector<const char*> seen_;
    bool seen_all_ = false;
};

// ---------------------------------------------------------------------------
// Reading a record by its field description (model/fields.h)

template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};
template <class T> struct is_vector : std::false_type {};
template <class T> struct is_vector<std::vector<T>> : std::true_type {};

constexpr const char* kPhase1Source =
    "Hazards in Social Housing (Prescribed Requirements) (England) Regulations 2025, phase 1";

// What a record needs besides its fields, before and after they are read.
template <class T> void before_read(T&) {}
void before_read(SelfAssessment& a) { a.code_version.clear(); }  // absent: none recorded

template <class T> void after_read(Obj&, T&) {}
void after_read(Obj& o, HazardRecord& h) {
    // Records written before the investigation kept its own emergency finding:
    // an emergency report later found significant was taken as confirmed.
    if (!o.has("emergency_found")) h.emergency_found = h.emergency && h.significant_found;
}
void after_read(Obj& o, HazardType& t) {
    // Settings saved before commencement was kept: phase 1 began on 27 October 2025;
    // later phases wait for the landlord to confirm their dates.
    if (!o.has("in_force_from") && t.phase == 1) {
        t.in_force_from = Date::from_ymd(2025, 10, 27);
        if (t.in_force_source.empty()) t.in_force_source = kPhase1Source;
    }
}

template <class T> void read_record(Obj& o, T& value);
void read_record(Obj& o, Case& c, bool is_conflict_version);

std::string decimal(double d) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", d);
    return buf;
}

// Reads each field it is shown from the object, by the field's type and options.
class Reader {
public:
    explicit Reader(Obj& o, bool conflict_version = false) : o_(o), conflict_version_(conflict_version) {}

    template <class T, class... O> void operator()(const char* key, T& field, const O&... options) {
        read(key, field, spec_of(options...));
    }

private:
    template <class T> void read(const char* key, T& field, const FieldSpec& spec) {
        const Need need = spec.required ? Need::Required : Need::Optional;
        if constexpr (std::is_same_v<T, std::string>) {
            if (spec.datetime_text) {
                LocalDateTime t;
                if (o_.when(key, t, need)) field = to_iso(t);
            } else if (o_.text(key, field, need) && spec.format.ok && !spec.format.ok(field)) {
                o_.problem(key, std::string(spec.format.what) + ": " + shown(field));
            }
        } else if constexpr (std::is_same_v<T, bool>) {
            o_.boolean(key, field, need);
        } else if constexpr (std::is_same_v<T, uint64_t>) {
            read_decimal_digits(key, field);
        } else if constexpr (std::is_integral_v<T>) {
            const Range r = spec.range.value_or(Range{std::numeric_limits<T>::min(), std::numeric_limits<T>::max()});
            o_.integer(key, field, r.lo, r.hi, need);
        } else if constexpr (std::is_same_v<T, float>) {
            read_number(key, field, spec.between.value_or(Between{0, 0}), need);
        } else if constexpr (std::is_same_v<T, Money>) {
            o_.pence(key, field, need);
        } else if constexpr (std::is_same_v<T, Date> || std::is_same_v<T, LocalDateTime>) {
            o_.when(key, field);
        } else if constexpr (std::is_enum_v<T>) {
            o_.enm(key, field);
        } else if constexpr (is_optional<T>::value) {
            using V = typename T::value_type;
            if constexpr (std::is_same_v<V, Date> || std::is_same_v<V, LocalDateTime>) o_.when(key, field);
            else if constexpr (std::is_same_v<V, bool>) o_.boolean(key, field);
            else o_.object(key, [&](Obj& x) {
                V value{};
                read_record(x, value);
                field = std::move(value);
            }, need);
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            o_.strings(key, field);
        } else if constexpr (std::is_same_v<T, std::vector<Case>>) {
            // Conflict versions of a case: each is a leaf, with no conflicts of its own.
            if (!conflict_version_) o_.list(key, field, [](Obj& x, Case& v) { read_record(x, v, true); }, need);
            else if (o_.get(key, Need::Optional)) o_.problem(key, "a conflict version cannot hold conflicts of its own");
        } else if constexpr (is_vector<T>::value) {
            o_.list(key, field, [](Obj& x, typename T::value_type& item) { read_record(x, item); }, need);
        } else if constexpr (std::is_same_v<T, std::map<std::string, std::string>>) {
            o_.string_map(key, field);
        } else {
            o_.object(key, [&](Obj& x) { read_record(x, field); }, need);
        }
    }

    // A whole number written as decimal digits (JavaScript numbers lose precision above 2^53).
    void read_decimal_digits(const char* key, uint64_t& out) {
        std::string text;
        if (!o_.text(key, text)) return;
        uint64_t n = 0;
        bool ok = !text.empty() && text.size() <= 20;
        for (char ch : text) {
            if (ch < '0' || ch > '9') { ok = false; break; }
            const uint64_t digit = static_cast<uint64_t>(ch - '0');
            if (n > (std::numeric_limits<uint64_t>::max() - digit) / 10) { ok = false; break; }
            n = n * 10 + digit;
        }
        if (ok) out = n;
        else o_.problem(key, "not a whole number in decimal digits (0 to 18446744073709551615): " + shown(text));
    }

    void read_number(const char* key, float& out, Between range, Need need) {
        const json* v = o_.get(key, need);
        if (!v) return;
        if (!v->is_number())
            o_.problem(key, "expected a number, found " + type_of(*v));
        else if (v->get<double>() < range.lo || v->get<double>() > range.hi)
            o_.problem(key, "out of range: " + v->dump() + " (" + decimal(range.lo) + " to " + decimal(range.hi) + ")");
        else
            out = static_cast<float>(v->get<double>());
    }

    Obj& o_;
    bool conflict_version_;
};

template <class T> void read_record(Obj& o, T& value) {
    before_read(value);
    Reader r(o);
    fields(r, value);
    after_read(o, value);
}

// Before surveys were kept per stage a case had one "survey" object: it followed
// the latest response on or before the day it was offered (else the latest response).
void read_legacy_survey(Obj& o, Case& c) {
    if (!c.surveys.empty()) {
        o.ctx().add(o.path(), "a case has either the \"surveys\" list or the older single \"survey\", not both");
        return;
    }
    Survey s;
    Reader r(o);
    survey_answer_fields(r, s);
    const bool anything = s.offered || s.answered || s.declined || s.on || s.answered_on ||
                          s.satisfied_handling || s.satisfied_outcome || s.felt_listened;
    if (!anything) return;
    std::optional<Date> latest;
    for (const Stage& st : c.stages) {
        if (!st.responded || (s.on && *s.on < *st.responded)) continue;
        if (!latest || *latest <= *st.responded) { latest = st.responded; s.stage = st.number; }
    }
    if (!latest)
        for (const Stage& st : c.stages)
            if (st.responded) s.stage = st.number;
    c.surveys.push_back(s);
}

void read_record(Obj& o, Case& c, bool is_conflict_version) {
    Reader r(o, is_conflict_version);
    fields(r, c);
    o.object("survey", [&](Obj& x) { read_legacy_survey(x, c); });  // read, never written
}

// ---------------------------------------------------------------------------
// Rules across fields and records

std::string case_label(size_t index, const Case& c) {
    std::string label = "cases[" + std::to_string(index) + "]";
    if (!c.reference.empty()) label += " (" + c.reference + ")";
    return label;
}

// "N-hash": N >= 1, hash = 32 lowercase hex digits.
bool split_rev(const std::string& rev, int64_t& n, std::string& hash) {
    const size_t dash = rev.find('-');
    if (dash == std::string::npos || dash == 0 || dash > 9) return false;
    n = 0;
    for (size_t i = 0; i < dash; ++i) {
        if (rev[i] < '0' || rev[i] > '9') return false;
        n = n * 10 + (rev[i] - '0');
    }
    hash = rev.substr(dash + 1);
    return n >= 1 && is_lower_hex(hash, 32) && !(dash > 1 && rev[0] == '0');
}

void check_revision(Ctx& ctx, const Case& c, const std::string& prefix) {
    if (c.rev.empty()) {
        if (!c.rev_ids.empty()) ctx.add(prefix + "rev_ids", "a revision history without a current rev");
        return;
    }
    int64_t n = 0;
    std::string hash;
    if (!split_rev(c.rev, n, hash)) {
        ctx.add(prefix + "rev", "not a revision \"N-<32 hex digits>\": " + shown(c.rev));
        return;
    }
    if (c.rev_ids.empty() || c.rev_ids.front() != hash) {
        ctx.add(prefix + "rev_ids", "must start with the current revision's hash " + shown(hash));
        return;
    }
    if (c.rev_ids.size() > static_cast<size_t>(n) || c.rev_ids.size() > static_cast<size_t>(kMaxRevisions)) {
        ctx.add(prefix + "rev_ids", "holds " + std::to_string(c.rev_ids.size()) + " revisions, more than revision " +
                                        std::to_string(n) + " can have (at most " + std::to_string(kMaxRevisions) + " are kept)");
        return;
    }
    for (size_t i = 0; i < c.rev_ids.size(); ++i)
        if (!is_lower_hex(c.rev_ids[i], 32)) {
            ctx.add(index_path(prefix + "rev_ids", i), "not a revision hash (32 lowercase hex digits): " + shown(c.rev_ids[i]));
            return;
        }
}

void date_not_before(Ctx& ctx, const std::string& path, Date d, Date earliest, const char* what) {
    if (d < earliest) ctx.add(path, to_iso(d) + " is before " + what + " (" + to_iso(earliest) + ")");
}

// Impossible data only. Code breaches in a possible history (an extension over the
// limit without a good reason, a late escalation without discretion, ...) are kept:
// findings.h lists them, and the flags behind them are recomputed on import.
void check_stages(Ctx& ctx, const Case& c, const std::string& prefix) {
    for (size_t i = 0; i < c.stages.size(); ++i) {
        const Stage& s = c.stages[i];
        const std::string p = index_path(prefix + "stages", i);
        if (s.number == 3 && c.code == CodeVersion::Code2024) {
            ctx.add(p + ".number", "a stage 3 on a 2024-Code case: the 2024 Code has two stages (5.3); only 2022-Code records may carry one");
        } else if (s.number != static_cast<int>(i) + 1) {
            if (i == 0)
                ctx.add(p + ".number", "a stage " + std::to_string(s.number) + " without a stage 1");
            else
                ctx.add(p + ".number", "stage numbers out of order: stage " + std::to_string(s.number) +
                                           " follows stage " + std::to_string(c.stages[i - 1].number));
        }
        if (s.number == 1 && s.escalation)
            ctx.add(p + ".escalation", "stage 1 has no escalation request; only stage 2 (or a legacy stage 3) starts with one");
        date_not_before(ctx, p + ".opened", s.opened, c.received, "the date the case was received");
        if (i > 0) date_not_before(ctx, p + ".opened", s.opened, c.stages[i - 1].opened, "the previous stage opened");
        if (s.acknowledged) date_not_before(ctx, p + ".acknowledged", *s.acknowledged, s.opened, "the stage opened");
        if (s.responded) date_not_before(ctx, p + ".responded", *s.responded, s.opened, "the stage opened");
        for (size_t k = 0; k < s.remedies.size(); ++k) {
            const Remedy& r = s.remedies[k];
            if (r.type != RemedyType::Financial && r.amount.pence != 0)
                ctx.add(index_path(p + ".remedies", k) + ".amount", "only a financial remedy has an amount");
        }
    }
}

// Surveys: one per stage, after that stage's response; answered or declined only once offered.
void check_surveys(Ctx& ctx, const Case& c, const std::string& prefix) {
    std::unordered_set<int> stages_surveyed;
    for (size_t i = 0; i < c.surveys.size(); ++i) {
        const Survey& s = c.surveys[i];
        const std::string p = index_path(prefix + "surveys", i) + ".";
        const std::string stage_name = "stage " + std::to_string(s.stage);
        if (!stages_surveyed.insert(s.stage).second)
            ctx.add(p + "stage", "a second survey for " + stage_name + ": one survey follows each stage's response");
        const auto st = std::find_if(c.stages.begin(), c.stages.end(), [&](const Stage& x) { return x.number == s.stage; });
        if (st == c.stages.end()) ctx.add(p + "stage", "this case has no " + stage_name);
        else if (s.offered && !st->responded) ctx.add(p + "on", "offered, but " + stage_name + " has no response yet");
        else if (s.on && st->responded)
            date_not_before(ctx, p + "on", *s.on, *st->responded, ("the " + stage_name + " response").c_str());
        if ((s.answered || s.declined) && !s.offered)
            ctx.add(p + (s.answered ? "answered" : "declined"), "answered or declined, but the survey was not offered");
        if (s.answered && s.declined) ctx.add(p + "declined", "a survey is either answered or declined, not both");
        const bool scored = s.satisfied_handling || s.satisfied_outcome || s.felt_listened;
        if (scored && !s.answered) ctx.add(p + "answered", "scores are given, but the survey is not marked answered");
        if (s.answered && !scored) ctx.add(p + "answered", "marked answered, but no question has a score (1 to 5)");
        if (s.answered_on && !s.answered && !s.declined)
            ctx.add(p + "answered_on", "a date answered, but the survey is neither answered nor declined");
        if (s.answered_on && s.on) date_not_before(ctx, p + "answered_on", *s.answered_on, *s.on, "the survey was offered");
    }
}

void check_one_case(Ctx& ctx, const Case& c, const std::string& prefix) {
    if (c.resident.name.empty() && c.resident.group_description.empty())
        ctx.add(prefix + "resident.name", "missing: a resident's name, or a description of the group of residents");
    if (c.logged) date_not_before(ctx, prefix + "logged", *c.logged, c.received, "the date received");
    for (size_t i = 0; i < c.reference_aliases.size(); ++i) {
        const std::string& alias = c.reference_aliases[i];
        if (alias == c.reference)
            ctx.add(index_path(prefix + "reference_aliases", i), "the case's own reference is not an alias: " + shown(alias));
        else if (std::find(c.reference_aliases.begin(), c.reference_aliases.begin() + static_cast<std::ptrdiff_t>(i), alias) !=
                 c.reference_aliases.begin() + static_cast<std::ptrdiff_t>(i))
            ctx.add(index_path(prefix + "reference_aliases", i), "listed twice: " + shown(alias));
    }
    check_revision(ctx, c, prefix);
    check_stages(ctx, c, prefix);
    if (c.refusal) date_not_before(ctx, prefix + "refusal.decided_on", c.refusal->decided_on, c.received, "the date received");
    if (c.closure) date_not_before(ctx, prefix + "closure.closed_on", c.closure->closed_on, c.received, "the date received");
    if (c.representative.consent_given == false && c.representative.consent_date)
        ctx.add(prefix + "representative.consent_date", "a consent date without consent_given");

    std::unordered_set<std::string> hazard_ids;
    for (size_t i = 0; i < c.hazards.size(); ++i)
        if (!hazard_ids.insert(c.hazards[i].id).second)
            ctx.add(index_path(prefix + "hazards", i) + ".id", "duplicate hazard id " + shown(c.hazards[i].id));
    for (size_t i = 0; i < c.attachments.size(); ++i) {
        const Attachment& a = c.attachments[i];
        if (!a.hazard_id.empty() && !hazard_ids.count(a.hazard_id))
            ctx.add(index_path(prefix + "attachments", i) + ".hazard_id", "no hazard " + shown(a.hazard_id) + " on this case");
    }
    for (size_t i = 0; i < c.linked_cases.size(); ++i)
        if (c.linked_cases[i] == c.id) ctx.add(index_path(prefix + "linked_cases", i), "a case cannot be linked to itself");
    check_surveys(ctx, c, prefix);
}

void check_case_with_conflicts(Ctx& ctx, const Case& c) {
    check_one_case(ctx, c, "");
    std::unordered_set<std::string> revs{c.rev};
    for (size_t i = 0; i < c.conflicts.size(); ++i) {
        const Case& v = c.conflicts[i];
        const std::string p = index_path("conflicts", i) + ".";
        if (v.id != c.id) ctx.add(p + "id", "a conflict version must have the case's own id " + shown(c.id));
        if (v.rev.empty()) ctx.add(p + "rev", "missing: a conflict version always has a revision");
        else if (!revs.insert(v.rev).second) ctx.add(p + "rev", "duplicate revision " + shown(v.rev));
        if (!v.conflicts.empty()) ctx.add(p + "conflicts", "a conflict version cannot hold conflicts of its own");
        check_one_case(ctx, v, p);
    }
    for (size_t i = 0; i < c.discarded_revs.size(); ++i) {
        int64_t n = 0;
        std::string hash;
        if (!split_rev(c.discarded_revs[i], n, hash))
            ctx.add(index_path("discarded_revs", i), "not a revision \"N-<32 hex digits>\": " + shown(c.discarded_revs[i]));
    }
}

template <class T, class IdOf, class LabelOf>
void check_unique(Ctx& ctx, const std::vector<T>& items, IdOf id_of, LabelOf label_of, const char* field) {
    std::unordered_map<std::string, size_t> first;
    first.reserve(items.size());
    for (size_t i = 0; i < items.size(); ++i) {
        const std::string& id = id_of(items[i]);
        if (id.empty()) continue;
        const auto [it, inserted] = first.emplace(id, i);
        if (!inserted) {
            ctx.record = label_of(i);
            ctx.add(field, "duplicate of " + label_of(it->second) + ": " + shown(id));
        }
    }
    ctx.record.clear();
}

void check_settings(Ctx& ctx, const Settings& s) {
    const auto unique_ids = [&](const auto& list, const char* name) {
        std::unordered_set<std::string> seen;
        for (size_t i = 0; i < list.size(); ++i)
            if (!seen.insert(list[i].id).second)
                ctx.add(index_path(name, i) + ".id", "duplicate id " + shown(list[i].id));
    };
    ctx.record = "settings";
    unique_ids(s.categories, "categories");
    unique_ids(s.compensation, "compensation");
    unique_ids(s.refusal_grounds, "refusal_grounds");
    unique_ids(s.staff, "staff");
    unique_ids(s.hazard_types, "hazard_types");
    ctx.record.clear();
}

bool is_provision(std::string_view p) {  // "1.2" .. "9.8", "5.10"
    if (p.size() < 3 || p.size() > 5 || p[1] != '.' || p[0] < '1' || p[0] > '9') return false;
    for (size_t i = 2; i < p.size(); ++i)
        if (p[i] < '0' || p[i] > '9') return false;
    return true;
}

void check_all(Ctx& ctx, const Dataset& d, const std::vector<bool>* clean) {
    check_settings(ctx, d.settings);

    for (size_t i = 0; i < d.cases.size(); ++i) {
        if (clean && !(*clean)[i]) continue;  // its own problems are already listed
        ctx.record = case_label(i, d.cases[i]);
        check_case_with_conflicts(ctx, d.cases[i]);
    }
    ctx.record.clear();

    const auto label = [&](size_t i) { return case_label(i, d.cases[i]); };
    check_unique(ctx, d.cases, [](const Case& c) -> const std::string& { return c.id; }, label, "id");
    check_unique(ctx, d.cases, [](const Case& c) -> const std::string& { return c.reference; }, label, "reference");
    const auto by_index = [](const char* list) {
        return [list](size_t i) { return std::string(list) + "[" + std::to_string(i) + "]"; };
    };
    const auto id_of = [](const auto& x) -> const std::string& { return x.id; };
    check_unique(ctx, d.learning, id_of, by_index("learning"), "id");
    check_unique(ctx, d.assessments, id_of, by_index("assessments"), "id");
    check_unique(ctx, d.quality_checks, id_of, by_index("quality_checks"), "id");
    check_unique(ctx, d.non_compliance, id_of, by_index("non_compliance"), "id");
    check_unique(ctx, d.erasures, [](const Erasure& e) -> const std::string& { return e.case_id; },
                 by_index("erasures"), "case_id");

    // An erased case is not in the file beside its erasure (21.8): a merge or an import
    // leaves it out, so only a file made by hand holds both.
    std::unordered_map<std::string, size_t> erased;
    erased.reserve(d.erasures.size());
    for (size_t k = 0; k < d.erasures.size(); ++k) erased.emplace(d.erasures[k].case_id, k);
    if (!erased.empty())
        for (size_t i = 0; i < d.cases.size(); ++i) {
            const auto e = erased.find(d.cases[i].id);
            if (e == erased.end()) continue;
            ctx.record = label(i);
            ctx.add("id", "this case was erased (" + by_index("erasures")(e->second) +
                              "), so it cannot also be in the file: leave out the case or its erasure");
        }
    ctx.record.clear();

    // Links between records. A link to an erased case names a case that was here
    // and is recorded as erased: it stays, as the case's other records do.
    std::unordered_set<std::string> ids;
    ids.reserve(d.cases.size() + d.erasures.size());
    for (const Case& c : d.cases) ids.insert(c.id);
    for (const Erasure& e : d.erasures) ids.insert(e.case_id);
    const auto link = [&](const std::string& target, const std::string& path) {
        if (!target.empty() && !ids.count(target)) ctx.add(path, "no case with id " + shown(target) + " in this file");
    };
    if (ctx.lim.require_known_links) {
        for (size_t i = 0; i < d.cases.size(); ++i) {
            const Case& c = d.cases[i];
            if (c.raised_from_case.empty() && c.linked_cases.empty()) continue;
            ctx.record = case_label(i, c);
            link(c.raised_from_case, "raised_from_case");
            for (size_t k = 0; k < c.linked_cases.size(); ++k) link(c.linked_cases[k], index_path("linked_cases", k));
        }
        for (size_t i = 0; i < d.learning.size(); ++i) {
            ctx.record = index_path("learning", i);
            for (size_t k = 0; k < d.learning[i].case_ids.size(); ++k)
                link(d.learning[i].case_ids[k], index_path("case_ids", k));
        }
        for (size_t i = 0; i < d.quality_checks.size(); ++i) {
            ctx.record = index_path("quality_checks", i);
            link(d.quality_checks[i].case_id, "case_id");
        }
    }

    std::unordered_set<std::string> assessment_ids;
    for (const SelfAssessment& a : d.assessments) assessment_ids.insert(a.id);
    for (size_t i = 0; i < d.assessments.size(); ++i) {
        const SelfAssessment& a = d.assessments[i];
        ctx.record = index_path("assessments", i);
        if (!a.copied_from.empty() && !assessment_ids.count(a.copied_from))
            ctx.add("copied_from", "no self-assessment with id " + shown(a.copied_from) + " in this file");
        std::unordered_set<std::string> provisions;
        for (size_t k = 0; k < a.answers.size(); ++k) {
            const std::string& p = a.answers[k].provision;
            const std::string path = index_path("answers", k) + ".provision";
            if (!is_provision(p)) ctx.add(path, "not a Code provision number like \"5.10\": " + shown(p));
            else if (!provisions.insert(p).second) ctx.add(path, "provision " + p + " is answered twice");
        }
    }
    ctx.record.clear();
}

// ---------------------------------------------------------------------------
// Text to JSON, guarded

// Builds the document while it is read, checking as it goes what keeps a hostile
// file from eating the device's memory: nesting depth, items in any one list and
// values in the whole file are refused the moment they pass their limit, so any
// input is refused within memory a small multiple of its size. A key written
// twice in one object is refused too: keeping the last would lose the first
// silently.
class GuardedBuilder {
public:
    // `on_case` (when given) receives each element of the top-level "cases" list
    // as soon as it is read; the element is then dropped, so a whole export is
    // never held as one document.
    using CaseHook = std::function<void(size_t index, const json& c)>;
    GuardedBuilder(Ctx& ctx, json& root, CaseHook on_case = {}) : ctx_(ctx), root_(root), on_case_(std::move(on_case)) {}

    bool null() { return value(json(nullptr)); }
    bool boolean(bool b) { return value(json(b)); }
    bool number_integer(json::number_integer_t n) { return value(json(n)); }
    bool number_unsigned(json::number_unsigned_t n) { return value(json(n)); }
    bool number_float(json::number_float_t d, const json::string_t&) { return value(json(d)); }
    bool string(json::string_t& s) { return value(json(std::move(s))); }
    bool binary(json::binary_t&) { return refuse(path(), "binary data is not JSON text"); }

    bool start_object(std::size_t) { return open(json::value_t::object); }
    bool key(json::string_t& k) {
        Frame& f = stack_.back();
        if (f.node->contains(k)) {
            const std::string name = printable(k.size() > 60 ? k.substr(0, 60) + "..." : k);
            return refuse(path(), "the key \"" + name + "\" is written twice in one object (each field once)");
        }
        f.key = std::move(k);
        return true;
    }
    bool end_object() { return close(); }
    bool start_array(std::size_t) { return open(json::value_t::array); }
    bool end_array() { return close(); }

    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
        if (const auto* pe = dynamic_cast<const json::parse_error*>(&e)) syntax_error_byte_ = pe->byte;
        else syntax_error_byte_ = 0;
        syntax_error_ = e.what();
        return false;
    }

    bool refused() const { return refused_; }
    const std::optional<std::string>& syntax_error() const { return syntax_error_; }
    size_t syntax_error_byte() const { return syntax_error_byte_; }

private:
    struct Frame {
        json* node;
        std::string key;  // objects: the key of the value being read
    };

    // The largest list the schema allows anywhere. Reading stops at twice that; up
    // to it, the exact limit of each list (cases, a case's log, ...) is checked
    // with its name after reading, counting every item.
    size_t list_limit() const { return std::max(ctx_.lim.max_cases, ctx_.lim.max_list_items); }

    json* place(json&& v) {
        if (++values_ > ctx_.lim.max_values) {
            refuse(path(), "more than " + std::to_string(ctx_.lim.max_values) + " values in the file: not a Doorstep export");
            return nullptr;
        }
        if (stack_.empty()) {
            root_ = std::move(v);
            return &root_;
        }
        Frame& f = stack_.back();
        if (f.node->is_array()) {
            if (f.node->size() >= 2 * list_limit()) {
                refuse(path(), "too many items: more than " + std::to_string(2 * list_limit()) + " (limit " +
                                   std::to_string(list_limit()) + ")");
                return nullptr;
            }
            f.node->push_back(std::move(v));
            return &f.node->back();
        }
        json& slot = (*f.node)[f.key];
        slot = std::move(v);
        return &slot;
    }

    bool value(json&& v) { return place(std::move(v)) != nullptr; }

    bool open(json::value_t type) {
        if (static_cast<int>(stack_.size()) >= ctx_.lim.max_depth)
            return refuse("", "nested more than " + std::to_string(ctx_.lim.max_depth) + " levels deep: not a Doorstep export");
        json* node = place(json(type));
        if (!node) return false;
        stack_.push_back(Frame{node, {}});
        return true;
    }

    bool close() {
        if (on_case_ && stack_.size() == 3 && stack_[0].node->is_object() && stack_[0].key == "cases" &&
            stack_[1].node->is_array() && stack_[2].node->is_object()) {
            on_case_(stack_[1].node->size() - 1, *stack_[2].node);
            *stack_[2].node = json();  // read: only a placeholder stays
        }
        stack_.pop_back();
        return true;
    }

    // Where the reader is: "cases[3].log", "" at the top.
    std::string path() const {
        std::string out;
        for (size_t i = 1; i < stack_.size(); ++i) {
            const Frame& parent = stack_[i - 1];
            if (parent.node->is_array()) out += "[" + std::to_string(parent.node->size() - 1) + "]";
            else out += (out.empty() ? "" : ".") + printable(parent.key.substr(0, 60));
        }
        return out;
    }

    bool refuse(const std::string& where, std::string message) {
        ctx_.add(where, std::move(message));
        refused_ = true;
        return false;
    }

    Ctx& ctx_;
    json& root_;
    CaseHook on_case_;
    std::vector<Frame> stack_;
    size_t values_ = 0;
    bool refused_ = false;
    std::optional<std::string> syntax_error_;
    size_t syntax_error_byte_ = 0;
};

void report_syntax_error(Ctx& ctx, std::string_view text, const std::string& what, size_t byte) {
    if (byte == 0) {
        // e.g. a number too large for a double: "[json.exception.out_of_range.406] number overflow ..."
        std::string reason = what;
        const size_t bracket = reason.find("] ");
        if (reason.rfind("[json.exception", 0) == 0 && bracket != std::string::npos) reason = reason.substr(bracket + 2);
        ctx.add("", "not valid JSON: " + reason);
        return;
    }
    // byte is the 1-based position of the character that failed.
    size_t line = 1, column = 1;
    const size_t end = std::min<size_t>(byte - 1, text.size());
    for (size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') { ++line; column = 1; }
        else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
    }
    std::string reason = what;
    const size_t colon = reason.find(": ", reason.find("parse error"));
    reason = colon == std::string::npos ? "could not be read" : reason.substr(colon + 2);
    // Drop nlohmann's "; last read: '...'": raw bytes of a broken file do not belong in a message.
    const size_t last = reason.find("; last read: ");
    if (last != std::string::npos) {
        const size_t expected = reason.find("; expected", last);
        reason = reason.substr(0, last) + (expected == std::string::npos ? "" : reason.substr(expected));
    }
    ctx.add("", "not valid JSON at line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + reason);
}

bool parse_text(Ctx& ctx, std::string_view text, json& doc, GuardedBuilder::CaseHook on_case = {}) {
    if (text.size() > ctx.lim.max_bytes) {
        ctx.add("", "the file is too large: " + std::to_string(text.size()) + " bytes (limit " +
                        std::to_string(ctx.lim.max_bytes) + ")");
        return false;
    }
    GuardedBuilder builder(ctx, doc, std::move(on_case));
    try {
        if (json::sax_parse(text.begin(), text.end(), &builder)) return true;
    } catch (const std::exception& e) {
        report_syntax_error(ctx, text, e.what(), 0);
        return false;
    }
    if (builder.refused()) {
        doc = json();  // what was read so far is dropped at once
        return false;
    }
    report_syntax_error(ctx, text, builder.syntax_error().value_or("could not be read"), builder.syntax_error_byte());
    return false;
}

// One element of "cases", named by its index and, when readable, its reference. True when clean.
bool read_case_entry(Ctx& ctx, size_t i, const json& cj, Case& c) {
    ctx.record = "cases[" + std::to_string(i) + "]";
    const size_t before = ctx.total;
    if (!cj.is_object()) {
        ctx.add("", "expected an object, found " + type_of(cj));
    } else {
        // Name the case by its reference in every problem, when it has a readable one.
        const auto ref = cj.find("reference");
        if (ref != cj.end() && ref->is_string() && ref->get_ref<const std::string&>().size() <= 40 &&
            !has_control_character(ref->get_ref<const std::string&>()))
            ctx.record += " (" + ref->get_ref<const std::string&>() + ")";
        Obj co(ctx, cj, "");
        read_record(co, c, false);
        co.done();
    }
    ctx.record.clear();
    return ctx.total == before;
}

// A case read while the file streamed in, with what it found, until read_dataset
// takes its problems in file order.
struct StreamedCase {
    bool read = false;
    Problems problems;
    size_t total = 0;
};

void read_dataset(Ctx& ctx, const json& doc, Dataset& d, std::vector<bool>& clean,
                  const std::vector<StreamedCase>& streamed) {
    if (!doc.is_object()) {
        ctx.add("", "expected a Doorstep export (a JSON object with \"schema\": \"doorstep/1\"), found " + type_of(doc));
        return;
    }
    Obj top(ctx, doc, "");
    std::string schema;
    if (top.text("schema", schema, Need::Required) && schema != kSchemaName)
        top.problem("schema", "not a Doorstep export of schema \"doorstep/1\": " + shown(schema));
    if (schema.empty() || schema != kSchemaName) {
        // Some other file: listing every unknown field would bury the one message that matters.
        return;
    }
    int version = 0;
    if (top.integer("version", version, 0, 1'000'000, Need::Required) && version != kSchemaVersion)
        top.problem("version", "version " + std::to_string(version) +
                                   " is not supported by this app (it reads version " + std::to_string(kSchemaVersion) +
                                   "): update the app before importing");
    if (version != kSchemaVersion) return;
    LocalDateTime exported_at;
    top.when("exported_at", exported_at);

    ctx.record = "settings";
    if (const json* s = top.get("settings", Need::Required)) {
        if (!s->is_object()) {
            ctx.add("", "expected an object, found " + type_of(*s));
        } else {
            Obj so(ctx, *s, "");
            read_record(so, d.settings);
            so.done();
        }
    }
    ctx.record.clear();

    if (const json* cases = top.array("cases", Need::Required, ctx.lim.max_cases)) {
        d.cases.resize(cases->size());
        clean.assign(cases->size(), false);
        for (size_t i = 0; i < cases->size(); ++i) {
            if (i < streamed.size() && streamed[i].read) {  // read while the file came in
                ctx.absorb(streamed[i].problems, streamed[i].total);
                clean[i] = streamed[i].total == 0;
                continue;
            }
            clean[i] = read_case_entry(ctx, i, (*cases)[i], d.cases[i]);
        }
    }
    const auto records = [&](const char* key, auto& out) {
        top.list(key, out, [](Obj& x, auto& item) { read_record(x, item); }, Need::Required);
    };
    // List items are named "learning[2]", "assessments[0]" ... by Obj itself.
    records("learning", d.learning);
    records("assessments", d.assessments);
    records("quality_checks", d.quality_checks);
    records("non_compliance", d.non_compliance);
    // Erasures (21.8): absent in files from before them; at most one per case a file could hold.
    top.list("erasures", d.erasures, [](Obj& x, Erasure& e) { read_record(x, e); }, Need::Optional, ctx.lim.max_cases);
    top.done();
}

Error summary_error(const Problems& problems, size_t total) {
    std::string message = std::to_string(total) + (total == 1 ? " problem" : " problems") + "; nothing was imported";
    for (const Error& e : problems) message += "\n" + e.text();
    return Error{"import", std::move(message)};
}

void finish_list(Ctx& ctx) {
    if (ctx.total > ctx.out.size())
        ctx.out.push_back(Error{"", "... and " + std::to_string(ctx.total - ctx.out.size()) +
                                        " more problems not listed (limit " + std::to_string(ctx.lim.max_problems) + ")"});
}

// Runs `read`; an exception nlohmann throws becomes one more problem.
template <class F> void guarded(Ctx& ctx, F read) {
    try {
        read();
    } catch (const std::exception& e) {
        ctx.add("", std::string("could not be read: ") + e.what());
    }
}

// The value read, or every problem found (also given to `problems`).
template <class T> Result<T> outcome(Ctx& ctx, Problems* problems, T value) {
    const size_t total = ctx.total;
    finish_list(ctx);
    if (problems) *problems = ctx.out;
    if (total > 0) return summary_error(ctx.out, total);
    return value;
}

}  // namespace

// ---------------------------------------------------------------------------

Result<Dataset> parse_dataset(std::string_view text, const ImportLimits& limits, Problems* problems) {
    Problems list;
    Ctx ctx{limits, list};
    Dataset d;
    std::vector<bool> clean;
    json doc;
    std::vector<StreamedCase> streamed;
    const auto on_case = [&](size_t i, const json& cj) {
        if (d.cases.size() <= i) d.cases.resize(i + 1);
        if (streamed.size() <= i) streamed.resize(i + 1);
        StreamedCase& s = streamed[i];
        Ctx case_ctx{limits, s.problems};
        guarded(case_ctx, [&] { read_case_entry(case_ctx, i, cj, d.cases[i]); });
        s.read = true;
        s.total = case_ctx.total;
    };
    if (parse_text(ctx, text, doc, on_case)) {
        guarded(ctx, [&] {
            read_dataset(ctx, doc, d, clean, streamed);
            // Stored flags are checked, not trusted: recomputed from the record.
            const Calendar cal = d.settings.calendar();
            for (Case& c : d.cases) recompute_derived_flags(c, d.settings, cal);
            if (ctx.total == 0 || !clean.empty()) check_all(ctx, d, &clean);
        });
    }
    return outcome(ctx, problems, std::move(d));
}

Result<Case> parse_case(std::string_view text, const ImportLimits& limits, Problems* problems) {
    Problems list;
    Ctx ctx{limits, list};
    Case c;
    json doc;
    ctx.record = "case";
    if (parse_text(ctx, text, doc)) {
        guarded(ctx, [&] {
            if (!doc.is_object()) {
                ctx.add("", "expected a case (a JSON object), found " + type_of(doc));
            } else {
                const auto ref = doc.find("reference");
                if (ref != doc.end() && ref->is_string() && ref->get_ref<const std::string&>().size() <= 40)
                    ctx.record += " (" + ref->get_ref<const std::string&>() + ")";
                Obj o(ctx, doc, "");
                read_record(o, c, false);
                o.done();
                if (ctx.total == 0) check_case_with_conflicts(ctx, c);
            }
        });
    }
    return outcome(ctx, problems, std::move(c));
}

Problems check_dataset(const Dataset& d, const ImportLimits& limits) {
    Problems list;
    Ctx ctx{limits, list};
    check_all(ctx, d, nullptr);
    finish_list(ctx);
    return list;
}

Problems check_case(const Case& c, const std::string& label) {
    Problems list;
    const ImportLimits limits;
    Ctx ctx{limits, list};
    ctx.record = label;
    check_case_with_conflicts(ctx, c);
    finish_list(ctx);
    return list;
}

}  // namespace doorstep
