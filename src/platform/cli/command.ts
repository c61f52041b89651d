import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { databaseMessages } from '../db/messages.ts';
import { InvalidInputError } from '../errors.ts';

export type CommandContext = {
  database: Database;
  config: Config;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Loads the data a database needs before use (what `serve` does at first start). */
  ensureBaseData: () => Promise<void>;
};

export type Command = {
  description: string;
  usage: string;
  /** False for commands that must own the process (the server itself). */
  runsInServer: boolean;
  /** The arguments with their file paths made absolute, before a running server (elsewhere in the file system) runs the command. */
  absolutePaths?(args: string[], cwd: string): string[];
  run(ctx: CommandContext, args: string[]): Promise<number>;
  /** How the fields of refused input are named on this command line (`email` → `--email`); others keep their name. */
  fieldOptions?: Record<string, string>;
};

export type Commands = Record<string, Command>;

/** A wrong argument: reported in one French line, exit code 2. */
export class UsageError extends Error {}

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

/** Parsed options: strings for string options, booleans for flags (typed loosely on purpose). */
export type ParsedOptions = { values: { [name: string]: string | undefined } & { [flag: `print-${string}`]: boolean | undefined } };

/** Strict option parsing with French errors. */
export function parseOptions(args: string[], options: OptionSpec): ParsedOptions {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }) as never;
  } catch (error) {
    throw new UsageError(frenchParseError(error));
  }
}

export function frenchParseError(error: unknown): string {
  return (error as Error).message.replace(/^Unknown option/, 'Option inconnue');
}

export function helpText(commands: Commands): string {
  const lines = [
    'Usage : npx arobase <commande> [options]',
    '',
    'Commandes :',
    '  serve [--workers N]   Démarre la plateforme (npm start) ; --workers : N processus sur PostgreSQL.',
  ];
  for (const [name, cmd] of Object.entries(commands)) lines.push(`  ${name.padEnd(22)}${cmd.description}`);
  lines.push('', databaseMessages.cli.createHeading, databaseMessages.cli.createOption);
  lines.push('', 'Détails : npx arobase <commande> --help');
  return lines.join('\n');
}

/** `npx arobase <commande> --help`: answered without opening any database. */
export const commandHelp = (command: Command) => `Usage : ${command.usage}\n\n${command.description}`;

/**
 * Runs a command with an open database; the exit code follows Unix usage (2 = wrong usage). Errors
 * are mapped here once: a usage error or refused input (one French line per field) exits 2 with the
 * usage; any other domain error (not found, forbidden, conflict…) prints `Échec : message` and exits 1.
 */
export async function runCommand(commands: Commands, ctx: CommandContext, argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    ctx.err(name ? `Commande inconnue : ${name}\n` : '');
    ctx.err(helpText(commands));
    return 2;
  }
  if (args.includes('--help')) {
    ctx.out(commandHelp(command));
    return 0;
  }
  try {
    return await command.run(ctx, args);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InvalidInputError) {
      ctx.err(error instanceof InvalidInputError ? fieldLines(error, command.fieldOptions) : error.message);
      ctx.err(`Usage : ${command.usage}`);
      return 2;
    }
    // Not found, forbidden, conflict… and any unexpected failure: one French line, exit 1.
    ctx.err(`Échec : ${(error as Error).message}`);
    return 1;
  }
}

/** The French message of each refused field, named as the command line names it. */
function fieldLines(error: InvalidInputError, options: Record<string, string> = {}): string {
  const entries = Object.entries(error.fields);
  if (entries.length === 0) return error.message;
  return entries.map(([field, message]) => `${options[field] ?? field} : ${message}`).join('\n');
}
