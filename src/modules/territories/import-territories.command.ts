import type { Command } from '../../platform/cli/command.ts';
import { importTerritories } from './import-territories.service.ts';

export const importTerritoriesCommand: Command = {
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
};
