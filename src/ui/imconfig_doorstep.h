// Dear ImGui configuration for Doorstep, seen by every ImGui file and ours
// (the build passes IMGUI_USER_CONFIG="ui/imconfig_doorstep.h").
#pragma once

// ImGui then calls the four ImGuiTestEngine* hooks for every item it submits;
// Doorstep implements them itself (src/ui/item_hooks.cpp) to know what is on screen:
// the automation interface and the accessibility layer build on them.
#define IMGUI_ENABLE_TEST_ENGINE

// Keep the API to the current names only.
#define IMGUI_DISABLE_OBSOLETE_FUNCTIONS
#define IMGUI_DISABLE_OBSOLETE_KEYIO
