/**
 * Connects window.doorstep (hook.pre.js) to the running app (hook.cpp): strings
 * go in and out of wasm memory here, and results come back as plain objects.
 */
var LibraryDoorstepHook = {
  doorstep_hook_attach__deps: ['malloc', 'free'],
  doorstep_hook_attach: function() {
    var withString = function(text, fn) {
      var size = lengthBytesUTF8(text) + 1;
      var ptr = _malloc(size);
      stringToUTF8(text, ptr, size);
      try { return fn(ptr); } finally { _free(ptr); }
    };
    var parse = function(ptr) {
      var text = UTF8ToString(ptr);
      return text ? JSON.parse(text) : null;
    };
    Module['doorstepHook'].attach({
      frames: function() { return _doorstep_api_frames(); },
      idle: function() { return _doorstep_api_idle() !== 0; },
      exportJson: function() { return UTF8ToString(_doorstep_api_export_json()); },
      importJson: function(text, mode) {
        if (typeof text !== 'string') return {ok: false, message: 'importJson needs the JSON as text (a string).'};
        if (mode === undefined) mode = 'replace';
        if (mode !== 'replace' && mode !== 'merge') {
          return {ok: false, message: 'importJson mode must be "replace" or "merge", not "' + mode + '".'};
        }
        var ok = withString(text, function(p) { return _doorstep_api_import_json(p, mode === 'merge' ? 1 : 0); });
        return {ok: ok !== 0, message: UTF8ToString(_doorstep_api_import_message())};
      },
      widget: function(label) {
        var node = withString(String(label), function(p) { return parse(_doorstep_api_widget(p)); });
        if (!node) return null;
        // ImGui's coordinates are CSS px from the canvas's top-left corner.
        var canvas = document.getElementById('canvas');
        var r = canvas ? canvas.getBoundingClientRect() : {left: 0, top: 0};
        node.x += r.left;
        node.y += r.top;
        return node;
      },
      semantics: function() { return parse(_doorstep_api_semantics()); },
      lastMessage: function() { return UTF8ToString(_doorstep_api_last_message()); },
      benchSemantics: function(on) { return _doorstep_api_bench_semantics(on ? 1 : 0) !== 0; },
    });
  },

  doorstep_hook_ready: function() { Module['doorstepHook'].ready(); },
  doorstep_hook_fail: function(reasonPtr) { Module['doorstepHook'].fail(UTF8ToString(reasonPtr)); },
};

mergeInto(LibraryManager.library, LibraryDoorstepHook);
