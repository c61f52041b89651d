import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { createActiveUser, logIn } from '../../test/support/accounts.ts';
import { csrfTokenOf, TestBrowser, type Page } from '../../test/support/http-client.ts';
import { TRELAZE } from '../../test/support/initiatives-fixture.ts';
import { BODIES, BOUNDARY, multipart, pathOf, routeKey, seedExampleSheet, type Ids } from '../../test/support/route-examples.ts';
import { seedLabelHistory } from '../../test/support/results-fixture.ts';
import { drivers } from '../../test/support/test-database.ts';
import { useTestServer } from '../../test/support/test-server.ts';
import { cacheHeadersOf, isCachePolicy, type CachePolicy } from '../platform/http/cache.ts';
import type { DeclaredRoute } from '../platform/http/route-table.ts';
import { createApiToken } from '../modules/accounts/api-tokens.service.ts';
import { isRoutePermission } from '../modules/accounts/route-permission.ts';
import { getCurrentReferential } from '../modules/referential/referential.service.ts';

/**
 * Every route declares its policies once, in its `config`: who may call it (`permission`, an action
 * of PERMISSIONS or `public`) and who may keep its answers (`cache`). This file reads every route
 * the app registered, checks both declarations, then asks every GET route anonymously, with a
 * session and with an API token, and checks the Cache-Control each gets; and asks every non-public
 * route anonymously, which must be refused.
 */

const ADMIN = 'admin@label.example.fr';
const CONTRIBUTOR = 'contributrice@trelaze.example.fr';

const key = routeKey;
const isApi = (url: string) => url.startsWith('/api/');

/** Shared caches (a proxy, a CDN) may keep it: `public`, and neither `private` nor `no-store`. */
const sharedCacheable = (header: unknown) => typeof header === 'string' && /(^|,)\s*public\b/.test(header) && !/private|no-store/.test(header);
const varyOf = (page: Page) =>
  String(page.headers.vary ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase());

for (const driver of drivers) {
  describe(`route policies: permission and cache declared on every route, and applied (${driver})`, () => {
    const server = useTestServer(driver);
    let routes: DeclaredRoute[];
    const ids = {} as Ids;
    const tokens = { admin: '', contributor: '' };
    let signedIn: TestBrowser;

    before(async () => {
      const db = server.database.db;
      await getCurrentReferential(db);
      await seedLabelHistory(db);
      const admin = await createActiveUser(db, { email: ADMIN, role: 'admin' });
      const contributor = await createActiveUser(db, { email: CONTRIBUTOR, role: 'member', territoryCode: TRELAZE, territoryRole: 'contributor' });
      ids.contributor = contributor.id;
      tokens.admin = (await createApiToken(db, admin.id, 'tests')).token;
      tokens.contributor = (await createApiToken(db, contributor.id, 'tests')).token;
      signedIn = new TestBrowser(server.app);
      await logIn(signedIn, ADMIN);

      Object.assign(ids, await seedExampleSheet(server.app, tokens.contributor));

      routes = server.app.routeTable.filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/static/'));
    });

    test('the route table is the router: every route, pages, API and platform alike', () => {
      const keys = routes.map(key);
      for (const expected of ['GET /', 'GET /territoires', 'GET /healthz', 'GET /api/v1/me', 'POST /connexion', 'PATCH /api/v1/initiatives/:id'])
        assert.ok(keys.includes(expected), expected);
      assert.ok(routes.length >= 80, `${routes.length} routes`);
    });

    test('every route declares a permission of PERMISSIONS (or `public`) and a cache policy', () => {
      const missing = routes.filter((r) => !isRoutePermission(r.config.permission)).map((r) => `${key(r)}: permission ${JSON.stringify(r.config.permission)}`);
      const noCache = routes.filter((r) => !isCachePolicy(r.config.cache)).map((r) => `${key(r)}: cache ${JSON.stringify(r.config.cache)}`);
      assert.deepEqual([...missing, ...noCache], []);
    });

    test('every route with parameters has example values (test/support/route-examples.ts)', () => {
      assert.deepEqual(routes.filter((r) => pathOf(r, ids) === undefined).map(key), []);
    });

    test('GET routes, anonymous: public ones are shared-cacheable and vary on Cookie and Authorization; the others are private, no-store', async () => {
      const failures: string[] = [];
      for (const route of routes.filter((r) => r.method === 'GET')) {
        const path = pathOf(route, ids)!;
        const res = await new TestBrowser(server.app).get(path);
        const policy = route.config.cache as CachePolicy;
        const header = res.headers['cache-control'];
        const where = `GET ${path} (${JSON.stringify(policy)}, ${res.status})`;
        if (res.setCookies.length && sharedCacheable(header)) failures.push(`${where}: sets a cookie and is shared-cacheable`);
        if (res.status >= 400 && sharedCacheable(header)) failures.push(`${where}: an error is shared-cacheable`);
        if (policy === 'private') {
          if (header !== 'private, no-store') failures.push(`${where}: cache-control ${header}`);
          continue;
        }
        // A public route’s example must give a real answer: a shared-cacheable one, keyed by the cookie.
        if (res.status >= 400) failures.push(`${where}: the example does not give a public answer`);
        const expected = cacheHeadersOf(policy, { statusCode: res.status, signedIn: false, setsCookie: res.setCookies.length > 0 }).cacheControl;
        if (!sharedCacheable(header) || header !== expected) failures.push(`${where}: cache-control ${header}, expected ${expected}`);
        for (const name of ['cookie', 'authorization'])
          if (!varyOf(res).includes(name)) failures.push(`${where}: Vary ${res.headers.vary ?? '(none)'} lacks ${name}`);
      }
      assert.deepEqual(failures, []);
    });

    test('GET routes, signed in with a session or an API token: every answer is private, no-store', async () => {
      const failures: string[] = [];
      for (const route of routes.filter((r) => r.method === 'GET')) {
        const path = pathOf(route, ids)!;
        for (const [who, res] of [
          ['session', await signedIn.get(path)],
          ['token', await new TestBrowser(server.app).get(path, { authorization: `Bearer ${tokens.admin}` })],
        ] as const) {
          if (res.headers['cache-control'] !== 'private, no-store')
            failures.push(`GET ${path} (${who}, ${res.status}): cache-control ${res.headers['cache-control']}`);
        }
      }
      assert.deepEqual(failures, []);
    });

    test('every route whose permission is an action refuses an anonymous request: to the login form, or 401/403/404 for the API', async () => {
      const visitor = new TestBrowser(server.app);
      // A CSRF token of the visitor’s own: the refusal must come from the permission, not from the CSRF check.
      const csrf = csrfTokenOf((await visitor.get('/connexion')).body);
      const failures: string[] = [];
      for (const route of routes.filter((r) => r.config.permission !== 'public')) {
        const path = pathOf(route, ids)!;
        let res: Page;
        if (route.method === 'GET') res = await visitor.get(path);
        else if (!isApi(path)) res = await visitor.post(path, { _csrf: csrf });
        else if (route.url.endsWith('/photos'))
          res = await new TestBrowser(server.app).request('POST', path, multipart('photo', Buffer.from('x')), {
            'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
          });
        else if (route.method === 'DELETE') res = await new TestBrowser(server.app).request('DELETE', path);
        else
          res = await new TestBrowser(server.app).request(route.method as 'POST' | 'PATCH', path, JSON.stringify(BODIES[key(route)]?.() ?? {}), {
            'content-type': 'application/json',
          });
        const refused = isApi(path) ? [401, 403, 404].includes(res.status) : res.status === 303 && /^\/connexion\?retour=/.test(res.location ?? '');
        if (!refused) failures.push(`${key(route)} (${route.config.permission}): ${res.status} ${res.location ?? res.body.slice(0, 120)}`);
      }
      assert.deepEqual(failures, []);
    });
  });
}
