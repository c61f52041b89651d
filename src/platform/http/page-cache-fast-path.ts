import { createServer, type IncomingHttpHeaders, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { hitAnswer, type PageCache } from './page-cache.ts';

/** What the HTTP server reads before Fastify: the process's page cache (null: none), and whether the server is closing. */
export type FastPathState = { cache: PageCache | null; closing: boolean };

/**
 * Answers a request from the page cache before Fastify sees it, when it can: an anonymous GET or
 * HEAD of a URL the cache holds (only answers of public routes enter it, see page-cache.plugin.ts).
 * The bytes and headers are those Fastify's own hit would send (`hitAnswer`); skipping the framework's
 * hooks is what brings a hit near a bare server's speed. Returns false to let Fastify answer.
 */
export function answerFromCache(
  state: FastPathState,
  isAnonymous: (headers: IncomingHttpHeaders) => boolean,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  const { cache } = state;
  if (!cache || state.closing || (req.method !== 'GET' && req.method !== 'HEAD') || !req.url || !isAnonymous(req.headers)) return false;
  const page = cache.lookup(req.url);
  if (!page) return false;
  cache.countFastHit();
  const answer = hitAnswer(page, { ifNoneMatch: req.headers['if-none-match'], acceptEncoding: req.headers['accept-encoding'] });
  res.writeHead(answer.status, answer.headers);
  res.end(req.method === 'HEAD' || !answer.body ? undefined : answer.body);
  return true;
}

/** Fastify's `serverFactory`: a node:http server that tries the cache first. */
export function cacheFirstServer(state: FastPathState, isAnonymous: (headers: IncomingHttpHeaders) => boolean) {
  return (handler: RequestListener): Server =>
    createServer((req, res) => {
      if (!answerFromCache(state, isAnonymous, req, res)) handler(req, res);
    });
}
