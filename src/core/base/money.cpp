// Money in whole pence: formatting with thousands separators and a strict,
// forgiving-of-the-pound-sign parser for what officers type.
#include "core/base/money.h"

#include <cstdio>

namespace doorstep {

namespace {
constexpr std::string_view kPound = "\xC2\xA3";  // "£" in UTF-8
// 15 digits of pounds keeps every value and its sum with another well inside int64 pence.
constexpr size_t kMaxPoundDigits = 15;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

std::string format_money(Money m) {
    const bool negative = m.pence < 0;
    // Work in unsigned so INT64_MIN does not overflow on negation.
    const uint64_t abs = negative ? 0 - static_cast<uint64_t>(m.pence) : static_cast<uint64_t>(m.pence);
    const std::string digits = std::to_string(abs / 100);
    std::string out;
    if (negative) out += '-';
    out += kPound;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    char pence[8];
    std::snprintf(pence, sizeof pence, ".%02u", static_cast<unsigned>(abs % 100));
    return out + pence;
}

std::optional<Money> parse_money(std::string_view text) {
    std::string_view s = trim(text);
    bool negative = false;
    if (starts_with(s, "-")) { negative = true; s.remove_prefix(1); }
    if (starts_with(s, kPound)) s.remove_prefix(kPound.size());
    if (!negative && starts_with(s, "-")) { negative = true; s.remove_prefix(1); }  // "£-5.00"

    // Whole pounds: digits, optionally grouped in threes by commas ("1,234,567").
    int64_t pounds = 0;
    size_t digits = 0, group = 0, i = 0;
    bool grouped = false;
    for (; i < s.size() && (is_digit(s[i]) || s[i] == ','); ++i) {
        if (s[i] == ',') {
            if (digits == 0 || (grouped ? group != 3 : group > 3)) return std::nullopt;
            grouped = true;
            group = 0;
            continue;
        }
        if (++digits > kMaxPoundDigits) return std::nullopt;
        pounds = pounds * 10 + (s[i] - '0');
        ++group;
    }
    if (grouped && group != 3) return std::nullopt;  // "1,23" or a trailing comma

    // Pence: ".5" is 50p, ".05" is 5p; no more than two places.
    int64_t pence = 0;
    size_t places = 0;
    if (i < s.size() && s[i] == '.') {
        for (++i; i < s.size() && is_digit(s[i]); ++i) {
            if (++places > 2) return std::nullopt;
            pence = pence * 10 + (s[i] - '0');
        }
        if (places == 0) return std::nullopt;  // "15."
        if (places == 1) pence *= 10;
    }
    if (i != s.size() || digits + places == 0) return std::nullopt;
    const int64_t total = pounds * 100 + pence;
    return Money{negative ? -total : total};
}

}  // namespace doorstep
