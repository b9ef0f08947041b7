// Writing the "doorstep/1" schema: one writer walks each record's field
// description (model/fields.h) in order and omits empty optional fields;
// import.cpp reads the same descriptions back.
#include "core/data/case_json.h"

#include "core/model/fields.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <map>
#include <type_traits>
#include <vector>

namespace doorstep {

using ojson = nlohmann::ordered_json;

namespace {

template <class T> struct is_optional : std::false_type {};
template <class T> struct is_optional<std::optional<T>> : std::true_type {};
template <class T> struct is_vector : std::false_type {};
template <class T> struct is_vector<std::vector<T>> : std::true_type {};

// Text typed into the UI could end mid-character; replace bad UTF-8 rather than
// throwing, so an export never fails on one bad byte.
std::string dump(const ojson& j, int indent) {
    std::string out = j.dump(indent, ' ', false, nlohmann::detail::error_handler_t::replace);
    if (indent >= 0) out += '\n';
    return out;
}

// Builds one JSON object from a record's fields (model/fields.h).
class Writer {
public:
    explicit Writer(bool with_revision_fields) : with_revision_fields_(with_revision_fields) {}

    template <class T> ojson record(const T& value) {
        Writer w(with_revision_fields_);
        // The descriptions take a record to fill or to read; writing only reads it.
        fields(w, const_cast<T&>(value));
        return std::move(w.j_);
    }

    template <class T, class... O> void operator()(const char* key, const T& value, const O&... options) {
        FieldSpec spec = spec_of(options...);
        if (spec.revision && !with_revision_fields_) return;
        if (spec.written_if) {
            if (!*spec.written_if) return;
            spec.required = true;  // then written whatever its value
        }
        if (std::optional<ojson> v = field(value, spec)) j_[key] = std::move(*v);
    }

private:
    // The value as JSON, or nothing when the field is omitted (see fields.h).
    template <class T> std::optional<ojson> field(const T& value, const FieldSpec& spec) {
        if constexpr (std::is_same_v<T, std::string>) {
            if (value.empty()) return std::nullopt;
            return ojson(value);
        } else if constexpr (std::is_same_v<T, bool>) {
            if (!value && !spec.required) return std::nullopt;
            return ojson(value);
        } else if constexpr (std::is_same_v<T, uint64_t>) {
            // A decimal string: JavaScript numbers lose precision above 2^53.
            if (value == 0) return std::nullopt;
            return ojson(std::to_string(value));
        } else if constexpr (std::is_integral_v<T>) {
            if (value == 0 && !spec.required) return std::nullopt;
            return ojson(value);
        } else if constexpr (std::is_same_v<T, float>) {
            // Two decimals: a float written in full would not read back to the same text.
            return ojson(std::round(static_cast<double>(value) * 100.0) / 100.0);
        } else if constexpr (std::is_same_v<T, Money>) {  // whole pence
            if (value.pence == 0 && !spec.required) return std::nullopt;
            return ojson(value.pence);
        } else if constexpr (std::is_same_v<T, Date> || std::is_same_v<T, LocalDateTime>) {
            return ojson(to_iso(value));
        } else if constexpr (std::is_enum_v<T>) {
            return ojson(enum_key(value));
        } else if constexpr (is_optional<T>::value) {
            if (!value) return std::nullopt;
            using V = typename T::value_type;
            if constexpr (std::is_same_v<V, Date> || std::is_same_v<V, LocalDateTime>) return ojson(to_iso(*value));
            else if constexpr (std::is_same_v<V, bool>) return ojson(*value);
            else return record(*value);
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            if (value.empty()) return std::nullopt;
            return ojson(value);
        } else if constexpr (is_vector<T>::value) {
            if (value.empty()) return std::nullopt;
            ojson arr = ojson::array();
            for (const auto& item : value) arr.push_back(record(item));
            return arr;
        } else if constexpr (std::is_same_v<T, std::map<std::string, std::string>>) {
            if (value.empty()) return std::nullopt;
            ojson j = ojson::object();
            for (const auto& [k, v] : value) j[k] = v;  // std::map: sorted, so stable
            return j;
        } else {
            ojson j = record(value);  // a nested object: omitted when it has nothing to say
            if (j.empty() && !spec.required) return std::nullopt;
            return j;
        }
    }

    bool with_revision_fields_;
    ojson j_ = ojson::object();
};

template <class T> ojson write(const T& value, bool with_revision_fields = true) {
    return Writer(with_revision_fields).record(value);
}

}  // namespace

// ---------------------------------------------------------------------------
// Public writers

ojson to_json(const Case& c) { return write(c); }
ojson to_json(const Settings& s) { return write(s); }
ojson to_json(const LearningItem& item) { return write(item); }
ojson to_json(const SelfAssessment& a) { return write(a); }
ojson to_json(const QualityCheck& q) { return write(q); }
ojson to_json(const NonComplianceEvent& e) { return write(e); }
ojson to_json(const Erasure& e) { return write(e); }

ojson to_json(const Dataset& d, std::string_view exported_at) {
    ojson j = ojson::object();
    j["schema"] = kSchemaName;
    j["version"] = kSchemaVersion;
    j["exported_at"] = std::string(exported_at);
    j["settings"] = to_json(d.settings);
    // The five lists are always written, even empty: a reader sees the whole shape.
    // The erasures (21.8) only when there are some, so a device that never erased a
    // case writes what it wrote before, and files from before read alike.
    const auto list = [](const auto& items) {
        ojson arr = ojson::array();
        for (const auto& item : items) arr.push_back(to_json(item));
        return arr;
    };
    j["cases"] = list(d.cases);
    j["learning"] = list(d.learning);
    j["assessments"] = list(d.assessments);
    j["quality_checks"] = list(d.quality_checks);
    j["non_compliance"] = list(d.non_compliance);
    if (!d.erasures.empty()) j["erasures"] = list(d.erasures);
    return j;
}

std::string export_dataset(const Dataset& d, std::string_view exported_at) {
    return dump(to_json(d, exported_at), 2);
}

std::string case_to_text(const Case& c) { return dump(to_json(c), 2); }

std::string case_canonical_json(const Case& c) { return dump(write(c, false), -1); }

}  // namespace doorstep
