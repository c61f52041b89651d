import type { ModuleManifest } from '../../platform/module.ts';
import { can } from '../accounts/permissions.rules.ts';
import { juryAdminRoutes } from './jury-admin.routes.tsx';
import { juryApiRoutes } from './jury-api.routes.ts';
import { jurorConflictsRoutes } from './juror-conflicts.routes.tsx';
import { reviewApiRoutes } from './review-api.routes.ts';
import { reviewRoutes } from './review.routes.tsx';
import { juryMessages } from './jury.messages.ts';
import { certificateRoutes } from './certificate.routes.ts';
import { deliberationApiRoutes } from './deliberation-api.routes.ts';
import { deliberationRoutes } from './deliberation.routes.tsx';
import { juryParametersRoutes } from './jury-parameters.routes.tsx';
import { verifyRoutes } from './verify.routes.tsx';

/** The yearly campaign, jury side: jurors and their conflicts, assignment (reviews, deliberation and publication to come). */
export const juryModule: ModuleManifest = {
  name: 'jury',
  routes: [
    juryApiRoutes,
    reviewApiRoutes,
    juryAdminRoutes,
    jurorConflictsRoutes,
    reviewRoutes,
    // Deliberation, jury parameters, certificates (helper C1).
    deliberationApiRoutes,
    deliberationRoutes,
    juryParametersRoutes,
    certificateRoutes,
    verifyRoutes,
  ],
  navigation: [{ href: '/jury', label: juryMessages.home.menu, position: 55, visibleTo: (user) => can(user, 'jury.assignments.listOwn') }],
};
