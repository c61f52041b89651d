import './events.ts';
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
import { interviewsRoutes } from './interviews.routes.tsx';
import { pressKitRoutes } from './press-kit.routes.tsx';
import { publicationRoutes } from './publication.routes.tsx';
import { emailLaureates } from './publication.service.ts';

/** The yearly campaign, jury side: jurors and their conflicts, assignment, reviews, the deliberation, the publication under embargo and its certificates. */
export const juryModule: ModuleManifest = {
  name: 'jury',
  publicChanges: ['publication.scheduled', 'publication.cancelled'],
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
    pressKitRoutes,
    publicationRoutes,
    interviewsRoutes,
  ],
  // Once, in the job's transaction that marks the edition published.
  subscribers: { 'edition.published': emailLaureates },
  navigation: [{ href: '/jury', label: juryMessages.home.menu, position: 55, visibleTo: (user) => can(user, 'jury.assignments.listOwn') }],
};
