import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { badRequest, notFound } from '../../platform/http/errors.ts';
import { lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { TERRITORY_CATEGORIES, TERRITORY_KINDS, TERRITORY_STRATA } from '../territories/territory.rules.ts';
import { palmaresMessages } from './palmares.messages.ts';
import { PAGE_PARAMETERS, parseEditionYear } from './palmares.rules.ts';
import { getEditionResultsForApi, getPalmaresEditionPage, getPalmaresIndex } from './palmares.service.ts';
import { PalmaresEditionPage } from './views/palmares-edition-page.tsx';
import { PalmaresIndexPage } from './views/palmares-index-page.tsx';
import { PalmaresMapPage } from './views/palmares-map-page.tsx';
import { apiErrorBody as errorJson } from '../../platform/http/error-body.ts';

const m = palmaresMessages;
const described = m.api.parameters;
const fields = m.api.fields;
const invalid = m.api.invalid;

const resultItem = z.object({
  code: z.string().describe(fields.code),
  name: z.string().describe(fields.name),
  kind: z.enum(TERRITORY_KINDS).describe(fields.kind),
  category: z.enum(TERRITORY_CATEGORIES).describe(fields.category),
  stratum: z.enum(TERRITORY_STRATA).nullable().describe(fields.stratum),
  department: z.string().nullable().describe(fields.department),
  region: z.string().nullable().describe(fields.region),
  level: z.number().int().min(1).max(5).describe(fields.level),
  distinctions: z.array(z.string()).describe(fields.distinctions),
});

const yearParams = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, invalid.year)
    .describe(described.year),
});

/** The filters of the palmarès page, with their English names; a malformed value is a 400 naming it. */
const resultsQuery = z.object({
  region: z
    .string()
    .trim()
    .regex(/^\d{2,3}$/, invalid.region)
    .optional()
    .describe(described.region),
  department: z
    .string()
    .trim()
    .regex(/^(\d{2,3}|2[AB])$/i, invalid.department)
    .transform((v) => v.toUpperCase())
    .optional()
    .describe(described.department),
  category: z.enum(TERRITORY_CATEGORIES, { message: invalid.category }).optional().describe(described.category),
  stratum: z.enum(TERRITORY_STRATA, { message: invalid.stratum }).optional().describe(described.stratum),
  distinction: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{1,50}$/, invalid.distinction)
    .optional()
    .describe(described.distinction),
});

/**
 * The edition page's parameters (French names) as given; their values are checked against the
 * edition's known areas and distinctions by the service, which reports the unknown ones on the page.
 */
const editionPageQuery = lenientQuery(
  Object.fromEntries([...Object.values(PAGE_PARAMETERS), 'carte', 'vue'].map((name) => [name, z.string().optional()])) as Record<
    string,
    z.ZodOptional<z.ZodString>
  >,
);

// The palmarès is public data: shared caches keep anonymous answers.
const PUBLIC = { permission: 'public', cache: 'public' } as const;

export async function palmaresRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;

  // GET /api/v1/editions (every edition, its calendar and, once published, its laureates per level) is the campaign module's (editions-api.routes.ts).

  app.get(
    '/api/v1/editions/:year/results',
    {
      schema: {
        summary: m.api.resultsSummary,
        tags: ['palmarès'],
        params: yearParams,
        querystring: resultsQuery,
        response: {
          200: z.object({ items: z.array(resultItem), total: z.number().int() }),
          400: errorJson,
          404: errorJson.describe(m.api.notFoundDescription),
        },
      },
      config: PUBLIC,
    },
    async (request) => {
      const year = Number(request.params.year);
      const outcome = await getEditionResultsForApi(db, year, request.query);
      if (outcome.status === 'not_found') throw notFound(m.api.notFound(year));
      if (outcome.status === 'unknown_value') throw badRequest(outcome.filter, m.api.unknownParameter(outcome.filter, outcome.value));
      return { items: outcome.items, total: outcome.items.length };
    },
  );

  app.get('/palmares', { config: PUBLIC }, async (request, reply) => {
    const { editions, distinctions } = await getPalmaresIndex(db);
    return sendPage(request, reply, <PalmaresIndexPage editions={editions} distinctions={distinctions} />);
  });

  // Any year is looked up (a malformed one is a 404 page naming it, as an unknown one): never a 400.
  app.get('/palmares/:year', { schema: { params: z.object({ year: z.string() }), querystring: editionPageQuery }, config: PUBLIC }, async (request, reply) => {
    const raw = request.params.year;
    const year = parseEditionYear(raw);
    const page = year === null ? null : await getPalmaresEditionPage(db, year, request.query.values);
    if (!page) throw notFound(m.edition.notFound(raw.slice(0, 40)));
    return sendPage(request, reply, <PalmaresEditionPage page={page} />);
  });

  // The edition's map, with the same filters: its own page, so that the list's page stays light.
  app.get(
    '/palmares/:year/carte',
    { schema: { params: z.object({ year: z.string() }), querystring: editionPageQuery }, config: PUBLIC },
    async (request, reply) => {
      const raw = request.params.year;
      const year = parseEditionYear(raw);
      const page = year === null ? null : await getPalmaresEditionPage(db, year, request.query.values);
      if (!page) throw notFound(m.edition.notFound(raw.slice(0, 40)));
      return sendPage(request, reply, <PalmaresMapPage page={page} view={request.query.values.vue === 'tableau' ? 'table' : 'map'} />);
    },
  );
}
