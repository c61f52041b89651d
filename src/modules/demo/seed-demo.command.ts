import type { Command } from '../../platform/cli/command.ts';
import { systemCaller } from '../accounts/permissions.rules.ts';
import { seedDemo } from './seed-demo.service.ts';

export const seedDemoCommand: Command = {
  description: 'Remplit la base avec des données de démonstration : dix éditions du palmarès et quelques fiches (idempotent).',
  usage: 'arobase seed-demo',
  runsInServer: true,
  async run(ctx) {
    await ctx.ensureBaseData();
    const outcome = await seedDemo(ctx.database.db, systemCaller('seed-demo CLI'));
    ctx.out(
      `Démonstration prête : ${outcome.results.inserted} résultats ajoutés, ${outcome.results.updated} modifiés, ${outcome.results.unchanged} déjà présents (éditions ${outcome.results.editions.join(', ')}) ; ${outcome.initiatives} fiches publiées.`,
    );
    return 0;
  },
};
