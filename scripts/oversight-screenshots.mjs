#!/usr/bin/env node
// Screenshots of a case's oversight section (remedy offers and answers,
// satisfaction surveys, the Housing Ombudsman's determination and orders) and of
// Today's Ombudsman orders, with sample data loaded, at 1024x768, 768x1024 and
// 390x844 (2x), into docs/screenshots/<name>-<w>x<h>.png. Drives the real UI
// like a person (tests/browser/ui-driver.mjs).
//   node scripts/oversight-screenshots.mjs [--site build/web/site] [--out docs/screenshots] [--only 390x844]
import { serve } from './serve.mjs';
import { screenshotSetup, scrollToTop, writeShot } from './screenshot-kit.mjs';
import { launch, openPage } from '../tests/browser/lib.mjs';
import { find, goTo, loadSampleData, semantics, settle, tap, typeInto, until } from '../tests/browser/ui-driver.mjs';

const { site, out, sizes: SIZES } = screenshotSetup('oversight-screenshots');

async function shot(page, size, name) {
  await writeShot(page, out, size, name);
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
        await scrollToTop(page, (await semantics(page)).nodes.find((n) => n.role === 'heading' && n.name.startsWith('Housing Ombudsman orders')).name, { role: 'heading' });
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
        await scrollToTop(page, 'Remedy offers and answers (7.3)', { role: 'heading' });
        await shot(page, size, 'case-oversight-remedies');
      }
      await scrollToTop(page, 'Housing Ombudsman', { role: 'heading' });
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
