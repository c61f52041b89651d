import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import { resolveApiToken } from './api-tokens.service.ts';
import { resolveSession, type SessionUser } from './session.service.ts';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    authenticatedBy: 'session' | 'token' | null;
  }
}

export const SESSION_COOKIE = 'arobase_session';

/** Who is asking: a session cookie (pages) or `Authorization: Bearer <token>` (API). */
export const authPlugin = fp(async (app: FastifyInstance) => {
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
    const raw = request.cookies[SESSION_COOKIE];
    if (!raw) return;
    const unsigned = request.unsignCookie(raw);
    if (!unsigned.valid || !unsigned.value) return;
    const user = await resolveSession(app.db, unsigned.value);
    if (user) {
      request.user = user;
      request.authenticatedBy = 'session';
    }
  });
});

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean) {
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, signed: true, expires: expiresAt });
}

export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
