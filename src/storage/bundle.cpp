#include "storage/bundle.h"

#include "core/base/base64.h"
#include "core/base/hashing.h"

#include <nlohmann/json.hpp>

#include <map>

namespace doorstep {

namespace {

using json = nlohmann::json;

std::string case_label(const Case& c) { return c.reference.empty() ? c.id : c.reference; }

// "photo.jpg (case DS-2025-000123)" for each attachment and thumbnail the cases name.
std::map<std::string, std::string> names_by_hash(const Dataset& d) {
    std::map<std::string, std::string> names;
    for (const Case& c : d.cases)
        for (const Attachment& a : c.attachments) {
            const std::string file = a.filename.empty() ? "attachment" : a.filename;
            names.emplace(a.sha256, file + " (case " + case_label(c) + ")");
            if (!a.thumbnail_sha256.empty())
                names.emplace(a.thumbnail_sha256, "thumbnail of " + file + " (case " + case_label(c) + ")");
        }
    return names;
}

// Whether the text is a JSON object with a top-level "files" key (a bundle),
// found by reading it without building it: a plain export then goes straight to
// parse_dataset, which reads it within its limits.
struct FindsFiles : nlohmann::json_sax<json> {
    bool found = false;
    int depth = 0;
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return ++depth <= 64; }
    bool end_object() override { --depth; return true; }
    bool start_array(std::size_t) override { return ++depth <= 64; }
    bool end_array() override { --depth; return true; }
    bool key(string_t& k) override {
        if (depth == 1 && k == "files") found = true;
        return !found;  // stop at once when found
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }
};

bool is_bundle_text(std::string_view text) {
    FindsFiles finder;
    try {
        json::sax_parse(text.begin(), text.end(), &finder);
    } catch (const std::exception&) {
        return false;
    }
    return finder.found;
}

}  // namespace

bool is_sha256_hex(std::string_view s) {
    if (s.size() != 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

Result<Bundle> read_bundle(std::string_view text, const ImportLimits& limits, const AttachmentLimits& attachment_limits,
                           Problems* problems_out) {
    Bundle bundle;
    json doc = is_bundle_text(text) ? json::parse(text.begin(), text.end(), nullptr, false) : json();
    if (!doc.is_object() || !doc.contains("files")) {
        // A plain export (or not JSON at all: parse_dataset says where it breaks).
        auto parsed = parse_dataset(text, limits, problems_out);
        if (!parsed) return parsed.error();
        bundle.data = std::move(*parsed);
        return bundle;
    }
    bundle.has_files = true;
    json files_json = std::move(doc["files"]);
    doc.erase("files");
    auto parsed = parse_dataset(doc.dump(), limits, problems_out);
    if (!parsed) return parsed.error();
    bundle.data = std::move(*parsed);
    const std::map<std::string, std::string> names = names_by_hash(bundle.data);

    Problems problems;
    if (!files_json.is_object()) {
        problems.push_back(Error{"files", "expected an object of attachments keyed by their SHA-256"});
    } else {
        for (auto it = files_json.begin(); it != files_json.end(); ++it) {
            const std::string sha = it.key();
            const auto named = names.find(sha);
            const std::string where = "files." + sha.substr(0, 64) + (named != names.end() ? " " + named->second : "");
            if (!is_sha256_hex(sha)) {
                problems.push_back(Error{where, "the key is not a SHA-256 fingerprint (64 lowercase hex characters)"});
                continue;
            }
            const json& f = it.value();
            if (!f.is_object() || !f.contains("mime") || !f["mime"].is_string() || !f.contains("base64") ||
                !f["base64"].is_string()) {
                problems.push_back(Error{where, "expected {\"mime\": text, \"size\": number, \"base64\": text}"});
                continue;
            }
            auto bytes = base64_decode(f["base64"].get_ref<const std::string&>());
            if (!bytes) {
                problems.push_back(Error{where, "the base64 text is damaged"});
                continue;
            }
            if (f.contains("size") && (!f["size"].is_number_integer() || f["size"].get<int64_t>() != int64_t(bytes->size()))) {
                problems.push_back(Error{where, "the size does not match the contents (" + std::to_string(bytes->size()) + " bytes)"});
                continue;
            }
            const std::string mime = f["mime"].get<std::string>();
            if (Status s = check_attachment(*bytes, mime, named != names.end() ? named->second : sha, attachment_limits); !s) {
                problems.push_back(Error{where, s.error().message});
                continue;
            }
            if (sha256_hex(*bytes) != sha) {
                problems.push_back(Error{where, "the contents do not match their SHA-256 fingerprint: the file is damaged"});
                continue;
            }
            bundle.files.push_back({sha, normalise_mime(mime), std::move(*bytes)});
        }
    }
    if (!problems.empty()) {
        if (problems_out) problems_out->insert(problems_out->end(), problems.begin(), problems.end());
        std::string message = std::to_string(problems.size()) + (problems.size() == 1 ? " problem" : " problems") +
                              " with the attached files; nothing was imported";
        for (const Error& e : problems) message += "\n" + e.text();
        return Error{"import", message};
    }
    return bundle;
}

}  // namespace doorstep
