import './events.ts';
import type { ModuleManifest } from '../../platform/module.ts';
import { applicationPhotoRoutes } from './application-photo.routes.tsx';
import { applicationsAdminRoutes } from './applications-admin.routes.tsx';
import { applicationsApiRoutes } from './applications-api.routes.ts';
import { applicationRoutes } from './applications.routes.tsx';
import { sendClosingReminders } from './closing-reminders.service.ts';
import { dossierPdfRoutes } from './dossier-pdf.routes.ts';
import { dossierMessages } from './dossier.messages.ts';
import { editionsApiRoutes } from './editions-api.routes.ts';
import { questionnaireEditorRoutes } from './questionnaire-editor.routes.tsx';
import { questionnaireAdminMessages as qm } from './questionnaire-messages.ts';
import { questionnaireSubscribers } from './questionnaire-subscribers.ts';
import { selfAssessmentWeightsRoutes } from './self-assessment-weights.routes.tsx';
import { selfAssessmentRoutes } from './self-assessment.routes.tsx';

/** The yearly campaign, territory side: questionnaires, self-assessment, applications and their snapshots. */
export const campaignModule: ModuleManifest = {
  name: 'campaign',
  publicChanges: ['questionnaire.saved', 'selfAssessment.parametersSaved', 'selfAssessment.exclusionChanged'],
  routes: [
    selfAssessmentRoutes,
    questionnaireEditorRoutes,
    selfAssessmentWeightsRoutes,
    editionsApiRoutes,
    applicationsApiRoutes,
    applicationRoutes,
    applicationPhotoRoutes,
    dossierPdfRoutes,
    applicationsAdminRoutes,
  ],
  subscribers: { ...questionnaireSubscribers },
  adminLinks: [{ href: '/admin/questionnaires', title: qm.card.title, summary: qm.card.summary, position: 25 }],
  jobs: [
    {
      // Seven days and one day before an edition closes, the referents of every unfinished dossier.
      name: 'closing-reminders',
      everyMs: 10 * 60_000,
      async run({ db, config, log }) {
        const sent = await sendClosingReminders(db, { baseUrl: config.baseUrl });
        if (sent.length) log(dossierMessages.reminders.log(sent.length));
      },
    },
  ],
};
