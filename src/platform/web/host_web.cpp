#include "platform/web/host_web.h"

#include "platform/web/image_web.h"
#include "platform/web/photo_web.h"
#include "platform/web/redraw.h"
#include "platform/web/store_web.h"
#include "ui/app.h"
#include "ui/semantics.h"

#include <emscripten/emscripten.h>

#include <string>

// host_web.js
extern "C" {
void doorstep_host_install();
int doorstep_host_online();
int doorstep_host_update_available();
int doorstep_host_reduced_motion();
int doorstep_host_system_theme();  // 0 light, 1 dark, 2 forced colours or more contrast
void doorstep_host_apply_update();
void doorstep_host_open_printable(const char* html);
int doorstep_host_now_local(char* buf, int cap);
}

namespace doorstep::web {

namespace {

ui::App* g_app = nullptr;
bool g_store_ready = false;
std::string g_mount_error;          // the store could not be opened: nothing is kept
double g_last_estimate_ms = -1e12;
int g_seen_pending = 0;

// Largest file the picker reads: an export of thousands of cases with photos.
constexpr int64_t kMaxPickBytes = 200ll * 1024 * 1024;

// Everything the screens show about storage, as one comparable value.
struct StoreSnapshot {
    PersistStatus persist;
    Persistence persistence = Persistence::Unknown;
    StorageEstimate estimate;
    EditorState editor = EditorState::Starting;
    int reload_generation = 0;
    bool stale = false;
    std::string lock_message;
    bool online = true, update = false, reduced_motion = false;
    int system_theme = 0;  // doorstep_host_system_theme()

    bool operator==(const StoreSnapshot& o) const {
        return persist.pending == o.persist.pending && persist.saving == o.persist.saving &&
               persist.last_error == o.persist.last_error && persistence == o.persistence &&
               estimate.known == o.estimate.known && estimate.usage_bytes == o.estimate.usage_bytes &&
               estimate.quota_bytes == o.estimate.quota_bytes && editor == o.editor &&
               reload_generation == o.reload_generation && stale == o.stale && lock_message == o.lock_message &&
               online == o.online && update == o.update && reduced_motion == o.reduced_motion &&
               system_theme == o.system_theme;
    }
};

StoreSnapshot g_drawn;  // as of the last frame

StoreSnapshot snapshot() {
    StoreSnapshot s;
    if (g_store_ready) {
        s.persist = store_persist_status();
        s.persistence = store_persistence();
        s.estimate = store_estimate_result();
        s.editor = store_editor_state();
        s.reload_generation = store_reload_generation();
        s.stale = store_data_stale();
        s.lock_message = store_lock_message();
    }
    s.online = doorstep_host_online() != 0;
    s.update = doorstep_host_update_available() != 0;
    s.reduced_motion = doorstep_host_reduced_motion() != 0;
    s.system_theme = doorstep_host_system_theme();
    return s;
}

std::string now_local() {
    char buf[32] = {};
    doorstep_host_now_local(buf, sizeof buf);
    return buf;
}

void pick_file(const std::string& accept, bool camera,
               std::function<void(const std::string&, const std::string&, std::string)> done) {
    platform_pick_file(accept, camera ? "environment" : "", kMaxPickBytes, [done](PickedFile f) {
        switch (f.outcome) {
            case PickedFile::Outcome::Picked:
                if (done) done(f.name, f.mime, std::move(f.bytes));
                break;
            case PickedFile::Outcome::TooLarge:
                ui::sem_announce("The file " + f.name + " is too large to open here (the limit is 200 MB).", true);
                break;
            case PickedFile::Outcome::Unreadable:
                ui::sem_announce("The file " + f.name + " could not be read: " +
                                     (f.error.empty() ? "the browser gave no reason" : f.error) + ".", true);
                break;
            case PickedFile::Outcome::Cancelled:
                break;
        }
        request_redraw(3);
    });
}

// Photos taken as evidence go through the pipeline in photo_web.h.
void process_photo(const std::string& bytes, const std::string& mime, std::function<void(ui::PhotoOutcome)> done) {
    photo_process(bytes, mime, [done](PhotoResult r) {
        ui::PhotoOutcome o;
        o.ok = r.ok;
        o.jpeg = std::move(r.jpeg);
        o.thumbnail = std::move(r.thumbnail);
        o.width = r.width;
        o.height = r.height;
        o.message = std::move(r.message);
        if (done) done(std::move(o));
    });
}

}  // namespace

void host_web_init(ui::App& app) {
    g_app = &app;
    ui::Host& h = app.host;
    h.download = [](const std::string& name, const std::string& mime, const std::string& bytes) {
        platform_download(name, mime, bytes);
    };
    h.pick_file = pick_file;
    h.take_over_editing = [] {
        store_take_over();
        request_redraw(3);
    };
    h.request_persistence = [] {
        store_request_persistence();
        request_redraw(3);
    };
    h.apply_update = [] { doorstep_host_apply_update(); };
    h.open_printable = [](const std::string& html) { doorstep_host_open_printable(html.c_str()); };
    h.now_local = now_local;
    h.process_photo = process_photo;
    h.image_texture = image_texture;
    doorstep_host_install();
}

void host_web_store_ready(ui::App&, bool ok, const char* message) {
    g_store_ready = ok;
    g_mount_error = ok ? std::string() : std::string(message && *message ? message : "the browser refused to open its storage");
    if (ok) store_estimate();
}

void host_web_update(ui::App& app) {
    // This tab just became the editor and the files were reloaded: the app reads
    // them before this frame can save anything (the store stays read-only till then).
    if (g_store_ready && !store_is_read_only() && store_needs_reopen()) {
        store_mark_reopened();
        ui::app_reload_store(app);
    }
    const StoreSnapshot s = snapshot();
    ui::Host& h = app.host;
    h.online = s.online;
    h.update_available = s.update;
    h.reduced_motion = s.reduced_motion;
    h.system_theme = s.system_theme == 2 ? "high-contrast" : s.system_theme == 1 ? "dark" : "light";
    ui::StorageStatus& st = h.storage;
    st.persistent_granted = s.persistence == Persistence::Granted;
    st.persistent_known = s.persistence == Persistence::Granted || s.persistence == Persistence::Denied ||
                          s.persistence == Persistence::Unsupported;
    st.usage_bytes = s.estimate.known ? int64_t(s.estimate.usage_bytes) : -1;
    st.quota_bytes = s.estimate.known ? int64_t(s.estimate.quota_bytes) : -1;
    st.pending_writes = s.persist.pending;
    st.read_only = g_store_ready && store_is_read_only();
    if (!g_mount_error.empty())
        st.last_error = "Cases cannot be saved on this device: " + g_mount_error + ". Export your work before closing the page.";
    else
        st.last_error = s.persist.last_error;
    g_drawn = s;
}

}  // namespace doorstep::web

// Called from host_web.js.
extern "C" {

// Every half second: did anything the screens show change (another tab took
// over, a save reached IndexedDB, the network went away)? Only then draw.
EMSCRIPTEN_KEEPALIVE void doorstep_host_poll() {
    using namespace doorstep::web;
    const StoreSnapshot now = snapshot();
    if (g_store_ready && g_app) {
        // All changes are on disk (the app's banner reads Host::storage each frame):
        // refresh the usage figure now and then.
        const bool flushed = g_seen_pending > 0 && now.persist.pending == 0 && !now.persist.saving &&
                             now.persist.last_error.empty();
        g_seen_pending = now.persist.pending + (now.persist.saving ? 1 : 0);
        if (flushed) {
            const double t = emscripten_get_now();
            if (t - g_last_estimate_ms > 10000) {
                g_last_estimate_ms = t;
                doorstep::store_estimate();
            }
            request_redraw(2);
        }
    }
    if (g_store_ready && g_app) {
        // Evidence the browser had no room for: named by content, the app takes it off the case.
        for (const std::string& path : doorstep::store_take_refused()) {
            const size_t slash = path.rfind('/');
            const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
            if (name.size() == 64 && name.find('.') == std::string::npos) {
                g_app->host.refused_evidence.push_back(name);
                request_redraw(2);
            }
        }
    }
    if (!(now == g_drawn)) request_redraw(2);
}

// The page is being hidden or left: save drafts and write everything out now.
EMSCRIPTEN_KEEPALIVE void doorstep_host_hidden() {
    using namespace doorstep::web;
    if (g_store_ready && g_app) {
        doorstep::ui::app_before_unload(*g_app);
        doorstep::store_flush();
    }
}

EMSCRIPTEN_KEEPALIVE void doorstep_host_wake() { doorstep::web::request_redraw(3); }

}
