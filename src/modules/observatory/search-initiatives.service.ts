import { and, desc, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { queryRows } from '../../platform/db/database.ts';
import { initiativeSearchEntries as e, searchWords } from './schema.ts';
import { FACETS, facetCondition, facetCountsQuery, type Facet } from './facets.ts';
import { queryWords, toPrefixQuery } from './search.rules.ts';

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

export type FacetValue = { value: string; count: number };

export type SearchResult = {
  items: SearchItem[];
  total: number;
  page: number;
  facets: Record<Facet, FacetValue[]>;
  /** When no sheet held every word, the words were corrected against the vocabulary. */
  correctedWords?: string[];
};

function conditions(filters: SearchFilters['filters'], except?: Facet): SQL[] {
  return Object.entries(filters)
    .filter(([facet]) => facet !== except)
    .map(([facet, value]) => facetCondition(facet as Facet, value!));
}

/** Each word replaced by the closest word of the vocabulary, when one is close enough (typos). */
async function correctWords(db: Db, words: string[]): Promise<string[]> {
  const corrected: string[] = [];
  for (const word of words) {
    if (word.length < 4) {
      corrected.push(word);
      continue;
    }
    const [best] = await queryRows<{ word: string }>(
      db,
      sql`select ${searchWords.word} as word from ${searchWords} where ${searchWords.word} % ${word} order by similarity(${searchWords.word}, ${word}) desc, ${searchWords.word} limit 1`,
    );
    corrected.push(best?.word ?? word);
  }
  return corrected;
}

async function run(db: Db, search: SearchFilters, words: string[]) {
  const tsquery = words.length ? sql`to_tsquery('french', ${toPrefixQuery(words)})` : null;
  const text = tsquery ? sql`${e.document} @@ ${tsquery}` : sql`true`;
  const where = (except?: Facet) => and(text, ...conditions(search.filters, except)) ?? sql`true`;
  // Title weighs most, then the territory and summary, then the rest (weights are {D, C, B, A}).
  const rank = tsquery ? sql`ts_rank('{0.05, 0.2, 0.4, 1.0}', ${e.document}, ${tsquery})` : null;
  const [countRow] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${e} where ${where()}`);
  const total = countRow?.n ?? 0;
  const items = total
    ? await db
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
        .where(where())
        .orderBy(...(rank ? [desc(rank)] : []), desc(e.publishedAt), e.initiativeId)
        .limit(SEARCH_PAGE_SIZE)
        .offset((search.page - 1) * SEARCH_PAGE_SIZE)
    : [];
  return { total, items, where };
}

/**
 * Public sheets matching every word (French stemming, accents folded, prefixes) and every chosen
 * facet value, best first; each facet counts its values among the results of the other filters,
 * so a count is the number of results once that value is chosen.
 */
export async function searchInitiatives(db: Db, search: SearchFilters): Promise<SearchResult> {
  let words = search.words;
  let found = await run(db, search, words);
  let correctedWords: string[] | undefined;
  if (found.total === 0 && words.length) {
    const corrected = await correctWords(db, words);
    if (corrected.join(' ') !== words.join(' ')) {
      const retry = await run(db, search, corrected);
      if (retry.total > 0) {
        found = retry;
        words = corrected;
        correctedWords = corrected;
      }
    }
  }
  const facets = {} as Record<Facet, FacetValue[]>;
  for (const facet of FACETS) {
    facets[facet] = await queryRows<FacetValue>(db, facetCountsQuery(facet, found.where(facet)));
  }
  return {
    items: found.items.map((i) => ({
      id: i.id,
      title: i.title,
      summary: i.summary,
      status: i.status,
      territory: { code: i.territoryCode, name: i.territoryName },
      themeIds: i.themeIds,
      year: i.year,
      publishedAt: i.publishedAt,
    })),
    total: found.total,
    page: search.page,
    facets,
    ...(correctedWords ? { correctedWords } : {}),
  };
}

export { queryWords };
