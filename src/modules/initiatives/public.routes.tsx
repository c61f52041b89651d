import type { FastifyInstance } from 'fastify';
import { notFound, ValidationError } from '../../platform/http/errors.ts';
import { sendPage } from '../../platform/views/render.ts';
import { can } from '../accounts/permissions.rules.ts';
import { findSimilarInitiatives } from '../observatory/similar-initiatives.service.ts';
import { readSheet } from './initiative-sheet.service.ts';
import { initiativeMessages as m } from './messages.ts';
import { readPhoto } from './photos.service.ts';
import { listDeletedInitiatives, moderateInitiative, restoreInitiative } from './publication.service.ts';
import { DeletedInitiativesPage } from './views/workspace-pages.tsx';
import { InitiativePage } from './views/initiative-page.tsx';

type IdParams = { id: string };

export async function initiativePublicRoutes(app: FastifyInstance) {
  const db = app.db;

  app.get('/initiatives/:id', async (request, reply) => {
    const { id } = request.params as IdParams;
    const sheet = await readSheet(db, request.user, id);
    const territoryCode = sheet.territory.code;
    const query = request.query as { notice?: string };
    reply.header('cache-control', sheet.visibility === 'public' && !sheet.deletedAt && !request.user ? 'public, max-age=60' : 'private, no-store');
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
    app.get(`/photos/:id${suffix}`, async (request, reply) => {
      const photo = await readPhoto(db, request.user, (request.params as IdParams).id, size);
      if (!photo) throw notFound();
      // Photos never change (a new photo gets a new id): public ones are cached for long.
      reply.header('cache-control', photo.isPublic ? 'public, max-age=31536000, immutable' : 'private, no-store');
      return reply.type(photo.contentType).send(photo.data);
    });
  }

  app.post('/initiatives/:id/moderation', async (request, reply) => {
    const { id } = request.params as IdParams;
    try {
      await moderateInitiative(db, request.user, app.config.baseUrl, id, request.body ?? {});
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      const sheet = await readSheet(db, request.user, id);
      return sendPage(request, reply, <InitiativePage sheet={sheet} similar={[]} canEdit={false} canModerate canRestore={false} errors={error.fields} />, 400);
    }
    return reply.redirect(`/initiatives/${id}?notice=moderee`, 303);
  });

  app.post('/initiatives/:id/restauration', async (request, reply) => {
    const { id } = request.params as IdParams;
    await restoreInitiative(db, request.user, id);
    return reply.redirect(`/admin/initiatives?restauree=${encodeURIComponent(id)}`, 303);
  });

  app.get('/admin/initiatives', async (request, reply) => {
    const items = await listDeletedInitiatives(db, request.user);
    const restored = (request.query as { restauree?: string }).restauree;
    reply.header('cache-control', 'no-store');
    return sendPage(request, reply, <DeletedInitiativesPage items={items} notice={restored ? m.admin.restored(restored) : undefined} />);
  });
}
