import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database, Db } from '../db/database.ts';
import { listenToChannel, notifyPublicChange, PUBLIC_CHANGES_CHANNEL } from '../db/notifications.ts';
import { isSharedRead, sharedSecondsOf, type MemoisedClockChange } from './cache.ts';
import { STATIC_PREFIX } from './static-assets.ts';
import { hitAnswer, PageCache, preparePage, type CachedPage } from './page-cache.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set on a cacheable miss: where to store the answer, and the generation its render started in. */
    pageCacheMiss: { key: string; generation: number; release: () => void } | null;
  }
}

/**
 * The headers a cached answer does not keep: those of one answer (length, encoding, cookies) and those
 * the hooks write again on every answer (Cache-Control, Vary). The others are kept as sent (the type,
 * a disposition, a security header a route relaxes as the badge does, CORS for the public API), since
 * the server's fast path answers without any hook.
 */
const PER_ANSWER_HEADERS = new Set([
  'cache-control',
  'vary',
  'etag',
  'content-length',
  'content-encoding',
  'set-cookie',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'x-cache',
]);
const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|[a-z.+-]*\+(json|xml))|image\/svg\+xml)/;

export type PageCacheOptions = {
  cache: PageCache;
  /** Whether the request carries no credential (no session cookie, no API token): only those are served from the cache. */
  isAnonymous: (headers: IncomingHttpHeaders) => boolean;
  /** The next instant public answers change by the clock: no page is kept past it. */
  nextClockChange?: () => Promise<Date | null>;
};

const sendCached = (request: FastifyRequest, reply: FastifyReply, page: CachedPage) => {
  const answer = hitAnswer(page, { ifNoneMatch: request.headers['if-none-match'], acceptEncoding: request.headers['accept-encoding'] });
  return reply
    .code(answer.status)
    .headers(answer.headers)
    .send(answer.body ?? undefined);
};

/**
 * Serves anonymous GETs of routes with a shared cache policy from memory (see PageCache), before
 * the session lookup and the route: the first anonymous miss of a URL renders and stores its
 * answer, the concurrent ones wait for it. Only a 200 that sets no cookie is kept (a page with a
 * form token sets one): a signed-in person's answer never enters, and is never served from it.
 * Must be installed after the cookie plugin (its onSend hook writes Set-Cookie, read here).
 */
export function usePageCache(app: FastifyInstance, options: PageCacheOptions): void {
  const { cache } = options;
  app.decorateRequest('pageCacheMiss', null);

  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith(STATIC_PREFIX) || !isSharedRead(request)) return;
    if (!options.isAnonymous(request.headers)) return;
    const key = request.url;
    let page = cache.get(key);
    if (!page) {
      const pending = cache.inFlight(key);
      if (pending) {
        await pending;
        page = cache.get(key);
      }
    }
    if (page) return sendCached(request, reply, page);
    request.pageCacheMiss = { key, generation: cache.generation, release: cache.begin(key) };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const miss = request.pageCacheMiss;
    if (!miss) return payload;
    const storable =
      reply.statusCode === 200 && request.user === null && !reply.hasHeader('set-cookie') && (typeof payload === 'string' || Buffer.isBuffer(payload));
    reply.header('x-cache', 'miss');
    if (!storable) return payload;
    const policy = request.routeOptions.config?.cache ?? 'private';
    const seconds = sharedSecondsOf(policy) ?? 0;
    const next = options.nextClockChange ? await options.nextClockChange() : null;
    const clockChangeAt = next ? next.getTime() : null;
    const expiresAt = Math.min(Date.now() + seconds * 1000, clockChangeAt ?? Infinity);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (value !== undefined && !PER_ANSWER_HEADERS.has(name.toLowerCase())) headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
    // A route that sets its own ETag (the badge's) keeps it.
    const routeEtag = reply.getHeader('etag');
    const page = await preparePage(
      body,
      headers,
      { expiresAt, policy, clockChangeAt },
      COMPRESSIBLE.test(headers['content-type'] ?? ''),
      typeof routeEtag === 'string' ? routeEtag : undefined,
    );
    cache.put(miss.key, page, miss.generation);
    reply.header('etag', page.etag);
    return payload;
  });

  // The waiting requests go on once the first one's answer is stored, or known not to be.
  app.addHook('onResponse', async (request) => {
    request.pageCacheMiss?.release();
  });
  app.addHook('onRequestAbort', async (request) => {
    request.pageCacheMiss?.release();
  });
}

/** The page caches of this process (one per server; tests start several). */
const processCaches = new Set<PageCache>();

/**
 * Says, inside its transaction, that something public changed: this process's caches are emptied at
 * once (so its own next answer is fresh, even before the notification comes back), and every
 * process's, this one's again included, when the transaction commits. A page rendered between the
 * two from the data before the commit is dropped by the second.
 */
export async function announcePublicChange(tx: Db, reason: string): Promise<void> {
  for (const cache of processCaches) cache.invalidate();
  await notifyPublicChange(tx, reason);
}

/**
 * The process's page cache (`PAGE_CACHE_MB`, none at 0), emptied whenever a transaction that changed
 * something public commits, here or in another process (the database's notifications), and when
 * that channel was lost for a while. The clock's memo is dropped too: a publication just scheduled
 * bounds the next pages' life at once.
 */
export async function installPageCache(
  app: FastifyInstance,
  options: { database: Database; cache: PageCache; isAnonymous: (headers: IncomingHttpHeaders) => boolean; clock?: MemoisedClockChange },
): Promise<void> {
  const { cache } = options;
  const invalidate = () => {
    options.clock?.forget();
    cache.invalidate();
  };
  const stop = await listenToChannel(options.database, PUBLIC_CHANGES_CHANNEL, {
    onMessage: invalidate,
    onGap: invalidate,
    log: (line) => app.log.warn(line),
  });
  processCaches.add(cache);
  app.addHook('onClose', async () => {
    processCaches.delete(cache);
    await stop();
  });
  usePageCache(app, { cache, isAnonymous: options.isAnonymous, nextClockChange: options.clock });
}
