// Merging exports from several devices (see merge.h for the rules).
#include "core/data/merge.h"

#include "core/data/case_json.h"
#include "core/model/references.h"
#include "core/data/revisions.h"
#include "core/base/hashing.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

namespace doorstep {

namespace {

// One version per revision, each once. Versions without a rev (never saved) are
// told apart by their content. Two copies of ONE revision whose content differs
// (edited without a new revision, or by hand) are not one version: both are kept
// for a person to choose. The copies are ordered by content; the first keeps the
// revision, each other becomes a sibling revision of the same N named by its
// content, so any order of files gives the same result and a later merge of the
// same copies adds nothing.
std::vector<Case> distinct_versions(std::vector<Case> leaves) {
    std::vector<std::string> content(leaves.size());
    for (size_t i = 0; i < leaves.size(); ++i) content[i] = case_canonical_json(leaves[i]);
    std::vector<size_t> order(leaves.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t x, size_t y) {
        if (leaves[x].rev != leaves[y].rev) return leaves[x].rev < leaves[y].rev;
        return content[x] > content[y];
    });
    std::vector<Case> out;
    std::set<std::string> revs;
    std::string group_rev;  // the revision the copies before this one were saved under
    for (size_t k = 0; k < order.size(); ++k) {
        const size_t i = order[k];
        Case& v = leaves[i];
        const bool same_rev = k > 0 && v.rev == group_rev;
        if (same_rev && content[order[k - 1]] == content[i]) continue;  // the same version
        group_rev = v.rev;
        const std::optional<Rev> rev = parse_rev(v.rev);
        if (same_rev && rev) {  // one revision, other content
            const std::string hash = sha256_hex(content[i] + v.rev).substr(0, 32);
            v.rev = std::to_string(rev->number) + "-" + hash;
            if (v.rev_ids.empty()) v.rev_ids.push_back(hash);
            else v.rev_ids.front() = hash;
        }
        if (!v.rev.empty() && !revs.insert(v.rev).second) continue;  // a sibling an earlier merge made
        out.push_back(std::move(v));
    }
    return out;
}

// CouchDB's order: higher N, then higher hash; content breaks a tie between unsaved versions.
bool wins_over(const Case& a, const Case& b) {
    const int r = compare_revs(a.rev, b.rev);
    if (r != 0) return r > 0;
    return case_canonical_json(a) > case_canonical_json(b);
}

std::string short_rev(const std::string& rev) {
    if (rev.empty()) return "unsaved";
    const size_t dash = rev.find('-');
    return dash == std::string::npos ? rev : rev.substr(0, std::min(rev.size(), dash + 9));
}

std::string version_name(const Case& v) {
    return short_rev(v.rev) + (v.device.empty() ? std::string() : " from " + v.device);
}

// Every leaf version a case holds: itself and its conflict versions.
std::vector<std::string> leaf_revs(const Case& c) {
    std::vector<std::string> revs{c.rev};
    for (const Case& v : c.conflicts) revs.push_back(v.rev);
    std::sort(revs.begin(), revs.end());
    return revs;
}

std::string label(const Case& c) { return c.reference.empty() ? "case " + c.id : c.reference; }

// How much a record says: the number of values its JSON holds (empty fields are omitted).
size_t fullness(const nlohmann::ordered_json& j) {
    if (j.is_object() || j.is_array()) {
        size_t n = 0;
        for (const auto& item : j) n += fullness(item);
        return n;
    }
    return 1;
}

template <class T>
void merge_records(std::vector<T>& base, const std::vector<T>& other, const char* what, MergeReport& report) {
    std::unordered_map<std::string, size_t> index;
    for (size_t i = 0; i < base.size(); ++i) index.emplace(base[i].id, i);
    for (const T& incoming : other) {
        const auto it = index.find(incoming.id);
        if (it == index.end()) {
            index.emplace(incoming.id, base.size());
            base.push_back(incoming);
            continue;
        }
        T& mine = base[it->second];
        const nlohmann::ordered_json a = to_json(mine);
        const nlohmann::ordered_json b = to_json(incoming);
        if (a == b) continue;
        const size_t fa = fullness(a), fb = fullness(b);
        const bool take_incoming = fb != fa ? fb > fa : b.dump() > a.dump();
        report.messages.push_back(std::string(what) + " '" + incoming.id +
                                  "' differed between files: kept the fuller version (" +
                                  std::to_string(std::max(fa, fb)) + " values against " +
                                  std::to_string(std::min(fa, fb)) + ")");
        if (take_incoming) mine = incoming;
    }
}

}  // namespace

Case merge_case(const Case& a, const Case& b, bool* new_conflict) {
    if (new_conflict) *new_conflict = false;
    if (!a.rev.empty() && a.rev == b.rev && a.conflicts.empty() && b.conflicts.empty() &&
        a.discarded_revs == b.discarded_revs && case_canonical_json(a) == case_canonical_json(b))
        return a;  // the common case: nothing changed

    // Every leaf version from both sides, without their conflict lists.
    std::vector<Case> leaves;
    const auto add = [&](const Case& v) {
        Case leaf = v;
        leaf.conflicts.clear();
        leaf.discarded_revs.clear();
        leaves.push_back(std::move(leaf));
    };
    add(a);
    for (const Case& v : a.conflicts) add(v);
    add(b);
    for (const Case& v : b.conflicts) add(v);
    std::vector<Case> versions = distinct_versions(std::move(leaves));

    std::set<std::string> discarded(a.discarded_revs.begin(), a.discarded_revs.end());
    discarded.insert(b.discarded_revs.begin(), b.discarded_revs.end());

    // A version whose rev another version descends from is superseded.
    std::vector<Case> heads;
    for (size_t i = 0; i < versions.size(); ++i) {
        bool superseded = false;
        for (size_t j = 0; j < versions.size() && !superseded; ++j)
            superseded = i != j && has_in_history(versions[j], versions[i].rev);
        if (!superseded) heads.push_back(versions[i]);
    }
    // Versions a person already set aside stay away (unless nothing else is left).
    std::vector<Case> live;
    for (const Case& h : heads)
        if (!discarded.count(h.rev)) live.push_back(h);
    if (live.empty()) live = heads;

    std::sort(live.begin(), live.end(), wins_over);
    Case winner = std::move(live.front());
    winner.conflicts.assign(std::make_move_iterator(live.begin() + 1), std::make_move_iterator(live.end()));
    winner.discarded_revs.assign(discarded.begin(), discarded.end());

    if (new_conflict && !winner.conflicts.empty()) {
        const std::vector<std::string> before = leaf_revs(a);
        for (const std::string& rev : leaf_revs(winner))
            if (!std::binary_search(before.begin(), before.end(), rev)) *new_conflict = true;
    }
    return winner;
}

std::vector<Erasure> apply_erasures(Dataset& d, const std::vector<Erasure>& more) {
    std::unordered_map<std::string, size_t> index;
    for (size_t i = 0; i < d.erasures.size(); ++i) index.emplace(d.erasures[i].case_id, i);
    for (const Erasure& e : more) {
        const auto it = index.find(e.case_id);
        if (it == index.end()) {
            index.emplace(e.case_id, d.erasures.size());
            d.erasures.push_back(e);
            continue;
        }
        Erasure& mine = d.erasures[it->second];
        const auto key = [](const Erasure& x) { return std::make_pair(x.erased_at, to_json(x).dump()); };
        if (key(e) < key(mine)) mine = e;
    }
    std::vector<Erasure> taken;
    if (d.erasures.empty()) return taken;
    std::vector<Case> kept;
    kept.reserve(d.cases.size());
    for (Case& c : d.cases) {
        const auto it = index.find(c.id);
        if (it == index.end()) kept.push_back(std::move(c));
        else taken.push_back(d.erasures[it->second]);
    }
    d.cases = std::move(kept);
    return taken;
}

std::string erasure_words(const Erasure& e) {
    const std::optional<LocalDateTime> at = parse_iso_local(e.erased_at);
    return "erased on " + (at ? short_date(at->date) : e.erased_at) + " by " + e.by;
}

void merge_into(Dataset& base, const Dataset& other, MergeReport& report, const Actor& actor) {
    for (const Erasure& e : apply_erasures(base, other.erasures)) {
        ++report.erased_removed;
        report.messages.push_back(e.reference + ": " + erasure_words(e) + " on another device, so removed here too");
    }
    std::unordered_map<std::string, const Erasure*> erased;
    for (const Erasure& e : base.erasures) erased.emplace(e.case_id, &e);

    std::unordered_map<std::string, size_t> index;
    index.reserve(base.cases.size() + other.cases.size());
    for (size_t i = 0; i < base.cases.size(); ++i) index.emplace(base.cases[i].id, i);

    for (const Case& incoming : other.cases) {
        if (const auto e = erased.find(incoming.id); e != erased.end()) {
            ++report.erased_kept_out;
            report.messages.push_back(e->second->reference + ": " + erasure_words(*e->second) + ", so not brought back");
            continue;
        }
        const auto it = index.find(incoming.id);
        if (it == index.end()) {
            index.emplace(incoming.id, base.cases.size());
            base.cases.push_back(incoming);
            ++report.added;
            continue;
        }
        Case& mine = base.cases[it->second];
        bool new_conflict = false;
        Case merged = merge_case(mine, incoming, &new_conflict);
        const bool changed = merged.rev != mine.rev || leaf_revs(merged) != leaf_revs(mine) ||
                             merged.discarded_revs != mine.discarded_revs;
        if (!changed) {
            ++report.unchanged;
            continue;
        }
        ++report.updated;
        if (new_conflict) {
            std::string versions = version_name(merged);
            for (const Case& v : merged.conflicts) versions += ", " + version_name(v);
            report.messages.push_back(label(merged) + ": changed on more than one device (" + versions +
                                      "); every version is kept: choose one on the case screen");
        }
        mine = std::move(merged);
    }

    merge_records(base.learning, other.learning, "learning item", report);
    merge_records(base.assessments, other.assessments, "self-assessment", report);
    merge_records(base.quality_checks, other.quality_checks, "quality check", report);
    merge_records(base.non_compliance, other.non_compliance, "non-compliance event", report);
    make_references_unique(base, report, actor);

    report.merged = static_cast<int>(base.cases.size());
    report.conflicts = static_cast<int>(
        std::count_if(base.cases.begin(), base.cases.end(), [](const Case& c) { return !c.conflicts.empty(); }));
}

Dataset merge_datasets(const std::vector<Dataset>& inputs, MergeReport& report, const Actor& actor) {
    report = MergeReport{};
    if (inputs.empty()) return Dataset{};
    Dataset result = inputs.front();
    for (size_t i = 1; i < inputs.size(); ++i) merge_into(result, inputs[i], report, actor);
    report.merged = static_cast<int>(result.cases.size());
    report.conflicts = static_cast<int>(
        std::count_if(result.cases.begin(), result.cases.end(), [](const Case& c) { return !c.conflicts.empty(); }));
    return result;
}

Result<std::string> merged_export(const std::vector<Dataset>& inputs, MergeReport& report, const Actor& actor,
                                  const ImportLimits& limits, Problems* problems) {
    const Dataset merged = merge_datasets(inputs, report, actor);
    std::string text = export_dataset(merged, actor.at);
    Problems found;
    const Result<Dataset> back = parse_dataset(text, limits, &found);
    if (problems) *problems = found;
    if (!back)
        return Error{"merge", "the merged data would not pass 'doorstep validate', so nothing was written: " +
                                  back.error().message};
    return text;
}

int make_references_unique(Dataset& d, MergeReport& report, const Actor& actor) {
    std::map<std::string, std::vector<size_t>> by_reference;  // ordered: the same result for any file order
    std::set<std::string> taken;
    for (size_t i = 0; i < d.cases.size(); ++i) {
        const Case& c = d.cases[i];
        taken.insert(c.reference);
        taken.insert(c.reference_aliases.begin(), c.reference_aliases.end());
        if (!c.reference.empty()) by_reference[c.reference].push_back(i);
    }
    int changed = 0;
    for (auto& entry : by_reference) {
        const std::string& reference = entry.first;  // a named variable: lambdas below capture it
        std::vector<size_t>& indices = entry.second;
        if (indices.size() < 2) continue;
        std::sort(indices.begin(), indices.end(), [&](size_t a, size_t b) {
            const Case& x = d.cases[a];
            const Case& y = d.cases[b];
            return x.received != y.received ? x.received < y.received : x.id < y.id;
        });
        const Case& keeper = d.cases[indices.front()];
        for (size_t n = 1; n < indices.size(); ++n) {
            Case& c = d.cases[indices[n]];
            const std::optional<CaseReference> old = parse_case_reference(reference);
            const int year = old ? old->year : c.received.year();
            uint32_t counter = old && old->counter > 0 ? old->counter : 1;
            const std::string code = device_code_for_id(c.id);
            std::string fresh = case_reference(year, code, counter);
            for (int guard = 0; taken.count(fresh) && guard < 1000000; ++guard)
                fresh = case_reference(year, code, counter = counter % 999999u + 1);
            taken.insert(fresh);

            std::string at = actor.at;
            if (at.empty()) at = c.audit.empty() ? to_iso(c.received) + "T00:00" : c.audit.back().at;
            const std::string what = "Reference " + reference + " was also used by another case (" + keeper.id +
                                     ", received " + short_date(keeper.received) + ") when exports were merged: this case is now " +
                                     fresh + "; " + reference + " is kept as an earlier reference";
            const auto rename = [&](Case& version) {
                version.reference_aliases.push_back(reference);
                version.reference = fresh;
            };
            rename(c);
            for (Case& version : c.conflicts) rename(version);
            c.audit.push_back(AuditEntry{at, actor.name.empty() ? std::string("Doorstep merge") : actor.name, what});
            bump_revision(c, c.device);
            report.messages.push_back(reference + ": used by two different cases; case " + c.id + " is now " + fresh +
                                      " (" + reference + " kept as an earlier reference)");
            ++changed;
        }
    }
    report.references_changed += changed;
    return changed;
}

Status resolve_conflict(Case& c, int keep_index, const Actor& actor, const std::string& device) {
    const std::string where = "case " + label(c) + ", conflicts";
    if (c.conflicts.empty()) return Error{where, "this case has no conflicting versions to choose between"};
    const int n = static_cast<int>(c.conflicts.size());
    if (keep_index < 0 || keep_index > n)
        return Error{where, "there is no version " + std::to_string(keep_index) + ": choose 0 (the current version) to " +
                                std::to_string(n)};

    Case kept = keep_index == 0 ? c : c.conflicts[static_cast<size_t>(keep_index - 1)];
    std::set<std::string> discarded(c.discarded_revs.begin(), c.discarded_revs.end());
    if (keep_index != 0 && !c.rev.empty()) discarded.insert(c.rev);
    for (int i = 0; i < n; ++i)
        if (i + 1 != keep_index && !c.conflicts[static_cast<size_t>(i)].rev.empty())
            discarded.insert(c.conflicts[static_cast<size_t>(i)].rev);
    kept.conflicts.clear();
    kept.discarded_revs.assign(discarded.begin(), discarded.end());
    kept.audit.push_back(AuditEntry{actor.at, actor.name,
                                    "Conflict resolved: kept version " + version_name(kept) + ", set aside " +
                                        std::to_string(n) + (n == 1 ? " other version" : " other versions")});
    bump_revision(kept, device);
    c = std::move(kept);
    return Status::ok();
}

}  // namespace doorstep
