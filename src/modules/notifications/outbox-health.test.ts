import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { drivers, openTestDatabase, type TestDatabase } from '../../../test/support/test-database.ts';
import { outboxHealth } from './outbox-health.service.ts';
import { outbox } from './schema.ts';

for (const driver of drivers) {
  describe(`the outbox’s health, as /healthz reports it (${driver})`, () => {
    let database: TestDatabase;
    before(async () => {
      database = await openTestDatabase(driver);
    });
    after(() => database?.dispose());

    test('ok while e-mails go out; degraded when one was given up or one waits past its time', async () => {
      const db = database.db;
      const message = { recipient: 'agent@example.fr', subject: 'Invitation', body: 'Bonjour' };
      await db.insert(outbox).values({ ...message, status: 'sent' });
      await db.insert(outbox).values({ ...message, status: 'pending' });
      assert.deepEqual(await outboxHealth(db), { status: 'ok', failed: 0, overdue: 0 });

      await db.insert(outbox).values({ ...message, status: 'pending', nextAttemptAt: sql`now() - interval '1 hour'` });
      assert.deepEqual(await outboxHealth(db), { status: 'degraded', failed: 0, overdue: 1 });
      await db.insert(outbox).values({ ...message, status: 'failed', attempts: 8 });
      assert.deepEqual(await outboxHealth(db), { status: 'degraded', failed: 1, overdue: 1 });
    });
  });
}
