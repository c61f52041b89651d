import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { integer, PgDialect, pgTable, text } from 'drizzle-orm/pg-core';
import { atLeast, between, equals, oneOf } from './checks.ts';

const things = pgTable('things', {
  kind: text('kind', { enum: ['a', "it's", 'c'] }).notNull(),
  size: integer('size'),
});

/** The text drizzle-kit writes into a migration: values inline, no bound parameters. */
const render = (fragment: Parameters<PgDialect['sqlToQuery']>[0]) => {
  const query = new PgDialect().sqlToQuery(fragment);
  assert.deepEqual(query.params, []);
  return query.sql;
};

describe('check constraint fragments', () => {
  test('a list becomes an `in` of quoted literals', () => {
    assert.equal(render(oneOf(things.kind, ['a', "it's", 'c'])), `"things"."kind" in ('a', 'it''s', 'c')`);
    assert.equal(render(equals(things.kind, 'a')), `"things"."kind" = 'a'`);
  });

  test('numbers are written as they are', () => {
    assert.equal(render(between(things.size, 1, 5)), `"things"."size" between 1 and 5`);
    assert.equal(render(atLeast(things.size, 1999)), `"things"."size" >= 1999`);
    assert.throws(() => atLeast(things.size, Number.NaN));
  });

  test('values are checked against the column type', () => {
    // @ts-expect-error 'b' is not one of the column's values
    oneOf(things.kind, ['a', 'b']);
    // @ts-expect-error a number column takes numbers
    equals(things.size, 'a');
  });

  test('an empty list is refused (`in ()` is not SQL)', () => {
    assert.throws(() => oneOf(things.kind, []));
  });
});
