import type { ModuleManifest } from '../../platform/module.ts';
import { initiativeMessages as m } from './messages.ts';
import { reindexSearchCommand } from './reindex-search.command.ts';
import { initiativeRoutes } from './routes.ts';
import { rebuildSearchIndex, searchIndexNeedsRebuild } from './search-sync.service.ts';

export const initiativesModule: ModuleManifest = {
  name: 'initiatives',
  routes: [initiativeRoutes],
  commands: { 'reindex-search': reindexSearchCommand },
  adminLinks: [{ href: '/admin/initiatives', title: m.admin.menuTitle, summary: m.admin.menuSummary, position: 50 }],
  async firstStart(db, log) {
    if (await searchIndexNeedsRebuild(db)) log(`Index de recherche reconstruit : ${await rebuildSearchIndex(db)} fiches publiques.`);
  },
};
