// The app starts in a real browser: the page loads under its CSP, the wasm runs,
// window.doorstep.ready resolves, frames are drawn, the canvas shows an actual UI,
// and nothing is reported as an error on the way.
import { test, assert, decodePng, pixelStats, screenshotCanvas, sleep } from './lib.mjs';

test('page loads, wasm starts, first frame drawn, canvas not blank, no console errors', async (t) => {
  const { page, errors } = await t.openApp({ viewport: { width: 1024, height: 768 } });

  const frames = await page.evaluate(() => window.doorstep.frames());
  assert(Number.isInteger(frames) && frames >= 1, `expected at least one frame drawn, got ${frames}`);

  const info = await page.evaluate(() => {
    const c = document.getElementById('canvas');
    return {
      lang: document.documentElement.lang,
      width: c.width, height: c.height,
      cssWidth: c.clientWidth, cssHeight: c.clientHeight,
      statusHidden: document.getElementById('status').classList.contains('hidden'),
      webgl2: typeof WebGL2RenderingContext !== 'undefined',
    };
  });
  assert(info.lang === 'en-GB', `html lang should be en-GB, is ${info.lang}`);
  assert(info.width === 1024 && info.height === 768, `canvas drawing buffer should match the 1024x768 viewport, is ${info.width}x${info.height}`);
  assert(info.statusHidden, 'the "Loading Doorstep…" status should be hidden once the app is ready');

  const shot = decodePng(await screenshotCanvas(page, 'smoke-1024x768'));
  const stats = pixelStats(shot);
  assert(stats.variance > 50, `canvas looks blank: luminance variance ${stats.variance.toFixed(1)}`);
  assert(stats.colours > 20, `canvas looks blank: only ${stats.colours} distinct colours`);

  await sleep(200);  // let late errors (e.g. a failed fetch) arrive
  assert(errors.length === 0, `errors on the page:\n${errors.join('\n')}`);
});

test('a click reaches the UI and draws new frames', async (t) => {
  const { page } = await t.openApp();
  await sleep(300);  // the minimal shell stops drawing when idle
  const before = await page.evaluate(() => window.doorstep.frames());
  await page.mouse.move(200, 200);
  await page.mouse.click(200, 200);
  await page.waitForFunction((n) => window.doorstep.frames() > n, before, { timeout: 5000 });
});

test('site serves wasm as application/wasm and the page carries its security policy', async (t) => {
  const { context } = await t.launch();
  const page = await context.newPage();
  const wasm = await page.request.get(t.baseUrl + 'doorstep.wasm');
  assert(wasm.ok(), `doorstep.wasm: HTTP ${wasm.status()}`);
  assert(wasm.headers()['content-type'] === 'application/wasm', `doorstep.wasm served as ${wasm.headers()['content-type']}`);
  const html = await (await page.request.get(t.baseUrl)).text();
  assert(/http-equiv="Content-Security-Policy"/.test(html), 'index.html has no Content-Security-Policy meta');
  assert(/'wasm-unsafe-eval'/.test(html) && !/'unsafe-eval'/.test(html), 'CSP should allow wasm-unsafe-eval and not unsafe-eval');
  assert(!/(src|href)="\//.test(html), 'index.html should use relative URLs only (works under a sub-path)');
});
