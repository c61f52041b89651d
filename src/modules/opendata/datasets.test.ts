import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { COLUMN_TYPES } from './dataset.ts';
import { datasetMessages } from './dataset-messages.ts';
import { DATASETS, findDataset } from './datasets.ts';
import { fitsType, isSnakeCaseKey } from './export-format.rules.ts';
import { openDataMessages } from './messages.ts';
import { sheetCell } from './workbook.ts';

describe('dataset definitions', () => {
  test('the four datasets, in the page order, each found by its id', () => {
    assert.deepEqual(
      DATASETS.map((d) => d.id),
      ['territoires-labellises', 'palmares', 'initiatives', 'referentiel'],
    );
    for (const d of DATASETS) assert.equal(findDataset(d.id), d);
    assert.equal(findDataset('inconnu'), undefined);
  });

  for (const dataset of DATASETS) {
    describe(dataset.id, () => {
      test('keys are unique snake_case ASCII', () => {
        const keys = dataset.columns.map((c) => c.key);
        assert.equal(new Set(keys).size, keys.length, 'duplicate keys');
        for (const key of keys) assert.ok(isSnakeCaseKey(key), key);
      });

      test('every column is documented in French, with a type and an example of that type', () => {
        for (const c of dataset.columns) {
          assert.ok(c.label.trim().length > 1, `${c.key}: label`);
          assert.ok(c.description.trim().length > 5, `${c.key}: description`);
          assert.ok(COLUMN_TYPES.includes(c.type), `${c.key}: type`);
          assert.ok(c.example !== null, `${c.key}: example`);
          assert.ok(fitsType(c.example, c.type), `${c.key}: example ${JSON.stringify(c.example)} is not a ${c.type}`);
          assert.ok(openDataMessages.types[c.type].length > 0);
        }
      });

      test('the messages describe exactly the columns of the dataset, no more, no fewer', () => {
        const documented = Object.keys(datasetMessages[dataset.id].columns).sort();
        assert.deepEqual(dataset.columns.map((c) => c.key).sort(), documented);
      });

      test('title, row, description and a sheet name a spreadsheet accepts', () => {
        assert.ok(dataset.title && dataset.row && dataset.description);
        assert.ok(dataset.sheet.length <= 31 && !/[\\/?*[\]:]/.test(dataset.sheet), dataset.sheet);
      });
    });
  }

  test('sheet names are unique and differ from the "À lire" sheet', () => {
    const sheets = [openDataMessages.readMe.sheet, ...DATASETS.map((d) => d.sheet)];
    assert.equal(new Set(sheets).size, sheets.length);
  });
});

describe('spreadsheet cells', () => {
  test('numbers as numbers, booleans as booleans, dates as dates, codes as text keeping their zeros, lists joined', () => {
    assert.deepEqual(sheetCell(16333, 'integer'), { value: 16333, type: Number });
    assert.deepEqual(sheetCell(4.5, 'decimal'), { value: 4.5, type: Number });
    assert.deepEqual(sheetCell(true, 'boolean'), { value: true, type: Boolean });
    assert.deepEqual(sheetCell('01001', 'code'), { value: '01001', type: String, format: '@' });
    assert.deepEqual(sheetCell('2021-01-04', 'date'), { value: new Date('2021-01-04T00:00:00Z'), type: Date, format: 'yyyy-mm-dd' });
    const moment = new Date('2024-03-12T09:30:00Z');
    assert.deepEqual(sheetCell(moment, 'datetime'), { value: moment, type: Date, format: 'yyyy-mm-dd hh:mm:ss' });
    assert.equal(sheetCell(['verte', 'excellence'], 'text-list'), 'verte | excellence');
    assert.equal(sheetCell([2022, 2025], 'integer-list'), '2022 | 2025');
    assert.equal(sheetCell(null, 'integer'), null);
    assert.equal(sheetCell('Trélazé', 'text'), 'Trélazé');
  });
});
