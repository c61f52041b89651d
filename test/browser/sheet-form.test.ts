// The sheet’s form in Chromium: the services' filter as you type and the live counts, the warning
// before leaving with unsaved changes, and the focus on the error summary after a refused form.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Dialog, Page } from 'playwright-core';
import { expectNoAxeViolations, skipWithoutBrowser, useBrowser } from '../support/browser.ts';
import { logIn } from '../support/browser-accounts.ts';
import { createPeople, createSheet, PASSWORD, type Account } from '../support/browser-initiatives.ts';
import { PEOPLE, TRELAZE } from '../support/initiatives-fixture.ts';
import { useTestServer } from '../support/test-server.ts';

describe('the sheet form (Chromium)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });
  let people: Record<'contributor', Account>;
  let page: Page;
  const newForm = () => `${server.url}/espace/${TRELAZE}/initiatives/nouvelle`;

  before(async () => {
    people = await createPeople(server.database.db, ['contributor']);
    page = await browser.newPage();
    await logIn(page, server.url, PEOPLE.contributor.email, PASSWORD);
  });

  test('the filter finds services as you type, accents or not, and the counts follow the ticks', async () => {
    await page.goto(newForm());
    const filter = page.locator('#filtre-services');
    assert.equal(await filter.isVisible(), true, 'the script shows the filter');
    const shown = () => page.locator('.service-picker input[name="serviceIds"]:visible');
    assert.equal(await shown().count(), 0, 'the axes start folded');

    await filter.fill('ecole');
    const matches = await shown().count();
    assert.ok(matches > 0 && matches < 20, `${matches} services for “ecole”`);
    // Each service shown names "école" (accented) in its name, its description or its theme.
    const texts = await page
      .locator('.service-picker .checkbox:visible')
      .evaluateAll((items) => items.map((item) => `${item.textContent} ${item.closest('fieldset')?.querySelector('legend')?.textContent}`));
    assert.ok(
      texts.every((text) => /ecole/i.test(text.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))),
      `only matching services are shown: ${texts.join(' | ')}`,
    );
    assert.ok(
      texts.some((text) => /école/i.test(text)),
      'found through the accented word',
    );
    assert.match(await page.locator('.service-picker__matches').innerText(), new RegExp(`^${matches} services? correspond`));
    assert.equal((await page.locator('.service-picker details:visible').count()) <= 4, true);

    await filter.fill('zzz-aucun');
    assert.equal(await shown().count(), 0);
    assert.equal(await page.locator('.service-picker__matches').innerText(), 'Aucun service ne correspond.');

    // Enter in the filter does not send the form.
    await filter.fill('wifi');
    await filter.press('Enter');
    assert.equal(new URL(page.url()).pathname, `/espace/${TRELAZE}/initiatives/nouvelle`);
    const first = shown().first();
    const firstId = (await first.getAttribute('id'))!;
    const name = await page.locator(`label[for="${firstId}"]`).innerText();
    await first.check();
    assert.equal(await page.locator('#services-choisis').innerText(), `1 service choisi\u00a0: ${name}.`);
    const axis = page.locator('.service-picker details', { has: page.locator(`[id="${firstId}"]`) }).locator('summary');
    assert.match(await axis.innerText(), /\(1 choisi\)$/);

    // Emptied, the filter shows the axes as they were (folded) and the tick stays.
    await filter.fill('');
    assert.equal(await shown().count(), 0);
    assert.equal(await page.locator('.service-picker input[name="serviceIds"]:checked').count(), 1);
    await expectNoAxeViolations(page);
  });

  test('a refused form puts the focus on the error summary', async () => {
    await page.goto(newForm());
    await page.locator('#champ-title').fill('Une fiche sans service');
    // No service chosen: the browser lets it go, the server refuses it.
    const dialogs: Dialog[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog);
      void dialog.accept();
    });
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Créer la fiche (brouillon)' }).click()]);
    await page.waitForSelector('#erreurs');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'erreurs', 'focus on the summary, not the top of the page');
    assert.match(await page.locator('#erreurs').innerText(), /Services/);
    assert.equal(dialogs.length, 0, 'sending the form is not leaving it');

    // Without JavaScript too: the summary is focused by the page itself (autofocus).
    const plain = await browser.newPage({ javaScriptEnabled: false });
    await logIn(plain, server.url, PEOPLE.contributor.email, PASSWORD);
    await plain.goto(newForm());
    await plain.locator('#champ-title').fill('Une autre fiche sans service');
    await Promise.all([plain.waitForLoadState('load'), plain.getByRole('button', { name: 'Créer la fiche (brouillon)' }).click()]);
    await plain.waitForSelector('#erreurs');
    assert.equal(await plain.evaluate(() => document.activeElement?.id), 'erreurs');
  });

  test('leaving a form with changes not saved asks first; an untouched or saved form does not', async () => {
    const { id } = await createSheet(server.url, people.contributor.token, { visibility: 'public' });
    const edit = `${server.url}/espace/${TRELAZE}/initiatives/${id}`;
    const fresh = await browser.newPage();
    await logIn(fresh, server.url, PEOPLE.contributor.email, PASSWORD);
    const dialogs: string[] = [];
    fresh.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.dismiss();
    });

    await fresh.goto(edit);
    await fresh.locator('#champ-title').click();
    await fresh.goto(`${server.url}/espace/${TRELAZE}`);
    assert.deepEqual(dialogs, [], 'nothing changed: no question');

    await fresh.goto(edit);
    await fresh.locator('#champ-title').fill('Un titre pas encore enregistré');
    // Dismissed: the person stays on the form with their text.
    await fresh.goto(`${server.url}/espace/${TRELAZE}`).catch(() => undefined);
    assert.deepEqual(dialogs, ['beforeunload']);
    assert.equal(new URL(fresh.url()).pathname, `/espace/${TRELAZE}/initiatives/${id}`);
    assert.equal(await fresh.locator('#champ-title').inputValue(), 'Un titre pas encore enregistré');

    // Saving is not leaving, and the saved form has nothing left to lose.
    await Promise.all([fresh.waitForURL(/notice=saved/), fresh.getByRole('button', { name: 'Enregistrer', exact: true }).click()]);
    assert.deepEqual(dialogs, ['beforeunload']);
    await fresh.goto(`${server.url}/espace/${TRELAZE}`);
    assert.deepEqual(dialogs, ['beforeunload']);
  });
});
