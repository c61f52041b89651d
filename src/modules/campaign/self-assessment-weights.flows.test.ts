import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createActiveUser, logIn } from '../../../test/support/accounts.ts';
import { TestBrowser, textOf, type Page } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { queryRows } from '../../platform/db/database.ts';
import { installSubscribers } from '../../platform/events.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { initiatives, initiativeServices } from '../initiatives/schema.ts';
import { prepareEdition } from '../label/edition-settings.service.ts';
import { editions } from '../label/schema.ts';
import { getCurrentReferential } from '../referential/referential.service.ts';
import { getSelfAssessmentParameters } from './questionnaire.service.ts';
import { campaignSettings } from './schema.ts';
import { DEFAULT_SELF_ASSESSMENT_PARAMETERS } from './self-assessment.rules.ts';
import { computeSelfAssessment } from './self-assessment.service.ts';

// Issue 13, item 3: the self-assessment's weights, edited per edition by the admin.

const ADMIN = 'admin@ponderations.example.fr';
const MEMBER = 'agent@ponderations.example.fr';
const TRELAZE = '49353';
const OPEN = 2031;
const DRAFT = 2032;
const url = (year: number) => `/admin/editions/${year}/auto-evaluation`;
const weights = { done: '0,9', in_progress: '0,5', planned: '0,1', abandoned: '0' };
const saved: unknown[] = [];
installSubscribers('self-assessment-weights-test', { 'selfAssessment.parametersSaved': async (_tx, payload) => void saved.push(payload) });

for (const driver of drivers) {
  describe(`self-assessment weights per edition (${driver})`, () => {
    const server = useTestServer(driver);
    let admin: TestBrowser;
    let member: TestBrowser;
    let serviceId: string;
    let adminId: string;

    before(async () => {
      const user = await createActiveUser(server.db, { email: ADMIN, role: 'admin' });
      await createActiveUser(server.db, { email: MEMBER, role: 'member', territoryCode: TRELAZE, territoryRole: 'referent' });
      admin = new TestBrowser(server.app);
      member = new TestBrowser(server.app);
      await logIn(admin, ADMIN);
      await logIn(member, MEMBER);
      adminId = user.id;
      const adminPerson: Person = { id: user.id, role: 'admin' };
      await prepareEdition(server.db, adminPerson, OPEN);
      await server.db.update(editions).set({ state: 'open' }).where(eq(editions.year, OPEN));
      await prepareEdition(server.db, adminPerson, DRAFT);
      // Trélazé has one done sheet on one service.
      const referential = await getCurrentReferential(server.db);
      serviceId = referential.axes[0]!.themes[0]!.services[0]!.id;
      const [sheet] = await server.db.insert(initiatives).values({ territoryCode: TRELAZE, title: 'Une action faite', status: 'done' }).returning();
      await server.db.insert(initiativeServices).values({ initiativeId: sheet!.id, serviceId });
    });

    const formOf = (page: Page) => ({
      _csrf: /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!,
      revision: /name="revision" value="([^"]*)"/.exec(page.body)![1]!,
    });
    const storedOf = async (year: number) => (await server.db.select().from(campaignSettings).where(eq(campaignSettings.year, year)))[0];
    const doneValueOf = async () => {
      const { result } = await computeSelfAssessment(server.db, TRELAZE, { scope: 'all' });
      return result.axes[0]!.themes[0]!.services.find((s) => s.id === serviceId)!.value;
    };

    test('the page shows the weights in French numbers, says when they apply, and is linked from the edition and its questionnaires', async () => {
      const page = await admin.get(url(OPEN));
      assert.equal(page.status, 200);
      assert.match(page.body, /name="in_progress" type="text" value="0,6"/);
      const text = textOf(page.body);
      assert.match(text, /Dernière modification le/, 'copied at the edition’s creation');
      assert.match(text, /figés à leur dépôt/);
      assert.match(text, /réalisée ≥ en cours ≥ en projet ≥ abandonnée/);
      assert.match((await admin.get(`/admin/editions/${OPEN}/questionnaires`)).body, new RegExp(`href="${url(OPEN)}"`));
      assert.match((await admin.get(`/admin/editions/${OPEN}`)).body, new RegExp(`href="${url(OPEN)}"`));
      assert.equal((await admin.get(url(1999))).status, 404);
      assert.equal((await admin.get('/admin/editions/abc/auto-evaluation')).status, 404);
    });

    test('the admin saves with decimal commas: the page, the event and the self-assessment of an open edition use them', async () => {
      assert.equal(await doneValueOf(), 1);
      const res = await admin.post(url(OPEN), { ...formOf(await admin.get(url(OPEN))), ...weights });
      assert.equal(res.status, 303, res.body);
      const page = await admin.follow(res);
      assert.match(textOf(page.body), /Pondérations enregistrées/);
      assert.match(page.body, /name="done" type="text" value="0,9"/);
      assert.deepEqual(await getSelfAssessmentParameters(server.db, OPEN), { statusWeights: { done: 0.9, in_progress: 0.5, planned: 0.1, abandoned: 0 } });
      assert.deepEqual(saved.at(-1), { year: OPEN, statusWeights: { done: 0.9, in_progress: 0.5, planned: 0.1, abandoned: 0 }, by: adminId });
      assert.equal(await doneValueOf(), 0.9);
      const audit = await queryRows<{ person_id: string; details: Record<string, unknown> }>(
        server.db,
        sql`select person_id, details from audit_entries where action = 'selfAssessment.parametersSaved' and subject_id = ${String(OPEN)}`,
      );
      assert.deepEqual(audit, [{ person_id: adminId, details: { done: 0.9, in_progress: 0.5, planned: 0.1, abandoned: 0 } }]);
      // The territory's page explains the computation with the weights in use.
      const territoryPage = textOf((await member.get(`/espace/${TRELAZE}/auto-evaluation`)).body);
      assert.match(territoryPage, /Réalisée 0,9 En cours 0,5 En projet 0,1 Abandonnée 0/);
    });

    test('a draft edition’s weights are saved too, and count only once it opens', async () => {
      const res = await admin.post(url(DRAFT), { ...formOf(await admin.get(url(DRAFT))), done: '0,8', in_progress: '0,8', planned: '0,8', abandoned: '0,8' });
      assert.equal(res.status, 303, res.body);
      assert.equal((await getSelfAssessmentParameters(server.db, DRAFT)).statusWeights.abandoned, 0.8);
      assert.equal(await doneValueOf(), 0.9, 'still the open edition’s');
    });

    test('others may not read or save (403), and nothing changes', async () => {
      const before = await storedOf(OPEN);
      assert.equal((await member.get(url(OPEN))).status, 403);
      const csrf = /name="_csrf" value="([^"]+)"/.exec((await member.get('/compte')).body)![1]!;
      const res = await member.post(url(OPEN), { _csrf: csrf, revision: '0', done: '0', in_progress: '0', planned: '0', abandoned: '0' });
      assert.equal(res.status, 403);
      assert.deepEqual(await storedOf(OPEN), before);
      assert.equal((await new TestBrowser(server.app).get(url(OPEN))).status, 303, 'anonymous → login');
    });

    test('bad values: 400 naming the field in French, what was typed kept, nothing changed', async () => {
      const before = await storedOf(OPEN);
      const cases: [Record<string, string>, RegExp][] = [
        [{ done: '1,5' }, /Initiative réalisée : La pondération est comprise entre 0 et 1 ; « 1,5 » n’est pas possible/],
        [{ in_progress: 'abc' }, /Initiative en cours : Indiquez un nombre entre 0 et 1/],
        [{ done: '0,5', in_progress: '0,5', planned: '0,7' }, /Initiative en projet : Elle ne peut dépasser celle d’une initiative réalisée \(0,7 > 0,5\)/],
      ];
      for (const [change, message] of cases) {
        const res = await admin.post(url(OPEN), { ...formOf(await admin.get(url(OPEN))), ...weights, ...change });
        assert.equal(res.status, 400, JSON.stringify(change));
        assert.match(textOf(res.body), message);
        const [field, value] = Object.entries(change).at(-1)!;
        assert.match(res.body, new RegExp(`href="#champ-${field}"`));
        assert.match(res.body, new RegExp(`name="${field}" type="text" value="${value}"`));
        assert.deepEqual(await storedOf(OPEN), before);
      }
    });

    test('a stale save is a 409 showing the weights stored meanwhile; saving again from there keeps the admin’s', async () => {
      const started = formOf(await admin.get(url(OPEN)));
      const other = await admin.post(url(OPEN), { ...formOf(await admin.get(url(OPEN))), ...weights, planned: '0,3' });
      assert.equal(other.status, 303);
      const stale = await admin.post(url(OPEN), { ...started, ...weights, planned: '0' });
      assert.equal(stale.status, 409);
      const text = textOf(stale.body);
      assert.match(text, /Quelqu’un a enregistré d’autres pondérations pendant que vous les modifiiez/);
      assert.match(text, /Pondérations enregistrées entre-temps .*Initiative en projet 0,3/);
      assert.match(stale.body, /name="planned" type="text" value="0"/);
      assert.equal((await getSelfAssessmentParameters(server.db, OPEN)).statusWeights.planned, 0.3);
      const again = await admin.post(url(OPEN), { ...formOf(stale), ...weights, planned: '0' });
      assert.equal(again.status, 303, again.body);
      assert.equal((await getSelfAssessmentParameters(server.db, OPEN)).statusWeights.planned, 0);
    });

    test('once the edition is closed: read-only, saying why; a save is a 409 and nothing changes', async () => {
      const form = formOf(await admin.get(url(OPEN)));
      await server.db.update(editions).set({ state: 'closed' }).where(eq(editions.year, OPEN));
      const before = await storedOf(OPEN);
      const res = await admin.post(url(OPEN), { ...form, ...weights, done: '1' });
      assert.equal(res.status, 409);
      assert.match(textOf(res.body), /L’édition 2031 est close : ses pondérations ne se modifient plus \(les scores des dossiers sont figés à leur dépôt\)/);
      assert.deepEqual(await storedOf(OPEN), before);
      const page = await admin.get(url(OPEN));
      assert.doesNotMatch(page.body, /name="revision"/);
      assert.match(textOf(page.body), /L’édition est close : ses pondérations ne se modifient plus/);
      assert.match(textOf(page.body), /Initiative réalisée 0,9/);
    });

    test('an edition with no stored weights answers the defaults, and its first save stores them', async () => {
      await server.db.delete(campaignSettings).where(eq(campaignSettings.year, DRAFT));
      const page = await admin.get(url(DRAFT));
      assert.equal(formOf(page).revision, '0');
      assert.match(textOf(page.body), /Pondérations par défaut du label/);
      assert.match(page.body, /name="done" type="text" value="1"/);
      const res = await admin.post(url(DRAFT), { ...formOf(page), done: '1', in_progress: '0,6', planned: '0,2', abandoned: '0' });
      assert.equal(res.status, 303, res.body);
      assert.deepEqual(await getSelfAssessmentParameters(server.db, DRAFT), DEFAULT_SELF_ASSESSMENT_PARAMETERS);
      assert.ok(await storedOf(DRAFT));
    });
  });
}
