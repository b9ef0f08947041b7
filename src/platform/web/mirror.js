/**
 * The DOM mirror of the semantics tree (C++ side: mirror.cpp, text_input.cpp).
 *
 * One real DOM element per semantic node, kept between frames and keyed by the
 * node's id, laid exactly over the canvas (absolute positions in CSS px) and
 * made invisible with `filter: opacity(0)` on the container: never display:none
 * or visibility:hidden, which screen readers skip. Each update changes only the
 * attributes that changed and moves as few elements as possible (a screen
 * reader loses its place when elements move). The container has
 * pointer-events: none, so fingers and mice always reach the canvas; clicks
 * that arrive on mirror elements come from the keyboard or assistive
 * technology and become the widget's activation, unless a real tap on the
 * canvas just did the same (debounced).
 *
 * Text fields are real <input>/<textarea> elements: the active ImGui field's
 * twin takes the keyboard focus, so it is also the on-screen keyboard's field.
 */
var LibraryDoorstepMirror = {
  $DSM__deps: ['malloc', 'free'],
  $DSM: {
    root: null,          // #mirror, over the canvas
    descriptions: null,  // hidden holder of aria-describedby texts
    status: null,        // role=status live region
    alert: null,         // role=alert live region
    recs: {},            // id -> {id, el, kind, p (last applied props), desc}
    programmatic: 0,     // >0 while we move focus ourselves: those focus events are not the user's
    lastTap: {t: -1e9, x: 0, y: 0},  // the last real pointer release on the canvas
    composing: false,
    keyComposing: false, // the key being handled is part of an IME composition
    lastPolite: '',
    lastAlert: '',

    // Roles drawn as which element. Everything else is a <div> with the ARIA role.
    kindOf: function(n) {
      switch (n.role) {
        case 'button': return 'button';
        case 'tab': return 'button';
        case 'checkbox': return 'checkbox';
        case 'radio': return 'radio';
        case 'textbox': return 'input';
        case 'spinbutton': return 'input';
        case 'textarea': return 'textarea';
        case 'link': return 'a';
        case 'heading': return 'h' + Math.min(6, Math.max(1, n.level || 2));
        default: return 'div';
      }
    },

    // Roles whose element holds other nodes: named by aria-label, never by text
    // content (that would wipe their children).
    containers: {
      table: 1, row: 1, list: 1, listbox: 1, tablist: 1, dialog: 1, group: 1,
      navigation: 1, main: 1, banner: 1,
    },
    // Roles a <div> can take keyboard focus for and be activated from.
    focusableDivs: {combobox: 1, option: 1, slider: 1, listitem: 0},

    init: function() {
      if (DSM.root) return;
      var canvas = document.getElementById('canvas');
      DSM.root = document.getElementById('mirror');
      if (!DSM.root) {
        DSM.root = document.createElement('form');
        DSM.root.id = 'mirror';
        DSM.root.setAttribute('autocomplete', 'off');
        (canvas && canvas.parentNode || document.body).insertBefore(DSM.root, canvas ? canvas.nextSibling : null);
      }
      DSM.descriptions = document.getElementById('mirror-descriptions');
      if (!DSM.descriptions) {
        DSM.descriptions = document.createElement('div');
        DSM.descriptions.id = 'mirror-descriptions';
        DSM.descriptions.hidden = true;  // referenced by aria-describedby, which reads hidden text
        document.body.appendChild(DSM.descriptions);
      }
      DSM.status = DSM.liveRegion('mirror-status', 'status', 'polite');
      DSM.alert = DSM.liveRegion('mirror-alert', 'alert', 'assertive');

      // A real tap on the canvas; a click on a mirror element at the same place
      // right after it is the same tap reported twice (screen readers on phones).
      if (canvas) {
        canvas.addEventListener('pointerup', function(e) {
          DSM.lastTap = {t: performance.now(), x: e.clientX, y: e.clientY};
        }, {passive: true});
        // A press on the canvas takes the focus from a mirror button or heading, as a
        // click on a page does (text fields are let go by text_input.cpp, which knows
        // whether the press went to another field).
        canvas.addEventListener('pointerdown', function() {
          var el = document.activeElement;
          var rec = el && DSM.recOf(el);
          if (!rec || rec.el !== el || DSM.isTextKind(rec)) return;
          DSM.programmatic++;
          try { el.blur(); } finally { DSM.programmatic--; }
        }, {passive: true});
      }
      var root = DSM.root;
      // The mirror is a <form autocomplete=off> so the browser keeps no copy of what is
      // typed (Blink saves text areas' contents in the session's form state otherwise);
      // it is never submitted (Enter in a lone field would try).
      root.addEventListener('submit', function(e) { e.preventDefault(); });
      root.addEventListener('click', DSM.onClick);
      root.addEventListener('keydown', DSM.onKeyDown);
      root.addEventListener('focusin', DSM.onFocusIn);
      root.addEventListener('focusout', DSM.onFocusOut);
      root.addEventListener('input', DSM.onInput);
      root.addEventListener('compositionstart', function() { DSM.composing = true; });
      root.addEventListener('compositionend', function(e) {
        DSM.composing = false;
        DSM.onInput(e);  // the composed text is final now
      });
      document.addEventListener('selectionchange', DSM.onSelectionChange);
      // Seen before Emscripten's own key handler (capture phase on window): a key
      // pressed while an IME composes belongs to the IME, not to ImGui.
      window.addEventListener('keydown', function(e) {
        DSM.keyComposing = e.isComposing || e.keyCode === 229;
      }, true);
    },

    liveRegion: function(id, role, live) {
      var el = document.getElementById(id);
      if (!el) {
        el = document.createElement('div');
        el.id = id;
        el.className = 'visually-hidden';
        el.setAttribute('role', role);
        el.setAttribute('aria-live', live);
        el.setAttribute('aria-atomic', 'true');
        document.body.appendChild(el);
      }
      return el;
    },

    recOf: function(el) {
      while (el && el !== DSM.root) {
        if (el.dsId !== undefined) return DSM.recs[el.dsId] || null;
        el = el.parentNode;
      }
      return null;
    },

    // InputPurpose -> [inputmode, autocapitalize, autocorrect and spellcheck].
    keyboards: {
      text: ['text', 'sentences', true],
      sentences: ['text', 'sentences', true],
      name: ['text', 'words', false],
      tel: ['tel', 'none', false],
      email: ['email', 'none', false],
      postcode: ['text', 'characters', false],
      reference: ['text', 'characters', false],
      date: ['decimal', 'none', false],
      decimal: ['decimal', 'none', false],
      url: ['url', 'none', false],
      passphrase: ['text', 'none', false],
    },

    isTextKind: function(rec) { return rec && (rec.kind === 'input' || rec.kind === 'textarea'); },

    create: function(n, kind) {
      var el;
      switch (kind) {
        case 'checkbox':
        case 'radio':
          el = document.createElement('input');
          el.type = kind;
          // Radios under one parent are one group: Tab stops once, arrows choose.
          if (kind === 'radio') el.name = 'g' + (n.parent || 0);
          break;
        case 'input':
          el = document.createElement('input');
          el.type = 'text';
          el.setAttribute('autocomplete', 'off');
          break;
        case 'a':
          el = document.createElement('a');
          el.href = '#';
          break;
        default:
          el = document.createElement(kind);
      }
      if (kind === 'button') el.type = 'button';
      el.dsId = n.id;
      el.id = 'm' + n.id;
      var rec = {id: n.id, el: el, kind: kind, p: {}, text: null, desc: null, known: undefined};
      if (kind !== 'input' && kind !== 'textarea' && kind !== 'checkbox' && kind !== 'radio') {
        rec.text = document.createTextNode('');
        el.appendChild(rec.text);
      }
      DSM.recs[n.id] = rec;
      return rec;
    },

    remove: function(rec) {
      if (rec.el.parentNode) rec.el.parentNode.removeChild(rec.el);
      if (rec.desc && rec.desc.parentNode) rec.desc.parentNode.removeChild(rec.desc);
      delete DSM.recs[rec.id];
    },

    setAttr: function(el, name, value) {
      if (value === null || value === undefined || value === false) el.removeAttribute(name);
      else el.setAttribute(name, value === true ? 'true' : String(value));
    },

    // Only what changed since the last update touches the DOM.
    apply: function(rec, n, px, py) {
      var el = rec.el, p = rec.p, kind = rec.kind, role = n.role;
      var s = function(flag) { return n[flag] === true; };
      var want = {
        left: Math.round((n.x - px) * 10) / 10,
        top: Math.round((n.y - py) * 10) / 10,
        width: Math.max(1, n.w),
        height: Math.max(1, n.h),
        name: n.name || '',
        value: n.value || '',
        desc: n.description || '',
        role: null,
        checked: s('checked'),
        selected: s('selected'),
        expanded: s('expandable') || s('expanded') ? (s('expanded') ? 'true' : 'false') : null,
        disabled: s('disabled'),
        required: s('required'),
        invalid: s('invalid'),
        readonly: s('readonly'),
        rowindex: n.row_index || 0,
        rowcount: n.row_count || 0,
        input: n.input || 'text',
      };
      if (want.left !== p.left) el.style.left = want.left + 'px';
      if (want.top !== p.top) el.style.top = want.top + 'px';
      if (want.width !== p.width) el.style.width = want.width + 'px';
      if (want.height !== p.height) el.style.height = want.height + 'px';

      if (kind === 'div' || role === 'tab') want.role = role === 'text' ? null : role;
      if (want.role !== p.role) DSM.setAttr(el, 'role', want.role);
      if (kind === 'div' && DSM.focusableDivs[role] && p.tabindex === undefined) {
        el.tabIndex = 0;
        p.tabindex = 0;
      }
      if ((kind.charAt(0) === 'h' || role === 'dialog') && p.tabindex === undefined) {
        el.tabIndex = -1;  // the app may send focus to a screen's heading or a dialog
        p.tabindex = -1;
      }

      // The accessible name: text content for elements named by their content,
      // aria-label for fields and containers.
      var byLabel = kind === 'input' || kind === 'textarea' || kind === 'checkbox' || kind === 'radio' ||
                    DSM.containers[role] || role === 'combobox' || role === 'slider' || role === 'img';
      if (want.name !== p.name) {
        if (byLabel) DSM.setAttr(el, 'aria-label', want.name || null);
        else if (rec.text) rec.text.data = want.name;
      }
      if (role === 'combobox' && want.value !== p.value && rec.text) rec.text.data = want.value;
      if (role === 'slider' && want.value !== p.value) {
        var num = parseFloat(want.value);
        DSM.setAttr(el, 'aria-valuenow', isNaN(num) ? 0 : num);
        DSM.setAttr(el, 'aria-valuemin', 0);
        DSM.setAttr(el, 'aria-valuemax', isNaN(num) ? 100 : Math.max(100, num));
        DSM.setAttr(el, 'aria-valuetext', want.value || null);
      }

      if (kind === 'input' || kind === 'textarea') {
        // The field being edited is kept in step by text_input.cpp; never
        // overwrite what the person is typing (or composing).
        if (want.value !== p.value && document.activeElement !== el && el.value !== want.value) {
          el.value = want.value;
          rec.known = want.value;
        }
        if (rec.known === undefined) rec.known = el.value;
        if (want.readonly !== p.readonly) el.readOnly = want.readonly;
        // The on-screen keyboard that fits the field (InputPurpose in semantics.h).
        if (want.input !== p.input) {
          var k = DSM.keyboards[want.input] || DSM.keyboards.text;
          el.setAttribute('inputmode', k[0]);
          el.setAttribute('autocapitalize', k[1]);
          el.setAttribute('autocorrect', k[2] ? 'on' : 'off');
          el.spellcheck = k[2];
          // A passphrase is shown as dots and never offered again by the browser.
          if (kind === 'input') {
            el.type = want.input === 'passphrase' ? 'password' : 'text';
            el.setAttribute('autocomplete', want.input === 'passphrase' ? 'current-password' : 'off');
          }
        }
      }
      if (kind === 'checkbox' || kind === 'radio') {
        if (want.checked !== el.checked) el.checked = want.checked;
      } else if (want.checked !== p.checked || p.checkable !== s('checkable')) {
        p.checkable = s('checkable');
        DSM.setAttr(el, 'aria-pressed', s('checkable') && kind === 'button' ? (want.checked ? 'true' : 'false') : null);
      }
      if (want.selected !== p.selected) {
        // aria-selected where ARIA allows it; a selected navigation button is the current page.
        // (tab and option always say; a row only when chosen; cells never: ARIA forbids it there).
        var selectable = role === 'tab' || role === 'option';
        var selected = selectable ? (want.selected ? 'true' : 'false') : role === 'row' && want.selected ? 'true' : null;
        DSM.setAttr(el, 'aria-selected', selected);
        DSM.setAttr(el, 'aria-current', !selectable && role !== 'row' && want.selected ? 'page' : null);
      }
      if (want.expanded !== p.expanded) DSM.setAttr(el, 'aria-expanded', want.expanded);
      if (role === 'combobox' && p.haspopup === undefined) {
        el.setAttribute('aria-haspopup', 'listbox');
        if (want.expanded === null) el.setAttribute('aria-expanded', 'false');
        p.haspopup = 1;
      }
      if (want.disabled !== p.disabled) DSM.setAttr(el, 'aria-disabled', want.disabled || null);
      if (want.required !== p.required) DSM.setAttr(el, 'aria-required', want.required || null);
      if (want.invalid !== p.invalid) DSM.setAttr(el, 'aria-invalid', want.invalid || null);

      if (want.rowindex !== p.rowindex || want.rowcount !== p.rowcount) {
        var posRole = role === 'listitem' || role === 'option';
        DSM.setAttr(el, 'aria-rowindex', role === 'row' && want.rowindex > 0 ? want.rowindex : null);
        DSM.setAttr(el, 'aria-rowcount', role === 'table' && want.rowcount > 0 ? want.rowcount : null);
        DSM.setAttr(el, 'aria-posinset', posRole && want.rowindex > 0 ? want.rowindex : null);
        DSM.setAttr(el, 'aria-setsize', posRole && want.rowcount > 0 ? want.rowcount : null);
      }

      if (want.desc !== p.desc) {
        if (want.desc) {
          if (!rec.desc) {
            rec.desc = document.createElement('div');
            rec.desc.id = 'd' + n.id;
            DSM.descriptions.appendChild(rec.desc);
          }
          rec.desc.textContent = want.desc;
          el.setAttribute('aria-describedby', rec.desc.id);
        } else {
          el.removeAttribute('aria-describedby');
          if (rec.desc) rec.desc.textContent = '';
        }
      }
      rec.p = want;
      rec.p.tabindex = p.tabindex;
      rec.p.haspopup = p.haspopup;
      rec.p.checkable = p.checkable;
    },

    // Puts `els` in this order under `parent` with as few moves as possible:
    // elements on the longest increasing run of current positions stay put.
    order: function(parent, els) {
      var n = els.length;
      if (!n) return;
      var index = new Map();
      var i = 0;
      for (var c = parent.firstElementChild; c; c = c.nextElementSibling) index.set(c, i++);
      var pos = new Array(n);
      for (i = 0; i < n; ++i) pos[i] = els[i].parentNode === parent ? index.get(els[i]) : -1;
      // Longest increasing subsequence of pos (ignoring -1), O(n log n).
      var tails = [], tailIdx = [], prev = new Array(n);
      for (i = 0; i < n; ++i) {
        if (pos[i] < 0) continue;
        var lo = 0, hi = tails.length;
        while (lo < hi) {
          var mid = (lo + hi) >> 1;
          if (tails[mid] < pos[i]) lo = mid + 1; else hi = mid;
        }
        tails[lo] = pos[i];
        tailIdx[lo] = i;
        prev[i] = lo > 0 ? tailIdx[lo - 1] : -1;
      }
      var stay = new Uint8Array(n);
      for (var k = tails.length ? tailIdx[tails.length - 1] : -1; k >= 0; k = prev[k]) stay[k] = 1;
      var ref = null;
      for (i = n - 1; i >= 0; --i) {
        if (!stay[i]) parent.insertBefore(els[i], ref);
        ref = els[i];
      }
    },

    update: function(json) {
      DSM.init();
      var tree;
      try {
        tree = JSON.parse(json);
      } catch (e) {
        console.error('Doorstep: the semantics tree could not be read:', e);
        return;
      }
      var nodes = tree.nodes || [];
      // The window's title leaves out personal details (tabs, history, task switchers).
      var title = tree.window_title || tree.title || 'Doorstep';
      if (document.title !== title) document.title = title;

      var byId = {};
      var i, n;
      for (i = 0; i < nodes.length; ++i) byId[nodes[i].id] = nodes[i];
      // Elements whose node is gone, or whose node now needs another element.
      for (var key in DSM.recs) {
        var r = DSM.recs[key];
        n = byId[key];
        if (!n || DSM.kindOf(n) !== r.kind) DSM.remove(r);
      }
      // Create and update, grouping children under their parents.
      var children = {0: []};
      var at = {0: {x: 0, y: 0}};
      for (i = 0; i < nodes.length; ++i) {
        n = nodes[i];
        var kind = DSM.kindOf(n);
        var rec = DSM.recs[n.id] || DSM.create(n, kind);
        var parent = n.parent && byId[n.parent] ? n.parent : 0;
        // Fields and buttons cannot hold other elements.
        if (parent && DSM.recs[parent] && !DSM.containerKind(DSM.recs[parent].kind)) parent = 0;
        var origin = parent ? byId[parent] : at[0];
        DSM.apply(rec, n, origin.x, origin.y);
        (children[parent] || (children[parent] = [])).push(rec.el);
      }
      DSM.order(DSM.root, children[0]);
      for (var pid in children) {
        if (pid === '0') continue;
        DSM.order(DSM.recs[pid].el, children[pid]);
      }

      DSM.announce(DSM.status, tree.polite || '', 'lastPolite');
      DSM.announce(DSM.alert, tree.alert || '', 'lastAlert');

      if (tree.focus && DSM.recs[tree.focus]) DSM.focus(DSM.recs[tree.focus].el);
    },

    containerKind: function(kind) {
      return kind === 'div' || kind === 'a' || kind.charAt(0) === 'h';
    },

    // Live regions: the same words twice in a row are announced twice.
    announce: function(region, text, memo) {
      if (!text) {
        DSM[memo] = '';
        return;
      }
      if (text === DSM[memo]) return;  // the same frame's announcement sent again
      DSM[memo] = text;
      region.textContent = '';
      setTimeout(function() { region.textContent = text; }, 50);
    },

    focus: function(el) {
      if (document.activeElement === el) return;
      DSM.programmatic++;
      try { el.focus({preventScroll: true}); } finally { DSM.programmatic--; }
    },

    debounced: function(el) {
      var tap = DSM.lastTap;
      if (performance.now() - tap.t > 500) return false;
      var r = el.getBoundingClientRect();
      return tap.x >= r.left - 4 && tap.x <= r.right + 4 && tap.y >= r.top - 4 && tap.y <= r.bottom + 4;
    },

    activate: function(rec) {
      if (DSM.debounced(rec.el)) return;  // the canvas already had this tap
      _doorstep_mirror_activated(rec.id);
    },

    onClick: function(e) {
      var rec = DSM.recOf(e.target);
      if (!rec) return;
      if (DSM.isTextKind(rec)) return;  // focusing a field is enough (focusin)
      // The widget decides: a checkbox stays as ImGui has it until the next update.
      e.preventDefault();
      DSM.activate(rec);
    },

    onKeyDown: function(e) {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      var rec = DSM.recOf(e.target);
      if (!rec || rec.el !== e.target || rec.kind !== 'div' || !DSM.focusableDivs[rec.p.role]) return;
      e.preventDefault();  // <div role=option|combobox|slider> act on Enter and Space like buttons
      DSM.activate(rec);
    },

    onFocusIn: function(e) {
      if (DSM.programmatic) return;
      var rec = DSM.recOf(e.target);
      if (rec && rec.el === e.target) _doorstep_mirror_focused(rec.id);
    },

    onFocusOut: function(e) {
      if (DSM.programmatic) return;
      var rec = DSM.recOf(e.target);
      if (!DSM.isTextKind(rec) || rec.el !== e.target) return;
      var to = e.relatedTarget;
      if (to && DSM.root.contains(to)) return;  // focusin on the new element says where it went
      _doorstep_mirror_blurred(rec.id);
    },

    onInput: function(e) {
      var rec = DSM.recOf(e.target);
      if (!DSM.isTextKind(rec)) return;
      var el = rec.el;
      // The whole value, compared with the last one both sides agreed on:
      // autocorrect and dictation replace whole words, IMEs rewrite what they compose.
      if (el.value === rec.known) return;
      rec.known = el.value;
      var s = DSM.toUtf8(el.value);
      _doorstep_text_input(rec.id, s, el.selectionStart || 0, el.selectionEnd || 0);
      _free(s);
    },

    onSelectionChange: function() {
      var el = document.activeElement;
      if (!el || el.dsId === undefined) return;
      var rec = DSM.recs[el.dsId];
      if (!DSM.isTextKind(rec) || DSM.composing) return;
      _doorstep_text_selection(rec.id, el.selectionStart || 0, el.selectionEnd || 0);
    },

    toUtf8: function(text) {
      var size = lengthBytesUTF8(text) + 1;
      var ptr = _malloc(size);
      stringToUTF8(text, ptr, size);
      return ptr;
    },
  },

  doorstep_mirror_update__deps: ['$DSM'],
  doorstep_mirror_update: function(jsonPtr) {
    DSM.update(UTF8ToString(jsonPtr));
  },

  // 0: focus is not in the mirror (canvas, page), 1: a text <input>, 2: a <textarea>, 3: another element.
  doorstep_mirror_focus_kind__deps: ['$DSM'],
  doorstep_mirror_focus_kind: function() {
    var el = document.activeElement;
    if (!el || !DSM.root || !DSM.root.contains(el) || el === DSM.root) return 0;
    var rec = DSM.recOf(el);
    if (rec && rec.kind === 'input') return 1;
    if (rec && rec.kind === 'textarea') return 2;
    return 3;
  },

  doorstep_mirror_key_composing__deps: ['$DSM'],
  doorstep_mirror_key_composing: function() { return DSM.keyComposing || DSM.composing ? 1 : 0; },

  // ImGui's keyboard focus moved: the DOM focus follows when it is in the mirror already.
  doorstep_mirror_follow_focus__deps: ['$DSM'],
  doorstep_mirror_follow_focus: function(id) {
    id >>>= 0;  // ImGui ids are unsigned 32-bit; wasm hands them over as signed
    var rec = DSM.recs[id];
    var active = document.activeElement;
    if (!rec || !DSM.root || !active || !DSM.root.contains(active) || active === rec.el) return;
    DSM.focus(rec.el);
  },

  // Focus a text field's twin. In a gesture the focus is made again even if it
  // is there already, so that iOS raises its keyboard.
  doorstep_mirror_focus_text__deps: ['$DSM'],
  doorstep_mirror_focus_text: function(id, inGesture) {
    id >>>= 0;  // ImGui ids are unsigned 32-bit; wasm hands them over as signed
    var rec = DSM.recs[id];
    if (!DSM.isTextKind(rec)) return 0;
    DSM.programmatic++;
    try {
      if (inGesture && document.activeElement === rec.el) rec.el.blur();
      rec.el.focus({preventScroll: true});
    } finally {
      DSM.programmatic--;
    }
    return document.activeElement === rec.el ? 1 : 0;
  },

  doorstep_mirror_blur_text__deps: ['$DSM'],
  doorstep_mirror_blur_text: function(id) {
    id >>>= 0;  // ImGui ids are unsigned 32-bit; wasm hands them over as signed
    var rec = DSM.recs[id];
    if (!rec || document.activeElement !== rec.el) return;
    DSM.programmatic++;
    try { rec.el.blur(); } finally { DSM.programmatic--; }
  },

  doorstep_mirror_set_text__deps: ['$DSM'],
  doorstep_mirror_set_text: function(id, textPtr, start, end) {
    id >>>= 0;  // ImGui ids are unsigned 32-bit; wasm hands them over as signed
    var rec = DSM.recs[id];
    if (!DSM.isTextKind(rec) || DSM.composing) return;
    var text = UTF8ToString(textPtr);
    if (rec.el.value !== text) rec.el.value = text;
    rec.p.value = text;
    rec.known = text;
    if (document.activeElement === rec.el) {
      try { rec.el.setSelectionRange(start, end); } catch (e) {}
    }
  },

  doorstep_mirror_set_selection__deps: ['$DSM'],
  doorstep_mirror_set_selection: function(id, start, end) {
    id >>>= 0;  // ImGui ids are unsigned 32-bit; wasm hands them over as signed
    var rec = DSM.recs[id];
    if (!DSM.isTextKind(rec) || DSM.composing || document.activeElement !== rec.el) return;
    try { rec.el.setSelectionRange(start, end); } catch (e) {}
  },
};

mergeInto(LibraryManager.library, LibraryDoorstepMirror);
