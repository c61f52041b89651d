import type { ModuleManifest } from '../../platform/module.ts';
import { badgeRoutes } from './badge.routes.ts';
import { palmaresMessages as m } from './palmares.messages.ts';
import { palmaresRoutes } from './palmares.routes.tsx';
import { statisticsRoutes } from './statistics.routes.tsx';

export const palmaresModule: ModuleManifest = {
  name: 'palmares',
  routes: [palmaresRoutes, statisticsRoutes, badgeRoutes],
  navigation: [{ href: '/palmares', label: m.menu, position: 10 }],
};
