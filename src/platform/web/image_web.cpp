#include "platform/web/image_web.h"

#include "platform/web/redraw.h"
#include "storage/attachments.h"

#include "imgui.h"

#include <GLES3/gl3.h>
#include <emscripten/emscripten.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>

// image.js
extern "C" {
void doorstep_image_decode(int request, const char* bytes, int size, const char* mime, int max_side);
int doorstep_image_upload(int request);  // texImage2D of the decoded bitmap into the bound texture
void doorstep_image_discard(int request);
}

namespace doorstep::web {

namespace {

struct Entry {
    ui::ImageTexture::State state = ui::ImageTexture::State::Pending;
    GLuint texture = 0;
    int width = 0, height = 0;
    int64_t bytes = 0;         // RGBA bytes on the GPU
    uint64_t last_used = 0;    // use counter, for least-recently-used
    int last_frame = -1;       // ImGui frame it was last asked for
    int request = 0;           // decode under way
    std::string message;
};

ImageCacheLimits g_limits;
std::unordered_map<std::string, Entry> g_cache;     // by content hash
std::unordered_map<int, std::string> g_requests;    // decode request -> key
int g_next_request = 1;
uint64_t g_use = 0;
int64_t g_bytes = 0;
int g_decoding = 0;
int g_evicted = 0;

void release(Entry& e) {
    if (e.texture) glDeleteTextures(1, &e.texture);
    e.texture = 0;
    g_bytes -= e.bytes;
    e.bytes = 0;
}

// Lets go of the least recently used entries until the cache is within its
// limits, never one drawn in this frame (its draw command is still to render).
void evict(int frame) {
    while (g_bytes > g_limits.max_bytes || int(g_cache.size()) > g_limits.max_entries) {
        auto victim = g_cache.end();
        for (auto it = g_cache.begin(); it != g_cache.end(); ++it) {
            if (it->second.last_frame == frame || it->second.request) continue;
            if (victim == g_cache.end() || it->second.last_used < victim->second.last_used) victim = it;
        }
        if (victim == g_cache.end()) return;  // everything is in use right now
        if (victim->second.texture) ++g_evicted;
        release(victim->second);
        g_cache.erase(victim);
    }
}

ui::ImageTexture answer(const Entry& e) {
    ui::ImageTexture t;
    t.state = e.state;
    t.texture = reinterpret_cast<void*>(static_cast<uintptr_t>(e.texture));
    t.width = e.width;
    t.height = e.height;
    t.message = e.message;
    return t;
}

}  // namespace

ui::ImageTexture image_texture(const std::string& key, const std::function<std::string()>& bytes) {
    const int frame = ImGui::GetCurrentContext() ? ImGui::GetFrameCount() : 0;
    auto it = g_cache.find(key);
    if (it != g_cache.end()) {
        it->second.last_used = ++g_use;
        it->second.last_frame = frame;
        return answer(it->second);
    }
    ui::ImageTexture pending;
    pending.state = ui::ImageTexture::State::Pending;
    if (g_decoding >= g_limits.max_decoding) {
        request_redraw_in(0.05);  // a slot frees soon: ask again then
        return pending;
    }
    Entry e;
    e.last_used = ++g_use;
    e.last_frame = frame;
    const std::string encoded = bytes ? bytes() : std::string();
    if (encoded.empty()) {
        e.state = ui::ImageTexture::State::Failed;
        e.message = "the image is not on this device";
        auto& stored = g_cache[key] = std::move(e);
        evict(frame);
        return answer(stored);
    }
    const std::string mime = sniff_mime(encoded);
    e.request = g_next_request++;
    g_requests[e.request] = key;
    ++g_decoding;
    const int request = e.request;
    g_cache[key] = std::move(e);
    evict(frame);
    // image.js copies the bytes before returning.
    doorstep_image_decode(request, encoded.data(), int(encoded.size()), mime.c_str(), g_limits.max_side);
    return pending;
}

void image_cache_set_limits(const ImageCacheLimits& limits) { g_limits = limits; }

ImageCacheStats image_cache_stats() {
    ImageCacheStats s;
    for (const auto& [key, e] : g_cache)
        if (e.texture) ++s.textures;
    s.bytes = g_bytes;
    s.decoding = g_decoding;
    s.evicted = g_evicted;
    return s;
}

void image_cache_reset() {
    // The textures went with the old context: nothing to delete.
    for (const auto& [request, key] : g_requests) doorstep_image_discard(request);
    g_cache.clear();
    g_requests.clear();
    g_bytes = 0;
    g_decoding = 0;
}

}  // namespace doorstep::web

// Called from image.js when a decode finished: ok with the bitmap's size, or not
// with the browser's reason.
extern "C" EMSCRIPTEN_KEEPALIVE void doorstep_image_decoded(int request, int ok, int width, int height,
                                                            const char* message) {
    using namespace doorstep::web;
    auto r = g_requests.find(request);
    if (r == g_requests.end()) {
        doorstep_image_discard(request);
        return;
    }
    const std::string key = r->second;
    g_requests.erase(r);
    --g_decoding;
    auto it = g_cache.find(key);
    if (it == g_cache.end() || it->second.request != request) {
        doorstep_image_discard(request);
        return;
    }
    Entry& e = it->second;
    e.request = 0;
    if (!ok) {
        e.state = doorstep::ui::ImageTexture::State::Failed;
        e.message = message && *message ? message : "the browser could not decode the image";
    } else {
        GLuint tex = 0;
        glGenTextures(1, &tex);
        glBindTexture(GL_TEXTURE_2D, tex);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        const bool uploaded = doorstep_image_upload(request) != 0;
        glBindTexture(GL_TEXTURE_2D, 0);
        if (uploaded) {
            e.state = doorstep::ui::ImageTexture::State::Ready;
            e.texture = tex;
            e.width = width;
            e.height = height;
            e.bytes = int64_t(width) * height * 4;
            g_bytes += e.bytes;
        } else {
            glDeleteTextures(1, &tex);
            e.state = doorstep::ui::ImageTexture::State::Failed;
            e.message = "the image could not be given to the graphics card";
        }
    }
    request_redraw(2);
}
