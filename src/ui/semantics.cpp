// The per-frame semantics tree: screens describe what they draw (sem_item,
// sem_text, sem_push), ImGui's item hooks (item_hooks.cpp) report every item
// with an id, and sem_end_frame() adds the clickable items a screen forgot.
#include "ui/semantics.h"
#include "ui/semantics_internal.h"

#include "core/base/json_string.h"

#include "imgui.h"
#include "imgui_internal.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

namespace doorstep::ui {

namespace {

struct Builder {
    SemanticsTree building;
    SemanticsTree done;
    std::vector<uint32_t> stack;             // open containers (node ids)
    std::vector<size_t> stack_nodes;         // their index in building.nodes
    int row_index = -1, row_count = -1;
    std::unordered_set<uint32_t> described;  // ids the screens described this frame
    std::vector<HookItem> hook_items;        // every item ImGui reported this frame
    std::unordered_map<uint32_t, size_t> hook_index;
    std::string pending_polite, pending_alert;
    uint32_t pending_focus_node = 0;
    std::unordered_map<uint32_t, std::string> value_requests;  // from the DOM mirror / on-screen keyboard
    bool in_frame = false;
    bool collecting = true;  // off only in benchmarks (sem_set_collecting)
};

Builder& B() {
    static Builder b;
    return b;
}

uint64_t fnv1a(const std::string& s, uint64_t h = 1469598103934665603ull) {
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

// A stable id for something ImGui gives none (a heading, a paragraph): the text
// hashed in its window's id scope, bumped past collisions within the frame.
uint32_t synthetic_id(Role role, const std::string& text) {
    ImGuiContext* g = ImGui::GetCurrentContext();
    ImGuiID seed = 0x5e3a17u;
    if (g && g->CurrentWindow) seed = g->CurrentWindow->IDStack.back();
    ImGuiID id = ImHashStr(text.c_str(), text.size(), seed ^ (uint32_t(role) * 2654435761u));
    auto& b = B();
    while (id == 0 || b.described.count(id)) id = ImHashData(&id, sizeof id, 0x9e3779b9u);
    return id;
}

void append_number(std::string& out, float v) {
    // One decimal place, no "-0.0": deterministic across frames and platforms.
    long tenths = std::lround(double(v) * 10.0);
    char buf[32];
    if (tenths % 10 == 0)
        std::snprintf(buf, sizeof buf, "%ld", tenths / 10);
    else
        std::snprintf(buf, sizeof buf, "%s%ld.%ld", tenths < 0 ? "-" : "", std::labs(tenths) / 10, std::labs(tenths) % 10);
    out += buf;
}

bool rect_clipped(const ImRect& r, const ImRect& clip) {
    return r.Max.x <= clip.Min.x || r.Min.x >= clip.Max.x || r.Max.y <= clip.Min.y || r.Min.y >= clip.Max.y;
}

SemanticNode& add_node(Role role, uint32_t id, const ImRect& rect, bool clipped) {
    auto& b = B();
    SemanticNode n;
    n.id = id;
    n.parent = b.stack.empty() ? 0 : b.stack.back();
    n.role = role;
    n.row_index = b.row_index;
    n.row_count = b.row_count;
    n.x = rect.Min.x;
    n.y = rect.Min.y;
    n.w = rect.GetWidth();
    n.h = rect.GetHeight();
    if (clipped) n.state |= StateClipped;
    b.described.insert(id);
    b.building.nodes.push_back(std::move(n));
    return b.building.nodes.back();
}

ImRect current_clip() {
    ImGuiContext* g = ImGui::GetCurrentContext();
    if (!g || !g->CurrentWindow) return ImRect(-1e9f, -1e9f, 1e9f, 1e9f);
    return g->CurrentWindow->ClipRect;
}

Role role_from_hook(const HookItem& h) {
    if (h.flags & ImGuiItemStatusFlags_Checkable) return Role::Checkbox;
    if (h.flags & ImGuiItemStatusFlags_Inputable) return Role::TextField;
    return Role::Button;
}

// "Save##dialog" -> "Save"; "##hidden" -> "".
std::string visible_label(const std::string& raw) {
    size_t p = raw.find("##");
    return p == std::string::npos ? raw : raw.substr(0, p);
}

}  // namespace

const char* role_name(Role r) {
    switch (r) {
        case Role::Button: return "button";
        case Role::Checkbox: return "checkbox";
        case Role::Radio: return "radio";
        case Role::TextField: return "textbox";
        case Role::TextArea: return "textarea";
        case Role::NumberField: return "spinbutton";
        case Role::ComboBox: return "combobox";
        case Role::ListBox: return "listbox";
        case Role::Option: return "option";
        case Role::Tab: return "tab";
        case Role::TabList: return "tablist";
        case Role::Link: return "link";
        case Role::Heading: return "heading";
        case Role::Text: return "text";
        case Role::Table: return "table";
        case Role::Row: return "row";
        case Role::Cell: return "cell";
        case Role::ColumnHeader: return "columnheader";
        case Role::List: return "list";
        case Role::ListItem: return "listitem";
        case Role::Dialog: return "dialog";
        case Role::Alert: return "alert";
        case Role::Status: return "status";
        case Role::Group: return "group";
        case Role::Image: return "img";
        case Role::Slider: return "slider";
        case Role::Banner: return "banner";
        case Role::Navigation: return "navigation";
        case Role::Main: return "main";
    }
    return "generic";
}

void sem_begin_frame() {
    auto& b = B();
    if (!b.collecting) {
        b.in_frame = false;
        if (ImGuiContext* g = ImGui::GetCurrentContext()) g->TestEngineHookItems = false;
        return;
    }
    b.building = SemanticsTree{};
    b.stack.clear();
    b.stack_nodes.clear();
    b.row_index = b.row_count = -1;
    b.described.clear();
    b.hook_items.clear();
    b.hook_index.clear();
    b.in_frame = true;
    if (ImGuiContext* g = ImGui::GetCurrentContext()) g->TestEngineHookItems = true;
}

void sem_end_frame() {
    auto& b = B();
    if (!b.in_frame) return;  // collection is off (benchmarks): the last tree stays
    // Close anything a screen left open, so the next frame starts clean.
    b.stack.clear();
    b.stack_nodes.clear();

    // Items with a label that no screen described: add them so nothing a person
    // can press is missing from the mirror (marked, so tests can catch them).
    ImGuiContext* g = ImGui::GetCurrentContext();
    for (const HookItem& h : b.hook_items) {
        if (!h.has_info || b.described.count(h.id)) continue;
        if (g && ImGui::FindWindowByID(h.id)) continue;  // windows themselves are not controls
        std::string label = visible_label(h.label);
        if (label.empty()) continue;                     // scrollbars, invisible buttons
        SemanticNode n;
        n.id = h.id;
        n.role = role_from_hook(h);
        n.name = label;
        n.x = h.rect.Min.x;
        n.y = h.rect.Min.y;
        n.w = h.rect.GetWidth();
        n.h = h.rect.GetHeight();
        n.state = StateFromHook;
        if (h.flags & ImGuiItemStatusFlags_Checkable) n.state |= StateCheckable;
        if (h.flags & ImGuiItemStatusFlags_Checked) n.state |= StateChecked;
        if (h.flags & ImGuiItemStatusFlags_Openable) n.state |= StateExpandable;
        if (h.flags & ImGuiItemStatusFlags_Opened) n.state |= StateExpanded;
        if (h.clipped) n.state |= StateClipped;
        if (g && g->NavId == h.id) n.state |= StateFocused;
        b.building.nodes.push_back(std::move(n));
    }

    b.building.announce_polite = std::move(b.pending_polite);
    b.building.announce_alert = std::move(b.pending_alert);
    b.pending_polite.clear();
    b.pending_alert.clear();
    b.building.focus_node = b.pending_focus_node;
    b.pending_focus_node = 0;

    uint64_t h = fnv1a(sem_to_json(b.building, 1.0f));
    h = fnv1a(b.building.title, h);
    h = fnv1a(b.building.window_title, h);
    h = fnv1a(b.building.announce_polite, h);
    h = fnv1a(b.building.announce_alert, h);
    h = fnv1a(std::to_string(b.building.focus_node), h);
    b.building.hash = h;
    b.done = std::move(b.building);
    b.building = SemanticsTree{};
    b.in_frame = false;
}

const SemanticsTree& sem_tree() { return B().done; }

void sem_set_collecting(bool on) { B().collecting = on; }
bool sem_collecting() { return B().collecting; }

void sem_item(Role role, const std::string& name, const std::string& value, uint32_t state,
              const std::string& description) {
    ImGuiContext* g = ImGui::GetCurrentContext();
    if (!g || !B().in_frame) return;
    ImGuiID id = g->LastItemData.ID;
    ImRect rect = g->LastItemData.Rect;
    if (id == 0 || B().described.count(id)) id = synthetic_id(role, name);
    SemanticNode& n = add_node(role, id, rect, rect_clipped(rect, current_clip()));
    n.name = name;
    n.value = value;
    n.description = description;
    n.state |= state;
    if (g->NavId == id && g->NavWindow) n.state |= StateFocused;
    if (g->ActiveId == id) n.state |= StateActive;
}

void sem_text(Role role, const std::string& text, int level) {
    ImGuiContext* g = ImGui::GetCurrentContext();
    if (!g || !B().in_frame) return;
    ImRect rect = g->LastItemData.Rect;
    SemanticNode& n = add_node(role, synthetic_id(role, text), rect, rect_clipped(rect, current_clip()));
    n.name = text;
    n.level = uint8_t(std::clamp(level, 0, 6));
}

void sem_set_row(int row_index_1_based, int row_count) {
    B().row_index = row_index_1_based;
    B().row_count = row_count;
}

void sem_push(Role role, const std::string& name, int row_count) {
    auto& b = B();
    if (!b.in_frame) return;
    ImGuiContext* g = ImGui::GetCurrentContext();
    // A container spans what its children cover; its rectangle is fixed up at sem_pop.
    ImVec2 at = g && g->CurrentWindow ? g->CurrentWindow->DC.CursorPos : ImVec2(0, 0);
    uint32_t id = synthetic_id(role, name + "\x1f" + std::to_string(b.row_index));
    SemanticNode& n = add_node(role, id, ImRect(at, at), false);
    n.name = name;
    if (row_count >= 0) n.row_count = row_count;
    b.stack.push_back(id);
    b.stack_nodes.push_back(b.building.nodes.size() - 1);
    // Children carry their own row positions.
    b.row_index = -1;
    if (row_count < 0) b.row_count = -1;
}

void sem_pop() {
    auto& b = B();
    if (!b.in_frame || b.stack.empty()) return;
    size_t at = b.stack_nodes.back();
    b.stack.pop_back();
    b.stack_nodes.pop_back();
    SemanticNode& c = b.building.nodes[at];
    // Union of the children's rectangles.
    float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
    bool any = false, all_clipped = true;
    for (size_t i = at + 1; i < b.building.nodes.size(); ++i) {
        const SemanticNode& n = b.building.nodes[i];
        if (n.w <= 0 && n.h <= 0) continue;
        any = true;
        x0 = std::min(x0, n.x);
        y0 = std::min(y0, n.y);
        x1 = std::max(x1, n.x + n.w);
        y1 = std::max(y1, n.y + n.h);
        if (!(n.state & StateClipped)) all_clipped = false;
    }
    if (any) {
        c.x = x0;
        c.y = y0;
        c.w = x1 - x0;
        c.h = y1 - y0;
        if (all_clipped) c.state |= StateClipped;
    }
    b.row_index = -1;
    b.row_count = -1;
    if (!b.stack_nodes.empty()) {
        const SemanticNode& parent = b.building.nodes[b.stack_nodes.back()];
        if (parent.row_count >= 0) b.row_count = parent.row_count;
    }
}

void sem_title(const std::string& title, const std::string& window_title) {
    if (!B().in_frame) return;
    B().building.title = title;
    B().building.window_title = window_title.empty() ? title : window_title;
}

void sem_announce(const std::string& text, bool assertive) {
    auto& b = B();
    std::string& slot = assertive ? b.pending_alert : b.pending_polite;
    if (!slot.empty()) slot += " ";
    slot += text;
}

void sem_focus_node(uint32_t id) { B().pending_focus_node = id; }

const char* input_purpose_name(InputPurpose p) {
    switch (p) {
        case InputPurpose::Text: return "text";
        case InputPurpose::Sentences: return "sentences";
        case InputPurpose::Name: return "name";
        case InputPurpose::Phone: return "tel";
        case InputPurpose::Email: return "email";
        case InputPurpose::Postcode: return "postcode";
        case InputPurpose::Reference: return "reference";
        case InputPurpose::Date: return "date";
        case InputPurpose::Number: return "decimal";
        case InputPurpose::Url: return "url";
        case InputPurpose::Passphrase: return "passphrase";
    }
    return "text";
}

void sem_input(InputPurpose purpose) {
    auto& b = B();
    if (b.in_frame && !b.building.nodes.empty()) b.building.nodes.back().input = purpose;
}

uint32_t sem_last_node_id() {
    auto& b = B();
    return b.building.nodes.empty() ? 0 : b.building.nodes.back().id;
}

void sem_request_value(uint32_t id, const std::string& value) { B().value_requests[id] = value; }

bool sem_take_value_request(uint32_t id, std::string& value) {
    auto& b = B();
    if (b.value_requests.empty()) return false;
    auto it = b.value_requests.find(id);
    if (it == b.value_requests.end()) return false;
    value = std::move(it->second);
    b.value_requests.erase(it);
    return true;
}

const SemanticNode* sem_find_by_name(const std::string& name_or_id) {
    const auto& nodes = B().done.nodes;
    // Exact name, preferring what is on screen; then an id; then a case-insensitive prefix.
    const SemanticNode* clipped = nullptr;
    for (const SemanticNode& n : nodes) {
        if (n.name != name_or_id) continue;
        if (!(n.state & StateClipped)) return &n;
        if (!clipped) clipped = &n;
    }
    if (clipped) return clipped;
    if (!name_or_id.empty() && std::all_of(name_or_id.begin(), name_or_id.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        unsigned long id = std::strtoul(name_or_id.c_str(), nullptr, 10);
        for (const SemanticNode& n : nodes)
            if (n.id == id) return &n;
    }
    auto lower = [](std::string s) {
        for (char& c : s) c = char(std::tolower((unsigned char)c));
        return s;
    };
    std::string want = lower(name_or_id);
    if (want.empty()) return nullptr;
    for (const SemanticNode& n : nodes)
        if (!(n.state & StateClipped) && lower(n.name).compare(0, want.size(), want) == 0) return &n;
    return nullptr;
}

std::string sem_to_json(const SemanticsTree& tree, float css_scale) {
    static const std::pair<uint32_t, const char*> kStates[] = {
        {StateChecked, "checked"},   {StateCheckable, "checkable"}, {StateSelected, "selected"},
        {StateExpanded, "expanded"}, {StateExpandable, "expandable"}, {StateDisabled, "disabled"},
        {StateRequired, "required"}, {StateInvalid, "invalid"},     {StateFocused, "focused"},
        {StateMultiline, "multiline"}, {StateReadOnly, "readonly"}, {StateClipped, "clipped"},
        {StateFromHook, "from_hook"}, {StateActive, "active"},
    };
    const float s = css_scale > 0 ? css_scale : 1.0f;
    std::string out;
    out.reserve(tree.nodes.size() * 96 + 2);
    out += '[';
    bool first = true;
    for (const SemanticNode& n : tree.nodes) {
        if (!first) out += ',';
        first = false;
        out += "{\"id\":";
        out += std::to_string(n.id);
        out += ",\"parent\":";
        out += std::to_string(n.parent);
        out += ",\"role\":\"";
        out += role_name(n.role);
        out += "\",\"name\":";
        append_json_string(out, n.name);
        if (!n.value.empty()) {
            out += ",\"value\":";
            append_json_string(out, n.value);
        }
        if (!n.description.empty()) {
            out += ",\"description\":";
            append_json_string(out, n.description);
        }
        if (n.level) {
            out += ",\"level\":";
            out += std::to_string(n.level);
        }
        if (n.row_index >= 0) {
            out += ",\"row_index\":";
            out += std::to_string(n.row_index);
        }
        if (n.row_count >= 0) {
            out += ",\"row_count\":";
            out += std::to_string(n.row_count);
        }
        if (n.input != InputPurpose::Text) {
            out += ",\"input\":\"";
            out += input_purpose_name(n.input);
            out += '"';
        }
        out += ",\"x\":";
        append_number(out, n.x * s);
        out += ",\"y\":";
        append_number(out, n.y * s);
        out += ",\"w\":";
        append_number(out, n.w * s);
        out += ",\"h\":";
        append_number(out, n.h * s);
        if (n.state) {
            out += ",\"state\":";
            out += std::to_string(n.state);
            for (const auto& [bit, key] : kStates) {
                if (!(n.state & bit)) continue;
                out += ",\"";
                out += key;
                out += "\":true";
            }
        }
        out += '}';
    }
    out += ']';
    return out;
}

// --- item hooks (called from item_hooks.cpp) ---------------------------------

void sem_hook_item_add(uint32_t id, float x0, float y0, float x1, float y1, bool clipped) {
    auto& b = B();
    if (!b.in_frame || id == 0) return;
    auto it = b.hook_index.find(id);
    if (it != b.hook_index.end()) {
        HookItem& h = b.hook_items[it->second];
        h.rect = ImRect(x0, y0, x1, y1);
        h.clipped = clipped;
        return;
    }
    HookItem h;
    h.id = id;
    h.rect = ImRect(x0, y0, x1, y1);
    h.clipped = clipped;
    b.hook_index.emplace(id, b.hook_items.size());
    b.hook_items.push_back(std::move(h));
}

void sem_hook_item_info(uint32_t id, const char* label, int flags) {
    auto& b = B();
    if (!b.in_frame || id == 0) return;
    auto it = b.hook_index.find(id);
    if (it == b.hook_index.end()) {
        sem_hook_item_add(id, 0, 0, 0, 0, true);
        it = b.hook_index.find(id);
    }
    HookItem& h = b.hook_items[it->second];
    h.has_info = true;
    h.label = label ? label : "";
    h.flags = flags;
}

const char* sem_hook_label(uint32_t id) {
    auto& b = B();
    auto it = b.hook_index.find(id);
    if (it == b.hook_index.end() || !b.hook_items[it->second].has_info) return nullptr;
    return b.hook_items[it->second].label.c_str();
}

size_t sem_hook_item_count() { return B().hook_items.size(); }

}  // namespace doorstep::ui
