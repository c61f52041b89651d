import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { pageOf, pagesQuery } from './report-pages.rules.ts';

describe('report pages', () => {
  const rows = Array.from({ length: 250 }, (_, i) => i + 1);

  test('a page holds at most the page size, and says which rows it shows', () => {
    assert.deepEqual({ ...pageOf(rows, 1, 100), items: undefined }, { items: undefined, page: 1, pages: 3, total: 250, first: 1, last: 100 });
    const third = pageOf(rows, 3, 100);
    assert.deepEqual([third.items.length, third.first, third.last, third.items[0]], [50, 201, 250, 201]);
  });

  test('a page past the end is the last one; zero, negative or not an integer, the first', () => {
    assert.equal(pageOf(rows, 99, 100).page, 3);
    for (const asked of [0, -2, 1.5, Number.NaN]) assert.equal(pageOf(rows, asked, 100).page, 1, String(asked));
  });

  test('an empty table is one empty page', () => {
    assert.deepEqual(pageOf([], 4, 100), { items: [], page: 1, pages: 1, total: 0, first: 0, last: 0 });
  });

  test('the address keeps only the tables away from their first page, in a stable order', () => {
    assert.equal(pagesQuery({ reconnues: 3, 'a-trancher': 1, invalides: 2 }).toString(), 'invalides=2&reconnues=3');
    assert.equal(pagesQuery({}).toString(), '');
  });
});
