import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../platform/http/errors.ts';
import { lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { initiativeMessages as m } from './messages.ts';
import { readPhoto } from './photos.service.ts';
import { listDeletedInitiatives } from './publication.service.ts';
import { DeletedInitiativesPage } from './views/workspace-pages.tsx';

const idParams = z.object({ id: z.string() });
/** `?restauree=<title>`: the notice after a restoration. */
const restoredQuery = lenientQuery({ restauree: z.string().optional() });

/** Photos of the sheets and the administration's list of deleted sheets (the public page is the observatory's). */
export async function initiativePublicRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;

  for (const [suffix, size] of [
    ['', 'full'],
    ['/vignette', 'thumbnail'],
  ] as const) {
    // Photos never change (a new photo gets a new id): public ones are cached for long. Anonymous
    // visitors only get those of public sheets; a signed-in member's answer (drafts too) is never shared.
    app.get(`/photos/:id${suffix}`, { schema: { params: idParams }, config: { permission: 'public', cache: 'immutable' } }, async (request, reply) => {
      const photo = await readPhoto(db, request.user, request.params.id, size);
      if (!photo) throw notFound();
      return reply.type(photo.contentType).send(photo.data);
    });
  }

  app.get(
    '/admin/initiatives',
    { schema: { querystring: restoredQuery }, config: { permission: 'initiative.restore', cache: 'private' } },
    async (request, reply) => {
      const items = await listDeletedInitiatives(db, request.user);
      const restored = request.query.values.restauree;
      return sendPage(request, reply, <DeletedInitiativesPage items={items} notice={restored ? m.admin.restored(restored) : undefined} />);
    },
  );
}
