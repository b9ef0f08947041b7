#include "core/base/base64.h"

#include <cstdint>

namespace doorstep {

namespace {
constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int sextet(unsigned char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

bool is_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
}  // namespace

std::string base64_encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const uint32_t v = uint32_t(uint8_t(bytes[i])) << 16 | uint32_t(uint8_t(bytes[i + 1])) << 8 | uint8_t(bytes[i + 2]);
        out += kAlphabet[v >> 18];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += kAlphabet[v & 63];
    }
    const size_t rest = bytes.size() - i;
    if (rest == 1) {
        const uint32_t v = uint32_t(uint8_t(bytes[i])) << 16;
        out += kAlphabet[v >> 18];
        out += kAlphabet[(v >> 12) & 63];
        out += "==";
    } else if (rest == 2) {
        const uint32_t v = uint32_t(uint8_t(bytes[i])) << 16 | uint32_t(uint8_t(bytes[i + 1])) << 8;
        out += kAlphabet[v >> 18];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += '=';
    }
    return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size() / 4 * 3);
    int quad[4];
    int filled = 0;
    int padding = 0;
    for (unsigned char c : text) {
        if (is_space(c)) continue;
        if (padding > 0 && c != '=') return std::nullopt;  // data after padding
        if (c == '=') {
            if (filled < 2) return std::nullopt;  // "=" may only end a group of 2 or 3
            ++padding;
            quad[filled++] = 0;
        } else {
            const int v = sextet(c);
            if (v < 0) return std::nullopt;
            quad[filled++] = v;
        }
        if (filled == 4) {
            const uint32_t v = uint32_t(quad[0]) << 18 | uint32_t(quad[1]) << 12 | uint32_t(quad[2]) << 6 | uint32_t(quad[3]);
            if (padding == 2 && (v & 0xFFFF) != 0) return std::nullopt;  // non-canonical trailing bits
            if (padding == 1 && (v & 0xFF) != 0) return std::nullopt;
            out += char(v >> 16);
            if (padding < 2) out += char((v >> 8) & 0xFF);
            if (padding < 1) out += char(v & 0xFF);
            filled = 0;
            if (padding > 0) padding = 3;  // group closed: nothing more may follow
        }
    }
    if (filled != 0) return std::nullopt;
    return out;
}

}  // namespace doorstep
