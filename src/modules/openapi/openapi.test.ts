import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import fastifySwagger from '@fastify/swagger';
import { Validator } from '@seriousme/openapi-schema-validator';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import packageJson from '../../../package.json' with { type: 'json' };
import { formatNumber } from '../../platform/views/format.ts';
import { createActiveUser } from '../../../test/support/accounts.ts';
import { decodeEntities } from '../../../test/support/http-client.ts';
import { BODIES, BOUNDARY, multipart, UNKNOWN_ID } from '../../../test/support/route-examples.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { readApiReference, typeLabel, type OpenApiDocument } from './api-reference.ts';
import { createApiToken } from '../accounts/api-tokens.service.ts';
import { openapiOptions } from './openapi-document.ts';
import { frenchTypography } from '../../platform/views/typography.ts';

type Operation = {
  summary?: string;
  requestBody?: { content?: Record<string, unknown> };
  tags?: string[];
  security?: Record<string, string[]>[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: Record<string, unknown> }[];
  responses: Record<string, { description: string; content?: Record<string, { schema: Record<string, unknown> }> }>;
};
type Document = OpenApiDocument & {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, Record<string, string>> };
};

/**
 * Every route the app answers, as `METHOD /path` (HEAD left out: Fastify adds one to each GET), read
 * from the router itself: `printRoutes` draws the tree of path segments, one route per line with its
 * methods, each level indented by four characters.
 */
function registeredRoutes(app: FastifyInstance): string[] {
  const routes: string[] = [];
  const stack: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│   | {4})*)[├└]── (.*?)(?: \(([A-Z]+(?:, [A-Z]+)*)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    const path = stack.join('');
    for (const method of match[3]?.split(', ') ?? []) if (method !== 'HEAD') routes.push(`${method} ${path}`);
  }
  return routes;
}

/** `/api/v1/territories/:code` → `/api/v1/territories/{code}`, as OpenAPI writes path parameters. */
const openapiPath = (path: string) => path.replace(/:(\w+)(\([^)]*\))?/g, '{$1}');

/** Well-formed values of the path parameters that name nothing: no such sheet, actor, territory, edition or version. */
const MISSING: Record<string, string> = { id: UNKNOWN_ID, code: '99999', year: '2099', version: '1999' };

/** A 1×1 PNG, for the photo upload of a sheet that does not exist. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const operationsOf = (document: Document) =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, method, path, operation })),
  );

describe('OpenAPI document of the public API', () => {
  const server = useTestServer('pglite', { env: { BASE_URL: 'https://arobase.example.fr' } });
  let document: Document;
  let response: Awaited<ReturnType<FastifyInstance['inject']>>;

  before(async () => {
    response = await server.app.inject({ method: 'GET', url: '/api/openapi.json' });
    document = response.json();
  });

  test('GET /api/openapi.json answers JSON that a shared cache keeps five minutes', () => {
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^application\/json/);
    assert.equal(response.headers['cache-control'], 'public, max-age=300');
  });

  test('is a valid OpenAPI 3 document (official JSON schema)', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document));
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
    assert.match(validator.version, /^3\./);
    const broken = await new Validator().validate({ ...structuredClone(document), info: { title: 'API arobase' } });
    assert.equal(broken.valid, false, 'the validator does refuse a document without info.version');
  });

  test('says what the API is, in French, with its version, server and token scheme', () => {
    assert.equal(document.info.title, 'API arobase');
    assert.equal(document.info.version, packageJson.version);
    for (const words of ['{ "items": [...], "total": N }', '{ "error", "message", "field" }', 'arb_', '/compte', 'Authorization: Bearer']) {
      assert.ok(document.info.description?.includes(words), `the description mentions ${words}`);
    }
    assert.deepEqual(document.servers, [{ url: 'https://arobase.example.fr' }]);
    assert.deepEqual(
      { type: document.components.securitySchemes.bearerAuth?.type, scheme: document.components.securitySchemes.bearerAuth?.scheme },
      { type: 'http', scheme: 'bearer' },
    );
  });

  test('lists exactly the public JSON routes the app answers: a new /api/v1 route cannot be missing', () => {
    const registered = registeredRoutes(server.app);
    assert.ok(registered.includes('GET /territoires') && registered.includes('GET /healthz'), 'the route list is read from the router');
    const publicApi = registered
      .filter((route) => route.split(' ')[1]!.startsWith('/api/v1/'))
      .map((route) => openapiPath(route))
      .sort();
    assert.ok(publicApi.length >= 12, `${publicApi.length} public API routes`);
    assert.deepEqual(
      operationsOf(document)
        .map((o) => o.key)
        .sort(),
      publicApi,
    );
  });

  test('has no page route, nor /healthz, static files, the document itself or this page', () => {
    for (const path of Object.keys(document.paths)) assert.ok(path.startsWith('/api/v1/'), `${path} is not a public API route`);
    for (const path of ['/healthz', '/api/openapi.json', '/api/docs', '/territoires', '/', '/static/*']) assert.equal(document.paths[path], undefined, path);
  });

  test('every operation has a French summary, a tag and described responses', () => {
    for (const { key, operation } of operationsOf(document)) {
      assert.ok(operation.summary && operation.summary.length > 3, `${key}: summary`);
      assert.ok(operation.tags?.length, `${key}: tag`);
      for (const [code, r] of Object.entries(operation.responses))
        assert.ok(r.description && r.description !== 'Default Response', `${key} ${code}: description`);
    }
  });

  test('writes ask for a bearer token and document the 401; reads of public data do not', () => {
    for (const { key, method, operation } of operationsOf(document)) {
      if (method === 'get') continue;
      assert.deepEqual(operation.security, [{ bearerAuth: [] }], `${key}: bearerAuth`);
      assert.ok(operation.responses['401'], `${key}: 401`);
    }
    assert.equal(document.paths['/api/v1/territories']?.get?.security, undefined);
    assert.deepEqual(document.paths['/api/v1/me']?.get?.security, [{ bearerAuth: [] }], 'the account route needs a token too');
  });

  test('every route with path parameters answers 404 when they name nothing, and its operation declares that 404 with the error body', async () => {
    // An administrator's token: writes reach the lookup of the missing resource instead of stopping at 401 or 403.
    const db = server.database.db;
    const admin = await createActiveUser(db, { email: 'admin-openapi@label.example.fr', role: 'admin' });
    const { token } = await createApiToken(db, admin.id, 'openapi');
    const withParams = operationsOf(document).filter((o) => o.path.includes('{'));
    assert.ok(withParams.length >= 8, `${withParams.length} operations with path parameters`);
    for (const { key, method, path, operation } of withParams) {
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => MISSING[name] ?? assert.fail(`${key}: no missing value for {${name}}`));
      const isMultipart = Boolean(operation.requestBody?.content?.['multipart/form-data']);
      const body = BODIES[`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`]?.() ?? {};
      const res = await server.app.inject({
        method: method.toUpperCase() as 'GET',
        url,
        headers: {
          authorization: `Bearer ${token}`,
          ...(operation.requestBody ? { 'content-type': isMultipart ? `multipart/form-data; boundary=${BOUNDARY}` : 'application/json' } : {}),
        },
        ...(operation.requestBody ? { payload: isMultipart ? multipart('photo', PNG) : JSON.stringify(body) } : {}),
      });
      assert.equal(res.statusCode, 404, `${key} → ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      assert.equal(res.json().error, 'not_found', key);
      const declared = operation.responses['404'];
      assert.ok(declared, `${key} answers 404: its schema must declare it`);
      const schema = declared.content?.['application/json']?.schema as { properties?: Record<string, unknown>; required?: string[] } | undefined;
      assert.deepEqual(Object.keys(schema?.properties ?? {}).slice(0, 2), ['error', 'message'], `${key}: the 404 has the error body`);
      assert.deepEqual(schema?.required, ['error', 'message'], key);
    }
  });

  test('invalid input is documented as a 400 with the French error body { error, message, field }', () => {
    const bad = document.paths['/api/v1/territories']?.get?.responses['400'];
    assert.ok(bad, 'GET /api/v1/territories has a 400');
    const schema = bad.content?.['application/json']?.schema as { properties: Record<string, unknown>; required: string[] };
    assert.deepEqual(Object.keys(schema.properties).slice(0, 3), ['error', 'message', 'field']);
    assert.deepEqual(schema.required, ['error', 'message']);
  });

  test('GET /api/v1/territories: its parameters, types and French descriptions come from the zod schema', () => {
    const parameters = document.paths['/api/v1/territories']?.get?.parameters ?? [];
    assert.deepEqual(
      parameters.map((p) => `${p.in}:${p.name}`),
      ['query:q', 'query:kind', 'query:department', 'query:region', 'query:page'],
    );
    for (const p of parameters) {
      assert.equal(p.required, false, p.name);
      assert.ok(p.description && /[a-zé]/.test(p.description), `${p.name} is described`);
    }
    assert.deepEqual(parameters.find((p) => p.name === 'kind')?.schema?.enum, ['commune', 'epci', 'departement', 'region']);
    assert.equal(parameters.find((p) => p.name === 'page')?.schema?.type, 'integer');
    assert.match(parameters.find((p) => p.name === 'q')?.description ?? '', /code postal/);
    const code = document.paths['/api/v1/territories/{code}']?.get?.parameters?.[0];
    assert.deepEqual({ in: code?.in, name: code?.name, required: code?.required }, { in: 'path', name: 'code', required: true });
    assert.match(code?.description ?? '', /INSEE/);
  });

  test('GET /api/docs lists every operation, in French, from the same document', async () => {
    const page = await server.app.inject({ method: 'GET', url: '/api/docs' });
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /^text\/html/);
    const html = decodeEntities(page.body);
    assert.equal(html.match(/<h1[\s>]/g)?.length, 1);
    assert.ok(html.includes('href="/api/openapi.json"'), 'links to the document');
    assert.ok(!/<script/i.test(page.body), 'no JavaScript');
    for (const { method, path, operation } of operationsOf(document)) {
      assert.ok(html.includes(`<code>${method.toUpperCase()} ${path}</code>`), `${method} ${path} on the page`);
      // The page shows it in French typography (non-breaking spaces, ’), the document as written.
      assert.ok(html.includes(frenchTypography(operation.summary!)), `${operation.summary} on the page`);
    }
    // The territories search: parameters with their descriptions, and its responses.
    assert.ok(html.includes('Nom (sans tenir compte des accents ni des majuscules), code postal, code INSEE ou SIREN'));
    assert.ok(html.includes('une valeur parmi\u00a0: commune, epci, departement, region'));
    assert.ok(html.includes(`entier (de 1 à ${formatNumber(10_000)})`), 'the page parameter with its bounds');
    assert.ok(html.includes('dans le chemin · obligatoire') && html.includes('dans la requête · facultatif'), 'where each parameter goes');
    assert.ok(html.includes('par défaut\u00a0: 1'));
    assert.ok(html.includes('Jeton requis'), 'writes say they need a token');
  });
});

describe('OpenAPI generation rules', () => {
  /** A small app with the same swagger options: a route added without a schema is visibly undocumented. */
  async function documentOf(register: (app: FastifyInstance) => void): Promise<Document> {
    const app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(fastifySwagger, openapiOptions('http://localhost'));
    register(app);
    await app.ready();
    const document = app.swagger() as unknown as Document;
    await app.close();
    return document;
  }

  test('a /api/v1 route without a schema appears without summary nor tag (and fails the checks above)', async () => {
    const document = await documentOf((app) => {
      app.get('/api/v1/nouveau', async () => ({}));
      app.get('/une-page', async () => 'page');
    });
    assert.deepEqual(Object.keys(document.paths), ['/api/v1/nouveau']);
    const operation = document.paths['/api/v1/nouveau']!.get!;
    assert.equal(operation.summary, undefined);
    assert.equal(operation.tags, undefined);
  });

  test('a route may describe its own responses; a 204 has no content', async () => {
    const document = await documentOf((app) => {
      app.delete('/api/v1/choses/:id', {
        schema: {
          summary: 'Supprimer',
          tags: ['choses'],
          params: z.object({ id: z.uuid() }),
          response: { 204: z.null(), 404: z.object({ error: z.string() }).describe('Aucune chose') },
        },
        handler: async (_request, reply) => reply.code(204).send(null),
      });
    });
    const operation = document.paths['/api/v1/choses/{id}']!.delete!;
    assert.deepEqual(operation.responses['204'], { description: 'Réussite, sans contenu' });
    assert.equal(operation.responses['404']?.description, 'Aucune chose');
    assert.ok(operation.responses['400'] && operation.responses['401'], 'validation and authentication errors added');
    const reference = readApiReference(document);
    assert.deepEqual(reference.tags[0]?.operations[0]?.parameters, [{ name: 'id', in: 'path', required: true, type: 'identifiant UUID', description: '' }]);
  });

  test('readable types', () => {
    assert.equal(typeLabel({ type: 'array', items: { type: 'string' } }), 'liste de texte');
    assert.equal(typeLabel({ type: 'string', nullable: true }), 'texte ou null');
    assert.equal(typeLabel({ type: ['integer', 'null'] }), 'entier ou null');
    assert.equal(typeLabel({ anyOf: [{ type: 'string', format: 'date' }, { type: 'null' }] }), 'date AAAA-MM-JJ ou null');
    assert.equal(typeLabel({ type: 'string', enum: ['draft', 'public'] }), 'une valeur parmi : draft, public');
    assert.equal(typeLabel({}), 'toute valeur');
  });
});
