// The staff's deliberation and publication in Chromium: keyboard only and without JavaScript from the
// agenda to a recorded decision, then to a scheduled publication; with JavaScript, zero axe-core
// violations on the agenda, a dossier (refused, then recorded), the jury's parameters, the
// publication page (ready, refused, scheduled), the press kit, and the public verification page.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { createUserWithPassword, logIn } from '../support/browser-accounts.ts';
import { PASSWORD } from '../support/accounts.ts';
import { expectNoAxeViolations, expectPageStructure, skipWithoutBrowser, tabTo, useBrowser } from '../support/browser.ts';
import { addJuror, assignDirectly, editionUnderReview, submittedDossiers, type FixtureDossier } from '../support/jury-fixture.ts';
import { useTestServer } from '../support/test-server.ts';
import { queryRows } from '../../src/platform/db/database.ts';
import { getCurrentReferentialVersion } from '../../src/modules/referential/referential.service.ts';
import { recordDeliberation } from '../../src/modules/jury/deliberation.service.ts';
import { schedulePublication } from '../../src/modules/jury/publication.service.ts';
import { systemCaller } from '../../src/modules/accounts/permissions.rules.ts';

const YEAR = 2027;
const ADMIN = 'delib@label.test';
const LE_TRAIT = '76709';
const PARIS = '75056';
const TRELAZE = '49353';

describe('the deliberation and the publication (Chromium)', { skip: skipWithoutBrowser }, () => {
  const browser = useBrowser();
  const server = useTestServer('pglite', { listen: true });
  let dossiers: FixtureDossier[];
  const idOf = (code: string) => dossiers.find((d) => d.territoryCode === code)!.applicationId;

  before(async () => {
    const db = server.database.db;
    await createUserWithPassword(db, { email: ADMIN, role: 'admin', password: PASSWORD });
    const version = await getCurrentReferentialVersion(db);
    await editionUnderReview(db, YEAR, version);
    await db.execute(sql`insert into edition_distinctions (year, distinction_code) values (${YEAR}, 'verte'), (${YEAR}, 'excellence') on conflict do nothing`);
    dossiers = await submittedDossiers(db, YEAR, version, [LE_TRAIT, PARIS, TRELAZE]);
    const first = await addJuror(db, YEAR, 'un@jury.test');
    const second = await addJuror(db, YEAR, 'deux@jury.test');
    for (const [code, levels] of [
      [LE_TRAIT, [1, 4]],
      [PARIS, [2, 2]],
    ] as const) {
      for (const [i, juror] of [first, second].entries()) {
        await assignDirectly(db, YEAR, idOf(code), juror.jurorId);
        await db.execute(sql`insert into reviews (application_id, juror_id, year, state, theme_scores, proposed_level, public_comment, submitted_at)
          values (${idOf(code)}, ${juror.jurorId}, ${YEAR}, 'submitted', '{}'::jsonb, ${levels[i]}, 'Un avis public.', now())`);
      }
    }
  });

  describe('with JavaScript turned off, keyboard only', () => {
    let page: Page;
    before(async () => {
      page = await browser.newPage({ javaScriptEnabled: false });
      await logIn(page, server.url, ADMIN, PASSWORD);
    });

    test('from the agenda to a recorded decision, then the publication scheduled', async () => {
      await page.goto(`${server.url}/admin/editions/${YEAR}/deliberation`);
      await expectPageStructure(page);
      // Le Trait's reviews are three levels apart: it opens the agenda.
      await tabTo(page, `main a[href="/admin/editions/${YEAR}/deliberation/${idOf(LE_TRAIT)}"]`, 60);
      await Promise.all([page.waitForURL(/deliberation\/[0-9a-f-]{36}$/), page.keyboard.press('Enter')]);
      await expectPageStructure(page);
      await tabTo(page, 'input[name="level"]', 80);
      // Arrows in the radio group: from 1 @ to 3 @.
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await tabTo(page, '#champ-rationale', 20);
      await page.keyboard.type('Une démarche réelle, encore inégale selon les thèmes.');
      await tabTo(page, 'main button[type="submit"]', 10);
      await Promise.all([page.waitForURL(/enregistre=1/), page.keyboard.press('Enter')]);
      assert.equal(await page.locator('input[name="level"][value="3"]').isChecked(), true);

      // The other two decided by the service, then the publication from its page.
      const db = server.database.db;
      const staff = systemCaller('test: the other decisions');
      await recordDeliberation(db, staff, idOf(PARIS), { level: 2, distinctions: [], rationale: 'Deux @ mérités.' });
      await recordDeliberation(db, staff, idOf(TRELAZE), { level: 5, distinctions: ['verte'], rationale: 'Une politique exemplaire.' });
      await page.goto(`${server.url}/admin/editions/${YEAR}/publication`);
      await expectPageStructure(page);
      assert.match(await page.locator('main').innerText(), /3 décisions sont prêtes à publier/);
      // The field proposes the ceremony's date and time (in thirty days): the staff keep it.
      await tabTo(page, '#champ-at', 60);
      await tabTo(page, 'main button[type="submit"]', 10);
      await Promise.all([page.waitForURL(/programmee=1/), page.keyboard.press('Enter')]);
      assert.match(await page.locator('main').innerText(), /Publication programmée le \d{1,2} \S+ 20\d\d à \d\d:\d\d \(heure de Paris\)/);
    });
  });

  test('with JavaScript: every page of the staff’s deliberation and publication, and the public verification, have no axe violation', async () => {
    const page = await browser.newPage();
    await logIn(page, server.url, ADMIN, PASSWORD);
    for (const path of [
      `/admin/editions/${YEAR}/deliberation`,
      `/admin/editions/${YEAR}/deliberation/${idOf(PARIS)}`,
      `/admin/editions/${YEAR}/jury/parametres`,
      `/admin/editions/${YEAR}/publication`,
      `/admin/editions/${YEAR}/dossier-de-presse`,
    ]) {
      const answer = await page.goto(`${server.url}${path}`);
      assert.equal(answer?.status(), 200, path);
      await expectNoAxeViolations(page);
    }
    // A refused rescheduling (an instant past) shows its error summary.
    await page.goto(`${server.url}/admin/editions/${YEAR}/publication`);
    await page.locator('#champ-at').fill('2020-01-01T10:00');
    await Promise.all([page.waitForLoadState(), page.locator('main form button[type="submit"]').first().click()]);
    await page.waitForSelector('.alert--error');
    assert.match(await page.locator('.alert--error').innerText(), /doit être à venir/);
    await expectNoAxeViolations(page);

    // Published a second from now: the verification page answers for anyone.
    await page.goto(`${server.url}/admin/editions/${YEAR}/publication`);
    await page.locator('main form[action$="/annuler"] button').click();
    await page.waitForURL(/annulee=1/);
    await schedulePublication(server.database.db, systemCaller('test: publish now'), YEAR, { at: new Date(Date.now() + 1_500).toISOString() });
    await sleep(2_000);
    const [certificate] = await queryRows<{ code: string }>(server.database.db, sql`select code from certificates where territory_code = ${TRELAZE}`);
    const visitor = await browser.newPage();
    await visitor.goto(`${server.url}/verifier/${certificate!.code}`);
    assert.match(await visitor.locator('main').innerText(), /Trélazé/);
    await expectNoAxeViolations(visitor);
  });
});
