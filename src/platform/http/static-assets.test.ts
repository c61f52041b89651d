import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { drivers } from '../../../test/support/test-database.ts';
import { useTestServer } from '../../../test/support/test-server.ts';
import { fingerprintsOf, IMMUTABLE_SECONDS } from './static-assets.ts';

describe('fingerprints of the static files', () => {
  test('one per file, by its URL, that changes with its bytes and only with them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arobase-static-'));
    try {
      mkdirSync(join(dir, 'css'));
      writeFileSync(join(dir, 'css', 'a.css'), 'body { color: black }');
      writeFileSync(join(dir, 'b.js'), 'void 0;');
      const first = fingerprintsOf(dir);
      assert.deepEqual([...first.keys()].sort(), ['/static/b.js', '/static/css/a.css']);
      assert.match(first.get('/static/b.js') ?? '', /^[0-9a-f]{12}$/);
      writeFileSync(join(dir, 'css', 'a.css'), 'body { color: navy }');
      const second = fingerprintsOf(dir);
      assert.notEqual(second.get('/static/css/a.css'), first.get('/static/css/a.css'));
      assert.equal(second.get('/static/b.js'), first.get('/static/b.js'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

for (const driver of drivers) {
  describe(`static files linked by their fingerprint (${driver})`, () => {
    const server = useTestServer(driver);

    test('a page links its stylesheet, icon and scripts with ?v=…; that URL is kept a year, immutable; another one an hour', async () => {
      const page = await server.app.inject({ url: '/initiatives' });
      const links = [...page.body.matchAll(/(?:href|src)="(\/static\/[^"]+)"/g)].map((match) => match[1]!);
      assert.ok(
        links.some((link) => link.startsWith('/static/css/arobase.css?v=')),
        'the stylesheet',
      );
      assert.ok(
        links.some((link) => link.startsWith('/static/js/live-search.js?v=')),
        'the search page’s script',
      );
      assert.ok(
        links.every((link) => /\?v=[0-9a-f]{12}$/.test(link)),
        `every static link fingerprinted: ${links.join(', ')}`,
      );
      for (const link of links) {
        const answer = await server.app.inject({ url: link });
        assert.equal(answer.statusCode, 200, link);
        assert.equal(answer.headers['cache-control'], `public, max-age=${IMMUTABLE_SECONDS}, immutable`, link);
      }
      for (const url of ['/static/css/arobase.css', '/static/css/arobase.css?v=000000000000']) {
        const answer = await server.app.inject({ url });
        assert.equal(answer.statusCode, 200, url);
        assert.equal(answer.headers['cache-control'], 'public, max-age=3600', `${url}: not the current fingerprint`);
      }
    });
  });
}
