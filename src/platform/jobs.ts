import type { Config } from './config.ts';
import type { Db } from './db/database.ts';
import type { BackgroundJob } from './module.ts';

/**
 * Starts the modules' background jobs: each runs once now, then every `everyMs`, never twice at
 * once in this process. A failure is logged and the job runs again at its next turn. The returned
 * function stops the timers and waits for the runs in progress.
 */
export function startJobs(
  jobs: readonly BackgroundJob[],
  context: { db: Db; config: Config; log: { info(line: string): void; error(details: object, line: string): void } },
): () => Promise<void> {
  const running = new Set<Promise<void>>();
  const busy = new Set<string>();
  const timers = jobs.map((job) => {
    const tick = () => {
      if (busy.has(job.name)) return;
      busy.add(job.name);
      const run = job
        .run({ db: context.db, config: context.config, log: (line) => context.log.info(line) })
        .catch((error: unknown) =>
          context.log.error({ job: job.name, err: error instanceof Error ? { message: error.message } : {} }, `tâche ${job.name} en échec`),
        )
        .finally(() => {
          busy.delete(job.name);
          running.delete(run);
        });
      running.add(run);
    };
    tick();
    const timer = setInterval(tick, job.everyMs);
    timer.unref();
    return timer;
  });
  return async () => {
    for (const timer of timers) clearInterval(timer);
    await Promise.all([...running]);
  };
}
