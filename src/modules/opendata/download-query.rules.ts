import type { DatasetId } from './dataset.ts';
import type { CsvDialect } from './export-format.rules.ts';
import { openDataMessages } from './messages.ts';

/** Reading a download's query (`?annee=2023&separateur=point-virgule`). Pure: no I/O. */

export type DownloadFormat = 'csv' | 'json';

/** URL values of `separateur`, and the dialect each one asks for. */
export const SEPARATOR_PARAMETER: Record<string, CsvDialect> = { virgule: 'comma', 'point-virgule': 'semicolon' };
export const SEMICOLON_QUERY = 'separateur=point-virgule';

export type DownloadRequest = { year?: number; dialect: CsvDialect };
export type DownloadQueryError = { field: 'annee' | 'separateur'; message: string };

const e = openDataMessages.errors;

/** A parameter given once; a repeated one counts as its last value, as elsewhere on the site. */
function single(value: unknown): string | undefined {
  if (Array.isArray(value)) return single(value.at(-1));
  return typeof value === 'string' ? value : undefined;
}

/**
 * What a download asks for, or the error naming the faulty parameter. Other parameters are ignored.
 * Whether the year is published is for the caller to check (a database question).
 */
export function readDownloadQuery(datasetId: DatasetId, format: DownloadFormat, query: Record<string, unknown>): DownloadRequest | DownloadQueryError {
  const request: DownloadRequest = { dialect: 'comma' };
  const rawYear = single(query.annee);
  if (rawYear !== undefined && rawYear !== '') {
    if (datasetId !== 'palmares') return { field: 'annee', message: e.yearOnlyForPalmares };
    if (!/^\d{4}$/.test(rawYear.trim())) return { field: 'annee', message: e.yearInvalid };
    request.year = Number(rawYear.trim());
  }
  const rawSeparator = single(query.separateur);
  if (rawSeparator !== undefined && rawSeparator !== '') {
    const dialect = SEPARATOR_PARAMETER[rawSeparator.trim()];
    if (!dialect || (format === 'json' && dialect !== 'comma')) return { field: 'separateur', message: e.separatorInvalid };
    request.dialect = dialect;
  }
  return request;
}

export function isDownloadQueryError(value: DownloadRequest | DownloadQueryError): value is DownloadQueryError {
  return 'field' in value;
}

/** The name a downloaded file is saved under: `arobase-palmares-2023-point-virgule.csv`. */
export function downloadFileName(datasetId: DatasetId, format: DownloadFormat, request: DownloadRequest): string {
  const parts = ['arobase', datasetId];
  if (request.year !== undefined) parts.push(String(request.year));
  if (format === 'csv' && request.dialect === 'semicolon') parts.push('point-virgule');
  return `${parts.join('-')}.${format}`;
}

/** The address of a download, as the page links it. */
export function downloadPath(datasetId: DatasetId, format: DownloadFormat, options: { year?: number; dialect?: CsvDialect } = {}): string {
  const params: string[] = [];
  if (options.year !== undefined) params.push(`annee=${options.year}`);
  if (format === 'csv' && options.dialect === 'semicolon') params.push(SEMICOLON_QUERY);
  return `/open-data/${datasetId}.${format}${params.length ? `?${params.join('&')}` : ''}`;
}

export const WORKBOOK_PATH = '/open-data/arobase.xlsx';
