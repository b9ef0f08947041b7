// Injected by bench/web/browser.mjs before any script of the page, on every
// navigation (Playwright addInitScript). It only observes: it wraps the browser
// APIs the app goes through and records timings in window.__bench, in ms since
// navigation start (performance.now()).
//
// - Every animation-frame callback: its start and its main-thread CPU time. The
//   app draws only in requestAnimationFrame (src/platform/web/redraw.cpp), so
//   this is the time one frame costs: ImGui, the app, WebGL command submission.
// - 'doorstep-ready' (hook.pre.js): when the first frame showing the saved cases
//   is being drawn; readyFrameEnd is when that frame finished.
// - DS.loadAll (start-up load of the IndexedDB store) and DS.enqueue (one path
//   handed to the persistence queue, store_persist.js), hooked through
//   Module.preRun, which Emscripten runs after its library code exists and
//   before main().
// - Read-write IndexedDB transactions: when each completed.
// Nothing here changes what the app does.
(function () {
  'use strict';
  var B = {
    frames: [],            // [start, cpu ms] of each animation frame callback
    firstFrameEnd: null,   // end of the first frame of any kind (the "Loading your cases" frame)
    readyAt: null,         // 'doorstep-ready' fired
    readyFrameEnd: null,   // end of the frame in which it fired
    syncfs: [],            // {populate, start, end}
    enqueues: [],          // [path, ms, removing]
    txDone: [],            // [start, complete] of read-write transactions
    hooked: {fs: false, ds: false},
  };
  window.__bench = B;

  var raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = function (callback) {
    return raf(function (ts) {
      var t0 = performance.now();
      try {
        return callback(ts);
      } finally {
        var t1 = performance.now();
        if (B.frames.length < 200000) B.frames.push([t0, t1 - t0]);
        if (B.firstFrameEnd === null) B.firstFrameEnd = t1;
        if (B.readyAt !== null && B.readyFrameEnd === null) B.readyFrameEnd = t1;
      }
    });
  };

  window.addEventListener('doorstep-ready', function () {
    if (B.readyAt === null) B.readyAt = performance.now();
  });

  var transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode) {
    var tx = transaction.apply(this, arguments);
    if (mode === 'readwrite') {
      var start = performance.now();
      tx.addEventListener('complete', function () { B.txDone.push([start, performance.now()]); });
    }
    return tx;
  };

  function hookRuntime() {
    /* global FS, DS */
    if (typeof FS !== 'undefined' && FS.syncfs && !B.hooked.fs) {
      B.hooked.fs = true;
      var syncfs = FS.syncfs;
      FS.syncfs = function (populate, callback) {
        if (typeof populate === 'function') {
          callback = populate;
          populate = false;
        }
        var rec = {populate: !!populate, start: performance.now(), end: null};
        B.syncfs.push(rec);
        return syncfs.call(this, populate, function (err) {
          rec.end = performance.now();
          callback(err);
        });
      };
    }
    if (typeof DS !== 'undefined' && DS.enqueue && !B.hooked.ds) {
      B.hooked.ds = true;
      var enqueue = DS.enqueue;
      DS.enqueue = function (path, removing) {
        B.enqueues.push([path, performance.now(), !!removing]);
        return enqueue.apply(this, arguments);
      };
      // The store's start-up load: every saved file in one IndexedDB read, opened
      // (decrypted when sign-in is on) and written into the mount.
      var loadAll = DS.loadAll;
      DS.loadAll = function (done) {
        var rec = {populate: true, start: performance.now(), end: null};
        B.syncfs.push(rec);
        return loadAll.call(this, function (err) {
          rec.end = performance.now();
          done(err);
        });
      };
    }
  }

  // boot.js assigns `var Module = {...}` and doorstep.js reads it back: an
  // accessor on window sees the object and adds a preRun step to it.
  var module;
  Object.defineProperty(window, 'Module', {
    configurable: true,
    enumerable: true,
    get: function () { return module; },
    set: function (value) {
      module = value;
      if (value && typeof value === 'object' && !value.__benchProbe) {
        value.__benchProbe = true;
        var pre = value.preRun ? [].concat(value.preRun) : [];
        pre.push(hookRuntime);
        value.preRun = pre;
      }
    },
  });

  // ---- helpers the bench calls with page.evaluate -------------------------------------------

  function sleep(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }

  // Waits until every path enqueued after `since` is in IndexedDB: the queue is
  // empty and a read-write transaction completed after the first such enqueue.
  // Resolves {enqueueAt, doneAt, paths}; when noneAfterMs is given and nothing
  // was enqueued that long after `since`, resolves with no paths and doneAt null.
  B.persisted = function (since, timeoutMs, noneAfterMs) {
    var deadline = performance.now() + (timeoutMs || 60000);
    return new Promise(function (resolve, reject) {
      (function poll() {
        var mine = B.enqueues.filter(function (e) { return e[1] >= since; });
        if (!mine.length && noneAfterMs && performance.now() - since > noneAfterMs) {
          resolve({enqueueAt: null, doneAt: null, paths: []});
          return;
        }
        if (mine.length && typeof DS !== 'undefined' && DS.queue.length === 0 && !DS.inFlight) {
          var first = mine[0][1];
          var done = B.txDone.filter(function (t) { return t[1] >= first; });
          if (done.length) {
            resolve({enqueueAt: first, doneAt: done[done.length - 1][1], paths: mine.map(function (e) { return e[0]; })});
            return;
          }
        }
        if (performance.now() > deadline) {
          reject(new Error('nothing persisted within ' + (timeoutMs || 60000) + ' ms (queue ' +
            (typeof DS !== 'undefined' ? DS.queue.length : '?') + ', enqueued ' + mine.length + ')'));
          return;
        }
        setTimeout(poll, 1);
      })();
    });
  };

  // The floor: the same file's bytes, as IDBFS stores them, put straight into
  // the same IndexedDB object store under the same key (a rewrite of identical
  // data, so the app's store is unchanged). Resolves {ms, bytes}.
  B.rawPut = function (path) {
    /* global IDBFS */
    return new Promise(function (resolve, reject) {
      IDBFS.loadLocalEntry(path, function (err, entry) {
        if (err) return reject(err);
        var copy = {timestamp: entry.timestamp, mode: entry.mode, contents: entry.contents ? new Uint8Array(entry.contents) : undefined};
        IDBFS.getDB(DS.mountpoint, function (err2, db) {
          if (err2) return reject(err2);
          var t0 = performance.now();
          var tx = transaction.call(db, [IDBFS.DB_STORE_NAME], 'readwrite');
          tx.objectStore(IDBFS.DB_STORE_NAME).put(copy, path);
          tx.oncomplete = function () { resolve({ms: performance.now() - t0, bytes: copy.contents ? copy.contents.length : 0}); };
          tx.onabort = function () { reject(tx.error || new Error('raw put aborted')); };
        });
      });
    });
  };

  // Milliseconds until no frame has been drawn for quietMs.
  B.settle = function (quietMs, timeoutMs) {
    var start = performance.now();
    return new Promise(function (resolve) {
      (function poll() {
        var last = B.frames.length ? B.frames[B.frames.length - 1] : [0, 0];
        var now = performance.now();
        if (now - (last[0] + last[1]) >= quietMs || now - start > timeoutMs) return resolve(now - start);
        setTimeout(poll, 20);
      })();
    });
  };
  B.sleep = sleep;
})();
