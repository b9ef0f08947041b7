#include "core/demo/png_writer.h"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace doorstep {

RgbImage::RgbImage(int w, int h, uint8_t r, uint8_t g, uint8_t b) : width(w), height(h) {
    pixels.resize(size_t(w > 0 ? w : 0) * size_t(h > 0 ? h : 0) * 3);
    for (size_t i = 0; i < pixels.size(); i += 3) {
        pixels[i] = r;
        pixels[i + 1] = g;
        pixels[i + 2] = b;
    }
}

namespace {

const std::array<uint32_t, 256>& crc_table() {
    static const std::array<uint32_t, 256> table = [] {
        std::array<uint32_t, 256> t{};
        for (uint32_t n = 0; n < 256; ++n) {
            uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    return table;
}

// Deflate output: bits packed from the least significant end of each byte.
class BitWriter {
public:
    void bits(uint32_t value, int count) {
        acc_ |= uint64_t(value) << used_;
        used_ += count;
        while (used_ >= 8) {
            out_ += char(acc_ & 0xFF);
            acc_ >>= 8;
            used_ -= 8;
        }
    }
    // Huffman codes go most significant bit first.
    void code(uint32_t code, int length) {
        uint32_t reversed = 0;
        for (int i = 0; i < length; ++i) reversed |= ((code >> i) & 1u) << (length - 1 - i);
        bits(reversed, length);
    }
    std::string finish() {
        if (used_ > 0) out_ += char(acc_ & 0xFF);
        acc_ = 0;
        used_ = 0;
        return std::move(out_);
    }

private:
    std::string out_;
    uint64_t acc_ = 0;
    int used_ = 0;
};

// The fixed literal/length code (RFC 1951 3.2.6).
void fixed_symbol(BitWriter& w, int symbol) {
    if (symbol < 144) w.code(uint32_t(0x30 + symbol), 8);
    else if (symbol < 256) w.code(uint32_t(0x190 + symbol - 144), 9);
    else if (symbol < 280) w.code(uint32_t(symbol - 256), 7);
    else w.code(uint32_t(0xC0 + symbol - 280), 8);
}

constexpr std::array<int, 29> kLengthBase = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                             31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<int, 29> kLengthExtra = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                              2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::array<int, 30> kDistBase = {1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
                                           193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::array<int, 30> kDistExtra = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                            6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};

void put_match(BitWriter& w, int length, int distance) {
    int li = 28;
    while (kLengthBase[size_t(li)] > length) --li;
    fixed_symbol(w, 257 + li);
    w.bits(uint32_t(length - kLengthBase[size_t(li)]), kLengthExtra[size_t(li)]);
    int di = 29;
    while (kDistBase[size_t(di)] > distance) --di;
    w.code(uint32_t(di), 5);
    w.bits(uint32_t(distance - kDistBase[size_t(di)]), kDistExtra[size_t(di)]);
}

constexpr int kWindow = 32768;
constexpr int kMinMatch = 3;
constexpr int kMaxMatch = 258;
constexpr int kHashBits = 15;
constexpr int kChainDepth = 24;  // candidates tried per position

// One final fixed-Huffman block holding the whole input, matched greedily
// against a hash chain of earlier 3-byte sequences in the 32 KB window.
std::string deflate_fixed(std::string_view in) {
    BitWriter w;
    w.bits(1, 1);  // BFINAL
    w.bits(1, 2);  // BTYPE 01: fixed Huffman codes
    const int n = static_cast<int>(in.size());
    std::vector<int> head(size_t(1) << kHashBits, -1);
    std::vector<int> prev(kWindow, -1);
    const auto byte = [&](int i) { return static_cast<uint8_t>(in[size_t(i)]); };
    const auto hash = [&](int i) {
        return ((uint32_t(byte(i)) << 10) ^ (uint32_t(byte(i + 1)) << 5) ^ uint32_t(byte(i + 2))) & ((1u << kHashBits) - 1);
    };
    const auto insert = [&](int i) {
        if (i + kMinMatch > n) return;
        const uint32_t h = hash(i);
        prev[size_t(i % kWindow)] = head[h];
        head[h] = i;
    };
    int i = 0;
    while (i < n) {
        int best_len = 0, best_dist = 0;
        if (i + kMinMatch <= n) {
            int candidate = head[hash(i)];
            const int limit = std::min(kMaxMatch, n - i);
            for (int tries = 0; candidate >= 0 && i - candidate <= kWindow && tries < kChainDepth; ++tries) {
                int len = 0;
                while (len < limit && in[size_t(candidate + len)] == in[size_t(i + len)]) ++len;
                if (len > best_len) {
                    best_len = len;
                    best_dist = i - candidate;
                    if (len == limit) break;
                }
                const int next = prev[size_t(candidate % kWindow)];
                if (next >= candidate) break;  // the slot was reused by a newer position
                candidate = next;
            }
        }
        if (best_len >= kMinMatch) {
            put_match(w, best_len, best_dist);
            for (int k = 0; k < best_len; ++k) insert(i + k);
            i += best_len;
        } else {
            fixed_symbol(w, byte(i));
            insert(i);
            ++i;
        }
    }
    fixed_symbol(w, 256);  // end of block
    return w.finish();
}

void put_be32(std::string& out, uint32_t v) {
    out += char((v >> 24) & 0xFF);
    out += char((v >> 16) & 0xFF);
    out += char((v >> 8) & 0xFF);
    out += char(v & 0xFF);
}

void put_chunk(std::string& out, const char type[4], std::string_view data) {
    put_be32(out, static_cast<uint32_t>(data.size()));
    std::string body(type, 4);
    body.append(data);
    out += body;
    put_be32(out, crc32(body));
}

// PNG filtering (PNG spec 9.2), bytes per pixel 3: each row gets the filter whose
// output has the smallest sum of absolute (signed) values.
std::string filtered_rows(const RgbImage& image) {
    const size_t stride = size_t(image.width) * 3;
    std::string out;
    out.reserve((stride + 1) * size_t(image.height));
    std::string sub(stride, '\0'), up(stride, '\0');
    for (int y = 0; y < image.height; ++y) {
        const uint8_t* row = image.pixels.data() + size_t(y) * stride;
        const uint8_t* above = y > 0 ? row - stride : nullptr;
        long cost_none = 0, cost_sub = 0, cost_up = 0;
        for (size_t x = 0; x < stride; ++x) {
            const uint8_t s = uint8_t(row[x] - (x >= 3 ? row[x - 3] : 0));
            const uint8_t u = uint8_t(row[x] - (above ? above[x] : 0));
            sub[x] = char(s);
            up[x] = char(u);
            cost_none += std::abs(int(int8_t(row[x])));
            cost_sub += std::abs(int(int8_t(s)));
            cost_up += std::abs(int(int8_t(u)));
        }
        if (cost_up <= cost_sub && cost_up <= cost_none) {
            out += char(2);
            out += up;
        } else if (cost_sub <= cost_none) {
            out += char(1);
            out += sub;
        } else {
            out += char(0);
            out.append(reinterpret_cast<const char*>(row), stride);
        }
    }
    return out;
}

}  // namespace

uint32_t crc32_update(uint32_t crc, std::string_view bytes) {
    const auto& table = crc_table();
    uint32_t c = crc ^ 0xFFFFFFFFu;
    for (char ch : bytes) c = table[(c ^ static_cast<uint8_t>(ch)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

uint32_t adler32_update(uint32_t adler, std::string_view bytes) {
    uint32_t a = adler & 0xFFFF, b = adler >> 16;
    size_t i = 0;
    while (i < bytes.size()) {
        // 5552 bytes is the most that cannot overflow before the modulo (zlib's NMAX).
        const size_t end = std::min(bytes.size(), i + 5552);
        for (; i < end; ++i) {
            a += static_cast<uint8_t>(bytes[i]);
            b += a;
        }
        a %= 65521;
        b %= 65521;
    }
    return (b << 16) | a;
}

std::string zlib_compress(std::string_view bytes) {
    std::string out;
    out += char(0x78);  // deflate, 32 KB window
    out += char(0x01);  // no dictionary, fastest level; (0x78 << 8 | 0x01) % 31 == 0
    out += deflate_fixed(bytes);
    put_be32(out, adler32(bytes));
    return out;
}

std::string encode_png(const RgbImage& image) {
    if (image.width <= 0 || image.height <= 0 ||
        image.pixels.size() != size_t(image.width) * size_t(image.height) * 3)
        return "";
    std::string out = "\x89PNG\r\n\x1A\n";
    std::string ihdr;
    put_be32(ihdr, uint32_t(image.width));
    put_be32(ihdr, uint32_t(image.height));
    ihdr += char(8);  // bit depth
    ihdr += char(2);  // colour type: RGB
    ihdr += char(0);  // compression: deflate
    ihdr += char(0);  // filter method 0
    ihdr += char(0);  // no interlace
    put_chunk(out, "IHDR", ihdr);
    put_chunk(out, "IDAT", zlib_compress(filtered_rows(image)));
    put_chunk(out, "IEND", "");
    return out;
}

}  // namespace doorstep
