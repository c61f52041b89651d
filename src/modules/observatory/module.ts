import type { ModuleManifest } from '../../platform/module.ts';
import { observatoryMessages as m } from './messages.ts';
import { observatoryRoutes } from './routes.tsx';

export const observatoryModule: ModuleManifest = {
  name: 'observatory',
  routes: [observatoryRoutes],
  navigation: [{ href: '/initiatives', label: m.menu, position: 20 }],
};
