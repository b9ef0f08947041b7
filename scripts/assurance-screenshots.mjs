#!/usr/bin/env node
// Screenshots of the assurance screens at the three sizes officers use (1024x768,
// 768x1024, 390x844 at 2x), with the sample data loaded, driven through the real UI
// (tests/browser/ui-driver.mjs), into docs/screenshots/:
//   assurance-quality-<size>.png         a month's sample drawn, the checklist of one check
//   assurance-case-study-<size>.png      a closed complaint's case study for the tenant panel
//   assurance-non-compliance-<size>.png  exceptional non-compliance events (8.5)
//   self-assessment-actions-<size>.png   a provision with its answer, evidence and actions
//   self-assessment-sign-off-<size>.png  sign-off by the lead officer and the Member Responsible
//
//   node scripts/assurance-screenshots.mjs [--site build/web/site] [--out docs/screenshots] [--only 390x844]
import { atEachSize, screenshotSetup, scrollToTop, writeShot } from './screenshot-kit.mjs';
import { find, goTo, loadSampleData, semantics, tap, typeInto, until } from '../tests/browser/ui-driver.mjs';

const { site, out, sizes: SIZES } = screenshotSetup('assurance-screenshots');

async function shot(page, size, name) {
  await writeShot(page, out, size, name);
}

await atEachSize('assurance screenshots', site, SIZES, async (page, size) => {
  await loadSampleData(page);

  // Quality checks: last month's sample, then one check's checklist.
  await goTo(page, 'Assurance');
  await typeInto(page, 'Seed', '4242');
  await tap(page, 'Draw the sample', { role: 'button' });
  const open = (await semantics(page)).nodes.find((n) => n.role === 'button' && /^Check \S+-\d{6}$/.test(n.name));
  if (!open) throw new Error('the sample has no check to do');
  await tap(page, open.name, { role: 'button' });
  await until(page, () => window.doorstep.semantics().nodes.some((n) => n.role === 'heading' && n.name.startsWith('Check of ')),
    null, 'the check');
  await scrollToTop(page, `Check of ${open.name.slice(6)}`, { phoneTop: 70 });
  await shot(page, size, 'assurance-quality');
  await tap(page, "Back to the month's sample", { role: 'button' });

  // A case study: a case from the sample, its panel summary reviewed.
  await tap(page, 'Case studies', { role: 'radio' });
  await typeInto(page, 'Find a closed complaint', open.name.slice(6));
  const row = (await semantics(page)).nodes.find((n) => n.role === 'button' && n.name.startsWith(open.name.slice(6) + ' '));
  await tap(page, row.name, { role: 'button' });
  await typeInto(page, 'Summary for the panel',
    'The resident reported a leak twice before it was fixed. The response apologised and paid for the delay.');
  await typeInto(page, 'Reviewed by', 'Quinn Checker');
  await tap(page, 'Mark reviewed for the panel', { role: 'button' });
  await scrollToTop(page, 'What the study shows', { phoneTop: 70 });
  await shot(page, size, 'assurance-case-study');

  await tap(page, 'Choose another case', { role: 'button' }).catch(() => {});
  await tap(page, 'Non-compliance', { role: 'radio' });
  await shot(page, size, 'assurance-non-compliance');

  // Self-assessment: a provision with its actions, then the sign-off.
  await goTo(page, 'Self-assessment');
  if (await find(page, 'Start the self-assessment', { role: 'button' })) await tap(page, 'Start the self-assessment', { role: 'button' });
  await tap(page, 'Start an extra assessment', { role: 'button' });
  await typeInto(page, 'What changed', '800 homes from Example Housing');
  await tap(page, 'Start the extra assessment', { role: 'button' });
  const withAction = (await semantics(page)).nodes.find((n) => n.role === 'heading' && /^Actions for 6\./.test(n.name));
  const provision = withAction ? withAction.name.slice('Actions for '.length) : '6.1';
  await scrollToTop(page, `${provision} (must)`, { phoneTop: 70 }).catch(() => scrollToTop(page, `${provision} (should)`, { phoneTop: 70 }));
  await shot(page, size, 'self-assessment-actions');
  await scrollToTop(page, 'Sign-off', { phoneTop: 70 });
  await shot(page, size, 'self-assessment-sign-off');
});
