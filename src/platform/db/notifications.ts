import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { loadPg, type Database, type Db } from './database.ts';

/** The channel on which every process hears that public answers may read differently. */
export const PUBLIC_CHANGES_CHANNEL = 'arobase_public_changed';

/**
 * Says, inside the transaction that changed something public, that it did: PostgreSQL (and PGlite)
 * deliver a NOTIFY only when the transaction commits, and never if it rolls back, so no process drops
 * its pages before the change is visible, nor for a change that did not happen.
 */
export async function notifyPublicChange(tx: Db, reason: string): Promise<void> {
  await tx.execute(sql`select pg_notify(${PUBLIC_CHANGES_CHANNEL}, ${reason})`);
}

export type ChannelListener = {
  /** Called with each notification's payload. */
  onMessage: (payload: string) => void;
  /** Called when notifications may have been missed (the connection was lost, then came back). */
  onGap: () => void;
  log?: (line: string) => void;
};

/**
 * Listens to a channel until the returned function is called. PGlite: the embedded engine's own
 * listeners (every change is made in this process). PostgreSQL: one dedicated connection, opened
 * again after a loss (with `onGap`, the notifications sent meanwhile being lost).
 */
export async function listenToChannel(database: Database, channel: string, listener: ChannelListener): Promise<() => Promise<void>> {
  if (database.pglite) return database.pglite.listen(channel, listener.onMessage);
  const connectionString = database.pool?.options.connectionString;
  if (!connectionString) throw new Error('listenToChannel: no PostgreSQL connection string');
  const pg = await loadPg();
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (afterLoss: boolean) => {
    const next = new pg.Client({ connectionString, application_name: `arobase listener (pid ${process.pid})` });
    next.on('notification', (message) => {
      if (message.channel === channel) listener.onMessage(message.payload ?? '');
    });
    next.on('error', () => lost(next));
    next.on('end', () => lost(next));
    await next.connect();
    await next.query(`listen ${pg.escapeIdentifier(channel)}`);
    client = next;
    if (afterLoss) listener.onGap();
  };
  const lost = (which: pg.Client) => {
    if (stopped || client !== which) return;
    client = undefined;
    listener.log?.(`Écoute de ${channel} interrompue : nouvelle connexion dans une seconde.`);
    listener.onGap();
    const again = () => {
      retry = undefined;
      if (stopped) return;
      connect(true).catch(() => {
        retry = setTimeout(again, 1_000);
      });
    };
    retry = setTimeout(again, 1_000);
  };
  await connect(false);
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    await client?.end().catch(() => undefined);
  };
}
