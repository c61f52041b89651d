import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadPasswordEstimator } from './password-estimator.ts';
import { passwordWeakness as weaknessWith } from './password-strength.rules.ts';

const estimator = await loadPasswordEstimator();
const passwordWeakness = (password: string, userInputs?: readonly string[]) => weaknessWith(estimator, password, userInputs);

// Issue 11, finding 10: twelve characters were enough, so `123456789012` and `aaaaaaaaaaaa` passed.

describe('passwordWeakness: the common and the trivial are refused, in French', () => {
  test('the passwords of the finding, and other usual ones, are refused', () => {
    for (const password of ['123456789012', 'aaaaaaaaaaaa', 'azertyuiopqs', 'motdepasse123', 'bonjourbonjour', 'Password1234', 'Azerty123456']) {
      const weakness = passwordWeakness(password);
      assert.ok(weakness, `${password} is refused`);
      assert.match(weakness, /^trop facile à deviner/, password);
    }
  });

  test('the reason names what makes it guessable, with French spacing', () => {
    assert.match(passwordWeakness('123456789012') ?? '', /très utilisé|couramment utilisé|fréquemment utilisé/);
    assert.match(passwordWeakness('aaaaaaaaaaaa') ?? '', /répétés/);
    assert.match(passwordWeakness('aaaaaaaaaaaa') ?? '', /deviner\u00a0: /);
  });

  test('a password made of the account’s own address or name is refused', () => {
    const inputs = ['marie.dupont@trelaze.example.fr', 'Marie Dupont'];
    assert.ok(passwordWeakness('marie.dupont@trelaze', inputs));
    assert.ok(passwordWeakness('MarieDupont2026', inputs));
  });

  test('long passphrases and random passwords are accepted', () => {
    for (const password of ['une phrase de passe assez longue', 'la Loire coule sous le pont de Trélazé', 'Tk8#vQ2!mZp4wL', 'Soleil-Ardoise-Loire-27']) {
      assert.equal(passwordWeakness(password), null, password);
    }
  });
});
