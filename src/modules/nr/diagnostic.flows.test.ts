import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { decodeEntities, findForms, textOf, type TestBrowser } from '../../../test/support/http-client.ts';
import { initiativesFixture, LE_TRAIT, TRELAZE } from '../../../test/support/initiatives-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { ConflictError } from '../../platform/errors.ts';
import { queryRows, type Db } from '../../platform/db/database.ts';
import { systemCaller } from '../accounts/permissions.rules.ts';
import { saveAnswer, startDiagnostic } from './diagnostic.service.ts';
import { completedDiagnostic } from '../../../test/support/nr-fixture.ts';
import { NR_MODEL, NR_QUESTIONS } from './nr-model.data.ts';

const SYSTEM = systemCaller('tests of the diagnostic');
const home = (code: string) => `/espace/${code}/numerique-responsable`;
const questionnaire = (code: string) => `${home(code)}/diagnostic`;
const [Q1, Q2, Q3] = NR_QUESTIONS.map((q) => q.id);

type Row = { question_id: string; level: number; note: string; version: number };
const answersOf = (db: Db, diagnosticId: string) =>
  queryRows<Row>(db, sql`select question_id, level, note, version from nr_answers where diagnostic_id = ${diagnosticId} order by question_id`);
const answerOf = async (db: Db, diagnosticId: string, questionId: string) => (await answersOf(db, diagnosticId)).find((a) => a.question_id === questionId);

/** The questionnaire's form as the page shows it: its action and hidden fields (CSRF, versions, fingerprints). */
async function readForm(browser: TestBrowser, code = TRELAZE) {
  const page = await browser.get(questionnaire(code));
  assert.equal(page.status, 200, page.body.slice(0, 300));
  const form = findForms(page.body).find((f) => /\/diagnostic\/[0-9a-f-]{36}$/.test(f.action));
  assert.ok(form, 'the questionnaire form');
  // What a browser sends besides the hidden fields: the checked radios and the notes as shown.
  const shown: Record<string, string> = {};
  for (const radio of page.body.matchAll(/<input type="radio"[^>]*name="([^"]+)" value="(\d)" checked/g)) shown[radio[1]!] = radio[2]!;
  for (const area of page.body.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) shown[area[1]!] = decodeEntities(area[2]!);
  return { action: form.action, hidden: { ...shown, ...form.hidden } };
}

for (const driver of drivers) {
  describe(`the responsible-digital diagnostic (${driver})`, () => {
    const f = initiativesFixture(driver);
    let diagnosticId: string;
    let peers: string[];

    before(async () => {
      // Other communes of Trélazé's category and stratum, Le Trait aside (it answers in another test).
      peers = (
        await queryRows<{ code: string }>(
          f.db(),
          sql`select code from territories t where (t.category, t.stratum) = (select category, stratum from territories where code = ${TRELAZE})
              and code not in (${TRELAZE}, ${LE_TRAIT}) order by code limit 5`,
        )
      ).map((r) => r.code);
      assert.equal(peers.length, 5);
    });

    test('the public API gives the model: seven themes, at least 30 questions, four levels each', async () => {
      const res = await f.api('anonymous', 'GET', '/api/v1/nr/model');
      assert.equal(res.status, 200);
      assert.match(String(res.headers['cache-control']), /public/);
      const body = res.json() as { themes: { id: string; name: string; questions: { id: string; text: string; levels: string[] }[] }[] };
      assert.equal(body.themes.length, 7);
      assert.ok(body.themes.flatMap((t) => t.questions).length >= 30);
      assert.ok(body.themes.every((t) => t.questions.every((q) => q.levels.length === 4 && q.text)));
      assert.deepEqual(
        body.themes.map((t) => t.id),
        NR_MODEL.themes.map((t) => t.id),
      );
      const openapi = (await f.api('anonymous', 'GET', '/api/openapi.json')).json() as { paths: Record<string, unknown> };
      assert.ok(openapi.paths['/api/v1/nr/model'], 'documented in OpenAPI');
    });

    test('anonymous visitors are sent to the login form; a member without the territory is refused', async () => {
      const res = await f.browsers.anonymous.get(home(TRELAZE));
      assert.equal(res.status, 303);
      assert.match(res.location ?? '', /^\/connexion\?retour=/);
      assert.equal((await f.browsers.member.get(home(TRELAZE))).status, 403);
    });

    test('the home without a diagnostic; a contributor starts one, and a second start goes on with it', async () => {
      const page = await f.browsers.contributor.get(home(TRELAZE));
      assert.equal(page.status, 200);
      assert.match(textOf(page.body), /Aucun diagnostic terminé/);
      assert.match(textOf(page.body), /Gestes rapides/);
      const started = await f.browsers.contributor.submit(home(TRELAZE), {}, { action: `${questionnaire(TRELAZE)}/commencer` });
      assert.equal(started.status, 303);
      assert.equal(started.location, `${questionnaire(TRELAZE)}?fait=commence`);
      const again = await f.browsers.contributor2.submit(questionnaire(TRELAZE), {}, { action: `${questionnaire(TRELAZE)}/commencer` }).catch(() => null);
      // The questionnaire page has no start form while one is open: the service says the same.
      assert.equal(again, null);
      const rows = await queryRows<{ id: string }>(f.db(), sql`select id from nr_diagnostics where territory_code = ${TRELAZE}`);
      assert.equal(rows.length, 1);
      diagnosticId = rows[0]!.id;
      assert.equal((await startDiagnostic(f.db(), SYSTEM, TRELAZE)).id, diagnosticId, 'a second start returns the open one');
    });

    test('two people save different answers of the same diagnostic at once: both are kept', async () => {
      const [a, b] = await Promise.all([readForm(f.browsers.contributor), readForm(f.browsers.referent)]);
      const [ra, rb] = await Promise.all([
        f.browsers.contributor.post(a.action, {
          ...a.hidden,
          [`niveau.${Q1}`]: '2',
          [`note.${Q1}`]: 'Élue à la transition désignée en 2025.',
          theme: 'gouvernance',
        }),
        f.browsers.referent.post(b.action, { ...b.hidden, [`niveau.${Q2}`]: '1' }),
      ]);
      assert.equal(ra.status, 303, ra.body.slice(0, 500));
      assert.equal(rb.status, 303, rb.body.slice(0, 500));
      assert.equal(ra.location, `${questionnaire(TRELAZE)}?fait=enregistre#theme-gouvernance`);
      const rows = await answersOf(f.db(), diagnosticId);
      assert.deepEqual(
        rows.map((r) => [r.question_id, r.level, r.version]).sort(),
        [
          [Q1, 2, 1],
          [Q2, 1, 1],
        ].sort(),
      );
      assert.equal((await answerOf(f.db(), diagnosticId, Q1!))?.note, 'Élue à la transition désignée en 2025.');
    });

    test('the whole form sent again from an older page does not undo, nor conflict with, an answer it did not change', async () => {
      const stale = await readForm(f.browsers.contributor);
      // Meanwhile the referent changes Q2.
      const fresh = await readForm(f.browsers.referent);
      assert.equal((await f.browsers.referent.post(fresh.action, { ...fresh.hidden, [`niveau.${Q1}`]: '2', [`niveau.${Q2}`]: '3' })).status, 303);
      // The contributor, from the older page, answers Q3 and sends Q2 as they read it.
      const res = await f.browsers.contributor.post(stale.action, { ...stale.hidden, [`niveau.${Q1}`]: '2', [`niveau.${Q2}`]: '1', [`niveau.${Q3}`]: '0' });
      assert.equal(res.status, 303, res.body.slice(0, 500));
      assert.equal((await answerOf(f.db(), diagnosticId, Q2!))?.level, 3, 'the referent’s answer stays');
      assert.equal((await answerOf(f.db(), diagnosticId, Q3!))?.level, 0);
    });

    test('the same answer changed from a stale version is a 409 and changes nothing', async () => {
      const stale = await readForm(f.browsers.contributor);
      const fresh = await readForm(f.browsers.referent);
      assert.equal((await f.browsers.referent.post(fresh.action, { ...fresh.hidden, [`niveau.${Q1}`]: '3' })).status, 303);
      const before = await answersOf(f.db(), diagnosticId);
      const res = await f.browsers.contributor.post(stale.action, { ...stale.hidden, [`niveau.${Q1}`]: '1', [`niveau.${Q3}`]: '2' });
      assert.equal(res.status, 409);
      assert.match(textOf(res.body), /modifiée par quelqu’un d’autre/);
      assert.deepEqual(await answersOf(f.db(), diagnosticId), before, 'nothing written, not even the other answer');
      // Through the service: a stale version is a ConflictError on `version`.
      const q1 = (await answerOf(f.db(), diagnosticId, Q1!))!;
      await assert.rejects(
        saveAnswer(f.db(), SYSTEM, TRELAZE, diagnosticId, { questionId: Q1!, level: 0, version: q1.version - 1 }),
        (error: unknown) => error instanceof ConflictError && error.field === 'version',
      );
      await assert.rejects(saveAnswer(f.db(), SYSTEM, TRELAZE, diagnosticId, { questionId: Q1!, level: 0 }), ConflictError, 'a later write needs its version');
      assert.deepEqual(await answersOf(f.db(), diagnosticId), before);
      const saved = await saveAnswer(f.db(), SYSTEM, TRELAZE, diagnosticId, { questionId: Q1!, level: 3, version: q1.version });
      assert.equal(saved.version, q1.version + 1);
    });

    test('the autosave writes the changed answer and gives back its new version and fingerprint', async () => {
      const form = await readForm(f.browsers.contributor);
      const q4 = NR_QUESTIONS[3]!.id;
      const res = await f.browsers.contributor.post(`${form.action}/brouillon`, { ...form.hidden, [`niveau.${q4}`]: '1' }, { accept: 'application/json' });
      assert.equal(res.status, 200, res.body);
      const body = res.json() as { time: string; versions: Record<string, number>; fingerprints: Record<string, string> };
      assert.match(body.time, /^\d\d:\d\d$/);
      assert.deepEqual(body.versions, { [q4]: 1 });
      assert.match(body.fingerprints[q4] ?? '', /^[0-9a-f]{8}$/);
      // With the fields updated as the script does, the next save changes q4 again without conflict.
      const next = { ...form.hidden, [`niveau.${q4}`]: '2', [`version.${q4}`]: '1', [`lu.${q4}`]: body.fingerprints[q4]! };
      const again = await f.browsers.contributor.post(`${form.action}/brouillon`, next, { accept: 'application/json' });
      assert.equal(again.status, 200, again.body);
      assert.equal((await answerOf(f.db(), diagnosticId, q4))?.level, 2);
    });

    test('bad input is a 400 naming the field, never a 500, and writes nothing', async () => {
      const form = await readForm(f.browsers.contributor);
      const before = await answersOf(f.db(), diagnosticId);
      const cases: [Record<string, string>, RegExp][] = [
        [{ [`niveau.${Q3}`]: '7' }, /niveau va de 0 à 3/],
        [{ [`niveau.${Q3}`]: 'trois' }, /niveau va de 0 à 3/],
        [{ 'niveau.gouvernance.inconnue': '1' }, /Question inconnue/],
        [{ [`niveau.${Q3}`]: '1', [`version.${Q3}`]: 'abc' }, /Version invalide/],
        [{ [`niveau.${Q3}`]: '1', [`note.${Q3}`]: 'x'.repeat(2_001) }, /au plus/],
        [{ [`note.${NR_QUESTIONS[10]!.id}`]: 'Une note sans niveau' }, /Choisissez un niveau/],
      ];
      for (const [fields, message] of cases) {
        const res = await f.browsers.contributor.post(form.action, { ...form.hidden, ...fields });
        assert.equal(res.status, 400, JSON.stringify(fields));
        assert.match(textOf(res.body), message);
        assert.match(res.body, /href="#champ-(niveau|note)\./, 'the summary links to the field');
      }
      const auto = await f.browsers.contributor.post(`${form.action}/brouillon`, { ...form.hidden, [`niveau.${Q3}`]: '9' }, { accept: 'application/json' });
      assert.equal(auto.status, 400);
      assert.ok((auto.json() as { fields: Record<string, string> }).fields[`niveau.${Q3}`]);
      assert.deepEqual(await answersOf(f.db(), diagnosticId), before);
      // Through the service, the fields are named as such.
      await assert.rejects(saveAnswer(f.db(), SYSTEM, TRELAZE, diagnosticId, { questionId: 'inconnue', level: 1 }), (e: unknown) =>
        Boolean((e as { fields?: Record<string, string> }).fields?.questionId),
      );
      await assert.rejects(saveAnswer(f.db(), SYSTEM, TRELAZE, diagnosticId, { questionId: Q3!, level: 4 }), (e: unknown) =>
        Boolean((e as { fields?: Record<string, string> }).fields?.level),
      );
      // An unknown diagnostic id, or one that is not a uuid: not found, never a 500.
      for (const id of ['00000000-0000-4000-8000-000000000000', 'pas-un-uuid'])
        assert.equal((await f.browsers.contributor.post(`${questionnaire(TRELAZE)}/${id}`, form.hidden)).status, 404);
    });

    test('a reader reads the questionnaire but gets a 403 writing', async () => {
      const page = await f.browsers.reader.get(questionnaire(TRELAZE));
      assert.equal(page.status, 200);
      assert.match(textOf(page.body), /seuls le référent et les contributeurs/);
      assert.doesNotMatch(page.body, /name="version\./);
      const csrf = findForms(page.body)[0]?.hidden._csrf ?? '';
      const action = `${questionnaire(TRELAZE)}/${diagnosticId}`;
      const before = await answersOf(f.db(), diagnosticId);
      assert.equal((await f.browsers.reader.post(action, { _csrf: csrf, [`niveau.${Q3}`]: '3' })).status, 403);
      assert.equal((await f.browsers.reader.post(`${action}/brouillon`, { _csrf: csrf, [`niveau.${Q3}`]: '3' })).status, 403);
      assert.equal((await f.browsers.reader.post(`${questionnaire(TRELAZE)}/commencer`, { _csrf: csrf })).status, 403);
      assert.deepEqual(await answersOf(f.db(), diagnosticId), before);
    });

    test('Le Trait’s member never reads nor writes Trélazé’s diagnostic', async () => {
      const browser = f.browsers.leTrait;
      assert.equal((await browser.get(home(TRELAZE))).status, 403);
      assert.equal((await browser.get(questionnaire(TRELAZE))).status, 403);
      // Its own workspace, with Trélazé's diagnostic id: not found.
      await browser.submit(home(LE_TRAIT), {}, { action: `${questionnaire(LE_TRAIT)}/commencer` });
      const own = await readForm(browser, LE_TRAIT);
      const res = await browser.post(`${questionnaire(LE_TRAIT)}/${diagnosticId}`, { ...own.hidden, [`niveau.${Q3}`]: '3' });
      assert.equal(res.status, 404);
      assert.equal((await browser.post(`${questionnaire(TRELAZE)}/${diagnosticId}`, { ...own.hidden, [`niveau.${Q3}`]: '3' })).status, 403);
      const body = (await browser.get(questionnaire(LE_TRAIT))).body;
      assert.doesNotMatch(body, /Élue à la transition/, 'no answer of Trélazé shows');
      assert.equal((await answersOf(f.db(), diagnosticId)).find((a) => a.question_id === Q3)?.level, 0);
    });

    test('completing needs every answer; then the home shows the letter, the radar and the evolution', async () => {
      const form = await readForm(f.browsers.contributor);
      const refused = await f.browsers.contributor.post(form.action, { ...form.hidden, action: 'terminer' });
      assert.equal(refused.status, 400);
      const missing = NR_QUESTIONS.length - (await answersOf(f.db(), diagnosticId)).length;
      assert.match(textOf(refused.body), new RegExp(`Il reste ${missing} questions sans réponse`));
      assert.equal((await queryRows<{ n: number }>(f.db(), sql`select count(*)::int as n from nr_diagnostics where completed_at is not null`))[0]?.n, 0);

      const fresh = await readForm(f.browsers.contributor);
      const all = Object.fromEntries(NR_QUESTIONS.map((q) => [`niveau.${q.id}`, '2']));
      const done = await f.browsers.contributor.post(fresh.action, { ...fresh.hidden, ...all, action: 'terminer' });
      assert.equal(done.status, 303, textOf(done.body).slice(0, 600));
      assert.equal(done.location, `${home(TRELAZE)}?fait=termine`);
      const page = await f.browsers.contributor.follow(done);
      const text = textOf(page.body);
      assert.match(text, /Diagnostic terminé/);
      assert.match(text, /Lettre\s*B/);
      assert.match(text, /67\/100/);
      assert.match(page.body, /id="radar-nr-titre"/);
      assert.match(text, /L’évolution se dessinera à partir de deux diagnostics terminés/);
      // A completed diagnostic does not change.
      assert.equal((await f.browsers.contributor.post(fresh.action, { ...fresh.hidden, [`niveau.${Q1}`]: '0' })).status, 409);

      // « Refaire le diagnostic »: a new taking, and after it the evolution is drawn.
      await f.browsers.referent.submit(home(TRELAZE), {}, { action: `${questionnaire(TRELAZE)}/commencer` });
      const second = await readForm(f.browsers.referent);
      assert.match((await f.browsers.referent.get(questionnaire(TRELAZE))).body, /Réponse au diagnostic précédent/);
      const higher = Object.fromEntries(NR_QUESTIONS.map((q) => [`niveau.${q.id}`, '3']));
      assert.equal((await f.browsers.referent.post(second.action, { ...second.hidden, ...higher, action: 'terminer' })).status, 303);
      const after = await f.browsers.reader.get(home(TRELAZE));
      assert.match(textOf(after.body), /Lettre\s*A/);
      assert.match(after.body, /id="evolution-nr-titre"/);
    });

    test('the stratum average is hidden with 4 peer territories and shown with 5, never a peer’s answers', async () => {
      for (const [i, code] of peers.slice(0, 4).entries()) await completedDiagnostic(f.db(), code, () => i % 2);
      const hidden = textOf((await f.browsers.contributor.get(home(TRELAZE))).body);
      assert.match(hidden, /n’est montrée qu’à partir de 5 autres territoires/);
      assert.doesNotMatch(hidden, /Moyenne des/);
      await completedDiagnostic(f.db(), peers[4]!, () => 0);
      const page = await f.browsers.contributor.get(home(TRELAZE));
      const shown = textOf(page.body);
      // Levels 0, 1, 0, 1, 0 → indexes 0, 33, 0, 33, 0 → 13.
      assert.match(shown, /Moyenne des 5 autres communes de 3\s000 à 20\s000 habitants/);
      assert.match(shown, /indice global 13\/100/);
      assert.match(page.body, /Moyenne de la strate/);
      for (const code of peers) assert.doesNotMatch(page.body, new RegExp(code));
    });
  });
}
