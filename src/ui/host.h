// What the screens need from the platform they run on, offered as plain
// function pointers and state so src/ui never knows about the browser.
// src/platform/web fills it in; tests can fill it with fakes.
#pragma once
#include "ui/sign_in.h"

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

// A photo made fit to keep (src/platform/web/photo_web.h): at most 1600 px on
// the longest side, JPEG under 400 KB, a ~240 px thumbnail, no metadata.
struct PhotoOutcome {
    bool ok = false;
    std::string jpeg;              // image/jpeg
    std::string thumbnail;         // image/jpeg
    int width = 0, height = 0;     // of `jpeg`
    std::string message;           // when !ok: what went wrong, in words a person can act on
};

// A stored image ready to draw: decoded by the platform and uploaded as a texture.
struct ImageTexture {
    enum class State : uint8_t { Unavailable, Pending, Ready, Failed };
    State state = State::Unavailable;  // Unavailable: this platform draws no images
    void* texture = nullptr;           // ImTextureID when Ready
    int width = 0, height = 0;         // pixels of the decoded image
    std::string message;               // Failed: why it cannot be shown
};

struct Host {
    // Offer a file to the user (Blob download in the browser).
    std::function<void(const std::string& filename, const std::string& mime, const std::string& bytes)> download;
    // 21.6: an export protected with a passphrase (docs/privacy.md, "Protected exports"):
    // sealed by the platform, then offered as download does; done(ok, what went wrong).
    // open_protected: such a file opened again, done(ok, the export's text or what went wrong).
    // Empty: this platform cannot (the screens then offer plain exports only).
    std::function<void(const std::string& filename, const std::string& bytes, const std::string& passphrase,
                       std::function<void(bool ok, const std::string& problem)>)> download_protected;
    std::function<void(const std::string& file, const std::string& passphrase,
                       std::function<void(bool ok, const std::string& text)>)> open_protected;
    // Ask the user for a file; the callback runs later with its bytes (never, if cancelled).
    std::function<void(const std::string& accept, bool camera,
                       std::function<void(const std::string& name, const std::string& mime, std::string bytes)>)> pick_file;
    std::function<void()> take_over_editing;     // when read-only because another tab edits
    std::function<void()> request_persistence;   // navigator.storage.persist()
    std::function<void()> apply_update;          // reload into the new version (only when the user agrees)
    std::function<void(const std::string& text)> open_printable;  // open HTML in a new tab for printing
    std::function<std::string()> now_local;      // "YYYY-MM-DDTHH:MM" local wall-clock time: the app's one clock
    // Evidence (issue 11). process_photo: `done` runs once, later (a redraw follows).
    std::function<void(const std::string& bytes, const std::string& mime,
                       std::function<void(PhotoOutcome)> done)> process_photo;
    // The image stored under `key` (its content hash) as a texture. On a miss it
    // calls `bytes` for the encoded image and answers Pending; a redraw follows
    // when it is ready. Textures not drawn lately are let go (a small LRU).
    std::function<ImageTexture(const std::string& key, const std::function<std::string()>& bytes)> image_texture;

    // Sign-in and sealing of saved files (21.6, 21.7): functions and state.
    KeyringHost keys;

    // State the platform updates; screens read it.
    StorageStatus storage;
    bool online = true;
    bool update_available = false;
    bool reduced_motion = false;
    // The device's own colours: "high-contrast" (forced colours, e.g. Windows High
    // Contrast, or more contrast asked for), "dark" or "light". Settings' "system" follows it.
    std::string system_theme = "light";
    // Content hashes of evidence the browser refused to keep (its storage is full);
    // the app takes them off their cases, says so, and clears this.
    std::vector<std::string> refused_evidence;
};

}  // namespace doorstep::ui
