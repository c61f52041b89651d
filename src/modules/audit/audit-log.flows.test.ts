import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { tableRows } from '../../../test/support/html-tables.ts';
import { logIn } from '../../../test/support/accounts.ts';
import { TestBrowser, textOf } from '../../../test/support/http-client.ts';
import { LEAVE_REQUESTS, TRELAZE, initiativesFixture } from '../../../test/support/initiatives-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { queryRows } from '../../platform/db/database.ts';
import { systemCaller } from '../accounts/permissions.rules.ts';
import { purgeExpiredAuditEntries } from './read-audit.service.ts';
import { auditEntries } from './schema.ts';

/** The trigger’s refusal, under drizzle’s wrapping of the database error. */
const appendOnly = (error: unknown) => /append-only/.test(String((error as { cause?: { message?: string } }).cause?.message ?? error));

type Row = { action: string; person_id: string | null; subject_id: string | null; territory_code: string | null };

for (const driver of drivers) {
  describe(`audit log: written with the change, append-only, read by admins with filters (${driver})`, () => {
    const f = initiativesFixture(driver);
    const entriesFor = (subjectId: string) =>
      queryRows<Row>(f.db(), sql`select action, person_id, subject_id, territory_code from audit_entries where subject_id = ${subjectId} order by id`);
    let sheetId = '';

    test('publishing, unpublishing and moderating a sheet are recorded with who, what and where; a refused change records nothing', async () => {
      const created = await f.api('contributor', 'POST', '/api/v1/initiatives', LEAVE_REQUESTS);
      assert.equal(created.status, 201, created.body);
      sheetId = created.json().id;
      assert.deepEqual(await entriesFor(sheetId), [], 'a draft created is no audit entry (its revisions keep it)');

      // A reader may not publish: refused, nothing recorded.
      const refused = await f.api('reader', 'PATCH', `/api/v1/initiatives/${sheetId}`, { visibility: 'public', version: created.json().version });
      assert.equal(refused.status, 403, refused.body);
      assert.deepEqual(await entriesFor(sheetId), []);

      const published = await f.api('contributor', 'PATCH', `/api/v1/initiatives/${sheetId}`, { visibility: 'public', version: created.json().version });
      assert.equal(published.status, 200, published.body);
      const moderated = await f.browsers.admin.submit(
        `/initiatives/${sheetId}`,
        { reason: 'Contenu à vérifier avant publication.' },
        { action: `/initiatives/${sheetId}/moderation` },
      );
      assert.equal(moderated.status, 303, textOf(moderated.body).slice(0, 300));

      assert.deepEqual(await entriesFor(sheetId), [
        { action: 'initiative.published', person_id: f.ids.contributor, subject_id: sheetId, territory_code: TRELAZE },
        { action: 'initiative.moderated', person_id: f.ids.admin, subject_id: sheetId, territory_code: TRELAZE },
      ]);
    });

    test('sign-ins, failed sign-ins and the admin’s reading of the users’ list are recorded, with the IP and without any address typed', async () => {
      const db = f.db();
      const since = (await queryRows<{ id: number }>(db, sql`select coalesce(max(id), 0)::int as id from audit_entries`))[0]?.id ?? 0;
      const visitor = new TestBrowser(f.server.app, { remoteAddress: '203.0.113.7' });
      const refused = await visitor.submit('/connexion', { email: 'referent@trelaze.example.fr', password: 'pas le bon mot de passe' });
      assert.notEqual(refused.status, 303);
      await visitor.submit('/connexion', { email: 'personne-inconnue@example.fr', password: 'pas le bon mot de passe' });
      await logIn(visitor, 'referent@trelaze.example.fr');
      assert.equal((await f.browsers.admin.get('/admin/utilisateurs')).status, 200);
      const rows = await queryRows<{
        action: string;
        person_id: string | null;
        subject_id: string | null;
        ip: string | null;
        details: Record<string, unknown>;
      }>(db, sql`select action, person_id, subject_id, ip, details from audit_entries where id > ${since} order by id`);
      assert.deepEqual(
        rows.map((r) => [r.action, r.person_id, r.subject_id, r.ip]),
        [
          ['login.failed', null, f.ids.referent, '203.0.113.7'],
          ['login.failed', null, null, '203.0.113.7'],
          ['login.succeeded', f.ids.referent, null, '203.0.113.7'],
          ['personalData.read', f.ids.admin, 'users', rows[3]?.ip ?? null],
        ],
      );
      assert.doesNotMatch(JSON.stringify(rows), /personne-inconnue|mot de passe/, 'no address nor password typed is kept');
    });

    test('the admin reads the log at /admin/journal, names included, and filters it by event, territory and day', async () => {
      const journal = async (query = '') => {
        const res = await f.browsers.admin.get(`/admin/journal${query}`);
        assert.equal(res.status, 200);
        return res.body.includes('id="journal"') ? tableRows(res.body, 'journal') : [];
      };
      const events = (rows: string[][]) => rows.map((row) => row[1]);
      const all = await journal(`?territoire=${TRELAZE}`);
      assert.deepEqual(events(all).slice(0, 2), ['Fiche modérée', 'Fiche publiée'], 'newest first');
      assert.equal(all[1]?.[2], 'contributrice@trelaze.example.fr', 'the person is named (their address when they have no name)');
      assert.equal(all[1]?.[4], TRELAZE);

      assert.deepEqual(events(await journal('?action=initiative.moderated')), ['Fiche modérée']);
      assert.deepEqual(await journal('?territoire=2A004'), []);

      // Days are read on the French clock: 23:30 in Paris on 14 July 2026 is 21:30 UTC that day.
      await f
        .db()
        .insert(auditEntries)
        .values({ action: 'referential.published', at: new Date('2026-07-14T21:30:00Z'), subjectKind: 'referential', subjectId: 'v-juillet' });
      const day = await journal('?du=2026-07-14&au=2026-07-14');
      assert.deepEqual(
        day.map((row) => row[3]),
        ['referential v-juillet'],
      );
      assert.deepEqual(await journal('?du=2026-07-15&au=2026-07-20'), []);
      assert.deepEqual(await journal('?du=2026-07-01&au=2026-07-13'), []);
    });

    test('a wrong filter is named and ignored, never a 500', async () => {
      const res = await f.browsers.admin.get('/admin/journal?du=pas-une-date&action=inconnue&page=-3');
      assert.equal(res.status, 200);
      const text = textOf(res.body);
      assert.match(text, /Filtre ignoré\s*:\s*du/);
      assert.match(text, /Filtre ignoré\s*:\s*action/);
    });

    test('nobody else reads it', async () => {
      assert.equal((await f.browsers.referent.get('/admin/journal')).status, 403);
      const anonymous = await f.browsers.anonymous.get('/admin/journal');
      assert.equal(anonymous.status, 303);
    });

    test('entries cannot be changed or deleted, except by the retention purge, which deletes only expired ones', async () => {
      const db = f.db();
      await assert.rejects(db.execute(sql`update audit_entries set action = 'login.succeeded'`), appendOnly);
      await assert.rejects(db.execute(sql`delete from audit_entries`), appendOnly);
      const count = async () => (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_entries`))[0]?.n ?? 0;
      const before = await count();
      await db
        .insert(auditEntries)
        .values({ action: 'login.succeeded', at: new Date(Date.now() - 400 * 24 * 3600 * 1000), subjectKind: 'user', subjectId: 'ancien' });
      assert.equal(await purgeExpiredAuditEntries(db, systemCaller('test: retention'), 365), 1);
      assert.equal(await count(), before, 'the recent entries are kept');
      assert.deepEqual(await entriesFor('ancien'), []);
      // The purge’s permission to delete ends with its transaction.
      await assert.rejects(db.execute(sql`delete from audit_entries`), appendOnly);
    });
  });
}
