// Case references with a device code (see references.h).
#include "core/model/references.h"

#include "core/base/hashing.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace doorstep {

namespace {

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

uint32_t number(std::string_view digits) {
    uint32_t n = 0;
    for (char ch : digits) n = n * 10 + static_cast<uint32_t>(ch - '0');
    return n;
}

bool same_text_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::toupper(static_cast<unsigned char>(a[i])) != std::toupper(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

}  // namespace

std::string new_device_code(Rng& rng) {
    std::string code;
    for (int i = 0; i < kDeviceCodeLength; ++i)
        code += kDeviceCodeAlphabet[rng.below(static_cast<uint32_t>(kDeviceCodeAlphabet.size()))];
    return code;
}

bool is_device_code(std::string_view code) {
    return code.size() == static_cast<size_t>(kDeviceCodeLength) &&
           std::all_of(code.begin(), code.end(), [](char ch) { return kDeviceCodeAlphabet.find(ch) != std::string_view::npos; });
}

std::string device_code_for_id(std::string_view id) {
    const std::string hex = sha256_hex(id);
    std::string code;
    for (int i = 0; i < kDeviceCodeLength; ++i) {
        const unsigned byte = static_cast<unsigned>(std::stoul(hex.substr(static_cast<size_t>(2 * i), 2), nullptr, 16));
        code += kDeviceCodeAlphabet[byte % kDeviceCodeAlphabet.size()];
    }
    return code;
}

std::optional<CaseReference> parse_case_reference(std::string_view text) {
    // DS-YYYY-NNNNNN (14) or DS-YYYY-CCCC-NNNNNN (19)
    if (text.size() != 14 && text.size() != 19) return std::nullopt;
    if (text.substr(0, 3) != "DS-" || text[7] != '-' || !all_digits(text.substr(3, 4))) return std::nullopt;
    CaseReference r;
    r.year = static_cast<int>(number(text.substr(3, 4)));
    std::string_view counter = text.substr(8);
    if (text.size() == 19) {
        if (text[12] != '-' || !is_device_code(text.substr(8, 4))) return std::nullopt;
        r.device_code = std::string(text.substr(8, 4));
        counter = text.substr(13);
    }
    if (counter.size() != 6 || !all_digits(counter)) return std::nullopt;
    r.counter = number(counter);
    return r;
}

std::string case_reference(int year, uint32_t counter) { return case_reference(year, std::string_view(), counter); }

std::string case_reference(int year, std::string_view device_code, uint32_t counter) {
    char buf[48];
    const unsigned n = static_cast<unsigned>(counter % 1000000u);
    if (device_code.empty()) std::snprintf(buf, sizeof buf, "DS-%04d-%06u", year, n);
    else std::snprintf(buf, sizeof buf, "DS-%04d-%.*s-%06u", year, static_cast<int>(device_code.size()), device_code.data(), n);
    return buf;
}

uint32_t next_reference_counter(const std::vector<Case>& cases, int year, std::string_view device_code) {
    uint32_t best = 0;
    const auto consider = [&](const std::string& ref) {
        const std::optional<CaseReference> r = parse_case_reference(ref);
        if (r && r->year == year && r->device_code == device_code) best = std::max(best, r->counter);
    };
    for (const Case& c : cases) {
        consider(c.reference);
        for (const std::string& alias : c.reference_aliases) consider(alias);
    }
    return best + 1;
}

bool has_reference(const Case& c, std::string_view text) {
    if (same_text_ignoring_case(c.reference, text)) return true;
    return std::any_of(c.reference_aliases.begin(), c.reference_aliases.end(),
                       [&](const std::string& alias) { return same_text_ignoring_case(alias, text); });
}

}  // namespace doorstep
