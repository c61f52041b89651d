import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorBody as errorJson } from '../../platform/http/error-body.ts';
import { latestSnapshot } from './application-snapshots.service.ts';
import { readApplication, startApplication, type ApplicationView } from './applications.service.ts';
import { campaignMessages } from './messages.ts';
import { saveApplication } from './save-application.service.ts';
import { submitApplication } from './submit-application.service.ts';

const m = campaignMessages.api;

const idParams = z.object({ id: z.uuid({ message: m.badId }) });
const yearParams = z.object({
  year: z.coerce.number({ message: m.badYear }).int({ message: m.badYear }).min(1999, { message: m.badYear }).max(9999, { message: m.badYear }),
});

const applicationSummary = z.object({
  id: z.uuid(),
  year: z.number().int(),
  territoryCode: z.string(),
  state: z.enum(['draft', 'submitted']),
  version: z.number().int(),
});
const sheetEntry = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  selected: z.boolean(),
  eligible: z.boolean().describe(m.eligible),
  counted: z.enum(['eligible', 'planned', 'ineligible']),
  reason: z.string().describe(m.reason),
});
const applicationJson = applicationSummary.extend({
  territoryName: z.string(),
  category: z.string(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  initiativeIds: z.array(z.uuid()),
  initiatives: z.array(sheetEntry).describe(m.initiatives),
  answers: z.record(z.string(), z.unknown()),
  interview: z.object({ answers: z.record(z.string(), z.unknown()), consent: z.boolean() }),
  contacts: z.record(z.string(), z.unknown()),
  missing: z.array(z.object({ field: z.string(), message: z.string() })).describe(m.missing),
});

const summaryOf = (view: ApplicationView) => ({ id: view.id, year: view.year, territoryCode: view.territory.code, state: view.state, version: view.version });

function jsonOf(view: ApplicationView): z.input<typeof applicationJson> {
  const selected = new Set(view.content.initiativeIds);
  return {
    ...summaryOf(view),
    territoryName: view.territory.name,
    category: view.territory.category,
    submittedAt: view.submittedAt?.toISOString() ?? null,
    updatedAt: view.updatedAt.toISOString(),
    initiativeIds: view.content.initiativeIds,
    // The selected sheets first, in the dossier's order, then the others the territory could add.
    initiatives: [...view.sheets]
      .sort(
        (a, b) =>
          Number(selected.has(b.id)) - Number(selected.has(a.id)) || view.content.initiativeIds.indexOf(a.id) - view.content.initiativeIds.indexOf(b.id),
      )
      .map((sheet) => ({
        id: sheet.id,
        title: sheet.title,
        status: sheet.status,
        startDate: sheet.startDate,
        endDate: sheet.endDate,
        selected: selected.has(sheet.id),
        eligible: sheet.eligibility.eligible,
        counted: sheet.eligibility.counted,
        reason: sheet.eligibility.reason,
      })),
    answers: view.content.answers,
    interview: view.content.interview,
    contacts: view.content.contacts,
    missing: view.checklist,
  };
}

/** The dossier API: a territory's members read it, its writers prepare it, a referent submits it. Never cached. */
export async function applicationsApiRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const tags = ['candidatures'];

  app.post(
    '/api/v1/editions/:year/applications',
    {
      schema: {
        summary: m.createSummary,
        tags,
        params: yearParams,
        body: z.object({
          territoryCode: z.string({ message: m.territoryCode }).trim().min(1, { message: m.territoryCode }).max(20, { message: m.territoryCode }),
        }),
        response: { 201: applicationSummary, 400: errorJson, 401: errorJson, 403: errorJson, 404: errorJson, 409: errorJson },
      },
      config: { permission: 'application.edit', cache: 'private' },
    },
    async (request, reply) => {
      const view = await startApplication(app.db, request.user, request.params.year, request.body.territoryCode);
      reply.header('location', `/api/v1/applications/${view.id}`);
      return reply.code(201).send(summaryOf(view));
    },
  );

  app.get(
    '/api/v1/applications/:id',
    {
      schema: { summary: m.getSummary, tags, params: idParams, response: { 200: applicationJson, 401: errorJson, 404: errorJson } },
      config: { permission: 'application.view', cache: 'private' },
    },
    async (request) => jsonOf(await readApplication(app.db, request.user, request.params.id)),
  );

  app.patch(
    '/api/v1/applications/:id',
    {
      schema: {
        summary: m.patchSummary,
        description: m.patchDescription,
        tags,
        params: idParams,
        body: z.record(z.string(), z.unknown()),
        response: { 200: applicationJson, 400: errorJson, 401: errorJson, 403: errorJson, 404: errorJson, 409: errorJson },
      },
      config: { permission: 'application.edit', cache: 'private' },
    },
    async (request) => jsonOf(await saveApplication(app.db, request.user, request.params.id, request.body, { onStale: 'conflict' })),
  );

  app.post(
    '/api/v1/applications/:id/submit',
    {
      schema: {
        summary: m.submitSummary,
        description: m.submitDescription,
        tags,
        params: idParams,
        body: z.preprocess(
          (value) => value ?? {},
          z.object({
            version: z
              .number({ message: m.submitVersion })
              .int({ message: m.submitVersion })
              .min(1, { message: m.submitVersion })
              .max(2147483647, { message: m.submitVersion })
              .optional(),
          }),
        ),
        response: {
          200: z.object({ state: z.literal('submitted'), submittedAt: z.string() }),
          400: errorJson,
          401: errorJson,
          403: errorJson,
          404: errorJson,
          409: errorJson,
        },
      },
      config: { permission: 'application.submit', cache: 'private' },
    },
    async (request) => {
      const view = await submitApplication(app.db, request.user, request.params.id, { baseUrl: app.config.baseUrl, version: request.body?.version });
      return { state: 'submitted' as const, submittedAt: (view.submittedAt ?? new Date()).toISOString() };
    },
  );

  app.get(
    '/api/v1/applications/:id/snapshot',
    {
      schema: {
        summary: m.snapshotSummary,
        tags,
        params: idParams,
        response: { 200: z.object({ submittedAt: z.string(), content: z.record(z.string(), z.unknown()) }), 401: errorJson, 404: errorJson },
      },
      config: { permission: 'application.view', cache: 'private' },
    },
    async (request) => {
      const snapshot = await latestSnapshot(app.db, request.user, request.params.id);
      return { submittedAt: snapshot.submittedAt.toISOString(), content: snapshot.content };
    },
  );
}
