// What every screenshot script shares: its command line (--site, --out, --only),
// the three sizes officers use (1024x768 laptop, 768x1024 tablet portrait,
// 390x844 phone at 2x) each in a fresh browser, writing one PNG, scrolling a node
// to the top of the screen and opening a case, as a person would.
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './serve.mjs';
import { ROOT, launch, openPage } from '../tests/browser/lib.mjs';
import { find, goTo, semantics, settle, tap, typeInto, until } from '../tests/browser/ui-driver.mjs';

export function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
}

// { site, out, sizes } from the command line; exits with a reason when the site is not built.
export function screenshotSetup(script) {
  const site = path.resolve(arg('--site', process.env.DOORSTEP_SITE || path.join(ROOT, 'build/web/site')));
  const out = path.resolve(arg('--out', path.join(ROOT, 'docs/screenshots')));
  const only = arg('--only', '');
  const sizes = [
    { width: 1024, height: 768, scale: 1 },
    { width: 768, height: 1024, scale: 1 },
    { width: 390, height: 844, scale: 2 },
  ].filter((s) => !only || only === `${s.width}x${s.height}`);
  if (!fs.existsSync(path.join(site, 'index.html'))) {
    console.error(`${script}: ${site}/index.html not found; build the site first (make web)`);
    process.exit(1);
  }
  fs.mkdirSync(out, { recursive: true });
  return { site, out, sizes };
}

// <out>/<name>-<w>x<h>.png once the app has settled.
export async function writeShot(page, out, size, name) {
  await settle(page, 300);
  const file = path.join(out, `${name}-${size.width}x${size.height}.png`);
  await page.screenshot({ path: file });
  console.log(`wrote ${path.relative(ROOT, file)}`);
}

// Scrolls until the named node is near the top of the screen (phoneTop on screens
// under 600 px wide, where a bar may sit above it). A node that is not there is an
// error when `required`, else nothing happens.
export async function scrollToTop(page, name, { role, required = true, phoneTop = 16 } = {}) {
  const vh = page.viewportSize().height;
  const vw = page.viewportSize().width;
  const look = () => (role ? find(page, name, { role }) : find(page, name));
  for (let i = 0; i < 40; i++) {
    const n = await look();
    if (!n) {
      if (required) throw new Error(`"${name}" is not on the screen`);
      return;
    }
    const top = vw < 600 ? phoneTop : 16;
    if (n.y >= top - 8 && n.y <= top + 60) return;
    await page.mouse.move(Math.min(vw - 30, vw * 0.75), vh * 0.45);
    const before = n.y;
    await page.mouse.wheel(0, n.y - top);
    await settle(page, 150);
    const after = await look();
    if (!after || Math.abs(after.y - before) < 2) return;  // the page scrolls no further
  }
}

// Serves the site and runs `take(page, size)` in a fresh browser at each size; a
// size that fails is reported and the others still run. Exits 1 if any failed.
export async function atEachSize(script, site, sizes, take) {
  const { server, url } = await serve(site);
  let failed = false;
  try {
    for (const size of sizes) {
      const browser = await launch({ viewport: { width: size.width, height: size.height }, deviceScaleFactor: size.scale });
      try {
        const { page } = await openPage(browser.context, url);
        await take(page, size);
      } catch (err) {
        failed = true;
        console.error(`${script} ${size.width}x${size.height}: ${err.stack || err.message || err}`);
      } finally {
        await browser.close();
      }
    }
  } finally {
    server.close();
  }
  process.exit(failed ? 1 : 0);
}

// Opens a case through the Cases list, as a person would: search by its reference
// (showing closed cases too when it is closed) and tap its row.
export async function openCaseByReference(page, { reference, closed }) {
  await goTo(page, 'Cases');
  if (closed) {  // the list shows open cases until the filter says otherwise
    await tap(page, 'Filters', { role: 'button' });
    await tap(page, 'All', { role: 'radio' });
  }
  await typeInto(page, 'Search', reference);
  const row = (await semantics(page)).nodes.find((n) => n.role === 'link' && n.name.includes(reference));
  if (!row) throw new Error(`case ${reference} is not listed`);
  await tap(page, row.name, { role: 'link' });
  await until(page, () => window.doorstep.semantics().nodes.some((n) => n.name.startsWith('Back to')), null, 'case screen');
}
