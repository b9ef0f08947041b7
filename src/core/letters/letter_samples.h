// Sample cases for previewing letters: a fictional damp-and-mould complaint at
// the point of its journey where each kind of letter is sent, so a landlord
// editing a template (or a reviewer looking at screenshots) sees a realistic
// draft. Every sample is marked demo and carries every item its letter needs.
#pragma once
#include "core/model/case.h"
#include "core/letters/letters.h"

namespace doorstep {

// The sample for `kind`; refusal grounds are taken from the default settings' ids.
Case sample_case_for_letter(LetterKind kind);

}  // namespace doorstep
