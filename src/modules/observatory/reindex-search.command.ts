import type { Command } from '../../platform/cli/command.ts';
import { rebuildIndex } from './index-sync.service.ts';

export const reindexSearchCommand: Command = {
  description: "Reconstruit l'index de recherche de l'observatoire depuis les fiches publiques.",
  usage: 'arobase reindex-search',
  runsInServer: true,
  async run(ctx) {
    const count = await ctx.database.db.transaction((tx) => rebuildIndex(tx));
    ctx.out(`Index de recherche reconstruit : ${count} fiches publiques.`);
    return 0;
  },
};
