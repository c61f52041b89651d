import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openTestDatabase } from '../../../test/support/test-database.ts';
import { loadConfig } from '../config.ts';
import type { HealthCheck } from '../module.ts';
import { buildHttpServer } from './server.ts';

async function serverWith(healthChecks: HealthCheck[]) {
  const database = await openTestDatabase('pglite');
  const app = await buildHttpServer({ database, config: loadConfig({ LOG_LEVEL: 'silent' }), logger: false, healthChecks, register: async () => {} });
  return { database, app };
}

test('GET /healthz: ok with the database’s latency, 503 in JSON when the database is unreachable', async () => {
  const { database, app } = await serverWith([{ name: 'outbox', check: async () => ({ status: 'ok', failed: 0 }) }]);
  try {
    const ok = await app.inject('/healthz');
    assert.equal(ok.statusCode, 200);
    const body = ok.json();
    assert.equal(body.status, 'ok');
    assert.equal(body.database.status, 'ok');
    assert.equal(typeof body.database.latencyMs, 'number');
    assert.deepEqual(body.checks, { outbox: { status: 'ok', failed: 0 } });

    await database.close();
    const down = await app.inject('/healthz');
    assert.equal(down.statusCode, 503);
    assert.equal(down.headers['cache-control'], 'private, no-store');
    assert.deepEqual(down.json(), { status: 'unavailable', database: { status: 'unreachable', driver: 'pglite' } });
  } finally {
    await app.close();
  }
});

test('GET /healthz: degraded (still 200) when a module’s check says so or fails', async () => {
  const { database, app } = await serverWith([
    { name: 'outbox', check: async () => ({ status: 'degraded', failed: 3 }) },
    { name: 'broken', check: () => Promise.reject(new Error('SELECT … personne@example.fr')) },
  ]);
  try {
    const res = await app.inject('/healthz');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.status, 'degraded');
    assert.deepEqual(body.checks, { outbox: { status: 'degraded', failed: 3 }, broken: { status: 'degraded', error: 'check failed' } });
    assert.doesNotMatch(res.body, /personne@example/, 'a failing check’s message is not shown');
  } finally {
    await app.close();
    await database.dispose();
  }
});
