import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { ForbiddenError, InvalidInputError, SignInRequiredError } from '../../platform/errors.ts';
import { systemCaller, type Person } from '../accounts/permissions.rules.ts';
import { drivers, openTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { applyPalmares, checkPalmares, SKIP, type PalmaresReport } from './import-palmares.service.ts';
import {
  applyPalmaresImport,
  createPalmaresImport,
  getPalmaresImport,
  importPalmaresFile,
  saveImportDecisions,
  updateExcellenceParameters,
} from './import-palmares-store.service.ts';
import { countResults, openEditionUnderReview, PRESS_CSV, PRESS_MATCHED, resultsState } from './import-palmares.fixture.ts';
import { EXCELLENCE_CODE } from '../label/results.rules.ts';
import { listEditionResults } from '../label/results.service.ts';
import { palmaresImports, results } from '../label/schema.ts';

/** Asserts that `run` is refused with an InvalidInputError on `field`, whose message matches `message`. */
async function assertRefused(run: () => Promise<unknown>, field: string, message: RegExp) {
  await assert.rejects(run, (error: unknown) => {
    assert.ok(error instanceof InvalidInputError, `InvalidInputError expected, got ${String(error)}`);
    assert.match(error.fields[field] ?? '', message, JSON.stringify(error.fields));
    return true;
  });
}

const rowsOf = (items: { row: number }[]) => items.map((i) => i.row);
const SYSTEM = systemCaller('palmarès import test');

for (const driver of drivers) {
  describe(`palmarès import: check and apply (${driver})`, () => {
    let database: TestDatabase;
    const db = () => database.db;
    before(async () => {
      database = await openTestDatabase(driver);
      await openEditionUnderReview(db());
    });
    after(() => database?.dispose());

    let report: PalmaresReport;
    test('the press list is reported row by row, and checking writes nothing', async () => {
      const before = await resultsState(db());
      report = await checkPalmares(db(), PRESS_CSV);
      assert.equal(report.rows, 14);

      assert.deepEqual(Object.fromEntries(report.matched.map((r) => [r.row, r.code])), PRESS_MATCHED);
      const reason = (row: number) => report.matched.find((r) => r.row === row)?.reason ?? '';
      assert.equal(reason(1), 'nom identique');
      assert.match(reason(2), /« St » lu « Saint »/);
      assert.match(reason(3), /intercommunalité : « Communauté de communes » lu « CC »/);
      assert.match(reason(4), /faute de frappe corrigée : « Boulogne-Billancour » → « Boulogne-Billancourt »/);
      assert.match(reason(5), /ancienne commune « Cherbourg-Octeville », aujourd’hui Cherbourg-en-Cotentin/);
      const distinctions = Object.fromEntries(report.matched.map((r) => [r.row, r.distinctions]));
      assert.deepEqual(distinctions[2], ['verte']);
      assert.deepEqual(distinctions[4], ['democratie-locale']);
      assert.deepEqual(distinctions[11], [], 'the rule grants excellence, not the file');
      assert.deepEqual(distinctions[12], ['mediation-numerique', 'numerique-educatif']);
      assert.ok(report.matched.every((r) => !r.decided));

      assert.deepEqual(rowsOf(report.ambiguous), [6]);
      assert.deepEqual(report.ambiguous[0]!.candidates.map((c) => c.code).sort(), ['200033579', '62041']);
      assert.match(report.ambiguous[0]!.reason, /précisez le type/);
      assert.deepEqual(rowsOf(report.notFound), [7]);
      assert.match(report.notFound[0]!.reason, /aucun territoire de ce nom dans le département 49/);

      assert.deepEqual(
        report.invalid.map((i) => [i.row, i.field]),
        [
          [8, 'level'],
          [9, 'distinctions'],
          [10, 'name'],
          [13, 'year'],
          [14, 'department'],
        ],
      );
      const message = (row: number) => report.invalid.find((i) => i.row === row)?.message ?? '';
      assert.match(message(8), /^niveau : « 6 » doit être entre 1 et 5/);
      assert.match(message(9), /^distinctions : « Mention Jeux vidéo » inconnue \(connues : @ verte, /);
      assert.match(message(10), /^nom : Trélazé figure déjà dans l’édition 2008 à la ligne 1 \(lignes 1 et 10\)/);
      assert.match(message(13), /^année : l’édition 2024 est en cours/);
      assert.match(message(14), /^département : « Bretagne » inconnu/);

      assert.deepEqual(
        report.notes.map((n) => n.row),
        [11],
      );
      assert.match(report.notes[0]!.message, /« Territoire d'excellence numérique » non repris/);
      assert.deepEqual(report.skipped, []);
      assert.deepEqual(report.decisionErrors, []);
      assert.deepEqual(
        report.toDecide.map((r) => [r.row, r.status, r.choice]),
        [
          [6, 'ambiguous', null],
          [7, 'notFound', null],
        ],
      );
      assert.equal(await resultsState(db()), before, 'a check writes nothing');
    });

    test('applying is refused while rows are unresolved, and a decision that cannot be followed refuses it too', async () => {
      const before = await resultsState(db());
      await assertRefused(
        () => applyPalmares(db(), SYSTEM, PRESS_CSV),
        'skipUnmatched',
        /^7 lignes ne sont pas résolues \(1 ambiguë, 1 introuvable, 5 invalides\)/,
      );
      await assertRefused(
        () => applyPalmares(db(), SYSTEM, PRESS_CSV, { decisions: { 6: '62041', 7: SKIP } }),
        'skipUnmatched',
        /^5 lignes ne sont pas résolues \(5 invalides\)/,
      );
      await assertRefused(
        () => applyPalmares(db(), SYSTEM, PRESS_CSV, { skipUnmatched: true, decisions: { 6: '99999' } }),
        'decisions',
        /ligne 6 : aucun territoire n’a le code « 99999 »/,
      );
      await assertRefused(
        () => applyPalmares(db(), SYSTEM, PRESS_CSV, { skipUnmatched: true, decisions: { 15: SKIP } }),
        'decisions',
        /pas de ligne « 15 » dans le fichier \(lignes 1 à 14\)/,
      );
      await assertRefused(
        () => applyPalmares(db(), SYSTEM, PRESS_CSV, { skipUnmatched: true, decisions: { 8: '49007' } }),
        'decisions',
        /la ligne 8 est invalide/,
      );
      assert.equal(await resultsState(db()), before);
      assert.equal(await countResults(db()), 0);
    });

    test('decisions: a candidate, any territory by its code, skip; a decided duplicate is caught', async () => {
      const decided = await checkPalmares(db(), PRESS_CSV, { 6: '62041', 7: '2a004' });
      const row = (n: number) => decided.matched.find((r) => r.row === n);
      assert.equal(row(6)?.code, '62041');
      assert.equal(row(6)?.reason, 'choisi parmi les candidats');
      assert.equal(row(7)?.code, '2A004', 'codes are read whatever their case');
      assert.equal(row(7)?.reason, 'choisi par son code 2A004');
      assert.ok(row(6)?.decided && row(7)?.decided);
      assert.deepEqual(
        decided.toDecide.map((r) => [r.row, r.choice]),
        [
          [6, '62041'],
          [7, '2a004'],
        ],
        'still offered, to change one’s mind',
      );

      const twice = await checkPalmares(db(), PRESS_CSV, { 7: '49353', 1: SKIP, 10: SKIP });
      assert.equal(twice.matched.find((r) => r.row === 7)?.code, '49353', 'row 1 skipped: row 7 may be Trélazé');
      assert.deepEqual(rowsOf(twice.skipped), [1, 10]);
      const again = await checkPalmares(db(), PRESS_CSV, { 7: '49353' });
      assert.match(again.invalid.find((i) => i.row === 7)?.message ?? '', /Trélazé figure déjà dans l’édition 2008 à la ligne 1 \(lignes 1 et 7\)/);
    });

    test('a failure in the middle of the transaction leaves the database as it was', async () => {
      const before = await resultsState(db());
      // Issy (row 12) comes after six other rows: the database refuses it, as a crash or a constraint would.
      await db().execute(sql`create function refuse_issy() returns trigger language plpgsql as $$
        begin if new.territory_code = '92040' then raise exception 'refus simulé'; end if; return new; end $$`);
      await db().execute(sql`create trigger refuse_issy before insert on results for each row execute function refuse_issy()`);
      try {
        await assert.rejects(
          () => applyPalmares(db(), SYSTEM, PRESS_CSV, { skipUnmatched: true, decisions: { 6: '62041' } }),
          (error: Error) => /refus simulé/.test(`${error.message} ${String(error.cause)}`),
        );
      } finally {
        await db().execute(sql`drop trigger refuse_issy on results`);
        await db().execute(sql`drop function refuse_issy()`);
      }
      assert.equal(await resultsState(db()), before);
    });

    test('with decisions and skipped rows it imports exactly the intended rows, and the palmarès reads back as the file', async () => {
      const outcome = await applyPalmares(db(), SYSTEM, PRESS_CSV, { skipUnmatched: true, decisions: { 6: '62041', 7: SKIP } });
      assert.equal(outcome.inserted, 8);
      assert.equal(outcome.updated, 0);
      assert.equal(outcome.unchanged, 0);
      assert.equal(outcome.imported, 8);
      assert.equal(outcome.leftOut, 6, 'row 7 skipped, rows 8, 9, 10, 13 and 14 invalid');
      assert.deepEqual(outcome.editions, [2008, 2009]);
      assert.equal(await countResults(db()), 8, 'nothing else');

      const edition2008 = await listEditionResults(db(), 2008);
      assert.deepEqual(
        edition2008?.map((r) => [r.code, r.level, r.distinctions]).sort(),
        [
          ['200000800', 3, []],
          ['49353', 5, []],
          ['50129', 4, []],
          ['62041', 3, []],
          ['76575', 4, ['verte']],
          ['92012', 5, ['democratie-locale']],
        ].sort(),
      );
      const edition2009 = await listEditionResults(db(), 2009);
      assert.deepEqual(
        edition2009?.map((r) => [r.code, r.level, r.distinctions]),
        [
          ['49353', 5, []],
          ['92040', 4, ['mediation-numerique', 'numerique-educatif']],
        ],
      );
      assert.ok(!edition2009?.some((r) => r.distinctions.includes(EXCELLENCE_CODE)), 'two editions at 5 @ earn no excellence');
      assert.equal(await listEditionResults(db(), 2024), null, 'the edition under review stays private');
    });

    test('a second apply changes nothing', async () => {
      const before = await resultsState(db());
      const outcome = await applyPalmares(db(), SYSTEM, PRESS_CSV, { skipUnmatched: true, decisions: { 6: '62041', 7: SKIP } });
      assert.equal(outcome.inserted, 0);
      assert.equal(outcome.updated, 0);
      assert.equal(outcome.unchanged, 8);
      assert.equal(await resultsState(db()), before, 'not even a timestamp');
    });

    test('a result the jury deliberated is never replaced by an import: the row is reported', async () => {
      await db()
        .update(results)
        .set({ source: 'deliberation' })
        .where(and(eq(results.year, 2009), eq(results.territoryCode, '92040')));
      const corrected = PRESS_CSV.replace('2009;Issy les Moulineaux;Hauts de Seine;4;', '2009;Issy les Moulineaux;Hauts de Seine;3;');
      const checked = await checkPalmares(db(), corrected, { 6: '62041', 7: SKIP });
      const issy = checked.invalid.filter((i) => /un import ne le remplace pas/.test(i.message));
      assert.deepEqual(
        issy.map((i) => i.field),
        ['level'],
      );
      assert.match(issy[0]!.message, /Issy-les-Moulineaux en 2009/);
      await applyPalmares(db(), SYSTEM, corrected, { skipUnmatched: true, decisions: { 6: '62041', 7: SKIP } });
      assert.equal((await listEditionResults(db(), 2009))?.find((r) => r.code === '92040')?.level, 4, 'unchanged');
      await db()
        .update(results)
        .set({ source: 'import' })
        .where(and(eq(results.year, 2009), eq(results.territoryCode, '92040')));
    });

    test('a corrected file updates what changed and only that', async () => {
      const corrected = PRESS_CSV.replace('2009;Issy les Moulineaux;Hauts de Seine;4;', '2009;Issy les Moulineaux;Hauts de Seine;5;');
      const outcome = await applyPalmares(db(), SYSTEM, corrected, { skipUnmatched: true, decisions: { 6: '62041', 7: SKIP } });
      assert.deepEqual([outcome.inserted, outcome.updated, outcome.unchanged], [0, 1, 7]);
      assert.equal((await listEditionResults(db(), 2009))?.find((r) => r.code === '92040')?.level, 5);
    });

    test('the import services check their permission themselves: a referent or a juror is refused, the system may', async () => {
      const before = await resultsState(db());
      const imports = async () =>
        (
          await db()
            .select({ n: sql<number>`count(*)::int` })
            .from(palmaresImports)
        )[0]!.n;
      const importsBefore = await imports();
      const referent: Person = { id: '00000000-0000-4000-8000-000000000004', role: 'member', memberships: [{ territoryCode: '49353', role: 'referent' }] };
      const juror: Person = { id: '00000000-0000-4000-8000-000000000005', role: 'juror' };
      const stored = await createPalmaresImport(db(), SYSTEM, { fileName: 'presse.csv', data: PRESS_CSV });
      assert.equal((await getPalmaresImport(db(), stored.id)).state, 'checked');
      for (const person of [referent, juror]) {
        await assert.rejects(applyPalmares(db(), person, PRESS_CSV, { skipUnmatched: true }), ForbiddenError);
        await assert.rejects(importPalmaresFile(db(), person, { fileName: 'presse.csv', data: PRESS_CSV, skipUnmatched: true }), ForbiddenError);
        await assert.rejects(createPalmaresImport(db(), person, { fileName: 'presse.csv', data: PRESS_CSV }), ForbiddenError);
        await assert.rejects(saveImportDecisions(db(), person, stored.id, { 6: '62041' }), ForbiddenError);
        await assert.rejects(applyPalmaresImport(db(), person, stored.id, { skipUnmatched: true }), ForbiddenError);
        await assert.rejects(updateExcellenceParameters(db(), person, { consecutiveTopLevels: '3', validityYears: '3' }), ForbiddenError);
      }
      await assert.rejects(applyPalmaresImport(db(), null, stored.id, { skipUnmatched: true }), SignInRequiredError);
      assert.deepEqual((await getPalmaresImport(db(), stored.id)).decisions, {}, 'no decision saved');
      // The system saves decisions (its own import, written by no person), then the import stays to apply.
      await saveImportDecisions(db(), SYSTEM, stored.id, { 6: '62041', 7: SKIP });
      assert.deepEqual((await getPalmaresImport(db(), stored.id)).decisions, { 6: '62041', 7: SKIP });
      const [row] = await db().select({ createdBy: palmaresImports.createdBy }).from(palmaresImports).where(eq(palmaresImports.id, stored.id));
      assert.equal(row!.createdBy, null);
      assert.equal(await imports(), importsBefore + 1);
      assert.equal(await resultsState(db()), before, 'no result written');
    });
  });
}
