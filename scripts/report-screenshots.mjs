#!/usr/bin/env node
// Screenshots of the report documents, built from an invented demo dataset and
// rendered in headless Chromium as a governing body or tenant panel would see them:
//   docs/screenshots/annual-report.png          top of the annual report (8.1)
//   docs/screenshots/annual-report-trends.png   the monthly trend chart and table
//   docs/screenshots/annual-report-satisfaction-quality.png  satisfaction surveys and spot-check results
//   docs/screenshots/annual-report-ombudsman.png              Ombudsman determinations, orders, 8.5 events (8.1c)
//   docs/screenshots/governing-body-pack.png    the governing-body / MRC pack (9.6, 9.7)
//   docs/screenshots/governing-body-pack-satisfaction.png     satisfaction in the pack
//   docs/screenshots/governing-body-pack-ombudsman-quality.png  Ombudsman outcomes and orders (9.7c), quality checks
//   docs/screenshots/self-assessment.png        the Code self-assessment with measured evidence
//
//   node scripts/report-screenshots.mjs [out-dir]
//
// Needs the native CLI (build/native/doorstep, or DOORSTEP_CLI=/path/to/doorstep) with its
// `demo` command, and tests/browser's npm packages (scripts/setup installs both).
// DOORSTEP_REPORT_DATA=/path/to/export.json uses that file instead of a demo dataset.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, launch, watchErrors } from '../tests/browser/lib.mjs';

const cli = process.env.DOORSTEP_CLI || path.join(ROOT, 'build/native/doorstep');
const outDir = path.resolve(process.argv[2] || path.join(ROOT, 'docs/screenshots'));
if (!fs.existsSync(cli)) {
  console.error(`report-screenshots: ${cli} not found; build the native CLI first (make cli)`);
  process.exit(1);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-reports-'));
const run = (args) => execFileSync(cli, args, { stdio: ['ignore', 'ignore', 'inherit'] });

// A year of invented cases ending just after 2024/25, so the whole year is reported.
let data = process.env.DOORSTEP_REPORT_DATA;
if (!data) {
  data = path.join(work, 'demo.json');
  run(['demo', '--cases', '900', '--seed', '7', '--on', '2025-04-30', '-o', data]);
}

const docs = [
  { name: 'annual-report', args: ['report', data, '--year', '2024', '--homes', '12000', '--format', 'html'] },
  { name: 'governing-body-pack',
    args: ['report', data, '--year', '2024', '--quarter', '4', '--homes', '12000', '--document', 'governing-body', '--format', 'html'] },
  { name: 'self-assessment', args: ['self-assessment', data, '--year', '2024', '--format', 'html'] },
];
for (const d of docs) run([...d.args, '-o', path.join(work, `${d.name}.html`)]);

fs.mkdirSync(outDir, { recursive: true });
const browser = await launch({ viewport: { width: 1024, height: 1400 }, deviceScaleFactor: 1 });
let failed = false;
try {
  const page = browser.context.pages()[0] || await browser.context.newPage();
  const errors = watchErrors(page);
  const shots = [
    { doc: 'annual-report', file: 'annual-report.png' },
    { doc: 'annual-report', file: 'annual-report-trends.png', selector: '#fig-months' },
    { doc: 'annual-report', file: 'annual-report-satisfaction-quality.png', selector: '#t-satisfaction', through: '#t-quality' },
    { doc: 'annual-report', file: 'annual-report-ombudsman.png', selector: '#t-ombudsman', through: '#t-non_compliance' },
    { doc: 'governing-body-pack', file: 'governing-body-pack.png' },
    { doc: 'governing-body-pack', file: 'governing-body-pack-satisfaction.png', selector: '#t-satisfaction' },
    { doc: 'governing-body-pack', file: 'governing-body-pack-ombudsman-quality.png', selector: '#t-ombudsman', through: '#t-quality' },
    { doc: 'self-assessment', file: 'self-assessment.png', selector: '#t-section-6' },
  ];
  for (const s of shots) {
    errors.length = 0;
    await page.goto(pathToFileURL(path.join(work, `${s.doc}.html`)).href, { waitUntil: 'load' });
    // The documents are standalone: nothing may be fetched.
    const external = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
    const target = path.join(outDir, s.file);
    if (s.selector) {
      // The element and what follows it: one screen high, or down to the end of `through`
      // (page coordinates). A missing element is a failure: the document lacks that part.
      const box = async (sel) => {
        const el = page.locator(sel).first();
        if (!(await el.count())) return null;
        return el.evaluate((e) => { const r = e.getBoundingClientRect(); return { top: r.top + window.scrollY, bottom: r.bottom + window.scrollY }; });
      };
      const from = await box(s.selector);
      const to = s.through ? await box(s.through) : null;
      if (!from || (s.through && !to)) {
        failed = true;
        console.log(`${s.file}: ${!from ? s.selector : s.through} is not in the ${s.doc} document`);
        continue;
      }
      const y = Math.max(0, from.top - 60);
      const height = to ? Math.min(3000, to.bottom + 24 - y) : 1300;
      await page.screenshot({ path: target, fullPage: true, clip: { x: 0, y, width: 1024, height } });
    } else {
      await page.screenshot({ path: target });
    }
    const problems = [...errors, ...external.map((u) => `fetched ${u}`)];
    if (problems.length) failed = true;
    console.log(`wrote ${path.relative(process.cwd(), target)}${problems.length ? `  (problems: ${problems.join('; ')})` : ''}`);
  }
} finally {
  await browser.close();
  fs.rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
