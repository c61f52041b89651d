import type { Command } from '../../platform/cli/command.ts';
import { rebuildSearchIndex } from './search-sync.service.ts';

export const reindexSearchCommand: Command = {
  description: "Reconstruit l'index de recherche de l'observatoire depuis les fiches publiques.",
  usage: 'arobase reindex-search',
  runsInServer: true,
  async run(ctx) {
    ctx.out(`Index de recherche reconstruit : ${await rebuildSearchIndex(ctx.database.db)} fiches publiques.`);
    return 0;
  },
};
