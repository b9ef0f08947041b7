// Keyboards that fit the field (issue 24): each text field's DOM twin tells a
// tablet which on-screen keyboard to raise (inputmode) and whether to capitalise
// and autocorrect, so a phone number gets a number pad, an email the email
// keyboard, a name is never "corrected" and a postcode comes out in capitals.
import { test, assert, assertEqual } from './lib.mjs';
import { goTo, semantics, settle, until } from './ui-driver.mjs';

async function twin(page, name) {
  return page.evaluate((n) => {
    const node = window.doorstep.semantics().nodes.find((x) => x.name === n);
    const el = node && document.getElementById('m' + node.id);
    if (!el) return null;
    return {
      tag: el.tagName.toLowerCase(),
      inputmode: el.getAttribute('inputmode'),
      autocapitalize: el.getAttribute('autocapitalize'),
      autocorrect: el.getAttribute('autocorrect'),
      spellcheck: el.spellcheck,
    };
  }, name);
}

test('New contact: phone, email, postcode, date and name fields raise the keyboard that fits', async (t) => {
  const { page } = await t.openApp({ viewport: { width: 768, height: 1024 } });
  await settle(page);
  await goTo(page, 'New contact');
  const expected = {
    "Resident's name": ['text', 'words', 'off', false],
    Postcode: ['text', 'characters', 'off', false],
    Phone: ['tel', 'none', 'off', false],
    Email: ['email', 'none', 'off', false],
    'Date received': ['decimal', 'none', 'off', false],
    'In their own words': ['text', 'sentences', 'on', true],
  };
  for (const [name, [inputmode, autocapitalize, autocorrect, spellcheck]] of Object.entries(expected)) {
    const el = await twin(page, name);
    assert(el, `no DOM twin for "${name}"`);
    assertEqual(el.inputmode, inputmode, `${name}: inputmode`);
    assertEqual(el.autocapitalize, autocapitalize, `${name}: autocapitalize`);
    assertEqual(el.autocorrect, autocorrect, `${name}: autocorrect`);
    assertEqual(el.spellcheck, spellcheck, `${name}: spellcheck`);
  }
  assertEqual((await twin(page, 'In their own words')).tag, 'textarea', 'own words is a textarea');
});

test('"/" or Ctrl+F takes the keyboard to the search on Cases from any screen', async (t) => {
  const { page } = await t.openApp({ viewport: { width: 1024, height: 768 } });
  await settle(page);
  for (const [keys, from] of [['/', 'Today'], ['Control+f', 'Settings']]) {
    await goTo(page, from);
    await page.keyboard.press(keys);
    await until(page, () => {
      const n = window.doorstep.semantics().nodes.find((x) => x.focused);
      const el = document.activeElement;
      return n && n.name === 'Search' && el && el.id === 'm' + n.id;
    }, null, `${keys} on ${from}: focus in Search`);
    assert((await semantics(page)).title.startsWith('Cases'), `${keys}: the Cases screen`);
    await page.keyboard.type('zz', { delay: 20 });
    await settle(page);
    const search = (await semantics(page)).nodes.find((n) => n.name === 'Search');
    assertEqual(search.value, 'zz', `${keys}: typing goes into the search`);
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Escape');
    await settle(page);
  }
});
