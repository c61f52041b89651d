import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { etagOf, hitAnswer, PageCache, preparePage } from './page-cache.ts';

const page = (text: string, expiresAt = Date.now() + 60_000) =>
  preparePage(Buffer.from(text), { 'content-type': 'text/html; charset=utf-8' }, { expiresAt, policy: 'public', clockChangeAt: null }, true);

describe('the page cache', () => {
  test('a page keeps its bytes, their brotli and gzip forms and a strong ETag of the bytes', async () => {
    const text = `<p>${'Trélazé '.repeat(400)}</p>`;
    const kept = await page(text);
    assert.equal(brotliDecompressSync(kept.variants.br!).toString(), text);
    assert.equal(gunzipSync(kept.variants.gzip!).toString(), text);
    assert.equal(kept.etag, etagOf(Buffer.from(text)));
    assert.notEqual(kept.etag, etagOf(Buffer.from(`${text} `)));
    // A small body travels as it is.
    assert.deepEqual((await page('<p>court</p>')).variants, {});
  });

  test('bounded in bytes: the least recently served page leaves first', async () => {
    const one = await page('a'.repeat(3000));
    const cache = new PageCache(3 * (one.body.length + (one.variants.br?.length ?? 0) + (one.variants.gzip?.length ?? 0) + 200) + 10);
    for (const key of ['/1', '/2', '/3']) assert.equal(cache.put(key, await page('a'.repeat(3000)), cache.generation), true);
    assert.ok(cache.get('/1'), 'served: now the most recent');
    cache.put('/4', await page('a'.repeat(3000)), cache.generation);
    assert.equal(cache.get('/2'), undefined, 'the least recently served left');
    assert.ok(cache.get('/1') && cache.get('/3') && cache.get('/4'));
    assert.ok(cache.stats().bytes <= cache.maxBytes);
    // A page larger than the whole cache is not kept.
    assert.equal(cache.put('/big', await page('b'.repeat(100_000)), cache.generation), false);
  });

  test('a page past its expiry is not served', async () => {
    const cache = new PageCache(1_000_000);
    cache.put('/embargo', await page('avant', Date.now() + 50), cache.generation);
    assert.ok(cache.get('/embargo'));
    assert.equal(cache.get('/embargo', Date.now() + 51), undefined);
  });

  test('a render started before an invalidation is not stored after it', async () => {
    const cache = new PageCache(1_000_000);
    cache.put('/palmares', await page('ancien'), cache.generation);
    const startedIn = cache.generation;
    cache.invalidate();
    assert.equal(cache.get('/palmares'), undefined, 'emptied');
    assert.equal(cache.put('/palmares', await page('rendu avant la publication'), startedIn), false);
    assert.equal(cache.get('/palmares'), undefined);
    assert.equal(cache.put('/palmares', await page('nouveau'), cache.generation), true);
  });

  test('concurrent misses of one key wait for the first render', async () => {
    const cache = new PageCache(1_000_000);
    assert.equal(cache.inFlight('/'), undefined);
    const release = cache.begin('/');
    const waiting = cache.inFlight('/');
    assert.ok(waiting);
    let woken = false;
    void waiting.then(() => (woken = true));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(woken, false);
    cache.put('/', await page('accueil'), cache.generation);
    release();
    await waiting;
    assert.equal(woken, true);
    assert.equal(cache.inFlight('/'), undefined);
    assert.equal(cache.get('/')?.body.toString(), 'accueil');
  });

  test('a hit answers 304 to its ETag, else its best stored encoding, with Cache-Control bounded by the clock change', async () => {
    const text = `<p>${'palmarès '.repeat(300)}</p>`;
    const now = Date.now();
    const kept = await preparePage(
      Buffer.from(text),
      { 'content-type': 'text/html' },
      { expiresAt: now + 40_000, policy: 'public', clockChangeAt: now + 40_000 },
      true,
    );
    assert.equal(hitAnswer(kept, { ifNoneMatch: kept.etag }, now).status, 304);
    const br = hitAnswer(kept, { acceptEncoding: 'gzip, deflate, br' }, now);
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(br.body!).toString(), text);
    assert.equal(hitAnswer(kept, { acceptEncoding: 'gzip' }, now).headers['content-encoding'], 'gzip');
    const identity = hitAnswer(kept, {}, now);
    assert.equal(identity.headers['content-encoding'], undefined);
    assert.equal(identity.body?.toString(), text);
    // The embargo lifts in 40 s: no cache keeps the page past it, and no stale copy is allowed.
    assert.equal(identity.headers['cache-control'], 'public, max-age=40');
    assert.equal(identity.headers.vary, 'Accept-Encoding, Cookie, Authorization');
    const later = await preparePage(Buffer.from(text), {}, { expiresAt: now + 300_000, policy: 'public', clockChangeAt: null }, true);
    assert.equal(hitAnswer(later, {}, now).headers['cache-control'], 'public, max-age=300');
  });
});
