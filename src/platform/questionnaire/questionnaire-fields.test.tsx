import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { renderToString } from 'preact-render-to-string';
import { decodeEntities } from '../../../test/support/http-client.ts';
import { QuestionnaireFields } from './questionnaire-fields.tsx';
import { questionnaireSchema } from './questionnaire.schema.ts';

const def = questionnaireSchema.parse({
  questions: [
    { id: 'site', kind: 'yes_no', label: 'Un site ?', required: true, help: 'Même simple.' },
    {
      id: 'owner',
      kind: 'single_choice',
      label: 'Qui le tient ?',
      required: false,
      options: [
        { value: 'maire', label: 'Le maire' },
        { value: 'agent', label: 'Un agent' },
      ],
      showWhen: { questionId: 'site', anyOf: ['yes'] },
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
    { id: 'budget', kind: 'number', label: 'Budget', required: false, min: 0, max: 5000, unit: '€' },
    { id: 'name', kind: 'short_text', label: 'Nom', required: true, maxLength: 80 },
    { id: 'story', kind: 'long_text', label: 'Récit', required: false },
  ],
});

const render = (props: Partial<Parameters<typeof QuestionnaireFields>[0]> = {}) =>
  decodeEntities(renderToString(<QuestionnaireFields questionnaire={def} answers={{}} namePrefix="q" {...props} />));
/** The markup of one question's block. */
const block = (html: string, id: string) => {
  const start = html.indexOf(`id="champ-q-${id}"`);
  assert.ok(start >= 0, `no field for ${id}`);
  const from = html.lastIndexOf('<div class="questionnaire-question"', start);
  const next = html.indexOf('<div class="questionnaire-question"', start);
  return html.slice(from, next < 0 ? undefined : next);
};

describe('QuestionnaireFields: every kind as an accessible field', () => {
  const answers = { site: 'yes', owner: 'agent', channels: ['app'], budget: 1200, name: 'Mairie', story: 'Une histoire.' };
  const errors = { budget: 'Question « budget » : indiquez un nombre.' };
  const html = render({ answers, errors });

  test('yes/no: a fieldset with its legend, required marker, hint described, two radios named q.site', () => {
    const b = block(html, 'site');
    assert.match(b, /<fieldset[^>]*id="champ-q-site"[^>]*aria-describedby="champ-q-site-aide"/);
    assert.match(b, /<legend>Un site \?<span class="field__required"> \(obligatoire\)<\/span><\/legend>/);
    assert.match(b, /<p class="field__hint" id="champ-q-site-aide">Même simple\.<\/p>/);
    assert.match(b, /<input type="radio" id="champ-q-site--yes" name="q\.site" value="yes" checked\/>\s*<label for="champ-q-site--yes">Oui<\/label>/);
    assert.match(b, /<input type="radio" id="champ-q-site--no" name="q\.site" value="no"\/>/);
    assert.doesNotMatch(b, /required=/);
  });

  test('single choice: radios with the answer checked; its condition said in words and marked for the script', () => {
    const b = block(html, 'owner');
    assert.match(b, /data-show-when="q\.site" data-show-when-values="yes"/);
    assert.match(b, /À remplir si vous avez répondu « Oui » à la question « Un site \? »\./);
    assert.match(b, /type="radio" id="champ-q-owner--agent" name="q\.owner" value="agent" checked/);
    assert.match(b, /<legend>Qui le tient \?<\/legend>/);
  });

  test('multiple choice: checkboxes, « plusieurs réponses » in the hint', () => {
    const b = block(html, 'channels');
    assert.match(b, /type="checkbox" id="champ-q-channels--app" name="q\.channels" value="app" checked/);
    assert.match(b, /type="checkbox" id="champ-q-channels--web" name="q\.channels" value="web"\/>/);
    assert.match(b, /Plusieurs réponses possibles\./);
  });

  test('number: a labelled text input for French numbers, bounds and unit in the hint, the error linked', () => {
    const b = block(html, 'budget');
    assert.match(b, /<label for="champ-q-budget">Budget<\/label>/);
    assert.match(b, /Un nombre entre 0 et 5[\s\u202f\u00a0]000 €\./);
    assert.match(b, /<p class="field__error" id="champ-q-budget-erreur">Question « budget » : indiquez un nombre\.<\/p>/);
    assert.match(
      b,
      /<input id="champ-q-budget" name="q\.budget" aria-describedby="champ-q-budget-aide champ-q-budget-erreur" aria-invalid="true" type="text" inputmode="decimal" value="1200"/,
    );
    assert.match(b, /class="field field--error"/);
  });

  test('short and long texts: input and textarea with their maximum length', () => {
    assert.match(
      block(html, 'name'),
      /<input id="champ-q-name" name="q\.name" aria-describedby="champ-q-name-aide" type="text" value="Mairie" maxlength="80"\/>/,
    );
    assert.match(block(html, 'name'), /\(obligatoire\)/);
    assert.match(
      block(html, 'story'),
      /<textarea id="champ-q-story" name="q\.story" aria-describedby="champ-q-story-aide" rows="5" maxlength="4000">Une histoire\.<\/textarea>/,
    );
  });

  test('prefixes, disabled, empty answers', () => {
    const other = render({ namePrefix: 'diag', idPrefix: 'd' });
    assert.match(other, /id="d-budget" name="diag\.budget"/);
    assert.doesNotMatch(other, /checked/);
    const disabled = render({ disabled: true });
    assert.equal(disabled.match(/disabled/g)?.length, 2 + 2 + 2 + 3);
  });

  test('a condition on several answers lists them all', () => {
    const d = questionnaireSchema.parse({
      questions: [
        {
          id: 'a',
          kind: 'single_choice',
          label: 'A ?',
          required: false,
          options: [
            { value: 'x', label: 'Ixe' },
            { value: 'y', label: 'Igrec' },
          ],
        },
        { id: 'b', kind: 'short_text', label: 'B', required: false, showWhen: { questionId: 'a', anyOf: ['x', 'y'] } },
      ],
    });
    assert.match(render({ questionnaire: d }), /À remplir si vous avez répondu « Ixe » ou « Igrec » à la question « A \? »\./);
  });
});
