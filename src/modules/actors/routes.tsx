import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../platform/http/errors.ts';
import { sendPage } from '../../platform/views/render.ts';
import { listPublicInitiativeCards } from '../initiatives/public-initiatives.service.ts';
import { ACTOR_KINDS } from './actor.rules.ts';
import { findOrCreateActor, getActor, searchActors, type ActorRow } from './actors.service.ts';
import { actorMessages as m } from './messages.ts';
import { ActorPage } from './views/actor-page.tsx';

const actorItem = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(ACTOR_KINDS),
  website: z.string().nullable(),
  siren: z.string().nullable(),
});
const errorJson = z.object({ error: z.string(), message: z.string(), field: z.string().optional(), fields: z.record(z.string(), z.string()).optional() });

const toItem = (actor: ActorRow): z.infer<typeof actorItem> => ({ id: actor.id, name: actor.name, kind: actor.kind, website: actor.website, siren: actor.siren });

const searchQuery = z.object({
  q: z.string().trim().max(200, m.api.queryTooLong).optional().default(''),
  limit: z.coerce.number({ message: m.api.limitInvalid }).int(m.api.limitInvalid).min(1, m.api.limitInvalid).max(50, m.api.limitInvalid).optional().default(10),
});

// Public reference data: a short shared cache spares the database.
const PUBLIC_CACHE = 'public, max-age=60';

export async function actorRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/actors',
    {
      schema: {
        summary: m.api.searchSummary,
        tags: ['acteurs'],
        querystring: searchQuery,
        response: { 200: z.object({ items: z.array(actorItem), total: z.number().int() }), 400: errorJson },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', PUBLIC_CACHE);
      return searchActors(app.db, request.query.q, request.query.limit);
    },
  );

  app.get(
    '/api/v1/actors/:id',
    {
      schema: {
        summary: m.api.detailsSummary,
        tags: ['acteurs'],
        params: z.object({ id: z.uuid({ message: m.api.badId }) }),
        response: { 200: actorItem, 400: errorJson, 404: errorJson },
      },
    },
    async (request, reply) => {
      const actor = await getActor(app.db, request.params.id);
      if (!actor) throw notFound(m.api.notFound(request.params.id));
      reply.header('cache-control', PUBLIC_CACHE);
      return toItem(actor);
    },
  );

  // Signed in with the right to write initiatives somewhere (API token, or session with its CSRF token).
  app.post(
    '/api/v1/actors',
    {
      schema: {
        summary: m.api.createSummary,
        tags: ['acteurs'],
        body: z.record(z.string(), z.unknown()),
        response: { 200: z.object({ actor: actorItem, created: z.boolean() }), 201: z.object({ actor: actorItem, created: z.boolean() }), 400: errorJson, 401: errorJson, 403: errorJson },
      },
    },
    async (request, reply) => {
      const { actor, created } = await findOrCreateActor(app.db, request.user, request.body);
      reply.header('location', `/api/v1/actors/${actor.id}`).header('cache-control', 'no-store');
      return reply.code(created ? 201 : 200).send({ actor: toItem(actor), created });
    },
  );

  app.get('/acteurs/:id', async (request, reply) => {
    const { id } = request.params as { id: string };
    const actor = await getActor(app.db, id);
    if (!actor) throw notFound(m.notFound);
    const initiatives = await listPublicInitiativeCards(app.db, { actorId: actor.id });
    return sendPage(request, reply, <ActorPage actor={actor} initiatives={initiatives} />);
  });
}
