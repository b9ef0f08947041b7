// What the screens need from the platform they run on, offered as plain
// function pointers and state so src/ui never knows about the browser.
// src/platform/web fills it in; tests can fill it with fakes.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace doorstep::ui {

struct StorageStatus {
    bool persistent_granted = false;
    bool persistent_known = false;
    int64_t usage_bytes = -1;     // -1: not known
    int64_t quota_bytes = -1;
    int pending_writes = 0;       // persisted-to-disk queue
    std::string last_error;       // e.g. quota error, shown to the user
    bool read_only = false;       // another tab is editing
};

struct Host {
    // Offer a file to the user (Blob download in the browser).
    std::function<void(const std::string& filename, const std::string& mime, const std::string& bytes)> download;
    // Ask the user for a file; the callback runs later with its bytes (never, if cancelled).
    std::function<void(const std::string& accept, bool camera,
                       std::function<void(const std::string& name, const std::string& mime, std::string bytes)>)> pick_file;
    std::function<void()> take_over_editing;     // when read-only because another tab edits
    std::function<void()> request_persistence;   // navigator.storage.persist()
    std::function<void()> apply_update;          // reload into the new version (only when the user agrees)
    std::function<void(const std::string& text)> open_printable;  // open HTML in a new tab for printing
    std::function<std::string()> now_local;      // "YYYY-MM-DDTHH:MM" local wall-clock time

    // State the platform updates; screens read it.
    StorageStatus storage;
    bool online = true;
    bool update_available = false;
    bool reduced_motion = false;
};

}  // namespace doorstep::ui
