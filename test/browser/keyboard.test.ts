// Keyboard only (Tab, typing, Enter; no click): an invited member activates the account, logs
// out, and logs in again from the home page. Every focused element must show a visible focus.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { systemCaller } from '../../src/modules/accounts/permissions.rules.ts';
import { createUser, issueUserToken } from '../../src/modules/accounts/users.service.ts';
import { expectVisibleFocus, focusedElement, skipWithoutBrowser, tabTo, useBrowser } from '../support/browser.ts';
import { useTestServer } from '../support/test-server.ts';

const EMAIL = 'agent@trelaze.test';
const PASSWORD = 'une phrase de passe au clavier';

describe('keyboard-only journey of an invited member (Chromium)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });
  let page: Page;
  let invitationLink: string;

  before(async () => {
    const user = await createUser(server.database.db, systemCaller('test setup'), {
      email: EMAIL,
      role: 'member',
      territoryCode: '49353',
      territoryRole: 'referent',
    });
    invitationLink = `${server.url}/mot-de-passe/${await issueUserToken(server.database.db, user.id, 'invitation')}`;
    page = await browser.newPage();
  });

  const path = () => new URL(page.url()).pathname;

  /** Presses Enter on the focused element and waits for the page it leads to. */
  async function enterAndWaitFor(pathname: string) {
    await Promise.all([page.waitForURL((url) => url.pathname === pathname), page.keyboard.press('Enter')]);
  }

  test('sets a password from the invitation link, using the skip link, and lands on the account page', async () => {
    await page.goto(invitationLink);
    await page.keyboard.press('Tab');
    assert.match((await focusedElement(page)).description, /^a « Aller au contenu »/, 'the first Tab reaches the skip link');
    await expectVisibleFocus(page);
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'contenu', 'the skip link moves the focus to the main content');

    await tabTo(page, '#champ-password', 3);
    await page.keyboard.type(PASSWORD);
    await tabTo(page, '#champ-confirmation', 1);
    await page.keyboard.type(PASSWORD);
    // A member of one territory lands in its space (issue 12, finding 19), then finds the account page.
    await enterAndWaitFor('/espace/49353');
    assert.equal(path(), '/espace/49353');
    await page.goto(server.url + '/compte');
    assert.equal(await page.locator('h1').innerText(), 'Mon compte');
    assert.match(await page.locator('main').innerText(), new RegExp(EMAIL.replace('.', '\\.')));
  });

  test('logs out with the keyboard', async () => {
    assert.equal(path(), '/compte');
    await tabTo(page, 'form[action="/deconnexion"] button');
    // Logging out says so, on the login page (issue 12, finding 21).
    await enterAndWaitFor('/connexion');
    assert.match(await page.locator('main').innerText(), /déconnecté/);
    assert.equal(await page.locator('header a[href="/connexion"]').count(), 1, 'the header offers to log in again');
    assert.equal(await page.locator('form[action="/deconnexion"]').count(), 0);
  });

  test('logs in again from the home page with the keyboard only', async () => {
    await page.goto(server.url + '/');
    await page.keyboard.press('Tab');
    assert.match((await focusedElement(page)).description, /^a « Aller au contenu »/, 'the first Tab reaches the skip link');
    await expectVisibleFocus(page);

    await tabTo(page, 'header a[href="/connexion"]');
    await enterAndWaitFor('/connexion');
    await tabTo(page, '#champ-email');
    await page.keyboard.type(EMAIL);
    await tabTo(page, '#champ-password', 1);
    await page.keyboard.type(PASSWORD);
    await enterAndWaitFor('/compte');

    assert.equal(await page.locator('h1').innerText(), 'Mon compte');
    assert.equal(await page.locator('form[action="/deconnexion"]').count(), 1, 'signed in: the header offers to log out');
  });
});
