// Report tables choose their column widths from their content (issue 24): a
// header is never broken mid-word ("Nu/mer/ato/r") and a case reference stays on
// one line, at the widths officers use (1024 and 1366 wide).
import { test, assert } from './lib.mjs';
import { goTo, loadSampleData, semantics, settle } from './ui-driver.mjs';

for (const width of [1024, 1366]) {
  test(`report tables at ${width} px: no word broken, references on one line`, async (t) => {
    const { page } = await t.openApp({ viewport: { width, height: 768 } });
    await settle(page);
    await loadSampleData(page);
    await goTo(page, 'Reports');
    const nodes = (await semantics(page)).nodes;
    const headers = nodes.filter((n) => n.role === 'columnheader');
    assert(headers.length > 20, `report tables shown (${headers.length} column headers)`);
    const line = Math.min(...headers.map((n) => n.h));
    const broken = headers.filter((n) => !/\s/.test(n.name.trim()) && n.h > line * 1.5);
    assert(broken.length === 0, `one-word headers broken over lines: ${broken.map((n) => `${n.name} (${n.h} px)`).join(', ')}`);
    const refs = nodes.filter((n) => n.role === 'cell' && /^(SAMPLE-)?DS-\d{4}-\d{6}$/.test(n.name));
    const wrapped = refs.filter((n) => n.h > line * 1.5);
    assert(wrapped.length === 0, `references wrapped: ${wrapped.slice(0, 5).map((n) => n.name).join(', ')}`);
  }, { timeout: 120_000 });
}
