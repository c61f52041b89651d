import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorBody } from '../../platform/http/error-body.ts';
import { notFound } from '../../platform/http/errors.ts';
import { questionSchema } from '../../platform/questionnaire/questionnaire.schema.ts';
import { EDITION_STATES } from '../label/edition-lifecycle.rules.ts';
import { getEdition, listEditions, listOfferedDistinctions, type Edition } from '../label/editions.service.ts';
import { DISTINCTION_KINDS } from '../label/results.rules.ts';
import { listPublishedEditions } from '../label/results.service.ts';
import { TERRITORY_CATEGORIES } from '../territories/territory.rules.ts';
import { questionnaireAdminMessages } from './questionnaire-messages.ts';
import { listQuestionnaires } from './questionnaire.service.ts';

const m = questionnaireAdminMessages.api;
const f = m.fields;

const date = z.string().nullable();
const count = z.number().int();
const levels = z.object({ '1': count, '2': count, '3': count, '4': count, '5': count });
const editionItem = z.object({
  year: z.number().int().describe(f.year),
  state: z.enum(EDITION_STATES).describe(f.state),
  opensAt: date.describe(f.opensAt),
  closesAt: date.describe(f.closesAt),
  juryAt: date.describe(f.juryAt),
  ceremonyAt: date.describe(f.ceremonyAt),
  referentialVersion: z.string().nullable().describe(f.referentialVersion),
  laureates: count.nullable().describe(f.laureates),
  levels: levels.nullable().describe(f.levels),
});
const questionnaireBody = z.object({ questions: z.array(questionSchema) });
const editionBody = editionItem.extend({
  distinctions: z.array(z.object({ code: z.string(), name: z.string(), kind: z.enum(DISTINCTION_KINDS) })).describe(f.distinctions),
  questionnaires: z
    .object(
      Object.fromEntries(TERRITORY_CATEGORIES.map((c) => [c, questionnaireBody])) as Record<(typeof TERRITORY_CATEGORIES)[number], typeof questionnaireBody>,
    )
    .describe(f.questionnaires),
});
const yearParams = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, m.invalidYear)
    .describe(m.year),
});

// Editions change a few times a year: a few minutes of shared cache.
const PUBLIC = { permission: 'public', cache: 'public' } as const;

type Counts = { total: number; levels: z.infer<typeof levels> } | undefined;
const iso = (d: Date | null) => (d ? d.toISOString() : null);
const toItem = (e: Edition, counts: Counts): z.infer<typeof editionItem> => ({
  year: e.year,
  state: e.state,
  opensAt: iso(e.opensAt),
  closesAt: iso(e.closesAt),
  juryAt: iso(e.juryAt),
  ceremonyAt: iso(e.ceremonyAt),
  referentialVersion: e.referentialVersion,
  // Results are public once published only (the embargo): no counts before.
  laureates: e.state === 'published' && counts ? counts.total : null,
  levels: e.state === 'published' && counts ? counts.levels : null,
});

async function countsByYear(app: FastifyInstance): Promise<Map<number, Counts>> {
  const published = await listPublishedEditions(app.db);
  return new Map(published.map((p) => [p.year, { total: p.total, levels: p.levels as z.infer<typeof levels> }]));
}

/**
 * The editions' public API: every edition, most recent first, with its state and calendar (dates ISO
 * 8601, null until set) and, once published, its laureates per level; one edition adds the
 * distinctions it offers and its questionnaire per category (stored, or the label's defaults).
 */
export async function editionsApiRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/editions',
    { schema: { summary: m.listSummary, tags: ['éditions'], response: { 200: z.object({ items: z.array(editionItem), total: count }) } }, config: PUBLIC },
    async () => {
      const [editions, counts] = await Promise.all([listEditions(app.db), countsByYear(app)]);
      const items = editions.map((e) => toItem(e, counts.get(e.year)));
      return { items, total: items.length };
    },
  );

  app.get(
    '/api/v1/editions/:year',
    {
      schema: {
        summary: m.oneSummary,
        tags: ['éditions'],
        params: yearParams,
        response: { 200: editionBody, 400: apiErrorBody, 404: apiErrorBody.describe(m.notFoundDescription) },
      },
      config: PUBLIC,
    },
    async (request) => {
      const year = Number(request.params.year);
      const edition = await getEdition(app.db, year);
      if (!edition) throw notFound(m.notFound(year));
      const [distinctions, questionnaires, counts] = await Promise.all([
        listOfferedDistinctions(app.db, year),
        listQuestionnaires(app.db, year),
        countsByYear(app),
      ]);
      return {
        ...toItem(edition, counts.get(year)),
        distinctions: distinctions.map((d) => ({ code: d.code, name: d.name, kind: d.kind })),
        questionnaires: {
          village: questionnaires.village.definition,
          ville: questionnaires.ville.definition,
          territoire: questionnaires.territoire.definition,
        },
      };
    },
  );
}
