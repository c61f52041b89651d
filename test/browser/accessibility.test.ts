// Every page, in Chromium: zero axe-core violations (WCAG 2.1 A and AA), lang, title, one h1,
// a working skip link, and no horizontal scroll at 320 px.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { prepareFirstAdminLink } from '../../src/modules/accounts/first-admin.service.ts';
import { systemCaller } from '../../src/modules/accounts/permissions.rules.ts';
import { inviteMember } from '../../src/modules/accounts/members.service.ts';
import { createUser, inviteUser, issueUserToken } from '../../src/modules/accounts/users.service.ts';
import { createUserWithPassword, logIn } from '../support/browser-accounts.ts';
import { expectNoAxeViolations, expectPageStructure, skipWithoutBrowser, useBrowser } from '../support/browser.ts';
import { useTestServer } from '../support/test-server.ts';

describe('accessibility of every page (Chromium, axe-core)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });
  let page: Page;
  let epciCode: string;
  let passwordLink: string;
  let installationLink: string;
  /** Static files (CSS, scripts, icons) that failed to load on the page being checked. */
  let brokenResources: string[] = [];

  before(async () => {
    const db = server.database.db;
    const trelaze = await (await fetch(`${server.url}/api/v1/territories/49353`)).json();
    epciCode = trelaze.epci.code;
    const invited = await createUser(db, systemCaller('test setup'), {
      email: 'invitee@trelaze.test',
      role: 'member',
      territoryCode: '49353',
      territoryRole: 'contributor',
    });
    passwordLink = `${server.url}/mot-de-passe/${await issueUserToken(db, invited.id, 'invitation')}`;
    installationLink = (await prepareFirstAdminLink(db, server.url))!;
    assert.ok(installationLink, 'no administrator yet: a first-admin link is expected');
    page = await browser.newPage();
    page.on('response', (response) => {
      if (response.status() >= 400 && response.request().resourceType() !== 'document') brokenResources.push(`${response.status()} ${response.url()}`);
    });
  });

  /** Checks the page on screen: expected status, axe, structure, 320 px; resources all loaded. */
  async function checkCurrentPage(status: number | null, responseStatus: number | undefined) {
    if (status !== null) assert.equal(responseStatus, status, `${page.url()} : statut HTTP`);
    await expectNoAxeViolations(page);
    await expectPageStructure(page);
    assert.deepEqual(brokenResources, [], `${page.url()} : ressources introuvables`);
  }

  async function visit(path: string, status = 200) {
    brokenResources = [];
    await page.setViewportSize({ width: 1280, height: 900 });
    const response = await page.goto(path.startsWith('http') ? path : server.url + path);
    await checkCurrentPage(status, response?.status());
  }

  /** Submits a form on the current page and checks the page the server answers with. */
  async function submitAndCheck(button: string, status: number) {
    brokenResources = [];
    await page.setViewportSize({ width: 1280, height: 900 });
    const [response] = await Promise.all([page.waitForNavigation(), page.locator('main').getByRole('button', { name: button }).click()]);
    // After a redirect (303), the page shown is the one it leads to: the form’s answer is the first response.
    let answer = response!.request();
    while (answer.redirectedFrom()) answer = answer.redirectedFrom()!;
    assert.equal(answer.method(), 'POST');
    assert.equal((await answer.response())?.status(), status, `${page.url()} : statut HTTP de la réponse au formulaire`);
    await checkCurrentPage(null, undefined);
  }

  describe('public pages', () => {
    test('home page', () => visit('/'));
    test('territory directory', () => visit('/territoires'));
    test('directory searching "trelaze"', async () => {
      await visit('/territoires?q=trelaze');
      assert.ok(await page.getByRole('link', { name: 'Trélazé', exact: true }).isVisible());
    });
    test('directory of EPCIs, page 2', () => visit('/territoires?kind=epci&page=2'));
    test('directory with a malformed page number (error message)', async () => {
      await visit('/territoires?page=abc', 400);
      assert.match(await page.getByRole('alert').innerText(), /Page/);
    });
    test('a commune: Trélazé', () => visit('/territoires/49353'));
    test('a département: Maine-et-Loire', () => visit('/territoires/49'));
    test('a région: Pays de la Loire', () => visit('/territoires/reg-52'));
    test('an EPCI with its member communes', async () => {
      await visit(`/territoires/${epciCode}`);
      assert.ok((await page.locator('table tbody tr').count()) > 1);
    });
    test('an unknown territory (404)', () => visit('/territoires/00000', 404));
    test('an unknown page (404)', () => visit('/cette-page-n-existe-pas', 404));
    test('personal data', () => visit('/donnees-personnelles'));
    test('about the label', () => visit('/a-propos'));
    test('contact', () => visit('/contact'));
    test('legal notice', () => visit('/mentions-legales'));
    test('accessibility statement', () => visit('/accessibilite'));
  });

  describe('account pages', () => {
    test('login', () => visit('/connexion'));
    test('login after a wrong password (error shown)', async () => {
      await visit('/connexion');
      await page.locator('#champ-email').fill('personne@exemple.test');
      await page.locator('#champ-password').fill('mauvais mot de passe');
      await submitAndCheck('Se connecter', 401);
      assert.match(await page.getByRole('alert').innerText(), /incorrect/);
    });
    test('forgotten password', () => visit('/mot-de-passe-oublie'));
    test('forgotten password, link sent', async () => {
      await visit('/mot-de-passe-oublie');
      await page.locator('#champ-email').fill('invitee@trelaze.test');
      await submitAndCheck('Recevoir le lien', 200);
      assert.match(await page.getByRole('status').innerText(), /courriel/);
    });
    test('choosing a password from an invitation link', async () => {
      await visit(passwordLink);
      assert.equal(await page.locator('h1').innerText(), 'Activer votre compte');
    });
    test('choosing a password: confirmation differs (errors shown)', async () => {
      await visit(passwordLink);
      await page.locator('#champ-password').fill('une phrase assez longue');
      await page.locator('#champ-confirmation').fill('une autre phrase longue');
      await submitAndCheck('Enregistrer le mot de passe', 400);
      assert.equal(await page.locator('#champ-confirmation').getAttribute('aria-invalid'), 'true');
    });
    test('a spent or unknown password link (410)', () => visit('/mot-de-passe/lien-inconnu', 410));
    test('first administrator setup link', async () => {
      await visit(installationLink);
      assert.equal(await page.locator('h1').innerText(), 'Créer le premier compte administrateur');
    });
  });

  describe('signed-in pages (administrator)', () => {
    before(async () => {
      const db = server.database.db;
      await createUserWithPassword(db, { email: 'admin@arobase.test', role: 'admin', displayName: 'Alice Admin', password: 'correct horse battery staple' });
      await inviteUser(db, systemCaller('test setup'), server.url, {
        email: 'agent@trelaze.test',
        role: 'member',
        territoryCode: '49353',
        territoryRole: 'referent',
      });
      // A referent’s invitation waits on the account page for an answer.
      await inviteMember(db, systemCaller('test setup'), server.url, '49007', { email: 'admin@arobase.test', role: 'reader' });
      await logIn(page, server.url, 'admin@arobase.test', 'correct horse battery staple');
    });

    test('my account', () => visit('/compte'));
    test('my account with an invitation to answer', async () => {
      await visit('/compte');
      assert.ok(await page.getByRole('button', { name: 'Accepter l’invitation d’Angers' }).isVisible());
    });
    test('deleting my account: the confirmation page', () => visit('/compte/supprimer'));
    test('deleting my account: a wrong password (error shown)', async () => {
      await visit('/compte/supprimer');
      await page.locator('#champ-password').fill('pas le bon mot de passe');
      await submitAndCheck('Supprimer définitivement mon compte', 400);
      assert.equal(await page.locator('#champ-password').getAttribute('aria-invalid'), 'true');
    });
    test('my account with a new API token shown once', async () => {
      await visit('/compte');
      // Tokens sit in the closed "advanced" section of the account page (issue 12, finding 19).
      await page.locator('details:has(#champ-name) > summary').click();
      await page.locator('#champ-name').fill('Site de la mairie');
      await submitAndCheck('Créer un jeton', 200);
      assert.ok((await page.locator('#nouveau-jeton').innerText()).length >= 20, 'the new token is shown');
    });
    test('administration home', () => visit('/admin'));
    test('users', () => visit('/admin/utilisateurs'));
    test('users: invitation with an unknown territory (errors shown)', async () => {
      await visit('/admin/utilisateurs');
      await page.locator('#champ-email').fill('nouveau@exemple.test');
      await page.locator('#champ-territoryCode').fill('00000');
      await submitAndCheck('Envoyer l’invitation', 400);
      assert.equal(await page.locator('#champ-territoryCode').getAttribute('aria-invalid'), 'true');
    });
    test('users: invitation sent (notice shown)', async () => {
      await visit('/admin/utilisateurs');
      await page.locator('#champ-email').fill('elu@trelaze.test');
      await page.locator('#champ-territoryCode').fill('49353');
      await submitAndCheck('Envoyer l’invitation', 303);
      assert.match(await page.getByRole('status').innerText(), /elu@trelaze\.test/);
    });
    test('organisation settings', () => visit('/admin/organisation'));
    test('organisation settings: a compliance rate without an audit (errors shown)', async () => {
      await visit('/admin/organisation');
      await page.locator('#champ-complianceRate').fill('75');
      await submitAndCheck('Enregistrer', 400);
      assert.equal(await page.locator('#champ-complianceRate').getAttribute('aria-invalid'), 'true');
    });
    test('emails', async () => {
      await visit('/admin/courriels');
      assert.ok((await page.locator('article').count()) >= 1, 'at least one email is listed');
    });
  });
});
