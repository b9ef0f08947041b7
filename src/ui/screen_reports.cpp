// Reports: a period picker, the Tenant Satisfaction Measures (CH01, CH02), the
// report's tables, and simple bar and line charts drawn with ImGui's draw list.
// Each chart has a text alternative (the table beside it). Downloads give the
// full printable document.
#include "core/reports/report_output.h"
#include "core/reports/reports.h"
#include "core/reports/self_assessment.h"
#include "ui/screens.h"
#include "ui/semantics.h"
#include "ui/theme.h"
#include "ui/widgets.h"
#include "ui/wording.h"

#include "imgui.h"

#include <algorithm>
#include <vector>
#include <cstdio>

namespace doorstep::ui {

namespace {

std::string pct(const std::optional<double>& v) {
    if (!v) return "n/a";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", *v);
    return buf;
}

void figure(const std::string& label, const std::string& value, const std::string& detail) {
    const Palette& p = theme();
    ImGui::BeginGroup();
    ImGui::PushStyleColor(ImGuiCol_Text, im_vec(p.text_muted));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(label.c_str());
    ImGui::PopStyleColor();
    ImGui::PushFont(fonts().h1);
    ImGui::TextUnformatted(value.c_str());
    ImGui::PopFont();
    ImGui::TextUnformatted(detail.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    sem_text(Role::Text, label + ": " + value + ". " + detail);
    spacing(4);
}

// A table with headers, wrapped cells, described row by row.
// Column widths from the content: never narrower than a column's longest word (a
// header or a reference is not broken mid-word), as wide as its widest line when
// the row has room, the rest shared out by how much more each column would use.
// When even the longest words do not fit (a year of months, a phone) the columns keep
// those widths and the table scrolls sideways: false.
bool column_widths(const Table& t, float avail, std::vector<float>& widths) {
    const size_t cols = t.header.size();
    const float pad = 2 * ImGui::GetStyle().CellPadding.x + 2;
    std::vector<float> least(cols, 0.0f), most(cols, 0.0f);
    auto measure = [&](size_t c, const std::string& text, ImFont* font) {
        ImGui::PushFont(font);
        most[c] = std::max(most[c], ImGui::CalcTextSize(text.c_str()).x + pad);
        size_t start = 0;
        while (start <= text.size()) {
            size_t space = text.find(' ', start);
            if (space == std::string::npos) space = text.size();
            least[c] = std::max(least[c], ImGui::CalcTextSize(text.c_str() + start, text.c_str() + space).x + pad);
            start = space + 1;
        }
        ImGui::PopFont();
    };
    for (size_t c = 0; c < cols; ++c) measure(c, t.header[c], fonts().bold);
    for (const auto& row : t.rows)
        for (size_t c = 0; c < cols && c < row.size(); ++c) measure(c, row[c], fonts().body);
    float sum_least = 0, sum_most = 0;
    for (size_t c = 0; c < cols; ++c) {
        sum_least += least[c];
        sum_most += most[c];
    }
    widths.assign(cols, 0.0f);
    if (sum_most <= avail) {
        for (size_t c = 0; c < cols; ++c) widths[c] = most[c] + (avail - sum_most) / float(cols);
    } else if (sum_least >= avail) {
        widths = least;
        return false;
    } else {
        const float extra = avail - sum_least, wanted = sum_most - sum_least;
        for (size_t c = 0; c < cols; ++c) widths[c] = least[c] + extra * (most[c] - least[c]) / wanted;
    }
    return true;
}

// The height a table needs at these widths (a sideways-scrolling table is sized, not grown).
float table_height(const Table& t, const std::vector<float>& widths) {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float pad = 2 * st.CellPadding.x + 2;
    auto row_height = [&](const std::vector<std::string>& cells, ImFont* font) {
        float h = 0;
        ImGui::PushFont(font);
        for (size_t c = 0; c < cells.size() && c < widths.size(); ++c)
            h = std::max(h, ImGui::CalcTextSize(cells[c].c_str(), nullptr, false, widths[c] - pad).y);
        ImGui::PopFont();
        return h + 2 * st.CellPadding.y + 1;
    };
    float h = row_height(t.header, fonts().bold);
    for (const auto& row : t.rows) h += row_height(row, fonts().body);
    return h + st.ScrollbarSize + 4;
}

void table(const Table& t) {
    heading(t.title, 3);
    if (!t.caption.empty()) paragraph(t.caption, true);
    if (t.rows.empty()) {
        paragraph("Nothing to show for this period.", true);
        return;
    }
    int cols = int(t.header.size());
    if (cols == 0) return;
    sem_push(Role::Table, t.title, int(t.rows.size()) + 1);
    std::vector<float> widths;
    const float avail = ImGui::GetContentRegionAvail().x;
    // Less a pixel per column line and the outer borders (ImGui shrinks columns that overrun).
    const bool fits = column_widths(t, avail - float(cols) - 4, widths);
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit |
                            ImGuiTableFlags_NoHostExtendX;
    if (!fits) flags = (flags & ~ImGuiTableFlags_NoHostExtendX) | ImGuiTableFlags_ScrollX;  // a scrollbar, one pointer (2.5.7)
    if (ImGui::BeginTable(t.id.c_str(), cols, flags, fits ? ImVec2(0, 0) : ImVec2(avail, table_height(t, widths)))) {
        for (int c = 0; c < cols; ++c)
            ImGui::TableSetupColumn(t.header[size_t(c)].c_str(), ImGuiTableColumnFlags_WidthFixed,
                                    widths[size_t(c)] - 2 * ImGui::GetStyle().CellPadding.x);
        ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
        sem_set_row(1, int(t.rows.size()) + 1);
        sem_push(Role::Row, "header");
        for (int c = 0; c < cols; ++c) {
            ImGui::TableSetColumnIndex(c);
            ImGui::PushFont(fonts().bold);
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(t.header[size_t(c)].c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopFont();
            sem_text(Role::ColumnHeader, t.header[size_t(c)]);
        }
        sem_pop();
        for (size_t r = 0; r < t.rows.size(); ++r) {
            ImGui::TableNextRow();
            sem_set_row(int(r) + 2, int(t.rows.size()) + 1);
            sem_push(Role::Row, t.rows[r].empty() ? std::string() : t.rows[r][0]);
            for (int c = 0; c < cols && c < int(t.rows[r].size()); ++c) {
                ImGui::TableSetColumnIndex(c);
                ImGui::PushTextWrapPos(0.0f);
                ImGui::TextUnformatted(t.rows[r][size_t(c)].c_str());
                ImGui::PopTextWrapPos();
                sem_text(Role::Cell, t.rows[r][size_t(c)]);
            }
            sem_pop();
        }
        ImGui::EndTable();
    }
    sem_pop();
    sem_set_row(-1, -1);
}

// Monthly bars (stage 1 received) with a line (responses within timescale).
void month_chart(const Report& r) {
    const Palette& p = theme();
    if (r.months.empty()) return;
    heading("Complaints by month", 3);
    std::string alt = "Bar chart of stage 1 complaints received each month, with a line for responses within the "
                      "Code's timescales. The same figures are in the table below.";
    float w = ImGui::GetContentRegionAvail().x;
    float h = std::min(260.0f, std::max(160.0f, w * 0.4f));
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(w, h + ImGui::GetTextLineHeight() * 2));
    sem_item(Role::Image, alt);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    int peak = 1;
    for (const MonthFigures& m : r.months) peak = std::max({peak, m.stage1_received, m.responses_within_extended});
    const float left = 36, bottom = ImGui::GetTextLineHeight() + 6;
    const float cw = (w - left) / float(r.months.size());
    dl->AddLine(ImVec2(at.x + left, at.y + h), ImVec2(at.x + w, at.y + h), im_col(p.border), 2);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%d", peak);
    dl->AddText(ImVec2(at.x, at.y), im_col(p.text_muted), buf);
    dl->AddText(ImVec2(at.x, at.y + h - ImGui::GetTextLineHeight()), im_col(p.text_muted), "0");
    ImVec2 prev;
    for (size_t i = 0; i < r.months.size(); ++i) {
        const MonthFigures& m = r.months[i];
        float x0 = at.x + left + cw * float(i) + cw * 0.15f, x1 = at.x + left + cw * float(i + 1) - cw * 0.15f;
        float bh = (h - 4) * float(m.stage1_received) / float(peak);
        dl->AddRectFilled(ImVec2(x0, at.y + h - bh), ImVec2(x1, at.y + h), im_col(p.chart[0]));
        ImVec2 pt(at.x + left + cw * (float(i) + 0.5f), at.y + h - (h - 4) * float(m.responses_within_extended) / float(peak));
        if (i) dl->AddLine(prev, pt, im_col(p.chart[1]), 3);
        dl->AddCircleFilled(pt, 4, im_col(p.chart[1]));
        prev = pt;
        if (cw > 28 || i % 3 == 0) {
            const char* mn = month_name(m.month);
            char lab[8];
            std::snprintf(lab, sizeof lab, "%.3s", mn);
            dl->AddText(ImVec2(x0, at.y + h + 4), im_col(p.text_muted), lab);
        }
    }
    (void)bottom;
    // Legend in words.
    float ly = at.y + h + ImGui::GetTextLineHeight() + 8;
    dl->AddRectFilled(ImVec2(at.x + left, ly + 4), ImVec2(at.x + left + 14, ly + 18), im_col(p.chart[0]));
    dl->AddText(ImVec2(at.x + left + 20, ly), im_col(p.text), "Received");
    float lx = at.x + left + 40 + ImGui::CalcTextSize("Received").x;
    dl->AddLine(ImVec2(lx, ly + 11), ImVec2(lx + 18, ly + 11), im_col(p.chart[1]), 3);
    dl->AddText(ImVec2(lx + 24, ly), im_col(p.text), "Answered within timescale");
    spacing(ImGui::GetTextLineHeight());
}

}  // namespace

void draw_reports(App& app) {
    AppState& s = *app.state;
    const Dataset& d = data(app);
    ReportsState& rs = s.reports;
    sem_title("Reports — Doorstep");
    heading("Reports", 1);

    int fy = financial_year_of(s.today);
    std::vector<std::string> periods = {"This financial year (" + financial_year(fy).label + ")",
                                        "Last financial year (" + financial_year(fy - 1).label + ")", "This quarter",
                                        "Dates I choose"};
    radio_choice("Period", rs.period, periods);
    Period period;
    if (rs.period == 0) period = financial_year(fy);
    else if (rs.period == 1) period = financial_year(fy - 1);
    else if (rs.period == 2) {
        int q = ((s.today.month() + 8) % 12) / 3 + 1;  // April–June = 1
        period = financial_quarter(fy, q);
    } else {
        if (!rs.from) rs.from = financial_year(fy).from;
        if (!rs.to) rs.to = s.today;
        date_field("From", rs.from);
        date_field("To", rs.to);
        if (*rs.to < *rs.from) {
            notice("The end date is before the start date.", theme().error, Role::Alert);
            return;
        }
        period = custom_period(*rs.from, *rs.to);
    }

    // Built when the period or the data changes, not every frame.
    static Report report;
    static int32_t built_from = -1, built_to = -1;
    static uint64_t built_gen = 0;
    static int32_t built_day = -1;
    if (built_from != period.from.serial() || built_to != period.to.serial() || built_gen != s.generation ||
        built_day != s.today.serial()) {
        ReportOptions o;
        o.period = period;
        o.today = s.today;  // a period still running is judged as at today
        report = build_report(d, o);
        built_from = period.from.serial();
        built_to = period.to.serial();
        built_gen = s.generation;
        built_day = s.today.serial();
    }
    const Report& r = report;
    paragraph(r.period.label + ". " + std::to_string(r.cases_considered) + " records considered." +
                  (r.sample_data ? " Built from sample data." : ""),
              true);

    // 8.1a: the annual report carries the year's self-assessment, as the CLI's does.
    static const auto provisions = load_code_provisions();
    OutputOptions oo;
    if (const SelfAssessment* a = assessment_for_year(d, financial_year_of(period.from)); a && provisions) {
        oo.assessment = a;
        oo.provisions = &provisions.value();
    }
    if (button("Download the annual report (HTML)", ButtonStyle::Primary) && app.host.download) {
        app.host.download("complaints-report-" + to_iso(period.from) + ".html", "text/html", report_html(r, oo));
        say(app, "Report downloaded.");
    }
    ButtonOptions csv;
    csv.same_line = true;
    if (button("Download tables (CSV)", csv) && app.host.download) {
        app.host.download("complaints-report-" + to_iso(period.from) + ".csv", "text/csv", report_csv(r, oo));
        say(app, "Tables downloaded.");
    }
    // 9.6, 9.7: the pack for the governing body and the Member Responsible for Complaints.
    if (button("Download the governing-body pack (HTML)") && app.host.download) {
        OutputOptions pack;
        pack.document = ReportDocument::GoverningBody;
        app.host.download("governing-body-pack-" + to_iso(period.from) + ".html", "text/html", report_html(r, pack));
        say(app, "Governing-body pack downloaded.");
    }

    heading("Tenant Satisfaction Measures", 2);
    const Tsm& t = r.tsm;
    figure("CH01 stage 1 complaints per 1,000 homes", pct(t.ch01_stage1_per_1000),
           std::to_string(t.stage1_received) + " received, " + std::to_string(t.homes) + " homes");
    figure("CH01 stage 2 complaints per 1,000 homes", pct(t.ch01_stage2_per_1000),
           std::to_string(t.stage2_received) + " received");
    figure("CH02 stage 1 answered within the Code's timescale", percent_text(t.ch02_stage1_within),
           std::to_string(t.ch02_stage1_within.numerator) + " of " + std::to_string(t.ch02_stage1_within.denominator) +
               "; as extended under the Code: " + percent_text(t.ch02_stage1_within_extended));
    figure("CH02 stage 2 answered within the Code's timescale", percent_text(t.ch02_stage2_within),
           std::to_string(t.ch02_stage2_within.numerator) + " of " + std::to_string(t.ch02_stage2_within.denominator) +
               "; as extended under the Code: " + percent_text(t.ch02_stage2_within_extended));
    if (t.homes == 0) paragraph("Set the number of homes owned in Settings to work out CH01.", true);

    month_chart(r);

    heading("Tables", 2);
    for (const Table& tb : report_tables(r, oo)) table(tb);
}

}  // namespace doorstep::ui
