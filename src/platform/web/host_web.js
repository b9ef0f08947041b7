/**
 * The browser facts behind ui::Host (host_web.cpp): network, a waiting new
 * version (web/register-sw.js exposes window.doorstepUpdate), reduced motion,
 * local time, printing, and the page being hidden.
 */
var LibraryDoorstepHost = {
  $DSH: {
    reducedMotion: null,  // MediaQueryList
    dark: null,           // prefers-color-scheme: dark
    contrast: null,       // forced-colors: active, or prefers-contrast: more
  },

  doorstep_host_install__deps: ['$DSH'],
  doorstep_host_install: function() {
    var wake = function() { _doorstep_host_wake(); };
    window.addEventListener('online', wake);
    window.addEventListener('offline', wake);
    window.addEventListener('doorstep-update-available', wake);
    if (window.matchMedia) {
      DSH.reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
      if (DSH.reducedMotion.addEventListener) DSH.reducedMotion.addEventListener('change', wake);
      DSH.dark = window.matchMedia('(prefers-color-scheme: dark)');
      DSH.contrast = window.matchMedia('(forced-colors: active), (prefers-contrast: more)');
      [DSH.dark, DSH.contrast].forEach(function(q) { if (q.addEventListener) q.addEventListener('change', wake); });
    }
    // Save drafts and flush the write queue before the page may be discarded.
    var hidden = function() { _doorstep_host_hidden(); };
    document.addEventListener('visibilitychange', function() {
      if (document.visibilityState === 'hidden') hidden();
    });
    window.addEventListener('pagehide', hidden);
    // Changes that come without an event of their own (another tab's lock, a save
    // finishing): compared every half second, drawn only when something changed.
    setInterval(function() { _doorstep_host_poll(); }, 500);
  },

  doorstep_host_online: function() { return navigator.onLine === false ? 0 : 1; },

  doorstep_host_update_available: function() {
    return window.doorstepUpdate && window.doorstepUpdate.available ? 1 : 0;
  },

  doorstep_host_reduced_motion__deps: ['$DSH'],
  doorstep_host_reduced_motion: function() {
    return DSH.reducedMotion && DSH.reducedMotion.matches ? 1 : 0;
  },

  doorstep_host_system_theme__deps: ['$DSH'],
  doorstep_host_system_theme: function() {
    if (DSH.contrast && DSH.contrast.matches) return 2;
    return DSH.dark && DSH.dark.matches ? 1 : 0;
  },

  // Only after the person agreed: the waiting version takes over and the page reloads.
  doorstep_host_apply_update: function() {
    if (window.doorstepUpdate && window.doorstepUpdate.apply) window.doorstepUpdate.apply();
  },

  // A letter or report in a new tab, to print or save as PDF.
  doorstep_host_open_printable: function(htmlPtr) {
    var html = UTF8ToString(htmlPtr);
    var url = URL.createObjectURL(new Blob([html], {type: 'text/html;charset=utf-8'}));
    var win = window.open(url, '_blank');
    if (win) {
      // The tab inherits this page's Content-Security-Policy (style-src 'self'), which
      // blocks the document's own <style> and style="" attributes: apply them through
      // the CSSOM, which the policy allows, so the printout matches the download.
      var restyled = false;
      var restyle = function() {
        var doc;
        try { doc = win.document; } catch (e) { return true; }
        if (!doc || doc.URL !== url || doc.readyState === 'loading') return false;
        if (restyled) return true;
        restyled = true;
        var sheets = [];
        doc.querySelectorAll('style').forEach(function(s) {
          var sheet = new win.CSSStyleSheet();
          sheet.replaceSync(s.textContent);
          sheets.push(sheet);
        });
        doc.adoptedStyleSheets = sheets;
        doc.querySelectorAll('[style]').forEach(function(el) { el.style.cssText = el.getAttribute('style'); });
        return true;
      };
      var tries = 0;
      var timer = setInterval(function() {
        if (restyle() || ++tries > 200) clearInterval(timer);
      }, 25);
    }
    if (!win) {
      // Pop-ups blocked: open it in this tab's download instead, so nothing is lost.
      var a = document.createElement('a');
      a.href = url;
      a.download = 'doorstep-print.html';
      document.body.appendChild(a);
      a.click();
      a.remove();
    }
    setTimeout(function() { URL.revokeObjectURL(url); }, 60000);
  },

  // Local wall-clock time "YYYY-MM-DDTHH:MM".
  doorstep_host_now_local: function(buf, cap) {
    var d = new Date();
    var two = function(n) { return (n < 10 ? '0' : '') + n; };
    var text = d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate()) + 'T' +
               two(d.getHours()) + ':' + two(d.getMinutes());
    stringToUTF8(text, buf, cap);
    return text.length;
  },
};

mergeInto(LibraryManager.library, LibraryDoorstepHost);
