// Text a JS library function copies out of JavaScript (DS.copyText's protocol:
// read(nullptr, 0) says how many UTF-8 bytes there are; read(buf, cap) copies them
// and a terminating NUL). Only src/platform/web uses it.
#pragma once
#include <string>

namespace doorstep::web {

template <class Read>
std::string js_text(Read read) {
    const int need = read(nullptr, 0);
    if (need <= 0) return {};
    std::string out(size_t(need) + 1, '\0');
    read(out.data(), need + 1);
    out.resize(size_t(need));
    return out;
}

}  // namespace doorstep::web
