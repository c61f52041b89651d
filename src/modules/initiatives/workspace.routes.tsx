import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, ForbiddenError, InvalidInputError } from '../../platform/errors.ts';
import { httpStatusOf, type FieldErrors } from '../../platform/http/errors.ts';
import { formBody, formText, formWithLists, lenientQuery } from '../../platform/http/route-input.ts';
import { uploadBody } from '../../platform/http/uploads.ts';
import { formatDateTime, formatTime } from '../../platform/views/format.ts';
import { sendPage } from '../../platform/views/render.ts';
import { signInRequired } from '../accounts/guard.ts';
import { can, type Action } from '../accounts/permissions.rules.ts';
import { displayNamesOf } from '../accounts/users.service.ts';
import { getActorsByIds } from '../actors/actors.service.ts';
import { getCurrentReferential } from '../referential/referential.service.ts';
import type { FormBody } from './initiative-input.ts';
import { contentFromState, emptyFormState, formStateFromBody, formStateFromContent, type FormState } from './initiative-form-state.ts';
import { EDITABLE_FIELDS, type SheetContent } from './initiative.rules.ts';
import type { Sheet } from './initiative-sheet.service.ts';
import { initiativeMessages as m } from './messages.ts';
import { sheetFormUpload } from './photo-upload.ts';
import { addPhoto, removePhoto } from './photos.service.ts';
import { deleteInitiative, setVisibility } from './publication.service.ts';
import { listRevisions, namesInRevisions } from './revisions.service.ts';
import { createInitiative, updateInitiative, type SaveResult } from './save-initiative.service.ts';
import { conflictViewFrom, conflictViewOf, takenFieldOf, type ConflictView } from './conflict-view.ts';
import { discardWorkingCopy, findWorkingCopy, keepWorkingCopy } from './working-copy.service.ts';
import { DeleteInitiativePage, WorkspaceChoicePage, WorkspaceDashboardPage } from './views/workspace-pages.tsx';
import { InitiativeFormPage } from './views/initiative-form-page.tsx';
import { getWorkspace, listWorkspaces, openSheetForEditing, prepareNewInitiative } from './workspace.service.ts';

const codeParams = z.object({ code: z.string() });
const sheetParams = z.object({ code: z.string(), id: z.string() });
const photoParams = sheetParams.extend({ photoId: z.string() });
/** `?notice=…`: what the form says after a redirect (`&base=N`: the version a merged save started from); `?supprimee=<title>`: the dashboard's after a deletion. */
const noticeQuery = lenientQuery({ notice: z.string().optional(), base: z.coerce.number().int().positive().optional() });
const dashboardQuery = lenientQuery({ supprimee: z.string().optional(), bienvenue: z.string().optional() });
/** `?bienvenue=1`: the person just joined (an invitation accepted), told what their role lets them do here. */
const welcomeQuery = lenientQuery({ bienvenue: z.string().optional() });
const visibilityForm = formBody({ visibility: formText });
const photoForm = uploadBody({ photo: sheetFormUpload.file, alt: formText });
const creationForm = uploadBody({ photo: sheetFormUpload.file, photoAlt: formText });

// A territory's workspace: never stored by a cache. Each route's action is checked by its service.
const may = (permission: Action) => ({ permission, cache: 'private' }) as const;

const NOTICES = {
  created: m.workspace.created,
  saved: m.workspace.saved,
  published: m.workspace.published,
  unpublished: m.workspace.unpublished,
  photoAdded: m.photos.added,
  photoRemoved: m.photos.removed,
  discarded: m.workingCopy.discarded,
} as const;
const noticeOf = (notice: string | undefined) => (notice !== undefined && Object.hasOwn(NOTICES, notice) ? NOTICES[notice as keyof typeof NOTICES] : undefined);

export async function workspaceRoutes(appBase: FastifyInstance) {
  await sheetFormUpload.register(appBase);
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const db = app.db;

  /** The actors typed in the form, as the save takes them (checked and created with the sheet, all or nothing). */
  const newActorsOf = (state: FormState) => state.newActors.map((row) => ({ name: row.name, kind: row.kind, website: row.website || undefined }));

  async function sendForm(
    request: FastifyRequest,
    reply: FastifyReply,
    options: {
      territory: { code: string; name: string };
      sheet?: Sheet;
      state: FormState;
      errors?: FieldErrors;
      conflict?: ConflictView;
      version?: number;
      status?: number;
      notice?: string;
      workingCopy?: { savedAt: Date; baseVersion: number };
      mergedSince?: number;
      photoLost?: boolean;
      photoAlt?: string;
    },
  ) {
    const referential = await getCurrentReferential(db);
    if (!referential) throw new Error('No published referential');
    const actors = options.state.actorIds.length ? await getActorsByIds(db, options.state.actorIds) : [];
    const revisions = options.sheet ? await listRevisions(db, options.sheet.id) : undefined;
    const revisionNames = revisions ? await namesInRevisions(db, revisions) : undefined;
    return sendPage(
      request,
      reply,
      <InitiativeFormPage
        territory={options.territory}
        referential={referential}
        state={options.state}
        errors={options.errors ?? {}}
        actorNames={new Map(actors.map((a) => [a.id, a.name]))}
        sheet={options.sheet}
        version={options.version}
        revisions={revisions}
        revisionNames={revisionNames}
        notice={options.notice}
        conflict={options.conflict}
        photoLost={options.photoLost}
        photoAlt={options.photoAlt}
        workingCopy={
          options.workingCopy
            ? { savedAt: formatDateTime(options.workingCopy.savedAt), stale: options.workingCopy.baseVersion < (options.sheet?.version ?? 0) }
            : undefined
        }
        mergedSince={options.mergedSince}
      />,
      options.status ?? (options.errors && Object.keys(options.errors).length ? 400 : 200),
    );
  }

  app.get('/espace', { schema: { querystring: welcomeQuery }, config: may('workspace.list') }, async (request, reply) => {
    if (!request.user) throw signInRequired();
    const workspaces = await listWorkspaces(db, request.user);
    const welcome = request.query.values.bienvenue !== undefined;
    const [only] = workspaces;
    if (only && workspaces.length === 1) return reply.redirect(`/espace/${only.code}${welcome ? '?bienvenue=1' : ''}`, 303);
    return sendPage(request, reply, <WorkspaceChoicePage workspaces={workspaces} welcome={welcome} />);
  });

  app.get('/espace/:code', { schema: { params: codeParams, querystring: dashboardQuery }, config: may('workspace.view') }, async (request, reply) => {
    const { code } = request.params;
    const { supprimee, bienvenue } = request.query.values;
    const workspace = await getWorkspace(db, request.user, code);
    return sendPage(
      request,
      reply,
      <WorkspaceDashboardPage
        workspace={workspace}
        canWrite={can(request.user, 'initiative.edit', { territoryCode: code })}
        canManageMembers={can(request.user, 'members.manage', { territoryCode: code })}
        notice={supprimee ? m.workspace.deleted(supprimee) : undefined}
        welcome={bienvenue !== undefined && workspace.role !== null && workspace.role !== undefined}
      />,
    );
  });

  app.get(
    '/espace/:code/initiatives/nouvelle',
    { schema: { params: codeParams, querystring: noticeQuery }, config: may('initiative.create') },
    async (request, reply) => {
      const { code } = request.params;
      const { territory } = await prepareNewInitiative(db, request.user, code);
      return sendForm(request, reply, { territory, state: emptyFormState(), notice: noticeOf(request.query.values.notice) });
    },
  );

  // The save checks the territory and the permission itself; a refused form is shown again to whoever may open it.
  // The creation form is multipart (its photo, optional) or, sent by another client, a plain form.
  app.post('/espace/:code/initiatives', { schema: { params: codeParams, body: creationForm }, config: may('initiative.create') }, async (request, reply) => {
    const { code } = request.params;
    const { photo, photoAlt, ...fields } = request.body;
    const state = formStateFromBody(fields as FormBody);
    const chosen = photo && (photo.data.length > 0 || photo.filename) ? photo : undefined;
    try {
      const upload = chosen ? { data: sheetFormUpload.take(chosen, 'photo').data, alt: photoAlt ?? '' } : undefined;
      const sheet = await createInitiative(db, request.user, { territoryCode: code, ...contentFromState(state) }, newActorsOf(state), upload);
      return reply.redirect(`/espace/${code}/initiatives/${sheet.id}?notice=created`, 303);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const { territory } = await prepareNewInitiative(db, request.user, code);
      // A browser never keeps a chosen file after a refused form: say it must be chosen again.
      return sendForm(request, reply, { territory, state, errors: error.fields, photoLost: chosen !== undefined && !error.fields.photo, photoAlt });
    }
  });

  app.get(
    '/espace/:code/initiatives/:id',
    { schema: { params: sheetParams, querystring: noticeQuery }, config: may('initiative.edit') },
    async (request, reply) => {
      const { code, id } = request.params;
      const sheet = await openSheetForEditing(db, request.user, code, id);
      const { notice, base } = request.query.values;
      // The person's changes kept by autosave come back in the form, on the version they started from.
      const copy = request.user ? await findWorkingCopy(db, request.user, id) : null;
      return sendForm(request, reply, {
        territory: sheet.territory,
        sheet,
        state: copy ? copy.form : formStateFromContent(sheet.content),
        version: copy?.baseVersion,
        workingCopy: copy ?? undefined,
        notice: notice === 'merged' ? m.workspace.saved : noticeOf(notice),
        mergedSince: notice === 'merged' ? base : undefined,
      });
    },
  );

  app.post(
    '/espace/:code/initiatives/:id',
    { schema: { params: sheetParams, body: formWithLists }, config: may('initiative.edit') },
    async (request, reply) => {
      const { code, id } = request.params;
      // A member following a link while signed out is asked to sign in; the save checks the rest.
      if (!request.user) throw signInRequired();
      const body = request.body;
      const state = formStateFromBody(body);
      const baseVersion = Number(body.version) || undefined;
      // On the conflict page, "Reprendre la version enregistrée" of one field: shown again, nothing saved.
      const taken = takenFieldOf(body);
      if (taken !== undefined) {
        const sheet = await openSheetForEditing(db, request.user, code, id);
        const conflict = await conflictViewOf(db, sheet, body, taken);
        const theirs = formStateFromContent(sheet.content);
        return sendForm(request, reply, { territory: sheet.territory, sheet, state: { ...state, [taken]: theirs[taken] }, conflict, version: baseVersion });
      }
      let result: SaveResult;
      try {
        const publish = body.intent === 'publish';
        result = await updateInitiative(
          db,
          request.user,
          id,
          { ...contentFromState(state), ...(publish ? { visibility: 'public' } : {}) },
          { baseVersion, onStale: 'merge', newActors: newActorsOf(state), territoryCode: code },
        );
      } catch (error) {
        if (!(error instanceof InvalidInputError)) throw error;
        // Shown again, as typed, to whoever may open the sheet.
        const sheet = await openSheetForEditing(db, request.user, code, id);
        return sendForm(request, reply, { territory: sheet.territory, sheet, state, errors: error.fields, version: baseVersion });
      }
      if (result.kind === 'conflict') {
        const names = await displayNamesOf(db, result.theirs.by ? [result.theirs.by] : []);
        // The form shows the merge: one-sided changes applied, and this person's text in conflicting fields.
        const shown: SheetContent = { ...result.merged };
        for (const field of result.conflicts) (shown as Record<string, unknown>)[field] = result.mine[field];
        const conflict = conflictViewFrom(result.current, {
          by: (result.theirs.by && names.get(result.theirs.by)) || m.conflict.someone,
          at: formatDateTime(result.theirs.at),
          conflicts: result.conflicts,
          mergedFields: EDITABLE_FIELDS.filter(
            (f) => !result.conflicts.includes(f) && JSON.stringify(result.merged[f]) !== JSON.stringify(result.current.content[f]),
          ),
        });
        return sendForm(request, reply, {
          territory: result.current.territory,
          sheet: result.current,
          // The actors typed in were not created (nothing was saved): their rows stay as typed.
          state: { ...formStateFromContent(shown), newActors: state.newActors },
          conflict,
          version: result.current.version,
          status: 409,
        });
      }
      // Saved into the sheet: the person's working copy has done its job.
      await discardWorkingCopy(db, request.user, id);
      if (result.mergedWith && baseVersion !== undefined) return reply.redirect(`/espace/${code}/initiatives/${id}?notice=merged&base=${baseVersion}`, 303);
      const notice = body.intent === 'publish' && result.sheet.visibility === 'public' ? 'published' : 'saved';
      return reply.redirect(`/espace/${code}/initiatives/${id}?notice=${notice}`, 303);
    },
  );

  // Autosave (JavaScript on) keeps the person's working copy; only "Enregistrer" writes the sheet (ADR 0014).
  app.post(
    '/espace/:code/initiatives/:id/brouillon',
    { schema: { params: sheetParams, body: formWithLists }, config: may('initiative.edit') },
    async (request, reply) => {
      const { code, id } = request.params;
      if (!request.user) throw signInRequired();
      const body = request.body;
      const baseVersion = Number(body.version) || undefined;
      const kept = await keepWorkingCopy(db, request.user, code, id, formStateFromBody(body), baseVersion);
      // The time on the French clock, whatever the browser's time zone.
      const stale = baseVersion !== undefined && kept.sheetVersion > baseVersion;
      return reply.send({ savedAt: kept.savedAt.toISOString(), time: formatTime(kept.savedAt), stale, message: stale ? m.workingCopy.stale : undefined });
    },
  );

  app.post('/espace/:code/initiatives/:id/abandon', { schema: { params: sheetParams }, config: may('initiative.edit') }, async (request, reply) => {
    const { code, id } = request.params;
    await openSheetForEditing(db, request.user, code, id);
    if (request.user) await discardWorkingCopy(db, request.user, id);
    return reply.redirect(`/espace/${code}/initiatives/${id}?notice=discarded`, 303);
  });

  app.post(
    '/espace/:code/initiatives/:id/publication',
    { schema: { params: sheetParams, body: visibilityForm }, config: may('initiative.publish') },
    async (request, reply) => {
      const { code, id } = request.params;
      await openSheetForEditing(db, request.user, code, id);
      const visibility = request.body.visibility === 'public' ? 'public' : 'draft';
      await setVisibility(db, request.user, id, visibility);
      return reply.redirect(`/espace/${code}/initiatives/${id}?notice=${visibility === 'public' ? 'published' : 'unpublished'}`, 303);
    },
  );

  app.get('/espace/:code/initiatives/:id/supprimer', { schema: { params: sheetParams }, config: may('initiative.delete') }, async (request, reply) => {
    const { code, id } = request.params;
    const sheet = await openSheetForEditing(db, request.user, code, id);
    if (!can(request.user, 'initiative.delete', { territoryCode: code })) throw new ForbiddenError(m.api.notFound(id));
    return sendPage(request, reply, <DeleteInitiativePage territory={sheet.territory} sheet={{ id, title: sheet.content.title }} />);
  });

  app.post('/espace/:code/initiatives/:id/supprimer', { schema: { params: sheetParams }, config: may('initiative.delete') }, async (request, reply) => {
    const { code, id } = request.params;
    await openSheetForEditing(db, request.user, code, id);
    const sheet = await deleteInitiative(db, request.user, id);
    return reply.redirect(`/espace/${code}?supprimee=${encodeURIComponent(sheet.content.title)}`, 303);
  });

  app.post(
    '/espace/:code/initiatives/:id/photos',
    { schema: { params: sheetParams, body: photoForm }, config: may('initiative.edit') },
    async (request, reply) => {
      const { code, id } = request.params;
      const sheet = await openSheetForEditing(db, request.user, code, id);
      const body = request.body;
      try {
        const file = sheetFormUpload.take(body.photo, 'photo');
        await addPhoto(db, request.user, id, file.data, body.alt ?? '');
      } catch (error) {
        const status = error instanceof DomainError && error.field === 'photo' ? httpStatusOf(error) : null;
        if (status === null) throw error;
        return sendForm(request, reply, {
          territory: sheet.territory,
          sheet,
          state: formStateFromContent(sheet.content),
          errors: { photo: error instanceof InvalidInputError ? (error.fields.photo ?? error.message) : (error as DomainError).message },
          status,
        });
      }
      return reply.redirect(`/espace/${code}/initiatives/${id}?notice=photoAdded#titre-photos`, 303);
    },
  );

  app.post(
    '/espace/:code/initiatives/:id/photos/:photoId/retirer',
    { schema: { params: photoParams }, config: may('initiative.edit') },
    async (request, reply) => {
      const { code, id, photoId } = request.params;
      await openSheetForEditing(db, request.user, code, id);
      await removePhoto(db, request.user, id, photoId);
      return reply.redirect(`/espace/${code}/initiatives/${id}?notice=photoRemoved#titre-photos`, 303);
    },
  );
}
