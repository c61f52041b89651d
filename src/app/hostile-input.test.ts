import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import sharp from 'sharp';
import { createActiveUser, logIn } from '../../test/support/accounts.ts';
import {
  MALFORMED_JSON,
  MALFORMED_MULTIPART,
  MALFORMED_FIELD_TEXTS,
  MALFORMED_URL_TEXTS,
  MULTIPART_BOUNDARY,
  encodeForm,
  fieldsOfSchema,
  fileFieldsOfSchema,
  formsOf,
  matchesRoute,
  multipartBody,
  paramsOf,
  pathsOfValue,
  percentEncode,
  withValueAt,
  type FoundForm,
  type Malformed,
} from '../../test/support/hostile-input.ts';
import { csrfTokenOf, TestBrowser, type Page } from '../../test/support/http-client.ts';
import { TRELAZE } from '../../test/support/initiatives-fixture.ts';
import { BODIES, EXAMPLES, routeKey, seedExampleSheet, UNKNOWN_ID, type Ids } from '../../test/support/route-examples.ts';
import { seedLabelHistory } from '../../test/support/results-fixture.ts';
import { drivers } from '../../test/support/test-database.ts';
import { useTestServer } from '../../test/support/test-server.ts';
import type { DeclaredRoute } from '../platform/http/route-table.ts';
import { lenientQueryShape } from '../platform/http/route-input.ts';
import { createApiToken } from '../modules/accounts/api-tokens.service.ts';
import { can, type Person } from '../modules/accounts/permissions.rules.ts';
import { isRoutePermission } from '../modules/accounts/route-permission.ts';
import { getCurrentReferential } from '../modules/referential/referential.service.ts';

/**
 * Hostile input over the whole route table: every parameter, query key and body field a route reads
 * (found from its zod schemas, the forms of the pages and the example bodies) gets each malformed
 * value of the corpus — NUL bytes, lone surrogates, huge integers, odd dates, huge and malformed
 * bodies — as an administrator and as a territory’s referent, so that a refused permission does not
 * hide an error. Nothing may answer 5xx. A route added later is covered without being listed.
 */

const ADMIN = 'admin@label.example.fr';
/** Requests in flight at once: the database pool's size (test-database.ts opens PostgreSQL with 4). */
const IN_FLIGHT = 4;
const REFERENT = 'referent@trelaze.example.fr';
const CONTRIBUTOR = 'contributrice@trelaze.example.fr';
type Role = 'admin' | 'referent';
const people: Record<Role, Person> = {
  admin: { id: 'admin', role: 'admin' },
  referent: { id: 'referent', role: 'member', memberships: [{ territoryCode: TRELAZE, role: 'referent' }] },
};

/** A value for a parameter that has no example yet (a route added since): of the kind its name says. */
function fallbackValue(name: string): string {
  if (name === 'code') return TRELAZE;
  if (/id$/i.test(name)) return UNKNOWN_ID;
  if (name === 'year' || name === 'version') return '2027';
  return 'exemple';
}

type Request = { method: string; path: string; payload?: string | Buffer; headers?: Record<string, string> };

const isApi = (url: string) => url.startsWith('/api/');
const takesMultipart = (route: DeclaredRoute, forms: FoundForm[]) =>
  forms.some((f) => f.multipart) || ((route.schema as { consumes?: string[] } | undefined)?.consumes ?? []).includes('multipart/form-data');

// Malformed input is refused before any query reaches the database, and both drivers are the same
// PostgreSQL: one run is enough, on the last driver (the PostgreSQL server in CI).
for (const driver of drivers.slice(-1)) {
  describe(`hostile input on every route: malformed values answer 4xx, never 5xx (${driver})`, () => {
    const server = useTestServer(driver);
    let routes: DeclaredRoute[];
    const ids = {} as Ids;
    const tokens = {} as Record<Role, string>;
    const sessions = {} as Record<Role, TestBrowser>;
    const csrf = {} as Record<Role, string>;
    /** The forms found on the pages, by the route they post to. */
    const formsByRoute = new Map<string, FoundForm[]>();
    let png: Buffer;
    let sent = 0;

    before(async () => {
      const db = server.db;
      await getCurrentReferential(db);
      await seedLabelHistory(db);
      const admin = await createActiveUser(db, { email: ADMIN, role: 'admin' });
      const referent = await createActiveUser(db, { email: REFERENT, role: 'member', territoryCode: TRELAZE, territoryRole: 'referent' });
      const contributor = await createActiveUser(db, { email: CONTRIBUTOR, role: 'member', territoryCode: TRELAZE, territoryRole: 'contributor' });
      ids.contributor = contributor.id;
      tokens.admin = (await createApiToken(db, admin.id, 'tests')).token;
      tokens.referent = (await createApiToken(db, referent.id, 'tests')).token;
      Object.assign(ids, await seedExampleSheet(server.app, (await createApiToken(db, contributor.id, 'tests')).token));
      for (const [role, email] of [
        ['admin', ADMIN],
        ['referent', REFERENT],
      ] as const) {
        sessions[role] = new TestBrowser(server.app);
        await logIn(sessions[role], email);
        csrf[role] = csrfTokenOf((await sessions[role].get('/compte')).body);
      }
      png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
        .png()
        .toBuffer();
      // Deletions last: a corpus value they accept removes the example sheet the other routes read.
      routes = server.app.routeTable
        .filter((r) => r.method !== 'HEAD' && !r.url.startsWith('/static/'))
        .sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
      // The forms of every page, opened by whoever the corpus will be sent as: the fields its POST routes read.
      for (const route of routes.filter((r) => r.method === 'GET')) {
        for (const role of rolesFor(route)) {
          const path = examplePath(route);
          const page = await sessions[role].get(path);
          if (page.status !== 200 || !String(page.headers['content-type']).startsWith('text/html')) continue;
          for (const form of formsOf(page.body, path)) {
            const target = routes.find((r) => r.method === 'POST' && matchesRoute(r.url, form.action));
            if (target) formsByRoute.set(routeKey(target), [...(formsByRoute.get(routeKey(target)) ?? []), form]);
          }
        }
      }
    });

    /**
     * The route’s path with the examples' values, one parameter possibly replaced (already encoded).
     * A parameter without an example gets a value of its kind, so that a new route is probed at once.
     */
    function examplePath(route: DeclaredRoute, replaced?: { name: string; encoded: string }): string {
      const values = EXAMPLES[route.url]?.(ids) ?? {};
      return route.url.replace(/:(\w+)/g, (_, name: string) => {
        if (replaced?.name === name) return replaced.encoded;
        return encodeURIComponent(values[name] ?? fallbackValue(name));
      });
    }

    /**
     * Who sends the corpus to a route: the administrator, and the referent where the declared
     * permission lets the referent in but not the administrator, so that the corpus reaches the
     * route’s code rather than a refusal.
     */
    const rolesFor = (route: DeclaredRoute): Role[] => {
      const permission = route.config.permission;
      if (!permission || permission === 'public' || !isRoutePermission(permission)) return ['admin'];
      const allowed = (person: Person) => can(person, permission, { territoryCode: TRELAZE });
      return !allowed(people.admin) && allowed(people.referent) ? ['referent'] : ['admin'];
    };
    const formsOfRoute = (route: DeclaredRoute) => formsByRoute.get(routeKey(route)) ?? [];

    /** The fields a route’s body is read for: its schema’s, its forms', its example body’s. */
    function bodyFields(route: DeclaredRoute): string[] {
      const example = BODIES[routeKey(route)]?.();
      return [...new Set([...fieldsOfSchema(route.schema?.body), ...formsOfRoute(route).flatMap((f) => f.fields), ...pathsOfValue(example)])];
    }

    /** A request that passes the route’s own checks but for the values replaced (none, one field, or several). */
    function bodyRequest(route: DeclaredRoute, role: Role, path: string, replaced: { name: string; value: unknown }[] = []): Request {
      const method = route.method;
      const forms = formsOfRoute(route);
      if (takesMultipart(route, forms)) {
        const fileField = forms.flatMap((f) => f.files)[0] ?? fileFieldsOfSchema(route.schema?.body)[0] ?? 'file';
        const texts: Record<string, string | string[]> = { ...forms[0]?.values, ...(isApi(path) ? {} : { _csrf: csrf[role] }) };
        for (const field of replaced)
          if (field.name !== fileField) texts[field.name] = typeof field.value === 'string' ? field.value : JSON.stringify(field.value);
        const headers = { 'content-type': `multipart/form-data; boundary=${MULTIPART_BOUNDARY}` };
        return { method, path, payload: multipartBody(texts, { field: fileField, data: png }), headers };
      }
      if (isApi(path)) {
        const base = BODIES[routeKey(route)]?.() ?? {};
        // Containers first, so that a leaf replaced after its list or object keeps its value.
        const body = [...replaced]
          .sort((a, b) => a.name.length - b.name.length)
          .reduce<unknown>((json, field) => withValueAt(json, field.name, field.value), base);
        return method === 'GET' || method === 'DELETE'
          ? { method, path }
          : { method, path, payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
      }
      if (method === 'GET') return { method, path };
      const fields: Record<string, string | string[]> = { ...forms[0]?.values, _csrf: csrf[role] };
      for (const field of replaced) fields[field.name] = field.value as string | string[];
      return { method, path, payload: encodeForm(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
    }

    /** Sends as the role (its session for pages, its token for the API), from an address of its own (rate limits). */
    async function send(role: Role, request: Request): Promise<Page> {
      sent++;
      const client = new TestBrowser(server.app);
      const api = isApi(request.path);
      if (!api) for (const [name, cookie] of sessions[role].cookies) client.cookies.set(name, cookie);
      return client.request(request.method as 'GET', request.path, request.payload, {
        ...(api ? { authorization: `Bearer ${tokens[role]}` } : {}),
        ...request.headers,
      });
    }

    /**
     * Sends every request, a few at a time (as concurrent visitors would: the database's round trips
     * overlap); lists those answered 5xx, with what was sent and the start of the answer.
     */
    async function serverErrors(requests: { role: Role; label: string; request: Request }[]): Promise<string[]> {
      const failures: string[] = [];
      let next = 0;
      const lane = async () => {
        while (next < requests.length) {
          const { role, label, request } = requests[next++]!;
          const res = await send(role, request);
          if (res.status >= 500) failures.push(`${role} ${request.method} ${request.path.slice(0, 120)} — ${label} : ${res.status} ${res.body.slice(0, 160)}`);
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
      return failures;
    }

    const assertNoServerError = (failures: string[]) => assert.equal(failures.length, 0, `${failures.length} answers 5xx:\n${failures.join('\n')}`);

    test('malformed values in the path parameters', async () => {
      const requests = routes.flatMap((route) =>
        rolesFor(route).flatMap((role) =>
          paramsOf(route.url).flatMap((name) =>
            MALFORMED_URL_TEXTS.map(({ name: label, value }) => ({
              role,
              label: `:${name} = ${label}`,
              request: bodyRequest(route, role, examplePath(route, { name, encoded: percentEncode(value) })),
            })),
          ),
        ),
      );
      assert.ok(requests.length > 300, `only ${requests.length} requests`);
      assertNoServerError(await serverErrors(requests));
    });

    test('malformed values in every query key a route declares, and an unknown key', async () => {
      // Writes without a declared query are not sent one: they would act (sign out, delete) and read nothing of it.
      const readers = routes.filter((r) => r.method === 'GET' || r.schema?.querystring);
      const values: { name: string; encoded: string[]; unstorable?: true }[] = [
        ...MALFORMED_URL_TEXTS.map((t) => ({ ...t, encoded: [percentEncode(t.value)] })),
        { name: 'repeated', encoded: ['1', '2'] },
      ];
      const requests = readers.flatMap((route) =>
        rolesFor(route).flatMap((role) => {
          const keys = [...fieldsOfSchema(route.schema?.querystring), 'cle-inconnue'];
          const base = bodyRequest(route, role, examplePath(route));
          const query = (names: string[], encoded: string[]) => names.flatMap((key) => encoded.map((value) => `${key}=${value}`)).join('&');
          // A lenient query reads each key alone (a wrong one is dropped, the others kept): all keys
          // at once reach the route. A strict one refuses the whole query for one wrong key: one key at
          // a time, but for the unstorable values, refused in any key before the schema reads them.
          const lenient = lenientQueryShape(route.schema?.querystring) !== undefined;
          return values.flatMap((value) =>
            (lenient || value.unstorable ? [keys] : keys.map((key) => [key])).map((names) => ({
              role,
              label: `?${names.join(',')} = ${value.name}`,
              request: { ...base, path: `${base.path}?${query(names, value.encoded)}` },
            })),
          );
        }),
      );
      assertNoServerError(await serverErrors(requests));
    });

    test('malformed values in every body field a route reads', async () => {
      const writes = routes.filter((r) => r.method !== 'GET');
      const withoutFields = writes.filter((route) => route.method !== 'DELETE' && bodyFields(route).length === 0).map(routeKey);
      const requests = writes.flatMap((route) =>
        rolesFor(route).flatMap((role) => {
          const fields = bodyFields(route);
          const values: Malformed<unknown>[] = [
            ...MALFORMED_FIELD_TEXTS,
            ...(isApi(route.url) ? MALFORMED_JSON : [{ name: 'repeated', value: ['1', '\u0000'] }]),
          ];
          return values.flatMap((value) => {
            // An unstorable value is refused in any field of a declared body before anything reads it:
            // one request with it in every field. A route without a body schema gets it field by field.
            const sets = value.unstorable && route.schema?.body ? [fields] : fields.map((name) => [name]);
            return sets.map((names) => ({
              role,
              label: `${names.length > 1 ? 'every field' : names[0]} = ${value.name}`,
              request: bodyRequest(
                route,
                role,
                examplePath(route),
                names.map((name) => ({ name, value: value.value })),
              ),
            }));
          });
        }),
      );
      assertNoServerError(await serverErrors(requests));
      // A page’s write whose form shows only in a state the set-up does not reach (an invitation, an
      // import) reads its path and whole body only: said, so that it is not taken for covered.
      if (withoutFields.length) console.log(`hostile input: writes without known body fields: ${withoutFields.join(', ')}`);
      // Every API write names its fields somewhere (a schema, an example), or the corpus missed it.
      assert.deepEqual(
        withoutFields.filter((key) => isApi(key.split(' ')[1] ?? '')),
        [],
      );
    });

    test('malformed headers, bodies of the wrong type, huge and malformed bodies', async () => {
      // Over the 1 MiB the server reads of a body.
      const huge = 'x'.repeat(1_100_000);
      const requests = routes
        .filter((r) => r.method !== 'GET')
        .flatMap((route) =>
          rolesFor(route).flatMap((role) => {
            const path = examplePath(route);
            const bodies: { label: string; payload: string | Buffer; contentType: string }[] = [
              { label: 'huge form', payload: `a=${huge}`, contentType: 'application/x-www-form-urlencoded' },
              { label: 'huge JSON', payload: JSON.stringify({ title: huge }), contentType: 'application/json' },
              { label: 'truncated JSON', payload: '{"title": "a', contentType: 'application/json' },
              { label: 'JSON list', payload: '[1, 2]', contentType: 'application/json' },
              { label: 'JSON text', payload: '"\\u0000"', contentType: 'application/json' },
              { label: 'lone surrogate escape', payload: '{"title": "\\ud800", "name": "\\udc00"}', contentType: 'application/json' },
              { label: 'text/plain', payload: 'bonjour', contentType: 'text/plain' },
              { label: 'XML', payload: '<a/>', contentType: 'application/xml' },
              { label: 'malformed form', payload: '%%%=%E9&=&&a', contentType: 'application/x-www-form-urlencoded' },
              ...MALFORMED_MULTIPART.map((m) => ({ label: `multipart ${m.name}`, payload: m.body, contentType: m.contentType })),
            ];
            // Only the API reads If-Match; a page’s form sent with a valid token would act (sign out).
            const versions = (isApi(route.url) ? ['2147483648', '"99999999999999999999"', 'W/"-1"', '"1e400"', '""'] : []).map((value) => ({
              role,
              label: `If-Match: ${value}`,
              request: { ...bodyRequest(route, role, path), headers: { ...bodyRequest(route, role, path).headers, 'if-match': value } },
            }));
            return [
              ...bodies.map(({ label, payload, contentType }) => ({
                role,
                label,
                request: { method: route.method, path, payload, headers: { 'content-type': contentType } },
              })),
              ...versions,
            ];
          }),
        );
      assertNoServerError(await serverErrors(requests));
    });

    test('the sessions survived the corpus (its refusals were not those of a signed-out person)', async () => {
      for (const role of ['admin', 'referent'] as const) {
        const r = await sessions[role].get('/compte');
        assert.equal(r.status, 200, `${role} ${r.location}`);
      }
      console.log(`hostile input: ${routes.length} routes, ${formsByRoute.size} posted forms, ${sent} requests`);
    });
  });
}
