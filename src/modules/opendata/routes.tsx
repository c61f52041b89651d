import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../platform/http/errors.ts';
import { sendPage } from '../../platform/views/render.ts';
import type { Dataset } from './dataset.ts';
import { DATASETS } from './datasets.ts';
import { downloadFileName, isDownloadQueryError, readDownloadQuery, WORKBOOK_PATH, type DownloadFormat } from './download-query.rules.ts';
import { toCsv, toJsonDocument } from './export-format.rules.ts';
import { openDataMessages as m } from './messages.ts';
import { buildOpenDataWorkbook, getOpenDataOverview, isEditionPublished, loadDatasetRows } from './opendata.service.ts';
import { OpenDataPage } from './views/open-data-page.tsx';
import { cachePublicPage, PUBLIC_CACHE } from '../../platform/http/cache.ts';


const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

function attachment(reply: FastifyReply, fileName: string, contentType: string): FastifyReply {
  return reply.header('cache-control', PUBLIC_CACHE).header('content-disposition', `attachment; filename="${fileName}"`).type(contentType);
}

/** `/open-data`, its documentation page, and every dataset as CSV, CSV for spreadsheets, JSON and XLSX. */
export async function openDataRoutes(app: FastifyInstance) {
  app.get('/open-data', async (request, reply) => {
    const overview = await getOpenDataOverview(app.db);
    // The page frame differs for a signed-in person (menu, logout form): only anonymous pages are shared.
    cachePublicPage(request, reply);
    return sendPage(request, reply, <OpenDataPage overview={overview} />);
  });

  app.get(WORKBOOK_PATH, async (_request, reply) => {
    const workbook = await buildOpenDataWorkbook(app.db, { baseUrl: app.config.baseUrl });
    return attachment(reply, 'arobase.xlsx', CONTENT_TYPES.xlsx).send(workbook);
  });

  for (const dataset of DATASETS) {
    for (const format of ['csv', 'json'] as const) {
      app.get(`/open-data/${dataset.id}.${format}`, (request, reply) => sendDataset(app, request, reply, dataset, format));
    }
  }
}

/**
 * One dataset in one format. A faulty parameter is refused with a message naming it: as JSON for a
 * JSON file (a program asked), as the error page otherwise (a person clicked).
 */
async function sendDataset(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, dataset: Dataset, format: DownloadFormat) {
  const fail = (error: HttpError) => {
    if (format !== 'json') throw error;
    const code = error.statusCode === 404 ? 'not_found' : 'bad_request';
    return reply.code(error.statusCode).header('cache-control', 'no-store').send({ error: code, message: error.message, ...(error.field ? { field: error.field } : {}) });
  };
  const query = readDownloadQuery(dataset.id, format, (request.query ?? {}) as Record<string, unknown>);
  if (isDownloadQueryError(query)) return fail(new HttpError(400, query.message, query.field));
  if (query.year !== undefined && !(await isEditionPublished(app.db, query.year))) {
    return fail(new HttpError(404, m.errors.yearNotPublished(query.year), 'annee'));
  }
  const rows = await loadDatasetRows(app.db, dataset, { baseUrl: app.config.baseUrl, ...(query.year !== undefined ? { year: query.year } : {}) });
  const fileName = downloadFileName(dataset.id, format, query);
  if (format === 'json') return attachment(reply, fileName, CONTENT_TYPES.json).send(JSON.stringify(toJsonDocument(dataset.columns, rows)));
  return attachment(reply, fileName, CONTENT_TYPES.csv).send(toCsv(dataset.columns, rows, query.dialect));
}
