#include "core/demo/png_writer.h"

// The one place stb_image_write's implementation is compiled: in memory only.
#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STB_IMAGE_WRITE_STATIC
#define STBI_WRITE_NO_STDIO
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#endif
#include <stb/stb_image_write.h>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace doorstep {

RgbImage::RgbImage(int w, int h, uint8_t r, uint8_t g, uint8_t b) : width(w), height(h) {
    pixels.resize(size_t(w > 0 ? w : 0) * size_t(h > 0 ? h : 0) * 3);
    for (size_t i = 0; i < pixels.size(); i += 3) {
        pixels[i] = r;
        pixels[i + 1] = g;
        pixels[i + 2] = b;
    }
}

std::string encode_png(const RgbImage& image) {
    if (image.width <= 0 || image.height <= 0 || image.pixels.size() != size_t(image.width) * size_t(image.height) * 3)
        return "";
    int length = 0;
    unsigned char* png = stbi_write_png_to_mem(image.pixels.data(), image.width * 3, image.width, image.height, 3, &length);
    if (!png) return "";
    std::string out(reinterpret_cast<const char*>(png), size_t(length));
    STBIW_FREE(png);
    return out;
}

}  // namespace doorstep
