import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/database.ts';
import { initiativeSearchEntries as e } from './schema.ts';
import { toPrefixQuery } from './search.rules.ts';
import { intArray, type SearchStore, type TextMatches } from './search-store.ts';

// The words of a search, matched by PostgreSQL's French full text: the entries holding them and
// their rank, kept per copy of the index (search-store.ts) and caught up with the entries changed
// since, so that a repeated search reads only what changed.

// Title weighs most, then the territory and summary, then the rest (weights are {D, C, B, A}).
const RANK = (tsquery: SQL) => sql`ts_rank('{0.05, 0.2, 0.4, 1.0}', ${e.document}, ${tsquery})`;
// Past this, catching up costs more than starting again.
const MAX_TEXT_CHANGES = 2_000;

/** (slot, rank) pairs as PostgreSQL sends them (big-endian int4 and float4, in bytea), by slot. */
function matchesOf(slotBytes: Uint8Array | null, rankBytes: Uint8Array | null): { slots: Int32Array; ranks: Float32Array } {
  if (!slotBytes) return { slots: new Int32Array(0), ranks: new Float32Array(0) };
  if (!rankBytes) throw new Error('Search store: slots without their ranks (both come from the same rows)');
  const n = slotBytes.length / 4;
  const slotView = new DataView(slotBytes.buffer, slotBytes.byteOffset, slotBytes.byteLength);
  const rankView = new DataView(rankBytes.buffer, rankBytes.byteOffset, rankBytes.byteLength);
  // Sorted by slot through one number per pair, slot * scale + position: exact while slots stay
  // below 2^31 and matches below 4 million.
  const scale = 2 ** Math.ceil(Math.log2(n + 1));
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = slotView.getInt32(i * 4) * scale + i;
  keys.sort();
  const slots = new Int32Array(n);
  const ranks = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const position = (keys[i] ?? 0) % scale; // (i < n = keys.length)
    slots[i] = slotView.getInt32(position * 4);
    ranks[i] = rankView.getFloat32(position * 4);
  }
  return { slots, ranks };
}

/** Matches brought up to date: the `changed` slots re-read as `fresh` (sorted by slot). */
function refreshed(text: TextMatches, changed: Set<number>, fresh: { slots: Int32Array; ranks: Float32Array }, generation: number): TextMatches {
  const slots: number[] = [];
  const ranks: number[] = [];
  let j = 0;
  // Each `ranks` has the length of its `slots` (the `?? 0` only tells the types so).
  for (let i = 0; i <= text.slots.length; i++) {
    const slot = text.slots[i]; // undefined past the last one: then every fresh match left goes in
    for (let s = fresh.slots[j]; s !== undefined && (slot === undefined || s < slot); s = fresh.slots[++j]) {
      slots.push(s);
      ranks.push(fresh.ranks[j] ?? 0);
    }
    if (slot !== undefined && !changed.has(slot)) {
      slots.push(slot);
      ranks.push(text.ranks[i] ?? 0);
    }
  }
  return { generation, slots: Int32Array.from(slots), ranks: Float32Array.from(ranks) };
}

/** The entries holding every word (prefixes, French stemming) and their rank; kept and caught up per copy. */
export async function textMatches(db: Db, store: SearchStore, words: readonly string[]): Promise<TextMatches> {
  const key = toPrefixQuery(words);
  const tsquery = sql`to_tsquery('french', ${key})`;
  // `offset 0` keeps the subquery whole: each rank is computed once.
  const read = async (where: SQL) => {
    const [row] = await queryRows<{ slots: Uint8Array | null; ranks: Uint8Array | null }>(
      db,
      sql`select string_agg(int4send(slot), ''::bytea) as slots, string_agg(float4send(r), ''::bytea) as ranks
          from (select ${e.slot} as slot, ${RANK(tsquery)} as r from ${e} where ${e.document} @@ ${tsquery} and ${where} offset 0) as t`,
    );
    return matchesOf(row?.slots ?? null, row?.ranks ?? null);
  };
  let text = store.text(key);
  if (text && text.generation !== store.generation) {
    const changed = store.changesSince(text.generation);
    if (!changed || changed.size > MAX_TEXT_CHANGES) text = undefined;
    else text = refreshed(text, changed, changed.size ? await read(sql`${e.slot} = any(${intArray(changed)})`) : matchesOf(null, null), store.generation);
  }
  text ??= { generation: store.generation, ...(await read(sql`true`)) };
  store.keepText(key, text);
  return text;
}
