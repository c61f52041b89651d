import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createActiveUser, logIn } from '../../../test/support/accounts.ts';
import { TestBrowser, textOf } from '../../../test/support/http-client.ts';
import { seedLabelHistory } from '../../../test/support/results-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { queryRows } from '../../platform/db/database.ts';
import { editions, editionStateChanges } from './schema.ts';

const ADMIN = 'admin@label.example.fr';
const MEMBER = 'agent@mairie.example.fr';
/** The settings form of 2025 as prepared (a browser sends every field). */
const FORM_2025 = {
  opensAt: '2025-03-01T09:00',
  closesAt: '2025-04-30T23:59',
  juryAt: '2025-06-15T09:00',
  ceremonyAt: '2025-10-01T18:00',
  referentialVersion: '2027',
  distinctions: ['verte', 'democratie-locale'],
};

for (const driver of drivers) {
  describe(`editions’ admin pages (${driver})`, () => {
    const server = useTestServer(driver);
    let admin: TestBrowser;
    let member: TestBrowser;

    before(async () => {
      await seedLabelHistory(server.db);
      await createActiveUser(server.db, { email: ADMIN, role: 'admin', displayName: 'Claire Admin' });
      await createActiveUser(server.db, { email: MEMBER, role: 'member' });
      admin = new TestBrowser(server.app);
      member = new TestBrowser(server.app);
      await logIn(admin, ADMIN);
      await logIn(member, MEMBER);
    });

    test('only an administrator opens the pages; the admin home links them', async () => {
      for (const url of ['/admin/editions', '/admin/editions/2023']) {
        assert.equal((await new TestBrowser(server.app).get(url)).status, 303, `${url}: a visitor is sent to the login`);
        assert.equal((await member.get(url)).status, 403, url);
      }
      assert.equal((await member.post('/admin/editions', { year: '2025' })).status, 403);
      const list = await admin.get('/admin/editions');
      assert.equal(list.status, 200);
      const text = textOf(list.body);
      assert.match(text, /Préparer l’édition 2025/);
      assert.match(text, /Résultats publiés \(importée\)/, 'imported past editions');
      assert.doesNotMatch(list.body, /href="\/admin\/editions\/2023"/, 'no action on an imported edition');
      assert.ok(text.indexOf('2024') < text.indexOf('2017'), 'most recent first');
      assert.match((await admin.get('/admin')).body, /href="\/admin\/editions"/);
      assert.equal((await admin.get('/admin/editions/1890')).status, 404);
      assert.equal((await admin.get('/admin/editions/abc')).status, 404);
    });

    test('preparing the next edition, then its page; a second click is a French 409', async () => {
      const res = await admin.submit('/admin/editions', {});
      assert.equal(res.status, 303);
      assert.equal(res.location, '/admin/editions/2025?ok=preparee');
      const page = await admin.follow(res);
      assert.equal(page.status, 200);
      assert.match(textOf(page.body), /L’édition 2025 est préparée/);
      assert.match(page.body, /type="datetime-local" name="opensAt" value="2025-03-01T09:00"/);
      assert.match(page.body, /name="closesAt" value="2025-04-30T23:59"/);
      assert.match(textOf(page.body), /Préparée à partir de l’édition 2024/);
      const again = await admin.post('/admin/editions', { year: '2025', _csrf: csrfOf(page.body) });
      assert.equal(again.status, 409);
      assert.match(textOf(again.body), /L’édition 2025 existe déjà/);
      const list = textOf((await admin.get('/admin/editions')).body);
      assert.match(list, /En préparation/);
      assert.match(list, /Ouverture des candidatures : 1er mars 2025 à 09:00/);
    });

    test('a bad calendar is a 400 naming the field, keeps what was typed, and changes nothing', async () => {
      const before = await server.db.select().from(editions).where(eq(editions.year, 2025));
      const res = await admin.submit('/admin/editions/2025', { ...FORM_2025, juryAt: '2025-04-01T10:00' }, { action: '/admin/editions/2025' });
      assert.equal(res.status, 400);
      assert.match(textOf(res.body), /Réunion du jury\s?: La date du jury doit suivre la clôture/);
      assert.match(res.body, /name="juryAt" value="2025-04-01T10:00"/);
      assert.match(res.body, /aria-invalid="true"/);
      assert.deepEqual(await server.db.select().from(editions).where(eq(editions.year, 2025)), before);

      const ok = await admin.submit('/admin/editions/2025', { ...FORM_2025, closesAt: '2025-05-15T18:00' }, { action: '/admin/editions/2025' });
      assert.equal(ok.status, 303);
      assert.match(textOf((await admin.follow(ok)).body), /Les réglages de l’édition sont enregistrés/);
      const [row] = await server.db.select().from(editions).where(eq(editions.year, 2025));
      assert.equal(row?.closesAt?.toISOString(), '2025-05-15T16:00:00.000Z', 'read on the Paris clock (summer time)');
    });

    test('a hand state change needs a reason, is shown in the history, and publication is not offered', async () => {
      const page = await admin.get('/admin/editions/2025');
      assert.match(page.body, /value="open"/);
      assert.doesNotMatch(page.body, /value="publish"/);
      const refused = await admin.submit('/admin/editions/2025', { reason: '' }, { action: '/admin/editions/2025/etat' });
      assert.equal(refused.status, 400);
      assert.match(textOf(refused.body), /à remplir/);
      const res = await admin.submit('/admin/editions/2025', { reason: 'Ouverture pour la démonstration' }, { action: '/admin/editions/2025/etat' });
      assert.equal(res.status, 303);
      const after = textOf((await admin.follow(res)).body);
      assert.match(after, /L’édition est maintenant à l’état «\s?Ouverte aux candidatures\s?»/);
      assert.match(after, /Ouverture pour la démonstration/);
      assert.match(after, /Claire Admin/);
      const rows = await server.db.select().from(editionStateChanges).where(eq(editionStateChanges.year, 2025));
      assert.equal(rows.length, 2, 'the creation and the opening');
      // The audit log keeps them too, the reason left to the edition's history (no free text there).
      const audit = await queryRows<{ action: string; details: Record<string, unknown> }>(
        server.db,
        sql`select action, details from audit_entries where subject_kind = 'edition' and subject_id = '2025' order by id`,
      );
      assert.deepEqual(
        audit.map((a) => [a.action, a.details]),
        [
          ['edition.created', { basedOn: 2024 }],
          ['edition.stateChanged', { from: 'draft', to: 'open', by: 'hand' }],
        ],
      );
      // The closing of 2025 is long past: reopening after a close says to change the date first.
      await admin.submit('/admin/editions/2025', { reason: 'Clôture' }, { action: '/admin/editions/2025/etat' });
      const reopen = await admin.submit('/admin/editions/2025', { event: 'reopen', reason: 'Un oubli' }, { action: '/admin/editions/2025/etat' });
      assert.equal(reopen.status, 409);
      assert.match(textOf(reopen.body), /Changez d’abord la date de clôture, puis rouvrez/);
    });
  });
}

function csrfOf(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  assert.ok(match, 'a CSRF field');
  return match[1]!;
}
