#include "core/data/protected_export.h"

namespace doorstep {

bool is_protected_export(std::string_view text) {
    size_t i = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") i = 3;  // a byte-order mark some editors add
    auto skip = [&] {
        while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r' || text[i] == '\t')) ++i;
    };
    skip();
    if (i >= text.size() || text[i] != '{') return false;
    ++i;
    skip();
    if (i >= text.size() || text[i] != '"') return false;
    ++i;
    return text.substr(i, kProtectedExportKey.size()) == kProtectedExportKey &&
           text.substr(i + kProtectedExportKey.size(), 1) == "\"";
}

}  // namespace doorstep
