/**
 * The deliberated results of an edition, written under embargo and made public at an instant
 * (ADR 0016). The jury module decides and schedules; the label writes the results in the same
 * tables as the imported history, with `source = 'deliberation'`, so that every public surface shows
 * them through `publicEditionSql` at the instant, and nothing of them before.
 */
import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { emit } from '../../platform/events.ts';
import { requirePermission } from '../accounts/guard.ts';
import { personIdOf, type Caller } from '../accounts/permissions.rules.ts';
import { moveEdition } from './edition-state.service.ts';
import { lockEditionWithClock } from './editions.service.ts';
import './events.ts';
import { editionAdminMessages, publicationMessages } from './messages.ts';
import { recomputeExcellence } from './record-results.service.ts';
import { EXCELLENCE_CODE } from './results.rules.ts';
import { editions, resultDistinctions, results } from './schema.ts';

const m = publicationMessages;

/** A laureate's decided result (the title excluded: it follows from its rule). */
export type DeliberatedResult = { territoryCode: string; level: number; distinctions: string[] };

/**
 * Writes an edition's deliberated results and its publication instant, in the caller's transaction
 * (`publication.schedule`). The edition must be under review or deliberated and not yet public; an
 * edition under review is moved to deliberated. Scheduling again replaces the results and the
 * instant. The title is recomputed with them (its grants are read through the embargo too).
 */
export async function scheduleResultsPublication(tx: Db, caller: Caller | null, year: number, at: Date, rows: readonly DeliberatedResult[]): Promise<void> {
  requirePermission(caller, 'publication.schedule');
  const locked = await lockEditionWithClock(tx, year);
  if (!locked) throw new NotFoundError(editionAdminMessages.edition.notFound(String(year)));
  const { edition, now } = locked;
  if (edition.state !== 'under_review' && edition.state !== 'deliberated') throw new ConflictError(m.notSchedulable, 'at');
  if (edition.state === 'deliberated' && edition.publishedAt && edition.publishedAt <= now) throw new ConflictError(m.alreadyPublic, 'at');
  if (at <= now) throw new ConflictError(m.atInThePast, 'at');
  await removeDeliberatedResults(tx, year);
  for (const chunk of chunks(rows, 500)) {
    await tx.insert(results).values(chunk.map((r) => ({ year, territoryCode: r.territoryCode, level: r.level, source: 'deliberation' as const })));
    const distinctionRows = chunk.flatMap((r) =>
      [...new Set(r.distinctions)].filter((code) => code !== EXCELLENCE_CODE).map((code) => ({ year, territoryCode: r.territoryCode, distinctionCode: code })),
    );
    if (distinctionRows.length) await tx.insert(resultDistinctions).values(distinctionRows);
  }
  if (edition.state === 'under_review') await moveEdition(tx, { year, from: 'under_review', to: 'deliberated' }, m.scheduledReason, personIdOf(caller));
  await tx
    .update(editions)
    .set({ publishedAt: at, updatedAt: sql`now()` })
    .where(eq(editions.year, year));
  await recomputeExcellence(tx);
}

/**
 * Takes back a scheduled publication before its instant (`publication.schedule`): the results are
 * removed, the edition stays deliberated, its decisions may change again. Once public, refused.
 */
export async function cancelResultsPublication(tx: Db, caller: Caller | null, year: number): Promise<void> {
  requirePermission(caller, 'publication.schedule');
  const locked = await lockEditionWithClock(tx, year);
  if (!locked) throw new NotFoundError(editionAdminMessages.edition.notFound(String(year)));
  const { edition, now } = locked;
  if (edition.state === 'published' || (edition.publishedAt && edition.publishedAt <= now)) throw new ConflictError(m.alreadyPublic);
  if (!edition.publishedAt) throw new ConflictError(m.notScheduled);
  await removeDeliberatedResults(tx, year);
  await tx
    .update(editions)
    .set({ publishedAt: null, updatedAt: sql`now()` })
    .where(eq(editions.year, year));
  await recomputeExcellence(tx);
}

async function removeDeliberatedResults(tx: Db, year: number) {
  const deliberated = sql`(${resultDistinctions.territoryCode}) in (select territory_code from results where year = ${year} and source = 'deliberation')`;
  await tx.delete(resultDistinctions).where(and(eq(resultDistinctions.year, year), deliberated));
  await tx.delete(results).where(and(eq(results.year, year), eq(results.source, 'deliberation')));
}

/**
 * The job's part (label's `edition-publication` job, every second, in every process): marks
 * published each deliberated edition whose instant has come, and tells the others in the same
 * transaction ('edition.published': the laureates' e-mails; 'results.changed': the observatory's
 * level facet). The results were already public by `publicEditionSql`; the conditional move makes
 * sure this happens once, whichever process gets there first. Returns the years published.
 */
export async function publishDueEditions(db: Db, options: { baseUrl: string }): Promise<number[]> {
  const due = await db
    .select({ year: editions.year })
    .from(editions)
    .where(and(eq(editions.state, 'deliberated'), lte(editions.publishedAt, sql`now()`)));
  const done: number[] = [];
  for (const { year } of due) {
    const published = await db.transaction(async (tx) => {
      if (!(await moveEdition(tx, { year, from: 'deliberated', to: 'published' }, m.publishedReason, null))) return false;
      const laureates = (await tx.select({ code: results.territoryCode }).from(results).where(eq(results.year, year))).map((r) => r.code);
      await emit(tx, 'edition.published', { year, territoryCodes: laureates, baseUrl: options.baseUrl });
      if (laureates.length) await emit(tx, 'results.changed', { territoryCodes: laureates, years: [year], importId: null, by: null });
      return true;
    });
    if (published) done.push(year);
  }
  return done;
}

/** The soonest scheduled publication still to come (the instant public answers change by the clock), or null. */
export async function nextScheduledPublication(db: Db): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | null>`min(${editions.publishedAt})`.mapWith((v: string | Date | null) => (v === null ? null : new Date(v))) })
    .from(editions)
    .where(and(eq(editions.state, 'deliberated'), gt(editions.publishedAt, sql`now()`)));
  return row?.at ?? null;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
