#!/usr/bin/env node
// Screenshots for the first hour on the doorstep and in the office, at the three
// sizes officers use, into docs/screenshots/<name>-<w>x<h>.png:
//   first-start-today     a new device's Today, inviting the set-up
//   first-start-setup     the set-up: the officer, the organisation, its staff
//   new-contact-refused   "Log complaint" refused: the summary at the button (the first field has the focus)
//   new-contact-refused-field  the first problem, scrolled to and marked at its field
//   letter-printed        a letter as Print opens it (styled like the download)
//   report-table          a report table with widths from its content (sample data loaded)
//   node scripts/form-screenshots.mjs [--site build/web/site] [--out docs/screenshots] [--only 390x844]
import path from 'node:path';
import { atEachSize, screenshotSetup, scrollToTop, writeShot } from './screenshot-kit.mjs';
import { ROOT } from '../tests/browser/lib.mjs';
import { goTo, loadSampleData, reveal, settle, tap, typeInto, until, waitForTitle } from '../tests/browser/ui-driver.mjs';

const { site, out, sizes } = screenshotSetup('form-screenshots');

await atEachSize('form-screenshots', site, sizes, async (page, size) => {
  await settle(page);
  await writeShot(page, out, size, 'first-start-today');
  await tap(page, 'Set up this device', { role: 'button' });
  await waitForTitle(page, 'Set up this device');
  await typeInto(page, 'Your name', 'Dana Officer');
  await writeShot(page, out, size, 'first-start-setup');
  // Reports count sample cases only while there are no real ones: the table first.
  await loadSampleData(page);
  await goTo(page, 'Reports');
  await scrollToTop(page, 'Stage 1 complaints by category', { role: 'heading' });
  await writeShot(page, out, size, 'report-table');
  await goTo(page, 'New contact');
  await tap(page, 'Log complaint', { role: 'button' });
  await until(page, () => (window.doorstep.semantics().nodes.find((x) => x.focused) || {}).name === "Resident's name",
    null, 'focus on the first problem');
  await writeShot(page, out, size, 'new-contact-refused-field');
  await reveal(page, 'Log complaint', { role: 'button' });
  await writeShot(page, out, size, 'new-contact-refused');

  await typeInto(page, "Resident's name", 'Pat Example');
  await typeInto(page, 'In their own words', 'The heating has not worked since October and two visits were missed.');
  await tap(page, 'Service request', { role: 'radio' });
  await tap(page, 'Log service request', { role: 'button' });
  await waitForTitle(page, 'Pat Example, ');
  await tap(page, 'Write the letter', { role: 'button' });
  await until(page, () => !!window.doorstep.widget('Print'), null, 'the letter');
  const opened = page.context().waitForEvent('page', { timeout: 20_000 });
  await tap(page, 'Print', { role: 'button' });
  const tab = await opened;
  await tab.setViewportSize({ width: size.width, height: size.height });
  await tab.waitForLoadState('load');
  await tab.waitForFunction(() => document.adoptedStyleSheets.length > 0, null, { timeout: 10_000 });
  const file = path.join(out, `letter-printed-${size.width}x${size.height}.png`);
  await tab.screenshot({ path: file });
  console.log(`wrote ${path.relative(ROOT, file)}`);
  await tab.close();

});
