import type { Logger } from 'drizzle-orm';
import type { Db } from '../../src/platform/db/database.ts';
import { readMemoStats } from '../../src/platform/db/read-memo.ts';

/** What drizzle keeps of its session: the logger every query goes through, and the options a transaction's session copies it from. */
type SessionWithLogger = { logger: Logger; options: { logger?: Logger } };

/** Transaction control is the driver's (PGlite sends it itself, node-postgres through drizzle): left out so both drivers count alike. */
const TRANSACTION_CONTROL = /^\s*(begin|commit|rollback|savepoint|release savepoint)\b/i;

/**
 * Counts the SQL statements sent to the database during `run`, through drizzle's logger (inside
 * transactions too: their sessions copy the logger from the options). BEGIN and COMMIT are not
 * counted. Concurrent work on the same database would be counted as well: measure alone.
 */
export async function countStatements<T>(
  db: Db,
  run: () => Promise<T>,
): Promise<{
  result: T;
  count: number;
  statements: string[];
  /** Those the database received: identical reads of a read-only request run once (read-memo.ts). */ sent: number;
}> {
  const session = (db as unknown as { session: SessionWithLogger }).session;
  const previous = { logger: session.logger, options: session.options.logger };
  const statements: string[] = [];
  const counting: Logger = {
    logQuery(query, params) {
      if (!TRANSACTION_CONTROL.test(query)) statements.push(query);
      previous.logger.logQuery(query, params);
    },
  };
  session.logger = counting;
  session.options.logger = counting;
  const sharedBefore = readMemoStats.shared;
  try {
    const result = await run();
    return { result, count: statements.length, statements, sent: statements.length - (readMemoStats.shared - sharedBefore) };
  } finally {
    session.logger = previous.logger;
    if (previous.options === undefined) delete session.options.logger;
    else session.options.logger = previous.options;
  }
}
