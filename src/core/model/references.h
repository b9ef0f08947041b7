// Case references, unique across devices with no coordination between them:
//
//   DS-2026-K7QX-000001   the year received, the device's own code, its counter
//   DS-2025-000123        the older form (one counter per device, no code): still read
//
// The device code is chosen at random when a device is set up (CaseStore keeps it in
// Settings::device_code) from an alphabet without look-alike characters (no 0/O,
// 1/I/L, U), so two tablets almost never share one; when two different cases still
// meet with one reference, a merge gives one of them a new reference (merge.h).
#pragma once
#include "core/model/case.h"
#include "core/base/ids.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep {

inline constexpr std::string_view kDeviceCodeAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
inline constexpr int kDeviceCodeLength = 4;

// A fresh random device code, e.g. "K7QX".
std::string new_device_code(Rng& rng);
// A code of exactly kDeviceCodeLength characters from the alphabet.
bool is_device_code(std::string_view code);
// The device code a case id would get if its device had none: the same on every
// device for the same id (merge gives it to a case whose reference it must change).
std::string device_code_for_id(std::string_view id);

struct CaseReference {
    int year = 0;
    std::string device_code;  // empty in the older form
    uint32_t counter = 0;     // 1..999999
};

// "DS-YYYY-CCCC-NNNNNN" or the older "DS-YYYY-NNNNNN"; nullopt for anything else.
std::optional<CaseReference> parse_case_reference(std::string_view text);

// "DS-2025-000123": the older form, kept for sample data and records from before device codes.
std::string case_reference(int year, uint32_t counter);
// "DS-2026-K7QX-000001"; the older form when device_code is empty.
std::string case_reference(int year, std::string_view device_code, uint32_t counter);

// The next counter for a new reference of `year` on the device with `device_code`:
// one more than the highest the cases use (their references and aliases) in that
// year with that code (empty: the older form). 1 when none.
uint32_t next_reference_counter(const std::vector<Case>& cases, int year, std::string_view device_code);

// True when `text` is the case's reference or one of its aliases, ignoring case.
bool has_reference(const Case& c, std::string_view text);

}  // namespace doorstep
