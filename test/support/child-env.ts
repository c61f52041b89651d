/**
 * The environment of `bin/arobase.js` started by a test, as a person's shell would give it: the
 * test process's own with `extra`, less what must not leak into the child (the test runner's
 * context, the loader options) and, unless `extra` sets one, the run's DATABASE_URL (a child on the
 * embedded database must never reach the test server's).
 */
export function arobaseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  if (!('DATABASE_URL' in extra)) delete env.DATABASE_URL;
  delete env.NODE_OPTIONS;
  delete env.NODE_TEST_CONTEXT;
  return env;
}
