import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { DomainError, InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { apiErrorBody as errorJson } from '../../platform/http/error-body.ts';
import { toParisLocal } from '../../platform/paris-time.ts';
import { authorize } from '../accounts/guard.ts';
import type { Caller } from '../accounts/permissions.rules.ts';
import { EDITION_STATES } from '../label/edition-lifecycle.rules.ts';
import { updateEditionSettings } from '../label/edition-settings.service.ts';
import { changeEditionState } from '../label/edition-state.service.ts';
import { getEdition, listOfferedDistinctions, type Edition } from '../label/editions.service.ts';
import { deliberationMessages } from './deliberation.messages.ts';
import { decisionInput } from './deliberation.rules.ts';
import { editionApplicationsProgress, recordDeliberation } from './deliberation.service.ts';
import { juryParametersOf, saveJuryParameters, type JuryParameters } from './jury-parameters.service.ts';

const m = deliberationMessages.api;
const f = m.fields;
const idParams = z.object({ id: z.uuid({ message: m.badId }) });
const yearParams = z.object({
  year: z.coerce.number({ message: m.badYear }).int({ message: m.badYear }).min(1999, { message: m.badYear }).max(9999, { message: m.badYear }),
});

const decisionJson = z.object({
  applicationId: z.uuid(),
  year: z.number().int(),
  territoryCode: z.string(),
  level: z.number().int(),
  distinctions: z.array(z.string()),
  rationale: z.string(),
  publicComment: z.string(),
  version: z.number().int().describe(f.version),
  decidedAt: z.string(),
});
const progressJson = z.object({
  id: z.uuid(),
  territoryCode: z.string(),
  territoryName: z.string(),
  state: z.string().describe(f.state),
  submittedAt: z.string().nullable(),
  assigned: z.number().int().describe(f.assigned),
  submitted: z.number().int().describe(f.submitted),
  decisionLevel: z.number().int().nullable().describe(f.decisionLevel),
});

const instant = z.iso.datetime({ offset: true, message: m.instant });
const patchBody = z
  .object({
    calendar: z.object({ opensAt: instant, closesAt: instant, juryAt: instant, ceremonyAt: instant }).strict().optional(),
    state: z
      .object({ event: z.string().max(40), reason: z.string().max(2000).optional() })
      .strict()
      .optional(),
    parameters: z
      .object({
        reviewersPerDossier: z.number().optional(),
        levelThresholds: z.array(z.number()).max(10).optional(),
        reviewWeight: z.number().optional(),
        version: z.number().int().min(0),
      })
      .strict()
      .optional(),
  })
  .strict();
const parametersJson = z.object({
  reviewersPerDossier: z.number().int(),
  levelThresholds: z.array(z.number()),
  reviewWeight: z.number(),
  version: z.number().int(),
});
const editionJson = z.object({
  year: z.number().int(),
  state: z.enum(EDITION_STATES),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  juryAt: z.string().nullable(),
  ceremonyAt: z.string().nullable(),
  referentialVersion: z.string().nullable(),
  publishedAt: z.string().nullable(),
  parameters: parametersJson,
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const editionOf = (e: Edition, parameters: JuryParameters) => ({
  year: e.year,
  state: e.state,
  opensAt: iso(e.opensAt),
  closesAt: iso(e.closesAt),
  juryAt: iso(e.juryAt),
  ceremonyAt: iso(e.ceremonyAt),
  referentialVersion: e.referentialVersion,
  publishedAt: iso(e.publishedAt),
  parameters,
});

/** A part's refusal, its fields named under the part (`calendar.closesAt`, `parameters.levelThresholds.2`). */
async function part<T>(name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InvalidInputError) throw new InvalidInputError(Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [`${name}.${k}`, v])));
    if (error instanceof DomainError && error.field && !error.field.startsWith(`${name}.`))
      Object.defineProperty(error, 'field', { value: `${name}.${error.field}` });
    throw error;
  }
}

/** The PATCH's parts, in the order that lets them hold together: the calendar, the parameters, then the state. */
async function patchEdition(db: Db, caller: Caller, year: number, body: z.output<typeof patchBody>): Promise<void> {
  await db.transaction(async (tx) => {
    const edition = await getEdition(tx, year);
    if (!edition) throw new NotFoundError(deliberationMessages.errors.editionNotFound(year));
    if (body.calendar) {
      const { opensAt, closesAt, juryAt, ceremonyAt } = body.calendar;
      const offered = await listOfferedDistinctions(tx, year);
      const local = (text: string) => toParisLocal(new Date(text));
      // The settings form's other parts are sent as they are: only the calendar changes.
      await part('calendar', () =>
        updateEditionSettings(tx, caller, year, {
          opensAt: local(opensAt),
          closesAt: local(closesAt),
          juryAt: local(juryAt),
          ceremonyAt: local(ceremonyAt),
          referentialVersion: edition.referentialVersion ?? '',
          distinctions: offered.map((d) => d.code),
        }),
      );
    }
    if (body.parameters) {
      const parameters = body.parameters;
      await part('parameters', () => saveJuryParameters(tx, caller, year, parameters));
    }
    if (body.state) {
      const state = body.state;
      await part('state', () => changeEditionState(tx, caller, year, { event: state.event, reason: state.reason ?? '' }));
    }
  });
}

/** The deliberation's API for the label's staff: record a decision, follow the dossiers, change an edition. */
export async function deliberationApiRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;
  const tags = ['jury'];

  app.put(
    '/api/v1/applications/:id/deliberation',
    {
      schema: {
        summary: m.recordSummary,
        description: m.recordDescription,
        tags,
        params: idParams,
        body: decisionInput,
        response: { 200: decisionJson, 400: errorJson, 401: errorJson, 403: errorJson, 404: errorJson, 409: errorJson },
      },
      config: { permission: 'deliberation.record', cache: 'private' },
    },
    async (request) => {
      const person = authorize(request, 'deliberation.record');
      const decision = await recordDeliberation(db, person, request.params.id, request.body);
      return { ...decision, decidedAt: decision.decidedAt.toISOString() };
    },
  );

  app.get(
    '/api/v1/editions/:year/applications',
    {
      schema: {
        summary: m.applicationsSummary,
        tags,
        params: yearParams,
        response: { 200: z.object({ items: z.array(progressJson), total: z.number().int() }), 401: errorJson, 403: errorJson, 404: errorJson },
      },
      config: { permission: 'deliberation.view', cache: 'private' },
    },
    async (request) => {
      const person = authorize(request, 'deliberation.view');
      const items = (await editionApplicationsProgress(db, person, request.params.year)).map((a) => ({
        id: a.id,
        territoryCode: a.territoryCode,
        territoryName: a.territoryName,
        state: a.state,
        submittedAt: iso(a.submittedAt),
        assigned: a.assigned,
        submitted: a.submitted,
        decisionLevel: a.decision?.level ?? null,
      }));
      return { items, total: items.length };
    },
  );

  app.patch(
    '/api/v1/editions/:year',
    {
      schema: {
        summary: m.patchSummary,
        description: m.patchDescription,
        tags,
        params: yearParams,
        body: patchBody,
        response: { 200: editionJson, 400: errorJson, 401: errorJson, 403: errorJson, 404: errorJson, 409: errorJson },
      },
      config: { permission: 'editions.manage', cache: 'private' },
    },
    async (request) => {
      const person = authorize(request, 'editions.manage');
      const { year } = request.params;
      await patchEdition(db, person, year, request.body);
      const edition = await getEdition(db, year);
      if (!edition) throw new NotFoundError(deliberationMessages.errors.editionNotFound(year));
      return editionOf(edition, await juryParametersOf(db, year));
    },
  );
}
