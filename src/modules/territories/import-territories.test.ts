import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { drivers, openTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { countTerritories, importTerritories, loadOfficialTerritories } from './import-territories.service.ts';
import { participatingTerritorySql, territoryDirectoryCounts } from './directory-counts.service.ts';
import { territoriesModule } from './module.ts';
import { directoryCounts, territories } from './schema.ts';

describe('official territories (source data)', () => {
  const rows = loadOfficialTerritories();
  const byCode = new Map(rows.map((r) => [r.code, r]));

  test('every current commune, EPCI, département and région, each code once', () => {
    const count = (kind: string) => rows.filter((r) => r.kind === kind).length;
    assert.ok(count('commune') >= 34_000, `${count('commune')} communes`);
    assert.ok(count('epci') >= 1_200, `${count('epci')} EPCI`);
    assert.ok(count('departement') >= 100);
    assert.ok(count('region') >= 18);
    assert.equal(byCode.size, rows.length, 'no duplicate code (régions are reg-NN, apart from départements)');
  });

  test('Trélazé: population, category, stratum, EPCI, postcodes derived', () => {
    const t = byCode.get('49353')!;
    assert.equal(t.name, 'Trélazé');
    assert.equal(t.kind, 'commune');
    assert.ok(t.population! > 10_000);
    assert.equal(t.category, 'ville');
    assert.equal(t.stratum, '3k-20k');
    assert.equal(t.epciCode, '244900015');
    assert.equal(t.departmentCode, '49');
    assert.equal(t.regionCode, '52');
    assert.deepEqual(t.postcodes, ['49800']);
    const epci = byCode.get('244900015')!;
    assert.equal(epci.kind, 'epci');
    assert.equal(epci.category, 'territoire');
    assert.equal(epci.departmentCode, '49');
    assert.equal(byCode.get('reg-52')!.name, 'Pays de la Loire');
  });
});

for (const driver of drivers) {
  describe(`importing territories (${driver})`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await openTestDatabase(driver);
    });
    after(() => database.dispose());

    const db = () => database.db;
    const row = async (code: string) => (await db().select().from(territories).where(eq(territories.code, code)))[0]!;

    test('importing again changes nothing', async () => {
      const before = await countTerritories(db());
      const trelaze = await row('49353');
      const [{ latest }] = (await db()
        .select({ latest: sql<string>`max(${territories.updatedAt})::text` })
        .from(territories)) as [{ latest: string }];

      const result = await importTerritories(db());

      assert.equal(await countTerritories(db()), before, 'same number of territories');
      assert.equal(result.total, before);
      assert.ok(result.byKind.commune >= 34_000);
      const again = await row('49353');
      assert.equal(again.updatedAt.toISOString(), trelaze.updatedAt.toISOString(), 'an untouched row keeps its updated_at');
      assert.deepEqual(again, trelaze);
      const [{ touched }] = (await db()
        .select({ touched: sql<number>`count(*)::int` })
        .from(territories)
        .where(sql`${territories.updatedAt} > ${latest}::timestamptz`)) as [{ touched: number }];
      assert.equal(touched, 0, 'no row rewritten');
    });

    test('a row that changed in the official data is updated, and only it', async () => {
      await db()
        .update(territories)
        .set({ population: 1, category: 'village', stratum: 'lt3k', updatedAt: new Date('2020-01-01T00:00:00Z') })
        .where(eq(territories.code, '49353'));
      const angers = await row('49007');
      const source = loadOfficialTerritories().filter((r) => r.code === '49353' || r.code === '49007');

      await importTerritories(db(), source);

      const trelaze = await row('49353');
      assert.ok(trelaze.population! > 10_000, 'population restored');
      assert.equal(trelaze.category, 'ville');
      assert.equal(trelaze.stratum, '3k-20k');
      assert.ok(trelaze.updatedAt.getTime() > new Date('2020-01-02').getTime(), 'updated_at moves for a changed row');
      assert.equal((await row('49007')).updatedAt.toISOString(), angers.updatedAt.toISOString(), 'unchanged row left alone');
    });

    test('an import that fails half-way changes nothing (one transaction)', async () => {
      const before = await row('49353');
      const count = await countTerritories(db());
      const source = loadOfficialTerritories();
      const renamed = { ...source.find((r) => r.code === '49353')!, name: 'Trélazé (renommée)' };
      const broken = { ...source.find((r) => r.code === '49007')!, category: 'metropole' as never };
      // The broken row comes in a later batch than the renamed one, which is already written when it fails.
      const filler = source.filter((r) => r.kind === 'commune').slice(0, 1_500);
      const counts = await territoryDirectoryCounts(db());

      await assert.rejects(importTerritories(db(), [renamed, ...filler, broken]));
      assert.deepEqual(await territoryDirectoryCounts(db()), counts, 'the directory counts of before');

      const after = await row('49353');
      assert.equal(after.name, 'Trélazé');
      assert.equal(after.updatedAt.toISOString(), before.updatedAt.toISOString());
      assert.equal(await countTerritories(db()), count);
    });

    test("the directory's counts, kept by the import, are those of the territories taking part", async () => {
      const live = await db()
        .select({ kind: territories.kind, n: sql<number>`count(*)::int` })
        .from(territories)
        .where(participatingTerritorySql())
        .groupBy(territories.kind);
      const counts = await territoryDirectoryCounts(db());
      assert.deepEqual(counts, { commune: 0, epci: 0, departement: 0, region: 0, ...Object.fromEntries(live.map((r) => [r.kind, r.n])) });
      assert.ok(counts.commune >= 34_000, `${counts.commune} communes`);
      const [departments] = (await db()
        .select({ n: sql<number>`count(*)::int` })
        .from(territories)
        .where(eq(territories.kind, 'departement'))) as [{ n: number }];
      assert.ok(counts.departement < departments.n, 'the overseas collectivities are not counted');
    });

    test('a database imported before the counts were kept counts them once, at its next start', async () => {
      const counts = await territoryDirectoryCounts(db());
      await db().delete(directoryCounts);
      assert.equal((await territoryDirectoryCounts(db())).commune, 0);
      const lines: string[] = [];
      await territoriesModule.firstStart?.(db(), (line) => lines.push(line));
      assert.deepEqual(await territoryDirectoryCounts(db()), counts);
      assert.deepEqual(lines, [], 'no import announced: the territories were there');
    });
  });
}
