import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, DomainError, InvalidInputError, NotFoundError, type FieldErrors } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { checkedPhoto } from '../../platform/images/photo-processing.ts';
import { fieldErrorsOf, isInt4 } from '../../platform/validation.ts';
import { requirePermission } from '../accounts/guard.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { actorInput, findOrCreateActors, getActorsByIds, type ActorRow, type NewActor } from '../actors/actors.service.ts';
import { describeServices, type ServiceSummary } from '../referential/referential.service.ts';
import { getTerritory } from '../territories/search-territories.service.ts';
import {
  checkSheetInput,
  createInitiativeInput,
  patchInitiativeInput,
  referencesOf,
  sheetContentInput,
  type PatchInitiativeInput,
} from './initiative-input.ts';
import { changedFields, EDITABLE_FIELDS, mergeThreeWay, type EditableField, type SheetContent } from './initiative.rules.ts';
import { contentColumns, findRowWithContent, maySee, sheetFrom, type InitiativeRow, type KnownParts, type Sheet } from './initiative-sheet.service.ts';
import { initiativeMessages as m } from './messages.ts';
import { insertPhoto, type PhotoToStore } from './photos.service.ts';
import { recordRevision, revisionSnapshot } from './revisions.service.ts';
import './events.ts';
import { initiativeActors, initiativeIndicators, initiatives, initiativeServices } from './schema.ts';

/*
 * Saving a sheet is one use case: every field is checked at once — the sheet's own, each actor typed
 * in its form (`newActors.<row>.<field>`), what they name (services in the referential, existing
 * actors) — and every error reported together; then one transaction finds or creates the new
 * actors and writes the sheet, its links, its revision and its event. A refused save changes
 * nothing, the new actors included. The sheet answered is built once, from what the save read.
 */

const hasErrors = (errors: FieldErrors) => Object.keys(errors).length > 0;

function addErrors(errors: FieldErrors, more: FieldErrors | undefined): void {
  for (const [field, message] of Object.entries(more ?? {})) errors[field] ??= message;
}

/** The photo checked by its content, or its error under `photo` with the sheet's others. */
async function photoOrError(upload: PhotoUpload, errors: FieldErrors): Promise<PhotoToStore | undefined> {
  try {
    return { photo: await checkedPhoto(upload.data), alt: upload.alt };
  } catch (error) {
    if (!(error instanceof DomainError) || error.field !== 'photo') throw error;
    errors.photo = error instanceof InvalidInputError ? (error.fields.photo ?? error.message) : error.message;
    return undefined;
  }
}

/** The actors typed in a sheet's form, checked with the sheet: their errors are named `newActors.<row>.<field>`. */
function checkNewActors(inputs: readonly unknown[], errors: FieldErrors): NewActor[] {
  const checked: NewActor[] = [];
  inputs.forEach((input, i) => {
    const parsed = actorInput.safeParse(input);
    if (parsed.success) checked.push(parsed.data);
    else for (const [field, message] of Object.entries(fieldErrorsOf(parsed.error))) errors[`newActors.${i}.${field}`] ??= message;
  });
  return checked;
}

/** What the reference checks read: the saved sheet is built from it. */
type Read = { services: Map<string, ServiceSummary>; actors: ActorRow[] };

/**
 * Services must be in the current referential, actors must exist (two statements at most). A sheet
 * may keep a service retired since it was chosen (`retained`); it cannot choose one anew. Services
 * already `described` are not read again.
 */
async function checkReferences(
  db: Db,
  names: { serviceIds: readonly string[]; actorIds: readonly string[] },
  errors: FieldErrors,
  options: { retained?: readonly string[]; described?: ReadonlyMap<string, ServiceSummary> } = {},
): Promise<Read> {
  const { retained = [], described = new Map<string, ServiceSummary>() } = options;
  const others = names.serviceIds.filter((id) => !described.has(id));
  const [read, actors] = await Promise.all([
    others.length ? describeServices(db, others) : new Map<string, ServiceSummary>(),
    names.actorIds.length ? getActorsByIds(db, names.actorIds) : [],
  ]);
  const services = new Map([...described, ...read]);
  for (const id of names.serviceIds) {
    const service = services.get(id);
    if (!service) errors.serviceIds ??= m.input.serviceUnknown(id);
    else if (!service.inCurrentVersion && !retained.includes(id)) errors.serviceIds ??= m.input.serviceRetired(service.name);
  }
  const found = new Set(actors.map((a) => a.id));
  const missing = names.actorIds.find((id) => !found.has(id));
  if (missing) errors.actorIds ??= m.input.actorUnknownId(missing);
  return { services, actors };
}

/** Finds or creates the new actors in the save's transaction and adds their ids to the sheet's. */
async function addNewActors(tx: Db, person: Person, content: SheetContent, newActors: readonly NewActor[]) {
  if (newActors.length === 0) return { content, actors: [] as ActorRow[], createdIds: new Set<string>() };
  const results = await findOrCreateActors(tx, person, newActors);
  const actors = results.map((r) => r.actor);
  const actorIds = [...new Set([...content.actorIds, ...actors.map((a) => a.id)])].sort();
  return { content: { ...content, actorIds }, actors, createdIds: new Set(results.filter((r) => r.created).map((r) => r.actor.id)) };
}

async function writeLinks(tx: Db, id: string, content: SheetContent, fields: readonly EditableField[]): Promise<void> {
  if (fields.includes('serviceIds')) {
    await tx.delete(initiativeServices).where(eq(initiativeServices.initiativeId, id));
    await tx.insert(initiativeServices).values(content.serviceIds.map((serviceId) => ({ initiativeId: id, serviceId })));
  }
  if (fields.includes('actorIds')) {
    await tx.delete(initiativeActors).where(eq(initiativeActors.initiativeId, id));
    if (content.actorIds.length) await tx.insert(initiativeActors).values(content.actorIds.map((actorId) => ({ initiativeId: id, actorId })));
  }
  if (fields.includes('indicators')) {
    await tx.delete(initiativeIndicators).where(eq(initiativeIndicators.initiativeId, id));
    if (content.indicators.length) {
      await tx.insert(initiativeIndicators).values(
        content.indicators.map((indicator, position) => ({
          initiativeId: id,
          position,
          label: indicator.label,
          value: indicator.value,
          unit: indicator.unit,
          measuredOn: indicator.date,
        })),
      );
    }
  }
}

/**
 * Creates a sheet for a territory, with the actors typed in its form (found or created in the same
 * transaction: a refused form creates nothing); the person must be its referent or contributor.
 */
/** A photo sent with the creation form: checked with the sheet, stored in its transaction. */
export type PhotoUpload = { data: Buffer; alt: string };

export async function createInitiative(
  db: Db,
  person: Person | null,
  input: unknown,
  newActors: readonly unknown[] = [],
  photoUpload?: PhotoUpload,
): Promise<Sheet> {
  const errors: FieldErrors = {};
  const checked = checkSheetInput(createInitiativeInput, input);
  addErrors(errors, checked.errors);
  const actorsToAdd = checkNewActors(newActors, errors);
  const names = checked.data ?? referencesOf(input);
  // Territories are public: saying a code is unknown reveals nothing, and helps more than a 403.
  const territory = names.territoryCode ? await getTerritory(db, names.territoryCode) : null;
  if (names.territoryCode && !territory) errors.territoryCode ??= m.input.territoryUnknown(names.territoryCode);
  if (!checked.data || !territory || hasErrors(errors)) {
    // Refused for what it says, before anyone's permission is looked at; what it names is checked all the same, to name every error at once.
    await checkReferences(db, names, errors);
    throw new InvalidInputError(errors);
  }
  const { territoryCode, visibility, ...typed } = checked.data;
  requirePermission(person, 'initiative.create', { territoryCode });
  const read = await checkReferences(db, typed, errors);
  // The photo is read once the person may create: resizing an image costs more than checking a form.
  const photo = photoUpload ? await photoOrError(photoUpload, errors) : undefined;
  if (hasErrors(errors)) throw new InvalidInputError(errors);

  const saved = await db.transaction(async (tx) => {
    const { content, actors } = await addNewActors(tx, person, typed, actorsToAdd);
    const [created] = await tx
      .insert(initiatives)
      .values({
        territoryCode,
        ...contentColumns(content),
        visibility,
        createdBy: person.id,
        updatedBy: person.id,
        publishedAt: visibility === 'public' ? sql`now()` : null,
      })
      .returning();
    if (!created) throw new Error('insert of an initiative returned no row');
    await writeLinks(tx, created.id, content, EDITABLE_FIELDS);
    const photos = photo ? [await insertPhoto(tx, created.id, 0, photo, person.id)] : [];
    await recordRevision(tx, created, person.id, 'created', [...EDITABLE_FIELDS], content);
    await emit(tx, 'initiative.changed', { initiativeIds: [created.id], territoryCode, change: 'created', by: person.id });
    return { row: created, content, actors, photos };
  });
  return sheetFrom(db, saved.row, saved.content, { territory, services: read.services, actors: [...read.actors, ...saved.actors], photos: saved.photos });
}

export type SaveResult =
  | { kind: 'saved'; sheet: Sheet; changed: EditableField[]; mergedWith?: { version: number; by: string | null } }
  | {
      kind: 'conflict';
      /** The sheet as saved now. */
      current: Sheet;
      /** What the person submitted (the actors typed in the form left out: they were not created). */
      mine: SheetContent;
      /** Theirs with my one-sided changes; conflicting fields still hold theirs. */
      merged: SheetContent;
      conflicts: EditableField[];
      /** Who saved the newer version, and when. */
      theirs: { by: string | null; at: Date };
    };

export type SaveOptions = {
  /** The version the person's form was based on; required. */
  baseVersion: number | undefined;
  /** When the base is stale: merge one-sided changes (pages) or answer a conflict at once (API, autosave). */
  onStale: 'merge' | 'conflict';
  /** Actors typed in the form: checked with the sheet, found or created in the save's transaction, so a refused save creates none. */
  newActors?: readonly unknown[];
  /** The territory the sheet is edited from (a workspace): a sheet of another one is not found. */
  territoryCode?: string;
};

/** Leaves the transaction without writing anything (the new actors included) and hands its answer out. */
class RollbackWith<T> extends Error {
  constructor(public readonly outcome: T) {
    super('rolled back');
  }
}

type Conflict = Extract<SaveResult, { kind: 'conflict' }>;
type Saved = { row: InitiativeRow; content: SheetContent; changed: EditableField[]; mergedWith?: { version: number; by: string | null }; read: KnownParts };

/**
 * Saves new content over a sheet. The row is locked and its version compared with the one the
 * person started from, so two saves never overwrite each other: a stale save is merged field by
 * field with what was saved since, and fields changed on both sides come back as a conflict.
 */
export async function updateInitiative(db: Db, person: Person | null, id: string, patch: unknown, options: SaveOptions): Promise<SaveResult> {
  const errors: FieldErrors = {};
  const checked = checkSheetInput(patchInitiativeInput, patch);
  addErrors(errors, checked.errors);
  const actorsToAdd = checkNewActors(options.newActors ?? [], errors);
  const baseVersion = options.baseVersion ?? checked.data?.version;
  // A version is a positive int4 (a form's hidden field or an If-Match may say anything else).
  if (baseVersion === undefined || !isInt4(baseVersion) || baseVersion < 1) errors.version ??= m.input.versionRequired;
  // What the patch says is refused before the sheet is looked for.
  if (!checked.data || baseVersion === undefined || hasErrors(errors)) throw new InvalidInputError(errors);
  // Only the fields the patch names: the schema's defaults must not empty the others.
  const sent = new Set(Object.keys((patch ?? {}) as object));
  const named = Object.fromEntries(Object.entries(checked.data).filter(([key]) => sent.has(key))) as PatchInitiativeInput;
  const { version: _version, visibility, ...contentPatch } = named;
  // The services the patch names are described before the transaction: the referential is kept in
  // memory per database handle, and a transaction is a new one (it would read the referential again).
  const described = contentPatch.serviceIds ? await describeServices(db, contentPatch.serviceIds) : undefined;

  const transaction = db.transaction(async (tx): Promise<Saved | Conflict> => {
    const found = await findRowWithContent(tx, id, { forUpdate: true });
    const elsewhere = options.territoryCode !== undefined && found?.row.territoryCode !== options.territoryCode;
    if (!found || found.row.deletedAt || !maySee(person, found.row) || elsewhere) throw new NotFoundError(m.api.notFound(id));
    const { row, content: current } = found;
    requirePermission(person, 'initiative.edit', { territoryCode: row.territoryCode });
    const stale = row.version !== baseVersion;
    const base = stale && options.onStale === 'merge' ? await snapshotAt(tx, id, baseVersion) : null;
    // Fields the patch does not send are the person's base (the current content unless stale), not a change.
    const mineInput = { ...(base ?? current), ...contentPatch };
    const mine = checkSheetInput(sheetContentInput, mineInput);
    const retained = [...current.serviceIds, ...(base?.serviceIds ?? [])];
    if (mine.errors) {
      addErrors(errors, mine.errors);
      await checkReferences(tx, referencesOf(mineInput), errors, { retained, described });
      throw new InvalidInputError(errors);
    }
    if (stale && !base) throw new ConflictError(m.conflict.api(row.version), 'version');
    const read = await checkReferences(tx, mine.data, errors, { retained, described });
    if (hasErrors(errors)) throw new InvalidInputError(errors);

    // Every field is right: the new actors are found or created now, inside the save.
    const added = await addNewActors(tx, person, mine.data, actorsToAdd);
    let next = added.content;
    let mergedWith: Saved['mergedWith'];
    if (base) {
      const { merged, conflicts } = mergeThreeWay(base, current, added.content);
      if (conflicts.length) {
        // Nothing is saved, so the actors created above are not either: the form keeps them as typed.
        const existing = (content: SheetContent) => ({ ...content, actorIds: content.actorIds.filter((actorId) => !added.createdIds.has(actorId)) });
        const conflict: Conflict = {
          kind: 'conflict',
          current: await sheetFrom(tx, row, current, { services: read.services, actors: read.actors }),
          mine: existing(added.content),
          merged: existing(merged),
          conflicts,
          theirs: { by: row.updatedBy, at: row.updatedAt },
        };
        if (added.actors.length) throw new RollbackWith(conflict);
        return conflict;
      }
      next = merged;
      mergedWith = { version: row.version, by: row.updatedBy };
    }
    const known: KnownParts = { services: read.services, actors: [...read.actors, ...added.actors] };
    const changed = changedFields(current, next);
    const visibilityChanges = visibility !== undefined && visibility !== row.visibility;
    if (changed.length === 0 && !visibilityChanges) return { row, content: current, changed, read: known };
    if (visibility !== undefined) requirePermission(person, 'initiative.publish', { territoryCode: row.territoryCode });
    const [updated] = await tx
      .update(initiatives)
      .set({
        ...contentColumns(next),
        version: row.version + 1,
        updatedBy: person.id,
        updatedAt: sql`now()`,
        ...(visibilityChanges ? publicationColumns(visibility) : {}),
      })
      .where(and(eq(initiatives.id, id), eq(initiatives.version, row.version)))
      .returning();
    if (!updated) throw new Error(`initiative ${id} not updated though locked`);
    await writeLinks(tx, id, next, changed);
    const event = visibilityChanges ? (visibility === 'public' ? 'published' : 'unpublished') : 'edited';
    await recordRevision(tx, updated, person.id, event, changed, next);
    await emit(tx, 'initiative.changed', { initiativeIds: [id], territoryCode: row.territoryCode, change: event, by: person.id });
    return { row: updated, content: next, changed, mergedWith, read: known };
  });
  const outcome = await transaction.catch((error: unknown) => {
    if (error instanceof RollbackWith) return error.outcome as Conflict;
    throw error;
  });
  if ('kind' in outcome) return outcome;
  const sheet = await sheetFrom(db, outcome.row, outcome.content, outcome.read);
  return { kind: 'saved', sheet, changed: outcome.changed, mergedWith: outcome.mergedWith };
}

/** Columns set when a sheet is published or unpublished by its territory. */
export function publicationColumns(visibility: 'draft' | 'public') {
  return visibility === 'public'
    ? { visibility, publishedAt: sql`now()`, moderationReason: null, moderatedAt: null, moderatedBy: null }
    : { visibility, publishedAt: null };
}

async function snapshotAt(tx: Db, id: string, version: number): Promise<SheetContent | null> {
  return (await revisionSnapshot(tx, id, version))?.content ?? null;
}
