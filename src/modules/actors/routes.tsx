import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorItem, errorJson, toItem } from './actor-json.ts';
import { findOrCreateActor } from './actors.service.ts';
import { actorMessages as m } from './messages.ts';

/** Creating an actor (the directory and the reads are the observatory's). */
export async function actorRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  // Signed in with the right to write initiatives somewhere (API token, or session with its CSRF token).
  app.post(
    '/api/v1/actors',
    {
      schema: {
        summary: m.api.createSummary,
        tags: ['acteurs'],
        body: z.record(z.string(), z.unknown()),
        response: {
          200: z.object({ actor: actorItem, created: z.boolean() }),
          201: z.object({ actor: actorItem, created: z.boolean() }),
          400: errorJson,
          401: errorJson,
          403: errorJson,
        },
      },
      config: { permission: 'actor.create', cache: 'private' },
    },
    async (request, reply) => {
      const { actor, created } = await findOrCreateActor(app.db, request.user, request.body);
      reply.header('location', `/api/v1/actors/${actor.id}`);
      return reply.code(created ? 201 : 200).send({ actor: toItem(actor), created });
    },
  );
}
