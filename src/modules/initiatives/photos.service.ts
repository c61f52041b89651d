import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { HttpError, notFound, ValidationError } from '../../platform/http/errors.ts';
import { requirePermission } from '../accounts/guard.ts';
import type { Person } from '../accounts/permissions.rules.ts';
import { findInitiativeRow, isInitiativeId, loadContent, maySee, type InitiativeRow } from './initiative-sheet.service.ts';
import { initiativeMessages as m } from './messages.ts';
import { PhotoError, processPhoto, type ProcessedPhoto } from './photo-processing.ts';
import { recordRevision } from './revisions.service.ts';
import { initiativePhotos, initiatives } from './schema.ts';

export const MAX_PHOTOS_PER_INITIATIVE = 8;

async function editableRow(db: Db, actor: Person | null, id: string): Promise<InitiativeRow> {
  const row = await findInitiativeRow(db, id);
  if (!row || row.deletedAt || !maySee(actor, row)) throw notFound(m.api.notFound(id));
  requirePermission(actor, 'initiative.edit', { territoryCode: row.territoryCode });
  return row;
}

/** Bumps the sheet's version for a photo change, so its history says who added or removed it. */
async function touch(tx: Db, row: InitiativeRow, actor: Person | null, event: 'photo_added' | 'photo_removed') {
  const [updated] = await tx
    .update(initiatives)
    .set({ version: sql`${initiatives.version} + 1`, updatedBy: actor!.id, updatedAt: sql`now()` })
    .where(eq(initiatives.id, row.id))
    .returning();
  await recordRevision(tx, updated!, actor!.id, event, [], await loadContent(tx, updated!));
}

const STATUS_OF = { too_large: 413, unsupported_type: 415, unreadable: 400 } as const;

/** A refused photo is an HTTP error naming the `photo` field: 413, 415 or 400. */
async function checkedPhoto(file: Buffer): Promise<ProcessedPhoto> {
  try {
    return await processPhoto(file);
  } catch (error) {
    if (error instanceof PhotoError) throw new HttpError(STATUS_OF[error.code], error.message, 'photo');
    throw error;
  }
}

/** Checks the image by its content, resizes it and strips its metadata, then stores it. */
export async function addPhoto(db: Db, actor: Person | null, initiativeId: string, file: Buffer, alt: string): Promise<{ id: string }> {
  const row = await editableRow(db, actor, initiativeId);
  const cleanAlt = alt.trim().slice(0, 300);
  const [{ n } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(initiativePhotos).where(eq(initiativePhotos.initiativeId, row.id));
  if (n >= MAX_PHOTOS_PER_INITIATIVE) throw new ValidationError({ photo: m.photos.tooMany(MAX_PHOTOS_PER_INITIATIVE) });
  const photo = await checkedPhoto(file);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(initiativePhotos)
      .values({ initiativeId: row.id, position: n, alt: cleanAlt, contentType: photo.contentType, width: photo.width, height: photo.height, data: photo.data, thumbnail: photo.thumbnail, createdBy: actor!.id })
      .returning({ id: initiativePhotos.id });
    await touch(tx, row, actor, 'photo_added');
    return created!;
  });
}

export async function removePhoto(db: Db, actor: Person | null, initiativeId: string, photoId: string): Promise<void> {
  const row = await editableRow(db, actor, initiativeId);
  if (!isInitiativeId(photoId)) throw notFound();
  await db.transaction(async (tx) => {
    const deleted = await tx
      .delete(initiativePhotos)
      .where(and(eq(initiativePhotos.id, photoId), eq(initiativePhotos.initiativeId, row.id)))
      .returning({ id: initiativePhotos.id });
    if (deleted.length === 0) throw notFound();
    await touch(tx, row, actor, 'photo_removed');
  });
}

/** A photo's bytes, for whoever may see its sheet. */
export async function readPhoto(db: Db, actor: Person | null, photoId: string, size: 'full' | 'thumbnail') {
  if (!isInitiativeId(photoId)) return null;
  const [photo] = await db
    .select({ initiativeId: initiativePhotos.initiativeId, contentType: initiativePhotos.contentType, data: size === 'full' ? initiativePhotos.data : initiativePhotos.thumbnail })
    .from(initiativePhotos)
    .where(eq(initiativePhotos.id, photoId));
  if (!photo) return null;
  const row = await findInitiativeRow(db, photo.initiativeId);
  if (!row || !maySee(actor, row)) return null;
  return { contentType: photo.contentType, data: photo.data, isPublic: row.visibility === 'public' && !row.deletedAt };
}
