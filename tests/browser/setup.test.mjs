// A new device is set up on its first start (issue 24): Today invites it; until it is
// done letters say the organisation is not set (no invented "Example Homes"); the set-up
// takes the officer, the organisation's details, its complaints policy and the staff with
// their award limits; sample staff come only with sample data and go with it.
import { test, assert, assertEqual } from './lib.mjs';
import {
  choose, find, goTo, lastMessage, loadSampleData, semantics, settle, tap, typeInto, until, waitForTitle,
} from './ui-driver.mjs';

const nodes = async (page) => (await semantics(page)).nodes;
const settings = async (page) => JSON.parse(await page.evaluate(() => window.doorstep.exportJson())).settings;

// The text of the letter the Letters screen previews for the resident's case.
async function letterText(page, resident) {
  await goTo(page, 'Letters');
  if (await find(page, 'Choose another case', { role: 'button' })) await tap(page, 'Choose another case', { role: 'button' });
  await typeInto(page, 'Find a case', resident.slice(0, 6));
  await tap(page, (await nodes(page)).find((n) => n.role === 'button' && n.name.startsWith(resident)).name, { role: 'button' });
  return until(page, () => {
    const t = window.doorstep.semantics().nodes.filter((x) => x.role === 'text' && x.name.length > 300);
    return t.length ? t[t.length - 1].name : null;
  }, null, 'the letter preview');
}

test('first start: Today asks for set-up, letters say the organisation is not set, set-up takes the officer, organisation and staff', async (t) => {
  const { page, errors } = await t.openApp({ viewport: { width: 768, height: 1024 }, deviceScaleFactor: 2 });
  await settle(page);
  const invite = (await nodes(page)).find((n) => n.role === 'status' && n.name.startsWith('Set up this device'));
  assert(invite, 'Today invites the set-up on a new device');
  const s0 = await settings(page);
  assertEqual(s0.staff || [], [], 'no sample staff on a new device');
  assert(!s0.landlord.name, `no invented landlord: ${s0.landlord.name}`);

  // A service request logged before set-up: its letter says the organisation is not set.
  await goTo(page, 'New contact');
  await typeInto(page, "Resident's name", 'Lou Setuptest');
  await typeInto(page, 'Address', '3 Example Row, Sampletown');
  await typeInto(page, 'In their own words', 'The communal door does not lock.');
  await tap(page, 'Service request', { role: 'radio' });
  await tap(page, 'Log service request', { role: 'button' });
  await waitForTitle(page, 'Lou Setuptest, ');
  let letter = await letterText(page, 'Lou Setuptest');
  assert(letter.includes("[your organisation's name is not set"), 'the letter says the organisation is not set');
  assert(!letter.includes('Example Homes'), 'no invented landlord in the letter');

  // Set-up refuses to finish without what letters need, at the fields.
  await goTo(page, 'Today');
  await tap(page, 'Set up this device', { role: 'button' });
  await waitForTitle(page, 'Set up this device');
  await tap(page, 'Finish set-up', { role: 'button' });
  await until(page, () => (window.doorstep.semantics().nodes.find((x) => x.focused) || {}).name === 'Your name',
    null, 'the first problem (Your name) takes the focus');
  const summary = (await nodes(page)).find((n) => n.role === 'alert' && n.name.startsWith('There are 3 problems'));
  assert(summary && /Organisation's name: Give your organisation's name/.test(summary.name), `summary: ${summary && summary.name}`);

  await typeInto(page, 'Your name', 'Dana Officer');
  await choose(page, 'Your role', 'Housing officer');
  await typeInto(page, 'Your award limit', '50');
  await typeInto(page, "Organisation's name", 'Riverside Homes');
  await typeInto(page, 'Complaints phone number', '0300 123 4567');
  await typeInto(page, 'Complaints email address', 'complaints@riverside.invalid');
  await typeInto(page, 'Complaints policy', 'www.riverside.invalid/complaints');
  const phone = await find(page, 'Complaints phone number');
  assertEqual(phone.input, 'tel', 'the phone field asks for the phone keypad');

  await typeInto(page, 'Name of the member of staff', 'Kim Manager');
  await choose(page, 'Their role', 'Complaints manager');
  await typeInto(page, 'Their award limit', '1000');
  await tap(page, 'They may sign stage 2 (final) responses', { role: 'checkbox' });
  await tap(page, 'Add to the staff list', { role: 'button' });
  const kim = (await nodes(page)).find((n) => n.name.startsWith('Kim Manager, Complaints manager'));
  assert(kim && /£1,000\.00/.test(kim.name) && /Signs stage 2/.test(kim.name), `Kim on the staff list: ${kim && kim.name}`);

  await tap(page, 'Finish set-up', { role: 'button' });
  await waitForTitle(page, 'Today');
  assert(/set up for Riverside Homes/.test(await lastMessage(page)), `message: ${await lastMessage(page)}`);
  assert(!(await nodes(page)).some((n) => n.role === 'status' && n.name.startsWith('Set up this device')), 'no invitation once set up');

  const s1 = await settings(page);
  assertEqual(s1.officer_name, 'Dana Officer', 'officer');
  assertEqual(s1.landlord.name, 'Riverside Homes', 'landlord');
  assertEqual(s1.landlord.complaints_policy, 'www.riverside.invalid/complaints', 'complaints policy');
  const me = s1.staff.find((m) => m.name === 'Dana Officer');
  assert(me && me.award_limit === 5000 && me.role === 'officer', `the officer is on the staff list: ${JSON.stringify(me)}`);
  const k = s1.staff.find((m) => m.name === 'Kim Manager');
  assert(k && k.award_limit === 100000 && k.may_sign_stage2 && k.role === 'complaints_manager', `Kim: ${JSON.stringify(k)}`);

  letter = await letterText(page, 'Lou Setuptest');
  assert(letter.includes('Riverside Homes') && !letter.includes('is not set'), 'the letter now comes from Riverside Homes');

  // Sample data brings its invented staff (the landlord stays the device's own), and takes them away again.
  await loadSampleData(page);
  const s2 = await settings(page);
  assert(s2.staff.some((m) => m.name === 'Jo Placeholder'), 'sample staff with the sample data');
  assertEqual(s2.landlord.name, 'Riverside Homes', 'the device keeps its own landlord');
  await tap(page, 'Remove sample data', { role: 'button' });
  await waitForTitle(page, 'Remove sample data');
  await tap(page, 'Remove sample data', { role: 'button' });
  await waitForTitle(page, 'Settings', 30000);
  const s3 = await settings(page);
  assertEqual(s3.staff.map((m) => m.name).sort(), ['Dana Officer', 'Kim Manager'], 'the sample staff went with the sample data');
  assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
}, { timeout: 240_000 });
