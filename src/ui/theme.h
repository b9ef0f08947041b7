// Look and size of the app: the palette applied to ImGui's style, fonts built
// for the screen's pixel density and the person's text size, and the minimum
// touch target (44 CSS px). ImGui coordinates are CSS pixels throughout.
#pragma once
#include "ui/palette.h"

#include "imgui.h"

namespace doorstep::ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* bold = nullptr;
    ImFont* h1 = nullptr;
    ImFont* h2 = nullptr;
};

// Base body size in CSS px at 100% text size.
inline constexpr float kBodyPx = 18.0f;
// WCAG 2.5.5 / Apple's guidance: every control at least this tall and wide.
inline constexpr float kTargetPx = 44.0f;

// Rebuilds io.Fonts for this device pixel ratio and text size (1.0 .. 2.0):
// glyphs are rasterised at CSS size × ratio and drawn at 1/ratio, so text stays
// sharp on HiDPI screens. The platform re-uploads the font texture afterwards.
// Looks for the embedded fonts (/fonts/...) and, natively, Debian's Inter/Noto.
void theme_build_fonts(float device_pixel_ratio, float text_scale);
const Fonts& fonts();
// The scale the fonts were last built for (the platform compares to know when to rebuild).
float fonts_pixel_ratio();
float fonts_text_scale();

// Applies the palette and the sizes for this text size to ImGui's style.
void theme_apply(const Palette& palette, float text_scale);
const Palette& theme();
float theme_text_scale();

inline ImU32 im_col(Colour c, float alpha = 1.0f) {
    return IM_COL32(c.r, c.g, c.b, int(c.a * alpha));
}
inline ImVec4 im_vec(Colour c) {
    return ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, c.a / 255.0f);
}

}  // namespace doorstep::ui
