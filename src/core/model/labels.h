// Words for the engine's enums in documents the engine writes itself (case
// studies, quality-check sheets). In their own namespace so that screens with
// their own wording (ui/wording.h) never meet them through argument-dependent
// lookup. Reports and the screens use them where their words are the same.
#pragma once
#include "core/model/case.h"
#include "core/model/settings.h"

#include <string>

namespace doorstep::labels {

const char* kind(CaseKind k);                  // "Complaint"
const char* channel(Channel c);                // "Home visit"
const char* representative(RepresentativeKind k);  // "Advocate"
const char* decision(Decision d);              // "Partly upheld"
const char* remedy_type(RemedyType t);         // "Apology"
const char* remedy_state(RemedyState s);       // "Offered"
const char* determination(Determination d);    // "Service failure"
const char* closure(ClosureReason r);          // "Resolved"
// The category's label from the settings; the id itself when unknown.
std::string category(const Settings& s, const std::string& id);
// "upheld", "partly_upheld", "not_upheld", "undecided" in the landlord's words where renamed.
std::string outcome(const Settings& s, const std::string& key);

}  // namespace doorstep::labels
