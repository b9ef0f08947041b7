// Contrast of every colour pair the screens draw, computed from the palette
// (WCAG 2.2: 4.5:1 for text, 3:1 for borders, focus rings and chart lines).
#include "ui/palette.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <set>
#include <string>

using namespace doorstep::ui;

TEST_CASE("contrast ratio matches WCAG reference values") {
    CHECK(contrast_ratio(hex(0x000000), hex(0xFFFFFF)) == doctest::Approx(21.0));
    CHECK(contrast_ratio(hex(0xFFFFFF), hex(0xFFFFFF)) == doctest::Approx(1.0));
    // #767676 on white is the well-known lightest grey that passes 4.5:1.
    CHECK(contrast_ratio(hex(0x767676), hex(0xFFFFFF)) == doctest::Approx(4.54).epsilon(0.01));
    CHECK(contrast_ratio(hex(0x777777), hex(0xFFFFFF)) < 4.5);
    // Order of the arguments does not matter.
    CHECK(contrast_ratio(hex(0x1D70B8), hex(0xFFFFFF)) == doctest::Approx(contrast_ratio(hex(0xFFFFFF), hex(0x1D70B8))));
}

TEST_CASE("every theme meets WCAG AA for every pair it draws") {
    for (const Palette* p : all_palettes()) {
        auto checks = contrast_checks(*p);
        CHECK(checks.size() > 40);
        for (const ContrastCheck& c : checks) {
            double ratio = contrast_ratio(c.fg, c.bg);
            INFO(p->id << ": " << c.what << " " << ratio << ":1, needs " << c.minimum);
            CHECK(ratio >= c.minimum);
        }
    }
}

TEST_CASE("WCAG 2.4.13 and 1.4.11: the focus ring is 3:1 on the navigation rail in every theme") {
    for (const Palette* p : all_palettes()) {
        INFO(p->id);
        CHECK(contrast_ratio(focus_ring_on(*p, p->nav.bg), p->nav.bg) >= 3.0);
        CHECK(contrast_ratio(focus_ring_on(*p, p->page), p->page) >= 3.0);
    }
    // The light theme's own ring colour is too dark for the navy rail: another colour is used there.
    const Palette& light = palette_light();
    CHECK(contrast_ratio(light.focus, light.nav.bg) < 3.0);
    CHECK(focus_ring_on(light, light.nav.bg).r != light.focus.r);
}

TEST_CASE("high contrast theme goes well beyond AA for text") {
    const Palette& p = palette_high_contrast();
    CHECK(contrast_ratio(p.text, p.page) >= 7.0);       // AAA body text
    CHECK(contrast_ratio(p.primary.fg, p.primary.bg) >= 7.0);
    CHECK(contrast_ratio(p.overdue.fg, p.overdue.bg) >= 7.0);
}

TEST_CASE("urgency levels are told apart by more than hue") {
    // Colour is never the only cue (the row text says "3 days overdue"), but the
    // four urgency backgrounds must still differ from one another.
    for (const Palette* p : all_palettes()) {
        std::set<uint32_t> seen;
        for (Ink ink : {p->overdue, p->due_today, p->due_soon, p->upcoming})
            seen.insert((uint32_t(ink.bg.r) << 16) | (uint32_t(ink.bg.g) << 8) | ink.bg.b);
        CHECK(seen.size() == 4);
    }
}

TEST_CASE("theme lookup by the settings id") {
    CHECK(std::string(palette_for("dark").id) == "dark");
    CHECK(std::string(palette_for("high-contrast").id) == "high-contrast");
    CHECK(std::string(palette_for("light").id) == "light");
    CHECK(std::string(palette_for("unknown").id) == "light");
}
