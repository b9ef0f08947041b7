// Revision ids for cases (see revisions.h).
#include "core/data/revisions.h"

#include "core/data/case_json.h"
#include "core/base/hashing.h"

namespace doorstep {

std::optional<Rev> parse_rev(std::string_view rev) {
    const size_t dash = rev.find('-');
    if (dash == std::string_view::npos || dash == 0 || dash > 9) return std::nullopt;
    if (dash > 1 && rev[0] == '0') return std::nullopt;
    Rev out;
    for (size_t i = 0; i < dash; ++i) {
        if (rev[i] < '0' || rev[i] > '9') return std::nullopt;
        out.number = out.number * 10 + (rev[i] - '0');
    }
    const std::string_view hash = rev.substr(dash + 1);
    if (out.number < 1 || hash.size() != 32) return std::nullopt;
    for (char ch : hash)
        if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return std::nullopt;
    out.hash = std::string(hash);
    return out;
}

void bump_revision(Case& c, const std::string& device) {
    const std::optional<Rev> previous = parse_rev(c.rev);
    const int64_t number = previous ? previous->number + 1 : 1;
    const std::string hash = sha256_hex(case_canonical_json(c) + c.rev).substr(0, 32);
    if (!previous) c.rev_ids.clear();  // a history without a valid rev means nothing
    c.rev = std::to_string(number) + "-" + hash;
    c.rev_ids.insert(c.rev_ids.begin(), hash);
    if (c.rev_ids.size() > kMaxRevisionHistory) c.rev_ids.resize(kMaxRevisionHistory);
    c.device = device;
}

bool has_in_history(const Case& c, std::string_view rev) {
    if (rev.empty()) return false;
    if (rev == c.rev) return true;
    const std::optional<Rev> mine = parse_rev(c.rev);
    const std::optional<Rev> theirs = parse_rev(rev);
    if (!mine || !theirs || theirs->number > mine->number) return false;
    const int64_t back = mine->number - theirs->number;  // rev_ids[k] is revision N - k
    return back < static_cast<int64_t>(c.rev_ids.size()) && c.rev_ids[static_cast<size_t>(back)] == theirs->hash;
}

int compare_revs(std::string_view a, std::string_view b) {
    const std::optional<Rev> ra = parse_rev(a);
    const std::optional<Rev> rb = parse_rev(b);
    const int64_t na = ra ? ra->number : 0;
    const int64_t nb = rb ? rb->number : 0;
    if (na != nb) return na < nb ? -1 : 1;
    const int h = (ra ? ra->hash : std::string()).compare(rb ? rb->hash : std::string());
    return h < 0 ? -1 : (h > 0 ? 1 : 0);
}

}  // namespace doorstep
