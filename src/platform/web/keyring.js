/**
 * Doorstep's keyring (a --js-library; C++ side: keyring_web.h): who can unlock this
 * device, the data key that seals every saved file, and the idle lock (21.6, 21.7).
 *
 * - One random AES-GCM-256 data key per device. Each officer who can unlock holds a
 *   copy of it wrapped (AES-GCM) by a key derived from their own passphrase with
 *   PBKDF2-SHA-256 at 600,000 iterations and a random 16-byte salt. Officers' names,
 *   salts and wrapped keys live in the IndexedDB database "doorstep-keyring"; nothing
 *   there opens a case without a passphrase.
 * - store_persist.js calls seal() on every file before it reaches IndexedDB and open()
 *   on every file it reads back. A sealed entry is {timestamp, mode, sealed}, where
 *   sealed = 12-byte IV then the AES-GCM ciphertext, and the file's path is the
 *   additional data (a sealed file moved to another path does not open).
 * - Wrong passphrases slow down: after 3 in a row each further try waits longer
 *   (5 s, 10 s, 20 s … at most 5 minutes); the count survives a reload.
 * - Idle: no pointer, key or wheel input for the lock time (and a page hidden that
 *   long) asks the app to lock. The key stays in this tab's memory while it is
 *   locked so queued saves can finish; closing or reloading the tab drops it.
 */
var LibraryDoorstepKeys = {
  // (store_persist.js's $DS depends on $DK; DK uses DS.call, DS.copyText, DS.download and DS.resealAll.)
  $DK: {
    DB: 'doorstep-keyring',
    ITERATIONS: 600000,
    dataKey: null,        // CryptoKey (AES-GCM) while this tab has been unlocked
    officers: [],         // [{id, name, salt, iterations, wrapped, iv, added}]
    generation: 0,        // changes whenever the officers change (C++ re-reads them)
    failures: 0,          // wrong passphrases in a row (persisted)
    waitUntil: 0,         // Date.now() before which no try is taken (persisted)
    message: '',          // the last outcome, in words, read by C++
    lastActivity: 0,      // performance.now() of the last input
    idleMs: 5 * 60000,
    onIdle: 0,            // C++ callback (0, 0): lock now
    watching: false,
    locked: false,        // the app says it is locked (no idle checks then)

    subtle: function() {
      return (typeof crypto != 'undefined' && crypto.subtle) ? crypto.subtle : null;
    },

    openDb: function() {
      return new Promise(function(resolve, reject) {
        var req;
        try {
          req = indexedDB.open(DK.DB, 1);
        } catch (e) {
          return reject(e);
        }
        req.onupgradeneeded = function() {
          var db = req.result;
          if (!db.objectStoreNames.contains('officers')) db.createObjectStore('officers', {keyPath: 'id'});
          if (!db.objectStoreNames.contains('device')) db.createObjectStore('device');
        };
        req.onsuccess = function() { resolve(req.result); };
        req.onerror = function() { reject(req.error); };
      });
    },

    // One readwrite or readonly transaction; work(stores) queues requests. Resolves on complete.
    run: function(mode, work) {
      return DK.openDb().then(function(db) {
        return new Promise(function(resolve, reject) {
          var tx = db.transaction(['officers', 'device'], mode, mode === 'readwrite' ? {durability: 'strict'} : undefined);
          var out = work(tx.objectStore('officers'), tx.objectStore('device'));
          tx.oncomplete = function() { db.close(); resolve(out); };
          tx.onabort = tx.onerror = function() { db.close(); reject(tx.error || new Error('keyring transaction failed')); };
        });
      });
    },

    load: function() {
      var got = {officers: null, attempts: null};
      return DK.run('readonly', function(officers, device) {
        officers.getAll().onsuccess = function(e) { got.officers = e.target.result; };
        device.get('attempts').onsuccess = function(e) { got.attempts = e.target.result; };
        return got;
      }).then(function() {
        DK.officers = (got.officers || []).sort(function(a, b) { return a.added < b.added ? -1 : a.added > b.added ? 1 : 0; });
        DK.failures = got.attempts ? got.attempts.failures : 0;
        DK.waitUntil = got.attempts ? got.attempts.waitUntil : 0;
        DK.generation++;
      });
    },

    saveAttempts: function() {
      return DK.run('readwrite', function(officers, device) {
        device.put({failures: DK.failures, waitUntil: DK.waitUntil}, 'attempts');
      }).catch(function() {});
    },

    enabled: function() { return DK.officers.length > 0; },

    bytes: function(text) { return new TextEncoder().encode(text); },

    // An AES-GCM key from a passphrase: PBKDF2-SHA-256, for the given uses.
    derive: function(passphrase, salt, iterations, usages) {
      var s = DK.subtle();
      return s.importKey('raw', DK.bytes(passphrase), 'PBKDF2', false, ['deriveKey']).then(function(base) {
        return s.deriveKey({name: 'PBKDF2', salt: salt, iterations: iterations, hash: 'SHA-256'}, base,
                           {name: 'AES-GCM', length: 256}, false, usages);
      });
    },

    kek: function(passphrase, salt, iterations) { return DK.derive(passphrase, salt, iterations, ['wrapKey', 'unwrapKey']); },

    unwrap: function(officer, passphrase) {
      return DK.kek(passphrase, officer.salt, officer.iterations).then(function(kek) {
        return DK.subtle().unwrapKey('raw', officer.wrapped, kek, {name: 'AES-GCM', iv: officer.iv},
                                     {name: 'AES-GCM'}, true, ['encrypt', 'decrypt']);
      });
    },

    // A new officer record holding the data key wrapped by their passphrase.
    wrapFor: function(key, name, passphrase) {
      var salt = crypto.getRandomValues(new Uint8Array(16));
      var iv = crypto.getRandomValues(new Uint8Array(12));
      return DK.kek(passphrase, salt, DK.ITERATIONS).then(function(kek) {
        return DK.subtle().wrapKey('raw', key, kek, {name: 'AES-GCM', iv: iv});
      }).then(function(wrapped) {
        return {id: 'o' + Array.from(crypto.getRandomValues(new Uint8Array(8)), function(b) {
                  return (b + 256).toString(16).slice(1); }).join(''),
                name: name, salt: salt, iterations: DK.ITERATIONS, wrapped: new Uint8Array(wrapped), iv: iv,
                added: new Date().toISOString()};
      });
    },

    // ---- sealing files (store_persist.js) ----------------------------------------------------
    seal: function(path, entry) {
      if (!entry || !entry['contents']) return Promise.resolve(entry);
      // Sign-in is on but this tab holds no key (it was turned on in another tab):
      // nothing is written in the clear; the save waits with a message instead.
      if (!DK.dataKey && DK.enabled())
        return Promise.reject(new Error('Sign-in was turned on in another tab: reload this page and sign in to save.'));
      if (!DK.dataKey) return Promise.resolve(entry);
      var iv = crypto.getRandomValues(new Uint8Array(12));
      return DK.subtle().encrypt({name: 'AES-GCM', iv: iv, additionalData: DK.bytes(path)}, DK.dataKey,
                                 entry['contents']).then(function(ct) {
        var sealed = new Uint8Array(12 + ct.byteLength);
        sealed.set(iv, 0);
        sealed.set(new Uint8Array(ct), 12);
        return {'timestamp': entry['timestamp'], 'mode': entry['mode'], 'sealed': sealed};
      });
    },

    open: function(path, entry) {
      if (!entry || !entry['sealed']) return Promise.resolve(entry);
      if (!DK.dataKey) return Promise.reject(new Error('Doorstep is locked: sign in to read ' + path + '.'));
      var sealed = entry['sealed'];
      return DK.subtle().decrypt({name: 'AES-GCM', iv: sealed.subarray(0, 12), additionalData: DK.bytes(path)},
                                 DK.dataKey, sealed.subarray(12)).then(function(plain) {
        return {'timestamp': entry['timestamp'], 'mode': entry['mode'], 'contents': new Uint8Array(plain)};
      }, function() {
        throw new Error('The saved file ' + path + ' could not be decrypted with this device\'s key.');
      });
    },

    // ---- what the lock screen and Settings ask -----------------------------------------------
    waitSeconds: function() {
      return Math.max(0, Math.ceil((DK.waitUntil - Date.now()) / 1000));
    },

    // 1 unlocked, 0 wrong passphrase, 2 wait first (seconds in DK.message), 3 could not.
    unlock: function(id, passphrase) {
      var officer = DK.officers.filter(function(o) { return o.id === id; })[0];
      if (!officer) { DK.message = 'Choose who you are from the list.'; return Promise.resolve(3); }
      var wait = DK.waitSeconds();
      if (wait > 0) { DK.message = String(wait); return Promise.resolve(2); }
      return DK.unwrap(officer, passphrase).then(function(key) {
        DK.dataKey = key;
        DK.failures = 0;
        DK.waitUntil = 0;
        DK.locked = false;
        DK.activity();
        DK.message = officer.name;
        return DK.saveAttempts().then(function() { return 1; });
      }, function(e) {
        if (!e || e.name !== 'OperationError') {
          DK.message = 'The passphrase could not be checked: ' + (e && e.message || e);
          return 3;
        }
        DK.failures++;
        if (DK.failures >= 3) DK.waitUntil = Date.now() + Math.min(300000, 5000 * Math.pow(2, DK.failures - 3));
        DK.message = 'That passphrase does not unlock Doorstep for ' + officer.name + '.';
        return DK.saveAttempts().then(function() { return 0; });
      });
    },

    // The first officer turns sealing on: a new data key, then every saved file again, sealed.
    // Later officers (added by someone unlocked) get a copy of the same key.
    enrol: function(name, passphrase) {
      var first = !DK.dataKey;
      var s = DK.subtle();
      if (!s) return Promise.reject(new Error('This browser cannot encrypt (WebCrypto is missing).'));
      var ready = first ? s.generateKey({name: 'AES-GCM', length: 256}, true, ['encrypt', 'decrypt'])
                        : Promise.resolve(DK.dataKey);
      var key = null;
      // The key seals nothing until an officer who can unwrap it is stored for good.
      return ready.then(function(k) {
        key = k;
        return DK.wrapFor(k, name, passphrase);
      }).then(function(officer) {
        return DK.run('readwrite', function(officers) { officers.put(officer); }).then(function() {
          DK.officers.push(officer);
          DK.generation++;
          if (first) {
            DK.dataKey = key;
            DS.resealAll();
          }
          DK.activity();
          return officer;
        });
      });
    },

    remove: function(id) {
      return DK.run('readwrite', function(officers) { officers.delete(id); }).then(function() {
        DK.officers = DK.officers.filter(function(o) { return o.id !== id; });
        DK.generation++;
      });
    },

    // ---- protected exports (core/data/protected_export.h has the format) ----------------------
    b64: function(bytes) {
      var out = '';
      for (var i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
      return btoa(out);
    },

    unb64: function(text) {
      var bin = atob(text);
      var out = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
      return out;
    },

    exportKey: function(passphrase, salt, iterations) { return DK.derive(passphrase, salt, iterations, ['encrypt', 'decrypt']); },

    // The export's bytes sealed into the envelope's JSON text.
    protect: function(bytes, passphrase) {
      if (!DK.subtle()) return Promise.reject(new Error('this browser cannot encrypt (WebCrypto is missing)'));
      var salt = crypto.getRandomValues(new Uint8Array(16));
      var iv = crypto.getRandomValues(new Uint8Array(12));
      return DK.exportKey(passphrase, salt, DK.ITERATIONS).then(function(key) {
        return DK.subtle().encrypt({name: 'AES-GCM', iv: iv}, key, bytes);
      }).then(function(ct) {
        return JSON.stringify({doorstep_protected_export: 1, cipher: 'AES-256-GCM', kdf: 'PBKDF2-SHA-256',
                               iterations: DK.ITERATIONS, salt: DK.b64(salt), iv: DK.b64(iv),
                               data: DK.b64(new Uint8Array(ct))});
      });
    },

    // The envelope's text opened: the export's bytes, or a reason in words.
    unprotect: function(text, passphrase) {
      var env;
      try {
        env = JSON.parse(text);
      } catch (e) {
        return Promise.reject(new Error('the file is not a protected Doorstep export (it is not JSON)'));
      }
      if (!env || env.doorstep_protected_export !== 1 || env.cipher !== 'AES-256-GCM' || env.kdf !== 'PBKDF2-SHA-256')
        return Promise.reject(new Error('the file is not a protected Doorstep export this version can open'));
      // A file cannot make this page derive keys for minutes: iterations are bounded.
      if (!(env.iterations >= 100000 && env.iterations <= 10000000))
        return Promise.reject(new Error('the file asks for ' + env.iterations + ' iterations; this version opens 100,000 to 10,000,000'));
      var salt, iv, data;
      try {
        salt = DK.unb64(env.salt); iv = DK.unb64(env.iv); data = DK.unb64(env.data);
      } catch (e) {
        return Promise.reject(new Error('the file is damaged (its salt, IV or data is not base64)'));
      }
      if (salt.length !== 16 || iv.length !== 12 || data.length < 16)
        return Promise.reject(new Error('the file is damaged (its salt, IV or data has the wrong length)'));
      return DK.exportKey(passphrase, salt, env.iterations).then(function(key) {
        return DK.subtle().decrypt({name: 'AES-GCM', iv: iv}, key, data);
      }).then(function(plain) { return new Uint8Array(plain); }, function(e) {
        if (e && e.name === 'OperationError') throw new Error('that passphrase does not open this file, or the file was changed');
        throw e;
      });
    },

    opened: null,  // the last protected file opened, for C++ to copy

    // ---- idle --------------------------------------------------------------------------------
    activity: function() { DK.lastActivity = performance.now(); },

    checkIdle: function() {
      if (!DK.enabled() || !DK.dataKey || DK.locked) return;
      if (performance.now() - DK.lastActivity >= DK.idleMs) {
        DK.locked = true;
        DS.call(DK.onIdle, 0, 0);
      }
    },

    watch: function() {
      if (DK.watching || typeof window == 'undefined') return;
      DK.watching = true;
      DK.activity();
      ['pointerdown', 'keydown', 'wheel', 'touchstart'].forEach(function(type) {
        window.addEventListener(type, DK.activity, {capture: true, passive: true});
      });
      // Hidden pages get few timer calls: check as soon as the page shows again, before a frame.
      document.addEventListener('visibilitychange', DK.checkIdle);
      setInterval(DK.checkIdle, 5000);
    },
  },

  doorstep_keys_enabled: function() { return DK.enabled() ? 1 : 0; },
  doorstep_keys_generation: function() { return DK.generation; },

  // The officers as lines "id<TAB>name".
  doorstep_keys_officers: function(buf, cap) {
    var text = DK.officers.map(function(o) { return o.id + '\t' + o.name; }).join('\n');
    return DS.copyText(text, buf, cap);
  },

  doorstep_keys_message: function(buf, cap) { return DS.copyText(DK.message, buf, cap); },

  // cb(outcome, 0) as DK.unlock answers.
  doorstep_keys_unlock: function(idPtr, passPtr, cb) {
    var id = UTF8ToString(idPtr);
    var pass = UTF8ToString(passPtr);
    DK.unlock(id, pass).then(function(outcome) { DS.call(cb, outcome, 0); });
  },

  // cb(ok, 0); DK.message says what happened.
  doorstep_keys_enrol: function(namePtr, passPtr, cb) {
    var name = UTF8ToString(namePtr);
    var pass = UTF8ToString(passPtr);
    DK.enrol(name, pass).then(function(officer) {
      DK.message = officer.id;
      DS.call(cb, 1, 0);
    }, function(e) {
      DK.message = 'Sign-in could not be set: ' + (e && e.message || e);
      DS.call(cb, 0, 0);
    });
  },

  doorstep_keys_remove: function(idPtr, cb) {
    DK.remove(UTF8ToString(idPtr)).then(function() { DS.call(cb, 1, 0); }, function(e) {
      DK.message = 'The officer could not be removed: ' + (e && e.message || e);
      DS.call(cb, 0, 0);
    });
  },

  doorstep_keys_set_idle: function(minutes, cb) {
    DK.idleMs = Math.max(1, minutes) * 60000;
    DK.onIdle = cb;
    DK.watch();
  },

  // A protected export: sealed, then offered as a download. cb(ok, 0); DK.message says why not.
  doorstep_keys_download_protected: function(namePtr, data, size, passPtr, cb) {
    var name = UTF8ToString(namePtr);
    var pass = UTF8ToString(passPtr);
    DK.protect(HEAPU8.slice(data, data + size), pass).then(function(text) {
      DS.download(name, 'application/json', new TextEncoder().encode(text));
      DS.call(cb, 1, 0);
    }, function(e) {
      DK.message = 'The protected export could not be made: ' + (e && e.message || e) + '.';
      DS.call(cb, 0, 0);
    });
  },

  // A protected export opened: cb(1, size) then doorstep_keys_opened_copy; cb(0, 0) and DK.message.
  doorstep_keys_open_protected: function(data, size, passPtr, cb) {
    var text = new TextDecoder().decode(HEAPU8.subarray(data, data + size));
    DK.unprotect(text, UTF8ToString(passPtr)).then(function(bytes) {
      DK.opened = bytes;
      DS.call(cb, 1, bytes.length);
    }, function(e) {
      var m = String(e && e.message || e);
      DK.message = m.charAt(0).toUpperCase() + m.slice(1) + '.';
      DS.call(cb, 0, 0);
    });
  },

  doorstep_keys_opened_copy: function(dest) {
    if (DK.opened) HEAPU8.set(DK.opened, dest);
    DK.opened = null;
  },

  // The app locked (idle, hidden, or "Lock now"): no idle checks until it unlocks.
  doorstep_keys_locked: function() { DK.locked = true; },
};

autoAddDeps(LibraryDoorstepKeys, '$DK');
mergeInto(LibraryManager.library, LibraryDoorstepKeys);
