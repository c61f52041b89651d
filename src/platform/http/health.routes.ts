import type { FastifyInstance } from 'fastify';
import { pingDatabase } from '../db/database.ts';

export async function healthRoutes(app: FastifyInstance) {
  app.get('/healthz', async (_request, reply) => {
    const ok = await pingDatabase(app.db);
    reply.header('cache-control', 'no-store');
    return reply
      .code(ok ? 200 : 503)
      .send({ status: ok ? 'ok' : 'unavailable', database: { status: ok ? 'ok' : 'unreachable', driver: app.database.driver } });
  });
}
