import type { FastifyInstance } from 'fastify';
import type { Config } from '../platform/config.ts';
import type { Database } from '../platform/db/database.ts';
import { buildHttpServer } from '../platform/http/server.ts';
import { carriesNoCredential } from '../modules/accounts/auth.plugin.ts';
import { installModules } from './modules.ts';

/** The whole application: the platform's HTTP server with every module's plugins and routes. */
export async function buildApp(options: { database: Database; config: Config; logger?: boolean; logStream?: NodeJS.WritableStream }): Promise<FastifyInstance> {
  const modules = installModules();
  return buildHttpServer({
    ...options,
    navigation: modules.flatMap((m) => m.navigation ?? []),
    adminLinks: modules.flatMap((m) => m.adminLinks ?? []),
    healthChecks: modules.flatMap((m) => m.healthChecks ?? []),
    personalDataSources: modules.flatMap((m) => m.personalData ?? []),
    // The soonest of the modules' clock changes (an embargo lifting): no shared cache keeps a public answer past it.
    nextClockChange: async () => {
      const instants = await Promise.all(modules.flatMap((m) => (m.nextClockChange ? [m.nextClockChange(options.database.db)] : [])));
      const times = instants.flatMap((i) => (i ? [i.getTime()] : []));
      return times.length ? new Date(Math.min(...times)) : null;
    },
    isAnonymous: (headers) => carriesNoCredential(headers, options.config.baseUrl.startsWith('https://')),
    async register(app) {
      for (const manifest of modules) for (const plugin of manifest.plugins ?? []) await app.register(plugin);
      for (const manifest of modules) for (const routes of manifest.routes ?? []) await app.register(routes);
    },
  });
}
