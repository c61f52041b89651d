/**
 * Pure normalisation of territory names as the press writes them (palmarès of past editions):
 * accents, case, punctuation, "St"/"Ste", "Trait (Le)", intercommunality prefixes, départements,
 * territory kinds, and a bounded Damerau (optimal string alignment) distance.
 */

import { foldText, capitalise } from '../../platform/text.ts';

export type CandidateKind = 'commune' | 'epci' | 'departement' | 'region';
export const CANDIDATE_KINDS: readonly CandidateKind[] = ['commune', 'epci', 'departement', 'region'];

/** Official EPCI legal forms (MET69 is the Métropole de Lyon). */
export type EpciForm = 'CC' | 'CA' | 'CU' | 'METRO';

const SAINT_WORDS = new Map([
  ['st', 'saint'],
  ['ste', 'sainte'],
  ['sts', 'saints'],
  ['stes', 'saintes'],
]);

/** The abbreviations of a folded name read as "Saint"/"Sainte", e.g. [["St", "Saint"]]. */
export function saintReadings(folded: string): [written: string, read: string][] {
  const words = new Set(folded.split(' ').filter((w) => SAINT_WORDS.has(w)));
  return [...words].map((w) => [capitalise(w), capitalise(SAINT_WORDS.get(w) ?? w)]);
}

const TRAILING_ARTICLE = /^(.+?)\s*(?:\(\s*(les|le|la|l['’‘]?)\s*\)|,\s*(les|le|la|l['’‘]))\s*$/i;

/** "Trait (Le)" and "Trait, Le" → "Le Trait"; other names unchanged. */
export function moveTrailingArticle(name: string): string {
  const m = TRAILING_ARTICLE.exec(name.trim());
  if (!m) return name;
  const article = (m[2] ?? m[3] ?? '').replace(/^l$/i, "l'");
  const separator = /['’‘]$/.test(article) ? '' : ' ';
  return `${capitalise(article)}${separator}${m[1]}`;
}

const SAINT_ABBREVIATION = /(?:^| )st(?:e?s?)(?: |$)/;

/** The comparison key of an already folded name: St → Saint, Ste → Sainte. */
export function expandSaints(folded: string): string {
  if (!SAINT_ABBREVIATION.test(folded)) return folded;
  return folded
    .split(' ')
    .map((w) => SAINT_WORDS.get(w) ?? w)
    .join(' ');
}

/** The comparison key of a name: folded, trailing article moved to the front, St → Saint. */
export function normaliseName(name: string): string {
  return expandSaints(foldText(moveTrailingArticle(name)));
}

type EpciPrefix = { words: string; form: EpciForm; label: string };

// Longest first: "communaute d agglomeration" must win over a bare "communaute".
const EPCI_PREFIXES: EpciPrefix[] = [
  { words: 'communaute de communes', form: 'CC', label: 'Communauté de communes' },
  { words: 'communaute des communes', form: 'CC', label: 'Communauté des communes' },
  { words: 'communaute d agglomeration', form: 'CA', label: "Communauté d'agglomération" },
  { words: 'communaute de l agglomeration', form: 'CA', label: "Communauté de l'agglomération" },
  { words: 'communaute d agglo', form: 'CA', label: "Communauté d'agglo" },
  { words: 'communaute urbaine', form: 'CU', label: 'Communauté urbaine' },
  { words: 'metropole', form: 'METRO', label: 'Métropole' },
  { words: 'agglomeration', form: 'CA', label: 'Agglomération' },
  { words: 'l agglo', form: 'CA', label: "L'Agglo" },
  { words: 'agglo', form: 'CA', label: 'Agglo' },
  { words: 'com com', form: 'CC', label: 'Com com' },
  { words: 'comcom', form: 'CC', label: 'Comcom' },
  { words: 'cdc', form: 'CC', label: 'CdC' },
  { words: 'c c', form: 'CC', label: 'C.C.' },
  { words: 'c a', form: 'CA', label: 'C.A.' },
  { words: 'c u', form: 'CU', label: 'C.U.' },
  { words: 'cc', form: 'CC', label: 'CC' },
  { words: 'ca', form: 'CA', label: 'CA' },
  { words: 'cu', form: 'CU', label: 'CU' },
];
const ABBREVIATED_PREFIXES = new Set(['cc', 'ca', 'cu']);

// "de la", "de l'" keep their article: "CA de La Rochelle" is named "La Rochelle", like the town.
const LINKING_WORDS = ['du', 'des', 'de', 'd'];
const ARTICLES = ['les', 'le', 'la', 'l'];
// Official names often end with their form ("Laval Agglomération", "Nantes Métropole").
const TRAILING_FORM_WORDS = new Set(['agglo', 'agglomeration', 'metropole', 'communaute']);

function stripLeading(key: string, words: readonly string[]): string {
  for (const w of words) if (key.startsWith(`${w} `)) return key.slice(w.length + 1);
  return key;
}

export type ParsedEpciName = {
  /** The prefix as it was recognised, null when the name carries none. */
  prefix: { form: EpciForm; label: string; abbreviated: boolean } | null;
  /** The name without its prefix and the linking words after it: "grand angouleme". */
  core: string;
  /** The core without a leading article nor a trailing form word: compared when a form is named. */
  loose: string;
};

/** Splits a normalised name into an EPCI prefix, its core and a looser core. */
export function parseEpciName(key: string): ParsedEpciName {
  let rest = key;
  let prefix: ParsedEpciName['prefix'] = null;
  // At most two markers of one form: "CA Agglomération d'Agen", "CA L'Agglo Foix-Varilhes".
  for (let i = 0; i < 2; i++) {
    const found = EPCI_PREFIXES.find((p) => rest.startsWith(`${p.words} `) && (!prefix || p.form === prefix.form));
    if (!found) break;
    prefix ??= { form: found.form, label: found.label, abbreviated: ABBREVIATED_PREFIXES.has(found.words) };
    rest = rest.slice(found.words.length + 1);
  }
  const core = prefix ? stripLeading(rest, LINKING_WORDS) : rest;
  let words = stripLeading(core, ARTICLES).split(' ');
  const lastWord = () => words.at(-1) ?? '';
  while (words.length > 1 && TRAILING_FORM_WORDS.has(lastWord())) {
    words = words.slice(0, -1);
    if (words.length > 1 && (lastWord() === 'l' || LINKING_WORDS.includes(lastWord()))) {
      words = words.slice(0, -1);
    }
  }
  return { prefix, core, loose: words.join(' ') };
}

/** Whether an official legal form (CC, CA, CU, METRO, MET69) is the one a prefix names. */
export function formMatches(form: EpciForm, legalForm: string | null): boolean {
  return form === 'METRO' ? legalForm === 'METRO' || legalForm === 'MET69' : legalForm === form;
}

const COMMUNE: readonly CandidateKind[] = ['commune'];
const EPCI: readonly CandidateKind[] = ['epci'];
const KIND_ALIASES = new Map<string, readonly CandidateKind[]>([
  ...['commune', 'village', 'ville'].map((k) => [k, COMMUNE] as const),
  ...[
    'epci',
    'intercommunalite',
    'interco',
    'communaute',
    'communaute de communes',
    'communaute d agglomeration',
    'communaute urbaine',
    'metropole',
    'agglomeration',
    'agglo',
    'cc',
    'ca',
    'cu',
  ].map((k) => [k, EPCI] as const),
  ['territoire', ['epci', 'departement', 'region']],
  ['departement', ['departement']],
  ['region', ['region']],
]);

/**
 * The kinds of territory a "type" cell allows ("ville" → commune, "territoire" → EPCI,
 * département or région), or null when the value is not understood.
 */
export function normaliseKind(value: string): readonly CandidateKind[] | null {
  const key = foldText(value);
  return KIND_ALIASES.get(key) ?? KIND_ALIASES.get(key.replace(/s$/, '')) ?? null;
}

export type DepartmentRef = { code: string; name: string };
type DepartmentLookup = { codes: Set<string>; byName: Map<string, string> };
const departmentLookups = new WeakMap<readonly DepartmentRef[], DepartmentLookup>();

function departmentLookup(departments: readonly DepartmentRef[]): DepartmentLookup {
  let lookup = departmentLookups.get(departments);
  if (!lookup) {
    lookup = {
      codes: new Set(departments.map((d) => d.code)),
      byName: new Map(departments.map((d) => [normaliseName(d.name), d.code])),
    };
    departmentLookups.set(departments, lookup);
  }
  return lookup;
}

function departmentCode(value: string, lookup: DepartmentLookup): string | null {
  let code = value.trim().toUpperCase();
  if (/^\d$/.test(code)) code = `0${code}`;
  if (/^0?2[AB]$/.test(code)) code = code.slice(-2);
  return lookup.codes.has(code) ? code : null;
}

/**
 * The code of a département written as a code ("49", "1", "2a", "971") or a name ("maine et
 * loire", "Corse du Sud"), or both ("Maine-et-Loire (49)", "49 - Maine-et-Loire", when they
 * agree); null when it is none of the given départements.
 */
export function normaliseDepartment(value: string, departments: readonly DepartmentRef[]): string | null {
  const lookup = departmentLookup(departments);
  const byCode = departmentCode(value, lookup);
  if (byCode) return byCode;
  const byName = lookup.byName.get(normaliseName(value));
  if (byName) return byName;
  const both = /^(.+?)\s*\(\s*(\w{1,3})\s*\)$/.exec(value.trim()) ?? /^(\w{1,3})\s*[-–—:]\s*(.+)$/.exec(value.trim());
  if (!both) return null;
  const [a, b] = [both[1] ?? '', both[2] ?? ''];
  const [codePart, namePart] = /^\w{1,3}$/.test(a) && !/^\w{1,3}$/.test(b) ? [a, b] : [b, a];
  const code = departmentCode(codePart, lookup);
  return code && lookup.byName.get(normaliseName(namePart)) === code ? code : null;
}

// Reused rows: matching thousands of rows must not allocate arrays per comparison.
let rows = [new Uint16Array(64), new Uint16Array(64), new Uint16Array(64)] as const;

/**
 * Damerau–Levenshtein distance in its optimal-string-alignment form (an adjacent transposition
 * costs 1), or max + 1 as soon as it is known to exceed max. Only the diagonal band of width
 * 2·max + 1 is computed: a cell outside it is already above max.
 */
export function boundedOsaDistance(a: string, b: string, max: number): number {
  const n = a.length;
  const m = b.length;
  const over = max + 1;
  if (Math.abs(n - m) > max) return over;
  if (rows[0].length < m + 2) rows = [new Uint16Array(m * 2 + 2), new Uint16Array(m * 2 + 2), new Uint16Array(m * 2 + 2)];
  let before = rows[0];
  let previous = rows[1];
  let current = rows[2];
  for (let j = 0; j <= Math.min(m, max); j++) previous[j] = j;
  previous[Math.min(m, max) + 1] = over;
  // The rows hold m + 2 cells at least: every read below is in range (`?? over` only tells the types).
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - max);
    const hi = Math.min(m, i + max);
    const ai = a.charCodeAt(i - 1);
    const aBefore = i > 1 ? a.charCodeAt(i - 2) : -1;
    current[lo - 1] = lo === 1 ? i : over;
    let rowMin = lo === 1 ? i : over;
    for (let j = lo; j <= hi; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = (previous[j - 1] ?? over) + (ai === bj ? 0 : 1);
      const up = (previous[j] ?? over) + 1;
      const left = (current[j - 1] ?? over) + 1;
      if (up < v) v = up;
      if (left < v) v = left;
      if (j > 1 && ai === b.charCodeAt(j - 2) && aBefore === bj) {
        const transposed = (before[j - 2] ?? over) + 1;
        if (transposed < v) v = transposed;
      }
      if (v > over) v = over;
      current[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < m) current[hi + 1] = over;
    if (rowMin > max) return over;
    const recycled = before;
    before = previous;
    previous = current;
    current = recycled;
  }
  return Math.min(previous[m] ?? over, over);
}

/** The set of characters of a folded name, as bits (letters a–z, any digit, space). */
export function letterSet(text: string): number {
  let set = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    set |= 1 << (c >= 97 && c <= 122 ? c - 97 : c === 32 ? 26 : 27);
  }
  return set;
}

/**
 * How many characters one name has that the other lacks. An edit changes it by at most 2 (a
 * substitution), so names further apart than 2·k characters are more than k edits apart.
 */
export function differentLetters(a: number, b: number): number {
  let x = (a ^ b) >>> 0;
  let count = 0;
  while (x) {
    x &= x - 1;
    count++;
  }
  return count;
}

// Words too common in territory names to tell two of them apart: "Pays", "Val", "Saint", "Cœur"…
const GENERIC_WORDS = new Set(
  (
    'saint sainte saints saintes sur sous les des aux pays val vals vallee vallees vallon communaute communes commune ' +
    'agglomeration agglo metropole grand grande coeur terre terres porte portes haut haute hautes bas basse rive rives ' +
    'entre plaine plaines plateau plateaux mont monts bois foret forets lac lacs ville villes territoire territoires ' +
    'nord sud est ouest centre pole bassin canton cote cotes marche marches'
  ).split(' '),
);

/** The distinctive words of a normalised name: four letters or more, and not generic. */
export function nameStems(key: string): string[] {
  return [...new Set(key.split(' ').filter((w) => w.length >= 4 && !GENERIC_WORDS.has(w)))];
}

/**
 * Whether two distinctive words share a stem: a common beginning of four letters at least, short of
 * the shorter word by two letters at most ("cholet" and "choletais", "nantes" and "nantais").
 */
export function shareStem(a: string, b: string): boolean {
  const shorter = Math.min(a.length, b.length);
  let common = 0;
  while (common < shorter && a.charCodeAt(common) === b.charCodeAt(common)) common++;
  return common >= 4 && common >= shorter - 2;
}

/** Typo tolerance of a name: none under 5 letters, 1 up to 11 letters, 2 from 12. */
export function typoTolerance(key: string): number {
  const letters = key.replace(/ /g, '').length;
  if (letters < 5) return 0;
  return letters <= 11 ? 1 : 2;
}
