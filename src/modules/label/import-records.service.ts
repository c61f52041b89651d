import { desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { isUuid } from '../../platform/validation.ts';
import type { EditionState } from './edition-lifecycle.rules.ts';
import { editions, palmaresImports } from './schema.ts';

// Where imported results come from: the label keeps the record of each import (its file, the
// decisions taken on it, its counts) because results point to it. The palmarès-import module reads
// and writes those records here, never the table itself.

export type ImportRecord = typeof palmaresImports.$inferSelect;
export type ImportRecordSummary = Pick<ImportRecord, 'id' | 'fileName' | 'state' | 'createdAt' | 'appliedAt' | 'summary'>;

export async function insertImportRecord(
  tx: Db,
  values: { fileName: string; content: string; createdBy: string | null; decisions?: Record<string, string>; state?: ImportRecord['state']; appliedAt?: Date },
): Promise<{ id: string }> {
  const [row] = await tx.insert(palmaresImports).values(values).returning({ id: palmaresImports.id });
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** The record, or null for an unknown or malformed id; `forUpdate` locks it for the caller's transaction. */
export async function findImportRecord(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<ImportRecord | null> {
  if (!isUuid(id)) return null;
  const query = db.select().from(palmaresImports).where(eq(palmaresImports.id, id));
  const [row] = options.forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

/** The latest records, newest first, without their content. */
export async function listImportRecords(db: Db, limit: number): Promise<ImportRecordSummary[]> {
  return db
    .select({
      id: palmaresImports.id,
      fileName: palmaresImports.fileName,
      state: palmaresImports.state,
      createdAt: palmaresImports.createdAt,
      appliedAt: palmaresImports.appliedAt,
      summary: palmaresImports.summary,
    })
    .from(palmaresImports)
    .orderBy(desc(palmaresImports.createdAt))
    .limit(limit);
}

export async function updateImportRecord(
  tx: Db,
  id: string,
  values: Partial<Pick<ImportRecord, 'decisions' | 'state' | 'appliedAt' | 'summary'>>,
): Promise<ImportRecord | null> {
  const [row] = await tx.update(palmaresImports).set(values).where(eq(palmaresImports.id, id)).returning();
  return row ?? null;
}

export async function deleteImportRecord(tx: Db, id: string): Promise<void> {
  await tx.delete(palmaresImports).where(eq(palmaresImports.id, id));
}

/** The states of these editions (absent: the edition does not exist yet). */
export async function editionStates(db: Db, years: readonly number[]): Promise<Map<number, EditionState>> {
  if (years.length === 0) return new Map();
  const rows = await db
    .select({ year: editions.year, state: editions.state })
    .from(editions)
    .where(inArray(editions.year, [...years]));
  return new Map(rows.map((r) => [r.year, r.state]));
}
