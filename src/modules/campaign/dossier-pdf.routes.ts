import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFoundError } from '../../platform/errors.ts';
import { notFound } from '../../platform/http/errors.ts';
import { signInRequired } from '../accounts/guard.ts';
import { can } from '../accounts/permissions.rules.ts';
import { snapshotPhoto } from './application-photo.service.ts';
import { latestSnapshot } from './application-snapshots.service.ts';
import { findTerritoryApplication } from './applications.service.ts';
import { dossierMessages as m } from './dossier.messages.ts';
import { renderDossierPdf } from './dossier-pdf.ts';

const params = z.object({ code: z.string().max(20), year: z.coerce.number().int().min(1999).max(9999) });

/**
 * `/espace/:code/candidature/:year/dossier.pdf`: the dossier as its latest submission froze it, to
 * give to the council. Another territory's dossier, or one never submitted, is not found.
 */
export async function dossierPdfRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;

  app.get(
    '/espace/:code/candidature/:year/dossier.pdf',
    { schema: { params }, config: { permission: 'application.view', cache: 'private' } },
    async (request, reply) => {
      const { code, year } = request.params;
      if (!request.user) throw signInRequired();
      if (!can(request.user, 'application.view', { territoryCode: code })) throw notFound();
      const view = await findTerritoryApplication(db, request.user, year, code);
      if (!view) throw notFound(m.pdf.notFound);
      const snapshot = await latestSnapshot(db, request.user, view.id).catch((error: unknown) => {
        if (error instanceof NotFoundError) throw notFound(m.pdf.notFound);
        throw error;
      });
      const pdf = await renderDossierPdf(snapshot, { photo: await snapshotPhoto(db, snapshot.id) });
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${m.pdf.fileName(year, view.territory.code)}"`)
        .send(pdf);
    },
  );
}
