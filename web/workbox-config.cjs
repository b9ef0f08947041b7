// workbox generateSW configuration for the static site. Run from inside build/web/site
// (the build does this): every file of the site is precached with a content revision,
// so the app starts offline after one online visit.
// skipWaiting and clientsClaim stay false on purpose: a new version waits until the
// user agrees (web/register-sw.js, window.doorstepUpdate.apply()).
module.exports = {
  globDirectory: '.',
  globPatterns: ['**/*.{html,js,wasm,data,css,webmanifest,png,svg,json,txt}'],
  globIgnores: ['sw.js', 'workbox-*.js', '**/*.map'],
  swDest: 'sw.js',
  mode: 'production',
  sourcemap: false,
  skipWaiting: false,
  clientsClaim: false,
  cleanupOutdatedCaches: true,
  directoryIndex: 'index.html',
  // The app shell answers whatever query string the page was opened with (?from=homescreen,
  // a shortcut's or a campaign's parameters): none of them changes what is served.
  ignoreURLParametersMatching: [/./],
  // The wasm grows as features land; workbox's 2 MB default would silently skip it.
  maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
};
