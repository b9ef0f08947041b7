#!/usr/bin/env node
// `make screenshots`: PNGs of the app at common sizes, for reviews and the README.
//   node tests/browser/screenshots.mjs [out-dir]   (default build/screenshots)
import fs from 'node:fs';
import path from 'node:path';
import { serve } from '../../scripts/serve.mjs';
import { ROOT, SITE_DIR, launch, openPage, sleep } from './lib.mjs';

const outDir = path.resolve(process.argv[2] || path.join(ROOT, 'build/screenshots'));
const SIZES = [
  { name: 'desktop-1024x768', viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1 },
  { name: 'laptop-1366x768', viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 },
  { name: 'tablet-820x1180', viewport: { width: 820, height: 1180 }, deviceScaleFactor: 2 },
  { name: 'phone-390x844', viewport: { width: 390, height: 844 }, deviceScaleFactor: 3 },
];

if (!fs.existsSync(path.join(SITE_DIR, 'index.html'))) {
  console.error(`screenshots: ${SITE_DIR}/index.html not found; build the site first`);
  process.exit(1);
}
fs.mkdirSync(outDir, { recursive: true });
const { server, url } = await serve(SITE_DIR);
let failed = false;
try {
  for (const size of SIZES) {
    const browser = await launch({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });
    try {
      const { page, errors } = await openPage(browser.context, url);
      await sleep(300);
      const file = path.join(outDir, `${size.name}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${path.relative(process.cwd(), file)}${errors.length ? `  (page errors: ${errors.join('; ')})` : ''}`);
    } catch (err) {
      failed = true;
      console.error(`screenshots: ${size.name}: ${err.message}`);
    } finally {
      await browser.close();
    }
  }
} finally {
  server.close();
}
process.exit(failed ? 1 : 0);
