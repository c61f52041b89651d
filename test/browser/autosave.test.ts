// Autosave in Chromium (public/js/autosave.js, ADR 0014): what the person types is kept while
// typing, in their private working copy, and survives a reload; only "Enregistrer" writes the sheet
// (a published one shows nothing half-typed). When someone else saves the sheet meanwhile, autosave
// says so and keeps going, and the Save button shows the merge page with both texts.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page, Request } from 'playwright-core';
import { EDITABLE_FIELDS } from '../../src/modules/initiatives/initiative.rules.ts';
import { expectNoAxeViolations, skipWithoutBrowser, useBrowser } from '../support/browser.ts';
import { logIn } from '../support/browser-accounts.ts';
import { callApi, createPeople, createSheet, PASSWORD, type Account } from '../support/browser-initiatives.ts';
import { PEOPLE, TRELAZE } from '../support/initiatives-fixture.ts';
import { useTestServer } from '../support/test-server.ts';

const ORIGINAL = 'Le service RH a dématérialisé les demandes de congés.';
const FIRST_ADDITION = ' Premier ajout, enregistré automatiquement.';
const SECOND_ADDITION = ' Deuxième ajout, pendant que le second contributeur enregistrait.';
const THEIRS = 'Texte du second contributeur, enregistré entre-temps.';

describe('autosave into a working copy (Chromium, JavaScript on)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });
  let people: Record<'contributor' | 'contributor2', Account>;
  let page: Page;
  let id: string;
  let editUrl: string;
  /** The autosave requests the page sent. */
  const autosaves: Request[] = [];

  before(async () => {
    people = await createPeople(server.database.db, ['contributor', 'contributor2']);
    ({ id } = await createSheet(server.url, people.contributor.token, { description: ORIGINAL, visibility: 'draft' }));
    editUrl = `${server.url}/espace/${TRELAZE}/initiatives/${id}`;
    page = await browser.newPage();
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/brouillon')) autosaves.push(request);
    });
    await logIn(page, server.url, PEOPLE.contributor.email, PASSWORD);
  });

  const status = () => page.locator('#autosave-status');
  const description = () => page.locator('#champ-description');
  const saved = async () => (await callApi(server.url, people.contributor.token, 'GET', `/api/v1/initiatives/${id}`, undefined, 200)).description as string;

  /** Types at the end of the description, as a person does. */
  async function typeAtEnd(text: string) {
    await description().focus();
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type(text);
  }

  test('typing in the description keeps it; after a reload the text is there, the sheet unchanged', async () => {
    // Leaving with kept changes asks first (leave-warning.js): accepted here, as a person would.
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(editUrl);
    assert.equal(await status().getAttribute('role'), 'status', 'a polite live region announces the saves');
    assert.match(await status().innerText(), /gardées automatiquement/);
    await typeAtEnd(FIRST_ADDITION);
    await page.waitForFunction(() => /Modifications gardées à/.test(document.querySelector('#autosave-status')?.textContent ?? ''), undefined, {
      timeout: 10_000,
    });
    assert.match(await status().innerText(), /^Modifications gardées à \d{2}:\d{2}, visibles de vous seul\.$/);
    assert.equal(autosaves.length, 1, 'one save for one burst of typing');
    assert.equal(await saved(), ORIGINAL, 'the sheet is written by “Enregistrer” only');

    await page.reload();
    assert.equal(await description().inputValue(), ORIGINAL + FIRST_ADDITION);
    assert.match(await page.locator('main').innerText(), /pas encore enregistrées dans la fiche/, 'the form says where the text comes from');
    await expectNoAxeViolations(page);
  });

  test('someone else saves meanwhile: autosave says so and keeps going', async () => {
    // The second contributor, without JavaScript, saves another description on the same version.
    const other = await browser.newPage({ javaScriptEnabled: false });
    await logIn(other, server.url, PEOPLE.contributor2.email, PASSWORD);
    await other.goto(editUrl);
    await other.locator('#champ-description').fill(THEIRS);
    await Promise.all([other.waitForURL(/notice=saved/), other.getByRole('button', { name: 'Enregistrer', exact: true }).click()]);
    assert.equal(await saved(), THEIRS);

    const before = autosaves.length;
    await typeAtEnd(SECOND_ADDITION);
    await page.waitForFunction(
      () => /Une autre personne a enregistré la fiche/.test(document.querySelector('#autosave-status')?.textContent ?? ''),
      undefined,
      {
        timeout: 10_000,
      },
    );
    assert.match(await status().innerText(), /vos modifications restent gardées, «\s?Enregistrer\s?» les réunira aux siennes\./);
    assert.equal(autosaves.length, before + 1);
    assert.equal(await saved(), THEIRS, 'their text was not overwritten');

    // Autosave goes on keeping what is typed; the sheet stays theirs.
    const next = page.waitForResponse((r) => r.url().endsWith('/brouillon'), { timeout: 10_000 });
    await page.keyboard.type(' Encore.');
    assert.equal((await next).status(), 200);
    assert.equal(autosaves.length, before + 2, 'the copy follows the typing');
    assert.equal(await saved(), THEIRS);
  });

  test('“Enregistrer” shows the merge page with both texts; merging saves once', async () => {
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === new URL(editUrl).pathname),
      page.getByRole('button', { name: 'Enregistrer', exact: true }).click(),
    ]);
    assert.equal(response.status(), 409);
    await page.waitForLoadState();
    assert.match(await page.locator('main').innerText(), /Quelqu’un a modifié cette fiche pendant que vous la modifiiez/);
    const theirs = page.locator('.conflict', { hasText: 'Description' }).locator('.conflict__value');
    assert.equal(await theirs.innerText(), THEIRS, 'their version is shown beside the field');
    const mine = await description().inputValue();
    assert.equal(mine, ORIGINAL + FIRST_ADDITION + SECOND_ADDITION + ' Encore.', 'my text is kept in the field');
    assert.equal(await status().count(), 0, 'no autosave on the merge page');
    await expectNoAxeViolations(page);

    await description().fill(`${THEIRS}\n\n${mine}`);
    await Promise.all([page.waitForURL(/notice=saved/), page.getByRole('button', { name: 'Enregistrer la fusion' }).click()]);
    // A form sends a textarea’s line breaks as CRLF (HTML rule); the server stores them as LF.
    assert.equal(await saved(), `${THEIRS}\n\n${mine}`);
    assert.match(await status().innerText(), /gardées automatiquement/, 'autosave is back on the saved draft');
    assert.doesNotMatch(await page.locator('main').innerText(), /pas encore enregistrées dans la fiche/, 'the working copy is gone');
  });

  test('a save that leaves a multi-line description untouched merges with an API edit of it', async () => {
    const { id: sheet, version } = await createSheet(server.url, people.contributor.token, { visibility: 'public' });
    const form = await browser.newPage({ javaScriptEnabled: false });
    await logIn(form, server.url, PEOPLE.contributor.email, PASSWORD);
    await form.goto(`${server.url}/espace/${TRELAZE}/initiatives/${sheet}`);
    // Meanwhile an API client rewrites the description, sending every editable field.
    const current = await callApi(server.url, people.contributor2.token, 'GET', `/api/v1/initiatives/${sheet}`, undefined, 200);
    const content = Object.fromEntries(EDITABLE_FIELDS.map((field) => [field, current[field]]));
    await callApi(
      server.url,
      people.contributor2.token,
      'PATCH',
      `/api/v1/initiatives/${sheet}`,
      { ...content, version, description: `${current.description}\n\nAjout par l’API.` },
      200,
    );
    // The person changes the title only.
    await form.locator('#champ-title').fill('Congés dématérialisés');
    const [response] = await Promise.all([
      form.waitForResponse((r) => r.request().method() === 'POST'),
      form.getByRole('button', { name: 'Enregistrer', exact: true }).click(),
    ]);
    assert.equal(response.status(), 303, 'merged without asking: the person did not touch the description');
    const after = await callApi(server.url, people.contributor.token, 'GET', `/api/v1/initiatives/${sheet}`, undefined, 200);
    assert.equal(after.title, 'Congés dématérialisés');
    assert.match(after.description, /Ajout par l’API\.$/);
  });

  test('a published sheet’s autosave publishes nothing until “Enregistrer”', async () => {
    const { id: published } = await createSheet(server.url, people.contributor.token, { visibility: 'public' });
    const publicText = async () =>
      (await callApi(server.url, people.contributor.token, 'GET', `/api/v1/initiatives/${published}`, undefined, 200)).description as string;
    const before = await publicText();
    await page.goto(`${server.url}/espace/${TRELAZE}/initiatives/${published}`);
    assert.match(await status().innerText(), /elles seront publiées quand vous cliquerez sur «\s?Enregistrer\s?»/);
    await typeAtEnd(' Une phrase à moitié tap');
    await page.waitForFunction(() => /Modifications gardées à/.test(document.querySelector('#autosave-status')?.textContent ?? ''), undefined, {
      timeout: 10_000,
    });
    assert.equal(await publicText(), before, 'nothing half-typed is published');
    await page.keyboard.type('ée.');
    await Promise.all([page.waitForURL(/notice=saved/), page.getByRole('button', { name: 'Enregistrer', exact: true }).click()]);
    assert.equal(await publicText(), `${before} Une phrase à moitié tapée.`);
  });
});
