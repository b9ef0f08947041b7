#include "core/document/html.h"

namespace doorstep {

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char ch : text) {
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += ch;
        }
    }
    return out;
}

std::string html_page(std::string_view title, std::string_view css, std::string_view body_html, std::string_view body_class) {
    std::string h = "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"";
    h += kDocumentCsp;
    h += "\">\n<title>" + html_escape(title) + "</title>\n<style>";
    h += css;
    h += "</style>\n</head>\n";
    h += body_class.empty() ? std::string("<body>\n") : "<body class=\"" + html_escape(body_class) + "\">\n";
    h += body_html;
    h += "</body>\n</html>\n";
    return h;
}

std::string html_heading(int level, std::string_view inner_html, std::string_view id) {
    const std::string n = std::to_string(level);
    std::string h = "<h" + n;
    if (!id.empty()) h += " id=\"" + html_escape(id) + "\"";
    h += ">";
    h += inner_html;
    return h + "</h" + n + ">\n";
}

namespace {

std::string attribute(const char* name, const std::string& value) {
    return value.empty() ? std::string() : std::string(" ") + name + "=\"" + html_escape(value) + "\"";
}

}  // namespace

std::string html_table(const HtmlTable& t) {
    std::string s = "<table" + attribute("id", t.id) + attribute("class", t.cls) + ">\n<caption" +
                    attribute("class", t.caption_cls) + ">" + t.caption_html + "</caption>\n<thead><tr>";
    for (const std::string& h : t.header_html) s += "<th scope=\"col\">" + h + "</th>";
    s += "</tr></thead>\n<tbody>\n";
    if (t.rows.empty() && !t.empty_html.empty())
        s += "<tr><td colspan=\"" + std::to_string(t.header_html.size()) + "\">" + t.empty_html + "</td></tr>\n";
    for (const auto& row : t.rows) {
        s += "<tr>";
        for (size_t i = 0; i < row.size(); ++i) {
            const bool head = i == 0 && t.row_headers;
            s += std::string(head ? "<th scope=\"row\"" : "<td") + attribute("class", row[i].cls) + ">" + row[i].html +
                 (head ? "</th>" : "</td>");
        }
        s += "</tr>\n";
    }
    return s + "</tbody>\n</table>\n";
}

}  // namespace doorstep
