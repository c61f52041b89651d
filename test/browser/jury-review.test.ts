// A juror's review in the browser: from the jury's space to a dossier, every theme scored, a level
// proposed and the review handed in, keyboard only and without JavaScript; then, with JavaScript,
// zero axe violations on the dossier before, on a refused submission, and after; the autosave keeps a score.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { PASSWORD } from '../support/accounts.ts';
import { logIn } from '../support/browser-accounts.ts';
import { expectNoAxeViolations, expectPageStructure, skipWithoutBrowser, tabTo, useBrowser } from '../support/browser.ts';
import { addJuror, assignDirectly, editionUnderReview, submittedDossiers, type FixtureDossier } from '../support/jury-fixture.ts';
import { useTestServer } from '../support/test-server.ts';
import { getCurrentReferentialVersion, getReferential } from '../../src/modules/referential/referential.service.ts';

const YEAR = 2027;

describe('a juror’s review (Chromium)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });
  let dossiers: FixtureDossier[];
  let themeIds: string[];

  before(async () => {
    const db = server.database.db;
    const version = await getCurrentReferentialVersion(db);
    themeIds = (await getReferential(db, version))!.axes.flatMap((a) => a.themes.map((t) => t.id));
    await editionUnderReview(db, YEAR, version);
    dossiers = await submittedDossiers(db, YEAR, version, ['76709', '75056']);
    const juror = await addJuror(db, YEAR, 'juree@label.test', { greenReviewer: true });
    for (const d of dossiers) await assignDirectly(db, YEAR, d.applicationId, juror.jurorId);
  });

  describe('with JavaScript turned off, keyboard only', () => {
    let page: Page;
    before(async () => {
      page = await browser.newPage({ javaScriptEnabled: false });
      await logIn(page, server.url, 'juree@label.test', PASSWORD);
    });

    test('« Dossier suivant », every theme scored, a level, the review handed in', async () => {
      await page.goto(`${server.url}/jury`);
      await expectPageStructure(page);
      const first = dossiers.find((d) => d.territoryCode === '76709')!;
      await tabTo(page, `main a.button[href="/jury/dossiers/${first.applicationId}"]`);
      await Promise.all([page.waitForURL(/\/jury\/dossiers\//), page.keyboard.press('Enter')]);
      await expectPageStructure(page);
      assert.match(await page.locator('main').innerText(), /autodiagnostic numérique responsable/);
      for (const id of themeIds) {
        await tabTo(page, `input[name="score.${id}"]`, 30);
        // In a radio group the arrows choose: the first press lands on « 1 », the second on « 2 ».
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
      }
      await tabTo(page, 'input[name="proposedLevel"]', 10);
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
      await tabTo(page, '#champ-publicComment', 20);
      await page.keyboard.type('Une démarche suivie et partagée avec les habitants.');
      await tabTo(page, 'button[value="submit"]', 5);
      await Promise.all([page.waitForURL(/fait=remis/), page.keyboard.press('Enter')]);
      assert.match(await page.locator('.alert--success').innerText(), /Évaluation remise/);
      assert.equal(await page.locator('input[name="proposedLevel"][value="4"]').isChecked(), true);
      assert.equal(await page.locator(`input[name="score.${themeIds[0]}"][value="2"]`).isChecked(), true);
      assert.equal(await page.locator('button[value="submit"]').count(), 0, 'a handed-in review is read only');
    });
  });

  test('with JavaScript: the dossier, a refused submission and the handed-in one have no axe violation', async () => {
    const page = await browser.newPage();
    await logIn(page, server.url, 'juree@label.test', PASSWORD);
    await page.goto(`${server.url}/jury`);
    await expectNoAxeViolations(page);
    const other = dossiers.find((d) => d.territoryCode === '75056')!;
    await page.goto(`${server.url}/jury/dossiers/${other.applicationId}`);
    await expectNoAxeViolations(page);
    // The autosave keeps a score a few seconds after it is chosen: it is there after a reload.
    await page.locator(`input[name="score.${themeIds[1]}"][value="1"]`).check();
    await page.waitForFunction(() => /Évaluation enregistrée à \d\d:\d\d/.test(document.querySelector('#autosave-status')?.textContent ?? ''), undefined, {
      timeout: 10_000,
    });
    await page.reload();
    assert.equal(await page.locator(`input[name="score.${themeIds[1]}"][value="1"]`).isChecked(), true, 'the autosaved score is kept');
    await page.locator(`input[name="score.${themeIds[0]}"][value="3"]`).check();
    await Promise.all([page.waitForLoadState(), page.locator('button[value="submit"]').click()]);
    await page.waitForSelector('.alert--error');
    assert.match(await page.locator('.alert--error').innerText(), /Notez l’enjeu/);
    assert.equal(await page.locator(`input[name="score.${themeIds[0]}"][value="3"]`).isChecked(), true, 'what was typed is kept');
    await expectNoAxeViolations(page);
    const first = dossiers.find((d) => d.territoryCode === '76709')!;
    await page.goto(`${server.url}/jury/dossiers/${first.applicationId}`);
    await expectNoAxeViolations(page);
  });
});
