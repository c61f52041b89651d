/** The import report as the command line prints it: French text for people, JSON for scripts. Pure. */
import { importMessages } from './messages.ts';
import { invalidRowCount, unresolvedRows, type PalmaresReport } from './import-palmares.service.ts';

const m = importMessages.cli;

/** What `--json` prints: one entry per row, `row` being the 1-based data row. */
export type PalmaresReportJson = {
  matched: { row: number; code: string; name: string }[];
  ambiguous: { row: number; candidates: { code: string; name: string }[] }[];
  notFound: { row: number }[];
  /** Rows the file itself gets wrong: without them a script could not tell why a row is missing. */
  invalid: { row: number; field: string; message: string }[];
};

export function reportJson(report: PalmaresReport): PalmaresReportJson {
  return {
    matched: report.matched.map((r) => ({ row: r.row, code: r.code, name: r.name })),
    ambiguous: report.ambiguous.map((r) => ({ row: r.row, candidates: r.candidates.map((c) => ({ code: c.code, name: c.name })) })),
    notFound: report.notFound.map((r) => ({ row: r.row })),
    invalid: report.invalid.map((r) => ({ row: r.row, field: r.field, message: r.message })),
  };
}

const indent = (line: string) => `  ${line}`;

/** The dry run's report: counts, then each kind of row with why, then how to apply. */
export function reportText(report: PalmaresReport, fileName: string, command: string): string[] {
  const lines = [
    m.title(fileName, report.rows),
    m.counts(report.matched.length, report.ambiguous.length, report.notFound.length, invalidRowCount(report), report.skipped.length),
  ];
  const section = (title: string, body: string[]) => {
    if (body.length) lines.push('', title, ...body);
  };
  section(
    m.matchedTitle,
    report.matched.map((r) => indent(`${m.row(r.row)} — ${m.written(r.input)} → ${r.code} ${r.name} : ${r.reason}`)),
  );
  section(
    m.ambiguousTitle,
    report.ambiguous.flatMap((r) => [
      indent(`${m.row(r.row)} — ${m.written(r.input)} : ${r.reason}`),
      ...r.candidates.map((c) => indent(indent(`${c.code.padEnd(10)} ${c.name}`))),
    ]),
  );
  section(
    m.notFoundTitle,
    report.notFound.map((r) => indent(`${m.row(r.row)} — ${m.written(r.input)} : ${r.reason}`)),
  );
  section(
    m.invalidTitle,
    report.invalid.map((r) => indent(`${m.row(r.row)} — ${r.message}`)),
  );
  section(m.skippedTitle, report.skipped.length ? [indent(report.skipped.map((r) => m.row(r.row)).join(', '))] : []);
  section(
    m.notesTitle,
    report.notes.map((r) => indent(`${m.row(r.row)} — ${r.message}`)),
  );
  const unresolved = unresolvedRows(report).length;
  lines.push('', m.nothingWritten, m.howToApply(command));
  if (unresolved) lines.push(m.howToResolve(unresolved));
  return lines;
}
