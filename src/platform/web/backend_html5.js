/**
 * Browser events the html5 API does not offer, for backend_html5.cpp: pixel ratio
 * changes (browser zoom, moving the window to another screen), the visual
 * viewport (an on-screen keyboard covering part of the page), and the clipboard
 * for ImGui itself (text fields use their DOM twin and the browser's own copy and
 * paste, see mirror.js).
 */
var LibraryDoorstepBackend = {
  $DSB: {
    clip: '',        // ImGui's clipboard text (GetClipboardTextFn)
    fresh: false,    // ImGui just copied: the next 'copy' event carries it

    editableFocused: function() {
      var el = document.activeElement;
      if (!el) return false;
      var tag = el.tagName;
      return tag === 'INPUT' || tag === 'TEXTAREA' || el.isContentEditable;
    },

    watchPixelRatio: function() {
      if (!window.matchMedia) return;
      var query = window.matchMedia('(resolution: ' + window.devicePixelRatio + 'dppx)');
      var changed = function() {
        if (query.removeEventListener) query.removeEventListener('change', changed);
        else query.removeListener(changed);
        DSB.watchPixelRatio();  // a new query for the new ratio
        _doorstep_backend_wake();
      };
      if (query.addEventListener) query.addEventListener('change', changed);
      else query.addListener(changed);
    },
  },

  doorstep_backend_install__deps: ['$DSB'],
  doorstep_backend_install: function() {
    DSB.watchPixelRatio();

    var vv = window.visualViewport;
    if (vv) {
      var report = function() { _doorstep_backend_visible(vv.offsetTop, vv.offsetTop + vv.height); };
      vv.addEventListener('resize', report);
      vv.addEventListener('scroll', report);
    }

    document.addEventListener('copy', function(e) { DSB.copy(e); });
    document.addEventListener('cut', function(e) { DSB.copy(e); });
    DSB.copy = function(e) {
      if (DSB.editableFocused() || !DSB.fresh) return;  // a field copies its own selection
      DSB.fresh = false;
      if (e.clipboardData) {
        e.clipboardData.setData('text/plain', DSB.clip);
        e.preventDefault();
      }
    };
    document.addEventListener('paste', function(e) {
      if (DSB.editableFocused() || !e.clipboardData) return;  // the field pastes itself
      DSB.clip = e.clipboardData.getData('text/plain') || '';
      e.preventDefault();
      _doorstep_backend_paste();
    });

    // Back from another tab or the back/forward cache: the canvas may need a frame.
    window.addEventListener('pageshow', function() { _doorstep_backend_wake(); });
    document.addEventListener('visibilitychange', function() {
      if (document.visibilityState === 'visible') _doorstep_backend_wake();
    });
    var platform = (navigator.userAgentData && navigator.userAgentData.platform) || navigator.platform || '';
    return /Mac|iPhone|iPad|iPod/.test(platform) ? 1 : 0;
  },

  doorstep_backend_set_clipboard__deps: ['$DSB'],
  doorstep_backend_set_clipboard: function(textPtr) {
    DSB.clip = UTF8ToString(textPtr);
    DSB.fresh = true;
    setTimeout(function() { DSB.fresh = false; }, 0);  // only the 'copy' of this very key press
    // Also the system clipboard where allowed (secure context, focused page); it may refuse.
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(DSB.clip).catch(function() {});
    }
  },

  doorstep_backend_clipboard_length__deps: ['$DSB'],
  doorstep_backend_clipboard_length: function() { return lengthBytesUTF8(DSB.clip); },

  doorstep_backend_clipboard_copy__deps: ['$DSB'],
  doorstep_backend_clipboard_copy: function(dest, cap) { stringToUTF8(DSB.clip, dest, cap); },
};

mergeInto(LibraryManager.library, LibraryDoorstepBackend);
