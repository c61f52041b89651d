import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { emit } from '../../platform/events.ts';
import './events.ts';
import { requirePermission } from '../accounts/guard.ts';
import { personIdOf, type Caller } from '../accounts/permissions.rules.ts';
import { EXCELLENCE_CODE, excellenceGrantYears, type ExcellenceParameters } from './results.rules.ts';
import { editionWithResultsSql, getExcellenceParameters } from './results.service.ts';
import { distinctions, editionDistinctions, editions, resultDistinctions, results } from './schema.ts';

/**
 * Records results and tells the rest of the platform in the same transaction (the observatory's
 * "label level" facet of the territories' sheets follows). Checks `results.import`.
 */
export async function recordResults(tx: Db, caller: Caller | null, rows: ResultInput[], importId: string | null): Promise<RecordResultsOutcome> {
  const outcome = await recordImportedResults(tx, caller, rows, importId);
  if (outcome.territoryCodes.length) {
    const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
    await emit(tx, 'results.changed', { territoryCodes: outcome.territoryCodes, years, importId, by: caller ? personIdOf(caller) : null });
  }
  return outcome;
}

export type ResultInput = { year: number; territoryCode: string; level: number; distinctions: string[] };
export type RecordResultsOutcome = {
  inserted: number;
  updated: number;
  unchanged: number;
  editions: number[];
  /** Territories whose results were inserted or changed. */
  territoryCodes: string[];
};

/**
 * Writes imported results in the caller's transaction: editions are created as published, each
 * (edition, territory) result is inserted or brought to the given level and distinctions, and the
 * rule-granted distinction is recomputed. Running it again with the same rows changes nothing.
 */
export async function recordImportedResults(tx: Db, caller: Caller | null, rows: ResultInput[], importId: string | null): Promise<RecordResultsOutcome> {
  requirePermission(caller, 'results.import');
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  if (years.length > 0) {
    await tx
      .insert(editions)
      .values(years.map((year) => ({ year, state: 'published' as const, publishedAt: new Date() })))
      .onConflictDoNothing();
  }
  const existing = new Map<string, { level: number; distinctions: string[] }>();
  for (const chunk of chunks(years, 50)) {
    for (const r of await listResultsOfYears(tx, chunk)) existing.set(`${r.year}|${r.territoryCode}`, r);
  }
  const outcome: RecordResultsOutcome = { inserted: 0, updated: 0, unchanged: 0, editions: years, territoryCodes: [] };
  const changed: ResultInput[] = [];
  for (const row of rows) {
    const wanted = [...new Set(row.distinctions.filter((d) => d !== EXCELLENCE_CODE))].sort();
    const before = existing.get(`${row.year}|${row.territoryCode}`);
    const beforeDistinctions = before?.distinctions.filter((d) => d !== EXCELLENCE_CODE).sort() ?? [];
    if (!before) outcome.inserted += 1;
    else if (before.level !== row.level || beforeDistinctions.join() !== wanted.join()) outcome.updated += 1;
    else {
      outcome.unchanged += 1;
      continue;
    }
    changed.push({ ...row, distinctions: wanted });
  }
  for (const chunk of chunks(changed, 500)) {
    await tx
      .insert(results)
      .values(chunk.map((r) => ({ year: r.year, territoryCode: r.territoryCode, level: r.level, source: 'import' as const, importId })))
      .onConflictDoUpdate({
        target: [results.year, results.territoryCode],
        set: { level: sql`excluded.level`, importId: sql`excluded.import_id`, updatedAt: sql`now()` },
        setWhere: eq(results.source, 'import'),
      });
    // The imported distinctions are replaced; excellence follows its rule below.
    await deleteDistinctionsOf(tx, chunk, sql`${resultDistinctions.distinctionCode} <> ${EXCELLENCE_CODE}`);
    const distinctionRows = chunk.flatMap((r) => r.distinctions.map((code) => ({ year: r.year, territoryCode: r.territoryCode, distinctionCode: code })));
    if (distinctionRows.length > 0) await tx.insert(resultDistinctions).values(distinctionRows).onConflictDoNothing();
  }
  const offered = [
    ...new Map(changed.flatMap((r) => r.distinctions.map((code) => [`${r.year}|${code}`, { year: r.year, distinctionCode: code }] as const))).values(),
  ];
  if (offered.length > 0) await tx.insert(editionDistinctions).values(offered).onConflictDoNothing();
  if (changed.length > 0) await recomputeExcellence(tx);
  outcome.territoryCodes = [...new Set(changed.map((r) => r.territoryCode))];
  return outcome;
}

/**
 * Deletes, in one statement, the distinctions matching `which` of these results. The keys go as one
 * JSON parameter: a long list of row values makes PGlite's planner recurse until it aborts.
 */
async function deleteDistinctionsOf(tx: Db, keys: readonly { year: number; territoryCode: string }[], which: SQL | undefined) {
  if (keys.length === 0) return;
  const pairs = JSON.stringify(keys.map((k) => ({ year: k.year, code: k.territoryCode })));
  await tx
    .delete(resultDistinctions)
    .where(
      and(
        sql`(${resultDistinctions.year}, ${resultDistinctions.territoryCode}) in (select (k->>'year')::integer, k->>'code' from jsonb_array_elements(${pairs}::jsonb) as k)`,
        which,
      ),
    );
}

async function listResultsOfYears(tx: Db, years: number[]) {
  return tx
    .select({
      year: results.year,
      territoryCode: results.territoryCode,
      level: results.level,
      distinctions: sql<
        string[]
      >`coalesce(array_agg(${resultDistinctions.distinctionCode}) filter (where ${resultDistinctions.distinctionCode} is not null), '{}')`,
    })
    .from(results)
    .leftJoin(resultDistinctions, and(eq(resultDistinctions.year, results.year), eq(resultDistinctions.territoryCode, results.territoryCode)))
    .where(inArray(results.year, years))
    .groupBy(results.year, results.territoryCode, results.level);
}

/**
 * Grants "Territoire d'excellence numérique" by rule over the editions whose results stand (a
 * scheduled one included: its grants are read through the embargo, as its results): the stored grants
 * are made equal to what the rule gives, so a change of parameters or of history is reflected.
 */
export async function recomputeExcellence(tx: Db): Promise<{ granted: number; revoked: number }> {
  const parameters = await getExcellenceParameters(tx);
  const editionYears = (await tx.select({ year: editions.year }).from(editions).where(editionWithResultsSql).orderBy(editions.year)).map((e) => e.year);
  const topResults = await tx
    .select({ year: results.year, territoryCode: results.territoryCode, level: results.level })
    .from(results)
    .innerJoin(editions, and(eq(editions.year, results.year), editionWithResultsSql));
  const levelsByTerritory = new Map<string, Map<number, number>>();
  for (const r of topResults) {
    let levels = levelsByTerritory.get(r.territoryCode);
    if (!levels) levelsByTerritory.set(r.territoryCode, (levels = new Map()));
    levels.set(r.year, r.level);
  }
  const wanted = new Map<string, { year: number; territoryCode: string }>();
  for (const [territoryCode, levels] of levelsByTerritory) {
    for (const year of excellenceGrantYears(levels, editionYears, parameters)) wanted.set(`${year}|${territoryCode}`, { year, territoryCode });
  }
  const stored = await tx
    .select({ year: resultDistinctions.year, territoryCode: resultDistinctions.territoryCode })
    .from(resultDistinctions)
    .where(eq(resultDistinctions.distinctionCode, EXCELLENCE_CODE));
  const storedKeys = new Set(stored.map((s) => `${s.year}|${s.territoryCode}`));
  const toRevoke = stored.filter((s) => !wanted.has(`${s.year}|${s.territoryCode}`));
  const toGrant = [...wanted]
    .filter(([key]) => !storedKeys.has(key))
    .map(([, { year, territoryCode }]) => ({ year, territoryCode, distinctionCode: EXCELLENCE_CODE }));
  for (const chunk of chunks(toRevoke, 500)) await deleteDistinctionsOf(tx, chunk, eq(resultDistinctions.distinctionCode, EXCELLENCE_CODE));
  for (const chunk of chunks(toGrant, 500)) await tx.insert(resultDistinctions).values(chunk);
  const grantYears = [...new Set(toGrant.map((g) => g.year))];
  if (grantYears.length > 0) {
    await tx
      .insert(editionDistinctions)
      .values(grantYears.map((year) => ({ year, distinctionCode: EXCELLENCE_CODE })))
      .onConflictDoNothing();
  }
  return { granted: toGrant.length, revoked: toRevoke.length };
}

/** Changes the two parameters of the multi-year distinction and re-applies the rule at once (`results.manage`). */
export async function setExcellenceParameters(db: Db, caller: Caller | null, parameters: ExcellenceParameters) {
  requirePermission(caller, 'results.manage');
  return db.transaction(async (tx) => {
    await tx.update(distinctions).set(parameters).where(eq(distinctions.code, EXCELLENCE_CODE));
    return recomputeExcellence(tx);
  });
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
