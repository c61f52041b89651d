/**
 * SQL fragments for `check` constraints (and partial index predicates) built from the TypeScript
 * lists and thresholds the rules declare, so each value lives once.
 *
 * Values are written into the SQL as quoted literals, never bound: drizzle-kit stores a check's SQL
 * text in the migration, where a bound parameter would become `$1`. The text produced matches what
 * the committed migrations hold (`"t"."c" in ('a', 'b')`, `"t"."c" between 1 and 5`); the
 * schema-drift test fails if it ever stops doing so.
 */
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** What a column holds: the union of a text column's `enum`, `number` for an integer… */
type ValueOf<C extends AnyColumn> = C['_']['data'];

/** A value as a SQL literal: a string quoted (a quote doubled), a finite number as written. */
export function literal(value: string | number): SQL {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Not a finite number for SQL: ${value}`);
    return sql.raw(String(value));
  }
  // standard_conforming_strings is on by default since PostgreSQL 9.1: only the quote needs escaping.
  return sql.raw(`'${value.replaceAll("'", "''")}'`);
}

/** `column in ('a', 'b', …)`; the values are checked against the column's type. */
export function oneOf<C extends AnyColumn>(column: C, values: readonly ValueOf<C>[]): SQL {
  if (!values.length) throw new Error('oneOf needs at least one value');
  return sql`${column} in (${sql.join(
    values.map((value) => literal(value as string | number)),
    sql.raw(', '),
  )})`;
}

/** `column = 'value'`, with the value checked against the column's type. */
export function equals<C extends AnyColumn>(column: C, value: ValueOf<C>): SQL {
  return sql`${column} = ${literal(value as string | number)}`;
}

/** `column between min and max` (both included). */
export function between(column: AnyColumn, min: number, max: number): SQL {
  return sql`${column} between ${literal(min)} and ${literal(max)}`;
}

/** `column >= min`. */
export function atLeast(column: AnyColumn, min: number): SQL {
  return sql`${column} >= ${literal(min)}`;
}
