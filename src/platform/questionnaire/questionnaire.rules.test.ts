import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { answerScore, estimatedMinutes, missingAnswers, SECONDS_PER_KIND, textMaxLength, validateAnswers, visibleQuestions } from './questionnaire.rules.ts';
import { DEFAULT_TEXT_MAX_LENGTH, questionnaireSchema, type Questionnaire } from './questionnaire.schema.ts';

const def: Questionnaire = questionnaireSchema.parse({
  questions: [
    { id: 'has-plan', kind: 'yes_no', label: 'Avez-vous un plan ?', required: true },
    {
      id: 'plan-owner',
      kind: 'single_choice',
      label: 'Qui le porte ?',
      required: true,
      options: [
        { value: 'elu', label: 'Un élu', score: 2 },
        { value: 'agent', label: 'Un agent', score: 1 },
        { value: 'other', label: 'Autre' },
      ],
      showWhen: { questionId: 'has-plan', anyOf: ['yes'] },
    },
    { id: 'owner-name', kind: 'short_text', label: 'Son nom', required: true, showWhen: { questionId: 'plan-owner', anyOf: ['elu'] } },
    {
      id: 'channels',
      kind: 'multiple_choice',
      label: 'Canaux',
      required: false,
      options: [
        { value: 'site', label: 'Site', score: 1 },
        { value: 'app', label: 'Application', score: 2 },
        { value: 'paper', label: 'Papier', score: -1 },
      ],
    },
    {
      id: 'channel-app-name',
      kind: 'short_text',
      label: 'Nom de l’application',
      required: false,
      maxLength: 10,
      showWhen: { questionId: 'channels', anyOf: ['app'] },
    },
    { id: 'agents', kind: 'number', label: 'Agents', required: false, min: 0, max: 500, unit: 'agents' },
    { id: 'story', kind: 'long_text', label: 'Racontez', required: false },
  ],
});

const errorsOf = (answers: unknown, complete = false) => {
  const result = validateAnswers(def, answers, { complete });
  return result.ok ? [] : result.errors;
};
const cleanedOf = (answers: unknown, complete = false) => {
  const result = validateAnswers(def, answers, { complete });
  assert.ok(result.ok, JSON.stringify(result));
  return result.answers;
};

describe('questionnaire definition', () => {
  const one = (question: object) => questionnaireSchema.safeParse({ questions: [question] });
  const messages = (input: unknown) => {
    const result = questionnaireSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  };

  test('a valid definition parses, every kind accepted', () => {
    assert.equal(def.questions.length, 7);
  });

  test('ids are slugs and unique', () => {
    assert.equal(one({ id: 'Budget', kind: 'yes_no', label: 'x', required: true }).success, false);
    const dup = messages({
      questions: [
        { id: 'a', kind: 'yes_no', label: 'x', required: true },
        { id: 'a', kind: 'number', label: 'y', required: true },
      ],
    });
    assert.match(dup.join(), /Question « a » : cet identifiant est déjà utilisé/);
  });

  test('options only and always for choice kinds, at least two, unique values', () => {
    assert.match(
      messages({ questions: [{ id: 'c', kind: 'single_choice', label: 'x', required: true }] }).join(),
      /« c » : une question à choix propose au moins deux/,
    );
    assert.match(
      messages({ questions: [{ id: 'c', kind: 'multiple_choice', label: 'x', required: true, options: [{ value: 'a', label: 'A' }] }] }).join(),
      /au moins deux/,
    );
    assert.match(
      messages({
        questions: [
          {
            id: 'c',
            kind: 'single_choice',
            label: 'x',
            required: true,
            options: [
              { value: 'a', label: 'A' },
              { value: 'a', label: 'B' },
            ],
          },
        ],
      }).join(),
      /l’option « a » figure deux fois/,
    );
    assert.match(
      messages({
        questions: [
          {
            id: 'y',
            kind: 'yes_no',
            label: 'x',
            required: true,
            options: [
              { value: 'a', label: 'A' },
              { value: 'b', label: 'B' },
            ],
          },
        ],
      }).join(),
      /« y » : seules les questions à choix/,
    );
  });

  test('number bounds on numbers only, min ≤ max; maxLength on texts only', () => {
    assert.match(messages({ questions: [{ id: 't', kind: 'short_text', label: 'x', required: true, min: 1 }] }).join(), /« t » : minimum, maximum et unité/);
    assert.match(
      messages({ questions: [{ id: 'n', kind: 'number', label: 'x', required: true, min: 5, max: 1 }] }).join(),
      /« n » : le minimum dépasse le maximum/,
    );
    assert.match(messages({ questions: [{ id: 'n', kind: 'number', label: 'x', required: true, maxLength: 5 }] }).join(), /« n » : la longueur maximale/);
    assert.equal(one({ id: 'n', kind: 'number', label: 'x', required: true, min: 0, max: 10, unit: '€' }).success, true);
  });

  test('showWhen points to an earlier yes/no or choice question, with values it has', () => {
    const yes = { id: 'a', kind: 'yes_no', label: 'x', required: true };
    const when = (showWhen: object, first: object = yes) =>
      messages({ questions: [first, { id: 'b', kind: 'short_text', label: 'y', required: false, showWhen }] }).join();
    assert.equal(when({ questionId: 'a', anyOf: ['yes'] }), '');
    assert.match(when({ questionId: 'zz', anyOf: ['yes'] }), /« b » : elle dépend de la question « zz », qui n’existe pas/);
    assert.match(when({ questionId: 'a', anyOf: ['maybe'] }), /« b » : la question « a » ne propose pas la réponse « maybe »/);
    assert.match(when({ questionId: 'a', anyOf: ['yes'] }, { id: 'a', kind: 'number', label: 'x', required: true }), /« a » n’en est pas une/);
    const later = messages({
      questions: [{ id: 'b', kind: 'short_text', label: 'y', required: false, showWhen: { questionId: 'a', anyOf: ['yes'] } }, yes],
    }).join();
    assert.match(later, /« b » : elle ne peut dépendre que d’une question placée avant elle/);
    const self = messages({ questions: [{ id: 'a', kind: 'yes_no', label: 'x', required: true, showWhen: { questionId: 'a', anyOf: ['yes'] } }] }).join();
    assert.match(self, /placée avant elle/);
  });

  test('an empty questionnaire or a blank label is refused', () => {
    assert.match(messages({ questions: [] }).join(), /au moins une question/);
    assert.equal(one({ id: 'a', kind: 'yes_no', label: '  ', required: true }).success, false);
  });
});

describe('answers: each kind', () => {
  test('yes/no: yes or no, booleans from JSON become yes/no', () => {
    assert.deepEqual(cleanedOf({ 'has-plan': 'no' }), { 'has-plan': 'no' });
    assert.deepEqual(cleanedOf({ 'has-plan': false }), { 'has-plan': 'no' });
    assert.deepEqual(cleanedOf({ 'has-plan': true, 'plan-owner': 'agent' }), { 'has-plan': 'yes', 'plan-owner': 'agent' });
    assert.match(errorsOf({ 'has-plan': 'oui' })[0]?.message ?? '', /« has-plan » : répondez par oui ou par non/);
    assert.equal(errorsOf({ 'has-plan': 1 }).length, 1);
  });

  test('single choice: one offered value', () => {
    assert.match(errorsOf({ 'has-plan': 'yes', 'plan-owner': 'mayor' })[0]?.message ?? '', /la réponse « mayor » n’est pas proposée/);
    assert.match(errorsOf({ 'has-plan': 'yes', 'plan-owner': ['elu'] })[0]?.message ?? '', /choisissez une des réponses/);
  });

  test('multiple choice: offered values, deduplicated, in the options’ order; a lone value is a list of one', () => {
    assert.deepEqual(cleanedOf({ channels: ['paper', 'site', 'site'] }), { channels: ['site', 'paper'] });
    assert.deepEqual(cleanedOf({ channels: 'site' }), { channels: ['site'] });
    assert.deepEqual(cleanedOf({ channels: [] }), {});
    assert.match(errorsOf({ channels: ['site', 'fax'] })[0]?.message ?? '', /« fax » n’est pas proposée/);
    assert.match(errorsOf({ channels: [1] })[0]?.message ?? '', /choisissez parmi/);
  });

  test('number: a number or a French text, within bounds', () => {
    assert.deepEqual(cleanedOf({ agents: 12 }), { agents: 12 });
    assert.deepEqual(cleanedOf({ agents: '1,5' }), { agents: 1.5 });
    assert.deepEqual(cleanedOf({ agents: ' 1 2 ' }), { agents: 12 });
    assert.deepEqual(cleanedOf({ agents: '' }), {});
    assert.match(errorsOf({ agents: 'douze' })[0]?.message ?? '', /indiquez un nombre/);
    assert.match(errorsOf({ agents: Number.NaN })[0]?.message ?? '', /indiquez un nombre/);
    assert.match(errorsOf({ agents: -1 })[0]?.message ?? '', /supérieur ou égal à 0/);
    assert.match(errorsOf({ agents: 501 })[0]?.message ?? '', /inférieur ou égal à 500/);
    assert.deepEqual(cleanedOf({ agents: 500 }), { agents: 500 });
  });

  test('texts: trimmed, blank is unanswered, the default or own maximum length in characters', () => {
    assert.deepEqual(cleanedOf({ story: '  Une histoire.  ' }), { story: 'Une histoire.' });
    assert.deepEqual(cleanedOf({ story: '   ' }), {});
    assert.equal(textMaxLength(def.questions[6]!), DEFAULT_TEXT_MAX_LENGTH.long_text);
    assert.deepEqual(cleanedOf({ story: 'é'.repeat(4000) }), { story: 'é'.repeat(4000) });
    assert.match(errorsOf({ story: 'a'.repeat(4001) })[0]?.message ?? '', /« story » : 4\s000 caractères au plus/);
    assert.match(errorsOf({ channels: ['app'], 'channel-app-name': 'abcdefghijk' })[0]?.message ?? '', /10 caractères au plus/);
    assert.deepEqual(cleanedOf({ channels: ['app'], 'channel-app-name': '😀'.repeat(10) }), { channels: ['app'], 'channel-app-name': '😀'.repeat(10) });
    assert.match(errorsOf({ story: 42 })[0]?.message ?? '', /doit être un texte/);
  });

  test('unknown question ids and a non-object are refused', () => {
    assert.deepEqual(errorsOf({ nope: 'x' }), [{ questionId: 'nope', message: 'Question « nope » : cette question ne fait pas partie du questionnaire.' }]);
    assert.equal(errorsOf([])[0]?.questionId, '_');
    assert.equal(errorsOf(null)[0]?.questionId, '_');
  });

  test('a question named like an object property is unanswered until answered', () => {
    const tricky = questionnaireSchema.parse({ questions: [{ id: 'constructor', kind: 'short_text', label: 'x', required: true }] });
    assert.deepEqual(validateAnswers(tricky, {}, { complete: false }), { ok: true, answers: {} });
    assert.deepEqual(validateAnswers(tricky, { constructor: 'oui' }, { complete: true }), { ok: true, answers: { constructor: 'oui' } });
  });

  test('null and undefined are unanswered; several errors are all reported', () => {
    assert.deepEqual(cleanedOf({ agents: null, story: undefined }), {});
    assert.equal(errorsOf({ agents: 'x', story: 1, 'has-plan': 'peut-être' }).length, 3);
  });
});

describe('answers: showWhen chains and completeness', () => {
  test('a dependant shows only for the listed answers, and hides its own dependants', () => {
    const ids = (answers: Record<string, unknown>) => visibleQuestions(def, answers).map((q) => q.id);
    assert.deepEqual(ids({}), ['has-plan', 'channels', 'agents', 'story']);
    assert.deepEqual(ids({ 'has-plan': 'yes' }), ['has-plan', 'plan-owner', 'channels', 'agents', 'story']);
    assert.deepEqual(ids({ 'has-plan': 'yes', 'plan-owner': 'elu' }), ['has-plan', 'plan-owner', 'owner-name', 'channels', 'agents', 'story']);
    // The chain's head answered no: its grand-child hides too, whatever its parent's stale answer.
    assert.deepEqual(ids({ 'has-plan': 'no', 'plan-owner': 'elu' }), ['has-plan', 'channels', 'agents', 'story']);
    // An invalid answer shows no dependant.
    assert.deepEqual(ids({ 'has-plan': 'yes', 'plan-owner': 'mayor' }), ['has-plan', 'plan-owner', 'channels', 'agents', 'story']);
    // A multiple choice shows its dependant when any chosen value is listed.
    assert.ok(ids({ channels: ['site', 'app'] }).includes('channel-app-name'));
    assert.ok(!ids({ channels: ['site'] }).includes('channel-app-name'));
  });

  test('answers of hidden questions are dropped, even invalid ones, without error', () => {
    assert.deepEqual(cleanedOf({ 'has-plan': 'no', 'plan-owner': 'elu', 'owner-name': 'Mme Martin' }), { 'has-plan': 'no' });
    assert.deepEqual(cleanedOf({ 'has-plan': 'no', 'plan-owner': 'nonsense', 'owner-name': 42 }), { 'has-plan': 'no' });
  });

  test('a draft may leave required questions; a complete dossier may not, shown ones only', () => {
    assert.deepEqual(cleanedOf({}), {});
    assert.deepEqual(
      errorsOf({}, true).map((e) => e.questionId),
      ['has-plan'],
    );
    assert.deepEqual(
      errorsOf({ 'has-plan': 'yes' }, true).map((e) => e.questionId),
      ['plan-owner'],
    );
    assert.deepEqual(
      errorsOf({ 'has-plan': 'yes', 'plan-owner': 'elu' }, true).map((e) => [e.questionId, e.message]),
      [['owner-name', 'Question « owner-name » : une réponse est attendue.']],
    );
    assert.deepEqual(cleanedOf({ 'has-plan': 'yes', 'plan-owner': 'agent' }, true), { 'has-plan': 'yes', 'plan-owner': 'agent' });
    assert.deepEqual(cleanedOf({ 'has-plan': 'no' }, true), { 'has-plan': 'no' });
  });

  test('missingAnswers lists the shown required questions not validly answered', () => {
    const ids = (answers: Record<string, unknown>) => missingAnswers(def, answers).map((q) => q.id);
    assert.deepEqual(ids({}), ['has-plan']);
    assert.deepEqual(ids({ 'has-plan': 'yes' }), ['plan-owner']);
    assert.deepEqual(ids({ 'has-plan': 'yes', 'plan-owner': 'mayor' }), ['plan-owner']);
    assert.deepEqual(ids({ 'has-plan': 'yes', 'plan-owner': 'elu', 'owner-name': '  ' }), ['owner-name']);
    assert.deepEqual(ids({ 'has-plan': 'no' }), []);
  });
});

describe('duration and score', () => {
  test('estimatedMinutes adds the seconds of every question, rounded up', () => {
    const seconds = def.questions.reduce((s, q) => s + SECONDS_PER_KIND[q.kind], 0);
    assert.equal(estimatedMinutes(def), Math.ceil(seconds / 60));
    assert.equal(estimatedMinutes(questionnaireSchema.parse({ questions: [{ id: 'a', kind: 'yes_no', label: 'x', required: true }] })), 1);
  });

  test('answerScore sums the chosen options over shown scored questions', () => {
    assert.deepEqual(answerScore(def, {}), { scoredQuestions: 1, answered: 0, sum: 0, max: 3, mean: null, ratio: 0 });
    // plan-owner shown: max 2; channels: max 1 + 2 (the negative option is no gain).
    assert.deepEqual(answerScore(def, { 'has-plan': 'yes', 'plan-owner': 'elu', channels: ['site', 'paper'] }), {
      scoredQuestions: 2,
      answered: 2,
      sum: 2,
      max: 5,
      mean: 1,
      ratio: 0.4,
    });
    // An option without a score is worth 0; a hidden question counts for nothing.
    assert.equal(answerScore(def, { 'has-plan': 'yes', 'plan-owner': 'other' }).sum, 0);
    assert.equal(answerScore(def, { 'has-plan': 'no', 'plan-owner': 'elu' }).scoredQuestions, 1);
  });

  test('a questionnaire without scores scores nothing', () => {
    const plain = questionnaireSchema.parse({ questions: [{ id: 'a', kind: 'yes_no', label: 'x', required: true }] });
    assert.deepEqual(answerScore(plain, { a: 'yes' }), { scoredQuestions: 0, answered: 0, sum: 0, max: 0, mean: null, ratio: null });
  });
});
