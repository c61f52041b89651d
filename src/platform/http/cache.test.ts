import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cacheHeadersOf, isCachePolicy } from './cache.ts';

describe('cache policies: one header per declared policy', () => {
  const anonymous = { statusCode: 200, signedIn: false, setsCookie: false };
  test('public answers are shared with anonymous visitors only, for the declared duration', () => {
    assert.deepEqual(cacheHeadersOf('public', anonymous), { cacheControl: 'public, max-age=300', vary: true });
    assert.deepEqual(cacheHeadersOf({ public: 'embedded' }, anonymous), { cacheControl: 'public, max-age=3600, stale-while-revalidate=86400', vary: true });
    assert.deepEqual(cacheHeadersOf('immutable', anonymous), { cacheControl: 'public, max-age=31536000, immutable', vary: true });
    assert.deepEqual(cacheHeadersOf('public', { ...anonymous, signedIn: true }), { cacheControl: 'private, no-store', vary: true });
  });

  test('private, undeclared, errors and answers setting a cookie are never stored', () => {
    assert.equal(cacheHeadersOf('private', anonymous).cacheControl, 'private, no-store');
    assert.equal(cacheHeadersOf(undefined, anonymous).cacheControl, 'private, no-store');
    assert.equal(cacheHeadersOf('immutable', { ...anonymous, statusCode: 404 }).cacheControl, 'private, no-store');
    assert.equal(cacheHeadersOf({ public: 'day' }, { ...anonymous, statusCode: 500 }).cacheControl, 'private, no-store');
    assert.equal(cacheHeadersOf('public', { ...anonymous, setsCookie: true }).cacheControl, 'private, no-store');
  });

  test('only the platform durations can be declared', () => {
    assert.ok(isCachePolicy('public') && isCachePolicy({ public: 'short' }));
    assert.ok(!isCachePolicy({ public: 'forever' }) && !isCachePolicy('shared') && !isCachePolicy(undefined) && !isCachePolicy({ public: 'day', maxAge: 1 }));
  });
});
