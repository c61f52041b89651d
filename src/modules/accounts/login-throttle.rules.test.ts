import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loginThrottle } from './login-throttle.rules.ts';

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
