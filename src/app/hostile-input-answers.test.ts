import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createActiveUser, logIn } from '../../test/support/accounts.ts';
import { MULTIPART_BOUNDARY } from '../../test/support/hostile-input.ts';
import { csrfTokenOf, TestBrowser, textOf, type Page } from '../../test/support/http-client.ts';
import { LEAVE_REQUESTS, TRELAZE } from '../../test/support/initiatives-fixture.ts';
import { drivers } from '../../test/support/test-database.ts';
import { useTestServer } from '../../test/support/test-server.ts';
import { queryRows } from '../platform/db/database.ts';
import { createApiToken } from '../modules/accounts/api-tokens.service.ts';
import { getCurrentReferential } from '../modules/referential/referential.service.ts';

/**
 * What the hostile-input corpus found answering 500, answered now: a French 400 (or 404) naming the
 * field, and nothing changed. The corpus (hostile-input.test.ts) only checks that nothing answers
 * 5xx; this file checks the answers a person or an API client reads.
 */

const REFERENT = 'referent@trelaze.example.fr';
const ADMIN = 'admin@label.example.fr';

for (const driver of drivers) {
  describe(`malformed input: a French 400 naming the field, and nothing changed (${driver})`, () => {
    const server = useTestServer(driver);
    let token: string;
    let sheetId: string;
    let referent: TestBrowser;
    let admin: TestBrowser;

    const api = (method: 'GET' | 'POST' | 'PATCH', url: string, body?: string, headers: Record<string, string> = {}) =>
      new TestBrowser(server.app).request(method, url, body, {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      });
    const sheet = async () => (await api('GET', `/api/v1/initiatives/${sheetId}`)).json<{ title: string; version: number }>();
    const sheetCount = async () => (await queryRows<{ n: number }>(server.db, sql`select count(*)::int as n from initiatives`))[0]?.n;

    /** A 400 of the API naming the field, in French. */
    function assertRefusedField(res: Page, field: string, words: RegExp) {
      assert.equal(res.status, 400, res.body);
      const body = res.json<{ error: string; field?: string; fields?: Record<string, string>; message: string }>();
      assert.equal(body.field, field, res.body);
      assert.match(body.message, words);
      assert.ok(body.message.includes(field), `the message names ${field}: ${body.message}`);
    }

    before(async () => {
      const db = server.db;
      await getCurrentReferential(db);
      const user = await createActiveUser(db, { email: REFERENT, role: 'member', territoryCode: TRELAZE, territoryRole: 'referent' });
      await createActiveUser(db, { email: ADMIN, role: 'admin' });
      token = (await createApiToken(db, user.id, 'tests')).token;
      const created = await api('POST', '/api/v1/initiatives', JSON.stringify(LEAVE_REQUESTS));
      assert.equal(created.status, 201, created.body);
      sheetId = created.json().id;
      referent = new TestBrowser(server.app);
      await logIn(referent, REFERENT);
      admin = new TestBrowser(server.app);
      await logIn(admin, ADMIN);
    });

    test('a NUL byte in a JSON title, a lone surrogate in another text: 400 naming the field, no sheet created', async () => {
      const before = await sheetCount();
      assertRefusedField(await api('POST', '/api/v1/initiatives', JSON.stringify({ ...LEAVE_REQUESTS, title: 'Fiche\u0000' })), 'title', /caractère invalide/);
      // Written by hand: JSON.stringify keeps the escape, which JSON.parse turns back into a lone surrogate.
      const surrogate = JSON.stringify({ ...LEAVE_REQUESTS, summary: 'x' }).replace('"summary":"x"', '"summary":"\\ud800"');
      assertRefusedField(await api('POST', '/api/v1/initiatives', surrogate), 'summary', /caractère invalide/);
      assertRefusedField(
        await api('POST', '/api/v1/initiatives', JSON.stringify({ ...LEAVE_REQUESTS, indicators: [{ label: 'a\u0000', value: 1 }] })),
        'indicators.0.label',
        /caractère invalide/,
      );
      assert.equal(await sheetCount(), before);
    });

    test('a lone surrogate in the title of a change: 400 naming the title, the sheet unchanged', async () => {
      const current = await sheet();
      const res = await api('PATCH', `/api/v1/initiatives/${sheetId}`, `{"version": ${current.version}, "title": "\\udc00 titre"}`);
      assertRefusedField(res, 'title', /caractère invalide/);
      assert.deepEqual(await sheet(), current);
    });

    test('a NUL byte in a path: 400 naming the parameter, on a page and in the API', async () => {
      const res = await api('GET', '/api/v1/territories/49%00353');
      assertRefusedField(res, 'code', /caractère invalide/);
      const page = await new TestBrowser(server.app).get('/territoires/49%00353');
      assert.equal(page.status, 400);
      assert.match(textOf(page.body), /code : contient un caractère invalide/);
      assert.equal((await admin.get('/admin/referentiel/%00')).status, 400);
    });

    test('a version or If-Match beyond PostgreSQL integers: 400 naming the version, the sheet unchanged', async () => {
      const current = await sheet();
      // The form’s hidden version, changed by hand: the form comes back with the error, nothing saved.
      const form = await referent.get(`/espace/${TRELAZE}/initiatives/${sheetId}`);
      const res = await referent.post(`/espace/${TRELAZE}/initiatives/${sheetId}`, {
        _csrf: csrfTokenOf(form.body),
        version: '99999999999',
        title: 'Autre titre',
        status: 'done',
        serviceIds: LEAVE_REQUESTS.serviceIds,
      });
      assert.equal(res.status, 400, res.body.slice(0, 300));
      assert.match(textOf(res.body), /Indiquez la version de la fiche/);
      assertRefusedField(
        await api('PATCH', `/api/v1/initiatives/${sheetId}`, JSON.stringify({ title: 'Autre' }), { 'if-match': '"2147483648"' }),
        'version',
        /version/,
      );
      assertRefusedField(
        await api('PATCH', `/api/v1/initiatives/${sheetId}`, JSON.stringify({ version: 2_147_483_648, title: 'Autre' })),
        'version',
        /version/,
      );
      assert.deepEqual(await sheet(), current);
    });

    test('a start date in year 0 or past 2100: 400 naming the date, in French', async () => {
      for (const startDate of ['0000-01-01', '2101-01-01', '0202-03-04']) {
        const res = await api('POST', '/api/v1/initiatives', JSON.stringify({ ...LEAVE_REQUESTS, startDate, endDate: null }));
        assertRefusedField(res, 'startDate', /l’année doit être comprise entre 1900 et 2100/);
      }
      assertRefusedField(
        await api('POST', '/api/v1/initiatives', JSON.stringify({ ...LEAVE_REQUESTS, startDate: '2024-02-30' })),
        'startDate',
        /Date invalide/,
      );
    });

    test('a malformed multipart body: 400 in French, on the API and on a form page', async () => {
      const truncated = Buffer.from(
        `--${MULTIPART_BOUNDARY}\r\ncontent-disposition: form-data; name="photo"; filename="a.png"\r\ncontent-type: image/png\r\n\r\n\x89PNG`,
      );
      const headers = { 'content-type': `multipart/form-data; boundary=${MULTIPART_BOUNDARY}` };
      const viaApi = await new TestBrowser(server.app).request('POST', `/api/v1/initiatives/${sheetId}/photos`, truncated, {
        authorization: `Bearer ${token}`,
        ...headers,
      });
      assert.equal(viaApi.status, 400, viaApi.body);
      assert.match(viaApi.json().message, /Le formulaire envoyé est illisible/);
      const noBoundary = await referent.request('POST', `/espace/${TRELAZE}/initiatives/${sheetId}/photos`, truncated, {
        'content-type': 'multipart/form-data',
      });
      assert.equal(noBoundary.status, 400);
      assert.match(textOf(noBoundary.body), /Le formulaire envoyé est illisible/);
    });

    test('a NUL byte in a form field: 400 naming the field, no member invited', async () => {
      const page = await referent.get(`/espace/${TRELAZE}/membres`);
      const res = await referent.post(`/espace/${TRELAZE}/membres`, {
        _csrf: csrfTokenOf(page.body),
        email: 'nouvelle@trelaze.example.fr',
        displayName: 'Nou\u0000velle',
        role: 'contributor',
      });
      assert.equal(res.status, 400);
      assert.match(textOf(res.body), /displayName : contient un caractère invalide/);
      assert.doesNotMatch(textOf((await referent.get(`/espace/${TRELAZE}/membres`)).body), /nouvelle@trelaze/);
    });

    test('an id that is no UUID in the restoration of a sheet: 404, not a failed query', async () => {
      const page = await admin.get('/compte');
      const res = await admin.post('/initiatives/pas-un-uuid/restauration', { _csrf: csrfTokenOf(page.body) });
      assert.equal(res.status, 404);
    });
  });
}
