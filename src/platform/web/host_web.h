// ui::Host for the browser: what the screens may ask of the platform
// (downloads, file picking, persistence, updates, printing, the time) and what
// they read of it (online, an update waiting, reduced motion, storage status).
#pragma once
#include "ui/host.h"

namespace doorstep::ui {
struct App;
}

namespace doorstep::web {

void host_web_init(ui::App& app);     // fills app.host's functions; watches the browser
void host_web_update(ui::App& app);   // before each frame: the state the screens read
void host_web_store_ready(ui::App& app, bool ok, const char* message);  // after the mount

}  // namespace doorstep::web
