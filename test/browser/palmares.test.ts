import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expectNoAxeViolations, expectPageStructure, expectVisibleFocus, skipWithoutBrowser, tabTo, useBrowser } from '../support/browser.ts';
import { seedLabelHistory } from '../support/results-fixture.ts';
import { useTestServer } from '../support/test-server.ts';

describe('palmarès pages and map (Chromium, axe-core)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });

  test('/palmares before any publication: zero axe violations', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/palmares`);
    assert.match(await page.locator('main').innerText(), /Aucun palmarès n’est encore publié/);
    await expectNoAxeViolations(page);
    await expectPageStructure(page);
    await seedLabelHistory(server.database.db);
  });

  test('zero axe violations on /palmares and /palmares/2023, with and without filters, both map modes', async () => {
    const page = await browser.newPage();
    for (const url of [
      '/palmares',
      '/palmares/2023',
      '/palmares/2023?region=52&distinction=verte',
      '/palmares/2023?departement=49',
      '/palmares/2023?categorie=ville&strate=lt3k',
      '/palmares/2023?region=99',
      '/palmares/2019',
      '/palmares/2023/carte',
      '/palmares/2023/carte?carte=niveau',
      '/palmares/2023/carte?departement=49&carte=niveau',
      '/palmares/2023/carte?region=99&carte=relief',
    ]) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${server.url}${url}`);
      await expectNoAxeViolations(page);
      // The map's pages: their data table, a link away, too.
      const mapTable = page.locator('.france-map__data > a');
      if (url.includes('/carte')) {
        await mapTable.click();
        await page.waitForSelector('#legende-donnees-carte, .palmares-map > p');
        await expectNoAxeViolations(page);
        await expectPageStructure(page);
        await page.goBack();
      } else assert.equal(await mapTable.count(), 0, `${url}: the map is on its own page`);
      await expectPageStructure(page);
    }
  });

  test('Tab reaches a département of the map, with a visible focus, and Enter opens its list', async () => {
    const page = await browser.newPage();
    // Smooth scrolling would leave the focused element still on its way into view when checked.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${server.url}/palmares/2023/carte`);
    await tabTo(page, 'svg a[data-departement="49"]', 60);
    await expectVisibleFocus(page);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineWidth);
    assert.equal(outline, '3px');
    const name = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
    assert.equal(name?.replace(/\s/g, ' '), 'Maine-et-Loire : 2 territoires labellisés, niveau moyen 5');
    await Promise.all([page.waitForURL(/departement=49/), page.keyboard.press('Enter')]);
    assert.match(await page.locator('#laureats').innerText(), /Lauréats\s: 2 territoires labellisés/);
    assert.deepEqual(await page.locator('.palmares-level__list > li > a').allInnerTexts(), ['Angers', 'Trélazé']);
  });

  test('works without JavaScript: filters, map mode and map links are plain GET forms and links', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/palmares/2023`);
    await page.selectOption('#champ-region', '52');
    await Promise.all([page.waitForURL(/region=52/), page.getByRole('button', { name: 'Filtrer' }).click()]);
    assert.deepEqual(await page.locator('.palmares-level__list > li > a').allInnerTexts(), ['Angers', 'Trélazé']);
    await Promise.all([
      page.waitForURL(/\/palmares\/2023\/carte\?region=52/),
      page.getByRole('link', { name: 'Voir la carte des lauréats par département' }).click(),
    ]);
    await page.getByLabel('le niveau moyen').check();
    await Promise.all([page.waitForURL(/carte=niveau/), page.getByRole('button', { name: 'Afficher' }).click()]);
    assert.match(page.url(), /region=52/, 'the map mode form keeps the filters');
    assert.match(await page.locator('.map-legend').first().innerText(), /de 4,5 à 5/);
    await Promise.all([page.waitForURL(/departement=49/), page.locator('svg a[data-departement="49"]').click()]);
    assert.match(page.url(), /region=52/);
    assert.match(page.url(), /carte=niveau/);
    assert.match(await page.locator('#laureats').innerText(), /2 territoires/);
    await page.getByRole('link', { name: 'Retirer le filtre Région : Pays de la Loire' }).click();
    assert.doesNotMatch(page.url(), /region=/);
    assert.match(page.url(), /departement=49/);
  });
});
