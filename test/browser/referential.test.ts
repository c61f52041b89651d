// The referential’s pages in Chromium: zero axe-core violations, one h1, 320 px, no script of their own.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createUserWithPassword, logIn } from '../support/browser-accounts.ts';
import { expectNoAxeViolations, expectPageStructure, skipWithoutBrowser, useBrowser } from '../support/browser.ts';
import { useTestServer } from '../support/test-server.ts';

const PASSWORD = 'une phrase de passe assez longue';

describe('referential pages (Chromium, axe-core)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });
  let visitor: Page;
  let admin: Page;

  before(async () => {
    await createUserWithPassword(server.database.db, { email: 'admin@label.test', role: 'admin', password: PASSWORD });
    // axe-core runs as a script in the page: JavaScript stays on, and the pages are checked to have no script of their own.
    visitor = await browser.newPage();
    admin = await browser.newPage();
    await logIn(admin, server.url, 'admin@label.test', PASSWORD);
  });

  async function check(page: Page, path: string, status = 200) {
    await page.setViewportSize({ width: 1280, height: 900 });
    const response = await page.goto(server.url + path);
    assert.equal(response?.status(), status, path);
    assert.equal(await page.locator('script').count(), 0, `${path} : no script needed`);
    await expectNoAxeViolations(page);
    await expectPageStructure(page);
  }

  test('/referentiel', async () => {
    await check(visitor, '/referentiel');
    assert.equal(await visitor.locator('main h2').count(), 6, 'versions, contents and the 4 axes');
    assert.equal(await visitor.locator('main h3').count(), 16);
  });

  test('/referentiel/2027', () => check(visitor, '/referentiel/2027'));

  test('/admin/referentiel', () => check(admin, '/admin/referentiel'));

  test('/admin/referentiel/2027 (published, read-only)', () => check(admin, '/admin/referentiel/2027'));

  test('preparing 2028, editing a service in its <details> editor, and an error next to its field', async () => {
    await admin.setViewportSize({ width: 1280, height: 900 });
    await admin.goto(`${server.url}/admin/referentiel`);
    await admin.locator('#champ-version').fill('2028');
    await Promise.all([admin.waitForURL(/\/admin\/referentiel\/2028/), admin.getByRole('button', { name: 'Préparer cette version' }).click()]);
    await expectNoAxeViolations(admin);
    await expectPageStructure(admin);

    // Open a theme, then a service’s editor: <details>, no script.
    await admin.setViewportSize({ width: 1280, height: 900 });
    await admin.locator('#enjeu-services-publics > summary').click();
    await admin.locator('#service-paiement-en-ligne details > summary').click();
    await admin.locator('#champ-s-paiement-en-ligne-name').fill('Paiement en ligne des services publics');
    await Promise.all([admin.waitForURL(/ok=renomme/), admin.getByRole('button', { name: 'Enregistrer : Paiement en ligne des services municipaux' }).click()]);
    assert.match(await admin.getByRole('status').innerText(), /Paiement en ligne des services publics/);
    assert.ok(await admin.locator('#enjeu-services-publics').evaluate((d) => (d as HTMLDetailsElement).open), 'the theme stays open');
    await expectNoAxeViolations(admin);

    await admin.locator('#service-paiement-en-ligne details > summary').click();
    await admin.locator('#champ-s-paiement-en-ligne-name').evaluate((input) => input.removeAttribute('required'));
    await admin.locator('#champ-s-paiement-en-ligne-name').fill('');
    const [response] = await Promise.all([
      admin.waitForNavigation(),
      admin.getByRole('button', { name: 'Enregistrer : Paiement en ligne des services publics' }).click(),
    ]);
    assert.equal(response?.status(), 400);
    assert.match(await admin.locator('#champ-s-paiement-en-ligne-name-erreur').innerText(), /indiquez le nom du service/);
    assert.ok(await admin.locator('#champ-s-paiement-en-ligne-name').isVisible(), 'the field at fault is shown, its theme and editor open');
    await expectNoAxeViolations(admin);
    await expectPageStructure(admin);
  });
});
