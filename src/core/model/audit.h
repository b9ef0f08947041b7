// Small pieces every rule module needs when it changes a case: who acts, error
// locations in the "case <ref>, <field>" form, the append-only audit entry, and the text
// checks behind "required" and "must be someone else", shared by workflow.cpp
// and the other rule modules.
#pragma once
#include "core/model/case.h"
#include "core/base/result.h"

#include <string>
#include <string_view>

namespace doorstep {

// Who made a change, and when (local "YYYY-MM-DDTHH:MM") for the audit trail.
struct Actor {
    std::string name;
    std::string at;
};

// "case DS-2025-000123, stages[1].remedies[0]"; "(new)" before a reference exists.
std::string case_where(const Case& c, const std::string& field);
Error case_error(const Case& c, const std::string& field, std::string message);

// Appends one entry naming the actor; earlier entries are never rewritten.
void append_audit(Case& c, const Actor& actor, std::string what);

// Empty or only spaces: a required text that was not given.
bool is_blank(std::string_view s);
// Names compared ignoring case and surrounding spaces; blanks never match.
bool same_person(std::string_view a, std::string_view b);

}  // namespace doorstep
