import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { expectNoAxeViolations, expectPageStructure, skipWithoutBrowser, tabTo, useBrowser } from '../support/browser.ts';
import { seedLabelHistory } from '../support/results-fixture.ts';
import { useTestServer } from '../support/test-server.ts';

describe('open data page (Chromium, axe-core)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });
  before(async () => {
    await seedLabelHistory(server.database.db);
  });

  test('/open-data: zero axe violations, one h1, no horizontal scroll at 320 px', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/open-data`);
    await expectNoAxeViolations(page);
    await expectPageStructure(page);
    await expectNoAxeViolations(page);
  });

  test('the keyboard reaches every download link, in order, each with a visible focus and a name saying which file', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    // Focus scrolls the page at once (no smooth scrolling) so that each link is on screen when checked.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${server.url}/open-data`);
    const links = await page
      .locator('main a[href^="/open-data/"]')
      .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, name: (a.textContent ?? '').replace(/\s+/g, ' ').trim() })));
    // The workbook, 3 files for each of the 4 datasets, 3 for each of the 7 published editions.
    assert.equal(links.length, 1 + 4 * 3 + 7 * 3);
    assert.equal(new Set(links.map((l) => l.name)).size, links.length, 'two links with the same name');
    // As a keyboard user does: the skip link first, then Tab through the content. (The first Tab
    // also gives the page the focus, which Chromium applies a moment later: it is not checked.)
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(/#contenu$/), page.keyboard.press('Enter')]);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'contenu');
    for (const link of links) await tabTo(page, `a[href="${link.href}"]`);
  });
});
