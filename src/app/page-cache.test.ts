// The page cache as a visitor, a signed-in person and an operator meet it: a public page rendered
// once then served from memory (ETag, 304, compressed forms), emptied when results are recorded in
// this process or, on PostgreSQL, by another process (`npx arobase import-palmares`); a signed-in
// request never served from it nor stored in it; an error answer never kept.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { systemCaller } from '../modules/accounts/permissions.rules.ts';
import { recordResults } from '../modules/label/record-results.service.ts';
import { createActiveUser, logIn } from '../../test/support/accounts.ts';
import { arobaseEnv } from '../../test/support/child-env.ts';
import { TestBrowser } from '../../test/support/http-client.ts';
import { LAUREATES, seedLabelHistory } from '../../test/support/results-fixture.ts';
import { everyDriver } from '../../test/support/test-database.ts';
import { useTestServer } from '../../test/support/test-server.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const files = mkdtempSync(join(tmpdir(), 'arobase-page-cache-'));
after(() => rmSync(files, { recursive: true, force: true }));

/** `npx arobase import-palmares FILE --apply` in a process of its own, on the given PostgreSQL database. */
function importInAnotherProcess(databaseUrl: string, csv: string): Promise<{ code: number | null; output: string }> {
  const file = join(files, `palmares-${Date.now()}.csv`);
  writeFileSync(file, csv);
  const env = arobaseEnv({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin/arobase.js'), 'import-palmares', file, '--apply'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

for (const driver of everyDriver) {
  describe(`the page cache (${driver})`, () => {
    const server = useTestServer(driver);
    const MEMBER = 'agente-cache@trelaze.test';
    let visitor: TestBrowser;
    let member: TestBrowser;

    before(async () => {
      await seedLabelHistory(server.db);
      await createActiveUser(server.db, { email: MEMBER, role: 'member', territoryCode: LAUREATES.trelaze, territoryRole: 'contributor' });
      visitor = new TestBrowser(server.app);
      member = new TestBrowser(server.app);
      await logIn(member, MEMBER);
    });

    test('an anonymous page is rendered once, then served from memory with the same bytes, its ETag, a 304 and its compressed form', async () => {
      const path = `/territoires/${LAUREATES.trelaze}`;
      const first = await visitor.get(path);
      assert.equal(first.status, 200);
      assert.equal(first.headers['x-cache'], 'miss');
      const second = await visitor.get(path);
      assert.equal(second.headers['x-cache'], 'hit');
      assert.equal(second.body, first.body);
      assert.equal(second.headers.etag, first.headers.etag);
      assert.match(String(second.headers['cache-control']), /^public, max-age=\d+/);
      assert.match(String(second.headers['content-type']), /^text\/html/);
      assert.ok(String(second.headers['content-security-policy']).includes("default-src 'self'"), 'the security headers are sent on a hit too');

      const revalidated = await visitor.get(path, { 'if-none-match': String(first.headers.etag) });
      assert.equal(revalidated.status, 304);
      assert.equal(revalidated.body, '');

      const compressed = await server.app.inject({ method: 'GET', url: path, headers: { 'accept-encoding': 'gzip, deflate, br' } });
      assert.equal(compressed.headers['x-cache'], 'hit');
      assert.equal(compressed.headers['content-encoding'], 'br');
      assert.equal(brotliDecompressSync(compressed.rawPayload).toString(), first.body);
    });

    test('concurrent misses of one page render it once, the others wait and are served its bytes', async () => {
      const path = `/territoires/${LAUREATES.issy}`;
      const answers = await Promise.all(Array.from({ length: 8 }, () => server.app.inject({ method: 'GET', url: path })));
      assert.deepEqual(answers.map((a) => a.headers['x-cache']).sort(), ['hit', 'hit', 'hit', 'hit', 'hit', 'hit', 'hit', 'miss']);
      assert.equal(new Set(answers.map((a) => a.body)).size, 1);
    });

    test('results recorded in this process empty it: the next answer shows them', async () => {
      const path = `/territoires/${LAUREATES.leTrait}`;
      await visitor.get(path);
      assert.equal((await visitor.get(path)).headers['x-cache'], 'hit');
      assert.doesNotMatch((await visitor.get(path)).body, /2017/);
      await server.db.transaction((tx) =>
        recordResults(tx, systemCaller('page cache test'), [{ year: 2017, territoryCode: LAUREATES.leTrait, level: 2, distinctions: [] }], null),
      );
      const after = await visitor.get(path);
      assert.equal(after.headers['x-cache'], 'miss');
      assert.match(after.body, /2017/);
    });

    test('a change rolled back shows nothing of it', async () => {
      const path = `/territoires/${LAUREATES.angers}`;
      await visitor.get(path);
      await assert.rejects(
        server.db.transaction(async (tx) => {
          await recordResults(tx, systemCaller('page cache test'), [{ year: 2017, territoryCode: LAUREATES.angers, level: 1, distinctions: [] }], null);
          throw new Error('rolled back');
        }),
        /rolled back/,
      );
      const page = await visitor.get(path);
      assert.doesNotMatch(page.body, /2017/);
      // Stored again, and kept: the notification of a rolled-back transaction is never delivered.
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal((await visitor.get(path)).headers['x-cache'], 'hit');
    });

    test('a signed-in request is never served from it, nor stored in it', async () => {
      const path = `/territoires/${LAUREATES.trelaze}`;
      assert.equal((await visitor.get(path)).headers['x-cache'] !== undefined, true);
      const signedIn = await member.get(path);
      assert.equal(signedIn.status, 200);
      assert.equal(signedIn.headers['x-cache'], undefined, 'not looked up for a signed-in person');
      assert.match(signedIn.body, /Se déconnecter/);
      assert.match(String(signedIn.headers['cache-control']), /private, no-store/);
      const anonymous = await visitor.get(path);
      assert.equal(anonymous.headers['x-cache'], 'hit');
      assert.doesNotMatch(anonymous.body, /Se déconnecter/, 'the signed-in page never reaches a visitor');
      // A stale or forged session cookie is not signed in, but not served from the cache either.
      const forged = await server.app.inject({ method: 'GET', url: path, headers: { cookie: 'arobase_session=forged' } });
      assert.equal(forged.statusCode, 200);
      assert.equal(forged.headers['x-cache'], undefined);
    });

    test('an error answer and a private page are never kept', async () => {
      for (let i = 0; i < 2; i++) {
        const missing = await visitor.get('/territoires/00000');
        assert.equal(missing.status, 404);
        assert.notEqual(missing.headers['x-cache'], 'hit');
        const login = await visitor.get('/connexion');
        assert.equal(login.status, 200);
        assert.equal(login.headers['x-cache'], undefined, 'a page with a form token is private: not looked up');
      }
      assert.ok((server.app.pageCache?.stats().entries ?? 0) > 0);
    });

    test('over HTTP, a hit is answered by the server before Fastify, with the bytes and headers Fastify’s own hit sends', async () => {
      await server.app.listen({ port: 0, host: '127.0.0.1' });
      const address = server.app.server.address();
      const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
      const path = `/territoires/${LAUREATES.saintSulpice}`;
      await fetch(`${base}${path}`);
      const before = server.app.pageCache!.stats().fastHits;
      const fast = await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'identity' } });
      assert.equal(server.app.pageCache!.stats().fastHits, before + 1, 'answered by the fast path');
      const viaFastify = await server.app.inject({ method: 'GET', url: path });
      assert.equal(viaFastify.headers['x-cache'], 'hit');
      assert.equal(await fast.text(), viaFastify.body);
      for (const name of [
        'content-type',
        'etag',
        'cache-control',
        'content-security-policy',
        'x-content-type-options',
        'referrer-policy',
        'cross-origin-resource-policy',
      ]) {
        assert.equal(fast.headers.get(name), String(viaFastify.headers[name]), name);
      }
      assert.equal(fast.headers.get('vary'), 'Accept-Encoding, Cookie, Authorization');
      // The public API read from another site: its CORS header is sent on a fast hit too.
      const api = `/api/v1/territories/${LAUREATES.saintSulpice}`;
      await fetch(`${base}${api}`);
      const apiHit = await fetch(`${base}${api}`);
      assert.equal(apiHit.headers.get('x-cache'), 'hit');
      assert.equal(apiHit.headers.get('access-control-allow-origin'), '*');
      // A HEAD has the headers and no body; a matching ETag gets a 304.
      const head = await fetch(`${base}${path}`, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(await head.text(), '');
      const revalidated = await fetch(`${base}${path}`, { headers: { 'if-none-match': String(fast.headers.get('etag')) } });
      assert.equal(revalidated.status, 304);
      // A session cookie, even a forged one, goes to Fastify.
      const withCookie = await fetch(`${base}${path}`, { headers: { cookie: 'arobase_session=forged' } });
      assert.equal(withCookie.headers.get('x-cache'), null);
    });

    if (driver === 'postgres') {
      test('a change committed by another process empties this one’s cache (LISTEN/NOTIFY)', async () => {
        const path = `/territoires/${LAUREATES.trilport}`;
        await visitor.get(path);
        assert.equal((await visitor.get(path)).headers['x-cache'], 'hit');
        assert.doesNotMatch((await visitor.get(path)).body, /2017/);
        const url = server.database.pool?.options.connectionString;
        assert.ok(url);
        const run = await importInAnotherProcess(url, 'Année;Collectivité;Département;Niveau;Distinctions\n2017;Trilport;77;3;\n');
        assert.equal(run.code, 0, run.output);
        // The notification travels through the server: wait for it, a second at most.
        let page = await visitor.get(path);
        for (let i = 0; i < 20 && page.headers['x-cache'] === 'hit'; i++) {
          await new Promise((resolve) => setTimeout(resolve, 50));
          page = await visitor.get(path);
        }
        assert.equal(page.headers['x-cache'], 'miss');
        assert.match(page.body, /2017/);
      });
    }
  });
}
