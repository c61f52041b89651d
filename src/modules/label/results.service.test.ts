import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { systemCaller } from '../accounts/permissions.rules.ts';
import { drivers, openTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { LABEL_HISTORY, LAUREATES, seedLabelHistory, UNPUBLISHED_RESULT } from '../../../test/support/results-fixture.ts';
import { ForbiddenError, SignInRequiredError } from '../../platform/errors.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { recordImportedResults, recordResults, setExcellenceParameters } from './record-results.service.ts';
import { getExcellenceParameters, getTerritoryLabelHistory, listEditionResults, listPublishedEditions, listPublishedResults } from './results.service.ts';
import { results } from './schema.ts';

const SYSTEM = systemCaller('results test');

for (const driver of drivers) {
  describe(`results service (${driver})`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await openTestDatabase(driver);
      await seedLabelHistory(database.db);
    });
    after(() => database.dispose());
    const db = () => database.db;

    test('published editions, newest first, with counts per level that add up to the results', async () => {
      const editions = await listPublishedEditions(db());
      assert.deepEqual(
        editions.map((e) => e.year),
        [2023, 2022, 2021, 2020, 2019, 2018, 2017],
        'the 2024 edition under review is not listed',
      );
      const e2023 = editions[0]!;
      assert.deepEqual(e2023.levels, { 1: 0, 2: 0, 3: 1, 4: 2, 5: 3 });
      assert.equal(e2023.total, 6);
      assert.equal(e2023.distinctions.verte, 2);
      const all = await listPublishedResults(db());
      assert.equal(all.length, LABEL_HISTORY.length);
      assert.equal(
        editions.reduce((sum, e) => sum + e.total, 0),
        all.length,
      );
    });

    test('Trélazé’s history: seven years at 5 @, excellence granted in 2022 and valid until 2024', async () => {
      const history = await getTerritoryLabelHistory(db(), LAUREATES.trelaze);
      assert.deepEqual(
        history.results.map((r) => `${r.year}:${r.level}`),
        ['2017:5', '2018:5', '2019:5', '2020:5', '2021:5', '2022:5', '2023:5'],
      );
      assert.deepEqual(history.current, { year: 2023, level: 5 }, 'never the 2024 result under review');
      assert.deepEqual(history.excellence.grantYears, [2022]);
      assert.equal(history.excellence.validUntil, 2024);
      assert.equal(history.excellence.validNow, true);
      assert.deepEqual(history.results.find((r) => r.year === 2023)?.distinctions, ['verte', 'excellence'], 'the title is held in 2023 too');
    });

    test('issue 12, finding 2: the title granted in 2022 is held in 2023 by every reader (palmarès, counts, results)', async () => {
      const palmares2023 = (await listEditionResults(db(), 2023))!;
      assert.deepEqual(
        palmares2023.filter((r) => r.distinctions.includes('excellence')).map((r) => r.code),
        [LAUREATES.trelaze],
      );
      const editions = await listPublishedEditions(db());
      assert.equal(editions.find((e) => e.year === 2023)?.distinctions.excellence, 1);
      assert.equal(editions.find((e) => e.year === 2022)?.distinctions.excellence, 1);
      assert.equal(editions.find((e) => e.year === 2021)?.distinctions.excellence, undefined, 'not before the grant');
      const trelaze = await listPublishedResults(db(), { territoryCode: LAUREATES.trelaze });
      assert.deepEqual(
        trelaze.filter((r) => r.distinctions.includes('excellence')).map((r) => r.year),
        [2023, 2022],
      );
    });

    test('Angers, five years at 5 @, is not (yet) a territoire d’excellence', async () => {
      const history = await getTerritoryLabelHistory(db(), LAUREATES.angers);
      assert.deepEqual(history.excellence.grantYears, []);
      assert.equal(history.excellence.validNow, false);
    });

    test('an edition under review gives no palmarès', async () => {
      assert.equal(await listEditionResults(db(), UNPUBLISHED_RESULT.year), null);
      assert.equal(await listEditionResults(db(), 1850), null);
      const published = await listPublishedResults(db(), { territoryCode: LAUREATES.trelaze });
      assert.ok(!published.some((r) => r.year === UNPUBLISHED_RESULT.year));
    });

    test('a palmarès lists the best levels first, with territory facts read from the territories module', async () => {
      const items = (await listEditionResults(db(), 2019))!;
      assert.deepEqual(
        items.map((i) => i.name),
        ['Angers', 'Issy-les-Moulineaux', 'Trélazé', 'Trilport'],
      );
      const trilport = items.find((i) => i.code === LAUREATES.trilport)!;
      assert.equal(trilport.department?.name, 'Seine-et-Marne');
      assert.equal(trilport.region?.name, 'Île-de-France');
      assert.equal(trilport.level, 5);
    });

    test('recording the same rows again changes nothing; a changed level is updated', async () => {
      const again = await db().transaction((tx) => recordImportedResults(tx, SYSTEM, LABEL_HISTORY, null));
      assert.deepEqual(
        { inserted: again.inserted, updated: again.updated, unchanged: again.unchanged },
        { inserted: 0, updated: 0, unchanged: LABEL_HISTORY.length },
      );
      const changed = await db().transaction((tx) =>
        recordImportedResults(tx, SYSTEM, [{ year: 2023, territoryCode: LAUREATES.leTrait, level: 5, distinctions: ['verte'] }], null),
      );
      assert.deepEqual({ inserted: changed.inserted, updated: changed.updated }, { inserted: 0, updated: 1 });
      const leTrait = await listPublishedResults(db(), { territoryCode: LAUREATES.leTrait, year: 2023 });
      assert.deepEqual(
        leTrait.map((r) => [r.level, r.distinctions]),
        [[5, ['verte']]],
      );
      await db().transaction((tx) => recordImportedResults(tx, SYSTEM, [{ year: 2023, territoryCode: LAUREATES.leTrait, level: 4, distinctions: [] }], null));
    });

    test('an import that fails half-way leaves nothing behind', async () => {
      const before = await listPublishedResults(db());
      await assert.rejects(
        db().transaction((tx) =>
          recordImportedResults(
            tx,
            SYSTEM,
            [
              { year: 2016, territoryCode: LAUREATES.trelaze, level: 4, distinctions: [] },
              { year: 2016, territoryCode: 'no-such-territory', level: 3, distinctions: [] },
            ],
            null,
          ),
        ),
      );
      assert.deepEqual(await listPublishedResults(db()), before);
      assert.ok(!(await listPublishedEditions(db())).some((e) => e.year === 2016));
    });

    test('the excellence follows its parameters and the history, recomputed at once', async () => {
      await setExcellenceParameters(db(), SYSTEM, { consecutiveTopLevels: 5, validityYears: 2 });
      assert.deepEqual((await getTerritoryLabelHistory(db(), LAUREATES.trelaze)).excellence.grantYears, [2021, 2023]);
      assert.deepEqual((await getTerritoryLabelHistory(db(), LAUREATES.angers)).excellence.grantYears, [2023]);
      await setExcellenceParameters(db(), SYSTEM, { consecutiveTopLevels: 6, validityYears: 3 });
      assert.deepEqual((await getTerritoryLabelHistory(db(), LAUREATES.trelaze)).excellence.grantYears, [2022]);
      assert.deepEqual((await getTerritoryLabelHistory(db(), LAUREATES.angers)).excellence.grantYears, []);
      // Trélazé’s 2019 turns out to be a 4 @: the streak restarts in 2020 and is too short.
      await db().transaction((tx) => recordImportedResults(tx, SYSTEM, [{ year: 2019, territoryCode: LAUREATES.trelaze, level: 4, distinctions: [] }], null));
      assert.deepEqual((await getTerritoryLabelHistory(db(), LAUREATES.trelaze)).excellence.grantYears, []);
      await db().transaction((tx) => recordImportedResults(tx, SYSTEM, [{ year: 2019, territoryCode: LAUREATES.trelaze, level: 5, distinctions: [] }], null));
      assert.deepEqual((await getTerritoryLabelHistory(db(), LAUREATES.trelaze)).excellence.grantYears, [2022]);
    });

    test('recording results and setting the excellence parameters check their permission; the system may', async () => {
      const before = JSON.stringify([await listPublishedResults(db()), await getExcellenceParameters(db())]);
      const contributor: Person = {
        id: '00000000-0000-4000-8000-000000000002',
        role: 'member',
        memberships: [{ territoryCode: LAUREATES.trelaze, role: 'contributor' }],
      };
      const juror: Person = { id: '00000000-0000-4000-8000-000000000003', role: 'juror' };
      const row = { year: 2023, territoryCode: LAUREATES.trelaze, level: 1, distinctions: [] };
      for (const person of [contributor, juror]) {
        await assert.rejects(
          db().transaction((tx) => recordResults(tx, person, [row], null)),
          ForbiddenError,
        );
        await assert.rejects(
          db().transaction((tx) => recordImportedResults(tx, person, [row], null)),
          ForbiddenError,
        );
        await assert.rejects(setExcellenceParameters(db(), person, { consecutiveTopLevels: 1, validityYears: 1 }), ForbiddenError);
      }
      await assert.rejects(setExcellenceParameters(db(), null, { consecutiveTopLevels: 1, validityYears: 1 }), SignInRequiredError);
      assert.equal(JSON.stringify([await listPublishedResults(db()), await getExcellenceParameters(db())]), before, 'nothing changed');
      // The system (an import, a command) records, here the rows as they already are.
      const again = await db().transaction((tx) => recordResults(tx, SYSTEM, LABEL_HISTORY, null));
      assert.equal(again.unchanged, LABEL_HISTORY.length);
      await setExcellenceParameters(db(), SYSTEM, await getExcellenceParameters(db()));
      assert.equal(JSON.stringify([await listPublishedResults(db()), await getExcellenceParameters(db())]), before);
    });

    test('levels outside 1 to 5 are refused by the database itself', async () => {
      await assert.rejects(db().insert(results).values({ year: 2023, territoryCode: LAUREATES.issy, level: 6, source: 'import' }).onConflictDoNothing());
      const [issy] = await db().select().from(results).where(eq(results.territoryCode, LAUREATES.issy)).limit(1);
      assert.ok(issy && issy.level <= 5);
    });
  });
}
