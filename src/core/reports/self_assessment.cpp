// Index of this file (each a "// ---" section below; search for its heading):
//   - The provisions file
//   - Assessments
//   - Evidence from the records

#include "core/reports/self_assessment.h"

#include "core/base/assets.h"
#include "core/rules/deadlines.h"
#include "core/rules/derived_flags.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>

namespace doorstep {

// ---------------------------------------------------------------------------
// The provisions file

Result<std::vector<Provision>> parse_code_provisions(std::string_view json_text) {
    using nlohmann::json;
    json doc = json::parse(json_text.begin(), json_text.end(), nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded()) return Error{"code-provisions.json", "is not valid JSON"};
    const json* list = &doc;
    if (doc.is_object()) {
        auto it = doc.find("provisions");
        if (it == doc.end()) return Error{"code-provisions.json", "has no \"provisions\" list"};
        list = &*it;
    }
    if (!list->is_array()) return Error{"code-provisions.json", "\"provisions\" must be a list"};

    std::vector<Provision> out;
    std::string problems;
    auto problem = [&](size_t i, const std::string& msg) {
        if (!problems.empty()) problems += "; ";
        problems += "provisions[" + std::to_string(i) + "]: " + msg;
    };
    for (size_t i = 0; i < list->size(); ++i) {
        const json& e = (*list)[i];
        if (!e.is_object()) { problem(i, "must be an object"); continue; }
        auto text = [&](const char* key) -> std::optional<std::string> {
            auto it = e.find(key);
            if (it == e.end() || !it->is_string() || it->get_ref<const std::string&>().empty()) {
                problem(i, std::string("\"") + key + "\" must be a non-empty string");
                return std::nullopt;
            }
            return it->get<std::string>();
        };
        Provision p;
        auto number = text("provision");
        auto title = text("section_title");
        auto summary = text("summary");
        auto duty = text("duty");
        auto sec = e.find("section");
        if (sec == e.end() || !sec->is_number_integer() || sec->get<int>() < 1 || sec->get<int>() > 9) {
            problem(i, "\"section\" must be a whole number from 1 to 9");
            continue;
        }
        if (!number || !title || !summary || !duty) continue;
        if (*duty != "must" && *duty != "should") { problem(i, "\"duty\" must be \"must\" or \"should\""); continue; }
        p.number = *number;
        p.section = sec->get<int>();
        if (p.number.rfind(std::to_string(p.section) + ".", 0) != 0) {
            problem(i, "provision " + p.number + " is not in section " + std::to_string(p.section));
            continue;
        }
        p.section_title = *title;
        p.summary = *summary;
        p.must = *duty == "must";
        if (find_provision(out, p.number)) { problem(i, "provision " + p.number + " appears twice"); continue; }
        out.push_back(std::move(p));
    }
    if (!problems.empty()) return Error{"code-provisions.json", problems};
    if (out.empty()) return Error{"code-provisions.json", "lists no provisions"};
    return out;
}

Result<std::vector<Provision>> load_code_provisions() {
    static const Result<std::vector<Provision>> cached = [] {
        std::string_view text = embedded_asset("code-provisions.json");
        if (text.empty())
            return Result<std::vector<Provision>>(
                Error{"code-provisions.json", "is missing from the program's embedded assets; rebuild it"});
        return parse_code_provisions(text);
    }();
    return cached;
}

const Provision* find_provision(const std::vector<Provision>& provisions, std::string_view number) {
    for (const auto& p : provisions)
        if (p.number == number) return &p;
    return nullptr;
}

// ---------------------------------------------------------------------------
// Assessments

SelfAssessment new_self_assessment(const std::vector<Provision>& provisions, int year, std::string id,
                                   std::string reason) {
    SelfAssessment a;
    a.id = std::move(id);
    a.year = year;
    a.reason = reason.empty() ? "annual" : std::move(reason);
    for (const auto& p : provisions) {
        ProvisionAnswer ans;
        ans.provision = p.number;
        a.answers.push_back(std::move(ans));
    }
    return a;
}

SelfAssessment copy_forward(const SelfAssessment& last, const std::vector<Provision>& provisions, int year,
                            std::string id) {
    SelfAssessment a = new_self_assessment(provisions, year, std::move(id), "annual");
    a.code_version = last.code_version;
    a.copied_from = last.id;
    for (auto& ans : a.answers) {
        const ProvisionAnswer* old = find_answer(last, ans.provision);
        if (!old) continue;
        ans.comply = old->comply;
        ans.evidence = old->evidence;
        ans.commentary = old->commentary;
        for (const auto& act : old->actions)
            if (act.status != ActionStatus::Done) ans.actions.push_back(act);
    }
    return a;
}

Result<SelfAssessment> extra_assessment(const SelfAssessment& from, const std::vector<Provision>& provisions,
                                        std::string id, std::string reason) {
    const auto b = reason.find_first_not_of(" \t\r\n");
    reason = b == std::string::npos ? std::string() : reason.substr(b, reason.find_last_not_of(" \t\r\n") - b + 1);
    const std::string where = "self-assessment " + std::to_string(from.year) + ", reason";
    if (reason.empty())
        return Error{where, "say why an extra assessment is needed (a restructure, merger, stock transfer or change of procedure: 8.3)"};
    if (reason == "annual")
        return Error{where, "the annual assessment is the yearly one; an extra assessment needs the change that prompted it (8.3)"};
    SelfAssessment a = copy_forward(from, provisions, from.year, std::move(id));
    a.reason = std::move(reason);
    return a;
}

ProvisionAnswer* find_answer(SelfAssessment& a, std::string_view provision) {
    for (auto& ans : a.answers)
        if (ans.provision == provision) return &ans;
    return nullptr;
}

const ProvisionAnswer* find_answer(const SelfAssessment& a, std::string_view provision) {
    for (const auto& ans : a.answers)
        if (ans.provision == provision) return &ans;
    return nullptr;
}

namespace {

std::string where_of(const SelfAssessment& a, std::string_view provision) {
    std::string w = "self-assessment " + std::to_string(a.year);
    if (!provision.empty()) w += ", provision " + std::string(provision);
    return w;
}

std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    const auto e = s.find_last_not_of(" \t\r\n");
    return s.substr(b, e - b + 1);
}

}  // namespace

bool is_signed(const SelfAssessment& a) { return a.lead_officer.on.has_value() || a.member_responsible.on.has_value(); }

Status answer(SelfAssessment& a, std::string_view provision, Compliance comply, std::string evidence,
              std::string commentary) {
    ProvisionAnswer* ans = find_answer(a, provision);
    if (!ans)
        return Error{where_of(a, provision), "is not one of the Code's provisions in this assessment"};
    if (is_signed(a))
        return Error{where_of(a, provision),
                     "the assessment has been signed off; withdraw the sign-off before changing answers"};
    if (comply == Compliance::Unanswered)
        return Error{where_of(a, provision), "choose Yes, No, Partly or Not applicable"};
    ans->comply = comply;
    ans->evidence = std::move(evidence);
    ans->commentary = std::move(commentary);
    return {};
}

Status add_assessment_action(SelfAssessment& a, std::string_view provision, AssessmentAction action) {
    ProvisionAnswer* ans = find_answer(a, provision);
    if (!ans) return Error{where_of(a, provision), "is not one of the Code's provisions in this assessment"};
    if (trimmed(action.description).empty())
        return Error{where_of(a, provision) + ", action", "say what action is required"};
    if (trimmed(action.owner).empty())
        return Error{where_of(a, provision) + ", action", "name the action owner"};
    ans->actions.push_back(std::move(action));
    return {};
}

Status update_assessment_action(SelfAssessment& a, std::string_view provision, int index, DatedUpdate update,
                                std::optional<ActionStatus> status) {
    ProvisionAnswer* ans = find_answer(a, provision);
    if (!ans) return Error{where_of(a, provision), "is not one of the Code's provisions in this assessment"};
    if (index < 0 || index >= static_cast<int>(ans->actions.size()))
        return Error{where_of(a, provision), "has no action number " + std::to_string(index + 1)};
    AssessmentAction& act = ans->actions[index];
    const std::string w = where_of(a, provision) + ", action " + std::to_string(index + 1);
    if (trimmed(update.text).empty()) return Error{w, "the update needs some text"};
    if (!act.updates.empty() && update.on < act.updates.back().on)
        return Error{w, "the update is dated " + short_date(update.on) + ", before the last one (" +
                            short_date(act.updates.back().on) + "); updates are kept in date order"};
    act.updates.push_back(std::move(update));
    if (status) act.status = *status;
    return {};
}

Status sign_off(SelfAssessment& a, Signatory who, SignOff signature) {
    const std::string w = where_of(a, "") + (who == Signatory::LeadOfficer ? ", lead officer sign-off"
                                                                            : ", Member Responsible for Complaints sign-off");
    if (trimmed(signature.name).empty()) return Error{w, "the signatory's name is required"};
    if (!signature.on) return Error{w, "the date of signing is required"};
    std::string unanswered, no_action;
    int n_unanswered = 0;
    for (const auto& ans : a.answers) {
        if (ans.comply == Compliance::Unanswered) {
            if (n_unanswered++ < 10) unanswered += (unanswered.empty() ? "" : ", ") + ans.provision;
            continue;
        }
        if (ans.comply == Compliance::No || ans.comply == Compliance::Partly) {
            const bool has = std::any_of(ans.actions.begin(), ans.actions.end(),
                                         [](const AssessmentAction& x) { return !trimmed(x.owner).empty(); });
            if (!has) no_action += (no_action.empty() ? "" : ", ") + ans.provision;
        }
    }
    if (n_unanswered > 0)
        return Error{w, std::to_string(n_unanswered) + " provision" + (n_unanswered == 1 ? " is" : "s are") +
                            " not answered yet (" + unanswered + (n_unanswered > 10 ? ", ..." : "") + ")"};
    if (!no_action.empty())
        return Error{w, "provisions answered No or Partly need an action with an owner first: " + no_action};
    if (signature.role.empty())
        signature.role = who == Signatory::LeadOfficer ? "Lead officer" : "Member Responsible for Complaints";
    (who == Signatory::LeadOfficer ? a.lead_officer : a.member_responsible) = std::move(signature);
    return {};
}

void withdraw_sign_offs(SelfAssessment& a) {
    a.lead_officer.on.reset();
    a.member_responsible.on.reset();
}

ComplianceCounts count_answers(const SelfAssessment& a) {
    ComplianceCounts c;
    for (const auto& ans : a.answers) {
        switch (ans.comply) {
            case Compliance::Yes: ++c.yes; break;
            case Compliance::No: ++c.no; break;
            case Compliance::Partly: ++c.partly; break;
            case Compliance::NotApplicable: ++c.not_applicable; break;
            case Compliance::Unanswered: ++c.unanswered; break;
        }
    }
    return c;
}

const char* compliance_label(Compliance c) {
    switch (c) {
        case Compliance::Yes: return "Yes";
        case Compliance::No: return "No";
        case Compliance::Partly: return "Partly";
        case Compliance::NotApplicable: return "Not applicable";
        case Compliance::Unanswered: return "Not answered";
    }
    return "Not answered";
}

const char* action_status_label(ActionStatus s) {
    switch (s) {
        case ActionStatus::NotStarted: return "Not started";
        case ActionStatus::InProgress: return "In progress";
        case ActionStatus::Done: return "Done";
    }
    return "Not started";
}

const SelfAssessment* assessment_for_year(const Dataset& data, int year) {
    const SelfAssessment* any = nullptr;
    const SelfAssessment* annual = nullptr;
    for (const auto& a : data.assessments) {
        if (a.year != year) continue;
        any = &a;  // later entries are newer
        if (a.reason.empty() || a.reason == "annual") annual = &a;
    }
    return annual ? annual : any;
}

// ---------------------------------------------------------------------------
// Evidence from the records

namespace {

struct Measure {
    MeasuredEvidence e;
    std::unordered_set<std::string> listed;  // each breaching case named once
    void applies(bool ok, const std::string& ref) {
        ++e.applicable;
        if (ok) ++e.met;
        else if (listed.insert(ref).second) e.breaches.push_back(ref);
    }
};

std::string pct_text(int num, int den) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f%%", den > 0 ? 100.0 * num / den : 0.0);
    return buf;
}

void finish(MeasuredEvidence& e) {
    if (e.informational) {
        e.summary = e.measure + ": " + std::to_string(e.applicable);
        return;
    }
    if (e.applicable == 0) {
        e.summary = e.measure + ": no records in the period";
        return;
    }
    e.summary = e.measure + ": " + std::to_string(e.met) + " of " + std::to_string(e.applicable) + " (" +
                pct_text(e.met, e.applicable) + ")";
    if (!e.breaches.empty()) {
        e.summary += "; not met: ";
        for (size_t i = 0; i < e.breaches.size() && i < 8; ++i) e.summary += (i ? ", " : "") + e.breaches[i];
        if (e.breaches.size() > 8) e.summary += " and " + std::to_string(e.breaches.size() - 8) + " more";
    }
}

std::string ref_of(const Case& c) { return c.reference.empty() ? c.id : c.reference; }

bool same_person(const std::string& a, const std::string& b) {
    const std::string x = trimmed(a), y = trimmed(b);
    if (x.empty() || y.empty() || x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(x[i])) != std::tolower(static_cast<unsigned char>(y[i]))) return false;
    return true;
}

bool needs_consent(RepresentativeKind k) {
    return k != RepresentativeKind::None && k != RepresentativeKind::Councillor && k != RepresentativeKind::MP;
}

}  // namespace

std::vector<MeasuredEvidence> measure_evidence(const Dataset& data, const Period& period, std::optional<Date> today) {
    const Settings& st = data.settings;
    const Calendar cal = st.calendar();
    const Date as_at = report_as_at(ReportOptions{period, 0, today});

    bool any_real = false;
    for (const auto& c : data.cases) any_real = any_real || !c.demo;
    std::vector<const Case*> cases;
    std::unordered_map<std::string, const Case*> by_id;
    for (const auto& c : data.cases) {
        if (any_real && c.demo) continue;
        cases.push_back(&c);
        by_id.emplace(c.id, &c);
    }

    std::vector<Measure> ms;
    auto make = [&](const char* provision, std::string measure, bool info = false) -> Measure& {
        ms.push_back(Measure{});
        ms.back().e.provision = provision;
        ms.back().e.measure = std::move(measure);
        ms.back().e.informational = info;
        return ms.back();
    };
    // Indices rather than references: the vector grows.
    auto idx = [&](const char* provision, std::string measure, bool info = false) {
        make(provision, std::move(measure), info);
        return ms.size() - 1;
    };

    const size_t m14 = idx("1.4", "Service requests recorded in the period", true);
    const size_t m15 = idx("1.5", "Service requests that led to a complaint and were still carried through");
    const size_t m16 = idx("1.6", "Survey feedback records in the period (not complaints)", true);
    const size_t m21 = idx("2.1", "Refusals with the reasoning recorded");
    const size_t m23 = idx("2.3", "Twelve-month refusals where discretion was considered");
    const size_t m24 = idx("2.4", "Refusals explained in writing with the right to go to the Ombudsman");
    const size_t m24d = idx("2.4", "Refusals explained within " + std::to_string(st.policy.refusal_explanation_days) +
                                       " working days (landlord policy)");
    const size_t m31 = idx("3.1", "Channels through which complaints were received", true);
    const size_t m36 = idx("3.6", "Representatives acting with the resident's consent recorded");
    const size_t m53 = idx("5.3", "2024-Code complaints with no more than two stages");
    const size_t m56 = idx("5.6", "Acknowledged stages with a complaint definition and outcome sought recorded");
    const size_t m57 = idx("5.7", "Aspects outside the landlord's responsibility with a reason given");
    const size_t m58 = idx("5.8", "Declared conflicts of interest where the person did not handle the case");
    const size_t m59 = idx("5.9", "Late or overdue responses with update intervals agreed");
    const size_t m59u = idx("5.9", "Agreed updates given on time");
    const size_t m510 = idx("5.10", "Reasonable adjustments with a review date not yet passed");
    const size_t m511 = idx("5.11", "Refused escalations with a section 2 ground and reasons");
    const size_t m513 = idx("5.13", "Remedies offered at stage 1 (without escalation)", true);
    const size_t m514 = idx("5.14", "Contact restrictions evidenced and with a review date not yet passed");
    const size_t m515 = idx("5.15", "Contact restrictions recording regard to the Equality Act 2010");
    const size_t m62 = idx("6.2", "Stage 1 complaints acknowledged within " + std::to_string(st.policy.acknowledge_days) +
                                      " working days");
    const size_t m63 = idx("6.3", "Stage 1 responses within the timescale as extended under the Code");
    const size_t m63b = idx("6.3", "Stage 1 responses within the base timescale");
    const size_t m64 = idx("6.4", "Stage 1 extensions within the limit or with a good reason");
    const size_t m64t = idx("6.4", "Stage 1 extensions notified to the resident");
    const size_t m65 = idx("6.5", "Stage 1 extension notices giving the Ombudsman's details");
    const size_t m66 = idx("6.6", "Stage 1 outstanding actions not overdue");
    const size_t m67 = idx("6.7", "Stage 1 responses deciding every point with reasons");
    const size_t m68 = idx("6.8", "New issues logged as linked complaints", true);
    const size_t m611 = idx("6.11", "Stage 2 requests acknowledged within " +
                                        std::to_string(st.policy.stage2_acknowledge_days) + " working days");
    const size_t m612 = idx("6.12", "Stage 2 requests accepted without a reason from the resident", true);
    const size_t m613 = idx("6.13", "Stage 2 handled and signed by someone other than the stage 1 handler and signatory");
    const size_t m614 = idx("6.14", "Stage 2 responses within the timescale as extended under the Code");
    const size_t m614b = idx("6.14", "Stage 2 responses within the base timescale");
    const size_t m615 = idx("6.15", "Stage 2 extensions within the limit or with a good reason");
    const size_t m615t = idx("6.15", "Stage 2 extensions notified to the resident");
    const size_t m616 = idx("6.16", "Stage 2 extension notices giving the Ombudsman's details");
    const size_t m617 = idx("6.17", "Stage 2 outstanding actions not overdue");
    const size_t m618 = idx("6.18", "Stage 2 responses deciding every point with reasons");
    const size_t m73 = idx("7.3", "Remedies completed by the date promised");
    const size_t m85 = idx("8.5", "Exceptional non-compliance reported to the Ombudsman and residents");
    const size_t m91 = idx("9.1", "Complaints closed in the period with learning considered");
    const size_t m94 = idx("9.4", "Learning actions with an owner and not overdue");
    const size_t m97 = idx("9.7", "Ombudsman orders complied with by their due date");

    std::vector<std::string> channels_seen;
    std::unordered_set<std::string> in_learning_log;  // 9.1: cases a learning item names
    for (const auto& item : data.learning) in_learning_log.insert(item.case_ids.begin(), item.case_ids.end());

    for (const Case* cp : cases) {
        const Case& c = *cp;
        const std::string ref = ref_of(c);
        const bool received_in = period.contains(c.received);

        if (received_in && c.kind == CaseKind::ServiceRequest) ms[m14].applies(true, ref);
        if (received_in && c.kind == CaseKind::SurveyFeedback) ms[m16].applies(true, ref);

        // 1.5: the service request a complaint came from keeps going.
        if (c.kind == CaseKind::Complaint && received_in && !c.raised_from_case.empty()) {
            auto it = by_id.find(c.raised_from_case);
            if (it != by_id.end() && it->second->kind == CaseKind::ServiceRequest) {
                const Case& sr = *it->second;
                const bool stopped = sr.closure && sr.closure->reason != ClosureReason::ServiceRequestDone &&
                                     !sr.service_request_completed && sr.closure->closed_on <= as_at;
                ms[m15].applies(!stopped, ref_of(sr));
            }
        }

        // Section 2 and 5.11 refusals.
        if (c.refusal && period.contains(c.refusal->decided_on)) {
            const Refusal& rf = *c.refusal;
            ms[m21].applies(!trimmed(rf.reasoning).empty(), ref);
            bool needs_discretion = false;
            for (const auto& g : st.refusal_grounds)
                if (g.id == rf.ground_id) needs_discretion = g.needs_discretion;
            if (needs_discretion) ms[m23].applies(rf.discretion_considered && !trimmed(rf.discretion_decision).empty(), ref);
            if (rf.at_escalation) {
                bool known = false;
                for (const auto& g : st.refusal_grounds) known = known || g.id == rf.ground_id;
                ms[m511].applies(known && !trimmed(rf.reasoning).empty(), ref);
            } else {
                const bool explained = rf.explained_on && *rf.explained_on <= as_at;
                ms[m24].applies(explained, ref);
                const Date due = refusal_explanation_due(rf, st, cal);
                if (explained || due <= as_at) ms[m24d].applies(explained && *rf.explained_on <= due, ref);
            }
        }

        if (received_in && needs_consent(c.representative.kind))
            ms[m36].applies(c.representative.consent_given, ref);

        if (c.kind == CaseKind::Complaint && c.code == CodeVersion::Code2024 && received_in) {
            int n = 0;
            for (const auto& s : c.stages) n = std::max(n, s.number);
            ms[m53].applies(n <= 2, ref);
        }

        // 5.8c: a declared conflict means that person does not handle or sign.
        for (const auto& coi : c.conflicts_of_interest) {
            if (!period.contains(coi.declared_on)) continue;
            bool handled = false;
            for (const auto& s : c.stages) {
                const bool after = !s.responded || *s.responded >= coi.declared_on;
                if (after && (same_person(s.investigator, coi.person) || same_person(s.approver, coi.person)))
                    handled = true;
            }
            ms[m58].applies(!handled, ref);
        }

        // 5.10, 5.14, 5.15: per-resident duties on cases live in the period.
        const bool live = c.received <= as_at && !(c.closure && c.closure->closed_on < period.from);
        if (live) {
            for (const auto& a : c.adjustments) ms[m510].applies(a.review_due && *a.review_due > as_at, ref);
            for (const auto& r : c.restrictions) {
                ms[m514].applies(!trimmed(r.evidence).empty() && r.review_due && *r.review_due > as_at, ref);
                ms[m515].applies(!trimmed(r.equality_act_regard).empty(), ref);
            }
        }

        // 9.1: closed complaints considered for learning.
        if (c.kind == CaseKind::Complaint && c.closure && period.contains(c.closure->closed_on) &&
            c.closure->reason != ClosureReason::Refused && c.closure->reason != ClosureReason::JoinedToOther &&
            c.closure->reason != ClosureReason::Withdrawn) {
            ms[m91].applies(!trimmed(c.learning).empty() || in_learning_log.count(c.id) > 0, ref);
        }

        // 9.7c: Ombudsman orders.
        if (c.ombudsman) {
            for (const auto& o : c.ombudsman->orders) {
                if (!(period.contains(o.due) || (o.due < period.from && !(o.completed && *o.completed < period.from))))
                    continue;
                if (o.due > as_at) continue;
                ms[m97].applies(o.completed && *o.completed <= o.due, ref);
            }
        }

        if (c.kind != CaseKind::Complaint) continue;
        if (received_in && !(c.refusal && !c.refusal->at_escalation)) {
            const char* key = nullptr;
            switch (c.channel) {
                case Channel::InPerson: key = "in person"; break;
                case Channel::HomeVisit: key = "home visit"; break;
                case Channel::Phone: key = "phone"; break;
                case Channel::Email: key = "email"; break;
                case Channel::Letter: key = "letter"; break;
                case Channel::WebForm: key = "web form"; break;
                case Channel::SocialMedia: key = "social media"; break;
                case Channel::App: key = "app"; break;
                case Channel::ThirdParty: key = "third party"; break;
            }
            if (key && std::find(channels_seen.begin(), channels_seen.end(), key) == channels_seen.end())
                channels_seen.push_back(key);
        }

        for (const auto& s : c.stages) {
            if (s.number != 1 && s.number != 2) continue;
            const bool s1 = s.number == 1;
            const bool refused_here = s1 ? (c.refusal && !c.refusal->at_escalation) : (c.refusal && c.refusal->at_escalation);
            const StageClock clk = stage_clock(c, s, st, cal);
            const StageTimeliness t = stage_timeliness(c, s, st, cal);
            const bool responded_in = s.responded && period.contains(*s.responded);

            // 6.2 / 6.11 (the 2022 Code had no acknowledgement timescale of this kind for stage 1 reporting:
            // judged anyway, as deadlines.h gives the clock)
            if (s.acknowledged && period.contains(*s.acknowledged)) {
                ms[s1 ? m62 : m611].applies(t.acknowledged_on_time, ref);
                ms[m56].applies(!trimmed(s.definition).empty() && !trimmed(s.outcome_sought).empty(), ref);
                for (const auto& asp : s.aspects)
                    if (!asp.in_scope) ms[m57].applies(!trimmed(asp.reason_excluded).empty(), ref);
            } else if (!s.acknowledged && !refused_here && !s.responded && clk.acknowledge_due < as_at &&
                       period.contains(clk.acknowledge_due) && !(c.closure && c.closure->closed_on <= clk.acknowledge_due)) {
                ms[s1 ? m62 : m611].applies(false, ref);
            }

            if (!s1 && period.contains(s.opened) && s.escalation && trimmed(s.escalation->resident_reason).empty())
                ms[m612].applies(true, ref);

            // 6.13: compare with stage 1's handler and signatory.
            if (!s1 && (period.contains(s.opened) || responded_in)) {
                const Stage* first = nullptr;
                for (const auto& o : c.stages)
                    if (o.number == 1) first = &o;
                if (first) {
                    const bool clash = same_person(s.investigator, first->investigator) ||
                                       same_person(s.investigator, first->approver) ||
                                       same_person(s.approver, first->investigator) ||
                                       same_person(s.approver, first->approver);
                    ms[m613].applies(!clash, ref);
                }
            }

            // Extensions decided in the period (6.4, 6.5, 6.15, 6.16).
            for (size_t k = 0; k < s.extensions.size(); ++k) {
                const Extension& e = s.extensions[k];
                if (!period.contains(e.decided_on)) continue;
                // From the record, never the stored flag, so it agrees with findings.h.
                ms[s1 ? m64 : m615].applies(!extension_beyond_limit(c, s, k, st) || has_good_reason(e), ref);
                ms[s1 ? m64t : m615t].applies(e.resident_told.has_value(), ref);
                if (e.resident_told) ms[s1 ? m65 : m616].applies(e.ombudsman_details_given, ref);
            }

            // Outstanding actions due by the period end and not finished before it started (6.6, 6.17).
            for (const auto& a : s.actions) {
                if (a.due > as_at || (a.completed && *a.completed < period.from)) continue;
                ms[s1 ? m66 : m617].applies(a.completed && *a.completed <= a.due, ref);
            }

            // 7.3 remedies promised by a date in the period or earlier and still open at its start.
            for (const auto& r : s.remedies) {
                if (!r.due || r.state == RemedyState::Proposed || r.state == RemedyState::Declined) continue;
                if (*r.due > as_at || (r.completed && *r.completed < period.from)) continue;
                ms[m73].applies(r.completed && *r.completed <= *r.due, ref);
            }

            if (s1 && responded_in)
                for (const auto& r : s.remedies)
                    if (r.state != RemedyState::Proposed) ms[m513].applies(true, ref);

            // 5.9: late responses need agreed update intervals; agreed updates must be given.
            const bool late_now = responded_in ? !t.within_base
                                               : (!s.responded && !refused_here && s.opened <= as_at &&
                                                  clk.response_base_due < as_at && period.contains(clk.response_base_due) &&
                                                  !(c.closure && c.closure->closed_on <= as_at));
            if (late_now) ms[m59].applies(s.updates.has_value(), ref);
            if (s.updates) {
                for (const auto& slot : update_schedule(c, s, as_at, cal)) {
                    if (!period.contains(slot.due) || slot.state == UpdateState::Pending) continue;
                    ms[m59u].applies(slot.state == UpdateState::Given, ref);
                }
            }

            if (!responded_in) continue;
            ms[s1 ? m63 : m614].applies(t.within_extended, ref);
            ms[s1 ? m63b : m614b].applies(t.within_base, ref);
            bool all_decided = !s.points.empty();
            for (const auto& p : s.points)
                all_decided = all_decided && p.decision != Decision::Undecided && !trimmed(p.reasons).empty();
            ms[s1 ? m67 : m618].applies(all_decided, ref);
        }
        // 6.8: a complaint logged in the period as new, linked to an earlier one.
        if (received_in) {
            for (const auto& id : c.linked_cases) {
                auto it = by_id.find(id);
                if (it != by_id.end() && it->second->kind == CaseKind::Complaint && it->second->received < c.received) {
                    ms[m68].applies(true, ref);
                    break;
                }
            }
        }
    }

    for (const auto& ch : channels_seen) ms[m31].applies(true, ch);

    for (const auto& e : data.non_compliance) {
        if (!(e.started <= as_at && !(e.compliance_returns && *e.compliance_returns < period.from))) continue;
        ms[m85].applies(e.ombudsman_told.has_value() && e.residents_told.has_value(), e.id);
    }

    for (const auto& item : data.learning) {
        if (item.done && *item.done < period.from) continue;
        if (trimmed(item.action).empty()) continue;
        const bool overdue = item.due && *item.due < as_at && !(item.done && *item.done <= *item.due);
        ms[m94].applies(!trimmed(item.owner).empty() && !overdue, item.id);
    }

    std::vector<MeasuredEvidence> out;
    out.reserve(ms.size());
    for (auto& m : ms) {
        finish(m.e);
        out.push_back(std::move(m.e));
    }
    return out;
}

std::vector<const MeasuredEvidence*> evidence_for(const std::vector<MeasuredEvidence>& all, std::string_view provision) {
    std::vector<const MeasuredEvidence*> out;
    for (const auto& e : all)
        if (e.provision == provision) out.push_back(&e);
    return out;
}

std::vector<std::string> evidence_warnings(const ProvisionAnswer& ans, const std::vector<const MeasuredEvidence*>& ev) {
    std::vector<std::string> out;
    int tested = 0, clean = 0, applicable = 0;
    for (const MeasuredEvidence* e : ev) {
        applicable += e->applicable;
        if (e->informational || e->applicable == 0) continue;
        ++tested;
        if (e->failures() == 0) ++clean;
        if (ans.comply == Compliance::Yes && e->failures() > 0) {
            std::string refs;
            for (size_t i = 0; i < e->breaches.size() && i < 5; ++i) refs += (i ? ", " : "") + e->breaches[i];
            if (e->breaches.size() > 5) refs += ", ...";
            out.push_back("Answered Yes, but the records show " + std::to_string(e->failures()) + " of " +
                          std::to_string(e->applicable) + " not meeting it (" + e->measure + "): " + refs);
        }
    }
    if (ans.comply == Compliance::NotApplicable && applicable > 0)
        out.push_back("Answered Not applicable, but " + std::to_string(applicable) +
                      " records in the period fall under this provision");
    if (ans.comply == Compliance::No && tested > 0 && clean == tested)
        out.push_back("Answered No, but every record measured for this provision meets it; check the answer or "
                      "explain it in the commentary");
    return out;
}

}  // namespace doorstep
