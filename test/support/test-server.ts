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
export async function startTestServer(driver: Driver, options: { listen?: boolean; env?: Record<string, string> } = {}): Promise<TestServer> {
  const database = await openTestDatabase(driver);
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', DATA_DIR: '/tmp/arobase-test-unused', ...options.env });
  const app = await buildApp({ database, config, logger: false });
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
