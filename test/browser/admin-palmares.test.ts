// The palmarès administration in Chromium: zero axe-core violations on the home and on a report with
// rows to decide, a keyboard-only decision and import, the whole journey with JavaScript off (choices
// count when "Importer" is pressed without saving them), and territory suggestions as one types.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { PRESS_CSV } from '../../src/modules/palmares-import/import-palmares.fixture.ts';
import { listEditionResults } from '../../src/modules/label/results.service.ts';
import { createUserWithPassword, logIn } from '../support/browser-accounts.ts';
import { expectNoAxeViolations, expectPageStructure, expectVisibleFocus, skipWithoutBrowser, tabTo, useBrowser } from '../support/browser.ts';
import { seedLabelHistory } from '../support/results-fixture.ts';
import { useTestServer } from '../support/test-server.ts';

const PASSWORD = 'une phrase de passe assez longue';
const EMAIL = 'admin@label.test';

describe('palmarès administration (Chromium, axe-core)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });
  let admin: Page;

  before(async () => {
    await seedLabelHistory(server.database.db);
    await createUserWithPassword(server.database.db, { email: EMAIL, role: 'admin', password: PASSWORD });
    admin = await signedIn();
  });

  /**
   * A page signed in as the admin. Each step of an import checks the whole file against every
   * territory: on a busy machine that takes longer than the default ten seconds.
   */
  async function signedIn(options: { javaScriptEnabled?: boolean } = {}) {
    const page = await browser.newPage(options);
    page.setDefaultTimeout(60_000);
    await logIn(page, server.url, EMAIL, PASSWORD);
    return page;
  }

  /** Uploads a file through the form, as a person picks it, and waits for the report. */
  async function upload(page: Page, name: string, csv: string) {
    await page.goto(`${server.url}/admin/palmares`);
    await page.locator('#champ-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await Promise.all([page.waitForURL(/\/admin\/palmares\/imports\/[0-9a-f-]{36}$/), page.getByRole('button', { name: 'Vérifier le fichier' }).click()]);
  }

  async function check(page: Page) {
    await page.setViewportSize({ width: 1280, height: 900 });
    // At most the suggestions of the territory picker: an enhancement, the page works without it.
    const scripts = await page.locator('script').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('src')));
    assert.ok(
      scripts.every((src) => src?.split('?')[0] === '/static/js/suggest.js'),
      `${page.url()} : no script needed (${scripts.join(', ')})`,
    );
    await expectNoAxeViolations(page);
    await expectPageStructure(page);
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  test('/admin/palmares: editions, imports, the excellence form and the upload form', async () => {
    const response = await admin.goto(`${server.url}/admin/palmares`);
    assert.equal(response?.status(), 200);
    assert.equal(await admin.locator('#legende-admin-editions').count(), 1, 'the seeded editions are listed');
    await check(admin);
  });

  test('a report with rows to decide, keyboard only: choose a candidate, skip a row, save, tick the box, import', async () => {
    await upload(admin, 'palmares-2008.csv', PRESS_CSV);
    const report = admin.url();
    assert.match(await admin.locator('[aria-current="step"]').innerText(), /Vérifier et décider/);
    await check(admin);
    // The matched rows are folded, and still checked when unfolded.
    await admin.locator('.palmares-matched > summary').click();
    await expectNoAxeViolations(admin);

    // Smooth scrolling would still be on its way when the focus is checked to be on screen.
    await admin.emulateMedia({ reducedMotion: 'reduce' });
    await admin.goto(report);
    await tabTo(admin, '#choix-6-plus-tard', 80);
    await admin.keyboard.press('ArrowUp');
    await admin.keyboard.press('ArrowUp');
    assert.equal(await admin.evaluate(() => document.activeElement?.id), 'choix-6-1');
    await expectVisibleFocus(admin);
    assert.ok(await admin.locator('#choix-6-1').isChecked(), 'Arras (62041) chosen with the arrows');
    await tabTo(admin, '#choix-7-plus-tard', 2);
    await admin.keyboard.press('ArrowUp');
    assert.ok(await admin.locator('#choix-7-ignorer').isChecked());
    await tabTo(admin, '.palmares-decisions button[type="submit"]', 5);
    await Promise.all([admin.waitForURL(/ok=choix/), admin.keyboard.press('Enter')]);
    assert.match(await admin.getByRole('status').innerText(), /Choix enregistrés/);
    assert.ok(await admin.locator('#choix-6-1').isChecked(), 'the saved choice is shown');

    await tabTo(admin, '#champ-skipUnmatched', 80);
    await admin.keyboard.press('Space');
    await tabTo(admin, '.palmares-apply button[type="submit"]', 3);
    assert.equal(await admin.locator('.palmares-apply button').innerText(), 'Importer 8 lignes');
    await Promise.all([admin.waitForURL(/ok=importe/), admin.keyboard.press('Enter')]);
    assert.match(await admin.locator('main').innerText(), /8 lignes\s: 8 ajoutées, 0 modifiée, 0 inchangée\. 6 lignes laissées de côté\./);
    await check(admin);
    assert.deepEqual((await listEditionResults(server.database.db, 2009))?.map((r) => r.code).sort(), ['49353', '92040']);
  });

  test('without JavaScript: upload, decide, import', async () => {
    const page = await signedIn({ javaScriptEnabled: false });
    const csv = ['année;nom;département;niveau', '2010;Arras;62;4', '2010;Trilport;77;3'].join('\n');
    await upload(page, 'palmares-2010.csv', csv);
    assert.equal(await page.locator('.palmares-apply input[type="checkbox"]').count(), 1, 'one row unresolved: the box is required');
    await page.getByLabel(/^CU d['’]Arras — Pas-de-Calais, .* habitants \(200033579\)$/).check();
    await Promise.all([page.waitForURL(/ok=choix/), page.getByRole('button', { name: 'Enregistrer mes choix' }).click()]);
    assert.equal(await page.locator('.palmares-apply input[type="checkbox"]').count(), 0, 'nothing left to skip');
    await Promise.all([page.waitForURL(/ok=importe/), page.getByRole('button', { name: 'Importer 2 lignes' }).click()]);
    assert.equal(await page.locator('main a[href="/palmares/2010"]').count(), 1);
    assert.deepEqual(
      (await listEditionResults(server.database.db, 2010))?.map((r) => [r.code, r.level]),
      [
        ['200033579', 4],
        ['77475', 3],
      ],
    );
  });

  test('without JavaScript: a choice made, then "Importer" pressed at once, is imported (not left aside)', async () => {
    const page = await signedIn({ javaScriptEnabled: false });
    await upload(page, 'palmares-2011.csv', ['année;nom;département;niveau', '2011;Arras;62;4', '2011;Trilport;77;3'].join('\n'));
    await page.getByLabel(/^CU d['’]Arras — Pas-de-Calais/).check();
    await Promise.all([page.waitForURL(/ok=importe/), page.getByRole('button', { name: 'Importer 1 ligne' }).click()]);
    assert.match(await page.locator('main').innerText(), /2 lignes\s: 2 ajoutées, 0 modifiée, 0 inchangée\./);
    assert.deepEqual(
      (await listEditionResults(server.database.db, 2011))?.map((r) => r.code),
      ['200033579', '77475'],
    );
  });

  test('with JavaScript: a territory typed by its name gets suggestions, and the one picked is imported', async () => {
    const page = await signedIn();
    await upload(page, 'palmares-2012.csv', ['année;nom;département;niveau', '2012;Trifouillis-les-Oies;49;3', '2012;Trilport;77;4'].join('\n'));
    await check(page);
    const field = page.locator('#champ-code-1');
    await field.pressSequentially('Cholet', { delay: 30 });
    const options = page.locator('#suggestions-code-1 option');
    await options.first().waitFor({ state: 'attached' });
    const values = await options.evaluateAll((nodes) => nodes.map((n) => (n as HTMLOptionElement).value));
    assert.ok(values.includes('Cholet (49099)'), `suggestions carry the code: ${values.join(' | ')}`);
    assert.match((await options.first().getAttribute('label')) ?? '', /—/);
    // What choosing the suggestion in the list puts in the field.
    await field.fill('Cholet (49099)');
    await Promise.all([page.waitForURL(/ok=importe/), page.getByRole('button', { name: 'Importer 1 ligne' }).click()]);
    assert.deepEqual((await listEditionResults(server.database.db, 2012))?.map((r) => r.code).sort(), ['49099', '77475']);
  });
});
