// Single sign-on in Chromium, against a real OpenID Connect provider: the login page’s button, by
// keyboard, with and without JavaScript; the pages checked with axe-core.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { OIDC_CALLBACK_PATH } from '../../src/platform/config.ts';
import { expectNoAxeViolations, expectPageStructure, skipWithoutBrowser, tabTo, useBrowser } from '../support/browser.ts';
import { TestIdentityProvider } from '../support/oidc-provider.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('single sign-on in Chromium (axe-core, keyboard, without JavaScript)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  let idp: TestIdentityProvider;
  let server: TestServer;

  before(async () => {
    idp = await TestIdentityProvider.listen();
    server = await startTestServer('pglite', { listen: true, env: idp.env });
    idp.start(server.url + OIDC_CALLBACK_PATH);
  });
  after(async () => {
    await server?.close();
    await idp?.close();
  });

  test('the login page with the provider’s button passes axe, and the button signs in from the keyboard', async () => {
    const page = await browser.newPage();
    idp.signsInAs = { sub: 'clavier', email: 'agent.clavier@trelaze.example.fr', given_name: 'Léa', usual_name: 'Martin' };
    await page.goto(`${server.url}/connexion?retour=%2Fcompte`);
    await expectNoAxeViolations(page);
    await expectPageStructure(page);
    await page.setViewportSize({ width: 1280, height: 900 });

    await tabTo(page, 'a[href^="/connexion/oidc"]');
    await Promise.all([page.waitForURL((url) => url.origin === server.url && url.pathname === '/compte'), page.keyboard.press('Enter')]);
    assert.match((await page.textContent('main')) ?? '', /agent\.clavier@trelaze\.example\.fr/);
    await expectNoAxeViolations(page);
  });

  test('without JavaScript the sign-in and its refusal work the same', async () => {
    const page = await browser.newPage({ javaScriptEnabled: false });
    idp.signsInAs = 'denied';
    await page.goto(`${server.url}/connexion`);
    const [refusal] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === OIDC_CALLBACK_PATH),
      page.click('text=Se connecter avec ProConnect'),
    ]);
    assert.equal(refusal.status(), 400);
    await page.waitForLoadState();
    assert.equal(await page.textContent('h1'), 'Connexion impossible');

    idp.signsInAs = { sub: 'sans-js', email: 'agent.sans-js@trelaze.example.fr' };
    await Promise.all([page.waitForURL((url) => url.pathname === '/connexion'), page.click('text=Revenir à la page de connexion')]);
    await Promise.all([page.waitForURL((url) => url.origin === server.url && url.pathname === '/compte'), page.click('text=Se connecter avec ProConnect')]);
    assert.match((await page.textContent('main')) ?? '', /agent\.sans-js@trelaze\.example\.fr/);
  });

  test('the refusal page passes axe and has the structure of every page', async () => {
    // axe-core runs in the page: this check needs JavaScript, the page itself does not.
    const page = await browser.newPage();
    idp.signsInAs = 'denied';
    await page.goto(`${server.url}/connexion`);
    await Promise.all([page.waitForURL((url) => url.pathname === OIDC_CALLBACK_PATH), page.click('text=Se connecter avec ProConnect')]);
    assert.equal(await page.textContent('h1'), 'Connexion impossible');
    await expectNoAxeViolations(page);
    await expectPageStructure(page);
  });
});
