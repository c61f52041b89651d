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
  isPublicEdition,
  isUnderEmbargo,
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
    const now = new Date('2027-03-10T18:00:00Z');
    const unscheduled = EDITION_STATES.filter((state) => isPublicEdition({ state, publishedAt: null }, now));
    assert.deepEqual(unscheduled, ['published'], 'without a publication instant only a published edition is public');
    assert.equal(isEditionState('archived'), false);
  });

  test('the embargo: a deliberated edition is public from its publication instant on, to the millisecond, whatever the job did', () => {
    const at = new Date('2027-03-10T18:30:00Z');
    const before = new Date(at.getTime() - 1);
    const after = new Date(at.getTime() + 1000);
    const scheduled = { state: 'deliberated' as const, publishedAt: at };
    assert.equal(isPublicEdition(scheduled, before), false);
    assert.equal(isUnderEmbargo(scheduled, before), true);
    assert.equal(isPublicEdition(scheduled, at), true, 'public at the instant itself');
    assert.equal(isPublicEdition(scheduled, after), true);
    assert.equal(isUnderEmbargo(scheduled, at), false);
    assert.equal(isPublicEdition({ state: 'published', publishedAt: at }, before), true, 'once published, public whatever the clock says');
    for (const state of ['draft', 'open', 'closed', 'under_review'] as const) {
      assert.equal(isPublicEdition({ state, publishedAt: at }, after), false, `${state} is never public, even with an instant passed`);
      assert.equal(isUnderEmbargo({ state, publishedAt: at }, before), false);
    }
  });

  test('docs/diagrams/edition-lifecycle.md is generated from these rules', () => {
    const doc = readFileSync(new URL('../../../docs/diagrams/edition-lifecycle.md', import.meta.url), 'utf8');
    assert.ok(doc.includes(editionLifecycleDiagram()), 'docs/diagrams/edition-lifecycle.md is out of date: run npm run docs:diagrams');
  });
});
