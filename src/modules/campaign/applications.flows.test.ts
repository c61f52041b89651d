import assert from 'node:assert/strict';
import { describe, test, before } from 'node:test';
import { sql } from 'drizzle-orm';
import { createApiToken } from '../accounts/api-tokens.service.ts';
import { createActiveUser } from '../../../test/support/accounts.ts';
import { emailsTo } from '../../../test/support/http-client.ts';
import { initiativesFixture, LEAVE_REQUESTS, TRELAZE } from '../../../test/support/initiatives-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { queryRows } from '../../platform/db/database.ts';
import { getCurrentReferentialVersion } from '../referential/referential.service.ts';
import { readApplication, startApplication } from './applications.service.ts';
import { DEFAULT_QUESTIONNAIRES, INTERVIEW_QUESTIONS } from './default-questionnaires.data.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { completeAnswers, daysFromNow, openEditionForApplications } from '../../../test/support/campaign-fixture.ts';

const YEAR = 2027;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

for (const driver of drivers) {
  describe(`the application dossier (${driver})`, () => {
    const f = initiativesFixture(driver);
    const sheets: Record<string, string> = {};
    let id: string;

    before(async () => {
      const db = f.db();
      const version = await getCurrentReferentialVersion(db);
      await openEditionForApplications(db, YEAR, version);
      const create = async (key: string, fields: Record<string, unknown>) => {
        const res = await f.api('contributor', 'POST', '/api/v1/initiatives', { ...LEAVE_REQUESTS, ...fields });
        assert.equal(res.status, 201, res.body);
        sheets[key] = res.json().id;
      };
      // Closing in 20 days: a sheet finished three years before it no longer counts; one in progress since 2015 does.
      await create('old', { title: 'Ancien site internet', status: 'done', startDate: '2021-01-04', endDate: isoDay(daysFromNow(20 - 3 * 365)) });
      await create('running', { title: 'Conseil municipal des jeunes', status: 'in_progress', startDate: '2015-09-01', endDate: null });
      await create('recent', { title: 'Portail famille', status: 'done', startDate: '2025-01-06', endDate: isoDay(daysFromNow(-60)) });
      await create('planned', { title: 'Tiers-lieu numérique', status: 'planned', startDate: null, endDate: null });
    });

    test('a contributor starts the dossier; a second start is refused; another territory cannot see it', async () => {
      const res = await f.api('contributor', 'POST', `/api/v1/editions/${YEAR}/applications`, { territoryCode: TRELAZE });
      assert.equal(res.status, 201, res.body);
      const body = res.json();
      assert.deepEqual({ ...body, id: undefined }, { id: undefined, year: YEAR, territoryCode: TRELAZE, state: 'draft', version: 1 });
      id = body.id;
      assert.equal((await f.api('referent', 'POST', `/api/v1/editions/${YEAR}/applications`, { territoryCode: TRELAZE })).status, 409);
      assert.equal((await f.api('leTrait', 'GET', `/api/v1/applications/${id}`)).status, 404, 'invisible to another territory');
      assert.equal((await f.api('anonymous', 'GET', `/api/v1/applications/${id}`)).status, 401);
      assert.equal((await f.api('admin', 'POST', `/api/v1/editions/${YEAR}/applications`, { territoryCode: TRELAZE })).status, 403);
      const missing = await f.api('contributor', 'POST', `/api/v1/editions/${YEAR}/applications`, {});
      assert.equal(missing.status, 400);
      assert.equal(missing.json().field, 'territoryCode');
    });

    test('each sheet says whether it counts and why', async () => {
      const res = await f.api('reader', 'GET', `/api/v1/applications/${id}`);
      assert.equal(res.status, 200, res.body);
      const byId = new Map(res.json().initiatives.map((s: { id: string }) => [s.id, s]));
      const old = byId.get(sheets.old!) as { eligible: boolean; reason: string };
      assert.equal(old.eligible, false);
      assert.match(old.reason, /plus de deux ans avant la clôture/);
      assert.equal((byId.get(sheets.running!) as { eligible: boolean }).eligible, true);
      assert.equal((byId.get(sheets.recent!) as { eligible: boolean }).eligible, true);
      const planned = byId.get(sheets.planned!) as { eligible: boolean; counted: string };
      assert.deepEqual([planned.eligible, planned.counted], [false, 'planned']);
    });

    test('an ineligible sheet is refused with its reason; a stale version is a 409; nothing changes', async () => {
      const refused = await f.api('contributor', 'PATCH', `/api/v1/applications/${id}`, { version: 1, initiativeIds: [sheets.recent, sheets.old] });
      assert.equal(refused.status, 400, refused.body);
      assert.equal(refused.json().field, 'initiativeIds.1');
      assert.match(refused.json().message, /ne compte pas pour l’édition : Terminée le/);
      const badAnswer = await f.api('contributor', 'PATCH', `/api/v1/applications/${id}`, { version: 1, answers: { 'pas-une-question': 'oui' } });
      assert.equal(badAnswer.status, 400);
      const saved = await f.api('contributor', 'PATCH', `/api/v1/applications/${id}`, { version: 1, initiativeIds: [sheets.recent, sheets.running] });
      assert.equal(saved.status, 200, saved.body);
      assert.equal(saved.json().version, 2);
      const stale = await f.api('contributor2', 'PATCH', `/api/v1/applications/${id}`, { version: 1, contacts: { agent: { name: 'Julie Martin' } } });
      assert.equal(stale.status, 409);
      const now = (await f.api('reader', 'GET', `/api/v1/applications/${id}`)).json();
      assert.deepEqual(now.initiativeIds, [sheets.recent, sheets.running]);
      assert.deepEqual(now.contacts, {});
    });

    test('only a referent submits, once complete; two submissions at the same instant give one', async () => {
      const current = (await f.api('reader', 'GET', `/api/v1/applications/${id}`)).json();
      assert.ok(current.missing.some((item: { field: string }) => item.field === 'contacts.elected.name'));
      assert.equal((await f.api('contributor', 'POST', `/api/v1/applications/${id}/submit`)).status, 403);
      const incomplete = await f.api('referent', 'POST', `/api/v1/applications/${id}/submit`);
      assert.equal(incomplete.status, 400, incomplete.body);
      assert.match(incomplete.json().message, /Il manque \d+ éléments au dossier/);

      const filled = await f.api('contributor', 'PATCH', `/api/v1/applications/${id}`, {
        version: current.version,
        answers: completeAnswers(DEFAULT_QUESTIONNAIRES.ville),
        interview: { answers: completeAnswers(INTERVIEW_QUESTIONS), consent: true },
        contacts: { elected: { name: 'Marc Goua', role: 'Maire' }, agent: { name: 'Julie Martin', email: 'j.martin@trelaze.example.fr' } },
      });
      assert.equal(filled.status, 200, filled.body);
      assert.deepEqual(filled.json().missing, []);

      // The referent submits the version they read: one a contributor changed since is not submitted unseen.
      const stale = await f.api('referent', 'POST', `/api/v1/applications/${id}/submit`, { version: current.version });
      assert.equal(stale.status, 409, stale.body);
      assert.match(stale.json().message, new RegExp(`modifié depuis que vous l’avez relu \\(il en est à la version ${filled.json().version}\\)`));
      assert.equal((await f.api('referent', 'POST', `/api/v1/applications/${id}/submit`, { version: 'deux' })).status, 400);
      const [a, b] = await Promise.all([
        f.api('referent', 'POST', `/api/v1/applications/${id}/submit`, { version: filled.json().version }),
        f.api('referent', 'POST', `/api/v1/applications/${id}/submit`),
      ]);
      assert.deepEqual([a.status, b.status].sort(), [200, 409], `${a.body} ${b.body}`);
      const ok = a.status === 200 ? a : b;
      assert.equal(ok.json().state, 'submitted');
      const count = await queryRows<{ n: number }>(f.db(), sql`select count(*)::int as n from application_snapshots where application_id = ${id}`);
      assert.equal(count[0]!.n, 1);
      const receipts = await emailsTo(f.db(), 'referent@trelaze.example.fr');
      assert.ok(receipts.some((e) => /Candidature 2027 de Trélazé : dossier déposé/.test(e.subject)));
      assert.equal((await f.api('contributor', 'PATCH', `/api/v1/applications/${id}`, { version: ok.json().version ?? 99, contacts: {} })).status, 409);
    });

    test('editing an included sheet after submission leaves the snapshot as it was', async () => {
      const sheet = (await f.api('contributor', 'GET', `/api/v1/initiatives/${sheets.recent}`)).json();
      const edited = await f.api('contributor', 'PATCH', `/api/v1/initiatives/${sheets.recent}`, {
        version: sheet.version,
        title: 'Portail famille, version 2',
      });
      assert.equal(edited.status, 200, edited.body);
      const snapshot = await f.api('reader', 'GET', `/api/v1/applications/${id}/snapshot`);
      assert.equal(snapshot.status, 200, snapshot.body);
      const content = snapshot.json().content;
      assert.deepEqual(
        content.initiatives.map((s: { title: string }) => s.title),
        ['Portail famille', 'Conseil municipal des jeunes'],
      );
      assert.equal(content.territory.category, 'ville');
      assert.equal(typeof content.selfAssessment.overall, 'number');
      assert.equal((await f.api('leTrait', 'GET', `/api/v1/applications/${id}/snapshot`)).status, 404);
    });

    test('the staff reopen it with a reason; after the closing time it cannot be submitted again', async () => {
      assert.equal((await f.api('referent', 'POST', `/api/v1/applications/${id}/submit`)).status, 409, 'already submitted');
      const person = { id: f.ids.admin, role: 'admin' } satisfies Person;
      const { reopenApplication } = await import('./submit-application.service.ts');
      await assert.rejects(reopenApplication(f.db(), person, id, '  ', { baseUrl: 'http://x' }), /raison/);
      const reopened = await reopenApplication(f.db(), person, id, 'Ajoutez la délibération du conseil municipal.', { baseUrl: 'http://x' });
      assert.equal(reopened.state, 'draft');
      assert.equal(reopened.history[0]?.kind, 'reopened');
      assert.equal(reopened.history[0]?.reason, 'Ajoutez la délibération du conseil municipal.');
      // The audit log keeps both decisions, with who took them and for which territory (no free text).
      const audit = await queryRows<{ action: string; person_id: string; territory_code: string; details: Record<string, unknown> }>(
        f.db(),
        sql`select action, person_id, territory_code, details from audit_entries where subject_kind = 'application' and subject_id = ${id} order by id`,
      );
      assert.deepEqual(
        audit.map((a) => [a.action, a.person_id, a.territory_code, a.details]),
        [
          ['application.submitted', f.ids.referent, TRELAZE, { year: YEAR }],
          ['application.reopened', f.ids.admin, TRELAZE, { year: YEAR }],
        ],
      );
      await f.db().execute(sql`update editions set closes_at = now() - interval '1 minute', opens_at = now() - interval '30 days' where year = ${YEAR}`);
      const late = await f.api('referent', 'POST', `/api/v1/applications/${id}/submit`);
      assert.equal(late.status, 409, late.body);
      assert.match(late.json().message, /Les candidatures ont fermé le/);
      await f.db().execute(sql`update editions set closes_at = ${daysFromNow(20)} where year = ${YEAR}`);
    });

    test('a village gets the village questionnaire, a ville the ville one, an intercommunality the territoire one', async () => {
      const db = f.db();
      const pick = async (where: ReturnType<typeof sql>) =>
        (await queryRows<{ code: string }>(db, sql`select code from territories where ${where} and code not in (${TRELAZE}) order by code limit 1`))[0]!.code;
      const village = await pick(sql`kind = 'commune' and category = 'village' and department_code = '49'`);
      const epci = await pick(sql`kind = 'epci' and category = 'territoire'`);
      for (const [code, category] of [
        [village, 'village'],
        [epci, 'territoire'],
      ] as const) {
        const user = await createActiveUser(db, { email: `referent.${code}@example.fr`, role: 'member', territoryCode: code, territoryRole: 'referent' });
        await createApiToken(db, user.id, 'tests');
        const person: Person = { id: user.id, role: 'member', memberships: [{ territoryCode: code, role: 'referent' }] };
        const view = await startApplication(db, person, YEAR, code);
        assert.equal(view.territory.category, category);
        assert.deepEqual(view.questionnaire, DEFAULT_QUESTIONNAIRES[category]);
      }
      const trelaze = await readApplication(db, { id: f.ids.reader, role: 'member', memberships: [{ territoryCode: TRELAZE, role: 'reader' }] }, id);
      assert.deepEqual(trelaze.questionnaire, DEFAULT_QUESTIONNAIRES.ville);
    });
  });
}
