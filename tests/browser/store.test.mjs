// Browser storage (src/platform/web/store_persist.js): each changed path reaches
// IndexedDB in IDBFS's own format and survives a reload; a path changed twice in a
// row is written once; failures are reported and retried; one tab edits, another
// is read-only until it takes over.
//
// The page's non-modular Emscripten output makes FS and the library's DS object
// globals: the tests drive the queue directly (DS.enqueue), as the C++ store's
// on_changed does through store_persist_path.
import { test, assert, assertEqual, openPage, sleep } from './lib.mjs';

// Waits until every queued change is in IndexedDB.
async function drained(page, timeout = 10_000) {
  await page.waitForFunction(() => DS.queue.length === 0 && !DS.inFlight, null, { timeout });
}

// The IDBFS database as { path: text-or-'<dir>' }.
async function stored(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const open = indexedDB.open('/data');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const out = {};
      const tx = db.transaction('FILE_DATA', 'readonly');
      const cursor = tx.objectStore('FILE_DATA').openCursor();
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c) return;
        const v = c.value;
        out[c.key] = v.contents ? new TextDecoder().decode(v.contents) : '<dir>';
        c.continue();
      };
      tx.oncomplete = () => { db.close(); resolve(out); };
    };
  }));
}

function writeAndQueue(page, path, text) {
  return page.evaluate(([p, t]) => {
    const dir = p.substring(0, p.lastIndexOf('/'));
    try { FS.mkdirTree(dir); } catch (e) { /* exists */ }
    FS.writeFile(p, t);
    DS.enqueue(p, false);
  }, [path, text]);
}

test('the app keeps its settings file in IndexedDB from the first start', async (t) => {
  const { page } = await t.openApp();
  await drained(page);
  const files = await stored(page);
  assert('/data/settings.json' in files, `settings.json not stored; keys: ${Object.keys(files).join(', ')}`);
  assert(files['/data/settings.json'].includes('"device_id"'), 'settings.json has no device id');
});

test('one changed path (and its new folders) reaches IndexedDB and survives a reload', async (t) => {
  const { page } = await t.openApp();
  await writeAndQueue(page, '/data/probe/deeper/note.txt', 'kept £ safe');
  await drained(page);
  const files = await stored(page);
  assertEqual(files['/data/probe'], '<dir>', 'folder entry');
  assertEqual(files['/data/probe/deeper'], '<dir>', 'nested folder entry');
  assertEqual(files['/data/probe/deeper/note.txt'], 'kept £ safe', 'file contents');

  await page.reload({ waitUntil: 'load' });
  await page.waitForFunction(() => window.doorstep && window.doorstep.ready);
  await page.evaluate(() => window.doorstep.ready);
  const back = await page.evaluate(() => FS.readFile('/data/probe/deeper/note.txt', { encoding: 'utf8' }));
  assertEqual(back, 'kept £ safe', 'after reload');

  // Removal travels the same way.
  await page.evaluate(() => { FS.unlink('/data/probe/deeper/note.txt'); DS.enqueue('/data/probe/deeper/note.txt', true); });
  await drained(page);
  assert(!('/data/probe/deeper/note.txt' in await stored(page)), 'removed file still stored');
});

test('changes keep their order; the same path twice in a row is written once', async (t) => {
  const { page } = await t.openApp();
  await drained(page);
  const queued = await page.evaluate(() => {
    const write = (p, s) => { try { FS.mkdirTree('/data/order'); } catch (e) {} FS.writeFile(p, s); DS.enqueue(p, false); };
    write('/data/order/a.txt', 'a1');  // goes straight into a transaction
    write('/data/order/b.txt', 'b1');
    write('/data/order/b.txt', 'b2');  // replaces the queued b1
    write('/data/order/b.txt', 'b3');
    return DS.queue.map((q) => q.path.replace('/data/order/', '') + '=' +
      (q.entry && q.entry.contents ? new TextDecoder().decode(q.entry.contents) : q.entry ? 'dir' : 'gone'));
  });
  assert(queued.filter((q) => q.startsWith('b.txt')).length === 1, `b.txt queued more than once: ${queued}`);
  assert(queued.includes('b.txt=b3'), `newest b.txt not queued: ${queued}`);
  // Snapshots: changing the file after queueing does not change what is stored.
  await page.evaluate(() => FS.writeFile('/data/order/b.txt', 'changed later, not queued'));
  await drained(page);
  const files = await stored(page);
  assertEqual(files['/data/order/a.txt'], 'a1', 'a.txt');
  assertEqual(files['/data/order/b.txt'], 'b3', 'b.txt is the queued snapshot');
});

test('a full browser storage is reported, kept and retried', async (t) => {
  const { page } = await t.openApp();
  await drained(page);
  await page.evaluate(() => {
    const put = IDBObjectStore.prototype.put;
    let fail = 1;
    IDBObjectStore.prototype.put = function(...args) {
      if (fail-- > 0) throw new DOMException('quota reached', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await writeAndQueue(page, '/data/quota/x.txt', 'must not be lost');
  await page.waitForFunction(() => DS.lastError !== '', null, { timeout: 5_000 });
  const message = await page.evaluate(() => DS.lastError);
  assert(/storage for Doorstep is full/.test(message), `message: ${message}`);
  assert(/Export your data now/.test(message), `message says what to do: ${message}`);
  assert(await page.evaluate(() => DS.queue.length) > 0, 'the change was dropped');
  await page.evaluate(() => DS.flushNow());  // what page hide does
  await drained(page);
  assertEqual((await stored(page))['/data/quota/x.txt'], 'must not be lost', 'stored after retry');
  assertEqual(await page.evaluate(() => DS.lastError), '', 'error cleared');
});

test('a second tab is read-only until it takes over; the first is told', async (t) => {
  const { context, page: first } = await t.openApp();
  assertEqual(await first.evaluate(() => DS.editorState), 1, 'first tab edits');
  const second = await context.newPage();
  await second.goto(t.baseUrl, { waitUntil: 'load' });
  await second.waitForFunction(() => window.doorstep && window.doorstep.ready);
  await second.evaluate(() => window.doorstep.ready);
  assertEqual(await second.evaluate(() => DS.editorState), 2, 'second tab is read-only');
  assert(/another tab/.test(await second.evaluate(() => DS.lockMessage)), 'second tab says why');
  const refused = await second.evaluate(() => {
    FS.writeFile('/data/ro.txt', 'x');
    DS.enqueue('/data/ro.txt', false);
    return DS.lastError;
  });
  assert(/read-only/.test(refused), `read-only tab queued a change: ${refused}`);

  // The first tab saves something; the second takes over and sees it.
  await writeAndQueue(first, '/data/handover.txt', 'from the first tab');
  await second.evaluate(() => DS.takeOver());
  await second.waitForFunction(() => DS.editorState === 1, null, { timeout: 10_000 });
  await first.waitForFunction(() => DS.editorState === 2, null, { timeout: 10_000 });
  assert(/another tab/.test(await first.evaluate(() => DS.lockMessage)), 'first tab is told');
  await sleep(1500);  // and it stays told: never two editors
  assertEqual([await first.evaluate(() => DS.editorState), await second.evaluate(() => DS.editorState)], [2, 1],
    'editor states (first, second) a moment later');
  assertEqual(await second.evaluate(() => FS.readFile('/data/handover.txt', { encoding: 'utf8' })),
    'from the first tab', 'second tab reloaded the first tab\'s change');
  assert(await second.evaluate(() => DS.reloadGeneration) >= 1, 'reload generation not bumped');

  // When the editor closes, the waiting tab edits again on its own.
  await second.close();
  await first.waitForFunction(() => DS.editorState === 1, null, { timeout: 10_000 });
  await sleep(50);
});
