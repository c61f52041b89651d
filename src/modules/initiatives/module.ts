import type { ModuleManifest } from '../../platform/module.ts';
import { initiativeMessages as m } from './messages.ts';
import { revisionsBy } from './revisions.service.ts';
import { initiativeRoutes } from './routes.ts';

export const initiativesModule: ModuleManifest = {
  name: 'initiatives',
  routes: [initiativeRoutes],
  personalData: [{ name: 'initiativeRevisions', read: revisionsBy }],
  adminLinks: [{ href: '/admin/initiatives', title: m.admin.menuTitle, summary: m.admin.menuSummary, position: 50 }],
};
