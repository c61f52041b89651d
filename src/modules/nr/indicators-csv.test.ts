import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InvalidInputError } from '../../platform/errors.ts';
import { MAX_CSV_ROWS, parseIndicatorsCsv, type CsvIndicator } from './indicators-csv.ts';
import { indicatorMessages } from './indicators.messages.ts';

const m = indicatorMessages.csv;
const v = indicatorMessages.value;
const TODAY = '2025-07-01';
const BOXES: CsvIndicator = { key: '11111111-1111-4111-8111-111111111111', name: 'Boîtes de collecte remplies', unit: 'boîtes', standard: false };
const KNOWN: Record<string, CsvIndicator> = {
  'deee-recycles': { key: 'deee-recycles', name: 'Équipements recyclés', unit: 't', standard: true },
  'volume-messagerie': { key: 'volume-messagerie', name: 'Volume des boîtes', unit: 'Go', standard: true },
  'postes-eteints': { key: 'postes-eteints', name: 'Postes éteints', unit: '% des postes', standard: true },
  'Boîtes de collecte remplies': BOXES,
};
const read = (text: string | Uint8Array) => parseIndicatorsCsv(text, { resolve: (ref) => KNOWN[ref], today: TODAY });

/** The French message of the file's own fault. */
function fileFault(text: string | Uint8Array): string {
  try {
    read(text);
  } catch (error) {
    assert.ok(error instanceof InvalidInputError);
    return error.fields.file ?? '';
  }
  return assert.fail('the file was read');
}

describe('parseIndicatorsCsv', () => {
  test('semicolons and decimal commas, as a French spreadsheet writes them, with a BOM', () => {
    const csv = '\uFEFFindicateur;date;valeur;note\r\ndeee-recycles;22/03/2025;1,2;Recyclage\r\nvolume-messagerie;2025-03-15;410;\r\n';
    assert.deepEqual(read(csv), {
      rows: [
        { line: 2, indicator: KNOWN['deee-recycles'], measuredOn: '2025-03-22', value: 1.2, note: 'Recyclage' },
        { line: 3, indicator: KNOWN['volume-messagerie'], measuredOn: '2025-03-15', value: 410, note: '' },
      ],
      errors: [],
    });
  });

  test('commas, a quoted decimal comma, columns in any order and headers in any case, no note column', () => {
    const csv = 'Valeur,Date,Indicateur\n"1,5",2025-04-01,deee-recycles\n3,2025-06-30,Boîtes de collecte remplies\n';
    const { rows, errors } = read(Buffer.from(csv, 'utf8'));
    assert.deepEqual(errors, []);
    assert.deepEqual(
      rows.map((r) => [r.line, r.indicator.key, r.measuredOn, r.value, r.note]),
      [
        [2, 'deee-recycles', '2025-04-01', 1.5, ''],
        [3, BOXES.key, '2025-06-30', 3, ''],
      ],
    );
  });

  test('every bad row reported with its line in the file and its column; good rows still read', () => {
    const csv = [
      'indicateur;date;valeur;note',
      'deee-recycles;2025-03-22;1,2;',
      '',
      'inconnu;2025-03-22;4;',
      'volume-messagerie;2025-02-30;380;',
      'volume-messagerie;2025-03-29;trois cents;',
      'postes-eteints;2025-03-29;120;',
      'deee-recycles;22/03/2025;1,3;',
      ';2025-03-29;1;',
      'volume-messagerie;2030-01-01;1,23456;',
    ].join('\n');
    const { rows, errors } = read(csv);
    assert.deepEqual(
      rows.map((r) => r.line),
      [2],
    );
    assert.deepEqual(errors, [
      { line: 4, field: 'indicateur', message: m.unknownIndicator('inconnu') },
      { line: 5, field: 'date', message: v.notDate('2025-02-30') },
      { line: 6, field: 'valeur', message: v.notNumber('trois cents') },
      { line: 7, field: 'valeur', message: v.percent },
      { line: 8, field: 'date', message: m.duplicateRow(2) },
      { line: 9, field: 'indicateur', message: v.required },
      { line: 10, field: 'date', message: v.future },
      { line: 10, field: 'valeur', message: v.tooManyDecimals(3) },
    ]);
  });

  test('a quoted note over two lines: the row is counted at the line it ends on', () => {
    const { rows, errors } = read('indicateur;date;valeur;note\n"deee-recycles";2025-03-22;1,2;"Deux\nlignes"\ninconnu;2025-03-22;1;\n');
    assert.deepEqual(
      rows.map((r) => [r.line, r.note]),
      [[3, 'Deux\nlignes']],
    );
    assert.deepEqual(
      errors.map((e) => e.line),
      [4],
    );
  });

  test('the file itself refused, on `file`: empty, not UTF-8, binary, a column missing or twice, no row, too many, unreadable', () => {
    assert.equal(fileFault(''), m.emptyFile);
    assert.equal(fileFault('\uFEFF \n'), m.emptyFile);
    assert.equal(fileFault(Buffer.from([0x69, 0x6e, 0x64, 0xe9, 0x3b, 0x0a])), m.notUtf8);
    assert.equal(fileFault('indicateur;date\u0000;valeur\n'), m.notCsv);
    assert.equal(fileFault('indicateur;jour\nx;2025-01-01\n'), m.missingColumns(['valeur']));
    assert.equal(fileFault('quoi;prénom\nx;y\n'), m.missingColumns(['indicateur', 'date', 'valeur']));
    assert.equal(fileFault('indicateur;date;valeur;Valeur\n'), m.duplicateColumn('Valeur'));
    assert.equal(fileFault('indicateur;date;valeur\n;;\n'), m.noRows);
    assert.equal(fileFault(`indicateur;date;valeur\n${'deee-recycles;2025-01-01;1\n'.repeat(MAX_CSV_ROWS + 1)}`), m.tooManyRows(MAX_CSV_ROWS));
    assert.match(fileFault('indicateur;date;valeur\n"deee-recycles;2025-01-01;1\n'), /^CSV illisible/);
  });

  test('the note is kept as written, a note too long refused on its column', () => {
    const { errors } = read(`indicateur;date;valeur;note\ndeee-recycles;2025-01-01;1;${'n'.repeat(2001)}\n`);
    assert.deepEqual(errors, [{ line: 2, field: 'note', message: v.noteTooLong(2000) }]);
  });
});
