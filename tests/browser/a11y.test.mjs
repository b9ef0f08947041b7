// Accessibility of every screen: axe finds no WCAG 2.2 A/AA violations in the
// page and the DOM mirror; Chromium's own accessibility tree has the right roles
// and names; a screen-reader-style run works using only the mirror's elements;
// and a keyboard-only run can log a complaint and open and close a form.
import AxeBuilder from '@axe-core/playwright';
import { test, assert, assertEqual, sleep } from './lib.mjs';
import {
  find, goTo, lastMessage, loadSampleData, semantics, settle, tap, until, waitForTitle,
} from './ui-driver.mjs';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function axe(page, where) {
  await settle(page);
  const result = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  const out = result.violations.map((v) =>
    `${where}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  // Every control is described by its screen, not left for ImGui's item hooks to find.
  for (const n of (await semantics(page)).nodes.filter((x) => x.from_hook)) out.push(`${where}: "${n.name}" (${n.role}) not described by the screen`);
  return out;
}

// The first case row on the Cases screen (a link whose name starts with the resident).
async function openFirstCase(page) {
  await goTo(page, 'Cases');
  const row = (await semantics(page)).nodes.find((n) => n.role === 'link' && !n.clipped);
  assert(row, 'a case row on the Cases screen');
  const c = await page.evaluate(() => document.getElementById('canvas').getBoundingClientRect());
  await page.mouse.click(row.x + c.left + 40, row.y + c.top + row.h / 2);
  await until(page, () => window.doorstep.semantics().nodes.some((n) => n.role === 'button' && n.name.startsWith('Back to')),
    null, 'the case screen');
  await settle(page);
}

test('axe: no WCAG 2.2 AA violations on any screen', async (t) => {
  const { page } = await t.openApp({ viewport: { width: 1024, height: 768 } });
  await settle(page);
  const problems = [];
  problems.push(...await axe(page, 'Today (empty)'));
  await loadSampleData(page);
  problems.push(...await axe(page, 'Settings'));
  for (const screen of ['Today', 'Cases', 'New contact', 'Reports', 'Self-assessment', 'Letters']) {
    await goTo(page, screen);
    problems.push(...await axe(page, screen));
  }
  await openFirstCase(page);
  problems.push(...await axe(page, 'Case'));
  await tap(page, 'Add a note', { role: 'button' });
  await waitForTitle(page, 'Add a note');
  problems.push(...await axe(page, 'Add a note form'));
  await page.keyboard.press('Escape');
  await settle(page);
  await tap(page, 'Letters for this case', { role: 'button' }).catch(() => {});
  await settle(page);
  problems.push(...await axe(page, 'Letters for a case'));
  await goTo(page, 'Settings');
  await tap(page, 'Accessibility statement', { role: 'button' });
  await waitForTitle(page, 'Accessibility statement');
  problems.push(...await axe(page, 'Accessibility statement'));
  assert(problems.length === 0, `axe found:\n${problems.join('\n')}`);
}, { timeout: 300_000 });

test('axe: narrow phone layout with the menu and 200% text', async (t) => {
  const { page } = await t.openApp({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  await settle(page);
  const problems = [];
  problems.push(...await axe(page, 'Today (phone)'));
  await goTo(page, 'Settings');
  await tap(page, '200%', { role: 'radio' });
  await settle(page, 500);
  problems.push(...await axe(page, 'Settings at 200% (phone)'));
  await tap(page, 'Menu', { role: 'button' });
  await waitForTitle(page, 'Menu');
  problems.push(...await axe(page, 'Menu (phone)'));
  // Nothing is cut off at 200%: every control is at least 44 px and inside the screen's width.
  const tree = await semantics(page);
  for (const n of tree.nodes.filter((x) => ['button', 'textbox', 'checkbox', 'radio', 'combobox'].includes(x.role))) {
    assert(n.h >= 44 && n.w >= 44, `"${n.name}" is ${n.w}x${n.h}, smaller than 44 px`);
    assert(n.x >= 0 && n.x + n.w <= 390 + 0.5, `"${n.name}" runs off the screen (${n.x}+${n.w})`);
  }
  // 320 CSS px wide (WCAG 1.4.10) at 200% text: the New contact form still fits.
  await page.setViewportSize({ width: 320, height: 640 });
  await settle(page, 400);
  await goTo(page, 'New contact');
  for (const n of (await semantics(page)).nodes.filter((x) => ['button', 'textbox', 'textarea', 'checkbox', 'radio', 'combobox'].includes(x.role))) {
    assert(n.x >= 0 && n.x + n.w <= 320 + 0.5, `at 320 px "${n.name}" runs off the screen (${n.x}+${n.w})`);
    assert(n.h >= 44, `at 320 px "${n.name}" is ${n.h} px tall`);
  }
  problems.push(...await axe(page, 'New contact at 320 px, 200%'));
  assert(problems.length === 0, `axe found:\n${problems.join('\n')}`);
}, { timeout: 180_000 });

test("Chromium's accessibility tree: roles and names of buttons, fields and headings", async (t) => {
  const { page } = await t.openApp({ viewport: { width: 1024, height: 768 } });
  await goTo(page, 'New contact');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const has = (role, name) => nodes.some((n) => !n.ignored && n.role && n.role.value === role && n.name && n.name.value === name);
  const expected = [
    ['heading', 'New contact'], ['heading', 'Who'], ['textbox', "Resident's name"], ['textbox', 'Postcode'],
    ['textbox', 'In their own words'], ['checkbox', 'Large print letters'], ['radio', 'Complaint'],
    ['radio', 'Service request'], ['combobox', 'Category'], ['button', 'Log complaint'], ['button', 'Today'],
    ['button', 'Cases'], ['button', 'Settings'], ['navigation', 'Main menu'], ['main', 'New contact'],
  ];
  const missing = expected.filter(([r, n]) => !has(r, n)).map(([r, n]) => `${r} "${n}"`);
  assert(missing.length === 0, `not in Chromium's accessibility tree: ${missing.join(', ')}`);
  const h1 = nodes.find((n) => n.role && n.role.value === 'heading' && n.name && n.name.value === 'New contact');
  const level = (h1.properties || []).find((p) => p.name === 'level');
  assertEqual(level && level.value.value, 1, 'the screen title is a level 1 heading');
  const title = await page.title();
  assert(title.startsWith('New contact'), `page title follows the screen: "${title}"`);
  // Nothing a person can press was left for the item hooks to find.
  const forgotten = (await semantics(page)).nodes.filter((n) => n.from_hook).map((n) => n.name);
  assert(forgotten.length === 0, `controls not described by the screen: ${forgotten.join(', ')}`);
});

test('screen reader style: log a complaint using only the mirror elements', async (t) => {
  const { page } = await t.openApp({ viewport: { width: 1024, height: 768 } });
  await settle(page);
  // What a screen reader does: find by role and name, activate, type into the field.
  // A screen reader moves its focus to an element, then activates it.
  const press = async (role, name) => {
    await page.getByRole(role, { name, exact: true }).first().evaluate((el) => { el.focus(); el.click(); });
    await settle(page);
  };
  await press('button', 'New contact');
  await until(page, () => document.title.startsWith('New contact'), null, 'New contact title');
  await until(page, () => document.activeElement && document.activeElement.tagName === 'H1', null,
    'focus on the screen heading after the screen opens');
  const fill = async (name, text) => {
    const field = page.getByRole('textbox', { name, exact: true }).first();
    await field.focus();
    await field.fill(text, { force: true });
    await settle(page);
    const node = await find(page, name);
    assertEqual(node.value, text, `value of "${name}" in the app`);
  };
  await fill("Resident's name", 'Robin Readertest');
  await fill('In their own words', 'My neighbour’s noise complaint was closed without anyone calling me.');
  await press('radio', 'Complaint');
  const radio = await find(page, 'Complaint', { role: 'radio' });
  assert(radio.checked, 'the radio is checked after activation through the mirror');
  assert(await page.getByRole('radio', { name: 'Complaint', exact: true }).first().isChecked(), 'the mirror radio says checked');
  await press('button', 'Log complaint');
  await until(page, () => window.doorstep.semantics().title.startsWith('Robin Readertest'), null, 'the case screen');
  // 21.8: the window's title names the case, never the resident (tabs and history show it).
  const windowTitle = await page.title();
  assert(/^Case DS-/.test(windowTitle) && !/Robin/.test(windowTitle), `the window title: ${windowTitle}`);
  const status = await page.evaluate(() => [...document.querySelectorAll('[role=status],[aria-live]')].map((e) => e.textContent).join(' '));
  assert(/logged for Robin Readertest/.test(status) || /logged for Robin Readertest/.test(await lastMessage(page)),
    `the confirmation is announced: ${status}`);
  assert(await page.getByRole('heading', { name: 'Robin Readertest', level: 1 }).count() === 1, 'the case heading');
});

test('keyboard only: Tab, Enter, Space and Escape', async (t) => {
  const { page } = await t.openApp({ viewport: { width: 1024, height: 768 } });
  await settle(page);
  const focused = async () => (await semantics(page)).nodes.find((n) => n.focused);
  const tabTo = async (name, role, max = 60) => {
    for (let i = 0; i < max; i++) {
      const f = await focused();
      // ImGui's focus and the page's focus (the mirror element) must agree.
      const dom = await page.evaluate(() => document.activeElement && document.activeElement.id);
      if (f && f.name === name && (!role || f.role === role) && dom === `m${f.id}`) return f;
      await page.keyboard.press('Tab');
      await settle(page, 80);
    }
    throw new Error(`Tab never reached "${name}" (at "${(await focused() || {}).name}")`);
  };
  await page.mouse.move(5, 5);
  await tabTo('New contact', 'button');
  await page.keyboard.press('Enter');
  await waitForTitle(page, 'New contact');
  await tabTo("Resident's name", 'textbox');
  await page.keyboard.type('Kim Keyboard');  // a field reached with Tab takes typing straight away
  await settle(page);
  assertEqual((await find(page, "Resident's name")).value, 'Kim Keyboard', 'typed with the keyboard');
  await page.keyboard.press('Tab');
  await settle(page);
  await tabTo('In their own words', 'textarea');
  await page.keyboard.type('The lift has been broken for a month.');
  await page.keyboard.press('Escape');  // leave the text box
  await settle(page);
  await tabTo('Complaint', 'radio');
  await page.keyboard.press('Space');
  await settle(page);
  assert((await find(page, 'Complaint', { role: 'radio' })).checked, 'Space chose the radio');
  await tabTo('Log complaint', 'button', 120);
  await page.keyboard.press('Enter');
  await waitForTitle(page, 'Kim Keyboard');
  // A form opens with focus in it, Escape closes it, and focus returns to its button.
  await tabTo('Add a note', 'button', 120);
  await page.keyboard.press('Enter');
  await waitForTitle(page, 'Add a note');
  const inForm = await focused();
  assert(inForm && inForm.role === 'textbox', `focus is in the form's first field (${inForm && inForm.name})`);
  await page.keyboard.press('Escape');
  await waitForTitle(page, 'Kim Keyboard');
  await sleep(100);
  await settle(page);
  const back = await focused();
  assert(back && back.name === 'Add a note', `focus returned to the button that opened the form (${back && back.name})`);
}, { timeout: 180_000 });

// ---- Chromium's accessibility tree agrees with the app's own, on every screen ------------------

// Chromium's accessibility tree (CDP), as {role, name, checked, expanded, level} per node.
async function chromiumTree(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('Accessibility.enable');
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const prop = (n, key) => {
      const p = (n.properties || []).find((x) => x.name === key);
      return p ? p.value.value : undefined;
    };
    return nodes.filter((n) => !n.ignored && n.role).map((n) => ({
      role: n.role.value,
      name: ((n.name && n.name.value) || '').replace(/\s+/g, ' ').trim(),
      checked: prop(n, 'checked'),
      expanded: prop(n, 'expanded'),
      level: prop(n, 'level'),
    }));
  } finally {
    await cdp.detach().catch(() => {});
  }
}

// What Chromium must say for each kind of control the app describes.
const AX_ROLE = {
  button: 'button', checkbox: 'checkbox', radio: 'radio', textbox: 'textbox', textarea: 'textbox',
  spinbutton: 'textbox', combobox: 'combobox', heading: 'heading', link: 'link', tab: 'tab',
};

// Every control and heading of the app's tree is in Chromium's tree with the same
// role and name, and the same checked / expanded state and heading level.
async function treesAgree(page, where) {
  const ours = (await semantics(page)).nodes.filter((n) => AX_ROLE[n.role] && n.name.trim());
  const theirs = await chromiumTree(page);
  const out = [];
  for (const n of ours) {
    const name = n.name.replace(/\s+/g, ' ').trim();
    const same = theirs.filter((a) => a.role === AX_ROLE[n.role] && a.name === name);
    if (!same.length) {
      out.push(`${where}: ${n.role} "${name}" is not in Chromium's tree as a ${AX_ROLE[n.role]}`);
      continue;
    }
    if (n.role === 'checkbox' || n.role === 'radio') {
      const want = n.checked ? 'true' : 'false';
      if (!same.some((a) => String(a.checked) === want)) out.push(`${where}: ${n.role} "${name}" checked=${want} in the app, ${same.map((a) => a.checked).join('/')} in Chromium`);
    }
    if (n.role === 'combobox' || n.expandable) {
      const want = !!n.expanded;
      if (!same.some((a) => !!a.expanded === want)) out.push(`${where}: ${n.role} "${name}" expanded=${want} in the app, ${same.map((a) => a.expanded).join('/')} in Chromium`);
    }
    if (n.role === 'heading' && !same.some((a) => a.level === n.level)) {
      out.push(`${where}: heading "${name}" is level ${n.level} in the app, ${same.map((a) => a.level).join('/')} in Chromium`);
    }
  }
  return { problems: out, checked: ours.length };
}

test("Chromium's accessibility tree matches the app's on every screen, states included", async (t) => {
  const { page } = await t.openApp({ viewport: { width: 1024, height: 768 } });
  await settle(page);
  await loadSampleData(page);
  const problems = [];
  let checked = 0;
  const check = async (where) => {
    await settle(page);
    const r = await treesAgree(page, where);
    problems.push(...r.problems);
    checked += r.checked;
  };
  for (const screen of ['Today', 'Cases', 'New contact', 'Letters', 'Reports', 'Self-assessment', 'Settings']) {
    await goTo(page, screen);
    await check(screen);
  }
  await openFirstCase(page);
  await check('Case');

  // States follow the UI: a checkbox ticked, a combo box opened and closed.
  await goTo(page, 'New contact');
  const box = await tap(page, 'Large print letters', { role: 'checkbox' });
  await settle(page);
  assert((await find(page, 'Large print letters', { role: 'checkbox' })).checked !== !!box.checked, 'the tap ticked the box');
  await check('New contact, box ticked');
  await tap(page, 'Category', { role: 'combobox' });
  await until(page, () => window.doorstep.semantics().nodes.some((n) => n.role === 'option'), null, 'the Category options');
  assert((await find(page, 'Category', { role: 'combobox' })).expanded, 'the combo box is open in the app');
  await check('New contact, Category open');
  const options = (await chromiumTree(page)).filter((a) => a.role === 'option');
  assert(options.length > 1, `Chromium lists the open combo box's options (${options.length})`);
  await page.keyboard.press('Escape');
  await until(page, () => !window.doorstep.semantics().nodes.some((n) => n.role === 'option'), null, 'the Category list closed');
  await check('New contact, Category closed');
  assert(checked > 100, `compared ${checked} controls and headings`);
  assert(problems.length === 0, `Chromium's tree disagrees with the app's:\n${problems.join('\n')}`);
}, { timeout: 300_000 });

// A screen reader's virtual cursor can activate a control that is scrolled out of
// view without moving focus to it first: the app scrolls it into view and does it.
test('activating a mirror element scrolled out of view scrolls to it and activates it', async (t) => {
  const { page } = await t.openApp({ viewport: { width: 1024, height: 600 } });
  await settle(page);
  await goTo(page, 'Settings');
  const target = await until(page, () => {
    const n = window.doorstep.semantics().nodes.find((x) => x.role === 'button' && x.name === 'Accessibility statement');
    return n || null;
  }, null, 'the "Accessibility statement" button');
  assert(target.clipped, `the button starts scrolled out of view (y ${target.y}): the test needs it clipped`);
  await page.evaluate((id) => document.getElementById('m' + id).click(), target.id);
  await waitForTitle(page, 'Accessibility statement');
  // And back: a button out of view again, activated the same way.
  const back = (await semantics(page)).nodes.find((x) => x.role === 'button' && /^Back/.test(x.name));
  assert(back, 'a Back button on the statement');
  await page.evaluate((id) => document.getElementById('m' + id).click(), back.id);
  await waitForTitle(page, 'Settings');
});
