import type { ModuleManifest } from '../../platform/module.ts';
import { authPlugin } from './auth.plugin.ts';
import { firstAdminLinkCommand } from './first-admin-link.command.ts';
import { memberRoutes } from './members.routes.tsx';
import { accountMessages as m } from './messages.ts';
import { accountRoutes } from './routes.tsx';
import { selfServiceRoutes } from './self-service.routes.tsx';
import { userCreateCommand } from './user-create.command.ts';

const under = (prefix: string) => (path: string) => path === prefix || path.startsWith(prefix + '/');

export const accountsModule: ModuleManifest = {
  name: 'accounts',
  plugins: [authPlugin],
  routes: [accountRoutes, memberRoutes, selfServiceRoutes],
  commands: { 'user-create': userCreateCommand, 'first-admin-link': firstAdminLinkCommand },
  navigation: [
    // Territory members only: the administration and the jury have their own entries (issue 12, item 21).
    { href: '/espace', label: m.menu.workspace, position: 70, visibleTo: (user) => user?.role === 'member', current: under('/espace') },
    { href: '/compte', label: m.menu.account, position: 80, visibleTo: (user) => user !== null, current: (path) => path === '/compte' },
    { href: '/deconnexion', label: m.menu.signOut, position: 90, visibleTo: (user) => user !== null, method: 'post' },
    { href: '/connexion', label: m.menu.signIn, position: 90, visibleTo: (user) => user === null, current: (path) => path === '/connexion' },
  ],
};
