import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { apiErrorBody as errorJson } from '../../platform/http/error-body.ts';
import { listAssignments, runAutomaticAssignment, type AssignmentRow } from './assignment.service.ts';
import { inviteJuror, jurorInviteInput, type JurorSummary } from './jurors.service.ts';
import { juryMessages } from './jury.messages.ts';

const m = juryMessages.api;
const ADMIN_JURY = { permission: 'jury.manage', cache: 'private' } as const;
const yearParams = z.object({
  year: z.coerce.number({ message: m.badYear }).int({ message: m.badYear }).min(1999, { message: m.badYear }).max(9999, { message: m.badYear }),
});

const jurorJson = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  expertise: z.string().nullable(),
  greenReviewer: z.boolean(),
  conflictsConfirmed: z.boolean(),
  load: z.number().int(),
});
const assignmentJson = z.object({
  applicationId: z.uuid(),
  territoryCode: z.string(),
  territoryName: z.string(),
  jurorId: z.uuid(),
  source: z.enum(['automatic', 'manual']),
  started: z.boolean().describe(m.started),
});

const jurorOf = (j: JurorSummary) => ({
  id: j.id,
  userId: j.userId,
  email: j.email,
  displayName: j.displayName,
  expertise: j.expertise,
  greenReviewer: j.greenReviewer,
  conflictsConfirmed: j.conflictsConfirmedAt !== null,
  load: j.load,
});
const assignmentOf = (a: AssignmentRow) => ({ ...a, started: Boolean(a.started) });

/** The jury's API for the label's staff: invite jurors, run and read the assignment. */
export async function juryApiRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const tags = ['jury'];

  app.post(
    '/api/v1/editions/:year/jurors',
    {
      schema: {
        summary: m.inviteSummary,
        description: m.inviteDescription,
        tags,
        params: yearParams,
        body: jurorInviteInput,
        response: { 201: jurorJson, 400: errorJson, 401: errorJson, 403: errorJson, 404: errorJson, 409: errorJson },
      },
      config: ADMIN_JURY,
    },
    async (request, reply) => {
      const juror = await inviteJuror(app.db, request.user, app.config.baseUrl, request.params.year, request.body);
      return reply.code(201).send(jurorOf(juror));
    },
  );

  app.post(
    '/api/v1/editions/:year/assignments',
    {
      schema: {
        summary: m.assignSummary,
        description: m.assignDescription,
        tags,
        params: yearParams,
        // No body at all is a real run, as `{}`.
        body: z.preprocess((value) => value ?? {}, z.object({ preview: z.boolean({ message: m.preview }).optional() })),
        response: {
          200: z.object({
            items: z.array(assignmentJson),
            total: z.number().int(),
            kept: z.number().int(),
            shortfalls: z.array(z.object({ applicationId: z.uuid(), territoryName: z.string(), missing: z.number().int() })),
          }),
          401: errorJson,
          403: errorJson,
          404: errorJson,
          409: errorJson,
        },
      },
      config: ADMIN_JURY,
    },
    async (request) => {
      const run = await runAutomaticAssignment(app.db, request.user, request.params.year, { preview: request.body?.preview });
      return { ...run, items: run.items.map(assignmentOf) };
    },
  );

  app.get(
    '/api/v1/editions/:year/assignments',
    {
      schema: {
        summary: m.listSummary,
        tags,
        params: yearParams,
        response: { 200: z.object({ items: z.array(assignmentJson), total: z.number().int() }), 401: errorJson, 403: errorJson, 404: errorJson },
      },
      config: ADMIN_JURY,
    },
    async (request) => {
      const items = (await listAssignments(app.db, request.user, request.params.year)).map(assignmentOf);
      return { items, total: items.length };
    },
  );
}
