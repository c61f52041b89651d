import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, InvalidInputError, NotFoundError, type FieldErrors } from '../../platform/errors.ts';
import { requirePermission } from '../accounts/guard.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { getActorsByIds } from '../actors/actors.service.ts';
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
        content.indicators.map((indicator, position) => ({ initiativeId: id, position, label: indicator.label, value: indicator.value, unit: indicator.unit, measuredOn: indicator.date })),
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

/** Creates a sheet for a territory; the person must be its referent or contributor. */
export async function createInitiative(db: Db, person: Person | null, input: unknown): Promise<Sheet> {
  const data = parseSheetInput(createInitiativeInput, input);
  // Territories are public: saying a code is unknown reveals nothing, and helps more than a 403.
  if (!(await getTerritory(db, data.territoryCode))) throw new InvalidInputError({ territoryCode: m.input.territoryUnknown(data.territoryCode) });
  requirePermission(person, 'initiative.create', { territoryCode: data.territoryCode });
  const { territoryCode, visibility, ...content } = data;
  await checkReferences(db, content);
  const row = await db.transaction(async (tx) => {
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
};

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
  const parsedPatch = Object.fromEntries(
    Object.entries(parseSheetInput(patchInitiativeInput, patch) as PatchInitiativeInput).filter(([key]) => sent.has(key)),
  ) as PatchInitiativeInput;
  const baseVersion = options.baseVersion ?? parsedPatch.version;
  if (baseVersion === undefined) throw new InvalidInputError({ version: m.input.versionRequired });
  const { version: _v, visibility, ...contentPatch } = parsedPatch;

  const outcome = await db.transaction(async (tx): Promise<{ row: InitiativeRow; changed: EditableField[]; merged?: { version: number; by: string | null } } | Extract<SaveResult, { kind: 'conflict' }>> => {
    const row = await lockRow(tx, id);
    if (!row || row.deletedAt || !maySee(person, row)) throw new NotFoundError(m.api.notFound(id));
    requirePermission(person, 'initiative.edit', { territoryCode: row.territoryCode });
    const current = await loadContent(tx, row);
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
        return { kind: 'conflict', current: await sheetOf(tx, row), mine: parsedMine, merged, conflicts, theirs: { by: row.updatedBy, at: row.updatedAt } };
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
