import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { estimatedMinutes } from '../../platform/questionnaire/questionnaire.rules.ts';
import { QUESTION_KINDS, questionnaireSchema } from '../../platform/questionnaire/questionnaire.schema.ts';
import { TERRITORY_CATEGORIES } from '../territories/territory.rules.ts';
import { DEFAULT_QUESTIONNAIRES, INTERVIEW_QUESTIONS } from './default-questionnaires.data.ts';

describe('default questionnaires', () => {
  for (const category of TERRITORY_CATEGORIES) {
    const def = DEFAULT_QUESTIONNAIRES[category];

    test(`${category}: a valid definition, unchanged by parsing`, () => {
      const parsed = questionnaireSchema.safeParse(def);
      assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues));
      assert.deepEqual(parsed.data, def);
    });

    test(`${category}: every kind, help texts, a conditional question, at most 20 questions`, () => {
      assert.deepEqual(new Set(def.questions.map((q) => q.kind)), new Set(QUESTION_KINDS));
      assert.ok(def.questions.some((q) => q.help));
      assert.ok(def.questions.some((q) => q.showWhen));
      assert.ok(def.questions.length <= 20, `${def.questions.length} questions`);
    });
  }

  test('the village one: at most 12 questions, answered in under ten minutes', () => {
    assert.ok(DEFAULT_QUESTIONNAIRES.village.questions.length <= 12);
    assert.ok(estimatedMinutes(DEFAULT_QUESTIONNAIRES.village) < 10, `${estimatedMinutes(DEFAULT_QUESTIONNAIRES.village)} minutes`);
  });

  test('the others stay reasonable: under twenty minutes', () => {
    assert.ok(estimatedMinutes(DEFAULT_QUESTIONNAIRES.ville) < 20);
    assert.ok(estimatedMinutes(DEFAULT_QUESTIONNAIRES.territoire) < 20);
  });

  test('the interview: the three standard questions', () => {
    assert.ok(questionnaireSchema.safeParse(INTERVIEW_QUESTIONS).success);
    assert.deepEqual(
      INTERVIEW_QUESTIONS.questions.map((q) => q.id),
      ['action-phare', 'premier-souvenir', 'prochains-projets'],
    );
    assert.match(INTERVIEW_QUESTIONS.questions[1]?.label ?? '', /premier souvenir sur internet/);
  });

  test('French typography: the typographic apostrophe, no straight one', () => {
    const texts = [...Object.values(DEFAULT_QUESTIONNAIRES), INTERVIEW_QUESTIONS].flatMap((d) =>
      d.questions.flatMap((q) => [q.label, q.help ?? '', ...(q.options ?? []).map((o) => o.label)]),
    );
    for (const text of texts) assert.ok(!text.includes("'"), text);
  });
});
