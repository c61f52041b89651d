import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError, ForbiddenError, InvalidInputError } from '../../platform/errors.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formWithLists, lenientQuery } from '../../platform/http/route-input.ts';
import { formatTime } from '../../platform/views/format.ts';
import { sendPage } from '../../platform/views/render.ts';
import { signInRequired } from '../accounts/guard.ts';
import { can } from '../accounts/permissions.rules.ts';
import { getEdition } from '../label/editions.service.ts';
import { getTerritory } from '../territories/search-territories.service.ts';
import { pageErrors, patchFromForm } from './application-form.ts';
import { findTerritoryApplication, startApplication, type ApplicationView } from './applications.service.ts';
import { campaignMessages } from './messages.ts';
import { saveApplication } from './save-application.service.ts';
import { submitApplication } from './submit-application.service.ts';
import { ApplicationPage, ApplicationStartPage, applicationPath } from './views/application-page.tsx';

const m = campaignMessages.page;
const params = z.object({ code: z.string().max(20), year: z.coerce.number().int().min(1999).max(9999) });
const pageQuery = lenientQuery({ ok: z.enum(['commencee', 'enregistre', 'depose', 'photo', 'photo-retiree']).optional() });
const submitVersion = campaignMessages.api.submitVersion;
// Loose: the CSRF token, read after validation, must stay in the body (a strict object drops it).
const submitBody = z.preprocess(
  (value) => value ?? {},
  z.looseObject({
    version: z.coerce
      .number({ message: submitVersion })
      .int({ message: submitVersion })
      .min(1, { message: submitVersion })
      .max(2147483647, { message: submitVersion })
      .optional(),
  }),
);
const NOTICES = { commencee: m.started, enregistre: m.saved, depose: m.submittedNotice, photo: m.photo.added, 'photo-retiree': m.photo.removed } as const;

// A territory's dossier: never stored by a cache; each service checks its permission.
const VIEW = { permission: 'application.view', cache: 'private' } as const;
const EDIT = { permission: 'application.edit', cache: 'private' } as const;
const SUBMIT = { permission: 'application.submit', cache: 'private' } as const;

/** The dossier's page, for this person (what they may edit or submit), with a form's errors or a notice. */
export function renderDossier(
  request: FastifyRequest,
  reply: FastifyReply,
  view: ApplicationView,
  extra: { errors?: Record<string, string>; notice?: string; posted?: ApplicationView['content']; photoAlt?: string } = {},
  status = 200,
) {
  const context = { territoryCode: view.territory.code };
  return sendPage(
    request,
    reply,
    <ApplicationPage
      view={view}
      canEdit={can(request.user, 'application.edit', context)}
      canSubmit={can(request.user, 'application.submit', context)}
      {...extra}
    />,
    status,
  );
}

/** `/espace/:code/candidature/:year`: start, prepare (autosaved), submit. */
export async function applicationRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;

  /** The territory and the edition a page names; 404 for an unknown one or an edition still in preparation. */
  async function pageContext(code: string, year: number) {
    const [territory, edition] = await Promise.all([getTerritory(db, code), getEdition(db, year)]);
    if (!territory || !edition || edition.state === 'draft') throw notFound();
    return { territory, edition };
  }

  app.get('/espace/:code/candidature/:year', { schema: { params, querystring: pageQuery }, config: VIEW }, async (request, reply) => {
    const { code, year } = request.params;
    if (!request.user) throw signInRequired();
    const { territory, edition } = await pageContext(code, year);
    const view = await findTerritoryApplication(db, request.user, year, territory.code);
    if (!view) {
      return sendPage(
        request,
        reply,
        <ApplicationStartPage territory={territory} edition={edition} canStart={can(request.user, 'application.edit', { territoryCode: code })} />,
      );
    }
    const ok = request.query.values.ok;
    return renderDossier(request, reply, view, { notice: ok ? NOTICES[ok] : undefined });
  });

  app.post('/espace/:code/candidature/:year/commencer', { schema: { params }, config: EDIT }, async (request, reply) => {
    const { code, year } = request.params;
    if (!request.user) throw signInRequired();
    const { territory, edition } = await pageContext(code, year);
    try {
      await startApplication(db, request.user, year, territory.code);
    } catch (error) {
      // Started meanwhile by someone else: open it.
      if (error instanceof ConflictError && error.field === 'territoryCode') return reply.redirect(applicationPath(code, year), 303);
      if (!(error instanceof ConflictError)) throw error;
      return sendPage(request, reply, <ApplicationStartPage territory={territory} edition={edition} canStart={false} error={error.message} />, 409);
    }
    return reply.redirect(`${applicationPath(code, year)}?ok=commencee`, 303);
  });

  /** Saves the posted form; a refusal shows it again as posted, with the errors beside the fields. */
  async function saveForm(request: FastifyRequest, code: string, year: number, body: Record<string, string | string[] | undefined>) {
    if (!request.user) throw signInRequired();
    const view = await findTerritoryApplication(db, request.user, year, code);
    if (!view) throw notFound();
    const patch = patchFromForm(body, view.questionnaire);
    return { view, saved: () => saveApplication(db, request.user, view.id, patch, { onStale: 'merge' }), patch };
  }

  app.post('/espace/:code/candidature/:year', { schema: { params, body: formWithLists }, config: EDIT }, async (request, reply) => {
    const { code, year } = request.params;
    await pageContext(code, year);
    const { view, saved, patch } = await saveForm(request, code, year, request.body);
    try {
      await saved();
    } catch (error) {
      if (!(error instanceof InvalidInputError || error instanceof ConflictError)) throw error;
      const errors = error instanceof InvalidInputError ? pageErrors(error.fields) : { _: error.message };
      const posted = { initiativeIds: patch.initiativeIds, answers: patch.answers as never, interview: patch.interview as never, contacts: patch.contacts };
      return renderDossier(request, reply, view, { errors, posted }, error instanceof ConflictError ? 409 : 400);
    }
    return reply.redirect(`${applicationPath(code, year)}?ok=enregistre`, 303);
  });

  // Autosave: the same save, answered in JSON for public/js/autosave.js (the new version, the time on the French clock).
  app.post('/espace/:code/candidature/:year/brouillon', { schema: { params, body: formWithLists }, config: EDIT }, async (request, reply) => {
    const { code, year } = request.params;
    await pageContext(code, year);
    const { saved } = await saveForm(request, code, year, request.body);
    try {
      const view = await saved();
      return reply.send({ time: formatTime(view.updatedAt), version: view.version });
    } catch (error) {
      if (error instanceof InvalidInputError) return reply.code(400).send({ message: m.autosaveRefused });
      if (error instanceof ConflictError) return reply.code(409).send({ message: error.message });
      throw error;
    }
  });

  app.post('/espace/:code/candidature/:year/deposer', { schema: { params, body: submitBody }, config: SUBMIT }, async (request, reply) => {
    const { code, year } = request.params;
    await pageContext(code, year);
    if (!request.user) throw signInRequired();
    const view = await findTerritoryApplication(db, request.user, year, code);
    if (!view) throw notFound();
    try {
      await submitApplication(db, request.user, view.id, { baseUrl: app.config.baseUrl, version: request.body?.version });
    } catch (error) {
      if (!(error instanceof InvalidInputError || error instanceof ConflictError || error instanceof ForbiddenError)) throw error;
      const errors = error instanceof InvalidInputError ? pageErrors(error.fields) : { _: error.message };
      const status = error instanceof InvalidInputError ? 400 : error instanceof ForbiddenError ? 403 : 409;
      return renderDossier(request, reply, view, { errors }, status);
    }
    return reply.redirect(`${applicationPath(code, year)}?ok=depose`, 303);
  });
}
