import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';

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
  const lines = ['Usage : npx arobase <commande> [options]', '', 'Commandes :', '  serve                 Démarre la plateforme (npm start).'];
  for (const [name, cmd] of Object.entries(commands)) lines.push(`  ${name.padEnd(22)}${cmd.description}`);
  lines.push('', 'Détails : npx arobase <commande> --help');
  return lines.join('\n');
}

/** Runs a command with an open database; the exit code follows Unix usage (2 = wrong usage). */
export async function runCommand(commands: Commands, ctx: CommandContext, argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    ctx.err(name ? `Commande inconnue : ${name}\n` : '');
    ctx.err(helpText(commands));
    return 2;
  }
  if (args.includes('--help')) {
    ctx.out(`Usage : ${command.usage}\n\n${command.description}`);
    return 0;
  }
  try {
    return await command.run(ctx, args);
  } catch (error) {
    if (error instanceof UsageError) {
      ctx.err(error.message);
      ctx.err(`Usage : ${command.usage}`);
      return 2;
    }
    ctx.err(`Échec : ${(error as Error).message}`);
    return 1;
  }
}
