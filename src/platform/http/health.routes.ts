import type { FastifyInstance } from 'fastify';
import { pingDatabase } from '../db/database.ts';
import type { HealthReport } from '../module.ts';

/** A database answering slower than this is degraded: pages take seconds. */
export const SLOW_DATABASE_MS = 1000;
/** A module's check that takes longer than this counts as degraded, so the probe itself stays fast. */
const CHECK_TIMEOUT_MS = 2000;

const timedOut = (ms: number) => new Promise<HealthReport>((resolve) => setTimeout(() => resolve({ status: 'degraded', error: 'timeout' }), ms).unref());

/**
 * `/healthz`: 503 when the database is unreachable (take the process out of the load balancer);
 * 200 `degraded` when it serves but something needs a person (a slow database, e-mails in failure);
 * 200 `ok` otherwise. Figures only: no address, no message body.
 */
export async function healthRoutes(app: FastifyInstance) {
  // A probe must see the live state, never a cached one.
  app.get('/healthz', { config: { cache: 'private', permission: 'public' } }, async (_request, reply) => {
    const started = performance.now();
    const ok = await pingDatabase(app.db);
    const latencyMs = Math.round(performance.now() - started);
    const driver = app.database.driver;
    if (!ok) return reply.code(503).send({ status: 'unavailable', database: { status: 'unreachable', driver } });
    const database = { status: latencyMs > SLOW_DATABASE_MS ? 'degraded' : 'ok', driver, latencyMs };
    const checks: Record<string, HealthReport> = {};
    await Promise.all(
      app.healthChecks.map(async ({ name, check }) => {
        checks[name] = await Promise.race([
          check(app.db).catch((): HealthReport => ({ status: 'degraded', error: 'check failed' })),
          timedOut(CHECK_TIMEOUT_MS),
        ]);
      }),
    );
    const degraded = database.status !== 'ok' || Object.values(checks).some((c) => c.status !== 'ok');
    return reply.send({ status: degraded ? 'degraded' : 'ok', database, checks });
  });
}
