// The pages of the workspace, the initiative sheets, the members, the referential and the actors
// in Chromium, in each of their states: zero axe-core violations (WCAG 2.1 A and AA), lang, title,
// one h1, a working skip link, no horizontal scroll at 320 px, and every resource loaded.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { memberships } from '../../src/modules/accounts/schema.ts';
import { findOrCreateActor } from '../../src/modules/actors/actors.service.ts';
import { EDITABLE_FIELDS } from '../../src/modules/initiatives/initiative.rules.ts';
import { expectNoAxeViolations, expectPageStructure, skipWithoutBrowser, useBrowser } from '../support/browser.ts';
import { createUserWithPassword, logIn } from '../support/browser-accounts.ts';
import { callApi, createPeople, createSheet, PASSWORD, pngPhoto, type Account } from '../support/browser-initiatives.ts';
import { LE_TRAIT, PEOPLE, TRELAZE, type Person } from '../support/initiatives-fixture.ts';
import { useTestServer } from '../support/test-server.ts';

const TWO_TERRITORIES = 'deux-territoires@example.fr';

describe('accessibility of the workspace and initiative pages (Chromium, axe-core)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });
  let people: Record<'contributor' | 'contributor2' | 'referent' | 'reader' | 'admin', Account>;
  const pages = {} as Record<'contributor' | 'referent' | 'reader' | 'admin' | 'twoTerritories' | 'visitor', Page>;
  /** Static files and photos that failed to load, per page. */
  const broken = new Map<Page, string[]>();
  let draft: string;
  let published: string;
  let actorId: string;
  const workspace = `/espace/${TRELAZE}`;

  async function openPage(name: keyof typeof pages, person?: Person | string) {
    const page = await browser.newPage();
    broken.set(page, []);
    page.on('response', (response) => {
      if (response.status() >= 400 && response.request().resourceType() !== 'document') broken.get(page)!.push(`${response.status()} ${response.url()}`);
    });
    if (person) await logIn(page, server.url, person in PEOPLE ? PEOPLE[person as Person].email : person, PASSWORD);
    pages[name] = page;
  }

  before(async () => {
    const db = server.database.db;
    people = await createPeople(db, ['contributor', 'contributor2', 'referent', 'reader', 'admin']);
    // Someone who acts for two territories: the workspace asks which one.
    const two = await createUserWithPassword(db, {
      email: TWO_TERRITORIES,
      role: 'member',
      territoryCode: TRELAZE,
      territoryRole: 'contributor',
      password: PASSWORD,
    });
    await db.insert(memberships).values({ userId: two.id, territoryCode: LE_TRAIT, role: 'reader' });
    actorId = (
      await findOrCreateActor(
        db,
        { id: people.admin.id, role: 'admin' },
        { name: 'Berger-Levrault', kind: 'company', website: 'https://www.berger-levrault.com' },
      )
    ).actor.id;
    await Promise.all([
      openPage('contributor', 'contributor'),
      openPage('referent', 'referent'),
      openPage('reader', 'reader'),
      openPage('admin', 'admin'),
      openPage('twoTerritories', TWO_TERRITORIES),
      openPage('visitor'),
    ]);
  });

  /** Checks the page on screen: axe, structure (then back to a wide window), resources all loaded. */
  async function checkCurrentPage(page: Page) {
    await expectNoAxeViolations(page);
    await expectPageStructure(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    assert.deepEqual(broken.get(page), [], `${page.url()} : ressources introuvables`);
  }

  async function visit(page: Page, path: string, status = 200) {
    broken.set(page, []);
    await page.setViewportSize({ width: 1280, height: 900 });
    const response = await page.goto(server.url + path);
    assert.equal(response?.status(), status, `${path} : statut HTTP`);
    await checkCurrentPage(page);
  }

  /** Clicks a button of the main content and checks the page the server answers with (its first status). */
  async function submitAndCheck(page: Page, button: string, status: number) {
    broken.set(page, []);
    const [response] = await Promise.all([page.waitForNavigation(), page.locator('main').getByRole('button', { name: button, exact: true }).click()]);
    let answer = response!.request();
    while (answer.redirectedFrom()) answer = answer.redirectedFrom()!;
    assert.equal(answer.method(), 'POST');
    assert.equal((await answer.response())?.status(), status, `${page.url()} : statut HTTP de la réponse au formulaire`);
    await checkCurrentPage(page);
  }

  describe('workspace', () => {
    test('/espace for a person of two territories: the choice page', async () => {
      await visit(pages.twoTerritories, '/espace');
      const links = await pages.twoTerritories.locator('main .link-list a').allInnerTexts();
      assert.deepEqual(links, ['Le Trait', 'Trélazé']);
    });

    test('/espace/49353 without any sheet', async () => {
      await visit(pages.contributor, workspace);
      assert.match(await pages.contributor.locator('main').innerText(), /Aucune fiche pour le moment/);
    });

    test('the new-sheet form', async () => {
      await visit(pages.contributor, `${workspace}/initiatives/nouvelle`);
      assert.equal(await pages.contributor.locator('#autosave-status').count(), 0, 'nothing to autosave before the sheet exists');
    });

    test('the new-sheet form with errors: a blank title and no service', async () => {
      const page = pages.contributor;
      // A title of spaces passes the browser’s `required` check; the server refuses it.
      await page.locator('#champ-title').fill('   ');
      await submitAndCheck(page, 'Créer la fiche (brouillon)', 400);
      const summary = page.getByRole('alert');
      assert.match(await summary.innerText(), /Donnez un titre à la fiche/);
      assert.match(await summary.innerText(), /Choisissez au moins un service/);
      assert.equal(await page.locator('#champ-title').getAttribute('aria-invalid'), 'true');
      assert.equal(await summary.locator('a[href="#champ-serviceIds"]').count(), 1, 'the summary links to the services');
      // The services' error is read with their group, as a field’s error is read with the field.
      const services = page.locator('fieldset#champ-serviceIds');
      const description = await services.getAttribute('aria-describedby');
      assert.deepEqual(description?.split(' '), ['champ-serviceIds-aide', 'champ-serviceIds-erreur']);
      assert.match(await page.locator('#champ-serviceIds-erreur').innerText(), /Choisissez au moins un service/);
    });

    test('/espace/49353 with sheets, a draft and a published one', async () => {
      ({ id: draft } = await createSheet(server.url, people.contributor.token, { title: 'Brouillon : permanences numériques', visibility: 'draft' }));
      ({ id: published } = await createSheet(server.url, people.contributor.token, { visibility: 'public', actorIds: [actorId] }));
      const photo = new FormData();
      photo.append('alt', 'Le formulaire de demande de congés');
      photo.append('photo', new Blob([new Uint8Array(await pngPhoto())], { type: 'image/png' }), 'conges.png');
      const added = await fetch(`${server.url}/api/v1/initiatives/${published}/photos`, {
        method: 'POST',
        headers: { authorization: `Bearer ${people.contributor.token}` },
        body: photo,
      });
      assert.equal(added.status, 201, await added.text());
      await visit(pages.contributor, workspace);
      assert.equal(await pages.contributor.locator('main table tbody tr').count(), 2);
    });

    test('the edit form of a draft (autosave on)', async () => {
      await visit(pages.contributor, `${workspace}/initiatives/${draft}`);
      assert.equal(await pages.contributor.locator('#autosave-status').count(), 1);
    });

    test('the edit form of a published sheet, with its photo', async () => {
      await visit(pages.contributor, `${workspace}/initiatives/${published}`);
      assert.equal(await pages.contributor.locator('.photo-list img').count(), 1);
    });

    test('the merge page after someone else saved the sheet', async () => {
      const page = pages.contributor;
      await page.goto(`${server.url}${workspace}/initiatives/${draft}`);
      const current = await callApi(server.url, people.contributor2.token, 'GET', `/api/v1/initiatives/${draft}`, undefined, 200);
      const content = Object.fromEntries(EDITABLE_FIELDS.map((field) => [field, current[field]]));
      await callApi(
        server.url,
        people.contributor2.token,
        'PATCH',
        `/api/v1/initiatives/${draft}`,
        { ...content, version: current.version, summary: 'Résumé du second contributeur.', status: 'planned' },
        200,
      );
      await page.locator('#champ-summary').fill('Résumé de la contributrice.');
      await page.locator('#champ-status').selectOption('abandoned');
      await submitAndCheck(page, 'Enregistrer', 409);
      assert.match(await page.locator('main').innerText(), /Quelqu’un a modifié cette fiche/);
      assert.equal(await page.locator('.conflict').count(), 2, 'summary and status differ');
      assert.equal(await page.locator('#autosave-status').count(), 0);
    });

    test('the delete confirmation page', () => visit(pages.contributor, `${workspace}/initiatives/${draft}/supprimer`));

    test('/espace/49353/membres (referent)', async () => {
      await visit(pages.referent, `${workspace}/membres`);
      assert.ok((await pages.referent.locator('main table tbody tr').count()) >= 4);
    });

    test('/espace/49353/membres after an invitation (pending invitations listed)', async () => {
      await visit(pages.referent, `${workspace}/membres`);
      await pages.referent.locator('#champ-email').fill('invitee.axe@trelaze.test');
      const [response] = await Promise.all([pages.referent.waitForNavigation(), pages.referent.getByRole('button', { name: 'Envoyer l’invitation' }).click()]);
      assert.equal(response?.status(), 200);
      await expectNoAxeViolations(pages.referent);
      await expectPageStructure(pages.referent);
      assert.ok(await pages.referent.getByRole('button', { name: 'Annuler l’invitation d’invitee.axe@trelaze.test' }).isVisible());
    });
  });

  describe('initiative pages', () => {
    test('/initiatives/:id, published, for a visitor', async () => {
      await visit(pages.visitor, `/initiatives/${published}`);
      assert.equal(await pages.visitor.locator('img[alt="Le formulaire de demande de congés"]').count(), 1);
      assert.equal(await pages.visitor.locator(`main a[href="/acteurs/${actorId}"]`).count(), 1);
    });

    test('/initiatives/:id, published, for an administrator (moderation form)', async () => {
      await visit(pages.admin, `/initiatives/${published}`);
      assert.equal(await pages.admin.locator('#champ-reason').count(), 1);
    });

    test('/initiatives/:id, a draft seen by a reader of the territory, with its notice', async () => {
      await visit(pages.reader, `/initiatives/${draft}`);
      assert.match(await pages.reader.locator('main').innerText(), /Brouillon\s: cette fiche n’est visible que des membres du territoire\./);
    });

    test('/admin/initiatives with one deleted sheet, and the deleted sheet itself', async () => {
      const { id: deleted } = await createSheet(server.url, people.contributor.token, { title: 'Fiche supprimée par erreur' });
      await callApi(server.url, people.contributor.token, 'DELETE', `/api/v1/initiatives/${deleted}`, undefined, 204);
      await visit(pages.admin, '/admin/initiatives');
      assert.equal(await pages.admin.locator('main table tbody tr').count(), 1);
      await visit(pages.admin, `/initiatives/${deleted}`);
      assert.match(await pages.admin.locator('main').innerText(), /Cette fiche est supprimée/);
    });

    test('/acteurs/:id', () => visit(pages.visitor, `/acteurs/${actorId}`));
  });

  describe('referential', () => {
    test('/referentiel', () => visit(pages.visitor, '/referentiel'));

    test('/admin/referentiel with a draft version', async () => {
      const page = pages.admin;
      // The draft’s own page is checked by referential.test.ts.
      await page.goto(`${server.url}/admin/referentiel`);
      await page.locator('#champ-version').fill('2028');
      await Promise.all([page.waitForURL(/\/admin\/referentiel\/2028/), page.locator('#champ-version').press('Enter')]);
      await visit(page, '/admin/referentiel');
      assert.match(await page.locator('main').innerText(), /2028/);
    });
  });
});
