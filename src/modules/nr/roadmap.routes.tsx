import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError, InvalidInputError } from '../../platform/errors.ts';
import { formBody, formText, lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { can } from '../accounts/permissions.rules.ts';
import { renderRoadmapPdf } from './roadmap-pdf.ts';
import { roadmapMessages as m } from './roadmap.messages.ts';
import type { ActionRaw } from './roadmap.rules.ts';
import { adoptQuickWin, createAction, deleteAction, getAction, getQuickWinsPage, getRoadmap, proposeFromWeakThemes, updateAction } from './roadmap.service.ts';
import { QuickWinsPage, quickWinsPath, roadmapPath } from './views/quick-wins-page.tsx';
import { ActionEditPage, RoadmapPage, type RoadmapPageProps } from './views/roadmap-page.tsx';
import { NR_QUICK_WINS } from './nr-quick-wins.data.ts';

const VIEW = { permission: 'nr.view', cache: 'private' } as const;
const EDIT = { permission: 'nr.edit', cache: 'private' } as const;
const codeParams = z.object({ code: z.string().max(20) });
const actionParams = z.object({ code: z.string().max(20), actionId: z.string().max(40) });
/** `?theme=<id>` filters; `?adopte=<id>` says which quick win was just adopted (named from the catalogue, never from the URL). */
const quickWinsQuery = lenientQuery({ theme: z.string().max(40).optional(), adopte: z.string().max(80).optional() });
/** `?par=trimestre` groups the timeline by quarter; `?ok=` the notice after a change; `?n=` how many actions were proposed. */
const roadmapQuery = lenientQuery({
  par: z.enum(['mois', 'trimestre']).optional(),
  ok: z.enum(['ajoutee', 'enregistree', 'supprimee', 'proposees']).optional(),
  n: z
    .string()
    .regex(/^\d{1,2}$/)
    .optional(),
});
const adoptForm = formBody({ quickWinId: formText });
const actionForm = formBody({ title: formText, description: formText, themeId: formText, owner: formText, dueOn: formText, status: formText });
const editForm = formBody({ title: formText, description: formText, themeId: formText, owner: formText, dueOn: formText, status: formText, version: formText });
const versionForm = formBody({ version: formText });

/** A form's version, or undefined (the service refuses it naming the field). */
const versionOf = (text: string | undefined) => (text && /^\d{1,9}$/.test(text) ? Number(text) : undefined);
const rawOf = (body: Record<string, string | undefined>): ActionRaw => ({
  title: body.title,
  description: body.description,
  themeId: body.themeId,
  owner: body.owner,
  dueOn: body.dueOn,
  status: body.status,
});

/** The quick wins matched to the diagnostic and the roadmap of a territory: its pages, forms and PDF. */
export async function roadmapRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;
  const canEdit = (request: FastifyRequest, code: string) => can(request.user, 'nr.edit', { territoryCode: code });

  async function renderQuickWins(
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    extra: { theme?: string; notice?: string; refused?: string },
    status = 200,
  ) {
    const data = await getQuickWinsPage(db, request.user, code);
    return sendPage(request, reply, <QuickWinsPage data={data} canEdit={canEdit(request, data.territory.code)} {...extra} />, status);
  }

  async function renderRoadmap(
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    extra: Omit<RoadmapPageProps, 'data' | 'canEdit' | 'by'> & { by?: RoadmapPageProps['by'] },
    status = 200,
  ) {
    const data = await getRoadmap(db, request.user, code);
    return sendPage(request, reply, <RoadmapPage data={data} by={extra.by ?? 'month'} canEdit={canEdit(request, data.territory.code)} {...extra} />, status);
  }

  app.get(
    '/espace/:code/numerique-responsable/gestes-rapides',
    { schema: { params: codeParams, querystring: quickWinsQuery }, config: VIEW },
    async (request, reply) => {
      const { theme, adopte } = request.query.values;
      const adopted = NR_QUICK_WINS.find((q) => q.id === adopte);
      return renderQuickWins(request, reply, request.params.code, { theme, notice: adopted ? m.quickWins.adoptedNotice(adopted.title) : undefined });
    },
  );

  app.post(
    '/espace/:code/numerique-responsable/gestes-rapides/adopter',
    { schema: { params: codeParams, body: adoptForm }, config: EDIT },
    async (request, reply) => {
      const { code } = request.params;
      const quickWinId = request.body.quickWinId ?? '';
      try {
        const action = await adoptQuickWin(db, request.user, code, quickWinId);
        return reply.redirect(`${quickWinsPath(code)}?adopte=${encodeURIComponent(action.quickWinId ?? '')}#geste-${action.quickWinId}`, 303);
      } catch (error) {
        if (error instanceof InvalidInputError) return renderQuickWins(request, reply, code, { refused: Object.values(error.fields)[0] ?? error.message }, 400);
        if (error instanceof ConflictError) return renderQuickWins(request, reply, code, { refused: error.message }, 409);
        throw error;
      }
    },
  );

  app.get(
    '/espace/:code/numerique-responsable/feuille-de-route',
    { schema: { params: codeParams, querystring: roadmapQuery }, config: VIEW },
    async (request, reply) => {
      const { par, ok, n } = request.query.values;
      const notice =
        ok === 'ajoutee'
          ? m.roadmap.added
          : ok === 'enregistree'
            ? m.roadmap.saved
            : ok === 'supprimee'
              ? m.roadmap.deleted
              : ok === 'proposees'
                ? n === '0'
                  ? m.errors.nothingToPropose
                  : m.roadmap.proposed(Number(n ?? 0))
                : undefined;
      return renderRoadmap(request, reply, request.params.code, { by: par === 'trimestre' ? 'quarter' : 'month', notice });
    },
  );

  app.get('/espace/:code/numerique-responsable/feuille-de-route.pdf', { schema: { params: codeParams }, config: VIEW }, async (request, reply) => {
    const data = await getRoadmap(db, request.user, request.params.code);
    const pdf = await renderRoadmapPdf({ territory: data.territory, actions: data.actions, today: data.today });
    const fileName = `feuille-de-route-${data.territory.code}.pdf`;
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(pdf);
  });

  app.post('/espace/:code/numerique-responsable/feuille-de-route/proposer', { schema: { params: codeParams }, config: EDIT }, async (request, reply) => {
    const { code } = request.params;
    try {
      const added = await proposeFromWeakThemes(db, request.user, code);
      return reply.redirect(`${roadmapPath(code)}?ok=proposees&n=${added.length}`, 303);
    } catch (error) {
      if (error instanceof ConflictError) return renderRoadmap(request, reply, code, { refused: error.message }, 409);
      throw error;
    }
  });

  app.post(
    '/espace/:code/numerique-responsable/feuille-de-route/actions',
    { schema: { params: codeParams, body: actionForm }, config: EDIT },
    async (request, reply) => {
      const { code } = request.params;
      const values = rawOf(request.body);
      try {
        await createAction(db, request.user, code, values);
      } catch (error) {
        if (error instanceof InvalidInputError) return renderRoadmap(request, reply, code, { values, errors: error.fields }, 400);
        throw error;
      }
      return reply.redirect(`${roadmapPath(code)}?ok=ajoutee#titre-actions`, 303);
    },
  );

  app.get('/espace/:code/numerique-responsable/feuille-de-route/:actionId', { schema: { params: actionParams }, config: EDIT }, async (request, reply) => {
    const { territory, action } = await getAction(db, request.user, request.params.code, request.params.actionId);
    if (!canEdit(request, territory.code)) return reply.redirect(roadmapPath(territory.code), 303);
    return sendPage(request, reply, <ActionEditPage territory={territory} action={action} />);
  });

  app.post(
    '/espace/:code/numerique-responsable/feuille-de-route/:actionId',
    { schema: { params: actionParams, body: editForm }, config: EDIT },
    async (request, reply) => {
      const { code, actionId } = request.params;
      const values = rawOf(request.body);
      try {
        await updateAction(db, request.user, code, actionId, { ...values, version: versionOf(request.body.version) });
      } catch (error) {
        if (error instanceof InvalidInputError || error instanceof ConflictError) {
          // Read again: on a conflict the action as it is now (its new version), the person's text kept in the form.
          const { territory, action } = await getAction(db, request.user, code, actionId);
          const errors = error instanceof InvalidInputError ? error.fields : { _: error.message };
          return sendPage(
            request,
            reply,
            <ActionEditPage territory={territory} action={action} values={values} errors={errors} />,
            error instanceof ConflictError ? 409 : 400,
          );
        }
        throw error;
      }
      return reply.redirect(`${roadmapPath(code)}?ok=enregistree#titre-actions`, 303);
    },
  );

  app.post(
    '/espace/:code/numerique-responsable/feuille-de-route/:actionId/suppression',
    { schema: { params: actionParams, body: versionForm }, config: EDIT },
    async (request, reply) => {
      const { code, actionId } = request.params;
      try {
        await deleteAction(db, request.user, code, actionId, versionOf(request.body.version));
      } catch (error) {
        if (error instanceof InvalidInputError || error instanceof ConflictError) {
          const { territory, action } = await getAction(db, request.user, code, actionId);
          const errors = error instanceof InvalidInputError ? error.fields : { _: error.message };
          return sendPage(request, reply, <ActionEditPage territory={territory} action={action} errors={errors} />, error instanceof ConflictError ? 409 : 400);
        }
        throw error;
      }
      return reply.redirect(`${roadmapPath(code)}?ok=supprimee`, 303);
    },
  );
}
