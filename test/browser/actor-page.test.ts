// The public pages of actors in Chromium: zero axe-core violations, one h1, a working skip link and
// no horizontal scroll at 320 px — an actor’s page (by territory, by theme, empty) and the directory
// /acteurs (with results, with a query, with none); the directory’s search with JavaScript off, and
// its suggestions with JavaScript on.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { findOrCreateActor } from '../../src/modules/actors/actors.service.ts';
import { initiativeActors, initiativeServices, initiatives } from '../../src/modules/initiatives/schema.ts';
import { getCurrentReferential } from '../../src/modules/referential/referential.service.ts';
import { createUserWithPassword, logIn } from '../support/browser-accounts.ts';
import { expectNoAxeViolations, expectPageStructure, skipWithoutBrowser, useBrowser } from '../support/browser.ts';
import { useTestServer } from '../support/test-server.ts';

describe('actor pages (Chromium, axe-core)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });
  let page: Page;
  // An actor named by no public sheet is shown to admins (and its territory’s members) only.
  let adminPage: Page;
  const ADMIN = { email: 'admin@label.test', password: 'une phrase de passe assez longue' };
  let withInitiatives: string;
  let withoutInitiatives: string;

  before(async () => {
    const db = server.database.db;
    const admin = { id: (await createUserWithPassword(db, { email: ADMIN.email, role: 'admin', password: ADMIN.password })).id, role: 'admin' as const };
    const create = async (name: string, website?: string) =>
      (await findOrCreateActor(db, admin, { name, kind: 'association', website, siren: '244900015' })).actor.id;
    withInitiatives = await create(
      'Emmaüs Connect, association nationale pour l’inclusion numérique des personnes éloignées',
      'https://emmaus-connect.org/nos-actions/accompagnement-des-publics-fragiles',
    );
    withoutInitiatives = await create('Ecologic');
    const rows = await db
      .insert(initiatives)
      .values([
        {
          territoryCode: '49353',
          title: 'Permanences numériques',
          summary: 'Des aidants numériques chaque mardi à la médiathèque.',
          status: 'in_progress',
          visibility: 'public',
          publishedAt: new Date(),
        },
        {
          territoryCode: '49007',
          title: 'Ordinateurs reconditionnés pour les familles',
          summary: '150 ordinateurs redistribués.',
          status: 'done',
          visibility: 'public',
          publishedAt: new Date(),
        },
      ])
      .returning({ id: initiatives.id });
    await db.insert(initiativeActors).values(rows.map((r) => ({ initiativeId: r.id, actorId: withInitiatives })));
    await getCurrentReferential(db);
    await db.insert(initiativeServices).values([
      { initiativeId: rows[0]!.id, serviceId: 'accessibilite-numerique' },
      { initiativeId: rows[1]!.id, serviceId: 'reemploi-materiel-informatique' },
      { initiativeId: rows[1]!.id, serviceId: 'achats-materiel-reconditionne' },
    ]);
    // Ecologic, on a public sheet in a third territory, and a company only named in a draft.
    const ecologic = (
      await findOrCreateActor(db, admin, {
        name: 'Ecologic SAS, éco-organisme agréé pour les déchets d’équipements électriques et électroniques',
        kind: 'company',
      })
    ).actor.id;
    const draftOnly = (await findOrCreateActor(db, admin, { name: 'Société Brouillon', kind: 'company' })).actor.id;
    const [publicSheet, draft] = await db
      .insert(initiatives)
      .values([
        { territoryCode: '75056', title: 'Collecte des DEEE', status: 'done', visibility: 'public', publishedAt: new Date() },
        { territoryCode: '75056', title: 'Brouillon', status: 'planned', visibility: 'draft' },
      ])
      .returning({ id: initiatives.id });
    await db.insert(initiativeActors).values([
      { initiativeId: publicSheet!.id, actorId: ecologic },
      { initiativeId: draft!.id, actorId: draftOnly },
    ]);
    page = await browser.newPage();
    adminPage = await browser.newPage();
    await logIn(adminPage, server.url, ADMIN.email, ADMIN.password);
  });

  async function check(path: string, on: Page = page) {
    await on.setViewportSize({ width: 1280, height: 900 });
    const response = await on.goto(server.url + path);
    assert.equal(response?.status(), 200);
    await expectNoAxeViolations(on);
    await expectPageStructure(on);
  }

  test('an actor with initiatives in two territories', async () => {
    await check(`/acteurs/${withInitiatives}`);
    assert.equal(await page.locator('main h3').count(), 2, 'one heading per territory');
  });

  test('an actor without any public initiative: its empty page for an admin, a 404 for a visitor', async () => {
    await check(`/acteurs/${withoutInitiatives}`, adminPage);
    const response = await page.goto(`${server.url}/acteurs/${withoutInitiatives}`);
    assert.equal(response?.status(), 404);
    await expectNoAxeViolations(page);
  });

  test('an actor’s initiatives by theme', async () => {
    await check(`/acteurs/${withInitiatives}?par=enjeu`);
    assert.deepEqual(await page.locator('main h3').allTextContents(), ['Identités, droits et libertés (1 initiative)', 'Territoire durable (1 initiative)']);
    assert.equal(
      await page.getByRole('navigation', { name: 'Afficher les initiatives' }).getByRole('link', { name: 'Par enjeu' }).getAttribute('aria-current'),
      'page',
    );
  });

  test('the directory: with results, with a query, with none', async () => {
    await check('/acteurs');
    assert.equal(await page.locator('.result-list__item').count(), 2, 'the two actors of public sheets, not the others');
    await check('/acteurs?q=ecologiq&kind=company');
    assert.match((await page.locator('.result-list__title').first().textContent()) ?? '', /^Ecologic SAS/);
    await check('/acteurs?q=soci%C3%A9t%C3%A9+brouillon');
    assert.equal(await page.locator('.result-list__item').count(), 0);
    assert.equal(await page.locator('h2#titre-resultats').textContent(), 'Aucun acteur trouvé');
    await check('/acteurs?page=9');
  });

  test('with JavaScript off: search from the header menu, filter, open an actor, switch to the theme view', async () => {
    const noJs = await browser.newPage({ javaScriptEnabled: false });
    await noJs.goto(server.url + '/');
    await Promise.all([
      noJs.waitForURL((url) => url.pathname === '/acteurs'),
      noJs.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Acteurs' }).click(),
    ]);
    await noJs.getByRole('combobox', { name: /^Nom de l.acteur$/ }).fill('emmaus');
    await Promise.all([noJs.waitForURL((url) => url.searchParams.get('q') === 'emmaus'), noJs.locator('#champ-q').press('Enter')]);
    assert.equal(await noJs.locator('.result-list__item').count(), 1);
    await noJs.getByLabel('Type').selectOption('company');
    await Promise.all([noJs.waitForURL((url) => url.searchParams.get('kind') === 'company'), noJs.getByRole('button', { name: 'Filtrer' }).click()]);
    assert.equal(await noJs.locator('h2#titre-resultats').textContent(), 'Aucun acteur trouvé', 'Emmaüs Connect is an association');
    await noJs.getByLabel('Type').selectOption('association');
    await Promise.all([noJs.waitForURL((url) => url.searchParams.get('kind') === 'association'), noJs.getByRole('button', { name: 'Filtrer' }).click()]);
    await Promise.all([noJs.waitForURL((url) => url.pathname === `/acteurs/${withInitiatives}`), noJs.locator('.result-list__title').first().click()]);
    await Promise.all([noJs.waitForURL((url) => url.searchParams.get('par') === 'enjeu'), noJs.getByRole('link', { name: 'Par enjeu' }).click()]);
    assert.equal(await noJs.locator('main h3').count(), 2);
  });

  test('with JavaScript on: typing "ecolo" suggests Ecologic, never the drafts-only company', async () => {
    const withJs = await browser.newPage({ javaScriptEnabled: true });
    const errors: string[] = [];
    withJs.on('pageerror', (error) => errors.push(error.message));
    withJs.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await withJs.goto(server.url + '/acteurs');
    const field = withJs.locator('#champ-q');
    await field.focus();
    await field.pressSequentially('ecolo', { delay: 40 });
    await withJs.waitForFunction(
      () => [...document.querySelectorAll('#suggestions-acteurs option')].some((o) => (o as HTMLOptionElement).value.startsWith('Ecologic')),
      undefined,
      { timeout: 5_000 },
    );
    await field.fill('');
    const answer = withJs.waitForResponse((r) => r.url().includes('/api/v1/actors?') && new URL(r.url()).searchParams.get('q') === 'societe');
    await field.pressSequentially('societe', { delay: 40 });
    assert.deepEqual(await (await answer).json(), { items: [], total: 0 });
    const options = await withJs.locator('#suggestions-acteurs option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    assert.ok(!options.some((o) => o.includes('Brouillon')), options.join(', '));
    assert.deepEqual(errors, [], 'no JavaScript or Content-Security-Policy error');
  });
});
