import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SERVICES } from './catalogue.data.ts';
import { SEED_ACTIONS, type SeedId } from './seed-actions.fixture.ts';

describe('seed actions fit the referential', () => {
  const serviceIds = new Set<string>(SERVICES.map((s) => s.id));

  test('every seed article has its actions listed', () => {
    const seeds: SeedId[] = ['000', '001', '002', '003', '004'];
    for (const seed of seeds) {
      const count = SEED_ACTIONS.filter((a) => a.seed === seed).length;
      assert.ok(count >= 5, `article ${seed} : ${count} actions`);
    }
    assert.ok(SEED_ACTIONS.length >= 60, `${SEED_ACTIONS.length} actions`);
  });

  test('every action is placed in at least one existing service', () => {
    for (const { seed, action, serviceIds: ids } of SEED_ACTIONS) {
      assert.ok(action.trim().length > 0, `article ${seed} : action sans libellé`);
      assert.ok(ids.length >= 1, `${seed} « ${action} » : aucun service`);
      for (const id of ids) assert.ok(serviceIds.has(id), `${seed} « ${action} » : service inconnu ${id}`);
      assert.equal(new Set(ids).size, ids.length, `${seed} « ${action} » : service en double`);
    }
  });
});
