#include "platform/web/photo_web.h"

#include "platform/web/redraw.h"
#include "storage/attachments.h"

#include <emscripten/emscripten.h>

#include <map>
#include <utility>

// photo.js
extern "C" {
void doorstep_photo_start(int request, const char* bytes, int size, const char* mime, int max_side, int max_bytes,
                          int thumb_side);
void doorstep_photo_test_done(int request, int ok, const char* jpeg, int jpeg_size, const char* thumb, int thumb_size,
                              int width, int height, int thumb_width, int thumb_height, int source_width,
                              int source_height, double quality, const char* message);
}

namespace doorstep::web {

namespace {

// Callbacks waiting for photo.js, by request number.
std::map<int, std::function<void(PhotoResult)>>& pending() {
    static std::map<int, std::function<void(PhotoResult)>> p;
    return p;
}
int g_next_request = 1;

}  // namespace

bool photo_can_process(const std::string& mime) {
    const std::string m = normalise_mime(mime);
    return m.rfind("image/", 0) == 0 && m != "image/svg+xml";
}

void photo_process(const std::string& bytes, const std::string& mime, std::function<void(PhotoResult)> done,
                   const PhotoLimits& limits) {
    if (!photo_can_process(mime)) {
        PhotoResult r;
        r.message = "This file (" + (mime.empty() ? std::string("unknown type") : mime) +
                    ") is not a photo: it is kept as it is, without resizing.";
        done(std::move(r));
        return;
    }
    const int request = g_next_request++;
    pending()[request] = std::move(done);
    // photo.js copies the bytes before returning, so `bytes` need not outlive this call.
    doorstep_photo_start(request, bytes.data(), static_cast<int>(bytes.size()), normalise_mime(mime).c_str(),
                         limits.max_side, limits.max_bytes, limits.thumb_side);
}

}  // namespace doorstep::web

// Called from photo.js. The byte arrays are freed by photo.js after the call.
extern "C" {

EMSCRIPTEN_KEEPALIVE void doorstep_photo_done(int request, int ok, const char* jpeg, int jpeg_size, const char* thumb,
                                              int thumb_size, int width, int height, int thumb_width,
                                              int thumb_height, int source_width, int source_height, double quality,
                                              const char* message) {
    using namespace doorstep::web;
    auto it = pending().find(request);
    if (it == pending().end()) return;
    std::function<void(PhotoResult)> done = std::move(it->second);
    pending().erase(it);
    PhotoResult r;
    r.ok = ok != 0;
    if (jpeg && jpeg_size > 0) r.jpeg.assign(jpeg, static_cast<size_t>(jpeg_size));
    if (thumb && thumb_size > 0) r.thumbnail.assign(thumb, static_cast<size_t>(thumb_size));
    r.width = width;
    r.height = height;
    r.thumb_width = thumb_width;
    r.thumb_height = thumb_height;
    r.source_width = source_width;
    r.source_height = source_height;
    r.quality = quality;
    r.message = message ? message : "";
    done(std::move(r));
    request_redraw();
}

// For the browser tests (Module.doorstepPhoto.process in photo.js): runs the
// whole pipeline through photo_process and hands the result back to JS.
EMSCRIPTEN_KEEPALIVE void doorstep_photo_test(int request, const char* bytes, int size, const char* mime) {
    using namespace doorstep::web;
    photo_process(std::string(bytes, static_cast<size_t>(size)), mime, [request](PhotoResult r) {
        doorstep_photo_test_done(request, r.ok ? 1 : 0, r.jpeg.data(), static_cast<int>(r.jpeg.size()),
                                 r.thumbnail.data(), static_cast<int>(r.thumbnail.size()), r.width, r.height,
                                 r.thumb_width, r.thumb_height, r.source_width, r.source_height, r.quality,
                                 r.message.c_str());
    });
}

}  // extern "C"
