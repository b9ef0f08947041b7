// Sign-in, encryption at rest and the lock (issue 21, items 6 and 7), through the
// screens, the real WebCrypto and the real IndexedDB files of the test's own profile:
//  - with sign-in off, a resident's name can be found in the profile's files (the
//    search below works);
//  - with sign-in on, it cannot: not while locked, not after a restart;
//  - the audit trail names the signed-in officer; "Lock now" and the idle time lock
//    the app, and a locked app shows nothing of a case (screen, DOM mirror, title,
//    automation interface); a wrong passphrase is refused, the right one unlocks.
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { test, assert, assertEqual, launch, openPage } from './lib.mjs';
import {
  find, goTo, lastMessage, logComplaint, openCase, reveal, semantics, settle, tap, typeInto, until, waitForTitle,
} from './ui-driver.mjs';

const RESIDENT = 'Quillon Vantablack';
const WORDS = 'The stairlift my daughter needs has been broken since her hip operation.';
const PASSPHRASE = 'copper kettle orchard';
const SECOND = 'willow pebble saffron';

// Every file of the profile holding these bytes (UTF-8, or UTF-16 as V8 may keep a string).
function filesHolding(dir, text) {
  const needles = [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')];
  const found = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        let bytes;
        try { bytes = fs.readFileSync(p); } catch { continue; }
        if (needles.some((n) => bytes.includes(n))) found.push(path.relative(dir, p));
      }
    }
  };
  walk(dir);
  return found;
}

async function savedOnDevice(page) {
  await until(page, () => window.doorstep.semantics().nodes.some((n) => /Saved on this device/.test(n.name)), null,
    'the change to be stored', 15000);
}

// Nothing of the case on the screen, in the mirror, in the title or through window.doorstep.
async function showsNothingOfTheCase(page, what) {
  const tree = await semantics(page);
  const text = JSON.stringify(tree);
  assert(!text.includes(RESIDENT) && !text.includes('stairlift'), `${what}: the semantics tree names the case`);
  const dom = await page.evaluate(() => document.title + '\n' + document.body.innerHTML);
  assert(!dom.includes(RESIDENT) && !dom.includes('stairlift'), `${what}: the page (title or DOM mirror) names the case`);
  assertEqual(await page.evaluate(() => window.doorstep.exportJson()), '', `${what}: the export through window.doorstep`);
}

async function waitLocked(page) {
  await until(page, () => window.doorstep.semantics().title === 'Locked — Doorstep', null, 'the lock screen', 20000);
  await settle(page);
}

async function unlock(page, passphrase) {
  await typeInto(page, 'Passphrase', passphrase);
  await tap(page, 'Unlock', { role: 'button' });
}

test('21.6, 21.7: with sign-in on, no resident\'s name is in the browser\'s files, locked or after a restart', async (t) => {
  const run = await launch({});
  t.onCleanup(() => fs.rmSync(run.profileDir, { recursive: true, force: true }));
  let exported = '';
  try {
    const { page, errors } = await openPage(run.context, t.baseUrl);
    await goTo(page, 'Settings');
    assert((await semantics(page)).nodes.some((n) => n.role === 'status' && /^Sign-in is off\. Cases on this device are not encrypted/.test(n.name)),
      'Settings warns that cases are not encrypted');
    await typeInto(page, "Officer's name", 'Sam Officer');
    await typeInto(page, 'Choose a passphrase', PASSPHRASE);
    await typeInto(page, 'Type the passphrase again', PASSPHRASE);
    const field = await find(page, 'Choose a passphrase');
    assertEqual(field.input, 'passphrase', 'the passphrase field\'s keyboard');
    const mirrored = await page.evaluate(() => [...document.querySelectorAll('input')].filter((e) => e.type === 'password').length);
    assert(mirrored >= 2, 'the DOM mirror has password inputs for the passphrases');
    await tap(page, 'Turn on sign-in', { role: 'button' });
    await until(page, () => /^Sign-in is on/.test(window.doorstep.lastMessage()), null, 'sign-in to be set up', 20000);

    await logComplaint(page, RESIDENT, { words: WORDS, category: '' });
    await savedOnDevice(page);
    exported = await page.evaluate(() => window.doorstep.exportJson());
    const c = JSON.parse(exported).cases.find((x) => x.resident.name === RESIDENT);
    assert(c && c.audit.length > 0 && c.audit.every((a) => a.who === 'Sam Officer'),
      `the audit trail names the signed-in officer: ${JSON.stringify(c && c.audit.map((a) => a.who))}`);

    // A second officer, with their own passphrase, unlocks the same cases.
    await goTo(page, 'Settings');
    await typeInto(page, "Officer's name", 'Priya Manager');
    await typeInto(page, 'Their passphrase', SECOND);
    await typeInto(page, 'Their passphrase again', SECOND);
    await tap(page, 'Add officer', { role: 'button' });
    await until(page, () => /^Priya Manager can now unlock/.test(window.doorstep.lastMessage()), null, 'the second officer', 20000);
    await tap(page, 'Lock now', { role: 'button' });
    await waitLocked(page);
    await showsNothingOfTheCase(page, 'locked');
    assertEqual(await page.evaluate(() => window.doorstep.importJson('{}').ok), false, 'an import while locked');
    assertEqual(errors, [], 'page errors');
    await settle(page, 300);
  } finally {
    await run.context.close();
  }
  const held = filesHolding(run.profileDir, RESIDENT).concat(filesHolding(run.profileDir, 'stairlift'));
  if (process.env.KEEP_PROFILE) fs.cpSync(run.profileDir, process.env.KEEP_PROFILE, { recursive: true });
  assertEqual(held, [], 'profile files holding the resident\'s name or words while locked');

  // A restart on the same profile: the lock screen first, nothing read until unlocked.
  const again = await launch({ profileDir: run.profileDir });
  try {
    const page = again.context.pages()[0] || await again.context.newPage();
    await page.goto(t.baseUrl, { waitUntil: 'load' });
    await waitLocked(page);
    await showsNothingOfTheCase(page, 'after a restart');
    assert(await find(page, 'Doorstep is locked', { role: 'heading' }), 'the lock screen has its heading');

    await unlock(page, 'not the passphrase');
    await until(page, () => window.doorstep.semantics().nodes.some((n) => n.name === 'Passphrase' && /does not unlock/.test(n.description || '')),
      null, 'the wrong passphrase to be refused at the field', 20000);
    assertEqual((await semantics(page)).title, 'Locked — Doorstep', 'still locked after a wrong passphrase');
    // WCAG 2.2 AA on the lock screen too, with its refusal showing; every control described by the screen.
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
    assertEqual(axe.violations.map((v) => `${v.id}: ${v.help}`), [], 'axe on the lock screen');
    assertEqual((await semantics(page)).nodes.filter((n) => n.from_hook).map((n) => n.name), [], 'controls the lock screen left undescribed');

    await tap(page, 'Priya Manager', { role: 'radio' });
    await unlock(page, PASSPHRASE);  // Sam's passphrase does not open Priya's copy of the key
    await until(page, () => window.doorstep.semantics().nodes.some((n) => n.name === 'Passphrase' && /for Priya Manager/.test(n.description || '')),
      null, 'another officer\'s passphrase to be refused', 20000);
    await unlock(page, SECOND);
    await waitForTitle(page, 'Today', 20000);
    await openCase(page, RESIDENT);

    // Idle for the lock time (5 minutes by default): locked again, by itself.
    await page.clock.fastForward(5 * 60_000 + 10_000);
    await waitLocked(page);
    await showsNothingOfTheCase(page, 'after the idle time');
  } finally {
    await again.context.close();
  }
  const after = filesHolding(run.profileDir, RESIDENT);
  fs.rmSync(run.profileDir, { recursive: true, force: true });
  assertEqual(after, [], 'profile files holding the resident\'s name after a restart');

  // The same search on a profile without sign-in finds the name: the check can fail.
  const plain = await t.openApp();
  const imported = await plain.page.evaluate((text) => window.doorstep.importJson(text), exported);
  assert(imported.ok, `the control import: ${imported.message}`);
  let found = [];
  for (let i = 0; i < 40 && found.length === 0; i++) {
    await new Promise((r) => setTimeout(r, 500));
    found = filesHolding(plain.profileDir, RESIDENT);
  }
  assert(found.length > 0, 'without sign-in the name is in the profile\'s files');
}, { timeout: 240_000 });

// Opens a protected export as docs/privacy.md describes it, with Node's own WebCrypto.
async function openAsDocumented(text, passphrase) {
  const env = JSON.parse(text);
  const { subtle } = globalThis.crypto;
  const base = await subtle.importKey('raw', Buffer.from(passphrase, 'utf8'), 'PBKDF2', false, ['deriveKey']);
  const key = await subtle.deriveKey({ name: 'PBKDF2', salt: Buffer.from(env.salt, 'base64'), iterations: env.iterations, hash: 'SHA-256' },
    base, { name: 'AES-GCM', length: 256 }, false, ['decrypt']);
  const plain = await subtle.decrypt({ name: 'AES-GCM', iv: Buffer.from(env.iv, 'base64') }, key, Buffer.from(env.data, 'base64'));
  return Buffer.from(plain).toString('utf8');
}

test('21.6: an export protected with a passphrase holds no resident\'s name, opens as documented, and imports with its passphrase', async (t) => {
  const FILE_PASS = 'harbour violet anchor';
  const name = 'Marisol Tenterden';
  const a = await t.openApp({ acceptDownloads: true });
  await logComplaint(a.page, name, { category: '' });
  await goTo(a.page, 'Settings');
  await tap(a.page, 'Protect the file with a passphrase', { role: 'checkbox' });
  await typeInto(a.page, 'Passphrase for the file', FILE_PASS);
  await typeInto(a.page, 'Type it again', FILE_PASS);
  const pending = a.page.waitForEvent('download', { timeout: 30_000 });
  await tap(a.page, 'Export cases', { role: 'button' });
  const download = await pending;
  assert(/^doorstep-export-\d{4}-\d{2}-\d{2}\.protected\.json$/.test(download.suggestedFilename()), download.suggestedFilename());
  const file = await download.path();
  const text = fs.readFileSync(file, 'utf8');
  assert(!text.includes(name) && !text.includes('Example Court'), 'the protected file does not hold the resident\'s details');
  const inside = JSON.parse(await openAsDocumented(text, FILE_PASS));
  assert(inside.cases.some((c) => c.resident.name === name), 'opened as documented, the file is the export');

  // Another device imports it: the passphrase first, a wrong one refused.
  const b = await t.openApp();
  await goTo(b.page, 'Settings');
  const [chooser] = await Promise.all([
    b.page.waitForEvent('filechooser', { timeout: 10000 }),
    tap(b.page, 'Import a file', { role: 'button' }),
  ]);
  await chooser.setFiles(file);
  await waitForTitle(b.page, 'Import cases');
  await typeInto(b.page, 'Passphrase for this file', 'the wrong words');
  await tap(b.page, 'Open the file', { role: 'button' });
  await until(b.page, () => window.doorstep.semantics().nodes.some((n) => n.name === 'Passphrase for this file' && /does not open/.test(n.description || '')),
    null, 'the wrong passphrase to be refused', 20000);
  await typeInto(b.page, 'Passphrase for this file', FILE_PASS);
  await tap(b.page, 'Open the file', { role: 'button' });
  await until(b.page, () => window.doorstep.semantics().nodes.some((n) => n.name === 'Merge with the cases here'), null, 'the file to open', 20000);
  await tap(b.page, 'Import', { role: 'button' });
  await until(b.page, (n) => window.doorstep.exportJson().includes(n), name, 'the case to be imported', 20000);
  assertEqual(a.errors.concat(b.errors), [], 'page errors');
}, { timeout: 180_000 });
