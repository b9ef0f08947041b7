#!/usr/bin/env node
// Screenshots of the assurance screens at the three sizes officers use (1024x768,
// 768x1024, 390x844 at 2x), with the sample data loaded, driven through the real UI
// (tests/browser/ui-driver.mjs), into docs/screenshots/:
//   assurance-quality-<size>.png         a month's sample drawn, the checklist of one check
//   assurance-case-study-<size>.png      a closed complaint's case study for the tenant panel
//   assurance-non-compliance-<size>.png  exceptional non-compliance events (8.5)
//   self-assessment-actions-<size>.png   a provision with its answer, evidence and actions
//   self-assessment-sign-off-<size>.png  sign-off by the lead officer and the Member Responsible
//
//   node scripts/assurance-screenshots.mjs [--site build/web/site] [--out docs/screenshots] [--only 390x844]
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
  console.error(`assurance-screenshots: ${site}/index.html not found; build the site first (make web)`);
  process.exit(1);
}
fs.mkdirSync(out, { recursive: true });

async function shot(page, size, name) {
  await settle(page, 300);
  const file = path.join(out, `${name}-${size.width}x${size.height}.png`);
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(ROOT, file)}`);
}

// Scrolls with the mouse wheel until the named node is near the top of the screen.
async function scrollToTop(page, name) {
  const vh = page.viewportSize().height;
  const vw = page.viewportSize().width;
  for (let i = 0; i < 40; i++) {
    const n = await find(page, name);
    if (!n) throw new Error(`"${name}" is not on the screen`);
    const top = vw < 600 ? 70 : 16;
    if (n.y >= top - 8 && n.y <= top + 60) return;
    await page.mouse.move(Math.min(vw - 30, vw * 0.75), vh * 0.45);
    const before = n.y;
    await page.mouse.wheel(0, n.y - top);
    await settle(page, 150);
    const after = await find(page, name);
    if (!after || Math.abs(after.y - before) < 2) return;  // the page scrolls no further
  }
}

const { server, url } = await serve(site);
let failed = false;
try {
  for (const size of SIZES) {
    const browser = await launch({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.scale });
    try {
      const { page } = await openPage(browser.context, url);
      await loadSampleData(page);

      // Quality checks: last month's sample, then one check's checklist.
      await goTo(page, 'Assurance');
      await typeInto(page, 'Seed', '4242');
      await tap(page, 'Draw the sample', { role: 'button' });
      const open = (await semantics(page)).nodes.find((n) => n.role === 'button' && /^Check \S+-\d{6}$/.test(n.name));
      if (!open) throw new Error('the sample has no check to do');
      await tap(page, open.name, { role: 'button' });
      await until(page, () => window.doorstep.semantics().nodes.some((n) => n.role === 'heading' && n.name.startsWith('Check of ')),
        null, 'the check');
      await scrollToTop(page, `Check of ${open.name.slice(6)}`);
      await shot(page, size, 'assurance-quality');
      await tap(page, "Back to the month's sample", { role: 'button' });

      // A case study: a case from the sample, its panel summary reviewed.
      await tap(page, 'Case studies', { role: 'radio' });
      await typeInto(page, 'Find a closed complaint', open.name.slice(6));
      const row = (await semantics(page)).nodes.find((n) => n.role === 'button' && n.name.startsWith(open.name.slice(6) + ' '));
      await tap(page, row.name, { role: 'button' });
      await typeInto(page, 'Summary for the panel',
        'The resident reported a leak twice before it was fixed. The response apologised and paid for the delay.');
      await typeInto(page, 'Reviewed by', 'Quinn Checker');
      await tap(page, 'Mark reviewed for the panel', { role: 'button' });
      await scrollToTop(page, 'What the study shows');
      await shot(page, size, 'assurance-case-study');

      await tap(page, 'Choose another case', { role: 'button' }).catch(() => {});
      await tap(page, 'Non-compliance', { role: 'radio' });
      await shot(page, size, 'assurance-non-compliance');

      // Self-assessment: a provision with its actions, then the sign-off.
      await goTo(page, 'Self-assessment');
      if (await find(page, 'Start the self-assessment', { role: 'button' })) await tap(page, 'Start the self-assessment', { role: 'button' });
      await tap(page, 'Start an extra assessment', { role: 'button' });
      await typeInto(page, 'What changed', '800 homes from Example Housing');
      await tap(page, 'Start the extra assessment', { role: 'button' });
      const withAction = (await semantics(page)).nodes.find((n) => n.role === 'heading' && /^Actions for 6\./.test(n.name));
      const provision = withAction ? withAction.name.slice('Actions for '.length) : '6.1';
      await scrollToTop(page, `${provision} (must)`).catch(() => scrollToTop(page, `${provision} (should)`));
      await shot(page, size, 'self-assessment-actions');
      await scrollToTop(page, 'Sign-off');
      await shot(page, size, 'self-assessment-sign-off');
    } catch (err) {
      failed = true;
      console.error(`assurance screenshots ${size.width}x${size.height}: ${err.stack || err.message}`);
    } finally {
      await browser.close();
    }
  }
} finally {
  server.close();
}
process.exit(failed ? 1 : 0);
