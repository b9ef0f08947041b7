// The PNG writer (stb_image_write) and the demo's placeholder photos: every file
// is a PNG a decoder accepts (signature, chunk CRCs, a zlib stream that inflates
// to the filtered rows, Adler-32), the pixels come back exactly, and the demo's
// attachments name bytes it really hands back.
#include "core/data/case_json.h"
#include "core/demo/demo.h"
#include "core/demo/demo_photos.h"
#include "core/base/hashing.h"
#include "core/demo/png_writer.h"
#include "storage/attachments.h"
#include "storage/case_store.h"
#include "storage/file_store.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <stdexcept>

#include <stdlib.h>

using namespace doorstep;

namespace {

// ---------------------------------------------------------------------------
// A test-only inflater (RFC 1951): stored and fixed-Huffman blocks, the kinds
// stb_image_write produces. Throws on anything malformed.

class BitReader {
public:
    explicit BitReader(std::string_view in) : in_(in) {}
    uint32_t bits(int n) {
        uint32_t v = 0;
        for (int i = 0; i < n; ++i) {
            if (pos_ >= in_.size()) throw std::runtime_error("deflate stream ends early");
            v |= uint32_t((static_cast<uint8_t>(in_[pos_]) >> bit_) & 1u) << i;
            if (++bit_ == 8) {
                bit_ = 0;
                ++pos_;
            }
        }
        return v;
    }
    // A Huffman code, most significant bit first.
    uint32_t msb_first(int n) {
        uint32_t v = 0;
        for (int i = 0; i < n; ++i) v = (v << 1) | bits(1);
        return v;
    }
    void align() {
        if (bit_ != 0) {
            bit_ = 0;
            ++pos_;
        }
    }
    size_t pos() const { return pos_; }

private:
    std::string_view in_;
    size_t pos_ = 0;
    int bit_ = 0;
};

int fixed_literal(BitReader& r) {
    uint32_t code = r.msb_first(7);
    if (code <= 0x17) return int(code) + 256;  // 7 bits: 256..279
    code = (code << 1) | r.bits(1);
    if (code >= 0x30 && code <= 0xBF) return int(code - 0x30);        // 8 bits: 0..143
    if (code >= 0xC0 && code <= 0xC7) return int(code - 0xC0) + 280;  // 8 bits: 280..287
    code = (code << 1) | r.bits(1);
    if (code >= 0x190 && code <= 0x1FF) return int(code - 0x190) + 144;  // 9 bits: 144..255
    throw std::runtime_error("bad fixed Huffman code");
}

std::string inflate(std::string_view in, size_t* consumed) {
    static const int len_base[] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
    static const int len_extra[] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
    static const int dist_base[] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
    static const int dist_extra[] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
    BitReader r(in);
    std::string out;
    bool last = false;
    while (!last) {
        last = r.bits(1) == 1;
        const uint32_t type = r.bits(2);
        if (type == 0) {
            r.align();
            const uint32_t len = r.bits(16), nlen = r.bits(16);
            if ((len ^ 0xFFFF) != nlen) throw std::runtime_error("stored block length check fails");
            for (uint32_t i = 0; i < len; ++i) out += char(r.bits(8));
        } else if (type == 1) {
            for (;;) {
                const int sym = fixed_literal(r);
                if (sym < 256) {
                    out += char(sym);
                } else if (sym == 256) {
                    break;
                } else {
                    if (sym > 285) throw std::runtime_error("bad length symbol");
                    const int length = len_base[sym - 257] + int(r.bits(len_extra[sym - 257]));
                    const uint32_t dcode = r.msb_first(5);
                    if (dcode > 29) throw std::runtime_error("bad distance symbol");
                    const size_t distance = size_t(dist_base[dcode] + int(r.bits(dist_extra[dcode])));
                    if (distance > out.size()) throw std::runtime_error("distance reaches before the start");
                    for (int k = 0; k < length; ++k) out += out[out.size() - distance];
                }
            }
        } else {
            throw std::runtime_error("unexpected block type " + std::to_string(type));
        }
    }
    r.align();
    *consumed = r.pos();
    return out;
}

// The checksums the decoder verifies: CRC-32 (ISO 3309) over each chunk, Adler-32 over the image data.
uint32_t crc32(std::string_view bytes) {
    uint32_t c = 0xFFFFFFFFu;
    for (unsigned char ch : bytes) {
        c ^= ch;
        for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    }
    return c ^ 0xFFFFFFFFu;
}

uint32_t adler32(std::string_view bytes) {
    uint32_t a = 1, b = 0;
    for (unsigned char ch : bytes) {
        a = (a + ch) % 65521;
        b = (b + a) % 65521;
    }
    return (b << 16) | a;
}

uint32_t be32(std::string_view s, size_t at) {
    return (uint32_t(uint8_t(s[at])) << 24) | (uint32_t(uint8_t(s[at + 1])) << 16) | (uint32_t(uint8_t(s[at + 2])) << 8) |
           uint32_t(uint8_t(s[at + 3]));
}

std::string zlib_decompress(std::string_view z) {
    if (z.size() < 6) throw std::runtime_error("zlib stream too short");
    const unsigned cmf = uint8_t(z[0]), flg = uint8_t(z[1]);
    if ((cmf & 0x0F) != 8 || ((cmf << 8) | flg) % 31 != 0 || (flg & 0x20)) throw std::runtime_error("bad zlib header");
    size_t used = 0;
    std::string out = inflate(z.substr(2), &used);
    if (2 + used + 4 != z.size()) throw std::runtime_error("bytes after the Adler-32");
    if (be32(z, 2 + used) != adler32(out)) throw std::runtime_error("Adler-32 mismatch");
    return out;
}

int paeth(int a, int b, int c) {
    const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
    return (pa <= pb && pa <= pc) ? a : pb <= pc ? b : c;
}

// Decodes an 8-bit RGB PNG, checking every chunk's CRC.
RgbImage decode_png(std::string_view png) {
    if (png.substr(0, 8) != std::string_view("\x89PNG\r\n\x1A\n", 8)) throw std::runtime_error("no PNG signature");
    size_t at = 8;
    RgbImage img;
    std::string idat;
    bool ended = false;
    while (at < png.size()) {
        if (at + 12 > png.size()) throw std::runtime_error("chunk cut short");
        const uint32_t len = be32(png, at);
        const std::string_view type = png.substr(at + 4, 4);
        if (at + 12 + len > png.size()) throw std::runtime_error("chunk cut short");
        const std::string_view body = png.substr(at + 4, 4 + len);
        if (crc32(body) != be32(png, at + 8 + len)) throw std::runtime_error("CRC mismatch in " + std::string(type));
        const std::string_view data = body.substr(4);
        if (type == "IHDR") {
            img.width = int(be32(data, 0));
            img.height = int(be32(data, 4));
            if (data[8] != 8 || data[9] != 2 || data[12] != 0) throw std::runtime_error("not 8-bit RGB, non-interlaced");
        } else if (type == "IDAT") {
            idat.append(data);
        } else if (type == "IEND") {
            ended = true;
        }
        at += 12 + len;
    }
    if (!ended) throw std::runtime_error("no IEND");
    const std::string raw = zlib_decompress(idat);
    const size_t stride = size_t(img.width) * 3;
    if (raw.size() != (stride + 1) * size_t(img.height)) throw std::runtime_error("wrong amount of image data");
    img.pixels.assign(stride * size_t(img.height), 0);
    for (int y = 0; y < img.height; ++y) {
        const int filter = uint8_t(raw[size_t(y) * (stride + 1)]);
        const char* in = raw.data() + size_t(y) * (stride + 1) + 1;
        uint8_t* row = img.pixels.data() + size_t(y) * stride;
        const uint8_t* up = y > 0 ? row - stride : nullptr;
        for (size_t x = 0; x < stride; ++x) {
            const int a = x >= 3 ? row[x - 3] : 0, b = up ? up[x] : 0, c = (up && x >= 3) ? up[x - 3] : 0;
            int pred = 0;
            switch (filter) {
                case 0: pred = 0; break;
                case 1: pred = a; break;
                case 2: pred = b; break;
                case 3: pred = (a + b) / 2; break;
                case 4: pred = paeth(a, b, c); break;
                default: throw std::runtime_error("bad filter type");
            }
            row[x] = uint8_t(uint8_t(in[x]) + pred);
        }
    }
    return img;
}

DemoOptions demo_options(int cases, uint64_t seed) {
    DemoOptions o;
    o.cases = cases;
    o.seed = seed;
    o.on = *parse_iso_date("2025-03-31");
    return o;
}

RgbImage noise_image(int w, int h, uint32_t seed) {
    RgbImage img(w, h);
    uint32_t s = seed;
    for (auto& p : img.pixels) {
        s = s * 1664525u + 1013904223u;
        p = uint8_t(s >> 24);
    }
    return img;
}

}  // namespace

TEST_CASE("png: the file decodes to exactly the pixels given, at odd sizes and with noise") {
    for (auto [w, h] : {std::pair{1, 1}, std::pair{3, 2}, std::pair{97, 61}, std::pair{640, 480}}) {
        CAPTURE(w);
        CAPTURE(h);
        const RgbImage img = noise_image(w, h, uint32_t(w * 31 + h));
        const std::string png = encode_png(img);
        REQUIRE_FALSE(png.empty());
        CHECK(sniff_mime(png) == "image/png");
        const RgbImage back = decode_png(png);
        CHECK(back.width == w);
        CHECK(back.height == h);
        CHECK(back.pixels == img.pixels);
    }
    // A damaged byte is caught by the chunk CRC.
    std::string png = encode_png(noise_image(8, 8, 1));
    png[45] = char(png[45] ^ 0x10);  // inside the IDAT data
    CHECK_THROWS(decode_png(png));
    // Nothing to encode: no file.
    CHECK(encode_png(RgbImage{}).empty());
    RgbImage wrong(4, 4);
    wrong.pixels.pop_back();
    CHECK(encode_png(wrong).empty());
}

TEST_CASE("demo photos: every scene draws, decodes, carries the banner, and is deterministic per seed") {
    for (PhotoScene scene : {PhotoScene::MouldWall, PhotoScene::WetWindow, PhotoScene::CeilingLeak,
                             PhotoScene::ScorchedSocket, PhotoScene::LeakingBoiler}) {
        CAPTURE(scene_words(scene).filename);
        const DemoPhoto p = make_demo_photo(scene, 5);
        const RgbImage full = decode_png(p.png);
        const RgbImage thumb = decode_png(p.thumbnail);
        CHECK(full.width == kDemoPhotoWidth);
        CHECK(full.height == kDemoPhotoHeight);
        CHECK(thumb.width == kDemoThumbWidth);
        CHECK(thumb.height == kDemoThumbHeight);
        CHECK(full.pixels == draw_scene(scene, 5, kDemoPhotoWidth, kDemoPhotoHeight).pixels);
        // Drawn pictures are flat: small files.
        CHECK(p.png.size() < 60 * 1024);
        CHECK(p.thumbnail.size() < 16 * 1024);
        // The banner: banner yellow (255, 204, 0) appears in the bottom eighth and nowhere above the strip.
        const auto yellow_rows = [](const RgbImage& img) {
            std::set<int> rows;
            for (int y = 0; y < img.height; ++y)
                for (int x = 0; x < img.width; ++x) {
                    const uint8_t* q = img.pixels.data() + (size_t(y) * size_t(img.width) + size_t(x)) * 3;
                    if (q[0] == 255 && q[1] == 204 && q[2] == 0) rows.insert(y);
                }
            return rows;
        };
        for (const RgbImage* img : {&full, &thumb}) {
            const std::set<int> rows = yellow_rows(*img);
            REQUIRE_FALSE(rows.empty());
            CHECK(*rows.begin() >= img->height * 7 / 8);
            CHECK(rows.size() >= 8);  // the strip's edge and seven rows of letters
        }
        CHECK(make_demo_photo(scene, 5).png == p.png);
        CHECK(make_demo_photo(scene, 6).png != p.png);
        CHECK(check_attachment(p.png, "image/png", scene_words(scene).filename).is_ok());
        CHECK(check_attachment(p.thumbnail, "image/png", "thumbnail").is_ok());
    }
}

TEST_CASE("demo: hazards carry placeholder photos whose bytes come with the dataset") {
    const DemoOptions o = demo_options(300, 3);
    const Result<Demo> demo = make_demo(o);
    REQUIRE(demo.is_ok());
    const Dataset& d = demo->dataset;

    int hazard_cases = 0, with_photos = 0, without = 0;
    std::set<std::string> types_photographed, named;
    for (const Case& c : d.cases) {
        if (c.hazards.empty()) {
            CHECK(c.attachments.empty());
            continue;
        }
        ++hazard_cases;
        (c.attachments.empty() ? without : with_photos)++;
        for (const Attachment& a : c.attachments) {
            CAPTURE(c.reference);
            CHECK(a.mime == "image/png");
            CHECK(a.filename.rfind("sample-", 0) == 0);
            CHECK(a.caption.rfind("Sample photo: ", 0) == 0);
            CHECK(a.added == c.received);
            const auto hz = std::find_if(c.hazards.begin(), c.hazards.end(), [&](const HazardRecord& h) { return h.id == a.hazard_id; });
            REQUIRE(hz != c.hazards.end());
            types_photographed.insert(hz->type_id);
            const auto file = demo->files.find(a.sha256);
            REQUIRE(file != demo->files.end());
            CHECK(sha256_hex(file->second.bytes) == a.sha256);
            CHECK(int64_t(file->second.bytes.size()) == a.size);
            CHECK(file->second.mime == "image/png");
            const auto thumb = demo->files.find(a.thumbnail_sha256);
            REQUIRE(thumb != demo->files.end());
            CHECK(sha256_hex(thumb->second.bytes) == a.thumbnail_sha256);
            CHECK(decode_png(thumb->second.bytes).width == kDemoThumbWidth);
            named.insert(a.sha256);
            named.insert(a.thumbnail_sha256);
        }
    }
    CHECK(hazard_cases > 10);
    CHECK(with_photos > 0);
    CHECK(without > 0);  // some hazards have no photo
    // Every phase-1 hazard type has a photo somewhere.
    for (const HazardType& t : d.settings.hazard_types)
        if (t.phase == 1) {
            CAPTURE(t.id);
            CHECK(types_photographed.count(t.id) == 1);
        }
    // Only the files the cases name, only a handful of distinct pictures, every one a valid PNG.
    CHECK(named.size() == demo->files.size());
    CHECK(demo->files.size() <= 20);
    for (const auto& [sha, f] : demo->files) CHECK_NOTHROW(decode_png(f.bytes));

    // The dataset without photos is the same records less the attachments (the
    // revision ids differ: they hash the whole case).
    const Result<Dataset> plain = make_demo_dataset(o);
    REQUIRE(plain.is_ok());
    REQUIRE(plain->cases.size() == d.cases.size());
    for (size_t i = 0; i < d.cases.size(); ++i) {
        Case stripped = d.cases[i];
        stripped.attachments.clear();
        CHECK(case_canonical_json(stripped) == case_canonical_json(plain->cases[i]));
    }
    Dataset rest = d, plain_rest = *plain;
    rest.cases.clear();
    plain_rest.cases.clear();
    CHECK(export_dataset(rest, "2025-03-31T18:00") == export_dataset(plain_rest, "2025-03-31T18:00"));

    // The same seed, the same bytes.
    const Result<Demo> again = make_demo(o);
    REQUIRE(again.is_ok());
    CHECK(export_dataset(again->dataset, "2025-03-31T18:00") == export_dataset(d, "2025-03-31T18:00"));
    CHECK(again->files.size() == demo->files.size());
    for (const auto& [sha, f] : demo->files) CHECK(again->files.count(sha) == 1);
}

TEST_CASE("demo: the photo bundle imports into a store, every file kept once and read back byte for byte") {
    const Result<Demo> demo = make_demo(demo_options(120, 11));
    REQUIRE(demo.is_ok());
    REQUIRE_FALSE(demo->files.empty());
    const std::string bundle = demo_bundle_text(*demo, "2025-03-31T12:00");

    std::string pattern = (std::filesystem::temp_directory_path() / "doorstep-demo-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    {
        DirectoryStore files(pattern);
        files.sync_to_disk = false;
        CaseStore store(files);
        store.clock = [] { return std::string("2025-03-31T12:00"); };
        REQUIRE(store.open().is_ok());
        const Result<ImportOutcome> in = store.import_bundle(bundle, false);
        REQUIRE_MESSAGE(in.is_ok(), (in.is_ok() ? "" : in.error().text()));
        CHECK(in->cases_in_file == 120);
        CHECK(in->attachments_added == int(demo->files.size()));
        for (const auto& [sha, f] : demo->files) {
            const Result<std::string> back = store.read_attachment(sha);
            REQUIRE(back.is_ok());
            CHECK(*back == f.bytes);
        }
        // Loaded twice: nothing stored twice.
        const Result<ImportOutcome> again = store.import_bundle(bundle, true);
        REQUIRE(again.is_ok());
        CHECK(again->attachments_added == 0);
        CHECK(again->attachments_already_here == int(demo->files.size()));
        // And out again with every file.
        std::vector<Error> missing;
        const std::string out = store.export_bundle(&missing);
        CHECK(missing.empty());
        for (const auto& [sha, f] : demo->files) CHECK(out.find("\"" + sha + "\"") != std::string::npos);
    }
    std::error_code ec;
    std::filesystem::remove_all(pattern, ec);
}
