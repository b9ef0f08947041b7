#include "platform/web/hook.h"

#include "platform/web/redraw.h"
#include "core/base/json_string.h"
#include "ui/app.h"
#include "ui/semantics.h"

#include <emscripten/emscripten.h>

#include <cstdio>
#include <string>

// hook.js
extern "C" {
void doorstep_hook_attach();
void doorstep_hook_ready();
void doorstep_hook_fail(const char* reason);
}

namespace doorstep::web {

namespace {

ui::App* g_app = nullptr;
bool g_started = false;
bool g_ready = false;
std::string g_out;             // the last string handed to JS (read at once by hook.js)
std::string g_import_message;

}  // namespace

void hook_attach(ui::App* app) {
    g_app = app;
    doorstep_hook_attach();
}

void hook_app_started() { g_started = true; }

void hook_frame_drawn() {
    if (g_started && !g_ready) {
        g_ready = true;
        doorstep_hook_ready();
    }
}

void hook_fail(const char* reason) { doorstep_hook_fail(reason); }

}  // namespace doorstep::web

// Called from hook.js. Strings returned stay valid until the next call.
extern "C" {

using namespace doorstep;

EMSCRIPTEN_KEEPALIVE int doorstep_api_frames() { return web::frames_drawn(); }
EMSCRIPTEN_KEEPALIVE int doorstep_api_idle() { return web::frame_pending() ? 0 : 1; }

EMSCRIPTEN_KEEPALIVE const char* doorstep_api_export_json() {
    // Locked (21.7): nothing of a case leaves through the automation interface either.
    web::g_out = web::g_started && !ui::app_locked(*web::g_app) ? ui::app_export_json(*web::g_app) : std::string();
    return web::g_out.c_str();
}

EMSCRIPTEN_KEEPALIVE int doorstep_api_import_json(const char* text, int merge) {
    if (!web::g_started) {
        web::g_import_message = "Doorstep is still loading the saved cases: try again once it is ready.";
        return 0;
    }
    if (ui::app_locked(*web::g_app)) {
        web::g_import_message = "Doorstep is locked: sign in first.";
        return 0;
    }
    std::string message;
    const bool ok = ui::app_import_json(*web::g_app, text ? text : "", merge != 0, message);
    web::g_import_message = message;
    web::request_redraw(3);  // the screens show the imported cases (or the refusal)
    return ok ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* doorstep_api_import_message() { return web::g_import_message.c_str(); }

// One node as JSON (sem_to_json's object), or "" when there is none.
EMSCRIPTEN_KEEPALIVE const char* doorstep_api_widget(const char* label) {
    const ui::SemanticNode* n = ui::sem_find_by_name(label ? label : "");
    if (!n) {
        web::g_out.clear();
        return web::g_out.c_str();
    }
    ui::SemanticsTree one;
    one.nodes.push_back(*n);
    std::string array = ui::sem_to_json(one, 1.0f);  // "[{...}]"
    web::g_out = array.size() >= 2 ? array.substr(1, array.size() - 2) : std::string();
    return web::g_out.c_str();
}

EMSCRIPTEN_KEEPALIVE const char* doorstep_api_semantics() {
    const ui::SemanticsTree& tree = ui::sem_tree();
    std::string& j = web::g_out;
    j.clear();
    j += "{\"title\":";
    append_json_string(j, tree.title);
    j += ",\"window_title\":";
    append_json_string(j, tree.window_title);
    j += ",\"announce_polite\":";
    append_json_string(j, tree.announce_polite);
    j += ",\"announce_alert\":";
    append_json_string(j, tree.announce_alert);
    j += ",\"focus_node\":" + std::to_string(tree.focus_node);
    j += ",\"hash\":\"" + std::to_string(tree.hash) + "\"";
    j += ",\"nodes\":" + ui::sem_to_json(tree, 1.0f) + "}";
    return j.c_str();
}

// Benchmarks only (bench/web/browser.mjs): the semantics tree and the DOM mirror on
// or off from the next frame, to measure what they add to a frame. Not in the UI.
EMSCRIPTEN_KEEPALIVE int doorstep_api_bench_semantics(int on) {
    ui::sem_set_collecting(on != 0);
    web::request_redraw(3);
    return ui::sem_collecting() ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE const char* doorstep_api_last_message() {
    web::g_out = web::g_started ? ui::app_last_message(*web::g_app) : std::string();
    return web::g_out.c_str();
}

}
