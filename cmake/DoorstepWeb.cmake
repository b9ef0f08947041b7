# Browser build (Emscripten 3.1.6): the wasm app and the static site in build/web/site.
#   site/index.html, style.css, boot.js        from wasm-shell/
#   site/manifest.webmanifest, register-sw.js  from web/
#   site/doorstep.js + doorstep.wasm           the app
#   site/icons/*.png                           rasterised from assets/icon.svg
#   site/sw.js (+ workbox runtime)             precaches every file above (web/workbox-config.cjs)

set(DOORSTEP_SITE_DIR "${CMAKE_BINARY_DIR}/site")
set(DOORSTEP_IMGUI_DIR "${DOORSTEP_ROOT}/.deps/imgui-1.90.1" CACHE PATH "Dear ImGui 1.90.1 sources (scripts/setup unpacks them)")
set(DOORSTEP_NODE_MODULES "${DOORSTEP_ROOT}/tests/browser/node_modules")

if(NOT EXISTS "${DOORSTEP_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found in ${DOORSTEP_IMGUI_DIR}: run scripts/setup")
endif()

# --- Dear ImGui (from Debian's source package; never committed) ---------------------------------
add_library(imgui STATIC
  "${DOORSTEP_IMGUI_DIR}/imgui.cpp"
  "${DOORSTEP_IMGUI_DIR}/imgui_draw.cpp"
  "${DOORSTEP_IMGUI_DIR}/imgui_tables.cpp"
  "${DOORSTEP_IMGUI_DIR}/imgui_widgets.cpp"
  "${DOORSTEP_IMGUI_DIR}/backends/imgui_impl_opengl3.cpp")
target_include_directories(imgui SYSTEM PUBLIC "${DOORSTEP_IMGUI_DIR}" "${DOORSTEP_IMGUI_DIR}/backends")
target_include_directories(imgui PUBLIC "${DOORSTEP_ROOT}/src")  # finds ui/imconfig_doorstep.h
# Every ImGui file and ours see the same configuration (IMGUI_ENABLE_TEST_ENGINE among others).
target_compile_definitions(imgui PUBLIC "IMGUI_USER_CONFIG=\"ui/imconfig_doorstep.h\"")

# --- Fonts: Inter subset to the characters the app draws -------------------------------------
find_program(DOORSTEP_PYFTSUBSET pyftsubset NO_CMAKE_FIND_ROOT_PATH REQUIRED)
find_file(DOORSTEP_FONT_REGULAR NAMES Inter-Regular.otf NotoSans-Regular.ttf
  PATHS /usr/share/fonts/opentype/inter /usr/share/fonts/truetype/noto NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH REQUIRED)
find_file(DOORSTEP_FONT_SEMIBOLD NAMES Inter-SemiBold.otf NotoSans-SemiBold.ttf NotoSans-Bold.ttf
  PATHS /usr/share/fonts/opentype/inter /usr/share/fonts/truetype/noto NO_DEFAULT_PATH NO_CMAKE_FIND_ROOT_PATH REQUIRED)
# Basic Latin, Latin-1 (incl. £), Latin Extended-A, general punctuation (– — ‘ ’ “ ” • …), €, ✓, ✗
set(_unicodes "U+0020-007E,U+00A0-00FF,U+0100-017F,U+2000-206F,U+20AC,U+2713,U+2717,U+FFFD")
set(DOORSTEP_FONTS "")
foreach(style regular semibold)
  string(TOUPPER "${style}" _upper)
  set(_out "${CMAKE_BINARY_DIR}/fonts/ui-${style}.otf")
  add_custom_command(
    OUTPUT "${_out}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${CMAKE_BINARY_DIR}/fonts"
    # ImGui's stb_truetype uses no layout tables and no hinting: drop them.
    COMMAND "${DOORSTEP_PYFTSUBSET}" "${DOORSTEP_FONT_${_upper}}" "--unicodes=${_unicodes}"
            --layout-features= --no-hinting --notdef-outline "--output-file=${_out}"
    DEPENDS "${DOORSTEP_FONT_${_upper}}"
    COMMENT "Subsetting the UI font (${style})"
    VERBATIM)
  list(APPEND DOORSTEP_FONTS "${_out}")
endforeach()
add_custom_target(doorstep_fonts DEPENDS ${DOORSTEP_FONTS})

# --- The app -----------------------------------------------------------------------------------
file(GLOB DOORSTEP_UI_SOURCES CONFIGURE_DEPENDS "${DOORSTEP_ROOT}/src/ui/*.cpp")
file(GLOB DOORSTEP_WEB_SOURCES CONFIGURE_DEPENDS "${DOORSTEP_ROOT}/src/platform/web/*.cpp")
file(GLOB DOORSTEP_WEB_JS CONFIGURE_DEPENDS "${DOORSTEP_ROOT}/src/platform/web/*.js")
file(GLOB DOORSTEP_WEB_PRE_JS CONFIGURE_DEPENDS "${DOORSTEP_ROOT}/src/platform/web/*.pre.js")
list(SORT DOORSTEP_WEB_JS)
list(SORT DOORSTEP_WEB_PRE_JS)
if(DOORSTEP_WEB_PRE_JS)
  list(REMOVE_ITEM DOORSTEP_WEB_JS ${DOORSTEP_WEB_PRE_JS})  # *.pre.js run before main, the rest are --js-library
endif()

add_executable(doorstep_web ${DOORSTEP_WEB_SOURCES} ${DOORSTEP_UI_SOURCES})
set_target_properties(doorstep_web PROPERTIES
  OUTPUT_NAME doorstep
  SUFFIX ".js"  # .js + .wasm; the page is our own (wasm-shell/)
  RUNTIME_OUTPUT_DIRECTORY "${DOORSTEP_SITE_DIR}")
target_link_libraries(doorstep_web PRIVATE doorstep_storage doorstep_core imgui)
doorstep_warnings(doorstep_web)
add_dependencies(doorstep_web doorstep_fonts)

set(_link_depends ${DOORSTEP_FONTS})
target_link_options(doorstep_web PRIVATE
  -sENVIRONMENT=web
  -sMIN_WEBGL_VERSION=2
  -sMAX_WEBGL_VERSION=2
  -sALLOW_MEMORY_GROWTH=1
  -sDYNAMIC_EXECUTION=0        # no eval/new Function: the page's CSP forbids them
  -sEXPORTED_RUNTIME_METHODS=FS,UTF8ToString,stringToUTF8,lengthBytesUTF8
  -lidbfs.js
  "SHELL:--embed-file ${CMAKE_BINARY_DIR}/fonts/ui-regular.otf@/fonts/ui-regular.otf"
  "SHELL:--embed-file ${CMAKE_BINARY_DIR}/fonts/ui-semibold.otf@/fonts/ui-semibold.otf")
foreach(js IN LISTS DOORSTEP_WEB_JS)
  target_link_options(doorstep_web PRIVATE "SHELL:--js-library ${js}")
  list(APPEND _link_depends "${js}")
endforeach()
foreach(js IN LISTS DOORSTEP_WEB_PRE_JS)
  target_link_options(doorstep_web PRIVATE "SHELL:--pre-js ${js}")
  list(APPEND _link_depends "${js}")
endforeach()
set_property(TARGET doorstep_web PROPERTY LINK_DEPENDS ${_link_depends})

# --- Static files and icons --------------------------------------------------------------------
file(GLOB DOORSTEP_SHELL_FILES CONFIGURE_DEPENDS "${DOORSTEP_ROOT}/wasm-shell/*")
file(GLOB DOORSTEP_WEB_FILES CONFIGURE_DEPENDS "${DOORSTEP_ROOT}/web/*")
list(FILTER DOORSTEP_WEB_FILES EXCLUDE REGEX "workbox-config\\.cjs$")  # build input, not part of the site
set(DOORSTEP_SITE_FILES "")
foreach(src IN LISTS DOORSTEP_SHELL_FILES DOORSTEP_WEB_FILES)
  get_filename_component(name "${src}" NAME)
  add_custom_command(
    OUTPUT "${DOORSTEP_SITE_DIR}/${name}"
    COMMAND "${CMAKE_COMMAND}" -E copy "${src}" "${DOORSTEP_SITE_DIR}/${name}"
    DEPENDS "${src}"
    VERBATIM)
  list(APPEND DOORSTEP_SITE_FILES "${DOORSTEP_SITE_DIR}/${name}")
endforeach()

find_program(DOORSTEP_RSVG rsvg-convert NO_CMAKE_FIND_ROOT_PATH REQUIRED)
set(_icon_svg "${DOORSTEP_ROOT}/assets/icon.svg")
# name:size — one drawing for all; it keeps its content inside the maskable safe zone, so the
# manifest names icon-512.png both as "any" and as "maskable" (one file to transfer, not two).
foreach(spec icon-192:192 icon-512:512 apple-touch-icon:180)
  string(REPLACE ":" ";" spec "${spec}")
  list(GET spec 0 name)
  list(GET spec 1 size)
  set(_out "${DOORSTEP_SITE_DIR}/icons/${name}.png")
  add_custom_command(
    OUTPUT "${_out}"
    COMMAND "${CMAKE_COMMAND}" -E make_directory "${DOORSTEP_SITE_DIR}/icons"
    COMMAND "${DOORSTEP_RSVG}" -w ${size} -h ${size} -o "${_out}" "${_icon_svg}"
    DEPENDS "${_icon_svg}"
    COMMENT "Rasterising icon ${name}.png (${size}px)"
    VERBATIM)
  list(APPEND DOORSTEP_SITE_FILES "${_out}")
endforeach()

# --- Service worker: precache every file of the site with its revision -------------------------
set(DOORSTEP_WORKBOX "${DOORSTEP_NODE_MODULES}/.bin/workbox")
add_custom_command(
  OUTPUT "${DOORSTEP_SITE_DIR}/sw.js"
  COMMAND "${DOORSTEP_WORKBOX}" generateSW "${DOORSTEP_ROOT}/web/workbox-config.cjs"
  WORKING_DIRECTORY "${DOORSTEP_SITE_DIR}"
  DEPENDS ${DOORSTEP_SITE_FILES} doorstep_web "${DOORSTEP_ROOT}/web/workbox-config.cjs"
  COMMENT "Generating the service worker (workbox)"
  VERBATIM)
add_custom_target(site ALL DEPENDS "${DOORSTEP_SITE_DIR}/sw.js")
