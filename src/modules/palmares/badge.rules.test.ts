import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertWellFormedXml } from '../../../test/support/well-formed-xml.ts';
import { badgeEtag, describeBadge, escapeXml, renderBadgeSvg } from './badge.rules.ts';
import { etagMatches } from '../../platform/http/page-cache.ts';

// The SVG is not typeset by render.ts: « 5 @ » keeps its sign (non-breaking space), « : » its space.
const NBSP = '\u00a0';

const textsOf = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('badge', () => {
  test('a labelled territory: its level as @ signs, the edition, its name and an accessible name', () => {
    const badge = describeBadge({ name: 'Trélazé', current: { year: 2023, level: 5 }, labelName: 'Label arobase' });
    const svg = renderBadgeSvg(badge);
    assertWellFormedXml(svg);
    assert.deepEqual(textsOf(svg), ['@@@@@', `5${NBSP}@ · Label 2023`, 'Trélazé']);
    assert.ok(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" '));
    const label = `Trélazé${NBSP}: Label arobase 5${NBSP}@ en 2023`;
    assert.ok(svg.includes(`role="img" aria-label="${label}"><title>${label}</title>`));
    assert.match(svg, new RegExp(`width="${badge.width}" height="56" viewBox="0 0 ${badge.width} 56"`));
    assert.equal(badge.label, label);
  });

  test('a territory never labelled gets the neutral badge', () => {
    const badge = describeBadge({ name: 'Béhuard', current: null, labelName: 'Label arobase' });
    const svg = renderBadgeSvg(badge);
    assertWellFormedXml(svg);
    assert.deepEqual(textsOf(svg), ['@', 'Label arobase', 'Béhuard']);
    assert.equal(badge.labelled, false);
    assert.ok(svg.includes(`<title>Label arobase${NBSP}: Béhuard n’est pas encore labellisé</title>`));
  });

  test('names with &, quotes and < are escaped in the text, the title and the label', () => {
    for (const name of ['Saint-Martin & Co', 'A "B" <script>alert(1)</script>']) {
      const svg = renderBadgeSvg(describeBadge({ name, current: { year: 2022, level: 3 }, labelName: 'Label arobase' }));
      assertWellFormedXml(svg);
      assert.ok(!svg.includes('<script'), 'no markup from a name');
      assert.ok(svg.includes(`<title>${escapeXml(name)}${NBSP}: Label arobase 3${NBSP}@ en 2022</title>`));
      assert.ok(svg.includes(`aria-label="${escapeXml(name)}${NBSP}: Label arobase 3${NBSP}@ en 2022"`));
    }
    assert.equal(escapeXml(`L'Haÿ & "<b>"`), 'L&apos;Haÿ &amp; &quot;&lt;b&gt;&quot;');
  });

  test("its texts are typeset as the pages are: ’ for ', « 5 @ » and « : » never broken", () => {
    const badge = describeBadge({ name: "L'Haÿ-les-Roses", current: { year: 2022, level: 3 }, labelName: "Label d'arobase" });
    const svg = renderBadgeSvg(badge);
    assertWellFormedXml(svg);
    assert.deepEqual(textsOf(svg), ['@@@', `3${NBSP}@ · Label 2022`, 'L’Haÿ-les-Roses']);
    assert.equal(badge.label, `L’Haÿ-les-Roses${NBSP}: Label d’arobase 3${NBSP}@ en 2022`);
    assert.ok(svg.includes(`<title>${badge.label}</title>`) && svg.includes(`aria-label="${badge.label}"`));
    for (const text of [...textsOf(svg), badge.label]) assert.ok(!/'|&apos;|\d @| :/.test(text ?? ''), `typeset: ${text}`);
    const neutral = describeBadge({ name: "Villeneuve-d'Ascq", current: null, labelName: "Label d'arobase" });
    assert.equal(neutral.headline, 'Label d’arobase');
    assert.equal(neutral.name, 'Villeneuve-d’Ascq');
    assert.equal(neutral.label, `Label d’arobase${NBSP}: Villeneuve-d’Ascq n’est pas encore labellisé`);
  });

  test('the well-formedness check does refuse broken XML', () => {
    for (const broken of [
      '<svg><text>a & b</text></svg>',
      '<svg><g></svg>',
      '<svg a="1" a="2"></svg>',
      '<svg></svg><svg></svg>',
      '<svg><text>x</g></text></svg>',
    ]) {
      assert.throws(() => assertWellFormedXml(broken), assert.AssertionError, broken);
    }
  });

  test('the width grows with the name; a very long name is shortened, the accessible name keeps it whole', () => {
    const short = describeBadge({ name: 'Issy', current: { year: 2023, level: 5 }, labelName: 'Label arobase' });
    const long = describeBadge({ name: 'Saint-Remy-en-Bouzemont-Saint-Genest-et-Isson', current: { year: 2023, level: 5 }, labelName: 'Label arobase' });
    assert.ok(long.width > short.width);
    const huge = describeBadge({
      name: 'CA de la Presqu’île de Guérande Atlantique (Cap Atlantique) et encore bien plus loin',
      current: null,
      labelName: 'Label arobase',
    });
    assert.ok(huge.name.endsWith('…') && huge.width < 420, `${huge.width}`);
    assert.ok(huge.label.includes('(Cap Atlantique) et encore bien plus loin'));
  });

  test('more @ signs make a wider left part; a level out of range gives the neutral badge', () => {
    const one = describeBadge({ name: 'X', current: { year: 2023, level: 1 }, labelName: 'Label arobase' });
    const five = describeBadge({ name: 'X', current: { year: 2023, level: 5 }, labelName: 'Label arobase' });
    assert.ok(five.signsWidth > one.signsWidth);
    assert.equal(describeBadge({ name: 'X', current: { year: 2023, level: 9 }, labelName: 'Label arobase' }).labelled, false);
  });

  test('ETag: same SVG same tag, another SVG another; If-None-Match compared weakly, lists and *', () => {
    const a = renderBadgeSvg(describeBadge({ name: 'Trélazé', current: { year: 2023, level: 5 }, labelName: 'Label arobase' }));
    const b = renderBadgeSvg(describeBadge({ name: 'Trélazé', current: { year: 2024, level: 3 }, labelName: 'Label arobase' }));
    assert.equal(badgeEtag(a), badgeEtag(a));
    assert.notEqual(badgeEtag(a), badgeEtag(b));
    const tag = badgeEtag(a);
    assert.match(tag, /^W\/"[\w-]+"$/);
    assert.ok(etagMatches(tag, tag));
    assert.ok(etagMatches(tag.slice(2), tag), 'a strong form of the same tag');
    assert.ok(etagMatches(`"other", ${tag}`, tag));
    assert.ok(etagMatches('*', tag));
    assert.ok(!etagMatches(badgeEtag(b), tag));
    assert.ok(!etagMatches(undefined, tag));
  });
});
