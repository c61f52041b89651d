import cluster from 'node:cluster';
import pino from 'pino';
import { ConfigError, loadConfig, workerCount, type Config } from '../platform/config.ts';
import { DataDirError } from '../platform/db/data-dir.ts';
import { embeddedDatabaseExists } from '../platform/db/database.ts';
import { EmbeddedDatabaseBusy, commandSocketPath } from '../platform/db/embedded-lock.ts';
import { databaseMessages } from '../platform/db/messages.ts';
import { sendCommand } from '../platform/cli/command-socket.ts';
import { commandHelp, helpText, parseOptions, runCommand, UsageError } from '../platform/cli/command.ts';
import { loggerOptions } from '../platform/http/logging.ts';
import { COMMANDS as commands } from './commands.ts';
import { ensureBaseData } from './first-start.ts';
import { installModules } from './modules.ts';
import { serveMessages } from './messages.ts';
import { openConfiguredDatabase, prepareDatabase, startPlatform, type RunningPlatform } from './serve.ts';
import { reportWorkerReady, runPrimary } from './workers.ts';

/**
 * `serve [--workers N]`: the platform in this process, or N processes sharing the port (node:cluster,
 * PostgreSQL only). Resolves with an exit code once stopped, or -1 while it runs.
 */
async function serve(config: Config, args: string[]): Promise<number> {
  let workers: number;
  try {
    const { values } = parseOptions(args, { workers: { type: 'string' } });
    const flag = values.workers === undefined ? undefined : workerCount.safeParse(values.workers);
    if (flag && !flag.success) throw new UsageError(`--workers : ${flag.error.issues[0]?.message ?? 'valeur invalide'}`);
    workers = flag?.data ?? config.workers;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\nUsage : npx arobase serve [--workers N]\n`);
    return 2;
  }
  if (cluster.isWorker) {
    const platform = await startPlatform(config, { worker: true });
    const shutdown = stopOnSignals(platform);
    reportWorkerReady(platform.url, () => void shutdown('disconnect'));
    return -1;
  }
  if (workers > 1) {
    if (!config.databaseUrl) {
      process.stderr.write(serveMessages.needsPostgres + '\n');
      return 2;
    }
    const log = pino(loggerOptions(config));
    return runPrimary(config, workers, { info: (l) => log.info(l), warn: (l) => log.warn(l), error: (l) => log.error(l) }, () =>
      prepareDatabase(config, (line) => log.info(line)),
    );
  }
  stopOnSignals(await startPlatform(config));
  return -1;
}

/** SIGINT and SIGTERM stop the platform cleanly (requests in flight answered), then the process. */
function stopOnSignals(platform: RunningPlatform): (reason: string) => Promise<void> {
  const shutdown = async (reason: string) => {
    platform.app.log.info(`${reason} reçu : arrêt propre…`);
    await platform.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  return shutdown;
}

/**
 * A command outside the server: opens the database itself, or hands the command to the running
 * server. It never creates an embedded database by mistake (a wrong or missing DATA_DIR): that takes
 * `--create`.
 */
async function runStandalone(config: Config, commandLine: string[]): Promise<number> {
  const out = (line: string) => process.stdout.write(line + '\n');
  const err = (line: string) => process.stderr.write(line + '\n');
  const [name = '', ...rest] = commandLine;
  const command = commands[name];
  const create = rest.includes('--create');
  const argv = [name, ...rest.filter((arg) => arg !== '--create')];
  if (command && rest.includes('--help')) {
    out(commandHelp(command));
    return 0;
  }
  if (!config.databaseUrl && !create && !embeddedDatabaseExists(config.dataDir)) {
    err(databaseMessages.cli.noDatabase(config.dataDir));
    return 1;
  }
  let opened;
  try {
    opened = await openConfiguredDatabase(config, { warn: err });
  } catch (error) {
    if (error instanceof DataDirError) {
      err(error.message);
      return 1;
    }
    if (!(error instanceof EmbeddedDatabaseBusy)) throw error;
    if (command && !command.runsInServer) {
      err(databaseMessages.cli.mustOwnDatabase(name, error.pid));
      return 1;
    }
    const args = argv.slice(1);
    const handed = command?.absolutePaths ? [name, ...command.absolutePaths(args, process.cwd())] : argv;
    const code = await sendCommand(commandSocketPath(config.dataDir), handed);
    if (code !== null) return code;
    err(`${error.message}\nLa commande ne peut pas l'ouvrir en même temps. Attendez la fin de ce processus ou arrêtez-le, puis relancez la commande.`);
    return 1;
  }
  try {
    const database = opened.database;
    // The command's changes are heard by the other modules as in the server (the search index, the audit log).
    installModules();
    return await runCommand(commands, { database, config, out, err, ensureBaseData: () => ensureBaseData(database.db, err) }, argv);
  } finally {
    await opened.database.close();
    opened.lock?.release();
  }
}

/** For bin/arobase.js: a crash's stack, mapped to the sources. */
export { sourceMappedStack } from '../platform/source-stack.ts';

export async function main(argv: string[]): Promise<number> {
  const [name] = argv;
  if (!name || name === '--help' || name === 'help') {
    process.stdout.write(helpText(commands) + '\n');
    return name ? 0 : 2;
  }
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(error.message + '\n');
      return 78; // EX_CONFIG
    }
    throw error;
  }
  if (name === 'serve') {
    try {
      return await serve(config, argv.slice(1));
    } catch (error) {
      if (error instanceof EmbeddedDatabaseBusy) {
        process.stderr.write(
          `${error.message}\narobase tourne sans doute déjà : un seul serveur peut ouvrir la base embarquée (DATA_DIR=${config.dataDir}).\n`,
        );
        return 1;
      }
      if (error instanceof DataDirError) {
        process.stderr.write(error.message + '\n');
        return 1;
      }
      throw error;
    }
  }
  if (!commands[name]) {
    process.stderr.write(`Commande inconnue : ${name}\n\n${helpText(commands)}\n`);
    return 2;
  }
  return runStandalone(config, argv);
}
