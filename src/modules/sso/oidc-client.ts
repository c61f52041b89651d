import * as client from 'openid-client';
import { z } from 'zod';
import type { OidcConfig } from '../../platform/config.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { ssoMessages as m } from './messages.ts';

/**
 * The relying party's side of the authorization code flow, with `openid-client`: PKCE, state and
 * nonce, the ID token's checks (issuer, audience, expiry, nonce) and the UserInfo answer (ProConnect
 * sends it as a JWT). Signatures are checked too, against the provider's published keys, although
 * the answers come straight from the provider over TLS: a mistaken or hijacked endpoint is caught.
 */

/** The provider could not be reached (discovery, token or UserInfo request): not the person's fault. */
export class ProviderUnavailableError extends Error {
  constructor(cause: unknown) {
    super('the identity provider did not answer', { cause });
    this.name = 'ProviderUnavailableError';
  }
}

/** How long a started sign-in may take before its answer is refused. */
export const PENDING_MAX_AGE_SECONDS = 10 * 60;

/** What the browser keeps (in a signed, HttpOnly cookie) between the start and the provider's answer. */
export const pendingAuthorization = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  codeVerifier: z.string().min(1),
  returnTo: z.string(),
  startedAt: z.number(),
});
export type PendingAuthorization = z.infer<typeof pendingAuthorization>;

export type VerifiedAnswer = { issuer: string; idToken: Record<string, unknown>; userinfo: Record<string, unknown> };

export type RelyingParty = {
  start(redirectUri: string, returnTo: string): Promise<{ url: string; pending: PendingAuthorization }>;
  /** Checks the provider's answer (`callbackUrl`: the redirect URI with the answer's query) against the pending sign-in. */
  finish(callbackUrl: URL, pending: PendingAuthorization): Promise<VerifiedAnswer>;
};

const TIMEOUT_SECONDS = 10;

/** The relying party of one configured provider; its metadata is discovered at first use, and again after a failure. */
export function relyingParty(oidc: OidcConfig): RelyingParty {
  let discovered: Promise<client.Configuration> | undefined;
  const execute = [client.enableNonRepudiationChecks];
  // http:// is accepted by the configuration only for a provider on this machine (development, tests).
  if (new URL(oidc.issuer).protocol === 'http:') execute.push(client.allowInsecureRequests);

  const configuration = () =>
    (discovered ??= client
      .discovery(new URL(oidc.issuer), oidc.clientId, oidc.clientSecret, undefined, { execute, timeout: TIMEOUT_SECONDS })
      .catch((error) => {
        discovered = undefined;
        throw new ProviderUnavailableError(error);
      }));

  return {
    async start(redirectUri, returnTo) {
      const config = await configuration();
      const pending: PendingAuthorization = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        codeVerifier: client.randomPKCECodeVerifier(),
        returnTo,
        startedAt: Date.now(),
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: oidc.scopes,
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, pending };
    },

    async finish(callbackUrl, pending) {
      const config = await configuration();
      try {
        const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        const idToken = tokens.claims();
        if (!idToken) throw new client.ClientError('no ID token');
        const userinfo = await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
        return { issuer: config.serverMetadata().issuer, idToken: { ...idToken }, userinfo: { ...userinfo } };
      } catch (error) {
        throw classify(error, oidc.providerName);
      }
    },
  };
}

/**
 * The provider said no (`error=access_denied`…): the person's page says so. A network failure is the
 * provider being down. Anything else is an answer that failed a check (a replayed code, a wrong
 * signature or nonce): refused, as bad input.
 */
function classify(error: unknown, provider: string): Error {
  if (error instanceof client.AuthorizationResponseError) return new InvalidInputError({ error: m.providerRefused(provider) }, m.providerRefused(provider));
  if (isNetworkFailure(error) || (error instanceof client.ResponseBodyError && error.status >= 500)) return new ProviderUnavailableError(error);
  return Object.assign(new InvalidInputError({ response: m.responseInvalid(provider) }, m.responseInvalid(provider)), { cause: error });
}

const isNetworkFailure = (error: unknown): boolean =>
  (error instanceof TypeError && /fetch failed/i.test(error.message)) ||
  (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) ||
  (error instanceof Error && error.cause !== undefined && error.cause !== error && isNetworkFailure(error.cause));
