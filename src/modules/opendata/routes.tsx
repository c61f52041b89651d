import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HttpError } from '../../platform/http/errors.ts';
import { lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import type { Dataset } from './dataset.ts';
import { DATASETS } from './datasets.ts';
import { downloadFileName, isDownloadQueryError, readDownloadQuery, WORKBOOK_PATH, type DownloadFormat } from './download-query.rules.ts';
import { toCsv, toJsonDocument } from './export-format.rules.ts';
import { openDataMessages as m } from './messages.ts';
import { buildOpenDataWorkbook, getOpenDataOverview, isEditionPublished, loadDatasetRows } from './opendata.service.ts';
import { OpenDataPage } from './views/open-data-page.tsx';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

function attachment(reply: FastifyReply, fileName: string, contentType: string): FastifyReply {
  return reply.header('content-disposition', `attachment; filename="${fileName}"`).type(contentType);
}

/** A download's parameters, as given (a repeated one too), checked by readDownloadQuery whose messages name them; others are ignored. */
const given = z.union([z.string(), z.array(z.string())]).optional();
const downloadQuery = lenientQuery({ annee: given, separateur: given });

// Open data is public: shared caches keep anonymous answers (a signed-in person's page frame differs).
const OPEN = { permission: 'public', cache: 'public' } as const;

/** `/open-data`, its documentation page, and every dataset as CSV, CSV for spreadsheets, JSON and XLSX. */
export async function openDataRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get('/open-data', { config: OPEN }, async (request, reply) => {
    const overview = await getOpenDataOverview(app.db);
    return sendPage(request, reply, <OpenDataPage overview={overview} />);
  });

  app.get(WORKBOOK_PATH, { config: OPEN }, async (_request, reply) => {
    const workbook = await buildOpenDataWorkbook(app.db, { baseUrl: app.config.baseUrl });
    return attachment(reply, 'arobase.xlsx', CONTENT_TYPES.xlsx).send(workbook);
  });

  for (const dataset of DATASETS) {
    for (const format of ['csv', 'json'] as const) {
      app.get(`/open-data/${dataset.id}.${format}`, { schema: { querystring: downloadQuery }, config: OPEN }, (request, reply) =>
        sendDataset(app, reply, dataset, format, request.query.values),
      );
    }
  }
}

/**
 * One dataset in one format. A faulty parameter is refused with a message naming it: as JSON for a
 * JSON file (a program asked), as the error page otherwise (a person clicked).
 */
async function sendDataset(app: FastifyInstance, reply: FastifyReply, dataset: Dataset, format: DownloadFormat, parameters: Record<string, unknown>) {
  const fail = (error: HttpError) => {
    if (format !== 'json') throw error;
    const code = error.statusCode === 404 ? 'not_found' : 'bad_request';
    return reply.code(error.statusCode).send({ error: code, message: error.message, ...(error.field ? { field: error.field } : {}) });
  };
  const query = readDownloadQuery(dataset.id, format, parameters);
  if (isDownloadQueryError(query)) return fail(new HttpError(400, query.message, query.field));
  if (query.year !== undefined && !(await isEditionPublished(app.db, query.year))) {
    return fail(new HttpError(404, m.errors.yearNotPublished(query.year), 'annee'));
  }
  const rows = await loadDatasetRows(app.db, dataset, { baseUrl: app.config.baseUrl, ...(query.year !== undefined ? { year: query.year } : {}) });
  const fileName = downloadFileName(dataset.id, format, query);
  if (format === 'json') return attachment(reply, fileName, CONTENT_TYPES.json).send(JSON.stringify(toJsonDocument(dataset.columns, rows)));
  return attachment(reply, fileName, CONTENT_TYPES.csv).send(toCsv(dataset.columns, rows, query.dialect));
}
