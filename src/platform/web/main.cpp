// Doorstep in the browser: WebGL 2, Dear ImGui, the app (src/ui), the store on
// IndexedDB (store_web.h), and frames drawn only when something happened.
//
// Start-up: the page shows a "Loading your cases…" frame while the saved files
// load from IndexedDB; then app_init opens them, and window.doorstep.ready
// resolves once the first frame with the data is drawn. When the files are sealed
// (sign-in is on), the lock screen comes first and the files load once unlocked.
#include "platform/web/backend_html5.h"
#include "platform/web/hook.h"
#include "platform/web/image_web.h"
#include "platform/web/keyring_web.h"
#include "platform/web/host_web.h"
#include "platform/web/mirror.h"
#include "platform/web/redraw.h"
#include "platform/web/store_web.h"
#include "platform/web/text_input.h"
#include "storage/file_store.h"
#include "ui/app.h"
// ui::App holds its AppState (and that its CaseStore) by unique_ptr: whoever
// constructs an App needs those types complete.
#include "storage/case_store.h"
#include "ui/app_state.h"

#include "imgui.h"
#include "imgui_impl_opengl3.h"

#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>
#include <emscripten/html5_webgl.h>

#include <memory>
#include <string>

namespace {

using namespace doorstep;

constexpr const char* kCanvas = "#canvas";
constexpr const char* kMount = "/data";

struct Web {
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    ui::App app;
    bool app_started = false;
    bool context_lost = false;   // the GPU was taken away (tab in the background, driver reset)
    std::string loading = "Loading your cases…";
};

Web g_web;

void rebuild_fonts_if_needed() {
    const float ratio = web::backend_pixel_ratio();
    if (!ui::app_fonts_need_rebuild(g_web.app, ratio)) return;
    ui::app_build_fonts(g_web.app, ratio);
    // The atlas changed: upload it again (rasterised at device pixels, drawn at CSS px).
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void draw_frame() {
    if (g_web.context_lost) return;  // nothing can be drawn; events wait in ImGui's queue
    web::backend_new_frame();
    rebuild_fonts_if_needed();
    web::host_web_update(g_web.app);
    web::text_input_before_new_frame();
    web::mirror_before_new_frame();

    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    web::mirror_after_new_frame();
    web::keyring_refresh(g_web.app);
    if (g_web.app_started)
        ui::app_frame(g_web.app);
    else if (ui::app_locked(g_web.app))
        ui::app_draw_lock(g_web.app);  // sealed files, nobody signed in yet
    else
        ui::app_draw_loading(g_web.loading.c_str());
    ImGui::Render();

    glViewport(0, 0, web::backend_framebuffer_width(), web::backend_framebuffer_height());
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    web::text_input_after_frame();
    web::mirror_after_frame();
    web::hook_frame_drawn();
    if (g_web.app_started) web::request_redraw_in(ui::app_next_timer_seconds(g_web.app));
}

// The browser took the WebGL context away. Saying we handle it lets it give the
// context back later, instead of leaving the canvas blank for good.
EM_BOOL on_context_lost(int, const void*, void*) {
    g_web.context_lost = true;
    return EM_TRUE;
}

// Back: every GL object is gone, so the renderer starts afresh (shaders, buffers,
// and the font texture, rebuilt from the atlas on the next frame; images decode again).
EM_BOOL on_context_restored(int, const void*, void*) {
    g_web.context_lost = false;
    web::image_cache_reset();  // the images' textures went with the old context
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplOpenGL3_Init("#version 300 es");
    web::request_redraw(3);
    return EM_TRUE;
}

bool wants_more_frames() {
    return web::backend_wants_frames() || (g_web.app_started && ui::app_wants_frame_soon(g_web.app));
}

// IndexedDB's files are in /data now (or the browser refused: private browsing,
// storage switched off). Either way the app opens: when nothing can be kept,
// the app says so on every screen, and the work can still be exported.
void on_store_ready(bool ok, const char* message) {
    auto files = std::make_unique<DirectoryStore>(kMount);
    if (ok) store_attach(*files);  // every change is persisted to IndexedDB, path by path
    web::host_web_store_ready(g_web.app, ok, message);
    ui::app_init(g_web.app, std::move(files));
    g_web.app_started = true;
    web::hook_app_started();
    web::request_redraw(3);
}

// 21.6: this device's files are sealed. The lock screen first; once an officer
// unlocks, the files are read and on_store_ready opens them as usual.
void on_store_locked() {
    ui::app_start_locked(g_web.app);
    web::request_redraw(3);
}

void open_sealed_store() {
    g_web.loading = "Opening your cases…";
    store_load_sealed();
    web::request_redraw(3);
}

}  // namespace

int main() {
    EmscriptenWebGLContextAttributes attrs;
    emscripten_webgl_init_context_attributes(&attrs);
    attrs.majorVersion = 2;
    attrs.minorVersion = 0;
    attrs.alpha = EM_FALSE;
    attrs.depth = EM_FALSE;
    attrs.stencil = EM_FALSE;
    attrs.antialias = EM_FALSE;
    g_web.gl = emscripten_webgl_create_context(kCanvas, &attrs);
    if (g_web.gl <= 0) {
        web::hook_fail("this browser could not open WebGL 2");
        return 1;
    }
    emscripten_webgl_make_context_current(g_web.gl);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is the app's, not remembered between visits
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    web::backend_init(kCanvas);
    ui::app_build_fonts(g_web.app, web::backend_pixel_ratio());
    ImGui_ImplOpenGL3_Init("#version 300 es");
    emscripten_set_webglcontextlost_callback(kCanvas, nullptr, EM_FALSE, on_context_lost);
    emscripten_set_webglcontextrestored_callback(kCanvas, nullptr, EM_FALSE, on_context_restored);

    web::host_web_init(g_web.app);
    web::keyring_install(g_web.app);
    g_web.app.host.keys.open_store = open_sealed_store;
    web::hook_attach(&g_web.app);
    web::redraw_init(draw_frame, wants_more_frames);

    store_mount(kMount, on_store_ready, on_store_locked);
    web::request_redraw(3);  // the loading frame, while IndexedDB loads
    return 0;                // the runtime stays alive: events and frames drive the app from here
}
