import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError, InvalidInputError } from '../../platform/errors.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formBody, formText, lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { authorize } from '../accounts/guard.ts';
import { getEdition } from '../label/editions.service.ts';
import { listEditionApplications } from './applications-admin.service.ts';
import { dossierMessages as m } from './dossier.messages.ts';
import { reopenApplication } from './submit-application.service.ts';
import { ApplicationsAdminPage, applicationsAdminPath, type ApplicationsAdminPageProps } from './views/applications-admin-page.tsx';

const LIST = { permission: 'applications.list', cache: 'private' } as const;
const REOPEN = { permission: 'application.reopen', cache: 'private' } as const;
const yearParams = z.object({ year: z.string().max(40) });
const reopenParams = z.object({ year: z.string().max(40), id: z.string().max(40) });
/** `?rouvert=<territory code>`: the notice after a reopening. */
const noticeQuery = lenientQuery({ rouvert: z.string().max(20).optional() });

/** `/admin/editions/:year/candidatures`: every dossier of an edition; the staff reopen a submitted one with a reason. */
export async function applicationsAdminRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;

  async function editionYear(raw: string): Promise<number> {
    const edition = /^\d{4}$/.test(raw) ? await getEdition(db, Number(raw)) : null;
    if (!edition) throw notFound();
    return edition.year;
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    year: number,
    extra: Omit<ApplicationsAdminPageProps, 'year' | 'applications'> = {},
    status = 200,
  ) {
    const applications = await listEditionApplications(db, request.user, year);
    return sendPage(request, reply, <ApplicationsAdminPage year={year} applications={applications} {...extra} />, status);
  }

  app.get('/admin/editions/:year/candidatures', { schema: { params: yearParams, querystring: noticeQuery }, config: LIST }, async (request, reply) => {
    authorize(request, 'applications.list');
    const year = await editionYear(request.params.year);
    const code = request.query.values.rouvert;
    const applications = await listEditionApplications(db, request.user, year);
    const reopened = code ? applications.find((a) => a.territory.code === code) : undefined;
    const notice = reopened ? m.admin.reopened(reopened.territory.name) : undefined;
    return sendPage(request, reply, <ApplicationsAdminPage year={year} applications={applications} notice={notice} />);
  });

  app.post(
    '/admin/editions/:year/candidatures/:id/rouvrir',
    { schema: { params: reopenParams, body: formBody({ reason: formText }) }, config: REOPEN },
    async (request, reply) => {
      authorize(request, 'application.reopen');
      const year = await editionYear(request.params.year);
      const { id } = request.params;
      const dossier = (await listEditionApplications(db, request.user, year)).find((a) => a.id === id);
      if (!dossier) throw notFound();
      const reason = request.body.reason ?? '';
      try {
        await reopenApplication(db, request.user, id, reason, { baseUrl: app.config.baseUrl });
      } catch (error) {
        if (!(error instanceof InvalidInputError || error instanceof ConflictError)) throw error;
        const message = error instanceof InvalidInputError ? (error.fields.reason ?? error.message) : error.message;
        return render(request, reply, year, { refused: { id, reason, message } }, error instanceof InvalidInputError ? 400 : 409);
      }
      return reply.redirect(`${applicationsAdminPath(year)}?rouvert=${encodeURIComponent(dossier.territory.code)}`, 303);
    },
  );
}
