// The browser half of `make bench`: the real app (build/web/site) in Debian's
// Chromium, one fresh persistent profile per dataset size, observed through
// bench/web/probe.js and window.doorstep. See bench/README.md for what each
// number means.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, waitForApp, watchErrors, sleep } from '../../tests/browser/lib.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PROBE = path.join(HERE, 'probe.js');
const VIEWPORT = { width: 1024, height: 768 };

// ---- statistics --------------------------------------------------------------------------------
export function median(xs) {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}
export function percentile(xs, p) {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  return v[Math.min(v.length - 1, Math.ceil((p / 100) * v.length) - 1)];
}
const round = (x, d = 2) => (x === null || x === undefined ? null : Number(x.toFixed(d)));

// ---- page helpers ------------------------------------------------------------------------------
const semantics = (page) => page.evaluate(() => window.doorstep.semantics());
const widget = (page, label) => page.evaluate((l) => window.doorstep.widget(l), label);
const settle = (page, quietMs = 500, timeoutMs = 20_000) =>
  page.evaluate(([q, t]) => window.__bench.settle(q, t), [quietMs, timeoutMs]);
const frameCount = (page) => page.evaluate(() => window.__bench.frames.length);

async function until(page, fn, arg, what, timeout = 30_000) {
  try {
    return await (await page.waitForFunction(fn, arg, { timeout, polling: 20 })).jsonValue();
  } catch {
    throw new Error(`${what}: not within ${timeout} ms`);
  }
}

async function clickMirror(page, id) {
  await page.evaluate((i) => document.getElementById('m' + i).click(), id);
}

async function openScreen(page, dt, name, title) {
  const w = await widget(page, name);
  if (!w) throw new Error(`no "${name}" control on screen`);
  const t0 = Date.now();
  const { frames } = await dt.traceFrames(async () => {
    await clickMirror(page, w.id);
    await until(page, (t) => window.doorstep.semantics().title.startsWith(t), title, `the ${title} screen`, 120_000);
    await settle(page);
  });
  return { wall_s: round((Date.now() - t0) / 1000, 2), ...frameStats(frames) };
}

// Scrolls the wheel over (x, y) `ticks` times down then back up, one tick per
// `gapMs`: each tick makes the app draw (frames on demand). Returns the CPU
// and wall time of the frames drawn meanwhile.
async function scrollFrames(page, dt, x, y, ticks, gapMs) {
  const frames = await scrollTrace(page, dt, x, y, ticks, gapMs);
  return { events: 2 * ticks, ...frameStats(frames) };
}

async function scrollTrace(page, dt, x, y, ticks, gapMs) {
  await page.mouse.move(x, y);
  await settle(page, 300);
  const { frames } = await dt.traceFrames(async () => {
    for (let i = 0; i < 2 * ticks; i++) {
      await page.mouse.wheel(0, i < ticks ? 120 : -120);
      await sleep(gapMs);
    }
    await settle(page, 300);
  });
  return frames;
}

// What the semantics tree and the DOM mirror add to a frame of the Cases list:
// the same wheel scrolling with them on and with them off
// (window.doorstep.benchSemantics, a switch for benchmarks only), in alternating
// rounds so that the machine's load falls on both alike. Per frame: the app's
// frame (FireAnimationFrame, which includes building the tree, its JSON and the
// mirror's DOM update) and, beside it, that frame plus the browser's style,
// layout and paint work that follows it before the next frame (where the
// mirror's DOM changes cost something too).
async function semanticsCost(page, dt, rounds) {
  const frames = { on: [], off: [] };
  try {
    for (let i = 0; i < rounds; i++) {
      for (const mode of i % 2 ? ['off', 'on'] : ['on', 'off']) {
        const now = await page.evaluate((on) => window.doorstep.benchSemantics(on), mode === 'on');
        if (now !== (mode === 'on')) throw new Error(`benchSemantics(${mode === 'on'}) did not switch`);
        frames[mode].push(...await scrollTrace(page, dt, 640, 600, 10, 60));
      }
    }
  } finally {
    await page.evaluate(() => window.doorstep.benchSemantics(true));
  }
  const stats = (fs) => ({
    ...frameStats(fs),
    with_render_median_ms: round(median(fs.map((f) => f.with_render_ms)), 3),
    with_render_p95_ms: round(percentile(fs.map((f) => f.with_render_ms), 95), 3),
  });
  const on = stats(frames.on), off = stats(frames.off);
  const diff = (k) => (on[k] === null || off[k] === null ? null : round(on[k] - off[k], 3));
  return {
    rounds, on, off,
    added_median_ms: diff('median_ms'),
    added_p95_ms: diff('p95_ms'),
    added_with_render_median_ms: diff('with_render_median_ms'),
    added_with_render_p95_ms: diff('with_render_p95_ms'),
  };
}

// Chrome's own accounting, through a DevTools session on the page:
// - traceFrames: every FireAnimationFrame while fn runs, with its wall time (dur)
//   and the main thread's CPU time (tdur), from a devtools.timeline trace. On a
//   loaded machine wall time also counts waiting for a CPU and for the GPU process;
//   tdur is the frame's own CPU time.
// - threadTime: the renderer main thread's CPU ms so far (Performance.getMetrics).
async function devtools(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const threadTime = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const m = metrics.find((x) => x.name === 'ThreadTime');
    return m ? m.value * 1000 : null;
  };
  const traceFrames = async (fn) => {
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline'] }, transferMode: 'ReturnAsStream' });
    let result;
    let stream;
    try {
      result = await fn();
    } finally {
      const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
      await cdp.send('Tracing.end');
      ({ stream } = await complete);
    }
    const chunks = [];
    for (;;) {
      const c = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
      chunks.push(c.base64Encoded ? Buffer.from(c.data, 'base64').toString('utf8') : c.data);
      if (c.eof) break;
    }
    await cdp.send('IO.close', { handle: stream });
    const events = JSON.parse(chunks.join('')).traceEvents || [];
    const faf = events.filter((e) => e.name === 'FireAnimationFrame' && e.ph === 'X').sort((a, b) => a.ts - b.ts);
    // The rendering work on the same thread after each frame (style, layout, paint),
    // up to the next frame: top-level complete events only, so nothing counts twice.
    const thread = faf.length ? `${faf[0].pid}:${faf[0].tid}` : '';
    const top = [];
    let end = -Infinity;
    for (const e of events.filter((x) => x.ph === 'X' && `${x.pid}:${x.tid}` === thread && x.tdur !== undefined)
      .sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
      if (e.ts < end) continue;
      top.push(e);
      end = e.ts + e.dur;
    }
    const RENDER = /^(UpdateLayoutTree|Layout|PrePaint|Paint|Layerize|UpdateLayer|CompositeLayers|Commit|IntersectionObserverController::computeIntersections|ProcessAnimationFrame|BeginMainThreadFrame)$/;
    const frames = faf.map((e, i) => {
      const next = i + 1 < faf.length ? faf[i + 1].ts : Infinity;
      const render = top.filter((x) => x !== e && x.ts >= e.ts && x.ts < next && RENDER.test(x.name))
        .reduce((sum, x) => sum + x.tdur, 0);
      const cpu = e.tdur !== undefined ? e.tdur / 1000 : NaN;
      return { wall_ms: e.dur / 1000, cpu_ms: cpu, with_render_ms: cpu + render / 1000 };
    });
    return { result, frames };
  };
  // fn's result and the main thread's CPU ms meanwhile.
  const cpu = async (fn) => {
    const c0 = await threadTime();
    const result = await fn();
    const c1 = await threadTime();
    return { result, cpu_ms: c0 !== null && c1 !== null ? c1 - c0 : null };
  };
  return { threadTime, traceFrames, cpu, close: () => cdp.detach().catch(() => {}) };
}

function frameStats(frames) {
  const cpu = frames.map((f) => f.cpu_ms);
  const wall = frames.map((f) => f.wall_ms);
  return {
    frames: frames.length,
    median_ms: round(median(cpu), 3),
    p95_ms: round(percentile(cpu, 95), 3),
    max_ms: round(frames.length ? Math.max(...cpu) : null, 3),
    wall_median_ms: round(median(wall), 1),
    wall_p95_ms: round(percentile(wall, 95), 1),
  };
}

async function startTimes(page) {
  return page.evaluate(() => {
    const B = window.__bench;
    const load = B.syncfs.find((s) => s.populate);
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
    return {
      first_frame_ms: B.firstFrameEnd,
      ready_ms: B.readyFrameEnd !== null ? B.readyFrameEnd : B.readyAt,
      store_load_ms: load && load.end !== null ? load.end - load.start : null,
      store_load_end_ms: load ? load.end : null,
      controlled: !!(navigator.serviceWorker && navigator.serviceWorker.controller),
      wasm_from_service_worker: wasm ? wasm.workerStart > 0 : null,
      wasm_transfer_bytes: wasm ? wasm.transferSize : null,
    };
  });
}

// The editor lock can take a moment to pass from the unloaded page to the new one.
async function waitForEditor(page) {
  await until(page, () => typeof DS !== 'undefined' && DS.editorState === 1, null, 'this tab to be the editor', 30_000);
}

// ---- one dataset size ----------------------------------------------------------------------------
// Timed in the page with performance.now() (wall clock: on a loaded machine it
// includes waiting for a CPU) and, where the work is synchronous on the main
// thread, also as that thread's CPU time (Performance.getMetrics ThreadTime).
async function importOnce(page, dt, key) {
  const run = await dt.cpu(() => page.evaluate((k) => {
    const text = window.__bench[k];
    const since = performance.now();
    const r = window.doorstep.importJson(text, 'replace');
    window.__bench.importSince = since;
    return { ok: r.ok, message: r.message, import_ms: performance.now() - since };
  }, key));
  const out = { ...run.result, import_cpu_ms: run.cpu_ms };
  if (!out.ok) return out;
  const p = await page.evaluate(() => window.__bench.persisted(window.__bench.importSince, 900_000, 2000));
  out.persisted_ms = p.doneAt !== null ? p.doneAt - (await page.evaluate(() => window.__bench.importSince)) : null;
  out.paths = p.paths.length;
  const parse = await dt.cpu(() => page.evaluate((k) => {
    const t0 = performance.now();
    JSON.parse(window.__bench[k]);
    return performance.now() - t0;
  }, key));
  out.parse_ms = parse.result;
  out.parse_cpu_ms = parse.cpu_ms;
  return out;
}

async function exportOnce(page, dt) {
  const run = await dt.cpu(() => page.evaluate(() => {
    const t0 = performance.now();
    const text = window.doorstep.exportJson();
    const ms = performance.now() - t0;
    window.__bench.exportText = text;
    window.__bench.exportObject = JSON.parse(text);
    return { export_ms: ms, bytes: text.length };
  }));
  const str = await dt.cpu(() => page.evaluate(() => {
    const t0 = performance.now();
    JSON.stringify(window.__bench.exportObject);
    return performance.now() - t0;
  }));
  // The parse above is not part of either timing; the exportObject is dropped after.
  await page.evaluate(() => { window.__bench.exportObject = null; });
  return { ...run.result, export_cpu_ms: run.cpu_ms, stringify_ms: str.result, stringify_cpu_ms: str.cpu_ms };
}

async function benchSize({ baseUrl, cases, datasetFile, repeats, log }) {
  const out = { cases, dataset_bytes: fs.statSync(datasetFile).size, notes: [] };
  const browser = await launch({ viewport: VIEWPORT, now: null });  // the real clock: a pinned one distorts every timing
  try {
    await browser.context.addInitScript({ path: PROBE });
    const page = browser.context.pages()[0] || (await browser.context.newPage());
    const errors = watchErrors(page);
    page.setDefaultTimeout(180_000);
    const dt = await devtools(page);

    // First visit: nothing cached, no service worker yet, empty store.
    await page.goto(baseUrl, { waitUntil: 'load' });
    await waitForApp(page, { timeout: 180_000 });
    out.first_visit = await startTimes(page);
    await page.evaluate(() => navigator.serviceWorker.ready);  // precache finished

    // Load the dataset through the app's own import (replace), into the empty store.
    log(`  ${cases}: importing ${(out.dataset_bytes / 1e6).toFixed(1)} MB into the empty store`);
    await page.evaluate((t) => { window.__bench.datasetText = t; }, fs.readFileSync(datasetFile, 'utf8'));
    out.import_empty = await importOnce(page, dt, 'datasetText');
    await page.evaluate(() => { window.__bench.datasetText = null; });
    if (!out.import_empty.ok) throw new Error(`import of ${cases} cases refused: ${out.import_empty.message}`);

    // Warm starts: service worker cache, store in IndexedDB.
    log(`  ${cases}: ${repeats.starts} warm starts`);
    out.warm_starts = [];
    for (let i = 0; i < repeats.starts; i++) {
      await page.reload({ waitUntil: 'load' });
      await waitForApp(page, { timeout: 180_000 });
      out.warm_starts.push(await startTimes(page));
    }
    const ws = out.warm_starts;
    out.warm_start = {
      runs: ws.length,
      first_frame_ms: round(median(ws.map((s) => s.first_frame_ms)), 1),
      ready_ms: round(median(ws.map((s) => s.ready_ms)), 1),
      store_load_ms: round(median(ws.map((s) => s.store_load_ms)), 1),
      open_after_load_ms: round(median(ws.map((s) => s.ready_ms - s.store_load_end_ms)), 1),
      all_controlled: ws.every((s) => s.controlled),
      wasm_from_service_worker: ws.every((s) => s.wasm_from_service_worker),
    };

    // Idle: nothing happens for 5 s on the Today screen.
    await settle(page, 1000, 30_000);
    const f0 = await page.evaluate(() => window.doorstep.frames());
    const r0 = await frameCount(page);
    await sleep(5000);
    const f1 = await page.evaluate(() => window.doorstep.frames());
    const r1 = await frameCount(page);
    out.idle = { seconds: 5, frames: f1 - f0, animation_frames: r1 - r0, fps: round((f1 - f0) / 5, 2) };

    // Frame CPU: Today (the start screen), then Cases, scrolled with the wheel.
    log(`  ${cases}: frame times`);
    out.frames = {};
    out.frames.today = await scrollFrames(page, dt, 640, 450, 15, 60);
    out.frames.cases_open = await openScreen(page, dt, 'Cases', 'Cases');
    out.frames.cases = await scrollFrames(page, dt, 640, 600, 15, 60);
    log(`  ${cases}: Cases frames with the semantics tree and DOM mirror on / off`);
    out.semantics = await semanticsCost(page, dt, repeats.semantics_rounds);

    // Persist: one case edited (a note added through the UI), each followed by
    // the raw IndexedDB put of the same bytes.
    log(`  ${cases}: ${repeats.edits} case edits, ${repeats.persists} persists beside raw puts`);
    await waitForEditor(page);
    out.persist = await persistRuns(page, repeats.edits, repeats.persists);

    // Export, then import of the exported text (replace: the same cases again).
    log(`  ${cases}: ${repeats.exports} exports, ${repeats.imports} re-imports`);
    const exportRuns = [];
    for (let i = 0; i < repeats.exports; i++) exportRuns.push(await exportOnce(page, dt));
    const med = (rs, k, d = 1) => round(median(rs.map((r) => r[k])), d);
    out.export = {
      runs: exportRuns.length,
      bytes: exportRuns[0].bytes,
      median_ms: med(exportRuns, 'export_ms'),
      cpu_median_ms: med(exportRuns, 'export_cpu_ms'),
      stringify_median_ms: med(exportRuns, 'stringify_ms'),
      stringify_cpu_median_ms: med(exportRuns, 'stringify_cpu_ms'),
    };
    out.export.ratio = round(out.export.median_ms / out.export.stringify_median_ms, 1);

    const importRuns = [];
    for (let i = 0; i < repeats.imports; i++) {
      const r = await importOnce(page, dt, 'exportText');
      if (!r.ok) throw new Error(`re-import of ${cases} cases refused: ${r.message}`);
      importRuns.push(r);
    }
    out.reimport = {
      runs: importRuns.length,
      median_ms: med(importRuns, 'import_ms'),
      cpu_median_ms: med(importRuns, 'import_cpu_ms'),
      parse_median_ms: med(importRuns, 'parse_ms'),
      parse_cpu_median_ms: med(importRuns, 'parse_cpu_ms'),
      persisted_median_ms: med(importRuns, 'persisted_ms'),
      paths_persisted: importRuns.map((r) => r.paths),
    };
    out.reimport.ratio = round(out.reimport.median_ms / out.reimport.parse_median_ms, 1);
    const ie = out.import_empty;
    ie.ratio = round(ie.import_ms / ie.parse_ms, 1);

    // Sign-in on (21.6): the same store sealed, then warm starts through the lock screen.
    log(`  ${cases}: sealing the store, ${repeats.starts} starts through the lock screen`);
    out.sealed = await sealedStarts(page, repeats.starts);
    out.sealed.ratio_to_plain = round(out.sealed.startup_ms / out.warm_start.ready_ms, 2);
    out.sealed.ratio_to_plain_without_key = round(out.sealed.startup_without_key_ms / out.warm_start.ready_ms, 2);

    out.last_message = await page.evaluate(() => window.doorstep.lastMessage());
    out.page_errors = errors.slice(0, 20);
    await dt.close();
  } finally {
    await browser.close();
  }
  return out;
}

// Turns sign-in on (keyring.js: every saved file is written again, sealed), then
// reloads `starts` times: the lock screen, the passphrase typed, Unlock pressed, and
// the first frame with every case decrypted and open. Start-up with sign-in on is
// the time the page needs, not the person: navigation → lock screen, plus Unlock →
// the cases. The key derivation (PBKDF2, 600,000 iterations) is timed on its own.
async function sealedStarts(page, starts) {
  const PASS = 'bench passphrase only';
  const since = await page.evaluate(() => performance.now());
  const enrol_ms = await page.evaluate(async (p) => {
    const t0 = performance.now();
    await DK.enrol('Bench Officer', p);
    return performance.now() - t0;
  }, PASS);
  const resealed = await page.evaluate((t) => window.__bench.persisted(t, 900_000, 2000), since);
  const runs = [];
  for (let i = 0; i < starts; i++) {
    await page.reload({ waitUntil: 'load' });
    await until(page, () => window.doorstep.semantics().title === 'Locked — Doorstep', null, 'the lock screen', 180_000);
    const locked_ms = await page.evaluate(() => window.__bench.firstFrameEnd);
    const derive_ms = await page.evaluate(async (p) => {
      const t0 = performance.now();
      await DK.unwrap(DK.officers[0], p);
      return performance.now() - t0;
    }, PASS);
    const field = await widget(page, 'Passphrase');
    await page.mouse.click(field.x + 20, field.y + field.h / 2);
    await page.keyboard.insertText(PASS);
    await settle(page, 300);
    await page.evaluate(() => { window.__bench.unlockAt = performance.now(); });
    await page.keyboard.press('Enter');
    await waitForApp(page, { timeout: 180_000 });
    const t = await startTimes(page);
    const unlockAt = await page.evaluate(() => window.__bench.unlockAt);
    runs.push({ locked_ms, derive_ms, unlock_to_ready_ms: t.ready_ms - unlockAt, store_load_ms: t.store_load_ms });
  }
  const med = (k) => round(median(runs.map((r) => r[k])), 1);
  const out = {
    runs: runs.length,
    enrol_ms: round(enrol_ms, 1),
    resealed_paths: resealed.paths.length,
    reseal_ms: resealed.doneAt !== null ? round(resealed.doneAt - since, 1) : null,
    lock_screen_ms: med('locked_ms'),
    derive_ms: med('derive_ms'),
    unlock_to_ready_ms: med('unlock_to_ready_ms'),
    store_load_ms: med('store_load_ms'),
  };
  out.startup_ms = round(out.lock_screen_ms + out.unlock_to_ready_ms, 1);
  out.startup_without_key_ms = round(out.startup_ms - out.derive_ms, 1);
  return out;
}

// Opens the first case in the Cases list and adds a note `edits` times through
// the UI (tap "Add note" → the case file in IndexedDB). Then, `pairs` times from
// a quiet page, the file of that edited case persisted by the app's own per-path
// code (store_persist.js: DS.enqueue, as store_persist_path calls it after every
// save) beside the raw IndexedDB put of the same bytes, alternating which goes first.
// (UI edits need several frames each, which on a loaded machine with software GL
// take seconds; the pairs are where the median of 50 comes from.)
async function persistRuns(page, edits, pairs) {
  const first = await page.evaluate(() => window.doorstep.semantics().nodes.find((n) =>
    n.role === 'link' && !n.clipped && n.y > 0 && n.y + n.h < window.innerHeight));
  if (!first) throw new Error('no case in the Cases list to edit');
  await clickMirror(page, first.id);
  await until(page, () => !!window.doorstep.widget('Add a note'), null, 'the case screen');
  await settle(page);

  const samples = [];
  const trace = process.env.BENCH_TRACE ? [] : null;
  for (let i = 0; i < edits; i++) {
    const t0 = Date.now();
    const step = (what) => { if (trace) trace.push(`${what} ${Date.now() - t0}`); };
    // "Add a note" is far down the case screen: scroll it into view.
    let button = await widget(page, 'Add a note');
    for (let k = 0; k < 60 && (!button || button.clipped || button.y < 0 || button.y + button.h > VIEWPORT.height); k++) {
      await page.mouse.move(640, 400);
      await page.mouse.wheel(0, !button || button.y > VIEWPORT.height / 2 ? 400 : -400);
      await settle(page, 150);
      button = await widget(page, 'Add a note');
    }
    if (!button || button.clipped) throw new Error('"Add a note" cannot be scrolled into view');
    step('scrolled');
    await clickMirror(page, button.id);
    const field = await until(page, () => {
      const n = window.doorstep.widget('Note');
      return n && n.role === 'textarea' && !n.clipped ? n : null;
    }, null, 'the note form');
    step('form');
    await page.mouse.click(field.x + 30, field.y + 20);
    await until(page, (id) => document.activeElement && document.activeElement.id === 'm' + id, field.id, 'the note field focused');
    step('focused');
    const words = `Rang the resident back, visit ${i + 1} booked.`;
    await page.keyboard.insertText(words);
    await until(page, (v) => {
      const n = window.doorstep.widget('Note');
      return n && n.value === v;
    }, words, 'the note typed');
    step('typed');
    const save = await widget(page, 'Add note');
    if (!save) throw new Error('no "Add note" button in the note form');
    // 1. The edit as a person makes it: tap "Add note" → the case file is in IndexedDB.
    //    The save happens inside a frame, so this includes the rest of that frame.
    const edit = await page.evaluate(async (id) => {
      const B = window.__bench;
      const since = performance.now();
      document.getElementById('m' + id).click();
      const p = await B.persisted(since, 60_000);
      return { edit_ms: p.doneAt - since, in_frame_ms: p.doneAt - p.enqueueAt, paths: p.paths };
    }, save.id);
    step('saved');
    await until(page, () => !window.doorstep.widget('Add note'), null, 'the note form closed');
    await settle(page, 150);
    step('settled');
    samples.push(edit);
    if (trace) console.log('   ', trace.splice(0).join(', '));
  }
  const casePath = samples[0].paths.find((x) => x.includes('/cases/')) || samples[0].paths[0];
  const pairSamples = await page.evaluate(async ([path, n]) => {
    const B = window.__bench;
    const quiet = async () => {  // no frame for 100 ms: nothing else on the main thread
      for (;;) {
        const last = B.frames.length ? B.frames[B.frames.length - 1] : [0, 0];
        if (performance.now() - (last[0] + last[1]) >= 100) return;
        await B.sleep(20);
      }
    };
    const viaApp = async () => {
      const since = performance.now();
      DS.enqueue(path, false);
      const p = await B.persisted(since, 60_000);
      return p.doneAt - p.enqueueAt;
    };
    const out = [];
    for (let i = 0; i < n; i++) {
      await quiet();
      let raw, app;
      if (i % 2 === 0) { raw = await B.rawPut(path); app = await viaApp(); } else { app = await viaApp(); raw = await B.rawPut(path); }
      out.push({ app_ms: app, raw_ms: raw.ms, bytes: raw.bytes });
    }
    return out;
  }, [casePath, pairs]);
  const med = (xs, k, d = 3) => round(median(xs.map((x) => x[k])), d);
  const out = {
    edits: samples.length,
    pairs: pairSamples.length,
    persist_median_ms: med(pairSamples, 'app_ms'),
    raw_put_median_ms: med(pairSamples, 'raw_ms'),
    in_frame_median_ms: med(samples, 'in_frame_ms', 1),
    edit_to_persisted_median_ms: med(samples, 'edit_ms', 1),
    case_file_bytes: pairSamples.length ? pairSamples[pairSamples.length - 1].bytes : null,
    paths_per_edit: samples[0].paths.length,
    paths_example: samples[0].paths,
  };
  out.ratio_to_raw = round(out.persist_median_ms / out.raw_put_median_ms, 2);
  return out;
}

// ---- all sizes ---------------------------------------------------------------------------------
export async function benchBrowser({ baseUrl, datasets, repeats, log = console.log }) {
  const sizes = {};
  for (const { cases, file } of datasets) {
    const t0 = Date.now();
    try {
      sizes[cases] = await benchSize({ baseUrl, cases, datasetFile: file, repeats: repeats(cases), log });
    } catch (err) {
      sizes[cases] = { cases, error: String(err && err.stack ? err.stack.split('\n').slice(0, 3).join(' | ') : err) };
      log(`  ${cases}: FAILED ${sizes[cases].error}`);
    }
    sizes[cases].wall_s = round((Date.now() - t0) / 1000, 1);
  }
  return sizes;
}
