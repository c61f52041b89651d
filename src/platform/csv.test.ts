import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { csvCellText, writeCsv } from './csv.ts';

// Read as a spreadsheet does: any line break outside quotes ends a row.
const readBack = (text: string, delimiter: ',' | ';') => parse(text, { bom: true, delimiter, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];

describe('the CSV writer', () => {
  test('texts a spreadsheet would run as formulas get a leading apostrophe; other texts are left as they are', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) assert.equal(csvCellText(`${start}SUM(A1:A9)`), `'${start}SUM(A1:A9)`, JSON.stringify(start));
    for (const text of ['Trélazé', ' =1', "'=1", '1+1', 'a@b.fr', '']) assert.equal(csvCellText(text), text, JSON.stringify(text));
  });

  test('numbers are written as numbers, negative ones too, with a decimal comma on request; null is empty', () => {
    assert.equal(csvCellText(-3), '-3');
    assert.equal(csvCellText(-0.25), '-0.25');
    assert.equal(csvCellText(-0.25, { decimalComma: true }), '-0,25');
    assert.equal(csvCellText(16333), '16333');
    assert.equal(csvCellText(Number.NaN), '');
    assert.equal(csvCellText(null), '');
  });

  test('every field with the delimiter, a quote or a line break is quoted; the file reads back to the same rows', () => {
    const records = [
      ['A, B', 'dit "oui"', 'un\ndeux', -1.5],
      ['Ligne\r=1+1', 'fin\r\n@SUM(1)', 'A;B', null],
    ];
    for (const [delimiter, decimalComma] of [
      [',', false],
      [';', true],
    ] as const) {
      const csv = writeCsv(['a', 'b', 'c', 'n'], records, { delimiter, decimalComma });
      assert.ok(csv.startsWith('\uFEFFa' + delimiter), 'BOM, then the header');
      assert.ok(csv.endsWith('\r\n'));
      assert.deepEqual(readBack(csv, delimiter), [
        ['a', 'b', 'c', 'n'],
        ['A, B', 'dit "oui"', 'un\ndeux', decimalComma ? '-1,5' : '-1.5'],
        ['Ligne\r=1+1', 'fin\r\n@SUM(1)', 'A;B', ''],
      ]);
    }
    assert.equal(writeCsv(['x'], [['=1'], ['a\nb']], { delimiter: ',' }), `\uFEFFx\r\n'=1\r\n"a\nb"\r\n`);
  });
});
