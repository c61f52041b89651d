/**
 * The history import of past palmarès: a file is checked (names matched to territories, distinctions
 * to the catalogue, doubtful rows reported for a person to decide), then applied all-or-nothing.
 */
import type { Db } from '../../platform/db/database.ts';
import { InvalidInputError } from '../../platform/errors.ts';
import { requirePermission } from '../accounts/guard.ts';
import type { Caller } from '../accounts/permissions.rules.ts';
import { loadFormerCommunes } from '../territories/former-communes.ts';
import { listMatchCandidates } from '../territories/search-territories.service.ts';
import { importMessages } from './messages.ts';
import { parsePalmaresCsv, type PalmaresColumn, type PalmaresCsvRow } from './palmares-csv.ts';
import { buildMatchIndex, matchRow, normaliseDepartment, type MatchedCandidate, type MatchResult } from '../territories/territory-matching.rules.ts';
import { recordResults, type RecordResultsOutcome, type ResultInput } from '../label/record-results.service.ts';
import { EXCELLENCE_CODE, normaliseDistinctionLabel } from '../label/results.rules.ts';
import { listDeliberatedResultKeys, listDistinctions } from '../label/results.service.ts';
import { editionStates } from '../label/import-records.service.ts';

const m = importMessages.check;

/** A decision on a reported row: the code of the territory it names, or this value to leave it out. */
export const SKIP = 'skip';
/** Row number (1-based data row) → territory code or `SKIP`. */
export type PalmaresDecisions = Record<string, string>;

/** A row as the file wrote it, for the report. */
export type RowInput = Omit<PalmaresCsvRow, 'row'>;

export type MatchedRow = {
  row: number;
  code: string;
  name: string;
  reason: string;
  input: RowInput;
  /** Distinction codes of the catalogue (never the rule-granted one). */
  distinctions: string[];
  /** True when the territory comes from a person's decision rather than from the matching. */
  decided: boolean;
};
export type AmbiguousRow = { row: number; candidates: MatchedCandidate[]; reason: string; input: RowInput };
export type NotFoundRow = { row: number; reason: string; input: RowInput };
export type InvalidRow = { row: number; field: PalmaresColumn; message: string };
export type SkippedRow = { row: number };
export type RowNote = { row: number; message: string };
/** A decision that cannot be followed (unknown row, unknown territory code). */
export type DecisionError = { row: number; message: string };
/** A row the matching could not settle, whatever was decided since: what the decision form lists. */
export type RowToDecide = {
  row: number;
  input: RowInput;
  status: 'ambiguous' | 'notFound';
  candidates: MatchedCandidate[];
  reason: string;
  /** The stored decision: a code, `SKIP`, or null. */
  choice: string | null;
};

export type PalmaresReport = {
  /** Data rows read (the header excluded). */
  rows: number;
  matched: MatchedRow[];
  ambiguous: AmbiguousRow[];
  notFound: NotFoundRow[];
  /** One entry per faulty cell: a row may appear more than once. */
  invalid: InvalidRow[];
  skipped: SkippedRow[];
  notes: RowNote[];
  toDecide: RowToDecide[];
  decisionErrors: DecisionError[];
};

type Territory = { code: string; name: string; departmentCode: string | null };

/** Rows still in the way of an import: ambiguous, not found or invalid (each row once). */
export function unresolvedRows(report: PalmaresReport): number[] {
  const rows = new Set([...report.ambiguous.map((r) => r.row), ...report.notFound.map((r) => r.row), ...report.invalid.map((r) => r.row)]);
  return [...rows].sort((a, b) => a - b);
}

/** Number of distinct invalid rows. */
export function invalidRowCount(report: PalmaresReport): number {
  return new Set(report.invalid.map((r) => r.row)).size;
}

function distinctionLookup(catalogue: { code: string; name: string; aliases: string[] }[]) {
  const byLabel = new Map<string, string>();
  for (const d of catalogue) {
    for (const label of [d.code, d.name, ...d.aliases]) byLabel.set(normaliseDistinctionLabel(label), d.code);
  }
  return byLabel;
}

/** Decisions as given (form or command line), trimmed; an empty value is no decision. */
function cleanDecisions(decisions: PalmaresDecisions | undefined, lastRow: number, errors: DecisionError[]): Map<number, string> {
  const clean = new Map<number, string>();
  for (const [key, value] of Object.entries(decisions ?? {})) {
    const v = value.trim();
    if (v === '') continue;
    const row = /^\d{1,9}$/.test(key) ? Number(key) : 0;
    if (row < 1 || row > lastRow) errors.push({ row, message: m.noSuchRow(key, lastRow) });
    else clean.set(row, v);
  }
  return clean;
}

/**
 * Checks a palmarès file against the database without writing anything: every row ends up matched
 * (with the territory and why), ambiguous (with candidates), not found, invalid (naming the column)
 * or skipped (by a decision). Territories are read once per call, through the territories module.
 */
export async function checkPalmares(db: Db, csvText: string | Uint8Array, decisions?: PalmaresDecisions): Promise<PalmaresReport> {
  const csv = parsePalmaresCsv(csvText);
  const years = [...new Set(csv.rows.map((r) => r.year))];
  // One after the other: `db` may be a transaction, one connection that takes one query at a time
  // (node-postgres warns of concurrent queries on a client, and its next major version refuses them).
  const candidates = await listMatchCandidates(db);
  const catalogue = await listDistinctions(db);
  const editionRows = await editionStates(db, years);
  const deliberated = await listDeliberatedResultKeys(db, years);
  const index = buildMatchIndex(candidates, loadFormerCommunes());
  const territories = new Map<string, Territory>(candidates.map((c) => [c.code, c]));
  const territoriesIgnoringCase = new Map<string, Territory>(candidates.map((c) => [c.code.toLowerCase(), c]));
  const labels = distinctionLookup(catalogue);
  const mentions = catalogue.filter((d) => d.code !== EXCELLENCE_CODE).map((d) => d.name);
  const unpublished = new Map([...editionRows].filter(([, state]) => state !== 'published'));

  const report: PalmaresReport = { rows: 0, matched: [], ambiguous: [], notFound: [], invalid: [], skipped: [], notes: [], toDecide: [], decisionErrors: [] };
  const invalidRows = new Set(csv.errors.map((e) => e.row));
  const lastRow = [...csv.rows.map((r) => r.row), ...invalidRows].reduce((a, b) => Math.max(a, b), 0);
  report.rows = csv.rows.length + invalidRows.size;
  const chosen = cleanDecisions(decisions, lastRow, report.decisionErrors);
  const territoryOf = (row: number, value: string): Territory | null => {
    const territory = territories.get(value) ?? territoriesIgnoringCase.get(value.toLowerCase());
    if (territory) return territory;
    report.decisionErrors.push({ row, message: m.unknownCode(value) });
    return null;
  };

  // Rows the file itself gets wrong: only leaving them out is a decision that applies.
  for (const error of csv.errors) {
    const choice = chosen.get(error.row);
    if (choice === SKIP) continue;
    if (choice !== undefined) report.decisionErrors.push({ row: error.row, message: m.decisionOnInvalidRow(error.row) });
    report.invalid.push(error);
  }
  for (const row of invalidRows) if (chosen.get(row) === SKIP) report.skipped.push({ row });

  const resolved: MatchedRow[] = [];
  for (const parsed of csv.rows) {
    const { row, ...input } = parsed;
    const choice = chosen.get(row) ?? null;
    const match = matchRow(index, { name: input.name, department: input.department, kind: input.kind });
    const problems = rowProblems(parsed, { labels, mentions, unpublished, departments: index.departments });
    // A row the file gets wrong is fixed in the file: it is not offered for a decision, unless already skipped.
    if (match.status !== 'matched' && (choice === SKIP || !problems.invalid.length)) {
      report.toDecide.push({
        row,
        input,
        status: match.status,
        candidates: match.status === 'ambiguous' ? match.candidates : [],
        reason: match.reason,
        choice,
      });
    }
    if (choice === SKIP) {
      report.skipped.push({ row });
      continue;
    }
    report.notes.push(...problems.notes.map((message) => ({ row, message })));
    if (problems.invalid.length) {
      report.invalid.push(...problems.invalid.map((p) => ({ row, ...p })));
      continue;
    }
    const decided = choice === null ? null : territoryOf(row, choice);
    if (decided) {
      const candidate = match.status === 'ambiguous' && match.candidates.some((c) => c.code === decided.code);
      resolved.push({
        row,
        code: decided.code,
        name: decided.name,
        reason: candidate ? m.chosenCandidate : m.chosenCode(decided.code),
        input,
        distinctions: problems.distinctions,
        decided: true,
      });
    } else {
      placeMatch(report, resolved, row, input, match, problems.distinctions);
    }
  }

  // The same territory twice in one edition: the first row stands, the next ones are reported.
  const seen = new Map<string, number>();
  for (const r of resolved) {
    const key = `${r.input.year}|${r.code}`;
    const first = seen.get(key);
    if (deliberated.has(key)) {
      report.invalid.push({ row: r.row, field: 'level', message: m.deliberated(r.name, r.input.year) });
    } else if (first === undefined) {
      seen.set(key, r.row);
      report.matched.push(r);
    } else {
      report.invalid.push({ row: r.row, field: 'name', message: m.duplicate(r.name, r.input.year, first, r.row) });
    }
  }
  const byRow = (a: { row: number }, b: { row: number }) => a.row - b.row;
  report.invalid.sort(byRow);
  report.skipped.sort(byRow);
  report.decisionErrors.sort(byRow);
  return report;
}

function placeMatch(report: PalmaresReport, resolved: MatchedRow[], row: number, input: RowInput, match: MatchResult, distinctions: string[]) {
  if (match.status === 'matched') {
    resolved.push({ row, code: match.code, name: match.name, reason: match.reason, input, distinctions, decided: false });
  } else if (match.status === 'ambiguous') {
    report.ambiguous.push({ row, candidates: match.candidates, reason: match.reason, input });
  } else {
    report.notFound.push({ row, reason: match.reason, input });
  }
}

type RowContext = {
  labels: Map<string, string>;
  mentions: string[];
  unpublished: Map<number, string>;
  departments: { code: string; name: string }[];
};

/** What is wrong with a readable row besides its name: département, edition, distinctions. */
function rowProblems(row: PalmaresCsvRow, context: RowContext) {
  const invalid: { field: PalmaresColumn; message: string }[] = [];
  const notes: string[] = [];
  const distinctions: string[] = [];
  if (row.department && !normaliseDepartment(row.department, context.departments)) {
    invalid.push({ field: 'department', message: m.unknownDepartment(row.department) });
  }
  const state = context.unpublished.get(row.year);
  if (state) invalid.push({ field: 'year', message: m.editionNotPublished(row.year) });
  const unknown: string[] = [];
  for (const label of row.distinctions) {
    const code = context.labels.get(normaliseDistinctionLabel(label));
    if (code === EXCELLENCE_CODE) notes.push(m.excellenceIgnored(label));
    else if (code) distinctions.push(code);
    else unknown.push(label);
  }
  if (unknown.length) invalid.push({ field: 'distinctions', message: m.unknownDistinctions(unknown, context.mentions) });
  return { invalid, notes, distinctions: [...new Set(distinctions)] };
}

export type ApplyOptions = {
  /** Leaves out ambiguous, not found and invalid rows instead of refusing the whole file. */
  skipUnmatched?: boolean;
  decisions?: PalmaresDecisions;
  /** The stored import the results come from, if any. */
  importId?: string | null;
};

export type ApplyOutcome = RecordResultsOutcome & {
  /** Rows written or confirmed. */
  imported: number;
  /** Rows left out: unresolved ones under `skipUnmatched`, and the skipped ones. */
  leftOut: number;
  report: PalmaresReport;
};

/**
 * The rows a report lets through, or an InvalidInputError saying why none may be: a decision that
 * cannot be followed, or rows still unresolved while they are not to be left out.
 */
export function importableRows(report: PalmaresReport, skipUnmatched = false): ResultInput[] {
  if (report.decisionErrors.length) {
    throw new InvalidInputError({ decisions: report.decisionErrors.map((e) => m.decisionError(e.row, e.message)).join(' ; ') });
  }
  const unresolved = unresolvedRows(report);
  if (unresolved.length && !skipUnmatched) {
    throw new InvalidInputError({
      skipUnmatched: m.unresolved(unresolved.length, report.ambiguous.length, report.notFound.length, invalidRowCount(report)),
    });
  }
  return report.matched.map((r) => ({ year: r.input.year, territoryCode: r.code, level: r.input.level, distinctions: r.distinctions }));
}

/** Records a checked report in the caller's transaction (recording checks `results.import`). */
export async function applyReport(tx: Db, caller: Caller | null, report: PalmaresReport, options: ApplyOptions): Promise<ApplyOutcome> {
  const rows = importableRows(report, options.skipUnmatched);
  const outcome = await recordResults(tx, caller, rows, options.importId ?? null);
  return { ...outcome, imported: rows.length, leftOut: report.rows - rows.length, report };
}

/**
 * Imports a palmarès file: checked, then written in one transaction (nothing is half-imported).
 * Refuses while rows are unresolved unless `skipUnmatched`; a second run changes nothing.
 */
export async function applyPalmares(db: Db, caller: Caller | null, csvText: string | Uint8Array, options: ApplyOptions = {}): Promise<ApplyOutcome> {
  requirePermission(caller, 'results.import');
  const report = await checkPalmares(db, csvText, options.decisions);
  importableRows(report, options.skipUnmatched);
  return db.transaction((tx) => applyReport(tx, caller, report, options));
}
