// Page start-up, run before doorstep.js: tells the Emscripten module where its canvas
// is and shows start-up progress or failure in the status box.
// (A top-level `var Module` is what Emscripten's non-modular output expects; never `let`.)
var Module = {
  canvas: document.getElementById('canvas'),
  // Files are looked up next to the page, so the site works under any sub-path.
  locateFile: function (path) { return path; },
};

(function () {
  'use strict';
  var status = document.getElementById('status');
  window.addEventListener('doorstep-ready', function () {
    status.textContent = 'Doorstep is ready';
    status.classList.add('hidden');
  });
  window.addEventListener('doorstep-failed', function (e) {
    status.textContent = 'Doorstep could not start: ' + (e.detail || 'unknown error') +
      '. Try reloading the page, or use an up-to-date browser with WebGL 2.';
    status.classList.add('failed');
  });
})();
