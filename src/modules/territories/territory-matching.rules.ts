/**
 * Pure matching of palmarès rows, as the press wrote them, to official territories. A wrong match
 * is far worse than a reported row: whenever two readings are possible the row is reported as
 * ambiguous (with its candidates) or not found, for a human decision.
 */
import type { FormerCommune } from './former-communes.ts';
import {
  boundedOsaDistance,
  CANDIDATE_KINDS,
  differentLetters,
  expandSaints,
  formMatches,
  letterSet,
  moveTrailingArticle,
  nameStems,
  normaliseDepartment,
  normaliseKind,
  normaliseName,
  parseEpciName,
  saintReadings,
  shareStem,
  typoTolerance,
  type CandidateKind,
  type DepartmentRef,
  type ParsedEpciName,
} from './territory-names.rules.ts';
import { foldText } from '../../platform/text.ts';
import { territoryMatchingMessages } from './matching.messages.ts';

export type { CandidateKind, DepartmentRef, FormerCommune };
export { normaliseDepartment, normaliseKind, normaliseName };

export type MatchCandidate = {
  code: string;
  name: string;
  kind: CandidateKind;
  departmentCode: string | null;
  legalForm: string | null;
  population: number | null;
};

export type MatchQuery = { name: string; department?: string | null; kind?: string | null };
/** A territory offered for a decision, with what tells it from its namesakes: département and population. */
export type MatchedCandidate = { code: string; name: string; department: string | null; population: number | null };
export type MatchResult =
  | { status: 'matched'; code: string; name: string; reason: string }
  | { status: 'ambiguous'; candidates: MatchedCandidate[]; reason: string }
  | { status: 'notFound'; reason: string };

const m = territoryMatchingMessages;

type Entry = MatchCandidate & { key: string; folded: string; epci: ParsedEpciName | null; aliasOnly: boolean; stems: string[]; departmentName: string | null };
type FormerEntry = FormerCommune & { key: string; currentName: string; currentPopulation: number | null; departmentName: string | null };
/** What a typo is compared with: a current territory or, as a competitor only, a former commune. */
/** A name typos are looked for in: a current territory's, or a former commune's. */
type PoolItem = { text: string; letters: number } & ({ entry: Entry; former: null } | { entry: null; former: FormerEntry });
const entryItem = (text: string, entry: Entry): PoolItem => ({ text, letters: letterSet(text), entry, former: null });
const formerItem = (text: string, former: FormerEntry): PoolItem => ({ text, letters: letterSet(text), entry: null, former });

type DepartmentIndex = {
  byKey: Map<string, Entry[]>;
  epciByLoose: Map<string, Entry[]>;
  formerByKey: Map<string, FormerEntry[]>;
  /** By text length, to compare a typo only with names of a close length. */
  plainPool: Map<number, PoolItem[]>;
  epciPool: Map<number, PoolItem[]>;
};

export type MatchIndex = {
  departments: DepartmentRef[];
  byKey: Map<string, Entry[]>;
  epciByLoose: Map<string, Entry[]>;
  formerByKey: Map<string, FormerEntry[]>;
  regionsByKey: Map<string, Entry[]>;
  byDepartment: Map<string, DepartmentIndex>;
};

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function emptyDepartmentIndex(): DepartmentIndex {
  const maps = () => new Map();
  return { byKey: maps(), epciByLoose: maps(), formerByKey: maps(), plainPool: maps(), epciPool: maps() };
}

/** Builds once the lookup structures over every territory and former commune. */
export function buildMatchIndex(candidates: readonly MatchCandidate[], formerCommunes: readonly FormerCommune[]): MatchIndex {
  const index: MatchIndex = {
    departments: [],
    byKey: new Map(),
    epciByLoose: new Map(),
    formerByKey: new Map(),
    regionsByKey: new Map(),
    byDepartment: new Map(),
  };
  const departmentIndex = (code: string) => {
    let d = index.byDepartment.get(code);
    if (!d) index.byDepartment.set(code, (d = emptyDepartmentIndex()));
    return d;
  };
  const currentByCode = new Map<string, Entry>();
  const departmentNames = new Map(candidates.filter((c) => c.kind === 'departement').map((c) => [c.code, c.name]));
  const file = (k: string, e: Entry, d: DepartmentIndex | null, typo: boolean) => {
    push(e.kind === 'region' ? index.regionsByKey : index.byKey, k, e);
    if (!d) return;
    push(d.byKey, k, e);
    if (typo) push(d.plainPool, k.length, entryItem(k, e));
  };
  for (const c of candidates) {
    const folded = foldText(c.name);
    const moved = moveTrailingArticle(c.name);
    const key = expandSaints(moved === c.name ? folded : foldText(moved));
    const entry: Entry = {
      code: c.code,
      name: c.name,
      kind: c.kind,
      departmentCode: c.departmentCode,
      legalForm: c.legalForm,
      population: c.population,
      key,
      folded,
      epci: c.kind === 'epci' ? parseEpciName(key) : null,
      aliasOnly: false,
      stems: [],
      departmentName: c.kind === 'departement' ? c.name : (departmentNames.get(c.departmentCode ?? '') ?? null),
    };
    entry.stems = nameStems(entry.epci ? entry.epci.loose : key);
    if (c.kind === 'departement') index.departments.push({ code: c.code, name: c.name });
    if (c.kind === 'commune') currentByCode.set(c.code, entry);
    const d = c.departmentCode ? departmentIndex(c.departmentCode) : null;
    if (entry.epci) {
      // Typos are compared with the name without its prefix: a prefixed query has its own pool.
      file(key, entry, d, false);
      if (entry.epci.core !== key) file(entry.epci.core, entry, d, true);
      push(index.epciByLoose, entry.epci.loose, entry);
      if (d) push(d.epciByLoose, entry.epci.loose, entry);
      if (d) push(d.epciPool, entry.epci.loose.length, entryItem(entry.epci.loose, entry));
    } else file(key, entry, d, true);
    // "Château-Chinon (Ville)" and "(Campagne)": the bare name never picks one alone.
    if (c.name.endsWith(')')) {
      const bare = /^(.+?)\s*\([^)]*\)$/.exec(c.name)?.[1];
      const bareKey = bare ? normaliseName(bare) : key;
      if (bareKey !== key) file(bareKey, { ...entry, aliasOnly: true }, d, false);
    }
  }
  for (const f of formerCommunes) {
    const current = currentByCode.get(f.currentCode);
    const key = normaliseName(f.name);
    // A commune déléguée often repeats its current commune's name: nothing to add.
    if (!current || current.key === key) continue;
    const former: FormerEntry = {
      name: f.name,
      departmentCode: f.departmentCode,
      currentCode: f.currentCode,
      key,
      currentName: current.name,
      currentPopulation: current.population,
      departmentName: departmentNames.get(f.departmentCode) ?? null,
    };
    push(index.formerByKey, key, former);
    const d = departmentIndex(f.departmentCode);
    push(d.formerByKey, key, former);
    push(d.plainPool, key.length, formerItem(key, former));
  }
  return index;
}

type Query = { raw: string; key: string; folded: string; epci: ParsedEpciName; kinds: readonly CandidateKind[]; explicitKind: boolean };

const uniqueByCode = <T extends { code: string }>(items: T[]): T[] => [...new Map(items.map((i) => [i.code, i])).values()];
const uniqueFormers = (items: FormerEntry[]): FormerEntry[] => [...new Map(items.map((i) => [i.currentCode, i])).values()];
const withDepartment = (e: { name: string; departmentCode: string | null }) => (e.departmentCode ? `${e.name} (${e.departmentCode})` : e.name);
const candidateOf = (e: Entry, showDepartment: boolean): MatchedCandidate => ({
  code: e.code,
  name: showDepartment ? withDepartment(e) : e.name,
  department: e.departmentName,
  population: e.population,
});
const formerCandidate = (f: FormerEntry, showDepartment: boolean): MatchedCandidate => ({
  code: f.currentCode,
  name: m.formerLabel(showDepartment ? `${f.name} (${f.departmentCode})` : f.name, f.currentName),
  department: f.departmentName,
  population: f.currentPopulation,
});

/** Why an exact match is one, for the report. */
function exactReason(query: Query, entry: Entry): string {
  if (query.raw === entry.name) return m.identical;
  const prefix = query.epci.prefix;
  if (entry.kind === 'epci' && query.folded !== entry.folded) {
    if (prefix && !prefix.abbreviated && entry.legalForm && entry.name.startsWith(`${entry.legalForm} `)) {
      return m.epciPrefix(prefix.label, entry.legalForm);
    }
    return m.epciOfficialName(entry.name);
  }
  if (query.folded === entry.folded) return m.sameFolded;
  const reasons: string[] = [];
  const saints = saintReadings(query.folded);
  if (saints.length) reasons.push(m.saint(saints));
  const reordered = moveTrailingArticle(query.raw);
  if (reordered !== query.raw) reasons.push(m.article(query.raw, reordered));
  return reasons.length ? reasons.join(' ; ') : m.sameFolded;
}

/** Entries named exactly like the query, split by whether their legal form is the one written. */
function exactEntries(query: Query, byKey: Map<string, Entry[]>, epciByLoose: Map<string, Entry[]>) {
  const prefix = query.epci.prefix;
  let found: Entry[];
  if (prefix) found = epciByLoose.get(query.epci.loose) ?? [];
  else {
    found = (byKey.get(query.key) ?? []).filter((e) => query.kinds.includes(e.kind));
    // "Grand Angoulême" typed as an intercommunality: its looser name is enough.
    if (query.explicitKind && query.kinds.includes('epci')) found = found.concat(epciByLoose.get(query.epci.loose) ?? []);
  }
  found = uniqueByCode(found);
  const sameForm = prefix ? found.filter((e) => formMatches(prefix.form, e.legalForm)) : found;
  const otherForm = prefix ? found.filter((e) => !formMatches(prefix.form, e.legalForm)) : [];
  return { sameForm, otherForm };
}

function otherFormResult(query: Query, otherForm: Entry[], showDepartment: boolean): MatchResult {
  return {
    status: 'ambiguous',
    candidates: otherForm.map((e) => candidateOf(e, showDepartment)),
    reason: m.otherForm(otherForm[0]?.legalForm ?? '', query.epci.prefix?.form ?? ''),
  };
}

function matchInDepartment(index: MatchIndex, query: Query, code: string): MatchResult {
  const d = index.byDepartment.get(code) ?? emptyDepartmentIndex();
  const { sameForm, otherForm } = exactEntries(query, d.byKey, d.epciByLoose);
  // Régions are filed under no département: only looked for when the row says it is one.
  if (!query.kinds.includes('commune') && query.kinds.includes('region') && !query.epci.prefix) {
    sameForm.push(...(index.regionsByKey.get(query.key) ?? []));
  }
  // Tier 1: the name itself.
  const [e] = sameForm;
  if (e && sameForm.length === 1 && !e.aliasOnly) {
    return { status: 'matched', code: e.code, name: e.name, reason: exactReason(query, e) };
  }
  if (sameForm.length >= 1) {
    const kinds = CANDIDATE_KINDS.filter((k) => sameForm.some((e) => e.kind === k));
    return {
      status: 'ambiguous',
      candidates: sameForm.map((e) => candidateOf(e, false)),
      reason: kinds.length > 1 ? m.kindsDiffer(kinds, code) : sameForm.length === 1 ? m.partialName(code) : m.several(sameForm.length, code),
    };
  }
  if (otherForm.length) return otherFormResult(query, otherForm, false);
  // Tier 2: a commune merged since into a current one.
  const formerAllowed = query.kinds.includes('commune') && !query.epci.prefix;
  const formers = formerAllowed ? uniqueFormers(d.formerByKey.get(query.key) ?? []) : [];
  const [f] = formers;
  if (f && formers.length === 1) {
    return { status: 'matched', code: f.currentCode, name: f.currentName, reason: m.former(f.name, f.currentName) };
  }
  if (formers.length > 1) {
    return { status: 'ambiguous', candidates: formers.map((f) => formerCandidate(f, false)), reason: m.severalFormer(formers.length, code) };
  }
  // Tier 3: one small typo, only when no other name of the département is nearly as close.
  return matchTypo(index, query, d, code, formerAllowed);
}

function matchTypo(index: MatchIndex, query: Query, d: DepartmentIndex, code: string, formerAllowed: boolean): MatchResult {
  const text = query.epci.prefix ? query.epci.loose : query.key;
  const max = typoTolerance(text);
  if (max === 0) return notFoundIn(index, query, d, code);
  const pool = query.epci.prefix ? d.epciPool : d.plainPool;
  const close: { item: PoolItem; distance: number; id: string }[] = [];
  const letters = letterSet(text);
  for (let length = text.length - max - 1; length <= text.length + max + 1; length++) {
    for (const item of pool.get(length) ?? []) {
      if (differentLetters(letters, item.letters) > 2 * (max + 1)) continue;
      if (item.entry ? !query.kinds.includes(item.entry.kind) : !formerAllowed) continue;
      const distance = boundedOsaDistance(text, item.text, max + 1);
      if (distance > max + 1) continue;
      close.push({ item, distance, id: item.entry?.code ?? `former:${item.former?.currentCode}:${item.text}` });
    }
  }
  const nearest = new Map<string, (typeof close)[number]>();
  for (const c of close.sort((a, b) => a.distance - b.distance)) if (!nearest.has(c.id)) nearest.set(c.id, c);
  const near = [...nearest.values()];
  const within = near.filter((c) => c.distance <= max);
  const [closest] = within;
  if (!closest) return notFoundIn(index, query, d, code);
  const only = closest.item;
  const prefix = query.epci.prefix;
  const elsewhere = exactElsewhere(index, query);
  if (within.length === 1 && near.length === 1 && only.entry && (!prefix || formMatches(prefix.form, only.entry.legalForm))) {
    if (!elsewhere.length) {
      return { status: 'matched', code: only.entry.code, name: only.entry.name, reason: m.typo(query.raw, only.entry.name) };
    }
    // The name exists as written elsewhere: the département may be the mistake, not the name.
    return {
      status: 'ambiguous',
      candidates: [candidateOf(only.entry, true), ...elsewhere.map((e) => candidateOf(e, true))],
      reason: m.typoOrDepartment(code, elsewhere.map(withDepartment)),
    };
  }
  const candidates = near.slice(0, 5).map((c) => (c.item.entry ? candidateOf(c.item.entry, false) : formerCandidate(c.item.former, false)));
  let reason = m.severalClose(code);
  if (near.length === 1 && only.former) reason = m.closeToFormer(code);
  else if (near.length === 1 && prefix && only.entry) reason = m.otherForm(only.entry.legalForm ?? '', prefix.form);
  return { status: 'ambiguous', candidates: uniqueByCode(candidates), reason };
}

/** Up to three territories of other départements bearing exactly the queried name. */
function exactElsewhere(index: MatchIndex, query: Query): Entry[] {
  const found = query.epci.prefix
    ? (index.epciByLoose.get(query.epci.loose) ?? [])
    : (index.byKey.get(query.key) ?? []).filter((e) => query.kinds.includes(e.kind) && !e.aliasOnly);
  return uniqueByCode(found).slice(0, 3);
}

/**
 * Territories of the département sharing a distinctive word stem with the query ("Choletais" and
 * "Cholet Agglomération"), the most stems first, then the most populated: never matched, offered.
 */
function plausibleInDepartment(query: Query, d: DepartmentIndex): Entry[] {
  const stems = nameStems(query.epci.loose);
  if (!stems.length) return [];
  const scored = new Map<string, { entry: Entry; shared: number }>();
  for (const entries of d.byKey.values()) {
    for (const e of entries) {
      if (scored.has(e.code) || e.aliasOnly || !query.kinds.includes(e.kind)) continue;
      const shared = stems.filter((s) => e.stems.some((w) => shareStem(s, w))).length;
      if (shared) scored.set(e.code, { entry: e, shared });
    }
  }
  return [...scored.values()]
    .sort((a, b) => b.shared - a.shared || (b.entry.population ?? 0) - (a.entry.population ?? 0))
    .slice(0, 5)
    .map((s) => s.entry);
}

function notFoundIn(index: MatchIndex, query: Query, d: DepartmentIndex, code: string): MatchResult {
  const places = exactElsewhere(index, query).map(withDepartment);
  const plausible = plausibleInDepartment(query, d);
  if (plausible.length) {
    const reason = m.plausible(code);
    return { status: 'ambiguous', candidates: plausible.map((e) => candidateOf(e, false)), reason: places.length ? m.existsElsewhere(reason, places) : reason };
  }
  const reason = m.notFoundIn(code);
  return { status: 'notFound', reason: places.length ? m.existsElsewhere(reason, places) : reason };
}

/** Tier 4: without a département, only a name that no other territory of France bears. */
function matchNationally(index: MatchIndex, query: Query): MatchResult {
  const { sameForm, otherForm } = exactEntries(query, index.byKey, index.epciByLoose);
  if (query.kinds.includes('region') && !query.epci.prefix) sameForm.push(...(index.regionsByKey.get(query.key) ?? []));
  const [e] = sameForm;
  if (e && sameForm.length === 1 && !e.aliasOnly) {
    return { status: 'matched', code: e.code, name: e.name, reason: m.onlyInFrance(exactReason(query, e)) };
  }
  if (sameForm.length >= 1) {
    // The ten shown are the most populated: the likeliest laureates.
    const likeliest = sameForm.sort((a, b) => (b.population ?? 0) - (a.population ?? 0)).slice(0, 10);
    return {
      status: 'ambiguous',
      candidates: likeliest.map((e) => candidateOf(e, true)),
      reason: m.severalInFrance(sameForm.length),
    };
  }
  if (otherForm.length) return otherFormResult(query, otherForm.slice(0, 10), true);
  const formers = query.kinds.includes('commune') && !query.epci.prefix ? (index.formerByKey.get(query.key) ?? []) : [];
  if (formers.length) {
    return { status: 'ambiguous', candidates: formers.slice(0, 10).map((f) => formerCandidate(f, true)), reason: m.formerInFrance };
  }
  return { status: 'notFound', reason: m.notFoundInFrance };
}

/** Matches one palmarès row (name, optional département and type) to an official territory. */
export function matchRow(index: MatchIndex, row: MatchQuery): MatchResult {
  const raw = row.name.trim().replace(/\s+/g, ' ');
  const key = normaliseName(raw);
  if (!key) return { status: 'notFound', reason: m.emptyName };
  const kindValue = row.kind?.trim() ?? '';
  const kinds = kindValue ? normaliseKind(kindValue) : CANDIDATE_KINDS;
  if (!kinds) return { status: 'notFound', reason: m.unknownKind(kindValue) };
  const epci = parseEpciName(key);
  // A name that says "communauté…", "CA…", "Métropole…" is never a commune.
  if (epci.prefix && !kinds.includes('epci')) return { status: 'notFound', reason: m.prefixButKind(kindValue) };
  const query: Query = {
    raw,
    key,
    folded: foldText(raw),
    epci,
    kinds: epci.prefix ? ['epci'] : kinds,
    explicitKind: kindValue !== '',
  };
  const departmentValue = row.department?.trim() ?? '';
  if (!departmentValue) return matchNationally(index, query);
  const code = normaliseDepartment(departmentValue, index.departments);
  if (!code) return { status: 'notFound', reason: m.unknownDepartment(departmentValue) };
  return matchInDepartment(index, query, code);
}
