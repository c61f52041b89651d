import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from './config.ts';
import type { Db } from './db/database.ts';
import { startJobs } from './jobs.ts';

const config = loadConfig({ DATA_DIR: '/tmp/arobase-jobs-unused' });
const db = {} as Db;

test('a background job runs at start, never twice at once, survives its failure, and stop waits for the run in progress', async () => {
  let runs = 0;
  let release: () => void = () => undefined;
  const errors: string[] = [];
  const stop = startJobs(
    [
      {
        name: 'lent',
        everyMs: 5,
        run: () => {
          runs++;
          return new Promise<void>((resolve) => (release = resolve));
        },
      },
      {
        name: 'en-panne',
        everyMs: 1_000_000,
        run: () => Promise.reject(new Error('boom')),
      },
    ],
    { db, config, log: { info: () => undefined, error: (_details, line) => errors.push(line) } },
  );
  assert.equal(runs, 1, 'ran at start');
  await new Promise((resolve) => setTimeout(resolve, 40));
  assert.equal(runs, 1, 'its next turns wait for the run in progress');
  assert.deepEqual(errors, ['tâche en-panne en échec']);
  let stopped = false;
  const stopping = stop().then(() => (stopped = true));
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.equal(stopped, false, 'stop waits for the run in progress');
  release();
  await stopping;
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.equal(runs, 1, 'no run after stop');
});
