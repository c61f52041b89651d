import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { frenchParseError, UsageError, type Command } from '../cli/command.ts';
import { InvalidInputError } from '../errors.ts';
import { writeBackup } from './backup.ts';
import { databaseMessages } from './messages.ts';
import { restoreBackup } from './restore.ts';

const OPTIONS = { force: { type: 'boolean' } } as const;

/** The file and the flags of `backup FILE [--force]` / `restore FILE [--force]`. */
function fileAndFlags(args: string[], texts: { missingFile: string; tooManyFiles: (files: string[]) => string }) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(frenchParseError(error));
  }
  const [file, ...extra] = parsed.positionals;
  if (!file) throw new UsageError(texts.missingFile);
  if (extra.length) throw new UsageError(texts.tooManyFiles(parsed.positionals));
  return { file, force: parsed.values.force ?? false };
}

/** A running server (elsewhere in the file system) reads and writes the file the operator named. */
function absolutePaths(args: string[], cwd: string): string[] {
  const { tokens } = parseArgs({ args, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const absolute = [...args];
  for (const token of tokens) if (token.kind === 'positional') absolute[token.index] = resolve(cwd, token.value);
  return absolute;
}

/** Refused input about the file: one French line naming it, exit 2. */
function fileRefused(file: string, error: unknown): never {
  if (error instanceof InvalidInputError && error.fields.file) throw new UsageError(databaseMessages.restore.fileError(file, error.fields.file));
  throw error;
}

export const backupCommand: Command = {
  description: databaseMessages.backup.description,
  usage: databaseMessages.backup.usage,
  // On PGlite the server holds the database: the backup runs in it (ADR 0002), in one snapshot.
  runsInServer: true,
  absolutePaths,
  async run(ctx, args) {
    const m = databaseMessages.backup;
    const { file, force } = fileAndFlags(args, m);
    const target = resolve(file);
    try {
      const done = await writeBackup(ctx.database, target, { force });
      ctx.out(m.written(done.file, done.tables, done.rows, done.bytes));
      ctx.out(m.privacy);
      return 0;
    } catch (error) {
      if (error instanceof InvalidInputError && error.fields.file) throw new UsageError(error.fields.file);
      throw error;
    }
  },
};

export const restoreCommand: Command = {
  description: databaseMessages.restore.description,
  usage: databaseMessages.restore.usage,
  // It replaces everything: it must own the database, never run inside a server using it.
  runsInServer: false,
  absolutePaths,
  async run(ctx, args) {
    const m = databaseMessages.restore;
    const { file, force } = fileAndFlags(args, m);
    try {
      const done = await restoreBackup(ctx.database, resolve(file), { force });
      ctx.out(m.restored(done.createdAt, done.driver, done.tables, done.rows));
      return 0;
    } catch (error) {
      fileRefused(file, error);
    }
  },
};
