import type { FastifyInstance } from 'fastify';

/**
 * Tools on other sites may read the public API from a browser: its anonymous GET answers carry
 * `Access-Control-Allow-Origin: *`. Never a write, never an answer to a session or a token, never
 * a non-public route: what a signed-in person sees stays readable by our own pages only.
 */
export function allowPublicApiReads(app: FastifyInstance) {
  app.addHook('onSend', async (request, reply, payload) => {
    const method = request.method;
    if ((method === 'GET' || method === 'HEAD') && request.url.startsWith('/api/') && isPublicAnswer(request)) {
      reply.header('access-control-allow-origin', '*');
    }
    return payload;
  });
}

function isPublicAnswer(request: { routeOptions: { config?: unknown }; authenticatedBy?: 'session' | 'token' | null }): boolean {
  const config = request.routeOptions.config as { permission?: unknown } | undefined;
  return config?.permission === 'public' && !request.authenticatedBy;
}
