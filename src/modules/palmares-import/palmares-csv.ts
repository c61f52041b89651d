/**
 * Reading a past palmarès from CSV (year, name, département, level, and optionally distinctions
 * and type), as exported by a spreadsheet: UTF-8 with or without BOM, `,` or `;`, French headers.
 * Rows are only read and checked here; matching names to territories is palmares-matching.rules.ts.
 */
import { parse } from 'csv-parse/sync';
import { InvalidInputError } from '../../platform/errors.ts';
import { normaliseKind } from '../territories/territory-names.rules.ts';
import { foldText } from '../../platform/text.ts';
import { FIRST_EDITION_YEAR, LEVELS, lastPossibleEditionYear, TOP_LEVEL } from '../label/results.rules.ts';

export const PALMARES_COLUMNS = ['year', 'name', 'department', 'level', 'distinctions', 'kind'] as const;
export type PalmaresColumn = (typeof PALMARES_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly PalmaresColumn[] = ['year', 'name', 'department', 'level'];

export type PalmaresCsvRow = {
  /** 1-based number of the data row (the header is row 0). */
  row: number;
  year: number;
  name: string;
  /** As written (code or name); empty when the cell is. */
  department: string;
  level: number;
  /** Names as written; the importer maps them to the edition's distinctions. */
  distinctions: string[];
  /** As written ("ville", "intercommunalité"…), null when absent. */
  kind: string | null;
};
export type PalmaresCsvError = { row: number; field: PalmaresColumn; message: string };
export type PalmaresCsv = { rows: PalmaresCsvRow[]; errors: PalmaresCsvError[] };

const q = (s: string) => `« ${s} »`;
const FIRST_LEVEL = LEVELS[0];
const LAST_LEVEL = TOP_LEVEL;

/** French messages of the palmarès CSV reader. */
export const palmaresCsvMessages = {
  columns: {
    year: 'année',
    name: 'nom',
    department: 'département',
    level: 'niveau',
    distinctions: 'distinctions',
    kind: 'type',
  } satisfies Record<PalmaresColumn, string>,
  empty: 'vide',
  yearNotNumber: (value: string) => `${q(value)} n’est pas une année`,
  yearOutOfRange: (year: number, last: number) => `${year} n’est pas une année du label (${FIRST_EDITION_YEAR} à ${last})`,
  levelNotLevel: (value: string) => `${q(value)} n’est pas un niveau (de ${FIRST_LEVEL} à ${LAST_LEVEL}, écrit « 3 », « 3@ » ou « @@@ »)`,
  levelOutOfRange: (value: string) => `${q(value)} doit être entre ${FIRST_LEVEL} et ${LAST_LEVEL}`,
  kindUnknown: (value: string) => `${q(value)} inconnu (commune, village, ville, intercommunalité, territoire, département ou région)`,
  emptyFile: 'le fichier est vide',
  notUtf8: 'le fichier n’est pas en UTF-8 : enregistrez-le au format « CSV UTF-8 »',
  notCsv: 'ce n’est pas un fichier CSV',
  unreadable: (line: number | null) => `CSV illisible${line ? ` vers la ligne ${line}` : ''} (guillemet non fermé ou séparateur incohérent)`,
  missingColumns: (columns: string[]) =>
    `colonne${columns.length > 1 ? 's' : ''} manquante${columns.length > 1 ? 's' : ''} : ${columns.join(', ')} ` +
    '(en-tête attendu : année, nom, département, niveau, et si besoin distinctions, type)',
  duplicateColumn: (column: string) => `la colonne ${q(column)} apparaît deux fois`,
  noRows: 'aucune ligne de palmarès sous l’en-tête',
};
const m = palmaresCsvMessages;

const HEADER_ALIASES = new Map<string, PalmaresColumn>([
  ...['year', 'annee', 'an', 'edition'].map((h) => [h, 'year'] as const),
  ...['name', 'nom', 'collectivite', 'territoire', 'laureat'].map((h) => [h, 'name'] as const),
  ...['department', 'departement', 'dep', 'dept', 'code departement'].map((h) => [h, 'department'] as const),
  ...['level', 'niveau', 'arobases', 'arobase'].map((h) => [h, 'level'] as const),
  ...['distinctions', 'distinction', 'mentions', 'mention'].map((h) => [h, 'distinctions'] as const),
  ...['kind', 'type', 'nature', 'categorie'].map((h) => [h, 'kind'] as const),
]);

function columnOf(header: string): PalmaresColumn | null {
  const trimmed = header.trim();
  if (/^@+$/.test(trimmed)) return 'level';
  return HEADER_ALIASES.get(foldText(trimmed)) ?? null;
}

const fileError = (message: string) => new InvalidInputError({ file: message });

function decode(input: string | Uint8Array): string {
  if (typeof input === 'string') return input;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    throw fileError(m.notUtf8);
  }
}

/** The delimiter the header line uses most, outside quotes. */
function detectDelimiter(text: string): string {
  const counts = new Map([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted) {
      const count = counts.get(char);
      if (count !== undefined) counts.set(char, count + 1);
    }
  }
  return [...counts.entries()].reduce((best, entry) => (entry[1] > best[1] ? entry : best), [',', 0])[0];
}

/** "5", "5@", "5 @", "5 arobases", "@@@@@" → 5; null when it is no level at all. */
export function parseLevel(value: string): number | null {
  const v = value.trim().toLowerCase();
  if (/^@+$/.test(v)) return v.length;
  const written = /^(\d+)\s*(?:@|arobases?)?$/.exec(v);
  return written ? Number(written[1]) : null;
}

function splitDistinctions(value: string, delimiter: string): string[] {
  const separators = delimiter === ';' ? /[|;,]/ : /[|;]/;
  return value
    .split(separators)
    .map((d) => d.trim().replace(/\s+/g, ' '))
    .filter((d) => d !== '');
}

/**
 * Reads a palmarès CSV. Throws an InvalidInputError on field `file` when the file itself is unusable
 * (empty, not UTF-8, not CSV, a required column missing); returns every readable row and, for
 * each faulty row, French messages naming the column.
 */
export function parsePalmaresCsv(input: string | Uint8Array, options: { today?: Date } = {}): PalmaresCsv {
  const text = decode(input).replace(/^\uFEFF/, '');
  if (text.trim() === '') throw fileError(m.emptyFile);
  if (text.includes('\u0000')) throw fileError(m.notCsv);
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
    }) as string[][];
  } catch (error) {
    const lines = (error as { lines?: unknown }).lines;
    throw fileError(m.unreadable(typeof lines === 'number' ? lines : null));
  }
  const [header, ...data] = records;
  if (!header) throw fileError(m.emptyFile);

  const positions = new Map<PalmaresColumn, number>();
  header.forEach((cell, position) => {
    const column = columnOf(cell);
    if (!column) return;
    if (positions.has(column)) throw fileError(m.duplicateColumn(cell.trim()));
    positions.set(column, position);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !positions.has(c));
  if (missing.length) throw fileError(m.missingColumns(missing.map((c) => m.columns[c])));
  if (!data.length) throw fileError(m.noRows);

  const lastYear = lastPossibleEditionYear(options.today);
  const rows: PalmaresCsvRow[] = [];
  const errors: PalmaresCsvError[] = [];
  data.forEach((record, i) => {
    const row = i + 1;
    const cell = (column: PalmaresColumn) => {
      const position = positions.get(column);
      return position === undefined ? '' : (record[position] ?? '').trim();
    };
    const rowErrors: PalmaresCsvError[] = [];
    const fail = (field: PalmaresColumn, message: string) => rowErrors.push({ row, field, message: `${m.columns[field]} : ${message}` });

    const yearText = cell('year');
    const year = /^\d+$/.test(yearText) ? Number(yearText) : null;
    if (!yearText) fail('year', m.empty);
    else if (year === null) fail('year', m.yearNotNumber(yearText));
    else if (year < FIRST_EDITION_YEAR || year > lastYear) fail('year', m.yearOutOfRange(year, lastYear));

    const name = cell('name').replace(/\s+/g, ' ');
    if (!name) fail('name', m.empty);

    const levelText = cell('level');
    const level = parseLevel(levelText);
    if (!levelText) fail('level', m.empty);
    else if (level === null) fail('level', m.levelNotLevel(levelText));
    else if (level < FIRST_LEVEL || level > LAST_LEVEL) fail('level', m.levelOutOfRange(levelText));

    const kind = cell('kind');
    if (kind && !normaliseKind(kind)) fail('kind', m.kindUnknown(kind));

    if (rowErrors.length) errors.push(...rowErrors);
    else if (year === null || level === null) throw new Error(`palmarès row ${row}: no year or level, yet no error`);
    else {
      rows.push({
        row,
        year,
        name,
        department: cell('department'),
        level,
        distinctions: splitDistinctions(cell('distinctions'), delimiter),
        kind: kind || null,
      });
    }
  });
  return { rows, errors };
}
