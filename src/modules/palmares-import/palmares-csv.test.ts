import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InvalidInputError } from '../../platform/errors.ts';
import { parseLevel, parsePalmaresCsv } from './palmares-csv.ts';

const today = new Date('2026-11-15T12:00:00Z');
const read = (input: string | Uint8Array) => parsePalmaresCsv(input, { today });

/** Asserts that reading fails on the file as a whole, with a message containing `part`. */
function assertFileError(input: string | Uint8Array, part: string): void {
  assert.throws(
    () => read(input),
    (error: unknown) => {
      assert.ok(error instanceof InvalidInputError);
      assert.ok(error.fields.file?.includes(part), `${error.fields.file} should mention ${part}`);
      return true;
    },
  );
}

describe('palmarès CSV: reading', () => {
  test('a spreadsheet export: BOM, semicolons, French headers, levels written every way', () => {
    const csv = [
      '\uFEFFAnnée;Collectivité;Département;Niveau;Mentions;Type',
      '2005;Trélazé;49;5@;Démocratie locale, @ verte;ville',
      '2005;Trait (Le);76;@@@@;;village',
      '2005;"CA du Grand Angoulême";Charente;3 arobases;;intercommunalité',
      '2005;Trilport;77;2 @;"Médiation numérique; Numérique éducatif";',
      '2005;Angers;49;1;;',
    ].join('\r\n');
    const { rows, errors } = read(csv);
    assert.deepEqual(errors, []);
    assert.deepEqual(rows[0], {
      row: 1,
      year: 2005,
      name: 'Trélazé',
      department: '49',
      level: 5,
      distinctions: ['Démocratie locale', '@ verte'],
      kind: 'ville',
    });
    assert.deepEqual(
      rows.map((r) => [r.row, r.name, r.department, r.level, r.kind]),
      [
        [1, 'Trélazé', '49', 5, 'ville'],
        [2, 'Trait (Le)', '76', 4, 'village'],
        [3, 'CA du Grand Angoulême', 'Charente', 3, 'intercommunalité'],
        [4, 'Trilport', '77', 2, null],
        [5, 'Angers', '49', 1, null],
      ],
    );
    assert.deepEqual(rows[3]?.distinctions, ['Médiation numérique', 'Numérique éducatif']);
  });

  test('commas, English headers in any case, quoted names with commas, distinctions split by | or ;', () => {
    const csv = [
      'YEAR,Name,Department,Level,Distinctions',
      '2012,"Saint-Étienne, ville",42,5,Démocratie locale|@ verte',
      '2012,Issy les Moulineaux,92,4,"Médiation numérique; @ verte"',
      '2012,Aix les Bains,73,3,"Numérique éducatif, mention spéciale"',
    ].join('\n');
    const { rows, errors } = read(csv);
    assert.deepEqual(errors, []);
    assert.equal(rows[0]?.name, 'Saint-Étienne, ville');
    assert.deepEqual(rows[0]?.distinctions, ['Démocratie locale', '@ verte']);
    assert.deepEqual(rows[1]?.distinctions, ['Médiation numérique', '@ verte']);
    // With `,` as delimiter a comma inside the cell is part of the name of the distinction.
    assert.deepEqual(rows[2]?.distinctions, ['Numérique éducatif, mention spéciale']);
    assert.ok(rows.every((r) => r.kind === null));
  });

  test('header aliases: annee, nom, dep, @, nature; unknown columns ignored; columns in any order', () => {
    const csv = ['dep;@;nom;commentaire;ANNEE;nature', '2a;5;Ajaccio;très bien;2020;Ville', '1;@@;Bourg-en-Bresse;;2021;'].join('\n');
    const { rows, errors } = read(csv);
    assert.deepEqual(errors, []);
    assert.deepEqual(
      rows.map((r) => [r.year, r.name, r.department, r.level, r.kind]),
      [
        [2020, 'Ajaccio', '2a', 5, 'Ville'],
        [2021, 'Bourg-en-Bresse', '1', 2, null],
      ],
    );
  });

  test('UTF-8 bytes, with or without BOM', () => {
    const text = 'année,nom,département,niveau\n2019,Œuilly,02,2\n';
    const bytes = new TextEncoder().encode(text);
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    for (const input of [bytes, withBom]) {
      const { rows } = read(input);
      assert.equal(rows[0]?.name, 'Œuilly');
      assert.equal(rows[0]?.year, 2019);
    }
  });

  test('empty lines and empty records are skipped, spaces trimmed', () => {
    const csv = 'year,name,department,level\n\n2010 , Angers , 49 , 3\n,,,\n2010,Trélazé,49,4\n\n';
    const { rows } = read(csv);
    assert.deepEqual(
      rows.map((r) => [r.row, r.name, r.level]),
      [
        [1, 'Angers', 3],
        [2, 'Trélazé', 4],
      ],
    );
  });

  test('levels', () => {
    const cases: [string, number | null][] = [
      ['5', 5],
      ['5@', 5],
      ['5 @', 5],
      ['@@@@@', 5],
      ['5 arobases', 5],
      ['1 arobase', 1],
      ['3 Arobases', 3],
      ['6', 6],
      ['cinq', null],
      ['@5', null],
      ['', null],
    ];
    for (const [value, level] of cases) assert.equal(parseLevel(value), level, value);
  });
});

describe('palmarès CSV: errors per row, naming the column', () => {
  test('year, name, level and type are checked; faulty rows are left out of `rows`', () => {
    const csv = [
      'année;nom;département;niveau;type',
      '1850;Angers;49;3;',
      '2005;;49;3;',
      '2005;Trélazé;49;6;',
      'deux mille;Trilport;77;0;',
      '2005;Le Trait;76;@@@@@@;',
      '2028;Angers;49;abc;',
      '2027;Angers;49;4;hameau',
      ';Angers;49;;',
      '2027;Angers;;4;',
    ].join('\n');
    const { rows, errors } = read(csv);
    assert.deepEqual(
      rows.map((r) => [r.row, r.year, r.department]),
      [[9, 2027, '']],
      'a row without département is kept: the matcher searches France for it',
    );
    assert.deepEqual(errors, [
      { row: 1, field: 'year', message: 'année : 1850 n’est pas une année du label (1999 à 2027)' },
      { row: 2, field: 'name', message: 'nom : vide' },
      { row: 3, field: 'level', message: 'niveau : « 6 » doit être entre 1 et 5' },
      { row: 4, field: 'year', message: 'année : « deux mille » n’est pas une année' },
      { row: 4, field: 'level', message: 'niveau : « 0 » doit être entre 1 et 5' },
      { row: 5, field: 'level', message: 'niveau : « @@@@@@ » doit être entre 1 et 5' },
      { row: 6, field: 'year', message: 'année : 2028 n’est pas une année du label (1999 à 2027)' },
      {
        row: 6,
        field: 'level',
        message: 'niveau : « abc » n’est pas un niveau (de 1 à 5, écrit « 3 », « 3@ » ou « @@@ »)',
      },
      {
        row: 7,
        field: 'kind',
        message: 'type : « hameau » inconnu (commune, village, ville, intercommunalité, territoire, département ou région)',
      },
      { row: 8, field: 'year', message: 'année : vide' },
      { row: 8, field: 'level', message: 'niveau : vide' },
    ]);
  });

  test('1999, the first edition, and next year, the latest possible one, are accepted', () => {
    const { rows, errors } = read('year,name,department,level\n1999,Angers,49,1\n2027,Angers,49,5\n1998,Angers,49,1\n');
    assert.deepEqual(
      rows.map((r) => r.year),
      [1999, 2027],
    );
    assert.deepEqual(
      errors.map((e) => [e.row, e.field]),
      [[3, 'year']],
    );
  });
});

describe('palmarès CSV: errors of the whole file (InvalidInputError on `file`)', () => {
  test('empty file, blank file, header without rows', () => {
    assertFileError('', 'vide');
    assertFileError('\uFEFF  \n\n', 'vide');
    assertFileError('year,name,department,level\n', 'aucune ligne');
  });

  test('missing required columns are all named', () => {
    assertFileError('année;nom\n2005;Angers\n', 'colonnes manquantes : département, niveau');
    assertFileError('nom,département,niveau\nAngers,49,3\n', 'colonne manquante : année');
  });

  test('a column given twice', () => {
    assertFileError('année;nom;collectivité;département;niveau\n2005;Angers;Angers;49;3\n', 'deux fois');
  });

  test('not UTF-8, not CSV, unreadable CSV', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('année,nom,département,niveau\n2005,Tr'), 0xe9, 0x0a]);
    assertFileError(latin1, 'UTF-8');
    assertFileError('PK\u0003\u0004\u0000\u0000binary', 'pas un fichier CSV');
    assertFileError('year,name,department,level\n2005,"Angers,49,3\n', 'CSV illisible');
  });

  test('the error is refused input (a 400) whose message names the field', () => {
    try {
      read('');
      assert.fail('should throw');
    } catch (error) {
      assert.ok(error instanceof InvalidInputError);
      assert.equal(error.kind, 'invalid');
      assert.equal(error.field, 'file');
      assert.deepEqual(Object.keys(error.fields), ['file']);
    }
  });
});
