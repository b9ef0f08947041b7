// An export protected with a passphrase (21.6): the export's JSON, encrypted, in a
// small JSON envelope any tool with AES-GCM and PBKDF2 can open:
//
//   {"doorstep_protected_export": 1,
//    "cipher": "AES-256-GCM", "kdf": "PBKDF2-SHA-256", "iterations": 600000,
//    "salt": "<16 bytes, base64>", "iv": "<12 bytes, base64>",
//    "data": "<ciphertext followed by its 16-byte tag, base64>"}
//
// key = PBKDF2-HMAC-SHA-256(passphrase as UTF-8, salt, iterations, 32 bytes);
// plaintext = AES-256-GCM-decrypt(key, iv, data), no additional data: the export file
// exactly as an unprotected export would have been (docs/privacy.md, "Protected exports").
// The browser seals and opens it with WebCrypto (src/platform/web/keyring.js).
#pragma once
#include <string_view>

namespace doorstep {

inline constexpr std::string_view kProtectedExportKey = "doorstep_protected_export";

// The file is such an envelope (its first member is the marker), not a plain export.
bool is_protected_export(std::string_view text);

}  // namespace doorstep
