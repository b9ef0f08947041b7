#!/usr/bin/env node
// Screenshots of a case's oversight section (remedy offers and answers,
// satisfaction surveys, the Housing Ombudsman's determination and orders) and of
// Today's Ombudsman orders, with sample data loaded, at 1024x768, 768x1024 and
// 390x844 (2x), into docs/screenshots/<name>-<w>x<h>.png. Drives the real UI
// like a person (tests/browser/ui-driver.mjs).
//   node scripts/oversight-screenshots.mjs [--site build/web/site] [--out docs/screenshots] [--only 390x844]
import { atEachSize, openCaseByReference, screenshotSetup, scrollToTop, writeShot } from './screenshot-kit.mjs';
import { find, goTo, loadSampleData, semantics } from '../tests/browser/ui-driver.mjs';

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

await atEachSize('oversight-screenshots', site, SIZES, async (page, size) => {
  await loadSampleData(page);
  await goTo(page, 'Today');
  if (await find(page, 'Housing Ombudsman orders', { role: 'list' })) {
    await scrollToTop(page, (await semantics(page)).nodes.find((n) => n.role === 'heading' && n.name.startsWith('Housing Ombudsman orders')).name, { role: 'heading' });
    await shot(page, size, 'today-ombudsman-orders');
  }
  const best = bestCase(JSON.parse(await page.evaluate(() => window.doorstep.exportJson())));
  await openCaseByReference(page, best);
  if (await find(page, 'Remedy offers and answers (7.3)', { role: 'heading' })) {
    await scrollToTop(page, 'Remedy offers and answers (7.3)', { role: 'heading' });
    await shot(page, size, 'case-oversight-remedies');
  }
  await scrollToTop(page, 'Housing Ombudsman', { role: 'heading' });
  await shot(page, size, 'case-oversight-ombudsman');
});
