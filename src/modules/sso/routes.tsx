import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { OIDC_CALLBACK_PATH, OIDC_START_PATH } from '../../platform/config.ts';
import { InvalidInputError, isDomainError, NotFoundError } from '../../platform/errors.ts';
import { httpStatusOf } from '../../platform/http/errors.ts';
import { lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { cookieName } from '../accounts/auth.plugin.ts';
import { safeReturnPath } from '../accounts/guard.ts';
import { openSession } from '../accounts/open-session.ts';
import { ssoMessages as m } from './messages.ts';
import { PENDING_MAX_AGE_SECONDS, pendingAuthorization, ProviderUnavailableError, relyingParty, type PendingAuthorization } from './oidc-client.ts';
import { signInWithProvider } from './sso-login.service.ts';
import { readClaims } from './sso.rules.ts';
import { SsoErrorPage } from './views/sso-pages.tsx';

/** The sign-in waiting for the provider's answer (`__Host-` over https, like the session cookie). */
const PENDING_COOKIE = 'arobase_oidc';

const startQuery = lenientQuery({ retour: z.string().optional() });
// What the provider sends back (RFC 6749 §4.1.2, RFC 9207's `iss`); openid-client checks it all.
const answerParam = z.string().max(4096).optional();
const callbackQuery = lenientQuery({ code: answerParam, state: answerParam, iss: answerParam, error: answerParam, error_description: answerParam });

// Both routes set or clear the pending cookie and open sessions: never stored by a cache. The
// limit keeps one client from making the server call the provider again and again.
const SIGN_IN = { permission: 'public', cache: 'private', rateLimit: { max: 20, timeWindow: '1 minute' } } as const;

/**
 * Single sign-on through the configured OpenID Connect provider (ProConnect): the start sends the
 * person to the provider, the answer comes back to OIDC_CALLBACK_PATH (BASE_URL + that path is the
 * redirect URI registered at the provider). Without OIDC_* settings, both answer 404.
 */
export async function ssoRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const oidc = app.config.oidc;
  const party = oidc ? relyingParty(oidc) : null;
  // Read at each request: the base URL is the configuration's, which a test server sets once listening.
  const secure = () => app.config.baseUrl.startsWith('https://');
  const redirectUri = () => app.config.baseUrl + OIDC_CALLBACK_PATH;
  const pendingCookie = () => cookieName(PENDING_COOKIE, secure());

  function configured() {
    if (!oidc || !party) throw new NotFoundError(m.notConfigured);
    return { oidc, party };
  }

  /** The refusal's page: a domain error's status and message, 503 when the provider is down; never a 500. */
  function failure(request: FastifyRequest, reply: FastifyReply, error: unknown, provider: string) {
    if (error instanceof ProviderUnavailableError) {
      request.log.warn({ reason: String((error.cause as Error | undefined)?.message ?? error.cause) }, 'identity provider unavailable');
      return sendPage(request, reply, <SsoErrorPage message={m.providerUnavailable(provider)} />, 503);
    }
    if (!isDomainError(error)) throw error;
    const cause = (error as { cause?: unknown }).cause;
    // What openid-client found wrong (its name, code and message only: never a token) helps the operators.
    if (cause instanceof Error)
      request.log.warn({ check: `${cause.name}: ${(cause as { code?: string }).code ?? ''} ${cause.message}` }, 'identity provider answer refused');
    return sendPage(request, reply, <SsoErrorPage message={error.message} />, httpStatusOf(error));
  }

  function readPending(request: FastifyRequest): PendingAuthorization | null {
    const raw = request.cookies[pendingCookie()];
    const unsigned = raw ? request.unsignCookie(raw) : null;
    if (!unsigned?.valid || !unsigned.value) return null;
    try {
      const parsed = pendingAuthorization.safeParse(JSON.parse(unsigned.value));
      if (!parsed.success || Date.now() - parsed.data.startedAt > PENDING_MAX_AGE_SECONDS * 1000) return null;
      return parsed.data;
    } catch {
      return null;
    }
  }

  app.get(OIDC_START_PATH, { schema: { querystring: startQuery }, config: SIGN_IN }, async (request, reply) => {
    const { oidc, party } = configured();
    const returnTo = safeReturnPath(request.query.values.retour);
    if (request.user) return reply.redirect(returnTo, 303);
    try {
      const { url, pending } = await party.start(redirectUri(), returnTo);
      reply.setCookie(pendingCookie(), JSON.stringify(pending), {
        path: '/',
        httpOnly: true,
        // Lax: the provider's answer is a top-level navigation from its site, which Lax lets through.
        sameSite: 'lax',
        secure: secure(),
        signed: true,
        maxAge: PENDING_MAX_AGE_SECONDS,
      });
      return reply.redirect(url, 303);
    } catch (error) {
      return failure(request, reply, error, oidc.providerName);
    }
  });

  app.get(OIDC_CALLBACK_PATH, { schema: { querystring: callbackQuery }, config: SIGN_IN }, async (request, reply) => {
    const { oidc, party } = configured();
    const pending = readPending(request);
    // One answer per sign-in started: whatever happens now, the pending one is spent.
    reply.clearCookie(pendingCookie(), { path: '/', httpOnly: true, sameSite: 'lax', secure: secure() });
    try {
      // Checked before anything reaches the provider: an answer for another browser's sign-in stops here.
      if (!pending) throw new InvalidInputError({ state: m.stateMissing }, m.stateMissing);
      if (request.query.values.state !== pending.state) throw new InvalidInputError({ state: m.stateMismatch }, m.stateMismatch);
      const search = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const answer = await party.finish(new URL(redirectUri() + search), pending);
      const { userId } = await signInWithProvider(app.db, {
        issuer: answer.issuer,
        providerName: oidc.providerName,
        claims: readClaims(answer.idToken, answer.userinfo),
        emailsVerified: oidc.emailsVerified,
        ip: request.ip,
      });
      await openSession(app, request, reply, userId);
      return reply.redirect(safeReturnPath(pending.returnTo), 303);
    } catch (error) {
      return failure(request, reply, error, oidc.providerName);
    }
  });
}
