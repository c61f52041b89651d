import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../platform/http/errors.ts';
import { sendPage } from '../../platform/views/render.ts';
import { authorize } from '../accounts/guard.ts';
import { pressKitMessages } from './press-kit.messages.ts';
import { pressKitCsvOf, pressKitOf, type PressKitFile } from './press-kit.service.ts';
import { PressKitPage } from './views/press-kit-page.tsx';

const DOWNLOAD = { permission: 'pressKit.download', cache: 'private' } as const;
const yearParams = z.object({ year: z.string().max(40) });
const regionParams = z.object({ year: z.string().max(40), region: z.string().max(40) });
const CSV_TYPE = 'text/csv; charset=utf-8; header=present';

const yearOf = (raw: string) => {
  if (!/^\d{4}$/.test(raw)) throw notFound(pressKitMessages.errors.editionNotFound(raw));
  return Number(raw);
};

const sendCsv = (reply: FastifyReply, file: PressKitFile) =>
  reply.header('content-disposition', `attachment; filename="${file.fileName}"`).type(CSV_TYPE).send(file.csv);

/** /admin/editions/:year/dossier-de-presse: the press kit's page, the whole country's CSV and each région's. */
export async function pressKitRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;

  app.get('/admin/editions/:year/dossier-de-presse', { schema: { params: yearParams }, config: DOWNLOAD }, async (request, reply) => {
    const person = authorize(request, 'pressKit.download');
    const kit = await pressKitOf(db, person, yearOf(request.params.year));
    return sendPage(request, reply, <PressKitPage kit={kit} />);
  });

  app.get('/admin/editions/:year/dossier-de-presse.csv', { schema: { params: yearParams }, config: DOWNLOAD }, async (request, reply) => {
    const person = authorize(request, 'pressKit.download');
    return sendCsv(reply, await pressKitCsvOf(db, person, yearOf(request.params.year)));
  });

  app.get('/admin/editions/:year/dossier-de-presse/:region.csv', { schema: { params: regionParams }, config: DOWNLOAD }, async (request, reply) => {
    const person = authorize(request, 'pressKit.download');
    const year = yearOf(request.params.year);
    const { region } = request.params;
    if (!/^\d{2}$/.test(region)) throw notFound(pressKitMessages.errors.regionNotFound(region));
    return sendCsv(reply, await pressKitCsvOf(db, person, year, region));
  });
}
