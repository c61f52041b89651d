import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { definitionFromRows, emptyEditorRow, moveRow, rowsFromDefinition, rowsFromForm, slugOf, type EditorRow } from './questionnaire-editor-form.ts';
import { questionnaireSchema } from './questionnaire.schema.ts';

const row = (fields: Partial<EditorRow>): EditorRow => ({ ...emptyEditorRow(), ...fields });
const errorsOf = (rows: EditorRow[]) => {
  const result = definitionFromRows(rows);
  return result.ok ? {} : result.errors;
};

describe('the questionnaire editor form', () => {
  const def = questionnaireSchema.parse({
    questions: [
      { id: 'site', kind: 'yes_no', label: 'Un site ?', required: true, help: 'Même simple.' },
      {
        id: 'owner',
        kind: 'single_choice',
        label: 'Qui ?',
        required: false,
        options: [
          { value: 'maire', label: 'Le maire', score: 2 },
          { value: 'agent', label: 'Un agent' },
        ],
        showWhen: { questionId: 'site', anyOf: ['yes'] },
      },
      { id: 'budget', kind: 'number', label: 'Budget', required: false, min: 0, max: 1.5, unit: '€' },
      { id: 'story', kind: 'long_text', label: 'Récit', required: false, maxLength: 500 },
    ],
  });

  test('a definition → rows → the same definition', () => {
    const rows = rowsFromDefinition(def);
    assert.equal(rows[1]!.options, 'maire | Le maire | 2\nagent | Un agent');
    assert.equal(rows[1]!.showWhenValues, 'Oui');
    assert.equal(rows[2]!.max, '1,5');
    assert.deepEqual(definitionFromRows(rows), { ok: true, questionnaire: def });
  });

  test('rows are read back from the posted form, checkboxes ticked or not', () => {
    const body: Record<string, string> = {
      count: '2',
      'question-0-id': 'site',
      'question-0-kind': 'yes_no',
      'question-0-label': 'Un site ?',
      'question-0-required': 'on',
    };
    body['question-1-label'] = 'Nouvelle';
    body['question-1-kind'] = 'short_text';
    const rows = rowsFromForm(body);
    assert.equal(rows.length, 2);
    assert.equal(rows[0]!.required, true);
    assert.equal(rows[1]!.required, false);
    assert.equal(rowsFromForm({ count: '100000' }).length, 101);
    assert.equal(rowsFromForm({ count: 'abc' }).length, 0);
  });

  test('a new question gets an id from its label, unique; the blank row and deleted ones are dropped', () => {
    const result = definitionFromRows([
      row({ id: 'qui-porte', kind: 'yes_no', label: 'Existant' }),
      row({ kind: 'yes_no', label: 'Qui porte ?' }),
      row({ kind: 'yes_no', label: 'Supprimée', id: 'old', remove: true }),
      row({}),
    ]);
    assert.ok(result.ok);
    assert.deepEqual(
      result.questionnaire.questions.map((q) => q.id),
      ['qui-porte', 'qui-porte-2'],
    );
    assert.equal(slugOf('Élus & agents : « formés » ?'), 'elus-agents-formes');
  });

  test('options: « valeur | libellé », a lone label slugged, points; fields foreign to the kind ignored', () => {
    const result = definitionFromRows([
      row({ kind: 'multiple_choice', label: 'Canaux', options: 'web | Site internet\nApplication mobile\n\nfax | Télécopie | -1', min: 'x' }),
    ]);
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.questionnaire.questions[0]!.options, [
      { value: 'web', label: 'Site internet' },
      { value: 'application-mobile', label: 'Application mobile' },
      { value: 'fax', label: 'Télécopie', score: -1 },
    ]);
    const yes = definitionFromRows([row({ kind: 'yes_no', label: 'Oui ?', options: 'a\nb', unit: '€', maxLength: '3' })]);
    assert.ok(yes.ok);
    assert.deepEqual(yes.questionnaire.questions[0], { id: 'oui', kind: 'yes_no', label: 'Oui ?', required: false });
  });

  test('refusals in French, keyed by the row’s field, naming the question', () => {
    assert.match(
      errorsOf([row({ kind: 'single_choice', label: 'Qui ?', options: 'Seule' })])['question-0-options']!,
      /^Question 1 \(« Qui \? »\) : une question à choix propose au moins deux options/,
    );
    assert.match(errorsOf([row({ kind: 'single_choice', label: 'Qui ?', options: 'a | | b' })])['question-0-options']!, /Question 1 .*ligne 1 des options/);
    assert.match(
      errorsOf([row({ kind: 'number', label: 'Budget', min: 'dix' })])['question-0-min']!,
      /Question 1 \(« Budget »\) : minimum : indiquez un nombre/,
    );
    assert.match(errorsOf([row({ kind: 'number', label: 'Budget', min: '5', max: '1' })])['question-0-min']!, /le minimum dépasse le maximum/);
    assert.match(errorsOf([row({ kind: 'fax', label: 'Quoi' })])['question-0-kind']!, /choisissez un type/);
    assert.match(errorsOf([row({ id: 'x', kind: 'yes_no', label: ' ' })])['question-0-label']!, /Question 1 : indiquez l’intitulé/);
    assert.match(errorsOf([row({ id: 'Mauvais id', kind: 'yes_no', label: 'A' })])['question-0-label']!, /Identifiant invalide|identifiant invalide/);
    const dup = errorsOf([row({ id: 'a', kind: 'yes_no', label: 'A' }), row({ id: 'a', kind: 'yes_no', label: 'B' })]);
    assert.match(dup['question-1-label']!, /Question 2 \(« B »\) : cet identifiant est déjà utilisé/);
  });

  test('conditions: an earlier question and answers by value or label', () => {
    const base = [
      row({ id: 'site', kind: 'yes_no', label: 'Un site ?' }),
      row({ id: 'owner', kind: 'single_choice', label: 'Qui ?', options: 'maire | Le maire\nagent | Un agent' }),
    ];
    const ok = definitionFromRows([...base, row({ kind: 'short_text', label: 'Nom', showWhenQuestion: 'owner', showWhenValues: 'le maire\nagent' })]);
    assert.ok(ok.ok);
    assert.deepEqual(ok.questionnaire.questions[2]!.showWhen, { questionId: 'owner', anyOf: ['maire', 'agent'] });
    const e = (extra: Partial<EditorRow>) => errorsOf([...base, row({ kind: 'short_text', label: 'Nom', ...extra })]);
    assert.match(
      e({ showWhenQuestion: 'site', showWhenValues: 'Peut-être' })['question-2-showWhenValues']!,
      /« Un site \? » ne propose pas la réponse « Peut-être »/,
    );
    assert.match(e({ showWhenQuestion: 'site' })['question-2-showWhenValues']!, /pour quelles réponses/);
    assert.match(e({ showWhenQuestion: 'zz', showWhenValues: 'Oui' })['question-2-showWhenQuestion']!, /n’existe pas/);
    assert.match(e({ showWhenValues: 'Oui' })['question-2-showWhenQuestion']!, /choisissez la question/);
    // A later question is refused by the engine.
    const later = errorsOf([row({ id: 'a', kind: 'short_text', label: 'A', showWhenQuestion: 'site', showWhenValues: 'Oui' }), ...base]);
    assert.match(later['question-0-showWhenQuestion']!, /placée avant elle/);
  });

  test('moves swap neighbours, never past the blank row or the ends', () => {
    const rows = [row({ id: 'a', label: 'A' }), row({ id: 'b', label: 'B' }), row({})];
    assert.deepEqual(
      moveRow(rows, 'down:0').map((r) => r.id),
      ['b', 'a', ''],
    );
    assert.deepEqual(
      moveRow(rows, 'up:1').map((r) => r.id),
      ['b', 'a', ''],
    );
    assert.deepEqual(
      moveRow(rows, 'down:1').map((r) => r.id),
      ['a', 'b', ''],
    );
    assert.deepEqual(
      moveRow(rows, 'up:0').map((r) => r.id),
      ['a', 'b', ''],
    );
    assert.deepEqual(
      moveRow(rows, 'nonsense').map((r) => r.id),
      ['a', 'b', ''],
    );
  });
});
