import type { FastifyContextConfig, FastifyInstance, FastifySchema } from 'fastify';

/**
 * A route as its module declared it: the policies of its `config` are checked by the route-policy
 * test; its `schema` (zod) tells the hostile-input test which parameters, query keys and fields it reads.
 */
export type DeclaredRoute = { method: string; url: string; config: FastifyContextConfig; schema?: FastifySchema };

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered, with its config (HEAD routes Fastify adds to GETs included). */
    routeTable: readonly DeclaredRoute[];
  }
}

/** Records the routes as they are added; call it before any plugin registers one. */
export function recordRoutes(app: FastifyInstance): void {
  const routes: DeclaredRoute[] = [];
  app.decorate('routeTable', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      routes.push({ method, url: route.url, config: (route.config ?? {}) as FastifyContextConfig, schema: route.schema });
  });
}
