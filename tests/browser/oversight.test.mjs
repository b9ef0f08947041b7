// Oversight of a complaint through the case screen, by taps and typing only
// (issue 13): refer it to the Housing Ombudsman, record a determination of
// maladministration with an order already past its due date, see the order on
// Today as overdue and open the case from there, mark the order complied and see
// it leave Today; offer the stage 1 satisfaction survey and record its scores;
// offer a proposed remedy and record the resident accepting it. The export then
// holds every step. The starting case (answered at stage 1 six weeks ago, with a
// proposed remedy) is imported as a file would be; everything after is the UI.
import { test, assert, assertEqual, isoDaysFrom } from './lib.mjs';
import {
  choose, goTo, lastMessage, semantics, settle, tap, typeInto, waitForTitle,
} from './ui-driver.mjs';

const NAME = 'Robin Oversight';


function startingCase() {
  return {
    id: '7d3f1c2a-5b6e-4f80-9a1b-2c3d4e5f6a7b',
    reference: 'DS-2026-000901',
    code: '2024',
    kind: 'complaint',
    channel: 'phone',
    received: isoDaysFrom(-60),
    resident: { name: NAME, preferred_contact: 'phone' },
    own_words: 'The leak under the kitchen sink was left for five weeks.',
    outcome_wanted: 'The leak fixed and the cupboard replaced',
    category_id: 'repairs',
    complexity: 1,
    stages: [{
      number: 1,
      opened: isoDaysFrom(-60),
      definition: 'The leak under the kitchen sink was not repaired for five weeks.',
      points: [{ text: 'Delay repairing the leak', decision: 'upheld', reasons: 'Repairs policy 4.2: 20 working days' }],
      outcome_sought: 'The leak fixed and the cupboard replaced',
      investigator: 'Jo Placeholder',
      acknowledged: isoDaysFrom(-58),
      remedies: [{
        type: 'financial',
        description: 'Payment for the damaged cupboard and the time taken',
        amount: 15000,
        parts: { quantifiable_losses: 10000, time_and_trouble: 5000 },
        approved_by: 'Pat Demo',
        state: 'proposed',
        due: isoDaysFrom(14),
      }],
      responded: isoDaysFrom(-45),
      response_summary: 'Upheld: the repair took too long',
    }],
  };
}

async function nodeStarting(page, start, role) {
  return (await semantics(page)).nodes.find((n) => n.name.startsWith(start) && (!role || n.role === role));
}

async function backOnCase(page, message) {
  await waitForTitle(page, `${NAME}, `);
  const said = await lastMessage(page);
  assert(said.includes(message), `after saving the app said "${said}", expected "${message}"`);
}

test('Ombudsman order overdue on Today until complied; survey scores; a remedy offered and accepted', async (t) => {
  const { page, errors } = await t.openApp({ viewport: { width: 1024, height: 768 } });
  await settle(page);

  // The starting case, into this device's data.
  const imported = await page.evaluate((c) => {
    const data = JSON.parse(window.doorstep.exportJson());
    data.cases = [c];
    return window.doorstep.importJson(JSON.stringify(data), 'replace');
  }, startingCase());
  assert(imported.ok, `the starting case was refused: ${imported.message}`);
  await settle(page);

  await goTo(page, 'Cases');
  const row = await nodeStarting(page, NAME, 'link');
  assert(row, 'the case is listed');
  await tap(page, row.name, { role: 'link' });
  await waitForTitle(page, `${NAME}, `);

  // Referral, a month ago.
  await tap(page, 'Record a referral to the Ombudsman', { role: 'button' });
  await waitForTitle(page, 'Referral to the Housing Ombudsman');
  await typeInto(page, 'Date referred', isoDaysFrom(-30));
  await typeInto(page, "Ombudsman's reference", '202612345');
  await tap(page, 'Record the referral', { role: 'button' });
  await backOnCase(page, 'Referral to the Housing Ombudsman recorded.');

  // Determination of maladministration, twenty days ago.
  await tap(page, 'Record the determination', { role: 'button' });
  await waitForTitle(page, "The Ombudsman's determination");
  await choose(page, 'Determination', 'Maladministration');
  await typeInto(page, 'Date of the determination', isoDaysFrom(-20));
  await tap(page, 'Record the determination', { role: 'button' });
  await backOnCase(page, 'Determination recorded: Maladministration.');

  // An order due five days ago: an alert on the case.
  await tap(page, 'Add an Ombudsman order', { role: 'button' });
  await waitForTitle(page, 'Add an Ombudsman order');
  await typeInto(page, 'What the Ombudsman ordered', 'Apologise in writing and pay the resident £150');
  await typeInto(page, 'Due by', isoDaysFrom(-5));
  await tap(page, 'Add the order', { role: 'button' });
  await backOnCase(page, 'Ombudsman order added.');
  const alert = await nodeStarting(page, 'Ombudsman order overdue', 'alert');
  assert(alert && /Apologise in writing/.test(alert.name), `the case shows the overdue order as an alert: ${alert && alert.name}`);

  // Today lists it as overdue; tapping it opens the case.
  await goTo(page, 'Today');
  const onToday = await nodeStarting(page, 'Ombudsman order: Apologise in writing', 'button');
  assert(onToday, 'Today lists the Ombudsman order');
  assert(/overdue/.test(onToday.name) && onToday.name.includes('DS-2026-000901'), `the order on Today: ${onToday.name}`);
  await tap(page, onToday.name, { role: 'button' });
  await waitForTitle(page, `${NAME}, `);

  // Complied with today: gone from the case's alerts and from Today.
  await tap(page, 'Mark order 1 complied', { role: 'button' });
  await waitForTitle(page, 'Ombudsman order complied with');
  await typeInto(page, 'Evidence of compliance', 'Apology letter and payment receipt sent to the Ombudsman');
  await tap(page, 'Record compliance', { role: 'button' });
  await backOnCase(page, 'Ombudsman order 1 complied with.');
  assert(!(await nodeStarting(page, 'Ombudsman order overdue', 'alert')), 'no overdue alert once complied with');
  await goTo(page, 'Today');
  assert(!(await nodeStarting(page, 'Ombudsman order:', 'button')), 'the order has gone from Today');

  // The stage 1 survey: offered today, answered with three scores.
  await goTo(page, 'Cases');
  await tap(page, row.name, { role: 'link' });
  await waitForTitle(page, `${NAME}, `);
  await tap(page, 'Offer the stage 1 survey', { role: 'button' });
  await waitForTitle(page, 'Offer the satisfaction survey');
  await tap(page, 'Record the offer', { role: 'button' });
  await backOnCase(page, 'Stage 1 survey offered.');
  await tap(page, 'Record the stage 1 survey answer', { role: 'button' });
  await waitForTitle(page, 'The survey answer');
  await typeInto(page, 'Satisfied with how the complaint was handled', '4');
  await typeInto(page, 'Satisfied with the outcome', '3');
  await typeInto(page, 'Felt listened to', '5');
  await tap(page, 'Record the answers', { role: 'button' });
  await backOnCase(page, 'Stage 1 survey answers recorded.');
  const survey = await nodeStarting(page, 'After the stage 1 response');
  const shown = survey && `${survey.name} ${survey.value || ''}`;
  assert(/handled 4 out of 5, with the outcome 3 out of 5, felt listened to 5 out of 5/.test(shown),
    `the survey shows its scores: ${shown}`);

  // The proposed remedy: offered, then accepted.
  await tap(page, 'Record the offer of remedy 1', { role: 'button' });
  await waitForTitle(page, 'Offer the remedy');
  await tap(page, 'Record the offer', { role: 'button' });
  await backOnCase(page, 'Remedy offer recorded.');
  await tap(page, 'Record the answer to remedy 1', { role: 'button' });
  await waitForTitle(page, "The resident's answer to the remedy");
  await tap(page, 'Accepted', { role: 'radio' });
  await tap(page, 'Record the answer', { role: 'button' });
  await backOnCase(page, 'Remedy accepted.');

  // Everything is in the record.
  const c = JSON.parse(await page.evaluate(() => window.doorstep.exportJson())).cases[0];
  assertEqual(c.ombudsman.reference, '202612345', 'Ombudsman reference');
  assertEqual(c.ombudsman.determination, 'maladministration', 'determination');
  assertEqual(c.ombudsman.determined, isoDaysFrom(-20), 'determined on');
  assertEqual(c.ombudsman.orders[0].due, isoDaysFrom(-5), 'order due');
  assertEqual(c.ombudsman.orders[0].completed, isoDaysFrom(0), 'order complied on');
  assertEqual(c.surveys, [{
    stage: 1, offered: true, answered: true, satisfied_handling: 4, satisfied_outcome: 3, felt_listened: 5,
    on: isoDaysFrom(0), answered_on: isoDaysFrom(0),
  }], 'the stage 1 survey');
  const remedy = c.stages[0].remedies[0];
  assertEqual([remedy.state, remedy.offered_on, remedy.answered_on], ['accepted', isoDaysFrom(0), isoDaysFrom(0)],
    'remedy state, offered and answered');
  assertEqual(errors, [], 'page errors');
}, { dates: true, timeout: 240_000 });
