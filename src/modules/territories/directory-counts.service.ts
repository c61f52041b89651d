import { and, eq, inArray, isNull, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { directoryCounts, territories } from './schema.ts';
import { OVERSEAS_COLLECTIVITY_CODES, WITHOUT_MUNICIPALITIES_CODES, zeroByKind, type TerritoryKind } from './territory.rules.ts';

/** takesPart (territory.rules.ts) as a condition on the territories table, from the same lists. */
export function participatingTerritorySql(): SQL {
  const condition = or(
    and(eq(territories.kind, 'commune'), or(isNull(territories.departmentCode), notInArray(territories.departmentCode, [...WITHOUT_MUNICIPALITIES_CODES]))),
    eq(territories.kind, 'epci'),
    and(inArray(territories.kind, ['departement', 'region']), notInArray(territories.officialCode, [...OVERSEAS_COLLECTIVITY_CODES])),
  );
  return condition ?? sql`true`;
}

/** How many territories of each kind take part, as the last import counted them. */
export async function territoryDirectoryCounts(db: Db): Promise<Record<TerritoryKind, number>> {
  const rows = await db.select().from(directoryCounts);
  const counts = zeroByKind();
  for (const r of rows) counts[r.kind] = r.participating;
  return counts;
}

/** Counts again the territories taking part, by kind (inside the import's transaction). */
export async function countDirectory(tx: Db): Promise<void> {
  await tx.delete(directoryCounts);
  await tx.insert(directoryCounts).select(
    tx
      .select({ kind: territories.kind, participating: sql<number>`count(*)::int`.as('participating') })
      .from(territories)
      .where(participatingTerritorySql())
      .groupBy(territories.kind),
  );
}

/** Whether the directory's counts were ever made (a database from before they were kept has none). */
export async function directoryCounted(db: Db): Promise<boolean> {
  const [row] = await db.select({ kind: directoryCounts.kind }).from(directoryCounts).limit(1);
  return row !== undefined;
}
