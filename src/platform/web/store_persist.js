/**
 * Doorstep's browser storage glue (a --js-library; C++ side: store_web.h).
 *
 * - Mounts IDBFS once and loads every saved file in one IndexedDB transaction
 *   (loadAll), after the officer unlocks when sign-in is set up.
 * - Every file is sealed (AES-GCM, keyring.js) before it is stored once sign-in is
 *   set up, and opened as it is read back.
 * - Persists ONE path per change in IDBFS's own format, never the whole-tree
 *   FS.syncfs(false) (which stats every file: ~250 ms at 10,000 cases; see
 *   /work/shared/toolchain-notes.md). Written against Emscripten 3.1.6's
 *   library_idbfs.js: getDB, loadLocalEntry and DB_STORE_NAME are internals, so
 *   the version is pinned and tests/browser/store.test.mjs covers them. The
 *   put/delete are IDBFS's storeRemoteEntry/removeRemoteEntry written out, so
 *   that a failed request is noticed (theirs lose the error).
 * - The queue keeps changes in the order they happened and snapshots each file's
 *   bytes when it changed, so IndexedDB always holds the file tree as it was at
 *   some earlier moment (a prefix of the changes): the store's commit markers
 *   work in the browser exactly as on disk. One transaction in flight at a time;
 *   a path changed twice in a row is written once.
 * - Tabs: a Web Lock makes one tab the editor; others are read-only until they
 *   take over (asked politely over a BroadcastChannel, then `steal`).
 *
 * Closure note: IDBFS/FS members are used unquoted so that Closure renames them
 * together with their definitions; the fields of an IDBFS entry ('timestamp',
 * 'mode', 'contents') are quoted because IndexedDB stores them by those names.
 */
var LibraryDoorstepStore = {
  $DS__deps: ['$FS', '$IDBFS', '$DK'],
  $DS: {
    mountpoint: '/data',
    queue: [],            // [{path, entry}] in change order; entry null = deleted
    inFlight: 0,          // how many queue items the running transaction holds
    knownDirs: {},        // folders whose entry this session already stored
    lastError: '',
    lastPersistedMs: 0,
    failures: 0,
    retryTimer: 0,
    message: '',          // last mount/lock message, read by C++
    editorState: 0,       // 0 starting, 1 editor, 2 read-only, 3 taking over
    lockMessage: '',
    releaseLock: null,    // resolves the promise that holds the editor lock
    waitAbort: null,      // cancels the background wait for the lock
    channel: null,
    tabId: '',
    stale: false,
    reloadGeneration: 0,
    onLockChanged: 0,     // C++ callback (state) so the store turns read-only at once
    persistence: 0,       // 0 unknown, 1 asking, 2 granted, 3 denied, 4 unsupported
    estimateKnown: false,
    usage: 0,
    quota: 0,
    onReleased: null,     // set while this tab waits for the editor to let go
    holdToken: 0,         // changes whenever a held lock is lost, so late callbacks know
    picked: {},
    listening: false,
    refused: [],          // evidence files given up for lack of space (absolute paths), read by C++

    // C++ callbacks are void(int, int) function pointers.
    call: function(fn, a, b) {
      if (fn) {{{ makeDynCall('vii', 'fn') }}}(a, b);
    },

    // The file as IDBFS stores it ({timestamp, mode, contents}), or null when it
    // no longer exists. Contents are copied: the snapshot must not change later.
    snapshot: function(path) {
      var entry = null;
      var failure = null;
      try {
        FS.stat(path);
      } catch (e) {
        return null;
      }
      IDBFS.loadLocalEntry(path, function(err, e) {
        if (err) failure = err; else entry = e;
      });
      if (failure) throw failure;
      if (!entry) throw new Error('IDBFS.loadLocalEntry did not answer at once (Emscripten version changed?)');
      if (entry['contents']) {
        entry = {'timestamp': entry['timestamp'], 'mode': entry['mode'], 'contents': new Uint8Array(entry['contents'])};
      }
      return entry;
    },

    push: function(path, entry) {
      var last = DS.queue.length - 1;
      if (last >= DS.inFlight && DS.queue[last].path === path) {
        DS.queue[last].entry = entry;  // same path twice in a row: only the newest matters
      } else {
        DS.queue.push({path: path, entry: entry});
      }
    },

    enqueue: function(path, removing) {
      var root = DS.mountpoint;
      if (path !== root && path.indexOf(root + '/') !== 0) {
        DS.lastError = 'Not on the storage mount: ' + path;
        return;
      }
      if (DS.editorState === 2 || DS.editorState === 3) {
        DS.lastError = 'This tab is read-only: the change to ' + path + ' was not saved.';
        return;
      }
      var entry = null;
      if (!removing) {
        // A folder's own entry must be stored before its files, or the next
        // start's FS.syncfs(true) cannot recreate them.
        var parts = path.substr(root.length + 1).split('/');
        var dir = root;
        for (var i = 0; i + 1 < parts.length; i++) {
          dir += '/' + parts[i];
          if (!DS.knownDirs[dir]) {
            DS.knownDirs[dir] = true;
            try {
              var d = DS.snapshot(dir);
              if (d) DS.push(dir, d);
            } catch (e) {
              DS.lastError = 'Could not read folder ' + dir + ': ' + e;
            }
          }
        }
        try {
          entry = DS.snapshot(path);
        } catch (e) {
          DS.lastError = 'Could not read ' + path + ' to save it: ' + e;
          return;
        }
        if (entry && FS.isDir(entry['mode'])) DS.knownDirs[path] = true;
      } else {
        delete DS.knownDirs[path];
      }
      DS.push(path, entry);
      DS.askPersistence();
      DS.kick();
    },

    // A failure that means "no room": the quota, or the disk itself full (Chromium
    // reports that as UnknownError ... FILE_ERROR_NO_SPACE, sometimes only by then
    // closing the connection).
    noSpace: function(err) {
      var name = err && err.name ? err.name : '';
      var text = String((err && err.message) || err || '');
      return name === 'QuotaExceededError' || /NO_SPACE|no space|disk is full|quota/i.test(text);
    },

    // In plain words, without the browser's internal paths (those go to the console).
    describe: function(err, waiting) {
      var n = waiting + (waiting === 1 ? ' change is' : ' changes are');
      if (DS.noSpace(err)) {
        return "This device's storage for Doorstep is full: " + n + ' not saved yet. ' +
               'Export your data now, then free some space; Doorstep keeps trying and saves ' +
               (waiting === 1 ? 'it' : 'them') + ' as soon as there is room.';
      }
      return "Could not save to this device's storage: " + n + ' not saved yet. ' +
             'Export your data now to keep a copy; Doorstep keeps trying.';
    },

    // Forget the cached IndexedDB connection so the next batch opens a new one: after
    // a disk error Chromium closes it, and every later transaction on it would fail
    // ("The database connection is closing") even once space is freed.
    dropConnection: function() {
      var db = IDBFS.dbs[DS.mountpoint];
      if (!db) return;
      delete IDBFS.dbs[DS.mountpoint];
      try { db.close(); } catch (e) {}
    },

    // navigator.storage.persist() on the first change, so the browser does not
    // evict the cases under storage pressure (also offered in Settings).
    askPersistence: function() {
      if (DS.persistence !== 0) return;
      if (typeof navigator == 'undefined' || !navigator.storage || !navigator.storage.persist) {
        DS.persistence = 4;
        return;
      }
      DS.persistence = 1;
      navigator.storage.persisted().then(function(already) {
        if (already) return true;
        return navigator.storage.persist();
      }).then(function(granted) {
        DS.persistence = granted ? 2 : 3;
      }, function() {
        DS.persistence = 3;
      });
    },

    kick: function() {
      if (DS.inFlight || !DS.queue.length || DS.retryTimer) return;
      // After a failure go one change at a time, so one bad change cannot hold up the others' report.
      var limit = DS.failures ? 1 : 512;
      var bytes = 0;
      var n = 0;
      while (n < DS.queue.length && n < limit && bytes < 8 * 1024 * 1024) {
        var e = DS.queue[n].entry;
        bytes += e && e['contents'] ? e['contents'].length : 64;
        n++;
      }
      DS.inFlight = n;
      // Sealed first (keyring.js; a no-op until sign-in is set up): an IndexedDB
      // transaction cannot wait for WebCrypto, so the batch is encrypted before it opens.
      var batch = DS.queue.slice(0, n);
      Promise.all(batch.map(function(item) { return DK.seal(item.path, item.entry); })).then(function(sealed) {
        DS.write(n, batch, sealed);
      }, function(e) {
        DS.failed(e);
      });
    },

    write: function(n, batch, sealed) {
      IDBFS.getDB(DS.mountpoint, function(err, db) {
        if (err) return DS.failed(err);
        if (!db.onclose) db.onclose = function() { if (IDBFS.dbs[DS.mountpoint] === db) delete IDBFS.dbs[DS.mountpoint]; };
        var tx;
        try {
          // strict: complete only once the data is flushed to disk, so a crash right
          // after "Saved" cannot lose it.
          tx = db.transaction([IDBFS.DB_STORE_NAME], 'readwrite', {durability: 'strict'});
        } catch (e) {
          return DS.failed(e);
        }
        var store = tx.objectStore(IDBFS.DB_STORE_NAME);
        var aborted = false;
        var itemError = null;
        var onItem = function(err) {
          // One failed change fails the batch: it lands whole or not at all.
          if (!aborted) {
            aborted = true;
            itemError = err;
            try { tx.abort(); } catch (e) {}
          }
        };
        tx.oncomplete = function() {
          if (aborted) return;
          DS.queue.splice(0, n);
          DS.inFlight = 0;
          DS.failures = 0;
          DS.lastError = '';
          DS.lastPersistedMs = Date.now();
          if (DS.channel) DS.channel.postMessage({type: 'persisted', from: DS.tabId});
          DS.kick();
        };
        tx.onabort = function() { DS.failed(tx.error || itemError || new Error('transaction aborted')); };
        // What IDBFS.storeRemoteEntry / removeRemoteEntry do (put(entry, path) /
        // delete(path)), done here so a failed request is seen: theirs report
        // `this.error` (undefined) and prevent the abort.
        for (var i = 0; i < n && !aborted; i++) {
          var item = batch[i];
          try {
            var req = item.entry ? store.put(sealed[i], item.path) : store.delete(item.path);
            req.onerror = function(e) { onItem(e.target.error); };
          } catch (e) {
            onItem(e);
          }
        }
      });
    },

    failed: function(err) {
      if (!DS.inFlight) return;  // already handled (onerror then onabort)
      var alone = DS.inFlight === 1 ? DS.queue[0] : null;
      DS.inFlight = 0;
      DS.failures++;
      // A photo or document the browser has no room for is given up and reported
      // (the app tells the person and takes it off the case), so the cases queued
      // behind it are still saved: "nothing is ever lost" for the record itself.
      if (alone && alone.entry && DS.noSpace(err) &&
          alone.path.indexOf(DS.mountpoint + '/attachments/') === 0 && !FS.isDir(alone.entry['mode'])) {
        DS.queue.splice(0, 1);
        DS.refused.push(alone.path);
        DS.kick();
        return;
      }
      if (typeof console != 'undefined') console.warn('Doorstep: saving to IndexedDB failed:', err);
      // The connection may be closing after a disk error: the retry opens a new one.
      DS.dropConnection();
      DS.lastError = DS.describe(err, DS.queue.length);
      var delay = Math.min(30000, 1000 * Math.pow(2, Math.min(DS.failures - 1, 5)));
      DS.retryTimer = setTimeout(function() { DS.retryTimer = 0; DS.kick(); }, delay);
    },

    flushNow: function() {
      if (DS.retryTimer) {
        clearTimeout(DS.retryTimer);
        DS.retryTimer = 0;
      }
      DS.kick();
    },

    // Every saved file, read in one IndexedDB transaction (two requests), opened
    // (keyring.js) and written into the mount; files the mount has that IndexedDB no
    // longer holds are removed. What FS.syncfs(true) does, minus its request per file,
    // and able to decrypt.
    loadAll: function(done) {
      IDBFS.getDB(DS.mountpoint, function(err, db) {
        if (err) return done(err);
        var keys = null, values = null, tx;
        try {
          tx = db.transaction([IDBFS.DB_STORE_NAME], 'readonly');
          var store = tx.objectStore(IDBFS.DB_STORE_NAME);
          store.getAllKeys().onsuccess = function(e) { keys = e.target.result; };
          store.getAll().onsuccess = function(e) { values = e.target.result; };
        } catch (e) {
          return done(e);
        }
        tx.onabort = tx.onerror = function(e) {
          if (e && e.preventDefault) e.preventDefault();
          done(tx.error || new Error('reading the saved files failed'));
        };
        tx.oncomplete = function() {
          if (!keys || !values || keys.length !== values.length) return done(new Error('the saved files could not be listed'));
          Promise.all(values.map(function(v, i) { return DK.open(keys[i], v); })).then(function(entries) {
            DS.apply(keys, entries, done);
          }, done);
        };
      });
    },

    apply: function(keys, entries, done) {
      var remote = {};
      var order = [];
      for (var i = 0; i < keys.length; i++) {
        var path = String(keys[i]);
        if (path !== DS.mountpoint && path.indexOf(DS.mountpoint + '/') !== 0) continue;
        remote[path] = entries[i];
        order.push(path);
      }
      var local = {};
      IDBFS.getLocalSet({mountpoint: DS.mountpoint}, function(err, set) { if (!err) local = set.entries; });
      var failure = null;
      var step = function(e) { if (e && !failure) failure = e; };
      // Folders before the files in them; removals children first.
      order.sort().forEach(function(path) {
        var e = remote[path];
        var l = local[path];
        if (l && e['timestamp'] && l['timestamp'].getTime() === e['timestamp'].getTime()) return;
        IDBFS.storeLocalEntry(path, e, step);
      });
      Object.keys(local).sort().reverse().forEach(function(path) {
        if (!remote[path]) IDBFS.removeLocalEntry(path, step);
      });
      done(failure);
    },

    // The first read of the saved files (after the tab lock, and after unlocking).
    load: function(cb) {
      DS.loadAll(function(err) {
        if (err) {
          var name = err && err.name ? err.name : '';
          DS.message = name === 'InvalidStateError' || name === 'SecurityError'
            ? 'This browser does not allow Doorstep to keep data (private browsing?). Nothing typed will be kept after this tab closes.'
            : 'Could not load saved data from the browser storage: ' + (err.message || err);
          DS.call(cb, 0, 0);
          return;
        }
        DS.message = '';
        DS.call(cb, 1, 0);
      });
    },

    // Sign-in was just set up: every saved file is queued again, to be stored sealed.
    resealAll: function() {
      var local = {};
      IDBFS.getLocalSet({mountpoint: DS.mountpoint}, function(err, set) { if (!err) local = set.entries; });
      Object.keys(local).sort().forEach(function(path) {
        if (!FS.isDir(FS.stat(path).mode)) DS.enqueue(path, false);
      });
    },

    listen: function() {
      if (DS.listening || typeof document == 'undefined') return;
      DS.listening = true;
      document.addEventListener('visibilitychange', function() {
        if (document.visibilityState === 'hidden') DS.flushNow();
      });
      window.addEventListener('pagehide', DS.flushNow);
      window.addEventListener('beforeunload', function(e) {
        // Only when saving is failing: normally a change is stored within milliseconds.
        if (DS.queue.length && DS.lastError) {
          DS.flushNow();
          e.preventDefault();
          e.returnValue = '';
        }
      });
    },

    setEditorState: function(state, message) {
      DS.editorState = state;
      DS.lockMessage = message || '';
      DS.call(DS.onLockChanged, state, 0);
    },

    // Reload the mount from IndexedDB (another tab may have changed it).
    reload: function(done) {
      // Who can sign in may have changed in another tab (sign-in turned on there): read
      // the keyring first, so this tab never writes a plain file beside sealed ones.
      var read = function() { DS.loadAll(function(err) {
        DS.knownDirs = {};
        DS.stale = false;
        DS.reloadGeneration++;
        done(err);
      }); };
      DK.load().then(read, read);
    },

    holdAfterReload: function(message) {
      var token = ++DS.holdToken;
      if (DS.channel) DS.channel.postMessage({type: 'editor', from: DS.tabId});
      return new Promise(function(resolve) {
        DS.releaseLock = resolve;
        DS.reload(function(err) {
          if (token !== DS.holdToken) return;  // lost the lock while reloading
          DS.setEditorState(1, err ? 'Reloaded with a problem: ' + err : message);
        });
      });
    },

    // The lock this tab held was stolen (the other tab's "edit here" found this
    // one unable to answer, e.g. frozen in the background).
    lost: function(e) {
      if (!e || e.name !== 'AbortError') {
        DS.lockMessage = 'Tab coordination failed: ' + e;
        return;
      }
      var holding = DS.releaseLock !== null;
      DS.releaseLock = null;
      if (!holding) return;
      DS.holdToken++;
      // Changes not yet stored would overwrite the new editor's: dropped, and said so.
      var dropped = DS.queue.length - DS.inFlight;
      DS.queue.length = DS.inFlight;
      DS.setEditorState(2, 'Another tab took over editing.' +
        (dropped ? ' ' + dropped + ' recent changes made here were not saved.' : ''));
      DS.waitForLock();
    },

    // Read-only tabs wait in the background: when the editor tab closes they reload and edit.
    waitForLock: function() {
      if (!navigator.locks || DS.waitAbort || DS.editorState !== 2) return;
      var controller = new AbortController();
      DS.waitAbort = controller;
      navigator.locks.request('doorstep-editor', {signal: controller.signal}, function() {
        DS.waitAbort = null;
        return DS.holdAfterReload('The other tab closed: this tab can edit again.');
      }).catch(function(e) {
        if (DS.waitAbort === controller) DS.waitAbort = null;
        if (e && e.name === 'AbortError' && controller.signal.aborted) return;  // we cancelled it
        DS.lost(e);
      });
    },

    // Decides editor or read-only, then calls decided() once.
    startLock: function(decided) {
      if (typeof navigator == 'undefined' || !navigator.locks) {
        DS.setEditorState(1, 'This browser cannot coordinate tabs: keep Doorstep open in one tab only.');
        decided();
        return;
      }
      DS.tabId = Math.random().toString(36).slice(2);
      if (typeof BroadcastChannel != 'undefined') {
        DS.channel = new BroadcastChannel('doorstep-editor');
        DS.channel.onmessage = DS.onMessage;
      }
      navigator.locks.request('doorstep-editor', {ifAvailable: true}, function(lock) {
        if (!lock) {
          DS.setEditorState(2, 'Doorstep is open for editing in another tab. This tab is read-only until you choose to edit here.');
          DS.waitForLock();
          decided();
          return;
        }
        DS.setEditorState(1, '');
        var held = new Promise(function(resolve) { DS.releaseLock = resolve; });
        decided();
        return held;
      }).catch(DS.lost);
    },

    onMessage: function(ev) {
      var m = ev.data || {};
      if (m.from === DS.tabId) return;
      if (m.type === 'release-request' && DS.editorState === 1) {
        // Another tab asks to edit: stop changing, store what is queued, then let go.
        DS.setEditorState(2, 'Editing moved to another tab. This tab is read-only until you choose to edit here.');
        var started = Date.now();
        var wait = function() {
          if (DS.queue.length && Date.now() - started < 1500) {
            DS.flushNow();
            setTimeout(wait, 20);
            return;
          }
          var release = DS.releaseLock;
          DS.releaseLock = null;
          DS.holdToken++;
          if (release) release();
          DS.channel.postMessage({type: 'released', from: DS.tabId});
          // Queue for the lock only once the new editor holds it (its 'editor'
          // message), or this tab could win it back in between.
          setTimeout(DS.waitForLock, 5000);
        };
        wait();
      } else if (m.type === 'released' && DS.onReleased) {
        DS.onReleased();
      } else if (m.type === 'editor' && DS.editorState === 2) {
        DS.waitForLock();
      } else if (m.type === 'persisted' && DS.editorState !== 1) {
        DS.stale = true;
      }
    },

    takeOver: function() {
      if (DS.editorState !== 2 || !navigator.locks) return;
      DS.setEditorState(3, 'Taking over editing from the other tab…');
      if (DS.waitAbort) {
        var c = DS.waitAbort;
        DS.waitAbort = null;
        c.abort();
      }
      var started = false;
      var go = function() {
        if (started) return;
        started = true;
        DS.onReleased = null;
        // steal: a frozen tab that cannot answer must not block this one.
        navigator.locks.request('doorstep-editor', {steal: true}, function() {
          return DS.holdAfterReload('');
        }).catch(DS.lost);
      };
      DS.onReleased = go;
      if (DS.channel) DS.channel.postMessage({type: 'release-request', from: DS.tabId});
      setTimeout(go, DS.channel ? 2000 : 0);
    },

    // Offers bytes as a file (Blob and <a download>); the URL is let go a minute later.
    download: function(name, mime, bytes) {
      var url = URL.createObjectURL(new Blob([bytes], {type: mime}));
      var a = document.createElement('a');
      a.href = url;
      a.download = name;
      a.style.display = 'none';
      document.body.appendChild(a);
      a.click();
      setTimeout(function() {
        URL.revokeObjectURL(url);
        a.remove();
      }, 60000);
    },

    copyText: function(text, buf, cap) {
      var need = lengthBytesUTF8(text);
      if (buf && cap > 0) stringToUTF8(text, buf, cap);
      return need;
    },
  },

  doorstep_store_mount: function(mountPtr, cb) {
    var mp = UTF8ToString(mountPtr);
    DS.mountpoint = mp;
    DS.listen();
    try {
      FS.mkdir(mp);
    } catch (e) {
      // already there is fine
    }
    try {
      FS.mount(IDBFS, {}, mp);
    } catch (e) {
      DS.message = 'Could not open the browser storage: ' + e;
      DS.call(cb, 0, 0);
      return;
    }
    // The lock first: an editor must load what the previous editor finished storing.
    DS.startLock(function() {
      // Sign-in set up: nothing is read until an officer unlocks (doorstep_store_load).
      DK.load().then(function() {
        if (DK.enabled() && !DK.dataKey) {
          DS.message = '';
          DS.call(cb, 2, 0);
        } else {
          DS.load(cb);
        }
      }, function(e) {
        DS.message = 'Could not read who can sign in on this device: ' + (e && e.message || e);
        DS.load(cb);
      });
    });
  },

  doorstep_store_load: function(cb) {
    DS.load(cb);
  },

  doorstep_store_set_lock_callback: function(cb) {
    DS.onLockChanged = cb;
  },

  doorstep_store_persist: function(pathPtr) {
    DS.enqueue(UTF8ToString(pathPtr), false);
  },

  doorstep_store_remove: function(pathPtr) {
    DS.enqueue(UTF8ToString(pathPtr), true);
  },

  doorstep_store_flush: function() {
    DS.flushNow();
  },

  doorstep_store_pending: function() {
    return DS.queue.length;
  },

  doorstep_store_saving: function() {
    return DS.inFlight > 0 ? 1 : 0;
  },

  doorstep_store_last_persisted_ms: function() {
    return DS.lastPersistedMs;
  },

  // which: 0 last persist error, 1 mount message, 2 lock message, 3 refused evidence paths (one a line)
  doorstep_store_text: function(which, buf, cap) {
    var text = which === 0 ? DS.lastError : which === 1 ? DS.message : which === 2 ? DS.lockMessage :
               DS.refused.join('\n');
    return DS.copyText(text, buf, cap);
  },

  doorstep_store_refused_clear: function() {
    DS.refused = [];
  },

  doorstep_store_request_persistence: function() {
    if (DS.persistence === 3) DS.persistence = 0;  // asked again from Settings
    DS.askPersistence();
  },

  doorstep_store_persistence: function() {
    return DS.persistence;
  },

  doorstep_store_estimate: function() {
    if (typeof navigator == 'undefined' || !navigator.storage || !navigator.storage.estimate) return;
    navigator.storage.estimate().then(function(e) {
      DS.usage = e.usage || 0;
      DS.quota = e.quota || 0;
      DS.estimateKnown = true;
    }, function() {});
  },

  doorstep_store_estimate_known: function() {
    return DS.estimateKnown ? 1 : 0;
  },

  doorstep_store_usage: function() {
    return DS.usage;
  },

  doorstep_store_quota: function() {
    return DS.quota;
  },

  doorstep_store_editor_state: function() {
    return DS.editorState;
  },

  doorstep_store_take_over: function() {
    DS.takeOver();
  },

  doorstep_store_reload_generation: function() {
    return DS.reloadGeneration;
  },

  doorstep_store_stale: function() {
    return DS.stale ? 1 : 0;
  },

  doorstep_store_reload: function(cb) {
    DS.reload(function(err) {
      DS.message = err ? 'Could not reload saved data: ' + (err.message || err) : '';
      DS.call(cb, err ? 0 : 1, 0);
    });
  },

  doorstep_platform_download: function(namePtr, mimePtr, data, size) {
    DS.download(UTF8ToString(namePtr), UTF8ToString(mimePtr), HEAPU8.slice(data, data + size));
  },

  // cb(token, size): size >= 0 picked; -1 cancelled; -2 could not be read; -3 too large.
  doorstep_platform_pick_file: function(acceptPtr, capturePtr, maxBytes, cb, token) {
    var input = document.createElement('input');
    input.type = 'file';
    var accept = UTF8ToString(acceptPtr);
    var capture = UTF8ToString(capturePtr);
    if (accept) input.accept = accept;
    if (capture) input.setAttribute('capture', capture);
    input.style.position = 'fixed';
    input.style.left = '-10000px';
    input.setAttribute('aria-hidden', 'true');
    document.body.appendChild(input);
    var answered = false;
    var answer = function(size) {
      if (answered) return;
      answered = true;
      input.remove();
      DS.call(cb, token, size);
    };
    input.addEventListener('cancel', function() { answer(-1); });
    input.addEventListener('change', function() {
      var f = input.files && input.files[0];
      if (!f) return answer(-1);
      DS.picked[token] = {name: f.name, mime: f.type || '', bytes: null, error: ''};
      if (maxBytes > 0 && f.size > maxBytes) return answer(-3);
      f.arrayBuffer().then(function(buf) {
        DS.picked[token].bytes = new Uint8Array(buf);
        answer(buf.byteLength);
      }, function(e) {
        DS.picked[token].error = String(e && e.message || e);
        answer(-2);
      });
    });
    input.click();
  },

  // which: 0 name, 1 mime, 2 error
  doorstep_platform_picked_text: function(token, which, buf, cap) {
    var p = DS.picked[token];
    if (!p) return 0;
    return DS.copyText(which === 0 ? p.name : which === 1 ? p.mime : p.error, buf, cap);
  },

  doorstep_platform_picked_copy: function(token, dest) {
    var p = DS.picked[token];
    if (p && p.bytes) HEAPU8.set(p.bytes, dest);
  },

  doorstep_platform_picked_release: function(token) {
    delete DS.picked[token];
  },
};

autoAddDeps(LibraryDoorstepStore, '$DS');
mergeInto(LibraryManager.library, LibraryDoorstepStore);
