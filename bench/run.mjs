#!/usr/bin/env node
// `make bench`: Doorstep's performance numbers (issue 8), measured side by side in
// one run, printed as a table beside their targets and written to
// build/bench/results.json (and results.md, the same table in Markdown).
//   node bench/run.mjs [--sizes 100,1000,10000] [--quick] [--no-browser] [--no-native]
// Needs build/native (CLI + bench programs) and build/web/site: `make bench` builds both.
// DOORSTEP_NATIVE, DOORSTEP_SITE and DOORSTEP_BENCH_OUT point elsewhere (another build's
// directories, another results folder).
// Targets are reported, never asserted: the exit status is 0 unless something could
// not be measured at all. bench/README.md explains every row.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { serve } from '../scripts/serve.mjs';
import { benchBrowser } from './web/browser.mjs';
import { evaluateTargets, formatTable } from './targets.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const NATIVE = path.resolve(process.env.DOORSTEP_NATIVE || path.join(ROOT, 'build/native'));
const SITE = path.resolve(process.env.DOORSTEP_SITE || path.join(ROOT, 'build/web/site'));
const OUT = path.resolve(process.env.DOORSTEP_BENCH_OUT || path.join(ROOT, 'build/bench'));

const args = process.argv.slice(2);
const opt = (name) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const quick = args.includes('--quick');
const sizes = (opt('--sizes') || (quick ? '100' : '100,1000,10000')).split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 100000)) {
  console.error('bench: --sizes takes whole numbers from 1 to 100000, e.g. --sizes 100,1000,10000');
  process.exit(2);
}
// Repeats per size (the brief: warm start median of 10, persist median of 50).
// UI edits take several slow frames each on a loaded machine: 10 of them, then
// 50 persists of the edited case beside 50 raw puts (bench/web/browser.mjs).
const repeats = (cases) => quick
  ? { starts: 3, edits: 3, persists: 10, exports: 2, imports: 2, semantics_rounds: 2 }
  : { starts: 10, edits: 10, persists: 50, exports: cases >= 10000 ? 3 : 5, imports: cases >= 10000 ? 3 : 5, semantics_rounds: 6 };

const started = Date.now();
const log = (...m) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s]`, ...m);
const load = () => os.loadavg().map((x) => Number(x.toFixed(2)));
fs.mkdirSync(OUT, { recursive: true });

const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0] ? os.cpus()[0].model : '',
    memory_gb: Number((os.totalmem() / 2 ** 30).toFixed(1)),
    load_average_start: load(),
    node: process.version,
    chromium: version('/usr/bin/chromium', ['--version']),
    emscripten: version('emcc', ['--version']).split('\n')[0],
  },
  commit: version('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']),
  // Built from the working tree: list what differed from the commit.
  uncommitted: version('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no']).split('\n').filter(Boolean),
  sizes,
  quick,
};

function version(cmd, a) {
  try {
    return execFileSync(cmd, a, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

// ---- first-visit bytes: every file of the site, gzip -9 each --------------------------------
function siteBytes(dir) {
  const files = [];
  (function walk(d) {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) files.push(p);
    }
  })(dir);
  const rows = files.map((f) => {
    const buf = fs.readFileSync(f);
    return { file: path.relative(dir, f), raw: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
  }).sort((a, b) => b.gzip - a.gzip);
  const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
  const wasm = rows.find((r) => r.file === 'doorstep.wasm');
  return { files: rows.length, raw_bytes: sum('raw'), gzip_bytes: sum('gzip'),
    wasm_raw_bytes: wasm ? wasm.raw : null, wasm_gzip_bytes: wasm ? wasm.gzip : null, by_file: rows };
}

if (!fs.existsSync(path.join(SITE, 'index.html'))) {
  console.error(`bench: ${SITE}/index.html not found: build the site first (make bench does)`);
  process.exit(1);
}
// Measure and serve a copy: the build directory may be rebuilt while the run goes on.
const SNAPSHOT = path.join(OUT, 'site');
fs.rmSync(SNAPSHOT, { recursive: true, force: true });
fs.cpSync(SITE, SNAPSHOT, { recursive: true });
results.site = siteBytes(SNAPSHOT);
log(`site: ${results.site.files} files, ${(results.site.gzip_bytes / 1024).toFixed(1)} KB gzip -9`);

// ---- native ------------------------------------------------------------------------------------
results.native = {};
if (!args.includes('--no-native')) {
  const dir = path.join(NATIVE, 'bench');
  const programs = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => {
    const p = path.join(dir, f);
    return fs.statSync(p).isFile() && (fs.statSync(p).mode & 0o111);
  }).sort() : [];
  if (!programs.length) log('native: no programs in build/native/bench (make native builds bench/native/*.cpp)');
  for (const p of programs) {
    log(`native: ${p}`);
    try {
      const text = execFileSync(path.join(dir, p), ['--json'], { encoding: 'utf8', timeout: 300_000 });
      const line = text.trim().split('\n').filter((l) => l.startsWith('{')).pop();
      results.native[p] = JSON.parse(line);
    } catch (err) {
      results.native[p] = { error: String(err.message || err).split('\n')[0] };
    }
  }
}

// ---- datasets: doorstep demo at each size (kept for the day; the demo is relative to today) --
const cli = path.join(NATIVE, 'doorstep');
function dataset(cases) {
  const file = path.join(OUT, `demo-${cases}.json`);
  const today = new Date().toDateString();
  const fresh = fs.existsSync(file) && fs.existsSync(cli) &&
    fs.statSync(file).mtimeMs > fs.statSync(cli).mtimeMs && fs.statSync(file).mtime.toDateString() === today;
  if (!fresh) {
    log(`dataset: doorstep demo --cases ${cases}`);
    execFileSync(cli, ['demo', '--cases', String(cases), '--seed', '1', '-o', file], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return { cases, file };
}

// ---- browser -----------------------------------------------------------------------------------
results.browser = {};
if (!args.includes('--no-browser')) {
  if (!fs.existsSync(cli)) {
    console.error(`bench: ${cli} not found: the datasets come from the CLI (make cli)`);
    process.exit(1);
  }
  const datasets = sizes.map(dataset);
  const { server, url } = await serve(SNAPSHOT);
  try {
    for (const d of datasets) {
      log(`browser: ${d.cases} cases (load average ${load().join(' ')})`);
      const one = await benchBrowser({ baseUrl: url, datasets: [d], repeats, log });
      Object.assign(results.browser, one);
      results.browser[d.cases].load_average_after = load();
    }
  } finally {
    server.close();
  }
}

results.machine.load_average_end = load();
results.wall_s = Number(((Date.now() - started) / 1000).toFixed(1));
results.targets = evaluateTargets(results);

fs.writeFileSync(path.join(OUT, 'results.json'), JSON.stringify(results, null, 2) + '\n');
const md = formatTable(results, 'markdown');
fs.writeFileSync(path.join(OUT, 'results.md'), md + '\n');
console.log('\n' + formatTable(results, 'text'));
console.log(`\nwritten: ${path.relative(ROOT, OUT)}/results.json, results.md (${results.wall_s} s; load average ` +
  `${results.machine.load_average_start.join(' ')} at start, ${results.machine.load_average_end.join(' ')} at end, ` +
  `${results.machine.cpus} CPUs)`);
const failed = Object.values(results.browser).filter((s) => s.error).length +
  Object.values(results.native).filter((s) => s.error).length;
process.exit(failed ? 1 : 0);
