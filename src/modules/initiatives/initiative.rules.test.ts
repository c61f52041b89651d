import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { changedFields, mergeThreeWay, missingThemes, type SheetContent } from './initiative.rules.ts';

const base: SheetContent = {
  title: 'Dématérialisation des demandes de congés',
  summary: 'Résumé',
  description: 'Description',
  status: 'in_progress',
  startDate: '2021-01-04',
  endDate: null,
  serviceIds: ['dematerialisation-rh', 'parapheur-electronique'],
  actorIds: [],
  audiences: ['agents'],
  indicators: [{ label: 'Demandes', value: 1200, unit: 'demandes', date: null }],
  responsibleDigital: false,
  links: [],
  contactName: null,
  contactEmail: null,
};

describe('changedFields', () => {
  test('nothing changed', () => assert.deepEqual(changedFields(base, { ...base }), []));
  test('the same services in another order are no change', () => {
    assert.deepEqual(changedFields(base, { ...base, serviceIds: ['parapheur-electronique', 'dematerialisation-rh'] }), []);
  });
  test('indicators are ordered: swapping two is a change', () => {
    const two = { ...base, indicators: [...base.indicators, { label: 'Agents', value: 300, unit: '', date: null }] };
    assert.deepEqual(changedFields(two, { ...two, indicators: [...two.indicators].reverse() }), ['indicators']);
  });
  test('links with their keys in another order (as jsonb returns them) are no change', () => {
    const withLink = { ...base, links: [{ label: 'Site', url: 'https://example.org' }] };
    assert.deepEqual(changedFields(withLink, { ...withLink, links: [{ url: 'https://example.org', label: 'Site' }] }), []);
  });
  test('lists the changed fields in a stable order', () => {
    assert.deepEqual(changedFields(base, { ...base, status: 'done', title: 'Congés en ligne', responsibleDigital: true }), [
      'title',
      'status',
      'responsibleDigital',
    ]);
  });
});

describe('mergeThreeWay', () => {
  test('changes on different fields are merged', () => {
    const theirs = { ...base, title: 'Congés en ligne' };
    const mine = { ...base, description: 'Nouvelle description' };
    const { merged, conflicts } = mergeThreeWay(base, theirs, mine);
    assert.deepEqual(conflicts, []);
    assert.equal(merged.title, 'Congés en ligne');
    assert.equal(merged.description, 'Nouvelle description');
  });

  test('the same field changed differently is a conflict, kept at theirs until the person chooses', () => {
    const theirs = { ...base, description: 'Leur texte' };
    const mine = { ...base, description: 'Mon texte', summary: 'Mon résumé' };
    const { merged, conflicts } = mergeThreeWay(base, theirs, mine);
    assert.deepEqual(conflicts, ['description']);
    assert.equal(merged.description, 'Leur texte');
    assert.equal(merged.summary, 'Mon résumé', 'my one-sided change is kept');
  });

  test('the same change on both sides is no conflict', () => {
    const both = { ...base, status: 'done' as const };
    assert.deepEqual(mergeThreeWay(base, both, both).conflicts, []);
  });

  test('a field emptied on one side and untouched on the other is emptied', () => {
    const mine = { ...base, description: '' };
    assert.equal(mergeThreeWay(base, { ...base, title: 'x' }, mine).merged.description, '');
  });

  test('service sets changed on both sides conflict unless equal as sets', () => {
    const theirs = { ...base, serviceIds: ['dematerialisation-rh'] };
    const mineSame = { ...base, serviceIds: ['dematerialisation-rh'] };
    const mineOther = { ...base, serviceIds: ['parapheur-electronique'] };
    assert.deepEqual(mergeThreeWay(base, theirs, mineSame).conflicts, []);
    assert.deepEqual(mergeThreeWay(base, theirs, mineOther).conflicts, ['serviceIds']);
  });
});

describe('missingThemes', () => {
  test('themes without any sheet, in referential order', () => {
    const themes = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    assert.deepEqual(missingThemes(themes, ['b']), [{ id: 'a' }, { id: 'c' }]);
    assert.deepEqual(missingThemes(themes, new Set(['a', 'b', 'c'])), []);
  });
});
