// Writes demo/palmares-demo.csv: ten invented editions (2017–2026) of the label in the style of
// press lists, for `npx arobase seed-demo`. Invented results, real territories; deterministic (seeded),
// and every row is checked to match its intended territory. Run: node --import tsx scripts/generate-demo-palmares.ts
import { writeFileSync } from 'node:fs';
import { loadOfficialTerritories } from '../src/modules/territories/import-territories.service.ts';
import { loadFormerCommunes } from '../src/modules/territories/former-communes.ts';
import { buildMatchIndex, matchRow, type MatchCandidate } from '../src/modules/results/palmares-matching.rules.ts';

const YEARS = Array.from({ length: 10 }, (_, i) => 2017 + i);
const MENTIONS_SINCE = 2022;
const MENTIONS = ['@ verte', 'Démocratie locale', 'Médiation numérique', 'Numérique éducatif'];

// mulberry32: a tiny seeded generator, so the file is the same at every run.
let seed = 0x5eed2026;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
function weighted<T>(entries: [T, number][]): T {
  let r = random() * entries.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of entries) if ((r -= w) < 0) return value;
  return entries.at(-1)![0];
}

const territories = loadOfficialTerritories();
const candidates: MatchCandidate[] = territories.map((t) => ({
  code: t.code,
  name: t.name,
  kind: t.kind,
  departmentCode: t.departmentCode ?? null,
  legalForm: t.legalForm ?? null,
  population: t.population ?? null,
}));
const index = buildMatchIndex(candidates, loadFormerCommunes());
const byCode = new Map(territories.map((t) => [t.code, t]));

// Territories the seeds speak of, with their story; the rest are drawn at random.
const STORIES: Record<string, Partial<Record<number, number>>> = {
  '49353': Object.fromEntries(YEARS.map((y) => [y, 5])), // Trélazé: 5 @ year after year (seed 000)
  '77475': { 2018: 4, 2019: 5, 2020: 5, 2021: 5, 2023: 5, 2025: 5 }, // Trilport (seed 003)
  '76709': { 2021: 3, 2022: 3, 2023: 4, 2024: 4, 2025: 4, 2026: 5 }, // Le Trait (seed 001)
};
const STORY_MENTIONS: Record<string, Record<number, string[]>> = { '49353': { 2023: ['@ verte'] }, '76709': { 2024: ['@ verte'] } };

const communes = territories.filter((t) => t.kind === 'commune' && t.departmentCode && t.population);
const towns = communes.filter((t) => t.population! >= 3000);
const villages = communes.filter((t) => t.population! < 3000 && t.population! > 300);
const epcis = territories.filter((t) => t.kind === 'epci' && t.departmentCode);
const pool = new Set<string>(Object.keys(STORIES));
while (pool.size < 430) {
  const t = weighted<typeof towns>([[towns, 62], [villages, 24], [epcis, 14]]);
  pool.add(pick(t).code);
}

/** How a journalist might have typed the name: accents dropped, capitals, "St", words for "CC"… */
function pressName(name: string, kind: string): string {
  const style = random();
  if (kind === 'epci' && style < 0.5) {
    return name
      .replace(/^CC /, 'Communauté de communes ')
      .replace(/^CA /, "Communauté d'agglomération ")
      .replace(/^CU /, 'Communauté urbaine ');
  }
  if (style < 0.12) return name.toUpperCase();
  if (style < 0.24) return name.normalize('NFD').replace(/\p{M}/gu, '');
  if (style < 0.34 && /Saint-/.test(name)) return name.replace(/Saint-/g, 'St-').replace(/Sainte-/g, 'Ste-');
  if (style < 0.42) return name.replace(/-/g, ' ');
  return name;
}

const rows: string[][] = [];
let checked = 0;
for (const code of pool) {
  const t = byCode.get(code)!;
  const story = STORIES[code];
  let level = weighted<number>([[1, 16], [2, 32], [3, 35], [4, 10], [5, 7]]);
  const start = story || random() < 0.45 ? 0 : YEARS[Math.floor(random() * 8)]!;
  for (const year of YEARS) {
    let lvl: number | undefined;
    if (story) lvl = story[year];
    else if (year >= start && random() < 0.78) {
      level = Math.min(5, Math.max(1, level + weighted<number>([[1, 22], [0, 72], [-1, 6]])));
      lvl = level;
    }
    if (lvl === undefined) continue;
    const mentions = story ? (STORY_MENTIONS[code]?.[year] ?? []) : (year >= MENTIONS_SINCE && lvl >= 3 && random() < 0.1 ? [pick(MENTIONS)] : []);
    let name = pressName(t.name, t.kind);
    const department = random() < 0.15 ? territories.find((d) => d.kind === 'departement' && d.code === t.departmentCode)!.name : t.departmentCode!;
    const kind = t.kind === 'epci' ? 'intercommunalité' : '';
    // Keep only rows the import will match to the intended territory: a demo shows no wrong match.
    let match = matchRow(index, { name, department, kind });
    if (match.status !== 'matched' || match.code !== code) {
      name = t.name;
      match = matchRow(index, { name, department: t.departmentCode, kind });
    }
    if (match.status !== 'matched' || match.code !== code) continue;
    checked += 1;
    const levelText = weighted<string>([[String(lvl), 70], [`${lvl} @`, 20], ['@'.repeat(lvl), 10]]);
    rows.push([String(year), name, department, levelText, mentions.join(' | '), kind]);
  }
}
rows.sort((a, b) => Number(a[0]) - Number(b[0]) || a[1]!.localeCompare(b[1]!, 'fr'));
const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = ['year,name,department,level,distinctions,kind', ...rows.map((r) => r.map(quote).join(','))].join('\n') + '\n';
writeFileSync(new URL('../demo/palmares-demo.csv', import.meta.url), csv);
console.log(`demo/palmares-demo.csv: ${rows.length} rows, ${checked} checked against the matcher, ${pool.size} territories.`);
