import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { csrfCookieName } from '../../platform/http/server.ts';
import { sessionTokenOf, setSessionCookie } from './auth.plugin.ts';
import { createSession, deleteSession } from './session.service.ts';

/**
 * Opens a fresh session for an account that just proved who it is (a password, a one-time link, an
 * identity provider): the old session, if any, is dropped (rotation at login) and the CSRF secret
 * renewed, so the forms of the next pages carry tokens of the new session only. Every way of signing
 * in calls this one function.
 */
export async function openSession(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, userId: string): Promise<void> {
  const secure = app.config.baseUrl.startsWith('https://');
  const previous = sessionTokenOf(request, secure);
  if (previous) await deleteSession(app.db, previous);
  const session = await createSession(app.db, userId, app.config.sessionTtlHours, request.headers['user-agent']);
  setSessionCookie(reply, session.token, session.expiresAt, secure);
  reply.clearCookie(csrfCookieName(secure), { path: '/', secure, httpOnly: true, sameSite: 'lax' });
}
