import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, InvalidInputError, NotFoundError, type FieldErrors } from '../../platform/errors.ts';
import { requirePermission } from '../accounts/guard.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { actorInput, findOrCreateActor, getActorsByIds } from '../actors/actors.service.ts';
import { fieldErrorsOf } from '../../platform/validation.ts';
import { describeServices } from '../referential/referential.service.ts';
import { getTerritory } from '../territories/search-territories.service.ts';
import { createInitiativeInput, parseSheetInput, patchInitiativeInput, sheetContentInput, type PatchInitiativeInput } from './initiative-input.ts';
import { changedFields, EDITABLE_FIELDS, mergeThreeWay, type EditableField, type SheetContent } from './initiative.rules.ts';
import { loadContent, maySee, sheetOf, type InitiativeRow, type Sheet } from './initiative-sheet.service.ts';
import { initiativeMessages as m } from './messages.ts';
import { recordRevision, revisionSnapshot } from './revisions.service.ts';
import { emit } from '../../platform/events.ts';
import './events.ts';
import { initiativeActors, initiativeIndicators, initiatives, initiativeServices } from './schema.ts';

/** Services must be in the current referential, actors must exist: checked before anything is written. */
async function checkReferences(db: Db, content: Pick<SheetContent, 'serviceIds' | 'actorIds'>, previous?: SheetContent): Promise<void> {
  const errors: FieldErrors = {};
  const services = await describeServices(db, content.serviceIds);
  for (const id of content.serviceIds) {
    const service = services.get(id);
    // A sheet may keep a service retired since it was chosen; it cannot choose one anew.
    if (!service) errors.serviceIds ??= m.input.serviceUnknown(id);
    else if (!service.inCurrentVersion && !previous?.serviceIds.includes(id)) errors.serviceIds ??= m.input.serviceRetired(service.name);
  }
  if (content.actorIds.length) {
    const found = new Set((await getActorsByIds(db, content.actorIds)).map((a) => a.id));
    const missing = content.actorIds.find((id) => !found.has(id));
    if (missing) errors.actorIds = m.input.actorUnknownId(missing);
  }
  if (Object.keys(errors).length) throw new InvalidInputError(errors);
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

const columnsOf = (content: SheetContent) => ({
  title: content.title,
  summary: content.summary,
  description: content.description,
  status: content.status,
  startDate: content.startDate,
  endDate: content.endDate,
  audiences: content.audiences,
  responsibleDigital: content.responsibleDigital,
  links: content.links,
  contactName: content.contactName,
  contactEmail: content.contactEmail,
});

/**
 * The actors typed in a sheet's form, checked with the sheet: their errors are named
 * `newActors.<row>.<field>`, reported together with the sheet's own.
 */
function newActorErrors(newActors: readonly unknown[]): FieldErrors {
  const errors: FieldErrors = {};
  newActors.forEach((row, i) => {
    const parsed = actorInput.safeParse(row);
    if (!parsed.success) for (const [field, message] of Object.entries(fieldErrorsOf(parsed.error))) errors[`newActors.${i}.${field}`] ??= message;
  });
  return errors;
}

/** Every field at once: the sheet's (through `parse`) and the new actors'; throws one error naming them all. */
function parseWithNewActors<T>(parse: () => T, newActors: readonly unknown[]): T {
  const actorErrors = newActorErrors(newActors);
  let parsed: T | undefined;
  let sheetErrors: FieldErrors = {};
  try {
    parsed = parse();
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    sheetErrors = error.fields;
  }
  const errors = { ...sheetErrors, ...actorErrors };
  if (Object.keys(errors).length || parsed === undefined) throw new InvalidInputError(errors);
  return parsed;
}

/** Finds or creates the new actors in the caller's transaction (a refused sheet rolls them back) and adds their ids. */
async function withNewActorIds(tx: Db, person: Person, actorIds: readonly string[], newActors: readonly unknown[]): Promise<string[]> {
  const ids = [...actorIds];
  for (const input of newActors) {
    const { actor } = await findOrCreateActor(tx, person, input);
    if (!ids.includes(actor.id)) ids.push(actor.id);
  }
  return ids.sort();
}

/**
 * Creates a sheet for a territory, with the actors typed in its form (found or created in the same
 * transaction: a refused form creates nothing); the person must be its referent or contributor.
 */
export async function createInitiative(db: Db, person: Person | null, input: unknown, newActors: readonly unknown[] = []): Promise<Sheet> {
  const data = parseWithNewActors(() => parseSheetInput(createInitiativeInput, input), newActors);
  // Territories are public: saying a code is unknown reveals nothing, and helps more than a 403.
  if (!(await getTerritory(db, data.territoryCode))) throw new InvalidInputError({ territoryCode: m.input.territoryUnknown(data.territoryCode) });
  requirePermission(person, 'initiative.create', { territoryCode: data.territoryCode });
  const { territoryCode, visibility, ...typed } = data;
  const row = await db.transaction(async (tx) => {
    const content = newActors.length ? { ...typed, actorIds: await withNewActorIds(tx, person, typed.actorIds, newActors) } : typed;
    await checkReferences(tx, content);
    const [created] = await tx
      .insert(initiatives)
      .values({
        territoryCode,
        ...columnsOf(content),
        visibility,
        createdBy: person.id,
        updatedBy: person.id,
        publishedAt: visibility === 'public' ? sql`now()` : null,
      })
      .returning();
    await writeLinks(tx, created!.id, content, EDITABLE_FIELDS);
    await recordRevision(tx, created!, person.id, 'created', [...EDITABLE_FIELDS], content);
    await emit(tx, 'initiative.changed', { initiativeIds: [created!.id] });
    return created!;
  });
  return sheetOf(db, row);
}

export type SaveResult =
  | { kind: 'saved'; sheet: Sheet; changed: EditableField[]; mergedWith?: { version: number; by: string | null } }
  | {
      kind: 'conflict';
      /** The sheet as saved now. */
      current: Sheet;
      /** What the person submitted. */
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
  /** Actors typed in the form: found or created in the save's transaction, so a refused save creates none. */
  newActors?: readonly unknown[];
};

/** Leaves the transaction without writing anything (the new actors included) and hands its answer out. */
class RollbackWith<T> extends Error {
  constructor(public readonly outcome: T) {
    super('rolled back');
  }
}

async function lockRow(tx: Db, id: string): Promise<InitiativeRow | null> {
  const [row] = await tx.select().from(initiatives).where(eq(initiatives.id, id)).for('update');
  return row ?? null;
}

/**
 * Saves new content over a sheet. The row is locked and its version compared with the one the
 * person started from, so two saves never overwrite each other: a stale save is merged field by
 * field with what was saved since, and fields changed on both sides come back as a conflict.
 */
export async function updateInitiative(db: Db, person: Person | null, id: string, patch: unknown, options: SaveOptions): Promise<SaveResult> {
  // Only the fields the patch names: the schema's defaults must not empty the others.
  const sent = new Set(Object.keys((patch ?? {}) as object));
  const newActors = options.newActors ?? [];
  const parsedPatch = Object.fromEntries(
    Object.entries(parseWithNewActors(() => parseSheetInput(patchInitiativeInput, patch) as PatchInitiativeInput, newActors)).filter(([key]) => sent.has(key)),
  ) as PatchInitiativeInput;
  const baseVersion = options.baseVersion ?? parsedPatch.version;
  if (baseVersion === undefined) throw new InvalidInputError({ version: m.input.versionRequired });
  const { version: _v, visibility, ...typedPatch } = parsedPatch;

  type Outcome = { row: InitiativeRow; changed: EditableField[]; merged?: { version: number; by: string | null } } | Extract<SaveResult, { kind: 'conflict' }>;
  const transaction = db.transaction(async (tx): Promise<Outcome> => {
    const row = await lockRow(tx, id);
    if (!row || row.deletedAt || !maySee(person, row)) throw new NotFoundError(m.api.notFound(id));
    requirePermission(person, 'initiative.edit', { territoryCode: row.territoryCode });
    const current = await loadContent(tx, row);
    const contentPatch = newActors.length
      ? { ...typedPatch, actorIds: await withNewActorIds(tx, person, typedPatch.actorIds ?? current.actorIds, newActors) }
      : typedPatch;
    const mine = parseSheetInput(sheetContentInput, { ...current, ...contentPatch }) as SheetContent;
    let next = mine;
    let mergedWith: { version: number; by: string | null } | undefined;
    if (row.version !== baseVersion) {
      const base = await snapshotAt(tx, id, baseVersion);
      if (options.onStale === 'conflict' || !base) {
        throw new ConflictError(m.conflict.api(row.version), 'version');
      }
      const baseContent = base;
      // Fields the patch did not send are the person's base, not a change.
      const mineFromBase = { ...baseContent, ...contentPatch } as SheetContent;
      const parsedMine = parseSheetInput(sheetContentInput, mineFromBase) as SheetContent;
      const { merged, conflicts } = mergeThreeWay(baseContent, current, parsedMine);
      if (conflicts.length) {
        const conflict = {
          kind: 'conflict',
          current: await sheetOf(tx, row),
          mine: parsedMine,
          merged,
          conflicts,
          theirs: { by: row.updatedBy, at: row.updatedAt },
        } as const;
        // Nothing is saved: the actors typed in the form are not created either (the form keeps them).
        if (newActors.length) throw new RollbackWith(conflict);
        return conflict;
      }
      next = merged;
      mergedWith = { version: row.version, by: row.updatedBy };
    }
    await checkReferences(tx, next, current);
    const changed = changedFields(current, next);
    const visibilityChanges = visibility !== undefined && visibility !== row.visibility;
    if (changed.length === 0 && !visibilityChanges) return { row, changed };
    if (visibility !== undefined) requirePermission(person, 'initiative.publish', { territoryCode: row.territoryCode });
    const [updated] = await tx
      .update(initiatives)
      .set({
        ...columnsOf(next),
        version: row.version + 1,
        updatedBy: person.id,
        updatedAt: sql`now()`,
        ...(visibilityChanges ? publicationColumns(visibility) : {}),
      })
      .where(and(eq(initiatives.id, id), eq(initiatives.version, row.version)))
      .returning();
    await writeLinks(tx, id, next, changed);
    const event = visibilityChanges ? (visibility === 'public' ? 'published' : 'unpublished') : 'edited';
    await recordRevision(tx, updated!, person.id, event, changed, next);
    await emit(tx, 'initiative.changed', { initiativeIds: [id] });
    return { row: updated!, changed, merged: mergedWith };
  });
  const outcome = await transaction.catch((error: unknown) => {
    if (error instanceof RollbackWith) return error.outcome as Outcome;
    throw error;
  });
  if ('kind' in outcome) return outcome;
  return { kind: 'saved', sheet: await sheetOf(db, outcome.row), changed: outcome.changed, mergedWith: outcome.merged };
}

/** Columns set when a sheet is published or unpublished by its territory. */
export function publicationColumns(visibility: 'draft' | 'public') {
  return visibility === 'public'
    ? { visibility, publishedAt: sql`now()`, moderationReason: null, moderatedAt: null, moderatedBy: null }
    : { visibility, publishedAt: null };
}

async function snapshotAt(tx: Db, id: string, version: number): Promise<SheetContent | null> {
  const snapshot = await revisionSnapshot(tx, id, version);
  return snapshot ? (snapshot.content as SheetContent) : null;
}
