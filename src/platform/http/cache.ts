import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { IMMUTABLE_SECONDS, isFingerprinted, STATIC_PREFIX } from './static-assets.ts';

/**
 * How long a shared cache (a proxy, a CDN) may keep a public answer. Every duration of the platform
 * is here: routes name one, they never write a Cache-Control header themselves.
 */
export const CACHE_DURATIONS = {
  /** Reference data (territories, palmarès, referential, open data) changes a few times a year at most. */
  standard: { maxAge: 300 },
  /** Sheets and actors are edited any day: a published change shows within a minute. */
  short: { maxAge: 60 },
  /** A published referential version never changes. */
  day: { maxAge: 86_400 },
  /** Shown by other sites (the badge): an hour, and the old copy served for a day while it refreshes. */
  embedded: { maxAge: 3_600, staleWhileRevalidate: 86_400 },
} as const satisfies Record<string, { maxAge: number; staleWhileRevalidate?: number }>;
export type CacheDuration = keyof typeof CACHE_DURATIONS;

/** Content whose URL changes with it (a new photo gets a new id): a year, never revalidated. */
const ONE_YEAR = 31_536_000;
const IMMUTABLE = `public, max-age=${ONE_YEAR}, immutable`;
const NO_STORE = 'private, no-store';
/** A public answer depends on who asks (the page header, drafts in the API): caches key it by these. */
export const VARY = ['Cookie', 'Authorization'];

/**
 * A route's cache policy, declared once in its `config`:
 * - `public`: anonymous answers may be shared (`standard` duration, or the one named by
 *   `{ public: <duration> }`); a signed-in person's answer (session or API token) is theirs alone;
 * - `immutable`: like `public`, for a year (the URL changes when the content does);
 * - `private`: never stored (workspaces, administration, forms with a CSRF token, writes).
 * Whatever the policy, an error answer or an answer setting a cookie is never stored.
 */
export type CachePolicy = 'public' | 'private' | 'immutable' | { public: CacheDuration };

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may keep this route's answers, and how long; `private` when absent. */
    cache?: CachePolicy;
  }
}

export type CacheAnswer = {
  statusCode: number;
  signedIn: boolean;
  setsCookie: boolean;
  /** Seconds until the public answers change by the clock (an embargo lifting), if known: no cache keeps them past it. */
  secondsToClockChange?: number | null;
};

/** The Cache-Control header of an answer under a policy, and whether caches must key it by Cookie and Authorization. */
export function cacheHeadersOf(policy: CachePolicy | undefined, answer: CacheAnswer): { cacheControl: string; vary: boolean } {
  if (policy === undefined || policy === 'private') return { cacheControl: NO_STORE, vary: false };
  const shareable = answer.statusCode < 400 && !answer.signedIn && !answer.setsCookie;
  if (!shareable) return { cacheControl: NO_STORE, vary: true };
  if (policy === 'immutable') return { cacheControl: IMMUTABLE, vary: true };
  const duration = durationOf(policy);
  const horizon = answer.secondsToClockChange;
  if (horizon !== undefined && horizon !== null && horizon < duration.maxAge) {
    // Kept until the instant at most, and no stale copy served past it: at the ceremony's hour every cache asks again.
    return { cacheControl: `public, max-age=${Math.max(0, Math.floor(horizon))}`, vary: true };
  }
  const swr = duration.staleWhileRevalidate === undefined ? '' : `, stale-while-revalidate=${duration.staleWhileRevalidate}`;
  return { cacheControl: `public, max-age=${duration.maxAge}${swr}`, vary: true };
}

/**
 * Whether the request reads a route whose answer is the same for everyone (a GET or HEAD with a shared
 * policy): the page cache may keep it, and its identical reads may be shared (read-memo.ts).
 */
export const isSharedRead = (request: FastifyRequest): boolean =>
  (request.method === 'GET' || request.method === 'HEAD') && sharedSecondsOf(request.routeOptions.config?.cache) !== null;

/** How long a shared cache may keep a route's anonymous answers, in seconds; null when it must not keep them. */
export function sharedSecondsOf(policy: CachePolicy | undefined): number | null {
  if (policy === undefined || policy === 'private') return null;
  if (policy === 'immutable') return ONE_YEAR;
  return durationOf(policy).maxAge;
}

/** The duration a shared policy names. */
function durationOf(policy: 'public' | { public: CacheDuration }): { maxAge: number; staleWhileRevalidate?: number } {
  return CACHE_DURATIONS[policy === 'public' ? 'standard' : policy.public];
}

/** A policy as a route may declare it (the route-policy test checks every route's). */
export function isCachePolicy(value: unknown): value is CachePolicy {
  if (value === 'public' || value === 'private' || value === 'immutable') return true;
  if (typeof value !== 'object' || value === null) return false;
  const duration = (value as { public?: unknown }).public;
  return Object.keys(value).length === 1 && typeof duration === 'string' && Object.hasOwn(CACHE_DURATIONS, duration);
}

function addVary(reply: FastifyReply, names: readonly string[]) {
  const current = reply.getHeader('vary');
  const values = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  const lower = new Set(values.map((v) => v.toLowerCase()));
  for (const name of names) if (!lower.has(name.toLowerCase())) values.push(name);
  reply.header('vary', values.join(', '));
}

/**
 * The one place that writes Cache-Control: an onSend hook applying the route's declared policy. It
 * must be added after @fastify/cookie's own onSend hook, so that the Set-Cookie header is visible.
 */
export function applyCachePolicies(app: FastifyInstance, options: { nextClockChange?: () => Promise<Date | null> } = {}): void {
  app.addHook('onSend', async (request, reply, payload) => {
    // Static files keep @fastify/static's headers (max-age, ETag, Last-Modified); linked by their
    // fingerprint (assetUrl), they never change: a year, immutable.
    if (request.routeOptions.url?.startsWith(STATIC_PREFIX) && reply.statusCode < 400) {
      if (isFingerprinted(request.url)) reply.header('cache-control', `public, max-age=${IMMUTABLE_SECONDS}, immutable`);
      return payload;
    }
    const policy = request.routeOptions.config?.cache;
    const shared = policy !== undefined && policy !== 'private' && policy !== 'immutable';
    const next = shared && options.nextClockChange ? await options.nextClockChange() : null;
    const { cacheControl, vary } = cacheHeadersOf(policy, {
      statusCode: reply.statusCode,
      signedIn: Boolean(request.user),
      setsCookie: reply.hasHeader('set-cookie'),
      secondsToClockChange: next ? (next.getTime() - Date.now()) / 1000 : null,
    });
    reply.header('cache-control', cacheControl);
    if (vary) addVary(reply, VARY);
    return payload;
  });
}

/**
 * The next clock change as the cache hook reads it: asked of the modules at most every `everyMs`,
 * per process (one small query a second at most, whatever the traffic; a publication scheduled in
 * another process is known here within that second).
 */
export function memoisedClockChange(read: () => Promise<Date | null>, everyMs = 1_000): MemoisedClockChange {
  let value: Date | null = null;
  let readAt = -Infinity;
  let pending: Promise<Date | null> | null = null;
  // Counts the calls to forget(): a read started before one is not trusted after it.
  let forgotten = 0;
  const memoised = async () => {
    const now = Date.now();
    // Past the instant it held, read again at once: the next one may be there.
    if (now - readAt < everyMs && (value === null || value.getTime() > now)) return value;
    if (pending) return pending;
    const startedAt = forgotten;
    const reading: Promise<Date | null> = read()
      .then((next) => {
        if (startedAt === forgotten) {
          value = next;
          readAt = Date.now();
        }
        return next;
      })
      .finally(() => {
        if (pending === reading) pending = null;
      });
    pending = reading;
    return reading;
  };
  // A publication scheduled or cancelled here or elsewhere: read again at the next call, not a second later.
  return Object.assign(memoised, {
    forget: () => {
      forgotten += 1;
      readAt = -Infinity;
      pending = null;
    },
  });
}

export type MemoisedClockChange = (() => Promise<Date | null>) & { forget(): void };
