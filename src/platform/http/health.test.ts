import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { loadConfig } from '../config.ts';
import { buildHttpServer } from './server.ts';

test('GET /healthz answers 503 in JSON when the database is unreachable', async () => {
  const database = await openTestDatabase('pglite');
  const app = await buildHttpServer({ database, config: loadConfig({ LOG_LEVEL: 'silent' }), logger: false, register: async () => {} });
  try {
    const ok = await app.inject('/healthz');
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.json(), { status: 'ok', database: { status: 'ok', driver: 'pglite' } });

    await database.close();
    const down = await app.inject('/healthz');
    assert.equal(down.statusCode, 503);
    assert.equal(down.headers['cache-control'], 'private, no-store');
    assert.deepEqual(down.json(), { status: 'unavailable', database: { status: 'unreachable', driver: 'pglite' } });
  } finally {
    await app.close();
  }
});
