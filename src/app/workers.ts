import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../platform/config.ts';
import { serveMessages as m } from './messages.ts';

// How the primary looks after its workers. A worker that stops on its own is started again after
// a pause; more stops than CRASH_LIMIT within CRASH_WINDOW_MS mean the start itself fails (a bad
// setting, the database unreachable): the primary gives up rather than loop.
const RESTART_DELAY_MS = 1_000;
const CRASH_LIMIT = 5;
const CRASH_WINDOW_MS = 60_000;
// A stop waits for the requests in flight; a worker still there after this is killed.
const STOP_GRACE_MS = 30_000;

/** What a worker tells the primary once it listens. */
export type WorkerReady = { type: 'arobase-ready'; url: string };
const isReady = (message: unknown): message is WorkerReady =>
  typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'arobase-ready';

export type PrimaryLog = { info(line: string): void; warn(line: string): void; error(line: string): void };

/**
 * The primary of `serve --workers N` (node:cluster): it prepares the database once (`prepare`:
 * migrations, first-start data, the first administrator's link), then runs N workers that share the
 * port, starts again one that stops, and on SIGTERM or SIGINT stops them all, each finishing its
 * requests. Resolves with the process's exit code.
 */
export async function runPrimary(config: Config, count: number, log: PrimaryLog, prepare: () => Promise<void>): Promise<number> {
  await prepare();
  return new Promise<number>((resolve) => {
    const ready = new Set<Worker>();
    const crashes: number[] = [];
    let stopping = false;
    let announced = false;
    let code = 0;

    const stopAll = (exitCode: number) => {
      if (stopping) return;
      stopping = true;
      code = exitCode;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
      if (!workers.length) return resolve(code);
      log.info(m.stopping(workers.length));
      for (const worker of workers) worker.process.kill('SIGTERM');
      setTimeout(() => {
        for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGKILL');
      }, STOP_GRACE_MS).unref();
    };

    const fork = () => {
      const worker = cluster.fork();
      worker.on('message', (message: unknown) => {
        if (!isReady(message)) return;
        ready.add(worker);
        if (!announced && ready.size === count) {
          announced = true;
          log.info(m.ready(message.url, count));
        }
      });
    };

    cluster.on('exit', (worker, exitCode, signal) => {
      const wasReady = ready.delete(worker);
      if (stopping) {
        if (!Object.keys(cluster.workers ?? {}).length) resolve(code);
        return;
      }
      const pid = worker.process.pid ?? 0;
      // Before every worker of the first start listened: the start itself fails (port taken…).
      if (!announced && !wasReady) {
        log.error(m.startFailed(pid, exitCode, signal));
        return stopAll(1);
      }
      const now = Date.now();
      crashes.push(now);
      while (crashes.length && (crashes[0] ?? now) < now - CRASH_WINDOW_MS) crashes.shift();
      if (crashes.length > CRASH_LIMIT) {
        log.error(m.tooManyStops(crashes.length, CRASH_WINDOW_MS / 60_000));
        return stopAll(1);
      }
      log.warn(m.restarting(pid, exitCode, signal));
      setTimeout(() => {
        if (!stopping) fork();
      }, RESTART_DELAY_MS);
    });

    process.once('SIGTERM', () => stopAll(0));
    process.once('SIGINT', () => stopAll(0));
    log.info(m.starting(count, config.port));
    for (let i = 0; i < count; i++) fork();
  });
}

/** In a worker: says it listens, and stops when the primary is gone (its IPC channel closed). */
export function reportWorkerReady(url: string, stop: () => void): void {
  const ready: WorkerReady = { type: 'arobase-ready', url };
  process.send?.(ready);
  process.once('disconnect', stop);
}
