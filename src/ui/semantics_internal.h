// Between the semantics builder and ImGui's item hooks (item_hooks.cpp), and
// for widgets that take a value the DOM mirror sent. Not for screens.
#pragma once
#include "imgui.h"
#include "imgui_internal.h"

#include <cstddef>
#include <cstdint>
#include <string>

namespace doorstep::ui {

struct HookItem {
    uint32_t id = 0;
    ImRect rect;
    bool clipped = false;
    bool has_info = false;    // ItemInfo came: the item has a label and flags
    std::string label;        // raw, "##" suffixes included
    int flags = 0;            // ImGuiItemStatusFlags
};

void sem_hook_item_add(uint32_t id, float x0, float y0, float x1, float y1, bool clipped);
void sem_hook_item_info(uint32_t id, const char* label, int flags);
const char* sem_hook_label(uint32_t id);
size_t sem_hook_item_count();

// A text field takes the whole value the mirror asked for (sem_request_value).
bool sem_take_value_request(uint32_t id, std::string& value);

}  // namespace doorstep::ui
