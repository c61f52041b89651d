import type { FastifyInstance } from 'fastify';
import { sendPage } from '../../platform/views/render.ts';
import { accountDataRetention } from '../accounts/data-retention.service.ts';
import { readOrganisationSettings } from '../organisation/organisation-settings.service.ts';
import { PersonalDataPage } from './views/personal-data-page.tsx';

/** `/donnees-personnelles`: what the platform keeps about people and for how long, with the durations it enforces. */
export async function personalDataRoutes(app: FastifyInstance) {
  app.get('/donnees-personnelles', { config: { permission: 'public', cache: 'public' } }, async (request, reply) => {
    const { settings } = await readOrganisationSettings(app.db);
    return sendPage(request, reply, <PersonalDataPage retention={accountDataRetention(app.config.sessionTtlHours)} settings={settings} />);
  });
}
