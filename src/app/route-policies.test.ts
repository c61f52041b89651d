import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import sharp from 'sharp';
import { createActiveUser, logIn } from '../../test/support/accounts.ts';
import { csrfTokenOf, TestBrowser, type Page } from '../../test/support/http-client.ts';
import { LEAVE_REQUESTS, TRELAZE } from '../../test/support/initiatives-fixture.ts';
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

/** Example values of the routes' parameters. A new route with parameters needs a line here, or the test fails naming it. */
const EXAMPLES: Record<string, (ids: Ids) => Record<string, string>> = {
  '/territoires/:code': () => ({ code: TRELAZE }),
  '/api/v1/territories/:code': () => ({ code: TRELAZE }),
  '/badges/:code.svg': () => ({ code: TRELAZE }),
  '/initiatives/:id': (ids) => ({ id: ids.sheet }),
  '/initiatives/:id/moderation': (ids) => ({ id: ids.sheet }),
  '/initiatives/:id/restauration': (ids) => ({ id: ids.sheet }),
  '/api/v1/initiatives/:id': (ids) => ({ id: ids.sheet }),
  '/api/v1/initiatives/:id/photos': (ids) => ({ id: ids.sheet }),
  '/photos/:id': (ids) => ({ id: ids.photo }),
  '/photos/:id/vignette': (ids) => ({ id: ids.photo }),
  '/acteurs/:id': (ids) => ({ id: ids.actor }),
  '/api/v1/actors/:id': (ids) => ({ id: ids.actor }),
  '/palmares/:year': () => ({ year: '2023' }),
  '/api/v1/editions/:year/results': () => ({ year: '2023' }),
  '/referentiel/:version': () => ({ version: '2027' }),
  '/api/v1/referential/:version': () => ({ version: '2027' }),
  '/admin/referentiel/:version': () => ({ version: '2027' }),
  '/admin/referentiel/:version/services': () => ({ version: '2027' }),
  '/admin/referentiel/:version/services/:serviceId/renommer': () => ({ version: '2027', serviceId: 'dematerialisation-rh' }),
  '/admin/referentiel/:version/services/:serviceId/deplacer': () => ({ version: '2027', serviceId: 'dematerialisation-rh' }),
  '/admin/referentiel/:version/services/:serviceId/retirer': () => ({ version: '2027', serviceId: 'dematerialisation-rh' }),
  '/admin/referentiel/:version/publier': () => ({ version: '2027' }),
  '/admin/referentiel/:version/supprimer': () => ({ version: '2027' }),
  '/admin/palmares/imports/:id': () => ({ id: UNKNOWN_ID }),
  '/admin/palmares/imports/:id/choix': () => ({ id: UNKNOWN_ID }),
  '/admin/palmares/imports/:id/importer': () => ({ id: UNKNOWN_ID }),
  '/mot-de-passe/:token': () => ({ token: 'jeton-inconnu' }),
  '/installation/:token': () => ({ token: 'jeton-inconnu' }),
  '/compte/jetons/:id/revoquer': () => ({ id: UNKNOWN_ID }),
  '/espace/:code': () => ({ code: TRELAZE }),
  '/espace/:code/membres': () => ({ code: TRELAZE }),
  '/espace/:code/membres/:userId/role': (ids) => ({ code: TRELAZE, userId: ids.contributor }),
  '/espace/:code/membres/:userId/retirer': (ids) => ({ code: TRELAZE, userId: ids.contributor }),
  '/espace/:code/initiatives': () => ({ code: TRELAZE }),
  '/espace/:code/initiatives/nouvelle': () => ({ code: TRELAZE }),
  '/espace/:code/initiatives/:id': (ids) => ({ code: TRELAZE, id: ids.sheet }),
  '/espace/:code/initiatives/:id/brouillon': (ids) => ({ code: TRELAZE, id: ids.sheet }),
  '/espace/:code/initiatives/:id/publication': (ids) => ({ code: TRELAZE, id: ids.sheet }),
  '/espace/:code/initiatives/:id/supprimer': (ids) => ({ code: TRELAZE, id: ids.sheet }),
  '/espace/:code/initiatives/:id/photos': (ids) => ({ code: TRELAZE, id: ids.sheet }),
  '/espace/:code/initiatives/:id/photos/:photoId/retirer': (ids) => ({ code: TRELAZE, id: ids.sheet, photoId: ids.photo }),
};

type Ids = { sheet: string; photo: string; actor: string; contributor: string };

/**
 * Bodies of the API writes whose permission depends on what they say (the territory of a new sheet)
 * or that check their input first (the version a change is based on): a refusal must come from the
 * permission, so they get a valid body. Others get `{}`.
 */
const BODIES: Record<string, () => unknown> = {
  'POST /api/v1/initiatives': () => LEAVE_REQUESTS,
  'PATCH /api/v1/initiatives/:id': () => ({ version: 1, title: 'Une autre fiche' }),
};

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const ADMIN = 'admin@label.example.fr';
const CONTRIBUTOR = 'contributrice@trelaze.example.fr';

const key = (route: Pick<DeclaredRoute, 'method' | 'url'>) => `${route.method} ${route.url}`;
const isApi = (url: string) => url.startsWith('/api/');

/** Shared caches (a proxy, a CDN) may keep it: `public`, and neither `private` nor `no-store`. */
const sharedCacheable = (header: unknown) => typeof header === 'string' && /(^|,)\s*public\b/.test(header) && !/private|no-store/.test(header);
const varyOf = (page: Page) =>
  String(page.headers.vary ?? '')
    .split(',')
    .map((v) => v.trim().toLowerCase());

/** The path of a route with its example values; undefined when the route has parameters and no example. */
function pathOf(route: DeclaredRoute, ids: Ids): string | undefined {
  if (!route.url.includes(':')) return route.url;
  const values = EXAMPLES[route.url]?.(ids);
  if (!values) return undefined;
  return route.url.replace(/:(\w+)/g, (_, name: string) => {
    assert.ok(values[name] !== undefined, `${key(route)}: no example value for :${name}`);
    return encodeURIComponent(values[name]!);
  });
}

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

      // A public sheet of Trélazé with a photo and an actor: the public pages have something to show.
      const api = new TestBrowser(server.app);
      const asContributor = { authorization: `Bearer ${tokens.contributor}` };
      const actor = await api.request('POST', '/api/v1/actors', JSON.stringify({ name: 'Ecologic', kind: 'company' }), {
        'content-type': 'application/json',
        ...asContributor,
      });
      ids.actor = actor.json().actor.id;
      const sheet = await api.request('POST', '/api/v1/initiatives', JSON.stringify({ ...LEAVE_REQUESTS, actorIds: [ids.actor], visibility: 'public' }), {
        'content-type': 'application/json',
        ...asContributor,
      });
      assert.equal(sheet.status, 201, sheet.body);
      ids.sheet = sheet.json().id;
      const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } })
        .png()
        .toBuffer();
      const uploaded = await api.request('POST', `/api/v1/initiatives/${ids.sheet}/photos`, multipart('photo', png), {
        'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
        ...asContributor,
      });
      assert.equal(uploaded.status, 201, uploaded.body);
      ids.photo = uploaded.json().photos[0].id;

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

    test('every route with parameters has example values in this file', () => {
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
        // A public route's example must give a real answer: a shared-cacheable one, keyed by the cookie.
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
      // A CSRF token of the visitor's own: the refusal must come from the permission, not from the CSRF check.
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

const BOUNDARY = '----arobasepolicies';
function multipart(field: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`--${BOUNDARY}\r\ncontent-disposition: form-data; name="${field}"; filename="photo.png"\r\ncontent-type: image/png\r\n\r\n`),
    data,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}
