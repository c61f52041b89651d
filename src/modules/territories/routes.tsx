import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { listAreas, searchTerritories, territorySearchQuery, TERRITORY_PAGE_SIZE } from './search-territories.service.ts';
import { territoryMessages as m } from './messages.ts';
import { TERRITORY_CATEGORIES, TERRITORY_KINDS, TERRITORY_STRATA } from './territory.rules.ts';
import { TerritoryDirectoryPage } from './views/territory-directory-page.tsx';

export const territoryItem = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(TERRITORY_KINDS),
  population: z.number().int().nullable(),
  department: z.string().nullable(),
  region: z.string().nullable(),
  category: z.enum(TERRITORY_CATEGORIES),
  stratum: z.enum(TERRITORY_STRATA).nullable(),
});

/** The directory page reads the API's parameters leniently: a wrong filter is named on the page and ignored. */
const directoryQuery = lenientQuery(territorySearchQuery.shape);

// Territories and their label are public reference data: shared caches keep anonymous answers.
const PUBLIC = { permission: 'public', cache: 'public' } as const;

export async function territoryRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/territories',
    {
      schema: {
        summary: m.api.searchSummary,
        tags: ['territoires'],
        querystring: territorySearchQuery,
        response: { 200: z.object({ items: z.array(territoryItem), total: z.number().int() }) },
      },
      config: PUBLIC,
    },
    async (request) => {
      return searchTerritories(app.db, request.query);
    },
  );

  // The directory validates its own query: a wrong filter shows a message on the page, not an error page.
  app.get('/territoires', { schema: { querystring: directoryQuery }, config: PUBLIC }, async (request, reply) => {
    // Say what is wrong, and still show the results without the faulty parameters.
    const { values: query, invalid: errors } = request.query;
    const [areas, result] = await Promise.all([listAreas(app.db), searchTerritories(app.db, query)]);
    const status = Object.keys(errors).length ? 400 : 200;
    return sendPage(
      request,
      reply,
      <TerritoryDirectoryPage query={query} result={result} areas={areas} errors={errors} pageSize={TERRITORY_PAGE_SIZE} />,
      status,
    );
  });
}
