import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError, InvalidInputError } from '../../platform/errors.ts';
import { formWithLists, lenientQuery } from '../../platform/http/route-input.ts';
import { formatTime } from '../../platform/views/format.ts';
import { sendPage } from '../../platform/views/render.ts';
import { authorize } from '../accounts/guard.ts';
import { can } from '../accounts/permissions.rules.ts';
import { answerFingerprint } from './diagnostic.rules.ts';
import { diagnosticMessages as dm } from './diagnostic.messages.ts';
import {
  completeDiagnostic,
  diagnosticView,
  DiagnosticConflictError,
  requireDiagnostic,
  saveAnswers,
  startDiagnostic,
  type AnswerInput,
} from './diagnostic.service.ts';
import { NR_QUESTIONS, nrQuestionById } from './nr-model.data.ts';
import { DiagnosticPage, diagnosticPath, type FormValues } from './views/diagnostic-page.tsx';
import { NrHomePage, nrHomePath } from './views/nr-home-page.tsx';

const VIEW = { permission: 'nr.view', cache: 'private' } as const;
const EDIT = { permission: 'nr.edit', cache: 'private' } as const;
const codeParams = z.object({ code: z.string().max(20) });
const diagnosticParams = z.object({ code: z.string().max(20), diagnosticId: z.string().max(40) });
const homeQuery = lenientQuery({ fait: z.enum(['termine']).optional() });
const pageQuery = lenientQuery({ fait: z.enum(['enregistre', 'commence']).optional() });

/** The form's field of each part of an answer (`niveau.<question>`, `note.<question>`); a refused version is shown on the level's radios. */
const FIELD_PREFIX = { level: 'niveau', note: 'note', version: 'niveau', questionId: 'niveau' } as Record<string, string>;
const fieldOf = (field: string, questionId: string) => `${FIELD_PREFIX[field] ?? field}.${questionId}`;
const PREFIXES = ['niveau', 'note', 'version', 'lu'];

const last = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value.at(-1) : value);
/** Notes as the browser sends them (CRLF) are kept with plain line feeds, as they are shown again. */
const noteOf = (text: string | undefined) => (text ?? '').replace(/\r\n?/g, '\n');

type ParsedForm = { inputs: AnswerInput[]; values: FormValues; errors: Record<string, string> };

/**
 * The answers a form changed: each question whose level or note differs from what the page showed
 * (its fingerprint `lu.<question>`), with the version it read. Untouched answers are not sent again,
 * so saving a whole form neither overwrites nor conflicts with the answers others changed meanwhile.
 * `lenient` (the autosave) skips a note typed before its level instead of refusing it.
 */
function parseForm(body: Record<string, string | string[]>, lenient: boolean): ParsedForm {
  const errors: Record<string, string> = {};
  for (const key of Object.keys(body)) {
    const [prefix, ...rest] = key.split('.');
    if (prefix && PREFIXES.includes(prefix) && !nrQuestionById.has(rest.join('.'))) errors[key] = dm.errors.unknownQuestion;
  }
  const inputs: AnswerInput[] = [];
  const values: FormValues = {};
  for (const question of NR_QUESTIONS) {
    const id = question.id;
    const levelText = last(body[`niveau.${id}`]);
    const note = noteOf(last(body[`note.${id}`]));
    const versionText = last(body[`version.${id}`]);
    const read = last(body[`lu.${id}`]);
    const level = levelText === undefined || levelText === '' ? null : /^\d$/.test(levelText) ? Number(levelText) : Number.NaN;
    values[id] = { level: level !== null && Number.isInteger(level) ? level : null, note };
    if (read !== undefined && answerFingerprint(level, note) === read) continue;
    // No level chosen: nothing to write (an answer is never taken back); a note alone is refused by a save, left for later by the autosave.
    if (level === null) {
      if (note !== '' && !lenient) errors[`niveau.${id}`] = dm.errors.levelForNote;
      continue;
    }
    const version = versionText === undefined || versionText === '' ? undefined : /^\d{1,9}$/.test(versionText) ? Number(versionText) : Number.NaN;
    inputs.push({ questionId: id, level, note, version });
  }
  return { inputs, values, errors };
}

/** /espace/:code/numerique-responsable: the module's home, the diagnostic's questionnaire, its saves and its autosave. */
export async function diagnosticRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;

  async function renderQuestionnaire(
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    extra: { values?: FormValues; errors?: Record<string, string>; notice?: string } = {},
    status = 200,
  ) {
    const view = await diagnosticView(db, request.user, code);
    const canEdit = can(request.user, 'nr.edit', { territoryCode: view.territory.code });
    return sendPage(request, reply, <DiagnosticPage view={view} canEdit={canEdit} {...extra} />, status);
  }

  app.get('/espace/:code/numerique-responsable', { schema: { params: codeParams, querystring: homeQuery }, config: VIEW }, async (request, reply) => {
    authorize(request, 'nr.view', { territoryCode: request.params.code });
    const view = await diagnosticView(db, request.user, request.params.code);
    const canEdit = can(request.user, 'nr.edit', { territoryCode: view.territory.code });
    const notice = request.query.values.fait === 'termine' ? dm.page.completed : undefined;
    return sendPage(request, reply, <NrHomePage view={view} canEdit={canEdit} notice={notice} />);
  });

  app.get(
    '/espace/:code/numerique-responsable/diagnostic',
    { schema: { params: codeParams, querystring: pageQuery }, config: VIEW },
    async (request, reply) => {
      authorize(request, 'nr.view', { territoryCode: request.params.code });
      const done = request.query.values.fait;
      return renderQuestionnaire(request, reply, request.params.code, {
        notice: done === 'enregistre' ? dm.page.saved : done === 'commence' ? dm.page.started : undefined,
      });
    },
  );

  // « Commencer » and « Refaire le diagnostic »: while one is in progress, that one goes on.
  app.post('/espace/:code/numerique-responsable/diagnostic/commencer', { schema: { params: codeParams }, config: EDIT }, async (request, reply) => {
    authorize(request, 'nr.edit', { territoryCode: request.params.code });
    const diagnostic = await startDiagnostic(db, request.user, request.params.code);
    return reply.redirect(`${diagnosticPath(diagnostic.territoryCode)}?fait=commence`, 303);
  });

  // The whole questionnaire posted (one button per theme, and « Terminer le diagnostic »): the changed answers saved, then completed if asked.
  app.post(
    '/espace/:code/numerique-responsable/diagnostic/:diagnosticId',
    { schema: { params: diagnosticParams, body: formWithLists }, config: EDIT },
    async (request, reply) => {
      const { code, diagnosticId } = request.params;
      authorize(request, 'nr.edit', { territoryCode: code });
      const diagnostic = await requireDiagnostic(db, request.user, code, diagnosticId);
      const { inputs, values, errors } = parseForm(request.body, false);
      if (Object.keys(errors).length) return renderQuestionnaire(request, reply, code, { values, errors }, 400);
      try {
        await saveAnswers(db, request.user, code, diagnostic.id, inputs, { fieldOf });
      } catch (error) {
        if (error instanceof InvalidInputError) return renderQuestionnaire(request, reply, code, { values, errors: error.fields }, 400);
        if (error instanceof DiagnosticConflictError) {
          // The answers changed meanwhile are shown as they are now; the person's other changes stay in the form.
          const kept = Object.fromEntries(Object.entries(values).filter(([id]) => !error.questionIds.includes(id)));
          const conflicts = Object.fromEntries(error.questionIds.map((id) => [`niveau.${id}`, dm.errors.stale]));
          return renderQuestionnaire(request, reply, code, { values: kept, errors: { _: error.message, ...conflicts } }, 409);
        }
        if (error instanceof ConflictError) return renderQuestionnaire(request, reply, code, { errors: { _: error.message } }, 409);
        throw error;
      }
      const theme = last(request.body.theme);
      if (last(request.body.action) === 'terminer') {
        try {
          await completeDiagnostic(db, request.user, code, diagnostic.id);
        } catch (error) {
          if (error instanceof InvalidInputError)
            return renderQuestionnaire(request, reply, code, { errors: { _: Object.values(error.fields)[0] ?? error.message } }, 400);
          if (error instanceof ConflictError) return renderQuestionnaire(request, reply, code, { errors: { _: error.message } }, 409);
          throw error;
        }
        return reply.redirect(`${nrHomePath(diagnostic.territoryCode)}?fait=termine`, 303);
      }
      const anchor = theme && NR_QUESTIONS.some((q) => q.themeId === theme) ? `#theme-${theme}` : '';
      return reply.redirect(`${diagnosticPath(diagnostic.territoryCode)}?fait=enregistre${anchor}`, 303);
    },
  );

  // Autosave (public/js/nr-diagnostic.js): the same save of the changed answers, answered in JSON with each new version and fingerprint.
  app.post(
    '/espace/:code/numerique-responsable/diagnostic/:diagnosticId/brouillon',
    { schema: { params: diagnosticParams, body: formWithLists }, config: EDIT },
    async (request, reply) => {
      const { code, diagnosticId } = request.params;
      authorize(request, 'nr.edit', { territoryCode: code });
      const diagnostic = await requireDiagnostic(db, request.user, code, diagnosticId);
      const { inputs, errors } = parseForm(request.body, true);
      if (Object.keys(errors).length) return reply.code(400).send({ message: dm.page.autosave.refused, fields: errors });
      try {
        const saved = await saveAnswers(db, request.user, code, diagnostic.id, inputs, { fieldOf });
        return reply.send({
          time: formatTime(new Date()),
          versions: Object.fromEntries(saved.map((a) => [a.questionId, a.version])),
          fingerprints: Object.fromEntries(saved.map((a) => [a.questionId, answerFingerprint(a.level, a.note)])),
        });
      } catch (error) {
        if (error instanceof InvalidInputError) return reply.code(400).send({ message: dm.page.autosave.refused, fields: error.fields });
        if (error instanceof ConflictError) return reply.code(409).send({ message: error.message });
        throw error;
      }
    },
  );
}
