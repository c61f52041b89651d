import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvalidInputError } from '../../platform/errors.ts';
import { formBody, formText, lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { authorize } from '../accounts/guard.ts';
import { SETTING_FIELDS, toForm, type SettingField } from './organisation-settings.rules.ts';
import { readOrganisationSettings, updateOrganisationSettings } from './organisation-settings.service.ts';
import { OrganisationAdminPage } from './views/organisation-admin-page.tsx';

/** `?enregistre=1`: the notice after a save. */
const pageQuery = lenientQuery({ enregistre: z.literal('1').optional() });
const settingsForm = formBody(Object.fromEntries(SETTING_FIELDS.map((f) => [f, formText])) as Record<SettingField, typeof formText>);

const ADMIN = { permission: 'organisation.manage', cache: 'private' } as const;

/** /admin/organisation: the admin reads and saves who runs the label and the site. */
export async function organisationRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  app.get('/admin/organisation', { schema: { querystring: pageQuery }, config: ADMIN }, async (request, reply) => {
    authorize(request, 'organisation.manage');
    const { settings, updatedAt } = await readOrganisationSettings(app.db);
    return sendPage(request, reply, <OrganisationAdminPage values={toForm(settings)} updatedAt={updatedAt} saved={request.query.values.enregistre === '1'} />);
  });

  app.post('/admin/organisation', { schema: { body: settingsForm }, config: ADMIN }, async (request, reply) => {
    authorize(request, 'organisation.manage');
    const form = request.body;
    try {
      await updateOrganisationSettings(app.db, request.user, form);
      return reply.redirect('/admin/organisation?enregistre=1', 303);
    } catch (error) {
      if (!(error instanceof InvalidInputError)) throw error;
      const { updatedAt } = await readOrganisationSettings(app.db);
      const values = Object.fromEntries(SETTING_FIELDS.map((f) => [f, form[f] ?? ''])) as Record<SettingField, string>;
      return sendPage(request, reply, <OrganisationAdminPage values={values} errors={error.fields} updatedAt={updatedAt} />, 400);
    }
  });
}
