import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvalidInputError } from '../../platform/errors.ts';
import { formBody, formText, lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { can } from '../accounts/permissions.rules.ts';
import { publicMessages as m } from './public.messages.ts';
import { getPublicity, savePublicity } from './publicity.service.ts';
import { PublicityPage, publicityPath } from './views/publicity-page.tsx';

const VIEW = { permission: 'nr.view', cache: 'private' } as const;
const PUBLISH = { permission: 'nr.publish', cache: 'private' } as const;
const codeParams = z.object({ code: z.string().max(20) });
/** `?ok=1`: the notice after the choices were saved. */
const publicityQuery = lenientQuery({ ok: z.literal('1').optional() });
const publicityForm = formBody({ maturity: formText, charter: formText, indicators: formText, roadmap: formText });

/** `/espace/:code/numerique-responsable/publication`: what the territory's public page shows of its responsible-digital work. */
export async function publicityRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;

  app.get(
    '/espace/:code/numerique-responsable/publication',
    { schema: { params: codeParams, querystring: publicityQuery }, config: VIEW },
    async (request, reply) => {
      const data = await getPublicity(db, request.user, request.params.code);
      const canPublish = can(request.user, 'nr.publish', { territoryCode: data.territory.code });
      return sendPage(request, reply, <PublicityPage data={data} canPublish={canPublish} notice={request.query.values.ok ? m.publicity.saved : undefined} />);
    },
  );

  app.post(
    '/espace/:code/numerique-responsable/publication',
    { schema: { params: codeParams, body: publicityForm }, config: PUBLISH },
    async (request, reply) => {
      const { code } = request.params;
      const { maturity, charter, indicators, roadmap } = request.body;
      try {
        await savePublicity(db, request.user, code, { maturity, charter, indicators, roadmap });
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        const data = await getPublicity(db, request.user, code);
        return sendPage(request, reply, <PublicityPage data={data} canPublish errors={error.fields} />, 400);
      }
      return reply.redirect(`${publicityPath(code)}?ok=1`, 303);
    },
  );
}
