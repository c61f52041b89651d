import writeXlsxFile, { type Cell, type Row, type Sheet } from 'write-excel-file/node';
import { LIST_SEPARATOR, type CellValue, type ColumnType, type Dataset, type DatasetRow } from './dataset.ts';
import { openDataMessages } from './messages.ts';

const m = openDataMessages;

/** A value as a typed spreadsheet cell: numbers as numbers, dates as dates, codes as text. */
export function sheetCell(value: CellValue, type: ColumnType): Cell {
  if (value === null || value === undefined) return null;
  switch (type) {
    case 'code':
      // « @ »: a text cell, so that « 01001 » keeps its zero.
      return { value: String(value), type: String, format: '@' };
    case 'integer':
    case 'decimal':
      return typeof value === 'number' ? { value, type: Number } : String(value);
    case 'boolean':
      return typeof value === 'boolean' ? { value, type: Boolean } : String(value);
    case 'date':
      return typeof value === 'string' ? { value: new Date(`${value}T00:00:00Z`), type: Date, format: 'yyyy-mm-dd' } : null;
    case 'datetime':
      return value instanceof Date ? { value, type: Date, format: 'yyyy-mm-dd hh:mm:ss' } : null;
    case 'text-list':
    case 'integer-list':
      return Array.isArray(value) ? (value as readonly (string | number)[]).join(LIST_SEPARATOR) : String(value);
    case 'text':
      return String(value);
  }
}

const WIDTHS: Record<ColumnType, number> = {
  code: 14,
  text: 30,
  integer: 10,
  decimal: 10,
  boolean: 10,
  date: 12,
  datetime: 20,
  'text-list': 30,
  'integer-list': 14,
};

const bold = (value: string): Cell => ({ value, fontWeight: 'bold' });

function datasetSheet(dataset: Dataset, rows: readonly DatasetRow[]): Sheet<never> {
  const data: Row[] = [dataset.columns.map((c) => bold(c.key)), ...rows.map((row) => dataset.columns.map((c) => sheetCell(row[c.key] ?? null, c.type)))];
  return { data, sheet: dataset.sheet, columns: dataset.columns.map((c) => ({ width: Math.max(WIDTHS[c.type], c.key.length + 2) })), stickyRowsCount: 1 };
}

export type WorkbookFacts = { generatedAt: Date; latestEdition: number | null; pageUrl: string };

function readMeSheet(datasets: readonly { dataset: Dataset; rows: readonly DatasetRow[] }[], facts: WorkbookFacts): Sheet<never> {
  const r = m.readMe;
  const data: Row[] = [
    [{ value: r.title, fontWeight: 'bold', fontSize: 14 }],
    [r.licence],
    [r.generatedAt(facts.generatedAt)],
    [r.latestEdition(facts.latestEdition)],
    [r.source(facts.pageUrl)],
    [],
    [bold(r.datasets)],
    r.datasetHeader.map(bold),
    ...datasets.map(({ dataset, rows }): Row => [dataset.sheet, dataset.title, dataset.row, { value: rows.length, type: Number }, dataset.description]),
    [],
    [bold(r.columns)],
    r.columnHeader.map(bold),
    ...datasets.flatMap(({ dataset }) =>
      dataset.columns.map((c): Row => [dataset.sheet, c.key, c.label, m.types[c.type], c.description, sheetCell(c.example, c.type)]),
    ),
  ];
  return { data, sheet: r.sheet, columns: [{ width: 22 }, { width: 22 }, { width: 28 }, { width: 24 }, { width: 80 }, { width: 30 }] };
}

/** The workbook: an "À lire" sheet describing every column, then one sheet per dataset. */
export async function buildWorkbook(datasets: readonly { dataset: Dataset; rows: readonly DatasetRow[] }[], facts: WorkbookFacts): Promise<Buffer> {
  const sheets = [readMeSheet(datasets, facts), ...datasets.map(({ dataset, rows }) => datasetSheet(dataset, rows))];
  return writeXlsxFile(sheets, { fontFamily: 'Calibri', fontSize: 11 }).toBuffer();
}
