// The browser side of storage: IndexedDB behind the /data mount, saving one
// path per change, tab coordination, downloads and file picking. The JS lives
// in store_persist.js (a --js-library). Only src/platform/web uses this header.
//
// Start-up, from the app's main():
//   store_mount("/data", on_ready);            // async: draw a "loading" frame meanwhile
//   ... on_ready(true, ""):
//   static DirectoryStore files("/data");
//   store_attach(files);                       // persists each change; read-only follows the tab lock
//   CaseStore cases(files); cases.open();
// Each frame: if store_reload_generation() changed, call cases.open() again
// (another tab's data was loaded); show store_persist_status().last_error and
// store_lock_message() when not empty; offer store_take_over() when read-only.
#pragma once
#include "storage/file_store.h"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep {

// Creates and mounts IDBFS at `mountpoint`, decides whether this tab is the
// editor (Web Lock), then loads the saved files (one IndexedDB read).
// on_ready(ok, message) runs once; message explains a failure (e.g. private browsing).
void store_mount(const char* mountpoint, void (*on_ready)(bool ok, const char* message),
                 void (*on_locked)() = nullptr);
// 21.6: when this device's files are sealed, store_mount calls on_locked instead of
// reading them; once an officer has unlocked, store_load_sealed reads them and then
// calls on_ready as store_mount would have.
void store_load_sealed();

// Connects a DirectoryStore on the mount: every change it makes is persisted
// (store_persist_path), and its read_only_reason follows the tab lock at once.
void store_attach(DirectoryStore& store);

// Queue the path's current state (file, folder or absence) for IndexedDB.
// Absolute paths on the mount ("/data/cases/x.json"). Usually called for you
// through store_attach.
void store_persist_path(const std::string& path);
void store_remove_path(const std::string& path);
void store_flush();  // retry now after a failure (also done on page hide)

struct PersistStatus {
    int pending = 0;              // changes not yet in IndexedDB
    bool saving = false;          // a transaction is running
    std::string last_error;       // empty when the last attempt worked; quota errors say what to do
    double last_persisted_ms = 0; // Date.now() of the last stored change, 0 = none this session
};
PersistStatus store_persist_status();

// Evidence files the browser refused to keep for lack of space (absolute paths
// under the mount), each reported once: the queue moved on without them, so
// the cases behind them were still saved. The app takes them off their cases.
std::vector<std::string> store_take_refused();

// navigator.storage.persist(): asks the browser not to evict Doorstep's data.
enum class Persistence { Unknown, Asking, Granted, Denied, Unsupported };
void store_request_persistence();
Persistence store_persistence();

// navigator.storage.estimate(): refresh, then read the answer on a later frame.
struct StorageEstimate {
    bool known = false;
    double usage_bytes = 0;
    double quota_bytes = 0;
};
void store_estimate();
StorageEstimate store_estimate_result();

// Tabs: one editor at a time (Web Lock "doorstep-editor").
enum class EditorState { Starting, Editor, ReadOnly, TakingOver };
EditorState store_editor_state();
bool store_is_read_only();      // ReadOnly or TakingOver (Starting counts as editable: mount decides first)
void store_take_over();         // "Edit here": the other tab stores its queue, lets go, turns read-only
std::string store_lock_message();  // why this tab is read-only, or what just changed
int store_reload_generation();  // increases whenever the files were reloaded from IndexedDB
// A reload the app has not read yet: until store_mark_reopened() the attached
// store stays read-only, so nothing stale can be written over the other tab's work.
bool store_needs_reopen();
void store_mark_reopened();  // the app has opened the reloaded files (CaseStore::open)
bool store_data_stale();        // read-only tab: the editor tab has saved since the last reload
void store_reload(void (*done)(bool ok, const char* message));  // reload the files now

// Downloads and uploads.
void platform_download(const std::string& filename, const std::string& mime, std::string_view bytes);

struct PickedFile {
    enum class Outcome { Picked, Cancelled, Unreadable, TooLarge };
    Outcome outcome = Outcome::Cancelled;
    std::string name;
    std::string mime;   // as the browser reports it (may be empty): check the bytes too
    std::string bytes;
    std::string error;  // Unreadable: the browser's reason
};
// Opens the file chooser (call in the frame that handles the tap: browsers need
// a recent user gesture). accept: e.g. "image/*,application/pdf"; capture:
// "" or "environment" (rear camera on tablets). Files above max_bytes are
// refused before being read. `done` runs on a later frame.
void platform_pick_file(const std::string& accept, const std::string& capture, int64_t max_bytes,
                        std::function<void(PickedFile)> done);

}  // namespace doorstep
