// What every screenshot script shares: its command line (--site, --out, --only),
// the three sizes officers use (1024x768 laptop, 768x1024 tablet portrait,
// 390x844 phone at 2x), writing one PNG, and scrolling a node to the top of the
// screen with the mouse wheel as a person would.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../tests/browser/lib.mjs';
import { find, settle } from '../tests/browser/ui-driver.mjs';

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
