import type { ModuleManifest } from '../../platform/module.ts';
import '../accounts/events.ts';
import { ssoRoutes } from './routes.tsx';
import { forgetIdentities, identitiesOf } from './sso-login.service.ts';

/**
 * Single sign-on through an OpenID Connect provider (ProConnect for public agents), configured by
 * OIDC_*; jurors and administrators keep their e-mail and password (accounts).
 */
export const ssoModule: ModuleManifest = {
  name: 'sso',
  routes: [ssoRoutes],
  personalData: [{ name: 'ssoIdentities', read: identitiesOf }],
  subscribers: {
    'account.deleted': (tx, { userId }) => forgetIdentities(tx, userId),
  },
};
