// Finding a territory in Chromium: with JavaScript off (plain forms and links), and with it on
// (suggestions as you type in the directory’s search field).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { skipWithoutBrowser, useBrowser } from '../support/browser.ts';
import { useTestServer } from '../support/test-server.ts';

type ApiList = { items: { code: string; name: string; population: number | null }[]; total: number };

describe('finding a territory (Chromium)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });

  const api = async <T = ApiList>(path: string): Promise<T> => (await fetch(server.url + path)).json() as Promise<T>;
  const digits = (text: string) => text.replace(/\D/g, '');
  // Names as the page prints them, in French typography (L’Haÿ), to compare with the API's (L'Haÿ).
  const resultNames = async (page: Page) => (await page.locator('.result-list a').allInnerTexts()).map((name) => name.replace(/’/g, "'"));

  describe('with JavaScript off', () => {
    let page: Page;
    before(async () => {
      page = await browser.newPage({ javaScriptEnabled: false });
    });

    test('searches "trelaze" from the home page, opens Trélazé and reads its population', async () => {
      await page.goto(server.url + '/');
      await page.getByRole('searchbox', { name: /Chercher une commune/ }).fill('trelaze');
      await Promise.all([page.waitForURL((url) => url.pathname === '/territoires'), page.getByRole('searchbox').press('Enter')]);
      assert.equal(new URL(page.url()).searchParams.get('q'), 'trelaze');

      await Promise.all([page.waitForURL('**/territoires/49353'), page.getByRole('link', { name: 'Trélazé', exact: true }).click()]);
      assert.equal(await page.locator('h1').innerText(), 'Trélazé');
      const { population } = await api<{ population: number }>('/api/v1/territories/49353');
      assert.ok(population > 10_000);
      const shown = await page
        .locator('dt', { hasText: /^Population$/ })
        .locator('xpath=following-sibling::dd[1]')
        .innerText();
      assert.equal(digits(shown), String(population), `population shown: ${shown}`);
      assert.match(shown, /habitants/);
    });

    test('filters the directory by kind and région by submitting the form', async () => {
      await page.goto(server.url + '/territoires');
      await page.getByLabel('Type').selectOption({ label: 'Intercommunalité' });
      await page.getByLabel('Région').selectOption({ label: 'Pays de la Loire' });
      await Promise.all([page.waitForURL((url) => url.searchParams.has('kind')), page.getByRole('button', { name: 'Filtrer' }).click()]);

      const params = new URL(page.url()).searchParams;
      assert.equal(params.get('kind'), 'epci');
      assert.equal(params.get('region'), '52');
      const expected = await api('/api/v1/territories?kind=epci&region=52');
      const all = await api('/api/v1/territories?kind=epci');
      assert.ok(expected.total > 20 && expected.total < all.total, 'the filter narrows the list');
      assert.equal(digits(await page.locator('#titre-resultats').innerText()), String(expected.total));
      assert.deepEqual(
        await resultNames(page),
        expected.items.map((t) => t.name),
      );
      assert.equal(await page.getByLabel('Type').inputValue(), 'epci', 'the form shows the active filter');
    });

    test('follows the pagination links, which keep the filters', async () => {
      await page.goto(server.url + '/territoires?kind=epci&region=52');
      const page2 = await api('/api/v1/territories?kind=epci&region=52&page=2');
      const page1 = await api('/api/v1/territories?kind=epci&region=52');

      await Promise.all([page.waitForURL((url) => url.searchParams.get('page') === '2'), page.getByRole('link', { name: 'Page suivante' }).click()]);
      const params = new URL(page.url()).searchParams;
      assert.equal(params.get('kind'), 'epci');
      assert.equal(params.get('region'), '52');
      assert.deepEqual(
        await resultNames(page),
        page2.items.map((t) => t.name),
      );
      assert.equal(await page.locator('.pagination [aria-current="page"]').innerText(), '2');

      await Promise.all([page.waitForURL((url) => !url.searchParams.has('page')), page.getByRole('link', { name: 'Page précédente' }).click()]);
      assert.deepEqual(
        await resultNames(page),
        page1.items.map((t) => t.name),
      );
    });
  });

  describe('with JavaScript on', () => {
    test('typing "trela" in the directory search field suggests Trélazé', async () => {
      const page = await browser.newPage({ javaScriptEnabled: true });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(server.url + '/territoires');
      const field = page.locator('#champ-q');
      assert.equal(await field.getAttribute('list'), 'suggestions-territoires');
      await field.focus();
      await field.pressSequentially('trela', { delay: 40 });
      await page.waitForFunction(
        () => [...document.querySelectorAll('#suggestions-territoires option')].some((o) => (o as HTMLOptionElement).value === 'Trélazé'),
        undefined,
        { timeout: 5_000 },
      );
      const options = await page.locator('#suggestions-territoires option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      assert.ok(options.length <= 10, `a short list of suggestions: ${options.join(', ')}`);
      assert.deepEqual(errors, [], 'no JavaScript or Content-Security-Policy error');
    });
  });
});
