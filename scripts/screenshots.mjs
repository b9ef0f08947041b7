#!/usr/bin/env node
// Screenshots of every screen at the three sizes officers use (1024x768 laptop,
// 768x1024 tablet portrait, 390x844 phone at 2x), with sample data loaded, into
// docs/screenshots/<screen>-<w>x<h>.png. Drives the real UI like a person
// (tests/browser/ui-driver.mjs).
//   node scripts/screenshots.mjs [--site build/web/site] [--out docs/screenshots] [--only 390x844] [--shot case-hazard-damp]
// --shot takes only that screenshot (after loading the sample data where it needs it).
import { arg, atEachSize, openCaseByReference, screenshotSetup, scrollToTop, writeShot } from './screenshot-kit.mjs';
import { find, goTo, loadSampleData, semantics, settle, tap, typeInto, until, waitForTitle } from '../tests/browser/ui-driver.mjs';

const { site, out, sizes: SIZES } = screenshotSetup('screenshots');
const onlyShot = arg('--shot', '');
const want = (name) => !onlyShot || onlyShot === name;

async function shot(page, size, name) {
  if (!want(name)) return;
  await writeShot(page, out, size, name);
}

async function openFirstCase(page, prefer) {
  await goTo(page, 'Cases');
  const nodes = (await semantics(page)).nodes.filter((n) => n.role === 'link');
  const row = nodes.find((n) => prefer.test(n.name)) || nodes[0];
  await tap(page, row.name, { role: 'link' });
  await until(page, () => window.doorstep.semantics().nodes.some((n) => n.name.startsWith('Back to')), null, 'case screen');
  await settle(page, 300);
}

// A sample case with a damp-and-mould hazard (and photos of it when the sample data has them):
// its Awaab's Law clocks and evidence thumbnails. The best one has clocks still running and photos;
// it is found in the export and opened through the Cases list by its reference, as a person would.
async function dampHazardCase(page, size) {
  const data = JSON.parse(await page.evaluate(() => window.doorstep.exportJson()));
  let best = null;
  for (const c of data.cases) {
    for (const h of c.hazards || []) {
      if (h.type_id !== 'damp-and-mould') continue;
      const photos = (c.attachments || []).some((a) => a.hazard_id === h.id);
      // A hazard's clocks run whether or not the complaint is still open.
      const score = (h.closed ? 0 : 4) + (photos ? 2 : 0) + (c.closure ? 0 : 1);
      if (!best || score > best.score) best = { reference: c.reference, score, closed: !!c.closure };
    }
  }
  if (!best) throw new Error('no sample case has a damp-and-mould hazard');
  await openCaseByReference(page, best);
  await scrollToTop(page, "Hazards (Awaab's Law)", { required: false });
  await settle(page, 800);  // thumbnails decode and draw
  await shot(page, size, 'case-hazard-damp');
  await goTo(page, 'Cases');
  await typeInto(page, 'Search', '');
  if (best.closed) {
    await tap(page, 'Open', { role: 'radio' });
    await tap(page, 'Hide filters', { role: 'button' });
  }
}

await atEachSize('screenshots', site, SIZES, async (page, size) => {
  await shot(page, size, 'today-empty');
  await goTo(page, 'New contact');
  await shot(page, size, 'new-contact');
  await loadSampleData(page);
  await shot(page, size, 'settings');
  if (want('case-hazard-damp')) await dampHazardCase(page, size);
  if (onlyShot) return;
  await goTo(page, 'Today');
  await shot(page, size, 'today');
  await goTo(page, 'Cases');
  await shot(page, size, 'cases');
  await openFirstCase(page, /overdue/);
  await shot(page, size, 'case');
  await tap(page, 'Letters for this case', { role: 'button' });
  await waitForTitle(page, 'Letters');
  await shot(page, size, 'letters');
  // A case still to acknowledge, for the form.
  await openFirstCase(page, /Acknowledge/);
  const ack = await find(page, 'Acknowledge stage 1', { role: 'button' });
  if (ack) {
    await tap(page, 'Acknowledge stage 1', { role: 'button' });
    await waitForTitle(page, 'Acknowledge stage 1');
    await shot(page, size, 'acknowledge');
    await page.keyboard.press('Escape');
    await settle(page);
  }
  await goTo(page, 'Reports');
  await shot(page, size, 'reports');
  await goTo(page, 'Self-assessment');
  if (await find(page, 'Start the self-assessment', { role: 'button' })) {
    await tap(page, 'Start the self-assessment', { role: 'button' });
    await settle(page, 400);
  }
  await shot(page, size, 'self-assessment');
  if (await find(page, 'Menu', { role: 'button' }) || await find(page, 'More', { role: 'button' })) {
    await tap(page, (await find(page, 'Menu', { role: 'button' })) ? 'Menu' : 'More', { role: 'button' });
    await waitForTitle(page, 'Menu');
    await shot(page, size, 'menu');
  }
});
