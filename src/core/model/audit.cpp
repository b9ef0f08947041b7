#include "core/model/audit.h"

#include <cctype>

namespace doorstep {

std::string case_where(const Case& c, const std::string& field) {
    return "case " + (c.reference.empty() ? std::string("(new)") : c.reference) + ", " + field;
}

Error case_error(const Case& c, const std::string& field, std::string message) {
    return Error{case_where(c, field), std::move(message)};
}

void append_audit(Case& c, const Actor& actor, std::string what) {
    c.audit.push_back(AuditEntry{actor.at, actor.name, std::move(what)});
}

bool is_blank(std::string_view s) {
    for (unsigned char ch : s)
        if (!std::isspace(ch)) return false;
    return true;
}

namespace {
std::string_view trimmed(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}
}  // namespace

bool same_person(std::string_view a, std::string_view b) {
    a = trimmed(a);
    b = trimmed(b);
    if (a.empty() || b.empty() || a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

}  // namespace doorstep
