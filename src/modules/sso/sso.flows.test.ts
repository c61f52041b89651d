import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { createActiveUser } from '../../../test/support/accounts.ts';
import { textOf } from '../../../test/support/http-client.ts';
import { CookieJar, followRedirects, TestIdentityProvider, type ProviderPerson } from '../../../test/support/oidc-provider.ts';
import { drivers } from '../../../test/support/test-database.ts';
import { startTestServer, useTestServer, type TestServer } from '../../../test/support/test-server.ts';
import { OIDC_CALLBACK_PATH, OIDC_START_PATH } from '../../platform/config.ts';
import { queryRows } from '../../platform/db/database.ts';
import { SESSION_COOKIE } from '../accounts/auth.plugin.ts';
import { deleteOwnAccount } from '../accounts/personal-data.service.ts';
import { users } from '../accounts/schema.ts';
import { ssoIdentities } from './schema.ts';

const TRELAZE = '49353';

/** A ProConnect agent, with what a test needs changed. */
const agent = (sub: string, more: Partial<ProviderPerson> = {}): ProviderPerson => ({
  sub,
  email: `${sub}@trelaze.example.fr`,
  given_name: 'Marie',
  usual_name: 'Dupont',
  uid: `uid-${sub}`,
  siret: '21490353000012',
  ...more,
});

for (const driver of drivers) {
  describe(`single sign-on through a real OpenID Connect provider (${driver})`, () => {
    let idp: TestIdentityProvider;
    let server: TestServer;

    before(async () => {
      idp = await TestIdentityProvider.listen();
      server = await startTestServer(driver, { listen: true, env: idp.env });
      idp.start(server.url + OIDC_CALLBACK_PATH);
    });
    after(async () => {
      await server?.close();
      await idp?.close();
    });

    const db = () => server.database.db;
    const isApp = (url: URL) => url.origin === server.url;
    /** Where the app sends the person once the sign-in is over (not its own sign-in routes). */
    const landed = (url: URL) => isApp(url) && url.pathname !== OIDC_START_PATH && url.pathname !== OIDC_CALLBACK_PATH;

    /** The whole sign-in, from the login page’s link to the page after it, in a browser of its own. */
    async function signIn(person: ProviderPerson | 'denied', returnTo = '/compte') {
      idp.signsInAs = person;
      const jar = new CookieJar();
      const result = await followRedirects(`${server.url}${OIDC_START_PATH}?retour=${encodeURIComponent(returnTo)}`, jar, { stopAt: landed });
      const body = result.response ? await result.response.text() : '';
      return { ...result, jar, body, status: result.response?.status ?? result.hops.at(-1)?.status };
    }

    async function me(jar: CookieJar) {
      const url = new URL('/api/v1/me', server.url);
      const response = await fetch(url, { headers: { cookie: jar.header(url), accept: 'application/json' } });
      return {
        status: response.status,
        body: (await response.json()) as { id: string; email: string; displayName: string | null; role: string; memberships: unknown[] },
      };
    }

    const userCount = async () => (await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from users`))[0]?.n;
    const identitiesOf = (subject: string) => db().select().from(ssoIdentities).where(eq(ssoIdentities.subject, subject));
    const auditOf = (personOrSubject: string) =>
      queryRows<{ action: string; details: Record<string, unknown> }>(
        db(),
        sql`select action, details from audit_entries where person_id::text = ${personOrSubject} or subject_id = ${personOrSubject} order by id`,
      );

    test('the login page offers the provider, and its link starts an authorization code flow with PKCE, state and nonce', async () => {
      const page = await fetch(`${server.url}/connexion?retour=%2Fespace`);
      const html = await page.text();
      assert.match(textOf(html), /Se connecter avec ProConnect/);
      assert.ok(html.includes(`href="${OIDC_START_PATH}?retour=%2Fespace"`), 'the button keeps where to go afterwards');

      idp.signsInAs = agent('flow');
      const start = await fetch(`${server.url}${OIDC_START_PATH}`, { redirect: 'manual' });
      assert.equal(start.status, 303);
      const authorize = new URL(start.headers.get('location') ?? '');
      assert.equal(authorize.origin, idp.issuer);
      assert.equal(authorize.searchParams.get('response_type'), 'code');
      assert.equal(authorize.searchParams.get('redirect_uri'), server.url + OIDC_CALLBACK_PATH);
      assert.equal(authorize.searchParams.get('scope'), 'openid email given_name usual_name uid siret');
      assert.equal(authorize.searchParams.get('code_challenge_method'), 'S256');
      for (const param of ['state', 'nonce', 'code_challenge']) assert.ok((authorize.searchParams.get(param) ?? '').length >= 32, param);
      const pending = start.headers.getSetCookie().find((c) => c.startsWith('arobase_oidc='));
      assert.ok(pending, 'the pending sign-in is kept in a cookie');
      assert.match(pending, /HttpOnly/i);
      assert.match(pending, /SameSite=Lax/i);
      assert.match(pending, /Max-Age=600/i);
      assert.ok(!pending.includes(authorize.searchParams.get('code_challenge') ?? '-'), 'the cookie holds the verifier, never sent to the provider');
    });

    test('a first sign-in creates a member account without territory, named from given_name and usual_name, and opens a session', async () => {
      const before = await userCount();
      const person = agent('agent-new', { email: 'Marie.Dupont@Trelaze.example.fr' });
      const result = await signIn(person, '/espace');
      assert.equal(result.url.pathname, '/espace', JSON.stringify(result.hops));
      assert.ok(result.jar.get(server.url, SESSION_COOKIE), 'a session cookie');
      assert.equal(result.jar.get(server.url, 'arobase_oidc'), undefined, 'the pending sign-in is spent');

      const who = await me(result.jar);
      assert.equal(who.status, 200);
      assert.deepEqual(
        { ...who.body, id: undefined },
        {
          id: undefined,
          email: 'marie.dupont@trelaze.example.fr',
          displayName: 'Marie Dupont',
          role: 'member',
          memberships: [],
        },
      );
      assert.equal(await userCount(), (before ?? 0) + 1);
      const [identity] = await identitiesOf('agent-new');
      assert.equal(identity?.userId, who.body.id);
      assert.equal(identity?.issuer, idp.issuer);
      assert.equal(identity?.uid, 'uid-agent-new');
      assert.equal(identity?.siret, '21490353000012');
      const [account] = await db().select({ lastLoginAt: users.lastLoginAt, passwordHash: users.passwordHash }).from(users).where(eq(users.id, who.body.id));
      assert.ok(account?.lastLoginAt, 'the login is noted on the account');
      assert.equal(account?.passwordHash, null, 'no password: the provider is how this person signs in');
      const audit = await auditOf(who.body.id);
      assert.deepEqual(
        audit.filter((e) => e.details.method === 'oidc').map((e) => [e.action, e.details]),
        [['login.succeeded', { method: 'oidc', provider: idp.issuer, link: 'created' }]],
      );
    });

    test('a second sign-in finds the account by its subject, even once the address changed at the provider', async () => {
      const first = await signIn(agent('agent-twice'));
      const firstId = (await me(first.jar)).body.id;
      const count = await userCount();

      const second = await signIn(agent('agent-twice', { email: 'nouvelle.adresse@trelaze.example.fr', siret: '21490353000020' }), 'https://evil.example/');
      assert.equal(second.url.pathname, '/compte', 'a return path off the site is not followed');
      const who = await me(second.jar);
      assert.equal(who.body.id, firstId);
      assert.equal(who.body.email, 'agent-twice@trelaze.example.fr', 'the account keeps its address');
      assert.equal(await userCount(), count);
      const identities = await identitiesOf('agent-twice');
      assert.equal(identities.length, 1);
      assert.equal(identities[0]?.siret, '21490353000020', 'the SIRET is kept as last seen');
      assert.equal(identities[0]?.email, 'nouvelle.adresse@trelaze.example.fr');
    });

    test('an existing member account is linked by its verified address, and keeps its territory', async () => {
      const email = 'referente@trelaze.example.fr';
      const existing = await createActiveUser(db(), { email, role: 'member', territoryCode: TRELAZE, territoryRole: 'referent' });
      const count = await userCount();
      const result = await signIn(agent('agent-linked', { email, email_verified: true }));
      const who = await me(result.jar);
      assert.equal(who.status, 200);
      assert.equal(who.body.id, existing.id);
      assert.deepEqual(who.body.memberships, [{ territoryCode: TRELAZE, role: 'referent' }]);
      assert.equal(await userCount(), count);
      assert.equal((await identitiesOf('agent-linked'))[0]?.userId, existing.id);
      assert.deepEqual(
        (await auditOf(existing.id)).filter((e) => e.details.method === 'oidc').map((e) => [e.action, e.details.link]),
        [['login.succeeded', 'email']],
      );
    });

    test('an unverified address is not linked to the account that has it: refused in French, nothing changes', async () => {
      const email = 'contributeur@trelaze.example.fr';
      const existing = await createActiveUser(db(), { email, role: 'member', territoryCode: TRELAZE, territoryRole: 'contributor' });
      const count = await userCount();
      const result = await signIn(agent('agent-unverified', { email, email_verified: false }));
      assert.equal(result.status, 409);
      assert.match(textOf(result.body), /Un compte existe déjà avec cette adresse, mais ProConnect ne la donne pas pour vérifiée : connectez-vous/);
      assert.ok(result.body.includes('vérifiée\u00a0:'), 'a no-break space before the colon');
      assert.equal(result.jar.get(server.url, SESSION_COOKIE), undefined, 'no session');
      assert.equal((await me(result.jar)).status, 401);
      assert.deepEqual(await identitiesOf('agent-unverified'), []);
      assert.equal(await userCount(), count);
      assert.deepEqual(
        (await auditOf(existing.id)).filter((e) => e.details.method === 'oidc').map((e) => [e.action, e.details.reason]),
        [['login.failed', 'email_unverified']],
      );
    });

    test('an administrator’s or a juror’s verified address is refused, and the refusal is audited', async () => {
      for (const [role, sub] of [
        ['admin', 'agent-admin'],
        ['juror', 'agent-juror'],
      ] as const) {
        const email = `${role}@label.example.fr`;
        const account = await createActiveUser(db(), { email, role });
        const result = await signIn(agent(sub, { email, email_verified: true }));
        assert.equal(result.status, 403, role);
        assert.match(textOf(result.body), /n’utilisent pas ProConnect : connectez-vous avec votre adresse e-mail et votre mot de passe/);
        assert.equal((await me(result.jar)).status, 401, 'no session');
        assert.deepEqual(await identitiesOf(sub), [], 'not linked');
        assert.deepEqual(
          (await auditOf(account.id)).filter((e) => e.details.method === 'oidc').map((e) => [e.action, e.details]),
          [['login.failed', { method: 'oidc', provider: idp.issuer, reason: 'reserved_role' }]],
        );
      }
    });

    test('a disabled account is refused, even through a subject already linked', async () => {
      const first = await signIn(agent('agent-disabled'));
      const { id } = (await me(first.jar)).body;
      await db()
        .update(users)
        .set({ disabledAt: sql`now()` })
        .where(eq(users.id, id));
      const again = await signIn(agent('agent-disabled'));
      assert.equal(again.status, 403);
      assert.match(textOf(again.body), /Ce compte est désactivé/);
      assert.equal((await me(again.jar)).status, 401);
    });

    test('an account deleted by its owner loses its link to the provider: the next sign-in opens a new account', async () => {
      const email = 'partante@trelaze.example.fr';
      const existing = await createActiveUser(db(), { email, role: 'member' });
      const first = await signIn(agent('agent-leaving', { email, email_verified: true }));
      assert.equal((await me(first.jar)).body.id, existing.id);
      await deleteOwnAccount(db(), { id: existing.id, role: 'member' }, { password: existing.password });
      assert.deepEqual(await identitiesOf('agent-leaving'), [], 'the link went with the personal data');

      const again = await signIn(agent('agent-leaving', { email, email_verified: true }));
      const who = await me(again.jar);
      assert.equal(who.status, 200);
      assert.notEqual(who.body.id, existing.id, 'not the deleted account');
      assert.equal(who.body.email, email);
    });

    test('a tampered state is refused in French with 400 and creates nothing; the pending sign-in is spent', async () => {
      const count = await userCount();
      idp.signsInAs = agent('agent-tampered');
      const jar = new CookieJar();
      const isCallback = (url: URL) => isApp(url) && url.pathname === OIDC_CALLBACK_PATH;
      const toCallback = await followRedirects(`${server.url}${OIDC_START_PATH}`, jar, { stopAt: isCallback });
      assert.ok(isCallback(toCallback.url), JSON.stringify(toCallback.hops));
      assert.ok(toCallback.url.searchParams.get('code'));

      const tampered = new URL(toCallback.url);
      tampered.searchParams.set('state', `${tampered.searchParams.get('state')}x`);
      const refused = await fetch(tampered, { headers: { cookie: jar.header(tampered) }, redirect: 'manual' });
      jar.store(tampered, refused);
      assert.equal(refused.status, 400);
      assert.match(textOf(await refused.text()), /La réponse reçue ne correspond pas à la connexion commencée dans ce navigateur/);

      // The genuine answer, now: the sign-in it belonged to was spent by the tampered one.
      const replayed = await fetch(toCallback.url, { headers: { cookie: jar.header(toCallback.url) }, redirect: 'manual' });
      assert.equal(replayed.status, 400);
      assert.match(textOf(await replayed.text()), /Cette connexion a expiré ou a commencé dans un autre navigateur/);

      assert.equal(jar.get(server.url, SESSION_COOKIE), undefined);
      assert.deepEqual(await identitiesOf('agent-tampered'), []);
      assert.equal(await userCount(), count);
    });

    test('an answer without any pending sign-in (another browser’s) and the provider’s refusal are French pages 400', async () => {
      const stray = await fetch(`${server.url}${OIDC_CALLBACK_PATH}?code=abc&state=def`);
      assert.equal(stray.status, 400);
      assert.match(textOf(await stray.text()), /Cette connexion a expiré/);

      const denied = await signIn('denied');
      assert.equal(denied.status, 400);
      assert.match(textOf(denied.body), /ProConnect n’a pas confirmé votre identité : la connexion a été annulée ou refusée/);
      assert.equal(denied.jar.get(server.url, SESSION_COOKIE), undefined);
    });
  });

  describe(`single sign-on not configured (${driver})`, () => {
    const server = useTestServer(driver);

    test('its routes answer 404 and the login page shows no provider', async () => {
      for (const path of [OIDC_START_PATH, `${OIDC_CALLBACK_PATH}?code=abc&state=def`]) {
        const res = await server.app.inject({ method: 'GET', url: path });
        assert.equal(res.statusCode, 404, path);
      }
      const page = await server.app.inject({ method: 'GET', url: '/connexion' });
      assert.equal(page.statusCode, 200);
      assert.doesNotMatch(page.body, /ProConnect|connexion\/oidc/);
    });
  });
}
