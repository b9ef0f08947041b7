#include "platform/web/keyring_web.h"

#include "platform/web/js_text.h"
#include "platform/web/redraw.h"
#include "ui/app.h"

#include <algorithm>
#include <functional>
#include <string>
#include <utility>

// keyring.js
extern "C" {
int doorstep_keys_enabled();
int doorstep_keys_generation();
int doorstep_keys_officers(char* buf, int cap);
int doorstep_keys_message(char* buf, int cap);
void doorstep_keys_unlock(const char* id, const char* passphrase, void (*cb)(int outcome, int unused));
void doorstep_keys_enrol(const char* name, const char* passphrase, void (*cb)(int ok, int unused));
void doorstep_keys_remove(const char* id, void (*cb)(int ok, int unused));
void doorstep_keys_set_idle(int minutes, void (*cb)(int unused, int unused2));
void doorstep_keys_locked();
void doorstep_keys_download_protected(const char* name, const char* data, int size, const char* passphrase,
                                      void (*cb)(int ok, int unused));
void doorstep_keys_open_protected(const char* data, int size, const char* passphrase, void (*cb)(int ok, int size));
void doorstep_keys_opened_copy(char* dest);
}

namespace doorstep::web {

namespace {

ui::App* g_app = nullptr;
int g_generation = -1;

// One request of each kind at a time (the screens do not start a second while busy).
std::function<void(ui::UnlockOutcome, const std::string&)> g_unlock_done;
std::function<void(bool, const std::string&)> g_enrol_done;
std::function<void(bool, const std::string&)> g_remove_done;
std::function<void(bool, const std::string&)> g_protect_done;
std::function<void(bool, const std::string&)> g_open_done;

std::string message() { return js_text(doorstep_keys_message); }

void unlocked(int outcome, int) {
    auto done = std::move(g_unlock_done);
    g_unlock_done = nullptr;
    const ui::UnlockOutcome o = outcome == 1   ? ui::UnlockOutcome::Unlocked
                                : outcome == 0 ? ui::UnlockOutcome::WrongPassphrase
                                : outcome == 2 ? ui::UnlockOutcome::MustWait
                                               : ui::UnlockOutcome::Failed;
    if (g_app) keyring_refresh(*g_app);
    if (done) done(o, message());
    request_redraw(3);
}

void answer(std::function<void(bool, const std::string&)>& slot, int ok) {
    auto done = std::move(slot);
    slot = nullptr;
    if (g_app) keyring_refresh(*g_app);
    if (done) done(ok != 0, message());
    request_redraw(3);
}

void enrolled(int ok, int) { answer(g_enrol_done, ok); }
void removed(int ok, int) { answer(g_remove_done, ok); }

void protected_download(int ok, int) { answer(g_protect_done, ok); }

void protected_opened(int ok, int size) {
    auto done = std::move(g_open_done);
    g_open_done = nullptr;
    std::string text;
    if (ok) {
        text.resize(size_t(size));
        if (size > 0) doorstep_keys_opened_copy(text.data());
    } else {
        text = message();
    }
    if (done) done(ok != 0, text);
    request_redraw(3);
}

void idle(int, int) {
    if (g_app) ui::app_lock(*g_app);
    request_redraw(3);
}

}  // namespace

void keyring_install(ui::App& app) {
    g_app = &app;
    ui::KeyringHost& k = app.host.keys;
    k.unlock = [](const std::string& id, const std::string& pass,
                  std::function<void(ui::UnlockOutcome, const std::string&)> done) {
        g_unlock_done = std::move(done);
        doorstep_keys_unlock(id.c_str(), pass.c_str(), &unlocked);
    };
    k.enrol = [](const std::string& name, const std::string& pass, std::function<void(bool, const std::string&)> done) {
        g_enrol_done = std::move(done);
        doorstep_keys_enrol(name.c_str(), pass.c_str(), &enrolled);
    };
    k.remove = [](const std::string& id, std::function<void(bool, const std::string&)> done) {
        g_remove_done = std::move(done);
        doorstep_keys_remove(id.c_str(), &removed);
    };
    k.set_idle_minutes = [](int minutes) { doorstep_keys_set_idle(minutes, &idle); };
    k.locked = [] { doorstep_keys_locked(); };
    // Protected exports (21.6): the same WebCrypto, with the file's own passphrase.
    app.host.download_protected = [](const std::string& name, const std::string& bytes, const std::string& pass,
                                     std::function<void(bool, const std::string&)> done) {
        g_protect_done = std::move(done);
        doorstep_keys_download_protected(name.c_str(), bytes.data(), int(bytes.size()), pass.c_str(), &protected_download);
    };
    app.host.open_protected = [](const std::string& file, const std::string& pass,
                                 std::function<void(bool, const std::string&)> done) {
        g_open_done = std::move(done);
        doorstep_keys_open_protected(file.data(), int(file.size()), pass.c_str(), &protected_opened);
    };
    keyring_refresh(app);
}

void keyring_refresh(ui::App& app) {
    const int generation = doorstep_keys_generation();
    if (generation == g_generation) return;
    g_generation = generation;
    ui::KeyringHost& k = app.host.keys;
    k.set_up = doorstep_keys_enabled() != 0;
    k.officers.clear();
    const std::string lines = js_text(doorstep_keys_officers);
    size_t start = 0;
    while (start < lines.size()) {
        const size_t end = std::min(lines.find('\n', start), lines.size());
        const std::string line = lines.substr(start, end - start);
        const size_t tab = line.find('\t');
        if (tab != std::string::npos) k.officers.push_back(ui::Officer{line.substr(0, tab), line.substr(tab + 1)});
        start = end + 1;
    }
}

}  // namespace doorstep::web
