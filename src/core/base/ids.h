// Identifiers for cases, hazards and devices, and the small seedable random
// generator behind them (also used by the demo generator, so a seed always
// gives the same dataset on every platform).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace doorstep {

// xoshiro256** seeded through splitmix64. Not for secrets; its output is the
// same on every compiler and platform (no std:: distributions inside).
struct Rng {
    explicit Rng(uint64_t seed = 0);
    uint64_t next();                   // 64 random bits
    uint32_t below(uint32_t n);        // uniform in [0, n); 0 when n == 0
    int between(int lo, int hi);       // uniform in [lo, hi], inclusive; lo when hi < lo
    double unit();                     // uniform in [0, 1)
    bool chance(double probability);   // true with that probability

    uint64_t s[4];
};

// A seed from the system's entropy source (crypto.getRandomValues in the
// browser): use it for real ids, so two devices never share a sequence.
uint64_t entropy_seed();

// A random (version 4) UUID, lowercase: "1b4e28ba-2fa1-4d2e-883f-0016d3cca427".
std::string new_uuid(Rng& rng);
// True for the canonical 8-4-4-4-12 form in lowercase hex, any version (the form
// this app writes; uppercase is refused so ids compare as plain strings).
bool is_uuid(std::string_view text);

}  // namespace doorstep
