import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { everyDriver } from './support/test-database.ts';
import { runCrashTest } from '../scripts/crash-safety.ts';

// The small scale of scripts/crash-safety.ts (which takes --writes for a larger one): a few hundred
// writes, the server killed (SIGKILL) with writes in flight, restarted, every acknowledged write read back.
for (const driver of everyDriver) {
  describe(`crash safety: SIGKILL of the server under a write load (${driver})`, () => {
    test('every write acknowledged before the kill is there after the restart', { timeout: 180_000 }, async () => {
      const report = await runCrashTest({ driver, writes: 300, concurrency: 4, killAfter: 200 });
      assert.ok(report.acknowledged >= 200, `${report.acknowledged} acknowledged`);
      assert.ok(report.sent > report.acknowledged, 'writes were still in flight when the server was killed');
      assert.deepEqual(report.missing, [], 'no acknowledged write lost');
      assert.deepEqual(report.changed, [], 'none altered');
    });
  });
}
