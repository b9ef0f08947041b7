# Generates a C++ source file holding every data file under ASSET_DIR.
# Run as: cmake -DASSET_DIR=<dir> -DOUTPUT=<file.cpp> -P embed_assets.cmake
# The result implements src/core/base/assets.h.
cmake_minimum_required(VERSION 3.20)
include("${CMAKE_CURRENT_LIST_DIR}/asset_types.cmake")

if(NOT ASSET_DIR OR NOT OUTPUT)
  message(FATAL_ERROR "embed_assets.cmake needs -DASSET_DIR=... and -DOUTPUT=...")
endif()

get_filename_component(ASSET_DIR "${ASSET_DIR}" ABSOLUTE)
set(patterns "")
foreach(g IN LISTS DOORSTEP_ASSET_GLOBS)
  list(APPEND patterns "${ASSET_DIR}/${g}")
endforeach()
file(GLOB_RECURSE files LIST_DIRECTORIES false RELATIVE "${ASSET_DIR}" ${patterns})
list(SORT files)  # sorted paths let embedded_asset() use a binary search

set(arrays "")
set(entries "")
set(index 0)
foreach(rel IN LISTS files)
  file(READ "${ASSET_DIR}/${rel}" hex HEX)
  file(SIZE "${ASSET_DIR}/${rel}" size)
  # 16 bytes per line keeps the generated file readable and compilers happy.
  string(REGEX REPLACE "([0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f])" "\\1\n" hex "${hex}")
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
  string(APPEND arrays "// ${rel}\nconst unsigned char a${index}[] = {\n${bytes}0x00};\n")
  string(REPLACE "\\" "\\\\" rel_c "${rel}")
  string(REPLACE "\"" "\\\"" rel_c "${rel_c}")
  string(APPEND entries "    {\"${rel_c}\", a${index}, ${size}},\n")
  math(EXPR index "${index} + 1")
endforeach()

set(source "// Generated from assets/ by cmake/embed_assets.cmake. Do not edit.
#include \"core/base/assets.h\"

#include <algorithm>
#include <cstddef>

namespace doorstep {
namespace {

struct Asset {
    std::string_view path;
    const unsigned char* bytes;
    std::size_t size;
};

${arrays}
constexpr std::size_t k_count = ${index};
// One extra entry so the table is never zero-sized.
const Asset k_assets[k_count + 1] = {
${entries}    {\"\", nullptr, 0},
};

const Asset* find(std::string_view path) {
    const Asset* end = k_assets + k_count;
    const Asset* it = std::lower_bound(k_assets, end, path,
        [](const Asset& a, std::string_view p) { return a.path < p; });
    return (it != end && it->path == path) ? it : nullptr;
}

}  // namespace

std::string_view embedded_asset(std::string_view relative_path) {
    const Asset* a = find(relative_path);
    if (!a) return {};
    return {reinterpret_cast<const char*>(a->bytes), a->size};
}

bool has_embedded_asset(std::string_view relative_path) {
    return find(relative_path) != nullptr;
}

std::vector<std::string> embedded_asset_names() {
    std::vector<std::string> names;
    names.reserve(k_count);
    for (std::size_t i = 0; i < k_count; ++i) names.emplace_back(k_assets[i].path);
    return names;
}

}  // namespace doorstep
")

file(WRITE "${OUTPUT}" "${source}")
