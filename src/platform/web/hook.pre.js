// window.doorstep: the automation interface of the running app (see README,
// "Automation interface"). Runs inside the Emscripten module before main().
//   ready     Promise, resolves after the first frame is drawn; rejects if start-up fails
//   frames()  number of frames drawn so far
(function () {
  'use strict';
  var resolveReady, rejectReady;
  var ready = new Promise(function (resolve, reject) { resolveReady = resolve; rejectReady = reject; });
  ready.catch(function () {});  // failure is reported through the page, not as an unhandled rejection
  var frames = 0;

  window.doorstep = {
    ready: ready,
    frames: function () { return frames; },
  };

  // Called from C++ (src/platform/web) after each drawn frame.
  Module['doorstepFrameDrawn'] = function (count) {
    frames = count;
    if (count === 1) {
      resolveReady(true);
      window.dispatchEvent(new CustomEvent('doorstep-ready'));
    }
  };

  // Called from C++ when start-up cannot continue, and by Emscripten on abort.
  function fail(reason) {
    var text = String(reason);
    rejectReady(new Error(text));
    window.dispatchEvent(new CustomEvent('doorstep-failed', { detail: text }));
  }
  Module['doorstepStartFailed'] = fail;
  var previousOnAbort = Module['onAbort'];
  Module['onAbort'] = function (what) {
    fail('the program stopped (' + what + ')');
    if (previousOnAbort) previousOnAbort(what);
  };
})();
