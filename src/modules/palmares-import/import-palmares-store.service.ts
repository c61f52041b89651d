/**
 * Stored palmarès imports (the administration's screens and the command line): a file is kept as
 * uploaded with the decisions taken on it, checked again at each step, and applied once.
 */
import type { Db } from '../../platform/db/database.ts';
import { ConflictError, InvalidInputError, NotFoundError, TooLargeError, UnsupportedMediaTypeError } from '../../platform/errors.ts';
import { requirePermission } from '../accounts/guard.ts';
import { EXCELLENCE_PARAMETER_RANGE } from '../label/results.rules.ts';
import { personIdOf, type Caller } from '../accounts/permissions.rules.ts';
import { importMessages } from './messages.ts';
import { applyReport, checkPalmares, importableRows, type ApplyOutcome, type PalmaresDecisions, type PalmaresReport } from './import-palmares.service.ts';
import { parsePalmaresCsv } from './palmares-csv.ts';
import { setExcellenceParameters } from '../label/record-results.service.ts';
import {
  deleteImportRecord,
  findImportRecord,
  insertImportRecord,
  listImportRecords,
  updateImportRecord,
  type ImportRecord,
} from '../label/import-records.service.ts';

const m = importMessages.store;

export const MAX_PALMARES_FILE_BYTES = 5 * 1024 * 1024;
const FILE_NAME_MAX = 200;

export type ImportSummary = {
  rows: number;
  imported: number;
  inserted: number;
  updated: number;
  unchanged: number;
  leftOut: number;
  /** Editions the imported rows belong to, oldest first, with their number of rows. */
  editions: { year: number; rows: number }[];
};

export type StoredImport = {
  id: string;
  fileName: string;
  content: string;
  decisions: PalmaresDecisions;
  state: 'checked' | 'applied';
  createdAt: Date;
  appliedAt: Date | null;
  summary: ImportSummary | null;
};

const EDITION_KEY = /^edition-(\d{4})$/;

/** The summary as the `summary` column holds it: numbers only, one key per edition. */
function encodeSummary(outcome: ApplyOutcome): Record<string, number> {
  const record: Record<string, number> = {
    rows: outcome.report.rows,
    imported: outcome.imported,
    inserted: outcome.inserted,
    updated: outcome.updated,
    unchanged: outcome.unchanged,
    leftOut: outcome.leftOut,
  };
  for (const r of outcome.report.matched) record[`edition-${r.input.year}`] = (record[`edition-${r.input.year}`] ?? 0) + 1;
  return record;
}

export function decodeSummary(record: Record<string, number> | null): ImportSummary | null {
  if (!record) return null;
  const editions = Object.entries(record)
    .map(([key, rows]) => ({ year: Number(EDITION_KEY.exec(key)?.[1] ?? Number.NaN), rows }))
    .filter((e) => Number.isInteger(e.year))
    .sort((a, b) => a.year - b.year);
  const n = (key: string) => record[key] ?? 0;
  return {
    rows: n('rows'),
    imported: n('imported'),
    inserted: n('inserted'),
    updated: n('updated'),
    unchanged: n('unchanged'),
    leftOut: n('leftOut'),
    editions,
  };
}

const BINARY_SIGNATURES = [
  [0x50, 0x4b, 0x03, 0x04], // zip: xlsx, ods
  [0xd0, 0xcf, 0x11, 0xe0], // xls
  [0x25, 0x50, 0x44, 0x46], // %PDF
];

/**
 * The text of an uploaded palmarès, checked by its content: a spreadsheet or any binary file is
 * refused (415) before the CSV reader gives its own messages (encoding, columns).
 */
export function palmaresFileText(data: Uint8Array | string): string {
  if (typeof data !== 'string') {
    if (data.length > MAX_PALMARES_FILE_BYTES) throw new TooLargeError(m.tooLarge(MAX_PALMARES_FILE_BYTES / 1024 / 1024), 'file');
    const binary = BINARY_SIGNATURES.some((sig) => sig.every((byte, i) => data[i] === byte)) || data.subarray(0, 8192).includes(0);
    if (binary) throw new UnsupportedMediaTypeError(m.notCsv, 'file');
  }
  const text = typeof data === 'string' ? data : decodeUtf8(data);
  parsePalmaresCsv(text);
  return text.replace(/^\uFEFF/, '');
}

function decodeUtf8(data: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    // The CSV reader names the problem (not UTF-8) on the field `file`.
    parsePalmaresCsv(data);
    throw new InvalidInputError({ file: m.notCsv });
  }
}

function cleanFileName(name: string): string {
  const base =
    name
      .split(/[\\/]/)
      .pop()
      ?.replace(/[\u0000-\u001f]/g, '')
      .trim() ?? '';
  return (base || m.defaultFileName).slice(0, FILE_NAME_MAX);
}

/** Stores an uploaded file, once readable as a palmarès, for checking: nothing is imported yet (`results.import`). */
export async function createPalmaresImport(db: Db, caller: Caller | null, input: { fileName: string; data: Uint8Array | string }): Promise<{ id: string }> {
  requirePermission(caller, 'results.import');
  const content = palmaresFileText(input.data);
  return insertImportRecord(db, { fileName: cleanFileName(input.fileName), content, createdBy: personIdOf(caller) });
}

function toStored(row: ImportRecord): StoredImport {
  return {
    id: row.id,
    fileName: row.fileName,
    content: row.content,
    decisions: row.decisions,
    state: row.state,
    createdAt: row.createdAt,
    appliedAt: row.appliedAt,
    summary: decodeSummary(row.summary ?? null),
  };
}

export async function getPalmaresImport(db: Db, id: string): Promise<StoredImport> {
  const row = await findImportRecord(db, id);
  if (!row) throw new NotFoundError(m.notFound);
  return toStored(row);
}

/** The latest imports, newest first (without their content). */
export async function listPalmaresImports(db: Db, limit = 20): Promise<Omit<StoredImport, 'content' | 'decisions'>[]> {
  const rows = await listImportRecords(db, limit);
  return rows.map((r) => ({ ...r, summary: decodeSummary(r.summary ?? null) }));
}

/** The report of a stored import, with its decisions. */
export async function checkPalmaresImport(db: Db, id: string): Promise<{ stored: StoredImport; report: PalmaresReport }> {
  const stored = await getPalmaresImport(db, id);
  return { stored, report: await checkPalmares(db, stored.content, stored.decisions) };
}

/**
 * Replaces the decisions of a checked import. Refused as a whole (nothing saved) when one cannot be
 * followed: the error names the row's code field, `code-<row>`. Checks `results.import`.
 */
export async function saveImportDecisions(db: Db, caller: Caller | null, id: string, decisions: PalmaresDecisions): Promise<PalmaresReport> {
  requirePermission(caller, 'results.import');
  const stored = await getPalmaresImport(db, id);
  if (stored.state === 'applied') throw new ConflictError(m.alreadyApplied);
  const kept = Object.fromEntries(
    Object.entries(decisions)
      .filter(([, v]) => v.trim() !== '')
      .map(([k, v]) => [k, v.trim()]),
  );
  const report = await checkPalmares(db, stored.content, kept);
  if (report.decisionErrors.length) {
    throw new InvalidInputError(Object.fromEntries(report.decisionErrors.map((e) => [`code-${e.row}`, e.message])));
  }
  await updateImportRecord(db, id, { decisions: kept });
  return report;
}

export type AppliedImport = { alreadyApplied: boolean; stored: StoredImport };

/**
 * Applies a stored import with its decisions, in one transaction with the import's own state: an
 * import applied twice (two clicks, two tabs) is written once; the second time changes nothing.
 * Checks `results.import`.
 */
export async function applyPalmaresImport(db: Db, caller: Caller | null, id: string, options: { skipUnmatched?: boolean } = {}): Promise<AppliedImport> {
  requirePermission(caller, 'results.import');
  return db.transaction(async (tx) => {
    const row = await findImportRecord(tx, id, { forUpdate: true });
    if (!row) throw new NotFoundError(m.notFound);
    if (row.state === 'applied') return { alreadyApplied: true, stored: toStored(row) };
    const report = await checkPalmares(tx, row.content, row.decisions);
    // Applied with nothing in it, an import could no longer be decided: refused, nothing changes.
    if (!report.matched.length && !report.decisionErrors.length) throw new InvalidInputError({ decisions: m.nothingToImport });
    const outcome = await applyReport(tx, caller, report, { skipUnmatched: options.skipUnmatched, importId: id });
    const updated = await updateImportRecord(tx, id, { state: 'applied', appliedAt: new Date(), summary: encodeSummary(outcome) });
    if (!updated) throw new NotFoundError(m.notFound);
    return { alreadyApplied: false, stored: toStored(updated) };
  });
}

/**
 * The command line's import: checked and written in one transaction, and kept among the imports
 * when it changed something (a second run of the same file leaves no trace). Checks `results.import`.
 */
export async function importPalmaresFile(
  db: Db,
  caller: Caller | null,
  input: { fileName: string; data: Uint8Array | string; decisions?: PalmaresDecisions; skipUnmatched?: boolean },
): Promise<ApplyOutcome> {
  requirePermission(caller, 'results.import');
  const content = palmaresFileText(input.data);
  return db.transaction(async (tx) => {
    const report = await checkPalmares(tx, content, input.decisions);
    importableRows(report, input.skipUnmatched);
    const stored = await insertImportRecord(tx, {
      fileName: cleanFileName(input.fileName),
      content,
      decisions: input.decisions ?? {},
      state: 'applied',
      appliedAt: new Date(),
      createdBy: personIdOf(caller),
    });
    const outcome = await applyReport(tx, caller, report, { skipUnmatched: input.skipUnmatched, importId: stored.id });
    if (outcome.inserted + outcome.updated === 0) await deleteImportRecord(tx, stored.id);
    else await updateImportRecord(tx, stored.id, { summary: encodeSummary(outcome) });
    return outcome;
  });
}

/** The two parameters of "Territoire d'excellence numérique", as typed; the rule is re-applied at once (`results.manage`). */
export async function updateExcellenceParameters(db: Db, caller: Caller | null, input: { consecutiveTopLevels?: string; validityYears?: string }) {
  requirePermission(caller, 'results.manage');
  const errors: Record<string, string> = {};
  const read = (field: 'consecutiveTopLevels' | 'validityYears') => {
    const value = (input[field] ?? '').trim();
    const n = /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
    if (!(n >= EXCELLENCE_PARAMETER_RANGE.min && n <= EXCELLENCE_PARAMETER_RANGE.max)) {
      errors[field] = value === '' ? m.excellence.empty : m.excellence.outOfRange(EXCELLENCE_PARAMETER_RANGE.min, EXCELLENCE_PARAMETER_RANGE.max);
    }
    return n;
  };
  const parameters = { consecutiveTopLevels: read('consecutiveTopLevels'), validityYears: read('validityYears') };
  if (Object.keys(errors).length) throw new InvalidInputError(errors);
  return setExcellenceParameters(db, caller, parameters);
}
