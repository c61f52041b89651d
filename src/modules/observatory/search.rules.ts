/** How a French query becomes a full-text query. Pure, no I/O. */
import { foldText } from '../../platform/text.ts';

// Enough words for any real query; a pasted paragraph is cut rather than refused.
export const MAX_QUERY_WORDS = 12;
export const MAX_WORD_LENGTH = 40;

/** Lower-case, unaccented words of letters and digits: nothing of the query's punctuation survives. */
export function queryWords(q: string): string[] {
  const words = foldText(q.slice(0, 2000))
    .split(' ')
    .filter((w) => w.length > 0 && w.length <= MAX_WORD_LENGTH);
  return [...new Set(words)].slice(0, MAX_QUERY_WORDS);
}

/**
 * A `to_tsquery('french', …)` text: every word must appear, as a prefix of a stemmed word, so
 * « recyclé » finds « recyclage » and « numéri » finds « numérique ». Words are letters and digits
 * only (see queryWords), so the query syntax cannot be injected.
 */
export function toPrefixQuery(words: readonly string[]): string {
  return words.map((w) => `${w}:*`).join(' & ');
}
