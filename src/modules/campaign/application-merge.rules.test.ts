import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ApplicationContent } from './application.schema.ts';
import { mergeApplication } from './application-merge.rules.ts';

const base: ApplicationContent = {
  initiativeIds: ['a', 'b'],
  answers: { budget: 12000, site: 'yes' },
  interview: { answers: { 'action-phare': 'Le portail famille' }, consent: false },
  contacts: { elected: { name: 'Marc Goua' } },
};

describe('merging two saves of one dossier', () => {
  test('without a save in between, my change is taken as it is', () => {
    const out = mergeApplication(base, base, { answers: { budget: 15000, site: 'yes' } });
    assert.deepEqual(out.conflicts, []);
    assert.equal(out.content.answers.budget, 15000);
    assert.deepEqual(out.content.initiativeIds, ['a', 'b']);
  });

  test('two people answering different questions: both answers are kept', () => {
    const theirs = { ...base, answers: { ...base.answers, site: 'no' } };
    const out = mergeApplication(base, theirs, { answers: { ...base.answers, budget: 15000 } });
    assert.deepEqual(out.conflicts, []);
    assert.deepEqual(out.content.answers, { budget: 15000, site: 'no' });
  });

  test('the same answer changed differently by both is a conflict naming the question; theirs is kept', () => {
    const theirs = { ...base, answers: { ...base.answers, budget: 9000 } };
    const out = mergeApplication(base, theirs, { answers: { ...base.answers, budget: 15000 } });
    assert.deepEqual(out.conflicts, ['answers.budget']);
    assert.equal(out.content.answers.budget, 9000);
  });

  test('the same change made by both is no conflict', () => {
    const theirs = { ...base, initiativeIds: ['a', 'b', 'c'] };
    assert.deepEqual(mergeApplication(base, theirs, { initiativeIds: ['a', 'b', 'c'] }).conflicts, []);
  });

  test('an answer cleared by me and untouched by them is removed', () => {
    const out = mergeApplication(base, base, { answers: { budget: 12000 } });
    assert.deepEqual(out.content.answers, { budget: 12000 });
  });

  test('the selection, the consent and each contact are parts of their own', () => {
    const theirs: ApplicationContent = { ...base, contacts: { ...base.contacts, agent: { name: 'Julie Martin' } }, initiativeIds: ['a'] };
    const out = mergeApplication(base, theirs, {
      interview: { ...base.interview, consent: true },
      contacts: { elected: { name: 'Marc Goua', email: 'mg@trelaze.fr' } },
    });
    assert.deepEqual(out.conflicts, []);
    assert.equal(out.content.interview.consent, true);
    assert.deepEqual(out.content.contacts, { elected: { name: 'Marc Goua', email: 'mg@trelaze.fr' }, agent: { name: 'Julie Martin' } });
    assert.deepEqual(out.content.initiativeIds, ['a']);
    const both = mergeApplication(base, theirs, { initiativeIds: ['a', 'b', 'd'] });
    assert.deepEqual(both.conflicts, ['initiativeIds']);
  });
});
