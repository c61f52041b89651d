/** Pure rules about territories: kinds, category and stratum (DESIGN.md glossary). */

export const TERRITORY_KINDS = ['commune', 'epci', 'departement', 'region'] as const;
export type TerritoryKind = (typeof TERRITORY_KINDS)[number];

/** A count for each kind, every kind at 0 to start with. */
export const zeroByKind = (): Record<TerritoryKind, number> => Object.fromEntries(TERRITORY_KINDS.map((kind) => [kind, 0])) as Record<TerritoryKind, number>;

export const TERRITORY_CATEGORIES = ['village', 'ville', 'territoire'] as const;
export type TerritoryCategory = (typeof TERRITORY_CATEGORIES)[number];

/** Population bands used to compare peers. */
export const TERRITORY_STRATA = ['lt3k', '3k-20k', '20k-100k', 'gt100k'] as const;
export type TerritoryStratum = (typeof TERRITORY_STRATA)[number];

/** A village is a commune under this many inhabitants. */
export const VILLAGE_POPULATION_LIMIT = 3_000;
const STRATUM_UPPER_BOUNDS: [TerritoryStratum, number][] = [
  ['lt3k', 3_000],
  ['3k-20k', 20_000],
  ['20k-100k', 100_000],
];

export function categoryOf(kind: TerritoryKind, population: number | null): TerritoryCategory {
  if (kind !== 'commune') return 'territoire';
  return population !== null && population < VILLAGE_POPULATION_LIMIT ? 'village' : 'ville';
}

export function stratumOf(population: number | null): TerritoryStratum | null {
  if (population === null || !Number.isFinite(population) || population < 0) return null;
  for (const [stratum, upper] of STRATUM_UPPER_BOUNDS) if (population < upper) return stratum;
  return 'gt100k';
}

/** Public code of a région: its INSEE code collides with départements' (01 = Guadeloupe and Ain). */
export function regionPublicCode(inseeCode: string): string {
  return `reg-${inseeCode}`;
}

/**
 * Overseas collectivities that the official source lists as if they were départements and régions
 * (Saint-Pierre-et-Miquelon, Saint-Barthélemy, Saint-Martin, TAAF, Wallis-et-Futuna, Polynésie
 * française, Nouvelle-Calédonie, Clipperton): they are neither, and are never offered as such.
 */
export const OVERSEAS_COLLECTIVITY_CODES = ['975', '977', '978', '984', '986', '987', '988', '989'] as const;

/**
 * Of those, the ones whose "communes" in the source are not municipalities with a council that could
 * apply: the TAAF districts (no permanent population), Wallis-et-Futuna's chiefdoms, uninhabited
 * Clipperton. The communes of the other collectivities are real communes and take part.
 */
export const WITHOUT_MUNICIPALITIES_CODES = ['984', '986', '989'] as const;

export type ParticipationFacts = { kind: TerritoryKind; officialCode: string; departmentCode: string | null };

/**
 * The one rule of who can take part in the label: every commune, intercommunality, département and
 * région, but not the overseas collectivities posing as départements or régions, nor the pseudo-
 * communes of the territories without municipalities. Counts, the directory, search and facets
 * follow it (participatingTerritorySql in directory-counts.service.ts is its SQL form).
 */
export function takesPart(territory: ParticipationFacts): boolean {
  switch (territory.kind) {
    case 'commune':
      return territory.departmentCode === null || !(WITHOUT_MUNICIPALITIES_CODES as readonly string[]).includes(territory.departmentCode);
    case 'epci':
      return true;
    case 'departement':
    case 'region':
      return !(OVERSEAS_COLLECTIVITY_CODES as readonly string[]).includes(territory.officialCode);
  }
}

/**
 * The official order of département codes: 01 … 19, 2A, 2B, 21 … 95, 971 … (Corse sits where 20
 * was). Plain or numeric string order puts 2A and 2B after 29, or before 10.
 */
export function compareDepartmentCodes(a: string, b: string): number {
  // 2A → « 020A », 21 → « 021 », 971 → « 971 »: Corse between 19 and 21 (a space sorts before a letter).
  const key = (code: string) => {
    const upper = code.toUpperCase();
    return /^2[AB]$/.test(upper) ? `020${upper[1]}` : `${upper.padStart(3, '0')} `;
  };
  const [ka, kb] = [key(a), key(b)];
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
