// Stored images drawn in the app (evidence thumbnails and photos, issue 11):
// the encoded bytes are decoded by the browser (createImageBitmap, image.js),
// uploaded as a WebGL texture on the context the ImGui OpenGL3 backend draws
// with, and kept by content hash. A small LRU lets go of textures not drawn
// lately, so a case with a hundred photos does not exhaust GPU memory.
#pragma once
#include "ui/host.h"

#include <cstdint>
#include <functional>
#include <string>

namespace doorstep::web {

struct ImageCacheLimits {
    int64_t max_bytes = 64ll * 1024 * 1024;  // RGBA bytes held in textures
    int max_entries = 160;                   // textures and remembered failures
    int max_decoding = 4;                    // decodes running at once
    int max_side = 2048;                     // larger images are decoded smaller
};

// ui::Host::image_texture. Ready textures drawn in this frame are never let go
// before it is rendered.
ui::ImageTexture image_texture(const std::string& key, const std::function<std::string()>& bytes);

void image_cache_set_limits(const ImageCacheLimits& limits);

// What the cache holds now (for the tests' hook and measurements).
struct ImageCacheStats {
    int textures = 0;
    int64_t bytes = 0;
    int decoding = 0;
    int evicted = 0;   // textures let go since start
};
ImageCacheStats image_cache_stats();

// The WebGL context was lost and restored: every texture is gone, forget them.
void image_cache_reset();

}  // namespace doorstep::web
