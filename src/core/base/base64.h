// Base64 (RFC 4648, standard alphabet, with padding): how attachment bytes
// travel inside an export bundle's JSON.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace doorstep {

std::string base64_encode(std::string_view bytes);

// Strict: standard alphabet, length a multiple of 4, padding only at the end,
// unused bits zero. ASCII whitespace (line breaks from other tools) is skipped.
// nullopt for anything else, so a damaged bundle is caught rather than guessed at.
std::optional<std::string> base64_decode(std::string_view text);

}  // namespace doorstep
