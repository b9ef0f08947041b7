// Erasure (issue 21, item 8) through the screens: a complaints manager, signed in
// with their own passphrase, erases a closed real case from its screen with a
// reason; the case leaves the device, the record that it was erased stays (without
// the resident's details), and an older export merged back does not return it.
import { test, assert, assertEqual } from './lib.mjs';
import { find, goTo, lastMessage, loadSampleData, semantics, tap, typeInto, until, waitForTitle } from './ui-driver.mjs';

const PASSPHRASE = 'lantern meadow quartz';

test('21.8: a signed-in complaints manager erases a closed case: it leaves the device, the record of it stays', async (t) => {
  const { page, errors } = await t.openApp();
  await loadSampleData(page);
  // One sample case made real (sample cases have their own removal), and a manager on the staff list.
  const before = JSON.parse(await page.evaluate(() => window.doorstep.exportJson()));
  const named = (n) => before.cases.filter((c) => c.resident.name === n).length;
  const target = before.cases.find((c) => c.closure && !c.ombudsman && named(c.resident.name) === 1);
  assert(target, 'the sample data has a closed case');
  target.demo = false;
  before.settings.staff.push({ ...before.settings.staff[0], id: 'kim', name: 'Kim Manager', role: 'complaints_manager' });
  const loaded = await page.evaluate((text) => window.doorstep.importJson(text), JSON.stringify(before));
  assert(loaded.ok, `the import: ${loaded.message}`);

  await goTo(page, 'Settings');
  await typeInto(page, "Officer's name", 'Kim Manager');
  await typeInto(page, 'Choose a passphrase', PASSPHRASE);
  await typeInto(page, 'Type the passphrase again', PASSPHRASE);
  await tap(page, 'Turn on sign-in', { role: 'button' });
  await until(page, () => /^Sign-in is on/.test(window.doorstep.lastMessage()), null, 'sign-in to be set up', 20000);

  // Found by its reference (the list draws only the rows on screen).
  await goTo(page, 'Cases');
  await typeInto(page, 'Search', target.reference);
  if (!(await find(page, 'Closed', { role: 'radio' }))) await tap(page, 'Filters', { role: 'button' });
  await tap(page, 'Closed', { role: 'radio' });  // the list shows open cases unless asked
  const row = (await semantics(page)).nodes.find((n) => n.role === 'link' && n.name.includes(target.resident.name));
  assert(row, `the search finds ${target.reference}`);
  await tap(page, row.name, { role: 'link' });
  await waitForTitle(page, `${target.resident.name}, `);
  await tap(page, 'Erase this case', { role: 'button' });
  await waitForTitle(page, 'Erase this case');
  await tap(page, 'Erase for good', { role: 'button' });  // no reason: refused, nothing erased
  await waitForTitle(page, 'Erase this case');
  await typeInto(page, 'Why it is erased', 'Logged twice in error: a duplicate of another case');
  await tap(page, 'Erase for good', { role: 'button' });
  await waitForTitle(page, 'Cases');
  assert(/is erased/.test(await lastMessage(page)), `the message: ${await lastMessage(page)}`);

  const after = JSON.parse(await page.evaluate(() => window.doorstep.exportJson()));
  assert(!after.cases.some((c) => c.id === target.id), 'the erased case is gone');
  assertEqual(after.erasures.map((e) => [e.reference, e.by]), [[target.reference, 'Kim Manager']], 'the erasure record');
  assert(!JSON.stringify(after.erasures).includes(target.resident.name), 'the record does not name the resident');

  // The older export, merged back, does not bring it back.
  const merged = await page.evaluate((text) => window.doorstep.importJson(text, 'merge'), JSON.stringify(before));
  assert(merged.ok, `the merge: ${merged.message}`);
  const again = JSON.parse(await page.evaluate(() => window.doorstep.exportJson()));
  assert(!again.cases.some((c) => c.id === target.id), 'the merge did not bring the erased case back');
  assertEqual(errors, [], 'page errors');
}, { timeout: 180_000 });
