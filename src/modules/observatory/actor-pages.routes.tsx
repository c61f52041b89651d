import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFoundError } from '../../platform/errors.ts';
import { notFound } from '../../platform/http/errors.ts';
import { lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { requirePermission } from '../accounts/guard.ts';
import { can } from '../accounts/permissions.rules.ts';
import { listPublicInitiativeCards } from '../initiatives/public-initiatives.service.ts';
import { getCurrentReferential } from '../referential/referential.service.ts';
import { ACTOR_KINDS } from '../actors/actor.rules.ts';
import { actorItem, errorJson, toItem } from '../actors/actor-json.ts';
import { ACTOR_MAX_PAGE, ACTOR_PAGE_SIZE, listActors } from '../actors/actors.service.ts';
import { readActor } from '../initiatives/actor-visibility.service.ts';
import { publicActorStatsSource } from '../initiatives/actor-stats.service.ts';
import { actorMessages as m } from '../actors/messages.ts';
import { ActorDirectoryPage } from './views/actor-directory-page.tsx';
import { ActorPage, type ActorPageView } from './views/actor-page.tsx';

const kindParam = z.enum(ACTOR_KINDS, { message: m.query.kindInvalid }).optional();
const pageParam = z.coerce
  .number({ message: m.query.pageNotNumber })
  .int(m.query.pageNotInteger)
  .min(1, m.query.pageTooSmall)
  .max(ACTOR_MAX_PAGE, m.query.pageTooLarge(ACTOR_MAX_PAGE))
  .optional()
  .default(1);

const searchQuery = z.object({
  q: z.string().trim().max(200, m.api.queryTooLong).optional().default(''),
  kind: kindParam,
  page: pageParam,
  limit: z.coerce.number({ message: m.api.limitInvalid }).int(m.api.limitInvalid).min(1, m.api.limitInvalid).max(50, m.api.limitInvalid).optional().default(10),
  withInitiatives: z
    .enum(['true', 'false'], { message: m.query.withInitiativesInvalid })
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true')),
});

/** The directory's query, read leniently: a long query is cut (searched on its first 200 characters), not refused. */
const directoryQuery = lenientQuery({
  q: z
    .string()
    .trim()
    .transform((v) => v.slice(0, 200).trim())
    // Only punctuation ("&|!:*") searches nothing: it is no query at all.
    .transform((v) => (/[\p{L}\p{N}]/u.test(v) ? v : ''))
    .optional()
    .default(''),
  kind: kindParam,
  page: pageParam,
});

// Public reference data, edited any day: a short shared cache spares the database.
const PUBLIC_SHORT = { permission: 'public', cache: { public: 'short' } } as const;

/** The actors directory and pages, and the API's reads: each actor with the public sheets that name it. */
export async function actorPageRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/actors',
    {
      schema: {
        summary: m.api.searchSummary,
        description: m.api.searchDescription,
        tags: ['acteurs'],
        querystring: searchQuery,
        response: {
          200: z.object({ items: z.array(actorItem.extend({ initiativeCount: z.number().int(), territoryCount: z.number().int() })), total: z.number().int() }),
          400: errorJson,
          401: errorJson,
          403: errorJson,
        },
      },
      // The answer depends on who asks: the `public` policy shares only the anonymous one.
      config: PUBLIC_SHORT,
    },
    async (request) => {
      const { q, kind, page, limit, withInitiatives } = request.query;
      // Every actor, even those only named in drafts, only for the people who write sheets (the sheet
      // form's suggestions, so that they pick the existing actor); by default for them, on request.
      if (withInitiatives === false) requirePermission(request.user, 'actor.create');
      const everyActor = withInitiatives === false || (withInitiatives === undefined && can(request.user, 'actor.create'));
      return listActors(app.db, { q, kind, page, pageSize: limit, withInitiatives: !everyActor }, publicActorStatsSource);
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
      config: PUBLIC_SHORT,
    },
    async (request) => {
      return toItem(await readActor(app.db, request.user, request.params.id));
    },
  );

  // The directory validates its own query: a wrong filter shows a message on the page, not an error page.
  app.get('/acteurs', { schema: { querystring: directoryQuery }, config: PUBLIC_SHORT }, async (request, reply) => {
    // Say what is wrong, and still show the results without the faulty parameters.
    const { values: query, invalid: errors } = request.query;
    const result = await listActors(
      app.db,
      { q: query.q, kind: query.kind, page: query.page, pageSize: ACTOR_PAGE_SIZE, withInitiatives: true },
      publicActorStatsSource,
    );
    return sendPage(
      request,
      reply,
      <ActorDirectoryPage query={query} result={result} errors={errors} pageSize={ACTOR_PAGE_SIZE} />,
      Object.keys(errors).length ? 400 : 200,
    );
  });

  app.get(
    '/acteurs/:id',
    { schema: { params: z.object({ id: z.string() }), querystring: lenientQuery({ par: z.string().optional() }) }, config: PUBLIC_SHORT },
    async (request, reply) => {
      const { id } = request.params;
      const { par } = request.query.values;
      // An actor this person may not see is, for them, an unknown one: the page's own message.
      const actor = await readActor(app.db, request.user, id).catch((error: unknown) => {
        throw error instanceof NotFoundError ? notFound(m.notFound) : error;
      });
      // An unknown view is the default one: the link still leads somewhere useful.
      const view: ActorPageView = par === 'enjeu' ? 'enjeu' : 'territoire';
      const [initiatives, referential] = await Promise.all([
        listPublicInitiativeCards(app.db, { actorId: actor.id }),
        view === 'enjeu' ? getCurrentReferential(app.db) : null,
      ]);
      // Themes in the referential's order (axis by axis), as everywhere else on the platform.
      const themeOrder = referential?.axes.flatMap((axis) => axis.themes.map((theme) => theme.id)) ?? [];
      return sendPage(request, reply, <ActorPage actor={actor} initiatives={initiatives} view={view} themeOrder={themeOrder} />);
    },
  );
}
