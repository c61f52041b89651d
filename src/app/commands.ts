import type { Command, Commands } from '../platform/cli/command.ts';
import { backupCommand, restoreCommand } from '../platform/db/backup.command.ts';
import { runMigrations } from '../platform/db/migrate.ts';
import { MODULES } from './modules.ts';

const migrate: Command = {
  description: 'Applique les migrations de la base (fait aussi à chaque démarrage).',
  usage: 'arobase migrate',
  runsInServer: true,
  async run(ctx) {
    await runMigrations(ctx.database);
    ctx.out('Migrations appliquées.');
    return 0;
  },
};

/** Every CLI command: the platform's own, then each module's, in module order. */
export const COMMANDS: Commands = { migrate, backup: backupCommand, restore: restoreCommand };
for (const manifest of MODULES) {
  for (const [name, command] of Object.entries(manifest.commands ?? {})) {
    if (COMMANDS[name]) throw new Error(`Two modules declare the command ${name}`);
    COMMANDS[name] = command;
  }
}
