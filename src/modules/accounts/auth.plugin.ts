import type { IncomingHttpHeaders } from 'node:http';
import { fastifyCookie } from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { resolveApiToken } from './api-tokens.service.ts';
import { KNOWN_DEVICE_DAYS, resolveSession, type SessionUser } from './session.service.ts';
import { hashSecret } from './tokens.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    authenticatedBy: 'session' | 'token' | null;
  }
}

/** The session cookie's name over http (development, tests); over https it takes the `__Host-` prefix. */
export const SESSION_COOKIE = 'arobase_session';
/** The cookie that marks a browser where an account signed in (the login throttle lets it through). */
export const KNOWN_DEVICE_COOKIE = 'arobase_appareil';

/**
 * Over https the cookies are `__Host-` ones: the browser then takes them only from this very host,
 * over https, for the whole site, so no sibling domain or plain-http page can plant or overwrite them.
 */
export const cookieName = (name: string, secure: boolean) => (secure ? `__Host-${name}` : name);

/** Who is asking: a session cookie (pages) or `Authorization: Bearer <token>` (API). */
export const authPlugin = fp(async (app: FastifyInstance) => {
  const sessionCookie = cookieName(SESSION_COOKIE, app.config.baseUrl.startsWith('https://'));
  app.decorateRequest('user', null);
  app.decorateRequest('authenticatedBy', null);
  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/static/')) return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      const user = await resolveApiToken(app.db, authorization.slice('Bearer '.length).trim());
      if (user) {
        request.user = user;
        request.authenticatedBy = 'token';
      }
      return;
    }
    const raw = request.cookies[sessionCookie];
    if (!raw) return;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return;
    const user = await resolveSession(app.db, unsigned.value);
    if (user) {
      request.user = user;
      request.authenticatedBy = 'session';
      // The forms' CSRF tokens are bound to this session: a token from before a login is worth nothing after it.
      request.csrfBinding = sessionBinding(unsigned.value);
    }
  });
});

/**
 * Whether a request carries no credential at all (no API token, no session cookie, valid or not):
 * the only ones a shared page cache may answer, before the session is even looked up.
 */
export function carriesNoCredential(headers: IncomingHttpHeaders, secure: boolean): boolean {
  if (headers.authorization !== undefined) return false;
  return headers.cookie === undefined || fastifyCookie.parse(headers.cookie)[cookieName(SESSION_COOKIE, secure)] === undefined;
}

/** What the CSRF tokens of a session are bound to (a hash: the cookie's value is not repeated anywhere). */
export const sessionBinding = (token: string) => `session:${hashSecret(token)}`;

/** The session token of the request's cookie, if it carries a validly signed one. */
export function sessionTokenOf(request: FastifyRequest, secure: boolean): string | null {
  const raw = request.cookies[cookieName(SESSION_COOKIE, secure)];
  const unsigned = raw ? request.unsignCookie(raw) : null;
  return unsigned?.valid && unsigned.value ? unsigned.value : null;
}

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean) {
  reply.setCookie(cookieName(SESSION_COOKIE, secure), token, { path: '/', httpOnly: true, sameSite: 'lax', secure, signed: true, expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(cookieName(SESSION_COOKIE, secure), { path: '/', secure, httpOnly: true, sameSite: 'lax' });
}

/** The known-device mark of the request's browser, if it holds a validly signed one. */
export function knownDeviceOf(request: FastifyRequest, secure: boolean): string | null {
  const raw = request.cookies[cookieName(KNOWN_DEVICE_COOKIE, secure)];
  const unsigned = raw ? request.unsignCookie(raw) : null;
  return unsigned?.valid && unsigned.value ? unsigned.value : null;
}

export function setKnownDeviceCookie(reply: FastifyReply, mark: string, secure: boolean) {
  reply.setCookie(cookieName(KNOWN_DEVICE_COOKIE, secure), mark, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    signed: true,
    maxAge: KNOWN_DEVICE_DAYS * 24 * 3600,
  });
}

export function clearKnownDeviceCookie(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(cookieName(KNOWN_DEVICE_COOKIE, secure), { path: '/', secure, httpOnly: true, sameSite: 'lax' });
}
