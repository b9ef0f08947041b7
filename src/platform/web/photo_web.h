// Photos taken or chosen as evidence on a case (issue 11), made fit to keep
// before they are stored: decoded by the browser and turned upright (EXIF
// orientation), scaled so the longest side is at most 1600 px, re-encoded as
// JPEG with the quality stepped down until it is under 400 KB, plus a ~240 px
// thumbnail. Re-encoding keeps pixels only, so EXIF metadata (GPS location
// included) never reaches the store. photo.js does the browser work.
//
// The bytes that come back are stored as any attachment (CaseStore::add_attachment,
// content hash); documents such as PDFs are not processed (photo_can_process).
#pragma once
#include <functional>
#include <string>

namespace doorstep::web {

struct PhotoLimits {
    int max_side = 1600;         // px, longest side of the kept photo
    int max_bytes = 400 * 1000;  // the kept JPEG is smaller than this (under 400 KB either way KB is read)
    int thumb_side = 240;        // px, longest side of the thumbnail
};

struct PhotoResult {
    bool ok = false;
    std::string jpeg;               // image/jpeg, no metadata
    std::string thumbnail;          // image/jpeg, no metadata
    int width = 0, height = 0;      // of `jpeg`, upright
    int thumb_width = 0, thumb_height = 0;
    int source_width = 0, source_height = 0;  // as decoded and turned upright
    double quality = 0;             // the JPEG quality that met max_bytes
    std::string message;            // when !ok: what went wrong, in words a person can act on
};

// Image types this pipeline takes (image/*, not SVG). Whether the browser can
// decode one (HEIC in Chromium cannot) shows only when photo_process answers.
bool photo_can_process(const std::string& mime);

// Processes one photo. `done` runs once, later, on the main thread (a redraw is
// requested after it); for a type photo_can_process refuses it runs at once
// with ok = false. A failure keeps nothing: store the original only if the user
// agrees, since it still carries its metadata.
void photo_process(const std::string& bytes, const std::string& mime, std::function<void(PhotoResult)> done,
                   const PhotoLimits& limits = {});

}  // namespace doorstep::web
