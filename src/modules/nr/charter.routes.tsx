import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvalidInputError } from '../../platform/errors.ts';
import { formBody, formText, lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { can } from '../accounts/permissions.rules.ts';
import { getCharter, signCharter } from './charter.service.ts';
import { roadmapMessages as m } from './roadmap.messages.ts';
import { CharterPage } from './views/charter-page.tsx';
import { charterPath } from './views/quick-wins-page.tsx';

const VIEW = { permission: 'nr.view', cache: 'private' } as const;
const SIGN = { permission: 'nr.charter.sign', cache: 'private' } as const;
const codeParams = z.object({ code: z.string().max(20) });
/** `?signee=1`: the notice after a signature was recorded. */
const charterQuery = lenientQuery({ signee: z.literal('1').optional() });
const signForm = formBody({ signedOn: formText, signatory: formText, role: formText });

/** `/espace/:code/numerique-responsable/charte`: the charter's commitments, its signatures and the form to record one. */
export async function charterRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;

  app.get('/espace/:code/numerique-responsable/charte', { schema: { params: codeParams, querystring: charterQuery }, config: VIEW }, async (request, reply) => {
    const data = await getCharter(db, request.user, request.params.code);
    const canSign = can(request.user, 'nr.charter.sign', { territoryCode: data.territory.code });
    return sendPage(request, reply, <CharterPage data={data} canSign={canSign} notice={request.query.values.signee ? m.charter.recorded : undefined} />);
  });

  app.post('/espace/:code/numerique-responsable/charte', { schema: { params: codeParams, body: signForm }, config: SIGN }, async (request, reply) => {
    const { code } = request.params;
    const values = { signedOn: request.body.signedOn, signatory: request.body.signatory, role: request.body.role };
    try {
      await signCharter(db, request.user, code, values);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const data = await getCharter(db, request.user, code);
      return sendPage(request, reply, <CharterPage data={data} canSign values={values} errors={error.fields} />, 400);
    }
    return reply.redirect(`${charterPath(code)}?signee=1`, 303);
  });
}
