// PNG files for pictures the program draws itself (the demo's sample photos,
// demo_photos.h): 8-bit RGB in, a complete PNG file out. The encoding is
// stb_image_write's (Debian's libstb-dev, header only, so the browser build
// has it too): per-row filters and a zlib stream, in memory, no file I/O.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace doorstep {

struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> pixels;  // width * height * 3 bytes, rows top to bottom, R G B

    RgbImage() = default;
    RgbImage(int w, int h, uint8_t r = 0, uint8_t g = 0, uint8_t b = 0);
};

// The whole PNG file: signature, IHDR (8-bit RGB, no interlace), IDAT, IEND;
// the same bytes for the same pixels. An image with no pixels, or pixels of the
// wrong length, gives "".
std::string encode_png(const RgbImage& image);

}  // namespace doorstep
