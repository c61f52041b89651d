// Statistics, a territory’s label history and its badge in Chromium: axe-core, page structure at
// 320 px, keyboard access to the data tables, and the badge read by the browser’s own XML parser.
import assert from 'node:assert/strict';
import { afterEach, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations, expectPageStructure, skipWithoutBrowser, tabTo, useBrowser, type PageOptions } from '../support/browser.ts';
import { LAUREATES, seedLabelHistory } from '../support/results-fixture.ts';
import { useTestServer } from '../support/test-server.ts';

const NEVER_LABELLED = '49028'; // Béhuard

describe('statistics, label history and badge (Chromium, axe-core)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });
  before(async () => {
    await seedLabelHistory(server.database.db);
  });

  // One window at a time, as a person uses it: a page left open by an earlier test could keep the
  // focus, and the page under test would then show no :focus style.
  const opened: Page[] = [];
  const newPage = async (options?: PageOptions) => {
    const page = await browser.newPage(options);
    opened.push(page);
    return page;
  };
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.context().close();
  });

  /**
   * The first Tab reaches the skip link, which slides into view: under load Chromium can report its
   * old position for a moment, so wait until it is on screen before tabbing on with tabTo’s checks.
   */
  async function tabToSkipLink(page: Page) {
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skip-link', 'the first Tab reaches the skip link');
    let top = -1;
    for (let i = 0; i < 50 && top < 0; i++) {
      top = await page.evaluate(() => document.activeElement!.getBoundingClientRect().top);
      if (top < 0) await page.waitForTimeout(20);
    }
    assert.ok(top >= 0, 'the focused skip link comes into view');
  }

  test('zero axe violations and a sound structure: statistics (default, another edition, a notice) and territory pages', async () => {
    const page = await newPage();
    for (const url of [
      '/statistiques',
      '/statistiques?edition=2019',
      '/statistiques?edition=2024',
      `/territoires/${LAUREATES.trelaze}`,
      `/territoires/${LAUREATES.trilport}`,
      `/territoires/${NEVER_LABELLED}`,
    ]) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${server.url}${url}`);
      await expectNoAxeViolations(page);
      await expectPageStructure(page);
      // At 320 px too (expectPageStructure leaves the page that wide): the charts shrink, nothing overflows.
      await expectNoAxeViolations(page);
    }
  });

  test('the form changes the edition without JavaScript, and the keyboard reaches each data table', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    // Focus scrolls at once (no smooth scrolling) so the focused element is on screen when checked.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${server.url}/statistiques`);
    await page.getByLabel('Édition', { exact: true }).selectOption('2021');
    await Promise.all([page.waitForURL(/edition=2021/), page.getByRole('button', { name: 'Afficher' }).click()]);
    assert.equal(await page.locator('#detail').innerText(), 'L’édition 2021 en détail');
    await page.goto(`${server.url}/statistiques`);
    await tabToSkipLink(page);
    for (const id of [
      'graphique-niveaux-tableau',
      'graphique-evolution-tableau',
      'graphique-moyenne-tableau',
      'graphique-regions-tableau',
      'graphique-strates-tableau',
      'graphique-categories-tableau',
    ]) {
      await tabTo(page, `.table-wrapper[aria-labelledby="${id}"]`, 60);
    }
  });

  test('on a 320 px screen, a focused table scrolls sideways with the arrow keys', async () => {
    const page = await newPage({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${server.url}/statistiques`);
    await tabToSkipLink(page);
    await tabTo(page, '.table-wrapper[aria-labelledby="graphique-niveaux-tableau"]', 60);
    const region = page.locator('.table-wrapper[aria-labelledby="graphique-niveaux-tableau"]');
    assert.ok(await region.evaluate((el) => el.scrollWidth > el.clientWidth), 'seven columns are wider than 320 px');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    // Chromium animates a keyboard scroll: wait for it to move rather than read it at once.
    let scrolled = 0;
    for (let i = 0; i < 50 && scrolled === 0; i++) {
      await page.waitForTimeout(20);
      scrolled = await region.evaluate((el) => el.scrollLeft);
    }
    assert.ok(scrolled > 0, 'the table scrolls with the keyboard');
  });

  test('each chart is an image named by its title, with the same figures in its table', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/statistiques`);
    const names = await page.getByRole('img').evaluateAll((imgs) => imgs.map((img) => img.getAttribute('aria-labelledby')));
    assert.deepEqual(names, [
      'graphique-niveaux-titre',
      'graphique-evolution-titre',
      'graphique-moyenne-titre',
      'graphique-regions-titre',
      'graphique-strates-titre',
      'graphique-categories-titre',
    ]);
    assert.ok(await page.getByRole('img', { name: 'Territoires labellisés par niveau et par édition' }).isVisible());
    const totals = await page.locator('svg[aria-labelledby="graphique-niveaux-titre"] text.chart__value').allTextContents();
    const tableTotals = await page.locator('.table-wrapper[aria-labelledby="graphique-niveaux-tableau"] tbody td:last-child').allInnerTexts();
    assert.deepEqual(totals, tableTotals);
  });

  test('the territory page: the timeline as an image, the badge shown, and its snippet selectable by keyboard', async () => {
    const page = await newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${server.url}/territoires/${LAUREATES.trelaze}`);
    assert.ok(await page.getByRole('img', { name: 'Niveau de Trélazé au label, par édition' }).isVisible());
    await tabToSkipLink(page);
    await tabTo(page, '.table-wrapper[aria-labelledby="graphique-label-tableau"]', 60);
    await tabTo(page, '#code-badge', 10);
    const badge = page.getByRole('img', { name: 'Trélazé : Label arobase 5 @ en 2023' });
    assert.ok(await badge.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0), 'the badge image loads');
    const snippet = await page.locator('#code-badge').inputValue();
    assert.ok(snippet.startsWith(`<a href="${server.url}/territoires/49353"><img src="${server.url}/badges/49353.svg"`), snippet);
    assert.equal(await page.locator('#code-badge').getAttribute('readonly'), '');
  });

  test('the badge is well-formed SVG for the browser’s XML parser, and loads in another site’s page', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/statistiques`);
    for (const code of [LAUREATES.trelaze, NEVER_LABELLED, '94038']) {
      const parsed = await page.evaluate(async (url) => {
        const text = await (await fetch(url)).text();
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        return {
          error: doc.querySelector('parsererror')?.textContent ?? null,
          root: doc.documentElement.nodeName,
          title: doc.querySelector('title')?.textContent,
        };
      }, `/badges/${code}.svg`);
      assert.equal(parsed.error, null, `${code}: ${parsed.error}`);
      assert.equal(parsed.root, 'svg');
      assert.ok(parsed.title && parsed.title.length > 5);
    }
    // Another origin (a data: page) embeds the badge with <img>: allowed by its resource policy.
    const other = await newPage();
    await other.setContent(`<img id="b" src="${server.url}/badges/${LAUREATES.trelaze}.svg" alt="badge">`);
    await other.waitForFunction(() => (document.getElementById('b') as HTMLImageElement).complete);
    assert.ok(await other.locator('#b').evaluate((img) => (img as HTMLImageElement).naturalWidth > 0), 'the badge loads from another origin');
  });
});
