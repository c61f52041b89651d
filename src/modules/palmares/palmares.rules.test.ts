import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { areaLocative, frenchList, legendLabel, summarySentences, type SummaryScope } from './palmares.messages.ts';
import {
  contradictoryPlace,
  departmentStats,
  facetCounts,
  filterEntries,
  FOLDED_LEVEL_SIZE,
  groupByLevel,
  neighbourEditions,
  openLevels,
  UNFOLDED_PAGE_SIZE,
  palmaresQuery,
  parseEditionYear,
  readFilters,
  summarise,
  type KnownValues,
  type PalmaresEntry,
  type PalmaresFilters,
} from './palmares.rules.ts';
import { SHADE_CLASSES } from './map.rules.ts';
import type { DistinctionKind } from '../label/results.rules.ts';

const PDL = { code: '52', name: 'Pays de la Loire' };
const IDF = { code: '11', name: 'Île-de-France' };
const NOR = { code: '28', name: 'Normandie' };
const BRE = { code: '53', name: 'Bretagne' };

function entry(
  code: string,
  level: number,
  place: { department: string; region: { code: string; name: string } },
  more: Partial<PalmaresEntry> = {},
): PalmaresEntry {
  return {
    code,
    name: code,
    category: 'ville',
    stratum: '3k-20k',
    department: { code: place.department, name: `Département ${place.department}` },
    region: place.region,
    level,
    distinctions: [],
    ...more,
  };
}

/** 2023 of the test fixture, plus an extra Île-de-France laureate to make ties and plurals. */
const ENTRIES: PalmaresEntry[] = [
  entry('trelaze', 5, { department: '49', region: PDL }, { distinctions: ['verte'] }),
  entry('angers', 5, { department: '49', region: PDL }, { stratum: 'gt100k' }),
  entry('issy', 5, { department: '92', region: IDF }, { distinctions: ['democratie-locale'], stratum: '20k-100k' }),
  entry('le-trait', 4, { department: '76', region: NOR }),
  entry('lannion', 4, { department: '22', region: BRE }, { category: 'territoire', stratum: '20k-100k', distinctions: ['numerique-educatif'] }),
  entry('saint-sulpice', 3, { department: '35', region: BRE }, { category: 'village', stratum: 'lt3k', distinctions: ['verte'] }),
];

const KNOWN: KnownValues = {
  regions: new Set(['11', '28', '52', '53', '04', '32']),
  departments: new Set(['22', '35', '49', '76', '92', '2A', '974']),
  distinctions: new Set(['verte', 'democratie-locale', 'numerique-educatif', 'excellence']),
};

const DISTINCTIONS = new Map<string, { name: string; kind: DistinctionKind }>([
  ['verte', { name: '@ verte', kind: 'mention' }],
  ['democratie-locale', { name: 'Mention Démocratie locale', kind: 'mention' }],
  ['numerique-educatif', { name: 'Mention Numérique éducatif', kind: 'mention' }],
  ['excellence', { name: 'Territoire d’excellence numérique', kind: 'excellence' }],
]);
const ORDER = [...DISTINCTIONS.keys()];
const AREA_NAMES = new Map([
  ['region:52', 'Pays de la Loire'],
  ['region:11', 'Île-de-France'],
  ['region:04', 'La Réunion'],
  ['region:28', 'Normandie'],
  ['region:53', 'Bretagne'],
  ['department:49', 'Maine-et-Loire'],
  ['department:974', 'La Réunion'],
]);

/** Sentences with ordinary spaces, to compare with readable literals. */
const plain = (sentences: string[]) => sentences.map((s) => s.replace(/[\u00a0\u202f]/g, ' '));

function sentences(filters: PalmaresFilters, scope: Omit<SummaryScope, 'year'> = {}, entries = ENTRIES) {
  const summary = summarise(entries, filters, { distinctionOrder: ORDER, areaNames: AREA_NAMES });
  return plain(summarySentences({ year: 2023, ...scope }, summary, DISTINCTIONS));
}

describe('palmarès rules: reading the URL', () => {
  test('a year is four digits, nothing else', () => {
    assert.equal(parseEditionYear('2023'), 2023);
    assert.equal(parseEditionYear('1850'), 1850);
    for (const bad of ['abc', '20233', '203', '', '2023.0', ' 2023', '-2023', '２０２３']) assert.equal(parseEditionYear(bad), null, bad);
  });

  test('known values are applied, unknown ones reported, empty ones are no filter', () => {
    const read = readFilters({ region: '52', department: '2a', category: 'ville', stratum: 'gt100k', distinction: 'verte' }, KNOWN);
    assert.deepEqual(read, { filters: { region: '52', department: '2A', category: 'ville', stratum: 'gt100k', distinction: 'verte' }, ignored: [] });
    const wrong = readFilters({ region: '99', department: '', category: 'hameau', stratum: ['lt3k', 'gt100k'], distinction: 'dorée' }, KNOWN);
    assert.deepEqual(wrong.filters, { stratum: 'lt3k' });
    assert.deepEqual(wrong.ignored, [
      { filter: 'region', value: '99' },
      { filter: 'category', value: 'hameau' },
      { filter: 'distinction', value: 'dorée' },
    ]);
    assert.equal(readFilters({ region: 'x'.repeat(500) }, KNOWN).ignored[0]!.value.length, 100, 'a long value is cut in the notice');
  });

  test('the level is one of 1 to 5, nothing else', () => {
    assert.deepEqual(readFilters({ level: ' 4 ' }, KNOWN).filters, { level: '4' });
    for (const bad of ['0', '6', '04', '4.0', 'cinq', '-1'])
      assert.deepEqual(readFilters({ level: bad }, KNOWN).ignored, [{ filter: 'level', value: bad }], bad);
    assert.equal(palmaresQuery({ level: '2', department: '49' }).toString(), 'niveau=2&departement=49');
  });

  test('the page URL uses French parameter names in a stable order', () => {
    assert.equal(
      palmaresQuery({ distinction: 'verte', department: '49', category: 'ville' }, { carte: 'niveau', vide: '' }).toString(),
      'departement=49&categorie=ville&distinction=verte&carte=niveau',
    );
  });
});

describe('palmarès rules: filtering, grouping, counting', () => {
  test('every filter narrows the list; the map leaves out its own filter', () => {
    const codes = (filters: PalmaresFilters, except: ('department' | 'region')[] = []) => filterEntries(ENTRIES, filters, except).map((e) => e.code);
    assert.deepEqual(codes({ department: '49' }), ['trelaze', 'angers']);
    assert.deepEqual(codes({ region: '53' }), ['lannion', 'saint-sulpice']);
    assert.deepEqual(codes({ category: 'village' }), ['saint-sulpice']);
    assert.deepEqual(codes({ stratum: '20k-100k' }), ['issy', 'lannion']);
    assert.deepEqual(codes({ distinction: 'verte' }), ['trelaze', 'saint-sulpice']);
    assert.deepEqual(codes({ distinction: 'verte', region: '52' }), ['trelaze']);
    assert.deepEqual(codes({ distinction: 'verte', department: '49' }, ['department']), ['trelaze', 'saint-sulpice']);
    assert.deepEqual(codes({ level: '4' }), ['le-trait', 'lannion']);
    assert.deepEqual(codes({ level: '4', region: '53' }), ['lannion']);
    assert.deepEqual(codes({ level: '1' }), []);
    assert.equal(codes({}).length, 6);
  });

  test('facet counts apply the other filters, not their own', () => {
    assert.deepEqual(Object.fromEntries(facetCounts(ENTRIES, { region: '52' }, 'region')), { '52': 2, '11': 1, '28': 1, '53': 2 });
    assert.deepEqual(Object.fromEntries(facetCounts(ENTRIES, { region: '53' }, 'distinction')), { 'numerique-educatif': 1, verte: 1 });
    assert.deepEqual(Object.fromEntries(facetCounts(ENTRIES, { distinction: 'verte' }, 'category')), { ville: 1, village: 1 });
    assert.deepEqual(Object.fromEntries(facetCounts(ENTRIES, { level: '5' }, 'level')), { '5': 3, '4': 2, '3': 1 });
    assert.deepEqual(Object.fromEntries(facetCounts(ENTRIES, { distinction: 'verte' }, 'level')), { '5': 1, '3': 1 });
  });

  test('groups by level, the top level first, empty levels left out, order kept', () => {
    const groups = groupByLevel(ENTRIES);
    assert.deepEqual(
      groups.map((g) => [g.level, g.entries.map((e) => e.code)]),
      [
        [5, ['trelaze', 'angers', 'issy']],
        [4, ['le-trait', 'lannion']],
        [3, ['saint-sulpice']],
      ],
    );
    assert.deepEqual(groupByLevel([]), []);
  });

  test('a long palmarès lists its small levels only (each large one has its own list), a short one (a filtered page) lists all', () => {
    const group = (level: number, n: number) => ({ level, entries: Array.from({ length: n }, (_, i) => i) });
    // 2026 of the demo: 344 laureates, 24 / 28 / 106 / 119 / 67 per level.
    const long = [group(5, 24), group(4, 28), group(3, 106), group(2, 119), group(1, 67)];
    assert.deepEqual([...openLevels(long)].sort(), [4, 5]);
    // The limits themselves: a level of exactly FOLDED_LEVEL_SIZE stays open; a page of UNFOLDED_PAGE_SIZE folds nothing.
    assert.deepEqual([...openLevels([group(5, FOLDED_LEVEL_SIZE), group(3, FOLDED_LEVEL_SIZE + 1), group(1, 200)])], [5]);
    assert.deepEqual([...openLevels([group(5, 10), group(3, UNFOLDED_PAGE_SIZE - 10)])].sort(), [3, 5]);
    assert.deepEqual([...openLevels([group(5, 10), group(3, UNFOLDED_PAGE_SIZE - 9)])], [5]);
    assert.deepEqual([...openLevels([])], []);
    // One level left (the level filter): listed, however long.
    assert.deepEqual([...openLevels([group(2, 500)])], [2]);
  });

  test('per département: labelled territories and average level, one decimal', () => {
    const stats = departmentStats([...ENTRIES, entry('x', 4, { department: '49', region: PDL })]);
    assert.deepEqual(stats.get('49'), { count: 3, average: 4.7 });
    assert.deepEqual(stats.get('35'), { count: 1, average: 3 });
    assert.equal(stats.get('01'), undefined);
  });

  test('a département filter outside the région filter contradicts it; inside, or alone, it does not', () => {
    const regions = new Map<string, string | null>([
      ['76', NOR.code],
      ['49', PDL.code],
      ['975', null],
    ]);
    assert.deepEqual(contradictoryPlace({ region: PDL.code, department: '76' }, regions), { department: '76', region: PDL.code });
    assert.equal(contradictoryPlace({ region: PDL.code, department: '49' }, regions), null);
    assert.equal(contradictoryPlace({ department: '76' }, regions), null);
    assert.equal(contradictoryPlace({ region: PDL.code }, regions), null);
    assert.equal(contradictoryPlace({ region: PDL.code, department: '975' }, regions), null, 'a département without a région is not known to contradict');
  });

  test('previous and next published editions, gaps allowed', () => {
    assert.deepEqual(neighbourEditions([2023, 2021, 2017], 2021), { previous: 2017, next: 2023 });
    assert.deepEqual(neighbourEditions([2023, 2021], 2023), { previous: 2021, next: null });
    assert.deepEqual(neighbourEditions([2017], 2017), { previous: null, next: null });
  });

  test('the summary names the région with most top-level laureates, ties broken by name', () => {
    assert.deepEqual(summarise(ENTRIES, {}, { distinctionOrder: ORDER, areaNames: AREA_NAMES }).top, {
      total: 3,
      area: { kind: 'region', code: '52', name: 'Pays de la Loire', count: 2 },
    });
    const tie = [entry('a', 5, { department: '76', region: NOR }), entry('b', 5, { department: '35', region: BRE })];
    assert.equal(summarise(tie, {}, { distinctionOrder: ORDER, areaNames: AREA_NAMES }).top.area?.name, 'Bretagne');
    const summary = summarise(ENTRIES, { region: '11' }, { distinctionOrder: ORDER, areaNames: AREA_NAMES });
    assert.equal(summary.total, 1);
    assert.deepEqual(summary.top, { total: 3, area: { kind: 'region', code: '11', name: 'Île-de-France', count: 1 } }, 'the top-level count stays national');
    assert.deepEqual(summary.distinctions, [{ code: 'democratie-locale', count: 1 }]);
  });
});

describe('palmarès sentences (French agreement: none, one, several)', () => {
  test('the whole edition', () => {
    assert.deepEqual(sentences({}), [
      'En 2023, 6 territoires ont été labellisés : 3 à 5 @, 2 à 4 @ et 1 à 3 @.',
      '3 territoires ont obtenu 5 @, dont 2 dans les Pays de la Loire.',
      'Parmi les 6 territoires labellisés, 2 ont reçu la distinction « @ verte », 1 a reçu la mention « Démocratie locale » et 1 a reçu la mention « Numérique éducatif ».',
    ]);
  });

  test('large numbers are grouped the French way', () => {
    const many = Array.from({ length: 1234 }, (_, i) => entry(`t${i}`, 2, { department: '49', region: PDL }));
    assert.match(sentences({}, {}, many)[0]!, /^En 2023, 1 234 territoires ont été labellisés : 1 234 à 2 @\.$/);
  });

  test('a filtered région: the place in the first sentence, the national count in the second', () => {
    assert.deepEqual(sentences({ region: '11' }, { place: 'en Île-de-France' }), [
      'En 2023, en Île-de-France, 1 territoire a été labellisé à 5 @.',
      'Dans toute la France, 3 territoires ont obtenu 5 @, dont 1 en Île-de-France.',
      'Ce territoire a reçu la mention « Démocratie locale ».',
    ]);
    assert.deepEqual(sentences({ region: '04' }, { place: 'à La Réunion' }), ['En 2023, à La Réunion, aucun territoire n’a été labellisé.']);
  });

  test('a filtered département with all the top-level laureates of a category: « toutes »', () => {
    assert.deepEqual(sentences({ department: '49', stratum: 'gt100k' }, { place: 'dans le département Maine-et-Loire (49)', stratum: 'gt100k' }), [
      'En 2023, dans le département Maine-et-Loire (49), 1 territoire de plus de 100 000 habitants a été labellisé à 5 @.',
      'Dans toute la France, 1 territoire de plus de 100 000 habitants a obtenu 5 @, situé dans le Maine-et-Loire.',
    ]);
    const villes = [
      entry('a', 5, { department: '49', region: PDL }),
      entry('b', 5, { department: '49', region: PDL }),
      entry('c', 4, { department: '49', region: PDL }),
    ];
    assert.deepEqual(sentences({ category: 'ville' }, { category: 'ville' }, villes), [
      'En 2023, 3 villes ont été labellisées : 2 à 5 @ et 1 à 4 @.',
      '2 villes ont obtenu 5 @, toutes dans les Pays de la Loire.',
    ]);
  });

  test('no top-level laureate in the filtered place: « aucun », « aucune »', () => {
    assert.deepEqual(sentences({ region: '53' }, { place: 'en Bretagne' }).slice(1, 2), [
      'Dans toute la France, 3 territoires ont obtenu 5 @, aucun en Bretagne.',
    ]);
    const villes = [entry('a', 5, { department: '49', region: PDL }), entry('b', 3, { department: '76', region: NOR })];
    assert.deepEqual(sentences({ category: 'ville', region: '28' }, { category: 'ville', place: 'en Normandie' }, villes), [
      'En 2023, en Normandie, 1 ville a été labellisée à 3 @.',
      'Dans toute la France, 1 ville a obtenu 5 @, aucune en Normandie.',
    ]);
  });

  test('no laureate at all: one sentence, agreed with the noun', () => {
    assert.deepEqual(sentences({ category: 'ville', stratum: 'lt3k' }, { category: 'ville', stratum: 'lt3k' }), [
      'En 2023, aucune ville de moins de 3 000 habitants n’a été labellisée.',
    ]);
    assert.deepEqual(sentences({ category: 'territoire', stratum: 'gt100k' }, { category: 'territoire', stratum: 'gt100k' }), [
      'En 2023, aucun territoire intercommunal de plus de 100 000 habitants n’a été labellisé.',
    ]);
  });

  test('none at the top level', () => {
    assert.deepEqual(sentences({ category: 'village' }, { category: 'village' }), [
      'En 2023, 1 village a été labellisé à 3 @.',
      'Aucun village n’a obtenu 5 @.',
      'Ce village a reçu la distinction « @ verte ».',
    ]);
  });

  test('a filtered level: that level alone, no sentence about the 5 @ ones, the distinctions among them', () => {
    assert.deepEqual(sentences({ level: '4' }, { level: 4 }), [
      'En 2023, 2 territoires ont obtenu 4 @.',
      'Parmi les 2 territoires labellisés, 1 a reçu la mention « Numérique éducatif ».',
    ]);
    assert.deepEqual(sentences({ level: '3', region: BRE.code }, { level: 3, place: 'en Bretagne' }), [
      'En 2023, en Bretagne, 1 territoire a obtenu 3 @.',
      'Ce territoire a reçu la distinction « @ verte ».',
    ]);
    assert.deepEqual(sentences({ level: '1' }, { level: 1 }), ['En 2023, aucun territoire n’a obtenu 1 @.']);
  });

  test('a filtered distinction qualifies the laureates and is not repeated', () => {
    assert.deepEqual(sentences({ distinction: 'verte' }, { distinction: { code: 'verte', ...DISTINCTIONS.get('verte')! } }), [
      'En 2023, 2 territoires titulaires de la distinction « @ verte » ont été labellisés : 1 à 5 @ et 1 à 3 @.',
      '1 territoire titulaire de la distinction « @ verte » a obtenu 5 @, situé dans les Pays de la Loire.',
    ]);
  });

  test('the multi-year distinction is a title; several distinctions of one laureate are listed', () => {
    const excellent = [
      entry('trelaze', 5, { department: '49', region: PDL }, { distinctions: ['verte', 'excellence'] }),
      entry('angers', 5, { department: '49', region: PDL }, { distinctions: ['excellence'] }),
    ];
    assert.deepEqual(sentences({}, {}, excellent).slice(1), [
      '2 territoires ont obtenu 5 @, tous dans les Pays de la Loire.',
      'Parmi les 2 territoires labellisés, 1 a reçu la distinction « @ verte » et 2 ont reçu le titre « Territoire d’excellence numérique ».',
    ]);
    assert.deepEqual(sentences({}, {}, excellent.slice(0, 1)).slice(2), [
      'Ce territoire a reçu la distinction « @ verte » et le titre « Territoire d’excellence numérique ».',
    ]);
    assert.deepEqual(sentences({ category: 'ville' }, { category: 'ville' }, excellent.slice(1)).slice(2), [
      'Cette ville a reçu le titre « Territoire d’excellence numérique ».',
    ]);
  });

  test('places: the right preposition for each région and département (issue 12, finding 22)', () => {
    assert.equal(areaLocative({ kind: 'region', code: '53', name: 'Bretagne' }), 'en Bretagne');
    assert.equal(areaLocative({ kind: 'region', code: '32', name: 'Hauts-de-France' }), 'dans les Hauts-de-France');
    assert.equal(areaLocative({ kind: 'region', code: '44', name: 'Grand Est' }), 'dans le Grand Est');
    assert.equal(areaLocative({ kind: 'region', code: '04', name: 'La Réunion' }), 'à La Réunion');
    assert.equal(areaLocative({ kind: 'department', code: '2A', name: 'Corse-du-Sud' }), 'en Corse-du-Sud');
    assert.equal(areaLocative({ kind: 'department', code: '49', name: 'Maine-et-Loire' }), 'dans le Maine-et-Loire');
    assert.equal(areaLocative({ kind: 'department', code: '01', name: 'Ain' }), 'dans l’Ain');
    assert.equal(frenchList(['a']), 'a');
    assert.equal(frenchList(['a', 'b', 'c']), 'a, b et c');
  });

  test('legend labels of the map classes', () => {
    assert.deepEqual(
      SHADE_CLASSES.nombre.map((c) => legendLabel('nombre', c)),
      ['1 territoire', '2 territoires', '3 ou 4 territoires', '5 à 9 territoires', '10 territoires ou plus'],
    );
    assert.deepEqual(plain(SHADE_CLASSES.niveau.map((c) => legendLabel('niveau', c))), [
      'de 1 à 1,4 @',
      'de 1,5 à 2,4 @',
      'de 2,5 à 3,4 @',
      'de 3,5 à 4,4 @',
      'de 4,5 à 5 @',
    ]);
  });
});
