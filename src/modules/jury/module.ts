import type { ModuleManifest } from '../../platform/module.ts';
import { can } from '../accounts/permissions.rules.ts';
import { juryAdminRoutes } from './jury-admin.routes.tsx';
import { juryApiRoutes } from './jury-api.routes.ts';
import { jurorConflictsRoutes } from './juror-conflicts.routes.tsx';
import { reviewApiRoutes } from './review-api.routes.ts';
import { reviewRoutes } from './review.routes.tsx';
import { juryMessages } from './jury.messages.ts';

/** The yearly campaign, jury side: jurors and their conflicts, assignment (reviews, deliberation and publication to come). */
export const juryModule: ModuleManifest = {
  name: 'jury',
  routes: [juryApiRoutes, reviewApiRoutes, juryAdminRoutes, jurorConflictsRoutes, reviewRoutes],
  navigation: [{ href: '/jury', label: juryMessages.home.menu, position: 55, visibleTo: (user) => can(user, 'jury.assignments.listOwn') }],
};
