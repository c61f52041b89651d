import type { ModuleManifest } from '../../platform/module.ts';
import { importPalmaresCommand } from './import-palmares.command.ts';
import { importMessages as m } from './messages.ts';
import { palmaresImportRoutes } from './routes.tsx';

export const palmaresImportModule: ModuleManifest = {
  name: 'palmares-import',
  routes: [palmaresImportRoutes],
  commands: { 'import-palmares': importPalmaresCommand },
  adminLinks: [{ href: '/admin/palmares', title: m.admin.cardTitle, summary: m.admin.cardSummary, position: 40 }],
};
