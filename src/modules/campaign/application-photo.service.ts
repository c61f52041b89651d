/**
 * The interview's photo, one per dossier: added, replaced or removed by whoever may edit the dossier
 * while it is a draft, read by whoever may read it. It goes through the sheets' pipeline (checked by
 * its content, metadata stripped, resized) but is kept as JPEG: the dossier's PDF embeds it, and
 * pdfkit reads no WebP. A change bumps the dossier's version (a form opened before it still merges)
 * and is listed in the dossier's history.
 */
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, InvalidInputError, NotFoundError, TooLargeError, type FieldErrors } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { MAX_PHOTO_BYTES, checkedPhoto } from '../../platform/images/photo-processing.ts';
import { photoMessages } from '../../platform/images/photo-messages.ts';
import { requirePermission } from '../accounts/guard.ts';
import { can, type Person } from '../accounts/permissions.rules.ts';
import { contentOf, findApplicationRow, type ApplicationRow } from './application-store.ts';
import './events.ts';
import { campaignMessages } from './messages.ts';
import { applicationEvents, applicationPhotos, applicationRevisions, applications, applicationSnapshotPhotos } from './schema.ts';

const m = campaignMessages.application;
const pm = campaignMessages.page.photo;
export const MAX_PHOTO_ALT = 300;

/** The file as the form brought it: none chosen, or its bytes (cut at the size limit when `truncated`). */
export type PhotoInput = { file: { data: Buffer; truncated: boolean } | undefined; alt: unknown };

/** A dossier the person may read (else not found, its existence untold), then may edit (else forbidden). */
async function editableRow(db: Db, person: Person | null, id: string): Promise<ApplicationRow> {
  const row = await findApplicationRow(db, id);
  if (!row || !can(person, 'application.view', { territoryCode: row.territoryCode })) {
    if (!person) requirePermission(person, 'application.edit');
    throw new NotFoundError(m.notFound);
  }
  requirePermission(person, 'application.edit', { territoryCode: row.territoryCode });
  if (row.state !== 'draft') throw new ConflictError(m.notDraft);
  return row;
}

/** The version bump, the revision a stale form merges from (content unchanged), the history's line and the event. */
async function recordPhotoChange(tx: Db, row: ApplicationRow, person: Person, kind: 'photo_added' | 'photo_replaced' | 'photo_removed') {
  const next = row.version + 1;
  await tx
    .update(applications)
    .set({ version: next, updatedBy: person.id, updatedAt: sql`now()` })
    .where(eq(applications.id, row.id));
  await tx.insert(applicationRevisions).values({ applicationId: row.id, version: next, content: await contentOf(tx, row), savedBy: person.id });
  await tx.insert(applicationEvents).values({ applicationId: row.id, kind, personId: person.id });
  await emit(tx, 'application.changed', { applicationId: row.id, year: row.year, territoryCode: row.territoryCode, change: 'photo', by: person.id });
}

/**
 * Adds the interview's photo, or replaces it. Every check comes before any write: a missing file or
 * description (both named at once), then the file itself (too large 413, not an image 415, unreadable 400).
 */
export async function setApplicationPhoto(db: Db, person: Person | null, id: string, input: PhotoInput): Promise<void> {
  const found = await editableRow(db, person, id);
  const editor = person as Person;
  const alt = typeof input.alt === 'string' ? input.alt.trim() : '';
  const errors: FieldErrors = {};
  if (!input.file) errors.photo = pm.fileRequired;
  if (!alt) errors.photoAlt = pm.altRequired;
  else if (alt.length > MAX_PHOTO_ALT) errors.photoAlt = pm.altTooLong(MAX_PHOTO_ALT);
  if (Object.keys(errors).length || !input.file) throw new InvalidInputError(errors);
  if (input.file.truncated) throw new TooLargeError(photoMessages.tooLarge(MAX_PHOTO_BYTES / 1024 / 1024), 'photo');
  const photo = await checkedPhoto(input.file.data, { format: 'jpeg' });

  await db.transaction(async (tx) => {
    // Locked, and checked again: a submission meanwhile freezes the dossier without this photo.
    const row = await findApplicationRow(tx, found.id, { forUpdate: true });
    if (!row) throw new NotFoundError(m.notFound);
    if (row.state !== 'draft') throw new ConflictError(m.notDraft);
    const [existing] = await tx.select({ id: applicationPhotos.applicationId }).from(applicationPhotos).where(eq(applicationPhotos.applicationId, row.id));
    const values = {
      alt,
      contentType: photo.contentType,
      width: photo.width,
      height: photo.height,
      data: photo.data,
      thumbnail: photo.thumbnail,
      createdBy: editor.id,
    };
    await tx
      .insert(applicationPhotos)
      .values({ applicationId: row.id, ...values })
      .onConflictDoUpdate({ target: applicationPhotos.applicationId, set: { ...values, createdAt: sql`now()` } });
    await recordPhotoChange(tx, row, editor, existing ? 'photo_replaced' : 'photo_added');
  });
}

/** Removes the interview's photo; a dossier without one answers not found. */
export async function removeApplicationPhoto(db: Db, person: Person | null, id: string): Promise<void> {
  const found = await editableRow(db, person, id);
  await db.transaction(async (tx) => {
    const row = await findApplicationRow(tx, found.id, { forUpdate: true });
    if (!row) throw new NotFoundError(m.notFound);
    if (row.state !== 'draft') throw new ConflictError(m.notDraft);
    const deleted = await tx.delete(applicationPhotos).where(eq(applicationPhotos.applicationId, row.id)).returning({ id: applicationPhotos.applicationId });
    if (!deleted.length) throw new NotFoundError(pm.notFound);
    await recordPhotoChange(tx, row, person as Person, 'photo_removed');
  });
}

/** The photo's bytes (or its thumbnail's), for whoever may read the dossier; null when there is none to show. */
export async function readApplicationPhoto(db: Db, person: Person | null, id: string, size: 'full' | 'thumbnail') {
  const row = await findApplicationRow(db, id);
  if (!row || !can(person, 'application.view', { territoryCode: row.territoryCode })) {
    if (!person) requirePermission(person, 'application.view');
    return null;
  }
  const [photo] = await db
    .select({ contentType: applicationPhotos.contentType, data: size === 'full' ? applicationPhotos.data : applicationPhotos.thumbnail })
    .from(applicationPhotos)
    .where(eq(applicationPhotos.applicationId, row.id));
  return photo ?? null;
}

/** Freezes the dossier's current photo with a snapshot being written, in the submission's transaction. */
export async function freezePhoto(tx: Db, applicationId: string, snapshotId: string): Promise<void> {
  const [photo] = await tx
    .select({
      alt: applicationPhotos.alt,
      contentType: applicationPhotos.contentType,
      width: applicationPhotos.width,
      height: applicationPhotos.height,
      data: applicationPhotos.data,
    })
    .from(applicationPhotos)
    .where(eq(applicationPhotos.applicationId, applicationId));
  if (photo) await tx.insert(applicationSnapshotPhotos).values({ snapshotId, ...photo });
}

/** The photo a snapshot froze (its caller has checked who reads it), or null. */
export async function snapshotPhoto(
  db: Db,
  snapshotId: string,
): Promise<{ contentType: string; data: Buffer; width: number; height: number; alt: string } | null> {
  const [photo] = await db
    .select({
      contentType: applicationSnapshotPhotos.contentType,
      data: applicationSnapshotPhotos.data,
      width: applicationSnapshotPhotos.width,
      height: applicationSnapshotPhotos.height,
      alt: applicationSnapshotPhotos.alt,
    })
    .from(applicationSnapshotPhotos)
    .where(eq(applicationSnapshotPhotos.snapshotId, snapshotId));
  return photo ?? null;
}
