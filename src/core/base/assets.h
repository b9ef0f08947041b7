// Data files shipped inside the program: everything under assets/ that is data
// (json, txt, md, html, csv, tmpl) is compiled in at build time, into both the
// native CLI and the browser app, so the engine never depends on a file system
// or a network to read its defaults, templates and reference text.
// The table is generated from assets/ by cmake/embed_assets.cmake.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace doorstep {

// The bytes of one asset, by its path under assets/ with forward slashes,
// e.g. "settings-defaults.json" or "letters/ack1.txt".
// Empty when there is no such asset. The bytes live for the whole program and
// are followed by a '\0' (not counted in size()), so data() is also a C string.
std::string_view embedded_asset(std::string_view relative_path);

// True when an asset of that path exists (an existing asset may be empty).
bool has_embedded_asset(std::string_view relative_path);

// Every embedded asset's path, sorted.
std::vector<std::string> embedded_asset_names();

}  // namespace doorstep
