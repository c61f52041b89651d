import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { distinctionLabel, distinctionPhrase, inRegion, pressKitMessages } from './press-kit.messages.ts';
import {
  compareLaureates,
  countDistinctions,
  levelsHeld,
  pressKitCsv,
  pressKitCsvRow,
  pressKitSummary,
  regionSlug,
  topLevelSentences,
  type CatalogueDistinction,
  type PressKitDecision,
} from './press-kit.rules.ts';

const NNBSP = '\u202f';
const BOM = '\uFEFF';

const CATALOGUE: CatalogueDistinction[] = [
  { code: 'verte', name: '@ verte', kind: 'mention' },
  { code: 'democratie-locale', name: 'Mention Démocratie locale', kind: 'mention' },
  { code: 'excellence', name: 'Territoire d’excellence numérique', kind: 'excellence' },
];

const PDL = { code: '52', name: 'Pays de la Loire' };
const IDF = { code: '11', name: 'Île-de-France' };
const NORMANDIE = { code: '28', name: 'Normandie' };

let next = 0;
function decision(over: Partial<PressKitDecision> & Pick<PressKitDecision, 'name' | 'level'>): PressKitDecision {
  next += 1;
  return {
    territoryCode: String(10000 + next),
    kind: 'commune',
    category: 'ville',
    population: 10_000,
    department: { code: '49', name: 'Maine-et-Loire' },
    region: PDL,
    distinctions: [],
    ...over,
  };
}

describe('press kit: the French around the figures', () => {
  test('where a région is: « en », « à » for the islands without article, « hors région » without one', () => {
    assert.equal(inRegion('Pays de la Loire'), 'en Pays de la Loire');
    assert.equal(inRegion('Île-de-France'), 'en Île-de-France');
    assert.equal(inRegion('La Réunion'), 'à La Réunion');
    assert.equal(inRegion('Mayotte'), 'à Mayotte');
    assert.equal(inRegion(null), 'hors région');
  });

  test('a distinction is « la mention … » without repeating « Mention », the title is named as such', () => {
    assert.equal(distinctionPhrase('@ verte', 'mention'), 'la mention @ verte');
    assert.equal(distinctionPhrase('Mention Démocratie locale', 'mention'), 'la mention Démocratie locale');
    assert.equal(distinctionPhrase('Territoire d’excellence numérique', 'excellence'), 'le titre « Territoire d’excellence numérique »');
    assert.equal(distinctionLabel('@ verte', 'mention'), 'Mention @ verte', 'never a cell starting with @');
    assert.equal(distinctionLabel('Mention Démocratie locale', 'mention'), 'Mention Démocratie locale');
    assert.equal(distinctionLabel('Territoire d’excellence numérique', 'excellence'), 'Territoire d’excellence numérique');
  });

  test('the national sentence: plurals, « dont », « tous », and nothing about 5 @ when none has it', () => {
    const m = pressKitMessages.sentences;
    assert.equal(m.national(312, 2027, 63, 5), '312 territoires labellisés en 2027, dont 63 à 5 @');
    assert.equal(m.national(1, 2027, 0, 5), '1 territoire labellisé en 2027');
    assert.equal(m.national(1, 2027, 1, 5), '1 territoire labellisé en 2027, à 5 @');
    assert.equal(m.national(3, 2027, 3, 5), '3 territoires labellisés en 2027, tous à 5 @');
    assert.equal(m.national(1200, 2027, 1, 5), `1${NNBSP}200 territoires labellisés en 2027, dont 1 à 5 @`, 'thousands with a narrow no-break space');
  });

  test('a distinction’s sentence agrees with its count', () => {
    const m = pressKitMessages.sentences;
    assert.equal(m.distinction(2, '@ verte', 'mention'), '2 territoires reçoivent la mention @ verte');
    assert.equal(m.distinction(1, '@ verte', 'mention'), '1 territoire reçoit la mention @ verte');
  });

  test('a région’s sentence lists the levels held, from the best', () => {
    const m = pressKitMessages.sentences;
    const levels = [
      { level: 5, count: 3 },
      { level: 4, count: 7 },
    ];
    assert.equal(m.region('Pays de la Loire', 24, levels), 'En Pays de la Loire, 24 territoires labellisés : 3 à 5 @, 7 à 4 @');
    assert.equal(m.region('La Réunion', 1, [{ level: 1, count: 1 }]), 'À La Réunion, 1 territoire labellisé : 1 à 1 @');
    assert.equal(m.region(null, 2, [{ level: 2, count: 2 }]), 'Hors région, 2 territoires labellisés : 2 à 2 @');
  });

  test('a kind at the top level: « dont » the leading région, « toutes » when they are all there, one named alone', () => {
    const m = pressKitMessages.sentences;
    assert.equal(m.topByKind('commune', 63, 5, 'Île-de-France', 17), '63 communes à 5 @ dont 17 en Île-de-France');
    assert.equal(m.topByKind('commune', 3, 5, 'Normandie', 3), '3 communes à 5 @, toutes en Normandie');
    assert.equal(m.topByKind('departement', 2, 5, 'Normandie', 2), '2 départements à 5 @, tous en Normandie');
    assert.equal(m.topByKind('epci', 1, 5, 'Pays de la Loire', 1), '1 intercommunalité à 5 @, en Pays de la Loire');
  });
});

describe('press kit: counts, order and sentences', () => {
  const trelaze = decision({ name: 'Trélazé', level: 5, distinctions: ['verte'] });
  const angers = decision({ name: 'Angers', level: 4 });
  const ancenis = decision({
    name: 'Ancenis-Saint-Géréon',
    level: 4,
    department: { code: '44', name: 'Loire-Atlantique' },
    distinctions: ['democratie-locale'],
  });
  const paris = decision({ name: 'Paris', level: 5, region: IDF, department: { code: '75', name: 'Paris' }, population: 2_100_000 });
  const versailles = decision({ name: 'Versailles', level: 5, region: IDF, department: { code: '78', name: 'Yvelines' }, distinctions: ['verte'] });
  const leTrait = decision({ name: 'Le Trait', level: 3, region: NORMANDIE, department: { code: '76', name: 'Seine-Maritime' }, population: null });
  const metropole = decision({ name: 'Angers Loire Métropole', level: 5, kind: 'epci', category: 'territoire' });
  const all = [leTrait, angers, paris, trelaze, versailles, ancenis, metropole];

  test('laureates: the best level first, then by name as French sorts it (accents, case), then by code', () => {
    const sorted = [...all].sort(compareLaureates).map((l) => l.name);
    assert.deepEqual(sorted, ['Angers Loire Métropole', 'Paris', 'Trélazé', 'Versailles', 'Ancenis-Saint-Géréon', 'Angers', 'Le Trait']);
    const twin = { ...angers, territoryCode: '00001' };
    assert.deepEqual([angers, twin].sort(compareLaureates), [twin, angers]);
  });

  test('distinctions counted once per territory, in the catalogue’s order; an unknown code is kept, last', () => {
    const counts = countDistinctions(
      [{ ...trelaze, distinctions: ['democratie-locale', 'verte', 'verte'] }, versailles, { ...angers, distinctions: ['inconnue'] }],
      CATALOGUE,
    );
    assert.deepEqual(
      counts.map((d) => [d.code, d.count]),
      [
        ['verte', 2],
        ['democratie-locale', 1],
        ['inconnue', 1],
      ],
    );
    assert.equal(counts[2]!.name, 'inconnue');
  });

  test('the levels held, from 5 to 1, those without laureates left out', () => {
    assert.deepEqual(levelsHeld({ 1: 2, 2: 0, 3: 0, 4: 7, 5: 3 }), [
      { level: 5, count: 3 },
      { level: 4, count: 7 },
      { level: 1, count: 2 },
    ]);
    assert.deepEqual(levelsHeld({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }), []);
  });

  test('one sentence per kind at the top level, naming the région with the most (by name between equals)', () => {
    assert.deepEqual(topLevelSentences(all), ['3 communes à 5 @ dont 2 en Île-de-France', '1 intercommunalité à 5 @, en Pays de la Loire']);
    assert.deepEqual(topLevelSentences([trelaze, paris]), ['2 communes à 5 @ dont 1 en Île-de-France'], 'a tie: the first name');
    assert.deepEqual(topLevelSentences([angers, leTrait]), [], 'no one at 5 @: no sentence');
    const outside = { ...paris, territoryCode: '97501', region: null };
    assert.deepEqual(topLevelSentences([outside, { ...outside, territoryCode: '97502' }, trelaze]), ['3 communes à 5 @ dont 1 en Pays de la Loire']);
  });

  test('the whole summary: national figures and sentences, then each région by name', () => {
    const kit = pressKitSummary(2027, all, CATALOGUE);
    assert.equal(kit.national.total, 7);
    assert.deepEqual(kit.national.levels, { 1: 0, 2: 0, 3: 1, 4: 2, 5: 4 });
    assert.deepEqual(kit.national.sentences, [
      '7 territoires labellisés en 2027, dont 4 à 5 @',
      '3 communes à 5 @ dont 2 en Île-de-France',
      '1 intercommunalité à 5 @, en Pays de la Loire',
      '2 territoires reçoivent la mention @ verte',
      '1 territoire reçoit la mention Démocratie locale',
    ]);
    assert.deepEqual(
      kit.regions.map((r) => r.region?.name),
      ['Île-de-France', 'Normandie', 'Pays de la Loire'],
    );
    const pdl = kit.regions[2]!;
    assert.equal(pdl.total, 4);
    assert.deepEqual(
      pdl.laureates.map((l) => l.name),
      ['Angers Loire Métropole', 'Trélazé', 'Ancenis-Saint-Géréon', 'Angers'],
    );
    assert.deepEqual(pdl.sentences, [
      'En Pays de la Loire, 4 territoires labellisés : 2 à 5 @, 2 à 4 @',
      '1 territoire reçoit la mention @ verte',
      '1 territoire reçoit la mention Démocratie locale',
    ]);
    assert.deepEqual(kit.regions[1]!.sentences, ['En Normandie, 1 territoire labellisé : 1 à 3 @']);
    assert.deepEqual(
      kit.regions[0]!.distinctions.map((d) => [d.code, d.count]),
      [['verte', 1]],
    );
  });

  test('the territories outside the régions come last; a territory decided twice counts once, its last decision', () => {
    const outside = decision({ name: 'Saint-Pierre', level: 2, region: null, department: { code: '975', name: 'Saint-Pierre-et-Miquelon' } });
    const kit = pressKitSummary(2027, [outside, trelaze, { ...trelaze, level: 3 }], CATALOGUE);
    assert.equal(kit.national.total, 2);
    assert.deepEqual(
      kit.regions.map((r) => [r.region?.code ?? null, r.total]),
      [
        ['52', 1],
        [null, 1],
      ],
    );
    assert.equal(kit.regions[0]!.laureates[0]!.level, 3);
    assert.equal(kit.regions[1]!.sentences[0], 'Hors région, 1 territoire labellisé : 1 à 2 @');
  });

  test('no decision: empty figures, no sentence, no région', () => {
    const kit = pressKitSummary(2027, [], CATALOGUE);
    assert.equal(kit.national.total, 0);
    assert.deepEqual(kit.national.sentences, []);
    assert.deepEqual(kit.national.distinctions, []);
    assert.deepEqual(kit.regions, []);
  });

  test('a laureate as a CSV line: names, not codes; the category in French; an unknown population is empty', () => {
    assert.deepEqual(pressKitCsvRow(versailles, CATALOGUE), [
      'Île-de-France',
      'Yvelines (78)',
      versailles.territoryCode,
      'Versailles',
      'Ville',
      10_000,
      5,
      'Mention @ verte',
    ]);
    const row = pressKitCsvRow({ ...leTrait, distinctions: ['verte', 'democratie-locale'], department: null, region: null }, CATALOGUE);
    assert.deepEqual(row, [null, null, leTrait.territoryCode, 'Le Trait', 'Ville', null, 3, 'Mention @ verte, Mention Démocratie locale']);
    const titled = pressKitCsvRow({ ...paris, distinctions: ['excellence', 'inconnue'] }, CATALOGUE);
    assert.equal(titled[7], 'Territoire d’excellence numérique, inconnue');
  });

  test('the CSV: BOM, header, semicolons, CRLF, régions in order, best first in each, formulas kept inert', () => {
    const kit = pressKitSummary(2027, [trelaze, angers, paris, { ...leTrait, name: '=HYPERLINK("x")' }], CATALOGUE);
    const csv = pressKitCsv(kit.regions, CATALOGUE);
    assert.ok(csv.startsWith(BOM));
    const lines = csv.slice(1).split('\r\n');
    assert.equal(lines[0], 'Région;Département;Code INSEE/SIREN;Territoire;Catégorie;Population;Niveau;Distinctions');
    assert.deepEqual(
      lines.slice(1, -1).map((l) => l.split(';')[3]),
      ['Paris', `"'=HYPERLINK(""x"")"`, 'Trélazé', 'Angers'],
    );
    assert.equal(lines.at(-1), '', 'the file ends with a line end');
    assert.equal(lines[1], `Île-de-France;Paris (75);${paris.territoryCode};Paris;Ville;2100000;5;`);
    assert.equal(pressKitCsv([], CATALOGUE), `${BOM}Région;Département;Code INSEE/SIREN;Territoire;Catégorie;Population;Niveau;Distinctions\r\n`);
  });

  test('a région in a file name', () => {
    assert.equal(regionSlug('Pays de la Loire'), 'pays-de-la-loire');
    assert.equal(regionSlug('Île-de-France'), 'ile-de-france');
    assert.equal(regionSlug('Provence-Alpes-Côte d’Azur'), 'provence-alpes-cote-d-azur');
    assert.equal(pressKitMessages.csv.fileName(2027, 'normandie'), 'dossier-de-presse-2027-normandie.csv');
    assert.equal(pressKitMessages.csv.fileName(2027), 'dossier-de-presse-2027.csv');
  });
});
