// "Load sample data" brings the demo's placeholder photos with the cases: every
// attachment and thumbnail a sample case names is in the store, byte for byte
// (its SHA-256 is its name), reaches IndexedDB, and is a PNG a real decoder
// (Node's zlib, lib.mjs decodePng) reads at the size the demo draws.
import crypto from 'node:crypto';
import { test, assert, assertEqual, decodePng, saveArtifact } from './lib.mjs';
import { goTo, loadSampleData, reveal, settle, typeInto } from './ui-driver.mjs';

const sha256 = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex');

// The bytes of a file in the app's file system, and of its IndexedDB copy.
async function storedBytes(page, path) {
  return page.evaluate((p) => new Promise((resolve, reject) => {
    const inFs = (() => { try { return [...FS.readFile(p)]; } catch (e) { return null; } })();
    const open = indexedDB.open('/data');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const req = db.transaction('FILE_DATA', 'readonly').objectStore('FILE_DATA').get(p);
      req.onsuccess = () => {
        db.close();
        const v = req.result;
        resolve({ inFs, inDb: v && v.contents ? [...v.contents] : null });
      };
      req.onerror = () => reject(req.error);
    };
  }), path);
}

test('sample data carries placeholder photos whose bytes are stored and persisted', async (t) => {
  const { page } = await t.openApp();
  await loadSampleData(page);
  const message = await page.evaluate(() => window.doorstep.lastMessage());
  assert(/with sample photos/.test(message), `the message mentions the photos: ${message}`);

  const data = JSON.parse(await page.evaluate(() => window.doorstep.exportJson()));
  const withPhotos = data.cases.filter((c) => (c.attachments || []).length > 0);
  const hazardCases = data.cases.filter((c) => (c.hazards || []).length > 0);
  assert(withPhotos.length > 0, 'some sample cases have photos');
  assert(withPhotos.length < hazardCases.length, 'some hazard cases have none');
  for (const c of withPhotos) {
    const hazardIds = new Set(c.hazards.map((h) => h.id));
    for (const a of c.attachments) {
      assertEqual(a.mime, 'image/png', `${c.reference} ${a.filename} type`);
      assert(hazardIds.has(a.hazard_id), `${c.reference} ${a.filename} evidences one of its hazards`);
      assert(/^Sample photo: /.test(a.caption), `${a.filename} is captioned as a sample`);
    }
  }

  // Every distinct file once: the photo at 640x480, its thumbnail at 240x180.
  const files = new Map();
  for (const c of withPhotos) {
    for (const a of c.attachments) {
      files.set(a.sha256, { size: a.size, width: 640, height: 480, name: a.filename });
      files.set(a.thumbnail_sha256, { width: 240, height: 180, name: `thumbnail of ${a.filename}` });
    }
  }
  assert(files.size <= 20, `a handful of distinct pictures, not one per case (${files.size})`);
  await page.waitForFunction(() => DS.queue.length === 0 && !DS.inFlight, null, { timeout: 20_000 });
  let saved = false;
  for (const [sha, f] of files) {
    const { inFs, inDb } = await storedBytes(page, `/data/attachments/${sha}`);
    assert(inFs, `${f.name} is in the store`);
    assert(inDb, `${f.name} reached IndexedDB`);
    const bytes = Buffer.from(inFs);
    assertEqual(sha256(bytes), sha, `${f.name} bytes match their name`);
    assert(Buffer.from(inDb).equals(bytes), `${f.name}: IndexedDB holds the same bytes`);
    if (f.size !== undefined) assertEqual(bytes.length, f.size, `${f.name} size`);
    const png = decodePng(bytes);
    assertEqual(`${png.width}x${png.height}`, `${f.width}x${f.height}`, `${f.name} dimensions`);
    if (!saved && f.size !== undefined) {
      saveArtifact('demo-photo.png', bytes);
      saved = true;
    }
  }
}, { dates: true });

// The Local Government and Social Care Ombudsman's details are settings: shown
// with where they came from, editable on a phone, and saved with the rest.
for (const size of [{ width: 1024, height: 768, scale: 1 }, { width: 768, height: 1024, scale: 1 }, { width: 390, height: 844, scale: 2 }]) {
  test(`Settings at ${size.width}x${size.height}: the LGSCO's details and their source, edited and kept`, async (t) => {
    const { page } = await t.openApp({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.scale });
    await goTo(page, 'Settings');
    const phone = await reveal(page, 'LGSCO phone');
    assertEqual(phone.value, '0300 061 0614', 'the default phone number');
    assert(phone.w >= 44 && phone.h >= 44, `the field is a 44 px target (${phone.w}x${phone.h})`);
    const source = await reveal(page, 'LGSCO details source');
    assert(/Check them on www\.lgo\.org\.uk/.test(source.value), `the source says to check: ${source.value}`);
    await reveal(page, 'LGSCO phone');
    saveArtifact(`settings-lgsco-${size.width}x${size.height}.png`, await page.screenshot());
    if (size.width !== 390) return;
    await typeInto(page, 'LGSCO phone', '01632 960555');
    await settle(page, 400);
    const data = JSON.parse(await page.evaluate(() => window.doorstep.exportJson()));
    assertEqual(data.settings.local_government_ombudsman.phone, '01632 960555', 'the edited phone number is saved');
    assertEqual(data.settings.local_government_ombudsman.website, 'www.lgo.org.uk', 'the rest is unchanged');
  });
}
