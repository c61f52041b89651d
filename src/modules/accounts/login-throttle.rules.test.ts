import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clientKey, loginThrottle, type ThrottleCounts } from './login-throttle.rules.ts';

const t0 = new Date('2026-11-02T10:00:00Z');
const later = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

describe('loginThrottle.lockSeconds', () => {
  test('the first five failures cost nothing', () => {
    for (let failures = 0; failures < 5; failures++) assert.equal(loginThrottle.lockSeconds(failures), 0, `${failures} failures`);
  });

  test('from the fifth failure the lock starts at one minute and doubles', () => {
    assert.equal(loginThrottle.lockSeconds(5), 60);
    assert.equal(loginThrottle.lockSeconds(6), 120);
    assert.equal(loginThrottle.lockSeconds(7), 240);
    assert.equal(loginThrottle.lockSeconds(8), 480);
  });

  test('the lock is capped at fifteen minutes', () => {
    assert.equal(loginThrottle.lockSeconds(9), 900);
    assert.equal(loginThrottle.lockSeconds(10), 900);
    assert.equal(loginThrottle.lockSeconds(1_000), 900);
  });
});

describe('loginThrottle.waitSeconds', () => {
  test('no wait below the free attempts, whenever the last failure was', () => {
    assert.equal(loginThrottle.waitSeconds(4, t0, t0), 0);
    assert.equal(loginThrottle.waitSeconds(0, null, t0), 0);
  });

  test('right after the fifth failure, the whole minute is left', () => {
    assert.equal(loginThrottle.waitSeconds(5, t0, t0), 60);
  });

  test('the wait shrinks with time and ends when the lock has passed', () => {
    assert.equal(loginThrottle.waitSeconds(5, t0, later(30)), 30);
    assert.equal(loginThrottle.waitSeconds(5, t0, later(59.2)), 1, 'rounded up: never says 0 while still locked');
    assert.equal(loginThrottle.waitSeconds(5, t0, later(60)), 0);
    assert.equal(loginThrottle.waitSeconds(5, t0, later(3_600)), 0);
    assert.equal(loginThrottle.waitSeconds(6, t0, later(60)), 60);
  });

  test('without the time of the last failure there is nothing to wait for', () => {
    assert.equal(loginThrottle.waitSeconds(7, null, t0), 0);
  });

  test('failures are remembered at least as long as the longest lock', () => {
    assert.ok(loginThrottle.windowSeconds >= loginThrottle.maxLockSeconds);
  });
});

describe('loginThrottle.decide: by address and client, without locking the owner out', () => {
  const none = { failures: 0, lastAt: null };
  const counts = (over: Partial<ThrottleCounts>): ThrottleCounts => ({ pair: none, account: none, client: none, trustedDevice: false, ...over });

  test('nothing recorded: the attempt goes ahead', () => {
    assert.deepEqual(loginThrottle.decide(counts({}), t0), { allowed: true });
  });

  test('five failures from one client for one address slow that client down, for that address only', () => {
    const decision = loginThrottle.decide(counts({ pair: { failures: 5, lastAt: t0 }, account: { failures: 5, lastAt: t0 } }), later(10));
    assert.deepEqual(decision, { allowed: false, scope: 'client', waitSeconds: 50 });
    // The owner, from another computer: the same five failures of the address, none of their own.
    assert.deepEqual(loginThrottle.decide(counts({ account: { failures: 5, lastAt: t0 } }), later(10)), { allowed: true });
  });

  test('a client guessing many addresses is slowed down whatever the address', () => {
    const free = loginThrottle.clientFreeAttempts;
    assert.deepEqual(loginThrottle.decide(counts({ client: { failures: free - 1, lastAt: t0 } }), t0), { allowed: true });
    const decision = loginThrottle.decide(counts({ client: { failures: free, lastAt: t0 } }), t0);
    assert.equal(decision.allowed, false);
    assert.equal(decision.allowed === false && decision.scope, 'client');
  });

  test('an address under attack from many clients takes only its known devices, until it calms down', () => {
    const attacked = { failures: loginThrottle.accountLockFailures, lastAt: t0 };
    const stranger = loginThrottle.decide(counts({ account: attacked }), later(60));
    assert.deepEqual(stranger, { allowed: false, scope: 'account', waitSeconds: loginThrottle.maxLockSeconds - 60 });
    // The owner’s browser, where they signed in before, is let through.
    assert.deepEqual(loginThrottle.decide(counts({ account: attacked, trustedDevice: true }), later(60)), { allowed: true });
    // A known device that itself fails again and again is slowed down like any client.
    const guessing = loginThrottle.decide(counts({ account: attacked, trustedDevice: true, pair: { failures: 5, lastAt: t0 } }), t0);
    assert.equal(guessing.allowed, false);
    // Below the threshold, a stranger is not affected by other clients' failures.
    assert.deepEqual(loginThrottle.decide(counts({ account: { failures: loginThrottle.accountLockFailures - 1, lastAt: t0 } }), t0), { allowed: true });
    assert.deepEqual(loginThrottle.decide(counts({ account: attacked }), later(loginThrottle.maxLockSeconds)), { allowed: true });
  });

  test('the longest wait wins when several limits apply', () => {
    const decision = loginThrottle.decide(
      counts({ pair: { failures: 5, lastAt: t0 }, account: { failures: loginThrottle.accountLockFailures, lastAt: t0 } }),
      t0,
    );
    assert.deepEqual(decision, { allowed: false, scope: 'account', waitSeconds: loginThrottle.maxLockSeconds });
  });
});

describe('clientKey: which client a failure is counted for', () => {
  test('an IPv4 address as it is, an IPv4-mapped IPv6 address as IPv4', () => {
    assert.equal(clientKey('203.0.113.7'), '203.0.113.7');
    assert.equal(clientKey('::ffff:203.0.113.7'), '203.0.113.7');
  });

  test('an IPv6 address by its /64 network: one machine holds a whole /64', () => {
    assert.equal(clientKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
    assert.equal(clientKey('2001:0db8:0001:0002:ffff:ffff:ffff:ffff'), '2001:db8:1:2::/64');
  });

  test('no address, or something unreadable, is one client of its own', () => {
    assert.equal(clientKey(undefined), 'inconnue');
    assert.equal(clientKey('pas une adresse'), 'inconnue');
  });
});
