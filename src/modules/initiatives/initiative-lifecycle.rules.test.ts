import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { LIFECYCLE_EVENTS, LIFECYCLE_STATES, lifecycleDiagram, lifecycleStateOf, nextState } from './initiative-lifecycle.rules.ts';

describe('initiative lifecycle', () => {
  const expected: Record<string, string | null> = {
    'draft publish': 'public',
    'draft unpublish': null,
    'draft moderate': null,
    'draft delete': 'deleted',
    'draft restore': null,
    'public publish': null,
    'public unpublish': 'draft',
    'public moderate': 'draft',
    'public delete': 'deleted',
    'public restore': null,
    'deleted publish': null,
    'deleted unpublish': null,
    'deleted moderate': null,
    'deleted delete': null,
    'deleted restore': 'draft',
  };
  for (const state of LIFECYCLE_STATES) {
    for (const event of LIFECYCLE_EVENTS) {
      test(`${state} + ${event} → ${expected[`${state} ${event}`] ?? 'refused'}`, () => {
        assert.equal(nextState(state, event), expected[`${state} ${event}`]);
      });
    }
  }

  test('a deleted sheet is deleted whatever its visibility', () => {
    assert.equal(lifecycleStateOf({ visibility: 'public', deletedAt: new Date() }), 'deleted');
    assert.equal(lifecycleStateOf({ visibility: 'public', deletedAt: null }), 'public');
  });

  test('the committed diagram is generated from these rules (npm run docs:diagrams)', () => {
    const doc = readFileSync(new URL('../../../docs/diagrams/initiative-lifecycle.md', import.meta.url), 'utf8');
    assert.ok(doc.includes(lifecycleDiagram()), 'docs/diagrams/initiative-lifecycle.md is out of date: run npm run docs:diagrams');
  });
});
