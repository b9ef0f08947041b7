// Follow the system (issue 24): until the officer picks colours in Settings, the
// device's dark setting and forced colours (Windows High Contrast) choose the theme,
// and a change of the device's setting is followed at once.
import { test, assertEqual, decodePng, screenshotCanvas } from './lib.mjs';
import { goTo, settle, tap } from './ui-driver.mjs';

// The canvas's most common colour (the page behind everything) as "#rrggbb".
async function pageColour(page) {
  const { width, height, data } = decodePng(await screenshotCanvas(page));
  const counts = new Map();
  for (let i = 0; i < width * height; i += 7) {
    const k = (data[i * 4] << 16) | (data[i * 4 + 1] << 8) | data[i * 4 + 2];
    counts.set(k, (counts.get(k) || 0) + 1);
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return '#' + best.toString(16).padStart(6, '0');
}

async function expectPage(page, colour, what) {
  const t0 = Date.now();
  let seen;
  while (Date.now() - t0 < 8000) {
    await settle(page, 150);
    seen = await pageColour(page);
    if (seen === colour) return;
  }
  assertEqual(seen, colour, what);
}

test('colours follow the device until the officer picks some', async (t) => {
  const { page } = await t.openApp({ viewport: { width: 1024, height: 768 }, colorScheme: 'dark' });
  await settle(page);
  await expectPage(page, '#101214', 'a dark device starts dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expectPage(page, '#f3f2f1', 'the device turned light: so does the app');
  await page.emulateMedia({ forcedColors: 'active' });
  await expectPage(page, '#000000', 'forced colours (Windows High Contrast): high contrast');
  await page.emulateMedia({ forcedColors: 'none', colorScheme: 'dark' });
  await expectPage(page, '#101214', 'back to dark');

  // The officer's own choice wins over the device's from then on.
  await goTo(page, 'Settings');
  await tap(page, 'Light', { role: 'radio' });
  await expectPage(page, '#f3f2f1', 'the officer chose light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await sleepFrames(page);
  await expectPage(page, '#f3f2f1', 'still light on a dark device');
});

async function sleepFrames(page) {
  await page.waitForTimeout(1200);
  await settle(page);
}
