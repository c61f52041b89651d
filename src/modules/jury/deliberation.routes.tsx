import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError, InvalidInputError } from '../../platform/errors.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formBody, formText, lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { authorize } from '../accounts/guard.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { deliberationMessages } from './deliberation.messages.ts';
import { deliberationAgenda, deliberationOf, recordDeliberation } from './deliberation.service.ts';
import { DeliberationAgendaPage } from './views/deliberation-agenda-page.tsx';
import { deliberationDossierPath } from './views/deliberation-agenda-page.tsx';
import { DeliberationDossierPage, type DecisionValues } from './views/deliberation-dossier-page.tsx';

const VIEW = { permission: 'deliberation.view', cache: 'private' } as const;
const RECORD = { permission: 'deliberation.record', cache: 'private' } as const;
const yearParams = z.object({ year: z.string().max(40) });
const dossierParams = z.object({ year: z.string().max(40), applicationId: z.string().max(40) });
/** `?enregistre=1`: the notice after a decision was recorded. */
const savedQuery = lenientQuery({ enregistre: z.literal('1').optional() });
const list = z.union([z.string(), z.array(z.string())]).optional();
const decisionForm = formBody({ level: formText, distinctions: list, rationale: formText, publicComment: formText, version: formText });

/** A form's whole number, or what the schema refuses with the field's message (never a 500). */
const formInteger = (text: string | undefined): number | string | undefined =>
  text === undefined || text === '' ? undefined : /^\d{1,9}$/.test(text) ? Number(text) : text;

/** /admin/editions/:year/deliberation: the agenda and, per dossier, the reviews and the decision's form. */
export async function deliberationRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;

  const yearOf = (raw: string) => {
    if (!/^\d{4}$/.test(raw)) throw notFound();
    return Number(raw);
  };

  /** The dossier of the URL, if it belongs to the URL's edition; else not found. */
  async function dossierOf(person: Person, rawYear: string, applicationId: string) {
    const year = yearOf(rawYear);
    const view = await deliberationOf(db, person, applicationId);
    if (view.edition.year !== year) throw notFound(deliberationMessages.errors.dossierNotFound);
    return view;
  }

  const render = (request: FastifyRequest, reply: FastifyReply, props: Parameters<typeof DeliberationDossierPage>[0], status = 200) =>
    sendPage(request, reply, <DeliberationDossierPage {...props} />, status);

  app.get('/admin/editions/:year/deliberation', { schema: { params: yearParams }, config: VIEW }, async (request, reply) => {
    const person = authorize(request, 'deliberation.view');
    const agenda = await deliberationAgenda(db, person, yearOf(request.params.year));
    return sendPage(request, reply, <DeliberationAgendaPage agenda={agenda} />);
  });

  app.get(
    '/admin/editions/:year/deliberation/:applicationId',
    { schema: { params: dossierParams, querystring: savedQuery }, config: VIEW },
    async (request, reply) => {
      const person = authorize(request, 'deliberation.view');
      const view = await dossierOf(person, request.params.year, request.params.applicationId);
      return render(request, reply, { view, notice: request.query.values.enregistre ? deliberationMessages.dossier.saved : undefined });
    },
  );

  app.post(
    '/admin/editions/:year/deliberation/:applicationId',
    { schema: { params: dossierParams, body: decisionForm }, config: RECORD },
    async (request, reply) => {
      const person = authorize(request, 'deliberation.record');
      const view = await dossierOf(person, request.params.year, request.params.applicationId);
      const body = request.body;
      const distinctions = body.distinctions === undefined ? [] : [body.distinctions].flat();
      const values: DecisionValues = { level: body.level ?? '', distinctions, rationale: body.rationale ?? '', publicComment: body.publicComment ?? '' };
      try {
        await recordDeliberation(db, person, view.item.applicationId, {
          level: formInteger(body.level),
          distinctions,
          rationale: values.rationale,
          publicComment: values.publicComment,
          version: formInteger(body.version),
        });
      } catch (error) {
        if (error instanceof InvalidInputError) return render(request, reply, { view, values, errors: error.fields }, 400);
        if (error instanceof ConflictError) {
          // Read again: the decision recorded meanwhile (its new version), or the edition's new state; the staff's text stays in the form.
          const fresh = await dossierOf(person, request.params.year, request.params.applicationId);
          return render(request, reply, { view: fresh, values, errors: { _: error.message } }, 409);
        }
        throw error;
      }
      return reply.redirect(`${deliberationDossierPath(view.edition.year, view.item.applicationId)}?enregistre=1#decision`, 303);
    },
  );
}
