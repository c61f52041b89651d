import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { ColumnDoc, DatasetRow } from './dataset.ts';
import {
  CSV_DELIMITERS,
  csvCell,
  fitsType,
  historyText,
  indicatorsText,
  isoMoment,
  isSnakeCaseKey,
  jsonValue,
  toCsv,
  toJsonDocument,
} from './export-format.rules.ts';
import { downloadFileName, downloadPath, readDownloadQuery } from './download-query.rules.ts';

const doc = (key: string, type: ColumnDoc['type']): ColumnDoc => ({ key, label: key, description: key, type, example: null });

const COLUMNS: ColumnDoc[] = [
  doc('code_territoire', 'code'),
  doc('nom', 'text'),
  doc('titre', 'text'),
  doc('population', 'integer'),
  doc('niveau_moyen', 'decimal'),
  doc('labellise', 'boolean'),
  doc('date_debut', 'date'),
  doc('date_mise_a_jour', 'datetime'),
  doc('distinctions', 'text-list'),
  doc('annees', 'integer-list'),
];

const ROWS: DatasetRow[] = [
  {
    code_territoire: '49353',
    nom: 'Trélazé',
    titre: 'Congés, "sans papier"\net suivi',
    population: 16333,
    niveau_moyen: 4.5,
    labellise: true,
    date_debut: '2021-01-04',
    date_mise_a_jour: new Date('2024-03-12T09:30:00.123Z'),
    distinctions: ['@ verte', 'Territoire d’excellence numérique'],
    annees: [2022, 2025],
  },
  {
    code_territoire: '42218',
    nom: 'Saint-Étienne',
    titre: '=HYPERLINK("http://example.com","clic")',
    population: null,
    niveau_moyen: null,
    labellise: false,
    date_debut: null,
    date_mise_a_jour: null,
    distinctions: [],
    annees: [],
  },
  {
    code_territoire: '94038',
    nom: "L'Haÿ-les-Roses",
    titre: 'Wifi public; fibre, et "médiathèque"',
    population: 31000,
    niveau_moyen: 3,
    labellise: true,
    date_debut: '2019-09-01',
    date_mise_a_jour: new Date('2023-01-01T00:00:00Z'),
    distinctions: ['Mention Médiation numérique'],
    annees: [],
  },
];

const parseCsv = (text: string, delimiter = ','): Record<string, string>[] => parse(text, { bom: true, columns: true, delimiter, relax_column_count: false });

describe('CSV writing', () => {
  test('starts with the UTF-8 byte order mark, then the header of column keys, lines ending in CRLF', () => {
    const csv = toCsv(COLUMNS, ROWS);
    const bytes = Buffer.from(csv, 'utf8');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.ok(csv.slice(1).startsWith(`${COLUMNS.map((c) => c.key).join(',')}\r\n`));
    assert.ok(csv.endsWith('\r\n'));
  });

  test('names with commas, quotes and line breaks are quoted (RFC 4180) and read back intact', () => {
    const csv = toCsv(COLUMNS, ROWS);
    assert.ok(csv.includes('"Congés, ""sans papier""\net suivi"'), 'quotes doubled, field quoted');
    assert.ok(csv.includes('"Wifi public; fibre, et ""médiathèque"""'));
    const parsed = parseCsv(csv);
    assert.equal(parsed.length, 3);
    assert.equal(parsed[0]!.titre, 'Congés, "sans papier"\net suivi');
    assert.equal(parsed[2]!.titre, 'Wifi public; fibre, et "médiathèque"');
  });

  test('accents stay intact in UTF-8: Trélazé, Saint-Étienne, L’Haÿ-les-Roses', () => {
    const bytes = Buffer.from(toCsv(COLUMNS, ROWS), 'utf8');
    for (const name of ['Trélazé', 'Saint-Étienne', "L'Haÿ-les-Roses"]) assert.ok(bytes.includes(Buffer.from(name, 'utf8')), name);
    assert.deepEqual(
      parseCsv(bytes.toString('utf8')).map((r) => r.nom),
      ['Trélazé', 'Saint-Étienne', "L'Haÿ-les-Roses"],
    );
  });

  test('values: integers, decimal point, true/false, ISO dates, moments in UTC to the second, lists joined by " | ", empty for null', () => {
    const [first, second] = parseCsv(toCsv(COLUMNS, ROWS));
    assert.deepEqual(first, {
      code_territoire: '49353',
      nom: 'Trélazé',
      titre: 'Congés, "sans papier"\net suivi',
      population: '16333',
      niveau_moyen: '4.5',
      labellise: 'true',
      date_debut: '2021-01-04',
      date_mise_a_jour: '2024-03-12T09:30:00Z',
      // Starts with "@": kept inert (see the formula test below).
      distinctions: "'@ verte | Territoire d’excellence numérique",
      annees: '2022 | 2025',
    });
    assert.equal(second!.population, '');
    assert.equal(second!.date_mise_a_jour, '');
    assert.equal(second!.distinctions, '');
    assert.equal(second!.labellise, 'false');
  });

  test('the semicolon variant: ";" between fields, decimal comma, BOM too, same rows', () => {
    const csv = toCsv(COLUMNS, ROWS, 'semicolon');
    assert.equal(csv.charCodeAt(0), 0xfeff);
    assert.ok(csv.slice(1).startsWith(`${COLUMNS.map((c) => c.key).join(';')}\r\n`));
    const parsed = parseCsv(csv, ';');
    assert.equal(parsed.length, 3);
    assert.equal(parsed[0]!.niveau_moyen, '4,5');
    assert.equal(parsed[2]!.niveau_moyen, '3');
    assert.equal(parsed[0]!.population, '16333');
    // A comma needs no quotes here; a semicolon does.
    assert.equal(toCsv([doc('nom', 'text')], [{ nom: 'Paris, 75' }, { nom: 'A;B' }], 'semicolon'), '\uFEFFnom\r\nParis, 75\r\n"A;B"\r\n');
    assert.equal(parsed[2]!.titre, 'Wifi public; fibre, et "médiathèque"');
    assert.equal(parsed[0]!.nom, 'Trélazé');
  });

  test('in both variants, a text a spreadsheet would run as a formula is kept inert by a leading apostrophe, catalogue values too', () => {
    for (const dialect of ['comma', 'semicolon'] as const) {
      const parsed = parseCsv(toCsv(COLUMNS, ROWS, dialect), CSV_DELIMITERS[dialect]);
      assert.equal(parsed[1]!.titre, `'=HYPERLINK("http://example.com","clic")`, dialect);
      // "@ verte" is no formula, but Excel reads any cell starting with "@" as one: inert as well.
      assert.equal(parsed[0]!.distinctions, "'@ verte | Territoire d’excellence numérique", dialect);
      for (const start of ['=', '+', '-', '@', '\t', '\r']) {
        assert.equal(csvCell(`${start}1+1`, 'text', dialect), `'${start}1+1`, `${dialect}: ${JSON.stringify(start)}`);
        assert.equal(csvCell([`${start}1`, 'b'], 'text-list', dialect), `'${start}1 | b`, `${dialect}: list starting with ${JSON.stringify(start)}`);
      }
      assert.equal(csvCell('Trélazé = 5 @', 'text', dialect), 'Trélazé = 5 @', 'only the first character counts');
    }
  });

  test('a number column holds numbers, never neutralised: a negative number stays a usable number', () => {
    const numbers = [doc('ecart', 'integer'), doc('taux', 'decimal')];
    const rows: DatasetRow[] = [{ ecart: -3, taux: -0.25 }];
    assert.deepEqual(parseCsv(toCsv(numbers, rows)), [{ ecart: '-3', taux: '-0.25' }]);
    assert.deepEqual(parseCsv(toCsv(numbers, rows, 'semicolon'), ';'), [{ ecart: '-3', taux: '-0,25' }]);
    // The same characters typed in a text column are text, and kept inert.
    assert.equal(csvCell('-3', 'text'), `'-3`);
  });

  test('a bare line feed or carriage return in a text is quoted in both variants: rows stay whole and no formula starts a cell', () => {
    const columns = [doc('code_territoire', 'code'), doc('titre', 'text'), doc('population', 'integer')];
    const rows: DatasetRow[] = [
      { code_territoire: '49353', titre: 'Première ligne\n=1+1', population: 1 },
      { code_territoire: '76709', titre: 'Retour\rchariot', population: 2 },
      { code_territoire: '42218', titre: 'Fin\r\n+1', population: 3 },
    ];
    for (const dialect of ['comma', 'semicolon'] as const) {
      const csv = toCsv(columns, rows, dialect);
      // Read as a spreadsheet does: any line break outside quotes ends a row.
      const parsed = parse(csv, { bom: true, columns: true, delimiter: CSV_DELIMITERS[dialect], record_delimiter: ['\r\n', '\n', '\r'] }) as Record<
        string,
        string
      >[];
      assert.deepEqual(
        parsed.map((r) => [r.code_territoire, r.titre, r.population]),
        rows.map((r) => [r.code_territoire, r.titre, String(r.population)]),
        dialect,
      );
      for (const cell of parsed.flatMap((r) => Object.values(r))) assert.doesNotMatch(cell, /^[=+\-@\t\r]/, `${dialect}: ${JSON.stringify(cell)}`);
    }
  });
});

describe('JSON document', () => {
  test('{ items, total } with the CSV keys and proper types', () => {
    const json = toJsonDocument(COLUMNS, ROWS);
    assert.equal(json.total, 3);
    assert.deepEqual(
      Object.keys(json.items[0]!),
      COLUMNS.map((c) => c.key),
    );
    assert.deepEqual(json.items[0], {
      code_territoire: '49353',
      nom: 'Trélazé',
      titre: 'Congés, "sans papier"\net suivi',
      population: 16333,
      niveau_moyen: 4.5,
      labellise: true,
      date_debut: '2021-01-04',
      date_mise_a_jour: '2024-03-12T09:30:00Z',
      distinctions: ['@ verte', 'Territoire d’excellence numérique'],
      annees: [2022, 2025],
    });
    assert.equal(json.items[1]!.population, null);
    assert.deepEqual(json.items[1]!.annees, []);
  });

  test('a JSON value written as CSV gives the same text as the value itself', () => {
    for (const row of ROWS) {
      for (const c of COLUMNS) assert.equal(csvCell(jsonValue(row[c.key] ?? null), c.type), csvCell(row[c.key] ?? null, c.type), c.key);
    }
  });
});

describe('small rules', () => {
  test('history text: "year:level" oldest first, joined by ";"', () => {
    assert.equal(
      historyText([
        { year: 2018, level: 4 },
        { year: 2017, level: 5 },
        { year: 2019, level: 5 },
      ]),
      '2017:5;2018:4;2019:5',
    );
    assert.equal(historyText([]), '');
  });

  test('indicators text: « label : value unit (date) » in the sheet’s order, decimal comma, joined by « ; »', () => {
    assert.equal(
      indicatorsText([
        { label: 'Ordinateurs reconditionnés', value: 150, unit: 'ordinateurs', date: '2024-03-01' },
        { label: 'Poids collecté', value: 1.2, unit: 't', date: null },
        { label: ' Ateliers ', value: 12, unit: '', date: null },
      ]),
      'Ordinateurs reconditionnés : 150 ordinateurs (2024-03-01) ; Poids collecté : 1,2 t ; Ateliers : 12',
    );
    assert.equal(indicatorsText([]), '');
  });

  test('isoMoment drops milliseconds and keeps UTC', () => {
    assert.equal(isoMoment(new Date('2024-03-12T09:30:00.999Z')), '2024-03-12T09:30:00Z');
  });

  test('snake_case keys', () => {
    for (const key of ['annee', 'code_territoire', 'date_mise_a_jour', 'x1']) assert.ok(isSnakeCaseKey(key), key);
    for (const key of ['Annee', 'année', 'code-territoire', '_x', 'x_', 'a__b', '1a']) assert.ok(!isSnakeCaseKey(key), key);
  });

  test('fitsType tells values of the wrong type', () => {
    assert.ok(fitsType(3, 'integer') && !fitsType(3.5, 'integer') && fitsType(3.5, 'decimal'));
    assert.ok(fitsType('2024-01-31', 'date') && !fitsType('31/01/2024', 'date'));
    assert.ok(fitsType(new Date(), 'datetime') && !fitsType('2024-01-31', 'datetime'));
    assert.ok(fitsType(['a'], 'text-list') && !fitsType([1], 'text-list') && fitsType([1], 'integer-list'));
    assert.ok(fitsType(null, 'code') && !fitsType(49353, 'code'));
  });
});

describe('download query', () => {
  test('a year for the palmarès, a separator for CSV', () => {
    assert.deepEqual(readDownloadQuery('palmares', 'csv', {}), { dialect: 'comma' });
    assert.deepEqual(readDownloadQuery('palmares', 'csv', { annee: '2023', separateur: 'point-virgule' }), { dialect: 'semicolon', year: 2023 });
    assert.deepEqual(readDownloadQuery('palmares', 'json', { annee: ' 2019 ' }), { dialect: 'comma', year: 2019 });
    assert.deepEqual(readDownloadQuery('palmares', 'csv', { annee: '' }), { dialect: 'comma' });
    assert.deepEqual(readDownloadQuery('initiatives', 'csv', { separateur: 'virgule', autre: 'ignoré' }), { dialect: 'comma' });
    assert.deepEqual(readDownloadQuery('palmares', 'csv', { annee: ['2022', '2023'] }), { dialect: 'comma', year: 2023 });
  });

  test('a malformed or misplaced parameter is named in a French message', () => {
    for (const annee of ['20x4', '23', '2023.5', '-2023', '12345']) {
      const error = readDownloadQuery('palmares', 'csv', { annee });
      assert.deepEqual(error, { field: 'annee', message: 'Le paramètre « annee » doit être une année sur quatre chiffres, par exemple 2023.' }, annee);
    }
    assert.equal((readDownloadQuery('initiatives', 'csv', { annee: '2023' }) as { field: string }).field, 'annee');
    assert.equal((readDownloadQuery('palmares', 'csv', { separateur: 'tab' }) as { field: string }).field, 'separateur');
    assert.equal((readDownloadQuery('palmares', 'json', { separateur: 'point-virgule' }) as { field: string }).field, 'separateur');
  });

  test('file names and paths are stable', () => {
    assert.equal(downloadFileName('palmares', 'csv', { dialect: 'comma' }), 'arobase-palmares.csv');
    assert.equal(downloadFileName('palmares', 'csv', { dialect: 'semicolon', year: 2023 }), 'arobase-palmares-2023-point-virgule.csv');
    assert.equal(downloadFileName('initiatives', 'json', { dialect: 'comma' }), 'arobase-initiatives.json');
    assert.equal(downloadPath('palmares', 'csv', { year: 2023, dialect: 'semicolon' }), '/open-data/palmares.csv?annee=2023&separateur=point-virgule');
    assert.equal(downloadPath('referentiel', 'json'), '/open-data/referentiel.json');
  });
});
