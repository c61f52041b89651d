import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * A public page is built from blocks of several modules, each reading what it needs through its own
 * service: the territory's row, the published editions, the distinctions… are asked for several
 * times by one page. Inside a read-only scope (an anonymous-safe GET, see useReadMemo), identical
 * SELECT statements with identical parameters run once; the other callers get a copy of the answer.
 * Outside a scope, and inside a transaction (its own connection, not wrapped), nothing changes.
 */
const scope = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

/** Runs `fn` in a read-only scope: its identical reads are shared until it ends. */
export function runWithReadMemo<T>(fn: () => T): T {
  return scope.run(new Map(), fn);
}

/** Reads answered from a scope's memo instead of the database, since the process started (for tests and the benchmark's counts). */
export const readMemoStats = { shared: 0 };

const SELECT = /^\s*select\b/i;
// A select that does something besides reading is never shared.
const SIDE_EFFECT = /\b(pg_notify|nextval|setval|set_config|pg_advisory\w*|pg_sleep)\s*\(/i;

type QueryFunction = (...args: never[]) => Promise<unknown>;

/**
 * Wraps a driver's query function (PGlite's `query`, node-postgres's `Pool.query`): `keyOf` names a
 * call by its text and parameters, or null when it must not be shared (not a read, a callback call).
 * A failed read is not kept.
 */
export function memoiseReads<F extends QueryFunction>(query: F, keyOf: (args: Parameters<F>) => string | null): F {
  const wrapped = (...args: Parameters<F>) => {
    const memo = scope.getStore();
    const key = memo ? keyOf(args) : null;
    if (!memo || key === null) return query(...args);
    const known = memo.get(key);
    // Later callers get their own copy: a service that sorts or edits its rows cannot touch another's.
    if (known) {
      readMemoStats.shared += 1;
      return known.then(copyOfRows);
    }
    const first = query(...args);
    memo.set(key, first);
    first.catch(() => memo.delete(key));
    return first;
  };
  return wrapped as F;
}

/** A copy of an answer's rows; the rest (fields, the driver's parsers) is shared as it is. */
const copyOfRows = (result: unknown) => (result && typeof result === 'object' && 'rows' in result ? { ...result, rows: structuredClone(result.rows) } : result);

/** The memo's key of a statement: its text, its parameters and how it wants its rows. */
export function readKey(text: unknown, values: unknown, rowMode: unknown): string | null {
  if (typeof text !== 'string' || !SELECT.test(text) || SIDE_EFFECT.test(text)) return null;
  return `${text}\u0000${JSON.stringify(values ?? [])}\u0000${String(rowMode ?? '')}`;
}
