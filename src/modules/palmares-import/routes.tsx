import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError, ValidationError, type FieldErrors } from '../../platform/http/errors.ts';
import { sendPage } from '../../platform/views/render.ts';
import { authorize } from '../accounts/guard.ts';
import { importMessages } from './messages.ts';
import { SKIP, type PalmaresDecisions } from './import-palmares.service.ts';
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

type Form = Record<string, string | undefined>;
/** A file part as the multipart hook below leaves it in the body. */
type UploadedFile = { filename: string; data: Buffer | null };

const m = importMessages;
const formOf = (request: FastifyRequest) => (request.body ?? {}) as Form;

/**
 * The decisions of the report's form: per row, a radio `choix-<row>` (a candidate's code, `code`,
 * `skip`, or empty for later) and a text field `code-<row>` (a territory typed by its code). Rows
 * the form does not name keep their stored decision.
 */
export function decisionsFromForm(form: Form, stored: PalmaresDecisions): { decisions: PalmaresDecisions; errors: FieldErrors } {
  const decisions: PalmaresDecisions = { ...stored };
  const errors: FieldErrors = {};
  const rows = new Set<number>();
  for (const name of Object.keys(form)) {
    const row = /^(?:choix|code)-(\d{1,9})$/.exec(name)?.[1];
    if (row) rows.add(Number(row));
  }
  for (const row of rows) {
    const key = String(row);
    delete decisions[key];
    const choice = (form[`choix-${row}`] ?? '').trim();
    const code = (form[`code-${row}`] ?? '').trim();
    if (code) {
      if (choice === '' || choice === 'code') decisions[key] = code;
      else errors[`code-${row}`] = m.report.decide.bothGiven;
    } else if (choice === 'code') errors[`code-${row}`] = m.report.decide.codeMissing;
    else if (choice === SKIP) decisions[key] = SKIP;
    else if (choice !== '') decisions[key] = choice;
  }
  return { decisions, errors };
}

/** The palmarès administration: published editions, the excellence rule, and the history import. */
export async function palmaresImportRoutes(app: FastifyInstance) {
  const db = app.db;
  await app.register(fastifyMultipart, {
    attachFieldsToBody: 'keyValues',
    limits: { fileSize: MAX_PALMARES_FILE_BYTES, files: 1, fields: 5, fieldSize: 1_000 },
    // A file over the limit is cut, not thrown: the route reports it on its field, with the page around it.
    throwFileSizeLimit: false,
    async onFile(part) {
      const data = await part.toBuffer();
      const upload: UploadedFile = { filename: part.filename, data: part.file.truncated ? null : data };
      (part as unknown as { value: UploadedFile }).value = upload;
    },
  });

  async function renderHome(request: FastifyRequest, reply: FastifyReply, extra: Pick<AdminPalmaresProps, 'notice' | 'errors' | 'values'> = {}, status = 200) {
    const [editions, distinctions, imports, excellence] = await Promise.all([
      listPublishedEditions(db),
      listDistinctions(db),
      listPalmaresImports(db),
      getExcellenceParameters(db),
    ]);
    reply.header('cache-control', 'no-store');
    return sendPage(request, reply, <AdminPalmaresPage editions={editions} distinctions={distinctions} imports={imports} excellence={excellence} {...extra} />, status);
  }

  async function renderReport(request: FastifyRequest, reply: FastifyReply, id: string, extra: { notice?: string; errors?: FieldErrors; values?: Form } = {}, status = 200) {
    const { stored, report } = await checkPalmaresImport(db, id);
    reply.header('cache-control', 'no-store');
    if (stored.state === 'applied') return sendPage(request, reply, <AdminPalmaresDonePage stored={stored} />);
    const distinctionNames = new Map((await listDistinctions(db)).map((d) => [d.code, d.name]));
    return sendPage(request, reply, <AdminPalmaresReportPage stored={stored} report={report} distinctionNames={distinctionNames} {...extra} />, status);
  }

  app.get('/admin/palmares', async (request, reply) => {
    authorize(request, 'results.manage');
    const query = request.query as Form;
    const granted = Number(query.attribuees);
    const revoked = Number(query.retirees);
    const notice = query.ok === 'excellence' && Number.isInteger(granted) && Number.isInteger(revoked) ? m.admin.excellence.saved(granted, revoked) : undefined;
    return renderHome(request, reply, { notice });
  });

  app.post('/admin/palmares/excellence', async (request, reply) => {
    authorize(request, 'results.manage');
    const form = formOf(request);
    try {
      const { granted, revoked } = await updateExcellenceParameters(db, { consecutiveTopLevels: form.consecutiveTopLevels, validityYears: form.validityYears });
      return reply.redirect(`/admin/palmares?ok=excellence&attribuees=${granted}&retirees=${revoked}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderHome(request, reply, { errors: error.fields, values: form }, 400);
    }
  });

  app.post('/admin/palmares/imports', async (request, reply) => {
    const user = authorize(request, 'results.import');
    const body = (request.body ?? {}) as { file?: UploadedFile | string };
    const file = typeof body.file === 'object' ? body.file : undefined;
    try {
      if (!file || (file.data && file.data.length === 0 && !file.filename)) throw new ValidationError({ file: m.store.fileRequired });
      if (!file.data) throw new HttpError(413, m.store.tooLarge(MAX_PALMARES_FILE_BYTES / 1024 / 1024), 'file');
      const { id } = await createPalmaresImport(db, { fileName: file.filename, data: file.data, createdBy: user.id });
      return reply.redirect(importPath(id), 303);
    } catch (error) {
      if (!(error instanceof HttpError) || error.field !== 'file') throw error;
      const message = error instanceof ValidationError ? (error.fields.file ?? error.message) : error.message;
      return renderHome(request, reply, { errors: { file: message } }, error.statusCode);
    }
  });

  app.get('/admin/palmares/imports/:id', async (request, reply) => {
    authorize(request, 'results.import');
    const { id } = request.params as { id: string };
    const query = request.query as Form;
    if (query.ok === 'importe' || query.deja === '1') {
      const stored = await getPalmaresImport(db, id);
      if (stored.state === 'applied') {
        reply.header('cache-control', 'no-store');
        return sendPage(request, reply, <AdminPalmaresDonePage stored={stored} outcome={query.deja === '1' ? 'again' : 'applied'} />);
      }
    }
    return renderReport(request, reply, id, { notice: query.ok === 'choix' ? m.report.decide.saved : undefined });
  });

  app.post('/admin/palmares/imports/:id/choix', async (request, reply) => {
    authorize(request, 'results.import');
    const { id } = request.params as { id: string };
    const form = formOf(request);
    const stored = await getPalmaresImport(db, id);
    if (stored.state === 'applied') return reply.redirect(`${importPath(id)}?deja=1`, 303);
    const { decisions, errors } = decisionsFromForm(form, stored.decisions);
    try {
      if (Object.keys(errors).length) throw new ValidationError(errors);
      await saveImportDecisions(db, id, decisions);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderReport(request, reply, id, { errors: error.fields, values: form }, 400);
    }
    return reply.redirect(`${importPath(id)}?ok=choix#titre-bilan`, 303);
  });

  app.post('/admin/palmares/imports/:id/importer', async (request, reply) => {
    authorize(request, 'results.import');
    const { id } = request.params as { id: string };
    const form = formOf(request);
    try {
      const { alreadyApplied } = await applyPalmaresImport(db, id, { skipUnmatched: form.skipUnmatched === '1' });
      return reply.redirect(`${importPath(id)}?${alreadyApplied ? 'deja=1' : 'ok=importe'}`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return renderReport(request, reply, id, { errors: error.fields }, 400);
    }
  });
}
