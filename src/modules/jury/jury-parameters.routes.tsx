import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError, InvalidInputError } from '../../platform/errors.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formBody, formText, lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { authorize } from '../accounts/guard.ts';
import { getEdition } from '../label/editions.service.ts';
import { deliberationMessages } from './deliberation.messages.ts';
import { parametersEditable } from './deliberation.rules.ts';
import { juryParametersOf, saveJuryParameters } from './jury-parameters.service.ts';
import { JuryParametersPage, juryParametersPath, type JuryParametersPageProps, type JuryParametersValues } from './views/jury-parameters-page.tsx';

const JURY = { permission: 'jury.manage', cache: 'private' } as const;
const yearParams = z.object({ year: z.string().max(40) });
const savedQuery = lenientQuery({ enregistre: z.literal('1').optional() });
const THRESHOLDS = [0, 1, 2, 3, 4] as const;
const parametersForm = formBody({
  version: formText,
  reviewersPerDossier: formText,
  reviewWeight: formText,
  // Spelled out so that the schema types each field (a computed key would lose them).
  'levelThresholds.0': formText,
  'levelThresholds.1': formText,
  'levelThresholds.2': formText,
  'levelThresholds.3': formText,
  'levelThresholds.4': formText,
});

/** /admin/editions/:year/jury/parametres: the staff read and change the jury's parameters of an edition. */
export async function juryParametersRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;

  async function editionOf(raw: string) {
    const edition = /^\d{4}$/.test(raw) ? await getEdition(db, Number(raw)) : null;
    if (!edition) throw notFound(deliberationMessages.errors.editionNotFound(Number.parseInt(raw, 10) || 0));
    return edition;
  }

  async function render(request: FastifyRequest, reply: FastifyReply, year: number, extra: Partial<JuryParametersPageProps> = {}, status = 200) {
    const [edition, parameters] = await Promise.all([editionOf(String(year)), juryParametersOf(db, year)]);
    return sendPage(request, reply, <JuryParametersPage year={year} parameters={parameters} editable={parametersEditable(edition.state)} {...extra} />, status);
  }

  app.get('/admin/editions/:year/jury/parametres', { schema: { params: yearParams, querystring: savedQuery }, config: JURY }, async (request, reply) => {
    authorize(request, 'jury.manage');
    const edition = await editionOf(request.params.year);
    return render(request, reply, edition.year, { notice: request.query.values.enregistre ? deliberationMessages.parameters.saved : undefined });
  });

  app.post('/admin/editions/:year/jury/parametres', { schema: { params: yearParams, body: parametersForm }, config: JURY }, async (request, reply) => {
    const person = authorize(request, 'jury.manage');
    const edition = await editionOf(request.params.year);
    const body = request.body;
    const values: JuryParametersValues = {
      reviewersPerDossier: body.reviewersPerDossier ?? '',
      levelThresholds: THRESHOLDS.map((i) => body[`levelThresholds.${i}`] ?? ''),
      reviewWeight: body.reviewWeight ?? '',
    };
    try {
      await saveJuryParameters(db, person, edition.year, { ...values, version: body.version ?? '' });
    } catch (error) {
      if (error instanceof InvalidInputError) return render(request, reply, edition.year, { values, errors: error.fields }, 400);
      if (error instanceof ConflictError) return render(request, reply, edition.year, { values, errors: { _: error.message } }, 409);
      throw error;
    }
    return reply.redirect(`${juryParametersPath(edition.year)}?enregistre=1`, 303);
  });
}
