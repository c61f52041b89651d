import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { editionsServed } from './version-editions.rules.ts';

// Issue 12, finding 5: the referential page says which version serves which editions.
describe('editionsServed', () => {
  test('the only version serves its edition and the following ones', () => {
    assert.deepEqual(editionsServed('2027', ['2027']), { from: 2027, to: null });
  });
  test('a replaced version serves up to the edition before the next one', () => {
    assert.deepEqual(editionsServed('2025', ['2029', '2025', '2027']), { from: 2025, to: 2026 });
    assert.deepEqual(editionsServed('2027', ['2029', '2025', '2027']), { from: 2027, to: 2028 });
    assert.deepEqual(editionsServed('2029', ['2029', '2025', '2027']), { from: 2029, to: null });
  });
  test('a version not named by a year says nothing', () => {
    assert.equal(editionsServed('essai', ['essai', '2027']), null);
  });
});
