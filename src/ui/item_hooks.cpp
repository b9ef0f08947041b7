// The four functions ImGui calls when built with IMGUI_ENABLE_TEST_ENGINE
// (see ui/imconfig_doorstep.h). They fire only while GImGui->TestEngineHookItems
// is true, which sem_begin_frame() sets. Every item with an id is reported to the
// semantics layer (semantics.cpp), which adds to the tree the labelled items a
// screen forgot to describe, so nothing a person can press is missing.
#include "ui/semantics_internal.h"

#include "imgui.h"
#include "imgui_internal.h"

// Before clipping: visibility comes from the window's clip rectangle.
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*) {
    if (id == 0) return;
    const ImGuiWindow* w = ctx ? ctx->CurrentWindow : nullptr;
    const bool clipped = w && !bb.Overlaps(w->ClipRect);
    doorstep::ui::sem_hook_item_add(id, bb.Min.x, bb.Min.y, bb.Max.x, bb.Max.y, clipped);
}

// The raw label ("##" suffixes included) and status flags (checkable, checked, openable, opened, inputable).
void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    if (id != 0) doorstep::ui::sem_hook_item_info(id, label, int(flags));
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

// ImGui's debug tools name items with this frame's labels.
const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID id) { return doorstep::ui::sem_hook_label(id); }
