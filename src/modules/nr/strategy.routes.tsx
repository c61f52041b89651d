import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvalidInputError } from '../../platform/errors.ts';
import { formBody, formText, lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { can } from '../accounts/permissions.rules.ts';
import { publicMessages as m } from './public.messages.ts';
import { renderStrategyPdf } from './strategy-pdf.ts';
import { getStrategy, recordReview } from './strategy.service.ts';
import { StrategyPage, strategyPath } from './views/strategy-page.tsx';

const VIEW = { permission: 'nr.view', cache: 'private' } as const;
const PUBLISH = { permission: 'nr.publish', cache: 'private' } as const;
const codeParams = z.object({ code: z.string().max(20) });
/** `?ok=1`: the notice after a review was recorded. */
const strategyQuery = lenientQuery({ ok: z.literal('1').optional() });
const reviewForm = formBody({ year: formText, adoptedOn: formText, summary: formText });

/** `/espace/:code/numerique-responsable/strategie`: the strategy (REEN), its PDF and its yearly reviews. */
export async function strategyRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;

  app.get(
    '/espace/:code/numerique-responsable/strategie',
    { schema: { params: codeParams, querystring: strategyQuery }, config: VIEW },
    async (request, reply) => {
      const data = await getStrategy(db, request.user, request.params.code);
      const canRecord = can(request.user, 'nr.publish', { territoryCode: data.territory.code });
      return sendPage(request, reply, <StrategyPage data={data} canRecord={canRecord} notice={request.query.values.ok ? m.strategy.recorded : undefined} />);
    },
  );

  app.post('/espace/:code/numerique-responsable/strategie', { schema: { params: codeParams, body: reviewForm }, config: PUBLISH }, async (request, reply) => {
    const { code } = request.params;
    const values = { year: request.body.year, adoptedOn: request.body.adoptedOn, summary: request.body.summary };
    try {
      await recordReview(db, request.user, code, values);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const data = await getStrategy(db, request.user, code);
      return sendPage(request, reply, <StrategyPage data={data} canRecord values={values} errors={error.fields} />, 400);
    }
    return reply.redirect(`${strategyPath(code)}?ok=1`, 303);
  });

  app.get('/espace/:code/numerique-responsable/strategie.pdf', { schema: { params: codeParams }, config: VIEW }, async (request, reply) => {
    const data = await getStrategy(db, request.user, request.params.code);
    const pdf = await renderStrategyPdf(data);
    return reply
      .type('application/pdf')
      .header('content-disposition', `inline; filename="strategie-numerique-responsable-${data.territory.code}.pdf"`)
      .send(pdf);
  });
}
