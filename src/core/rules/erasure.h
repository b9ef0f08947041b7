// Erasing a real case for good, and the retention period that lists closed cases
// for review (21.8). What is kept of an erased case is THAT it was erased: the
// Erasure record (model/erasure.h) with its id, reference, when, who and why,
// never what it held. The store writes that record first, then removes the case,
// its photos no other case names and whatever else on the device names it
// (storage/case_store.h CaseStore::erase_case).
//
// The rules, checked in this order (the first broken one is the answer):
//  - who: a staff member in Settings with the role complaints manager or senior
//    manager, matched by name (same_person) to the actor, the signed-in officer.
//    The sample organisation's staff do not count: they are invented.
//  - what: a real case. Sample cases (Case::demo) are refused: they have their
//    own removal (Settings, sample data), which leaves no record. A case still
//    open is refused (close it first: a complaint must not vanish while it is
//    being handled), and so is one whose Housing Ombudsman case is not finished
//    (the determination pending, or an order not complete).
//  - why: a reason of at least kErasureReasonMin characters, which does not name
//    the resident nor give their address, postcode, phone or email, nor name the
//    representative: the record outlives the case. Typical reasons: closed and
//    past the retention period; logged in error (a duplicate of another case).
//  - when: actor.at is a local date-time "YYYY-MM-DDTHH:MM".
#pragma once
#include "core/base/date.h"
#include "core/base/result.h"
#include "core/model/audit.h"
#include "core/model/case.h"
#include "core/model/dataset.h"
#include "core/model/erasure.h"
#include "core/model/settings.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep {

inline constexpr size_t kErasureReasonMin = 10;  // characters, spaces at either end not counted

// The staff member in `s` who may erase cases and is called `name` (a complaints
// manager or senior manager, not sample staff); nullptr when there is none. The
// screens show the erase button only when the signed-in officer is one.
const StaffMember* erasing_manager(const Settings& s, std::string_view name);

// The erasure record for `c` (by: the manager's name as Settings has it; erased_at:
// actor.at; reason: trimmed), or the first rule it breaks as an Error with
// where = "case <reference>, erasure" (or "..., erasure.reason"). The case is not
// changed: the caller hands the record to CaseStore::erase_case, which removes it.
Result<Erasure> erase_case(const Case& c, const Settings& s, const std::string& reason, const Actor& actor);

// The day a closed case's retention period ends: its closure date plus
// Settings::retention_years (a case closed on 29 February ends on 28 February).
// nullopt when the case is open, a sample case, or retention is off (0 years).
std::optional<Date> retention_ends(const Case& c, const Settings& s);

// Closed real cases whose retention period has ended on or before `today`,
// for a manager to review (erase, or keep with a reason of their own): the
// oldest closure first, then by reference. On the day the period ends the case
// is listed: a case closed on 31 March 2019 with six years is kept to 30 March
// 2025 and listed from 31 March 2025.
std::vector<const Case*> past_retention(const Dataset& d, Date today);

}  // namespace doorstep
