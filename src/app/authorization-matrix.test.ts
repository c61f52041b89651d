import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';
import { createActiveUser, logIn } from '../../test/support/accounts.ts';
import { csrfTokenOf, TestBrowser, type Page } from '../../test/support/http-client.ts';
import { BODIES, BOUNDARY, multipart, pathOf, routeKey, seedExampleSheet, type Ids } from '../../test/support/route-examples.ts';
import { seedLabelHistory } from '../../test/support/results-fixture.ts';
import { drivers } from '../../test/support/test-database.ts';
import { useTestServer } from '../../test/support/test-server.ts';
import type { DeclaredRoute } from '../platform/http/route-table.ts';
import { createApiToken } from '../modules/accounts/api-tokens.service.ts';
import type { RoutePermission } from '../modules/accounts/route-permission.ts';
import { getCurrentReferential } from '../modules/referential/referential.service.ts';
import { authorizationMatrixMarkdown, declaredAccess, MATRIX_IDENTITIES, MATRIX_TERRITORY, type MatrixIdentity } from './authorization-matrix.ts';

/*
 * Every route of the router × every kind of caller, compared with the declared rules: a caller the
 * rule refuses is refused (login form, 401, 403 or 404) and changes nothing; a caller it allows is
 * not refused for want of permission (an example id may still be unknown: 404, or a body refused:
 * 400). Every answer to a signed-in caller is `private, no-store`. Routes added later are covered
 * with no line here: they only need example parameters (test/support/route-examples.ts).
 * Authorization does not depend on the driver: one run, on the last driver (PostgreSQL in CI).
 */

const driver = drivers[drivers.length - 1] ?? 'pglite';
const isApi = (url: string) => url.startsWith('/api/');
const toLogin = (res: Page) => res.status === 303 && /^\/connexion\?retour=/.test(res.location ?? '');
const refused = (res: Page) => [401, 403, 404].includes(res.status) || toLogin(res);
/** Refused for want of permission (a 404 may be an unknown example id, so it is not counted). */
const refusedForPermission = (res: Page) => [401, 403].includes(res.status) || toLogin(res);

type Caller = { identity: MatrixIdentity; email?: string; browser: TestBrowser; token?: string };

describe(`authorization matrix: every route × every identity, as declared (${driver})`, () => {
  const server = useTestServer(driver);
  const callers = new Map<string, Caller>();
  const ids = {} as Ids;
  let routes: (DeclaredRoute & { permission: RoutePermission })[];
  let serial = 0;

  /** A signed-in caller of this identity (a new account each time it is asked for). */
  async function signIn(identity: MatrixIdentity): Promise<Caller> {
    const browser = new TestBrowser(server.app);
    if (!identity.person) return { identity, browser };
    const db = server.database.db;
    const membership = identity.person.memberships?.[0];
    const email = `${identity.key.toLowerCase()}-${++serial}@matrice.example.fr`;
    const user = await createActiveUser(db, {
      email,
      role: identity.person.role,
      ...(membership ? { territoryCode: membership.territoryCode, territoryRole: membership.role } : {}),
    });
    await logIn(browser, email);
    return { identity, email, browser, token: (await createApiToken(db, user.id, 'matrice')).token };
  }

  /** The identities whose session is known to be alive: none of their requests since could have ended it. */
  const known = new Set<string>();

  /** The caller, signed in again (or anew) when a request ended their session or their account. */
  async function alive(identity: MatrixIdentity): Promise<Caller> {
    const caller = callers.get(identity.key);
    if (caller && (!identity.person || known.has(identity.key) || (await caller.browser.get('/api/v1/me')).status === 200)) {
      known.add(identity.key);
      return caller;
    }
    const fresh = await signIn(identity);
    callers.set(identity.key, fresh);
    known.add(identity.key);
    return fresh;
  }

  /** After a write, or an answer that may mean the session is gone, the next call checks it first. */
  function mayHaveEnded(route: DeclaredRoute, caller: Caller, res: Page) {
    if (route.method !== 'GET' || toLogin(res) || res.status === 401) known.delete(caller.identity.key);
  }

  /** Asks the route as the caller: pages with the session, the API with the caller’s token. */
  async function call(route: DeclaredRoute, caller: Caller, at: Ids): Promise<{ path: string; res: Page }> {
    const path = pathOf(route, at);
    assert.ok(path, `${routeKey(route)}: no example parameters`);
    const api = isApi(path);
    const bearer: Record<string, string> = api && caller.token ? { authorization: `Bearer ${caller.token}` } : {};
    const client = api ? new TestBrowser(server.app) : caller.browser;
    if (route.method === 'GET') return { path, res: await client.get(path, bearer) };
    if (!api) {
      // A CSRF token of the caller’s own session: a refusal must come from the permission, not from the CSRF check.
      const csrf = csrfTokenOf((await caller.browser.get(caller.identity.person ? '/compte' : '/connexion')).body);
      return { path, res: await caller.browser.post(path, { _csrf: csrf }) };
    }
    if (route.url.endsWith('/photos'))
      return {
        path,
        res: await client.request('POST', path, multipart('photo', Buffer.from('x')), {
          'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
          ...bearer,
        }),
      };
    if (route.method === 'DELETE') return { path, res: await client.request('DELETE', path, undefined, bearer) };
    const body = JSON.stringify(BODIES[routeKey(route)]?.() ?? {});
    return { path, res: await client.request(route.method as 'POST' | 'PATCH', path, body, { 'content-type': 'application/json', ...bearer }) };
  }

  before(async () => {
    const db = server.database.db;
    await getCurrentReferential(db);
    await seedLabelHistory(db);
    for (const identity of MATRIX_IDENTITIES) callers.set(identity.key, await signIn(identity));
    const contributor = callers.get('contributor');
    assert.ok(contributor?.token);
    Object.assign(ids, await seedExampleSheet(server.app, contributor.token));
    // The member the membership routes act on: someone else than the callers.
    ids.contributor = (
      await createActiveUser(db, { email: 'cible@matrice.example.fr', role: 'member', territoryCode: MATRIX_TERRITORY, territoryRole: 'contributor' })
    ).id;
    routes = server.app.routeTable
      .filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/static/'))
      .map((r) => ({ ...r, permission: r.config.permission ?? 'public' }));
  });

  test('docs/authorization-matrix.md is the matrix of the routes registered (`npm run docs:diagrams` writes it)', () => {
    const written = readFileSync(new URL('../../docs/authorization-matrix.md', import.meta.url), 'utf8');
    assert.equal(written, authorizationMatrixMarkdown(routes), 'docs/authorization-matrix.md is out of date: run `npm run docs:diagrams`');
  });

  test('every caller the declared rule refuses is refused, and every answer to a signed-in caller is private', async () => {
    const unexpected: string[] = [];
    let asked = 0;
    for (const route of routes) {
      // A refused call changes nothing: the identities refused a route are asked at the same time.
      await Promise.all(
        MATRIX_IDENTITIES.filter((i) => !declaredAccess(route, i)).map(async (identity) => {
          const caller = await alive(identity);
          const { path, res } = await call(route, caller, ids);
          mayHaveEnded(route, caller, res);
          asked++;
          if (!refused(res)) unexpected.push(`${route.method} ${path} as ${identity.key} (${route.permission}): ${res.status} ${res.location ?? ''}`);
          if (identity.person && res.headers['cache-control'] !== 'private, no-store')
            unexpected.push(`${route.method} ${path} as ${identity.key}: cache-control ${res.headers['cache-control']}`);
        }),
      );
    }
    assert.deepEqual(unexpected, []);
    assert.ok(asked >= 200, `${asked} refused calls asked`);
  });

  test('no caller the declared rule allows is refused for want of permission', async () => {
    const unexpected: string[] = [];
    // Reads first; then each write on a sheet, photo and member of its own, so that one write
    // (a deletion, a member removed) cannot change what the next one meets.
    const ordered = [...routes.filter((r) => r.method === 'GET'), ...routes.filter((r) => r.method !== 'GET')];
    for (const route of ordered) {
      for (const identity of MATRIX_IDENTITIES.filter((i) => declaredAccess(route, i))) {
        const caller = await alive(identity);
        let at = ids;
        if (route.method !== 'GET' && route.url.includes(':')) {
          const contributor = await alive(MATRIX_IDENTITIES.find((i) => i.key === 'contributor') ?? identity);
          at = { ...ids, ...(await seedExampleSheet(server.app, contributor.token ?? '')) };
          if (route.url.includes(':userId'))
            at.contributor = (
              await createActiveUser(server.database.db, {
                email: `cible-${++serial}@matrice.example.fr`,
                role: 'member',
                territoryCode: MATRIX_TERRITORY,
                territoryRole: 'contributor',
              })
            ).id;
        }
        const { path, res } = await call(route, caller, at);
        mayHaveEnded(route, caller, res);
        if (refusedForPermission(res)) unexpected.push(`${route.method} ${path} as ${identity.key} (${route.permission}): ${res.status} ${res.location ?? ''}`);
        if (identity.person && res.headers['cache-control'] !== 'private, no-store')
          unexpected.push(`${route.method} ${path} as ${identity.key}: cache-control ${res.headers['cache-control']}`);
      }
    }
    assert.deepEqual(unexpected, []);
  });
});
