import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { answersFromForm } from './questionnaire-form.ts';
import { validateAnswers } from './questionnaire.rules.ts';
import { questionnaireSchema } from './questionnaire.schema.ts';

const def = questionnaireSchema.parse({
  questions: [
    { id: 'site', kind: 'yes_no', label: 'Un site ?', required: true },
    {
      id: 'owner',
      kind: 'single_choice',
      label: 'Qui ?',
      required: true,
      options: [
        { value: 'maire', label: 'Le maire' },
        { value: 'agent', label: 'Un agent' },
      ],
    },
    {
      id: 'channels',
      kind: 'multiple_choice',
      label: 'Canaux',
      required: false,
      options: [
        { value: 'web', label: 'Site' },
        { value: 'app', label: 'Application' },
      ],
    },
    { id: 'budget', kind: 'number', label: 'Budget', required: false, min: 0, unit: '€' },
    { id: 'name', kind: 'short_text', label: 'Nom', required: false },
    { id: 'story', kind: 'long_text', label: 'Récit', required: false },
  ],
});

describe('answersFromForm', () => {
  test('every kind, read from its fields under the prefix', () => {
    const answers = answersFromForm(
      def,
      { 'q.site': 'yes', 'q.owner': 'agent', 'q.channels': ['web', 'app'], 'q.budget': '1 200,5', 'q.name': ' Mairie ', 'q.story': 'Il était une fois.' },
      'q',
    );
    assert.deepEqual(answers, { site: 'yes', owner: 'agent', channels: ['web', 'app'], budget: '1 200,5', name: ' Mairie ', story: 'Il était une fois.' });
    assert.deepEqual(validateAnswers(def, answers, { complete: true }), {
      ok: true,
      answers: { site: 'yes', owner: 'agent', channels: ['web', 'app'], budget: 1200.5, name: 'Mairie', story: 'Il était une fois.' },
    });
  });

  test('one ticked box is a list of one; empty and absent fields are no answer', () => {
    assert.deepEqual(answersFromForm(def, { 'q.channels': 'app', 'q.budget': '', 'q.name': '   ', 'q.owner': undefined }, 'q'), { channels: ['app'] });
    assert.deepEqual(answersFromForm(def, { 'q.channels': ['', ''] }, 'q'), {});
    assert.deepEqual(answersFromForm(def, {}, 'q'), {});
  });

  test('a one-answer field sent twice stays a list: the engine refuses it, naming the question', () => {
    const answers = answersFromForm(def, { 'q.owner': ['maire', 'agent'] }, 'q');
    assert.deepEqual(answers, { owner: ['maire', 'agent'] });
    const result = validateAnswers(def, answers, { complete: false });
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.errors[0]!.message, /Question « owner » : choisissez une des réponses/);
  });

  test('other prefixes, unknown questions and object-like names are ignored', () => {
    assert.deepEqual(answersFromForm(def, { 'x.site': 'yes', site: 'no', 'q.nope': 'a', 'q.constructor': 'b', _csrf: 't' }, 'q'), {});
    assert.deepEqual(answersFromForm(def, { 'diag.site': 'no' }, 'diag'), { site: 'no' });
  });
});
