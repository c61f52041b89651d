// The demo palmarès: ten invented editions (2017–2026) of the label in the style of press lists, over
// real territories. Deterministic (seeded), and every row is checked against the matcher so that the
// import finds the intended territory: a demo never shows a wrong match.
// `scripts/generate-demo-palmares.ts` writes it to demo/palmares-demo.csv.
import type { TerritoryRow } from '../territories/import-territories.service.ts';
import { matchRow, type MatchIndex } from '../territories/territory-matching.rules.ts';
import { officialMatchIndex } from '../territories/official-match-index.ts';

const YEARS = Array.from({ length: 10 }, (_, i) => 2017 + i);
const MENTIONS_SINCE = 2022;
const MENTIONS = ['@ verte', 'Démocratie locale', 'Médiation numérique', 'Numérique éducatif'];
const POOL_SIZE = 430;

// Territories the seed articles speak of, with their story; the others are drawn at random.
const STORIES: Record<string, Partial<Record<number, number>>> = {
  '49353': Object.fromEntries(YEARS.map((y) => [y, 5])), // Trélazé: 5 @ year after year (seed 000)
  '77475': { 2018: 4, 2019: 5, 2020: 5, 2021: 5, 2023: 5, 2025: 5 }, // Trilport (seed 003)
  '76709': { 2021: 3, 2022: 3, 2023: 4, 2024: 4, 2025: 4, 2026: 5 }, // Le Trait (seed 001)
};
const STORY_MENTIONS: Record<string, Record<number, string[]>> = { '49353': { 2023: ['@ verte'] }, '76709': { 2024: ['@ verte'] } };

/** mulberry32: a tiny seeded generator, so the file is the same at every run. */
function seededRandom(seed: number) {
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => {
    const item = items[Math.floor(random() * items.length)];
    if (item === undefined) throw new Error('pick: nothing to pick from');
    return item;
  };
  const weighted = <T>(entries: [T, number][]): T => {
    let r = random() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [value, w] of entries) if ((r -= w) < 0) return value;
    const last = entries.at(-1);
    if (!last) throw new Error('weighted: no entries');
    return last[0];
  };
  return { random, pick, weighted };
}
type Random = ReturnType<typeof seededRandom>;

/** How a journalist might have typed the name: accents dropped, capitals, "St", words for "CC"… */
function pressName(name: string, kind: string, { random }: Random): string {
  const style = random();
  if (kind === 'epci' && style < 0.5) {
    return name.replace(/^CC /, 'Communauté de communes ').replace(/^CA /, "Communauté d'agglomération ").replace(/^CU /, 'Communauté urbaine ');
  }
  if (style < 0.12) return name.toUpperCase();
  if (style < 0.24) return name.normalize('NFD').replace(/\p{M}/gu, '');
  if (style < 0.34 && /Saint-/.test(name)) return name.replace(/Saint-/g, 'St-').replace(/Sainte-/g, 'Ste-');
  if (style < 0.42) return name.replace(/-/g, ' ');
  return name;
}

function drawPool(territories: TerritoryRow[], { pick, weighted }: Random): Set<string> {
  const communes = territories.filter((t): t is TerritoryRow & { population: number } => t.kind === 'commune' && !!t.departmentCode && !!t.population);
  const towns = communes.filter((t) => t.population >= 3000);
  const villages = communes.filter((t) => t.population < 3000 && t.population > 300);
  const epcis = territories.filter((t) => t.kind === 'epci' && t.departmentCode);
  const pool = new Set<string>(Object.keys(STORIES));
  while (pool.size < POOL_SIZE)
    pool.add(
      pick(
        weighted<TerritoryRow[]>([
          [towns, 62],
          [villages, 24],
          [epcis, 14],
        ]),
      ).code,
    );
  return pool;
}

/** year, name, department, level, distinctions, kind: the columns of the file. */
type Row = [string, string, string, string, string, string];

/** One territory's rows: a level that drifts upwards over the years, as the real palmarès shows. */
function rowsOf(t: TerritoryRow, index: MatchIndex, departmentNames: Map<string, string>, rnd: Random): Row[] {
  const { random, pick, weighted } = rnd;
  const departmentCode = t.departmentCode;
  if (!departmentCode) throw new Error(`demo palmarès: ${t.code} has no department`);
  const story = STORIES[t.code];
  const start = story || random() < 0.45 ? 0 : pick(YEARS.slice(0, 8));
  let level = weighted<number>([
    [1, 20],
    [2, 36],
    [3, 32],
    [4, 8],
    [5, 4],
  ]);
  const rows: Row[] = [];
  for (const year of YEARS) {
    let current: number | undefined;
    if (story) current = story[year];
    else if (year >= start && random() < 0.78) {
      level = Math.min(
        5,
        Math.max(
          1,
          level +
            weighted<number>([
              [1, 13],
              [0, 79],
              [-1, 8],
            ]),
        ),
      );
      current = level;
    }
    if (current === undefined) continue;
    const mentions = story ? (STORY_MENTIONS[t.code]?.[year] ?? []) : year >= MENTIONS_SINCE && current >= 3 && random() < 0.1 ? [pick(MENTIONS)] : [];
    const department = random() < 0.15 ? departmentNames.get(departmentCode) : departmentCode;
    if (department === undefined) throw new Error(`demo palmarès: no name for the department ${departmentCode}`);
    const kind = t.kind === 'epci' ? 'intercommunalité' : '';
    let name = pressName(t.name, t.kind, rnd);
    let match = matchRow(index, { name, department, kind });
    if (match.status !== 'matched' || match.code !== t.code) {
      name = t.name;
      match = matchRow(index, { name, department: t.departmentCode, kind });
    }
    if (match.status !== 'matched' || match.code !== t.code) continue;
    const levelText = weighted<string>([
      [String(current), 70],
      [`${current} @`, 20],
      ['@'.repeat(current), 10],
    ]);
    rows.push([String(year), name, department, levelText, mentions.join(' | '), kind]);
  }
  return rows;
}

export function generateDemoPalmaresCsv(): { csv: string; rows: number; territories: number } {
  const rnd = seededRandom(0x5eed2026);
  const { territories, index } = officialMatchIndex();
  const byCode = new Map(territories.map((t) => [t.code, t]));
  const departmentNames = new Map(territories.filter((t) => t.kind === 'departement').map((t) => [t.code, t.name]));
  const pool = drawPool(territories, rnd);
  const rows = [...pool].flatMap((code) => {
    const territory = byCode.get(code);
    if (!territory) throw new Error(`demo palmarès: ${code} is not an official territory`);
    return rowsOf(territory, index, departmentNames, rnd);
  });
  rows.sort((a, b) => Number(a[0]) - Number(b[0]) || a[1].localeCompare(b[1], 'fr'));
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const csv = ['year,name,department,level,distinctions,kind', ...rows.map((r) => r.map(quote).join(','))].join('\n') + '\n';
  return { csv, rows: rows.length, territories: pool.size };
}
