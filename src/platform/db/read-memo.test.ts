import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { everyDriver, openTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { queryRows } from './database.ts';
import { readMemoStats, runWithReadMemo } from './read-memo.ts';

const shared = async (run: () => Promise<unknown>) => {
  const before = readMemoStats.shared;
  await run();
  return readMemoStats.shared - before;
};

for (const driver of everyDriver) {
  describe(`identical reads of one read-only request run once (${driver})`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await openTestDatabase(driver, { territories: false });
      await database.db.execute(sql`create table memo_probe (n int)`);
      await database.db.execute(sql`insert into memo_probe values (1), (2)`);
    });
    after(() => database.dispose());
    const probe = () => queryRows<{ n: number }>(database.db, sql`select n from memo_probe order by n`);

    test('in a scope, the second identical select is answered from the first, as a copy of its own', async () => {
      let first: { n: number }[] = [];
      let second: { n: number }[] = [];
      const count = await shared(() =>
        runWithReadMemo(async () => {
          first = await probe();
          second = await probe();
        }),
      );
      assert.equal(count, 1);
      assert.deepEqual(second, first);
      first.push({ n: 99 });
      assert.equal(second.length, 2, 'a caller that changes its rows does not change another’s');
    });

    test('other parameters, another scope, no scope: the database is asked', async () => {
      const byParameter = (n: number) => queryRows(database.db, sql`select n from memo_probe where n = ${n}`);
      assert.equal(
        await shared(() =>
          runWithReadMemo(async () => {
            await byParameter(1);
            await byParameter(2);
          }),
        ),
        0,
      );
      assert.equal(await shared(() => Promise.all([runWithReadMemo(probe), runWithReadMemo(probe)])), 0);
      assert.equal(await shared(() => Promise.all([probe(), probe()])), 0);
    });

    test('a write in a scope is never shared, and a read after it sees it', async () => {
      const rows = await runWithReadMemo(async () => {
        await database.db.execute(sql`insert into memo_probe values (3)`);
        await database.db.execute(sql`insert into memo_probe values (3)`);
        return probe();
      });
      assert.deepEqual(
        rows.map((row) => row.n),
        [1, 2, 3, 3],
      );
      await database.db.execute(sql`delete from memo_probe where n = 3`);
    });

    test('inside a transaction nothing is shared (its own connection)', async () => {
      const count = await shared(() =>
        runWithReadMemo(() =>
          database.db.transaction(async (tx) => {
            await queryRows(tx, sql`select n from memo_probe order by n`);
            await queryRows(tx, sql`select n from memo_probe order by n`);
          }),
        ),
      );
      assert.equal(count, 0);
    });

    test('a failed read is not kept: the next identical one asks again', async () => {
      const broken = () => queryRows(database.db, sql`select n from memo_probe_missing`);
      await runWithReadMemo(async () => {
        await assert.rejects(broken());
        await database.db.execute(sql`create table memo_probe_missing (n int)`);
        assert.deepEqual(await broken(), []);
      });
    });
  });
}
