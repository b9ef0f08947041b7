// Issue 8's targets and the table `make bench` prints: each measured value
// beside its target, with a met/missed mark. Targets are reported, never asserted.
// A row without a target is context (what the targeted number is made of).

const KB = 1024;
const fmt = {
  kb: (b) => (b === null || b === undefined ? 'n/a' : `${(b / KB).toFixed(1)} KB`),
  ms: (x, d = 1) => (x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : `${x.toFixed(d)} ms`),
  n: (x) => (x === null || x === undefined ? 'n/a' : String(x)),
  rate: (x) => (x === null || x === undefined ? 'n/a' : `${(x / 1e6).toFixed(1)} M/s`),
  x: (x) => (x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : `${x.toFixed(2)}×`),
};

export const TARGETS = {
  first_visit_gzip_bytes: 600 * KB,
  warm_first_frame_ms: 300,
  frame_p95_ms_at_10000: 4,
  idle_fps: 0,
  persist_growth_100_to_10000: 1.5,
  persist_ratio_to_raw: 3,
  import_10000_ms: 1000,
  semantics_added_ms_at_10000: 1,
  sealed_startup_ratio: 1.2,  // 21.6: unlocking adds at most 20 % to start-up
};

// Rows: {measure, size, value, target, met (true/false/null), note}
export function evaluateTargets(r) {
  const rows = [];
  const add = (measure, size, value, target = '', met = null, note = '') => rows.push({ measure, size, value, target, met, note });
  const check = (v, ok) => (v === null || v === undefined || !Number.isFinite(v) ? null : ok(v));

  // Transfer size.
  add('First visit: every site file, gzip -9, summed', '', fmt.kb(r.site.gzip_bytes), '≤ 600 KB',
    check(r.site.gzip_bytes, (v) => v <= TARGETS.first_visit_gzip_bytes), `${r.site.files} files, ${fmt.kb(r.site.raw_bytes)} raw`);
  add('doorstep.wasm raw / gzip -9', '', `${fmt.kb(r.site.wasm_raw_bytes)} / ${fmt.kb(r.site.wasm_gzip_bytes)}`);

  const sizes = Object.keys(r.browser).map(Number).sort((a, b) => a - b);
  for (const n of sizes) {
    if (r.browser[n].error) add('Browser run FAILED: nothing measured in the browser at this size', n, 'n/a', '', null, r.browser[n].error);
  }
  const each = (fn) => sizes.forEach((n) => {
    if (!r.browser[n].error) fn(n, r.browser[n]);
  });

  each((n, s) => add('Warm start: navigation → first drawn frame (median of ' + s.warm_start.runs + ')', n,
    fmt.ms(s.warm_start.first_frame_ms), '≤ 300 ms', check(s.warm_start.first_frame_ms, (v) => v <= TARGETS.warm_first_frame_ms),
    s.warm_start.all_controlled ? 'served by the service worker' : 'NOT all loads were served by the service worker'));
  each((n, s) => add('Startup: navigation → first frame with the whole store loaded', n, fmt.ms(s.warm_start.ready_ms), '', null,
    `IndexedDB load (DS.loadAll) ${fmt.ms(s.warm_start.store_load_ms)}, then opening the cases ${fmt.ms(s.warm_start.open_after_load_ms)}`));

  each((n, s) => {
    const z = s.sealed;
    if (!z) return;
    add('Start-up with sign-in on ÷ without (navigation → lock screen + Unlock → cases, ÷ warm start)', n,
      fmt.x(z.ratio_to_plain), '≤ 1.20×', check(z.ratio_to_plain, (v) => v <= TARGETS.sealed_startup_ratio),
      `${fmt.ms(z.startup_ms)} vs ${fmt.ms(s.warm_start.ready_ms)}; lock screen at ${fmt.ms(z.lock_screen_ms)}, Unlock → cases ` +
      `${fmt.ms(z.unlock_to_ready_ms)} of which key derivation ${fmt.ms(z.derive_ms)} and the load with decryption ` +
      `${fmt.ms(z.store_load_ms)} (plain ${fmt.ms(s.warm_start.store_load_ms)}); without the key derivation ${fmt.x(z.ratio_to_plain_without_key)}; ` +
      `turning sign-in on re-stored ${z.resealed_paths} files in ${fmt.ms(z.reseal_ms)}`);
  });

  for (const screen of ['cases', 'today']) {
    each((n, s) => {
      const f = s.frames[screen];
      const target = n >= 10000 ? '≤ 4 ms p95' : '(≤ 4 ms p95 at 10,000)';
      add(`Frame CPU, ${screen === 'cases' ? 'Cases' : 'Today'} screen, median / p95 (${f.frames} frames)`, n,
        `${fmt.ms(f.median_ms, 2)} / ${fmt.ms(f.p95_ms, 2)}`, target,
        n >= 10000 ? check(f.p95_ms, (v) => v <= TARGETS.frame_p95_ms_at_10000) : null,
        `max ${fmt.ms(f.max_ms, 2)}; wall clock median / p95 ${fmt.ms(f.wall_median_ms, 1)} / ${fmt.ms(f.wall_p95_ms, 1)}`);
    });
  }
  each((n, s) => {
    const m = s.semantics;
    if (!m) return;
    const target = n >= 10000 ? '≤ 1 ms' : '(≤ 1 ms at 10,000)';
    add(`Semantics tree + DOM mirror added per frame, Cases screen: median on − off (${m.on.frames} / ${m.off.frames} frames)`, n,
      fmt.ms(m.added_median_ms, 3), target,
      n >= 10000 ? check(m.added_median_ms, (v) => v <= TARGETS.semantics_added_ms_at_10000) : null,
      `on: median / p95 ${fmt.ms(m.on.median_ms, 2)} / ${fmt.ms(m.on.p95_ms, 2)}; off: ${fmt.ms(m.off.median_ms, 2)} / ` +
      `${fmt.ms(m.off.p95_ms, 2)}; p95 on − off ${fmt.ms(m.added_p95_ms, 3)}; with the browser's style, layout and paint ` +
      `after the frame: on ${fmt.ms(m.on.with_render_median_ms, 2)} / ${fmt.ms(m.on.with_render_p95_ms, 2)}, off ` +
      `${fmt.ms(m.off.with_render_median_ms, 2)} / ${fmt.ms(m.off.with_render_p95_ms, 2)} → added ` +
      `${fmt.ms(m.added_with_render_median_ms, 3)} median, ${fmt.ms(m.added_with_render_p95_ms, 3)} p95`);
  });
  each((n, s) => add('Opening the Cases screen: CPU of its slowest frame', n, fmt.ms(s.frames.cases_open.max_ms, 1), '', null,
    `${s.frames.cases_open.frames} frames; ${s.frames.cases_open.wall_s} s from the tap until settled`));

  each((n, s) => add('Idle: frames per second over 5 s', n, `${s.idle.fps} fps`, '0 fps', check(s.idle.fps, (v) => v <= TARGETS.idle_fps),
    `${s.idle.frames} frames`));

  each((n, s) => add(`Persist one edited case file: queued → in IndexedDB (median of ${s.persist.pairs})`, n,
    fmt.ms(s.persist.persist_median_ms, 2), '≤ 3× raw put', check(s.persist.ratio_to_raw, (v) => v <= TARGETS.persist_ratio_to_raw),
    `raw put of the same ${fmt.kb(s.persist.case_file_bytes)}: ${fmt.ms(s.persist.raw_put_median_ms, 2)} → ${fmt.x(s.persist.ratio_to_raw)}; ` +
    `UI edits (median of ${s.persist.edits}): queued inside the saving frame → in IndexedDB ${fmt.ms(s.persist.in_frame_median_ms, 1)}, ` +
    `tap "Add note" → in IndexedDB ${fmt.ms(s.persist.edit_to_persisted_median_ms, 1)}`));
  const lo = r.browser[sizes[0]];
  const hi = r.browser[sizes[sizes.length - 1]];
  if (sizes.length > 1 && lo && hi && !lo.error && !hi.error) {
    const growth = hi.persist.persist_median_ms / lo.persist.persist_median_ms;
    add(`Persist growth: ${sizes[sizes.length - 1]} vs ${sizes[0]} cases`, '', fmt.x(growth), '≤ 1.5×',
      check(growth, (v) => v <= TARGETS.persist_growth_100_to_10000));
  }

  each((n, s) => {
    const i = s.import_empty;
    add('Import into the empty store via window.doorstep (1 run)', n, fmt.ms(i.import_ms, 0),
      n >= 10000 ? '≤ 1 s' : '', n >= 10000 ? check(i.import_ms, (v) => v <= TARGETS.import_10000_ms) : null,
      `main-thread CPU ${fmt.ms(i.import_cpu_ms, 0)}; JSON.parse of the same text ${fmt.ms(i.parse_ms, 0)} → ${fmt.x(i.ratio)}; ` +
      `${i.paths} paths all in IndexedDB after ${fmt.ms(i.persisted_ms, 0)}`);
  });
  each((n, s) => {
    const i = s.reimport;
    add(`Re-import of the export, same cases (median of ${i.runs})`, n, fmt.ms(i.median_ms, 0), '', null,
      `main-thread CPU ${fmt.ms(i.cpu_median_ms, 0)}; JSON.parse ${fmt.ms(i.parse_median_ms, 0)} → ${fmt.x(i.ratio)}; ` +
      `paths written: ${i.paths_persisted.join(', ')}`);
  });
  each((n, s) => {
    const e = s.export;
    add(`Export via window.doorstep (median of ${e.runs})`, n, fmt.ms(e.median_ms, 0), '', null,
      `main-thread CPU ${fmt.ms(e.cpu_median_ms, 0)}; JSON.stringify of the same data ${fmt.ms(e.stringify_median_ms, 0)} → ` +
      `${fmt.x(e.ratio)}; ${fmt.kb(e.bytes)}`);
  });

  const cal = r.native.bench_calendar;
  if (cal) add('Native: add_working_days(d, 20) calls per second (median of runs)', '', cal.error ? 'n/a' : fmt.rate(cal.calls_per_s), '', null,
    cal.error || `${fmt.rate(cal.calls_per_cpu_s)} per CPU second`);
  const st = r.native.bench_status;
  if (st) add(`Native: status() for every case (median of ${st.runs || '?'} runs)`, st.cases || '', st.error ? 'n/a' : fmt.ms(st.median_ms, 2), '', null,
    st.error || `CPU ${fmt.ms(st.cpu_median_ms, 2)} (${st.per_case_us.toFixed(2)} µs per case; ${st.open} open)`);
  return rows;
}

const mark = (met) => (met === true ? 'met' : met === false ? 'MISSED' : '');

export function formatTable(r, style) {
  const rows = r.targets;
  const head = ['Measure', 'Cases', 'Measured', 'Target', '', 'Details'];
  const cells = rows.map((x) => [x.measure, x.size === '' ? '' : Number(x.size).toLocaleString('en-GB'), x.value, x.target, mark(x.met), x.note]);
  if (style === 'markdown') {
    const esc = (s) => String(s).replace(/\|/g, '\\|');
    return [
      `| ${head.join(' | ')} |`,
      `|${head.map(() => '---').join('|')}|`,
      ...cells.map((c) => `| ${c.map(esc).join(' | ')} |`),
    ].join('\n');
  }
  const widths = head.slice(0, 5).map((h, i) => Math.max(h.length, ...cells.map((c) => String(c[i]).length)));
  const line = (c) => c.slice(0, 5).map((v, i) => String(v).padEnd(widths[i])).join('  ') + (c[5] ? `  ${c[5]}` : '');
  const met = rows.filter((x) => x.met === true).length;
  const missed = rows.filter((x) => x.met === false).length;
  return [line(head), ...cells.map(line), '', `targets: ${met} met, ${missed} missed`].join('\n');
}
