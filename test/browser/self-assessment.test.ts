// The self-assessment in the browser: a referent declares a service « non concerné » and withdraws
// it, keyboard only and without JavaScript, through the service's own page (the main page carries
// links, not a hundred forms); the admin's weights page. Zero axe violations on each (axe needs
// JavaScript: checked on the same pages with it turned on).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { createUserWithPassword, logIn } from '../support/browser-accounts.ts';
import { expectNoAxeViolations, expectPageStructure, skipWithoutBrowser, tabTo, useBrowser } from '../support/browser.ts';
import { useTestServer } from '../support/test-server.ts';
import { prepareEdition } from '../../src/modules/label/edition-settings.service.ts';

const TRELAZE = '49353';
const PAGE = `/espace/${TRELAZE}/auto-evaluation`;
const PASSWORD = 'une phrase de passe pour l’auto-évaluation';

describe('self-assessment: declaring « non concerné » and the weights (Chromium)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });

  before(async () => {
    const db = server.database.db;
    await createUserWithPassword(db, {
      email: 'referente@trelaze.test',
      role: 'member',
      territoryCode: TRELAZE,
      territoryRole: 'referent',
      password: PASSWORD,
    });
    const admin = await createUserWithPassword(db, { email: 'admin@label.test', role: 'admin', password: PASSWORD });
    await prepareEdition(db, { id: admin.id, role: 'admin' }, 2031);
  });

  describe('with JavaScript turned off, keyboard only', () => {
    let page: Page;
    before(async () => {
      page = await browser.newPage({ javaScriptEnabled: false });
      await logIn(page, server.url, 'referente@trelaze.test', PASSWORD);
    });

    test('the page has links, no forms; a service’s page declares it with its reason, the page then says so', async () => {
      await page.goto(server.url + PAGE);
      await expectPageStructure(page);
      assert.equal(await page.locator('main form').count(), 0);
      const link = page.locator('main a[href$="/services/portail-associatif"]');
      assert.equal(await link.textContent(), 'Déclarer non concerné\u00a0: Portail des associations', 'the hidden name makes each link distinct');

      // Tab after Tab through the page, every focus visible, to the service's link.
      await tabTo(page, 'main a[href$="/services/portail-associatif"]', 400);
      await Promise.all([page.waitForURL(/\/services\/portail-associatif$/), page.keyboard.press('Enter')]);
      await expectPageStructure(page);
      await tabTo(page, '#champ-reason');
      await page.keyboard.type('Aucune association sur la commune');
      await tabTo(page, 'main form button[type="submit"]', 3);
      await Promise.all([page.waitForURL((url) => url.pathname === PAGE), page.keyboard.press('Enter')]);
      assert.match(await page.locator('.alert--success').innerText(), /«\sPortail des associations\s» est déclaré non concerné/);
      assert.match(await page.locator('#service-portail-associatif').innerText(), /Non concerné\s: Aucune association sur la commune/);
    });

    test('withdrawn from the page, keyboard only', async () => {
      await tabTo(page, '#service-portail-associatif button', 400);
      await Promise.all([page.waitForURL(/ok=withdrawn/), page.keyboard.press('Enter')]);
      assert.match(await page.locator('.alert--success').innerText(), /est retirée/);
      assert.match(await page.locator('#service-portail-associatif').innerText(), /Pas encore couvert/);
    });
  });

  test('with JavaScript: the page, a service’s page and a refused declaration have no axe violation', async () => {
    const page = await browser.newPage();
    await logIn(page, server.url, 'referente@trelaze.test', PASSWORD);
    await page.goto(server.url + PAGE);
    await expectNoAxeViolations(page);
    await page.goto(`${server.url}${PAGE}/services/portail-associatif`);
    await expectNoAxeViolations(page);
    // Past the browser's own check of the required field, the server's answer.
    await page.locator('#champ-reason').evaluate((el) => el.removeAttribute('required'));
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Déclarer non concerné' }).click()]);
    assert.match(await page.locator('#erreurs').innerText(), /Raison\s: Indiquez pourquoi ce service ne concerne pas votre territoire/);
    await expectNoAxeViolations(page);
  });

  test('the admin’s weights page: a refused value is named, then saved with a decimal comma', async () => {
    const page = await browser.newPage();
    await logIn(page, server.url, 'admin@label.test', PASSWORD);
    await page.goto(`${server.url}/admin/editions/2031/auto-evaluation`);
    await expectPageStructure(page);
    await expectNoAxeViolations(page);
    await page.locator('#champ-planned').fill('1,5');
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Enregistrer les pondérations' }).click()]);
    assert.match(await page.locator('#erreurs').innerText(), /Initiative en projet\s: La pondération est comprise entre 0 et 1/);
    await expectNoAxeViolations(page);
    await page.locator('#champ-planned').fill('0,25');
    await Promise.all([page.waitForURL(/enregistre=1/), page.getByRole('button', { name: 'Enregistrer les pondérations' }).click()]);
    assert.equal(await page.locator('#champ-planned').inputValue(), '0,25');
  });
});
