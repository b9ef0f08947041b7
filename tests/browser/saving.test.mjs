// Nothing lost (issue 21, items 1-3), through the screens and the real IndexedDB:
//  - a tab that takes over editing reads the other tab's changes before it can
//    save, and says so; its next save keeps them (no silent lost update);
//  - "Saved" only once the change is stored: while IndexedDB refuses, the screen
//    says "Saving…", and the disk-full error is in plain words with an export
//    offered; once space is back the same connection problem does not stop the
//    retry, and the change survives a restart;
//  - the browser is asked to keep the data (persistent storage) on first use.
import { test, assert, assertEqual, launch, openPage } from './lib.mjs';
import {
  lastMessage, logComplaint as logWith, openCase, semantics, settle, tap, typeInto, until, waitForTitle,
} from './ui-driver.mjs';

const logComplaint = (page, name) => logWith(page, name, {
  address: '5 Example Yard, Sampletown', postcode: 'ZZ99 5SV', category: '',
  words: 'The kitchen tap has leaked into the cupboard for a month.', want: 'The leak fixed',
});

async function addNote(page, text) {
  await tap(page, 'Add a note', { role: 'button' });
  await waitForTitle(page, 'Add a note');
  await typeInto(page, 'Note', text);
  await tap(page, 'Add note', { role: 'button' });
  await until(page, () => window.doorstep.lastMessage() === 'Note added.', null, 'the note to be added');
}

const notesOf = (exported, name) => {
  const c = JSON.parse(exported).cases.find((x) => x.resident.name === name);
  // Only this test's notes (logging a contact adds one of its own).
  return c ? c.log.filter((e) => e.kind === 'note' && /^(Written|Kept)/.test(e.text || '')).map((e) => e.text) : null;
};

// The flash at the top of the screen (a status node).
async function flash(page, pattern) {
  const nodes = (await semantics(page)).nodes;
  const n = nodes.find((x) => pattern.test(x.name));
  return n ? n.name : '';
}

// Makes every IndexedDB write fail as a full disk does in Chromium, and closes the
// connection as Chromium does after such an error.
async function fillTheDisk(page) {
  await page.evaluate(() => {
    window.__diskFull = true;
    const put = IDBObjectStore.prototype.put;
    window.__realPut = put;
    IDBObjectStore.prototype.put = function(...args) {
      if (window.__diskFull) {
        const db = this.transaction.db;
        setTimeout(() => db.close(), 0);
        throw new DOMException('Internal error: FILE_ERROR_NO_SPACE at /tmp/profile/IndexedDB/x.leveldb', 'UnknownError');
      }
      return put.apply(this, args);
    };
  });
}

test('21.1: a tab that takes over reads the other tab\'s changes before it saves, and keeps them', async (t) => {
  const { context, page: first } = await t.openApp();
  await settle(first);
  await logComplaint(first, 'Sam Twotabs');
  const second = await context.newPage();
  await second.goto(t.baseUrl, { waitUntil: 'load' });
  await second.evaluate(() => window.doorstep.ready);
  assertEqual(await second.evaluate(() => DS.editorState), 2, 'the second tab is read-only');

  // The first tab adds a note after the second tab read the cases.
  await openCase(first, 'Sam Twotabs');
  await addNote(first, 'Written in the first tab');
  await first.waitForFunction(() => DS.queue.length === 0 && !DS.inFlight);
  assertEqual(notesOf(await second.evaluate(() => window.doorstep.exportJson()), 'Sam Twotabs'), [],
    'the read-only tab still shows what it read');

  // The second tab takes over through the banner's button.
  await settle(second);
  await tap(second, 'Edit in this tab instead', { role: 'button' });
  await second.waitForFunction(() => DS.editorState === 1, null, { timeout: 10_000 });
  await until(second, () => /read your cases again/.test(window.doorstep.lastMessage()), null, 'the reload to be said');
  const said = await lastMessage(second);
  assert(/1 case changed in the other tab \(DS-/.test(said), `the tab says what it reloaded: ${said}`);
  assertEqual(notesOf(await second.evaluate(() => window.doorstep.exportJson()), 'Sam Twotabs'),
    ['Written in the first tab'], 'the new editor holds the first tab\'s note');

  // Its own save keeps the first tab's note.
  await openCase(second, 'Sam Twotabs');
  await addNote(second, 'Written in the second tab');
  await second.waitForFunction(() => DS.queue.length === 0 && !DS.inFlight);
  await second.reload();
  await second.evaluate(() => window.doorstep.ready);
  assertEqual(notesOf(await second.evaluate(() => window.doorstep.exportJson()), 'Sam Twotabs').sort(),
    ['Written in the first tab', 'Written in the second tab'], 'both notes after a reload');
}, { timeout: 180_000 });

test('21.2, 21.3: "Saved" only once stored; a full disk is said plainly, offers an export, and recovers', async (t) => {
  const run = await launch();
  try {
    const { page } = await openPage(run.context, t.baseUrl);
    await settle(page);
    await logComplaint(page, 'Kim Fulldisk');
    assert(await page.evaluate(() => DS.persistence) !== 0, 'persistent storage was asked for on first use');
    await page.waitForFunction(() => DS.queue.length === 0 && !DS.inFlight);
    await openCase(page, 'Kim Fulldisk');

    await fillTheDisk(page);
    await addNote(page, 'Kept through a full disk');
    await page.waitForFunction(() => DS.lastError !== '', null, { timeout: 10_000 });
    await settle(page);
    const saving = await flash(page, /^Note added\./);
    assert(/Saving on this device/.test(saving) && !/Saved/.test(saving), `while not stored the flash says: ${saving}`);
    const error = await page.evaluate(() => DS.lastError);
    assert(/storage for Doorstep is full/.test(error) && /Export your data now/.test(error), `plain words: ${error}`);
    assert(!/FILE_ERROR|IndexedDB|\/tmp\//.test(error), `no internals in the message: ${error}`);
    const offer = (await semantics(page)).nodes.find((n) => n.role === 'button' && n.name === 'Export your data now');
    assert(offer, 'an export is offered beside the error');

    // Space is freed: the next retry opens a new connection and stores the note.
    await page.evaluate(() => { window.__diskFull = false; DS.flushNow(); });
    await page.waitForFunction(() => DS.queue.length === 0 && !DS.inFlight && DS.lastError === '', null, { timeout: 45_000 });
    // The screen follows within the platform's half-second poll.
    await until(page, () => window.doorstep.semantics().nodes.some((n) => /Saved on this device/.test(n.name)), null,
      'the flash to say Saved', 5000);
    const saved = await flash(page, /^Note added\./);
    assert(/Saved on this device/.test(saved), `once stored the flash says: ${saved}`);

    // A restart of the browser on the same profile has it.
    await run.context.close();
    const again = await launch({ profileDir: run.profileDir });
    try {
      const { page: p2 } = await openPage(again.context, t.baseUrl);
      assertEqual(notesOf(await p2.evaluate(() => window.doorstep.exportJson()), 'Kim Fulldisk'),
        ['Kept through a full disk'], 'the note after a restart');
    } finally {
      await again.close();
    }
  } finally {
    await run.close();
  }
}, { timeout: 180_000 });
