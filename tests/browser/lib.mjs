// Shared helpers for Doorstep's browser tests (run by run.mjs).
//
// Writing a test file tests/browser/<topic>.test.mjs:
//   import { test, assert } from './lib.mjs';
//   test('what it shows', async (t) => {
//     const { page } = await t.openApp();          // fresh profile, app loaded, window.doorstep.ready awaited
//     assert(await page.evaluate(() => window.doorstep.frames()) > 0, 'no frame drawn');
//   });
// Every context a test opens through `t` is closed after it, pass or fail.
// (`export default [{ name, fn }]` works too.)
//
// The clock: every page's clock is pinned before the app starts to the suite's "now"
// (tests/test-clock.json, local time in Europe/London; DOORSTEP_TEST_NOW=YYYY-MM-DDTHH:MM moves
// it for a whole run, as `make test-dates` does). Time then flows as usual from there
// (timers and animation frames run). A test reads it with testNow() / testToday() / isoDaysFrom(),
// never with Node's own `new Date()`.
//
// Options of t.openApp(options) and t.launch(options), besides Playwright's own context options:
//   now: 'YYYY-MM-DDTHH:MM'   this test's "now" instead of the suite's (Europe/London wall time)
//   viewport, deviceScaleFactor, profileDir   as Playwright's; profileDir keeps a profile on disk
//   path: '?x=y'              (openApp) appended to the site's URL
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { TEST_NOW, londonInstant } from '../test-clock.mjs';

// The suite's clock (tests/test-clock.mjs), for tests to compute dates from.
export { TEST_NOW, testNow, testToday, isoDaysFrom, londonInstant } from '../test-clock.mjs';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '../..');
export const SITE_DIR = path.resolve(process.env.DOORSTEP_SITE || path.join(ROOT, 'build/web/site'));
export const ARTIFACTS_DIR = path.join(HERE, 'artifacts');
export const CHROMIUM = process.env.DOORSTEP_CHROMIUM || '/usr/bin/chromium';

// The network is closed here: without these flags Chromium keeps trying to reach it.
// The last three give WebGL2 through software GL, so canvas screenshots show real pixels.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

// ---- test registry ------------------------------------------------------------------------------
const registry = [];
// Options: timeout (ms, default 60 s); dates: true marks a test whose outcome depends on the
// calendar (sample data, Today, reports' default period, hazard countdowns): `make test-dates`
// runs these at each of its dates (run.mjs --dates).
export function test(name, fn, { timeout = 60_000, dates = false } = {}) {
  registry.push({ name, fn, timeout, dates });
}
export function takeRegisteredTests() {
  return registry.splice(0, registry.length);
}

// ---- assertions ---------------------------------------------------------------------------------
export class AssertionError extends Error {}
export function assert(condition, message) {
  if (!condition) throw new AssertionError(message || 'assertion failed');
}
export function assertEqual(actual, expected, what = 'value') {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new AssertionError(`${what}: expected ${e}, got ${a}`);
}

// ---- browser ------------------------------------------------------------------------------------
// A persistent context on a fresh temporary profile (IndexedDB and the service worker's
// caches survive reloads, as for a real user). Returns { context, profileDir, close() }.
// The page's clock is pinned to `now` (default: the suite's) before any page script runs;
// `now: null` leaves the real clock (benchmarks only: no test may depend on the date).
export async function launch({ viewport = { width: 1024, height: 768 }, profileDir, deviceScaleFactor = 1, now = TEST_NOW, ...options } = {}) {
  const dir = profileDir || fs.mkdtempSync(path.join(os.tmpdir(), 'doorstep-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    deviceScaleFactor,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    ...options,
  });
  // now: null leaves the page's clock alone (benchmarks: a fake clock changes how time is measured).
  if (now !== null) await context.clock.install({ time: londonInstant(now) });
  const close = async () => {
    await context.close().catch(() => {});
    if (!profileDir) fs.rmSync(dir, { recursive: true, force: true });
  };
  return { context, profileDir: dir, close };
}

// Records what would make a user's page look broken: console errors, uncaught exceptions,
// failed loads. Returns the live array.
export function watchErrors(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => {
    const failure = req.failure();
    errors.push(`request failed: ${req.url()} (${failure ? failure.errorText : 'unknown'})`);
  });
  return errors;
}

// Opens the app at `url` and waits until window.doorstep.ready resolves (first frame drawn).
// Throws with the page's own failure message if start-up fails.
export async function waitForApp(page, { timeout = 30_000 } = {}) {
  await page.waitForFunction(() => window.doorstep && window.doorstep.ready, null, { timeout });
  await page.evaluate((ms) => Promise.race([
    window.doorstep.ready,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`window.doorstep.ready did not resolve within ${ms} ms`)), ms)),
  ]), timeout);
}

export async function openPage(context, url, { timeout = 30_000 } = {}) {
  const page = context.pages()[0] || await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url, { waitUntil: 'load', timeout });
  await waitForApp(page, { timeout });
  return { page, errors };
}

// ---- pixels -------------------------------------------------------------------------------------
// Decodes an 8-bit RGB/RGBA (non-interlaced) PNG, as Chromium's screenshots are.
export function decodePng(buffer) {
  const sig = '89504e470d0a1a0a';
  if (buffer.subarray(0, 8).toString('hex') !== sig) throw new Error('not a PNG');
  let offset = 8;
  let width = 0, height = 0, colourType = 0, bitDepth = 0, interlace = 0;
  const idat = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const data = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      bitDepth = data[8];
      colourType = data[9];
      interlace = data[12];
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      break;
    }
    offset += 12 + length;
  }
  const channels = { 2: 3, 6: 4 }[colourType];
  if (bitDepth !== 8 || !channels || interlace !== 0) {
    throw new Error(`unsupported PNG (bit depth ${bitDepth}, colour type ${colourType}, interlace ${interlace})`);
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(width * height * 4);
  let prev = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? line[x - channels] : 0;
      const b = prev[x];
      const c = x >= channels ? prev[x - channels] : 0;
      let v = line[x];
      switch (filter) {
        case 1: v += a; break;
        case 2: v += b; break;
        case 3: v += (a + b) >> 1; break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
          v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default: break;
      }
      line[x] = v & 0xff;
    }
    for (let x = 0; x < width; x++) {
      out[(y * width + x) * 4 + 0] = line[x * channels + 0];
      out[(y * width + x) * 4 + 1] = line[x * channels + 1];
      out[(y * width + x) * 4 + 2] = line[x * channels + 2];
      out[(y * width + x) * 4 + 3] = channels === 4 ? line[x * channels + 3] : 255;
    }
    prev = line;
  }
  return { width, height, data: out };
}

// Luminance mean and variance, and how many distinct colours: a blank or single-colour
// canvas has variance ~0 and one or two colours; an ImGui screen has text, frames and buttons.
export function pixelStats({ width, height, data }) {
  let sum = 0, sumSq = 0;
  const colours = new Set();
  const n = width * height;
  for (let i = 0; i < n; i++) {
    const r = data[i * 4], g = data[i * 4 + 1], b = data[i * 4 + 2];
    const l = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    sum += l;
    sumSq += l * l;
    if (colours.size < 100000) colours.add((r << 16) | (g << 8) | b);
  }
  const mean = sum / n;
  return { mean, variance: sumSq / n - mean * mean, colours: colours.size };
}

// Screenshot of the canvas alone; saved under tests/browser/artifacts/ when a name is given.
export async function screenshotCanvas(page, name) {
  const buffer = await page.locator('#canvas').screenshot();
  if (name) saveArtifact(`${name}.png`, buffer);
  return buffer;
}

export async function screenshotPage(page, name) {
  const buffer = await page.screenshot();
  if (name) saveArtifact(`${name}.png`, buffer);
  return buffer;
}

export function saveArtifact(name, buffer) {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, name);
  fs.writeFileSync(file, buffer);
  return file;
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
