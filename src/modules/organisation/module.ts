import './events.ts';
import type { ModuleManifest } from '../../platform/module.ts';
import { organisationMessages as m } from './messages.ts';
import { organisationRoutes } from './organisation.routes.tsx';
import { pageFramePlugin } from './page-frame.plugin.ts';

/** Who runs the label and the site: the settings the legal pages, the footer and the badge show. */
export const organisationModule: ModuleManifest = {
  name: 'organisation',
  publicChanges: ['organisation.settings.changed'],
  plugins: [pageFramePlugin],
  routes: [organisationRoutes],
  adminLinks: [{ href: '/admin/organisation', title: m.admin.cardTitle, summary: m.admin.cardSummary, position: 90 }],
};
