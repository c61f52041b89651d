import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { FACETS } from './facets.ts';
import { feedRoutes } from './feed.routes.ts';
import { observatoryMessages as m } from './messages.ts';
import { searchInitiatives, searchParams } from './search-initiatives.service.ts';
import { labelChosenFilters, labelFacets, readSearchParams } from './search-params.service.ts';
import { SearchPage } from './views/search-page.tsx';

const facetValues = z.array(z.object({ value: z.string(), label: z.string(), count: z.number().int() }));

const searchResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      summary: z.string(),
      status: z.string(),
      territory: z.object({ code: z.string(), name: z.string() }),
      themeIds: z.array(z.string()),
      year: z.number().int(),
      publishedAt: z.string(),
      url: z.string(),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  facets: z.object(Object.fromEntries(FACETS.map((f) => [f, facetValues]))),
  correctedWords: z.array(z.string()).optional(),
  ignored: z.array(z.object({ facet: z.string(), value: z.string() })),
});

export async function observatoryRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;
  await app.register(feedRoutes);

  app.get(
    '/api/v1/initiatives',
    {
      schema: { summary: m.api.searchSummary, tags: ['initiatives'], querystring: searchParams, response: { 200: searchResponse } },
      config: { permission: 'public', cache: { public: 'short' } },
    },
    async (request) => {
      const read = await readSearchParams(db, request.query);
      const result = await searchInitiatives(db, read.search);
      return {
        ...result,
        items: result.items.map((i) => ({ ...i, publishedAt: i.publishedAt.toISOString(), url: `/initiatives/${i.id}` })),
        facets: await labelFacets(db, result.facets),
        ignored: read.ignored,
      };
    },
  );

  // The search page reads its parameters leniently: an unknown value is reported on the page, never an error.
  app.get(
    '/initiatives',
    { schema: { querystring: lenientQuery(searchParams.shape) }, config: { permission: 'public', cache: { public: 'short' } } },
    async (request, reply) => {
      const read = await readSearchParams(db, request.query.values);
      const result = await searchInitiatives(db, read.search);
      const [facets, chosenLabels] = await Promise.all([labelFacets(db, result.facets), labelChosenFilters(db, read.search.filters)]);
      return sendPage(request, reply, <SearchPage read={read} result={result} facets={facets} chosenLabels={chosenLabels} />);
    },
  );
}
