import type { ModuleManifest } from '../../platform/module.ts';
import { actorMessages as m } from './messages.ts';
import { actorRoutes } from './routes.tsx';

export const actorsModule: ModuleManifest = {
  name: 'actors',
  routes: [actorRoutes],
  navigation: [{ href: '/acteurs', label: m.menu, position: 40 }],
};
