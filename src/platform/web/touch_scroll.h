// Finger scrolling for ImGui windows, which have none of their own
// (ocornut/imgui#2675): idle -> pending -> moving -> kinetic, as in adnsv/implus.
//
// A touch starts Pending and is a press like any other. Once the finger has
// travelled kThresholdPx the touch becomes a scroll: the caller takes the press
// away from the widget under the finger (so it does not fire) and applies the
// deltas this returns to the window under the finger. On release the content
// keeps moving with the finger's speed and slows down exponentially, the same
// whatever the frame rate. Pure arithmetic: no ImGui, no browser.
#pragma once

namespace doorstep::web {

struct TouchScroll {
    enum class Phase { Idle, Pending, Moving, Kinetic, Passthrough };

    static constexpr float kThresholdPx = 16.0f;        // travel before a touch becomes a scroll
    static constexpr float kMaxSpeed = 5000.0f;         // px/s, a hard flick
    static constexpr float kStopSpeed = 12.0f;          // px/s, below which kinetic scrolling ends
    static constexpr float kTimeConstant = 0.325f;      // s: speed falls to 1/e in this time
    static constexpr double kSampleWindowMs = 100.0;    // finger speed measured over this much time
    static constexpr double kStillMs = 80.0;            // a finger resting this long before lifting: no fling

    Phase phase = Phase::Idle;
    float start_x = 0, start_y = 0;
    float last_x = 0, last_y = 0;
    float vx = 0, vy = 0;          // kinetic speed, px/s (content direction)
    float due_x = 0, due_y = 0;    // scroll not yet applied (content moves with the finger)

    struct Sample { double t; float x, y; };
    Sample samples[16] = {};
    int sample_count = 0;          // ring buffer fill
    int sample_next = 0;
};

// A finger touched down. Stops kinetic scrolling (returns true if it did: that
// touch only "catches" the list and must not press anything).
bool touch_begin(TouchScroll& s, float x, float y, double t_ms);
// The finger moved. Returns true the moment a Pending touch crosses the threshold:
// the caller then calls touch_take_over() (scroll) or touch_pass_through() (let
// ImGui have the drag: a scrollbar, a slider, text selection).
bool touch_move(TouchScroll& s, float x, float y, double t_ms);
void touch_take_over(TouchScroll& s);
void touch_pass_through(TouchScroll& s);
// The finger lifted: Moving becomes Kinetic (if it was moving fast enough and
// `momentum` is allowed), anything else becomes Idle.
void touch_end(TouchScroll& s, double t_ms, bool momentum);
void touch_cancel(TouchScroll& s);

// Once per frame: the scroll to apply now (in content px: positive = scroll
// down/right) and, for Kinetic, the decay over dt seconds.
struct ScrollStep { float dx = 0, dy = 0; };
ScrollStep touch_step(TouchScroll& s, float dt_seconds);
// The window hit its end on an axis: that axis stops (the other may go on).
void touch_hit_limit(TouchScroll& s, bool x_axis, bool y_axis);

bool touch_active(const TouchScroll& s);   // needs frames: Moving with scroll due, or Kinetic

}  // namespace doorstep::web
