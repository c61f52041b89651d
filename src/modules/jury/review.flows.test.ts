import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { initiativesFixture } from '../../../test/support/initiatives-fixture.ts';
import { addJuror, assignDirectly, editionUnderReview, submittedDossiers, type FixtureDossier } from '../../../test/support/jury-fixture.ts';
import { csrfTokenOf, TestBrowser } from '../../../test/support/http-client.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { queryRows } from '../../platform/db/database.ts';
import { createApiToken } from '../accounts/api-tokens.service.ts';
import { getCurrentReferentialVersion, getReferential } from '../referential/referential.service.ts';
import { systemCaller } from '../accounts/permissions.rules.ts';
import { completeDiagnostic, saveAnswers, startDiagnostic } from '../nr/diagnostic.service.ts';
import { NR_QUESTIONS } from '../nr/nr-model.data.ts';
import { textOf } from '../../../test/support/http-client.ts';

const YEAR = 2027;

for (const driver of drivers) {
  describe(`a juror’s review of a dossier (${driver})`, () => {
    const f = initiativesFixture(driver);
    let dossiers: FixtureDossier[];
    let themeIds: string[];
    const tokens: Record<string, string> = {};
    const dossierOf = (code: string) => dossiers.find((d) => d.territoryCode === code)!.applicationId;
    const as = (who: string, method: 'GET' | 'PUT', url: string, body?: unknown) =>
      new TestBrowser(f.server.app).request(method, url, body === undefined ? undefined : JSON.stringify(body), {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        authorization: `Bearer ${tokens[who] ?? f.tokens[who as keyof typeof f.tokens]}`,
      });
    const fullScores = () => Object.fromEntries(themeIds.map((id, i) => [id, i % 4]));

    before(async () => {
      const db = f.db();
      const version = await getCurrentReferentialVersion(db);
      themeIds = (await getReferential(db, version))!.axes.flatMap((a) => a.themes.map((t) => t.id));
      await editionUnderReview(db, YEAR, version);
      dossiers = await submittedDossiers(db, YEAR, version, ['49353', '76709', '75056']);
      // The fixture's juror account sits on the jury; a second juror; a third, a member of Trélazé, wrongly assigned to it.
      const [first] = await queryRows<{ id: string }>(db, sql`insert into jurors (year, user_id) values (${YEAR}, ${f.ids.juror}) returning id`);
      const second = await addJuror(db, YEAR, 'second@jury.example');
      const conflicted = await addJuror(db, YEAR, 'adjoint@trelaze.example', { memberOf: '49353' });
      tokens.second = (await createApiToken(db, second.userId, 'tests')).token;
      tokens.conflicted = (await createApiToken(db, conflicted.userId, 'tests')).token;
      for (const code of ['49353', '76709']) await assignDirectly(db, YEAR, dossierOf(code), first!.id);
      await assignDirectly(db, YEAR, dossierOf('49353'), second.jurorId);
      await assignDirectly(db, YEAR, dossierOf('49353'), conflicted.jurorId);
      await assignDirectly(db, YEAR, dossierOf('75056'), conflicted.jurorId);
    });

    test('the juror lists their dossiers; « next » is the least advanced', async () => {
      const res = await as('juror', 'GET', '/api/v1/jury/assignments');
      assert.equal(res.status, 200, res.body);
      assert.deepEqual(
        res.json().items.map((i: { territoryName: string; state: string }) => [i.territoryName, i.state]),
        [
          ['Le Trait', 'todo'],
          ['Trélazé', 'todo'],
        ],
      );
      assert.equal(res.json().next, dossierOf('76709'));
    });

    test('saves in steps; a stale version, an unknown theme and an incomplete submission are refused and change nothing', async () => {
      const url = `/api/v1/applications/${dossierOf('49353')}/review`;
      const first = await as('juror', 'PUT', url, { themeScores: { [themeIds[0]!]: 2 }, comment: 'Un dossier solide.' });
      assert.equal(first.status, 200, first.body);
      assert.equal(first.json().version, 1);
      assert.equal(first.json().state, 'draft');
      const stale = await as('juror', 'PUT', url, { themeScores: {}, version: 7 });
      assert.equal(stale.status, 409);
      const unknown = await as('juror', 'PUT', url, { themeScores: { 'pas-un-enjeu': 1 }, version: 1 });
      assert.equal(unknown.status, 400);
      assert.equal(unknown.json().field, 'themeScores.pas-un-enjeu');
      const early = await as('juror', 'PUT', url, { themeScores: { [themeIds[0]!]: 2 }, proposedLevel: 3, submit: true, version: 1 });
      assert.equal(early.status, 400);
      assert.equal(early.json().field, `themeScores.${themeIds[1]}`);
      const read = await as('juror', 'GET', url);
      assert.deepEqual(read.json().review.themeScores, { [themeIds[0]!]: 2 }, 'the refused saves changed nothing');
      assert.equal(read.json().review.version, 1);
      const list = (await as('juror', 'GET', '/api/v1/jury/assignments')).json();
      assert.equal(list.next, dossierOf('76709'), 'the untouched dossier is now the least advanced');
    });

    test('handed in, a review is final; blind first: the others’ only once one’s own is handed in', async () => {
      const url = `/api/v1/applications/${dossierOf('49353')}/review`;
      const done = await as('juror', 'PUT', url, {
        themeScores: fullScores(),
        proposedLevel: 4,
        distinctions: [],
        comment: 'Complet.',
        publicComment: 'Une politique numérique suivie.',
        submit: true,
        version: 1,
      });
      assert.equal(done.status, 200, done.body);
      assert.equal(done.json().state, 'submitted');
      assert.equal((await as('juror', 'PUT', url, { themeScores: {} })).status, 409);

      const secondBefore = await as('second', 'GET', url);
      assert.equal(secondBefore.status, 200, secondBefore.body);
      assert.equal(secondBefore.json().others, null, 'blind before handing in');
      const secondDone = await as('second', 'PUT', url, { themeScores: fullScores(), proposedLevel: 2, submit: true });
      assert.equal(secondDone.status, 200, secondDone.body);
      const secondAfter = (await as('second', 'GET', url)).json();
      assert.deepEqual(
        secondAfter.others.map((o: { proposedLevel: number; publicComment: string }) => [o.proposedLevel, o.publicComment]),
        [[4, 'Une politique numérique suivie.']],
      );
      const [audit] = await queryRows<{ n: number }>(
        f.db(),
        sql`select count(*)::int as n from audit_entries where action = 'review.submitted' and subject_id = ${dossierOf('49353')}`,
      );
      assert.equal(audit!.n, 2);
    });

    test('a juror in conflict never sees the dossier, even assigned and by its address; others are refused', async () => {
      const url = `/api/v1/applications/${dossierOf('49353')}/review`;
      const list = (await as('conflicted', 'GET', '/api/v1/jury/assignments')).json();
      assert.deepEqual(
        list.items.map((i: { territoryCode: string }) => i.territoryCode),
        ['75056'],
      );
      assert.equal((await as('conflicted', 'GET', url)).status, 403);
      assert.equal((await as('conflicted', 'PUT', url, { themeScores: {} })).status, 403);
      // Not assigned: refused; a dossier that does not exist: not found.
      assert.equal((await as('second', 'PUT', `/api/v1/applications/${dossierOf('75056')}/review`, { themeScores: {} })).status, 403);
      assert.equal((await as('second', 'GET', '/api/v1/applications/00000000-0000-4000-8000-000000000000/review')).status, 404);
      for (const who of ['admin', 'referent', 'member'] as const) assert.equal((await f.api(who, 'PUT', url, { themeScores: {} })).status, 403, who);
      assert.equal((await f.api('anonymous', 'PUT', url, { themeScores: {} })).status, 401);
      const [stored] = await queryRows<{ n: number }>(f.db(), sql`select count(*)::int as n from reviews where application_id = ${dossierOf('49353')}`);
      assert.equal(stored!.n, 2, 'only the two assigned, conflict-free jurors wrote');
    });

    test('the page’s autosave keeps a draft in JSON: its version follows, a stale copy or a handed-in review is refused, a non-juror too', async () => {
      const page = `/jury/dossiers/${dossierOf('76709')}`;
      const form = await f.browsers.juror.get(page);
      assert.equal(form.status, 200);
      assert.match(form.body, /data-autosave="\/jury\/dossiers\/[0-9a-f-]{36}\/brouillon"/);
      const csrf = csrfTokenOf(form.body);
      const autosave = (fields: Record<string, string>) =>
        f.browsers.juror.post(`${page}/brouillon`, { _csrf: csrf, ...fields }, { accept: 'application/json' });
      const first = await autosave({ version: '', [`score.${themeIds[0]}`]: '3', comment: 'Premières notes.', action: 'submit' });
      assert.equal(first.status, 200, first.body);
      assert.equal(first.json().version, 1);
      assert.match(first.json().time, /^\d{2}:\d{2}$/);
      const second = await autosave({ version: '1', [`score.${themeIds[0]}`]: '2', [`score.${themeIds[1]}`]: '1', comment: 'Notes complétées.' });
      assert.equal(second.json().version, 2);
      const stale = await autosave({ version: '1', comment: 'Une vieille copie.' });
      assert.equal(stale.status, 409);
      const read = (await as('juror', 'GET', `/api/v1/applications/${dossierOf('76709')}/review`)).json().review;
      assert.deepEqual([read.state, read.version, read.comment], ['draft', 2, 'Notes complétées.'], 'never handed in by an autosave, the stale copy refused');
      assert.deepEqual(read.themeScores, { [themeIds[0]!]: 2, [themeIds[1]!]: 1 });
      const handedIn = await f.browsers.juror.post(
        `/jury/dossiers/${dossierOf('49353')}/brouillon`,
        { _csrf: csrf, comment: 'Trop tard.' },
        { accept: 'application/json' },
      );
      assert.equal(handedIn.status, 409, 'a handed-in review does not change');
      const stranger = await f.browsers.referent.get('/');
      const refused = await f.browsers.referent.post(`${page}/brouillon`, { _csrf: csrfTokenOf(stranger.body), comment: 'x' }, { accept: 'application/json' });
      assert.equal(refused.status, 403, 'a referent has no review to save');
    });

    test('the « @ verte » reviewer, and only them, sees the territory’s responsible-digital diagnostic, or that it has none yet', async () => {
      const db = f.db();
      const system = systemCaller('review test');
      const diagnostic = await startDiagnostic(db, system, '49353');
      await saveAnswers(
        db,
        system,
        '49353',
        diagnostic.id,
        NR_QUESTIONS.map((q) => ({ questionId: q.id, level: 2 })),
      );
      await completeDiagnostic(db, system, '49353', diagnostic.id);
      const page = (code: string) => f.browsers.juror.get(`/jury/dossiers/${dossierOf(code)}`);
      const plain = await page('49353');
      assert.equal(plain.status, 200);
      assert.doesNotMatch(plain.body, /id="numerique-responsable"/, 'a juror who does not review the @ verte never sees it');
      await db.execute(sql`update jurors set green_reviewer = true where year = ${YEAR} and user_id = ${f.ids.juror}`);
      const green = textOf((await page('49353')).body);
      assert.match(green, /Numérique responsable/);
      assert.match(green, /Maturité\s: B \(indice 67 sur 100\)/);
      assert.match(green, /La charte numérique responsable n’est pas signée\./);
      const none = textOf((await page('76709')).body);
      assert.match(none, /Le territoire n’a pas encore terminé son autodiagnostic numérique responsable\./);
    });
  });
}
