import type { FastifyInstance } from 'fastify';
import { pingDatabase } from '../db/database.ts';

export async function healthRoutes(app: FastifyInstance) {
  // A probe must see the live state, never a cached one.
  app.get('/healthz', { config: { cache: 'private', permission: 'public' } }, async (_request, reply) => {
    const ok = await pingDatabase(app.db);
    return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', database: { status: ok ? 'ok' : 'unreachable', driver: app.database.driver } });
  });
}
