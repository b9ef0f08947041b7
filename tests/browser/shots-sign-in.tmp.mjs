// One-off: screenshots of sign-in (Settings) and the lock screen at three sizes.
import { launch, openPage, SITE_DIR } from './lib.mjs';
import { goTo, reveal, tap, typeInto, until, settle, find } from './ui-driver.mjs';
import { serve } from '../../scripts/serve.mjs';
const out = process.argv[2] || '/tmp/shots';
const { server, url } = await serve(SITE_DIR);
const sizes = [[1024, 768, 1], [768, 1024, 1], [390, 844, 2]];
for (const [w, h, s] of sizes) {
  const b = await launch({ viewport: { width: w, height: h }, deviceScaleFactor: s });
  try {
    const { page } = await openPage(b.context, url);
    await goTo(page, 'Settings');
    await reveal(page, 'Turn on sign-in');
    await page.screenshot({ path: `${out}/sign-in-off-${w}x${h}.png` });
    await typeInto(page, "Officer's name", 'Sam Officer');
    await typeInto(page, 'Choose a passphrase', 'copper kettle orchard');
    await typeInto(page, 'Type the passphrase again', 'copper kettle orchard');
    await tap(page, 'Turn on sign-in', { role: 'button' });
    await until(page, () => /^Sign-in is on/.test(window.doorstep.lastMessage()), null, 'sign-in', 20000);
    await reveal(page, 'Lock now');
    await settle(page, 300);
    await page.screenshot({ path: `${out}/sign-in-on-${w}x${h}.png` });
    await tap(page, 'Lock now', { role: 'button' });
    await until(page, () => window.doorstep.semantics().title === 'Locked — Doorstep', null, 'lock', 20000);
    await settle(page, 300);
    await page.screenshot({ path: `${out}/lock-${w}x${h}.png` });
    await typeInto(page, 'Passphrase', 'wrong words here');
    await tap(page, 'Unlock', { role: 'button' });
    await until(page, () => window.doorstep.semantics().nodes.some((n) => n.name === 'Passphrase' && /does not unlock/.test(n.description || '')), null, 'refusal', 20000);
    await settle(page, 300);
    await page.screenshot({ path: `${out}/lock-refused-${w}x${h}.png` });
    console.log('ok', w, h);
  } catch (e) { console.log('FAIL', w, h, e.message); } finally { await b.close(); }
}
server.close();
