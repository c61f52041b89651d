import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { frenchParseError, UsageError, type Command, type CommandContext } from '../../platform/cli/command.ts';
import { DomainError, InvalidInputError } from '../../platform/errors.ts';
import { systemCaller } from '../accounts/permissions.rules.ts';
import { checkPalmares, SKIP, type PalmaresDecisions } from './import-palmares.service.ts';
import { reportJson, reportText } from './import-palmares-report.ts';
import { importPalmaresFile, palmaresFileText } from './import-palmares-store.service.ts';
import { importMessages } from './messages.ts';

const PALMARES_OPTIONS = {
  apply: { type: 'boolean' },
  json: { type: 'boolean' },
  'skip-unmatched': { type: 'boolean' },
  choose: { type: 'string', multiple: true },
} as const;

/** `import-palmares`: a dry run by default (report only), `--apply` to import all-or-nothing. */
async function importPalmares(ctx: CommandContext, args: string[]): Promise<number> {
  const pm = importMessages.cli;
  let parsed;
  try {
    parsed = parseArgs({ args, options: PALMARES_OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(frenchParseError(error));
  }
  const { values, positionals } = parsed;
  const [file, ...more] = positionals;
  if (file === undefined) throw new UsageError(pm.missingFile);
  if (more.length > 0) throw new UsageError(pm.tooManyFiles(positionals));
  const decisions: PalmaresDecisions = {};
  for (const choice of values.choose ?? []) {
    const [, row, value] = /^\s*(\d{1,9})\s*=\s*(\S+)\s*$/.exec(choice) ?? [];
    if (row === undefined || value === undefined) throw new UsageError(pm.badChoice(choice));
    decisions[row] = value.toLowerCase() === SKIP ? SKIP : value;
  }
  let data: Buffer;
  try {
    data = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? pm.notFound(file) : pm.unreadable(file, code ?? (error as Error).message));
  }
  const db = ctx.database.db;
  // Matching needs the official territories: a command run before the first start loads them as `serve` would.
  await ctx.ensureBaseData();
  try {
    if (!values.apply) {
      const report = await checkPalmares(db, palmaresFileText(data), decisions);
      if (report.decisionErrors.length) throw new UsageError(report.decisionErrors.map((e) => pm.choiceRefused(e.row, e.message)).join('\n'));
      if (values.json) ctx.out(JSON.stringify(reportJson(report), null, 2));
      else {
        const again = ['npx arobase import-palmares', file, ...(values.choose ?? []).map((c) => `--choose ${c}`)].join(' ');
        for (const line of reportText(report, basename(file), again)) ctx.out(line);
      }
      return 0;
    }
    const outcome = await importPalmaresFile(db, systemCaller('import-palmares CLI'), {
      fileName: basename(file),
      data,
      decisions,
      skipUnmatched: values['skip-unmatched'],
    });
    if (values.json) {
      ctx.out(
        JSON.stringify(
          { inserted: outcome.inserted, updated: outcome.updated, unchanged: outcome.unchanged, skipped: outcome.leftOut, editions: outcome.editions },
          null,
          2,
        ),
      );
    } else {
      ctx.out(pm.applied(outcome.imported, outcome.inserted, outcome.updated, outcome.unchanged));
      if (outcome.leftOut) ctx.out(pm.leftOut(outcome.leftOut));
      ctx.out(pm.editions(outcome.editions));
    }
    return 0;
  } catch (error) {
    if (error instanceof InvalidInputError && error.fields.skipUnmatched) {
      ctx.err(pm.refused(error.fields.skipUnmatched));
      ctx.err(pm.refusedHint);
      return 1;
    }
    if (error instanceof InvalidInputError && error.fields.decisions) throw new UsageError(pm.choiceRefused(0, error.fields.decisions));
    if (error instanceof DomainError && error.field === 'file') {
      throw new UsageError(pm.fileError(file, error instanceof InvalidInputError ? (error.fields.file ?? error.message) : error.message));
    }
    throw error;
  }
}

export const importPalmaresCommand: Command = {
  description: importMessages.cli.description,
  usage: importMessages.cli.usage,
  runsInServer: true,
  absolutePaths(args, cwd) {
    const { tokens } = parseArgs({ args, options: PALMARES_OPTIONS, strict: false, allowPositionals: true, tokens: true });
    const absolute = [...args];
    for (const token of tokens) if (token.kind === 'positional') absolute[token.index] = resolve(cwd, token.value);
    return absolute;
  },
  run: importPalmares,
};
