import type { Db } from '../../src/platform/db/database.ts';
import { systemCaller } from '../../src/modules/accounts/permissions.rules.ts';
import { editions, results } from '../../src/modules/label/schema.ts';
import { recordResults, type ResultInput } from '../../src/modules/label/record-results.service.ts';

/** Territories of the label history used across tests (official codes). */
export const LAUREATES = {
  trelaze: '49353', // Maine-et-Loire, Pays de la Loire, 3k–20k
  angers: '49007', // Maine-et-Loire, > 100k
  leTrait: '76709', // Seine-Maritime, Normandie
  trilport: '77475', // Seine-et-Marne, Île-de-France (seed 003)
  issy: '92040', // Hauts-de-Seine, Île-de-France
  saintSulpice: '35315', // Ille-et-Vilaine, Bretagne, a village
  lannionTregor: '200065928', // CA Lannion-Trégor Communauté, an EPCI (22)
  angersLoireMetropole: '244900015', // CU, an EPCI (49)
} as const;

const L = LAUREATES;

/**
 * Seven editions, 2017 to 2023, in the spirit of the seeds: Trélazé at 5 @ seven years in a row
 * (seed 000: "Territoire d'excellence numérique" after the sixth, and "@ verte" in 2023), Trilport
 * at 4 @ in 2018 then 5 @ in 2019 (seed 003).
 */
export const LABEL_HISTORY: ResultInput[] = [
  ...[2017, 2018, 2019, 2020, 2021, 2022].map((year) => ({ year, territoryCode: L.trelaze, level: 5, distinctions: [] })),
  { year: 2023, territoryCode: L.trelaze, level: 5, distinctions: ['verte'] },
  ...[2019, 2020, 2021, 2022, 2023].map((year) => ({ year, territoryCode: L.angers, level: 5, distinctions: [] })),
  { year: 2018, territoryCode: L.angers, level: 4, distinctions: [] },
  { year: 2021, territoryCode: L.leTrait, level: 3, distinctions: [] },
  { year: 2022, territoryCode: L.leTrait, level: 4, distinctions: ['mediation-numerique'] },
  { year: 2023, territoryCode: L.leTrait, level: 4, distinctions: [] },
  { year: 2018, territoryCode: L.trilport, level: 4, distinctions: [] },
  { year: 2019, territoryCode: L.trilport, level: 5, distinctions: [] },
  { year: 2019, territoryCode: L.issy, level: 5, distinctions: [] },
  { year: 2023, territoryCode: L.issy, level: 5, distinctions: ['democratie-locale'] },
  { year: 2022, territoryCode: L.saintSulpice, level: 2, distinctions: [] },
  { year: 2023, territoryCode: L.saintSulpice, level: 3, distinctions: ['verte'] },
  { year: 2023, territoryCode: L.lannionTregor, level: 4, distinctions: ['numerique-educatif'] },
  { year: 2022, territoryCode: L.angersLoireMetropole, level: 3, distinctions: [] },
];

/** A result of the edition still under way: it must appear nowhere public. */
export const UNPUBLISHED_RESULT = { year: 2024, territoryCode: L.trelaze, level: 3 } as const;

/** Records the history as an import would, plus the 2024 edition, not yet published, with one result. */
export async function seedLabelHistory(db: Db, rows: ResultInput[] = LABEL_HISTORY) {
  const outcome = await db.transaction((tx) => recordResults(tx, systemCaller('test fixture'), rows, null));
  await db.insert(editions).values({ year: UNPUBLISHED_RESULT.year, state: 'under_review' }).onConflictDoNothing();
  await db
    .insert(results)
    .values({ ...UNPUBLISHED_RESULT, source: 'deliberation' })
    .onConflictDoNothing();
  return outcome;
}
