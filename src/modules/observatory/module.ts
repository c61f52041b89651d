import type { ModuleManifest } from '../../platform/module.ts';
import '../initiatives/events.ts';
import '../label/events.ts';
import '../referential/events.ts';
import { indexNeedsRebuild, rebuildIndex, syncIndexEntries } from './index-sync.service.ts';
import { observatoryMessages as m } from './messages.ts';
import { reindexSearchCommand } from './reindex-search.command.ts';
import { actorPageRoutes } from './actor-pages.routes.tsx';
import { initiativePageRoutes } from './initiative-page.routes.tsx';
import { observatoryRoutes } from './routes.tsx';
import { refreshLabelLevels } from './search-index.service.ts';

export const observatoryModule: ModuleManifest = {
  name: 'observatory',
  routes: [observatoryRoutes, initiativePageRoutes, actorPageRoutes],
  commands: { 'reindex-search': reindexSearchCommand },
  navigation: [{ href: '/initiatives', label: m.menu, position: 20 }],
  // The observatory follows what happens elsewhere; no module pushes into it.
  subscribers: {
    'initiative.changed': (tx, { initiativeIds }) => syncIndexEntries(tx, initiativeIds),
    'results.changed': (tx, { territoryCodes }) => refreshLabelLevels(tx, territoryCodes),
    // Services renamed or moved between themes: every public sheet is read again, in the publication's transaction.
    'referential.published': async (tx) => {
      await rebuildIndex(tx);
    },
  },
  async firstStart(db, log) {
    if (await indexNeedsRebuild(db)) log(`Index de recherche reconstruit : ${await db.transaction((tx) => rebuildIndex(tx))} fiches publiques.`);
  },
};
