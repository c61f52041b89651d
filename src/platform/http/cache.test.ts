import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cacheHeadersOf, isCachePolicy, memoisedClockChange } from './cache.ts';

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

  test('before an embargo lifts, shared caches keep public answers no longer than until its instant, with no stale copy', () => {
    assert.equal(cacheHeadersOf('public', { ...anonymous, secondsToClockChange: 42.7 }).cacheControl, 'public, max-age=42');
    assert.equal(
      cacheHeadersOf({ public: 'embedded' }, { ...anonymous, secondsToClockChange: 600 }).cacheControl,
      'public, max-age=600',
      'the badge: no stale-while-revalidate past the instant',
    );
    assert.equal(cacheHeadersOf('public', { ...anonymous, secondsToClockChange: -3 }).cacheControl, 'public, max-age=0');
    assert.equal(cacheHeadersOf('public', { ...anonymous, secondsToClockChange: 86_400 }).cacheControl, 'public, max-age=300', 'far off: the usual duration');
    assert.equal(
      cacheHeadersOf('immutable', { ...anonymous, secondsToClockChange: 10 }).cacheControl,
      'public, max-age=31536000, immutable',
      'an immutable URL never changes',
    );
  });

  test('the next clock change is read at most every interval, and again at once when its instant has passed', async () => {
    let reads = 0;
    let next: Date | null = new Date(Date.now() + 60_000);
    const read = memoisedClockChange(async () => {
      reads += 1;
      return next;
    }, 10_000);
    assert.equal((await read())?.getTime(), next!.getTime());
    await read();
    assert.equal(reads, 1, 'memoised within the interval');
    next = new Date(Date.now() - 1);
    const passed = memoisedClockChange(async () => {
      reads += 1;
      return next;
    }, 10_000);
    await passed();
    await passed();
    assert.equal(reads, 3, 'an instant already passed is read again');
  });
});
