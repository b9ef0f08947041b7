// Minimal browser entry point: WebGL2 context, Dear ImGui with the OpenGL3 backend,
// mouse and resize through Emscripten's html5 API, one window on screen.
// It proves the toolchain end to end (wasm, fonts, embedded assets, window.doorstep)
// and will be replaced by the real platform layer.
#include "core/assets.h"

#include "imgui.h"
#include "imgui_impl_opengl3.h"

#include <GLES3/gl3.h>
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cmath>
#include <cstdio>

namespace {

constexpr const char* k_canvas = "#canvas";
constexpr const char* k_font_regular = "/fonts/ui-regular.otf";   // embedded by the build
constexpr const char* k_font_semibold = "/fonts/ui-semibold.otf";
constexpr float k_font_size = 17.0f;

struct WebState {
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE gl = 0;
    int frames_drawn = 0;
    int redraw_frames = 3;  // draw while > 0; input and resizes ask for a few more frames
    double css_width = 0, css_height = 0, pixel_ratio = 1;
    bool said_hello = false;
    bool large_text = false;
    ImFont* heading = nullptr;
};

WebState g_web;

EM_JS(void, js_frame_drawn, (int count), { Module['doorstepFrameDrawn'](count); });
EM_JS(void, js_start_failed, (const char* reason), { Module['doorstepStartFailed'](UTF8ToString(reason)); });

void request_redraw() { g_web.redraw_frames = 3; }

// Match the drawing buffer to the canvas's CSS size times the device pixel ratio.
bool sync_canvas_size() {
    double w = 0, h = 0;
    emscripten_get_element_css_size(k_canvas, &w, &h);
    const double ratio = emscripten_get_device_pixel_ratio();
    if (w == g_web.css_width && h == g_web.css_height && ratio == g_web.pixel_ratio) return false;
    g_web.css_width = w;
    g_web.css_height = h;
    g_web.pixel_ratio = ratio;
    emscripten_set_canvas_element_size(k_canvas, int(std::lround(w * ratio)), int(std::lround(h * ratio)));
    return true;
}

EM_BOOL on_mouse(int type, const EmscriptenMouseEvent* e, void*) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(float(e->targetX), float(e->targetY));
    const int button = e->button == 0 ? 0 : e->button == 2 ? 1 : e->button == 1 ? 2 : -1;
    if (button >= 0 && type == EMSCRIPTEN_EVENT_MOUSEDOWN) io.AddMouseButtonEvent(button, true);
    if (button >= 0 && type == EMSCRIPTEN_EVENT_MOUSEUP) io.AddMouseButtonEvent(button, false);
    request_redraw();
    return EM_TRUE;
}

EM_BOOL on_wheel(int, const EmscriptenWheelEvent* e, void*) {
    // deltaMode 0 is pixels; ImGui counts roughly one line per unit.
    const float scale = e->deltaMode == DOM_DELTA_PIXEL ? 1.0f / 100.0f : 1.0f;
    ImGui::GetIO().AddMouseWheelEvent(float(-e->deltaX) * scale, float(-e->deltaY) * scale);
    request_redraw();
    return EM_TRUE;
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
    request_redraw();
    return EM_FALSE;
}

void load_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    // Rasterise at device resolution, display at CSS size: crisp text on HiDPI screens.
    const float ratio = float(emscripten_get_device_pixel_ratio());
    ImFontConfig config;
    config.OversampleH = 2;
    static const ImWchar ranges[] = {
        0x0020, 0x00FF,  // Basic Latin, Latin-1 (£)
        0x0100, 0x017F,  // Latin Extended-A
        0x2010, 0x2027,  // dashes, quotes, bullet, ellipsis
        0x20AC, 0x20AC,  // €
        0x2713, 0x2713,  // ✓
        0x2717, 0x2717,  // ✗
        0,
    };
    ImFont* regular = nullptr;
    if (FILE* f = std::fopen(k_font_regular, "rb")) {
        std::fclose(f);
        regular = io.Fonts->AddFontFromFileTTF(k_font_regular, k_font_size * ratio, &config, ranges);
        g_web.heading = io.Fonts->AddFontFromFileTTF(k_font_semibold, k_font_size * 1.4f * ratio, &config, ranges);
    }
    if (!regular) {
        ImFontConfig fallback;
        fallback.SizePixels = 13.0f * ratio;
        io.Fonts->AddFontDefault(&fallback);
    }
    io.FontGlobalScale = 1.0f / ratio;
}

void draw_ui() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->WorkPos);
    ImGui::SetNextWindowSize(viewport->WorkSize);
    ImGui::Begin("Doorstep", nullptr, ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse);
    if (g_web.heading) ImGui::PushFont(g_web.heading);
    ImGui::TextUnformatted("Doorstep");
    if (g_web.heading) ImGui::PopFont();
    ImGui::TextWrapped("Complaint handling for landlords under the Housing Ombudsman's Complaint Handling Code. "
                       "Works offline — your cases stay on this device.");
    ImGui::Separator();
    ImGui::Text("Reference data built in: %d files", int(doorstep::embedded_asset_names().size()));
    ImGui::Text("Screen: %.0f × %.0f at %.2f× pixel ratio", g_web.css_width, g_web.css_height, g_web.pixel_ratio);
    ImGui::Spacing();
    if (ImGui::Button("Say hello")) g_web.said_hello = !g_web.said_hello;
    if (g_web.said_hello) {
        ImGui::SameLine();
        ImGui::TextUnformatted("Hello ✓");
    }
    ImGui::Checkbox("Larger text (preview)", &g_web.large_text);
    ImGui::BulletText("£ € – — ‘quotes’ “quotes” … ✓ ✗");
    ImGui::End();
}

void frame() {
    if (sync_canvas_size()) request_redraw();
    if (g_web.redraw_frames <= 0) return;  // idle: nothing changed, draw nothing
    --g_web.redraw_frames;

    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(float(g_web.css_width), float(g_web.css_height));
    io.DisplayFramebufferScale = ImVec2(float(g_web.pixel_ratio), float(g_web.pixel_ratio));
    io.DeltaTime = 1.0f / 60.0f;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui::NewFrame();
    draw_ui();
    ImGui::Render();

    int fb_width = 0, fb_height = 0;
    emscripten_get_canvas_element_size(k_canvas, &fb_width, &fb_height);
    glViewport(0, 0, fb_width, fb_height);
    glClearColor(0.953f, 0.949f, 0.945f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());

    js_frame_drawn(++g_web.frames_drawn);
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
    g_web.gl = emscripten_webgl_create_context(k_canvas, &attrs);
    if (g_web.gl <= 0) {
        js_start_failed("this browser could not open WebGL 2");
        return 1;
    }
    emscripten_webgl_make_context_current(g_web.gl);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is not persisted in this minimal shell
    ImGui::StyleColorsLight();
    load_fonts();
    ImGui_ImplOpenGL3_Init("#version 300 es");

    emscripten_set_mousemove_callback(k_canvas, nullptr, EM_TRUE, on_mouse);
    emscripten_set_mousedown_callback(k_canvas, nullptr, EM_TRUE, on_mouse);
    emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, nullptr, EM_TRUE, on_mouse);
    emscripten_set_wheel_callback(k_canvas, nullptr, EM_TRUE, on_wheel);
    emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);

    sync_canvas_size();
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
