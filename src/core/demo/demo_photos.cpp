#include "core/demo/demo_photos.h"

#include "core/base/ids.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>

namespace doorstep {

namespace {

struct Rgb {
    uint8_t r, g, b;
};

// Drawing in proportions of the picture: x and y from 0 to 1, so one layout
// draws the same at full size and as a thumbnail.
class Canvas {
public:
    Canvas(int w, int h, Rgb background) : image_(w, h, background.r, background.g, background.b) {}

    int width() const { return image_.width; }
    int height() const { return image_.height; }
    RgbImage take() { return std::move(image_); }

    void put(int x, int y, Rgb c) {
        if (x < 0 || y < 0 || x >= image_.width || y >= image_.height) return;
        uint8_t* p = image_.pixels.data() + (size_t(y) * size_t(image_.width) + size_t(x)) * 3;
        p[0] = c.r;
        p[1] = c.g;
        p[2] = c.b;
    }
    void rect_px(int x0, int y0, int x1, int y1, Rgb c) {
        for (int y = std::max(0, y0); y < std::min(image_.height, y1); ++y)
            for (int x = std::max(0, x0); x < std::min(image_.width, x1); ++x) put(x, y, c);
    }
    void rect(double x0, double y0, double x1, double y1, Rgb c) { rect_px(px(x0), py(y0), px(x1), py(y1), c); }
    // rx in widths, ry in heights.
    void ellipse(double cx, double cy, double rx, double ry, Rgb c) {
        const double ex = std::max(0.5, rx * image_.width), ey = std::max(0.5, ry * image_.height);
        const double mx = cx * image_.width, my = cy * image_.height;
        for (int y = int(std::floor(my - ey)); y <= int(std::ceil(my + ey)); ++y)
            for (int x = int(std::floor(mx - ex)); x <= int(std::ceil(mx + ex)); ++x) {
                const double dx = (x + 0.5 - mx) / ex, dy = (y + 0.5 - my) / ey;
                if (dx * dx + dy * dy <= 1.0) put(x, y, c);
            }
    }
    // A round spot: r in widths.
    void circle(double cx, double cy, double r, Rgb c) { ellipse(cx, cy, r, r * image_.width / image_.height, c); }
    // A straight stroke `thick` widths wide.
    void line(double x0, double y0, double x1, double y1, double thick, Rgb c) {
        const double len = std::hypot((x1 - x0) * image_.width, (y1 - y0) * image_.height);
        const int steps = std::max(1, int(len));
        for (int i = 0; i <= steps; ++i) {
            const double t = double(i) / steps;
            circle(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, thick / 2, c);
        }
    }

    int px(double x) const { return int(std::lround(x * image_.width)); }
    int py(double y) const { return int(std::lround(y * image_.height)); }

private:
    RgbImage image_;
};

// 5 x 7 capitals for the banner, one row a byte (bit 4 is the left column).
struct Glyph {
    char ch;
    std::array<uint8_t, 7> rows;
};
constexpr std::array<Glyph, 9> kFont = {{
    {'A', {0x0E, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11}},
    {'E', {0x1F, 0x10, 0x10, 0x1E, 0x10, 0x10, 0x1F}},
    {'H', {0x11, 0x11, 0x11, 0x1F, 0x11, 0x11, 0x11}},
    {'L', {0x10, 0x10, 0x10, 0x10, 0x10, 0x10, 0x1F}},
    {'M', {0x11, 0x1B, 0x15, 0x15, 0x11, 0x11, 0x11}},
    {'O', {0x0E, 0x11, 0x11, 0x11, 0x11, 0x11, 0x0E}},
    {'P', {0x1E, 0x11, 0x11, 0x1E, 0x10, 0x10, 0x10}},
    {'S', {0x0F, 0x10, 0x10, 0x0E, 0x01, 0x01, 0x1E}},
    {'T', {0x1F, 0x04, 0x04, 0x04, 0x04, 0x04, 0x04}},
}};

const Glyph* glyph(char ch) {
    for (const Glyph& g : kFont)
        if (g.ch == ch) return &g;
    return nullptr;  // a space
}

constexpr const char* kBanner = "SAMPLE PHOTO";

// A dark strip across the foot of the picture with the words in yellow, large
// enough to read on the thumbnail.
void draw_banner(Canvas& cv) {
    const int scale = std::max(2, cv.width() / 110);
    const int chars = static_cast<int>(std::strlen(kBanner));
    const int text_w = (chars * 6 - 1) * scale, text_h = 7 * scale;
    const int pad = 2 * scale;
    const int top = cv.height() - text_h - 2 * pad;
    cv.rect_px(0, top, cv.width(), cv.height(), {24, 24, 28});
    cv.rect_px(0, top, cv.width(), top + std::max(1, scale / 2), {255, 204, 0});
    int x = (cv.width() - text_w) / 2;
    for (const char* p = kBanner; *p; ++p, x += 6 * scale) {
        const Glyph* g = glyph(*p);
        if (!g) continue;
        for (int row = 0; row < 7; ++row)
            for (int col = 0; col < 5; ++col)
                if (g->rows[size_t(row)] & (0x10 >> col))
                    cv.rect_px(x + col * scale, top + pad + row * scale, x + (col + 1) * scale, top + pad + (row + 1) * scale,
                               {255, 204, 0});
    }
}

constexpr std::array<Rgb, 4> kWalls = {{{236, 228, 208}, {224, 224, 216}, {240, 232, 214}, {214, 224, 230}}};
constexpr Rgb kMouldDark{30, 36, 30}, kMould{48, 58, 44}, kMouldLight{92, 100, 80};
constexpr Rgb kWhite{246, 246, 242}, kShadow{190, 190, 184};

Rgb darker(Rgb c, int by) {
    return {uint8_t(std::max(0, c.r - by)), uint8_t(std::max(0, c.g - by)), uint8_t(std::max(0, c.b - by))};
}

// A cluster of mould spots round (cx, cy), spread about `spread` widths.
void mould_cluster(Canvas& cv, Rng& rng, double cx, double cy, double spread, int spots) {
    for (int i = 0; i < spots; ++i) {
        const double a = rng.unit() * 6.2832, d = spread * std::sqrt(rng.unit());
        const double r = 0.004 + rng.unit() * 0.014;
        const Rgb c = i % 3 == 0 ? kMouldLight : i % 3 == 1 ? kMould : kMouldDark;
        cv.circle(cx + d * std::cos(a), cy + d * std::sin(a) * 1.3, r, c);
    }
}

void mould_wall(Canvas& cv, Rng& rng) {
    const Rgb wall = kWalls[rng.below(4)];
    cv.rect(0, 0, 1, 1, wall);
    // Damp tide mark behind the mould, a skirting board and the carpet.
    cv.ellipse(0.72, 0.2, 0.34, 0.3, darker(wall, 18));
    cv.rect(0, 0.78, 1, 0.83, kWhite);
    cv.rect(0, 0.83, 1, 1, {120, 96, 80});
    // The corner of the room and the ceiling line.
    cv.line(0.92, 0, 0.92, 0.78, 0.006, darker(wall, 30));
    cv.rect(0, 0, 1, 0.04, kWhite);
    mould_cluster(cv, rng, 0.82, 0.12, 0.12, 70);
    mould_cluster(cv, rng, 0.62 + rng.unit() * 0.1, 0.32, 0.09, 45);
    mould_cluster(cv, rng, 0.2 + rng.unit() * 0.3, 0.72, 0.07, 30);
    // A plug socket for scale.
    cv.rect(0.12, 0.62, 0.2, 0.7, kWhite);
    cv.rect(0.14, 0.645, 0.15, 0.675, kShadow);
    cv.rect(0.17, 0.645, 0.18, 0.675, kShadow);
}

void wet_window(Canvas& cv, Rng& rng) {
    const Rgb wall = kWalls[rng.below(4)];
    cv.rect(0, 0, 1, 1, wall);
    cv.rect(0.18, 0.08, 0.82, 0.72, kWhite);           // frame
    cv.rect(0.22, 0.12, 0.78, 0.66, {170, 190, 204});  // misted glass
    cv.rect(0.49, 0.12, 0.51, 0.66, kWhite);           // glazing bar
    cv.rect(0.14, 0.72, 0.86, 0.77, {232, 232, 226});  // sill
    // Curtain at the side.
    cv.rect(0.02, 0.04, 0.14, 0.9, {150, 60, 66});
    cv.rect(0.06, 0.04, 0.075, 0.9, {130, 50, 56});
    // Droplets running down the glass.
    for (int i = 0; i < 60; ++i) {
        const double x = 0.24 + rng.unit() * 0.52, y = 0.14 + rng.unit() * 0.5;
        if (x > 0.485 && x < 0.515) continue;
        cv.circle(x, y, 0.004 + rng.unit() * 0.005, {214, 226, 234});
        if (i % 4 == 0) cv.line(x, y, x, std::min(0.65, y + 0.05 + rng.unit() * 0.1), 0.004, {196, 212, 222});
    }
    // Black mould along the bottom of the frame and on the sill.
    for (double x = 0.2; x < 0.8; x += 0.05 + rng.unit() * 0.04)
        mould_cluster(cv, rng, x, 0.7, 0.03, 10);
    cv.rect(0, 0.9, 1, 1, {200, 196, 186});
}

void ceiling_leak(Canvas& cv, Rng& rng) {
    cv.rect(0, 0, 1, 1, {238, 236, 228});  // ceiling seen from below
    cv.rect(0, 0.74, 1, 1, kWalls[rng.below(4)]);
    cv.rect(0, 0.72, 1, 0.74, kWhite);     // coving
    // Brown water stain in rings, the pendant light in the middle of it.
    const double cx = 0.45 + rng.unit() * 0.1, cy = 0.3 + rng.unit() * 0.06;
    cv.ellipse(cx, cy, 0.3, 0.26, {196, 168, 120});
    cv.ellipse(cx + 0.02, cy, 0.25, 0.21, {216, 196, 150});
    cv.ellipse(cx - 0.01, cy + 0.01, 0.19, 0.15, {180, 146, 96});
    cv.ellipse(cx, cy, 0.13, 0.1, {206, 182, 136});
    cv.circle(cx, cy, 0.03, kWhite);  // ceiling rose
    cv.line(cx, cy, cx, cy + 0.18, 0.004, {60, 60, 60});
    cv.ellipse(cx, cy + 0.22, 0.07, 0.05, {240, 220, 170});  // shade
    cv.rect(cx - 0.07, cy + 0.22, cx + 0.07, cy + 0.26, {240, 220, 170});
    // Drips falling from the fitting.
    for (int i = 0; i < 5; ++i) {
        const double y = cy + 0.3 + i * 0.07 + rng.unit() * 0.02;
        cv.ellipse(cx + (rng.unit() - 0.5) * 0.04, y, 0.006, 0.016, {96, 140, 190});
    }
}

void scorched_socket(Canvas& cv, Rng& rng) {
    const Rgb wall = kWalls[rng.below(4)];
    cv.rect(0, 0, 1, 1, wall);
    // Kitchen worktop below, tiles above it.
    for (int i = 0; i <= 10; ++i) cv.line(i * 0.1, 0.0, i * 0.1, 0.68, 0.004, darker(wall, 20));
    for (int j = 0; j <= 7; ++j) cv.line(0, j * 0.1, 1, j * 0.1, 0.004, darker(wall, 20));
    cv.rect(0, 0.7, 1, 0.78, {90, 80, 70});
    cv.rect(0, 0.78, 1, 1, {236, 236, 236});
    // Scorch spreading up from the left outlet.
    const double sx = 0.36;
    cv.ellipse(sx, 0.3, 0.16, 0.26, {120, 100, 80});
    cv.ellipse(sx, 0.34, 0.11, 0.2, {70, 56, 46});
    cv.ellipse(sx, 0.4, 0.06, 0.12, {34, 28, 24});
    // The double socket: plate, two outlets with three pins each, two switches.
    cv.rect(0.24, 0.4, 0.76, 0.62, kWhite);
    for (double ox : {0.34, 0.62}) {
        cv.rect(ox - 0.012, 0.44, ox + 0.012, 0.49, kShadow);
        cv.rect(ox - 0.06, 0.52, ox - 0.036, 0.55, kShadow);
        cv.rect(ox + 0.036, 0.52, ox + 0.06, 0.55, kShadow);
        cv.rect(ox + 0.075, 0.44, ox + 0.1, 0.5, {210, 60, 50});  // switch
    }
    cv.ellipse(0.3, 0.47, 0.05, 0.05, {52, 40, 34});  // melted corner of the plate
    // A plug lead hanging from the scorched outlet.
    cv.line(0.34, 0.56, 0.3 + rng.unit() * 0.05, 0.7, 0.012, {40, 40, 40});
}

void leaking_boiler(Canvas& cv, Rng& rng) {
    const Rgb wall = kWalls[rng.below(4)];
    cv.rect(0, 0, 1, 1, wall);
    cv.rect(0, 0.86, 1, 1, {150, 140, 128});
    // The boiler case, its control panel and display.
    cv.rect(0.3, 0.06, 0.7, 0.56, kWhite);
    cv.rect(0.3, 0.46, 0.7, 0.56, {210, 210, 206});
    cv.rect(0.36, 0.48, 0.48, 0.53, {40, 70, 60});
    cv.rect(0.38, 0.495, 0.46, 0.515, {120, 230, 150});
    for (double k : {0.56, 0.62}) cv.circle(k, 0.505, 0.015, {90, 90, 96});
    // Copper pipes down to the floor.
    for (double x : {0.36, 0.43, 0.5, 0.57, 0.64}) cv.rect(x - 0.008, 0.56, x + 0.008, 0.86, {184, 115, 51});
    // Rust streak from a weeping joint, a wet patch on the wall, and a puddle.
    cv.line(0.5, 0.58, 0.5, 0.82, 0.01, {150, 84, 40});
    cv.ellipse(0.47, 0.72, 0.09, 0.09, darker(wall, 26));
    cv.ellipse(0.5, 0.92, 0.2, 0.04, {110, 140, 170});
    for (int i = 0; i < 4; ++i) cv.ellipse(0.5 + (rng.unit() - 0.5) * 0.02, 0.62 + i * 0.06, 0.005, 0.014, {96, 140, 190});
    // A fused spur below, in the wet.
    cv.rect(0.74, 0.66, 0.82, 0.74, kWhite);
    cv.rect(0.765, 0.68, 0.795, 0.7, {210, 60, 50});
}

}  // namespace

std::vector<PhotoScene> scenes_for_hazard_type(const std::string& type_id) {
    if (type_id == "emergency") return {PhotoScene::CeilingLeak, PhotoScene::ScorchedSocket, PhotoScene::LeakingBoiler};
    return {PhotoScene::MouldWall, PhotoScene::WetWindow};
}

const SceneWords& scene_words(PhotoScene scene) {
    static const SceneWords words[] = {
        {"Back bedroom", "Black mould over a square metre of wall, returning after cleaning", "sample-mould-wall.png",
         "Sample photo: black mould on the back bedroom wall and ceiling corner"},
        {"Front bedroom window", "Condensation running down the window; black mould along the frame and sill",
         "sample-wet-window.png", "Sample photo: condensation and mould on the bedroom window"},
        {"Bathroom ceiling", "Water coming through a light fitting; the circuit trips", "sample-ceiling-leak.png",
         "Sample photo: water stain and drips round the ceiling light"},
        {"Kitchen", "Scorch marks round a kitchen socket and a smell of burning", "sample-scorched-socket.png",
         "Sample photo: scorched double socket above the worktop"},
        {"Kitchen cupboard", "Water leaking from the boiler onto the fused spur below", "sample-leaking-boiler.png",
         "Sample photo: boiler leaking onto the wall and the spur beneath"},
    };
    return words[static_cast<int>(scene)];
}

RgbImage draw_scene(PhotoScene scene, uint64_t seed, int width, int height) {
    Rng rng(seed * 0x9E3779B97F4A7C15ULL + static_cast<uint64_t>(scene) + 1);
    Canvas cv(width, height, {0, 0, 0});
    switch (scene) {
        case PhotoScene::MouldWall: mould_wall(cv, rng); break;
        case PhotoScene::WetWindow: wet_window(cv, rng); break;
        case PhotoScene::CeilingLeak: ceiling_leak(cv, rng); break;
        case PhotoScene::ScorchedSocket: scorched_socket(cv, rng); break;
        case PhotoScene::LeakingBoiler: leaking_boiler(cv, rng); break;
    }
    draw_banner(cv);
    return cv.take();
}

DemoPhoto make_demo_photo(PhotoScene scene, uint64_t seed) {
    return {encode_png(draw_scene(scene, seed, kDemoPhotoWidth, kDemoPhotoHeight)),
            encode_png(draw_scene(scene, seed, kDemoThumbWidth, kDemoThumbHeight))};
}

}  // namespace doorstep
