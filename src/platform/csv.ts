import { stringify } from 'csv-stringify/sync';

/**
 * The one CSV writer of the platform: every CSV file it sends goes through `writeCsv`, which quotes
 * and keeps formulas inert in one place.
 *
 * A cell is a text, a typed number, or nothing:
 * - a text starting with `=`, `+`, `-`, `@`, a tab or a carriage return is one a spreadsheet would
 *   run as a formula (CSV injection, OWASP): it gets a leading apostrophe, which spreadsheets read
 *   as "this is text". Every text, whatever its column: a name typed by an administrator can be
 *   hostile too, and Excel runs `@…` as a formula;
 * - a number is written as a number (`-3`, `4.5`, or `4,5` with a decimal comma), never prefixed: a
 *   spreadsheet reads a lone number as a number, not a formula, so a negative one stays usable.
 *   Only numbers typed as such get this: the same characters in a text are neutralised;
 * - null is an empty cell.
 * A field holding the delimiter, a quote, a line feed or a carriage return is quoted (RFC 4180):
 * a bare line break must not end the row for a spreadsheet, nor let a formula start the next one.
 */
export type CsvCell = string | number | null;

export type CsvOptions = {
  delimiter: ',' | ';';
  /** Numbers with a decimal comma (`4,5`), for spreadsheets set up in French. */
  decimalComma?: boolean;
};

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text of one cell as the file holds it, before quoting. */
export function csvCellText(cell: CsvCell, options: Pick<CsvOptions, 'decimalComma'> = {}): string {
  if (cell === null) return '';
  if (typeof cell === 'number') {
    // NaN or Infinity mean nothing in a spreadsheet: no value.
    if (!Number.isFinite(cell)) return '';
    const text = String(cell);
    return options.decimalComma ? text.replace('.', ',') : text;
  }
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * A whole CSV file: the UTF-8 byte order mark (spreadsheets then read UTF-8), the header, one line
 * per record, CRLF line ends.
 */
export function writeCsv(header: readonly string[], records: readonly (readonly CsvCell[])[], options: CsvOptions): string {
  const lines = [header, ...records].map((cells) => cells.map((cell) => csvCellText(cell, options)));
  return stringify(lines, {
    bom: true,
    delimiter: options.delimiter,
    record_delimiter: 'windows',
    quote: '"',
    escape: '"',
    // csv-stringify quotes the delimiter, quotes and its own record delimiter (CRLF) only.
    quoted_match: /[\r\n]/,
  });
}
