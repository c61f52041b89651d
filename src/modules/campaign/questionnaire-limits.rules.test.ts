import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { estimatedMinutes } from '../../platform/questionnaire/questionnaire.rules.ts';
import type { Questionnaire } from '../../platform/questionnaire/questionnaire.schema.ts';
import { DEFAULT_QUESTIONNAIRES } from './default-questionnaires.data.ts';
import { questionnaireLimitRefusal } from './questionnaire-limits.rules.ts';

const yesNos = (n: number): Questionnaire => ({
  questions: Array.from({ length: n }, (_, i) => ({ id: `q${i}`, kind: 'yes_no' as const, label: `Q${i}`, required: false })),
});
const longTexts = (n: number): Questionnaire => ({
  questions: Array.from({ length: n }, (_, i) => ({ id: `t${i}`, kind: 'long_text' as const, label: `T${i}`, required: false })),
});

describe('questionnaire limits per category', () => {
  test('the defaults fit', () => {
    for (const [category, def] of Object.entries(DEFAULT_QUESTIONNAIRES)) assert.equal(questionnaireLimitRefusal(category as never, def), null, category);
  });
  test('a village: 12 questions accepted, 13 refused', () => {
    assert.equal(questionnaireLimitRefusal('village', yesNos(12)), null);
    assert.match(questionnaireLimitRefusal('village', yesNos(13)) ?? '', /12 questions au plus.*13/);
  });
  test('a village: ten estimated minutes or more refused', () => {
    assert.equal(estimatedMinutes(longTexts(3)), 9);
    assert.equal(questionnaireLimitRefusal('village', longTexts(3)), null);
    assert.equal(estimatedMinutes(longTexts(4)), 12);
    assert.match(questionnaireLimitRefusal('village', longTexts(4)) ?? '', /moins de 10 minutes.*12 minutes/);
  });
  test('a ville or a territoire: no such limit', () => {
    assert.equal(questionnaireLimitRefusal('ville', yesNos(30)), null);
    assert.equal(questionnaireLimitRefusal('territoire', longTexts(10)), null);
  });
});
