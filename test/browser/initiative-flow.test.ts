// An initiative sheet from creation to publication in Chromium: with the keyboard only (Tab,
// Shift+Tab, Enter, Space, typing; every focused element shows a visible focus), then the same
// journey with JavaScript turned off.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { focusedElement, skipWithoutBrowser, useBrowser } from '../support/browser.ts';
import { logIn } from '../support/browser-accounts.ts';
import {
  byId,
  createPeople,
  logInWithKeyboard,
  nthNamed,
  PASSWORD,
  pngPhoto,
  pressAndWaitFor,
  reduceMotion,
  tabThrough,
} from '../support/browser-initiatives.ts';
import { PEOPLE, TRELAZE } from '../support/initiatives-fixture.ts';
import { useTestServer } from '../support/test-server.ts';
import { frenchTypography } from '../../src/platform/views/typography.ts';

const TITLE = 'Dématérialisation des demandes de congés';
const SUMMARY = 'Les agents demandent leurs congés en ligne.';
const NEW_SUMMARY = 'Les agents demandent leurs congés en ligne ; les validations se font sans papier.';
const DESCRIPTION = 'Le service RH a dématérialisé les demandes de congés : demande en ligne, validation, suivi des soldes.';
const ACTORS = ['Berger-Levrault', 'Association des DRH des collectivités'];
const INDICATOR = { label: 'Demandes traitées en ligne', value: '1 200', unit: 'demandes' };
const PHOTO_ALT = 'Le formulaire de demande de congés sur l’intranet';

describe('an initiative sheet from creation to publication (Chromium)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });

  before(async () => {
    await createPeople(server.database.db, ['contributor', 'contributor2']);
  });

  describe('with the keyboard only', () => {
    let page: Page;
    let id: string;
    const workspace = `/espace/${TRELAZE}`;
    const editPath = () => `${workspace}/initiatives/${id}`;
    const value = (selector: string) => page.locator(selector).inputValue();

    before(async () => {
      page = await browser.newPage();
      await reduceMotion(page);
    });

    test('logs in and reaches “Nouvelle fiche” through “Mon espace”', async () => {
      await logInWithKeyboard(page, server.url, PEOPLE.contributor.email);
      await tabThrough(page, 'header a[href="/espace"]');
      assert.equal((await focusedElement(page)).description, 'a « Mon espace »');
      // One territory: /espace leads straight to its workspace.
      await pressAndWaitFor(page, 'Enter', workspace);
      await tabThrough(page, `main a[href="${workspace}/initiatives/nouvelle"]`);
      await pressAndWaitFor(page, 'Enter', `${workspace}/initiatives/nouvelle`);
      assert.equal(await page.locator('h1').innerText(), 'Nouvelle fiche d’initiative');
    });

    test('fills in the form and creates the draft', async () => {
      await tabThrough(page, '#champ-title');
      await page.keyboard.type(TITLE);
      await tabThrough(page, '#champ-summary', 2);
      await page.keyboard.type(SUMMARY);
      await tabThrough(page, '#champ-description', 2);
      await page.keyboard.type(DESCRIPTION);
      await tabThrough(page, '#champ-status', 2);
      // Typing the first letter of an option chooses it in a closed select.
      await page.keyboard.type('R');
      assert.equal(await value('#champ-status'), 'done', 'status “Réalisée” chosen with the keyboard');

      // The axes' <details> are closed: Tab goes from the dates to the services' filter and the
      // first summary, none of the 132 service checkboxes on the way.
      const axes = page.locator('.service-picker details');
      assert.equal(await axes.count(), 4);
      assert.deepEqual(await axes.evaluateAll((list) => list.map((d) => (d as HTMLDetailsElement).open)), [false, false, false, false]);
      const firstAxis = '.service-picker details:first-of-type > summary';
      const toAxis = await tabThrough(page, firstAxis, 12);
      assert.ok(
        toAxis.every((el) => el.startsWith('input#champ-startDate') || el.startsWith('input#champ-endDate') || el === 'input#filtre-services'),
        `only the dates and the filter on the way: ${toAxis.join(', ')}`,
      );
      assert.match(await page.locator(firstAxis).innerText(), /^Démocratie et services publics \(0 choisi\)/);
      await page.keyboard.press('Enter');
      assert.equal(await axes.first().evaluate((d) => (d as HTMLDetailsElement).open), true, 'Enter on the summary opens the axis');

      const service = '#champ-service-dematerialisation-rh';
      await tabThrough(page, service, 80);
      assert.equal(await page.locator(`label[for="${service.slice(1)}"]`).innerText(), 'Dématérialisation des procédures RH des agents');
      await page.keyboard.press('Space');
      assert.equal(await page.locator(service).isChecked(), true, 'Space ticks the service');
      assert.match(await page.locator(firstAxis).innerText(), /\(1 choisi\)$/, 'the axis count follows the tick');
      assert.equal(await page.locator('#services-choisis').innerText(), '1 service choisi\u00a0: Dématérialisation des procédures RH des agents.');

      // After the open axis, Tab meets the three closed axes' summaries and none of their checkboxes.
      const openAxisIds = new Set(
        await axes
          .first()
          .locator('input[type=checkbox]')
          .evaluateAll((list) => list.map((i) => i.id)),
      );
      const [actor0, kind0, actor1, kind1] = [
        await nthNamed(page, 'newActorName', 0),
        await nthNamed(page, 'newActorKind', 0),
        await nthNamed(page, 'newActorName', 1),
        await nthNamed(page, 'newActorKind', 1),
      ];
      const toActors = await tabThrough(page, actor0, 80);
      const summaries = toActors.filter((el) => el === 'summary');
      const foreign = toActors.filter((el) => el.startsWith('input#champ-service-') && !openAxisIds.has(el.slice('input#'.length)));
      assert.equal(summaries.length, 3, `the three closed axes are one stop each: ${toActors.join(', ')}`);
      assert.deepEqual(foreign, [], 'no checkbox of a closed axis is reachable');
      assert.equal(await page.locator('input[name="serviceIds"]').count(), 132, 'the whole referential is in the form');

      await page.keyboard.type(ACTORS[0]!);
      await tabThrough(page, kind0, 1);
      await page.keyboard.type('Entr');
      assert.equal(await value(kind0), 'company');
      await tabThrough(page, actor1, 2);
      await page.keyboard.type(ACTORS[1]!);
      await tabThrough(page, kind1, 1);
      await page.keyboard.type('Asso');
      assert.equal(await value(kind1), 'association');

      await tabThrough(page, byId('champ-indicators.0.label'), 20);
      await page.keyboard.type(INDICATOR.label);
      await tabThrough(page, byId('champ-indicators.0.value'), 1);
      await page.keyboard.type(INDICATOR.value);
      await tabThrough(page, byId('champ-indicators.0.unit'), 1);
      await page.keyboard.type(INDICATOR.unit);

      await tabThrough(page, 'button[name="intent"][value="save"]', 60);
      assert.equal((await focusedElement(page)).description, 'button « Créer la fiche (brouillon) »');
      await pressAndWaitFor(page, 'Enter', (url) => /^\/espace\/49353\/initiatives\/[0-9a-f-]{36}$/.test(url.pathname));
      id = new URL(page.url()).pathname.split('/').pop()!;
      assert.match(await page.getByRole('status').first().innerText(), /Fiche créée/);
      assert.equal(await value('#champ-title'), TITLE);
      assert.equal(await value('#champ-status'), 'done');
      assert.equal(await page.locator('#champ-service-dematerialisation-rh').isChecked(), true);
      for (const name of ACTORS) assert.equal(await page.getByLabel(name, { exact: true }).isChecked(), true, `actor ${name} on the sheet`);
      assert.equal(await value(byId('champ-indicators.0.value')), '1200');
    });

    test('changes the summary and saves', async () => {
      await tabThrough(page, '#champ-summary', 30);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(NEW_SUMMARY);
      await tabThrough(page, 'button[name="intent"][value="save"]', 300);
      assert.equal((await focusedElement(page)).description, 'button « Enregistrer »');
      await pressAndWaitFor(page, 'Enter', (url) => url.pathname === editPath() && url.searchParams.get('notice') === 'saved');
      assert.match(await page.getByRole('status').first().innerText(), /Fiche enregistrée/);
      assert.equal(await value('#champ-summary'), NEW_SUMMARY);
    });

    test('adds a photo: file chosen on the focused input, the rest with the keyboard', async () => {
      await tabThrough(page, '#champ-photo', 300);
      // A headless browser has no file chooser to operate: the file is given to the focused input.
      await page.locator('#champ-photo').setInputFiles({ name: 'conges.png', mimeType: 'image/png', buffer: await pngPhoto() });
      await tabThrough(page, '#champ-alt', 2);
      await page.keyboard.type(PHOTO_ALT);
      await tabThrough(page, '.photo-form button[type="submit"]', 1);
      await pressAndWaitFor(page, 'Enter', (url) => url.searchParams.get('notice') === 'photoAdded');
      const thumbnail = page.locator(`section[aria-labelledby="titre-photos"] img[alt="${PHOTO_ALT}"]`);
      assert.equal(await thumbnail.count(), 1, 'the thumbnail is listed with its alternative text');
      await thumbnail.scrollIntoViewIfNeeded();
      await page.waitForFunction((alt) => ((document.querySelector(`img[alt="${alt}"]`) as HTMLImageElement | null)?.naturalWidth ?? 0) > 0, PHOTO_ALT);
    });

    test('publishes with “Enregistrer et publier”', async () => {
      // Back from the photos (the page opened on #titre-photos): the form’s last button is just before.
      await tabThrough(page, 'button[name="intent"][value="publish"]', 5, 'Shift+Tab');
      assert.equal((await focusedElement(page)).description, 'button « Enregistrer et publier »');
      await pressAndWaitFor(page, 'Enter', (url) => url.searchParams.get('notice') === 'published');
      assert.match(await page.getByRole('status').first().innerText(), /Fiche publiée/);
      assert.equal(await value('#champ-summary'), NEW_SUMMARY, 'publishing kept the saved summary');
    });

    test('the public page shows the sheet, and the territory page lists it', async () => {
      await tabThrough(page, `main a[href="/initiatives/${id}"]`, 30);
      await pressAndWaitFor(page, 'Enter', `/initiatives/${id}`);
      assert.equal(await page.locator('h1').innerText(), TITLE);
      const main = await page.locator('main').innerText();
      assert.ok(main.includes(frenchTypography(NEW_SUMMARY)), 'the new summary, in French typography');
      assert.ok(main.includes('Réalisée'));
      assert.ok(main.includes('Dématérialisation des procédures RH des agents'));
      for (const name of ACTORS) assert.equal(await page.locator('section[aria-labelledby="titre-acteurs"] a', { hasText: name }).count(), 1, `actor ${name}`);
      assert.match(await page.locator('.indicator-list').innerText(), /^1\s200 demandes\s+Demandes traitées en ligne$/);
      assert.equal(await page.locator(`img[alt="${PHOTO_ALT}"]`).count(), 1);

      await tabThrough(page, `main a[href="/territoires/${TRELAZE}"]`, 20);
      await pressAndWaitFor(page, 'Enter', `/territoires/${TRELAZE}`);
      assert.equal(await page.locator(`main a[href="/initiatives/${id}"]`).innerText(), TITLE);
    });
  });

  describe('with JavaScript turned off', () => {
    let page: Page;

    before(async () => {
      page = await browser.newPage({ javaScriptEnabled: false });
      await logIn(page, server.url, PEOPLE.contributor2.email, PASSWORD);
    });

    test('creates a sheet through the form and publishes it', async () => {
      await page.goto(`${server.url}/espace/${TRELAZE}`);
      await Promise.all([page.waitForURL(/\/nouvelle$/), page.getByRole('link', { name: 'Nouvelle fiche' }).click()]);
      await page.locator('#champ-title').fill('Permanences numériques à la médiathèque');
      await page.locator('#champ-summary').fill('Des aidants numériques chaque mardi.');
      await page.locator('#champ-status').selectOption('in_progress');
      // <details> opens without any script.
      await page.locator('.service-picker summary', { hasText: 'Vivre ensemble' }).click();
      const service = page.locator('.service-picker input[name="serviceIds"]:visible').first();
      const serviceName = await page.locator(`label[for="${await service.getAttribute('id')}"]`).innerText();
      await service.check();
      await page.locator('input[name="newActorName"]').first().fill('Médiathèque de Trélazé');
      await page.locator('select[name="newActorKind"]').first().selectOption('public_body');
      await Promise.all([page.waitForURL(/notice=created/), page.getByRole('button', { name: 'Créer la fiche (brouillon)' }).click()]);
      const id = new URL(page.url()).pathname.split('/').pop()!;
      assert.equal(await page.locator('#autosave-status').count(), 1, 'the draft offers autosave…');
      assert.match(await page.locator('#autosave-status').innerText(), /gardées automatiquement/, '…whose script never ran: the idle text stays');
      assert.equal(await page.locator('#filtre-services').isVisible(), false, 'no filter without its script');

      await Promise.all([page.waitForURL(/notice=published/), page.getByRole('button', { name: 'Enregistrer et publier' }).click()]);
      assert.match(await page.getByRole('status').first().innerText(), /Fiche publiée/);

      const visitor = await browser.newPage({ javaScriptEnabled: false });
      const response = await visitor.goto(`${server.url}/initiatives/${id}`);
      assert.equal(response?.status(), 200);
      assert.equal(await visitor.locator('h1').innerText(), 'Permanences numériques à la médiathèque');
      const main = await visitor.locator('main').innerText();
      assert.ok(main.includes('Médiathèque de Trélazé'));
      assert.ok(main.includes(serviceName), `service ${serviceName}`);
      await visitor.goto(`${server.url}/territoires/${TRELAZE}`);
      assert.equal(await visitor.locator(`main a[href="/initiatives/${id}"]`).count(), 1);
    });
  });
});
