import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { DEFAULT_REVIEWERS_PER_DOSSIER } from './assignment.rules.ts';
import { DEFAULT_LEVEL_THRESHOLDS, DEFAULT_REVIEW_WEIGHT } from './deliberation.rules.ts';
import { juryParameters } from './schema.ts';

/** The jury's parameters of an edition. */
export type JuryParameters = { reviewersPerDossier: number; levelThresholds: number[]; reviewWeight: number; version: number };

/** The edition's jury parameters, or the defaults (version 0) when the staff set none. */
export async function juryParametersOf(db: Db, year: number): Promise<JuryParameters> {
  const [row] = await db.select().from(juryParameters).where(eq(juryParameters.year, year));
  if (!row)
    return {
      reviewersPerDossier: DEFAULT_REVIEWERS_PER_DOSSIER,
      levelThresholds: [...DEFAULT_LEVEL_THRESHOLDS],
      reviewWeight: DEFAULT_REVIEW_WEIGHT,
      version: 0,
    };
  return { reviewersPerDossier: row.reviewersPerDossier, levelThresholds: row.levelThresholds, reviewWeight: row.reviewWeight, version: row.version };
}
