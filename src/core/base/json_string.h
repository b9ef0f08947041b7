// A string as a JSON string literal, for the few places that write JSON by hand
// (the semantics tree the DOM mirror reads, the browser test hook): quotes and
// backslashes escaped, \n \r \t by name, other control characters as \u00XX;
// UTF-8 passes through as it is.
#pragma once
#include <string>
#include <string_view>

namespace doorstep {

void append_json_string(std::string& out, std::string_view s);

}  // namespace doorstep
