// The colours of the three themes (light, dark, high contrast), with no ImGui
// dependency so a native test can check every text/background pair the screens
// use against WCAG 2.2: 4.5:1 for text (1.4.3), 3:1 for borders, focus rings and
// other parts of controls (1.4.11). Urgency is never shown by colour alone: the
// text always says "3 days overdue".
#pragma once
#include <cmath>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace doorstep::ui {

struct Colour {
    uint8_t r = 0, g = 0, b = 0, a = 255;
};
constexpr Colour hex(uint32_t rgb) {
    return Colour{uint8_t((rgb >> 16) & 0xFF), uint8_t((rgb >> 8) & 0xFF), uint8_t(rgb & 0xFF), 255};
}

// WCAG 2.x relative luminance of an sRGB colour (alpha ignored: pairs are opaque).
inline double relative_luminance(Colour c) {
    auto channel = [](uint8_t v) {
        double s = v / 255.0;
        return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}
inline double contrast_ratio(Colour a, Colour b) {
    double la = relative_luminance(a), lb = relative_luminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

// A foreground and background that appear together, with what they are for.
struct Ink {
    Colour fg;
    Colour bg;
};

struct Palette {
    const char* id;            // "light", "dark", "high-contrast" (Settings::theme)
    const char* label;         // shown in Settings
    Colour page;               // behind everything
    Colour surface;            // cards, panels, dialogs
    Colour surface_alt;        // alternate list rows
    Colour text;               // body text (on page, surface and surface_alt)
    Colour text_muted;         // secondary text (same backgrounds)
    Colour border;             // field and card borders: 3:1 against page and surface
    Colour field;              // text field background
    Colour field_text;
    Colour focus;              // keyboard focus ring: 3:1 against page and surface
    Colour link;
    Ink primary;               // main action button
    Ink primary_hover;
    Ink primary_active;
    Ink secondary;             // other buttons
    Ink secondary_hover;
    Ink danger;                // refuse, remove demo data
    Ink disabled;              // a button the Code does not allow yet (still legible)
    Ink nav;                   // navigation bar
    Ink nav_selected;          // the current screen's tab
    Ink overdue;
    Ink due_today;
    Ink due_soon;
    Ink upcoming;
    Ink done;                  // closed / completed
    Ink info_banner;           // offline, demo mode, update ready
    Ink warning_banner;        // read-only, unexported changes, staff-safety warning
    Ink error;                 // error messages from the engine, shown verbatim
    Ink selection;             // selected text and the selected row
    Colour chart[4];           // bar and line series: 3:1 against surface
};

inline const Palette& palette_light() {
    static const Palette p{
        "light", "Light",
        hex(0xF3F2F1), hex(0xFFFFFF), hex(0xF8F8F7),
        hex(0x0B0C0C), hex(0x484F53),
        hex(0x5F676B), hex(0xFFFFFF), hex(0x0B0C0C),
        hex(0x0B0C0C), hex(0x1A5C9A),
        {hex(0xFFFFFF), hex(0x00703C)}, {hex(0xFFFFFF), hex(0x005A30)}, {hex(0xFFFFFF), hex(0x004A28)},
        {hex(0x0B0C0C), hex(0xDCDEE0)}, {hex(0x0B0C0C), hex(0xC4C7CA)},
        {hex(0xFFFFFF), hex(0xB3261E)},
        {hex(0x484F53), hex(0xE8E9EA)},
        {hex(0xFFFFFF), hex(0x1D3E5C)}, {hex(0x0B0C0C), hex(0xFFFFFF)},
        {hex(0xFFFFFF), hex(0xB3261E)}, {hex(0x0B0C0C), hex(0xF4A261)}, {hex(0x0B0C0C), hex(0xFFDD00)},
        {hex(0x0B0C0C), hex(0xD2E2F1)}, {hex(0xFFFFFF), hex(0x00703C)},
        {hex(0x0B0C0C), hex(0xD2E2F1)}, {hex(0x0B0C0C), hex(0xFFE98A)},
        {hex(0x8E1B14), hex(0xFDECEA)},
        {hex(0x0B0C0C), hex(0xB4D5F5)},
        {hex(0x1D70B8), hex(0x00703C), hex(0xB3261E), hex(0x6F4BA0)},
    };
    return p;
}

inline const Palette& palette_dark() {
    static const Palette p{
        "dark", "Dark",
        hex(0x101214), hex(0x1B1F23), hex(0x22272C),
        hex(0xF3F2F1), hex(0xC2C6CA),
        hex(0x8C959D), hex(0x0E1012), hex(0xF3F2F1),
        hex(0xFFDD00), hex(0x8CC4F5),
        {hex(0x0B0C0C), hex(0x5BC48A)}, {hex(0x0B0C0C), hex(0x7BD3A2)}, {hex(0x0B0C0C), hex(0x9BE0B9)},
        {hex(0xF3F2F1), hex(0x343B42)}, {hex(0xF3F2F1), hex(0x444C54)},
        {hex(0x0B0C0C), hex(0xF28B82)},
        {hex(0xB8BDC2), hex(0x2A3036)},
        {hex(0xF3F2F1), hex(0x0A0C0E)}, {hex(0x0B0C0C), hex(0x8CC4F5)},
        {hex(0x0B0C0C), hex(0xF28B82)}, {hex(0x0B0C0C), hex(0xF6B26B)}, {hex(0x0B0C0C), hex(0xFFE066)},
        {hex(0xF3F2F1), hex(0x2B4A66)}, {hex(0x0B0C0C), hex(0x5BC48A)},
        {hex(0xF3F2F1), hex(0x23415E)}, {hex(0x0B0C0C), hex(0xFFE066)},
        {hex(0xFFB4AB), hex(0x3B1412)},
        {hex(0xF3F2F1), hex(0x2F5C88)},
        {hex(0x8CC4F5), hex(0x5BC48A), hex(0xF28B82), hex(0xC9A7F0)},
    };
    return p;
}

inline const Palette& palette_high_contrast() {
    static const Palette p{
        "high-contrast", "High contrast",
        hex(0x000000), hex(0x000000), hex(0x141414),
        hex(0xFFFFFF), hex(0xE6E6E6),
        hex(0xFFFFFF), hex(0x000000), hex(0xFFFFFF),
        hex(0x00FFFF), hex(0xFFFF00),
        {hex(0x000000), hex(0xFFFF00)}, {hex(0x000000), hex(0x00FFFF)}, {hex(0x000000), hex(0xFFFFFF)},
        {hex(0xFFFFFF), hex(0x1F1F1F)}, {hex(0x000000), hex(0x00FFFF)},
        {hex(0x000000), hex(0xFF8080)},
        {hex(0xC8C8C8), hex(0x262626)},
        {hex(0xFFFFFF), hex(0x000000)}, {hex(0x000000), hex(0xFFFF00)},
        {hex(0x000000), hex(0xFF8080)}, {hex(0x000000), hex(0xFFB347)}, {hex(0x000000), hex(0xFFFF00)},
        {hex(0xFFFFFF), hex(0x1F1F1F)}, {hex(0x000000), hex(0x80FF80)},
        {hex(0x000000), hex(0x00FFFF)}, {hex(0x000000), hex(0xFFFF00)},
        {hex(0x000000), hex(0xFF8080)},
        {hex(0x000000), hex(0x00FFFF)},
        {hex(0xFFFF00), hex(0x00FFFF), hex(0xFF8080), hex(0x80FF80)},
    };
    return p;
}

// light | dark | high-contrast; anything else gives light.
inline const Palette& palette_for(std::string_view id) {
    if (id == "dark") return palette_dark();
    if (id == "high-contrast") return palette_high_contrast();
    return palette_light();
}
inline std::vector<const Palette*> all_palettes() {
    return {&palette_light(), &palette_dark(), &palette_high_contrast()};
}

// The keyboard focus ring drawn on `bg` (WCAG 2.4.13, 1.4.11: 3:1 against what it
// sits on): the theme's focus colour where that is clear enough, else whichever of
// the theme's text and page colours stands out more (the light theme's near-black
// ring is 1.8:1 on the navy navigation rail; its page colour is well over 3:1).
inline Colour focus_ring_on(const Palette& p, Colour bg) {
    if (contrast_ratio(p.focus, bg) >= 3.0) return p.focus;
    return contrast_ratio(p.text, bg) >= contrast_ratio(p.page, bg) ? p.text : p.page;
}

// Every pair the screens draw, with the minimum ratio WCAG asks of it.
struct ContrastCheck {
    const char* what;
    Colour fg;
    Colour bg;
    double minimum;
};
inline std::vector<ContrastCheck> contrast_checks(const Palette& p) {
    constexpr double kText = 4.5, kPart = 3.0;
    std::vector<ContrastCheck> out;
    for (Colour bg : {p.page, p.surface, p.surface_alt}) {
        out.push_back({"text", p.text, bg, kText});
        out.push_back({"muted text", p.text_muted, bg, kText});
        out.push_back({"link", p.link, bg, kText});
    }
    for (Colour bg : {p.page, p.surface}) {
        out.push_back({"field border", p.border, bg, kPart});
        out.push_back({"focus ring", p.focus, bg, kPart});
        for (const Colour& c : p.chart) out.push_back({"chart series", c, bg, kPart});
    }
    out.push_back({"field text", p.field_text, p.field, kText});
    out.push_back({"focus ring on field", p.focus, p.field, kPart});
    const std::pair<const char*, Ink> inks[] = {
        {"primary button", p.primary}, {"primary button hovered", p.primary_hover},
        {"primary button pressed", p.primary_active}, {"secondary button", p.secondary},
        {"secondary button hovered", p.secondary_hover}, {"danger button", p.danger},
        {"disabled button", p.disabled}, {"navigation", p.nav}, {"navigation selected", p.nav_selected},
        {"overdue", p.overdue}, {"due today", p.due_today}, {"due soon", p.due_soon},
        {"upcoming", p.upcoming}, {"done", p.done}, {"information banner", p.info_banner},
        {"warning banner", p.warning_banner}, {"error message", p.error}, {"selection", p.selection},
    };
    for (const auto& [what, ink] : inks) out.push_back({what, ink.fg, ink.bg, kText});
    // The focus ring beside a control on each coloured background (the rail, a banner's link).
    for (const auto& [what, ink] : inks) out.push_back({"focus ring on a background of the kind", focus_ring_on(p, ink.bg), ink.bg, kPart});
    // The selected tab must stand out from the bar around it (a part of the control).
    out.push_back({"selected tab against bar", p.nav_selected.bg, p.nav.bg, kPart});
    return out;
}

}  // namespace doorstep::ui
