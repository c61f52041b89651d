import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_QUERY_WORDS, queryWords, toPrefixQuery } from './search.rules.ts';

describe('queryWords', () => {
  test('folds accents, case and ligatures', () => {
    assert.deepEqual(queryWords('Cybersécurité ŒUVRES Élus'), ['cybersecurite', 'oeuvres', 'elus']);
  });
  test('drops every query operator and quote', () => {
    assert.deepEqual(queryWords(`"congés" & trélazé | !don :* 'ordi'`), ['conges', 'trelaze', 'don', 'ordi']);
    assert.deepEqual(queryWords('&|!:*()<>\'"'), []);
  });
  test('a 1,000-character query is cut to a few words', () => {
    const words = queryWords('reconditionnement '.repeat(60) + Array.from({ length: 40 }, (_, i) => `mot${i}`).join(' '));
    assert.ok(words.length <= MAX_QUERY_WORDS);
    assert.equal(words[0], 'reconditionnement');
  });
});

describe('toPrefixQuery', () => {
  test('every word as a prefix, all required', () => assert.equal(toPrefixQuery(['conges', 'trelaze']), 'conges:* & trelaze:*'));
  test('no word, no query', () => assert.equal(toPrefixQuery([]), ''));
});
