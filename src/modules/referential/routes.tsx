import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvalidInputError } from '../../platform/errors.ts';
import { apiErrorBody } from '../../platform/http/error-body.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formBody, formText, lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { authorize } from '../accounts/guard.ts';
import { referentialMessages as m } from './messages.ts';
import {
  addService,
  createDraftVersion,
  deleteDraftVersion,
  DraftNotPublishable,
  listRestorableServices,
  moveService,
  publishVersion,
  renameService,
  restoreService,
  retireService,
} from './referential-draft.service.ts';
import { reviewPublication } from './referential-publication.service.ts';
import { PublicationSummaryPage } from './views/publication-summary-page.tsx';
import { REFERENTIAL_VERSION_STATES } from './referential.rules.ts';
import {
  describeServices,
  getCurrentReferential,
  getCurrentReferentialVersion,
  getReferential,
  listReferentialVersions,
  serviceIndex,
  type Referential,
} from './referential.service.ts';
import { AdminReferentialPage, AdminReferentialVersionPage, type FailedForm } from './views/admin-referential-pages.tsx';
import { serviceCount } from './views/referential-tree.tsx';
import { ReferentialPage } from './views/referential-page.tsx';

const serviceItem = z.object({ id: z.string(), name: z.string(), description: z.string(), responsibleDigital: z.boolean() });
const referentialBody = z.object({
  version: z.string(),
  state: z.enum(REFERENTIAL_VERSION_STATES),
  publishedAt: z.string().nullable(),
  axes: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      themes: z.array(z.object({ id: z.string(), name: z.string(), services: z.array(serviceItem) })),
    }),
  ),
});

// The version in force changes once a year: a few minutes of shared cache (`public`). A published version never changes (`day`).
const PUBLIC = { permission: 'public', cache: 'public' } as const;
// The administration: never stored by a cache; its services check `referential.manage`.
const MANAGE = { permission: 'referential.manage', cache: 'private' } as const;

function toApi(r: Referential): z.infer<typeof referentialBody> {
  return {
    version: r.version,
    state: r.state,
    publishedAt: r.publishedAt ? r.publishedAt.toISOString() : null,
    axes: r.axes.map((a) => ({
      id: a.id,
      name: a.name,
      themes: a.themes.map((t) => ({
        id: t.id,
        name: t.name,
        services: t.services.map((s) => ({ id: s.id, name: s.name, description: s.description, responsibleDigital: s.responsibleDigital })),
      })),
    })),
  };
}

type Form = Record<string, string | undefined>;
const versionParams = z.object({ version: z.string() });
const serviceParams = z.object({ version: z.string(), serviceId: z.string() });
/** The notices a redirect asks for: `?ok=…&version=…` (home), `?ok=…&service=…` (a version). */
const noticeQuery = lenientQuery({ ok: z.string().optional(), version: z.string().optional(), service: z.string().optional() });
const versionForm = formBody({ version: formText });
const serviceForm = formBody({ name: formText, description: formText, responsibleDigital: formText, themeId: formText });
const checked = (value: string | undefined) => value !== undefined && value !== '' && value !== '0';
const versionPath = (version: string) => `/admin/referentiel/${encodeURIComponent(version)}`;

export async function referentialRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  // — Public JSON API

  app.get(
    '/api/v1/referential',
    { schema: { summary: m.api.currentSummary, tags: ['référentiel'], response: { 200: referentialBody } }, config: PUBLIC },
    async () => {
      const referential = await getCurrentReferential(app.db);
      return toApi(referential);
    },
  );

  app.get(
    '/api/v1/referential/:version',
    {
      schema: {
        summary: m.api.versionSummary,
        tags: ['référentiel'],
        params: z.object({ version: z.string().max(40) }),
        response: { 200: referentialBody, 404: apiErrorBody },
      },
      config: { permission: 'public', cache: { public: 'day' } },
    },
    async (request) => {
      // Drafts are not public: they do not exist here (a 404, which no cache keeps).
      const referential = await getReferential(app.db, request.params.version);
      if (!referential) throw notFound(m.api.notFound(request.params.version));
      return toApi(referential);
    },
  );

  // — Public pages

  async function renderPublic(request: FastifyRequest, reply: FastifyReply, referential: Referential) {
    const [versions, current] = await Promise.all([listReferentialVersions(app.db), getCurrentReferentialVersion(app.db)]);
    return sendPage(request, reply, <ReferentialPage referential={referential} versions={versions} current={current} />);
  }

  app.get('/referentiel', { config: PUBLIC }, async (request, reply) => renderPublic(request, reply, await getCurrentReferential(app.db)));

  // The page lists every version and says which is in force: it changes with each publication (`public`, not `day`).
  app.get('/referentiel/:version', { schema: { params: versionParams }, config: PUBLIC }, async (request, reply) => {
    const { version } = request.params;
    const referential = version.length <= 40 ? await getReferential(app.db, version) : null;
    if (!referential) throw notFound(m.public.notFound(version));
    return renderPublic(request, reply, referential);
  });

  // — Administration

  async function renderAdminHome(
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { notice?: string; errors?: Record<string, string>; values?: Form } = {},
    status = 200,
  ) {
    authorize(request, 'referential.manage');
    const versions = await listReferentialVersions(app.db);
    const serviceCounts = new Map<string, number>();
    for (const v of versions) {
      const referential = await getReferential(app.db, v.version, { includeDraft: true });
      if (referential) serviceCounts.set(v.version, serviceCount(referential));
    }
    return sendPage(request, reply, <AdminReferentialPage versions={versions} serviceCounts={serviceCounts} {...extra} />, status);
  }

  app.get('/admin/referentiel', { schema: { querystring: noticeQuery }, config: MANAGE }, async (request, reply) => {
    const query = request.query.values;
    const notice = query.ok === 'supprime' && query.version ? m.admin.notices.deleted(query.version) : undefined;
    return renderAdminHome(request, reply, { notice });
  });

  app.post('/admin/referentiel', { schema: { body: versionForm }, config: MANAGE }, async (request, reply) => {
    const form = request.body;
    try {
      const { version } = await createDraftVersion(app.db, request.user, { version: form.version ?? '' });
      return reply.redirect(`${versionPath(version)}?ok=cree`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return renderAdminHome(request, reply, { errors: error.fields, values: form }, 400);
    }
  });

  async function renderVersion(
    request: FastifyRequest,
    reply: FastifyReply,
    version: string,
    extra: { notice?: string; focusServiceId?: string; failed?: FailedForm } = {},
    status = 200,
  ) {
    authorize(request, 'referential.manage');
    const referential = await getReferential(app.db, version, { includeDraft: true });
    if (!referential) throw notFound(m.errors.versionNotFound(version));
    const draft = referential.state === 'draft';
    const base = draft && referential.basedOn ? await getReferential(app.db, referential.basedOn) : null;
    const restorable = draft ? await listRestorableServices(app.db, request.user, version) : [];
    return sendPage(request, reply, <AdminReferentialVersionPage referential={referential} base={base} restorable={restorable} {...extra} />, status);
  }

  /** The success notice named by the query string of a redirect. */
  async function noticeOf(version: string, query: { ok?: string; service?: string }): Promise<{ notice?: string; focusServiceId?: string }> {
    const n = m.admin.notices;
    if (query.ok === 'cree') return { notice: n.created(version) };
    if (query.ok === 'publiee') return { notice: n.published(version) };
    if (!query.service) return {};
    if (query.ok === 'retire') {
      // No longer in the draft: its name is the one it had when last published, if ever.
      const retired = (await describeServices(app.db, [query.service])).get(query.service);
      return { notice: n.retired(retired?.name ?? query.service) };
    }
    const referential = await getReferential(app.db, version, { includeDraft: true });
    const entry = referential && serviceIndex(referential).get(query.service);
    if (!entry) return {};
    const focusServiceId = entry.service.id;
    if (query.ok === 'renomme') return { notice: n.renamed(entry.service.name), focusServiceId };
    if (query.ok === 'ajoute') return { notice: n.added(entry.service.name, entry.service.id), focusServiceId };
    if (query.ok === 'deplace') return { notice: n.moved(entry.service.name, entry.theme.name), focusServiceId };
    if (query.ok === 'retabli') return { notice: n.restored(entry.service.name, entry.theme.name), focusServiceId };
    return {};
  }

  app.get('/admin/referentiel/:version', { schema: { params: versionParams, querystring: noticeQuery }, config: MANAGE }, async (request, reply) => {
    authorize(request, 'referential.manage');
    const { version } = request.params;
    return renderVersion(request, reply, version, await noticeOf(version, request.query.values));
  });

  /**
   * Runs one change of the version page: 303 to `success` when done, the page again with the
   * French message next to the field (400) when refused.
   */
  async function change(
    request: FastifyRequest,
    reply: FastifyReply,
    { version, form }: { version: string; form: Form },
    failed: Omit<FailedForm, 'errors' | 'values'>,
    action: () => Promise<string>,
  ) {
    try {
      return reply.redirect(await action(), 303);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const issues = error instanceof DraftNotPublishable ? error.issues : undefined;
      return renderVersion(request, reply, version, { failed: { ...failed, errors: error.fields, values: form, issues } }, 400);
    }
  }

  const serviceFields = (form: Form) => ({ name: form.name ?? '', description: form.description ?? '', responsibleDigital: checked(form.responsibleDigital) });
  const serviceDone = (version: string, ok: string, serviceId: string) =>
    `${versionPath(version)}?ok=${ok}&service=${encodeURIComponent(serviceId)}#service-${encodeURIComponent(serviceId)}`;

  app.post('/admin/referentiel/:version/services', { schema: { params: versionParams, body: serviceForm }, config: MANAGE }, async (request, reply) => {
    const { version } = request.params;
    const form = request.body;
    return change(request, reply, { version, form }, { form: 'add' }, async () => {
      const { id } = await addService(app.db, request.user, version, { ...serviceFields(form), themeId: form.themeId ?? '' });
      return serviceDone(version, 'ajoute', id);
    });
  });

  app.post(
    '/admin/referentiel/:version/services/:serviceId/renommer',
    { schema: { params: serviceParams, body: serviceForm }, config: MANAGE },
    async (request, reply) => {
      const { version, serviceId } = request.params;
      const form = request.body;
      return change(request, reply, { version, form }, { form: 'rename', serviceId }, async () => {
        await renameService(app.db, request.user, version, serviceId, serviceFields(form));
        return serviceDone(version, 'renomme', serviceId);
      });
    },
  );

  app.post(
    '/admin/referentiel/:version/services/:serviceId/deplacer',
    { schema: { params: serviceParams, body: serviceForm }, config: MANAGE },
    async (request, reply) => {
      const { version, serviceId } = request.params;
      const form = request.body;
      return change(request, reply, { version, form }, { form: 'move', serviceId }, async () => {
        await moveService(app.db, request.user, version, serviceId, form.themeId ?? '');
        return serviceDone(version, 'deplace', serviceId);
      });
    },
  );

  app.post(
    '/admin/referentiel/:version/services/:serviceId/retirer',
    { schema: { params: serviceParams, body: formBody({}) }, config: MANAGE },
    async (request, reply) => {
      const { version, serviceId } = request.params;
      return change(request, reply, { version, form: request.body }, { form: 'retire', serviceId }, async () => {
        await retireService(app.db, request.user, version, serviceId);
        return `${versionPath(version)}?ok=retire&service=${encodeURIComponent(serviceId)}`;
      });
    },
  );

  app.post(
    '/admin/referentiel/:version/services/:serviceId/retablir',
    { schema: { params: serviceParams, body: serviceForm }, config: MANAGE },
    async (request, reply) => {
      const { version, serviceId } = request.params;
      const form = request.body;
      return change(request, reply, { version, form }, { form: 'restore', serviceId }, async () => {
        await restoreService(app.db, request.user, version, serviceId, form.themeId);
        return serviceDone(version, 'retabli', serviceId);
      });
    },
  );

  // Publishing cannot be undone: a summary of what changes first, then a POST that carries the confirmation.
  async function renderSummary(request: FastifyRequest, reply: FastifyReply, version: string) {
    authorize(request, 'referential.manage');
    try {
      const review = await reviewPublication(app.db, request.user, version);
      return sendPage(request, reply, <PublicationSummaryPage review={review} />);
    } catch (failure) {
      // A version already published has nothing left to confirm: its page says so.
      if (failure instanceof InvalidInputError) return reply.redirect(versionPath(version), 303);
      throw failure;
    }
  }

  app.get('/admin/referentiel/:version/publier', { schema: { params: versionParams }, config: MANAGE }, async (request, reply) =>
    renderSummary(request, reply, request.params.version),
  );

  app.post(
    '/admin/referentiel/:version/publier',
    { schema: { params: versionParams, body: formBody({ confirmation: formText }) }, config: MANAGE },
    async (request, reply) => {
      const { version } = request.params;
      authorize(request, 'referential.manage');
      if (request.body.confirmation !== 'oui') {
        // Not confirmed: the summary again, with the message by the box; a published version gets its own refusal below.
        const review = await reviewPublication(app.db, request.user, version).catch((error: unknown) => {
          if (error instanceof InvalidInputError) return null;
          throw error;
        });
        if (review) return sendPage(request, reply, <PublicationSummaryPage review={review} error={m.errors.confirmationMissing} />, 400);
      }
      return change(request, reply, { version, form: request.body }, { form: 'publish' }, async () => {
        await publishVersion(app.db, request.user, version);
        return `${versionPath(version)}?ok=publiee`;
      });
    },
  );

  app.post('/admin/referentiel/:version/supprimer', { schema: { params: versionParams, body: formBody({}) }, config: MANAGE }, async (request, reply) => {
    const { version } = request.params;
    return change(request, reply, { version, form: request.body }, { form: 'delete' }, async () => {
      await deleteDraftVersion(app.db, request.user, version);
      return `/admin/referentiel?ok=supprime&version=${encodeURIComponent(version)}`;
    });
  });
}
