// The four functions ImGui calls when built with IMGUI_ENABLE_TEST_ENGINE
// (see ui/imconfig_doorstep.h). They fire only while GImGui->TestEngineHookItems is true.
// Minimal for now: they count what was submitted and keep labels so that
// ImGui's debug tools can name items. The semantics layer will build on them.
#include "imgui.h"
#include "imgui_internal.h"

#include <string>
#include <unordered_map>

namespace {
std::unordered_map<ImGuiID, std::string> g_labels;  // id -> last label seen
}

void ImGuiTestEngineHook_ItemAdd(ImGuiContext*, ImGuiID, const ImRect&, const ImGuiLastItemData*) {}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
    if (id != 0 && label) g_labels[id] = label;
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID id) {
    auto it = g_labels.find(id);
    return it == g_labels.end() ? nullptr : it->second.c_str();
}
