import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SERVICES, THEMES } from './catalogue.data.ts';
import {
  compareVersions,
  isValidVersionLabel,
  MIN_SERVICES_PER_THEME,
  sameServiceName,
  SERVICE_ID_MAX,
  serviceSlug,
  uniqueServiceId,
  validateDraft,
  type ComparableService,
  type DraftTheme,
} from './referential.rules.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('serviceSlug', () => {
  const cases: [string, string][] = [
    ['Prévention de l’hameçonnage', 'prevention-hameconnage'],
    ['Paiement en ligne des services municipaux', 'paiement-ligne-services-municipaux'],
    ['Cœur de ville connecté', 'coeur-ville-connecte'],
    ['  Wi-Fi   public GRATUIT !  ', 'wi-fi-public-gratuit'],
    ['Ateliers « numérique & seniors » à la médiathèque', 'ateliers-numerique-seniors-mediatheque'],
    ['Âge d’or : l’école à 100 %', 'age-or-ecole-100'],
    ['De la', 'de-la'],
    ['!!!', 'service'],
    ['', 'service'],
  ];
  for (const [name, slug] of cases) {
    test(`${JSON.stringify(name)} → ${slug}`, () => assert.equal(serviceSlug(name), slug));
  }

  test('a long name is cut between words, never beyond the limit', () => {
    const slug = serviceSlug('Accompagnement personnalisé des familles éloignées du numérique dans toutes leurs démarches administratives quotidiennes');
    assert.ok(slug.length <= SERVICE_ID_MAX, slug);
    assert.match(slug, SLUG);
    assert.ok(slug.startsWith('accompagnement-personnalise-familles'));
    assert.ok(!slug.endsWith('-'));
  });

  test('a single word longer than the limit is cut', () => {
    const slug = serviceSlug('a'.repeat(200));
    assert.equal(slug, 'a'.repeat(SERVICE_ID_MAX));
  });

  test('every slug of the first catalogue is a valid id', () => {
    for (const s of SERVICES) assert.match(serviceSlug(s.name), SLUG, s.name);
  });
});

describe('uniqueServiceId', () => {
  test('the slug itself when free', () => {
    assert.equal(uniqueServiceId('Wifi public', new Set()), 'wifi-public');
  });

  test('a numbered suffix when the slug was ever given, even in another version', () => {
    assert.equal(uniqueServiceId('Wifi public', new Set(['wifi-public'])), 'wifi-public-2');
    assert.equal(uniqueServiceId('Wifi public', new Set(['wifi-public', 'wifi-public-2', 'wifi-public-3'])), 'wifi-public-4');
  });

  test('the suffix keeps the id within the limit', () => {
    const name = 'mot '.repeat(40);
    const base = serviceSlug(name);
    const id = uniqueServiceId(name, new Set([base]));
    assert.ok(id.length <= SERVICE_ID_MAX, id);
    assert.match(id, /-2$/);
    assert.match(id, SLUG);
  });

  test('never an id of the first catalogue', () => {
    const taken = new Set<string>(SERVICES.map((s) => s.id));
    for (const s of SERVICES) assert.ok(!taken.has(uniqueServiceId(s.name, taken)), s.name);
  });
});

describe('version labels', () => {
  for (const ok of ['2028', '2028-bis', 'v2', 'A']) test(`${ok} is valid`, () => assert.ok(isValidVersionLabel(ok)));
  for (const bad of ['', ' 2028', '2028/1', '-2028', 'deux mille', 'é2028', '2028.1', 'x'.repeat(21)]) {
    test(`${JSON.stringify(bad)} is refused`, () => assert.ok(!isValidVersionLabel(bad)));
  }
});

test('sameServiceName ignores case, accents, punctuation and spaces', () => {
  assert.ok(sameServiceName('Prise de rendez-vous en ligne', ' prise de RENDEZ VOUS en  ligne'));
  assert.ok(sameServiceName('Éducation', 'education'));
  assert.ok(!sameServiceName('Wifi public', 'Wifi publics'));
});

describe('validateDraft', () => {
  const service = (id: string, name = `Service ${id}`, description = 'Une phrase.') => ({ id, name, description });
  const theme = (id: string, ids: string[]): DraftTheme => ({ id, services: ids.map((s) => service(s)) });

  test('the first catalogue can be published', () => {
    const themes = THEMES.map((t) => ({ id: t.id, services: SERVICES.filter((s) => s.themeId === t.id) }));
    assert.deepEqual(validateDraft(themes), []);
  });

  test(`a theme with fewer than ${MIN_SERVICES_PER_THEME} services`, () => {
    assert.deepEqual(validateDraft([theme('a', ['a1', 'a2', 'a3', 'a4']), theme('b', ['b1', 'b2', 'b3'])]), [
      { kind: 'themeTooSmall', themeId: 'b', count: 3, min: MIN_SERVICES_PER_THEME },
    ]);
    assert.deepEqual(validateDraft([theme('c', [])]), [{ kind: 'themeTooSmall', themeId: 'c', count: 0, min: MIN_SERVICES_PER_THEME }]);
  });

  test('an empty name or description', () => {
    const t: DraftTheme = { id: 'a', services: [service('a1', '  '), service('a2', 'Deux', ''), service('a3'), service('a4')] };
    assert.deepEqual(validateDraft([t]), [
      { kind: 'nameMissing', serviceId: 'a1' },
      { kind: 'descriptionMissing', serviceId: 'a2' },
    ]);
  });

  test('an id or a name used twice, even in two themes', () => {
    const issues = validateDraft([
      { id: 'a', services: [service('x', 'Wifi public'), service('a2'), service('a3'), service('a4')] },
      { id: 'b', services: [service('x', 'Autre'), service('y', 'WIFI  publique'), service('z', 'wifi public'), service('b4')] },
    ]);
    assert.deepEqual(issues, [
      { kind: 'duplicateId', serviceId: 'x' },
      { kind: 'duplicateName', serviceId: 'z', sameAs: 'x' },
    ]);
  });
});

describe('compareVersions', () => {
  const s = (id: string, themeId = 't1', name = id, description = 'd', responsibleDigital = false): ComparableService => ({
    id,
    themeId,
    name,
    description,
    responsibleDigital,
  });

  test('no change', () => {
    const base = [s('a'), s('b')];
    assert.deepEqual(compareVersions(base, base), { added: [], retired: [], edited: [], moved: [], turnover: 0 });
  });

  test('added, retired, edited and moved services, and the turnover', () => {
    const base = [s('a'), s('b'), s('c'), s('d'), s('e')];
    const next = [s('a', 't1', 'A renommé'), s('b', 't2'), s('c', 't1', 'c', 'd', true), s('f'), s('g', 't2', 'g2', 'autre')];
    assert.deepEqual(compareVersions(base, next), { added: ['f', 'g'], retired: ['d', 'e'], edited: ['a', 'c'], moved: ['b'], turnover: 4 / 5 });
  });

  test('a service both renamed and moved counts in both', () => {
    const changes = compareVersions([s('a')], [s('a', 't2', 'Nouveau nom')]);
    assert.deepEqual([changes.edited, changes.moved], [['a'], ['a']]);
  });

  test('an empty base version', () => {
    assert.equal(compareVersions([], [s('a')]).turnover, 0);
  });
});
