import type { FastifyInstance } from 'fastify';

/**
 * The address of a page without its empty parameters (`?q=&region=&page=2` → `?page=2`), or null
 * when it has none. A GET form sends every field, chosen or not; the page keeps a short address
 * that can be shared and read.
 */
export function withoutEmptyParameters(url: string): string | null {
  const at = url.indexOf('?');
  if (at === -1) return null;
  const params = new URLSearchParams(url.slice(at + 1));
  const kept = new URLSearchParams();
  let dropped = false;
  for (const [key, value] of params) {
    if (value.trim() === '') dropped = true;
    else kept.append(key, value);
  }
  if (!dropped) return null;
  const query = kept.toString();
  return url.slice(0, at) + (query ? `?${query}` : '');
}

/** Pages asked with empty parameters are sent to their short address (not the API: a client reads what it asked). */
export function redirectEmptyParameters(app: FastifyInstance) {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || request.url.startsWith('/api/')) return;
    const target = withoutEmptyParameters(request.url);
    if (target !== null) return reply.redirect(target, 302);
  });
}
