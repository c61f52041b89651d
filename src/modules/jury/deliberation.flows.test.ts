import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { tableRows } from '../../../test/support/html-tables.ts';
import { textOf, type TestBrowser } from '../../../test/support/http-client.ts';
import { initiativesFixture, LE_TRAIT, TRELAZE } from '../../../test/support/initiatives-fixture.ts';
import { addJuror, assignDirectly, editionUnderReview, submittedDossiers, type FixtureDossier } from '../../../test/support/jury-fixture.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { queryRows, type Db } from '../../platform/db/database.ts';
import { getCurrentReferentialVersion } from '../referential/referential.service.ts';
import { deliberationMessages } from './deliberation.messages.ts';

const YEAR = 2027;
const PAST = 2026;
const PARIS = '75056';
const CODE = 'TRZ-2026-ABCD';

const count = async (db: Db, query: ReturnType<typeof sql>) => (await queryRows<{ n: number }>(db, query))[0]!.n;

/** The text of a PDF, by pdftotext (poppler-utils); null where it is not installed. */
function pdfText(pdf: Buffer): string | null {
  const file = join(mkdtempSync(join(tmpdir(), 'attestation-')), 'attestation.pdf');
  writeFileSync(file, pdf);
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

for (const driver of drivers) {
  describe(`the deliberation, the jury's parameters and the certificates (${driver})`, () => {
    const f = initiativesFixture(driver);
    let dossiers: FixtureDossier[];
    const idOf = (code: string) => dossiers.find((d) => d.territoryCode === code)!.applicationId;
    const agendaPath = `/admin/editions/${YEAR}/deliberation`;
    const decisionUrl = (code: string) => `/api/v1/applications/${idOf(code)}/deliberation`;
    const decisions = () => count(f.db(), sql`select count(*)::int as n from deliberations where year = ${YEAR}`);
    const changes = () =>
      count(f.db(), sql`select count(*)::int as n from deliberation_changes c join deliberations d using (application_id) where d.year = ${YEAR}`);

    async function getBytes(browser: TestBrowser, url: string) {
      const cookie = [...browser.cookies.values()].map((c) => `${c.name}=${c.value}`).join('; ');
      const res = await f.server.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
      return { status: res.statusCode, type: String(res.headers['content-type']), bytes: res.rawPayload };
    }

    before(async () => {
      const db = f.db();
      const version = await getCurrentReferentialVersion(db);
      await editionUnderReview(db, YEAR, version);
      await db.execute(sql`insert into edition_distinctions (year, distinction_code) values (${YEAR}, 'verte'), (${YEAR}, 'excellence')`);
      dossiers = await submittedDossiers(db, YEAR, version, [TRELAZE, LE_TRAIT, PARIS]);
      // Trélazé covers 55 % of the referential (3 @ from the coverage alone).
      await db.execute(sql`update application_snapshots set coverage = 55 where application_id = ${idOf(TRELAZE)}`);
      const first = await addJuror(db, YEAR, 'premiere@jury.example');
      const second = await addJuror(db, YEAR, 'second@jury.example');
      const review = async (code: string, jurorId: string, level: number, publicComment: string) => {
        await assignDirectly(db, YEAR, idOf(code), jurorId);
        await db.execute(sql`insert into reviews (application_id, juror_id, year, state, theme_scores, proposed_level, public_comment, submitted_at)
          values (${idOf(code)}, ${jurorId}, ${YEAR}, 'submitted', '{}'::jsonb, ${level}, ${publicComment}, now())`);
      };
      await review(TRELAZE, first.jurorId, 3, 'Une politique numérique suivie.');
      await review(TRELAZE, second.jurorId, 4, 'Des services utiles.');
      // Le Trait's reviews are three levels apart: it opens the agenda.
      await review(LE_TRAIT, first.jurorId, 1, '');
      await review(LE_TRAIT, second.jurorId, 4, '');
      await assignDirectly(db, YEAR, idOf(PARIS), first.jurorId);
    });

    test('the agenda: diverging dossiers first, flagged in words, the suggested level, nothing decided yet', async () => {
      const page = await f.browsers.admin.get(agendaPath);
      assert.equal(page.status, 200, page.body);
      const rows = tableRows(page.body, 'ordre-du-jour');
      assert.deepEqual(
        rows.map((r) => r[0]),
        ['Le Trait', 'Trélazé', 'Paris'],
        'the widest gaps first (3 @, then 1 @, then none), by name only between equal gaps',
      );
      assert.match(rows[0]![5]!, /Divergence de 3/);
      assert.equal(rows[1]![5], deliberationMessages.agenda.notDiverging);
      // Trélazé: 3 @ from its coverage, reviews 3 and 4 (3,5): (3 + 3,5) / 2 = 3,25 → 3 @.
      assert.match(rows[1]![4]!, /3 arobases/);
      assert.match(rows[1]![6]!, /À décider/);
      assert.match(textOf(page.body), /0 dossier décidé, 3 à décider/);

      const api = await f.api('admin', 'GET', `/api/v1/editions/${YEAR}/applications`);
      assert.equal(api.status, 200, api.body);
      const trelaze = api.json().items.find((i: { territoryCode: string }) => i.territoryCode === TRELAZE);
      assert.deepEqual([trelaze.state, trelaze.assigned, trelaze.submitted, trelaze.decisionLevel], ['submitted', 2, 2, null]);
    });

    test('the dossier’s page: each review in full, the suggestion explained, the public comments prefilled', async () => {
      const page = await f.browsers.admin.get(`${agendaPath}/${idOf(TRELAZE)}`);
      assert.equal(page.status, 200, page.body);
      const text = textOf(page.body);
      for (const expected of ['Évaluation de premiere', 'Évaluation de second', 'Niveau proposé : 4', '55 %', 'Niveau suggéré : 3'])
        assert.ok(text.includes(expected), expected);
      assert.match(page.body, /<textarea[^>]*name="publicComment"[^>]*>Une politique numérique suivie\. Des services utiles\.<\/textarea>/);
      assert.doesNotMatch(page.body, /id="distinction-excellence"/, 'the title is never offered by hand');
    });

    test('a decision recorded from the page, then changed by the API, keeps its history; a stale one is refused', async () => {
      const saved = await f.browsers.admin.submit(`${agendaPath}/${idOf(TRELAZE)}`, {
        level: '3',
        distinctions: ['verte'],
        rationale: 'Une politique suivie, des services utiles.',
        publicComment: 'Une ville engagée.',
      });
      assert.equal(saved.status, 303, saved.body);
      const after = await f.browsers.admin.follow(saved);
      assert.ok(textOf(after.body).includes(deliberationMessages.dossier.saved));
      const changed = await f.api('admin', 'PUT', decisionUrl(TRELAZE), { level: 4, distinctions: [], rationale: 'Revu en séance.', version: 1 });
      assert.equal(changed.status, 200, changed.body);
      assert.deepEqual([changed.json().level, changed.json().version], [4, 2]);
      const stale = await f.api('admin', 'PUT', decisionUrl(TRELAZE), { level: 5, rationale: 'Une autre idée.', version: 1 });
      assert.equal(stale.status, 409);
      const blind = await f.api('admin', 'PUT', decisionUrl(TRELAZE), { level: 5, rationale: 'Sans version.' });
      assert.equal(blind.status, 409, 'a decision exists: a save without its version is stale');
      assert.equal(await changes(), 2);

      const page = await f.browsers.admin.get(`${agendaPath}/${idOf(TRELAZE)}`);
      const history = tableRows(page.body, 'historique-decisions');
      assert.deepEqual(
        history.map((r) => [r[1], r[3]]),
        [
          ['@@@@ 4 arobases', 'Revu en séance.'],
          ['@@@ 3 arobases', 'Une politique suivie, des services utiles.'],
        ],
      );
      const audit = await queryRows<{ details: { level: number } }>(
        f.db(),
        sql`select details from audit_entries where action = 'deliberation.recorded' and subject_id = ${idOf(TRELAZE)} order by id`,
      );
      assert.deepEqual(
        audit.map((a) => a.details.level),
        [3, 4],
      );
      const agenda = tableRows((await f.browsers.admin.get(agendaPath)).body, 'ordre-du-jour');
      assert.match(agenda[1]![6]!, /4 arobases/);
    });

    test('bad input is a 400 naming the field, writing nothing; only the staff may decide', async () => {
      const before = [await decisions(), await changes()];
      const cases: [unknown, string][] = [
        [{ level: 0, rationale: 'Trop peu.' }, 'level'],
        [{ level: 3, distinctions: ['inconnue'], rationale: 'Une mention inconnue.' }, 'distinctions'],
        [{ level: 5, distinctions: ['excellence'], rationale: 'Le titre à la main.' }, 'distinctions'],
        [{ level: 3, rationale: '   ' }, 'rationale'],
        [{ level: 3 }, 'rationale'],
      ];
      for (const [body, field] of cases) {
        const res = await f.api('admin', 'PUT', decisionUrl(LE_TRAIT), body);
        assert.equal(res.status, 400, `${JSON.stringify(body)}: ${res.body}`);
        assert.equal(res.json().field, field, JSON.stringify(body));
      }
      const page = await f.browsers.admin.submit(`${agendaPath}/${idOf(LE_TRAIT)}`, { level: '0', rationale: '' });
      assert.equal(page.status, 400);
      assert.match(page.body, /href="#champ-level"/);
      for (const who of ['juror', 'referent', 'member'] as const) {
        assert.equal((await f.api(who, 'PUT', decisionUrl(LE_TRAIT), { level: 3, rationale: 'Moi aussi.' })).status, 403, who);
        assert.equal((await f.api(who, 'GET', `/api/v1/editions/${YEAR}/applications`)).status, 403, who);
        assert.equal((await f.browsers[who].get(agendaPath)).status, 403, who);
      }
      assert.equal((await f.api('anonymous', 'PUT', decisionUrl(LE_TRAIT), { level: 3, rationale: 'Anonyme.' })).status, 401);
      assert.deepEqual([await decisions(), await changes()], before);
    });

    test('the parameters, saved with decimal commas, drive the suggestion; a stale save or a wrong figure is refused', async () => {
      const path = `/admin/editions/${YEAR}/jury/parametres`;
      const form = {
        reviewersPerDossier: '2',
        'levelThresholds.0': '0',
        'levelThresholds.1': '10',
        'levelThresholds.2': '20',
        'levelThresholds.3': '30',
        'levelThresholds.4': '40,5',
        reviewWeight: '0',
      };
      const saved = await f.browsers.admin.submit(path, form);
      assert.equal(saved.status, 303, saved.body);
      // Coverage alone now: Trélazé's 55 % reaches the 40,5 % of 5 @.
      const agenda = tableRows((await f.browsers.admin.get(agendaPath)).body, 'ordre-du-jour');
      assert.match(agenda[1]![4]!, /5 arobases/);
      const [audit] = await queryRows<{ details: Record<string, unknown> }>(
        f.db(),
        sql`select details from audit_entries where action = 'jury.parametersSaved'`,
      );
      assert.deepEqual(audit!.details, { reviewersPerDossier: 2, levelThresholds: '0, 10, 20, 30, 40.5', reviewWeight: 0, version: 1 });

      const wrong = await f.browsers.admin.submit(path, { ...form, 'levelThresholds.2': '5', reviewWeight: '2' });
      assert.equal(wrong.status, 400);
      assert.match(wrong.body, /href="#champ-levelThresholds\.2"/);
      assert.match(wrong.body, /href="#champ-reviewWeight"/);
      assert.match(wrong.body, /name="levelThresholds\.4"[^>]*value="40,5"/, 'the form shows back what was typed');
      const stale = await f.api('admin', 'PATCH', `/api/v1/editions/${YEAR}`, { parameters: { reviewWeight: 0.5, version: 0 } });
      assert.equal(stale.status, 409, stale.body);
      const bad = await f.api('admin', 'PATCH', `/api/v1/editions/${YEAR}`, { parameters: { levelThresholds: [0, 35, 30, 65, 75], version: 1 } });
      assert.equal(bad.status, 400);
      assert.equal(bad.json().field, 'parameters.levelThresholds.2');
      const patched = await f.api('admin', 'PATCH', `/api/v1/editions/${YEAR}`, {
        parameters: { levelThresholds: [0, 35, 50, 65, 75], reviewWeight: 0.5, version: 1 },
      });
      assert.equal(patched.status, 200, patched.body);
      assert.deepEqual(patched.json().parameters, { reviewersPerDossier: 2, levelThresholds: [0, 35, 50, 65, 75], reviewWeight: 0.5, version: 2 });
      assert.equal((await f.api('juror', 'PATCH', `/api/v1/editions/${YEAR}`, { parameters: { version: 2 } })).status, 403);
    });

    test('the PATCH is all or nothing; once deliberated the parameters are closed, decisions are not', async () => {
      const refused = await f.api('admin', 'PATCH', `/api/v1/editions/${YEAR}`, {
        parameters: { reviewWeight: 0.25, version: 2 },
        state: { event: 'publish', reason: 'Trop tôt.' },
      });
      assert.equal(refused.status, 409, refused.body);
      assert.equal(refused.json().field, 'state.event');
      const [kept] = await queryRows<{ version: number }>(f.db(), sql`select version from jury_parameters where year = ${YEAR}`);
      assert.equal(kept!.version, 2, 'the parameters’ part was rolled back with the refused state change');

      const moved = await f.api('admin', 'PATCH', `/api/v1/editions/${YEAR}`, { state: { event: 'deliberate', reason: 'Le jury a siégé.' } });
      assert.equal(moved.status, 200, moved.body);
      assert.equal(moved.json().state, 'deliberated');
      assert.equal((await f.api('admin', 'PATCH', `/api/v1/editions/${YEAR}`, { parameters: { reviewWeight: 0.25, version: 2 } })).status, 409);
      const decided = await f.api('admin', 'PUT', decisionUrl(PARIS), { level: 2, rationale: 'Un premier dossier.' });
      assert.equal(decided.status, 200, decided.body);
    });

    test('once the publication is scheduled, decisions are refused until it is cancelled', async () => {
      const db = f.db();
      await db.execute(sql`update editions set published_at = now() + interval '30 days' where year = ${YEAR}`);
      const before = await changes();
      const res = await f.api('admin', 'PUT', decisionUrl(PARIS), { level: 3, rationale: 'Trop tard.', version: 1 });
      assert.equal(res.status, 409);
      assert.equal(res.json().message, deliberationMessages.errors.scheduled);
      const page = await f.browsers.admin.get(`${agendaPath}/${idOf(PARIS)}`);
      assert.ok(textOf(page.body).includes(deliberationMessages.agenda.closedNotice.scheduled));
      assert.doesNotMatch(page.body, /name="rationale"/);
      assert.equal(await changes(), before);
      await db.execute(sql`update editions set published_at = null where year = ${YEAR}`);
      assert.equal((await f.api('admin', 'PUT', decisionUrl(PARIS), { level: 3, rationale: 'Revu.', version: 1 })).status, 200);
    });

    test('certificates: the PDF and the sign name the laureate; /verifier/:code answers once public, 404 otherwise', async () => {
      const db = f.db();
      await db.execute(sql`insert into editions (year, state) values (${PAST}, 'deliberated')`);
      await db.execute(sql`insert into results (year, territory_code, level, source) values (${PAST}, ${TRELAZE}, 4, 'deliberation')`);
      await db.execute(sql`insert into result_distinctions (year, territory_code, distinction_code) values (${PAST}, ${TRELAZE}, 'verte')`);
      await db.execute(sql`insert into certificates (code, year, territory_code) values (${CODE}, ${PAST}, ${TRELAZE})`);
      const pdfPath = `/territoires/${TRELAZE}/attestations/${PAST}.pdf`;
      const signPath = `/territoires/${TRELAZE}/panneau/${PAST}.pdf`;

      // Not public yet: nothing answers.
      assert.equal((await getBytes(f.browsers.anonymous, pdfPath)).status, 404);
      assert.equal((await getBytes(f.browsers.anonymous, signPath)).status, 404);
      const early = await f.browsers.anonymous.get(`/verifier/${CODE}`);
      assert.equal(early.status, 404);
      assert.ok(textOf(early.body).includes(deliberationMessages.verify.unknown));

      await db.execute(sql`update editions set state = 'published', published_at = now() where year = ${PAST}`);
      const pdf = await getBytes(f.browsers.anonymous, pdfPath);
      assert.equal(pdf.status, 200);
      assert.equal(pdf.type, 'application/pdf');
      assert.equal(pdf.bytes.subarray(0, 5).toString(), '%PDF-');
      assert.equal(pdf.bytes.toString('latin1').match(/\/Type \/Page\b/g)?.length, 1, 'one page');
      const text = pdfText(pdf.bytes);
      if (text === null) assert.ok(pdf.bytes.length > 1000);
      else
        for (const expected of ['Trélazé', '4 arobases', `/verifier/${CODE}`, 'Label arobase 2026', 'verte'])
          assert.ok(text.includes(expected), `« ${expected} »:\n${text}`);
      const sign = await getBytes(f.browsers.anonymous, signPath);
      assert.equal(sign.status, 200);
      assert.match(sign.bytes.toString('latin1'), /\/MediaBox \[0 0 1190\.55 841\.89\]/, 'A3 landscape');

      const valid = await f.browsers.anonymous.get(`/verifier/${CODE}`);
      assert.equal(valid.status, 200);
      const validText = textOf(valid.body);
      for (const expected of [deliberationMessages.verify.valid, 'Trélazé', 'Label 2026', '4 arobases']) assert.ok(validText.includes(expected), expected);
      assert.equal((await f.browsers.anonymous.get('/verifier/CODE-INCONNU')).status, 404);
      assert.equal((await f.browsers.anonymous.get(`/territoires/${LE_TRAIT}/attestations/${PAST}.pdf`)).status, 404);
      assert.equal((await f.browsers.anonymous.get(`/territoires/${TRELAZE}/attestations/annee.pdf`)).status, 404);
    });
  });
}
