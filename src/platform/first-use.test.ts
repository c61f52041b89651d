import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { onFirstUse } from './first-use.ts';

describe('onFirstUse: a library loaded once, on its first use', () => {
  it('loads nothing before the first call, then once for every later call', async () => {
    let loads = 0;
    const load = onFirstUse(async () => ({ n: ++loads }));
    assert.equal(loads, 0);
    const [a, b] = await Promise.all([load(), load()]);
    assert.equal(loads, 1);
    assert.equal(a, b);
    assert.equal(await load(), a);
  });

  it('tries again after a failed load', async () => {
    let attempts = 0;
    const load = onFirstUse(async () => {
      attempts += 1;
      if (attempts === 1) throw new Error('indisponible');
      return attempts;
    });
    await assert.rejects(load(), /indisponible/);
    assert.equal(await load(), 2);
    assert.equal(attempts, 2);
  });
});
