/**
 * Reading indicators' values from CSV, as a spreadsheet exports them: columns `indicateur` (a
 * standard id or a custom indicator's name), `date`, `valeur` and optionally `note`; `;` or `,`;
 * UTF-8 with or without BOM. Every row is checked and every fault reported with its line in the
 * file and its column; the caller writes nothing unless there is none. Pure: the territory's
 * indicators are given.
 */
import { parse } from 'csv-parse/sync';
import { InvalidInputError } from '../../platform/errors.ts';
import { foldText } from '../../platform/text.ts';
import { indicatorMessages } from './indicators.messages.ts';
import { noteRefusal, parseIndicatorValue, parseMeasureDate, valueRefusal } from './indicators.rules.ts';

const m = indicatorMessages.csv;

export const INDICATOR_CSV_COLUMNS = ['indicator', 'date', 'value', 'note'] as const;
export type IndicatorCsvColumn = (typeof INDICATOR_CSV_COLUMNS)[number];
const REQUIRED: readonly IndicatorCsvColumn[] = ['indicator', 'date', 'value'];
/** Rows read at most in one file. */
export const MAX_CSV_ROWS = 5_000;

/** An indicator the file may name: its key in the database, its unit, whether it is a standard one. */
export type CsvIndicator = { key: string; name: string; unit: string; standard: boolean };

export type IndicatorCsvRow = { line: number; indicator: CsvIndicator; measuredOn: string; value: number; note: string };
/** `field` is the column's French name as the header says it (indicateur, date, valeur, note). */
export type IndicatorCsvError = { line: number; field: string; message: string };
export type IndicatorCsv = { rows: IndicatorCsvRow[]; errors: IndicatorCsvError[] };

const HEADERS = new Map<string, IndicatorCsvColumn>([
  ...['indicateur', 'indicator', 'id', 'identifiant', 'nom'].map((h) => [h, 'indicator'] as const),
  ...['date', 'date de mesure', 'date de la mesure', 'measured on', 'jour'].map((h) => [h, 'date'] as const),
  ...['valeur', 'value', 'mesure', 'nombre'].map((h) => [h, 'value'] as const),
  ...['note', 'notes', 'commentaire', 'remarque'].map((h) => [h, 'note'] as const),
]);

const fileError = (message: string) => new InvalidInputError({ file: message }, message);

function decode(input: string | Uint8Array): string {
  if (typeof input === 'string') return input;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    throw fileError(m.notUtf8);
  }
}

/** `;` when the header line has more of them than of `,` outside quotes; `,` otherwise. */
function delimiterOf(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char === ';') semicolons++;
    else if (!quoted && char === ',') commas++;
  }
  return semicolons > commas ? ';' : ',';
}

/**
 * Reads the file. Throws an InvalidInputError on `file` when the file itself is unusable (empty,
 * not UTF-8, not CSV, a column missing or twice, no row, too many rows); returns the rows read and
 * every faulty row's errors (an unknown indicator, a bad date, a bad number, a note too long, the
 * same indicator and date twice). `resolve` finds an indicator from what the column says.
 */
export function parseIndicatorsCsv(input: string | Uint8Array, options: { resolve: (ref: string) => CsvIndicator | undefined; today: string }): IndicatorCsv {
  const text = decode(input).replace(/^\uFEFF/, '');
  if (text.trim() === '') throw fileError(m.emptyFile);
  if (text.includes('\u0000')) throw fileError(m.notCsv);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const lines = (error as { lines?: unknown }).lines;
    throw fileError(m.unreadable(typeof lines === 'number' ? lines : null));
  }
  const [header, ...data] = records;
  if (!header) throw fileError(m.emptyFile);

  const position = new Map<IndicatorCsvColumn, number>();
  header.record.forEach((cell, index) => {
    const column = HEADERS.get(foldText(cell));
    if (!column) return;
    if (position.has(column)) throw fileError(m.duplicateColumn(cell));
    position.set(column, index);
  });
  const missing = REQUIRED.filter((column) => !position.has(column));
  if (missing.length > 0) throw fileError(m.missingColumns(missing.map((column) => m.columns[column])));
  if (data.length === 0) throw fileError(m.noRows);
  if (data.length > MAX_CSV_ROWS) throw fileError(m.tooManyRows(MAX_CSV_ROWS));

  const rows: IndicatorCsvRow[] = [];
  const errors: IndicatorCsvError[] = [];
  /** The line of each indicator and date met, to report a second one. */
  const seen = new Map<string, number>();
  for (const { record, info } of data) {
    // csv-parse counts the line a record ends on; a quoted cell may span several.
    const line = info.lines;
    const cell = (column: IndicatorCsvColumn) => {
      const index = position.get(column);
      return index === undefined ? '' : (record[index] ?? '');
    };
    const report = (column: IndicatorCsvColumn, message: string) => errors.push({ line, field: m.columns[column], message });
    const ref = cell('indicator');
    const indicator = ref === '' ? undefined : options.resolve(ref);
    if (ref === '') report('indicator', indicatorMessages.value.required);
    else if (!indicator) report('indicator', m.unknownIndicator(ref));
    const date = parseMeasureDate(cell('date'), options.today);
    if (!date.ok) report('date', date.error);
    const value = parseIndicatorValue(cell('value'));
    if (!value.ok) report('value', value.error);
    else if (indicator) {
      const refusal = valueRefusal(value.value, indicator);
      if (refusal) report('value', refusal);
    }
    const note = cell('note');
    const noteError = noteRefusal(note);
    if (noteError) report('note', noteError);
    if (!indicator || !date.ok || !value.ok) continue;
    const key = `${indicator.key}\n${date.value}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      report('date', m.duplicateRow(earlier));
      continue;
    }
    seen.set(key, line);
    if (errors.some((e) => e.line === line)) continue;
    rows.push({ line, indicator, measuredOn: date.value, value: value.value, note });
  }
  return { rows, errors };
}
