// Installable and offline: the manifest and icons are right, the app starts with no
// network after one online visit, and a new version waits until the user agrees.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve } from '../../scripts/serve.mjs';
import { test, assert, assertEqual, decodePng, openPage, waitForApp, sleep } from './lib.mjs';

// Resolves once a service worker is active for the page (its precache is complete by then).
async function waitForServiceWorker(page) {
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!reg.active) throw new Error('no active service worker');
  });
}

test('manifest and icons make the site installable', async (t) => {
  const { context } = await t.launch();
  const page = await context.newPage();
  const res = await page.request.get(t.baseUrl + 'manifest.webmanifest');
  assert(res.ok(), `manifest.webmanifest: HTTP ${res.status()}`);
  const manifest = await res.json();
  assertEqual(manifest.name, 'Doorstep', 'name');
  assert(manifest.short_name, 'short_name missing');
  assertEqual(manifest.display, 'standalone', 'display');
  assertEqual(manifest.start_url, './', 'start_url (relative, so the site works under a sub-path)');
  assertEqual(manifest.scope, './', 'scope');
  assert(/^#[0-9a-f]{6}$/i.test(manifest.theme_color), `theme_color: ${manifest.theme_color}`);

  const icons = [...manifest.icons, { src: 'icons/apple-touch-icon.png', sizes: '180x180', purpose: 'apple' }];
  for (const icon of icons) {
    const r = await page.request.get(t.baseUrl + icon.src);
    assert(r.ok(), `${icon.src}: HTTP ${r.status()}`);
    const png = decodePng(await r.body());
    assertEqual(`${png.width}x${png.height}`, icon.sizes, `${icon.src} size`);
  }
  assert(manifest.icons.some((i) => i.purpose === 'maskable'), 'no maskable icon');
  for (const size of ['192x192', '512x512']) {
    assert(manifest.icons.some((i) => i.sizes === size && i.purpose !== 'maskable'), `no ${size} icon`);
  }
});

test('starts offline after one online visit', async (t) => {
  const { context, page, errors } = await t.openApp();
  await waitForServiceWorker(page);

  await context.setOffline(true);
  const response = await page.reload({ waitUntil: 'load' });
  assert(response && response.fromServiceWorker(), 'the page did not come from the service worker');
  await waitForApp(page);
  const frames = await page.evaluate(() => window.doorstep.frames());
  assert(frames >= 1, 'no frame drawn offline');
  const controlled = await page.evaluate(() => !!navigator.serviceWorker.controller);
  assert(controlled, 'page is not controlled by the service worker');
  await sleep(200);
  assert(errors.length === 0, `errors on the page:\n${errors.join('\n')}`);
});

test('starts offline from a link with any query string (?from=homescreen)', async (t) => {
  const { context, page, errors } = await t.openApp();
  await waitForServiceWorker(page);
  await context.setOffline(true);
  for (const query of ['?from=homescreen', '?source=pwa&x=1', '?utm_source=mail']) {
    const response = await page.goto(t.baseUrl + query, { waitUntil: 'load' });
    assert(response && response.ok() && response.fromServiceWorker(), `${query}: not served by the service worker offline`);
    await waitForApp(page);
    assert((await page.evaluate(() => window.doorstep.frames())) >= 1, `${query}: no frame drawn offline`);
  }
  assert(errors.length === 0, `errors on the page:\n${errors.join('\n')}`);
});

test('a new version waits until the user agrees, then takes over', async (t) => {
  // A private copy of the site that this test can "release" a new version of.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-site-'));
  t.onCleanup(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(t.siteDir, dir, { recursive: true });
  const { server, url } = await serve(dir);
  t.onCleanup(() => server.close());

  const { context } = await t.launch();
  const { page } = await openPage(context, url);
  await waitForServiceWorker(page);
  await page.reload({ waitUntil: 'load' });  // now controlled by version 1
  await waitForApp(page);
  assert(await page.evaluate(() => !!navigator.serviceWorker.controller), 'version 1 does not control the page');
  assertEqual(await page.evaluate(() => window.doorstepUpdate.available), false, 'update available before any release');

  // Release version 2: any change to sw.js is a new service worker.
  fs.appendFileSync(path.join(dir, 'sw.js'), '\n// release 2\n');
  await page.evaluate(() => window.doorstepUpdate.check());
  await page.waitForFunction(() => window.doorstepUpdate.available === true, null, { timeout: 15_000 });

  // It must wait: still a waiting worker, page still on version 1, no reload.
  await sleep(500);
  const waitingState = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return { waiting: !!reg.waiting, marker: window.__doorstepTestMarker = 'version-1-page' };
  });
  assert(waitingState.waiting, 'the new version did not wait (skipWaiting must not be forced)');

  // The user agrees: the new version takes over and the page reloads into it.
  const navigated = page.waitForNavigation({ waitUntil: 'load', timeout: 15_000 });
  assertEqual(await page.evaluate(() => window.doorstepUpdate.apply()), true, 'apply()');
  await navigated;
  await waitForApp(page);
  const after = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return { waiting: !!reg.waiting, marker: window.__doorstepTestMarker || null, available: window.doorstepUpdate.available };
  });
  assertEqual(after, { waiting: false, marker: null, available: false }, 'state after applying the update');
});
