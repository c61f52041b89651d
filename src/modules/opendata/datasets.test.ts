import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { COLUMN_TYPES } from './dataset.ts';
import { datasetMessages } from './dataset-messages.ts';
import { DATASETS, findDataset } from './datasets.ts';
import { fitsType, isSnakeCaseKey } from './export-format.rules.ts';
import { openDataMessages } from './messages.ts';
import { sheetCell } from './workbook.ts';

/**
 * Code columns that identify a thing named in another column of the same row (or, for `id` and the
 * referential's version, that have no other name); every other code is one of a closed list and
 * gets a `_libelle` column.
 */
const IDENTIFIERS: Record<string, string[]> = {
  id: ['titre'],
  version: ['version'],
  code_territoire: ['nom', 'nom_territoire'],
  code_departement: ['nom_departement'],
  code_region: ['nom_region'],
  code_axe: ['axe'],
  code_enjeu: ['enjeu'],
  code_service: ['service'],
};
/** Lists of codes: those of the referential and the distinctions have their own name columns (`services`, `enjeux`, `axes`, `distinctions`). */
const CODE_LISTS = new Set(['publics']);

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

      test('every code with a human meaning comes with its French label in `<key>_libelle`, right after it', () => {
        const keys = dataset.columns.map((c) => c.key);
        for (const [n, c] of dataset.columns.entries()) {
          const isCode = c.type === 'code' || (c.type === 'text-list' && CODE_LISTS.has(c.key));
          if (!isCode || c.key in IDENTIFIERS) continue;
          assert.equal(keys[n + 1], `${c.key}_libelle`, `${dataset.id}.${c.key}: its label column must follow it`);
          const label = dataset.columns[n + 1]!;
          assert.equal(label.type, c.type === 'code' ? 'text' : 'text-list', label.key);
        }
        // An identifier's own name is in the column it points to: that column exists.
        for (const key of keys) {
          if (key in IDENTIFIERS)
            assert.ok(
              IDENTIFIERS[key]!.some((name) => keys.includes(name)),
              `${dataset.id}.${key} → ${IDENTIFIERS[key]!.join(' or ')}`,
            );
        }
      });

      test('title, row, description and a sheet name a spreadsheet accepts', () => {
        assert.ok(dataset.title && dataset.row && dataset.description);
        assert.ok(dataset.sheet.length <= 31 && !/[\\/?*[\]:]/.test(dataset.sheet), dataset.sheet);
      });
    });
  }

  test('the labels are those the territories and initiatives modules show', () => {
    const labelsOf = (id: string) => Object.fromEntries(findDataset(id)!.columns.map((c) => [c.key, c]));
    for (const id of ['territoires-labellises', 'palmares'] as const) {
      const columns = labelsOf(id);
      assert.equal(columns.type_territoire_libelle?.example, 'Commune');
      assert.equal(columns.categorie_libelle?.example, 'Ville');
      assert.equal(columns.strate_libelle?.example, 'de 3 000 à 20 000 habitants');
      assert.match(columns.type_territoire_libelle!.description, /« Commune », « Intercommunalité », « Département » ou « Région »/);
    }
    const initiatives = labelsOf('initiatives');
    assert.match(initiatives.statut_libelle!.description, /« En projet », « En cours », « Réalisée » ou « Abandonnée »/);
    assert.deepEqual(initiatives.publics_libelle?.example, ['Agents']);
  });

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
