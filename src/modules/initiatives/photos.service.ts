import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { InvalidInputError, NotFoundError } from '../../platform/errors.ts';
import { checkedPhoto, type ProcessedPhoto } from '../../platform/images/photo-processing.ts';
import { requirePermission } from '../accounts/guard.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { findInitiativeRow, isInitiativeId, loadContent, maySee, type InitiativeRow, type PhotoSummary } from './initiative-sheet.service.ts';
import { initiativeMessages as m } from './messages.ts';
import { recordRevision } from './revisions.service.ts';
import { initiativePhotos, initiatives } from './schema.ts';

export const MAX_PHOTOS_PER_INITIATIVE = 8;

/** The sheet, and the person once allowed to edit it. */
async function editableRow(db: Db, person: Person | null, id: string): Promise<{ row: InitiativeRow; editor: Person }> {
  const row = await findInitiativeRow(db, id);
  if (!row || row.deletedAt || !maySee(person, row)) throw new NotFoundError(m.api.notFound(id));
  requirePermission(person, 'initiative.edit', { territoryCode: row.territoryCode });
  return { row, editor: person };
}

/** Bumps the sheet's version for a photo change, so its history says who added or removed it. */
async function touch(tx: Db, row: InitiativeRow, person: Person, event: 'photo_added' | 'photo_removed') {
  const [updated] = await tx
    .update(initiatives)
    .set({ version: sql`${initiatives.version} + 1`, updatedBy: person.id, updatedAt: sql`now()` })
    .where(eq(initiatives.id, row.id))
    .returning();
  if (!updated) throw new Error(`initiative ${row.id} not updated`);
  await recordRevision(tx, updated, person.id, event, [], await loadContent(tx, updated));
}

/** Checks the image by its content, resizes it and strips its metadata, then stores it. */
export async function addPhoto(db: Db, person: Person | null, initiativeId: string, file: Buffer, alt: string): Promise<{ id: string }> {
  const { row, editor } = await editableRow(db, person, initiativeId);
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(initiativePhotos)
    .where(eq(initiativePhotos.initiativeId, row.id));
  if (n >= MAX_PHOTOS_PER_INITIATIVE) throw new InvalidInputError({ photo: m.photos.tooMany(MAX_PHOTOS_PER_INITIATIVE) });
  const photo = await checkedPhoto(file);
  return db.transaction(async (tx) => {
    const created = await insertPhoto(tx, row.id, n, { photo, alt }, editor.id);
    await touch(tx, row, editor, 'photo_added');
    return { id: created.id };
  });
}

/** A checked photo and its description, ready to be stored with a sheet (the one typed when creating it). */
export type PhotoToStore = { photo: ProcessedPhoto; alt: string };

/** Stores a checked photo at a position of the sheet, in the caller's transaction. */
export async function insertPhoto(tx: Db, initiativeId: string, position: number, { photo, alt }: PhotoToStore, personId: string): Promise<PhotoSummary> {
  const [created] = await tx
    .insert(initiativePhotos)
    .values({
      initiativeId,
      position,
      alt: alt.trim().slice(0, 300),
      contentType: photo.contentType,
      width: photo.width,
      height: photo.height,
      data: photo.data,
      thumbnail: photo.thumbnail,
      createdBy: personId,
    })
    .returning({
      id: initiativePhotos.id,
      alt: initiativePhotos.alt,
      width: initiativePhotos.width,
      height: initiativePhotos.height,
      position: initiativePhotos.position,
    });
  if (!created) throw new Error('insert returned no row');
  return created;
}

export async function removePhoto(db: Db, person: Person | null, initiativeId: string, photoId: string): Promise<void> {
  const { row, editor } = await editableRow(db, person, initiativeId);
  if (!isInitiativeId(photoId)) throw new NotFoundError();
  await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(initiativePhotos)
      .where(and(eq(initiativePhotos.id, photoId), eq(initiativePhotos.initiativeId, row.id)))
      .returning({ id: initiativePhotos.id });
    if (deleted.length === 0) throw new NotFoundError();
    await touch(tx, row, editor, 'photo_removed');
  });
}

/** A photo's bytes, for whoever may see its sheet. */
export async function readPhoto(db: Db, person: Person | null, photoId: string, size: 'full' | 'thumbnail') {
  if (!isInitiativeId(photoId)) return null;
  const [photo] = await db
    .select({
      initiativeId: initiativePhotos.initiativeId,
      contentType: initiativePhotos.contentType,
      data: size === 'full' ? initiativePhotos.data : initiativePhotos.thumbnail,
    })
    .from(initiativePhotos)
    .where(eq(initiativePhotos.id, photoId));
  if (!photo) return null;
  const row = await findInitiativeRow(db, photo.initiativeId);
  if (!row || !maySee(person, row)) return null;
  return { contentType: photo.contentType, data: photo.data, isPublic: row.visibility === 'public' && !row.deletedAt };
}
