// The jury's first pages in the browser: a juror declares a conflict from their space, keyboard
// only and without JavaScript; the staff's jury page after the assignment, a juror's page and a
// refused declaration have no axe violation (axe needs JavaScript: checked with it turned on).
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { PASSWORD } from '../support/accounts.ts';
import { createUserWithPassword, logIn } from '../support/browser-accounts.ts';
import { expectNoAxeViolations, expectPageStructure, skipWithoutBrowser, tabTo, useBrowser } from '../support/browser.ts';
import { addJuror, editionUnderReview, submittedDossiers } from '../support/jury-fixture.ts';
import { useTestServer } from '../support/test-server.ts';
import { getCurrentReferentialVersion } from '../../src/modules/referential/referential.service.ts';
import { runAutomaticAssignment } from '../../src/modules/jury/assignment.service.ts';
import { systemCaller } from '../../src/modules/accounts/permissions.rules.ts';

const YEAR = 2027;
const ADMIN_PASSWORD = 'une phrase de passe pour le jury du label';

describe('the jury’s conflicts and assignment (Chromium)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });
  let jurorId: string;

  before(async () => {
    const db = server.database.db;
    const version = await getCurrentReferentialVersion(db);
    await editionUnderReview(db, YEAR, version);
    await submittedDossiers(db, YEAR, version, ['49353', '76709', '75056', '13055']);
    jurorId = (await addJuror(db, YEAR, 'juree@label.test')).jurorId;
    await addJuror(db, YEAR, 'elu@letrait.test', { memberOf: '76709' });
    await addJuror(db, YEAR, 'journaliste@label.test');
    await createUserWithPassword(db, { email: 'admin@label.test', role: 'admin', password: ADMIN_PASSWORD });
  });

  describe('with JavaScript turned off, keyboard only', () => {
    let page: Page;
    before(async () => {
      page = await browser.newPage({ javaScriptEnabled: false });
      await logIn(page, server.url, 'juree@label.test', PASSWORD);
    });

    test('from the jury’s space to the conflicts page, a département declared, then the declaration confirmed', async () => {
      await page.goto(`${server.url}/jury`);
      await expectPageStructure(page);
      await tabTo(page, `main a[href="/jury/${YEAR}/conflits"]`);
      await Promise.all([page.waitForURL(new RegExp(`/jury/${YEAR}/conflits$`)), page.keyboard.press('Enter')]);
      await expectPageStructure(page);
      await tabTo(page, '#champ-departmentCode', 60);
      await page.keyboard.type('49');
      await tabTo(page, 'main form[aria-labelledby="declarer"] button[type="submit"]', 5);
      await Promise.all([page.waitForURL(/fait=conflit/), page.keyboard.press('Enter')]);
      assert.match(await page.locator('#declares + ul').innerText(), /Département\s: Maine-et-Loire \(49\)/);
      await tabTo(page, `main form[action="/jury/${YEAR}/conflits/confirmer"] button`, 60);
      await Promise.all([page.waitForURL(/fait=confirme/), page.keyboard.press('Enter')]);
      assert.match(await page.locator('main').innerText(), /Déclaration confirmée le/);
    });
  });

  test('with JavaScript: the juror’s pages, a refused declaration and the staff’s pages have no axe violation', async () => {
    const juror = await browser.newPage();
    await logIn(juror, server.url, 'juree@label.test', PASSWORD);
    for (const path of ['/jury', `/jury/${YEAR}/conflits`]) {
      await juror.goto(server.url + path);
      await expectNoAxeViolations(juror);
    }
    await juror.locator('#champ-kind').selectOption('other');
    await juror.locator('#champ-territoryCode').fill('13055');
    await juror.locator('main form[aria-labelledby="declarer"] button[type="submit"]').click();
    await juror.waitForLoadState();
    assert.match(await juror.locator('.alert--error').innerText(), /Donnez la raison du conflit/);
    await expectNoAxeViolations(juror);

    await runAutomaticAssignment(server.database.db, systemCaller('test'), YEAR);
    const admin = await browser.newPage();
    await logIn(admin, server.url, 'admin@label.test', ADMIN_PASSWORD);
    await admin.goto(`${server.url}/admin/editions/${YEAR}/jury`);
    assert.match(await admin.locator('#tableau-affectations').locator('..').innerText(), /Trélazé/);
    await expectNoAxeViolations(admin);
    await admin.goto(`${server.url}/admin/editions/${YEAR}/jury/${jurorId}`);
    await expectNoAxeViolations(admin);
  });
});
