// Index of this file (each a "// ---" section below; search for its heading):
//   - Periods
//   - Small helpers (word tables, breakdowns, the counting context)
//   - Counting: one pass per part of the report (received, refusals, stage flow,
//     remedies and overdue actions, months, learning, Ombudsman, quality, satisfaction)
//   - then build_report at the end

#include "core/reports/reports.h"

#include "core/data/case_json.h"
#include "core/model/labels.h"
#include "core/rules/deadlines.h"
#include "core/rules/derived_flags.h"
#include "core/rules/findings.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace doorstep {

// ---------------------------------------------------------------------------
// Periods

Period financial_year(int start_year) {
    Period p;
    p.from = Date::from_ymd(start_year, 4, 1);
    p.to = Date::from_ymd(start_year + 1, 3, 31);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d/%02d", start_year, (start_year + 1) % 100);
    p.label = buf;
    return p;
}

Period financial_quarter(int start_year, int quarter) {
    quarter = std::clamp(quarter, 1, 4);
    const int first_month = 4 + (quarter - 1) * 3;  // 4, 7, 10, 13
    const int y = first_month > 12 ? start_year + 1 : start_year;
    const int m = first_month > 12 ? first_month - 12 : first_month;
    Period p;
    p.from = Date::from_ymd(y, m, 1);
    p.to = Date::from_ymd(y, m + 2, days_in_month(y, m + 2));
    p.label = "Q" + std::to_string(quarter) + " " + financial_year(start_year).label;
    return p;
}

Period custom_period(Date from, Date to) {
    Period p;
    p.from = from;
    p.to = to;
    p.label = short_date(from) + " to " + short_date(to);
    return p;
}

int financial_year_of(Date d) { return d.month() >= 4 ? d.year() : d.year() - 1; }

std::optional<double> Ratio::pct() const {
    if (denominator <= 0) return std::nullopt;
    return 100.0 * numerator / denominator;
}

int total(const Breakdown& b) {
    int n = 0;
    for (const auto& c : b) n += c.count;
    return n;
}

// ---------------------------------------------------------------------------
// Small helpers

std::optional<double> percentile(std::vector<int> values, double p) {
    if (values.empty()) return std::nullopt;
    std::sort(values.begin(), values.end());
    // nearest rank: the smallest value with at least p% of values at or below it
    size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * values.size()));
    rank = std::clamp<size_t>(rank, 1, values.size());
    return values[rank - 1];
}

std::optional<double> median(std::vector<int> values) {
    if (values.empty()) return std::nullopt;
    std::sort(values.begin(), values.end());
    const size_t n = values.size();
    if (n % 2) return values[n / 2];
    return (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

const char* stage_outcome_key(const Stage& s) {
    int upheld = 0, partly = 0, not_upheld = 0;
    for (const auto& p : s.points) {
        switch (p.decision) {
            case Decision::Upheld: ++upheld; break;
            case Decision::PartlyUpheld: ++partly; break;
            case Decision::NotUpheld: ++not_upheld; break;
            case Decision::Undecided: break;
        }
    }
    if (upheld + partly + not_upheld == 0) return enum_key(Decision::Undecided);
    if (partly == 0 && not_upheld == 0) return enum_key(Decision::Upheld);
    if (upheld == 0 && partly == 0) return enum_key(Decision::NotUpheld);
    return enum_key(Decision::PartlyUpheld);
}

namespace {

const char* kind_label(CaseKind k) {
    switch (k) {
        case CaseKind::Complaint: return "Complaints";
        case CaseKind::ServiceRequest: return "Service requests";
        case CaseKind::SurveyFeedback: return "Survey feedback";
        case CaseKind::Compliment: return "Compliments";
        case CaseKind::MemberEnquiry: return "Councillor and MP enquiries";
    }
    return "Other";
}

std::string category_label(const Settings& s, const std::string& id) {
    if (id.empty()) return "Not categorised";
    for (const auto& c : s.categories)
        if (c.id == id) return c.label;
    return id;
}

std::string ground_label(const Settings& s, const std::string& id) {
    for (const auto& g : s.refusal_grounds)
        if (g.id == id) return g.label;
    return id.empty() ? "No ground recorded" : id;
}

// Adds one to the row with `key`, creating it in first-seen order.
void bump(Breakdown& b, const std::string& key, const std::string& label, int by = 1) {
    for (auto& c : b)
        if (c.key == key) { c.count += by; return; }
    b.push_back({key, label, by});
}

void sort_by_count(Breakdown& b) {
    std::stable_sort(b.begin(), b.end(), [](const Count& x, const Count& y) { return x.count > y.count; });
}

bool refused_at_stage1(const Case& c) { return c.refusal && !c.refusal->at_escalation; }
bool refused_escalation(const Case& c) { return c.refusal && c.refusal->at_escalation; }

const Stage* find_stage(const Case& c, int n) {
    for (const auto& s : c.stages)
        if (s.number == n) return &s;
    return nullptr;
}

std::string when_text(Date d) { return short_date(d); }

// Working days from a to b (positive when b is after a).
int late_by(const Calendar& cal, Date due, Date done) { return cal.working_days_between(due, done); }

struct Ctx {
    const Dataset& data;
    const Settings& settings;
    Calendar cal;
    Period period;
    std::vector<const Case*> cases;
    std::unordered_map<std::string, const Case*> by_id;
    Date as_at;  // lateness is judged on this day: the period end, or today while the period runs
};

std::string ref_of(const Case& c) { return c.reference.empty() ? c.id : c.reference; }

// ---------------------------------------------------------------------------
// Counting: one pass per part of the report

void count_received(Ctx& x, Report& r) {
    for (const Case* cp : x.cases) {
        const Case& c = *cp;
        if (x.period.contains(c.received)) {
            bump(r.received_by_kind, enum_key(c.kind), kind_label(c.kind));
            if (c.kind == CaseKind::ServiceRequest) ++r.service_requests_received;
        }
        if (c.kind != CaseKind::Complaint) continue;
        for (const auto& s : c.stages) {
            if (!x.period.contains(s.opened)) continue;
            if (s.number == 1) {
                if (refused_at_stage1(c)) continue;
                ++r.tsm.stage1_received;
                bump(r.received_by_channel, enum_key(c.channel), labels::channel(c.channel));
                bump(r.received_by_category, c.category_id.empty() ? "none" : c.category_id,
                     category_label(x.settings, c.category_id));
                if (!c.raised_from_case.empty()) {
                    auto it = x.by_id.find(c.raised_from_case);
                    if (it != x.by_id.end() && it->second->kind == CaseKind::ServiceRequest)
                        ++r.complaints_from_service_requests;
                }
            } else if (s.number == 2) {
                if (refused_escalation(c)) continue;
                ++r.tsm.stage2_received;
            } else if (s.number == 3) {
                ++r.legacy_stage3_received;
            }
        }
    }
    bump(r.received_by_stage, "stage1", "Stage 1", r.tsm.stage1_received);
    bump(r.received_by_stage, "stage2", "Stage 2", r.tsm.stage2_received);
    if (r.legacy_stage3_received > 0)
        bump(r.received_by_stage, "stage3", "Stage 3 (2022 Code records)", r.legacy_stage3_received);
    sort_by_count(r.received_by_channel);
    sort_by_count(r.received_by_category);

    // 1.5: service requests received in the period that led to a complaint by the period end.
    std::unordered_set<std::string> complained_about;
    for (const Case* cp : x.cases)
        if (cp->kind == CaseKind::Complaint && !cp->raised_from_case.empty() && cp->received <= x.as_at)
            complained_about.insert(cp->raised_from_case);
    for (const Case* cp : x.cases) {
        const Case& c = *cp;
        if (c.kind != CaseKind::ServiceRequest || !x.period.contains(c.received)) continue;
        ++r.service_requests_became_complaints.denominator;
        if (complained_about.count(c.id)) ++r.service_requests_became_complaints.numerator;
    }
}

void count_refusals(Ctx& x, Report& r) {
    for (const Case* cp : x.cases) {
        const Case& c = *cp;
        if (!c.refusal || !x.period.contains(c.refusal->decided_on)) continue;
        if (c.refusal->at_escalation) ++r.refused_escalations;
        else ++r.refused_at_stage1;
        bump(r.refused_by_ground, c.refusal->ground_id.empty() ? "none" : c.refusal->ground_id,
             ground_label(x.settings, c.refusal->ground_id));
    }
    sort_by_count(r.refused_by_ground);
}

// Why a responded stage missed its base timescale, and whether the Code's extension covered it.
CaseMiss miss_of(Ctx& x, const Case& c, const Stage& s, const StageClock& clk, const StageTimeliness& t) {
    CaseMiss m;
    m.reference = ref_of(c);
    m.category = category_label(x.settings, c.category_id);
    m.stage = s.number;
    m.due = clk.response_base_due;
    m.done = s.responded;
    m.working_days_late = late_by(x.cal, clk.response_base_due, *s.responded);
    std::string why = "responded " + std::to_string(m.working_days_late) + " working day" +
                      (m.working_days_late == 1 ? "" : "s") + " after the base timescale (due " +
                      when_text(clk.response_base_due) + ")";
    bool untold = false;
    for (const Extension& e : s.extensions) untold = untold || !extension_counts_under_code(c, e);
    if (t.within_extended) {
        why += "; within the timescale as extended under the Code (due " + when_text(clk.response_code_due) + ")";
    } else if (clk.extension_days > 0 && clk.response_code_due < clk.response_due && untold) {
        why += "; an extension the resident was not told of with the Ombudsman's details does not count (" +
               std::string(s.number == 1 ? "6.4, 6.5" : "6.15, 6.16") + ")";
    } else if (clk.extension_days > 0 && clk.response_code_due < clk.response_due) {
        why += "; extended beyond the Code's limit without a recorded good reason";
    } else if (clk.extension_days > 0) {
        why += "; also missed the extended date (" + when_text(clk.response_code_due) + ")";
    } else {
        why += "; no extension recorded";
    }
    if (c.code == CodeVersion::Code2022) why += " [2022 Code clocks]";
    m.reason = why;
    return m;
}

void count_stage_flow(Ctx& x, Report& r) {
    r.stage1.stage = 1;
    r.stage2.stage = 2;
    r.stage1.received = r.tsm.stage1_received;
    r.stage2.received = r.tsm.stage2_received;
    std::vector<int> days[3];
    std::map<std::string, int> outcome_counts[3];

    for (const Case* cp : x.cases) {
        const Case& c = *cp;
        if (c.kind != CaseKind::Complaint) continue;
        for (const auto& s : c.stages) {
            if (s.number == 3) {
                if (s.responded && x.period.contains(*s.responded)) ++r.legacy_stage3_responded;
                continue;
            }
            if (s.number != 1 && s.number != 2) continue;
            StageFlow& f = s.number == 1 ? r.stage1 : r.stage2;
            const StageClock clk = stage_clock(c, s, x.settings, x.cal);
            const StageTimeliness t = stage_timeliness(c, s, x.settings, x.cal);
            const bool refused_here = s.number == 1 ? refused_at_stage1(c) : refused_escalation(c);

            // Acknowledgement (6.2, 6.11). The 2022 Code had no acknowledgement clock of
            // the same kind, but deadlines.h still gives one; judge every case by it.
            if (s.acknowledged && x.period.contains(*s.acknowledged)) {
                ++f.acknowledged_on_time.denominator;
                if (t.acknowledged_on_time) {
                    ++f.acknowledged_on_time.numerator;
                } else {
                    CaseMiss m{ref_of(c), category_label(x.settings, c.category_id), s.number, clk.acknowledge_due,
                               s.acknowledged, late_by(x.cal, clk.acknowledge_due, *s.acknowledged), ""};
                    m.reason = "acknowledged " + std::to_string(m.working_days_late) + " working day" +
                               (m.working_days_late == 1 ? "" : "s") + " late (due " + when_text(clk.acknowledge_due) + ")";
                    f.acknowledged_late.push_back(m);
                }
            } else if (!s.acknowledged && !refused_here && s.opened <= x.as_at && clk.acknowledge_due < x.as_at &&
                       !(c.closure && c.closure->closed_on <= x.as_at) && !s.responded) {
                ++f.awaiting_acknowledgement_overdue;
                CaseMiss m{ref_of(c), category_label(x.settings, c.category_id), s.number, clk.acknowledge_due,
                           std::nullopt, late_by(x.cal, clk.acknowledge_due, x.as_at), ""};
                m.reason = "not acknowledged by " + when_text(x.as_at) + " (due " + when_text(clk.acknowledge_due) + ")";
                f.acknowledged_late.push_back(m);
            }

            if (!s.responded || !x.period.contains(*s.responded)) continue;
            ++f.responded;
            days[s.number].push_back(x.cal.working_days_between(s.opened, *s.responded));
            ++outcome_counts[s.number][stage_outcome_key(s)];
            if (!s.extensions.empty()) ++f.extended;
            // Judged from the record, never the stored flag, so it agrees with findings.h.
            for (size_t k = 0; k < s.extensions.size(); ++k) {
                if (!extension_beyond_limit(c, s, k, x.settings)) continue;
                if (has_good_reason(s.extensions[k])) ++f.beyond_limit_good_reason;
                else ++f.beyond_limit_no_reason;
                break;  // one count per stage
            }

            // CH02
            Ratio& base = s.number == 1 ? r.tsm.ch02_stage1_within : r.tsm.ch02_stage2_within;
            Ratio& ext = s.number == 1 ? r.tsm.ch02_stage1_within_extended : r.tsm.ch02_stage2_within_extended;
            ++base.denominator;
            ++ext.denominator;
            if (t.within_base) ++base.numerator;
            if (t.within_extended) ++ext.numerator;
            if (!t.within_base)
                (s.number == 1 ? r.tsm.stage1_missed : r.tsm.stage2_missed).push_back(miss_of(x, c, s, clk, t));
        }
    }
    for (int n = 1; n <= 2; ++n) {
        StageFlow& f = n == 1 ? r.stage1 : r.stage2;
        f.median_working_days = median(days[n]);
        f.p90_working_days = percentile(days[n], 90);
        for (Decision d : {Decision::Upheld, Decision::PartlyUpheld, Decision::NotUpheld, Decision::Undecided}) {
            const char* key = enum_key(d);
            auto it = outcome_counts[n].find(key);
            const int v = it == outcome_counts[n].end() ? 0 : it->second;
            if (v > 0 || d != Decision::Undecided) f.outcomes.push_back({key, labels::outcome(x.settings, key), v});
        }
    }
    auto by_ref = [](const CaseMiss& a, const CaseMiss& b) { return a.reference < b.reference; };
    std::sort(r.tsm.stage1_missed.begin(), r.tsm.stage1_missed.end(), by_ref);
    std::sort(r.tsm.stage2_missed.begin(), r.tsm.stage2_missed.end(), by_ref);

    // Escalation rate: stage 1 responses in the period later taken to stage 2 (by the period end).
    for (const Case* cp : x.cases) {
        const Case& c = *cp;
        if (c.kind != CaseKind::Complaint) continue;
        const Stage* s1 = find_stage(c, 1);
        if (!s1 || !s1->responded || !x.period.contains(*s1->responded)) continue;
        ++r.escalation_rate.denominator;
        const Stage* s2 = find_stage(c, 2);
        if (s2 && s2->opened <= x.as_at) ++r.escalation_rate.numerator;
    }
}

void count_remedies_and_overdue(Ctx& x, Report& r) {
    const Date as_at = x.as_at;
    for (const Case* cp : x.cases) {
        const Case& c = *cp;
        for (const auto& s : c.stages) {
            // Remedies offered in responses given in the period.
            if (s.responded && x.period.contains(*s.responded)) {
                for (const auto& m : s.remedies) {
                    ++r.remedies.count;
                    bump(r.remedies.by_type, enum_key(m.type), labels::remedy_type(m.type));
                    bump(r.remedies.by_state, enum_key(m.state), labels::remedy_state(m.state));
                    if (m.type == RemedyType::Financial && m.state != RemedyState::Proposed) {
                        r.remedies.financial_offered += m.amount;
                        if (m.state == RemedyState::Completed) r.remedies.financial_paid += m.amount;
                    }
                }
            }
            // Overdue as at the period end, whenever they were set (6.6, 7.3).
            for (const auto& a : s.actions) {
                if (a.due < as_at && !(a.completed && *a.completed <= as_at))
                    r.overdue.push_back({ref_of(c), "Outstanding action", a.description, a.owner, a.due,
                                         x.cal.working_days_between(a.due, as_at)});
            }
            for (const auto& m : s.remedies) {
                if (!m.due || m.state == RemedyState::Declined || m.state == RemedyState::Proposed) continue;
                if (*m.due < as_at && !(m.completed && *m.completed <= as_at))
                    r.overdue.push_back({ref_of(c), "Remedy", m.description, s.investigator, *m.due,
                                         x.cal.working_days_between(*m.due, as_at)});
            }
        }
        // 5.10, 5.14: reviews, for cases open at some point in the period.
        const bool live = c.received <= as_at && !(c.closure && c.closure->closed_on < x.period.from);
        if (!live) continue;
        auto review = [&](const char* what, const std::string& desc, const std::optional<Date>& due) {
            if (!due) { r.reviews_due.push_back({ref_of(c), what, desc, due, "No review date"}); return; }
            if (*due <= as_at) r.reviews_due.push_back({ref_of(c), what, desc, due, "Overdue"});
            else if (*due <= as_at.plus_days(28)) r.reviews_due.push_back({ref_of(c), what, desc, due, "Due within 28 days"});
        };
        for (const auto& a : c.adjustments) review("Reasonable adjustment", a.description, a.review_due);
        for (const auto& rs : c.restrictions) review("Contact restriction", rs.description, rs.review_due);
    }
    sort_by_count(r.remedies.by_type);
    std::sort(r.overdue.begin(), r.overdue.end(), [](const OverdueItem& a, const OverdueItem& b) {
        return a.due < b.due || (a.due == b.due && a.reference < b.reference);
    });
}

void count_months(Ctx& x, Report& r) {
    std::vector<std::pair<int, int>> ym;
    for (int y = x.period.from.year(), m = x.period.from.month();
         Date::from_ymd(y, m, 1) <= x.period.to; m == 12 ? (++y, m = 1) : ++m)
        ym.push_back({y, m});
    auto slot = [&](Date d) -> int {
        for (size_t i = 0; i < ym.size(); ++i)
            if (ym[i].first == d.year() && ym[i].second == d.month()) return static_cast<int>(i);
        return -1;
    };
    for (auto [y, m] : ym) r.months.push_back({y, m, 0, 0, 0, 0});
    std::map<std::string, size_t> cat_index;
    for (const Case* cp : x.cases) {
        const Case& c = *cp;
        if (c.kind != CaseKind::Complaint) continue;
        for (const auto& s : c.stages) {
            if (x.period.contains(s.opened)) {
                const int i = slot(s.opened);
                if (s.number == 1 && !refused_at_stage1(c)) {
                    ++r.months[i].stage1_received;
                    const std::string key = c.category_id.empty() ? "none" : c.category_id;
                    auto it = cat_index.find(key);
                    if (it == cat_index.end()) {
                        it = cat_index.emplace(key, r.category_trends.size()).first;
                        r.category_trends.push_back({key, category_label(x.settings, c.category_id),
                                                     std::vector<int>(ym.size(), 0), 0});
                    }
                    ++r.category_trends[it->second].per_month[i];
                    ++r.category_trends[it->second].total;
                } else if (s.number == 2 && !refused_escalation(c)) {
                    ++r.months[i].stage2_received;
                }
            }
            if ((s.number == 1 || s.number == 2) && s.responded && x.period.contains(*s.responded)) {
                const int i = slot(*s.responded);
                ++r.months[i].responses;
                if (stage_timeliness(c, s, x.settings, x.cal).within_extended) ++r.months[i].responses_within_extended;
            }
        }
    }
    std::stable_sort(r.category_trends.begin(), r.category_trends.end(),
                     [](const CategoryTrend& a, const CategoryTrend& b) { return a.total > b.total; });
}

void count_learning(Ctx& x, Report& r) {
    const Date as_at = x.as_at;
    for (const auto& item : x.data.learning) {
        const bool done_by_end = item.done && *item.done <= as_at;
        const bool done_in_period = item.done && x.period.contains(*item.done);
        const bool due_in_period = item.due && x.period.contains(*item.due);
        if (done_by_end && !done_in_period && !due_in_period) continue;  // finished before the period
        LearningRow row{item.id, item.theme, item.lesson, item.action, item.owner, item.due, item.done, {}, ""};
        for (const auto& id : item.case_ids) {
            auto it = x.by_id.find(id);
            row.case_references.push_back(it != x.by_id.end() ? ref_of(*it->second) : id);
        }
        row.state = done_by_end ? "Done" : (item.due && *item.due < as_at ? "Overdue" : "Open");
        r.learning.push_back(std::move(row));
        bump(r.learning_by_theme, item.theme.empty() ? "none" : item.theme,
             item.theme.empty() ? "No theme" : item.theme);
    }
    sort_by_count(r.learning_by_theme);
}

void count_ombudsman(Ctx& x, Report& r) {
    const Date as_at = x.as_at;
    OmbudsmanFigures& o = r.ombudsman;
    for (const Case* cp : x.cases) {
        const Case& c = *cp;
        if (!c.ombudsman) continue;
        const OmbudsmanCase& oc = *c.ombudsman;
        if (x.period.contains(oc.referred)) ++o.referred;
        const bool determined_by_end = oc.determination != Determination::Pending && oc.determined && *oc.determined <= as_at;
        if (oc.determination != Determination::Pending && oc.determined && x.period.contains(*oc.determined)) {
            ++o.determined;
            bump(o.determinations, enum_key(oc.determination), labels::determination(oc.determination));
            if (oc.determination == Determination::SevereMaladministration ||
                oc.determination == Determination::Maladministration ||
                oc.determination == Determination::ServiceFailure)
                ++o.maladministration_findings;
        }
        if (oc.referred <= as_at && !determined_by_end) ++o.pending;
        for (const auto& ord : oc.orders) {
            if (ord.completed && *ord.completed < x.period.from) continue;  // complied before the period
            ++o.orders;
            OrderRow row{ref_of(c), oc.reference, ord.description, ord.due, ord.completed, ""};
            if (ord.completed && *ord.completed <= as_at) {
                ++o.orders_complied;
                if (*ord.completed > ord.due) { ++o.orders_complied_late; row.state = "Complied late"; }
                else row.state = "Complied";
            } else if (ord.due < as_at) {
                ++o.orders_open;
                ++o.orders_overdue;
                row.state = "Overdue";
            } else {
                ++o.orders_open;
                row.state = "Open";
            }
            o.order_rows.push_back(std::move(row));
        }
    }
    // Order the determinations as the Ombudsman lists them.
    std::stable_sort(o.determinations.begin(), o.determinations.end(), [](const Count& a, const Count& b) {
        auto rank = [](const std::string& k) {
            auto d = enum_from_key<Determination>(k);
            return d ? static_cast<int>(*d) : 99;
        };
        return rank(a.key) < rank(b.key);
    });
    for (const auto& e : x.data.non_compliance) {
        const bool ended_before = e.compliance_returns && *e.compliance_returns < x.period.from;
        if (e.started <= as_at && !ended_before) o.non_compliance.push_back(e);
    }
}

void count_quality(Ctx& x, Report& r) {
    QualityFigures& q = r.quality;
    for (const auto& chk : x.data.quality_checks) {
        bool in = false;
        if (chk.checked_on) {
            in = x.period.contains(*chk.checked_on);
        } else if (chk.month.size() == 7) {
            if (auto d = parse_iso_date(chk.month + "-01")) in = x.period.contains(*d);
        }
        if (!in) continue;
        ++q.checks;
        if (!chk.deep_dive_notes.empty()) ++q.deep_dives;
        for (const auto& item : chk.items) {
            auto it = std::find_if(q.by_check.begin(), q.by_check.end(),
                                   [&](const QualityRow& row) { return row.check == item.check; });
            if (it == q.by_check.end()) {
                q.by_check.push_back({item.check, 0, 0, 0});
                it = q.by_check.end() - 1;
            }
            if (!item.passed) { ++it->not_assessed; continue; }
            ++q.items_passed.denominator;
            if (*item.passed) { ++q.items_passed.numerator; ++it->passed; }
            else ++it->failed;
        }
    }
}

void count_satisfaction(Ctx& x, Report& r) {
    r.satisfaction_stage1.stage = 1;
    r.satisfaction_stage2.stage = 2;
    r.satisfaction_stage1.target_pct = x.settings.survey_target_stage1_pct;
    r.satisfaction_stage2.target_pct = x.settings.survey_target_stage2_pct;
    struct Sums { int n = 0, total = 0; };
    Sums handling[3], outcome[3], listened[3];
    for (const Case* cp : x.cases) {
        const Case& c = *cp;
        if (c.kind != CaseKind::Complaint) continue;
        // Each stage response in the period counts against that stage's target, with
        // the survey that followed it; a legacy stage 3 counts with stage 2 as the
        // landlord's final response (once per case).
        bool counted[3] = {false, false, false};
        for (const auto& st : c.stages) {
            if (!st.responded || !x.period.contains(*st.responded)) continue;
            const int n = std::clamp(st.number, 1, 2);
            if (counted[n]) continue;
            counted[n] = true;
            SatisfactionStage& f = n == 1 ? r.satisfaction_stage1 : r.satisfaction_stage2;
            ++f.responded_cases;
            ++f.offered.denominator;
            const Survey* sv = nullptr;
            for (const Survey& s : c.surveys)
                if (std::clamp(s.stage, 1, 2) == n && s.offered) sv = &s;
            if (!sv) continue;
            ++f.offered.numerator;
            ++f.answered.denominator;
            if (sv->declined) ++f.declined;
            if (!sv->answered) continue;
            ++f.answered.numerator;
            auto add = [&](Sums* sums, int score, Ratio* satisfied) {
                if (score < 1 || score > 5) return;
                ++sums[n].n;
                sums[n].total += score;
                if (satisfied) {
                    ++satisfied->denominator;
                    if (score >= 4) ++satisfied->numerator;
                }
            };
            add(handling, sv->satisfied_handling, &f.satisfied_handling);
            add(outcome, sv->satisfied_outcome, &f.satisfied_outcome);
            add(listened, sv->felt_listened, nullptr);
        }
    }
    auto mean = [](const Sums& s) -> std::optional<double> {
        if (s.n == 0) return std::nullopt;
        return static_cast<double>(s.total) / s.n;
    };
    for (int n = 1; n <= 2; ++n) {
        SatisfactionStage& f = n == 1 ? r.satisfaction_stage1 : r.satisfaction_stage2;
        f.mean_handling = mean(handling[n]);
        f.mean_outcome = mean(outcome[n]);
        f.mean_listened = mean(listened[n]);
    }
}

}  // namespace

Date report_as_at(const ReportOptions& options) {
    return options.today && *options.today < options.period.to ? *options.today : options.period.to;
}

Report build_report(const Dataset& data, const ReportOptions& options) {
    Ctx x{data, data.settings, data.settings.calendar(), options.period, {}, {}, report_as_at(options)};
    Report r;
    r.period = options.period;
    r.as_at = x.as_at;
    r.landlord = data.settings.landlord.name;

    // Sample data is never mixed with real cases: when both are present, only real ones count.
    bool any_real = false;
    for (const auto& c : data.cases) any_real = any_real || !c.demo;
    for (const auto& c : data.cases) {
        if (any_real && c.demo) { ++r.excluded_demo_cases; continue; }
        x.cases.push_back(&c);
        x.by_id.emplace(c.id, &c);
    }
    r.sample_data = !any_real && !data.cases.empty();
    r.cases_considered = static_cast<int>(x.cases.size());

    count_received(x, r);
    count_refusals(x, r);
    count_stage_flow(x, r);
    count_remedies_and_overdue(x, r);
    count_months(x, r);
    count_learning(x, r);
    count_ombudsman(x, r);
    count_quality(x, r);
    count_satisfaction(x, r);
    for (const Case* c : x.cases)
        if (c->received <= x.as_at && !(c->closure && c->closure->closed_on < x.period.from))
            r.findings += count_case_findings(*c, x.settings);

    // CH01 per 1,000 homes.
    r.tsm.homes = options.homes > 0 ? options.homes : data.settings.homes_owned;
    if (r.tsm.homes > 0) {
        r.tsm.ch01_stage1_per_1000 = 1000.0 * r.tsm.stage1_received / r.tsm.homes;
        r.tsm.ch01_stage2_per_1000 = 1000.0 * r.tsm.stage2_received / r.tsm.homes;
    }

    r.notes.push_back("CH01 counts complaints whose stage 1 or stage 2 began in the period, per 1,000 homes owned; "
                      "complaints refused under section 2 of the Code are shown separately as refusals.");
    r.notes.push_back("CH02 covers stage 1 and stage 2 responses sent in the period. 'Within the timescale as extended' "
                      "counts extensions the resident was told of with the Ombudsman's details, within the Code's limit or "
                      "beyond it with a good reason recorded. Each case is "
                      "judged by the Code it was handled under (2022-Code records by the 2022 clocks).");
    r.notes.push_back("Outstanding, overdue and due-for-review items are judged as at " + long_date(r.as_at) + ".");
    if (r.tsm.homes <= 0)
        r.notes.push_back("The number of homes owned is not set, so CH01 cannot be calculated: set it in Settings "
                          "or pass --homes.");
    if (r.sample_data) r.notes.push_back("These figures come from sample (demo) data, not real cases.");
    if (r.excluded_demo_cases > 0)
        r.notes.push_back(std::to_string(r.excluded_demo_cases) +
                          " sample (demo) records were left out because the file also holds real cases.");
    if (r.findings > 0)
        r.notes.push_back(std::to_string(r.findings) + (r.findings == 1 ? " Code breach is" : " Code breaches are") +
                          " on record in the history of these cases (an extension over the limit without a good "
                          "reason, a stage 2 handled by the stage 1 handler, ...): 'doorstep validate' lists each one.");
    if (r.stage1.beyond_limit_no_reason + r.stage2.beyond_limit_no_reason > 0)
        r.notes.push_back("Some extensions go beyond the Code's limit with no good reason recorded; those responses "
                          "do not count as within the extended timescale.");
    return r;
}

}  // namespace doorstep
