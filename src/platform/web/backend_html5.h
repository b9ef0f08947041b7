// Dear ImGui platform backend for the browser, on Emscripten's html5 API (like
// ImGui's own imgui_impl_* files, kept apart from the app): canvas size and
// device pixel ratio, mouse, touch (with finger scrolling), wheel, keyboard,
// window focus and the clipboard.
//
// ImGui coordinates are CSS pixels: io.DisplaySize is the canvas's CSS size,
// io.DisplayFramebufferScale the device pixel ratio, and the canvas's drawing
// buffer is CSS size x ratio so nothing is blurred (the fonts are rasterised at
// device pixels by the app: ui/app.h, app_build_fonts).
#pragma once

namespace doorstep::web {

// Installs the event callbacks on `canvas` ("#canvas") and the window.
void backend_init(const char* canvas);

// Before ImGui::NewFrame(): canvas size, display size, delta time, and the
// finger scrolling due this frame.
void backend_new_frame();

float backend_pixel_ratio();            // device pixel ratio the canvas is sized for
int backend_framebuffer_width();
int backend_framebuffer_height();
bool backend_wants_frames();            // a held key, finger scrolling in flight
// Keys that move ImGui's keyboard focus (arrows, paging) reached ImGui since the
// last call: a focus change now was the keyboard's, and the DOM focus may follow.
bool backend_take_nav_keys();

// The visible part of the page while an on-screen keyboard covers the rest
// (visualViewport), in CSS px from the top of the canvas.
float backend_visible_top();
float backend_visible_bottom();

}  // namespace doorstep::web
