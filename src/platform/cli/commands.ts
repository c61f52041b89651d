import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { runMigrations } from '../db/migrate.ts';
import { HttpError, ValidationError } from '../http/errors.ts';
import { importTerritories } from '../../modules/territories/import-territories.service.ts';
import { ensureBaseData } from '../first-start.ts';
import { seedDemo } from '../../modules/demo/seed-demo.service.ts';
import { importMessages } from '../../modules/results/import.messages.ts';
import { checkPalmares, SKIP, type PalmaresDecisions } from '../../modules/results/import-palmares.service.ts';
import { reportJson, reportText } from '../../modules/results/import-palmares-report.ts';
import { importPalmaresFile, palmaresFileText } from '../../modules/results/import-palmares-store.service.ts';
import { createUser, issueUserToken, passwordLink } from '../../modules/accounts/users.service.ts';
import { createApiToken } from '../../modules/accounts/api-tokens.service.ts';
import { rebuildSearchIndex } from '../../modules/initiatives/search-sync.service.ts';

export type CommandContext = {
  database: Database;
  config: Config;
  out: (line: string) => void;
  err: (line: string) => void;
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

/** A wrong argument: reported in one French line, exit code 2. */
export class UsageError extends Error {}

export const commands: Record<string, Command> = {
  migrate: {
    description: 'Applique les migrations de la base (fait aussi à chaque démarrage).',
    usage: 'arobase migrate',
    runsInServer: true,
    async run(ctx) {
      await runMigrations(ctx.database);
      ctx.out('Migrations appliquées.');
      return 0;
    },
  },
  'reindex-search': {
    description: "Reconstruit l'index de recherche de l'observatoire depuis les fiches publiques.",
    usage: 'arobase reindex-search',
    runsInServer: true,
    async run(ctx) {
      ctx.out(`Index de recherche reconstruit : ${await rebuildSearchIndex(ctx.database.db)} fiches publiques.`);
      return 0;
    },
  },
  'import-territories': {
    description: 'Charge ou met à jour toutes les communes, EPCI, départements et régions (idempotent).',
    usage: 'arobase import-territories',
    runsInServer: true,
    async run(ctx) {
      const started = Date.now();
      const result = await importTerritories(ctx.database.db);
      ctx.out(
        `Territoires à jour : ${result.byKind.commune} communes, ${result.byKind.epci} EPCI, ${result.byKind.departement} départements, ${result.byKind.region} régions (${((Date.now() - started) / 1000).toFixed(1)} s).`,
      );
      return 0;
    },
  },
  'import-palmares': {
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
  },
  'seed-demo': {
    description: 'Remplit la base avec des données de démonstration : dix éditions du palmarès et quelques fiches (idempotent).',
    usage: 'arobase seed-demo',
    runsInServer: true,
    async run(ctx) {
      await ensureBaseData(ctx.database.db, ctx.err);
      const outcome = await seedDemo(ctx.database.db);
      ctx.out(
        `Démonstration prête : ${outcome.results.inserted} résultats ajoutés, ${outcome.results.updated} modifiés, ${outcome.results.unchanged} déjà présents (éditions ${outcome.results.editions.join(', ')}) ; ${outcome.initiatives} fiches publiées.`,
      );
      return 0;
    },
  },
  'user-create': {
    description: 'Crée un compte et affiche le lien pour choisir son mot de passe.',
    usage:
      'arobase user-create --email E --role admin|juror|member [--name "Prénom Nom"] [--territory CODE --territory-role referent|contributor|reader] [--print-token]',
    runsInServer: true,
    async run(ctx, args) {
      const { values } = parse(args, {
        email: { type: 'string' },
        role: { type: 'string' },
        name: { type: 'string' },
        territory: { type: 'string' },
        'territory-role': { type: 'string' },
        'print-token': { type: 'boolean' },
      });
      if (!values.email) throw new UsageError('--email est obligatoire.');
      if (!values.role) throw new UsageError('--role est obligatoire (admin, juror ou member).');
      try {
        const user = await createUser(ctx.database.db, {
          email: values.email,
          role: values.role as 'admin',
          displayName: values.name,
          territoryCode: values.territory,
          territoryRole: values['territory-role'] as 'referent' | undefined,
        });
        const token = await issueUserToken(ctx.database.db, user.id, 'invitation');
        ctx.out(`Compte créé : ${user.email} (${values.role}).`);
        ctx.out(`Lien pour choisir le mot de passe (valable 7 jours) : ${passwordLink(ctx.config.baseUrl, token)}`);
        if (values['print-token']) {
          const api = await createApiToken(ctx.database.db, user.id, 'Créé en ligne de commande');
          ctx.out(api.token);
        }
        return 0;
      } catch (error) {
        if (error instanceof ValidationError) {
          const flags: Record<string, string> = { email: '--email', role: '--role', territoryCode: '--territory', territoryRole: '--territory-role', displayName: '--name' };
          throw new UsageError(Object.entries(error.fields).map(([f, msg]) => `${flags[f] ?? f} : ${msg}`).join('\n'));
        }
        throw error;
      }
    },
  },
};

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
    throw new UsageError((error as Error).message.replace(/^Unknown option/, 'Option inconnue'));
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError(pm.missingFile);
  if (positionals.length > 1) throw new UsageError(pm.tooManyFiles(positionals));
  const file = positionals[0]!;
  const decisions: PalmaresDecisions = {};
  for (const choice of values.choose ?? []) {
    const match = /^\s*(\d{1,9})\s*=\s*(\S+)\s*$/.exec(choice);
    if (!match) throw new UsageError(pm.badChoice(choice));
    decisions[match[1]!] = match[2]!.toLowerCase() === SKIP ? SKIP : match[2]!;
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
  await ensureBaseData(db, ctx.err);
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
    const outcome = await importPalmaresFile(db, { fileName: basename(file), data, decisions, skipUnmatched: values['skip-unmatched'] });
    if (values.json) {
      ctx.out(JSON.stringify({ inserted: outcome.inserted, updated: outcome.updated, unchanged: outcome.unchanged, skipped: outcome.leftOut, editions: outcome.editions }, null, 2));
    } else {
      ctx.out(pm.applied(outcome.imported, outcome.inserted, outcome.updated, outcome.unchanged));
      if (outcome.leftOut) ctx.out(pm.leftOut(outcome.leftOut));
      ctx.out(pm.editions(outcome.editions));
    }
    return 0;
  } catch (error) {
    if (error instanceof ValidationError && error.fields.skipUnmatched) {
      ctx.err(pm.refused(error.fields.skipUnmatched));
      ctx.err(pm.refusedHint);
      return 1;
    }
    if (error instanceof ValidationError && error.fields.decisions) throw new UsageError(pm.choiceRefused(0, error.fields.decisions));
    if (error instanceof HttpError && error.field === 'file') {
      throw new UsageError(pm.fileError(file, error instanceof ValidationError ? (error.fields.file ?? error.message) : error.message));
    }
    throw error;
  }
}

type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

/** Parsed options: strings for string options, booleans for flags (typed loosely on purpose). */
type ParsedOptions = { values: { [name: string]: string | undefined } & { [flag: `print-${string}`]: boolean | undefined } };

function parse(args: string[], options: OptionSpec): ParsedOptions {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }) as never;
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^Unknown option/, 'Option inconnue'));
  }
}

export function helpText(): string {
  const lines = ['Usage : npx arobase <commande> [options]', '', 'Commandes :', '  serve                 Démarre la plateforme (npm start).'];
  for (const [name, cmd] of Object.entries(commands)) lines.push(`  ${name.padEnd(22)}${cmd.description}`);
  lines.push('', 'Détails : npx arobase <commande> --help');
  return lines.join('\n');
}

/** Runs a command with an open database; the exit code follows Unix usage (2 = wrong usage). */
export async function runCommand(ctx: CommandContext, argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    ctx.err(name ? `Commande inconnue : ${name}\n` : '');
    ctx.err(helpText());
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
