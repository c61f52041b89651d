import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HttpError, ValidationError, type FieldErrors } from '../../platform/http/errors.ts';
import { formatDateTime } from '../../platform/views/format.ts';
import { sendPage } from '../../platform/views/render.ts';
import { fieldErrorsOf } from '../../platform/validation.ts';
import { SignInRequired } from '../accounts/guard.ts';
import { can } from '../accounts/permissions.rules.ts';
import { displayNamesOf } from '../accounts/users.service.ts';
import { actorInput, findOrCreateActor, getActorsByIds } from '../actors/actors.service.ts';
import { getCurrentReferential } from '../referential/referential.service.ts';
import { contentFromState, emptyFormState, formStateFromBody, formStateFromContent, type FormState } from './initiative-form-state.ts';
import type { FormBody } from './initiative-input.ts';
import { EDITABLE_FIELDS, type SheetContent } from './initiative.rules.ts';
import type { Sheet } from './initiative-sheet.service.ts';
import { initiativeMessages as m } from './messages.ts';
import { addPhoto, removePhoto } from './photos.service.ts';
import { deleteInitiative, setVisibility } from './publication.service.ts';
import { listRevisions } from './revisions.service.ts';
import { createInitiative, updateInitiative, type SaveResult } from './save-initiative.service.ts';
import { DeleteInitiativePage, WorkspaceChoicePage, WorkspaceDashboardPage } from './views/workspace-pages.tsx';
import { InitiativeFormPage } from './views/initiative-form-page.tsx';
import type { ConflictView } from './views/conflict-box.tsx';
import { getWorkspace, listWorkspaces, openSheetForEditing, prepareNewInitiative } from './workspace.service.ts';

type CodeParams = { code: string };
type SheetParams = { code: string; id: string };

const NOTICES = {
  created: m.workspace.created,
  saved: m.workspace.saved,
  published: m.workspace.published,
  unpublished: m.workspace.unpublished,
  photoAdded: m.photos.added,
  photoRemoved: m.photos.removed,
} as const;
const noticeOf = (request: FastifyRequest) => NOTICES[(request.query as { notice?: string }).notice as keyof typeof NOTICES];

export async function workspaceRoutes(app: FastifyInstance) {
  const db = app.db;

  /** Validates and creates the actors typed in the form; their ids join the sheet's. */
  async function withNewActors(request: FastifyRequest, state: FormState): Promise<{ actorIds: string[]; errors: FieldErrors }> {
    const errors: FieldErrors = {};
    state.newActors.forEach((row, i) => {
      const parsed = actorInput.safeParse({ name: row.name, kind: row.kind, website: row.website || undefined });
      if (!parsed.success) for (const [field, message] of Object.entries(fieldErrorsOf(parsed.error))) errors[`newActors.${i}.${field}`] ??= message;
    });
    if (Object.keys(errors).length) return { actorIds: state.actorIds, errors };
    const ids = [...state.actorIds];
    for (const row of state.newActors) {
      const { actor } = await findOrCreateActor(db, request.user, { name: row.name, kind: row.kind, website: row.website || undefined });
      if (!ids.includes(actor.id)) ids.push(actor.id);
    }
    return { actorIds: ids, errors };
  }

  async function sendForm(
    request: FastifyRequest,
    reply: FastifyReply,
    options: { territory: { code: string; name: string }; sheet?: Sheet; state: FormState; errors?: FieldErrors; conflict?: ConflictView; version?: number; status?: number },
  ) {
    const referential = await getCurrentReferential(db);
    if (!referential) throw new Error('No published referential');
    const actors = options.state.actorIds.length ? await getActorsByIds(db, options.state.actorIds) : [];
    const revisions = options.sheet ? await listRevisions(db, options.sheet.id) : undefined;
    reply.header('cache-control', 'no-store');
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
        notice={noticeOf(request)}
        conflict={options.conflict}
      />,
      options.status ?? (options.errors && Object.keys(options.errors).length ? 400 : 200),
    );
  }

  app.get('/espace', async (request, reply) => {
    if (!request.user) throw new SignInRequired();
    const workspaces = await listWorkspaces(db, request.user);
    if (workspaces.length === 1) return reply.redirect(`/espace/${workspaces[0]!.code}`, 303);
    return sendPage(request, reply, <WorkspaceChoicePage workspaces={workspaces} />);
  });

  app.get('/espace/:code', async (request, reply) => {
    const { code } = request.params as CodeParams;
    const workspace = await getWorkspace(db, request.user, code);
    reply.header('cache-control', 'no-store');
    return sendPage(
      request,
      reply,
      <WorkspaceDashboardPage
        workspace={workspace}
        canWrite={can(request.user, 'initiative.edit', { territoryCode: code })}
        canManageMembers={can(request.user, 'members.manage', { territoryCode: code })}
        notice={(request.query as { supprimee?: string }).supprimee ? m.workspace.deleted((request.query as { supprimee: string }).supprimee) : undefined}
      />,
    );
  });

  app.get('/espace/:code/initiatives/nouvelle', async (request, reply) => {
    const { code } = request.params as CodeParams;
    const { territory } = await prepareNewInitiative(db, request.user, code);
    return sendForm(request, reply, { territory, state: emptyFormState() });
  });

  app.post('/espace/:code/initiatives', async (request, reply) => {
    const { code } = request.params as CodeParams;
    const { territory } = await prepareNewInitiative(db, request.user, code);
    const state = formStateFromBody((request.body ?? {}) as FormBody);
    try {
      const { actorIds, errors } = await withNewActors(request, state);
      if (Object.keys(errors).length) return sendForm(request, reply, { territory, state, errors });
      const sheet = await createInitiative(db, request.user, { territoryCode: code, ...contentFromState({ ...state, actorIds }) });
      return reply.redirect(`/espace/${code}/initiatives/${sheet.id}?notice=created`, 303);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return sendForm(request, reply, { territory, state, errors: error.fields });
    }
  });

  app.get('/espace/:code/initiatives/:id', async (request, reply) => {
    const { code, id } = request.params as SheetParams;
    const sheet = await openSheetForEditing(db, request.user, code, id);
    return sendForm(request, reply, { territory: sheet.territory, sheet, state: formStateFromContent(sheet.content) });
  });

  app.post('/espace/:code/initiatives/:id', async (request, reply) => {
    const { code, id } = request.params as SheetParams;
    const sheet = await openSheetForEditing(db, request.user, code, id);
    const body = (request.body ?? {}) as FormBody;
    const state = formStateFromBody(body);
    const baseVersion = Number(body.version) || undefined;
    let result: SaveResult;
    try {
      const { actorIds, errors } = await withNewActors(request, state);
      if (Object.keys(errors).length) return sendForm(request, reply, { territory: sheet.territory, sheet, state, errors, version: baseVersion });
      state.actorIds = actorIds;
      state.newActors = [];
      const publish = body.intent === 'publish';
      result = await updateInitiative(db, request.user, id, { ...contentFromState(state), ...(publish ? { visibility: 'public' } : {}) }, { baseVersion, onStale: 'merge' });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return sendForm(request, reply, { territory: sheet.territory, sheet, state, errors: error.fields, version: baseVersion });
    }
    if (result.kind === 'conflict') {
      const names = await displayNamesOf(db, result.theirs.by ? [result.theirs.by] : []);
      const theirsNames = new Map<string, string>([...result.current.services.map((s) => [s.id, s.name] as const), ...result.current.actors.map((a) => [a.id, a.name] as const)]);
      // The form shows the merge: one-sided changes applied, and this person's text in conflicting fields.
      const shown: SheetContent = { ...result.merged };
      for (const field of result.conflicts) (shown as Record<string, unknown>)[field] = result.mine[field];
      const conflict: ConflictView = {
        by: (result.theirs.by && names.get(result.theirs.by)) || m.conflict.someone,
        at: formatDateTime(result.theirs.at),
        conflicts: result.conflicts,
        mergedFields: EDITABLE_FIELDS.filter((f) => !result.conflicts.includes(f) && JSON.stringify(result.merged[f]) !== JSON.stringify(result.current.content[f])),
        theirs: result.current.content,
        names: theirsNames,
      };
      return sendForm(request, reply, { territory: result.current.territory, sheet: result.current, state: formStateFromContent(shown), conflict, version: result.current.version, status: 409 });
    }
    const notice = body.intent === 'publish' && result.sheet.visibility === 'public' ? 'published' : 'saved';
    return reply.redirect(`/espace/${code}/initiatives/${id}?notice=${notice}`, 303);
  });

  // Autosave of drafts (JavaScript on): a stale version is never merged silently, the person saves to compare.
  app.post('/espace/:code/initiatives/:id/brouillon', async (request, reply) => {
    const { code, id } = request.params as SheetParams;
    await openSheetForEditing(db, request.user, code, id);
    const body = (request.body ?? {}) as FormBody;
    const state = formStateFromBody(body);
    try {
      const result = await updateInitiative(db, request.user, id, contentFromState(state), { baseVersion: Number(body.version) || undefined, onStale: 'conflict' });
      if (result.kind !== 'saved') throw new HttpError(409, m.conflict.autosaveConflict, 'version');
      return reply.header('cache-control', 'no-store').send({ version: result.sheet.version, savedAt: result.sheet.updatedAt.toISOString(), changed: result.changed });
    } catch (error) {
      if (error instanceof HttpError && error.statusCode === 409) return reply.code(409).send({ error: 'conflict', message: m.conflict.autosaveConflict, field: 'version' });
      throw error;
    }
  });

  app.post('/espace/:code/initiatives/:id/publication', async (request, reply) => {
    const { code, id } = request.params as SheetParams;
    await openSheetForEditing(db, request.user, code, id);
    const visibility = (request.body as FormBody | undefined)?.visibility === 'public' ? 'public' : 'draft';
    await setVisibility(db, request.user, id, visibility);
    return reply.redirect(`/espace/${code}/initiatives/${id}?notice=${visibility === 'public' ? 'published' : 'unpublished'}`, 303);
  });

  app.get('/espace/:code/initiatives/:id/supprimer', async (request, reply) => {
    const { code, id } = request.params as SheetParams;
    const sheet = await openSheetForEditing(db, request.user, code, id);
    if (!can(request.user, 'initiative.delete', { territoryCode: code })) throw new HttpError(403, m.api.notFound(id));
    return sendPage(request, reply, <DeleteInitiativePage territory={sheet.territory} sheet={{ id, title: sheet.content.title }} />);
  });

  app.post('/espace/:code/initiatives/:id/supprimer', async (request, reply) => {
    const { code, id } = request.params as SheetParams;
    await openSheetForEditing(db, request.user, code, id);
    const sheet = await deleteInitiative(db, request.user, id);
    return reply.redirect(`/espace/${code}?supprimee=${encodeURIComponent(sheet.content.title)}`, 303);
  });

  app.post('/espace/:code/initiatives/:id/photos', async (request, reply) => {
    const { code, id } = request.params as SheetParams;
    const sheet = await openSheetForEditing(db, request.user, code, id);
    const body = (request.body ?? {}) as Record<string, unknown>;
    try {
      const file = body.photo;
      if (!Buffer.isBuffer(file) || file.length === 0) throw new ValidationError({ photo: m.photos.fileRequired });
      await addPhoto(db, request.user, id, file, typeof body.alt === 'string' ? body.alt : '');
    } catch (error) {
      const status = error instanceof HttpError && error.field === 'photo' ? error.statusCode : null;
      if (status === null) throw error;
      return sendForm(request, reply, { territory: sheet.territory, sheet, state: formStateFromContent(sheet.content), errors: { photo: error instanceof ValidationError ? (error.fields.photo ?? error.message) : (error as HttpError).message }, status });
    }
    return reply.redirect(`/espace/${code}/initiatives/${id}?notice=photoAdded#titre-photos`, 303);
  });

  app.post('/espace/:code/initiatives/:id/photos/:photoId/retirer', async (request, reply) => {
    const { code, id, photoId } = request.params as SheetParams & { photoId: string };
    await openSheetForEditing(db, request.user, code, id);
    await removePhoto(db, request.user, id, photoId);
    return reply.redirect(`/espace/${code}/initiatives/${id}?notice=photoRemoved#titre-photos`, 303);
  });
}
