#include "platform/web/redraw.h"

#include <emscripten/emscripten.h>
#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

namespace doorstep::web {

namespace {

void (*g_draw)() = nullptr;
bool (*g_wants_more)() = nullptr;
int g_settle = 0;          // frames still to draw after the last event
bool g_raf_pending = false;
bool g_drawing = false;    // re-entrancy guard: an event handler may run during a frame
int g_frames = 0;
double g_last_ms = 0;
long g_timer = 0;
double g_timer_due = 0;    // emscripten_get_now() when g_timer fires

void draw_one() {
    if (!g_draw || g_drawing) return;
    g_drawing = true;
    g_draw();
    g_drawing = false;
    ++g_frames;
    g_last_ms = emscripten_get_now();
}

void schedule();

EM_BOOL on_animation_frame(double, void*) {
    g_raf_pending = false;
    draw_one();
    if (g_settle > 0) --g_settle;
    schedule();
    return EM_FALSE;  // one-shot: the next frame is requested only when wanted
}

void schedule() {
    const bool more = g_settle > 0 || (g_wants_more && g_wants_more());
    if (!more || g_raf_pending) return;
    g_raf_pending = true;
    emscripten_request_animation_frame(on_animation_frame, nullptr);
}

void on_timer(void*) {
    g_timer = 0;
    g_timer_due = 0;
    request_redraw(1);
}

}  // namespace

void redraw_init(void (*draw)(), bool (*wants_more)()) {
    g_draw = draw;
    g_wants_more = wants_more;
}

void request_redraw(int frames) {
    if (frames > g_settle) g_settle = frames;
    if (g_settle < 1) g_settle = 1;
    schedule();
}

void request_redraw_in(double seconds) {
    if (seconds < 0) return;
    const double now = emscripten_get_now();
    const double due = now + seconds * 1000.0;
    if (g_timer && g_timer_due <= due) return;  // an earlier timer already covers it
    if (g_timer) emscripten_clear_timeout(g_timer);
    g_timer_due = due;
    g_timer = emscripten_set_timeout(on_timer, seconds * 1000.0, nullptr);
}

void draw_now() {
    draw_one();
    schedule();
}

int frames_drawn() { return g_frames; }
double last_frame_ms() { return g_last_ms; }
bool frame_pending() { return g_raf_pending; }

}  // namespace doorstep::web
