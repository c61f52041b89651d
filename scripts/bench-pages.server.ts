// The processes the page benchmark starts: arobase's server as a child (`node bin/arobase.js serve`,
// so the resident memory it reports is the server's own), the CLI commands it needs (seed-demo), and
// a helper to read a child's memory. Every child is killed if the benchmark dies on the way.
import { freeLoopbackPort } from '../src/platform/free-port.ts';
import { formatNumber } from '../src/platform/views/format.ts';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = fileURLToPath(new URL('../bin/arobase.js', import.meta.url));

/** Where a child finds its database: a DATA_DIR (embedded PGlite) or a PostgreSQL server. */
export type DatabaseEnv = { DATA_DIR: string } | { DATABASE_URL: string };

/** A failure the benchmark explains in French, without a stack trace. */
export class BenchError extends Error {}

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
// A signal ends the process without 'exit': turned into an exit so the children go too.
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const)
  process.once(signal, () => process.exit(code));

/** Starts a child the benchmark owns; `output()` gives the end of what it wrote (for an error message). */
export function spawnChild(args: string[], env: NodeJS.ProcessEnv, ipc = false): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ipc ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
    serialization: ipc ? 'advanced' : 'json',
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let text = '';
  const keep = (chunk: Buffer) => {
    text = (text + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => text.trim() };
}

/** Stops a child politely (SIGTERM: the server closes its database), then for good after 15 s. */
export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** The environment of arobase's children: quiet logs, this database and no other. */
function arobaseEnv(database: DatabaseEnv, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...extra, ...database };
  if (!('DATABASE_URL' in database)) delete env.DATABASE_URL;
  return env;
}

/** Runs `node bin/arobase.js ARGS` to its end; a non-zero exit is a BenchError quoting its output. */
export async function runCli(args: string[], database: DatabaseEnv): Promise<void> {
  const { child, output } = spawnChild([CLI, ...args], arobaseEnv(database));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  });
  if (code !== 0) throw new BenchError(`« arobase ${args.join(' ')} » a échoué (code ${code ?? 'signal'})\u00a0:\n${output()}`);
}

export type Memory = { rssBytes: number; peakRssBytes: number };

/** A memory size as the benchmarks print it. */
export const mebibytes = (bytes: number) => `${formatNumber(Math.round(bytes / 1024 / 1024))}\u00a0Mio`;

/** A process's resident memory and its peak, from /proc (Linux); null elsewhere. */
export function memoryOf(pid: number | undefined): Memory | null {
  if (pid === undefined) return null;
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kilobytes = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    const rss = kilobytes('VmRSS');
    const peak = kilobytes('VmHWM');
    return Number.isFinite(rss) ? { rssBytes: rss * 1024, peakRssBytes: (Number.isFinite(peak) ? peak : rss) * 1024 } : null;
  } catch {
    return null;
  }
}

export type ChildServer = { url: string; memory: () => Memory | null; stop: () => Promise<void> };

/**
 * Starts `arobase serve` on a free loopback port and waits for /healthz. `cache: false` runs it with
 * PAGE_CACHE_MB=0 (every answer rendered); `cache: true` with the platform's default size.
 */
export async function startServer(database: DatabaseEnv, options: { cache: boolean }): Promise<ChildServer> {
  const port = await freeLoopbackPort();
  const env = arobaseEnv(database, { PORT: String(port), HOST: '127.0.0.1' });
  if (options.cache) delete env.PAGE_CACHE_MB;
  else env.PAGE_CACHE_MB = '0';
  const { child, output } = spawnChild([CLI, 'serve'], env);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new BenchError(`Le serveur s’est arrêté au démarrage\u00a0:\n${output()}`);
    const up = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new BenchError(`Le serveur n’a pas répondu sur ${url}/healthz en deux minutes\u00a0:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, memory: () => memoryOf(child.pid), stop: () => stopChild(child) };
}
