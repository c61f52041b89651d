import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, InvalidInputError } from '../../platform/errors.ts';
import { httpStatusOf, type FieldErrors } from '../../platform/http/errors.ts';
import { formBody, formText, lenientQuery } from '../../platform/http/route-input.ts';
import { defineUpload, uploadBody } from '../../platform/http/uploads.ts';
import { sendPage } from '../../platform/views/render.ts';
import { authorize } from '../accounts/guard.ts';
import { importMessages } from './messages.ts';
import type { PalmaresDecisions } from './import-palmares.service.ts';
import { readDecisionsForm } from './import-decisions-form.ts';
import type { TerritoryOption } from '../territories/pick-territory.service.ts';
import {
  applyPalmaresImport,
  checkPalmaresImport,
  createPalmaresImport,
  getPalmaresImport,
  listPalmaresImports,
  MAX_PALMARES_FILE_BYTES,
  saveImportDecisions,
  updateExcellenceParameters,
} from './import-palmares-store.service.ts';
import { getExcellenceParameters, listDistinctions, listPublishedEditions } from '../label/results.service.ts';
import { AdminPalmaresDonePage } from './views/admin-palmares-done.tsx';
import { AdminPalmaresPage, type AdminPalmaresProps } from './views/admin-palmares-home.tsx';
import { AdminPalmaresReportPage } from './views/admin-palmares-report.tsx';
import { importPath } from './views/admin-palmares-steps.tsx';
import { pagesQuery, REPORT_TABLES, type ReportPages } from './report-pages.rules.ts';

type Form = Record<string, string | undefined>;

const m = importMessages;

/** The palmarès CSV: a file over the limit is cut, and the page shows the error beside the field. */
const csvUpload = defineUpload({
  maxFileBytes: MAX_PALMARES_FILE_BYTES,
  maxFields: 5,
  maxFieldBytes: 1_000,
  messages: { fileRequired: m.store.fileRequired, tooLarge: m.store.tooLarge(MAX_PALMARES_FILE_BYTES / 1024 / 1024) },
  oversized: 'report',
});

const importParams = z.object({ id: z.string() });
/** The notices a redirect asks for: `?ok=excellence&attribuees=…&retirees=…`, `?ok=choix`, `?ok=importe`, `?deja=1`. */
const noticeQuery = lenientQuery({
  ok: z.string().optional(),
  attribuees: z.string().optional(),
  retirees: z.string().optional(),
  deja: z.string().optional(),
});
/** A table's page number; a wrong one is ignored (its first page), one past the end shows the last. */
const pageNumber = z.coerce.number().int().min(1).max(1_000_000).optional();
const reportQuery = lenientQuery({
  ok: z.string().optional(),
  deja: z.string().optional(),
  'a-trancher': pageNumber,
  invalides: pageNumber,
  remarques: pageNumber,
  reconnues: pageNumber,
});
const reportPages = (values: Partial<Record<keyof ReportPages, number | undefined>>): ReportPages =>
  Object.fromEntries(REPORT_TABLES.map((table) => [table, values[table] ?? 1])) as ReportPages;
/** The page of rows to decide a posted form came from (its hidden field). */
const decidePage = (form: Form): number => {
  const page = Number(form['a-trancher']);
  return Number.isInteger(page) && page > 1 ? page : 1;
};

// The administration of results: never stored by a cache.
const RESULTS_MANAGE = { permission: 'results.manage', cache: 'private' } as const;
const RESULTS_IMPORT = { permission: 'results.import', cache: 'private' } as const;

/** The palmarès administration: published editions, the excellence rule, and the history import. */
export async function palmaresImportRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;
  await csvUpload.register(app);

  async function renderHome(request: FastifyRequest, reply: FastifyReply, extra: Pick<AdminPalmaresProps, 'notice' | 'errors' | 'values'> = {}, status = 200) {
    const [editions, distinctions, imports, excellence] = await Promise.all([
      listPublishedEditions(db),
      listDistinctions(db),
      listPalmaresImports(db),
      getExcellenceParameters(db),
    ]);
    return sendPage(
      request,
      reply,
      <AdminPalmaresPage editions={editions} distinctions={distinctions} imports={imports} excellence={excellence} {...extra} />,
      status,
    );
  }

  async function renderReport(
    request: FastifyRequest,
    reply: FastifyReply,
    id: string,
    extra: { notice?: string; errors?: FieldErrors; values?: Form; pages?: ReportPages; pickerOptions?: Record<number, TerritoryOption[]> } = {},
    status = 200,
  ) {
    const { stored, report } = await checkPalmaresImport(db, id);
    if (stored.state === 'applied') return sendPage(request, reply, <AdminPalmaresDonePage stored={stored} />);
    const distinctionNames = new Map((await listDistinctions(db)).map((d) => [d.code, d.name]));
    const { pages = reportPages({}), ...rest } = extra;
    return sendPage(
      request,
      reply,
      <AdminPalmaresReportPage stored={stored} report={report} distinctionNames={distinctionNames} pages={pages} {...rest} />,
      status,
    );
  }

  app.get('/admin/palmares', { schema: { querystring: noticeQuery }, config: RESULTS_MANAGE }, async (request, reply) => {
    authorize(request, 'results.manage');
    const query = request.query.values;
    const granted = Number(query.attribuees);
    const revoked = Number(query.retirees);
    const notice = query.ok === 'excellence' && Number.isInteger(granted) && Number.isInteger(revoked) ? m.admin.excellence.saved(granted, revoked) : undefined;
    return renderHome(request, reply, { notice });
  });

  app.post(
    '/admin/palmares/excellence',
    { schema: { body: formBody({ consecutiveTopLevels: formText, validityYears: formText }) }, config: RESULTS_MANAGE },
    async (request, reply) => {
      authorize(request, 'results.manage');
      const form = request.body;
      try {
        const { granted, revoked } = await updateExcellenceParameters(db, request.user, {
          consecutiveTopLevels: form.consecutiveTopLevels,
          validityYears: form.validityYears,
        });
        return reply.redirect(`/admin/palmares?ok=excellence&attribuees=${granted}&retirees=${revoked}`, 303);
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        return renderHome(request, reply, { errors: error.fields, values: form }, 400);
      }
    },
  );

  app.post('/admin/palmares/imports', { schema: { body: uploadBody({ file: csvUpload.file }) }, config: RESULTS_IMPORT }, async (request, reply) => {
    const user = authorize(request, 'results.import');
    try {
      const file = csvUpload.take(request.body.file, 'file');
      const { id } = await createPalmaresImport(db, user, { fileName: file.filename, data: file.data });
      return reply.redirect(importPath(id), 303);
    } catch (error) {
      if (!(error instanceof DomainError) || error.field !== 'file') throw error;
      const message = error instanceof InvalidInputError ? (error.fields.file ?? error.message) : error.message;
      return renderHome(request, reply, { errors: { file: message } }, httpStatusOf(error));
    }
  });

  app.get('/admin/palmares/imports/:id', { schema: { params: importParams, querystring: reportQuery }, config: RESULTS_IMPORT }, async (request, reply) => {
    authorize(request, 'results.import');
    const { id } = request.params;
    const query = request.query.values;
    if (query.ok === 'importe' || query.deja === '1') {
      const stored = await getPalmaresImport(db, id);
      if (stored.state === 'applied') {
        return sendPage(request, reply, <AdminPalmaresDonePage stored={stored} outcome={query.deja === '1' ? 'again' : 'applied'} />);
      }
    }
    return renderReport(request, reply, id, { notice: query.ok === 'choix' ? m.report.decide.saved : undefined, pages: reportPages(query) });
  });

  /**
   * Saves the decisions a posted form names, or renders the report with what is wrong (400) and
   * returns null; true when saved, false when the form named no row.
   */
  async function saveDecisions(request: FastifyRequest, reply: FastifyReply, id: string, form: Form, stored: PalmaresDecisions) {
    const posted = await readDecisionsForm(db, form, stored);
    if (!posted.named) return false;
    try {
      if (Object.keys(posted.errors).length) throw new InvalidInputError(posted.errors);
      await saveImportDecisions(db, request.user, id, posted.decisions);
      return true;
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const extra = { errors: error.fields, values: form, pages: reportPages({ 'a-trancher': decidePage(form) }), pickerOptions: posted.options };
      await renderReport(request, reply, id, extra, 400);
      return null;
    }
  }

  // Rows are numbered fields (`choix-<row>`, `code-<row>`): each read as one text.
  app.post('/admin/palmares/imports/:id/choix', { schema: { params: importParams, body: formBody({}) }, config: RESULTS_IMPORT }, async (request, reply) => {
    authorize(request, 'results.import');
    const { id } = request.params;
    const form = request.body;
    const stored = await getPalmaresImport(db, id);
    if (stored.state === 'applied') return reply.redirect(`${importPath(id)}?deja=1`, 303);
    if ((await saveDecisions(request, reply, id, form, stored.decisions)) === null) return reply;
    // Back to the page of rows these choices came from, or on to the next one when asked.
    const next = Number(form['aller-a']);
    const page = pagesQuery({ 'a-trancher': Number.isInteger(next) && next >= 1 && next <= 1_000_000 ? next : decidePage(form) }).toString();
    return reply.redirect(`${importPath(id)}?ok=choix${page ? `&${page}` : ''}#titre-bilan`, 303);
  });

  app.post(
    '/admin/palmares/imports/:id/importer',
    { schema: { params: importParams, body: formBody({ skipUnmatched: formText }) }, config: RESULTS_IMPORT },
    async (request, reply) => {
      authorize(request, 'results.import');
      const { id } = request.params;
      const form = request.body;
      const stored = await getPalmaresImport(db, id);
      if (stored.state === 'applied') return reply.redirect(`${importPath(id)}?deja=1`, 303);
      // The import button belongs to the decisions' form: the choices made on the page count, saved first.
      if ((await saveDecisions(request, reply, id, form, stored.decisions)) === null) return reply;
      try {
        const { alreadyApplied } = await applyPalmaresImport(db, request.user, id, { skipUnmatched: form.skipUnmatched === '1' });
        return reply.redirect(`${importPath(id)}?${alreadyApplied ? 'deja=1' : 'ok=importe'}`, 303);
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        return renderReport(request, reply, id, { errors: error.fields }, 400);
      }
    },
  );
}
