// The browser side of sign-in (21.6, 21.7): fills ui::Host::keys from keyring.js
// (a --js-library) and keeps its officers list current. Only src/platform/web uses it.
#pragma once

namespace doorstep::ui { struct App; }

namespace doorstep::web {

// Fills app.host.keys (unlock, enrol, remove, idle time, locked) and the protected
// exports (app.host.download_protected, open_protected). open_store is the
// caller's: what to do once an officer unlocks a device whose files are still sealed.
void keyring_install(ui::App& app);

// Each frame: the officers who can unlock and whether files are sealed, when changed.
void keyring_refresh(ui::App& app);

}  // namespace doorstep::web
