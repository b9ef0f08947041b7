#include "platform/web/store_web.h"

#include "platform/web/js_text.h"

#include <algorithm>
#include <map>
#include <vector>

// Implemented in store_persist.js.
extern "C" {
void doorstep_store_mount(const char* mountpoint, void (*cb)(int ok, int unused));
void doorstep_store_load(void (*cb)(int ok, int unused));
void doorstep_store_set_lock_callback(void (*cb)(int state, int unused));
void doorstep_store_persist(const char* path);
void doorstep_store_remove(const char* path);
void doorstep_store_flush();
int doorstep_store_pending();
int doorstep_store_saving();
double doorstep_store_last_persisted_ms();
int doorstep_store_text(int which, char* buf, int cap);
void doorstep_store_refused_clear();
void doorstep_store_request_persistence();
int doorstep_store_persistence();
void doorstep_store_estimate();
int doorstep_store_estimate_known();
double doorstep_store_usage();
double doorstep_store_quota();
int doorstep_store_editor_state();
void doorstep_store_take_over();
int doorstep_store_reload_generation();
int doorstep_store_stale();
void doorstep_store_reload(void (*cb)(int ok, int unused));
void doorstep_platform_download(const char* name, const char* mime, const char* data, int size);
void doorstep_platform_pick_file(const char* accept, const char* capture, double max_bytes,
                                 void (*cb)(int token, int size), int token);
int doorstep_platform_picked_text(int token, int which, char* buf, int cap);
void doorstep_platform_picked_copy(int token, char* dest);
void doorstep_platform_picked_release(int token);
}

namespace doorstep {

namespace {

enum TextKind { kPersistError = 0, kMountMessage = 1, kLockMessage = 2, kRefused = 3 };

std::string store_text(int which) {
    return web::js_text([which](char* buf, int cap) { return doorstep_store_text(which, buf, cap); });
}

std::string picked_text(int token, int which) {
    return web::js_text([token, which](char* buf, int cap) { return doorstep_platform_picked_text(token, which, buf, cap); });
}

std::string g_mountpoint = "/data";
void (*g_on_ready)(bool, const char*) = nullptr;
void (*g_on_locked)() = nullptr;
void (*g_on_reloaded)(bool, const char*) = nullptr;
DirectoryStore* g_attached = nullptr;
std::map<int, std::function<void(PickedFile)>> g_pickers;
int g_next_token = 1;

int g_reopened_generation = 0;  // the reload generation the app last opened

void apply_lock_state() {
    if (!g_attached) return;
    if (store_is_read_only()) {
        std::string why = store_lock_message();
        if (why.empty()) why = "Doorstep is open for editing in another tab";
        g_attached->read_only_reason = why;
    } else if (store_needs_reopen()) {
        g_attached->read_only_reason = "Doorstep is reading the changes made in another tab";
    } else {
        g_attached->read_only_reason.clear();
    }
}

void mount_done(int ok, int) {
    if (ok == 2) {  // sealed: nothing read until an officer unlocks
        if (g_on_locked) g_on_locked();
        return;
    }
    const std::string message = store_text(kMountMessage);
    if (g_on_ready) g_on_ready(ok != 0, message.c_str());
}

void reload_done(int ok, int) {
    const std::string message = store_text(kMountMessage);
    if (g_on_reloaded) g_on_reloaded(ok != 0, message.c_str());
}

void lock_changed(int, int) { apply_lock_state(); }

void picked(int token, int size) {
    auto it = g_pickers.find(token);
    if (it == g_pickers.end()) return;
    std::function<void(PickedFile)> done = std::move(it->second);
    g_pickers.erase(it);
    PickedFile file;
    file.name = picked_text(token, 0);
    file.mime = picked_text(token, 1);
    if (size >= 0) {
        file.outcome = PickedFile::Outcome::Picked;
        file.bytes.resize(size_t(size));
        if (size > 0) doorstep_platform_picked_copy(token, file.bytes.data());
    } else if (size == -3) {
        file.outcome = PickedFile::Outcome::TooLarge;
    } else if (size == -2) {
        file.outcome = PickedFile::Outcome::Unreadable;
        file.error = picked_text(token, 2);
    } else {
        file.outcome = PickedFile::Outcome::Cancelled;
    }
    doorstep_platform_picked_release(token);
    if (done) done(std::move(file));
}

}  // namespace

void store_mount(const char* mountpoint, void (*on_ready)(bool ok, const char* message), void (*on_locked)()) {
    g_on_locked = on_locked;
    g_mountpoint = mountpoint;
    while (g_mountpoint.size() > 1 && g_mountpoint.back() == '/') g_mountpoint.pop_back();
    g_on_ready = on_ready;
    doorstep_store_set_lock_callback(&lock_changed);
    doorstep_store_mount(g_mountpoint.c_str(), &mount_done);
}

void store_load_sealed() { doorstep_store_load(&mount_done); }

void store_attach(DirectoryStore& store) {
    g_attached = &store;
    const std::string root = store.root();
    store.on_changed = [root](const std::string& path) { store_persist_path(root + "/" + path); };
    apply_lock_state();
}

void store_persist_path(const std::string& path) { doorstep_store_persist(path.c_str()); }
void store_remove_path(const std::string& path) { doorstep_store_remove(path.c_str()); }
void store_flush() { doorstep_store_flush(); }

PersistStatus store_persist_status() {
    PersistStatus s;
    s.pending = doorstep_store_pending();
    s.saving = doorstep_store_saving() != 0;
    s.last_error = store_text(kPersistError);
    s.last_persisted_ms = doorstep_store_last_persisted_ms();
    return s;
}

std::vector<std::string> store_take_refused() {
    std::vector<std::string> out;
    const std::string text = store_text(kRefused);
    if (text.empty()) return out;
    doorstep_store_refused_clear();
    size_t start = 0;
    while (start <= text.size()) {
        const size_t end = std::min(text.find('\n', start), text.size());
        if (end > start) out.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return out;
}

void store_request_persistence() { doorstep_store_request_persistence(); }

Persistence store_persistence() {
    switch (doorstep_store_persistence()) {
        case 1: return Persistence::Asking;
        case 2: return Persistence::Granted;
        case 3: return Persistence::Denied;
        case 4: return Persistence::Unsupported;
        default: return Persistence::Unknown;
    }
}

void store_estimate() { doorstep_store_estimate(); }

StorageEstimate store_estimate_result() {
    StorageEstimate e;
    e.known = doorstep_store_estimate_known() != 0;
    e.usage_bytes = doorstep_store_usage();
    e.quota_bytes = doorstep_store_quota();
    return e;
}

EditorState store_editor_state() {
    switch (doorstep_store_editor_state()) {
        case 1: return EditorState::Editor;
        case 2: return EditorState::ReadOnly;
        case 3: return EditorState::TakingOver;
        default: return EditorState::Starting;
    }
}

bool store_is_read_only() {
    const EditorState s = store_editor_state();
    return s == EditorState::ReadOnly || s == EditorState::TakingOver;
}

void store_take_over() { doorstep_store_take_over(); }
std::string store_lock_message() { return store_text(kLockMessage); }
int store_reload_generation() { return doorstep_store_reload_generation(); }
bool store_needs_reopen() { return store_reload_generation() != g_reopened_generation; }
void store_mark_reopened() {
    g_reopened_generation = store_reload_generation();
    apply_lock_state();
}
bool store_data_stale() { return doorstep_store_stale() != 0; }

void store_reload(void (*done)(bool ok, const char* message)) {
    g_on_reloaded = done;
    doorstep_store_reload(&reload_done);
}

void platform_download(const std::string& filename, const std::string& mime, std::string_view bytes) {
    doorstep_platform_download(filename.c_str(), mime.c_str(), bytes.data(), int(bytes.size()));
}

void platform_pick_file(const std::string& accept, const std::string& capture, int64_t max_bytes,
                        std::function<void(PickedFile)> done) {
    const int token = g_next_token++;
    g_pickers[token] = std::move(done);
    doorstep_platform_pick_file(accept.c_str(), capture.c_str(), double(max_bytes), &picked, token);
}

}  // namespace doorstep
