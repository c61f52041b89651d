import type { IncomingHttpHeaders } from 'node:http';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyCompress from '@fastify/compress';
import fastifyFormbody from '@fastify/formbody';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { h } from 'preact';
import { hasZodFastifySchemaValidationErrors, serializerCompiler } from 'fastify-type-provider-zod';
import type { Config } from '../config.ts';
import type { Database, Db } from '../db/database.ts';
import { getOrCreateSecret } from '../db/settings.service.ts';
import { DomainError, InvalidInputError } from '../errors.ts';
import { DOMAIN_ERROR_STATUS, HttpError } from './errors.ts';
import { ErrorPage } from './error-page.tsx';
import { platformMessages } from '../views/messages.ts';
import { sendPage } from '../views/render.ts';
import type { AdminLink, HealthCheck, NavigationItem, PersonalDataSource } from '../module.ts';
import { healthRoutes } from './health.routes.ts';
import { applyCachePolicies, isSharedRead, memoisedClockChange } from './cache.ts';
import { recordRoutes } from './route-table.ts';
import '../validation.ts';
import { validatorCompiler } from './route-input.ts';
import { loggerOptions } from './logging.ts';
import { answerClientError, BARE_ERROR_HEADERS } from './client-errors.ts';
import { redirectEmptyParameters } from './canonical-query.ts';
import { cacheFirstServer, type FastPathState } from './page-cache-fast-path.ts';
import { installPageCache } from './page-cache.plugin.ts';
import { runWithReadMemo } from '../db/read-memo.ts';
import { STATIC_PREFIX } from './static-assets.ts';
import { PageCache } from './page-cache.ts';
import { allowPublicApiReads } from './cors.ts';
import { projectPath } from '../project-root.ts';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    database: Database;
    config: Config;
    /** The main menu, from the modules' manifests. */
    navigation: readonly NavigationItem[];
    /** The administration home's cards, from the modules' manifests. */
    adminLinks: readonly AdminLink[];
    /** The modules' checks that `/healthz` runs beside the database's. */
    healthChecks: readonly HealthCheck[];
    /** The modules' parts of a person's data download. */
    personalDataSources: readonly PersonalDataSource[];
    /** The anonymous public answers kept in memory; null when turned off (`PAGE_CACHE_MB=0`). */
    pageCache: PageCache | null;
  }
  interface FastifyContextConfig {
    /** Set to false on routes that authenticate by other means than the session cookie. */
    csrf?: boolean;
  }
  interface FastifyRequest {
    /**
     * What this request's CSRF tokens are bound to: the module that reads the session cookie sets it
     * from the session, so a token made before a login (or for another session) is refused after it.
     * `anonymous` for a visitor without a session (the CSRF library needs a non-empty value).
     */
    csrfBinding: string;
  }
}

/** The CSRF secret's cookie; `__Host-` over https (this host only, https only, the whole site). */
export const csrfCookieName = (secure: boolean) => (secure ? '__Host-arobase_csrf' : 'arobase_csrf');

const publicDir = projectPath('public');
export const COOKIE_SECRET_KEY = 'cookie_secret';

export function isApiRequest(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || request.url === '/healthz';
}

export type HttpServerOptions = {
  database: Database;
  config: Config;
  logger?: boolean;
  /** Where the log goes instead of the standard output (tests read it). */
  logStream?: NodeJS.WritableStream;
  navigation?: readonly NavigationItem[];
  adminLinks?: readonly AdminLink[];
  healthChecks?: readonly HealthCheck[];
  personalDataSources?: readonly PersonalDataSource[];
  /** The next instant public answers change by the clock (an embargo lifting): caches keep them no longer. */
  nextClockChange?: () => Promise<Date | null>;
  /** Whether a request carries no credential (the accounts module knows its cookie): the page cache serves only those. */
  isAnonymous?: (headers: IncomingHttpHeaders) => boolean;
  /** Registers the modules' plugins and routes (the composition root's part). */
  register: (app: FastifyInstance) => Promise<void>;
};

/** The HTTP server with the platform's plugins and policies; the modules come through `register`. */
export async function buildHttpServer(options: HttpServerOptions): Promise<FastifyInstance> {
  const { database, config } = options;
  // The page cache, answered by the HTTP server itself before Fastify when it holds the page (see page-cache-fast-path.ts).
  const isAnonymous = options.isAnonymous;
  const fastPath: FastPathState = { cache: isAnonymous && config.pageCacheBytes > 0 ? new PageCache(config.pageCacheBytes) : null, closing: false };
  const app = Fastify({
    ...(fastPath.cache && isAnonymous ? { serverFactory: cacheFirstServer(fastPath, isAnonymous) } : {}),
    logger:
      options.logger === false
        ? false
        : // No personal data nor secret in the log: see logging.ts.
          loggerOptions(config, options.logStream),
    trustProxy: config.trustProxy,
    logController: new LogController({ disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace' }),
    // `/territoires/` typed by hand is `/territoires`.
    routerOptions: { ignoreTrailingSlash: true },
    // What Node's parser refuses (an address over 16 KB…) and what the router cannot read (`/territoires/%FF`): in French too.
    clientErrorHandler: answerClientError,
    frameworkErrors: (error, request, reply) => handleError(error, request, reply.headers(BARE_ERROR_HEADERS)),
  });
  recordRoutes(app);
  app.decorate('db', database.db);
  app.decorate('database', database);
  app.decorate('config', config);
  app.decorate(
    'navigation',
    [...(options.navigation ?? [])].sort((a, b) => a.position - b.position),
  );
  app.decorate(
    'adminLinks',
    [...(options.adminLinks ?? [])].sort((a, b) => a.position - b.position),
  );
  app.decorate('healthChecks', options.healthChecks ?? []);
  app.decorate('personalDataSources', options.personalDataSources ?? []);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: config.baseUrl.startsWith('https://') ? [] : null,
      },
    },
    hsts: config.baseUrl.startsWith('https://'),
    crossOriginResourcePolicy: { policy: 'same-site' },
  });
  const secret = await getOrCreateSecret(database.db, COOKIE_SECRET_KEY);
  await app.register(fastifyCookie, { secret });
  app.decorateRequest('csrfBinding', 'anonymous');
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: csrfCookieName(config.baseUrl.startsWith('https://')),
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', path: '/', secure: config.baseUrl.startsWith('https://') },
    getUserInfo: (request) => request.csrfBinding,
    csrfOpts: { hmacKey: secret },
  });
  // Slow connections: pages, JSON and the stylesheet travel compressed (images are already).
  await app.register(fastifyCompress, { threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(fastifyFormbody);
  // No route reads plain text (a form of `enctype="text/plain"` is a cross-site trick): 415, naming what is accepted.
  app.removeContentTypeParser('text/plain');
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyStatic, {
    root: publicDir,
    prefix: STATIC_PREFIX,
    maxAge: '1h',
    index: false,
  });
  // Every answer's Cache-Control comes from its route's declared policy (after the cookie hook: it sees Set-Cookie).
  const clock = options.nextClockChange ? memoisedClockChange(options.nextClockChange) : undefined;
  applyCachePolicies(app, { nextClockChange: clock });
  redirectEmptyParameters(app);
  allowPublicApiReads(app);
  // A GET of a shared-policy route reads public data only: the blocks of its page share their identical reads.
  app.addHook('onRequest', (request, _reply, done) => {
    if (isSharedRead(request)) return runWithReadMemo(done);
    done();
  });
  // After the hooks that write an answer's headers (CORS included): the cache keeps them as sent.
  app.decorate('pageCache', fastPath.cache);
  if (fastPath.cache && isAnonymous) {
    await installPageCache(app, { database, cache: fastPath.cache, isAnonymous, clock });
    // A closing server answers nothing new from the cache either (Fastify refuses new requests then).
    app.addHook('preClose', async () => {
      fastPath.closing = true;
    });
  }

  // Every state-changing request made with the session cookie must carry the form's CSRF token.
  app.addHook('preHandler', (request, reply, done) => {
    const method = request.method;
    if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return done();
    // No route, nothing to protect: a 404, not a CSRF refusal.
    if (request.is404) return done();
    if (request.routeOptions.config?.csrf === false) return done();
    // The API without a session cookie is not reachable by a forged form: tokens, or 401 for nobody.
    if (request.authenticatedBy === 'token' || (request.url.startsWith('/api/') && request.authenticatedBy !== 'session')) return done();
    app.csrfProtection(request, reply, done);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => handleError(error, request, reply));
  app.setNotFoundHandler((request, reply) => {
    if (isApiRequest(request)) {
      return reply.code(404).send({ error: 'not_found', message: platformMessages.errors.resourceNotFound });
    }
    return sendPage(request, reply, h(ErrorPage, { statusCode: 404, message: platformMessages.errors.routeNotFound }), 404);
  });

  await options.register(app);
  await app.register(healthRoutes);
  return app;
}

function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  let statusCode = 500;
  const m = platformMessages.errors;
  let message: string = m.unexpected;
  let field: string | undefined;
  let fields: Record<string, string> | undefined;

  if (error instanceof DomainError) {
    // What a service refused: its kind gives the status, its message and fields are shown as they are.
    statusCode = DOMAIN_ERROR_STATUS[error.kind];
    message = error.message;
    field = error.field;
    if (error instanceof InvalidInputError) fields = error.fields;
  } else if (error instanceof HttpError) {
    statusCode = error.statusCode;
    message = error.message;
    field = error.field;
  } else if (hasZodFastifySchemaValidationErrors(error)) {
    statusCode = 400;
    fields = {};
    for (const issue of error.validation) {
      const name =
        String(issue.instancePath ?? '')
          .replace(/^\//, '')
          .replace(/\//g, '.') ||
        (issue.params as { issue?: { path?: unknown[] } })?.issue?.path?.join('.') ||
        '_';
      fields[name] ??= issue.message ?? m.invalidValue;
    }
    const [first] = Object.entries(fields);
    field = first?.[0];
    message = first ? m.invalidParameter(first[0], first[1]) : m.invalidParameters;
    // The body as a whole is of the wrong kind (a JSON list, a string): no field to name.
    if (field === '_' && error.validationContext === 'body') {
      message = m.bodyNotObject;
      field = undefined;
      fields = undefined;
    }
  } else if (error.code === 'FST_ERR_BAD_URL') {
    statusCode = 400;
    message = m.badUrl;
  } else if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    statusCode = 414;
    message = m.paramTooLong;
  } else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    statusCode = 415;
    message = m.unsupportedMediaType(String(request.headers['content-type'] ?? '').slice(0, 80));
  } else if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (error instanceof SyntaxError && error.statusCode === 400)) {
    statusCode = 400;
    message = m.invalidJson;
  } else if (error.code?.startsWith('FST_CSRF')) {
    statusCode = 403;
    message = m.csrf;
  } else if (error.statusCode === 429) {
    statusCode = 429;
    message = m.tooManyRequests;
  } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    statusCode = error.statusCode;
    message = error.statusCode === 413 ? m.payloadTooLarge : m.badRequest;
  }
  if (statusCode >= 500) request.log.error({ err: error }, 'request failed');

  const wantsJson = isApiRequest(request) || request.headers.accept?.startsWith('application/json');
  // A page that needs a signed-in person sends an anonymous visitor to the login form, then back.
  if (statusCode === 401 && !wantsJson) {
    const back = request.method === 'GET' ? request.url : '/';
    return reply.redirect(`/connexion?retour=${encodeURIComponent(back)}`, 303);
  }
  if (wantsJson) {
    return reply.code(statusCode).send({ error: errorCode(statusCode), message, ...(field ? { field } : {}), ...(fields ? { fields } : {}) });
  }
  return sendPage(request, reply, h(ErrorPage, { statusCode, message }), statusCode);
}

function errorCode(statusCode: number): string {
  return (
    {
      400: 'bad_request',
      410: 'gone',
      401: 'unauthorized',
      403: 'forbidden',
      404: 'not_found',
      408: 'request_timeout',
      409: 'conflict',
      413: 'payload_too_large',
      414: 'uri_too_long',
      415: 'unsupported_media_type',
      429: 'too_many_requests',
      431: 'request_header_fields_too_large',
      503: 'unavailable',
    }[statusCode] ?? 'internal_error'
  );
}
