// Reading "doorstep/1" with every field checked: types, ranges, dates, enum
// values and sizes first (while reading), then the rules that join fields and
// records (check_*). Problems are collected, never thrown; nlohmann's own
// exceptions are caught at the edge.
#include "core/data/import.h"

#include "core/data/case_json.h"
#include "core/rules/derived_flags.h"
#include "core/base/ids.h"
#include "core/model/references.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <limits>
#include <unordered_map>
#include <unordered_set>

namespace doorstep {

using json = nlohmann::json;

namespace {

constexpr int64_t kMaxPence = 100'000'000'000;  // £1bn: anything above is a typo
constexpr int kMaxDays = 365;                   // any working-day count in the model
constexpr int kMaxRevisions = 1000;             // as revisions.h caps the history

// ---------------------------------------------------------------------------
// Problems

struct Ctx {
    Ctx(const ImportLimits& limits, Problems& problems) : lim(limits), out(problems) {}
    const ImportLimits& lim;
    Problems& out;
    size_t total = 0;
    std::string record;  // "cases[3] (DS-2025-000004)", "settings", or "" at the top

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

bool is_hex(std::string_view s, size_t length) {
    if (s.size() != length) return false;
    for (char ch : s)
        if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return false;
    return true;
}

// ---------------------------------------------------------------------------
// Reading one JSON object into a struct, field by field

enum Need { Optional, Required };

class Obj {
public:
    Obj(Ctx& ctx, const json& j, std::string path) : c_(ctx), j_(j), path_(std::move(path)) {}

    std::string at(const char* key) const { return path_.empty() ? std::string(key) : path_ + "." + key; }
    void problem(const char* key, std::string message) { c_.add(at(key), std::move(message)); }
    Ctx& ctx() { return c_; }
    const std::string& path() const { return path_; }

    const json* get(const char* key, Need need) {
        seen_.push_back(key);
        const auto it = j_.find(key);
        if (it == j_.end()) {
            if (need == Required) problem(key, "missing (required)");
            return nullptr;
        }
        return &*it;
    }

    bool text(const char* key, std::string& out, Need need = Optional) {
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
        if (need == Required && s.empty()) {
            problem(key, "must not be empty");
            return false;
        }
        out = s;
        return true;
    }

    bool boolean(const char* key, bool& out, Need need = Optional) {
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
        if (boolean(key, b, Optional)) out = b;
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

    template <class I> bool integer(const char* key, I& out, int64_t lo, int64_t hi, Need need = Optional) {
        int64_t n = 0;
        if (!integer64(key, n, lo, hi, need)) return false;
        out = static_cast<I>(n);
        return true;
    }

    bool days(const char* key, int& out, Need need = Optional, int lo = 0) {
        return integer(key, out, lo, kMaxDays, need);
    }

    bool pence(const char* key, Money& out, Need need = Optional) {
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

    bool date(const char* key, Date& out, Need need = Required) {
        const json* v = get(key, need);
        if (!v) return false;
        if (!v->is_string()) {
            problem(key, "expected a date \"YYYY-MM-DD\", found " + type_of(*v));
            return false;
        }
        const std::string& s = v->get_ref<const std::string&>();
        const std::optional<Date> d = parse_iso_date(s);
        if (!d) {
            problem(key, "not a date: " + shown(s));
            return false;
        }
        out = *d;
        return true;
    }

    void date(const char* key, std::optional<Date>& out) {
        Date d;
        if (date(key, d, Optional)) out = d;
    }

    bool datetime(const char* key, LocalDateTime& out, Need need = Required) {
        const json* v = get(key, need);
        if (!v) return false;
        if (!v->is_string()) {
            problem(key, "expected a date and time \"YYYY-MM-DDTHH:MM\", found " + type_of(*v));
            return false;
        }
        const std::string& s = v->get_ref<const std::string&>();
        const std::optional<LocalDateTime> t = parse_iso_local(s);
        if (!t) {
            problem(key, "not a date and time \"YYYY-MM-DDTHH:MM\": " + shown(s));
            return false;
        }
        out = *t;
        return true;
    }

    void datetime(const char* key, std::optional<LocalDateTime>& out) {
        LocalDateTime t;
        if (datetime(key, t, Optional)) out = t;
    }

    template <class E> bool enm(const char* key, E& out, Need need = Required) {
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
        const json* a = array(key, Optional, c_.lim.max_list_items);
        if (!a) return;
        out.reserve(a->size());
        for (size_t i = 0; i < a->size(); ++i) {
            std::string s;
            const std::string item_key = std::string(key) + "[" + std::to_string(i) + "]";
            if (read_text(item_key.c_str(), (*a)[i], s, Required)) out.push_back(std::move(s));
        }
    }

    // A list of objects: `read(Obj&, T&)` fills each item.
    template <class T, class F> void list(const char* key, std::vector<T>& out, F read, Need need = Optional,
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
    template <class F> bool object(const char* key, F read, Need need = Optional) {
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
                else if (o.read_text(name.c_str(), it.value(), value, Optional)) out[it.key()] = std::move(value);
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
// Case parts

void read_resident(Obj& o, Resident& r) {
    o.text("name", r.name);
    o.text("address", r.address);
    o.text("postcode", r.postcode);
    o.text("phone", r.phone);
    o.text("email", r.email);
    o.enm("preferred_contact", r.preferred_contact);
    o.boolean("group_of_residents", r.group_of_residents);
    o.text("group_description", r.group_description);
}

void read_representative(Obj& o, Representative& r) {
    o.enm("kind", r.kind);
    o.text("name", r.name);
    o.text("contact", r.contact);
    o.boolean("consent_given", r.consent_given);
    o.date("consent_date", r.consent_date);
}

void read_adjustment(Obj& o, ReasonableAdjustment& a) {
    o.text("description", a.description, Required);
    o.text("disclosed_disability", a.disclosed_disability);
    o.date("agreed_on", a.agreed_on);
    o.date("review_due", a.review_due);
    o.days("shorter_timescale_days", a.shorter_timescale_days);
}

void read_restriction(Obj& o, ContactRestriction& r) {
    o.text("description", r.description, Required);
    o.text("evidence", r.evidence);
    o.text("equality_act_regard", r.equality_act_regard);
    o.date("decided_on", r.decided_on);
    o.date("review_due", r.review_due);
}

void read_conflict_of_interest(Obj& o, ConflictOfInterest& c) {
    o.text("person", c.person, Required);
    o.text("details", c.details);
    o.date("declared_on", c.declared_on);
}

void read_point(Obj& o, DefinitionPoint& p) {
    o.text("text", p.text, Required);
    o.enm("decision", p.decision);
    o.text("reasons", p.reasons);
}

void read_aspect(Obj& o, Aspect& a) {
    o.text("text", a.text, Required);
    o.boolean("in_scope", a.in_scope, Required);
    o.text("reason_excluded", a.reason_excluded);
}

void read_extension(Obj& o, Extension& e) {
    o.days("working_days", e.working_days, Required, 1);
    o.text("reason", e.reason);
    o.date("decided_on", e.decided_on);
    o.date("resident_told", e.resident_told);
    o.text("told_how", e.told_how);
    o.boolean("ombudsman_details_given", e.ombudsman_details_given);
    o.boolean("resident_agreed", e.resident_agreed);
    o.boolean("beyond_limit", e.beyond_limit);
    o.text("good_reason", e.good_reason);
    o.boolean("set_at_acknowledgement", e.set_at_acknowledgement);
}

void read_remedy(Obj& o, Remedy& r) {
    o.enm("type", r.type);
    o.text("description", r.description);
    o.pence("amount", r.amount);
    o.text("working", r.working);
    o.pence("suggested", r.suggested);
    o.text("override_reason", r.override_reason);
    o.object("parts", [&](Obj& p) {
        p.pence("statutory", r.parts.statutory);
        p.pence("quantifiable_losses", r.parts.quantifiable_losses);
        p.pence("time_and_trouble", r.parts.time_and_trouble);
        p.pence("distress_and_inconvenience", r.parts.distress_and_inconvenience);
    });
    o.text("approved_by", r.approved_by);
    o.enm("state", r.state);
    o.date("due", r.due);
    o.date("completed", r.completed);
    o.date("offered_on", r.offered_on);
    o.date("answered_on", r.answered_on);
}

void read_action(Obj& o, OutstandingAction& a) {
    o.text("description", a.description, Required);
    o.text("owner", a.owner);
    o.date("due", a.due);
    o.date("completed", a.completed);
}

void read_stage(Obj& o, Stage& s) {
    o.integer("number", s.number, 1, 3, Required);
    o.date("opened", s.opened);
    o.object("escalation", [&](Obj& e) {
        Escalation esc;
        e.date("requested", esc.requested);
        e.text("resident_reason", esc.resident_reason);
        e.boolean("outside_window", esc.outside_window);
        e.text("discretion_decision", esc.discretion_decision);
        s.escalation = std::move(esc);
    });
    o.text("definition", s.definition);
    o.list("points", s.points, read_point);
    o.list("aspects", s.aspects, read_aspect);
    o.text("outcome_sought", s.outcome_sought);
    o.boolean("definition_confirmed", s.definition_confirmed);
    o.text("investigator", s.investigator);
    o.strings("contributors", s.contributors);
    o.text("approver", s.approver);
    o.text("contractor_author", s.contractor_author);
    o.date("acknowledged", s.acknowledged);
    o.list("extensions", s.extensions, read_extension);
    o.object("updates", [&](Obj& u) {
        UpdateInterval interval;
        u.days("every_working_days", interval.every_working_days, Required, 1);
        u.date("agreed_on", interval.agreed_on);
        s.updates = interval;
    });
    o.list("remedies", s.remedies, read_remedy);
    o.list("actions", s.actions, read_action);
    o.date("responded", s.responded);
    o.text("response_summary", s.response_summary);
}

void read_refusal(Obj& o, Refusal& r) {
    o.text("ground_id", r.ground_id, Required);
    o.text("reasoning", r.reasoning);
    o.text("circumstances_considered", r.circumstances_considered);
    o.boolean("discretion_considered", r.discretion_considered);
    o.text("discretion_decision", r.discretion_decision);
    o.date("decided_on", r.decided_on);
    o.date("explained_on", r.explained_on);
    o.text("approved_by", r.approved_by);
    o.boolean("at_escalation", r.at_escalation);
}

void read_contact(Obj& o, ContactAttempt& a) {
    o.date("on", a.on);
    o.enm("method", a.method);
    o.enm("outcome", a.outcome);
    o.enm("purpose", a.purpose);
    o.text("summary", a.summary);
    o.boolean("definition_confirmed", a.definition_confirmed);
    o.text("by", a.by);
}

void read_log(Obj& o, LogEntry& e) {
    o.date("on", e.on);
    o.enm("kind", e.kind);
    o.text("by", e.by);
    o.text("text", e.text);
    o.text("letter_kind", e.letter_kind);
    o.text("letter_text", e.letter_text);
}

void read_hazard(Obj& o, HazardRecord& h) {
    o.text("id", h.id, Required);
    o.text("type_id", h.type_id, Required);
    o.boolean("emergency", h.emergency);
    o.text("location", h.location);
    o.text("observed", h.observed);
    o.text("reported_by", h.reported_by);
    o.datetime("aware", h.aware);
    o.text("vulnerable_occupants", h.vulnerable_occupants);
    o.datetime("made_safe", h.made_safe);
    o.text("made_safe_by", h.made_safe_by);
    o.date("investigated", h.investigated);
    o.text("investigated_by", h.investigated_by);
    o.boolean("significant_found", h.significant_found);
    // Records written before the investigation kept its own emergency finding:
    // an emergency report later found significant was taken as confirmed.
    if (!o.boolean("emergency_found", h.emergency_found)) h.emergency_found = h.emergency && h.significant_found;
    o.text("findings", h.findings);
    o.date("summary_sent", h.summary_sent);
    o.date("safety_work_done", h.safety_work_done);
    o.date("further_work_started", h.further_work_started);
    o.date("further_work_done", h.further_work_done);
    o.text("works_planned", h.works_planned);
    o.enm("accommodation", h.accommodation);
    o.date("closed", h.closed);
}

void read_attachment(Obj& o, Attachment& a) {
    if (o.text("sha256", a.sha256, Required) && !is_hex(a.sha256, 64)) {
        o.problem("sha256", "not a SHA-256 content hash (64 lowercase hex digits): " + shown(a.sha256));
    }
    o.text("filename", a.filename);
    o.text("mime", a.mime);
    o.integer("size", a.size, 0, int64_t{1} << 40, Required);
    if (o.text("thumbnail_sha256", a.thumbnail_sha256) && !is_hex(a.thumbnail_sha256, 64))
        o.problem("thumbnail_sha256", "not a SHA-256 content hash (64 lowercase hex digits): " + shown(a.thumbnail_sha256));
    o.text("caption", a.caption);
    o.date("added", a.added);
    o.text("hazard_id", a.hazard_id);
}

void read_ombudsman(Obj& o, OmbudsmanCase& om) {
    o.date("referred", om.referred);
    o.text("reference", om.reference);
    o.enm("determination", om.determination);
    o.date("determined", om.determined);
    o.list("orders", om.orders, [](Obj& x, OmbudsmanOrder& order) {
        x.text("description", order.description, Required);
        x.date("due", order.due);
        x.date("completed", order.completed);
        x.text("evidence", order.evidence);
    });
}

// A survey's answers and dates; the older single "survey" object has these without a stage.
void read_survey_fields(Obj& o, Survey& s) {
    o.boolean("offered", s.offered);
    o.boolean("answered", s.answered);
    o.boolean("declined", s.declined);
    o.integer("satisfied_handling", s.satisfied_handling, 0, 5);
    o.integer("satisfied_outcome", s.satisfied_outcome, 0, 5);
    o.integer("felt_listened", s.felt_listened, 0, 5);
    o.date("on", s.on);
    o.date("answered_on", s.answered_on);
}

void read_survey(Obj& o, Survey& s) {
    o.integer("stage", s.stage, 1, 3, Required);
    read_survey_fields(o, s);
}

// Before surveys were kept per stage a case had one "survey" object: it followed
// the latest response on or before the day it was offered (else the latest response).
void read_legacy_survey(Obj& o, Case& c) {
    if (!c.surveys.empty()) {
        o.ctx().add(o.path(), "a case has either the \"surveys\" list or the older single \"survey\", not both");
        return;
    }
    Survey s;
    read_survey_fields(o, s);
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

void read_audit(Obj& o, AuditEntry& a) {
    LocalDateTime at;
    if (o.datetime("at", at)) a.at = to_iso(at);
    o.text("who", a.who);
    o.text("what", a.what);
}

void read_case(Obj& o, Case& c, bool is_conflict_version) {
    if (o.text("id", c.id, Required) && !is_uuid(c.id))
        o.problem("id", "not a case id this app writes (a lowercase UUID): " + shown(c.id));
    o.text("reference", c.reference, Required);
    o.strings("reference_aliases", c.reference_aliases);
    o.text("rev", c.rev);
    o.strings("rev_ids", c.rev_ids);
    o.text("device", c.device);
    o.boolean("demo", c.demo);
    o.enm("code", c.code);
    o.enm("kind", c.kind);
    o.enm("channel", c.channel);
    o.date("received", c.received);
    o.date("logged", c.logged);
    o.object("resident", [&](Obj& r) { read_resident(r, c.resident); }, Required);
    o.object("representative", [&](Obj& r) { read_representative(r, c.representative); });
    o.text("own_words", c.own_words);
    o.text("outcome_wanted", c.outcome_wanted);
    o.text("category_id", c.category_id);
    o.text("subcategory", c.subcategory);
    o.text("property", c.property);
    o.text("contractor", c.contractor);
    o.boolean("high_rise_building_safety", c.high_rise_building_safety);
    o.integer("complexity", c.complexity, 1, 3, Required);
    o.text("vulnerability", c.vulnerability);
    o.text("staff_safety_warning", c.staff_safety_warning);
    o.list("adjustments", c.adjustments, read_adjustment);
    o.list("restrictions", c.restrictions, read_restriction);
    o.list("conflicts_of_interest", c.conflicts_of_interest, read_conflict_of_interest);
    o.date("service_request_completed", c.service_request_completed);
    o.text("raised_from_case", c.raised_from_case);
    o.strings("linked_cases", c.linked_cases);
    o.object("refusal", [&](Obj& r) {
        Refusal refusal;
        read_refusal(r, refusal);
        c.refusal = std::move(refusal);
    });
    o.list("stages", c.stages, read_stage);
    o.object("closure", [&](Obj& x) {
        Closure closure;
        x.date("closed_on", closure.closed_on);
        x.enm("reason", closure.reason);
        x.text("withdrawn_by", closure.withdrawn_by);
        x.text("notes", closure.notes);
        c.closure = std::move(closure);
    });
    o.list("contacts", c.contacts, read_contact);
    o.list("log", c.log, read_log);
    o.list("hazards", c.hazards, read_hazard);
    o.list("attachments", c.attachments, read_attachment);
    o.object("ombudsman", [&](Obj& x) {
        OmbudsmanCase om;
        read_ombudsman(x, om);
        c.ombudsman = std::move(om);
    });
    o.list("surveys", c.surveys, read_survey);
    o.object("survey", [&](Obj& x) { read_legacy_survey(x, c); });
    o.text("learning", c.learning);
    o.object("panel_review", [&](Obj& x) {
        PanelReview p;
        x.text("summary", p.summary, Required);
        x.text("learning", p.learning);
        x.text("reviewed_by", p.reviewed_by);
        x.date("reviewed_on", p.reviewed_on);
        c.panel_review = std::move(p);
    });
    o.list("audit", c.audit, read_audit);
    if (is_conflict_version) {
        // A conflict version is a leaf: it carries no conflicts of its own.
        if (o.get("conflicts", Optional)) o.problem("conflicts", "a conflict version cannot hold conflicts of its own");
    } else {
        o.list("conflicts", c.conflicts, [](Obj& x, Case& v) { read_case(x, v, true); });
    }
    o.strings("discarded_revs", c.discarded_revs);
}

// ---------------------------------------------------------------------------
// Settings and assurance records

constexpr const char* kPhase1Source =
    "Hazards in Social Housing (Prescribed Requirements) (England) Regulations 2025, phase 1";

void read_settings(Obj& o, Settings& s) {
    o.text("officer_name", s.officer_name);
    o.text("device_id", s.device_id);
    if (o.text("device_code", s.device_code) && !is_device_code(s.device_code))
        o.problem("device_code", "not a device code (" + std::to_string(kDeviceCodeLength) + " of " +
                                     std::string(kDeviceCodeAlphabet) + "): " + shown(s.device_code));
    o.object("landlord", [&](Obj& l) {
        l.text("name", s.landlord.name);
        l.text("address", s.landlord.address);
        l.text("phone", s.landlord.phone);
        l.text("email", s.landlord.email);
        l.text("website", s.landlord.website);
        l.text("complaints_team", s.landlord.complaints_team);
        l.text("letter_signoff", s.landlord.letter_signoff);
        l.text("complaints_policy", s.landlord.complaints_policy);
    }, Required);
    o.object("policy", [&](Obj& p) {
        Policy& x = s.policy;
        p.days("acknowledge_days", x.acknowledge_days, Required, 1);
        p.days("stage1_response_days", x.stage1_response_days, Required, 1);
        p.days("stage1_max_extension_days", x.stage1_max_extension_days, Required);
        p.days("stage2_acknowledge_days", x.stage2_acknowledge_days, Required, 1);
        p.days("stage2_response_days", x.stage2_response_days, Required, 1);
        p.days("stage2_max_extension_days", x.stage2_max_extension_days, Required);
        p.integer("escalation_window_weeks", x.escalation_window_weeks, 0, 104, Required);
        p.days("refusal_explanation_days", x.refusal_explanation_days, Required);
        p.days("extension_notice_days_before", x.extension_notice_days_before, Required);
        p.days("due_soon_days", x.due_soon_days, Required);
        p.days("default_update_interval_days", x.default_update_interval_days, Required);
        p.days("unexported_reminder_days", x.unexported_reminder_days, Required);
        p.boolean("refusal_needs_approval", x.refusal_needs_approval, Required);
        p.days("legacy_stage1_response_days", x.legacy_stage1_response_days, Required, 1);
        p.days("legacy_stage2_response_days", x.legacy_stage2_response_days, Required, 1);
        p.days("legacy_stage2_max_extension_days", x.legacy_stage2_max_extension_days, Required);
        p.days("legacy_stage3_response_days", x.legacy_stage3_response_days, Required, 1);
    }, Required);
    o.integer("homes_owned", s.homes_owned, 0, 10'000'000, Required);
    o.enm("region", s.region);
    o.list("closure_days", s.closure_days, [](Obj& x, Holiday& h) {
        x.date("date", h.date);
        x.text("title", h.title);
    });
    const auto external_body = [](Ombudsman& body) {
        return [&body](Obj& x) {
            x.text("name", body.name);
            x.text("phone", body.phone);
            x.text("website", body.website);
            x.text("online_form", body.online_form);
            x.text("address", body.address);
            x.text("source", body.source);
        };
    };
    o.object("ombudsman", external_body(s.ombudsman), Required);
    o.object("local_government_ombudsman", external_body(s.local_government_ombudsman));
    o.text("building_safety_regulator", s.building_safety_regulator);
    o.text("building_safety_regulator_contact", s.building_safety_regulator_contact);
    o.list("categories", s.categories, [](Obj& x, Category& cat) {
        x.text("id", cat.id, Required);
        x.text("label", cat.label);
        x.strings("subcategories", cat.subcategories);
        x.boolean("hazard_prompt", cat.hazard_prompt);
    });
    o.list("compensation", s.compensation, [](Obj& x, CompensationRate& r) {
        x.text("id", r.id, Required);
        x.text("label", r.label);
        x.pence("amount", r.amount, Required);
        x.enm("per", r.per);
    });
    o.text("discretionary_bands", s.discretionary_bands);
    o.list("refusal_grounds", s.refusal_grounds, [](Obj& x, RefusalGround& g) {
        x.text("id", g.id, Required);
        x.text("label", g.label);
        x.text("provision", g.provision);
        x.enm("body", g.body);
        x.boolean("needs_discretion", g.needs_discretion);
    });
    o.list("staff", s.staff, [](Obj& x, StaffMember& m) {
        x.text("id", m.id, Required);
        x.text("name", m.name);
        x.enm("role", m.role);
        x.text("team", m.team);
        x.text("email", m.email);
        x.text("phone", m.phone);
        x.boolean("may_sign_stage2", m.may_sign_stage2);
        x.pence("award_limit", m.award_limit);
    });
    o.list("hazard_types", s.hazard_types, [](Obj& x, HazardType& t) {
        x.text("id", t.id, Required);
        x.text("label", t.label);
        x.integer("phase", t.phase, 1, 3, Required);
        x.boolean("can_be_emergency", t.can_be_emergency, Required);
        x.date("in_force_from", t.in_force_from);
        x.text("in_force_source", t.in_force_source);
        // Settings saved before commencement was kept: phase 1 began on 27 October 2025;
        // later phases wait for the landlord to confirm their dates.
        if (!x.get("in_force_from", Optional) && t.phase == 1) {
            t.in_force_from = Date::from_ymd(2025, 10, 27);
            if (t.in_force_source.empty()) t.in_force_source = kPhase1Source;
        }
    });
    o.object("hazard_commencement", [&](Obj& x) {
        x.date("emergencies_from", s.hazard_commencement.emergencies_from);
        x.text("source", s.hazard_commencement.source);
    });

    o.object("hazard_timescales", [&](Obj& x) {
        HazardTimescales& t = s.hazard_timescales;
        x.integer("emergency_make_safe_hours", t.emergency_make_safe_hours, 1, 24 * 14, Required);
        x.days("investigate_working_days", t.investigate_working_days, Required, 1);
        x.days("summary_working_days", t.summary_working_days, Required, 1);
        x.days("safety_work_working_days", t.safety_work_working_days, Required, 1);
        x.days("further_work_start_working_days", t.further_work_start_working_days, Required, 1);
        x.integer("further_work_latest_weeks", t.further_work_latest_weeks, 1, 104, Required);
    }, Required);
    o.string_map("outcome_labels", s.outcome_labels);
    o.string_map("letter_templates", s.letter_templates);
    o.integer("quality_sample_size", s.quality_sample_size, 0, 10000, Required);
    o.integer("survey_target_stage1_pct", s.survey_target_stage1_pct, 0, 100, Required);
    o.integer("survey_target_stage2_pct", s.survey_target_stage2_pct, 0, 100, Required);
    o.text("theme", s.theme);
    if (const json* v = o.get("text_scale", Required)) {
        if (!v->is_number())
            o.problem("text_scale", "expected a number, found " + type_of(*v));
        else if (v->get<double>() < 0.5 || v->get<double>() > 4.0)
            o.problem("text_scale", "out of range: " + v->dump() + " (0.5 to 4)");
        else
            s.text_scale = static_cast<float>(v->get<double>());
    }
    o.date("last_exported", s.last_exported);
}

void read_learning(Obj& o, LearningItem& item) {
    o.text("id", item.id, Required);
    o.text("theme", item.theme);
    o.text("lesson", item.lesson);
    o.text("action", item.action);
    o.text("owner", item.owner);
    o.date("due", item.due);
    o.date("done", item.done);
    o.strings("case_ids", item.case_ids);
}

void read_signoff(Obj& o, SignOff& s) {
    o.text("name", s.name);
    o.text("role", s.role);
    o.date("on", s.on);
    o.text("statement", s.statement);
}

void read_assessment(Obj& o, SelfAssessment& a) {
    o.text("id", a.id, Required);
    o.integer("year", a.year, 1900, 2200, Required);
    a.code_version.clear();
    o.text("code_version", a.code_version);
    o.text("reason", a.reason);
    o.list("answers", a.answers, [](Obj& x, ProvisionAnswer& p) {
        x.text("provision", p.provision, Required);
        x.enm("comply", p.comply);
        x.text("evidence", p.evidence);
        x.text("commentary", p.commentary);
        x.list("actions", p.actions, [](Obj& y, AssessmentAction& act) {
            y.text("description", act.description, Required);
            y.text("owner", act.owner);
            y.enm("status", act.status);
            y.date("due", act.due);
            y.list("updates", act.updates, [](Obj& z, DatedUpdate& u) {
                z.date("on", u.on);
                z.text("text", u.text);
            });
        });
    });
    o.object("lead_officer", [&](Obj& x) { read_signoff(x, a.lead_officer); });
    o.object("member_responsible", [&](Obj& x) { read_signoff(x, a.member_responsible); });
    o.text("copied_from", a.copied_from);
}

bool is_month(std::string_view s) {
    if (s.size() != 7 || s[4] != '-') return false;
    return parse_iso_date(std::string(s) + "-01").has_value();
}

void read_quality_check(Obj& o, QualityCheck& q) {
    o.text("id", q.id, Required);
    if (o.text("month", q.month, Required) && !is_month(q.month))
        o.problem("month", "not a month \"YYYY-MM\": " + shown(q.month));
    std::string seed;
    if (o.text("seed", seed)) {
        uint64_t n = 0;
        bool ok = !seed.empty() && seed.size() <= 20;
        for (char ch : seed) {
            if (ch < '0' || ch > '9') { ok = false; break; }
            const uint64_t digit = static_cast<uint64_t>(ch - '0');
            if (n > (std::numeric_limits<uint64_t>::max() - digit) / 10) { ok = false; break; }
            n = n * 10 + digit;
        }
        if (ok) q.seed = n;
        else o.problem("seed", "not a whole number in decimal digits (0 to 18446744073709551615): " + shown(seed));
    }
    o.text("case_id", q.case_id);
    o.text("checker", q.checker);
    o.date("checked_on", q.checked_on);
    o.list("items", q.items, [](Obj& x, SpotCheckItem& item) {
        x.text("check", item.check, Required);
        x.boolean("passed", item.passed);
        x.text("note", item.note);
        x.boolean("from_record", item.from_record);
    });
    o.text("deep_dive_notes", q.deep_dive_notes);
}

void read_non_compliance(Obj& o, NonComplianceEvent& e) {
    o.text("id", e.id, Required);
    o.text("description", e.description);
    o.date("started", e.started);
    o.date("residents_told", e.residents_told);
    o.date("ombudsman_told", e.ombudsman_told);
    o.date("compliance_returns", e.compliance_returns);
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
    return n >= 1 && is_hex(hash, 32) && !(dash > 1 && rev[0] == '0');
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
        if (!is_hex(c.rev_ids[i], 32)) {
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

    // Links between records.
    std::unordered_set<std::string> ids;
    ids.reserve(d.cases.size());
    for (const Case& c : d.cases) ids.insert(c.id);
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

// Depth of nesting outside strings: nlohmann parses iteratively, but deep input
// is never a real export and makes every later walk expensive.
int nesting_depth(std::string_view text, int limit) {
    int depth = 0;
    int deepest = 0;
    bool in_string = false;
    bool escaped = false;
    for (char ch : text) {
        if (in_string) {
            if (escaped) escaped = false;
            else if (ch == '\\') escaped = true;
            else if (ch == '"') in_string = false;
            continue;
        }
        if (ch == '"') in_string = true;
        else if (ch == '[' || ch == '{') {
            deepest = std::max(deepest, ++depth);
            if (deepest > limit) return deepest;
        } else if (ch == ']' || ch == '}') --depth;
    }
    return deepest;
}

bool parse_text(Ctx& ctx, std::string_view text, json& doc) {
    if (text.size() > ctx.lim.max_bytes) {
        ctx.add("", "the file is too large: " + std::to_string(text.size()) + " bytes (limit " +
                        std::to_string(ctx.lim.max_bytes) + ")");
        return false;
    }
    if (nesting_depth(text, ctx.lim.max_depth) > ctx.lim.max_depth) {
        ctx.add("", "nested more than " + std::to_string(ctx.lim.max_depth) + " levels deep: not a Doorstep export");
        return false;
    }
    try {
        doc = json::parse(text.begin(), text.end());
        return true;
    } catch (const json::parse_error& e) {
        // e.byte is the 1-based position of the character that failed.
        size_t line = 1, column = 1;
        const size_t end = std::min<size_t>(e.byte > 0 ? e.byte - 1 : 0, text.size());
        for (size_t i = 0; i < end; ++i) {
            if (text[i] == '\n') { ++line; column = 1; }
            else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
        }
        std::string reason = e.what();
        const size_t colon = reason.find(": ", reason.find("parse error"));
        reason = colon == std::string::npos ? "could not be read" : reason.substr(colon + 2);
        // Drop nlohmann's "; last read: '...'": raw bytes of a broken file do not belong in a message.
        const size_t last = reason.find("; last read: ");
        if (last != std::string::npos) {
            const size_t expected = reason.find("; expected", last);
            reason = reason.substr(0, last) + (expected == std::string::npos ? "" : reason.substr(expected));
        }
        ctx.add("", "not valid JSON at line " + std::to_string(line) + ", column " + std::to_string(column) + ": " + reason);
        return false;
    } catch (const std::exception& e) {
        // e.g. a number too large for a double: "[json.exception.out_of_range.406] number overflow ..."
        std::string reason = e.what();
        const size_t bracket = reason.find("] ");
        if (reason.rfind("[json.exception", 0) == 0 && bracket != std::string::npos) reason = reason.substr(bracket + 2);
        ctx.add("", "not valid JSON: " + reason);
        return false;
    }
}

void read_dataset(Ctx& ctx, const json& doc, Dataset& d, std::vector<bool>& clean) {
    if (!doc.is_object()) {
        ctx.add("", "expected a Doorstep export (a JSON object with \"schema\": \"doorstep/1\"), found " + type_of(doc));
        return;
    }
    Obj top(ctx, doc, "");
    std::string schema;
    if (top.text("schema", schema, Required) && schema != kSchemaName)
        top.problem("schema", "not a Doorstep export of schema \"doorstep/1\": " + shown(schema));
    if (schema.empty() || schema != kSchemaName) {
        // Some other file: listing every unknown field would bury the one message that matters.
        return;
    }
    int version = 0;
    if (top.integer("version", version, 0, 1'000'000, Required) && version != kSchemaVersion)
        top.problem("version", "version " + std::to_string(version) +
                                   " is not supported by this app (it reads version " + std::to_string(kSchemaVersion) +
                                   "): update the app before importing");
    if (version != kSchemaVersion) return;
    LocalDateTime exported_at;
    top.datetime("exported_at", exported_at);

    ctx.record = "settings";
    if (const json* s = top.get("settings", Required)) {
        if (!s->is_object()) {
            ctx.add("", "expected an object, found " + type_of(*s));
        } else {
            Obj so(ctx, *s, "");
            read_settings(so, d.settings);
            so.done();
        }
    }
    ctx.record.clear();

    if (const json* cases = top.array("cases", Required, ctx.lim.max_cases)) {
        d.cases.resize(cases->size());
        clean.assign(cases->size(), false);
        for (size_t i = 0; i < cases->size(); ++i) {
            const json& cj = (*cases)[i];
            ctx.record = "cases[" + std::to_string(i) + "]";
            if (!cj.is_object()) {
                ctx.add("", "expected an object, found " + type_of(cj));
                continue;
            }
            // Name the case by its reference in every problem, when it has a readable one.
            const auto ref = cj.find("reference");
            if (ref != cj.end() && ref->is_string() && ref->get_ref<const std::string&>().size() <= 40 &&
                !has_control_character(ref->get_ref<const std::string&>()))
                ctx.record += " (" + ref->get_ref<const std::string&>() + ")";
            const size_t before = ctx.total;
            Obj co(ctx, cj, "");
            read_case(co, d.cases[i], false);
            co.done();
            clean[i] = ctx.total == before;
        }
        ctx.record.clear();
    }
    const auto records = [&](const char* key, auto& out, auto read) {
        top.list(key, out, read, Required);
    };
    // List items are named "learning[2]", "assessments[0]" ... by Obj itself.
    records("learning", d.learning, read_learning);
    records("assessments", d.assessments, read_assessment);
    records("quality_checks", d.quality_checks, read_quality_check);
    records("non_compliance", d.non_compliance, read_non_compliance);
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

}  // namespace

// ---------------------------------------------------------------------------

Result<Dataset> parse_dataset(std::string_view text, const ImportLimits& limits, Problems* problems) {
    Problems list;
    Ctx ctx{limits, list};
    Dataset d;
    std::vector<bool> clean;
    json doc;
    if (parse_text(ctx, text, doc)) {
        try {
            read_dataset(ctx, doc, d, clean);
            // Stored flags are checked, not trusted: recomputed from the record.
            const Calendar cal = d.settings.calendar();
            for (Case& c : d.cases) recompute_derived_flags(c, d.settings, cal);
            if (ctx.total == 0 || !clean.empty()) check_all(ctx, d, &clean);
        } catch (const std::exception& e) {
            ctx.add("", std::string("could not be read: ") + e.what());
        }
    }
    const size_t total = ctx.total;
    finish_list(ctx);
    if (problems) *problems = list;
    if (total > 0) return summary_error(list, total);
    return d;
}

Result<Case> parse_case(std::string_view text, const ImportLimits& limits, Problems* problems) {
    Problems list;
    Ctx ctx{limits, list};
    Case c;
    json doc;
    ctx.record = "case";
    if (parse_text(ctx, text, doc)) {
        try {
            if (!doc.is_object()) {
                ctx.add("", "expected a case (a JSON object), found " + type_of(doc));
            } else {
                const auto ref = doc.find("reference");
                if (ref != doc.end() && ref->is_string() && ref->get_ref<const std::string&>().size() <= 40)
                    ctx.record += " (" + ref->get_ref<const std::string&>() + ")";
                Obj o(ctx, doc, "");
                read_case(o, c, false);
                o.done();
                if (ctx.total == 0) check_case_with_conflicts(ctx, c);
            }
        } catch (const std::exception& e) {
            ctx.add("", std::string("could not be read: ") + e.what());
        }
    }
    const size_t total = ctx.total;
    finish_list(ctx);
    if (problems) *problems = list;
    if (total > 0) return summary_error(list, total);
    return c;
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
