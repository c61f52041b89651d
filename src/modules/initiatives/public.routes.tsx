import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvalidInputError } from '../../platform/errors.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formBody, formText, lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { can } from '../accounts/permissions.rules.ts';
import { findSimilarInitiatives } from '../observatory/similar-initiatives.service.ts';
import { readSheet } from './initiative-sheet.service.ts';
import { initiativeMessages as m } from './messages.ts';
import { readPhoto } from './photos.service.ts';
import { listDeletedInitiatives, moderateInitiative, restoreInitiative } from './publication.service.ts';
import { DeletedInitiativesPage } from './views/workspace-pages.tsx';
import { InitiativePage } from './views/initiative-page.tsx';

const idParams = z.object({ id: z.string() });
const noticeQuery = lenientQuery({ notice: z.string().optional() });
/** `?restauree=<title>`: the notice after a restoration. */
const restoredQuery = lenientQuery({ restauree: z.string().optional() });
const moderationForm = formBody({ reason: formText });

export async function initiativePublicRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;

  // Anonymous visitors only ever read public sheets (a draft is a 404 to them): their page is shared.
  app.get('/initiatives/:id', { schema: { params: idParams, querystring: noticeQuery }, config: { permission: 'public', cache: { public: 'short' } } }, async (request, reply) => {
    const { id } = request.params;
    const sheet = await readSheet(db, request.user, id);
    const territoryCode = sheet.territory.code;
    const query = request.query.values;
    const similar = await findSimilarInitiatives(db, { id: sheet.id, territoryCode, title: sheet.content.title, serviceIds: sheet.content.serviceIds });
    return sendPage(
      request,
      reply,
      <InitiativePage
        sheet={sheet}
        similar={similar}
        canEdit={can(request.user, 'initiative.edit', { territoryCode })}
        canModerate={can(request.user, 'initiative.moderate', { territoryCode })}
        canRestore={can(request.user, 'initiative.restore', { territoryCode })}
        notice={query.notice === 'moderee' ? m.admin.moderated(sheet.content.title) : query.notice === 'restauree' ? m.admin.restored(sheet.content.title) : undefined}
      />,
    );
  });

  for (const [suffix, size] of [['', 'full'], ['/vignette', 'thumbnail']] as const) {
    // Photos never change (a new photo gets a new id): public ones are cached for long. Anonymous
    // visitors only get those of public sheets; a signed-in member's answer (drafts too) is never shared.
    app.get(`/photos/:id${suffix}`, { schema: { params: idParams }, config: { permission: 'public', cache: 'immutable' } }, async (request, reply) => {
      const photo = await readPhoto(db, request.user, request.params.id, size);
      if (!photo) throw notFound();
      return reply.type(photo.contentType).send(photo.data);
    });
  }

  app.post('/initiatives/:id/moderation', { schema: { params: idParams, body: moderationForm }, config: { permission: 'initiative.moderate', cache: 'private' } }, async (request, reply) => {
    const { id } = request.params;
    try {
      await moderateInitiative(db, request.user, app.config.baseUrl, id, request.body);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const sheet = await readSheet(db, request.user, id);
      return sendPage(request, reply, <InitiativePage sheet={sheet} similar={[]} canEdit={false} canModerate canRestore={false} errors={error.fields} />, 400);
    }
    return reply.redirect(`/initiatives/${id}?notice=moderee`, 303);
  });

  app.post('/initiatives/:id/restauration', { schema: { params: idParams }, config: { permission: 'initiative.restore', cache: 'private' } }, async (request, reply) => {
    const { id } = request.params;
    await restoreInitiative(db, request.user, id);
    return reply.redirect(`/admin/initiatives?restauree=${encodeURIComponent(id)}`, 303);
  });

  app.get('/admin/initiatives', { schema: { querystring: restoredQuery }, config: { permission: 'initiative.restore', cache: 'private' } }, async (request, reply) => {
    const items = await listDeletedInitiatives(db, request.user);
    const restored = request.query.values.restauree;
    return sendPage(request, reply, <DeletedInitiativesPage items={items} notice={restored ? m.admin.restored(restored) : undefined} />);
  });
}
