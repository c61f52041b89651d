/**
 * The press kit of an edition: from the jury's decisions, the counts, the laureates and the French
 * summary sentences of the whole country and of each région, and its CSV files. Pure, no I/O.
 */
import { writeCsv, type CsvCell } from '../../platform/csv.ts';
import { foldText } from '../../platform/text.ts';
import { countLevels, LEVELS, TOP_LEVEL, totalOf, type DistinctionKind, type LevelCounts } from '../label/results.rules.ts';
import { territoryMessages } from '../territories/messages.ts';
import { TERRITORY_KINDS, type TerritoryCategory, type TerritoryKind } from '../territories/territory.rules.ts';
import { distinctionLabel, pressKitMessages } from './press-kit.messages.ts';

const s = pressKitMessages.sentences;

/** One decision of the jury, with what the press needs about its territory. */
export type PressKitDecision = {
  territoryCode: string;
  name: string;
  kind: TerritoryKind;
  category: TerritoryCategory;
  population: number | null;
  department: { code: string; name: string } | null;
  /** The région by its INSEE code (« 52 »); null for a territory outside the régions. */
  region: { code: string; name: string } | null;
  level: number;
  distinctions: readonly string[];
};

/** A distinction of the catalogue, in its order. */
export type CatalogueDistinction = { code: string; name: string; kind: DistinctionKind };

export type DistinctionCount = { code: string; name: string; kind: DistinctionKind; count: number };

/** The figures of a set of laureates: the whole country or one région. */
export type PressKitFigures = {
  total: number;
  levels: LevelCounts;
  /** The distinctions held by at least one laureate, in the catalogue's order. */
  distinctions: DistinctionCount[];
  /** Best level first, then by name. */
  laureates: PressKitDecision[];
  sentences: string[];
};

export type RegionPressKit = PressKitFigures & { region: { code: string; name: string } | null };

export type PressKitSummary = {
  national: PressKitFigures;
  /** Régions with at least one laureate, by name; the territories outside the régions last. */
  regions: RegionPressKit[];
};

/** Best level first, then by name as French sorts it, then by code (two homonyms keep one order). */
export function compareLaureates(a: PressKitDecision, b: PressKitDecision): number {
  return b.level - a.level || a.name.localeCompare(b.name, 'fr') || a.territoryCode.localeCompare(b.territoryCode, 'en');
}

/** How many laureates hold each distinction, in the catalogue's order; codes outside the catalogue come last, by code. */
export function countDistinctions(laureates: readonly PressKitDecision[], catalogue: readonly CatalogueDistinction[]): DistinctionCount[] {
  const counts = new Map<string, number>();
  for (const laureate of laureates) for (const code of new Set(laureate.distinctions)) counts.set(code, (counts.get(code) ?? 0) + 1);
  const known = catalogue.flatMap((d) => {
    const count = counts.get(d.code);
    return count ? [{ code: d.code, name: d.name, kind: d.kind, count }] : [];
  });
  const unknown = [...counts.entries()]
    .filter(([code]) => !catalogue.some((d) => d.code === code))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, count]) => ({ code, name: code, kind: 'mention' as const, count }));
  return [...known, ...unknown];
}

/** The levels held, from the best, with their counts: what « 3 à 5 @, 7 à 4 @ » lists. */
export function levelsHeld(levels: LevelCounts): { level: number; count: number }[] {
  return [...LEVELS].reverse().flatMap((level) => (levels[level] > 0 ? [{ level, count: levels[level] }] : []));
}

function figuresOf(laureates: readonly PressKitDecision[], catalogue: readonly CatalogueDistinction[]): Omit<PressKitFigures, 'sentences'> {
  const levels = countLevels(laureates.map((l) => l.level));
  return { total: totalOf(levels), levels, distinctions: countDistinctions(laureates, catalogue), laureates: [...laureates].sort(compareLaureates) };
}

const regionKey = (region: PressKitDecision['region']) => region?.code ?? '';

/**
 * For each kind of territory with laureates at the top level: « 63 communes à 5 @ dont 17 en
 * Île-de-France », the région named being the one with the most of them (by name between equals).
 */
export function topLevelSentences(laureates: readonly PressKitDecision[]): string[] {
  const sentences: string[] = [];
  for (const kind of TERRITORY_KINDS) {
    const top = laureates.filter((l) => l.kind === kind && l.level === TOP_LEVEL);
    if (top.length === 0) continue;
    const byRegion = new Map<string, { name: string | null; count: number }>();
    for (const l of top) {
      const entry = byRegion.get(regionKey(l.region)) ?? { name: l.region?.name ?? null, count: 0 };
      entry.count += 1;
      byRegion.set(regionKey(l.region), entry);
    }
    // The territories outside the régions are never « the région with the most ».
    const ranked = [...byRegion.entries()].sort(
      ([ka, a], [kb, b]) => Number(ka === '') - Number(kb === '') || b.count - a.count || (a.name ?? '').localeCompare(b.name ?? '', 'fr'),
    );
    const [, first] = ranked[0] ?? ['', { name: null, count: 0 }];
    sentences.push(s.topByKind(kind, top.length, TOP_LEVEL, first.name, first.count));
  }
  return sentences;
}

const distinctionSentences = (distinctions: readonly DistinctionCount[]) => distinctions.map((d) => s.distinction(d.count, d.name, d.kind));

/**
 * The press kit of an edition's decisions: the whole country (« 312 territoires labellisés en
 * 2027, dont 63 à 5 @ », then one sentence per kind of territory at the top level, then one per
 * distinction) and each région (« En Pays de la Loire, 24 territoires labellisés : 3 à 5 @… », then
 * one per distinction). A decision counts once per territory: a repeated territory keeps its last.
 */
export function pressKitSummary(year: number, decisions: readonly PressKitDecision[], catalogue: readonly CatalogueDistinction[]): PressKitSummary {
  const laureates = [...new Map(decisions.map((d) => [d.territoryCode, d])).values()];
  const national = figuresOf(laureates, catalogue);
  const nationalSentences =
    national.total === 0
      ? []
      : [
          s.national(national.total, year, national.levels[TOP_LEVEL], TOP_LEVEL),
          ...topLevelSentences(laureates),
          ...distinctionSentences(national.distinctions),
        ];

  const groups = new Map<string, { region: PressKitDecision['region']; laureates: PressKitDecision[] }>();
  for (const l of laureates) {
    const group = groups.get(regionKey(l.region)) ?? { region: l.region, laureates: [] };
    group.laureates.push(l);
    groups.set(regionKey(l.region), group);
  }
  const regions = [...groups.values()]
    .map(({ region, laureates: group }): RegionPressKit => {
      const figures = figuresOf(group, catalogue);
      return {
        region: region ? { code: region.code, name: region.name } : null,
        ...figures,
        sentences: [s.region(region?.name ?? null, figures.total, levelsHeld(figures.levels)), ...distinctionSentences(figures.distinctions)],
      };
    })
    .sort((a, b) => Number(a.region === null) - Number(b.region === null) || (a.region?.name ?? '').localeCompare(b.region?.name ?? '', 'fr'));
  return { national: { ...national, sentences: nationalSentences }, regions };
}

/** « pays-de-la-loire », « ile-de-france »: a région's name in a file name. */
export function regionSlug(name: string): string {
  return foldText(name).replace(/ /g, '-');
}

const c = pressKitMessages.csv;

/** One laureate as a CSV line: région, département, code, name, category, population, level, distinctions' names (a code outside the catalogue as is). */
export function pressKitCsvRow(laureate: PressKitDecision, catalogue: readonly CatalogueDistinction[]): CsvCell[] {
  const names = new Map(catalogue.map((d) => [d.code, distinctionLabel(d.name, d.kind)]));
  return [
    laureate.region?.name ?? null,
    laureate.department ? c.department(laureate.department.code, laureate.department.name) : null,
    laureate.territoryCode,
    laureate.name,
    territoryMessages.categories[laureate.category] ?? laureate.category,
    laureate.population,
    laureate.level,
    laureate.distinctions.map((code) => names.get(code) ?? code).join(', ') || null,
  ];
}

/**
 * The CSV of some régions' laureates (every région's when given them all), through the platform's
 * one CSV writer: UTF-8 with its byte order mark, semicolons as French spreadsheets expect, the
 * régions in the given order and, in each, the best level first then by name.
 */
export function pressKitCsv(regions: readonly Pick<RegionPressKit, 'laureates'>[], catalogue: readonly CatalogueDistinction[]): string {
  const rows = regions.flatMap((r) => [...r.laureates].sort(compareLaureates).map((l) => pressKitCsvRow(l, catalogue)));
  return writeCsv(c.columns, rows, { delimiter: ';', decimalComma: true });
}
