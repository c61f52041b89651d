import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, InvalidInputError } from '../../platform/errors.ts';
import { httpStatusOf, notFound } from '../../platform/http/errors.ts';
import { formText } from '../../platform/http/route-input.ts';
import { defineUpload, uploadBody } from '../../platform/http/uploads.ts';
import { MAX_PHOTO_BYTES } from '../../platform/images/photo-processing.ts';
import { photoMessages } from '../../platform/images/photo-messages.ts';
import { signInRequired } from '../accounts/guard.ts';
import { can, type Person } from '../accounts/permissions.rules.ts';
import { MAX_PHOTO_ALT, readApplicationPhoto, removeApplicationPhoto, setApplicationPhoto } from './application-photo.service.ts';
import { findTerritoryApplication } from './applications.service.ts';
import { renderDossier } from './applications.routes.tsx';
import { campaignMessages } from './messages.ts';
import { applicationPath } from './views/application-page.tsx';

const m = campaignMessages.page.photo;
const params = z.object({ code: z.string().max(20), year: z.coerce.number().int().min(1999).max(9999) });

/*
 * The interview's photo: its own multipart form in the interview section (the dossier's form stays
 * urlencoded, for its autosave). A file over the limit is cut and reported beside its field, the
 * dossier shown again rather than an error page.
 */
const applicationPhotoUpload = defineUpload({
  maxFileBytes: MAX_PHOTO_BYTES,
  maxFields: 5,
  maxFieldBytes: 4 * MAX_PHOTO_ALT + 1_000,
  messages: { fileRequired: m.fileRequired, tooLarge: photoMessages.tooLarge(MAX_PHOTO_BYTES / 1024 / 1024) },
  oversized: 'report',
});
const photoForm = uploadBody({ photo: applicationPhotoUpload.file, photoAlt: formText });

const VIEW = { permission: 'application.view', cache: 'private' } as const;
const EDIT = { permission: 'application.edit', cache: 'private' } as const;

/** `/espace/:code/candidature/:year/photo…`: add, replace, remove and show the interview's photo. */
export async function applicationPhotoRoutes(appBase: FastifyInstance) {
  await applicationPhotoUpload.register(appBase);
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;

  /** The territory's dossier, for a member of it or the label's staff; anyone else: not found. */
  async function dossierOf(user: Person | null, code: string, year: number) {
    if (!user) throw signInRequired();
    if (!can(user, 'application.view', { territoryCode: code })) throw notFound();
    const view = await findTerritoryApplication(db, user, year, code);
    if (!view) throw notFound();
    return view;
  }

  app.post('/espace/:code/candidature/:year/photo', { schema: { params, body: photoForm }, config: EDIT }, async (request, reply) => {
    const { code, year } = request.params;
    const view = await dossierOf(request.user, code, year);
    const { photo, photoAlt } = request.body;
    // A form sent without choosing a file still carries the part, nameless and empty.
    const chosen = photo && (photo.data.length > 0 || photo.filename) ? photo : undefined;
    try {
      await setApplicationPhoto(db, request.user, view.id, { file: chosen, alt: photoAlt });
    } catch (error) {
      const refused = error instanceof DomainError && (error instanceof InvalidInputError || error.field === 'photo');
      if (!refused) throw error;
      const errors = error instanceof InvalidInputError ? { ...error.fields } : { photo: error.message };
      return renderDossier(request, reply, view, { errors, photoAlt: typeof photoAlt === 'string' ? photoAlt : undefined }, httpStatusOf(error));
    }
    return reply.redirect(`${applicationPath(code, year)}?ok=photo#titre-photo`, 303);
  });

  app.post('/espace/:code/candidature/:year/photo/supprimer', { schema: { params }, config: EDIT }, async (request, reply) => {
    const { code, year } = request.params;
    const view = await dossierOf(request.user, code, year);
    await removeApplicationPhoto(db, request.user, view.id);
    return reply.redirect(`${applicationPath(code, year)}?ok=photo-retiree#titre-photo`, 303);
  });

  for (const [file, size] of [
    ['photo.jpg', 'full'],
    ['photo-vignette.jpg', 'thumbnail'],
  ] as const) {
    // Replaced in place under the same address: never kept by a cache.
    app.get(`/espace/:code/candidature/:year/${file}`, { schema: { params }, config: VIEW }, async (request, reply) => {
      const { code, year } = request.params;
      const view = await dossierOf(request.user, code, year);
      const photo = await readApplicationPhoto(db, request.user, view.id, size);
      if (!photo) throw notFound(m.notFound);
      return reply.type(photo.contentType).send(photo.data);
    });
  }
}
