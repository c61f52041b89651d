import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { tableRows } from '../../../test/support/html-tables.ts';
import { csrfTokenOf, emailsTo } from '../../../test/support/http-client.ts';
import { initiativesFixture, PEOPLE } from '../../../test/support/initiatives-fixture.ts';
import { addJuror, editionUnderReview, submittedDossiers, type FixtureDossier } from '../../../test/support/jury-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { queryRows } from '../../platform/db/database.ts';
import { findUserIdByEmail } from '../accounts/users.service.ts';
import { getCurrentReferentialVersion } from '../referential/referential.service.ts';
import { territoryPlacesByCodes } from '../territories/search-territories.service.ts';
import { conflictsWith } from './conflicts.rules.ts';
import { loadJurorFacts } from './jury-access.service.ts';

const YEAR = 2027;
// Trélazé and Angers (Maine-et-Loire), Le Trait (Seine-Maritime), Paris, Marseille, Lyon.
const CODES = ['49353', '49007', '76709', '75056', '13055', '69123'];

type Assignment = { applicationId: string; territoryCode: string; jurorId: string; source: string; started: boolean };

for (const driver of drivers) {
  describe(`jurors, conflicts and the assignment of dossiers (${driver})`, () => {
    const f = initiativesFixture(driver);
    let dossiers: FixtureDossier[];
    const jurorIds: Record<string, string> = {};
    const dossierOf = (code: string) => dossiers.find((d) => d.territoryCode === code)!.applicationId;

    before(async () => {
      const db = f.db();
      const version = await getCurrentReferentialVersion(db);
      await editionUnderReview(db, YEAR, version);
      dossiers = await submittedDossiers(db, YEAR, version, CODES);
      // A juror who is a reader of Le Trait's team: in conflict with Le Trait, by their membership.
      jurorIds.leTrait = (await addJuror(db, YEAR, 'elu-jure@letrait.example.fr', { memberOf: '76709' })).jurorId;
    });

    test('the staff invite a new juror and an existing juror account; refusals name the field and change nothing', async () => {
      const fresh = await f.api('admin', 'POST', `/api/v1/editions/${YEAR}/jurors`, {
        email: 'Universitaire@Exemple.fr',
        displayName: 'Claire Universitaire',
        expertise: 'Universitaire',
      });
      assert.equal(fresh.status, 201, fresh.body);
      assert.equal(fresh.json().email, 'universitaire@exemple.fr');
      jurorIds.academic = fresh.json().id;
      const [invitation] = await emailsTo(f.db(), 'universitaire@exemple.fr');
      assert.ok(invitation, 'the new juror gets an invitation');

      const existing = await f.api('admin', 'POST', `/api/v1/editions/${YEAR}/jurors`, { email: PEOPLE.juror.email });
      assert.equal(existing.status, 201, existing.body);
      assert.equal(existing.json().userId, f.ids.juror);
      jurorIds.juror = existing.json().id;

      assert.equal((await f.api('admin', 'POST', `/api/v1/editions/${YEAR}/jurors`, { email: PEOPLE.juror.email })).status, 409);
      const admin = await f.api('admin', 'POST', `/api/v1/editions/${YEAR}/jurors`, { email: PEOPLE.admin.email });
      assert.equal(admin.status, 400);
      assert.equal(admin.json().field, 'email');
      const badEmail = await f.api('admin', 'POST', `/api/v1/editions/${YEAR}/jurors`, { email: 'pas une adresse' });
      assert.equal(badEmail.status, 400);
      assert.equal(badEmail.json().field, 'email');

      // An unknown territory in the conflicts: refused, and no account is left behind.
      const bad = await f.api('admin', 'POST', `/api/v1/editions/${YEAR}/jurors`, {
        email: 'journaliste@exemple.fr',
        conflicts: [{ kind: 'territory', territoryCode: '99999' }],
      });
      assert.equal(bad.status, 400, bad.body);
      assert.equal(bad.json().field, 'territoryCode');
      assert.equal(await findUserIdByEmail(f.db(), 'journaliste@exemple.fr'), null);

      for (const who of ['referent', 'juror', 'member'] as const)
        assert.equal((await f.api(who, 'POST', `/api/v1/editions/${YEAR}/jurors`, { email: 'x@exemple.fr' })).status, 403, who);
      assert.equal((await f.api('anonymous', 'POST', `/api/v1/editions/${YEAR}/jurors`, { email: 'x@exemple.fr' })).status, 401);
    });

    test('a juror declares their conflicts on their page; a wrong declaration names its field', async () => {
      const juror = f.browsers.juror;
      const page = await juror.get(`/jury/${YEAR}/conflits`);
      assert.equal(page.status, 200, page.body);
      assert.match(page.body, /Vous n’êtes membre d’aucun territoire/);
      const declared = await juror.submit(`/jury/${YEAR}/conflits`, { kind: 'department', departmentCode: '49' }, { action: `/jury/${YEAR}/conflits` });
      assert.equal(declared.status, 303, declared.body);
      const after = await juror.get(`/jury/${YEAR}/conflits`);
      assert.match(after.body, /Département : Maine-et-Loire \(49\)/);
      const again = await juror.submit(`/jury/${YEAR}/conflits`, { kind: 'department', departmentCode: '49' }, { action: `/jury/${YEAR}/conflits` });
      assert.equal(again.status, 409);
      const noReason = await juror.submit(
        `/jury/${YEAR}/conflits`,
        { kind: 'other', territoryCode: '13055', reason: '' },
        { action: `/jury/${YEAR}/conflits` },
      );
      assert.equal(noReason.status, 400);
      assert.match(noReason.body, /Donnez la raison du conflit/);
      const unknown = await juror.submit(`/jury/${YEAR}/conflits`, { kind: 'department', departmentCode: '999' }, { action: `/jury/${YEAR}/conflits` });
      assert.equal(unknown.status, 400);
      assert.match(unknown.body, /Département inconnu/);
      const [{ n }] = (await queryRows<{ n: number }>(f.db(), sql`select count(*)::int as n from juror_conflicts where juror_id = ${jurorIds.juror}`)) as [
        { n: number },
      ];
      assert.equal(n, 1, 'only the valid declaration is stored');
      // A declaration of their own is withdrawn from the same page.
      const marseille = await juror.submit(`/jury/${YEAR}/conflits`, { kind: 'territory', territoryCode: '13055' }, { action: `/jury/${YEAR}/conflits` });
      assert.equal(marseille.status, 303, marseille.body);
      const [row] = await queryRows<{ id: number }>(f.db(), sql`select id from juror_conflicts where juror_id = ${jurorIds.juror} and kind = 'territory'`);
      const withPage = await juror.get(`/jury/${YEAR}/conflits`);
      const withdrawn = await juror.post(`/jury/${YEAR}/conflits/${row!.id}/retirer`, { _csrf: csrfTokenOf(withPage.body) });
      assert.equal(withdrawn.status, 303, withdrawn.body);
      const left = await queryRows<{ kind: string }>(f.db(), sql`select kind from juror_conflicts where juror_id = ${jurorIds.juror}`);
      assert.deepEqual(left, [{ kind: 'department' }]);
      const confirmed = await juror.submit(`/jury/${YEAR}/conflits`, {}, { action: `/jury/${YEAR}/conflits/confirmer` });
      assert.equal(confirmed.status, 303);

      // Not on this edition's jury, or not a juror at all.
      assert.equal((await juror.get(`/jury/2031/conflits`)).status, 404);
      assert.equal((await f.browsers.referent.get(`/jury/${YEAR}/conflits`)).status, 403);
    });

    test('the member of a territory sees that conflict explained, and the staff see every juror', async () => {
      const admin = f.browsers.admin;
      const page = await admin.get(`/admin/editions/${YEAR}/jury/${jurorIds.leTrait}`);
      assert.equal(page.status, 200, page.body);
      assert.match(page.body, /Membre de Le Trait/);
      const list = await admin.get(`/admin/editions/${YEAR}/jury`);
      assert.equal(list.status, 200);
      for (const name of ['Claire Universitaire', 'elu-jure']) assert.ok(list.body.includes(name), name);
      assert.match(list.body, /confirmée le/);
      // Le Trait's élu has declared nothing, yet their membership puts them in conflict with Le Trait's dossier.
      const row = tableRows(list.body, 'tableau-jures').find((r) => r[0]!.includes('elu-jure'))!;
      assert.deepEqual([row[4], row[5]], ['0', '1'], 'no declared conflict, one dossier in conflict by membership');
      assert.equal((await f.browsers.juror.get(`/admin/editions/${YEAR}/jury`)).status, 403);
    });

    test('the automatic assignment gives each dossier two conflict-free reviewers with loads within one', async () => {
      const preview = await f.api('admin', 'POST', `/api/v1/editions/${YEAR}/assignments`, { preview: true });
      assert.equal(preview.status, 200, preview.body);
      assert.equal(preview.json().total, CODES.length * 2);
      assert.equal((await f.api('admin', 'GET', `/api/v1/editions/${YEAR}/assignments`)).json().total, 0, 'a preview writes nothing');
      const badPreview = await f.api('admin', 'POST', `/api/v1/editions/${YEAR}/assignments`, { preview: 'oui' });
      assert.equal(badPreview.status, 400);
      assert.equal(badPreview.json().field, 'preview');
      const res = await f.api('admin', 'POST', `/api/v1/editions/${YEAR}/assignments`);
      assert.equal(res.status, 200, res.body);
      const body = res.json() as { items: Assignment[]; total: number; shortfalls: unknown[] };
      assert.equal(body.total, CODES.length * 2);
      assert.deepEqual(body.shortfalls, []);
      const facts = new Map((await loadJurorFacts(f.db(), YEAR)).map((j) => [j.jurorId, j.facts]));
      const places = new Map((await territoryPlacesByCodes(f.db(), CODES)).map((p) => [p.code, p]));
      for (const code of CODES) {
        const reviewers = body.items.filter((a) => a.territoryCode === code).map((a) => a.jurorId);
        assert.equal(new Set(reviewers).size, 2, code);
        for (const r of reviewers) assert.deepEqual(conflictsWith(facts.get(r)!, places.get(code)!), [], `${r} on ${code}`);
      }
      assert.ok(
        !body.items.some((a) => a.jurorId === jurorIds.juror && (a.territoryCode === '49353' || a.territoryCode === '49007')),
        'the declared département counts',
      );
      assert.ok(!body.items.some((a) => a.jurorId === jurorIds.leTrait && a.territoryCode === '76709'), 'the membership counts');
      const loads = Object.values(jurorIds).map((id) => body.items.filter((a) => a.jurorId === id).length);
      assert.ok(Math.max(...loads) - Math.min(...loads) <= 1, `loads ${loads}`);
      const listed = await f.api('admin', 'GET', `/api/v1/editions/${YEAR}/assignments`);
      assert.deepEqual(listed.json().total, body.total);
      assert.equal((await f.api('referent', 'POST', `/api/v1/editions/${YEAR}/assignments`)).status, 403);
      assert.equal((await f.api('anonymous', 'GET', `/api/v1/editions/${YEAR}/assignments`)).status, 401);
    });

    test('a conflicted juror cannot be added by hand; a started review survives a new run and cannot be taken back', async () => {
      const admin = f.browsers.admin;
      const refused = await admin.submit(
        `/admin/editions/${YEAR}/jury`,
        { applicationId: dossierOf('49353'), jurorId: jurorIds.juror!, action: 'add' },
        { action: `/admin/editions/${YEAR}/jury/affectations` },
      );
      assert.equal(refused.status, 409);
      assert.match(refused.body, /en conflit d’intérêts avec ce territoire \(département déclaré\)/);

      // The juror of Le Trait starts reviewing one of their dossiers.
      const mine = (await f.api('admin', 'GET', `/api/v1/editions/${YEAR}/assignments`))
        .json()
        .items.find((a: Assignment) => a.jurorId === jurorIds.leTrait) as Assignment;
      await f.db().execute(sql`insert into reviews (application_id, juror_id, year) values (${mine.applicationId}, ${mine.jurorId}, ${YEAR})`);
      const rerun = (await f.api('admin', 'POST', `/api/v1/editions/${YEAR}/assignments`)).json() as { items: Assignment[]; kept: number };
      assert.equal(rerun.kept, 1);
      assert.ok(rerun.items.some((a) => a.applicationId === mine.applicationId && a.jurorId === mine.jurorId && a.started));
      const takeBack = await admin.submit(
        `/admin/editions/${YEAR}/jury`,
        { applicationId: mine.applicationId, jurorId: mine.jurorId, action: 'remove' },
        { action: `/admin/editions/${YEAR}/jury/affectations` },
      );
      assert.equal(takeBack.status, 409);
      assert.match(takeBack.body, /évaluation de ce dossier est commencée/);
      // A juror who started reviewing stays: the page offers no removal, and a forged one is refused.
      const jurorPage = await admin.get(`/admin/editions/${YEAR}/jury/${jurorIds.leTrait}`);
      assert.match(jurorPage.body, /a commencé des évaluations/);
      const forged = await admin.post(`/admin/editions/${YEAR}/jury/${jurorIds.leTrait}/retirer`, { _csrf: csrfTokenOf(jurorPage.body) });
      assert.equal(forged.status, 409);
    });

    test('an unstarted assignment is taken back and given again by hand; a juror without started reviews leaves', async () => {
      const admin = f.browsers.admin;
      const listed = () => f.api('admin', 'GET', `/api/v1/editions/${YEAR}/assignments`).then((r) => r.json().items as Assignment[]);
      const one = (await listed()).find((a) => a.jurorId === jurorIds.academic && !a.started)!;
      const form = { action: `/admin/editions/${YEAR}/jury/affectations` };
      const removed = await admin.submit(`/admin/editions/${YEAR}/jury`, { applicationId: one.applicationId, jurorId: one.jurorId, action: 'remove' }, form);
      assert.equal(removed.status, 303, removed.body);
      assert.ok(!(await listed()).some((a) => a.applicationId === one.applicationId && a.jurorId === one.jurorId));
      const added = await admin.submit(`/admin/editions/${YEAR}/jury`, { applicationId: one.applicationId, jurorId: one.jurorId, action: 'add' }, form);
      assert.equal(added.status, 303, added.body);
      assert.ok((await listed()).some((a) => a.applicationId === one.applicationId && a.jurorId === one.jurorId && a.source === 'manual'));

      const page = await admin.get(`/admin/editions/${YEAR}/jury/${jurorIds.academic}`);
      const gone = await admin.post(`/admin/editions/${YEAR}/jury/${jurorIds.academic}/retirer`, { _csrf: csrfTokenOf(page.body) });
      assert.equal(gone.status, 303, gone.body);
      assert.equal((await admin.get(`/admin/editions/${YEAR}/jury/${jurorIds.academic}`)).status, 404);
      assert.ok(!(await listed()).some((a) => a.jurorId === jurorIds.academic));
    });

    test('every change is in the audit log', async () => {
      const rows = await queryRows<{ action: string; n: number }>(
        f.db(),
        sql`select action, count(*)::int as n from audit_entries where action in ('juror.invited', 'juror.removed', 'conflict.declared', 'conflict.removed', 'assignments.generated', 'assignment.changed') group by action order by action`,
      );
      assert.deepEqual(
        rows.map((r) => r.action),
        ['assignment.changed', 'assignments.generated', 'conflict.declared', 'conflict.removed', 'juror.invited', 'juror.removed'],
      );
      assert.equal(rows.find((r) => r.action === 'assignments.generated')?.n, 2);
    });
  });
}
