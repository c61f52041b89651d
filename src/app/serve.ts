import type { FastifyInstance } from 'fastify';
import type { Server } from 'node:net';
import type { Config } from '../platform/config.ts';
import { prepareDataDir, restrictDataDir } from '../platform/db/data-dir.ts';
import { openPglite, openPostgres, embeddedDataPath, type Database } from '../platform/db/database.ts';
import { acquireEmbeddedLock, commandSocketPath, type EmbeddedLock } from '../platform/db/embedded-lock.ts';
import { databaseMessages } from '../platform/db/messages.ts';
import { runMigrations } from '../platform/db/migrate.ts';
import { startCommandSocket } from '../platform/cli/command-socket.ts';
import { runCommand } from '../platform/cli/command.ts';
import { firstAdminMessages } from '../modules/accounts/first-admin-messages.ts';
import { prepareFirstAdminLink } from '../modules/accounts/first-admin.service.ts';
import { deliveryFor, startOutboxWorker } from '../modules/notifications/outbox.service.ts';
import { startJobs } from '../platform/jobs.ts';
import { buildApp } from './build-app.ts';
import { MODULES } from './modules.ts';
import { COMMANDS } from './commands.ts';
import { ensureBaseData } from './first-start.ts';

export type RunningPlatform = { app: FastifyInstance; database: Database; url: string; stop(): Promise<void> };

/**
 * Opens the configured database (embedded unless DATABASE_URL is set) and brings its schema up to
 * date. DATA_DIR is made private to this user first (0700), and once the lock is held what arobase
 * keeps in it too (0600): `warn` says so when an existing directory was open to others.
 */
export async function openConfiguredDatabase(
  config: Config,
  options: { warn?: (line: string) => void } = {},
): Promise<{ database: Database; lock?: EmbeddedLock }> {
  if (config.databaseUrl) {
    const database = await openPostgres(config.databaseUrl);
    await runMigrations(database);
    return { database };
  }
  prepareDataDir(config.dataDir);
  const lock = acquireEmbeddedLock(config.dataDir);
  try {
    const tightened = restrictDataDir(config.dataDir);
    if (tightened) options.warn?.(databaseMessages.dataDir.tightened(config.dataDir, tightened));
    const database = await openPglite(embeddedDataPath(config.dataDir));
    await runMigrations(database);
    return { database, lock };
  } catch (error) {
    lock.release();
    throw error;
  }
}

const announcer = (options: { logger?: boolean; announce?: (text: string) => void }) =>
  options.announce ?? (options.logger === false ? () => undefined : (text: string) => void process.stdout.write(text));

/** While no administrator exists: a one-time link to create the first, written plainly (`announce`). */
async function printFirstAdminLink(database: Database, url: string, log: (line: string) => void, announce: (text: string) => void): Promise<void> {
  const firstAdmin = await prepareFirstAdminLink(database.db, url);
  if (firstAdmin) {
    log(firstAdminMessages.logged);
    announce(firstAdminMessages.banner(firstAdmin));
  }
}

/**
 * What the primary of `serve --workers` does once before its workers start: the schema brought up
 * to date, the first-start data loaded, the first administrator's link printed.
 */
export async function prepareDatabase(config: Config, log: (line: string) => void, options: { announce?: (text: string) => void } = {}): Promise<void> {
  const { database, lock } = await openConfiguredDatabase(config, { warn: log });
  try {
    await ensureBaseData(database.db, log);
    await printFirstAdminLink(database, config.baseUrl, log, announcer(options));
  } finally {
    await database.close();
    lock?.release();
  }
}

/**
 * Everything `npm start` does: database, first-start data, HTTP server, outbox, command socket.
 * `announce` writes what an installer must read as plain text (the first administrator's link),
 * whatever the log format: the standard output unless the logger is off.
 */
export async function startPlatform(
  config: Config,
  options: { logger?: boolean; announce?: (text: string) => void; worker?: boolean } = {},
): Promise<RunningPlatform> {
  const announce = announcer(options);
  const warnings: string[] = [];
  const { database, lock } = await openConfiguredDatabase(config, { warn: (line) => warnings.push(line) });
  let app: FastifyInstance | undefined;
  let socket: Server | undefined;
  let stopOutbox: (() => Promise<void>) | undefined;
  let stopJobs: (() => Promise<void>) | undefined;
  try {
    const built = await buildApp({ database, config, logger: options.logger });
    app = built;
    const log = app.log;
    for (const line of warnings) log.warn(line);
    // A worker of `serve --workers`: its primary loaded the base data and printed the link (prepareDatabase).
    if (!options.worker) await ensureBaseData(database.db, (line) => log.info(line));
    stopOutbox = startOutboxWorker(database.db, deliveryFor(config.smtpUrl, config.mailFrom, log), log);
    stopJobs = startJobs(
      MODULES.flatMap((m) => m.jobs ?? []),
      { db: database.db, config, log },
    );
    if (lock) {
      socket = await startCommandSocket(commandSocketPath(config.dataDir), async (argv, out, err) => {
        const [name = ''] = argv;
        // A command that must own the database (restore) never runs inside the server using it.
        if (COMMANDS[name]?.runsInServer === false) {
          err(databaseMessages.cli.mustOwnDatabase(name, process.pid));
          return 1;
        }
        return runCommand(COMMANDS, { database, config, out, err, ensureBaseData: () => ensureBaseData(database.db, err) }, argv);
      });
    }
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = config.baseUrl.replace(`:${config.port}`, `:${port}`);
    if (!options.worker) await printFirstAdminLink(database, url, (line) => log.info(line), announce);
    log.info(`arobase est prêt : ${url} (base ${database.driver === 'pglite' ? `embarquée dans ${config.dataDir}` : 'PostgreSQL'})`);
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        await built.close();
        socket?.close();
        await stopOutbox?.();
        await stopJobs?.();
        await database.close();
        lock?.release();
      })());
    return { app, database, url, stop };
  } catch (error) {
    await app?.close().catch(() => undefined);
    socket?.close();
    await stopOutbox?.().catch(() => undefined);
    await stopJobs?.().catch(() => undefined);
    await database.close().catch(() => undefined);
    lock?.release();
    throw error;
  }
}
