import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { before, describe, test } from 'node:test';
import { createActiveUser } from '../../test/support/accounts.ts';
import { TestBrowser, textOf, type Page } from '../../test/support/http-client.ts';
import { drivers } from '../../test/support/test-database.ts';
import { useTestServer } from '../../test/support/test-server.ts';
import { createApiToken } from '../modules/accounts/api-tokens.service.ts';

type Answer = { status: number; contentType: string; body: string };

/** A request through a real socket: what the HTTP parser refuses never reaches `inject`. */
function overTheWire(base: string, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

// English words Fastify or Node answer with by default: none may reach a person.
const ENGLISH = /Bad Request|Client Error|Exceeded|not a valid url|Too Large|Unsupported Media|reach (files|fields) limit|Content-Type/i;

const multipart = (boundary: string, parts: { name: string; file?: string }[]) =>
  parts
    .map(({ name, file }) =>
      file
        ? `--${boundary}\r\ncontent-disposition: form-data; name="${name}"; filename="${file}"\r\ncontent-type: image/png\r\n\r\nPNG\r\n`
        : `--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\nvaleur\r\n`,
    )
    .join('') + `--${boundary}--\r\n`;

for (const driver of drivers) {
  describe(`errors answer in French, with the status that fits (${driver})`, () => {
    const server = useTestServer(driver, { listen: true });
    let visitor: TestBrowser;
    let token = '';
    let sheetId = '';
    const api = (method: 'POST' | 'GET', url: string, payload: string, headers: Record<string, string>): Promise<Page> =>
      visitor.request(method, url, payload, { authorization: `Bearer ${token}`, ...headers });

    before(async () => {
      visitor = new TestBrowser(server.app);
      const user = await createActiveUser(server.db, {
        email: 'erreurs@trelaze.example.fr',
        role: 'member',
        territoryCode: '49353',
        territoryRole: 'contributor',
      });
      token = (await createApiToken(server.db, user.id, 'tests')).token;
      const sheet = await api(
        'POST',
        '/api/v1/initiatives',
        JSON.stringify({ territoryCode: '49353', title: 'Fiche pour les photos', status: 'done', serviceIds: ['dematerialisation-rh'] }),
        { 'content-type': 'application/json' },
      );
      assert.equal(sheet.status, 201, sheet.body);
      sheetId = sheet.json<{ id: string }>().id;
    });

    test('an address too long for the server: 431, a French page for a page, French JSON for the API', async () => {
      const page = await overTheWire(server.url, `/territoires?q=${'a'.repeat(20_000)}`);
      assert.equal(page.status, 431);
      assert.match(page.contentType, /^text\/html; charset=utf-8/);
      assert.match(page.body, /<html lang="fr">/);
      assert.match(textOf(page.body), /adresse .*trop longue/i);
      assert.doesNotMatch(page.body, ENGLISH);
      const json = await overTheWire(server.url, `/api/v1/territories?q=${'a'.repeat(20_000)}`);
      assert.equal(json.status, 431);
      assert.match(json.contentType, /^application\/json/);
      const body = JSON.parse(json.body) as { error: string; message: string };
      assert.equal(body.error, 'request_header_fields_too_large');
      assert.match(body.message, /adresse .*trop longue/i);
      assert.doesNotMatch(json.body, ENGLISH);
    });

    test('a malformed percent-encoding in the path (/territoires/%FF): 400 saying the address is malformed, in French', async () => {
      const page = await visitor.get('/territoires/%FF');
      assert.equal(page.status, 400);
      assert.match(String(page.headers['content-type']), /^text\/html/);
      assert.match(textOf(page.body), /adresse .*mal encodé/i);
      assert.doesNotMatch(page.body, ENGLISH);
      assert.equal(page.headers['cache-control'], 'private, no-store', 'an error is kept by no cache');
      const json = await visitor.get('/api/v1/territories/%FF');
      assert.equal(json.status, 400);
      assert.equal(json.json<{ error: string }>().error, 'bad_request');
      assert.match(json.json<{ message: string }>().message, /adresse .*mal encodé/i);
      assert.doesNotMatch(json.body, ENGLISH);
    });

    test('a text/plain body: 415 naming the formats accepted, not « Paramètre « _ » invalide »', async () => {
      const res = await api('POST', '/api/v1/actors', 'Ecologic', { 'content-type': 'text/plain' });
      assert.equal(res.status, 415);
      const body = res.json<{ error: string; message: string; field?: string }>();
      assert.equal(body.error, 'unsupported_media_type');
      assert.match(body.message, /application\/json/);
      assert.match(body.message, /formulaire/);
      assert.doesNotMatch(res.body, /« _ »|"_"/);
      assert.doesNotMatch(res.body, ENGLISH);
    });

    test('a JSON body that is not an object, or not JSON: 400 saying so, without a field named « _ »', async () => {
      for (const payload of ['[1, 2]', '"Ecologic"', '42']) {
        const res = await api('POST', '/api/v1/actors', payload, { 'content-type': 'application/json' });
        assert.equal(res.status, 400, payload);
        const body = res.json<{ message: string; field?: string; fields?: Record<string, string> }>();
        assert.match(body.message, /corps de la demande .*objet JSON/i, payload);
        assert.equal(body.field, undefined, payload);
        assert.doesNotMatch(res.body, /« _ »|"_"/, payload);
      }
      const truncated = await api('POST', '/api/v1/actors', '{"name": "Eco', { 'content-type': 'application/json' });
      assert.equal(truncated.status, 400);
      assert.match(truncated.json<{ message: string }>().message, /pas du JSON valide/);
    });

    test('two files, or too many fields, in an upload: a message that says so, not « trop volumineux »', async () => {
      const boundary = 'frontiere';
      const headers = { 'content-type': `multipart/form-data; boundary=${boundary}` };
      const twoFiles = await api(
        'POST',
        `/api/v1/initiatives/${sheetId}/photos`,
        multipart(boundary, [
          { name: 'photo', file: 'a.png' },
          { name: 'photo', file: 'b.png' },
        ]),
        headers,
      );
      assert.ok(twoFiles.status >= 400 && twoFiles.status < 500, `${twoFiles.status}`);
      assert.match(twoFiles.json<{ message: string }>().message, /un seul fichier/i);
      assert.doesNotMatch(twoFiles.body, /volumineux/);
      const fields = Array.from({ length: 30 }, (_, i) => ({ name: `champ${i}` }));
      const manyFields = await api('POST', `/api/v1/initiatives/${sheetId}/photos`, multipart(boundary, fields), headers);
      assert.ok(manyFields.status >= 400 && manyFields.status < 500, `${manyFields.status}`);
      assert.match(manyFields.json<{ message: string }>().message, /trop de champs/i);
      assert.doesNotMatch(manyFields.body, /volumineux/);
    });

    test('a POST (or PUT, DELETE) to an address that does not exist: 404, not a CSRF 403', async () => {
      for (const method of ['POST', 'DELETE'] as const) {
        const res = await visitor.request(method === 'POST' ? 'POST' : 'DELETE', '/pas-de-page-ici', 'a=1', {
          'content-type': 'application/x-www-form-urlencoded',
        });
        assert.equal(res.status, 404, method);
        assert.match(textOf(res.body), /Cette page n’existe pas/);
      }
      const put = await server.app.inject({
        method: 'PUT',
        url: '/espace/rien',
        payload: 'a=1',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      assert.equal(put.statusCode, 404);
      const json = await visitor.request('POST', '/api/v1/rien', '{}', { 'content-type': 'application/json' });
      assert.equal(json.status, 404);
      assert.equal(json.json<{ error: string }>().error, 'not_found');
    });
  });
}
