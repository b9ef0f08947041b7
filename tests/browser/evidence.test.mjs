// Evidence on a case (issue 11), through the screens only: "Take a photo"
// with a JPEG chosen in the file input, its thumbnail drawn from real pixels,
// still there after a reload, open full size and closed with Escape; then the
// export with attachments carries it into a fresh profile, where it is back and
// byte-identical. And files that cannot be kept are refused with an alert
// naming them, leaving the case exactly as it was.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { test, assert, assertEqual, decodePng, saveArtifact } from './lib.mjs';
import {
  choose, find, goTo, lastMessage, loadSampleData, logComplaint, openCase, semantics, settle, tap, typeInto, until,
  waitForTitle,
} from './ui-driver.mjs';

const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

// A photo as a camera would give it: 1200x900, red left half, blue right half, with noise.
async function makeJpeg(page) {
  const bytes = await page.evaluate(async () => {
    const c = document.createElement('canvas');
    c.width = 1200;
    c.height = 900;
    const ctx = c.getContext('2d');
    const img = ctx.createImageData(c.width, c.height);
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    for (let y = 0; y < c.height; y++) {
      for (let x = 0; x < c.width; x++) {
        const n = (rnd() - 0.5) * 30;
        const base = x < c.width / 2 ? [210, 30, 30] : [30, 40, 210];
        const p = (y * c.width + x) * 4;
        img.data[p] = base[0] + n; img.data[p + 1] = base[1] + n; img.data[p + 2] = base[2] + n; img.data[p + 3] = 255;
      }
    }
    ctx.putImageData(img, 0, 0);
    const blob = await new Promise((resolve) => c.toBlob(resolve, 'image/jpeg', 0.9));
    return [...new Uint8Array(await blob.arrayBuffer())];
  });
  return Buffer.from(bytes);
}

// Chooses `file` ({name, mimeType, buffer}) in the chooser the button opens.
async function chooseFile(page, button, file, { role = 'button' } = {}) {
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: 10000 }),
    tap(page, button, { role }),
  ]);
  const input = await chooser.element();
  const attrs = await input.evaluate((el) => ({ accept: el.accept, capture: el.getAttribute('capture') }));
  await chooser.setFiles(file);
  return attrs;
}

// Red and blue pixels inside the control's rectangle: the photo is drawn there.
async function photoPixels(page, name) {
  const n = await find(page, name, { role: 'button' });
  assert(n, `a control named "${name}"`);
  const png = await page.screenshot({ clip: { x: n.x, y: n.y, width: n.w, height: n.h } });
  const { width, height, data } = decodePng(png);
  let red = 0, blue = 0;
  for (let i = 0; i < width * height; i++) {
    const r = data[i * 4], g = data[i * 4 + 1], b = data[i * 4 + 2];
    if (r > 150 && g < 90 && b < 90) red++;
    if (b > 150 && r < 90 && g < 100) blue++;
  }
  return { red, blue, png, area: width * height };
}

async function waitForPhotoPixels(page, name, what) {
  let last = null;
  for (let i = 0; i < 40; i++) {
    last = await photoPixels(page, name);
    if (last.red > last.area * 0.05 && last.blue > last.area * 0.05) return last;
    await settle(page, 150);
  }
  saveArtifact(`evidence-${what}.png`, last.png);
  throw new Error(`${what}: the thumbnail shows no photo (red ${last.red}, blue ${last.blue} of ${last.area} px)`);
}

const thumbnailName = async (page, filename) => until(page, (f) => {
  const n = window.doorstep.semantics().nodes.find((x) => x.role === 'button' && x.name.startsWith(`Photo: ${f}, added `));
  return n && n.name;
}, filename, `thumbnail button for ${filename}`, 20000);

async function exportBundle(page) {
  await goTo(page, 'Settings');
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 15000 }),
    tap(page, 'Export with attachments', { role: 'button' }),
  ]);
  const file = await download.path();
  return { text: fs.readFileSync(file, 'utf8'), name: download.suggestedFilename() };
}

test('a photo taken on a case: thumbnail, reload, full size, export and import byte-identical', async (t) => {
  const { page, errors } = await t.openApp({ viewport: { width: 1024, height: 768 } });
  const resident = 'Sam Evidencetest';
  await logComplaint(page, resident);
  const jpeg = await makeJpeg(page);

  const attrs = await chooseFile(page, 'Take a photo', { name: 'damp.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  assertEqual(attrs, { accept: 'image/*', capture: 'environment' }, 'the photo input asks for the rear camera');
  const name = await thumbnailName(page, 'damp.jpg');
  assert(/^Photo: damp\.jpg, added \d{1,2} [A-Z][a-z]+ \d{4}$/.test(name), `thumbnail's accessible name: ${name}`);
  assert(/Photo damp\.jpg added to case/.test(await lastMessage(page)), `message: ${await lastMessage(page)}`);
  await waitForPhotoPixels(page, name, 'thumbnail');

  // The case saved it (revision and audit), as its own files beside the case.
  const saved = JSON.parse(await page.evaluate(() => window.doorstep.exportJson()));
  const kase = saved.cases.find((c) => c.resident.name === resident);
  assertEqual(kase.attachments.length, 1, 'attachments on the case');
  const att = kase.attachments[0];
  assertEqual([att.filename, att.mime], ['damp.jpg', 'image/jpeg'], 'the attachment');
  assert(/^[0-9a-f]{64}$/.test(att.sha256) && /^[0-9a-f]{64}$/.test(att.thumbnail_sha256), 'photo and thumbnail hashes');
  assert(att.size > 1000 && att.size < 400000, `kept photo under 400 KB: ${att.size}`);
  assert(kase.audit.some((a) => /Photo added as evidence: damp\.jpg/.test(a.what)), 'the audit trail records it');

  // Reload: still there, still drawn.
  await page.reload({ waitUntil: 'load' });
  await page.evaluate(() => window.doorstep.ready);
  await openCase(page, resident);
  assertEqual(await thumbnailName(page, 'damp.jpg'), name, 'thumbnail after a reload');
  await waitForPhotoPixels(page, name, 'thumbnail-after-reload');

  // Full size in a dialog; Escape closes it and focus is back on the thumbnail.
  await tap(page, name, { role: 'button' });
  await until(page, () => window.doorstep.semantics().nodes.some((n) => n.role === 'dialog' && n.name.startsWith('Photo: damp.jpg')),
    null, 'the photo opens full size');
  const image = await until(page, () => window.doorstep.semantics().nodes.find((n) => n.role === 'img'), null, 'the photo drawn');
  assertEqual(image.name, 'Photo damp.jpg, no caption yet', 'text alternative without a caption');
  assert(image.w > 300, `full size is larger than the thumbnail: ${image.w} px wide`);
  const sizeText = (await semantics(page)).nodes.find((n) => n.name.startsWith('Size'));
  assert(sizeText && /1200 × 900 pixels/.test(sizeText.name), `size shown: ${sizeText && sizeText.name}`);
  await typeInto(page, 'Caption', 'Mould on the bedroom wall');
  await tap(page, 'Save caption', { role: 'button' });
  assertEqual(await lastMessage(page), 'Caption saved.', 'caption message');
  assertEqual((await until(page, () => window.doorstep.semantics().nodes.find((n) => n.role === 'img'), null, 'image')).name,
    'Mould on the bedroom wall', 'the caption is the text alternative');
  await page.keyboard.press('Escape');
  await waitForTitle(page, `${resident}, `);
  const back = await until(page, (n) => window.doorstep.semantics().nodes.find((x) => x.name === n && x.focused), name,
    'focus back on the thumbnail');
  assert(/Mould on the bedroom wall/.test(back.description), `thumbnail describes the caption: ${back.description}`);

  // Export with attachments, import into a fresh profile.
  const first = await exportBundle(page);
  const bundle = JSON.parse(first.text);
  const exported = bundle.cases.find((c) => c.resident.name === resident).attachments[0];
  for (const sha of [exported.sha256, exported.thumbnail_sha256]) {
    const f = bundle.files[sha];
    assert(f, `the bundle holds ${sha}`);
    const bytes = Buffer.from(f.base64, 'base64');
    assertEqual(sha256(bytes), sha, 'bytes match their hash');
    assertEqual(bytes.subarray(0, 3).toString('hex'), 'ffd8ff', 'a JPEG');
    assert(!bytes.includes(Buffer.from('Exif')), 'no EXIF kept');
  }
  assert(errors.length === 0, `errors in the first profile: ${errors.join('; ')}`);

  const fresh = await t.openApp({ viewport: { width: 1024, height: 768 } });
  const p2 = fresh.page;
  await goTo(p2, 'Settings');
  await chooseFile(p2, 'Import a file', { name: first.name, mimeType: 'application/json', buffer: Buffer.from(first.text) });
  await waitForTitle(p2, 'Import cases');
  await tap(p2, 'Import', { role: 'button' });
  await waitForTitle(p2, 'Settings', 20000);
  assert(/Imported 1 cases and 2 attachments/.test(await lastMessage(p2)), `import said: ${await lastMessage(p2)}`);
  await openCase(p2, resident);
  const again = await thumbnailName(p2, 'damp.jpg');
  assertEqual(again, name, 'the thumbnail in the fresh profile');
  await waitForPhotoPixels(p2, again, 'thumbnail-after-import');
  const second = JSON.parse((await exportBundle(p2)).text);
  for (const sha of [exported.sha256, exported.thumbnail_sha256]) {
    assert(second.files[sha], `the fresh profile's export holds ${sha}`);
    assertEqual(second.files[sha].base64, bundle.files[sha].base64, `bytes of ${sha} after export and import`);
  }
  assert(fresh.errors.length === 0, `errors in the fresh profile: ${fresh.errors.join('; ')}`);
}, { timeout: 240_000 });

test('a wrong type or oversized file is refused with an alert naming it, and the case is unchanged', async (t) => {
  const { page, errors } = await t.openApp({ viewport: { width: 1024, height: 768 } });
  const resident = 'Kim Refusaltest';
  await logComplaint(page, resident);
  const caseNow = async () => {
    const d = JSON.parse(await page.evaluate(() => window.doorstep.exportJson()));
    return JSON.stringify(d.cases.find((c) => c.resident.name === resident));
  };
  const before = await caseNow();
  const alertSaying = (re) => until(page, (src) => window.doorstep.semantics().nodes.find(
    (n) => n.role === 'alert' && new RegExp(src).test(n.name)), re.source, `an alert matching ${re}`);

  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
  await chooseFile(page, 'Take a photo', { name: 'tenancy.pdf', mimeType: 'application/pdf', buffer: pdf });
  let alert = await alertSaying(/tenancy\.pdf is not a photo/);
  assert(/Attach a document/.test(alert.name), `the alert says what to do instead: ${alert.name}`);

  await chooseFile(page, 'Attach a document', { name: 'tools.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\x03\x04rest of a zip') });
  alert = await alertSaying(/tools\.zip: files of type application\/zip cannot be attached/);

  const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(26 * 1024 * 1024, 0x20)]);
  await chooseFile(page, 'Attach a document', { name: 'survey.pdf', mimeType: 'application/pdf', buffer: big });
  alert = await alertSaying(/survey\.pdf: the file is 26\.0 MB, over the 25\.0 MB limit/);
  assert(/is as it was/.test(alert.name), `the alert says the case is unchanged: ${alert.name}`);

  const fake = Buffer.from('this is not really a photo at all');
  await chooseFile(page, 'Take a photo', { name: 'broken.jpg', mimeType: 'image/jpeg', buffer: fake });
  await alertSaying(/broken\.jpg: This photo could not be prepared/);

  assertEqual(await caseNow(), before, 'the case after four refused files');
  assert(!(await semantics(page)).nodes.some((n) => n.role === 'button' && /^(Photo|Document): /.test(n.name)),
    'no tile was added');

  // A document that is fine is kept as it is and opens as a download.
  const letter = Buffer.from('Letter received from the resident on 3 March about the mould.\n');
  await chooseFile(page, 'Attach a document', { name: 'letter.txt', mimeType: 'text/plain', buffer: letter });
  const tile = await until(page, () => window.doorstep.semantics().nodes.find(
    (n) => n.role === 'button' && n.name.startsWith('Document: letter.txt, added ')), null, 'document tile');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), tap(page, tile.name, { role: 'button' })]);
  assertEqual(download.suggestedFilename(), 'letter.txt', 'downloaded name');
  assertEqual(fs.readFileSync(await download.path()).toString('hex'), letter.toString('hex'), 'downloaded bytes');
  assert(errors.length === 0, `errors: ${errors.join('; ')}`);
}, { timeout: 180_000 });

test('when the browser refuses to store a photo the officer is told and the case is still saved', async (t) => {
  const { page } = await t.openApp({ viewport: { width: 1024, height: 768 } });
  const resident = 'Lee Quotatest';
  await logComplaint(page, resident);
  const jpeg = await makeJpeg(page);
  // The browser's storage is full for anything the size of a photo (IndexedDB answers
  // QuotaExceededError), as on a tablet that is out of space.
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (value, key) {
      if (typeof key === 'string' && /\/attachments\/[0-9a-f]{64}$/.test(key)) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return put.call(this, value, key);
    };
  });
  await chooseFile(page, 'Take a photo', { name: 'hallway.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  const alert = await until(page, () => window.doorstep.semantics().nodes.find(
    (n) => n.role === 'alert' && /hallway\.jpg could not be kept/.test(n.name)), null, 'the alert about the refused photo', 20000);
  assert(/storage for Doorstep is full/.test(alert.name) && /is saved without it/.test(alert.name), `alert: ${alert.name}`);
  await until(page, () => !window.doorstep.semantics().nodes.some((n) => n.role === 'button' && n.name.startsWith('Photo: hallway.jpg')),
    null, 'the tile is taken off the case');
  // Everything else reached IndexedDB: after a reload the case is there, with the reason on its audit trail.
  const stored = async () => page.evaluate((who) => new Promise((resolve) => {
    const open = indexedDB.open('/data');
    open.onerror = () => resolve(false);
    open.onsuccess = () => {
      const all = open.result.transaction('FILE_DATA').objectStore('FILE_DATA').getAll();
      all.onsuccess = () => resolve(all.result.some((e) => e.contents &&
        new TextDecoder().decode(e.contents).includes(who) &&
        new TextDecoder().decode(e.contents).includes('could not be kept')));
      all.onerror = () => resolve(false);
    };
  }), resident);
  for (let i = 0; i < 60 && !(await stored()); i++) await settle(page, 250);
  assert(await stored(), 'the case with its audit entry reached IndexedDB');
  await page.reload({ waitUntil: 'load' });
  await page.evaluate(() => window.doorstep.ready);
  const after = JSON.parse(await page.evaluate(() => window.doorstep.exportJson()));
  const kase = after.cases.find((c) => c.resident.name === resident);
  assert(kase, 'the case survived the reload');
  assertEqual((kase.attachments || []).length, 0, 'attachments after the refusal');
  assert(kase.audit.some((a) => /hallway\.jpg could not be kept on this device/.test(a.what)), 'the audit trail says why');
}, { timeout: 120_000 });

test('"Add a photo" on a hazard links the photo to that hazard', async (t) => {
  const { page, errors } = await t.openApp({ viewport: { width: 768, height: 1024 } });
  await loadSampleData(page);
  // An open sample case with one hazard, found in the export and opened by its reference.
  const data = JSON.parse(await page.evaluate(() => window.doorstep.exportJson()));
  const kase = data.cases.find((c) => !c.closure && (c.hazards || []).length === 1);
  assert(kase, 'the sample data has an open case with a hazard');
  const hazard = kase.hazards[0];
  await goTo(page, 'Cases');
  await typeInto(page, 'Search', kase.reference);
  const row = (await semantics(page)).nodes.find((n) => n.role === 'link' && n.name.includes(kase.reference));
  await tap(page, row.name, { role: 'link' });
  await until(page, () => window.doorstep.semantics().nodes.some((n) => n.name.startsWith('Back to')), null, 'case screen');
  const before = (kase.attachments || []).length;

  await chooseFile(page, 'Add a photo', { name: 'IMG_0042.HEIC.jpg', mimeType: 'image/jpeg', buffer: await makeJpeg(page) });
  const name = await thumbnailName(page, 'IMG_0042.HEIC.jpg');
  const after = JSON.parse(await page.evaluate(() => window.doorstep.exportJson())).cases.find((c) => c.id === kase.id);
  assertEqual(after.attachments.length, before + 1, 'attachments on the case');
  const added = after.attachments[after.attachments.length - 1];
  assertEqual(added.hazard_id, hazard.id, 'the photo is evidence of the hazard');
  assert(/for hazard /.test(after.audit[after.audit.length - 1].what), `audit: ${after.audit[after.audit.length - 1].what}`);
  // Shown with the hazard's own photos, and in the case's evidence.
  const nodes = (await semantics(page)).nodes;
  const groups = nodes.filter((n) => n.role === 'group' && (n.name.startsWith('Photos of ') || n.name === 'Evidence on this case'));
  const holding = groups.filter((g) => nodes.some((n) => n.parent === g.id && n.name === name));
  assertEqual(holding.map((g) => g.name.startsWith('Photos of ') ? 'hazard' : 'evidence').sort(), ['evidence', 'hazard'],
    'groups showing the photo');
  assert(errors.length === 0, `errors: ${errors.join('; ')}`);
}, { dates: true, timeout: 180_000 });
