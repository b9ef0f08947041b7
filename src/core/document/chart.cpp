#include "core/document/chart.h"

#include "core/document/html.h"

#include <algorithm>
#include <cmath>

namespace doorstep {
namespace {

std::string svg_open(const std::string& id, const std::string& title, const std::string& desc, int w, int h) {
    return "<svg viewBox=\"0 0 " + std::to_string(w) + " " + std::to_string(h) +
           "\" width=\"100%\" role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\">\n<title id=\"" + id +
           "-title\">" + html_escape(title) + "</title>\n<desc id=\"" + id + "-desc\">" + html_escape(desc) + "</desc>\n";
}

}  // namespace

std::string svg_hbars(const std::string& id, const std::string& title, const std::string& desc,
                      const std::vector<ChartBar>& bars, double max) {
    const int label_w = 260, bar_w = 300, row_h = 26, w = label_w + bar_w + 80;
    const int h = std::max(1, static_cast<int>(bars.size())) * row_h + 10;
    std::string s = svg_open(id, title, desc, w, h);
    if (max <= 0) max = 1;
    for (size_t i = 0; i < bars.size(); ++i) {
        const ChartBar& b = bars[i];
        const int y = 5 + static_cast<int>(i) * row_h;
        s += "<text x=\"" + std::to_string(label_w - 8) + "\" y=\"" + std::to_string(y + 17) +
             "\" text-anchor=\"end\" class=\"lbl\">" + html_escape(b.label) + "</text>\n";
        int len = b.hidden ? 0 : static_cast<int>(std::lround(bar_w * std::clamp(b.value / max, 0.0, 1.0)));
        if (!b.hidden && b.value > 0 && len < 2) len = 2;
        if (len > 0)
            s += "<rect x=\"" + std::to_string(label_w) + "\" y=\"" + std::to_string(y + 4) + "\" width=\"" +
                 std::to_string(len) + "\" height=\"18\" class=\"bar\"/>\n";
        s += "<text x=\"" + std::to_string(label_w + len + 6) + "\" y=\"" + std::to_string(y + 17) + "\" class=\"val\">" +
             html_escape(b.value_text) + "</text>\n";
    }
    return s + "</svg>";
}

std::string svg_grouped_bars(const std::string& id, const std::string& title, const std::string& desc,
                             const std::string& first_series, const std::string& second_series,
                             const std::vector<ChartGroup>& groups) {
    const int n = std::max<int>(1, static_cast<int>(groups.size()));
    const int left = 40, top = 30, plot_h = 180, group_w = std::max(24, 600 / n), w = left + n * group_w + 20;
    const int h = top + plot_h + 40;
    int max = 1;
    for (const ChartGroup& g : groups) max = std::max({max, g.first, g.second});
    std::string s = svg_open(id, title, desc, w, h);
    s += "<rect x=\"" + std::to_string(left) + "\" y=\"6\" width=\"12\" height=\"12\" class=\"bar\"/><text x=\"" +
         std::to_string(left + 16) + "\" y=\"16\" class=\"lbl\">" + html_escape(first_series) + "</text>\n";
    s += "<rect x=\"" + std::to_string(left + 90) + "\" y=\"6\" width=\"12\" height=\"12\" class=\"bar2\"/><text x=\"" +
         std::to_string(left + 106) + "\" y=\"16\" class=\"lbl\">" + html_escape(second_series) + "</text>\n";
    s += "<line x1=\"" + std::to_string(left) + "\" y1=\"" + std::to_string(top + plot_h) + "\" x2=\"" +
         std::to_string(w - 10) + "\" y2=\"" + std::to_string(top + plot_h) + "\" class=\"axis\"/>\n";
    s += "<text x=\"" + std::to_string(left - 6) + "\" y=\"" + std::to_string(top + 4) +
         "\" text-anchor=\"end\" class=\"val\">" + std::to_string(max) + "</text>\n";
    s += "<text x=\"" + std::to_string(left - 6) + "\" y=\"" + std::to_string(top + plot_h) +
         "\" text-anchor=\"end\" class=\"val\">0</text>\n";
    const int bw = std::max(4, (group_w - 8) / 2);
    for (size_t i = 0; i < groups.size(); ++i) {
        const ChartGroup& g = groups[i];
        const int x0 = left + static_cast<int>(i) * group_w + 4;
        auto bar = [&](int v, int x, const char* cls) {
            const int bh = static_cast<int>(std::lround(static_cast<double>(plot_h) * v / max));
            if (bh > 0)
                s += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(top + plot_h - bh) + "\" width=\"" +
                     std::to_string(bw) + "\" height=\"" + std::to_string(bh) + "\" class=\"" + cls + "\"/>\n";
            s += "<text x=\"" + std::to_string(x + bw / 2) + "\" y=\"" + std::to_string(top + plot_h - bh - 3) +
                 "\" text-anchor=\"middle\" class=\"val small\">" + std::to_string(v) + "</text>\n";
        };
        bar(g.first, x0, "bar");
        bar(g.second, x0 + bw, "bar2");
        s += "<text x=\"" + std::to_string(x0 + bw) + "\" y=\"" + std::to_string(top + plot_h + 16) +
             "\" text-anchor=\"middle\" class=\"lbl small\">" + html_escape(g.label) + "</text>\n";
    }
    return s + "</svg>";
}

}  // namespace doorstep
