import { inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/database.ts';
import { initiativeSearchEntries as e, searchWords } from './schema.ts';
import { FACETS, type Facet } from './facets.ts';
import { searchStoreOf, type FacetValue, type SearchStore } from './search-store.ts';
import { textMatches } from './text-matches.ts';
import { queryWords } from './search.rules.ts';

export const SEARCH_PAGE_SIZE = 20;

/** The search's parameters as they come (URL or API): every one optional, read leniently. */
// A repeated parameter (`?status=done&status=planned`) counts as its last value, as a link that adds a filter expects.
const lenient = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (Array.isArray(v) ? v[v.length - 1] : v));

export const searchParams = z.object({
  q: lenient,
  page: lenient,
  ...Object.fromEntries(FACETS.map((f) => [f, lenient])),
});
export type SearchParams = { q?: string; page?: string } & Partial<Record<Facet, string>>;

export type SearchFilters = { words: string[]; filters: Partial<Record<Facet, string>>; page: number };

export type SearchItem = {
  id: string;
  title: string;
  summary: string;
  status: string;
  territory: { code: string; name: string };
  themeIds: string[];
  year: number;
  publishedAt: Date;
};

export type { FacetValue };

export type SearchResult = {
  items: SearchItem[];
  total: number;
  page: number;
  facets: Record<Facet, FacetValue[]>;
  /** When no sheet held every word, the words were corrected against the vocabulary. */
  correctedWords?: string[];
};

/** Each word replaced by the closest word of the vocabulary, when one is close enough (typos). */
async function correctWords(db: Db, store: SearchStore, words: string[]): Promise<string[]> {
  const corrected: string[] = [];
  for (const word of words) {
    if (word.length < 4) {
      corrected.push(word);
      continue;
    }
    let best = store.corrections.get(word);
    if (best === undefined) {
      const [row] = await queryRows<{ word: string }>(
        db,
        sql`select ${searchWords.word} as word from ${searchWords} where ${searchWords.word} % ${word} order by similarity(${searchWords.word}, ${word}) desc, ${searchWords.word} limit 1`,
      );
      store.corrections.set(word, (best = row?.word ?? word));
    }
    corrected.push(best);
  }
  return corrected;
}

/** The sheets of a page, in the page's order (one that left the index meanwhile is left out). */
async function itemsOf(db: Db, ids: string[]): Promise<SearchItem[]> {
  if (!ids.length) return [];
  const rows = await db
    .select({
      id: e.initiativeId,
      title: e.title,
      summary: e.summary,
      status: e.status,
      territoryCode: e.territoryCode,
      territoryName: e.territoryName,
      themeIds: e.themeIds,
      year: e.year,
      publishedAt: e.publishedAt,
    })
    .from(e)
    .where(inArray(e.initiativeId, ids));
  const byId = new Map(rows.map((i) => [i.id, i]));
  return ids.flatMap((id) => {
    const i = byId.get(id);
    if (!i) return [];
    return [
      {
        id,
        title: i.title,
        summary: i.summary,
        status: i.status,
        territory: { code: i.territoryCode, name: i.territoryName },
        themeIds: i.themeIds,
        year: i.year,
        publishedAt: i.publishedAt,
      },
    ];
  });
}

/**
 * Public sheets matching every word (French stemming, accents folded, prefixes) and every chosen
 * facet value, best first (ts_rank, then the latest published); each facet counts its values among
 * the results of the other filters, so a count is the number of results once that value is chosen.
 * PostgreSQL finds and ranks the words; the counts come from this process's copy of the index,
 * caught up with every change committed before the search (search-store.ts, ADR 0008).
 */
export async function searchInitiatives(db: Db, search: SearchFilters): Promise<SearchResult> {
  const store = await searchStoreOf(db);
  const offset = (search.page - 1) * SEARCH_PAGE_SIZE;
  const run = async (words: string[]) => store.answer(words.length ? await textMatches(db, store, words) : null, search.filters, offset, SEARCH_PAGE_SIZE);
  let words = search.words;
  let found = await run(words);
  let correctedWords: string[] | undefined;
  if (found.total === 0 && words.length) {
    const corrected = await correctWords(db, store, words);
    if (corrected.join(' ') !== words.join(' ')) {
      const retry = await run(corrected);
      if (retry.total > 0) {
        found = retry;
        words = corrected;
        correctedWords = corrected;
      }
    }
  }
  return {
    items: await itemsOf(db, found.ids),
    total: found.total,
    page: search.page,
    facets: found.facets,
    ...(correctedWords ? { correctedWords } : {}),
  };
}

export { queryWords };
