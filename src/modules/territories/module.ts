import './events.ts';
import type { ModuleManifest } from '../../platform/module.ts';
import { importTerritoriesCommand } from './import-territories.command.ts';
import { countTerritories, importTerritories } from './import-territories.service.ts';
import { countDirectory, directoryCounted } from './directory-counts.service.ts';
import { territoryMessages } from './messages.ts';
import { territoryRoutes } from './routes.tsx';

export const territoriesModule: ModuleManifest = {
  name: 'territories',
  publicChanges: ['territories.imported'],
  routes: [territoryRoutes],
  commands: { 'import-territories': importTerritoriesCommand },
  navigation: [{ href: '/territoires', label: territoryMessages.menu, position: 30 }],
  async firstStart(db, log) {
    if ((await countTerritories(db)) > 0) {
      // A database imported before the directory's counts were kept (migration 0024) counts them once.
      if (!(await directoryCounted(db))) await db.transaction((tx) => countDirectory(tx));
      return;
    }
    // Measured on a busy 2-core machine: 34 to 52 s (the README says the same).
    log('Premier démarrage\u00a0: chargement des territoires officiels (moins d’une minute en général, davantage sur une machine lente ou chargée)…');
    const result = await importTerritories(db);
    log(`${result.total} territoires chargés.`);
  },
};
