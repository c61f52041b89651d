import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { HttpError } from '../../platform/http/errors.ts';
import { initiativeApiRoutes } from './api.routes.ts';
import { initiativeMessages as m } from './messages.ts';
import { MAX_PHOTO_BYTES } from './photo-processing.ts';
import { initiativePublicRoutes } from './public.routes.tsx';
import { workspaceRoutes } from './workspace.routes.tsx';

/** The initiatives module: API, workspace and public pages; photo uploads are parsed only here. */
export async function initiativeRoutes(app: FastifyInstance) {
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 10, fieldSize: 10_000 },
    // A file over the limit is refused while it arrives, naming the field, before anything is stored.
    async onFile(part) {
      try {
        (part as unknown as { value: unknown }).value = await part.toBuffer();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
          throw new HttpError(413, m.photos.tooLarge(MAX_PHOTO_BYTES / 1024 / 1024), part.fieldname);
        }
        throw error;
      }
    },
  });
  await app.register(initiativeApiRoutes);
  await app.register(workspaceRoutes);
  await app.register(initiativePublicRoutes);
}
