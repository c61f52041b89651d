import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, InvalidInputError, type FieldErrors } from '../../platform/errors.ts';
import { httpStatusOf } from '../../platform/http/errors.ts';
import { formBody, formText, lenientQuery } from '../../platform/http/route-input.ts';
import { defineUpload, uploadBody } from '../../platform/http/uploads.ts';
import { sendPage } from '../../platform/views/render.ts';
import { authorize } from '../accounts/guard.ts';
import { can } from '../accounts/permissions.rules.ts';
import { indicatorMessages as m } from './indicators.messages.ts';
import {
  createCustomIndicator,
  deleteIndicatorValue,
  getTerritoryIndicator,
  importIndicatorValues,
  indicatorsCsvModel,
  listTerritoryIndicators,
  MAX_INDICATORS_CSV_BYTES,
  saveIndicatorValue,
} from './indicators.service.ts';
import { IndicatorPage, type IndicatorPageProps } from './views/indicator-page.tsx';
import { indicatorPath, indicatorsPath, IndicatorsPage, type IndicatorsPageProps } from './views/indicators-page.tsx';

// A territory's indicators are its members' only: never stored by a shared cache.
const VIEW = { permission: 'nr.view', cache: 'private' } as const;
const EDIT = { permission: 'nr.edit', cache: 'private' } as const;

/** The values' CSV: a file over the limit is cut, and the page says so beside the field. */
const csvUpload = defineUpload({
  maxFileBytes: MAX_INDICATORS_CSV_BYTES,
  maxFields: 5,
  maxFieldBytes: 1_000,
  messages: { fileRequired: m.upload.fileRequired, tooLarge: m.upload.tooLarge(MAX_INDICATORS_CSV_BYTES / 1024 / 1024) },
  oversized: 'report',
});

const codeParams = z.object({ code: z.string().max(20) });
const indicatorParams = z.object({ code: z.string().max(20), indicator: z.string().max(80) });
const count = z.coerce.number().int().min(0).max(1_000_000).optional();
/** `?ok=import&lignes=…&indicateurs=…&nouvelles=…&remplacees=…`: the summary after an import. */
const listQuery = lenientQuery({ ok: z.literal('import').optional(), lignes: count, indicateurs: count, nouvelles: count, remplacees: count });
/** `?ok=…&date=…`: the notice after a change, its date as the redirect wrote it. */
const indicatorQuery = lenientQuery({
  ok: z.enum(['cree', 'ajoutee', 'remplacee', 'supprimee']).optional(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
const customForm = formBody({ name: formText, unit: formText });
const valueForm = formBody({ date: formText, value: formText, note: formText });
const deleteForm = formBody({ date: formText });

/** The workspace's indicator pages: the list with the CSV import and the custom indicator's form, each indicator's chart and values. */
export async function indicatorsRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;
  await csvUpload.register(app);

  async function renderList(
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    extra: Omit<IndicatorsPageProps, 'data' | 'canEdit'> = {},
    status = 200,
  ) {
    const data = await listTerritoryIndicators(db, request.user, code);
    const canEdit = can(request.user, 'nr.edit', { territoryCode: data.territory.code });
    return sendPage(request, reply, <IndicatorsPage data={data} canEdit={canEdit} {...extra} />, status);
  }

  async function renderIndicator(
    request: FastifyRequest,
    reply: FastifyReply,
    code: string,
    ref: string,
    extra: Omit<IndicatorPageProps, 'data' | 'canEdit'> = {},
    status = 200,
  ) {
    const data = await getTerritoryIndicator(db, request.user, code, ref);
    const canEdit = can(request.user, 'nr.edit', { territoryCode: data.territory.code });
    return sendPage(request, reply, <IndicatorPage data={data} canEdit={canEdit} {...extra} />, status);
  }

  app.get(
    '/espace/:code/numerique-responsable/indicateurs',
    { schema: { params: codeParams, querystring: listQuery }, config: VIEW },
    async (request, reply) => {
      const q = request.query.values;
      const summary =
        q.ok === 'import' && q.lignes !== undefined && q.indicateurs !== undefined && q.nouvelles !== undefined && q.remplacees !== undefined
          ? m.upload.imported(q.lignes, q.indicateurs, q.nouvelles, q.remplacees)
          : undefined;
      return renderList(request, reply, request.params.code, { notice: summary });
    },
  );

  app.get('/espace/:code/numerique-responsable/indicateurs/modele.csv', { schema: { params: codeParams }, config: VIEW }, async (request, reply) => {
    const csv = await indicatorsCsvModel(db, request.user, request.params.code);
    return reply
      .header('content-type', 'text/csv; charset=utf-8; header=present')
      .header('content-disposition', `attachment; filename="${m.modelFile}"`)
      .send(csv);
  });

  app.post('/espace/:code/numerique-responsable/indicateurs', { schema: { params: codeParams, body: customForm }, config: EDIT }, async (request, reply) => {
    const { code } = request.params;
    authorize(request, 'nr.edit', { territoryCode: code });
    const values = { name: request.body.name ?? '', unit: request.body.unit ?? '' };
    try {
      const created = await createCustomIndicator(db, request.user, code, values);
      return reply.redirect(`${indicatorPath(code, created.id)}?ok=cree`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      return renderList(request, reply, code, { errors: error.fields, values }, 400);
    }
  });

  app.post(
    '/espace/:code/numerique-responsable/indicateurs/import',
    { schema: { params: codeParams, body: uploadBody({ file: csvUpload.file }) }, config: EDIT },
    async (request, reply) => {
      const { code } = request.params;
      // The permission before the file: a reader is refused, whatever they sent.
      authorize(request, 'nr.edit', { territoryCode: code });
      try {
        const file = csvUpload.take(request.body.file, 'file');
        const s = await importIndicatorValues(db, request.user, code, file.data);
        const query = new URLSearchParams({
          ok: 'import',
          lignes: String(s.rows),
          indicateurs: String(s.indicators),
          nouvelles: String(s.added),
          remplacees: String(s.replaced),
        });
        return reply.redirect(`${indicatorsPath(code)}?${query.toString()}`, 303);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        if (error instanceof InvalidInputError && error.fields.file === undefined) {
          // Rows at fault: each listed with its line and column, nothing imported.
          return renderList(request, reply, code, { errors: error.fields, refusal: error.message }, 400);
        }
        if (error.field !== 'file') throw error;
        const errors: FieldErrors = { file: error instanceof InvalidInputError ? (error.fields.file ?? error.message) : error.message };
        return renderList(request, reply, code, { errors }, httpStatusOf(error));
      }
    },
  );

  app.get(
    '/espace/:code/numerique-responsable/indicateurs/:indicator',
    { schema: { params: indicatorParams, querystring: indicatorQuery }, config: VIEW },
    async (request, reply) => {
      const { code, indicator } = request.params;
      const { ok, date } = request.query.values;
      const data = await getTerritoryIndicator(db, request.user, code, indicator);
      const notice =
        ok === 'cree'
          ? m.custom.created(data.indicator.name)
          : ok && date
            ? { ajoutee: m.indicator.added, remplacee: m.indicator.replaced, supprimee: m.indicator.deleted }[ok](date)
            : undefined;
      const canEdit = can(request.user, 'nr.edit', { territoryCode: data.territory.code });
      return sendPage(request, reply, <IndicatorPage data={data} canEdit={canEdit} notice={notice} />);
    },
  );

  app.post(
    '/espace/:code/numerique-responsable/indicateurs/:indicator/valeurs',
    { schema: { params: indicatorParams, body: valueForm }, config: EDIT },
    async (request, reply) => {
      const { code, indicator } = request.params;
      authorize(request, 'nr.edit', { territoryCode: code });
      const values = { date: request.body.date ?? '', value: request.body.value ?? '', note: request.body.note ?? '' };
      try {
        const saved = await saveIndicatorValue(db, request.user, code, indicator, values);
        const ok = saved.replaced ? 'remplacee' : 'ajoutee';
        return reply.redirect(`${indicatorPath(code, indicator)}?ok=${ok}&date=${saved.measuredOn}#titre-evolution`, 303);
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        return renderIndicator(request, reply, code, indicator, { errors: error.fields, values }, 400);
      }
    },
  );

  app.post(
    '/espace/:code/numerique-responsable/indicateurs/:indicator/valeurs/supprimer',
    { schema: { params: indicatorParams, body: deleteForm }, config: EDIT },
    async (request, reply) => {
      const { code, indicator } = request.params;
      authorize(request, 'nr.edit', { territoryCode: code });
      try {
        const date = await deleteIndicatorValue(db, request.user, code, indicator, request.body.date);
        return reply.redirect(`${indicatorPath(code, indicator)}?ok=supprimee&date=${date}#titre-evolution`, 303);
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        return renderIndicator(request, reply, code, indicator, { errors: error.fields }, 400);
      }
    },
  );
}
