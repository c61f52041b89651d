import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { ColumnDoc, DatasetRow } from './dataset.ts';
import { csvCell, fitsType, historyText, isoMoment, isSnakeCaseKey, jsonValue, toCsv, toJsonDocument } from './export-format.rules.ts';
import { downloadFileName, downloadPath, readDownloadQuery } from './download-query.rules.ts';

const doc = (key: string, type: ColumnDoc['type'], freeText = false): ColumnDoc => ({ key, label: key, description: key, type, example: null, freeText });

const COLUMNS: ColumnDoc[] = [
  doc('code_territoire', 'code'),
  doc('nom', 'text'),
  doc('titre', 'text', true),
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
      distinctions: '@ verte | Territoire d’excellence numérique',
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

  test('in the semicolon variant, typed text that a spreadsheet would run as a formula is kept inert; catalogue values are not touched', () => {
    const comma = parseCsv(toCsv(COLUMNS, ROWS));
    const semicolon = parseCsv(toCsv(COLUMNS, ROWS, 'semicolon'), ';');
    assert.equal(comma[1]!.titre, '=HYPERLINK("http://example.com","clic")');
    assert.equal(semicolon[1]!.titre, `'=HYPERLINK("http://example.com","clic")`);
    assert.equal(semicolon[0]!.distinctions, '@ verte | Territoire d’excellence numérique');
    for (const start of ['+', '-', '@']) assert.equal(csvCell(`${start}1`, 'text', 'semicolon', true), `'${start}1`);
    assert.equal(csvCell('-1', 'text', 'comma', true), '-1');
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
