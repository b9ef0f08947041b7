// After logging on the doorstep the case offers the next natural step (issue 24):
// acknowledging the complaint (then its letter), the letter for a service request,
// or reporting a hazard when the category asked "Could this be a hazard?" and none
// was reported yet.
import { test, assert } from './lib.mjs';
import { choose, find, goTo, settle, tap, typeInto, waitForTitle } from './ui-driver.mjs';

async function logComplaint(page, name, category) {
  await goTo(page, 'New contact');
  await typeInto(page, "Resident's name", name);
  await typeInto(page, 'In their own words', 'Black mould is coming back on the bedroom wall.');
  await tap(page, 'Complaint', { role: 'radio' });
  await choose(page, 'Category', category);
  await tap(page, 'Log complaint', { role: 'button' });
  await waitForTitle(page, `${name}, `);
}

test('after logging, the case offers to acknowledge and define the complaint (6.2)', async (t) => {
  const { page } = await t.openApp({ viewport: { width: 1024, height: 768 } });
  await settle(page);
  await logComplaint(page, 'Nell Nextstep', 'Communication');
  assert(await find(page, 'What next. Acknowledge and define the complaint within the Code\'s timescale (6.2); its '
    + 'acknowledgement letter is then ready to check and print.'), 'the next step is offered');
  await tap(page, 'Acknowledge and define the complaint', { role: 'button' });
  await waitForTitle(page, 'Acknowledge stage 1');
});

test('after logging damp and mould without a hazard, the case offers to report one', async (t) => {
  const { page } = await t.openApp({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  await settle(page);
  await logComplaint(page, 'Huw Hazardnext', 'Damp and mould');
  const offer = await find(page, 'Report a hazard', { role: 'button' });
  const title = await find(page, 'Huw Hazardnext', { role: 'heading' });
  assert(offer && title && offer.y - title.y < 600, 'the hazard report is offered near the top of the case');
  await tap(page, 'Report a hazard', { role: 'button' });
  await waitForTitle(page, 'Report a hazard');
}, { timeout: 90_000 });
