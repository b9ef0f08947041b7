// window.doorstep, the automation interface (hook.pre.js, hook.js): the C
// functions behind it, and the moments it is told about.
#pragma once

namespace doorstep::ui {
struct App;
}

namespace doorstep::web {

void hook_attach(ui::App* app);      // the methods work from now on (before `ready`)
void hook_app_started();             // app_init has run: the next frame shows the data
void hook_frame_drawn();             // after each frame: resolves `ready` after the first one with data
void hook_fail(const char* reason);  // start-up cannot continue: `ready` rejects

}  // namespace doorstep::web
