import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatNumber, formatOneDecimal } from './format.ts';

test('numbers the French way: a comma for decimals, a narrow no-break space between thousands; one decimal when asked', () => {
  assert.equal(formatNumber(1234567), '1\u202f234\u202f567');
  assert.equal(formatNumber(2.5), '2,5');
  assert.equal(formatOneDecimal(45.26), '45,3');
  assert.equal(formatOneDecimal(3), '3,0');
  assert.equal(formatOneDecimal(1204), '1\u202f204,0');
});
