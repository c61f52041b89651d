import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Question } from '../../platform/questionnaire/questionnaire.schema.ts';
import { pdfSafe } from '../../platform/pdf-text.ts';
import { answerText, markdownBlocks } from './dossier-text.ts';

describe('pdfSafe', () => {
  test('keeps French text as it is, WinAnsi’s quotes, dashes and ligatures included', () => {
    const text = 'Élus, agents : « cœur » – l’Œuvre — 12 € … ç à è ù ï';
    assert.equal(pdfSafe(text), text);
  });

  test('the narrow no-break space becomes a no-break space; other spaces and signs a stand-in', () => {
    assert.equal(pdfSafe('1\u202f200 demandes\u202f!'), '1\u00a0200 demandes\u00a0!');
    assert.equal(pdfSafe('a\u2009b → c ≥ d'), 'a\u00a0b -> c >= d');
  });

  test('a letter outside WinAnsi loses its accent; what has no stand-in becomes « ? »; controls go', () => {
    assert.equal(pdfSafe('Erdős Łódź'), 'Erdos Lódz');
    assert.equal(pdfSafe('Bravo 🎉'), 'Bravo ?');
    assert.equal(pdfSafe('a\u0007b\r\nc\td'), 'ab\nc d');
  });
});

describe('markdownBlocks', () => {
  test('paragraphs, headings and list items, emphasis dropped', () => {
    const source =
      'Le service RH a **dématérialisé** les _demandes_ :\n\n- demande en ligne\n- validation\n  1. par le chef\n  2. par la DRH\n\n## Résultats\n\nMoins de `papier`.';
    assert.deepEqual(markdownBlocks(source), [
      { kind: 'paragraph', text: 'Le service RH a dématérialisé les demandes :' },
      { kind: 'item', marker: '•', depth: 0, text: 'demande en ligne' },
      { kind: 'item', marker: '•', depth: 0, text: 'validation' },
      { kind: 'item', marker: '1.', depth: 1, text: 'par le chef' },
      { kind: 'item', marker: '2.', depth: 1, text: 'par la DRH' },
      { kind: 'heading', text: 'Résultats' },
      { kind: 'paragraph', text: 'Moins de papier.' },
    ]);
  });

  test('a link keeps its address after its text, once; a line break stays', () => {
    assert.deepEqual(markdownBlocks('Voir [le site](https://www.trelaze.fr) ou https://example.fr\nfin'), [
      { kind: 'paragraph', text: 'Voir le site (https://www.trelaze.fr) ou https://example.fr\nfin' },
    ]);
  });

  test('raw HTML is text, an empty description gives no block', () => {
    assert.deepEqual(markdownBlocks('<b>gras</b>'), [{ kind: 'paragraph', text: '<b>gras</b>' }]);
    assert.deepEqual(markdownBlocks('  \n'), []);
  });
});

describe('answerText', () => {
  const q = (kind: Question['kind'], extra: Partial<Question> = {}): Question => ({ id: 'q', label: 'Q', kind, required: false, ...extra });
  const options = [
    { value: 'site', label: 'Un site internet' },
    { value: 'appli', label: 'Une application' },
  ];

  test('yes/no in French, options by their labels, numbers with their unit', () => {
    assert.equal(answerText(q('yes_no'), 'yes'), 'Oui');
    assert.equal(answerText(q('yes_no'), 'no'), 'Non');
    assert.equal(answerText(q('single_choice', { options }), 'appli'), 'Une application');
    assert.equal(answerText(q('multiple_choice', { options }), ['site', 'appli']), 'Un site internet ; Une application');
    assert.equal(answerText(q('number', { unit: 'agents' }), 1200), '1\u202f200 agents');
    assert.equal(answerText(q('long_text'), 'Un texte.'), 'Un texte.');
    assert.equal(answerText(q('number', { min: 1995, max: 2100 }), 2019), '2019', 'a year is not grouped');
    assert.equal(answerText(q('number', { min: 0 }), 2019), '2\u202f019');
  });

  test('no answer is null', () => {
    assert.equal(answerText(q('short_text'), undefined), null);
    assert.equal(answerText(q('multiple_choice', { options }), []), null);
  });
});
