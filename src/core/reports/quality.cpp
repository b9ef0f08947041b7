#include "core/reports/quality.h"

#include "core/model/audit.h"
#include "core/rules/deadlines.h"
#include "core/base/ids.h"
#include "core/letters/letters.h"
#include "core/rules/workflow.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace doorstep {

const char* const kCheckLetters = "Letters had every Code item (5.6, 6.9, 6.19)";
const char* const kCheckTimescales = "Timescales met (6.2, 6.3, 6.11, 6.14)";
const char* const kCheckDefinition = "Complaint definition confirmed with the resident (5.6)";
const char* const kCheckPoints = "Every point answered with reasons (6.7, 6.18)";
const char* const kCheckRemedies = "Remedies and actions followed through (6.6, 7.3)";
const char* const kCheckLearning = "Learning considered beyond the case (9.1)";
const char* const kCheckPlainWords = "Letters in plain language, answering the resident's own words";
const char* const kCheckAdjustments = "Adjustments and vulnerability taken into account (5.10)";

std::vector<std::string> default_spot_checks() {
    return {kCheckLetters,  kCheckTimescales, kCheckDefinition,  kCheckPoints,
            kCheckRemedies, kCheckLearning,   kCheckPlainWords, kCheckAdjustments};
}

namespace {

std::string when(Date d) { return short_date(d); }

// "2025-03" -> its first day; nullopt unless exactly YYYY-MM.
std::optional<Date> month_start(std::string_view month) {
    if (month.size() != 7 || month[4] != '-') return std::nullopt;
    for (size_t i : {0, 1, 2, 3, 5, 6})
        if (!std::isdigit(static_cast<unsigned char>(month[i]))) return std::nullopt;
    return parse_iso_date(std::string(month) + "-01");
}

std::string join(const std::vector<std::string>& parts, const char* sep) {
    std::string out;
    for (const std::string& p : parts) {
        if (!out.empty()) out += sep;
        out += p;
    }
    return out;
}

SpotCheckItem from_record(const char* check, std::optional<bool> passed, std::string note) {
    SpotCheckItem i;
    i.check = check;
    i.passed = passed;
    i.note = std::move(note);
    i.from_record = true;
    return i;
}

SpotCheckItem for_checker(const char* check) {
    SpotCheckItem i;
    i.check = check;
    return i;
}

// Letters the case should have a copy of, by kind id, with how many.
std::map<std::string, int> expected_letters(const Case& c) {
    std::map<std::string, int> out;
    for (const Stage& s : c.stages) {
        if (s.number > 2) continue;  // 2022-Code stage 3: no letter kind of its own
        const bool one = s.number == 1;
        if (s.acknowledged) ++out[one ? "ack1" : "ack2"];
        if (s.responded) ++out[one ? "response1" : "response2"];
        for (size_t k = 0; k < s.extensions.size(); ++k) ++out[one ? "extension1" : "extension2"];
    }
    if (c.refusal && c.refusal->explained_on) ++out[c.refusal->at_escalation ? "refuse-escalation" : "refusal"];
    return out;
}

SpotCheckItem check_letters(const Case& c, const Settings& settings, const Calendar& cal) {
    std::map<std::string, int> sent;
    std::vector<std::string> problems;
    int checked = 0;
    for (const LogEntry& e : c.log) {
        if (e.kind != LogKind::LetterSent) continue;
        const int ordinal = sent[e.letter_kind]++;
        const auto kind = parse_letter_kind(e.letter_kind);
        if (!kind || *kind == LetterKind::HazardSummary) continue;  // not a Code letter
        LetterOptions o;
        o.date = e.on;
        if (*kind == LetterKind::Extension1 || *kind == LetterKind::Extension2) o.extension_index = ordinal;
        ++checked;
        for (const std::string& m : missing_items(letter_checklist(*kind, c, settings, cal, o)))
            problems.push_back(std::string(letter_kind_title(*kind)) + " sent " + when(e.on) + ": " + m);
    }
    for (const auto& [id, wanted] : expected_letters(c)) {
        const int have = sent.count(id) ? sent[id] : 0;
        if (have >= wanted) continue;
        const auto kind = parse_letter_kind(id);
        const std::string title = kind ? letter_kind_title(*kind) : id;
        problems.push_back(wanted - have == 1 ? "no copy of the " + title + " on the record (5.12)"
                                              : std::to_string(wanted - have) + " copies of the " + title +
                                                    " missing from the record (5.12)");
    }
    if (checked == 0 && problems.empty())
        return from_record(kCheckLetters, std::nullopt, "No Code letters were due or recorded: check the correspondence");
    if (problems.empty())
        return from_record(kCheckLetters, true,
                           std::to_string(checked) + " letter(s) checked against the Code's items: all present");
    return from_record(kCheckLetters, false, join(problems, "; "));
}

SpotCheckItem check_timescales(const Case& c, const Settings& settings, const Calendar& cal) {
    std::vector<std::string> found;
    bool any = false, ok = true;
    for (const Stage& s : c.stages) {
        const StageTimeliness t = stage_timeliness(c, s, settings, cal);
        const std::string stage = "stage " + std::to_string(s.number);
        if (t.acknowledged) {
            any = true;
            if (!t.acknowledged_on_time) {
                ok = false;
                found.push_back(stage + " acknowledged late (due " + when(acknowledge_due(c, s, settings, cal)) + ")");
            }
        }
        if (t.responded) {
            any = true;
            if (!t.within_extended) {
                ok = false;
                found.push_back(stage + " answered late (due " + when(stage_clock(c, s, settings, cal).response_code_due) + ")");
            } else if (!t.within_base) {
                found.push_back(stage + " answered within an extension under the Code");
            }
        }
    }
    if (c.refusal && c.refusal->explained_on) {
        any = true;
        const Date due = refusal_explanation_due(*c.refusal, settings, cal);
        if (*c.refusal->explained_on > due) {
            ok = false;
            found.push_back("refusal explained late (due " + when(due) + ", 2.4)");
        }
    }
    if (!any) return from_record(kCheckTimescales, std::nullopt, "No acknowledgement or response on the record to time");
    if (ok && found.empty()) return from_record(kCheckTimescales, true, "Every acknowledgement and response on time");
    return from_record(kCheckTimescales, ok, join(found, "; "));
}

SpotCheckItem check_definition(const Case& c) {
    std::vector<std::string> unconfirmed;
    int acknowledged = 0;
    for (const Stage& s : c.stages) {
        if (!s.acknowledged) continue;
        ++acknowledged;
        if (!s.definition_confirmed) unconfirmed.push_back("stage " + std::to_string(s.number));
    }
    if (acknowledged == 0) return from_record(kCheckDefinition, std::nullopt, "No stage was acknowledged and defined");
    if (unconfirmed.empty()) return from_record(kCheckDefinition, true, "Confirmed at every acknowledged stage");
    return from_record(kCheckDefinition, false,
                       "Not confirmed with the resident at " + join(unconfirmed, " and ") + " (no confirming contact recorded)");
}

SpotCheckItem check_points(const Case& c) {
    std::vector<std::string> gaps;
    int responded = 0;
    for (const Stage& s : c.stages) {
        if (!s.responded) continue;
        ++responded;
        const std::string stage = "stage " + std::to_string(s.number);
        if (s.points.empty()) gaps.push_back(stage + " has no points of the definition");
        for (size_t i = 0; i < s.points.size(); ++i) {
            if (s.points[i].decision == Decision::Undecided)
                gaps.push_back(stage + " point " + std::to_string(i + 1) + " has no decision");
            else if (is_blank(s.points[i].reasons))
                gaps.push_back(stage + " point " + std::to_string(i + 1) + " has no reasons");
        }
    }
    if (responded == 0) return from_record(kCheckPoints, std::nullopt, "No response on the record");
    if (gaps.empty()) return from_record(kCheckPoints, true, "Every point decided with reasons");
    return from_record(kCheckPoints, false, join(gaps, "; "));
}

SpotCheckItem check_remedies(const Case& c) {
    std::vector<std::string> gaps;
    int count = 0;
    for (const Stage& s : c.stages) {
        const std::string stage = "stage " + std::to_string(s.number);
        for (const Remedy& r : s.remedies) {
            ++count;
            if (r.state == RemedyState::Declined) continue;
            if (!r.completed) gaps.push_back(stage + " remedy '" + r.description + "' not completed");
            else if (r.due && *r.completed > *r.due)
                gaps.push_back(stage + " remedy '" + r.description + "' completed " + when(*r.completed) + ", after " + when(*r.due));
        }
        for (const OutstandingAction& a : s.actions) {
            ++count;
            if (!a.completed) gaps.push_back(stage + " action '" + a.description + "' not completed");
            else if (*a.completed > a.due)
                gaps.push_back(stage + " action '" + a.description + "' completed " + when(*a.completed) + ", after " + when(a.due));
        }
    }
    if (count == 0)
        return from_record(kCheckRemedies, std::nullopt, "No remedy or action recorded: judge whether one was due (7.1, 7.2)");
    if (gaps.empty())
        return from_record(kCheckRemedies, true, std::to_string(count) + " remedies and actions completed on time or declined");
    return from_record(kCheckRemedies, false, join(gaps, "; "));
}

SpotCheckItem check_learning(const Case& c, const Dataset& d) {
    if (!is_blank(c.learning)) return from_record(kCheckLearning, true, "Learning noted on the case");
    for (const LearningItem& l : d.learning)
        if (std::find(l.case_ids.begin(), l.case_ids.end(), c.id) != l.case_ids.end())
            return from_record(kCheckLearning, true, "In the learning log: " + (l.lesson.empty() ? l.id : l.lesson));
    return from_record(kCheckLearning, false, "No learning noted on the case and no learning-log item names it");
}

Error check_error(const QualityCheck& q, const std::string& field, std::string message) {
    return Error{"quality check " + (q.id.empty() ? std::string("(new)") : q.id) + ", " + field, std::move(message)};
}

}  // namespace

Result<QualitySample> draw_quality_sample(const Dataset& d, std::string_view month, uint64_t seed, std::optional<int> size) {
    const std::optional<Date> first = month_start(month);
    if (!first) return Error{"month", "give the month as YYYY-MM, e.g. 2025-03, not '" + std::string(month) + "'"};
    const int n_wanted = size.value_or(d.settings.quality_sample_size);
    if (n_wanted < 0 || n_wanted > 10000)
        return Error{"size", "the sample size is 0 to 10000 cases, not " + std::to_string(n_wanted)};
    const Date last = add_months_clamped(*first, 1).plus_days(-1);

    QualitySample out;
    out.month = std::string(month);
    out.seed = seed;
    out.size = n_wanted;
    out.sample_data = !d.cases.empty() && std::all_of(d.cases.begin(), d.cases.end(), [](const Case& c) { return c.demo; });
    std::vector<const Case*> eligible;
    for (const Case& c : d.cases) {
        if (c.kind != CaseKind::Complaint || !c.closure) continue;
        if (c.closure->closed_on < *first || c.closure->closed_on > last) continue;
        if (c.demo && !out.sample_data) {
            ++out.excluded_demo;
            continue;
        }
        eligible.push_back(&c);
    }
    std::sort(eligible.begin(), eligible.end(), [](const Case* a, const Case* b) { return a->id < b->id; });
    out.eligible = static_cast<int>(eligible.size());

    Rng rng(seed);
    const size_t n = eligible.size();
    const size_t k = std::min(n, static_cast<size_t>(n_wanted));
    for (size_t i = 0; i < k; ++i) {
        const size_t j = i + rng.below(static_cast<uint32_t>(n - i));
        std::swap(eligible[i], eligible[j]);
    }
    eligible.resize(k);
    std::sort(eligible.begin(), eligible.end(), [](const Case* a, const Case* b) {
        return a->reference != b->reference ? a->reference < b->reference : a->id < b->id;
    });
    for (const Case* c : eligible) out.case_ids.push_back(c->id);
    return out;
}

std::vector<SpotCheckItem> prefilled_spot_checks(const Case& c, const Dataset& d) {
    const Calendar cal = d.settings.calendar();
    return {check_letters(c, d.settings, cal), check_timescales(c, d.settings, cal), check_definition(c),
            check_points(c),  check_remedies(c), check_learning(c, d), for_checker(kCheckPlainWords),
            for_checker(kCheckAdjustments)};
}

QualityCheck new_quality_check(const Case& c, const Dataset& d, const QualitySample& sample) {
    QualityCheck q;
    q.id = "qc-" + sample.month + "-" + c.id;
    q.month = sample.month;
    q.seed = sample.seed;
    q.case_id = c.id;
    q.items = prefilled_spot_checks(c, d);
    return q;
}

int add_quality_checks(Dataset& d, const QualitySample& sample) {
    std::vector<QualityCheck> added;
    for (const std::string& id : sample.case_ids) {
        const bool done = std::any_of(d.quality_checks.begin(), d.quality_checks.end(), [&](const QualityCheck& q) {
            return q.case_id == id && q.month == sample.month;
        });
        if (done) continue;
        auto it = std::find_if(d.cases.begin(), d.cases.end(), [&](const Case& c) { return c.id == id; });
        if (it == d.cases.end()) continue;  // the sample came from other data
        added.push_back(new_quality_check(*it, d, sample));
    }
    for (QualityCheck& q : added) d.quality_checks.push_back(std::move(q));
    return static_cast<int>(added.size());
}

Status record_spot_check(QualityCheck& q, int index, std::optional<bool> passed, std::string note) {
    const std::string f = "items[" + std::to_string(index) + "]";
    if (index < 0 || index >= static_cast<int>(q.items.size())) return check_error(q, f, "there is no such item");
    if (q.checked_on) return check_error(q, f, "the check was signed off on " + when(*q.checked_on) + "; its results stand");
    if (!passed && is_blank(note))
        return check_error(q, f + ".note", "say why '" + q.items[index].check + "' could not be assessed");
    SpotCheckItem& item = q.items[index];
    item.passed = passed;
    item.note = std::move(note);
    item.from_record = false;
    return {};
}

Status add_deep_dive_notes(QualityCheck& q, std::string notes) {
    if (is_blank(notes)) return check_error(q, "deep_dive_notes", "the deep-dive notes are empty");
    if (q.checked_on) return check_error(q, "deep_dive_notes", "the check was signed off on " + when(*q.checked_on));
    if (!q.deep_dive_notes.empty()) q.deep_dive_notes += "\n\n";
    q.deep_dive_notes += notes;
    return {};
}

Status complete_quality_check(QualityCheck& q, const Case& c, std::string checker, Date on) {
    if (q.checked_on) return check_error(q, "checked_on", "already signed off on " + when(*q.checked_on));
    if (q.case_id != c.id) return check_error(q, "case_id", "this check is about another case, not " + c.reference);
    if (is_blank(checker)) return check_error(q, "checker", "name who did the check");
    for (const Stage& s : c.stages) {
        const char* role = same_person(s.investigator, checker) ? "investigated"
                           : same_person(s.approver, checker)   ? "signed"
                                                                : nullptr;
        if (role)
            return check_error(q, "checker", checker + " " + role + " stage " + std::to_string(s.number) + " of " +
                                                 c.reference + ": a spot check needs someone who did not handle the case");
    }
    if (!c.closure) return check_error(q, "case_id", c.reference + " is not closed: spot checks are of closed cases");
    if (on < c.closure->closed_on)
        return check_error(q, "checked_on", "checked " + when(on) + ", before the case closed on " + when(c.closure->closed_on));
    for (size_t i = 0; i < q.items.size(); ++i)
        if (!q.items[i].passed && is_blank(q.items[i].note))
            return check_error(q, "items[" + std::to_string(i) + "]",
                               "answer '" + q.items[i].check + "', or note why it could not be assessed");
    q.checker = std::move(checker);
    q.checked_on = on;
    return {};
}

bool suggests_deep_dive(const Case& c, const QualityCheck& q) {
    if (c.complexity >= 3 || stage_index(c, 2) >= 0 || c.ombudsman) return true;
    return std::any_of(q.items.begin(), q.items.end(), [](const SpotCheckItem& i) { return i.passed == false; });
}

}  // namespace doorstep
