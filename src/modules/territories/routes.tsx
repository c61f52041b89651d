import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../platform/http/errors.ts';
import { listPublicInitiativeCards } from '../initiatives/public-initiatives.service.ts';
import { labelHistoryMessages } from '../palmares/label-history.messages.ts';
import { apiLabel } from '../palmares/label-history.rules.ts';
import { getTerritoryLabel } from '../palmares/label-history.service.ts';
import { getTerritoryLabelHistory } from '../label/results.service.ts';
import { lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { listAreas, searchTerritories, territorySearchQuery, TERRITORY_PAGE_SIZE } from './search-territories.service.ts';
import { territoryMessages as m } from './messages.ts';
import { getTerritoryDetails } from './territory-details.service.ts';
import { TERRITORY_CATEGORIES, TERRITORY_KINDS, TERRITORY_STRATA } from './territory.rules.ts';
import { TerritoryDirectoryPage } from './views/territory-directory-page.tsx';
import { TerritoryPage } from '../site/views/territory-page.tsx';

const territoryItem = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(TERRITORY_KINDS),
  population: z.number().int().nullable(),
  department: z.string().nullable(),
  region: z.string().nullable(),
  category: z.enum(TERRITORY_CATEGORIES),
  stratum: z.enum(TERRITORY_STRATA).nullable(),
});

const territoryDetails = territoryItem.omit({ department: true, region: true }).extend({
  officialCode: z.string(),
  siren: z.string().nullable(),
  legalForm: z.string().nullable(),
  postcodes: z.array(z.string()),
  department: z.object({ code: z.string(), name: z.string() }).nullable(),
  region: z.object({ code: z.string(), name: z.string() }).nullable(),
  epci: z.object({ code: z.string(), name: z.string() }).nullable(),
  members: z.array(territoryItem),
  label: territoryLabel(),
});

/** The `label` property: published editions only. */
function territoryLabel() {
  const d = labelHistoryMessages.api;
  const year = z.number().int();
  const level = z.number().int().min(1).max(5);
  return z
    .object({
      current: z.object({ year, level }).nullable().describe(d.current),
      history: z.array(z.object({ year, level, distinctions: z.array(z.string()) })).describe(d.history),
      excellence: z.object({
        grantYears: z.array(year).describe(d.grantYears),
        validUntil: year.nullable().describe(d.validUntil),
        validNow: z.boolean().describe(d.validNow),
      }),
    })
    .describe(d.label);
}

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

  app.get(
    '/api/v1/territories/:code',
    {
      schema: {
        summary: m.api.detailsSummary,
        tags: ['territoires'],
        params: z.object({ code: z.string().max(20).describe(m.api.parameters.code) }),
        response: { 200: territoryDetails },
      },
      config: PUBLIC,
    },
    async (request) => {
      const details = await getTerritoryDetails(app.db, request.params.code);
      if (!details) throw notFound(m.api.notFound(request.params.code));
      const history = await getTerritoryLabelHistory(app.db, details.code);
      return {
        ...details,
        label: apiLabel(history),
        region: details.region ? { code: details.region.code, name: details.region.name } : null,
        epci: details.epci ? { code: details.epci.code, name: details.epci.name } : null,
      };
    },
  );

  // The directory validates its own query: a wrong filter shows a message on the page, not an error page.
  app.get('/territoires', { schema: { querystring: directoryQuery }, config: PUBLIC }, async (request, reply) => {
    // Say what is wrong, and still show the results without the faulty parameters.
    const { values: query, invalid: errors } = request.query;
    const [areas, result] = await Promise.all([listAreas(app.db), searchTerritories(app.db, query)]);
    const status = Object.keys(errors).length ? 400 : 200;
    return sendPage(request, reply, <TerritoryDirectoryPage query={query} result={result} areas={areas} errors={errors} pageSize={TERRITORY_PAGE_SIZE} />, status);
  });

  app.get('/territoires/:code', { schema: { params: z.object({ code: z.string() }) }, config: PUBLIC }, async (request, reply) => {
    const { code } = request.params;
    const details = await getTerritoryDetails(app.db, code);
    if (!details) throw notFound(m.notFound(code));
    const [initiatives, label] = await Promise.all([
      listPublicInitiativeCards(app.db, { territoryCode: details.code }),
      getTerritoryLabel(app.db, details.code),
    ]);
    return sendPage(request, reply, <TerritoryPage territory={details} initiatives={initiatives} label={label} baseUrl={app.config.baseUrl} />);
  });
}
