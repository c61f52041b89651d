import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError, InvalidInputError } from '../../platform/errors.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formBody, formText, formWithLists, lenientQuery } from '../../platform/http/route-input.ts';
import { toParisLocal } from '../../platform/paris-time.ts';
import { sendPage } from '../../platform/views/render.ts';
import { authorize } from '../accounts/guard.ts';
import { EDITION_CALENDAR_FIELDS } from './edition-calendar.rules.ts';
import { editionSettingsChoices, nextEditionYear, prepareEdition, updateEditionSettings, type EditionSettingsForm } from './edition-settings.service.ts';
import { changeEditionState, listEditionStateChanges } from './edition-state.service.ts';
import { getEdition, listEditions, listOfferedDistinctions, type Edition } from './editions.service.ts';
import { editionAdminMessages as m } from './messages.ts';
import { EditionAdminPage, type EditionAdminPageProps, type EditionSettingsValues } from './views/edition-admin-page.tsx';
import { EditionsAdminPage } from './views/editions-admin-page.tsx';

const MANAGE = { permission: 'editions.manage', cache: 'private' } as const;
const yearParams = z.object({ year: z.string().max(40) });
/** `?ok=…`: the notice after a change. */
const noticeQuery = lenientQuery({ ok: z.enum(['preparee', 'enregistree', 'etat']).optional() });
const stateForm = formBody({ event: formText, reason: formText });

const parseYear = (raw: string) => (/^\d{4}$/.test(raw) ? Number(raw) : null);
const listOf = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const lastOf = (value: string | string[] | undefined) => (Array.isArray(value) ? value.at(-1) : value);

/** /admin/editions and /admin/editions/:year: the editions' calendar, referential, distinctions and hand state changes. */
export async function editionsAdminRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;

  async function renderList(request: FastifyRequest, reply: FastifyReply, error?: string, status = 200) {
    const [editions, nextYear] = await Promise.all([listEditions(db), nextEditionYear(db)]);
    return sendPage(request, reply, <EditionsAdminPage editions={editions} nextYear={nextYear} latest={editions[0]?.year ?? null} error={error} />, status);
  }

  app.get('/admin/editions', { config: MANAGE }, async (request, reply) => {
    authorize(request, 'editions.manage');
    return renderList(request, reply);
  });

  app.post('/admin/editions', { schema: { body: formBody({ year: formText }) }, config: MANAGE }, async (request, reply) => {
    authorize(request, 'editions.manage');
    const year = Number(request.body.year ?? '');
    try {
      await prepareEdition(db, request.user, year);
      return reply.redirect(`/admin/editions/${year}?ok=preparee`, 303);
    } catch (error) {
      if (error instanceof ConflictError) return renderList(request, reply, error.message, 409);
      if (error instanceof InvalidInputError) return renderList(request, reply, error.fields.year ?? error.message, 400);
      throw error;
    }
  });

  async function editionOrNotFound(raw: string): Promise<Edition> {
    const year = parseYear(raw);
    const edition = year === null ? null : await getEdition(db, year);
    if (!edition) throw notFound(m.edition.notFound(raw.slice(0, 40)));
    return edition;
  }

  /** The form's values from the stored edition. */
  async function storedValues(edition: Edition): Promise<EditionSettingsValues> {
    const offered = await listOfferedDistinctions(db, edition.year);
    const local = (d: Date | null) => (d ? toParisLocal(d) : '');
    return {
      opensAt: local(edition.opensAt),
      closesAt: local(edition.closesAt),
      juryAt: local(edition.juryAt),
      ceremonyAt: local(edition.ceremonyAt),
      referentialVersion: edition.referentialVersion ?? '',
      distinctions: offered.map((d) => d.code),
    };
  }

  async function renderEdition(
    request: FastifyRequest,
    reply: FastifyReply,
    edition: Edition,
    extra: Partial<Pick<EditionAdminPageProps, 'values' | 'notice' | 'settingsErrors' | 'stateError'>> = {},
    status = 200,
  ) {
    const [values, choices, history] = await Promise.all([
      storedValues(edition),
      editionSettingsChoices(db),
      listEditionStateChanges(db, request.user, edition.year),
    ]);
    return sendPage(request, reply, <EditionAdminPage edition={edition} values={values} choices={choices} history={history} {...extra} />, status);
  }

  app.get('/admin/editions/:year', { schema: { params: yearParams, querystring: noticeQuery }, config: MANAGE }, async (request, reply) => {
    authorize(request, 'editions.manage');
    const edition = await editionOrNotFound(request.params.year);
    const ok = request.query.values.ok;
    const notice =
      ok === 'preparee'
        ? m.prepare.created(edition.year)
        : ok === 'enregistree'
          ? m.edition.saved
          : ok === 'etat'
            ? m.stateChange.changed(m.states[edition.state])
            : undefined;
    return renderEdition(request, reply, edition, { notice });
  });

  app.post('/admin/editions/:year', { schema: { params: yearParams, body: formWithLists }, config: MANAGE }, async (request, reply) => {
    authorize(request, 'editions.manage');
    const edition = await editionOrNotFound(request.params.year);
    const body = request.body;
    const form: EditionSettingsForm = {
      ...Object.fromEntries(EDITION_CALENDAR_FIELDS.map((f) => [f, lastOf(body[f]) ?? ''])),
      referentialVersion: lastOf(body.referentialVersion),
      distinctions: listOf(body.distinctions),
    };
    try {
      await updateEditionSettings(db, request.user, edition.year, form);
      return reply.redirect(`/admin/editions/${edition.year}?ok=enregistree`, 303);
    } catch (error) {
      if (error instanceof InvalidInputError) {
        const values = {
          ...(await storedValues(edition)),
          ...Object.fromEntries(EDITION_CALENDAR_FIELDS.map((f) => [f, form[f] ?? ''])),
          ...(form.referentialVersion !== undefined ? { referentialVersion: form.referentialVersion } : {}),
          distinctions: [...(form.distinctions ?? [])],
        } as EditionSettingsValues;
        return renderEdition(request, reply, edition, { values, settingsErrors: error.fields }, 400);
      }
      if (error instanceof ConflictError) return renderEdition(request, reply, edition, { settingsErrors: { _: error.message } }, 409);
      throw error;
    }
  });

  app.post('/admin/editions/:year/etat', { schema: { params: yearParams, body: stateForm }, config: MANAGE }, async (request, reply) => {
    authorize(request, 'editions.manage');
    const edition = await editionOrNotFound(request.params.year);
    const event = request.body.event ?? '';
    const reason = request.body.reason ?? '';
    try {
      await changeEditionState(db, request.user, edition.year, { event, reason });
      return reply.redirect(`/admin/editions/${edition.year}?ok=etat#etat`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInputError || error instanceof ConflictError)) throw error;
      const errors = error instanceof InvalidInputError ? error.fields : { _: error.message };
      // The page as it is now: the edition may have moved meanwhile.
      const current = (await getEdition(db, edition.year)) ?? edition;
      return renderEdition(request, reply, current, { stateError: { event, reason, errors } }, error instanceof InvalidInputError ? 400 : 409);
    }
  });
}
