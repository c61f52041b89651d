import type { FastifyReply, FastifyRequest } from 'fastify';

/** Public data changes a few times a year at most: a shared cache may keep it five minutes. */
export const PUBLIC_CACHE = 'public, max-age=300';

/**
 * A public page: shared caches may keep the anonymous version; a signed-in visitor's page (its menu
 * differs) is theirs alone.
 */
export function cachePublicPage(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('cache-control', request.user ? 'private, no-store' : PUBLIC_CACHE).header('vary', 'Cookie');
}
