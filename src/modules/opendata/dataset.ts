import type { Db } from '../../platform/db/database.ts';

/**
 * How a column's values are typed: the one source of truth from which the CSV text, the JSON value,
 * the spreadsheet cell and the page's documentation are derived.
 */
export const COLUMN_TYPES = ['code', 'text', 'integer', 'decimal', 'boolean', 'date', 'datetime', 'text-list', 'integer-list'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/**
 * A cell's value. Codes, texts: string; integers, decimals: number; booleans; dates: `YYYY-MM-DD`
 * strings; moments: Date; lists: arrays. null when unknown or not applicable.
 */
export type CellValue = string | number | boolean | Date | readonly string[] | readonly number[] | null;

/** What the page and the "À lire" sheet say about a column. */
export type ColumnDoc = {
  /** Short, stable, snake_case ASCII: the CSV header and the JSON key. */
  key: string;
  /** French label, for people. */
  label: string;
  /** French description of what the column holds. */
  description: string;
  type: ColumnType;
  example: CellValue;
};

export type Column<R> = ColumnDoc & { value: (row: R) => CellValue };

export type DatasetId = 'territoires-labellises' | 'palmares' | 'initiatives' | 'referentiel';

/** What a dataset's loader may need besides the database. */
export type LoadContext = {
  /** Absolute base of the site, for the links the rows carry. */
  baseUrl: string;
  /** Only the palmarès has a per-edition variant. */
  year?: number;
};

/** One row: a value per column key, in the columns' order. */
export type DatasetRow = Record<string, CellValue>;

export type Dataset = {
  id: DatasetId;
  /** French title. */
  title: string;
  /** What one row is, in French. */
  row: string;
  /** A short French description of the dataset. */
  description: string;
  /** Name of its sheet in the workbook (at most 31 characters). */
  sheet: string;
  columns: ColumnDoc[];
  load(db: Db, context: LoadContext): Promise<DatasetRow[]>;
};

export type DatasetSpec<R> = Omit<Dataset, 'columns' | 'load'> & {
  columns: Column<R>[];
  /** The records, read through other modules' services, in the order of the file. */
  records(db: Db, context: LoadContext): Promise<R[]>;
};

/** Turns a typed spec into a dataset: its rows are its records seen through its columns' getters. */
export function defineDataset<R>(spec: DatasetSpec<R>): Dataset {
  const { columns, records, ...about } = spec;
  return {
    ...about,
    columns: columns.map(({ value: _value, ...doc }) => doc),
    async load(db, context) {
      const items = await records(db, context);
      return items.map((item) => rowOf(columns, item));
    },
  };
}

/** A record seen through the columns' getters. */
export function rowOf<R>(columns: readonly Column<R>[], item: R): DatasetRow {
  const row: DatasetRow = {};
  for (const column of columns) row[column.key] = column.value(item);
  return row;
}

/** Separator of list values inside one CSV cell. */
export const LIST_SEPARATOR = ' | ';
