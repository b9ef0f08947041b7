#include "core/letters/letter_template.h"

#include <cctype>

namespace doorstep {

bool TemplateValue::truthy() const {
    switch (type) {
        case Type::Text: return !text.empty();
        case Type::Flag: return flag;
        case Type::List: return !items.empty();
    }
    return false;
}

namespace {

struct Tag {
    size_t start = 0, end = 0;  // [start, end) covers "{{...}}"
    char sigil = 0;             // 0 for a value, or '#', '^', '/', '!'
    std::string name;
    int line = 1;
};

bool is_blank(std::string_view s) {
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\r') return false;
    return true;
}

bool valid_name(const std::string& n) {
    if (n.empty()) return false;
    for (char c : n)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.')) return false;
    return true;
}

std::string where(const std::string& name, int line) {
    return name + ", line " + std::to_string(line);
}

}  // namespace

Result<LetterTemplate> parse_template(std::string_view src, std::string name) {
    // 1. Find the tags, counting lines as we go.
    std::vector<Tag> tags;
    int line = 1;
    for (size_t i = 0; i < src.size();) {
        if (src.compare(i, 2, "{{") == 0) {
            const size_t close = src.find("}}", i + 2);
            if (close == std::string_view::npos)
                return Error{where(name, line), "\"{{\" is never closed with \"}}\""};
            Tag t;
            t.start = i;
            t.end = close + 2;
            t.line = line;
            std::string inner(src.substr(i + 2, close - i - 2));
            // Only a comment may run over several lines.
            if (inner.find('\n') != std::string::npos && (inner.empty() || inner[0] != '!'))
                return Error{where(name, line), "a placeholder runs over the end of the line; close it with \"}}\" on the same line"};
            if (!inner.empty() && (inner[0] == '#' || inner[0] == '^' || inner[0] == '/' || inner[0] == '!')) {
                t.sigil = inner[0];
                inner.erase(0, 1);
            }
            // Trim spaces: "{{ name }}" is accepted.
            size_t a = inner.find_first_not_of(" \t"), b = inner.find_last_not_of(" \t");
            t.name = a == std::string::npos ? "" : inner.substr(a, b - a + 1);
            if (t.sigil != '!' && !valid_name(t.name))
                return Error{where(name, line), "\"{{" + std::string(src.substr(i + 2, close - i - 2)) +
                                                    "}}\" is not a placeholder name (letters, digits and _ only)"};
            tags.push_back(std::move(t));
            for (char ch : inner) line += ch == '\n';
            i = close + 2;
            continue;
        }
        if (src[i] == '\n') ++line;
        ++i;
    }

    // 2. A line holding only a section tag or a comment disappears entirely.
    std::vector<bool> removed(src.size(), false);
    for (const Tag& t : tags) {
        if (t.sigil == 0) continue;
        const size_t ls = src.rfind('\n', t.start == 0 ? std::string_view::npos : t.start - 1);
        const size_t line_start = (t.start == 0 || ls == std::string_view::npos) ? 0 : ls + 1;
        size_t line_end = src.find('\n', t.end);
        const bool has_newline = line_end != std::string_view::npos;
        if (!has_newline) line_end = src.size();
        if (!is_blank(src.substr(line_start, t.start - line_start)) || !is_blank(src.substr(t.end, line_end - t.end)))
            continue;
        for (size_t k = line_start; k < t.start; ++k) removed[k] = true;
        for (size_t k = t.end; k < line_end; ++k) removed[k] = true;
        if (has_newline) removed[line_end] = true;
    }

    // 3. Build the tree.
    LetterTemplate out;
    out.name = name;
    std::vector<std::vector<TemplateNode>*> stack{&out.nodes};
    std::vector<const Tag*> open;
    size_t pos = 0;
    int text_line = 1;
    auto add_text = [&](size_t from, size_t to) {
        std::string s;
        for (size_t k = from; k < to; ++k)
            if (!removed[k]) s += src[k];
        if (!s.empty()) {
            TemplateNode n;
            n.type = TemplateNode::Type::Text;
            n.text = std::move(s);
            n.line = text_line;
            stack.back()->push_back(std::move(n));
        }
    };
    for (const Tag& t : tags) {
        add_text(pos, t.start);
        pos = t.end;
        text_line = t.line;
        switch (t.sigil) {
            case '!': break;
            case 0: {
                TemplateNode n;
                n.type = TemplateNode::Type::Value;
                n.text = t.name;
                n.line = t.line;
                stack.back()->push_back(std::move(n));
                break;
            }
            case '#':
            case '^': {
                TemplateNode n;
                n.type = t.sigil == '#' ? TemplateNode::Type::Section : TemplateNode::Type::Inverted;
                n.text = t.name;
                n.line = t.line;
                stack.back()->push_back(std::move(n));
                stack.push_back(&stack.back()->back().children);
                open.push_back(&t);
                break;
            }
            case '/': {
                if (open.empty())
                    return Error{where(name, t.line), "\"{{/" + t.name + "}}\" closes a section that was never opened"};
                if (open.back()->name != t.name)
                    return Error{where(name, t.line), "\"{{/" + t.name + "}}\" closes the wrong section: \"" +
                                                          open.back()->name + "\" (opened on line " +
                                                          std::to_string(open.back()->line) + ") must close first"};
                open.pop_back();
                stack.pop_back();
                break;
            }
        }
    }
    add_text(pos, src.size());
    if (!open.empty())
        return Error{where(name, open.back()->line), "section \"" + open.back()->name +
                                                         "\" is never closed; add \"{{/" + open.back()->name + "}}\""};
    return out;
}

namespace {

using Scopes = std::vector<const TemplateFields*>;

const TemplateValue* lookup(const Scopes& scopes, const std::string& name) {
    for (auto it = scopes.rbegin(); it != scopes.rend(); ++it) {
        auto f = (*it)->find(name);
        if (f != (*it)->end()) return &f->second;
    }
    return nullptr;
}

void check_nodes(const std::vector<TemplateNode>& nodes, Scopes& scopes, const std::string& tname, Problems& out) {
    for (const TemplateNode& n : nodes) {
        if (n.type == TemplateNode::Type::Text) continue;
        const TemplateValue* v = lookup(scopes, n.text);
        if (!v) {
            out.push_back({where(tname, n.line), "\"" + n.text + "\" is not a name this letter knows"});
            continue;
        }
        if (n.type == TemplateNode::Type::Value) {
            if (v->type == TemplateValue::Type::List)
                out.push_back({where(tname, n.line), "\"" + n.text + "\" is a list: use it as a section, {{#" + n.text +
                                                         "}} ... {{/" + n.text + "}}"});
            continue;
        }
        if (n.type == TemplateNode::Type::Section && v->type == TemplateValue::Type::List && !v->items.empty()) {
            scopes.push_back(&v->items.front());
            check_nodes(n.children, scopes, tname, out);
            scopes.pop_back();
        } else {
            check_nodes(n.children, scopes, tname, out);
        }
    }
}

// Case text never carries our markers or other control characters.
void append_clean(std::string& out, const std::string& s) {
    for (char c : s) {
        const unsigned char u = static_cast<unsigned char>(c);
        if (u < 0x20 && c != '\n' && c != '\t') continue;
        if (c == '\t') { out += ' '; continue; }
        out += c;
    }
}

Status render_nodes(const std::vector<TemplateNode>& nodes, Scopes& scopes, const std::string& tname, std::string& out) {
    for (const TemplateNode& n : nodes) {
        if (n.type == TemplateNode::Type::Text) {
            append_clean(out, n.text);
            continue;
        }
        const TemplateValue* v = lookup(scopes, n.text);
        if (!v) return Error{where(tname, n.line), "\"" + n.text + "\" is not a name this letter knows"};
        switch (n.type) {
            case TemplateNode::Type::Value:
                if (v->type == TemplateValue::Type::List)
                    return Error{where(tname, n.line), "\"" + n.text + "\" is a list: use it as a section"};
                if (v->text.empty()) break;
                out += v->gap ? kGapOpen : kValueOpen;
                append_clean(out, v->text);
                out += v->gap ? kGapClose : kValueClose;
                break;
            case TemplateNode::Type::Section:
                if (v->type == TemplateValue::Type::List) {
                    for (const TemplateFields& item : v->items) {
                        scopes.push_back(&item);
                        Status s = render_nodes(n.children, scopes, tname, out);
                        scopes.pop_back();
                        if (!s) return s;
                    }
                } else if (v->truthy()) {
                    if (Status s = render_nodes(n.children, scopes, tname, out); !s) return s;
                }
                break;
            case TemplateNode::Type::Inverted:
                if (!v->truthy())
                    if (Status s = render_nodes(n.children, scopes, tname, out); !s) return s;
                break;
            case TemplateNode::Type::Text: break;
        }
    }
    return Status::ok();
}

}  // namespace

std::string mark_value(const std::string& s) {
    if (s.empty()) return s;
    std::string out(1, kValueOpen);
    append_clean(out, s);
    out += kValueClose;
    return out;
}

std::string mark_gap(const std::string& s) {
    std::string out(1, kGapOpen);
    append_clean(out, s);
    out += kGapClose;
    return out;
}

namespace {
void collect_names(const std::vector<TemplateNode>& nodes, std::set<std::string>& out) {
    for (const TemplateNode& n : nodes) {
        if (n.type == TemplateNode::Type::Text) continue;
        out.insert(n.text);
        collect_names(n.children, out);
    }
}
}  // namespace

std::set<std::string> template_names(const LetterTemplate& t) {
    std::set<std::string> out;
    collect_names(t.nodes, out);
    return out;
}

Problems check_template(const LetterTemplate& t, const TemplateFields& schema) {
    Problems out;
    Scopes scopes{&schema};
    check_nodes(t.nodes, scopes, t.name, out);
    return out;
}

Result<std::string> render_template(const LetterTemplate& t, const TemplateFields& fields) {
    std::string out;
    Scopes scopes{&fields};
    if (Status s = render_nodes(t.nodes, scopes, t.name, out); !s) return s.error();
    return out;
}

}  // namespace doorstep
