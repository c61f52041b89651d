import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError, InvalidInputError } from '../../platform/errors.ts';
import { apiErrorBody as errorJson } from '../../platform/http/error-body.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formBody, formText, lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { authorize } from '../accounts/guard.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { publicationMessages } from './publication.messages.ts';
import { cancelPublication, publicationOf, schedulePublication } from './publication.service.ts';
import { PublicationPage, publicationPath } from './views/publication-page.tsx';

const m = publicationMessages;
const SCHEDULE = { permission: 'publication.schedule', cache: 'private' } as const;
const pageParams = z.object({ year: z.string().max(40) });
const apiParams = z.object({
  year: z.coerce
    .number({ message: 'Année d’édition invalide.' })
    .int({ message: 'Année d’édition invalide.' })
    .min(1999, { message: 'Année d’édition invalide.' })
    .max(9999, { message: 'Année d’édition invalide.' }),
});
const noticeQuery = lenientQuery({ programmee: z.literal('1').optional(), annulee: z.literal('1').optional() });
const scheduleForm = formBody({ at: formText });
const scheduleJson = z.object({ at: z.string().max(40).describe(m.api.at) });

/** The publication under embargo: the staff's page /admin/editions/:year/publication and POST/DELETE /api/v1/editions/:year/publication. */
export async function publicationRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;

  const yearOf = (raw: string) => {
    if (!/^\d{4}$/.test(raw)) throw notFound();
    return Number(raw);
  };
  const render = async (
    request: FastifyRequest,
    reply: FastifyReply,
    person: Person,
    year: number,
    extra: { at?: string; errors?: Record<string, string>; notice?: string },
    status = 200,
  ) => sendPage(request, reply, <PublicationPage view={await publicationOf(db, person, year)} {...extra} />, status);

  app.get('/admin/editions/:year/publication', { schema: { params: pageParams, querystring: noticeQuery }, config: SCHEDULE }, async (request, reply) => {
    const person = authorize(request, 'publication.schedule');
    const { values } = request.query;
    const notice = values.programmee ? m.page.scheduledNotice : values.annulee ? m.page.cancelledNotice : undefined;
    return render(request, reply, person, yearOf(request.params.year), { notice });
  });

  app.post('/admin/editions/:year/publication', { schema: { params: pageParams, body: scheduleForm }, config: SCHEDULE }, async (request, reply) => {
    const person = authorize(request, 'publication.schedule');
    const year = yearOf(request.params.year);
    const at = request.body.at ?? '';
    try {
      await schedulePublication(db, person, year, { at });
    } catch (error) {
      if (error instanceof InvalidInputError) return render(request, reply, person, year, { at, errors: error.fields }, 400);
      if (error instanceof ConflictError) return render(request, reply, person, year, { at, errors: { [error.field ?? '_']: error.message } }, 409);
      throw error;
    }
    return reply.redirect(`${publicationPath(year)}?programmee=1`, 303);
  });

  app.post('/admin/editions/:year/publication/annuler', { schema: { params: pageParams }, config: SCHEDULE }, async (request, reply) => {
    const person = authorize(request, 'publication.schedule');
    const year = yearOf(request.params.year);
    try {
      await cancelPublication(db, person, year);
    } catch (error) {
      if (error instanceof ConflictError) return render(request, reply, person, year, { errors: { _: error.message } }, 409);
      throw error;
    }
    return reply.redirect(`${publicationPath(year)}?annulee=1`, 303);
  });

  app.post(
    '/api/v1/editions/:year/publication',
    {
      schema: {
        summary: m.api.scheduleSummary,
        tags: ['jury'],
        params: apiParams,
        body: scheduleJson,
        response: {
          200: z.object({ year: z.number().int(), at: z.string(), laureates: z.number().int() }),
          400: errorJson,
          401: errorJson,
          403: errorJson,
          404: errorJson,
          409: errorJson,
        },
      },
      config: SCHEDULE,
    },
    async (request) => {
      const person = authorize(request, 'publication.schedule');
      const { at, laureates } = await schedulePublication(db, person, request.params.year, request.body);
      return { year: request.params.year, at: at.toISOString(), laureates };
    },
  );

  app.delete(
    '/api/v1/editions/:year/publication',
    {
      schema: {
        summary: m.api.cancelSummary,
        tags: ['jury'],
        params: apiParams,
        response: { 204: z.null().describe('Annulée'), 401: errorJson, 403: errorJson, 404: errorJson, 409: errorJson },
      },
      config: SCHEDULE,
    },
    async (request, reply) => {
      const person = authorize(request, 'publication.schedule');
      await cancelPublication(db, person, request.params.year);
      return reply.code(204).send(null);
    },
  );
}
