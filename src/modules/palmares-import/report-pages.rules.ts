/**
 * The import report's tables, one page at a time: a file of 40,000 rows made a 48 MB page. Each
 * table (rows to decide, invalid rows, remarks, recognised rows) has its own page number in the
 * address, so that moving in one keeps the others where they were. Pure.
 */

/** Rows of one table on one page: a page of rows to decide stays a form one can fill. */
export const REPORT_PAGE_SIZE = 100;

/** Each table's query parameter, which is also its section's anchor after `lignes-`. */
export const REPORT_TABLES = ['a-trancher', 'invalides', 'remarques', 'reconnues'] as const;
export type ReportTable = (typeof REPORT_TABLES)[number];
export type ReportPages = Record<ReportTable, number>;

/** A page of a table: its items, its number (within 1 and the last page), and where it stands. */
export type TablePage<T> = { items: T[]; page: number; pages: number; total: number; first: number; last: number };

/** The page asked for of `items`: a page past the end is the last one, anything below 1 the first. */
export function pageOf<T>(items: readonly T[], asked: number, size = REPORT_PAGE_SIZE): TablePage<T> {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const page = Math.min(pages, Math.max(1, Number.isInteger(asked) ? asked : 1));
  const start = (page - 1) * size;
  const slice = items.slice(start, start + size);
  return { items: slice, page, pages, total: items.length, first: slice.length ? start + 1 : 0, last: start + slice.length };
}

/** The query of the report's address for these pages: only the tables not on their first page. */
export function pagesQuery(pages: Partial<ReportPages>): URLSearchParams {
  const params = new URLSearchParams();
  for (const table of REPORT_TABLES) {
    const page = pages[table];
    if (page !== undefined && page > 1) params.set(table, String(page));
  }
  return params;
}
