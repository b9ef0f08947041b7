#!/usr/bin/env node
// Screenshots of every kind of letter, drafted for the fictional sample cases
// (src/core/letters/letter_samples.cpp) and rendered in headless Chromium as a resident
// would see the printable page: docs/screenshots/letters/<kind>.png, plus the
// large-print and easy-read variants of the stage 1 acknowledgement.
//
//   node scripts/letter-screenshots.mjs [out-dir]
//
// Needs the native CLI (build/native/doorstep, or DOORSTEP_CLI=/path/to/doorstep)
// and tests/browser's npm packages (scripts/setup installs both).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, launch, watchErrors } from '../tests/browser/lib.mjs';

const cli = process.env.DOORSTEP_CLI || path.join(ROOT, 'build/native/doorstep');
const outDir = path.resolve(process.argv[2] || path.join(ROOT, 'docs/screenshots/letters'));
if (!fs.existsSync(cli)) {
  console.error(`letter-screenshots: ${cli} not found; build the native CLI first (make cli)`);
  process.exit(1);
}

// Draft the letters: one folder per variant.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-letters-'));
const variants = [
  { dir: 'standard', flags: [], suffix: '' },
  { dir: 'large-print', flags: ['--large-print'], suffix: '-large-print', only: ['ack1'] },
  { dir: 'easy-read', flags: ['--easy-read'], suffix: '-easy-read', only: ['ack1', 'response1', 'hazard-summary'] },
];
for (const v of variants) {
  execFileSync(cli, ['letter-samples', path.join(work, v.dir), ...v.flags], { stdio: ['ignore', 'ignore', 'inherit'] });
}

fs.mkdirSync(outDir, { recursive: true });
// A4 is 210 mm = 794 CSS px wide; the page shows the sheet on a grey desk.
const browser = await launch({ viewport: { width: 900, height: 1200 }, deviceScaleFactor: 1 });
let failed = false;
try {
  const page = browser.context.pages()[0] || await browser.context.newPage();
  const errors = watchErrors(page);
  for (const v of variants) {
    const files = fs.readdirSync(path.join(work, v.dir)).filter((f) => f.endsWith('.html')).sort();
    for (const file of files) {
      const kind = path.basename(file, '.html');
      if (v.only && !v.only.includes(kind)) continue;
      errors.length = 0;
      await page.goto(pathToFileURL(path.join(work, v.dir, file)).href, { waitUntil: 'load' });
      // Nothing may be fetched: the letter is one standalone file.
      const external = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
      const target = path.join(outDir, `${kind}${v.suffix}.png`);
      await page.screenshot({ path: target, fullPage: true });
      const problems = [...errors, ...external.map((u) => `fetched ${u}`)];
      if (problems.length) failed = true;
      console.log(`wrote ${path.relative(process.cwd(), target)}${problems.length ? `  (problems: ${problems.join('; ')})` : ''}`);
    }
  }
} finally {
  await browser.close();
  fs.rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
