import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  EDITION_EVENTS,
  EDITION_LIFECYCLE,
  EDITION_STATES,
  editionEventBetween,
  editionLifecycleDiagram,
  isEditionState,
  isPublicEditionState,
  nextEditionState,
} from './edition-lifecycle.rules.ts';

describe('edition lifecycle', () => {
  test('the campaign moves forward one step at a time, from draft to published', () => {
    const path = ['open', 'close', 'startReview', 'deliberate', 'publish'] as const;
    let state: (typeof EDITION_STATES)[number] = 'draft';
    for (const event of path) {
      const next = nextEditionState(state, event);
      assert.ok(next, `${event} from ${state}`);
      state = next;
    }
    assert.equal(state, 'published');
  });

  test('no step is skipped and nothing leaves published', () => {
    assert.equal(nextEditionState('draft', 'publish'), null);
    assert.equal(nextEditionState('open', 'deliberate'), null);
    assert.equal(nextEditionState('under_review', 'publish'), null);
    for (const event of EDITION_EVENTS) assert.equal(nextEditionState('published', event), null);
  });

  test('a closed edition can reopen, a deliberation can be revised before publication', () => {
    assert.equal(nextEditionState('closed', 'reopen'), 'open');
    assert.equal(nextEditionState('deliberated', 'reviseDeliberation'), 'under_review');
    assert.equal(editionEventBetween('closed', 'open'), 'reopen');
    assert.equal(editionEventBetween('open', 'published'), null);
  });

  test('every transition leads to a known state; only published is public', () => {
    for (const state of EDITION_STATES) for (const target of Object.values(EDITION_LIFECYCLE[state])) assert.ok(isEditionState(target));
    assert.deepEqual(EDITION_STATES.filter(isPublicEditionState), ['published']);
    assert.equal(isEditionState('archived'), false);
  });

  test('docs/diagrams/edition-lifecycle.md is generated from these rules', () => {
    const doc = readFileSync(new URL('../../../docs/diagrams/edition-lifecycle.md', import.meta.url), 'utf8');
    assert.ok(doc.includes(editionLifecycleDiagram()), 'docs/diagrams/edition-lifecycle.md is out of date: run npm run docs:diagrams');
  });
});
