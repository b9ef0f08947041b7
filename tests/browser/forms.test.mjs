// Forms on the doorstep, as an officer meets them (issue 24): a refused form shows
// each problem at its field in plain words, scrolls to and focuses the first,
// announces them and lists them at the button; discarding a form is far from
// saving it and asks first; long text wraps as it is typed; a remedy is not
// recorded as offered until it is.
import { test, assert, assertEqual, decodePng, saveArtifact } from './lib.mjs';
import {
  find, goTo, lastMessage, semantics, settle, tap, typeInto, until, waitForTitle,
} from './ui-driver.mjs';

const nodes = async (page) => (await semantics(page)).nodes;
const focusedNode = async (page) => (await nodes(page)).find((n) => n.focused);

// The node is fully inside the window (not scrolled away).
async function onScreen(page, n) {
  const vh = page.viewportSize().height;
  return n && !n.clipped && n.y >= 0 && n.y + n.h <= vh;
}

test('a refused "Log complaint" shows each problem at its field, focuses the first and announces them', async (t) => {
  const { page, errors } = await t.openApp({ viewport: { width: 1024, height: 768 } });
  await settle(page);
  await goTo(page, 'New contact');
  await tap(page, 'Log complaint', { role: 'button' });

  // The first problem in the form's order takes the focus, on screen, in the DOM too.
  const first = await until(page, () => {
    const n = window.doorstep.semantics().nodes.find((x) => x.focused);
    return n && n.name === "Resident's name" ? n : null;
  }, null, "focus on Resident's name");
  await settle(page);
  const name = await find(page, "Resident's name");
  assert(await onScreen(page, name), `Resident's name is on screen after the refusal (y ${name.y}, clipped ${name.clipped})`);
  assert(name.invalid, 'the name field is marked invalid');
  assert(/^Give the resident's name/.test(name.description || ''), `the name field says what to do: ${name.description}`);
  const active = await page.evaluate(() => document.activeElement && document.activeElement.id);
  assertEqual(active, 'm' + first.id, 'the DOM focus is on the name field\'s twin');

  // Every problem is at its field, and listed at the button; none is worded for a programmer.
  const words = await find(page, 'In their own words');
  assert(words.invalid && /^Write down what the resident said/.test(words.description), `own words: ${words.description}`);
  const what = (await nodes(page)).find((n) => n.role === 'radio' && n.name === 'Complaint');
  assert(what.invalid && /offer the choice of a formal complaint/.test(what.description), `choice: ${what.description}`);
  const summary = (await nodes(page)).find((n) => n.role === 'alert' && n.name.startsWith('There are 3 problems'));
  assert(summary, 'a summary of the 3 problems');
  assert(/Resident's name: Give the resident's name/.test(summary.name), `summary: ${summary.name}`);
  const links = (await nodes(page)).filter((n) => n.role === 'link' && n.parent && /: /.test(n.name));
  assertEqual(links.length, 3, 'one link per problem in the summary');
  for (const n of await nodes(page)) {
    const text = `${n.name} ${n.description || ''}`;
    assert(!/case DS-|own_words|resident\.name/.test(text), `programmer's words shown: ${text}`);
  }
  // Announced to assistive technology; the engine's own words stay for logs and tests.
  await until(page, () => /There are 3 problems/.test(document.getElementById('mirror-alert').textContent), null, 'the alert');
  assert(/resident\.name/.test(await lastMessage(page)), `lastMessage keeps the field path: ${await lastMessage(page)}`);

  // A link in the summary goes to its field.
  await tap(page, links.find((l) => l.name.startsWith('In their own words')).name, { role: 'link' });
  await until(page, () => (window.doorstep.semantics().nodes.find((x) => x.focused) || {}).name === 'In their own words',
    null, 'the summary link focuses its field');

  // Fixing a field takes its problem away; logging then works.
  await typeInto(page, "Resident's name", 'Sam Formtest');
  assert(!(await find(page, "Resident's name")).invalid, 'the fixed field is no longer marked');
  await typeInto(page, 'In their own words', 'The lift has been broken for a month.');
  await tap(page, 'Complaint', { role: 'radio' });
  assert(!(await nodes(page)).some((n) => n.role === 'alert' && n.name.startsWith('There ')), 'no summary once all are fixed');
  await tap(page, 'Log complaint', { role: 'button' });
  await waitForTitle(page, 'Sam Formtest, ');
  assert(errors.length === 0, `page errors: ${errors.join('; ')}`);
}, { timeout: 120_000 });

test('"Discard this form" is far from "Log complaint" and asks before deleting', async (t) => {
  const { page } = await t.openApp({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  await settle(page);
  await goTo(page, 'New contact');
  await typeInto(page, "Resident's name", 'Kit Discardtest');
  await typeInto(page, 'In their own words', 'The bins were not collected.');
  const log = await find(page, 'Log complaint', { role: 'button' });
  const discard = await find(page, 'Discard this form', { role: 'button' });
  assert(discard.y - (log.y + log.h) >= 40, `at least 40 px between them (${discard.y - (log.y + log.h)})`);

  await tap(page, 'Discard this form', { role: 'button' });
  const ask = (await nodes(page)).find((n) => n.role === 'alert' && n.name.startsWith('Discard this form?'));
  assert(ask, 'a question before discarding');
  await until(page, () => (window.doorstep.semantics().nodes.find((x) => x.focused) || {}).name === 'No, keep the form',
    null, '"No, keep the form" takes the focus');
  assertEqual((await find(page, "Resident's name")).value, 'Kit Discardtest', 'nothing deleted yet');
  await tap(page, 'No, keep the form', { role: 'button' });
  assertEqual((await find(page, "Resident's name")).value, 'Kit Discardtest', 'kept');

  await tap(page, 'Discard this form', { role: 'button' });
  await tap(page, 'Yes, discard it', { role: 'button' });
  assertEqual((await find(page, "Resident's name")).value || '', '', 'the form is empty');
  assertEqual(await lastMessage(page), 'The form was discarded.', 'message');
}, { timeout: 90_000 });

test('"In their own words" wraps as it is typed and grows with the text', async (t) => {
  const { page } = await t.openApp({ viewport: { width: 1024, height: 768 } });
  await settle(page);
  await goTo(page, 'New contact');
  const empty = await find(page, 'In their own words');
  const long = 'The damp in the back bedroom has come back every winter since the roof was repaired, '.repeat(12).trim();
  await typeInto(page, 'In their own words', long);
  const field = await find(page, 'In their own words');
  assert(field.active || field.focused, 'still editing the field');
  assert(await onScreen(page, field), `the field is on screen (y ${field.y}, h ${field.h})`);
  assert(field.h > empty.h + 60, `the box grew with the text (${empty.h} -> ${field.h})`);

  // While editing, text is drawn on the lower lines too (not one long line scrolled sideways).
  const top = await page.evaluate(() => document.getElementById('canvas').getBoundingClientRect().top);
  const png = await page.screenshot({ clip: { x: field.x + 4, y: field.y + top + 4, width: field.w - 8, height: field.h - 8 } });
  saveArtifact('own-words-wrapping.png', png);
  const shot = decodePng(png);
  const rowsWithInk = new Set();
  for (let y = 0; y < shot.height; y++) {
    for (let x = 0; x < shot.width; x++) {
      const i = (y * shot.width + x) * 4;
      if (shot.data[i] + shot.data[i + 1] + shot.data[i + 2] < 200) { rowsWithInk.add(Math.floor(y / 20)); break; }
    }
  }
  assert(rowsWithInk.size >= 8, `text on at least 8 line bands while editing (${[...rowsWithInk].join(',')})`);
  assertEqual((await find(page, 'In their own words')).value, long, 'all the text is kept');
}, { timeout: 90_000 });

test('Add a remedy: "Offered to the resident on" starts empty, and a refusal is shown at its field', async (t) => {
  const { page } = await t.openApp({ viewport: { width: 1024, height: 768 } });
  await settle(page);
  await goTo(page, 'New contact');
  await typeInto(page, "Resident's name", 'Ria Remedytest');
  await typeInto(page, 'In their own words', 'The repair was done badly.');
  await tap(page, 'Complaint', { role: 'radio' });
  await tap(page, 'Log complaint', { role: 'button' });
  await waitForTitle(page, 'Ria Remedytest, ');
  await tap(page, 'Add a remedy', { role: 'button' });
  await waitForTitle(page, 'Add a remedy');
  const offered = await find(page, 'Offered to the resident on (optional)');
  assertEqual(offered.value || '', '', 'not pre-filled with today');

  await tap(page, 'Add remedy', { role: 'button' });
  await until(page, () => (window.doorstep.semantics().nodes.find((x) => x.focused) || {}).name === 'What will happen',
    null, 'focus on "What will happen"');
  const what = await find(page, 'What will happen');
  assert(what.invalid && /^Say what will happen/.test(what.description), `the field says: ${what.description}`);
  assert(await onScreen(page, what), 'the field is on screen');
  await typeInto(page, 'What will happen', 'Redo the repair properly');
  await tap(page, 'Add remedy', { role: 'button' });
  await waitForTitle(page, 'Ria Remedytest');
  assertEqual(await lastMessage(page), 'Remedy added.', 'added as proposed, not offered');
  const data = JSON.parse(await page.evaluate(() => window.doorstep.exportJson()));
  const remedy = data.cases[0].stages[0].remedies[0];
  assert(!remedy.offered_on, `no offer date recorded (${remedy.offered_on})`);
}, { timeout: 120_000 });
