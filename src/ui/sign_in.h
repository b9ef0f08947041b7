// Who is signed in on this device, and the lock (21.7). The state lives in ui::App
// itself, not in AppState: a device whose cases are sealed shows the lock screen
// before its store is even opened. The platform does the cryptography (Host::keys);
// the app decides when to lock and what a locked screen shows: nothing of a case.
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace doorstep::ui {

// Someone who can unlock this device with their own passphrase.
struct Officer {
    std::string id;
    std::string name;
};

enum class UnlockOutcome { Unlocked, WrongPassphrase, MustWait, Failed };

// What the platform's keyring offers (the browser: keyring.js). Empty functions:
// this platform has no sign-in (native tests, the CLI), and nothing locks.
struct KeyringHost {
    bool set_up = false;             // at least one officer can unlock: saved files are sealed
    std::vector<Officer> officers;   // in the order they were added
    // done(outcome, text): text is the officer's name when unlocked, the seconds to
    // wait for MustWait, or what went wrong.
    std::function<void(const std::string& officer_id, const std::string& passphrase,
                       std::function<void(UnlockOutcome, const std::string& text)>)> unlock;
    // The first officer turns sealing on (every saved file is written again, sealed);
    // later ones get a copy of the same key. done(ok, officer id or what went wrong).
    std::function<void(const std::string& name, const std::string& passphrase,
                       std::function<void(bool ok, const std::string& text)>)> enrol;
    std::function<void(const std::string& officer_id, std::function<void(bool ok, const std::string& text)>)> remove;
    std::function<void(int minutes)> set_idle_minutes;  // the idle lock's time (the platform watches input)
    std::function<void()> locked;                        // the app has locked: stop watching until unlocked
    std::function<void()> open_store;  // unlocked at start: read the sealed files, then app_init
};

// The lock screen's form.
struct LockForm {
    int chosen = 0;                  // index into officers
    std::string passphrase;
    std::string problem;             // why the last try failed, in words
    bool busy = false;               // a passphrase is being checked
    bool focus = true;               // the passphrase field takes the focus
};

// Settings' "Sign-in and lock" forms.
struct EnrolForm {
    std::string name;
    std::string passphrase;
    std::string again;
    std::string problem;
    bool busy = false;
};

struct SignIn {
    bool locked = false;
    std::string officer_id;          // who unlocked last (empty: nobody yet)
    std::string officer_name;
    LockForm form;
    EnrolForm enrol;
    int idle_minutes_sent = 0;       // what the platform was last told
};

}  // namespace doorstep::ui
