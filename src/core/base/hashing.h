// SHA-256, for attachment content hashes and revision ids: the same bytes give
// the same 64 lowercase hex characters on every device.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace doorstep {

// Incremental form, for content that arrives in pieces (large attachments).
struct Sha256 {
    Sha256();
    void update(const void* data, size_t size);
    void update(std::string_view bytes) { update(bytes.data(), bytes.size()); }
    std::string finish_hex();  // call once; the object is spent afterwards

    uint32_t state[8];
    uint64_t total_bytes = 0;
    uint8_t block[64];
    size_t block_used = 0;
};

std::string sha256_hex(std::string_view bytes);

}  // namespace doorstep
