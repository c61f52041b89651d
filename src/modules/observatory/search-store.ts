import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/database.ts';
import { FACET_VALUES_LIMIT, FACETS, type Facet } from './facets.ts';
import { initiativeSearchEntries as e, searchIndexChanges, searchIndexState } from './schema.ts';

// The observatory's search counts its facets in memory (ADR 0008). PostgreSQL finds the entries
// holding the words and ranks them (French full text); a copy of every entry's facet values, kept
// per process and per database in typed arrays, counts them and picks the page in one pass, where
// counting 200,000 entries in SQL takes a second. The copy follows the index by its generation
// (migration 0006): each search reads it and catches up with the entries changed since, or reloads.

export type FacetValue = { value: string; count: number };
export type Answer = { total: number; facets: Record<Facet, FacetValue[]>; ids: string[] };

/** The entries holding some words (by slot, ascending) and their ts_rank, as of a generation. */
export type TextMatches = { generation: number; slots: Int32Array; ranks: Float32Array };

const ARRAY_FACETS = ['axis', 'theme', 'service', 'actor', 'audience'] as const;
const SCALAR_FACETS = ['status', 'region', 'department', 'stratum', 'category', 'year', 'responsibleDigital', 'labelLevel'] as const;
const FACET_INDEX = new Map<Facet, number>(FACETS.map((f, i) => [f, i]));
function facetIndex(facet: Facet): number {
  const index = FACET_INDEX.get(facet);
  if (index === undefined) throw new Error(`Search store: unknown facet ${facet} (FACETS lists every facet)`);
  return index;
}
const SCALAR_INDEXES = SCALAR_FACETS.map(facetIndex);
const ARRAY_INDEXES = ARRAY_FACETS.map(facetIndex);
// Rows travel as one text (fields, values and rows split by control characters), far faster to read
// than 200,000 rows; facet values are identifiers, codes and numbers, never such characters. In slot
// order, so that `codes` lies in memory in the order counting reads it.
const [ROW, FIELD, ITEM] = ['\x1e', '\x1f', '\x1d'];
const ROWS_SQL = sql`string_agg(concat_ws(chr(31), ${e.slot}, ${e.initiativeId}, (extract(epoch from ${e.publishedAt}) * 1000000)::bigint,
  ${e.status}, coalesce(${e.regionCode}, ''), coalesce(${e.departmentCode}, ''), coalesce(${e.stratum}, ''), ${e.category}, ${e.year},
  ${e.responsibleDigital}::text, coalesce(${e.labelLevel}::text, ''), array_to_string(${e.axisIds}, chr(29)), array_to_string(${e.themeIds}, chr(29)),
  array_to_string(${e.serviceIds}, chr(29)), array_to_string(${e.actorIds}, chr(29)), array_to_string(${e.audiences}, chr(29))), chr(30) order by ${e.slot})`;
export const intArray = (values: Iterable<number>) => sql`${`{${[...values].join(',')}}`}::int[]`;

// Past these, catching up costs more than starting again.
const MAX_CHANGES = 20_000;
const HISTORY_SLOTS = 50_000;
/** Text matches kept per copy, in entries (8 bytes each); the least recently used go first. */
const TEXT_CACHE_ENTRIES = 4_000_000;

/** `array[i]` where `i` is known to be in range; not in the loops over entries or matches, which stay on plain reads. */
function at<T>(array: ArrayLike<T>, i: number): T {
  const value = array[i];
  if (value === undefined) throw new RangeError(`Search store: index ${i} out of range (length ${array.length})`);
  return value;
}

export class SearchStore {
  generation = -1;
  /** The history holds every change after this generation. */
  private historyFrom = Infinity;
  private history: { generation: number; slots: number[] }[] = [];
  // Per slot: the initiative id (undefined: no entry), publication time (µs), facet values as a run of `codes`.
  private ids: (string | undefined)[] = [];
  private published = new Float64Array(0);
  private start = new Int32Array(0);
  private size = new Uint16Array(0);
  private codes = new Int32Array(1 << 16);
  private used = 0;
  private live = 0;
  /** Every facet value met, numbered: its text and its facet. */
  private values: string[] = [];
  private facetOf: number[] = [];
  private dictionary = FACETS.map(() => new Map<string, number>());
  private texts = new Map<string, TextMatches>();
  private textEntries = 0;
  /** Typo corrections, valid until the index changes. */
  readonly corrections = new Map<string, string>();
  pending?: Promise<void>;

  private dictionaryOf(facet: number): Map<string, number> {
    const dictionary = this.dictionary[facet];
    if (!dictionary) throw new Error(`Search store: no dictionary for facet ${facet} (there is one per facet of FACETS)`);
    return dictionary;
  }

  private valueId(facet: number, value: string): number {
    const dictionary = this.dictionaryOf(facet);
    let id = dictionary.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.facetOf.push(facet);
      dictionary.set(value, id);
    }
    return id;
  }

  private grow(slots: number, codes: number) {
    if (slots > this.published.length) {
      const n = Math.max(slots, this.published.length * 2, 1024);
      const [published, start, size] = [new Float64Array(n), new Int32Array(n), new Uint16Array(n)];
      published.set(this.published);
      start.set(this.start);
      size.set(this.size);
      [this.published, this.start, this.size] = [published, start, size];
      // Filled in order: a JS array written out of order turns into a (slow) dictionary.
      while (this.ids.length < n) this.ids.push(undefined);
    }
    if (this.used + codes > this.codes.length) {
      // Rewritten entries leave their old runs behind: compact when they are most of the array.
      if (this.used > 2 * this.live) this.compact();
      if (this.used + codes > this.codes.length) {
        const bigger = new Int32Array(Math.max(this.codes.length * 2, this.used + codes));
        bigger.set(this.codes.subarray(0, this.used));
        this.codes = bigger;
      }
    }
  }

  private compact() {
    const codes = new Int32Array(Math.max(this.live * 2, 1 << 16));
    let used = 0;
    this.ids.forEach((id, slot) => {
      if (id === undefined) return;
      const [from, size] = [at(this.start, slot), at(this.size, slot)];
      codes.set(this.codes.subarray(from, from + size), used);
      this.start[slot] = used;
      used += size;
    });
    [this.codes, this.used] = [codes, used];
  }

  private drop(slot: number) {
    if (this.ids[slot] === undefined) return;
    this.live -= at(this.size, slot);
    this.size[slot] = 0;
    this.ids[slot] = undefined;
  }

  /** Reads rows in the format of ROWS_SQL. */
  private put(rows: string) {
    for (const row of rows ? rows.split(ROW) : []) {
      const [slotText, id, published, ...fields] = row.split(FIELD);
      const slot = Number(slotText);
      const codes: number[] = [];
      SCALAR_INDEXES.forEach((facet, i) => {
        const value = fields[i];
        if (value) codes.push(this.valueId(facet, value));
      });
      ARRAY_INDEXES.forEach((facet, i) => {
        const list = fields[SCALAR_FACETS.length + i];
        if (list) for (const value of list.split(ITEM)) codes.push(this.valueId(facet, value));
      });
      this.drop(slot);
      this.grow(slot + 1, codes.length);
      this.ids[slot] = id;
      this.published[slot] = Number(published);
      this.start[slot] = this.used;
      this.size[slot] = codes.length;
      this.codes.set(codes, this.used);
      this.used += codes.length;
      this.live += codes.length;
    }
  }

  /** Starts again from every entry. */
  load(rows: string, generation: number) {
    this.ids = [];
    [this.published, this.start, this.size] = [new Float64Array(0), new Int32Array(0), new Uint16Array(0)];
    [this.used, this.live, this.history, this.textEntries] = [0, 0, [], 0];
    this.texts.clear();
    this.corrections.clear();
    this.put(rows);
    [this.generation, this.historyFrom] = [generation, generation];
  }

  /** The entries of the `changed` slots are now `rows` (those absent left the index). */
  update(changed: number[], rows: string, generation: number) {
    for (const slot of changed) this.drop(slot);
    this.put(rows);
    this.history.push({ generation, slots: changed });
    let remembered = this.history.reduce((n, h) => n + h.slots.length, 0);
    while (remembered > HISTORY_SLOTS && this.history.length > 1) {
      const old = this.history.shift();
      if (!old) throw new Error('Search store: the history is empty though it holds more than one change');
      remembered -= old.slots.length;
      this.historyFrom = old.generation;
    }
    this.generation = generation;
    this.corrections.clear();
  }

  /** Slots changed after `generation`, or undefined when the history no longer reaches back that far. */
  changesSince(generation: number): Set<number> | undefined {
    if (generation < this.historyFrom) return undefined;
    return new Set(this.history.filter((h) => h.generation > generation).flatMap((h) => h.slots));
  }

  text(key: string): TextMatches | undefined {
    return this.texts.get(key);
  }

  /** Keeps text matches, forgetting the least recently used past TEXT_CACHE_ENTRIES. */
  keepText(key: string, text: TextMatches) {
    const old = this.texts.get(key);
    if (old) this.textEntries -= old.slots.length;
    this.texts.delete(key);
    this.texts.set(key, text);
    this.textEntries += text.slots.length;
    for (const [k, t] of this.texts) {
      if (this.textEntries <= TEXT_CACHE_ENTRIES || k === key) break;
      this.texts.delete(k);
      this.textEntries -= t.slots.length;
    }
  }

  /**
   * Total, facet counts and one page of the entries among `text` (every entry when null) holding
   * every chosen value. Each facet counts its values among the entries holding the OTHER chosen
   * values: an entry lacking exactly one chosen value counts for that value's facet only. The page
   * is the best `limit` after `offset` (rank, then the latest published, then the id, as SQL's
   * `order by rank desc, published_at desc, initiative_id`), kept in a heap during the same pass.
   */
  answer(text: TextMatches | null, filters: Partial<Record<Facet, string>>, offset: number, limit: number): Answer {
    const chosen = Object.entries(filters).filter(([, v]) => v !== undefined) as [Facet, string][];
    const { ids, published, start, size, codes } = this;
    const facetOf = Uint8Array.from(this.facetOf);
    // marker[value] = 1 + its index among the chosen values; an entry's mask has the bits of those it holds.
    const marker = new Uint8Array(this.values.length);
    const chosenFacet = chosen.map(([f]) => facetIndex(f));
    chosen.forEach(([f, v], k) => {
      const id = this.dictionaryOf(facetIndex(f)).get(v);
      if (id !== undefined) marker[id] = k + 1;
    });
    const all = (1 << chosen.length) - 1;
    const counts = new Int32Array(this.values.length);
    const top = new TopK(
      offset + limit,
      (a, b) => b.rank - a.rank || (published[b.slot] ?? 0) - (published[a.slot] ?? 0) || compareIds(ids[a.slot], ids[b.slot]),
    );
    const n = text ? text.slots.length : ids.length;
    let total = 0;
    // In slot order, the order of `codes` in memory: several times faster than jumping all over it.
    // Every read below is in range (i < n; a slot holding an entry has a start and a size; its run
    // lies within `codes`; a value's id within `marker` and `counts`): `?? 0` only tells the types,
    // and keeps these reads plain, for speed.
    for (let i = 0; i < n; i++) {
      const slot = text ? (text.slots[i] ?? 0) : i;
      if (ids[slot] === undefined) continue; // no entry, or matched in a newer snapshot than this copy (seen at the next catch-up)
      const from = start[slot] ?? 0;
      const to = from + (size[slot] ?? 0);
      let mask = 0;
      for (let j = from; j < to && all; j++) {
        const mark = marker[codes[j] ?? 0] ?? 0;
        if (mark) mask |= 1 << (mark - 1);
      }
      const lacking = all & ~mask;
      if (lacking === 0) {
        total++;
        for (let j = from; j < to; j++) {
          const code = codes[j] ?? 0;
          counts[code] = (counts[code] ?? 0) + 1;
        }
        top.offer(slot, text ? (text.ranks[i] ?? 0) : 0);
      } else if ((lacking & (lacking - 1)) === 0) {
        const facet = chosenFacet[31 - Math.clz32(lacking)] ?? -1; // a single bit of `all`: always one of the chosen
        for (let j = from; j < to; j++) {
          const code = codes[j] ?? 0;
          if (facetOf[code] === facet) counts[code] = (counts[code] ?? 0) + 1;
        }
      }
    }
    const facets = Object.fromEntries(FACETS.map((f) => [f, [] as FacetValue[]])) as Record<Facet, FacetValue[]>;
    counts.forEach((count, id) => {
      if (count <= 0) return;
      const facet = FACETS[at(facetOf, id)];
      if (facet === undefined) throw new Error(`Search store: value ${id} has no facet (a value and its facet are recorded together)`);
      facets[facet].push({ value: at(this.values, id), count });
    });
    for (const f of FACETS)
      facets[f] = facets[f].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)).slice(0, FACET_VALUES_LIMIT);
    return {
      total,
      facets,
      ids: top
        .sorted()
        .slice(offset)
        .map((slot) => ids[slot] ?? missingId(slot)),
    };
  }
}

/** The page holds only slots with an entry (the counting loop skips the others). */
function missingId(slot: number): never {
  throw new Error(`Search store: slot ${slot} on the page holds no entry`);
}

function compareIds(a: string | undefined, b: string | undefined) {
  return a === b ? 0 : (a ?? '') < (b ?? '') ? -1 : 1;
}

type Candidate = { slot: number; rank: number };

/** The k best candidates offered (`compare` < 0: the first is better), in a heap whose root is the worst kept. */
class TopK {
  private heap: Candidate[] = [];
  constructor(
    private k: number,
    private compare: (a: Candidate, b: Candidate) => number,
  ) {}

  private probe: Candidate = { slot: 0, rank: 0 };

  offer(slot: number, rank: number) {
    const { heap, k, compare, probe } = this;
    if (k <= 0) return;
    [probe.slot, probe.rank] = [slot, rank];
    const root = heap[0];
    if (heap.length < k || root === undefined) {
      // Sifted up: `added` is at `i` throughout.
      const added = { slot, rank };
      heap.push(added);
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1;
        const above = heap[parent];
        if (above === undefined) throw new Error(`TopK: no candidate at ${parent}, the parent of ${i} in a heap of ${heap.length}`);
        if (compare(added, above) <= 0) break;
        [heap[i], heap[parent]] = [above, added];
        i = parent;
      }
    } else if (compare(probe, root) < 0) {
      // Sifted down: `moving` is at `i` throughout; a child is undefined past the end of the heap.
      const moving = { slot, rank };
      heap[0] = moving;
      for (let i = 0; ;) {
        const [l, r] = [2 * i + 1, 2 * i + 2];
        const [left, right] = [heap[l], heap[r]];
        let [worst, worstOne] = [i, moving];
        if (left && compare(left, worstOne) > 0) [worst, worstOne] = [l, left];
        if (right && compare(right, worstOne) > 0) [worst, worstOne] = [r, right];
        if (worst === i) break;
        [heap[i], heap[worst]] = [worstOne, moving];
        i = worst;
      }
    }
  }

  sorted(): number[] {
    return [...this.heap].sort(this.compare).map((c) => c.slot);
  }
}

const stores = new WeakMap<Db, SearchStore>();

async function rowsWhere(db: Db, where: SQL): Promise<string> {
  const [row] = await queryRows<{ rows: string | null }>(db, sql`select ${ROWS_SQL} as rows from ${e} where ${where}`);
  return row?.rows ?? '';
}

/** Brings the copy to the index's current generation. */
async function catchUp(db: Db, store: SearchStore): Promise<void> {
  const [state] = await queryRows<{ generation: string; reset: string }>(
    db,
    sql`select ${searchIndexState.generation} as generation, ${searchIndexState.resetGeneration} as reset from ${searchIndexState}`,
  );
  const generation = Number(state?.generation ?? 0);
  if (generation === store.generation) return;
  if (store.generation >= 0 && store.generation >= Number(state?.reset ?? 0)) {
    const changed = (
      await queryRows<{ slot: number }>(
        db,
        sql`select distinct ${searchIndexChanges.slot} as slot from ${searchIndexChanges} where ${searchIndexChanges.generation} > ${store.generation}`,
      )
    ).map((r) => Number(r.slot));
    if (changed.length <= MAX_CHANGES) {
      store.update(changed, changed.length ? await rowsWhere(db, sql`${e.slot} = any(${intArray(changed)})`) : '', generation);
      return;
    }
  }
  store.load(await rowsWhere(db, sql`true`), generation);
}

/** This process's copy of the index of `db`, up to date (a transaction gets its own). */
export async function searchStoreOf(db: Db): Promise<SearchStore> {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = new SearchStore()));
  // One catch-up at a time; each caller then checks again, so that it sees what was committed before it asked.
  while (store.pending) await store.pending;
  store.pending = catchUp(db, store).finally(() => (store.pending = undefined));
  await store.pending;
  return store;
}
