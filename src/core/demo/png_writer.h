// A small PNG writer for pictures the program draws itself (the demo's sample
// photos, demo_photos.h): 8-bit RGB in, a complete PNG file out, with nothing
// beyond the standard library (the browser build has no zlib).
//
// The image data is filtered per row (None, Sub or Up, whichever leaves the
// smallest values) and compressed with deflate (RFC 1951) in fixed-Huffman
// blocks with greedy LZ77 matching, so flat, drawn pictures come out small;
// the zlib wrapper (RFC 1950) carries an Adler-32 and every chunk a CRC-32.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep {

struct RgbImage {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> pixels;  // width * height * 3 bytes, rows top to bottom, R G B

    RgbImage() = default;
    RgbImage(int w, int h, uint8_t r = 0, uint8_t g = 0, uint8_t b = 0);
};

// CRC-32 (ISO 3309, as PNG chunks use it) and Adler-32 (zlib), continuing
// from a previous value so long inputs can be fed in pieces.
uint32_t crc32_update(uint32_t crc, std::string_view bytes);
inline uint32_t crc32(std::string_view bytes) { return crc32_update(0, bytes); }
uint32_t adler32_update(uint32_t adler, std::string_view bytes);
inline uint32_t adler32(std::string_view bytes) { return adler32_update(1, bytes); }

// A zlib stream (header, fixed-Huffman deflate, Adler-32) any inflater reads.
std::string zlib_compress(std::string_view bytes);

// The whole PNG file: signature, IHDR (8-bit RGB, no interlace), IDAT, IEND.
// An image with no pixels, or pixels of the wrong length, gives "".
std::string encode_png(const RgbImage& image);

}  // namespace doorstep
