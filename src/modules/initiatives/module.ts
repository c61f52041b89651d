import './events.ts';
import type { ModuleManifest } from '../../platform/module.ts';
import { initiativeMessages as m } from './messages.ts';
import { revisionsBy } from './revisions.service.ts';
import { initiativeRoutes } from './routes.ts';
import { workingCopiesBy } from './working-copy.service.ts';

export const initiativesModule: ModuleManifest = {
  name: 'initiatives',
  publicChanges: ['initiative.changed'],
  routes: [initiativeRoutes],
  personalData: [
    { name: 'initiativeRevisions', read: revisionsBy },
    { name: 'initiativeWorkingCopies', read: workingCopiesBy },
  ],
  adminLinks: [{ href: '/admin/initiatives', title: m.admin.menuTitle, summary: m.admin.menuSummary, position: 50 }],
};
