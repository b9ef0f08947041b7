#!/usr/bin/env node
// Screenshots of a case's oversight section (remedy offers and answers,
// satisfaction surveys, the Housing Ombudsman's determination and orders) and of
// Today's Ombudsman orders, with sample data loaded, at 1024x768, 768x1024 and
// 390x844 (2x), into docs/screenshots/<name>-<w>x<h>.png. Drives the real UI
// like a person (tests/browser/ui-driver.mjs).
//   node scripts/oversight-screenshots.mjs [--site build/web/site] [--out docs/screenshots] [--only 390x844]
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './serve.mjs';
import { ROOT, launch, openPage } from '../tests/browser/lib.mjs';
import { find, goTo, loadSampleData, semantics, settle, tap, typeInto, until } from '../tests/browser/ui-driver.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const site = path.resolve(arg('--site', process.env.DOORSTEP_SITE || path.join(ROOT, 'build/web/site')));
const out = path.resolve(arg('--out', path.join(ROOT, 'docs/screenshots')));
const only = arg('--only', '');
const SIZES = [
  { width: 1024, height: 768, scale: 1 },
  { width: 768, height: 1024, scale: 1 },
  { width: 390, height: 844, scale: 2 },
].filter((s) => !only || only === `${s.width}x${s.height}`);

if (!fs.existsSync(path.join(site, 'index.html'))) {
  console.error(`oversight-screenshots: ${site}/index.html not found; build the site first (make web)`);
  process.exit(1);
}
fs.mkdirSync(out, { recursive: true });

async function shot(page, size, name) {
  await settle(page, 300);
  const file = path.join(out, `${name}-${size.width}x${size.height}.png`);
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(ROOT, file)}`);
}

// Scrolls with the mouse wheel until the heading is near the top of the screen.
async function scrollToTop(page, name) {
  const vh = page.viewportSize().height;
  const vw = page.viewportSize().width;
  for (let i = 0; i < 40; i++) {
    const n = await find(page, name, { role: 'heading' });
    if (!n) throw new Error(`no heading "${name}"`);
    if (n.y >= 8 && n.y <= 76) return;
    await page.mouse.move(Math.min(vw - 30, vw * 0.75), vh * 0.45);
    await page.mouse.wheel(0, n.y - 16);
    await settle(page, 150);
    const after = await find(page, name, { role: 'heading' });
    if (!after || Math.abs(after.y - n.y) < 2) return;  // the page scrolls no further
  }
}

// The sample case that shows the most: an Ombudsman order still open, surveys, remedies.
function bestCase(data) {
  let best = null;
  for (const c of data.cases) {
    const o = c.ombudsman;
    if (!o) continue;
    const open = (o.orders || []).some((x) => !x.completed);
    const remedies = (c.stages || []).some((s) => (s.remedies || []).length > 0);
    const score = (open ? 8 : 0) + ((o.orders || []).length ? 4 : 0) + ((c.surveys || []).length ? 2 : 0) + (remedies ? 1 : 0);
    if (!best || score > best.score) best = { reference: c.reference, score, closed: !!c.closure };
  }
  if (!best) throw new Error('no sample case was referred to the Ombudsman');
  return best;
}

const { server, url } = await serve(site);
let failed = false;
try {
  for (const size of SIZES) {
    const browser = await launch({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.scale });
    try {
      const { page } = await openPage(browser.context, url);
      await loadSampleData(page);
      await goTo(page, 'Today');
      if (await find(page, 'Housing Ombudsman orders', { role: 'list' })) {
        await scrollToTop(page, (await semantics(page)).nodes.find((n) => n.role === 'heading' && n.name.startsWith('Housing Ombudsman orders')).name);
        await shot(page, size, 'today-ombudsman-orders');
      }
      const best = bestCase(JSON.parse(await page.evaluate(() => window.doorstep.exportJson())));
      await goTo(page, 'Cases');
      if (best.closed) {  // the list shows open cases until the filter says otherwise
        await tap(page, 'Filters', { role: 'button' });
        await tap(page, 'All', { role: 'radio' });
      }
      await typeInto(page, 'Search', best.reference);
      const row = (await semantics(page)).nodes.find((n) => n.role === 'link' && n.name.includes(best.reference));
      if (!row) throw new Error(`case ${best.reference} is not listed`);
      await tap(page, row.name, { role: 'link' });
      await until(page, () => window.doorstep.semantics().nodes.some((n) => n.name.startsWith('Back to')), null, 'case screen');
      if (await find(page, 'Remedy offers and answers (7.3)', { role: 'heading' })) {
        await scrollToTop(page, 'Remedy offers and answers (7.3)');
        await shot(page, size, 'case-oversight-remedies');
      }
      await scrollToTop(page, 'Housing Ombudsman');
      await shot(page, size, 'case-oversight-ombudsman');
    } catch (e) {
      failed = true;
      console.error(`oversight-screenshots ${size.width}x${size.height}: ${e.stack || e}`);
    } finally {
      await browser.close();
    }
  }
} finally {
  server.close();
}
process.exit(failed ? 1 : 0);
