import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ofName } from './text.ts';

describe('ofName: « de » before a name, as French has it', () => {
  test('elided before a vowel, contracted with Le and Les, kept before La and a consonant', () => {
    assert.equal(ofName('Trélazé'), 'de Trélazé');
    assert.equal(ofName('Angers'), 'd’Angers');
    assert.equal(ofName('Évry-Courcouronnes'), 'd’Évry-Courcouronnes');
    assert.equal(ofName('Le Trait'), 'du Trait');
    assert.equal(ofName('Les Sables-d’Olonne'), 'des Sables-d’Olonne');
    assert.equal(ofName('La Rochelle'), 'de La Rochelle');
    assert.equal(ofName("L'Isle-Adam"), 'de l’Isle-Adam');
    assert.equal(ofName('Hérouville-Saint-Clair'), 'de Hérouville-Saint-Clair', 'no elision before h: aspirated or not, « de » stays readable');
  });
});
