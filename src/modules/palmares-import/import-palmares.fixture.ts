/**
 * A palmarès as a regional paper would have typed it, with every trap the import must report: for
 * the import's tests (service, command line, administration pages).
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { editionDistinctions, editions, resultDistinctions, results } from '../label/schema.ts';

export const PRESS_CSV = [
  'Année;Collectivité;Département;Niveau;Distinctions',
  '2008;Trélazé;49;@@@@@;', // 1 accents, level as @ signs
  '2008;St-Étienne-du-Rouvray;76;4;@ verte', // 2 "St-"
  '2008;Communauté de communes Cœur de Sologne;Loir-et-Cher;3;', // 3 an intercommunality in words
  '2008;Boulogne-Billancour;92;5 @;Mention Démocratie locale', // 4 a typo
  '2008;Cherbourg-Octeville;Manche;4;', // 5 a former commune
  '2008;Arras;62;3;', // 6 ambiguous: the commune or the urban community
  '2008;Trifouillis-les-Oies;49;2;', // 7 not found
  '2008;Angers;49;6;', // 8 invalid level
  '2008;Le Trait;76;3;Mention Jeux vidéo', // 9 unknown distinction
  '2008;TRELAZE;49;5;', // 10 duplicate of row 1
  "2009;Trélazé;49;5;Territoire d'excellence numérique", // 11 the rule's distinction: noted, not taken
  '2009;Issy les Moulineaux;Hauts de Seine;4;Médiation numérique|Numérique éducatif', // 12
  '2024;Trilport;77;4;', // 13 an edition under review
  '2009;Angers;Bretagne;4;', // 14 unknown département
].join('\r\n');

/** Rows of PRESS_CSV matched by themselves: row → territory code. */
export const PRESS_MATCHED: Record<number, string> = {
  1: '49353',
  2: '76575',
  3: '200000800',
  4: '92012',
  5: '50129',
  11: '49353',
  12: '92040',
};

/** The edition still under review that row 13 names. */
export async function openEditionUnderReview(db: Db, year = 2024) {
  await db.insert(editions).values({ year, state: 'under_review' }).onConflictDoNothing();
}

/** Everything the results tables hold, to check that a refused or failed import changed nothing. */
export async function resultsState(db: Db): Promise<string> {
  const [e, r, rd, ed] = await Promise.all([
    db.select({ year: editions.year, state: editions.state }).from(editions).orderBy(editions.year),
    db
      .select({ year: results.year, code: results.territoryCode, level: results.level, updatedAt: results.updatedAt })
      .from(results)
      .orderBy(results.year, results.territoryCode),
    db.select().from(resultDistinctions).orderBy(resultDistinctions.year, resultDistinctions.territoryCode, resultDistinctions.distinctionCode),
    db.select().from(editionDistinctions).orderBy(editionDistinctions.year, editionDistinctions.distinctionCode),
  ]);
  return JSON.stringify({ e, r, rd, ed });
}

export async function countResults(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(results);
  return row?.n ?? 0;
}
