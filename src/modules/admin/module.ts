import type { ModuleManifest } from '../../platform/module.ts';
import { can } from '../accounts/permissions.rules.ts';
import { adminMessages as m } from './messages.ts';
import { adminRoutes } from './routes.tsx';

export const adminModule: ModuleManifest = {
  name: 'admin',
  routes: [adminRoutes],
  navigation: [{ href: '/admin', label: m.menu, position: 60, visibleTo: (user) => can(user, 'admin.dashboard.view') }],
};
