import { csvCellText, writeCsv, type CsvCell, type CsvOptions } from '../../platform/csv.ts';
import { LIST_SEPARATOR, type CellValue, type ColumnDoc, type ColumnType, type DatasetRow } from './dataset.ts';

/** How the values of a dataset are written in its files. Pure: no I/O. */

/**
 * `comma`: comma-separated, decimal point (RFC 4180, what programs expect);
 * `semicolon`: semicolon-separated, decimal comma, for spreadsheets set up in French.
 */
export const CSV_DIALECTS = ['comma', 'semicolon'] as const;
export type CsvDialect = (typeof CSV_DIALECTS)[number];

export const CSV_DELIMITERS: Record<CsvDialect, ',' | ';'> = { comma: ',', semicolon: ';' };

/** The byte order mark that tells spreadsheets the file is UTF-8. */
export const UTF8_BOM = '\uFEFF';

/** A moment as ISO 8601 in UTC, to the second: `2024-03-12T09:30:00Z`. */
export function isoMoment(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A value as the platform's CSV writer takes it: numbers of number columns stay numbers, the rest is text. */
function typedCell(value: CellValue | JsonValue, type: ColumnType): CsvCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return isoMoment(value);
  if (Array.isArray(value)) return (value as readonly unknown[]).map((v) => String(v)).join(LIST_SEPARATOR);
  if (typeof value === 'number' && (type === 'integer' || type === 'decimal')) return value;
  return String(value);
}

const csvOptions = (dialect: CsvDialect): CsvOptions => ({ delimiter: CSV_DELIMITERS[dialect], decimalComma: dialect === 'semicolon' });

/**
 * The text of one CSV cell as the file holds it (see src/platform/csv.ts: a text that would run as
 * a formula gets a leading apostrophe, numbers stay numbers). Accepts the JSON form of a value too
 * (a moment as its ISO string).
 */
export function csvCell(value: CellValue | JsonValue, type: ColumnType, dialect: CsvDialect = 'comma'): string {
  return csvCellText(typedCell(value, type), csvOptions(dialect));
}

/** A whole CSV file, through the platform's one CSV writer: BOM, header of column keys, one line per row, CRLF line ends, fields quoted as RFC 4180 says. */
export function toCsv(columns: readonly ColumnDoc[], rows: readonly DatasetRow[], dialect: CsvDialect = 'comma'): string {
  const records = rows.map((row) => columns.map((c) => typedCell(row[c.key] ?? null, c.type)));
  return writeCsv(
    columns.map((c) => c.key),
    records,
    csvOptions(dialect),
  );
}

export type JsonValue = string | number | boolean | null | JsonValue[];

/** A value as JSON: lists as arrays, moments as ISO strings, the rest as is. */
export function jsonValue(value: CellValue): JsonValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return isoMoment(value);
  if (Array.isArray(value)) return [...(value as readonly (string | number)[])];
  return value as string | number | boolean;
}

/** The JSON document of a dataset: `{ items, total }`, each item keyed like the CSV header. */
export function toJsonDocument(columns: readonly ColumnDoc[], rows: readonly DatasetRow[]): { items: Record<string, JsonValue>[]; total: number } {
  const items = rows.map((row) => Object.fromEntries(columns.map((c) => [c.key, jsonValue(row[c.key] ?? null)])));
  return { items, total: items.length };
}

/** The palmarès history of a territory as one text: `2017:5;2018:5;2019:4`. */
export function historyText(results: readonly { year: number; level: number }[]): string {
  return [...results]
    .sort((a, b) => a.year - b.year)
    .map((r) => `${r.year}:${r.level}`)
    .join(';');
}

/** Separator of the indicators inside their one text cell. */
export const INDICATOR_SEPARATOR = ' ; ';

/**
 * A sheet's indicators as one text a person reads, in the sheet's order:
 * `Ordinateurs reconditionnés : 150 ordinateurs (2024-03-01) ; Poids collecté : 1,2 t`. The value
 * has a decimal comma and no thousands separator, the date (when there is one) is `AAAA-MM-JJ`.
 */
export function indicatorsText(indicators: readonly { label: string; value: number; unit: string; date: string | null }[]): string {
  return indicators
    .map((i) => {
      const quantity = [String(i.value).replace('.', ','), i.unit.trim()].filter(Boolean).join(' ');
      return `${i.label.trim()} : ${quantity}${i.date ? ` (${i.date})` : ''}`;
    })
    .join(INDICATOR_SEPARATOR);
}

/** Open-data keys: short, stable, lower-case ASCII words joined by underscores. */
export function isSnakeCaseKey(key: string): boolean {
  return /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(key);
}

/** Whether an example (or any value) fits the type it is documented with. */
export function fitsType(value: CellValue, type: ColumnType): boolean {
  if (value === null) return true;
  switch (type) {
    case 'code':
    case 'text':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'decimal':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    case 'datetime':
      return value instanceof Date && !Number.isNaN(value.getTime());
    case 'text-list':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'integer-list':
      return Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isInteger(v));
  }
}
