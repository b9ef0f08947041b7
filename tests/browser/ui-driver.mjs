// Driving Doorstep's screens the way a person does, for journey.test.mjs,
// a11y.test.mjs and scripts/screenshots.mjs: find a control in the semantics tree
// (window.doorstep.widget), scroll it into view with the mouse wheel, tap it at
// its coordinates, type with the keyboard. Nothing here calls the app's internals.
import { assert, sleep } from './lib.mjs';

export const semantics = (page) => page.evaluate(() => window.doorstep.semantics());
export const title = async (page) => (await semantics(page)).title;
export const widget = (page, name) => page.evaluate((n) => window.doorstep.widget(n), name);

// Polls fn() in the page until it returns a truthy value.
export async function until(page, fn, arg, what, timeout = 8000) {
  try {
    const handle = await page.waitForFunction(fn, arg, { timeout, polling: 50 });
    return await handle.jsonValue();
  } catch {
    throw new Error(`${what}: not within ${timeout} ms`);
  }
}

// Waits until the app has drawn what the last input asked for: no frame is
// scheduled (window.doorstep.idle()) and none has been drawn for `quietMs`
// (a short window for work that finishes just after, such as a save).
export async function settle(page, quietMs = 80, timeout = 8000) {
  const t0 = Date.now();
  let last = await page.evaluate(() => window.doorstep.frames());
  let since = Date.now();
  while (Date.now() - t0 < timeout) {
    await sleep(20);
    const [now, idle] = await page.evaluate(() => [window.doorstep.frames(), window.doorstep.idle()]);
    if (now !== last || !idle) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quietMs) {
      return now;
    }
  }
  return last;
}

export async function waitForTitle(page, start, timeout = 8000) {
  await until(page, (t) => window.doorstep.semantics().title.startsWith(t), start, `screen "${start}"`, timeout);
  await settle(page);
}

// A node by exact name (visible one first), with its rectangle in page CSS px.
export async function find(page, name, { role } = {}) {
  return page.evaluate(({ n, r }) => {
    const tree = window.doorstep.semantics();
    const c = document.getElementById('canvas').getBoundingClientRect();
    const all = tree.nodes.filter((x) => x.name === n && (!r || x.role === r));
    const best = all.find((x) => !x.clipped) || all[0];
    if (!best) return null;
    return { ...best, x: best.x + c.left, y: best.y + c.top };
  }, { n: name, r: role });
}

// Scrolls with the mouse wheel until the control is fully on screen.
export async function reveal(page, name, opts = {}) {
  const vh = page.viewportSize().height;
  for (let i = 0; i < 80; i++) {
    const n = await find(page, name, opts);
    assert(n, `no control named "${name}" on the screen "${await title(page)}"`);
    // Keep clear of a bottom tab bar.
    const bar = (await semantics(page)).nodes.find((x) => x.role === 'navigation' && x.y > vh / 2);
    const inBar = bar && n.y >= bar.y;  // the control is on the bar itself
    const bottomLimit = (bar && !inBar ? bar.y : vh) - 2;
    if (!n.clipped && n.y >= 0 && n.y + Math.min(n.h, 60) <= bottomLimit) return n;
    const vw = page.viewportSize().width;
    await page.mouse.move(Math.min(vw - 30, vw * 0.75), vh * 0.45);
    const dy = n.y < 0 ? -Math.max(120, -n.y + 60) : Math.max(120, Math.min(600, n.y - vh / 3));
    await page.mouse.wheel(0, dy);
    await settle(page, 50);
  }
  throw new Error(`could not scroll "${name}" into view`);
}

// A tap (mouse click) in the middle of the control.
export async function tap(page, name, opts = {}) {
  const n = await reveal(page, name, opts);
  await page.mouse.click(n.x + Math.min(n.w / 2, 40), n.y + n.h / 2);
  await settle(page);
  return n;
}

// Taps a field and types into it through the keyboard (the mirror's input is the
// field the browser's keyboard types into). `clear` selects what is there first.
export async function typeInto(page, name, text, { clear = true } = {}) {
  const n = await tap(page, name);
  assert(['textbox', 'textarea', 'spinbutton'].includes(n.role), `"${name}" is a ${n.role}, not a text field`);
  await until(page, () => ['INPUT', 'TEXTAREA'].includes(document.activeElement && document.activeElement.tagName),
    null, `keyboard focus in "${name}"`);
  if (clear && n.value) {
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
  }
  // Short text key by key; longer text as one insertion, as a paste, dictation or
  // an on-screen keyboard's suggestion arrives (software GL makes each key's frame
  // slow in the test browser).
  if (text.length <= 12) await page.keyboard.type(text, { delay: 20 });
  else await page.keyboard.insertText(text);
  await settle(page);
  const after = await find(page, name);
  assert(after && (after.value || '').includes(text.slice(0, 20)),
    `"${name}" should hold "${text}" after typing, holds "${after && after.value}"`);
}

// Opens a combo box and taps one of its options.
export async function choose(page, comboName, optionName) {
  await tap(page, comboName, { role: 'combobox' });
  await until(page, (o) => window.doorstep.semantics().nodes.some((n) => n.role === 'option' && n.name === o),
    optionName, `option "${optionName}" of "${comboName}"`);
  const o = await find(page, optionName, { role: 'option' });
  await page.mouse.click(o.x + Math.min(o.w / 2, 60), o.y + o.h / 2);
  await settle(page);
  const after = await find(page, comboName, { role: 'combobox' });
  assert(after.value === optionName, `"${comboName}" should show "${optionName}", shows "${after.value}"`);
}

// The screen's navigation: the tabs or rail, or the Menu on the narrowest screens.
export async function goTo(page, screen) {
  // Narrow screens keep some destinations behind "More" (tabs) or "Menu" (top bar).
  if (!(await find(page, screen, { role: 'button' }))) {
    const more = (await find(page, 'More', { role: 'button' })) ? 'More' : 'Menu';
    await tap(page, more, { role: 'button' });
    await waitForTitle(page, 'Menu');
  }
  await tap(page, screen, { role: 'button' });
  await waitForTitle(page, screen === 'New contact' ? 'New contact' : screen);
}

export async function lastMessage(page) {
  return page.evaluate(() => window.doorstep.lastMessage());
}

// Loads the sample cases through Settings, as a person would.
export async function loadSampleData(page) {
  await goTo(page, 'Settings');
  await tap(page, 'Load sample data', { role: 'button' });
  await waitForTitle(page, 'Load sample data');
  await tap(page, 'Load sample data', { role: 'button' });
  await waitForTitle(page, 'Settings', 30000);
  const message = await lastMessage(page);
  assert(/sample cases loaded/.test(message), `loading sample data said: ${message}`);
}

// Logs a complaint through New contact, as an officer would, and waits for its case screen.
export async function logComplaint(page, name, {
  address = '3 Example Court, Sampletown', postcode = 'ZZ99 3EV',
  words = 'Black mould is spreading on the bedroom wall and the window frame.',
  want = 'The damp fixed and the room made safe', category = 'Repairs',
} = {}) {
  await goTo(page, 'New contact');
  await typeInto(page, "Resident's name", name);
  await typeInto(page, 'Address', address);
  await typeInto(page, 'Postcode', postcode);
  await typeInto(page, 'In their own words', words);
  await typeInto(page, 'What they want to happen', want);
  await tap(page, 'Complaint', { role: 'radio' });
  if (category) await choose(page, 'Category', category);
  await tap(page, 'Log complaint', { role: 'button' });
  await waitForTitle(page, `${name}, `);
}

// Opens a case from the Cases list by the resident's name.
export async function openCase(page, name) {
  await goTo(page, 'Cases');
  const row = (await semantics(page)).nodes.find((n) => n.role === 'link' && n.name.includes(name));
  assert(row, `the case of ${name} is listed`);
  await tap(page, row.name, { role: 'link' });
  await waitForTitle(page, `${name}, `);
}
