#include "ui/theme.h"

#include <algorithm>
#include <cstdio>

namespace doorstep::ui {

namespace {

Fonts g_fonts;
float g_font_ratio = 0.0f;
float g_font_scale = 0.0f;
const Palette* g_palette = &palette_light();
float g_text_scale = 1.0f;

bool file_exists(const char* path) {
    if (FILE* f = std::fopen(path, "rb")) {
        std::fclose(f);
        return true;
    }
    return false;
}

const char* first_existing(std::initializer_list<const char*> paths) {
    for (const char* p : paths)
        if (file_exists(p)) return p;
    return nullptr;
}

// Latin, Latin-1 (£), Latin Extended-A (names), punctuation (– — ‘ ’ “ ” • …), € and ✓ ✗.
const ImWchar* glyph_ranges() {
    static const ImWchar ranges[] = {
        0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x2027, 0x20AC, 0x20AC, 0x2190, 0x2193, 0x2713, 0x2717, 0,
    };
    return ranges;
}

ImFont* load(const char* path, float px) {
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig cfg;
    cfg.OversampleH = 1;  // already rasterised at device pixels
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    if (path) {
        if (ImFont* f = io.Fonts->AddFontFromFileTTF(path, px, &cfg, glyph_ranges())) return f;
    }
    cfg.SizePixels = px;
    return io.Fonts->AddFontDefault(&cfg);
}

}  // namespace

void theme_build_fonts(float device_pixel_ratio, float text_scale) {
    ImGuiIO& io = ImGui::GetIO();
    float ratio = std::clamp(device_pixel_ratio, 1.0f, 4.0f);
    float scale = std::clamp(text_scale, 1.0f, 2.0f);
    io.Fonts->Clear();
    const char* regular = first_existing({"/fonts/ui-regular.otf", "/fonts/ui.ttf", "/fonts/ui-regular.ttf", "/fonts/Inter-Regular.otf",
                                          "/usr/share/fonts/opentype/inter/Inter-Regular.otf",
                                          "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"});
    const char* bold = first_existing({"/fonts/ui-semibold.otf", "/fonts/ui-bold.ttf", "/fonts/ui-semibold.ttf", "/fonts/Inter-SemiBold.otf",
                                       "/usr/share/fonts/opentype/inter/Inter-SemiBold.otf",
                                       "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"});
    if (!bold) bold = regular;
    float px = kBodyPx * scale * ratio;
    g_fonts.body = load(regular, px);
    g_fonts.bold = load(bold, px);
    g_fonts.h1 = load(bold, px * 1.5f);
    g_fonts.h2 = load(bold, px * 1.22f);
    io.FontDefault = g_fonts.body;
    io.FontGlobalScale = 1.0f / ratio;
    io.Fonts->Build();
    g_font_ratio = device_pixel_ratio;
    g_font_scale = text_scale;
}

const Fonts& fonts() { return g_fonts; }
float fonts_pixel_ratio() { return g_font_ratio; }
float fonts_text_scale() { return g_font_scale; }

void theme_apply(const Palette& p, float text_scale) {
    g_palette = &p;
    g_text_scale = std::clamp(text_scale, 1.0f, 2.0f);
    ImGuiStyle& s = ImGui::GetStyle();
    s = ImGuiStyle();
    const float font = kBodyPx * g_text_scale;
    s.WindowPadding = ImVec2(16, 16);
    s.WindowRounding = 0;
    s.WindowBorderSize = 0;
    s.ChildRounding = 0;
    s.ChildBorderSize = 1;
    s.PopupRounding = 4;
    s.PopupBorderSize = 2;
    // Controls at least 44 px tall: font + 2 × padding.
    s.FramePadding = ImVec2(12, std::max(8.0f, std::ceil((kTargetPx - font) / 2.0f)));
    s.FrameRounding = 4;
    s.FrameBorderSize = 2;  // field borders are a part of the control (1.4.11)
    s.ItemSpacing = ImVec2(12, 12);
    s.ItemInnerSpacing = ImVec2(10, 8);
    s.CellPadding = ImVec2(8, 8);
    s.IndentSpacing = 24;
    s.ScrollbarSize = 24;  // 2.5.8: a pointer target of at least 24 px
    s.ScrollbarRounding = 12;
    s.GrabMinSize = 44;
    s.GrabRounding = 4;
    s.TabRounding = 4;
    s.SelectableTextAlign = ImVec2(0, 0.5f);
    s.DisplaySafeAreaPadding = ImVec2(0, 0);
    s.TouchExtraPadding = ImVec2(0, 0);

    ImVec4* c = s.Colors;
    c[ImGuiCol_Text] = im_vec(p.text);
    c[ImGuiCol_TextDisabled] = im_vec(p.text_muted);
    c[ImGuiCol_WindowBg] = im_vec(p.page);
    c[ImGuiCol_ChildBg] = im_vec(p.surface);
    c[ImGuiCol_PopupBg] = im_vec(p.surface);
    c[ImGuiCol_Border] = im_vec(p.border);
    c[ImGuiCol_BorderShadow] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_FrameBg] = im_vec(p.field);
    c[ImGuiCol_FrameBgHovered] = im_vec(p.field);
    c[ImGuiCol_FrameBgActive] = im_vec(p.field);
    c[ImGuiCol_TitleBg] = im_vec(p.nav.bg);
    c[ImGuiCol_TitleBgActive] = im_vec(p.nav.bg);
    c[ImGuiCol_TitleBgCollapsed] = im_vec(p.nav.bg);
    c[ImGuiCol_MenuBarBg] = im_vec(p.nav.bg);
    c[ImGuiCol_ScrollbarBg] = im_vec(p.page);
    c[ImGuiCol_ScrollbarGrab] = im_vec(p.border);
    c[ImGuiCol_ScrollbarGrabHovered] = im_vec(p.text_muted);
    c[ImGuiCol_ScrollbarGrabActive] = im_vec(p.text);
    c[ImGuiCol_CheckMark] = im_vec(p.field_text);
    c[ImGuiCol_SliderGrab] = im_vec(p.primary.bg);
    c[ImGuiCol_SliderGrabActive] = im_vec(p.primary_active.bg);
    c[ImGuiCol_Button] = im_vec(p.secondary.bg);
    c[ImGuiCol_ButtonHovered] = im_vec(p.secondary_hover.bg);
    c[ImGuiCol_ButtonActive] = im_vec(p.secondary_hover.bg);
    c[ImGuiCol_Header] = im_vec(p.selection.bg);
    c[ImGuiCol_HeaderHovered] = im_vec(p.secondary.bg);
    c[ImGuiCol_HeaderActive] = im_vec(p.secondary_hover.bg);
    c[ImGuiCol_Separator] = im_vec(p.border);
    c[ImGuiCol_SeparatorHovered] = im_vec(p.border);
    c[ImGuiCol_SeparatorActive] = im_vec(p.border);
    c[ImGuiCol_ResizeGrip] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ResizeGripHovered] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_ResizeGripActive] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_Tab] = im_vec(p.secondary.bg);
    c[ImGuiCol_TabHovered] = im_vec(p.secondary_hover.bg);
    c[ImGuiCol_TabActive] = im_vec(p.nav_selected.bg);
    c[ImGuiCol_TabUnfocused] = im_vec(p.secondary.bg);
    c[ImGuiCol_TabUnfocusedActive] = im_vec(p.nav_selected.bg);
    c[ImGuiCol_PlotLines] = im_vec(p.chart[0]);
    c[ImGuiCol_PlotLinesHovered] = im_vec(p.chart[1]);
    c[ImGuiCol_PlotHistogram] = im_vec(p.chart[0]);
    c[ImGuiCol_PlotHistogramHovered] = im_vec(p.chart[1]);
    c[ImGuiCol_TableHeaderBg] = im_vec(p.surface_alt);
    c[ImGuiCol_TableBorderStrong] = im_vec(p.border);
    c[ImGuiCol_TableBorderLight] = im_vec(p.border);
    c[ImGuiCol_TableRowBg] = im_vec(p.surface);
    c[ImGuiCol_TableRowBgAlt] = im_vec(p.surface_alt);
    c[ImGuiCol_TextSelectedBg] = im_vec(p.selection.bg);
    c[ImGuiCol_DragDropTarget] = im_vec(p.focus);
    c[ImGuiCol_NavHighlight] = im_vec(p.focus);
    c[ImGuiCol_NavWindowingHighlight] = im_vec(p.focus);
    c[ImGuiCol_NavWindowingDimBg] = ImVec4(0, 0, 0, 0.5f);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.5f);
}

const Palette& theme() { return *g_palette; }
float theme_text_scale() { return g_text_scale; }

}  // namespace doorstep::ui
