import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError, InvalidInputError } from '../../platform/errors.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formBody, formText, lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { authorize } from '../accounts/guard.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { conflictInputOf } from './conflict-form.ts';
import { confirmOwnDeclaration, conflictsView, declareConflict, removeConflict } from './juror-conflicts.service.ts';
import { juryMessages } from './jury.messages.ts';
import { ownJuries } from './jurors.service.ts';
import { nextDossier } from './review.rules.ts';
import { listOwnAssignments } from './review.service.ts';
import { ConflictsPage, ownConflictsPath } from './views/conflicts-page.tsx';
import { JuryHomePage } from './views/jury-home-page.tsx';

const DECLARE = { permission: 'jury.conflicts.declare', cache: 'private' } as const;
const yearParams = z.object({ year: z.string().max(40) });
const conflictParams = z.object({ year: z.string().max(40), conflictId: z.string().max(20) });
const noticeQuery = lenientQuery({ fait: z.enum(['conflit', 'retire', 'confirme']).optional() });
const conflictForm = formBody({ kind: formText, departmentCode: formText, territoryCode: formText, reason: formText });

const yearOf = (raw: string): number => {
  if (!/^\d{4}$/.test(raw)) throw notFound();
  return Number(raw);
};

/** /jury: the juror's home; /jury/:year/conflits: a juror declares their conflicts of interest for an edition and confirms the declaration. */
export async function jurorConflictsRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;
  const m = juryMessages.conflicts;

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    person: Person,
    year: number,
    extra: { errors?: Record<string, string>; notice?: string; values?: Record<string, string | undefined> } = {},
    status = 200,
  ) {
    const view = await conflictsView(db, person, year, null);
    return sendPage(request, reply, <ConflictsPage view={view} {...extra} />, status);
  }

  app.get('/jury', { config: { permission: 'jury.assignments.listOwn', cache: 'private' } }, async (request, reply) => {
    const person = authorize(request, 'jury.assignments.listOwn');
    const [juries, dossiers] = await Promise.all([ownJuries(db, person), listOwnAssignments(db, person)]);
    return sendPage(request, reply, <JuryHomePage juries={juries} dossiers={dossiers} next={nextDossier(dossiers)} />);
  });

  app.get('/jury/:year/conflits', { schema: { params: yearParams, querystring: noticeQuery }, config: DECLARE }, async (request, reply) => {
    const person = authorize(request, 'jury.conflicts.declare');
    const done = request.query.values.fait;
    const notice = done === 'conflit' ? m.declared : done === 'retire' ? m.removed : done === 'confirme' ? m.confirmedNotice : undefined;
    return render(request, reply, person, yearOf(request.params.year), { notice });
  });

  app.post('/jury/:year/conflits', { schema: { params: yearParams, body: conflictForm }, config: DECLARE }, async (request, reply) => {
    const person = authorize(request, 'jury.conflicts.declare');
    const year = yearOf(request.params.year);
    try {
      await declareConflict(db, person, year, null, conflictInputOf(request.body));
    } catch (error) {
      if (!(error instanceof InvalidInputError || error instanceof ConflictError)) throw error;
      const errors = error instanceof InvalidInputError ? error.fields : { kind: error.message };
      return render(request, reply, person, year, { errors, values: request.body }, error instanceof InvalidInputError ? 400 : 409);
    }
    return reply.redirect(`${ownConflictsPath(year)}?fait=conflit`, 303);
  });

  app.post('/jury/:year/conflits/:conflictId/retirer', { schema: { params: conflictParams }, config: DECLARE }, async (request, reply) => {
    const person = authorize(request, 'jury.conflicts.declare');
    const year = yearOf(request.params.year);
    const conflictId = /^\d{1,9}$/.test(request.params.conflictId) ? Number(request.params.conflictId) : null;
    if (conflictId === null) throw notFound();
    await removeConflict(db, person, year, null, conflictId);
    return reply.redirect(`${ownConflictsPath(year)}?fait=retire`, 303);
  });

  app.post('/jury/:year/conflits/confirmer', { schema: { params: yearParams }, config: DECLARE }, async (request, reply) => {
    const person = authorize(request, 'jury.conflicts.declare');
    const year = yearOf(request.params.year);
    await confirmOwnDeclaration(db, person, year);
    return reply.redirect(`${ownConflictsPath(year)}?fait=confirme`, 303);
  });
}
