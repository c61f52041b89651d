import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  APPLICATION_EVENTS,
  APPLICATION_STATES,
  applicationLifecycleDiagram,
  isApplicationState,
  nextApplicationState,
  reopenRefusal,
  submissionRefusal,
} from './application-lifecycle.rules.ts';

describe('application lifecycle', () => {
  test('a draft is submitted, a submitted dossier is reopened into a draft, nothing else', () => {
    assert.equal(nextApplicationState('draft', 'submit'), 'submitted');
    assert.equal(nextApplicationState('submitted', 'reopen'), 'draft');
    assert.equal(nextApplicationState('draft', 'reopen'), null);
    assert.equal(nextApplicationState('submitted', 'submit'), null);
  });

  test('isApplicationState knows the states only', () => {
    for (const state of APPLICATION_STATES) assert.ok(isApplicationState(state));
    assert.ok(!isApplicationState('open'));
    assert.ok(!isApplicationState(undefined));
  });

  test('the diagram draws every transition with its trigger', () => {
    const diagram = applicationLifecycleDiagram();
    assert.match(diagram, /^stateDiagram-v2/);
    assert.match(diagram, /draft --> submitted: submit \(référent/);
    assert.match(diagram, /submitted --> draft: reopen \(administrateur, avec une raison\)/);
    for (const event of APPLICATION_EVENTS) assert.ok(diagram.includes(`: ${event} (`), event);
  });
});

describe('submission', () => {
  const closesAt = new Date('2026-11-15T22:59:00Z');
  const base = { applicationState: 'draft', editionState: 'open', closesAt, now: new Date('2026-11-01T10:00:00Z'), isReferent: true } as const;
  const code = (changes: Partial<Parameters<typeof submissionRefusal>[0]>) => submissionRefusal({ ...base, ...changes })?.code ?? null;

  test('a referent submits a draft while the edition is open, before the closing time', () => {
    assert.equal(submissionRefusal(base), null);
    assert.equal(code({ now: new Date(closesAt.getTime() - 1) }), null);
  });

  test('refused: not a referent, already submitted, edition not open, closing time passed', () => {
    assert.equal(code({ isReferent: false }), 'not_referent');
    assert.equal(code({ applicationState: 'submitted' }), 'already_submitted');
    assert.equal(code({ editionState: 'draft' }), 'edition_not_open');
    assert.match(submissionRefusal({ ...base, editionState: 'draft' })?.message ?? '', /pas encore ouvertes/);
    for (const state of ['closed', 'under_review', 'deliberated', 'published'] as const) assert.equal(code({ editionState: state }), 'edition_not_open');
    assert.match(submissionRefusal({ ...base, editionState: 'closed' })?.message ?? '', /closes/);
  });

  test('the clock closes at closesAt exactly, even if the edition is still open', () => {
    assert.equal(code({ now: closesAt }), 'closed_by_clock');
    const refusal = submissionRefusal({ ...base, now: new Date(closesAt.getTime() + 60_000) });
    assert.equal(refusal?.code, 'closed_by_clock');
    assert.match(refusal?.message ?? '', /ont fermé le 15 novembre 2026 à 23:59/);
  });

  test('the order: a non-referent learns nothing else; an already submitted dossier says so after closing', () => {
    assert.equal(code({ isReferent: false, applicationState: 'submitted', editionState: 'closed' }), 'not_referent');
    assert.equal(code({ applicationState: 'submitted', editionState: 'closed', now: new Date('2027-01-01') }), 'already_submitted');
  });

  test('reopening needs a submitted dossier and a reason', () => {
    assert.equal(reopenRefusal({ applicationState: 'submitted', reason: 'Pièce manquante' }), null);
    assert.equal(reopenRefusal({ applicationState: 'submitted', reason: '  ' })?.code, 'reason_required');
    assert.equal(reopenRefusal({ applicationState: 'submitted', reason: null })?.code, 'reason_required');
    assert.equal(reopenRefusal({ applicationState: 'draft', reason: 'x' })?.code, 'not_submitted');
  });
});
