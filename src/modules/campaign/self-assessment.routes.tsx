import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvalidInputError } from '../../platform/errors.ts';
import { apiErrorBody } from '../../platform/http/error-body.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formBody, formText, lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { signInRequired } from '../accounts/guard.ts';
import { can } from '../accounts/permissions.rules.ts';
import { getTerritory } from '../territories/search-territories.service.ts';
import { takesPart } from '../territories/territory.rules.ts';
import { selfAssessmentMessages as sm } from './self-assessment.messages.ts';
import {
  computeSelfAssessment,
  declareNotConcerned,
  getSelfAssessmentPage,
  getServiceSelfAssessment,
  withdrawNotConcerned,
} from './self-assessment.service.ts';
import { SelfAssessmentPage, selfAssessmentPath, type SelfAssessmentPageProps } from './views/self-assessment-page.tsx';
import { SelfAssessmentServicePage, type SelfAssessmentServicePageProps } from './views/self-assessment-service-page.tsx';

const codeParams = z.object({ code: z.string() });
const serviceParams = z.object({ code: z.string(), serviceId: z.string() });
/** `?ok=declared|withdrawn&service=<id>`: the notice after a change, naming the service from the referential, never from the URL. */
const pageQuery = lenientQuery({ ok: z.enum(['declared', 'withdrawn']).optional(), service: z.string().optional() });
const declareForm = formBody({ serviceId: formText, reason: formText });
const withdrawForm = formBody({ serviceId: formText });

// A territory's full self-assessment: never stored by a cache; each service checks its permission.
const VIEW = { permission: 'selfAssessment.view', cache: 'private' } as const;
const DECLARE = { permission: 'selfAssessment.declare', cache: 'private' } as const;
const PUBLIC = { permission: 'public', cache: 'public' } as const;

const score = z.number().min(0).max(100).nullable();
const publicSelfAssessment = z.object({
  overall: score.describe(sm.api.overall),
  coverage: score.describe(sm.api.coverage),
  axes: z.array(z.object({ id: z.string(), score, themes: z.array(z.object({ id: z.string(), score })) })),
  peers: z
    .object({ label: z.string(), count: z.number().int(), belowPercent: z.number().int().nullable().describe(sm.api.belowPercent) })
    .describe(sm.api.peers),
});

/** `/espace/:code/auto-evaluation`, the page of each service with its « non concerné » form, and the public API answer. */
export async function selfAssessmentRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    extra: Pick<SelfAssessmentPageProps, 'refused'> & { noticeOf?: (data: SelfAssessmentPageProps['data']) => string | undefined } = {},
    status = 200,
  ) {
    const data = await getSelfAssessmentPage(db, request.user, code);
    const { noticeOf, refused } = extra;
    const context = { territoryCode: data.territory.code };
    return sendPage(
      request,
      reply,
      <SelfAssessmentPage
        data={data}
        canDeclare={can(request.user, 'selfAssessment.declare', context)}
        canWrite={can(request.user, 'initiative.create', context)}
        notice={noticeOf?.(data)}
        refused={refused}
      />,
      status,
    );
  }

  /** One service's page; a 404 when the referential has no such service. */
  async function renderService(
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    serviceId: string,
    refused?: SelfAssessmentServicePageProps['refused'],
    status = 200,
  ) {
    const data = await getServiceSelfAssessment(db, request.user, code, serviceId);
    if (!data) throw notFound(sm.service.unknown(serviceId));
    const canDeclare = can(request.user, 'selfAssessment.declare', { territoryCode: data.territory.code });
    return sendPage(request, reply, <SelfAssessmentServicePage data={data} canDeclare={canDeclare} refused={refused} />, status);
  }

  app.get('/espace/:code/auto-evaluation', { schema: { params: codeParams, querystring: pageQuery }, config: VIEW }, async (request, reply) => {
    const { ok, service } = request.query.values;
    // The notice names the service as the referential does; an unknown id says nothing.
    const noticeOf = (data: SelfAssessmentPageProps['data']) => {
      const name = data.result.axes.flatMap((a) => a.themes.flatMap((t) => t.services)).find((s) => s.id === service)?.name;
      if (!ok || !name) return undefined;
      return ok === 'declared' ? sm.page.declared(name) : sm.page.withdrawn(name);
    };
    return render(request, reply, request.params.code, { noticeOf });
  });

  app.get('/espace/:code/auto-evaluation/services/:serviceId', { schema: { params: serviceParams }, config: VIEW }, async (request, reply) =>
    renderService(request, reply, request.params.code, request.params.serviceId),
  );

  app.post('/espace/:code/auto-evaluation/non-concerne', { schema: { params: codeParams, body: declareForm }, config: DECLARE }, async (request, reply) => {
    const { code } = request.params;
    if (!request.user) throw signInRequired();
    const serviceId = request.body.serviceId ?? '';
    const reason = request.body.reason ?? '';
    try {
      await declareNotConcerned(db, request.user, code, serviceId, reason);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const [field, message] = Object.entries(error.fields)[0] ?? ['reason', error.message];
      // A known service: its page again, the reason as typed; an unknown one: the whole page, saying so.
      if (field === 'reason') return renderService(request, reply, code, serviceId, { field, message, reason }, 400);
      return render(request, reply, code, { refused: { message } }, 400);
    }
    return reply.redirect(`${selfAssessmentPath(code)}?ok=declared&service=${encodeURIComponent(serviceId)}#service-${serviceId}`, 303);
  });

  app.post(
    '/espace/:code/auto-evaluation/non-concerne/retrait',
    { schema: { params: codeParams, body: withdrawForm }, config: DECLARE },
    async (request, reply) => {
      const { code } = request.params;
      if (!request.user) throw signInRequired();
      const serviceId = request.body.serviceId ?? '';
      await withdrawNotConcerned(db, request.user, code, serviceId);
      return reply.redirect(`${selfAssessmentPath(code)}?ok=withdrawn&service=${encodeURIComponent(serviceId)}#service-${serviceId}`, 303);
    },
  );

  app.get(
    '/api/v1/territories/:code/self-assessment',
    {
      schema: {
        summary: sm.api.summary,
        description: sm.api.description,
        tags: ['territoires'],
        params: z.object({ code: z.string().max(20).describe(sm.api.code) }),
        response: { 200: publicSelfAssessment, 404: apiErrorBody },
      },
      config: PUBLIC,
    },
    async (request) => {
      const { code } = request.params;
      // Only the territories that may take part in the label have a self-assessment.
      const territory = await getTerritory(db, code);
      if (!territory || !takesPart(territory)) throw notFound(sm.api.notFound(code));
      const { result, peers } = await computeSelfAssessment(db, territory.code, { scope: 'public' });
      return {
        overall: result.overall,
        coverage: result.coverage,
        axes: result.axes.map((axis) => ({ id: axis.id, score: axis.score, themes: axis.themes.map((theme) => ({ id: theme.id, score: theme.score })) })),
        peers: { label: peers.label, count: peers.count, belowPercent: peers.position?.belowPercent ?? null },
      };
    },
  );
}
