import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { frenchTypography, typesetHtml } from './typography.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('frenchTypography (issue 12, finding 22)', () => {
  test('one apostrophe, the typographic one, between letters', () => {
    assert.equal(frenchTypography("Parcourir l'annuaire d'aujourd'hui"), 'Parcourir l’annuaire d’aujourd’hui');
    assert.equal(frenchTypography("'cité'"), "'cité'", 'a quote mark is not an apostrophe');
  });
  test('non-breaking spaces before a colon and inside « »', () => {
    assert.equal(frenchTypography('Région : Bretagne'), `Région${NBSP}: Bretagne`);
    assert.equal(frenchTypography('« @ verte »'), `«${NBSP}@ verte${NBSP}»`);
    assert.equal(frenchTypography('«verte»'), `«${NBSP}verte${NBSP}»`);
    assert.equal(frenchTypography('https://exemple.fr 12:30'), 'https://exemple.fr 12:30', 'a colon inside a word is left');
  });
  test('a narrow non-breaking space before ; ! ?', () => {
    assert.equal(frenchTypography('Pour qui ? Pour tous ! Oui ; non'), `Pour qui${NNBSP}? Pour tous${NNBSP}! Oui${NNBSP}; non`);
    assert.equal(frenchTypography('/palmares?region=52'), '/palmares?region=52', 'an address is left');
  });
  test('a number stays with its @', () => {
    assert.equal(frenchTypography('3 territoires à 5 @'), `3 territoires à 5${NBSP}@`);
  });
  test('idempotent', () => {
    const once = frenchTypography("« l'@ verte » : 5 @ ? oui !");
    assert.equal(frenchTypography(once), once);
  });
});

describe('typesetHtml', () => {
  test('typesets text, never tags, attributes nor code', () => {
    const html = `<p title="l'attribut : tel quel">l'annuaire : ici</p><code>a : b</code><textarea name="x">l'écrit : tel quel</textarea><script>const a = "b : c";</script><p>fin ?</p>`;
    assert.equal(
      typesetHtml(html),
      `<p title="l'attribut : tel quel">l’annuaire${NBSP}: ici</p><code>a : b</code><textarea name="x">l'écrit : tel quel</textarea><script>const a = "b : c";</script><p>fin${NNBSP}?</p>`,
    );
  });
  test('text split by an inline element is typeset on each side', () => {
    assert.equal(typesetHtml('<p>Niveau <strong>5 @</strong> ?</p>'), `<p>Niveau <strong>5${NBSP}@</strong>${NNBSP}?</p>`);
  });
});
