import type { ModuleManifest } from '../../platform/module.ts';
import { juryAdminRoutes } from './jury-admin.routes.tsx';
import { juryApiRoutes } from './jury-api.routes.ts';
import { jurorConflictsRoutes } from './juror-conflicts.routes.tsx';

/** The yearly campaign, jury side: jurors and their conflicts, assignment (reviews, deliberation and publication to come). */
export const juryModule: ModuleManifest = {
  name: 'jury',
  routes: [juryApiRoutes, juryAdminRoutes, jurorConflictsRoutes],
};
