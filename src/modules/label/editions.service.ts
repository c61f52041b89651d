import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { EditionState } from './edition-lifecycle.rules.ts';
import type { Distinction } from './results.service.ts';
import { distinctions, editionDistinctions, editions } from './schema.ts';

/** An edition as the campaign and the admin see it: its state, its calendar, its referential. */
export type Edition = {
  year: number;
  state: EditionState;
  opensAt: Date | null;
  closesAt: Date | null;
  juryAt: Date | null;
  ceremonyAt: Date | null;
  referentialVersion: string | null;
  basedOn: number | null;
  publishedAt: Date | null;
};

const editionColumns = {
  year: editions.year,
  state: editions.state,
  opensAt: editions.opensAt,
  closesAt: editions.closesAt,
  juryAt: editions.juryAt,
  ceremonyAt: editions.ceremonyAt,
  referentialVersion: editions.referentialVersion,
  basedOn: editions.basedOn,
  publishedAt: editions.publishedAt,
};

/** One edition, or null. Public facts: no permission needed. */
export async function getEdition(db: Db, year: number): Promise<Edition | null> {
  const [row] = await db.select(editionColumns).from(editions).where(eq(editions.year, year));
  return row ?? null;
}

/** Every edition, the most recent first (`order: 'asc'` for the oldest first). */
export async function listEditions(db: Db, options: { order?: 'asc' | 'desc' } = {}): Promise<Edition[]> {
  return db
    .select(editionColumns)
    .from(editions)
    .orderBy(options.order === 'asc' ? asc(editions.year) : desc(editions.year));
}

/**
 * The edition locked for the rest of the transaction, with the database's clock: what a submission
 * is checked against (never the application server's clock, which may drift), so that a state change
 * or a closing cannot slip between the check and the write.
 */
export async function lockEditionWithClock(tx: Db, year: number): Promise<{ edition: Edition; now: Date } | null> {
  const [row] = await tx
    .select({ ...editionColumns, now: sql<Date>`now()`.mapWith((v: string | Date) => new Date(v)) })
    .from(editions)
    .where(eq(editions.year, year))
    .for('update');
  if (!row) return null;
  const { now, ...edition } = row;
  return { edition, now };
}

/** The distinctions an edition offers, in the catalogue's order. */
export async function listOfferedDistinctions(db: Db, year: number): Promise<Distinction[]> {
  return db
    .select({ code: distinctions.code, name: distinctions.name, kind: distinctions.kind, description: distinctions.description, aliases: distinctions.aliases })
    .from(editionDistinctions)
    .innerJoin(distinctions, eq(distinctions.code, editionDistinctions.distinctionCode))
    .where(eq(editionDistinctions.year, year))
    .orderBy(asc(distinctions.position));
}
