# Shared by the native and the browser build. Included before any target exists,
# so the flags set here reach every target (ours and ImGui).

if(EMSCRIPTEN)
  # Emscripten's JS optimiser needs acorn, which Debian keeps in /usr/share/nodejs.
  set(_node_env "${CMAKE_COMMAND}" -E env NODE_PATH=/usr/share/nodejs)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${_node_env})
  set(CMAKE_CXX_LINKER_LAUNCHER ${_node_env})
  # Size-optimised release; exceptions as wasm exceptions (zero-cost; Chromium, Firefox, Safari >= 15.2).
  # Every object must be compiled the same way, so this is global.
  set(CMAKE_CXX_FLAGS_RELEASE "-Os -DNDEBUG")
  add_compile_options(-fwasm-exceptions)
  add_link_options(-fwasm-exceptions)
endif()

# Our own code builds with warnings on; third-party code (ImGui) does not get these.
function(doorstep_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra)
endfunction()

# A glob that may legitimately be empty while the tree is being filled in:
# returns the sources, or a generated empty file so a library target still has one.
function(doorstep_sources out_var name)
  file(GLOB found CONFIGURE_DEPENDS ${ARGN})
  list(SORT found)
  if(NOT found)
    set(empty "${CMAKE_BINARY_DIR}/generated/empty_${name}.cpp")
    if(NOT EXISTS "${empty}")
      file(WRITE "${empty}" "// ${name} has no sources yet.\n")
    endif()
    set(found "${empty}")
  endif()
  set(${out_var} "${found}" PARENT_SCOPE)
endfunction()

# Header-only libraries from Debian (nlohmann/json, doctest, stb) live in /usr/include.
# The native compiler finds them there. Emscripten must never see /usr/include itself
# (glibc's headers would shadow its libc), so it gets a small folder of links instead.
set(DOORSTEP_THIRD_PARTY_INCLUDE "${CMAKE_BINARY_DIR}/third_party_include")
foreach(lib nlohmann doctest stb)
  if(NOT EXISTS "/usr/include/${lib}")
    message(FATAL_ERROR "/usr/include/${lib} is missing: run scripts/setup (installs nlohmann-json3-dev, doctest-dev and libstb-dev)")
  endif()
  if(NOT EXISTS "${DOORSTEP_THIRD_PARTY_INCLUDE}/${lib}")
    file(MAKE_DIRECTORY "${DOORSTEP_THIRD_PARTY_INCLUDE}")
    file(CREATE_LINK "/usr/include/${lib}" "${DOORSTEP_THIRD_PARTY_INCLUDE}/${lib}" SYMBOLIC)
  endif()
endforeach()
add_library(doorstep_third_party INTERFACE)
target_include_directories(doorstep_third_party SYSTEM INTERFACE "${DOORSTEP_THIRD_PARTY_INCLUDE}")

# Embedded assets: every data file under assets/ becomes part of doorstep_core (src/core/base/assets.h).
include(asset_types)
set(_asset_patterns "")
foreach(g IN LISTS DOORSTEP_ASSET_GLOBS)
  list(APPEND _asset_patterns "${DOORSTEP_ROOT}/assets/${g}")
endforeach()
# CONFIGURE_DEPENDS: adding or removing an asset re-runs this glob at build time.
file(GLOB_RECURSE DOORSTEP_ASSET_FILES CONFIGURE_DEPENDS ${_asset_patterns})
set(DOORSTEP_ASSETS_CPP "${CMAKE_BINARY_DIR}/generated/embedded_assets.cpp")
# The list of asset paths, rewritten only when it changes: a removed asset has no file
# left to be newer than the generated table, so the list itself is a dependency.
set(_asset_list_file "${CMAKE_BINARY_DIR}/generated/asset_list.txt")
string(REPLACE ";" "\n" _asset_list "${DOORSTEP_ASSET_FILES}")
set(_old_list "<none>")
if(EXISTS "${_asset_list_file}")
  file(READ "${_asset_list_file}" _old_list)
endif()
if(NOT _old_list STREQUAL _asset_list)
  file(WRITE "${_asset_list_file}" "${_asset_list}")
endif()
add_custom_command(
  OUTPUT "${DOORSTEP_ASSETS_CPP}"
  COMMAND "${CMAKE_COMMAND}" -DASSET_DIR=${DOORSTEP_ROOT}/assets -DOUTPUT=${DOORSTEP_ASSETS_CPP}
          -P "${DOORSTEP_ROOT}/cmake/embed_assets.cmake"
  DEPENDS ${DOORSTEP_ASSET_FILES} "${_asset_list_file}" "${DOORSTEP_ROOT}/cmake/embed_assets.cmake" "${DOORSTEP_ROOT}/cmake/asset_types.cmake"
  COMMENT "Embedding assets/ into the engine"
  VERBATIM)
