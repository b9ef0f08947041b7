// Quality assurance of closed complaints: the monthly random sample for spot
// checks, a default checklist partly pre-filled from the case data, the
// checker's results, and deep dives on complex cases. The figures across checks
// are in reports.h (QualityFigures).
//
// The sample, so that anyone can draw it again and get the same cases:
//  1. eligible = complaints whose closure date falls in the month; demo cases
//     are left out unless every case in the data is a demo case;
//  2. sort them by case id (never by file order, which a merge may change);
//  3. Rng(seed) (ids.h) picks by a partial Fisher-Yates shuffle: for i = 0 ..
//     size-1, j = i + below(n - i), swap(i, j); the first `size` are the sample;
//  4. the sample is listed in reference order.
// The same seed and the same data always give the same sample.
#pragma once
#include "core/model/assurance.h"
#include "core/model/dataset.h"
#include "core/base/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep {

struct QualitySample {
    std::string month;          // "2025-03"
    uint64_t seed = 0;
    int size = 0;               // asked for (Settings::quality_sample_size unless given)
    int eligible = 0;           // complaints closed in the month, after the demo rule
    int excluded_demo = 0;      // demo cases closed in the month, left out because real ones exist
    bool sample_data = false;   // every case in the data is a demo case
    std::vector<std::string> case_ids;  // drawn, in reference order; fewer than size when few closed
};

// Errors: a month that is not "YYYY-MM"; a size outside 0..10000.
Result<QualitySample> draw_quality_sample(const Dataset& d, std::string_view month, uint64_t seed,
                                          std::optional<int> size = std::nullopt);

// The default checklist's questions, in order. The first six are answered from
// the data (SpotCheckItem::from_record) where the record says enough; the rest
// are for the checker's judgement.
extern const char* const kCheckLetters;      // "Letters had every Code item (5.6, 6.9, 6.19)"
extern const char* const kCheckTimescales;   // "Timescales met (6.2, 6.3, 6.11, 6.14)"
extern const char* const kCheckDefinition;   // "Complaint definition confirmed with the resident (5.6)"
extern const char* const kCheckPoints;       // "Every point answered with reasons (6.7, 6.18)"
extern const char* const kCheckRemedies;     // "Remedies and actions followed through (6.6, 7.3)"
extern const char* const kCheckLearning;     // "Learning considered beyond the case (9.1)"
extern const char* const kCheckPlainWords;   // "Letters in plain language, answering the resident's own words"
extern const char* const kCheckAdjustments;  // "Adjustments and vulnerability taken into account (5.10)"
std::vector<std::string> default_spot_checks();

// The default checklist for `c`, with what the data shows filled in and marked
// from_record (with a note saying what was found); the rest left unanswered.
//  - letters: each sent letter's kind checked with letters.h letter_checklist;
//    letters the case should have (acknowledgements, responses, extension
//    notices, refusal) with no copy on the record fail the item;
//  - timescales: deadlines.h stage_timeliness for each stage (acknowledged on
//    time; responded within the timescale as extended under the Code);
//  - definition: each acknowledged stage's definition confirmed;
//  - points: each responded stage's points all decided with reasons;
//  - remedies: every remedy completed (on time) or declined, every action
//    completed (on time); unanswered when none was recorded;
//  - learning: the case's learning note or a learning-log item naming it.
std::vector<SpotCheckItem> prefilled_spot_checks(const Case& c, const Dataset& d);

// A check for a drawn case: id "qc-<month>-<case id>", the sample's month and
// seed, and the pre-filled checklist.
QualityCheck new_quality_check(const Case& c, const Dataset& d, const QualitySample& sample);

// Appends a new check for every case of the sample that has none for that month
// yet; returns how many it added (drawing again never duplicates a check).
int add_quality_checks(Dataset& d, const QualitySample& sample);

// The checker's answer to item `index`: passed / failed / not assessed (nullopt
// needs a note saying why). Clears from_record: a person has now judged it.
// Refused once the check is complete.
Status record_spot_check(QualityCheck& q, int index, std::optional<bool> passed, std::string note);

// Deep-dive notes on a complex case (non-blank; appended to any earlier notes).
Status add_deep_dive_notes(QualityCheck& q, std::string notes);

// Signs the check off. The checker is named and did not investigate or sign
// any stage of the case (an independent look); `on` is not before the case
// closed; every item is answered or has a note. Once only.
Status complete_quality_check(QualityCheck& q, const Case& c, std::string checker, Date on);

// A deep dive is suggested for complex cases (complexity 3), cases that reached
// stage 2 or the Ombudsman, and any check with a failed item.
bool suggests_deep_dive(const Case& c, const QualityCheck& q);

}  // namespace doorstep
