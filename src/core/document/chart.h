// Charts for the printed documents: inline SVG with a title and a description
// that screen readers say (role="img"); a document always gives the same
// figures in a table too. Styled by the page's classes: .bar, .bar2 (second
// series), .axis, .lbl (labels), .val (values), .small.
#pragma once
#include <string>
#include <vector>

namespace doorstep {

struct ChartBar {
    std::string label;
    double value = 0;
    std::string value_text;
    bool hidden = false;  // suppressed: no bar, only the text
};

// Horizontal bars: one row per item, its length scaled to `max`.
std::string svg_hbars(const std::string& id, const std::string& title, const std::string& desc,
                      const std::vector<ChartBar>& bars, double max);

// Grouped vertical bars of two series (e.g. stage 1 and stage 2 per month), with
// a legend in words so that colour is not the only cue.
struct ChartGroup {
    std::string label;
    int first = 0, second = 0;
};
std::string svg_grouped_bars(const std::string& id, const std::string& title, const std::string& desc,
                             const std::string& first_series, const std::string& second_series,
                             const std::vector<ChartGroup>& groups);

}  // namespace doorstep
