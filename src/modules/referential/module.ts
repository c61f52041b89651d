import './events.ts';
import type { ModuleManifest } from '../../platform/module.ts';
import { referentialMessages as m } from './messages.ts';
import { ensureReferentialSeeded } from './referential.service.ts';
import { referentialRoutes } from './routes.tsx';

export const referentialModule: ModuleManifest = {
  name: 'referential',
  publicChanges: ['referential.published'],
  routes: [referentialRoutes],
  navigation: [{ href: '/referentiel', label: m.menu, position: 50 }],
  adminLinks: [{ href: '/admin/referentiel', title: m.admin.home.title, summary: m.admin.home.summary, position: 30 }],
  async firstStart(db, log) {
    if (await ensureReferentialSeeded(db)) log('Premier démarrage : référentiel des services chargé.');
  },
};
