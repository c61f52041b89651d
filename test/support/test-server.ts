import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../src/platform/config.ts';
import { buildApp } from '../../src/app/build-app.ts';
import { openTestDatabase, type Driver, type TestDatabase } from './test-database.ts';

export type TestServer = {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  /** Base URL of the listening server (only when started with `listen: true`). */
  url: string;
  close(): Promise<void>;
};

/** The whole application on a fresh test database; listening on a free port when a browser needs it. */
export async function startTestServer(
  driver: Driver,
  options: {
    listen?: boolean;
    env?: Record<string, string>;
    /** The server's log, at the env's LOG_LEVEL, goes there. */
    logStream?: NodeJS.WritableStream;
  } = {},
): Promise<TestServer> {
  const database = await openTestDatabase(driver);
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: '/tmp/arobase-test-unused', ...options.env });
  const app = await buildApp({ database, config, ...(options.logStream ? { logStream: options.logStream } : { logger: false }) });
  let url = 'http://localhost';
  if (options.listen) {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  } else {
    await app.ready();
  }
  config.baseUrl = url;
  return {
    app,
    database,
    config,
    url,
    async close() {
      await app.close();
      await database.dispose();
    },
  };
}

/** A started server for the tests of one `describe`, read through getters once `before` has run. */
export type TestServerHandle = Omit<TestServer, 'close'> & { readonly db: TestDatabase['db'] };

/**
 * The repeated set-up of a test file: starts the whole application before the tests of the
 * enclosing `describe` and closes it after them. Call it inside the `describe`; extra set-up goes in
 * a `before` of its own, after this call.
 */
export function useTestServer(driver: Driver, options: Parameters<typeof startTestServer>[1] = {}): TestServerHandle {
  let server: TestServer | undefined;
  before(async () => {
    server = await startTestServer(driver, options);
  });
  after(() => server?.close());
  const started = (): TestServer => {
    if (!server) throw new Error('useTestServer: the server is read before its `before` hook ran.');
    return server;
  };
  return {
    get app() {
      return started().app;
    },
    get database() {
      return started().database;
    },
    get db() {
      return started().database.db;
    },
    get config() {
      return started().config;
    },
    get url() {
      return started().url;
    },
  };
}
