import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { openPglite, type Database } from './db/database.ts';
import { runMigrations } from './db/migrate.ts';
import { appSettings } from './db/settings.schema.ts';
import { emit, installSubscribers } from './events.ts';

declare module './events.ts' {
  interface DomainEvents {
    'test.happened': { key: string; fail?: boolean };
  }
}

describe('domain events run inside the emitting transaction', () => {
  let database: Database;
  const seen: string[] = [];
  before(async () => {
    database = await openPglite('memory://');
    await runMigrations(database);
    installSubscribers('events-test', {
      'test.happened': [
        async (tx, { key }) => {
          seen.push(key);
          await tx.insert(appSettings).values({ key, value: 'written by the subscriber' });
        },
        async (_tx, { fail }) => {
          if (fail) throw new Error('the second subscriber refuses');
        },
      ],
    });
    // Installing the same owner again changes nothing: subscribers run once per event.
    installSubscribers('events-test', { 'test.happened': async () => assert.fail('installed twice') });
  });
  after(() => database?.close());

  const stored = async (key: string) => (await database.db.select().from(appSettings).where(eq(appSettings.key, key))).length;

  test('a subscriber’s writes commit with the change', async () => {
    await database.db.transaction(async (tx) => {
      await tx.insert(appSettings).values({ key: 'change-1', value: 'the change' });
      await emit(tx, 'test.happened', { key: 'follow-1' });
    });
    assert.equal(await stored('change-1'), 1);
    assert.equal(await stored('follow-1'), 1);
    assert.deepEqual(seen, ['follow-1']);
  });

  test('a failing subscriber rolls the change back: nothing half-done', async () => {
    await assert.rejects(
      database.db.transaction(async (tx) => {
        await tx.insert(appSettings).values({ key: 'change-2', value: 'the change' });
        await emit(tx, 'test.happened', { key: 'follow-2', fail: true });
      }),
      /refuses/,
    );
    assert.equal(await stored('change-2'), 0);
    assert.equal(await stored('follow-2'), 0);
  });
});
