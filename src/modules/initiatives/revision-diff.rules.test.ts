import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SheetContent } from './initiative.rules.ts';
import { changedPassage, CONTEXT, fieldChanges } from './revision-diff.rules.ts';

const sheet: SheetContent = {
  title: 'Congés en ligne',
  summary: '',
  description: 'Le service RH a dématérialisé les demandes de congés des 220 agents de la collectivité.',
  status: 'in_progress',
  startDate: null,
  endDate: null,
  serviceIds: ['dematerialisation-rh'],
  actorIds: [],
  audiences: ['agents'],
  indicators: [],
  responsibleDigital: false,
  links: [],
  contactName: null,
  contactEmail: null,
};

describe('changedPassage', () => {
  test('keeps the changed words with a little context, cut with an ellipsis', () => {
    const before = `${'a'.repeat(100)} 220 agents ${'b'.repeat(100)}`;
    const after = `${'a'.repeat(100)} 250 agents ${'b'.repeat(100)}`;
    const passage = changedPassage(before, after);
    assert.ok(passage.before.startsWith('…') && passage.before.endsWith('…'));
    assert.match(passage.before, /220/);
    assert.match(passage.after, /250/);
    assert.ok(passage.after.length <= 2 * CONTEXT + 4, passage.after);
  });

  test('a short text is shown whole; an addition at the end shows the end', () => {
    assert.deepEqual(changedPassage('Congés', 'Congés en ligne'), { before: 'Congés', after: 'Congés en ligne' });
    const added = changedPassage(`${'x'.repeat(80)}.`, `${'x'.repeat(80)}. Ajout.`);
    assert.match(added.after, /\. Ajout\.$/);
    assert.ok(added.after.startsWith('…'));
  });

  test('an emptied text shows what it held', () => {
    assert.deepEqual(changedPassage('Texte', ''), { before: 'Texte', after: '' });
  });
});

describe('fieldChanges', () => {
  test('names each changed field, with the passage of texts and what sets gained and lost', () => {
    const after: SheetContent = {
      ...sheet,
      description: sheet.description.replace('220', '250'),
      serviceIds: ['parapheur-electronique'],
      audiences: ['agents', 'elected_officials'],
      status: 'done',
    };
    const changes = fieldChanges(sheet, after);
    assert.deepEqual(
      changes.map((c) => c.field),
      ['description', 'status', 'serviceIds', 'audiences'],
    );
    const description = changes[0]!;
    assert.ok(description.kind === 'text' && /220/.test(description.before) && /250/.test(description.after));
    assert.deepEqual(changes[2], { field: 'serviceIds', kind: 'set', added: ['parapheur-electronique'], removed: ['dematerialisation-rh'] });
    assert.deepEqual(changes[3], { field: 'audiences', kind: 'set', added: ['elected_officials'], removed: [] });
    assert.deepEqual(changes[1], { field: 'status', kind: 'value' });
  });

  test('nothing for a creation or an unchanged sheet; the order of a set is no change', () => {
    assert.deepEqual(fieldChanges(null, sheet), []);
    assert.deepEqual(fieldChanges(sheet, { ...sheet, audiences: [...sheet.audiences].reverse() }), []);
  });
});
