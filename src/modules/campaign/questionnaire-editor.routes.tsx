import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ConflictError, InvalidInputError } from '../../platform/errors.ts';
import { notFound } from '../../platform/http/errors.ts';
import { formWithLists, lenientQuery } from '../../platform/http/route-input.ts';
import { definitionFromRows, moveRow, rowsFromDefinition, rowsFromForm, type EditorRow } from '../../platform/questionnaire/questionnaire-editor-form.ts';
import { sendPage } from '../../platform/views/render.ts';
import { authorize } from '../accounts/guard.ts';
import { getEdition, listEditions, type Edition } from '../label/editions.service.ts';
import { TERRITORY_CATEGORIES, type TerritoryCategory } from '../territories/territory.rules.ts';
import { questionnaireAdminMessages } from './questionnaire-messages.ts';
import { getQuestionnaire, listQuestionnaires, saveQuestionnaire } from './questionnaire.service.ts';
import { QuestionnaireEditorPage, QuestionnaireListPage, questionnairePath, questionnairesPath } from './views/questionnaire-editor-page.tsx';

const m = questionnaireAdminMessages.editor;
const ADMIN = { permission: 'questionnaires.manage', cache: 'private' } as const;
const yearParams = z.object({ year: z.string() });
const categoryParams = z.object({ year: z.string(), category: z.string() });
/** `?enregistre=<version>`: the notice after a save. */
const savedQuery = lenientQuery({ enregistre: z.coerce.number().int().positive().optional() });

const isCategory = (value: string): value is TerritoryCategory => (TERRITORY_CATEGORIES as readonly string[]).includes(value);

/** /admin/editions/:year/questionnaires…: the admin reads and edits the questionnaires of an edition. */
export async function questionnaireEditorRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  /** The edition named by the URL, or a 404 page (a malformed year is an unknown one). */
  async function editionOf(rawYear: string): Promise<Edition> {
    const edition = /^\d{4}$/.test(rawYear) ? await getEdition(app.db, Number(rawYear)) : null;
    if (!edition) throw notFound(m.unknownEdition(Number.parseInt(rawYear, 10) || 0));
    return edition;
  }
  const categoryOf = (raw: string): TerritoryCategory => {
    if (!isCategory(raw)) throw notFound(m.unknownCategory(raw));
    return raw;
  };

  // The admin home's card: the questionnaires of the most recent edition (the one being prepared, usually).
  app.get('/admin/questionnaires', { config: ADMIN }, async (request, reply) => {
    authorize(request, 'questionnaires.manage');
    const [latest] = await listEditions(app.db);
    return reply.redirect(latest ? questionnairesPath(latest.year) : '/admin/editions', 303);
  });

  app.get('/admin/editions/:year/questionnaires', { schema: { params: yearParams }, config: ADMIN }, async (request, reply) => {
    authorize(request, 'questionnaires.manage');
    const edition = await editionOf(request.params.year);
    const questionnaires = await listQuestionnaires(app.db, edition.year);
    return sendPage(request, reply, <QuestionnaireListPage year={edition.year} state={edition.state} questionnaires={questionnaires} />);
  });

  async function renderEditor(
    request: FastifyRequest,
    reply: FastifyReply,
    edition: Edition,
    category: TerritoryCategory,
    extra: { rows?: EditorRow[]; version?: number; errors?: Record<string, string>; notice?: string; status?: number } = {},
  ) {
    const stored = await getQuestionnaire(app.db, edition.year, category);
    const rows = extra.rows ?? rowsFromDefinition(stored.definition);
    const parsed = extra.rows ? definitionFromRows(rows) : null;
    const preview = parsed?.ok ? parsed.questionnaire : stored.definition;
    return sendPage(
      request,
      reply,
      <QuestionnaireEditorPage
        year={edition.year}
        category={category}
        state={edition.state}
        stored={stored}
        rows={rows}
        version={extra.version ?? stored.version}
        errors={extra.errors}
        notice={extra.notice}
        preview={preview}
      />,
      extra.status ?? 200,
    );
  }

  app.get(
    '/admin/editions/:year/questionnaires/:category',
    { schema: { params: categoryParams, querystring: savedQuery }, config: ADMIN },
    async (request, reply) => {
      authorize(request, 'questionnaires.manage');
      const edition = await editionOf(request.params.year);
      const category = categoryOf(request.params.category);
      const saved = request.query.values.enregistre;
      return renderEditor(request, reply, edition, category, { notice: saved ? m.saved(saved) : undefined });
    },
  );

  app.post(
    '/admin/editions/:year/questionnaires/:category',
    { schema: { params: categoryParams, body: formWithLists }, config: ADMIN },
    async (request, reply) => {
      const person = authorize(request, 'questionnaires.manage');
      const edition = await editionOf(request.params.year);
      const category = categoryOf(request.params.category);
      const body = request.body;
      const one = (name: string) => {
        const value = body[name];
        return Array.isArray(value) ? value.at(-1) : value;
      };
      const version = Number.parseInt(one('version') ?? '', 10);
      const intent = one('intent') ?? 'save';
      const rows = rowsFromForm(body);
      const sentVersion = Number.isInteger(version) && version >= 0 ? version : -1;
      if (intent !== 'save') {
        // A move: the form again, reordered, nothing saved.
        return renderEditor(request, reply, edition, category, { rows: moveRow(rows, intent), version: sentVersion, notice: m.moved });
      }
      const parsed = definitionFromRows(rows);
      if (!parsed.ok) return renderEditor(request, reply, edition, category, { rows, version: sentVersion, errors: parsed.errors, status: 400 });
      try {
        const saved = await saveQuestionnaire(app.db, person, { year: edition.year, category, version: sentVersion, definition: parsed.questionnaire });
        return reply.redirect(`${questionnairePath(edition.year, category)}?enregistre=${saved.version}`, 303);
      } catch (error) {
        if (error instanceof InvalidInputError) {
          const errors = { _: error.message };
          return renderEditor(request, reply, edition, category, { rows, version: sentVersion, errors, status: 400 });
        }
        if (error instanceof ConflictError) {
          const fresh = await getEdition(app.db, edition.year);
          return renderEditor(request, reply, fresh ?? edition, category, { rows, version: sentVersion, errors: { _: error.message }, status: 409 });
        }
        throw error;
      }
    },
  );
}
