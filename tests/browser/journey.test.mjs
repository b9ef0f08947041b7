// A complaint's whole life through the real UI: logged on the doorstep,
// acknowledged, extended (the resident objects), answered, escalated, answered
// at stage 2 and closed — every step by taps and typing at the coordinates the
// semantics tree gives, the way an officer does it. exportJson() must then hold
// all of it. And a refusal on the allocations ground, whose letter names the
// Local Government and Social Care Ombudsman.
import { test, assert, assertEqual } from './lib.mjs';
import {
  choose, find, goTo, lastMessage, semantics, settle, tap, typeInto, until, waitForTitle,
} from './ui-driver.mjs';

// The organisation and staff these journeys name, as the device's set-up would have
// entered them (a new device has none: set-up.test.mjs goes through that screen).
async function setUpOrganisation(page) {
  const done = await page.evaluate(() => {
    const data = JSON.parse(window.doorstep.exportJson());
    Object.assign(data.settings.landlord, { name: 'Riverside Homes', phone: '0300 123 4567', email: 'complaints@riverside.invalid' });
    data.settings.staff = [
      { id: 'staff-jo', name: 'Jo Placeholder', role: 'investigator', may_sign_stage2: false, award_limit: 25000 },
      { id: 'staff-pat', name: 'Pat Demo', role: 'complaints_manager', may_sign_stage2: true, award_limit: 100000 },
      { id: 'staff-robin', name: 'Robin Specimen', role: 'senior_manager', may_sign_stage2: true, award_limit: 500000 },
    ];
    return window.doorstep.importJson(JSON.stringify(data), 'replace');
  });
  assert(done.ok, `the organisation could not be set up: ${done.message}`);
  await settle(page);
}

async function logComplaint(page, { name, words, want, category = 'Repairs', what = 'Complaint' }) {
  await goTo(page, 'New contact');
  await typeInto(page, "Resident's name", name);
  await typeInto(page, 'Address', '14 Example Row, Sampletown');
  await typeInto(page, 'Postcode', 'ZZ99 1AA');
  await typeInto(page, 'In their own words', words);
  await typeInto(page, 'What they want to happen', want);
  await tap(page, what, { role: 'radio' });
  await choose(page, 'Category', category);
  await tap(page, 'Large print letters', { role: 'checkbox' });
  // The key dates to tell the resident are on screen before saving.
  const dates = (await semantics(page)).nodes.find((n) => n.role === 'status' && n.name.startsWith('Key dates'));
  assert(dates && /You will hear from us by \w+day \d+ \w+ \d{4}/.test(dates.name), `key dates shown: ${dates && dates.name}`);
  await tap(page, what === 'Complaint' ? 'Log complaint' : 'Log both', { role: 'button' });
  await waitForTitle(page, `${name}, `);
  const message = await lastMessage(page);
  assert(/logged for/.test(message), `logging said: ${message}`);
  return message.match(/DS-\d{4}-(?:[2-9A-Z]{4}-)?\d{6}/)[0];
}

test('a complaint from the doorstep to closure, through the screens', async (t) => {
  const { page, errors } = await t.openApp({ viewport: { width: 1024, height: 768 } });
  await settle(page);
  await setUpOrganisation(page);
  const ref = await logComplaint(page, {
    name: 'Alex Journeytest',
    words: 'The boiler has not worked for three weeks and two repair visits were missed.',
    want: 'A working boiler and an apology for the missed visits',
  });

  // 6.1: the adjustment shows before anything else on the case.
  const warn = (await semantics(page)).nodes.find((n) => n.name.startsWith('Before you contact Alex Journeytest'));
  assert(warn && /Large print letters/.test(warn.name), 'the 6.1 prompt names the adjustment');

  // Acknowledge stage 1.
  await tap(page, 'Acknowledge stage 1', { role: 'button' });
  await waitForTitle(page, 'Acknowledge stage 1');
  await typeInto(page, 'Complaint definition', 'The boiler has failed and two repair appointments were missed.');
  await typeInto(page, 'Point 1', 'The boiler is still not repaired');
  await tap(page, 'Add another point', { role: 'button' });
  await typeInto(page, 'Point 2', 'Two appointments were missed without notice');
  await choose(page, 'Handler', 'Jo Placeholder');
  await tap(page, 'The definition was confirmed with the resident', { role: 'checkbox' });
  await tap(page, 'Acknowledge', { role: 'button' });
  await waitForTitle(page, 'Alex Journeytest');
  assertEqual(await lastMessage(page), 'Stage 1 acknowledged.', 'message after acknowledging');

  // Extend: the resident objects, and is given the Ombudsman's details (6.4, 6.5).
  await tap(page, 'Extend the deadline', { role: 'button' });
  await waitForTitle(page, 'Extend the deadline');
  await typeInto(page, 'Extra working days', '5');
  await typeInto(page, 'Reason', 'A specialist part has to be ordered for the boiler.');
  await tap(page, 'The resident has been told', { role: 'checkbox' });
  await typeInto(page, 'How', 'Phone, then letter');
  await tap(page, 'Objected', { role: 'radio' });
  await tap(page, "The Ombudsman's contact details were given", { role: 'checkbox' });
  await tap(page, 'Extend', { role: 'button' });
  await waitForTitle(page, 'Alex Journeytest');
  assert(/extended by 5 working days/.test(await lastMessage(page)), `extension: ${await lastMessage(page)}`);

  // Respond at stage 1: a refusal is shown first, at the field it is about, in a sentence.
  await tap(page, 'Record the response', { role: 'button' });
  await waitForTitle(page, 'Record the stage 1 response');
  await tap(page, 'Record the response', { role: 'button' });
  const refusal = (await semantics(page)).nodes.find((n) => n.role === 'alert' && n.name.startsWith('There is a problem'));
  assert(refusal && !/case DS-/.test(refusal.name), `the refusal in plain words: ${refusal && refusal.name}`);
  assert(/stages\[0\]/.test(await lastMessage(page)), `the engine's words kept for logs: ${await lastMessage(page)}`);
  await tap(page, 'Partly upheld', { role: 'radio' });
  await typeInto(page, 'Reasons for point 1', 'The part arrived and the boiler was repaired; repairs policy section 4 was followed late.');
  // Point 2's "Upheld" is the second radio of that name (the first is point 1's).
  await tap(page, 'Reasons for point 2');  // brings point 2 into view
  const upheld = (await semantics(page)).nodes.filter((n) => n.role === 'radio' && n.name === 'Upheld');
  assertEqual(upheld.length, 2, 'a decision for each point');
  const top = await page.evaluate(() => document.getElementById('canvas').getBoundingClientRect().top);
  await page.mouse.click(upheld[1].x + 20, upheld[1].y + top + upheld[1].h / 2);
  await settle(page);
  await typeInto(page, 'Reasons for point 2', 'Both visits were missed without notice, against our appointment standard.');
  await typeInto(page, 'Summary of the response', 'Boiler repaired; apology for the missed appointments.');
  await tap(page, 'Record the response', { role: 'button' });
  await waitForTitle(page, 'Alex Journeytest');
  assert(/Stage 1 response recorded/.test(await lastMessage(page)), `stage 1 response: ${await lastMessage(page)}`);

  // Escalate (no reason needed, 6.12), acknowledge with a different handler (6.13), respond.
  await tap(page, 'Request escalation to stage 2', { role: 'button' });
  await waitForTitle(page, 'Request escalation to stage 2');
  await tap(page, 'Escalate to stage 2', { role: 'button' });
  await waitForTitle(page, 'Alex Journeytest');
  assert(/Escalated/.test(await lastMessage(page)), `escalation: ${await lastMessage(page)}`);

  await tap(page, 'Acknowledge stage 2', { role: 'button' });
  await waitForTitle(page, 'Acknowledge stage 2');
  await typeInto(page, 'Complaint definition', 'The resident is unhappy that no compensation was offered for the missed visits.');
  await typeInto(page, 'Point 1', 'No compensation for missed appointments');
  // 6.13: the stage 1 handler is refused, in the engine's words.
  await choose(page, 'Handler', 'Jo Placeholder');
  await tap(page, 'Acknowledge', { role: 'button' });
  const clash = (await semantics(page)).nodes.find((n) => n.role === 'alert');
  assert(clash && /6\.13|stage 1/.test(clash.name), `6.13 refusal shown: ${clash && clash.name}`);
  await choose(page, 'Handler', 'Pat Demo');
  await tap(page, 'Acknowledge', { role: 'button' });
  await waitForTitle(page, 'Alex Journeytest');

  await tap(page, 'Record the response', { role: 'button' });
  await waitForTitle(page, 'Record the stage 2 response');
  await tap(page, 'Upheld', { role: 'radio' });
  await typeInto(page, 'Reasons for point 1', 'Our compensation guidance sets £15 per missed appointment.');
  await choose(page, 'Signed by', 'Robin Specimen');
  await tap(page, 'Record the response', { role: 'button' });
  await waitForTitle(page, 'Alex Journeytest');
  assert(/Stage 2 response recorded/.test(await lastMessage(page)), `stage 2 response: ${await lastMessage(page)}`);

  await tap(page, 'Close the case', { role: 'button' });
  await waitForTitle(page, 'Close the case');
  await tap(page, 'Close the case', { role: 'button' });
  await waitForTitle(page, 'Alex Journeytest');
  assertEqual(await lastMessage(page), 'Case closed.', 'closing');

  // Everything is in the export.
  const data = JSON.parse(await page.evaluate(() => window.doorstep.exportJson()));
  const kase = data.cases.find((x) => x.reference === ref);
  assert(kase, `${ref} is exported`);
  assertEqual(kase.resident.name, 'Alex Journeytest', 'resident');
  assert(/three weeks/.test(kase.own_words), 'own words kept');
  assertEqual(kase.stages.length, 2, 'two stages');
  const [s1, s2] = kase.stages;
  assert(s1.acknowledged && s1.responded && s2.acknowledged && s2.responded, 'both stages acknowledged and answered');
  assertEqual(s1.investigator, 'Jo Placeholder', 'stage 1 handler');
  assertEqual(s2.investigator, 'Pat Demo', 'stage 2 handler');
  assertEqual(s1.points.map((p) => p.decision), ['partly_upheld', 'upheld'], 'stage 1 decisions');
  assertEqual(s1.extensions.length, 1, 'one extension');
  assertEqual(s1.extensions[0].working_days, 5, 'extension days');
  assertEqual(s1.extensions[0].resident_agreed, false, 'the resident objected');
  assert(s1.extensions[0].ombudsman_details_given, 'Ombudsman details given with the extension');
  assert(s2.escalation && s2.escalation.requested, 'escalation date recorded');
  assertEqual(kase.closure.reason, 'resolved', 'closed as resolved');
  assert(kase.adjustments.some((a) => a.description === 'Large print letters'), 'adjustment recorded');
  assert(kase.audit.length >= 8, `audit trail kept (${kase.audit.length} entries)`);
  assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
}, { dates: true, timeout: 240_000 });

test('refused on the allocations ground: the letter names the Local Government and Social Care Ombudsman', async (t) => {
  const { page, errors } = await t.openApp({ viewport: { width: 1024, height: 768 } });
  await settle(page);
  await setUpOrganisation(page);
  await logComplaint(page, {
    name: 'Sam Allocationtest',
    words: 'I was refused a transfer to a bigger home and I think the banding was wrong.',
    want: 'To be moved up the housing register',
    category: 'Lettings',
  });
  await tap(page, 'Refuse the complaint', { role: 'button' });
  await waitForTitle(page, 'Refuse the complaint');
  const ground = 'A statutory review route applies, such as an allocations or lettings decision (2.2)';
  await choose(page, 'Ground', ground);
  const who = await find(page, 'Who can review it. The letter will tell the resident they can ask Local Government and Social Care Ombudsman to look at this decision.');
  assert(who, 'the form says who reviews an allocations refusal');
  await typeInto(page, 'Reasons', 'Banding decisions have their own statutory review; the Local Government and Social Care Ombudsman looks at them.');
  await choose(page, 'Approved by', 'Pat Demo');
  await tap(page, 'Refuse the complaint', { role: 'button' });
  await waitForTitle(page, 'Sam Allocationtest');
  assert(/Complaint refused/.test(await lastMessage(page)), `refusal: ${await lastMessage(page)}`);

  await tap(page, 'Letters for this case', { role: 'button' });
  await waitForTitle(page, 'Letters');
  const letter = await find(page, 'Letter', { role: 'combobox' });
  assert(letter && /not to accept/i.test(letter.value), `the refusal letter is offered first: ${letter && letter.value}`);
  const text = await until(page, () => {
    const n = window.doorstep.semantics().nodes.filter((x) => x.role === 'text').map((x) => x.name);
    return n.find((x) => x.includes('Local Government and Social Care Ombudsman') && x.length > 200) || null;
  }, null, 'the letter text');
  assert(!/Housing Ombudsman to review/.test(text), 'the letter does not send an allocations refusal to the Housing Ombudsman');
  const data = JSON.parse(await page.evaluate(() => window.doorstep.exportJson()));
  const kase = data.cases.find((x) => x.resident.name === 'Sam Allocationtest');
  assertEqual(kase.refusal.ground_id, 'statutory-review', 'refusal ground exported');
  assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
}, { timeout: 180_000 });

test('a closed tab loses nothing: the unfinished form is offered back after a reload', async (t) => {
  const { page } = await t.openApp({ viewport: { width: 1024, height: 768 } });
  await settle(page);
  await goTo(page, 'New contact');
  await typeInto(page, "Resident's name", 'Jo Draftkeeper');
  await typeInto(page, 'In their own words', 'Water comes through the kitchen ceiling when it rains.');
  await tap(page, 'Service request', { role: 'radio' });
  // Let the last change reach IndexedDB, then close the page as a flat battery would.
  await settle(page, 600);
  await page.reload({ waitUntil: 'load' });
  await page.waitForFunction(() => window.doorstep && window.doorstep.ready);
  await page.evaluate(() => window.doorstep.ready);
  await settle(page);
  // Today lists it; New contact offers it back.
  const listed = (await semantics(page)).nodes.find((n) => n.role === 'button' && n.name.startsWith('New contact: Jo Draftkeeper'));
  assert(listed, 'Today lists the unfinished form');
  await goTo(page, 'New contact');
  const offer = (await semantics(page)).nodes.find((n) => n.name.startsWith('You have an unfinished form: New contact: Jo Draftkeeper'));
  assert(offer, 'the form is offered back');
  await tap(page, 'Continue it', { role: 'button' });
  assertEqual((await find(page, "Resident's name")).value, 'Jo Draftkeeper', 'name restored');
  assertEqual((await find(page, 'In their own words')).value, 'Water comes through the kitchen ceiling when it rains.', 'words restored');
  assert((await find(page, 'Service request', { role: 'radio' })).checked, 'choice restored');
  await tap(page, 'Log service request', { role: 'button' });
  await waitForTitle(page, 'Jo Draftkeeper');
  await goTo(page, 'Today');
  const gone = (await semantics(page)).nodes.find((n) => n.role === 'button' && n.name.startsWith('New contact: Jo Draftkeeper'));
  assert(!gone, 'the draft is gone once logged');
}, { dates: true });
