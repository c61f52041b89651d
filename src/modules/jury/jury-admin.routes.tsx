import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError, InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formBody, formText, lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { authorize } from '../accounts/guard.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { submittedDossiersOf } from '../campaign/applications-admin.service.ts';
import { getEdition } from '../label/editions.service.ts';
import { addAssignment, conflictFreeJurors, listAssignments, removeAssignment, runAutomaticAssignment } from './assignment.service.ts';
import { conflictInputOf } from './conflict-form.ts';
import { conflictsView, declareConflict, removeConflict } from './juror-conflicts.service.ts';
import { inviteJuror, listJurors, removeJuror } from './jurors.service.ts';
import { juryMessages } from './jury.messages.ts';
import { juryParametersOf } from './jury-parameters.service.ts';
import { ConflictsPage, jurorConflictsPath } from './views/conflicts-page.tsx';
import { JuryAdminPage, juryAdminPath, type JuryAdminPageProps } from './views/jury-admin-page.tsx';

const JURY = { permission: 'jury.manage', cache: 'private' } as const;
const yearParams = z.object({ year: z.string().max(40) });
const jurorParams = z.object({ year: z.string().max(40), jurorId: z.string().max(40) });
const conflictParams = z.object({ year: z.string().max(40), jurorId: z.string().max(40), conflictId: z.string().max(20) });
/** `?fait=…`: the notice after a change. */
const noticeQuery = lenientQuery({ fait: z.enum(['invite', 'repartition', 'affectation', 'conflit', 'retire', 'jure-retire']).optional() });
const inviteForm = formBody({ email: formText, displayName: formText, expertise: formText, greenReviewer: formText });
const assignmentForm = formBody({ applicationId: formText, jurorId: formText, action: formText });
const conflictForm = formBody({ kind: formText, departmentCode: formText, territoryCode: formText, reason: formText });
const ASSIGNABLE = new Set(['closed', 'under_review']);

/** /admin/editions/:year/jury: the staff invite jurors, see and add their conflicts, share the dossiers out. */
export async function juryAdminRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;
  const p = juryMessages.page;

  async function editionOf(raw: string) {
    const edition = /^\d{4}$/.test(raw) ? await getEdition(db, Number(raw)) : null;
    if (!edition) throw notFound();
    return edition;
  }

  async function render(request: FastifyRequest, reply: FastifyReply, person: Person, year: number, extra: Partial<JuryAdminPageProps> = {}, status = 200) {
    const edition = await editionOf(String(year));
    const [jurors, dossiers, assignments, parameters, conflictFree] = await Promise.all([
      listJurors(db, person, year),
      submittedDossiersOf(db, person, year),
      listAssignments(db, person, year),
      juryParametersOf(db, year),
      conflictFreeJurors(db, person, year),
    ]);
    // Per juror, the submitted dossiers they may not review: declared conflicts and those the memberships and the map give.
    const conflicted = new Map(jurors.map((j) => [j.id, [...conflictFree.values()].filter((free) => !free.includes(j.id)).length]));
    const props: JuryAdminPageProps = {
      year,
      jurors,
      dossiers,
      assignments,
      conflicted,
      reviewersPerDossier: parameters.reviewersPerDossier,
      assignable: ASSIGNABLE.has(edition.state),
      ...extra,
    };
    return sendPage(request, reply, <JuryAdminPage {...props} />, status);
  }

  const notices = {
    invite: p.invited,
    repartition: p.changed,
    affectation: p.changed,
    conflit: juryMessages.conflicts.declared,
    retire: juryMessages.conflicts.removed,
    'jure-retire': p.jurorRemoved,
  };

  app.get('/admin/editions/:year/jury', { schema: { params: yearParams, querystring: noticeQuery }, config: JURY }, async (request, reply) => {
    const person = authorize(request, 'jury.manage');
    const edition = await editionOf(request.params.year);
    const done = request.query.values.fait;
    return render(request, reply, person, edition.year, {
      notice: done ? notices[done] : undefined,
    });
  });

  app.post('/admin/editions/:year/jury/jures', { schema: { params: yearParams, body: inviteForm }, config: JURY }, async (request, reply) => {
    const person = authorize(request, 'jury.manage');
    const edition = await editionOf(request.params.year);
    const { email, displayName, expertise, greenReviewer } = request.body;
    try {
      await inviteJuror(db, person, app.config.baseUrl, edition.year, {
        email: email ?? '',
        displayName: displayName || undefined,
        expertise: expertise || undefined,
        greenReviewer: greenReviewer === '1',
      });
    } catch (error) {
      if (!(error instanceof InvalidInputError || error instanceof ConflictError)) throw error;
      const errors = error instanceof InvalidInputError ? error.fields : { email: error.message };
      return render(request, reply, person, edition.year, { errors, values: request.body }, error instanceof InvalidInputError ? 400 : 409);
    }
    return reply.redirect(`${juryAdminPath(edition.year)}?fait=invite`, 303);
  });

  app.post('/admin/editions/:year/jury/repartition', { schema: { params: yearParams }, config: JURY }, async (request, reply) => {
    const person = authorize(request, 'jury.manage');
    const edition = await editionOf(request.params.year);
    try {
      const run = await runAutomaticAssignment(db, person, edition.year);
      return render(request, reply, person, edition.year, {
        notice: juryMessages.assignment.done(run.total, run.shortfalls.length),
        shortfalls: run.shortfalls,
      });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return render(request, reply, person, edition.year, { errors: { _: error.message } }, 409);
    }
  });

  app.post('/admin/editions/:year/jury/affectations', { schema: { params: yearParams, body: assignmentForm }, config: JURY }, async (request, reply) => {
    const person = authorize(request, 'jury.manage');
    const edition = await editionOf(request.params.year);
    const input = { applicationId: request.body.applicationId ?? '', jurorId: request.body.jurorId ?? '' };
    try {
      if (request.body.action === 'remove') await removeAssignment(db, person, edition.year, input);
      else await addAssignment(db, person, edition.year, input);
    } catch (error) {
      if (!(error instanceof ConflictError || error instanceof NotFoundError)) throw error;
      const status = error instanceof ConflictError ? 409 : 400;
      return render(request, reply, person, edition.year, { errors: { jurorId: error.message }, values: input }, status);
    }
    return reply.redirect(`${juryAdminPath(edition.year)}?fait=affectation#repartition`, 303);
  });

  async function renderJuror(
    request: FastifyRequest,
    reply: FastifyReply,
    person: Person,
    year: number,
    jurorId: string,
    extra: { errors?: Record<string, string>; notice?: string; values?: Record<string, string | undefined> } = {},
    status = 200,
  ) {
    const view = await conflictsView(db, person, year, jurorId);
    const juror = (await listJurors(db, person, year)).find((j) => j.id === view.juror.id);
    const staff = { name: juror?.displayName ?? '', removable: (juror?.startedReviews ?? 0) === 0 };
    return sendPage(request, reply, <ConflictsPage view={view} staff={staff} {...extra} />, status);
  }

  app.get('/admin/editions/:year/jury/:jurorId', { schema: { params: jurorParams, querystring: noticeQuery }, config: JURY }, async (request, reply) => {
    const person = authorize(request, 'jury.manage');
    const edition = await editionOf(request.params.year);
    const done = request.query.values.fait;
    return renderJuror(request, reply, person, edition.year, request.params.jurorId, {
      notice: done === 'conflit' || done === 'retire' ? notices[done] : undefined,
    });
  });

  app.post('/admin/editions/:year/jury/:jurorId/conflits', { schema: { params: jurorParams, body: conflictForm }, config: JURY }, async (request, reply) => {
    const person = authorize(request, 'jury.manage');
    const edition = await editionOf(request.params.year);
    const { jurorId } = request.params;
    try {
      await declareConflict(db, person, edition.year, jurorId, conflictInputOf(request.body));
    } catch (error) {
      if (!(error instanceof InvalidInputError || error instanceof ConflictError)) throw error;
      const errors = error instanceof InvalidInputError ? error.fields : { kind: error.message };
      return renderJuror(request, reply, person, edition.year, jurorId, { errors, values: request.body }, error instanceof InvalidInputError ? 400 : 409);
    }
    return reply.redirect(`${jurorConflictsPath(edition.year, jurorId)}?fait=conflit`, 303);
  });

  app.post('/admin/editions/:year/jury/:jurorId/conflits/:conflictId/retirer', { schema: { params: conflictParams }, config: JURY }, async (request, reply) => {
    const person = authorize(request, 'jury.manage');
    const edition = await editionOf(request.params.year);
    const conflictId = /^\d{1,9}$/.test(request.params.conflictId) ? Number(request.params.conflictId) : null;
    if (conflictId === null) throw notFound();
    await removeConflict(db, person, edition.year, request.params.jurorId, conflictId);
    return reply.redirect(`${jurorConflictsPath(edition.year, request.params.jurorId)}?fait=retire`, 303);
  });

  app.post('/admin/editions/:year/jury/:jurorId/retirer', { schema: { params: jurorParams }, config: JURY }, async (request, reply) => {
    const person = authorize(request, 'jury.manage');
    const edition = await editionOf(request.params.year);
    const { jurorId } = request.params;
    if (!z.uuid().safeParse(jurorId).success) throw notFound();
    try {
      await removeJuror(db, person, edition.year, jurorId);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return renderJuror(request, reply, person, edition.year, jurorId, { errors: { _: error.message } }, 409);
    }
    return reply.redirect(`${juryAdminPath(edition.year)}?fait=jure-retire`, 303);
  });
}
