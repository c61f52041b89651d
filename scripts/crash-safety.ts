// Crash safety: a bounded write load on a real server, SIGKILL of the server in the middle of it,
// a restart, and a check that every write the server acknowledged (201) is there.
//   node --import tsx scripts/crash-safety.ts [--driver pglite|postgres] [--writes 2000] [--concurrency 8]
// PostgreSQL needs DATABASE_URL (a scratch database is made next to it, from the test template).
// `test/crash-safety.test.ts` runs it at a small scale with `npm test`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freeLoopbackPort } from '../src/platform/free-port.ts';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite, openPostgres, embeddedDataPath, type Database } from '../src/platform/db/database.ts';
import { runMigrations } from '../src/platform/db/migrate.ts';
import { systemCaller } from '../src/modules/accounts/permissions.rules.ts';
import { createUser } from '../src/modules/accounts/users.service.ts';
import { createApiToken } from '../src/modules/accounts/api-tokens.service.ts';
import { SNAPSHOT_PATH, adminUrl, templateDatabaseName } from '../test/support/snapshot.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/arobase.js');

export type CrashOptions = {
  driver: 'pglite' | 'postgres';
  /** At most this many writes are sent. */
  writes: number;
  concurrency?: number;
  /** The server is killed once this many writes are acknowledged (three quarters by default). */
  killAfter?: number;
  log?: (line: string) => void;
};

export type CrashReport = { sent: number; acknowledged: number; missing: string[]; changed: string[] };

/** A database holding every territory (from the test snapshot or template), and a contributor's API token. */
async function prepare(driver: CrashOptions['driver']): Promise<{ env: Record<string, string>; token: string; dispose(): Promise<void> }> {
  let database: Database;
  let env: Record<string, string>;
  let dispose: () => Promise<void>;
  if (driver === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'arobase-crash-'));
    database = await openPglite(embeddedDataPath(dataDir), { loadDataDir: new Blob([readFileSync(SNAPSHOT_PATH)]) });
    env = { DATA_DIR: dataDir };
    dispose = async () => rmSync(dataDir, { recursive: true, force: true });
  } else {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('--driver postgres needs DATABASE_URL');
    const name = `arobase_crash_${randomBytes(5).toString('hex')}`;
    const admin = async (query: string) => {
      const client = new pg.Client({ connectionString: adminUrl(url) });
      await client.connect();
      await client.query(query).finally(() => client.end());
    };
    await admin(`create database ${name} template ${templateDatabaseName(url)}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    database = await openPostgres(target.toString(), { max: 2 });
    env = { DATABASE_URL: target.toString() };
    dispose = () => admin(`drop database if exists ${name} with (force)`);
  }
  await runMigrations(database);
  const user = await createUser(database.db, systemCaller('crash-safety script'), {
    email: 'charge@trelaze.example.fr',
    role: 'member',
    territoryCode: '49353',
    territoryRole: 'contributor',
  });
  const { token } = await createApiToken(database.db, user.id, 'crash-safety');
  await database.close();
  return { env, token, dispose };
}

/** `npx arobase serve`, answered on /healthz. */
async function startServer(env: NodeJS.ProcessEnv, baseUrl: string): Promise<ChildProcess> {
  const server = spawn(process.execPath, [bin, 'serve'], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  server.stderr?.on('data', (d) => (stderr += d));
  const exited = new Promise<never>((_, reject) => server.once('exit', (code) => reject(new Error(`serve exited (${code}):\n${stderr}`))));
  const ready = (async () => {
    for (;;) {
      if ((await fetch(`${baseUrl}/healthz`).catch(() => null))?.status === 200) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  await Promise.race([ready, exited]);
  return server;
}

const exitOf = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode ? resolve() : child.once('exit', () => resolve())));

export async function runCrashTest(options: CrashOptions): Promise<CrashReport> {
  const log = options.log ?? (() => {});
  const concurrency = options.concurrency ?? 4;
  const killAfter = options.killAfter ?? Math.floor(options.writes * 0.75);
  const prepared = await prepare(options.driver);
  const port = await freeLoopbackPort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, ...prepared.env, PORT: String(port), HOST: '127.0.0.1', BASE_URL: baseUrl, LOG_LEVEL: 'warn' };
  if (options.driver === 'pglite') delete env.DATABASE_URL;
  delete env.NODE_OPTIONS;
  delete env.NODE_TEST_CONTEXT;
  const headers = { authorization: `Bearer ${prepared.token}`, 'content-type': 'application/json' };
  let server: ChildProcess | undefined;
  try {
    server = await startServer(env, baseUrl);
    log(`Serveur prêt (${options.driver}) ; ${options.writes} écritures au plus, arrêt brutal après ${killAfter} acquittées.`);
    const acknowledged = new Map<string, string>();
    let sent = 0;
    let killed = false;
    const writer = async () => {
      while (!killed && sent < options.writes) {
        const title = `Écriture ${++sent} avant l’arrêt brutal`;
        const body = { territoryCode: '49353', title, summary: 'Une fiche de la charge.', status: 'planned', serviceIds: ['dematerialisation-rh'] };
        const res = await fetch(`${baseUrl}/api/v1/initiatives`, { method: 'POST', headers, body: JSON.stringify(body) }).catch(() => null);
        // Only a 201 received is an acknowledged write; a request cut by the kill may or may not be there.
        if (res?.status !== 201) continue;
        acknowledged.set(((await res.json()) as { id: string }).id, title);
        if (!killed && acknowledged.size >= killAfter) {
          killed = true;
          server?.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, writer));
    if (!killed) throw new Error(`Only ${acknowledged.size} of ${sent} writes acknowledged: the kill was never reached`);
    await exitOf(server);
    log(`Arrêt brutal (SIGKILL) : ${acknowledged.size} écritures acquittées sur ${sent} envoyées. Redémarrage…`);

    server = await startServer(env, baseUrl);
    log('Serveur redémarré ; relecture des écritures acquittées…');
    const missing: string[] = [];
    const changed: string[] = [];
    const ids = [...acknowledged.keys()];
    const reader = async () => {
      for (let id = ids.pop(); id; id = ids.pop()) {
        const res = await fetch(`${baseUrl}/api/v1/initiatives/${id}`, { headers });
        if (res.status === 404) missing.push(id);
        else if (res.status !== 200) throw new Error(`GET ${id}: ${res.status}`);
        else if (((await res.json()) as { title: string }).title !== acknowledged.get(id)) changed.push(id);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, reader));
    log(`Après redémarrage : ${acknowledged.size - missing.length - changed.length} sur ${acknowledged.size} retrouvées intactes.`);
    server.kill('SIGTERM');
    await exitOf(server);
    return { sent, acknowledged: acknowledged.size, missing, changed };
  } finally {
    if (server && server.exitCode === null && !server.signalCode) {
      server.kill('SIGKILL');
      await exitOf(server);
    }
    await prepared.dispose();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: { driver: { type: 'string', default: 'pglite' }, writes: { type: 'string', default: '2000' }, concurrency: { type: 'string', default: '8' } },
  });
  if (values.driver !== 'pglite' && values.driver !== 'postgres') throw new Error('--driver pglite|postgres');
  // The snapshot (and the PostgreSQL template) the test runs use.
  if (spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/prepare-test-database.ts')], { stdio: 'inherit' }).status !== 0) process.exit(1);
  const report = await runCrashTest({ driver: values.driver, writes: Number(values.writes), concurrency: Number(values.concurrency), log: console.log });
  const lost = report.missing.length + report.changed.length;
  console.log(lost ? `ÉCHEC : ${lost} écritures acquittées perdues ou altérées.` : 'Aucune écriture acquittée perdue.');
  process.exit(lost ? 1 : 0);
}
