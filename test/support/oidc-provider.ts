import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type JWK } from 'oidc-provider';

/**
 * A real OpenID Connect provider (`oidc-provider`) in the test process, shaped like ProConnect: one
 * scope per claim (given_name, usual_name, email, uid, siret), UserInfo answered as a signed JWT.
 * Its login and consent finish by themselves for the person set in `signsInAs`, so a sign-in is
 * nothing but HTTP redirects a test follows with `followRedirects`.
 */

/** Who the provider says signs in: ProConnect's claims, plus `email_verified` when a test wants it. */
export type ProviderPerson = {
  sub: string;
  email?: string;
  email_verified?: boolean;
  given_name?: string;
  usual_name?: string;
  uid?: string;
  siret?: string;
};

const SCOPE_CLAIMS = {
  openid: ['sub'],
  email: ['email', 'email_verified'],
  given_name: ['given_name'],
  usual_name: ['usual_name'],
  uid: ['uid'],
  siret: ['siret'],
};

export class TestIdentityProvider {
  readonly clientId = 'arobase-tests';
  readonly clientSecret = randomBytes(24).toString('hex');
  /** Who signs in at the next authorization request; `denied`: the person cancels (`access_denied`). */
  signsInAs: ProviderPerson | 'denied' = 'denied';
  private provider: Provider | undefined;
  private readonly people = new Map<string, ProviderPerson>();

  private constructor(
    private readonly server: Server,
    readonly issuer: string,
  ) {}

  /** Listens on a free port first: the app needs the issuer before it starts, the provider needs the app's redirect URI. */
  static async listen(): Promise<TestIdentityProvider> {
    let idp: TestIdentityProvider | undefined;
    const server = createServer((req, res) => {
      if (!idp) return void res.writeHead(503).end();
      idp.handle(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    idp = new TestIdentityProvider(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return idp;
  }

  /** The app's environment for this provider (an unverified address is not vouched for: a generic provider). */
  get env(): Record<string, string> {
    return { OIDC_ISSUER: this.issuer, OIDC_CLIENT_ID: this.clientId, OIDC_CLIENT_SECRET: this.clientSecret, OIDC_EMAILS_VERIFIED: 'false' };
  }

  /** Starts the provider with one client, whose redirect URI is the app's callback. */
  start(redirectUri: string): void {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' } as JWK;
    this.provider = new Provider(this.issuer, {
      clients: [
        {
          client_id: this.clientId,
          client_secret: this.clientSecret,
          redirect_uris: [redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_post',
          // ProConnect's UserInfo answers are signed JWTs.
          userinfo_signed_response_alg: 'RS256',
        },
      ],
      jwks: { keys: [jwk] },
      claims: SCOPE_CLAIMS,
      scopes: Object.keys(SCOPE_CLAIMS),
      features: { devInteractions: { enabled: false }, jwtUserinfo: { enabled: true } },
      pkce: { required: () => true },
      // Explicit lifetimes (the defaults are fine, but the library asks for them on every run).
      ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
      cookies: { keys: [randomBytes(16).toString('hex')] },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      findAccount: async (_ctx, sub) => {
        const person = this.people.get(sub);
        return person ? { accountId: sub, claims: async () => ({ ...person }) } : undefined;
      },
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const provider = this.provider;
    if (!provider) return void res.writeHead(503).end();
    if (!req.url?.startsWith('/interaction/')) return provider.callback()(req, res);
    // The person "logs in" and consents to every scope asked, at once.
    const details = await provider.interactionDetails(req, res);
    const person = this.signsInAs;
    if (person === 'denied') {
      return provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'End-User aborted interaction' },
        { mergeWithLastSubmission: false },
      );
    }
    this.people.set(person.sub, person);
    const grant = new provider.Grant({ accountId: person.sub, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId: person.sub }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }
}

/** A cookie jar per origin (host and port), as far as these tests need one. */
export class CookieJar {
  private readonly jars = new Map<string, Map<string, string>>();

  header(url: URL): string {
    return [...(this.jars.get(url.origin) ?? new Map<string, string>())].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  store(url: URL, response: Response): void {
    const jar = this.jars.get(url.origin) ?? new Map<string, string>();
    this.jars.set(url.origin, jar);
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      const expired = value === '' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a));
      if (expired) jar.delete(name);
      else jar.set(name, value);
    }
  }

  get(origin: string, name: string): string | undefined {
    return this.jars.get(origin)?.get(name);
  }
}

export type Hop = { url: string; status: number; location?: string };

/**
 * Follows redirects like a browser, keeping cookies, and stops at the first answer that is not a
 * redirect or whose URL `stopAt` accepts (before requesting it). Returns every hop and the last answer.
 */
export async function followRedirects(
  start: string,
  jar: CookieJar,
  options: { stopAt?: (url: URL) => boolean } = {},
): Promise<{ hops: Hop[]; response: Response | null; url: URL }> {
  const hops: Hop[] = [];
  let url = new URL(start);
  for (let i = 0; i < 20; i++) {
    if (i > 0 && options.stopAt?.(url)) return { hops, response: null, url };
    const cookie = jar.header(url);
    const response = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    jar.store(url, response);
    const location = response.headers.get('location') ?? undefined;
    hops.push({ url: url.href, status: response.status, ...(location ? { location } : {}) });
    if (response.status < 300 || response.status >= 400 || !location) return { hops, response, url };
    await response.body?.cancel();
    url = new URL(location, url);
  }
  throw new Error(`more than 20 redirects: ${hops.map((h) => h.url).join(' → ')}`);
}
