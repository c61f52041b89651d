import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import { Negotiator } from '@fastify/accept-negotiator';
import { LRUCache } from 'lru-cache';
import { cacheHeadersOf, VARY, type CachePolicy } from './cache.ts';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The compressed forms kept beside a page, best first (the order `Accept-Encoding` is matched in). */
export const PAGE_ENCODINGS = ['br', 'gzip'] as const;
export type PageEncoding = (typeof PAGE_ENCODINGS)[number];

/** Smaller bodies travel as they are (the compression plugin's own threshold). */
const COMPRESS_FROM_BYTES = 1024;

/** A rendered public answer as the cache keeps it: its bytes, their compressed forms, its headers. */
export type CachedPage = {
  body: Buffer;
  variants: Partial<Record<PageEncoding, Buffer>>;
  /** The route's own headers (content type, disposition…), without the per-answer ones. */
  headers: Record<string, string>;
  etag: string;
  /** Epoch ms after which the page is not served: the route's duration, or the next clock change if sooner. */
  expiresAt: number;
  /** The route's cache policy, and the clock change known when it was rendered (for Cache-Control on each hit). */
  policy: CachePolicy;
  clockChangeAt: number | null;
};

/** Whether an If-None-Match header names this ETag (weak comparison, lists and `*` included, as RFC 9110 says for GET). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

/** A strong ETag of the identity bytes (the compressed forms carry the same one: `Vary: Accept-Encoding`). */
export const etagOf = (body: Buffer) => `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;

/** The page and its compressed forms (brotli at a quality that costs a few milliseconds on a big page). */
export async function preparePage(
  body: Buffer,
  headers: Record<string, string>,
  life: { expiresAt: number; policy: CachePolicy; clockChangeAt: number | null },
  compressible: boolean,
  routeEtag?: string,
): Promise<CachedPage> {
  const variants: CachedPage['variants'] = {};
  if (compressible && body.length >= COMPRESS_FROM_BYTES) {
    const [br, gz] = await Promise.all([brotli(body, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }), gzipAsync(body, { level: 6 })]);
    variants.br = br;
    variants.gzip = gz;
  }
  return { body, variants, headers, etag: routeEtag ?? etagOf(body), ...life };
}

// Remembers the few Accept-Encoding headers browsers send (a hundred at most), rather than parsing one per request.
const encodings = new Negotiator<PageEncoding | 'identity'>({
  supportedValues: [...PAGE_ENCODINGS, 'identity'],
  cache: new LRUCache<string, string>({ max: 100 }),
});

export type HitAnswer = { status: 200 | 304; headers: Readonly<Record<string, string>>; body: Buffer | null };

// The answers of a page that does not change with the clock, made once per page and form (304,
// identity, br, gzip): a hit then allocates nothing. At tens of thousands of hits a second, the
// headers object built for each one outlived the young generation's collections and filled the old
// one (hundreds of megabytes between two full collections).
const madeAnswers = new WeakMap<CachedPage, Map<string, HitAnswer>>();

/**
 * The answer to a request served from the cache, the same whichever path serves it (Fastify's hook,
 * or the HTTP server before Fastify): 304 when the ETag matches, else the best stored encoding, its
 * Content-Length included. The returned object is shared between hits: never change it.
 */
export function hitAnswer(page: CachedPage, request: { ifNoneMatch?: string | undefined; acceptEncoding?: string | undefined }, now = Date.now()): HitAnswer {
  const notModified = etagMatches(request.ifNoneMatch, page.etag);
  const encoding = notModified ? null : encodings.negotiate(request.acceptEncoding ?? '');
  const form = notModified ? '304' : encoding && encoding !== 'identity' && page.variants[encoding] ? encoding : 'identity';
  if (page.clockChangeAt !== null) return makeAnswer(page, form, now);
  let answers = madeAnswers.get(page);
  if (!answers) madeAnswers.set(page, (answers = new Map()));
  let answer = answers.get(form);
  if (!answer) answers.set(form, (answer = makeAnswer(page, form, now)));
  return answer;
}

function makeAnswer(page: CachedPage, form: '304' | PageEncoding | 'identity', now: number): HitAnswer {
  const { cacheControl } = cacheHeadersOf(page.policy, {
    statusCode: 200,
    signedIn: false,
    setsCookie: false,
    secondsToClockChange: page.clockChangeAt === null ? null : (page.clockChangeAt - now) / 1000,
  });
  const headers: Record<string, string> = {
    ...page.headers,
    etag: page.etag,
    'cache-control': cacheControl,
    vary: ['Accept-Encoding', ...VARY].join(', '),
    'x-cache': 'hit',
  };
  if (form === '304') return { status: 304, headers, body: null };
  const body = form === 'identity' ? page.body : (page.variants[form] ?? page.body);
  return {
    status: 200,
    headers: { ...headers, ...(form === 'identity' ? {} : { 'content-encoding': form }), 'content-length': String(body.length) },
    body,
  };
}

const sizeOf = (page: CachedPage) => page.body.length + (page.variants.br?.length ?? 0) + (page.variants.gzip?.length ?? 0) + 200;

/**
 * The rendered public answers of this process, bounded in bytes (the least recently served leave
 * first). A `generation` counts the invalidations: a page rendered before one is never stored after
 * it, so a render that raced a publication cannot put the old page back. Concurrent misses of one
 * key wait for the first render (`inFlight`) instead of rendering again.
 */
export class PageCache {
  readonly maxBytes: number;
  #pages: LRUCache<string, CachedPage>;
  #generation = 0;
  #inFlight = new Map<string, { promise: Promise<void>; release: () => void }>();
  #stats = { hits: 0, fastHits: 0, misses: 0, stored: 0, invalidations: 0 };

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
    this.#pages = new LRUCache<string, CachedPage>({ maxSize: Math.max(1, maxBytes), sizeCalculation: sizeOf });
  }

  get generation(): number {
    return this.#generation;
  }

  /** The page kept for `key`, if any and not past its expiry (counted in the stats). */
  get(key: string, now = Date.now()): CachedPage | undefined {
    const page = this.lookup(key, now);
    if (page) this.#stats.hits += 1;
    else this.#stats.misses += 1;
    return page;
  }

  /** As `get`, uncounted: for the server's fast path, where a miss goes on to Fastify's `get` (and a hit calls countFastHit). */
  lookup(key: string, now = Date.now()): CachedPage | undefined {
    const page = this.#pages.get(key);
    if (page && page.expiresAt <= now) {
      this.#pages.delete(key);
      return undefined;
    }
    return page;
  }

  /** A hit answered by the server's fast path. */
  countFastHit(): void {
    this.#stats.fastHits += 1;
  }

  /** Keeps the page if nothing was invalidated since `generation` was read (the render's start). */
  put(key: string, page: CachedPage, generation: number): boolean {
    if (generation !== this.#generation || this.maxBytes <= 0 || sizeOf(page) > this.maxBytes) return false;
    this.#pages.set(key, page);
    this.#stats.stored += 1;
    return true;
  }

  /** Everything public may read differently now: drop every page, and refuse the renders under way. */
  invalidate(): void {
    this.#generation += 1;
    this.#stats.invalidations += 1;
    this.#pages.clear();
  }

  /** The render of `key` another request started, to wait for; or undefined. */
  inFlight(key: string): Promise<void> | undefined {
    return this.#inFlight.get(key)?.promise;
  }

  /** Marks `key` as being rendered; the returned function ends it (call it once the page is stored, or not). */
  begin(key: string): () => void {
    if (this.#inFlight.has(key)) return () => undefined;
    let release!: () => void;
    const promise = new Promise<void>((resolve) => {
      release = resolve;
    });
    const entry = {
      promise,
      release: () => {
        if (this.#inFlight.get(key) === entry) this.#inFlight.delete(key);
        release();
      },
    };
    this.#inFlight.set(key, entry);
    return entry.release;
  }

  stats() {
    return { ...this.#stats, entries: this.#pages.size, bytes: this.#pages.calculatedSize };
  }
}
