// window.doorstep: the automation interface of the running app (README,
// "Automation interface (window.doorstep)"). This part runs before main(), so
// the object exists from the moment doorstep.js loads; hook.js connects its
// methods to the app once it runs, and `ready` resolves when the saved cases
// have loaded and the first frame showing them is drawn.
(function () {
  'use strict';
  var resolveReady, rejectReady;
  var ready = new Promise(function (resolve, reject) { resolveReady = resolve; rejectReady = reject; });
  ready.catch(function () {});  // failure is reported on the page, not as an unhandled rejection
  var api = null;

  function started(what) {
    if (!api) throw new Error('Doorstep has not started yet: await window.doorstep.ready before calling ' + what + '()');
    return api;
  }

  window.doorstep = {
    ready: ready,
    // Frames drawn so far (none are drawn while nothing happens).
    frames: function () { return api ? api.frames() : 0; },
    // True when no frame is scheduled: the last event has been drawn and ImGui has settled.
    idle: function () { return api ? api.idle() : false; },
    // Every case and setting as the export file's JSON text.
    exportJson: function () { return started('exportJson').exportJson(); },
    // mode "replace" or "merge"; {ok, message}. Nothing changes when ok is false.
    importJson: function (text, mode) { return started('importJson').importJson(text, mode); },
    // {x, y, w, h} in CSS px (page coordinates) of the element named `label`
    // (visible name, or ImGui id as a decimal string), plus id, role, name, value
    // and state flags; null when no such element is on screen.
    widget: function (label) { return api ? api.widget(label) : null; },
    // The semantics tree of the last frame: {title, nodes: [...], ...}.
    semantics: function () { return api ? api.semantics() : {title: '', nodes: []}; },
    // The last message the app showed (a notice, an error, an import result).
    lastMessage: function () { return api ? api.lastMessage() : ''; },
    // Benchmarks only: collect the semantics tree and update the DOM mirror (true,
    // always so in use) or not (false), to measure their cost per frame.
    benchSemantics: function (on) { return started('benchSemantics').benchSemantics(on); },
  };

  Module['doorstepHook'] = {
    attach: function (impl) { api = impl; },
    ready: function () {
      resolveReady(true);
      window.dispatchEvent(new CustomEvent('doorstep-ready'));
    },
    fail: fail,
  };

  // Start-up cannot continue (no WebGL 2, the program stopped).
  function fail(reason) {
    var text = String(reason);
    rejectReady(new Error(text));
    window.dispatchEvent(new CustomEvent('doorstep-failed', { detail: text }));
  }
  var previousOnAbort = Module['onAbort'];
  Module['onAbort'] = function (what) {
    fail('the program stopped (' + what + ')');
    if (previousOnAbort) previousOnAbort(what);
  };
})();
