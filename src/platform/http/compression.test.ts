import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import { useTestServer } from '../../../test/support/test-server.ts';

// Many of our users are on slow connections: what they download travels compressed.
describe('compression', () => {
  const server = useTestServer('pglite');

  for (const url of ['/referentiel', '/static/css/arobase.css', '/api/v1/referential']) {
    test(`${url} is sent compressed to a browser that accepts it, and intact`, async () => {
      const compressed = await server.app.inject({ url, headers: { 'accept-encoding': 'br, gzip' } });
      const plain = await server.app.inject({ url });
      assert.equal(compressed.statusCode, 200);
      assert.equal(compressed.headers['content-encoding'], 'br');
      assert.ok(compressed.rawPayload.length < plain.rawPayload.length / 2, `${compressed.rawPayload.length} vs ${plain.rawPayload.length}`);
      assert.equal(brotliDecompressSync(compressed.rawPayload).toString(), plain.body);
    });
  }
});
