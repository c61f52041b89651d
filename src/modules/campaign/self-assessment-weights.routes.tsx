import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError, InvalidInputError } from '../../platform/errors.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formBody, formText, lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { authorize } from '../accounts/guard.ts';
import { selfAssessmentWeightsMessages as wm } from './self-assessment-weights.messages.ts';
import { getSelfAssessmentWeights, saveSelfAssessmentWeights, type StoredSelfAssessmentWeights } from './self-assessment-weights.service.ts';
import { SelfAssessmentWeightsPage, selfAssessmentWeightsPath, type SelfAssessmentWeightsPageProps } from './views/self-assessment-weights-page.tsx';

const ADMIN = { permission: 'questionnaires.manage', cache: 'private' } as const;
const yearParams = z.object({ year: z.string() });
/** `?enregistre=1`: the notice after a save. */
const savedQuery = lenientQuery({ enregistre: z.literal('1').optional() });
const weightsForm = formBody({ revision: formText, done: formText, in_progress: formText, planned: formText, abandoned: formText });

/** /admin/editions/:year/auto-evaluation: the admin reads and edits the self-assessment's weights of an edition. */
export async function selfAssessmentWeightsRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  /** The weights of the edition named by the URL, or a 404 page (a malformed year is an unknown one). */
  async function weightsOf(person: Person, rawYear: string): Promise<StoredSelfAssessmentWeights> {
    const year = /^\d{4}$/.test(rawYear) ? Number(rawYear) : null;
    const stored = year === null ? null : await getSelfAssessmentWeights(app.db, person, year);
    if (!stored) throw notFound(wm.unknownEdition(Number.parseInt(rawYear, 10) || 0));
    return stored;
  }

  const render = (request: FastifyRequest, reply: FastifyReply, props: SelfAssessmentWeightsPageProps, status = 200) =>
    sendPage(request, reply, <SelfAssessmentWeightsPage {...props} />, status);

  app.get('/admin/editions/:year/auto-evaluation', { schema: { params: yearParams, querystring: savedQuery }, config: ADMIN }, async (request, reply) => {
    const person = authorize(request, 'questionnaires.manage');
    const stored = await weightsOf(person, request.params.year);
    return render(request, reply, { stored, notice: request.query.values.enregistre ? wm.page.saved : undefined });
  });

  app.post('/admin/editions/:year/auto-evaluation', { schema: { params: yearParams, body: weightsForm }, config: ADMIN }, async (request, reply) => {
    const person = authorize(request, 'questionnaires.manage');
    const stored = await weightsOf(person, request.params.year);
    const { revision, done, in_progress, planned, abandoned } = request.body;
    const values = { done, in_progress, planned, abandoned };
    try {
      await saveSelfAssessmentWeights(app.db, person, { year: stored.year, revision: revision ?? '', statusWeights: values });
      return reply.redirect(`${selfAssessmentWeightsPath(stored.year)}?enregistre=1`, 303);
    } catch (error) {
      if (error instanceof InvalidInputError)
        return render(request, reply, { stored: { ...stored, revision: revision ?? '' }, values, errors: error.fields }, 400);
      if (error instanceof ConflictError) {
        // Read again: the weights stored meanwhile, the new token (saving again keeps the admin's), or the edition's new state.
        const fresh = await weightsOf(person, request.params.year);
        return render(request, reply, { stored: fresh, values, errors: { _: error.message }, conflict: error.field === 'revision' }, 409);
      }
      throw error;
    }
  });
}
