import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError, ForbiddenError, InvalidInputError } from '../../platform/errors.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formWithLists, lenientQuery } from '../../platform/http/route-input.ts';
import { formatTime } from '../../platform/views/format.ts';
import { sendPage } from '../../platform/views/render.ts';
import { authorize } from '../accounts/guard.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { jurorRecordOf } from './jurors.service.ts';
import { nextDossier } from './review.rules.ts';
import { reviewMessages } from './review.messages.ts';
import { listOwnAssignments, readDossierForReview, saveReview, type DossierForReview } from './review.service.ts';
import { ReviewPage, reviewPath, type ReviewValues } from './views/review-page.tsx';

const VIEW = { permission: 'review.view', cache: 'private' } as const;
const EDIT = { permission: 'review.edit', cache: 'private' } as const;
const params = z.object({ applicationId: z.string().max(40) });
const noticeQuery = lenientQuery({ fait: z.enum(['enregistre', 'remis']).optional() });
const m = reviewMessages.page;

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const last = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.at(-1) : value);

/** The form's fields as the review's input: `score.<theme>` radios, the level, the distinctions, the comments. */
function inputOf(body: Record<string, string | string[]>) {
  const themeScores: Record<string, number> = {};
  for (const [key, value] of Object.entries(body)) {
    const v = last(value);
    if (key.startsWith('score.') && v !== undefined && v !== '') themeScores[key.slice('score.'.length)] = /^\d$/.test(v) ? Number(v) : Number.NaN;
  }
  const level = last(body.proposedLevel);
  const version = last(body.version);
  return {
    themeScores,
    proposedLevel: level ? (/^\d$/.test(level) ? Number(level) : Number.NaN) : null,
    distinctions: list(body.distinctions),
    comment: last(body.comment) ?? '',
    publicComment: last(body.publicComment) ?? '',
    submit: last(body.action) === 'submit',
    version: version && /^\d{1,9}$/.test(version) ? Number(version) : undefined,
  };
}

/** /jury/dossiers/:applicationId: the juror reads the frozen dossier and writes, then hands in, their review. */
export async function reviewRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;

  /** The dossier for this juror, or a 404 page: a dossier not assigned, or in conflict, does not exist for them. */
  async function dossierFor(person: Person, applicationId: string): Promise<DossierForReview> {
    try {
      return await readDossierForReview(db, person, applicationId);
    } catch (error) {
      if (error instanceof ForbiddenError) throw notFound(reviewMessages.notFound);
      throw error;
    }
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    person: Person,
    view: DossierForReview,
    extra: { values?: ReviewValues; errors?: Record<string, string>; notice?: string } = {},
    status = 200,
  ) {
    const [juror, mine] = await Promise.all([jurorRecordOf(db, person.id, view.dossier.year), listOwnAssignments(db, person)]);
    const next = nextDossier(mine.filter((d) => d.applicationId !== view.dossier.applicationId));
    return sendPage(
      request,
      reply,
      <ReviewPage view={view} greenReviewer={juror?.greenReviewer ?? false} nextHref={next ? reviewPath(next.applicationId) : undefined} {...extra} />,
      status,
    );
  }

  app.get('/jury/dossiers/:applicationId', { schema: { params, querystring: noticeQuery }, config: VIEW }, async (request, reply) => {
    const person = authorize(request, 'jury.assignments.listOwn');
    const view = await dossierFor(person, request.params.applicationId);
    const done = request.query.values.fait;
    return render(request, reply, person, view, { notice: done === 'remis' ? m.submittedNotice : done === 'enregistre' ? m.saved : undefined });
  });

  app.post('/jury/dossiers/:applicationId', { schema: { params, body: formWithLists }, config: EDIT }, async (request, reply) => {
    const person = authorize(request, 'jury.assignments.listOwn');
    const view = await dossierFor(person, request.params.applicationId);
    const input = inputOf(request.body);
    try {
      await saveReview(db, person, view.dossier.applicationId, input);
    } catch (error) {
      if (!(error instanceof InvalidInputError || error instanceof ConflictError)) throw error;
      const values: ReviewValues = {
        themeScores: Object.fromEntries(Object.entries(input.themeScores).filter(([, v]) => Number.isInteger(v))),
        proposedLevel: Number.isInteger(input.proposedLevel) ? input.proposedLevel : null,
        distinctions: input.distinctions,
        comment: input.comment,
        publicComment: input.publicComment,
      };
      const fresh = await dossierFor(person, view.dossier.applicationId);
      const errors = error instanceof InvalidInputError ? error.fields : { _: error.message };
      return render(
        request,
        reply,
        person,
        fresh,
        { values: fresh.own?.state === 'submitted' ? undefined : values, errors },
        error instanceof InvalidInputError ? 400 : 409,
      );
    }
    return reply.redirect(`${reviewPath(view.dossier.applicationId)}?fait=${input.submit ? 'remis' : 'enregistre'}`, 303);
  });

  // Autosave: the same save, never a submission, answered in JSON for public/js/autosave.js (the new version, the time on the French clock).
  app.post('/jury/dossiers/:applicationId/brouillon', { schema: { params, body: formWithLists }, config: EDIT }, async (request, reply) => {
    const person = authorize(request, 'jury.assignments.listOwn');
    const view = await dossierFor(person, request.params.applicationId);
    try {
      const saved = await saveReview(db, person, view.dossier.applicationId, { ...inputOf(request.body), submit: false });
      return reply.send({ time: formatTime(saved.updatedAt), version: saved.version });
    } catch (error) {
      if (error instanceof InvalidInputError) return reply.code(400).send({ message: m.autosave.refused });
      if (error instanceof ConflictError) return reply.code(409).send({ message: error.message });
      throw error;
    }
  });
}
