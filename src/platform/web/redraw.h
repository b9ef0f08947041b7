// Frames on demand: nothing is drawn while nothing happens (battery, and the
// "idle = no frames" rule in ui/app.h). Events ask for a redraw; the frame
// after an event is followed by a few more so ImGui's own state (hover, focus,
// window sizes) settles; timers ask for a frame at a given time.
#pragma once

namespace doorstep::web {

// The function that draws one whole frame, and one that says whether another
// frame is wanted right after it (an animation, kinetic scrolling, a held key).
void redraw_init(void (*draw)(), bool (*wants_more)());

// Something happened: draw at the next animation frames, `frames` of them in
// a row (the first shows the event, the others let ImGui settle).
void request_redraw(int frames = 3);
// Draw once `seconds` from now (replaces an earlier timer that would fire later).
void request_redraw_in(double seconds);
// Draw now, inside the current event handler (when a decision in that handler
// needs ImGui to have seen the input first, e.g. focusing a text field during
// the user's gesture). Counts as a frame like any other.
void draw_now();

int frames_drawn();
double last_frame_ms();      // emscripten_get_now() of the last frame
bool frame_pending();        // an animation frame is already requested

}  // namespace doorstep::web
