#include "platform/web/touch_scroll.h"

#include <algorithm>
#include <cmath>

namespace doorstep::web {

namespace {

void add_sample(TouchScroll& s, double t, float x, float y) {
    s.samples[s.sample_next] = {t, x, y};
    s.sample_next = (s.sample_next + 1) % 16;
    s.sample_count = std::min(s.sample_count + 1, 16);
}

// Finger speed over the last kSampleWindowMs, px/s in finger direction.
void finger_speed(const TouchScroll& s, double now, float& vx, float& vy) {
    vx = vy = 0;
    if (s.sample_count < 2) return;
    const int newest = (s.sample_next + 15) % 16;
    const TouchScroll::Sample& last = s.samples[newest];
    if (now - last.t > TouchScroll::kStillMs) return;  // the finger stopped before lifting
    const TouchScroll::Sample* first = &last;
    for (int i = 1; i < s.sample_count; ++i) {
        const TouchScroll::Sample& c = s.samples[(newest - i + 16) % 16];
        if (last.t - c.t > TouchScroll::kSampleWindowMs) break;
        first = &c;
    }
    const double dt = (last.t - first->t) / 1000.0;
    if (dt <= 0.005) return;
    vx = float((last.x - first->x) / dt);
    vy = float((last.y - first->y) / dt);
}

}  // namespace

bool touch_begin(TouchScroll& s, float x, float y, double t_ms) {
    const bool caught = s.phase == TouchScroll::Phase::Kinetic;
    s.phase = TouchScroll::Phase::Pending;
    s.start_x = s.last_x = x;
    s.start_y = s.last_y = y;
    s.vx = s.vy = 0;
    s.due_x = s.due_y = 0;
    s.sample_count = s.sample_next = 0;
    add_sample(s, t_ms, x, y);
    return caught;
}

bool touch_move(TouchScroll& s, float x, float y, double t_ms) {
    using P = TouchScroll::Phase;
    const float dx = x - s.last_x, dy = y - s.last_y;
    s.last_x = x;
    s.last_y = y;
    add_sample(s, t_ms, x, y);
    switch (s.phase) {
        case P::Pending: {
            const float tx = x - s.start_x, ty = y - s.start_y;
            return tx * tx + ty * ty >= TouchScroll::kThresholdPx * TouchScroll::kThresholdPx;
        }
        case P::Moving:
            // The content follows the finger: finger down = scroll up.
            s.due_x -= dx;
            s.due_y -= dy;
            return false;
        default:
            return false;
    }
}

void touch_take_over(TouchScroll& s) {
    s.phase = TouchScroll::Phase::Moving;
    // The travel that crossed the threshold counts too, so the content does not jump.
    s.due_x -= s.last_x - s.start_x;
    s.due_y -= s.last_y - s.start_y;
}

void touch_pass_through(TouchScroll& s) { s.phase = TouchScroll::Phase::Passthrough; }

void touch_end(TouchScroll& s, double t_ms, bool momentum) {
    if (s.phase != TouchScroll::Phase::Moving) {
        s.phase = TouchScroll::Phase::Idle;
        return;
    }
    float fx = 0, fy = 0;
    finger_speed(s, t_ms, fx, fy);
    s.vx = std::clamp(-fx, -TouchScroll::kMaxSpeed, TouchScroll::kMaxSpeed);
    s.vy = std::clamp(-fy, -TouchScroll::kMaxSpeed, TouchScroll::kMaxSpeed);
    const bool fast = std::hypot(s.vx, s.vy) > TouchScroll::kStopSpeed * 4;
    s.phase = momentum && fast ? TouchScroll::Phase::Kinetic : TouchScroll::Phase::Idle;
    if (s.phase == TouchScroll::Phase::Idle) s.vx = s.vy = 0;
}

void touch_cancel(TouchScroll& s) {
    s.phase = TouchScroll::Phase::Idle;
    s.vx = s.vy = 0;
    s.due_x = s.due_y = 0;
}

ScrollStep touch_step(TouchScroll& s, float dt) {
    ScrollStep step;
    step.dx = s.due_x;
    step.dy = s.due_y;
    s.due_x = s.due_y = 0;
    if (s.phase != TouchScroll::Phase::Kinetic) return step;
    dt = std::clamp(dt, 0.0f, 0.1f);  // after a stall, carry on rather than leap
    // v(t) = v0 e^(-t/T): distance over dt is the integral, exact for any frame rate.
    const float decay = std::exp(-dt / TouchScroll::kTimeConstant);
    const float travel = TouchScroll::kTimeConstant * (1.0f - decay);
    step.dx += s.vx * travel;
    step.dy += s.vy * travel;
    s.vx *= decay;
    s.vy *= decay;
    if (std::hypot(s.vx, s.vy) < TouchScroll::kStopSpeed) {
        s.vx = s.vy = 0;
        s.phase = TouchScroll::Phase::Idle;
    }
    return step;
}

void touch_hit_limit(TouchScroll& s, bool x_axis, bool y_axis) {
    if (x_axis) s.vx = 0;
    if (y_axis) s.vy = 0;
    if (s.phase == TouchScroll::Phase::Kinetic && s.vx == 0 && s.vy == 0) s.phase = TouchScroll::Phase::Idle;
}

bool touch_active(const TouchScroll& s) {
    return s.phase == TouchScroll::Phase::Kinetic || s.due_x != 0 || s.due_y != 0;
}

}  // namespace doorstep::web
