// The application: state in plain structs, one function that draws a frame.
// The platform owns the loop: it calls app_frame() between ImGui::NewFrame()
// and ImGui::Render(), and only when something happened (idle = no frames).
#pragma once
#include "ui/host.h"
#include "ui/sign_in.h"

#include <memory>
#include <string>

namespace doorstep {
class FileStore;
}

namespace doorstep::ui {

struct AppState;  // defined in ui/app_state.h

struct App {
    App();
    ~App();  // defined where AppState is complete
    App(const App&) = delete;
    App& operator=(const App&) = delete;
    std::unique_ptr<AppState> state;
    Host host;
    SignIn sign_in;  // before and apart from the store: a sealed store opens only once unlocked
};

// store: the opened file store (DirectoryStore on /data in the browser).
void app_init(App& app, std::unique_ptr<FileStore> store);
void app_frame(App& app);                  // draws the whole UI for this frame
bool app_wants_frame_soon(const App& app); // an animation or timer needs another frame
double app_next_timer_seconds(const App& app); // seconds until a timed redraw (e.g. the minute tick), or <0

// Automation (window.doorstep): the same operations the UI offers.
std::string app_export_json(App& app);
bool app_import_json(App& app, const std::string& text, bool merge, std::string& message);
std::string app_last_message(const App& app);
// The platform loaded files another tab (or window) stored: read every one again
// before anything can be saved here, and say what changed (21.1). Draws nothing.
void app_reload_store(App& app);
void app_before_unload(App& app);          // save drafts now (visibilitychange hidden / pagehide)

// Fonts and look. Call app_build_fonts once after ImGui::CreateContext (before
// app_init is fine) and again whenever app_fonts_need_rebuild says so (the device
// pixel ratio changed, or the person changed the text size or theme in Settings);
// then re-upload the font texture (ImGui_ImplOpenGL3_DestroyFontsTexture +
// CreateFontsTexture). ImGui coordinates stay in CSS pixels: glyphs are rasterised
// at CSS size x ratio and io.FontGlobalScale = 1/ratio.
void app_build_fonts(App& app, float device_pixel_ratio);
bool app_fonts_need_rebuild(const App& app, float device_pixel_ratio);
// A frame to show while the store loads (before app_init), in the app's own look.
void app_draw_loading(const char* message);

// Sign-in (21.7). A device whose files are sealed starts locked: the platform calls
// app_start_locked and draws app_draw_lock until unlocked; then Host::keys.open_store
// reads the files and the platform calls app_init. app_lock: idle, page hidden long, or "Lock now"; while locked
// app_frame draws only the lock screen, so no case is on screen, in the mirror or title.
void app_start_locked(App& app);
void app_lock(App& app);
bool app_locked(const App& app);
// Sign-in is on and an officer has unlocked: actor() names them, and only they can do what needs a proven name.
bool app_signed_in(const App& app);
void app_draw_lock(App& app);

}  // namespace doorstep::ui
