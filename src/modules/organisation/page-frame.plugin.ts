import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { organisationMessages } from './messages.ts';
import { readOrganisationSettings } from './organisation-settings.service.ts';

/** Answers that are no page (files, the JSON API, the badge, the feed): no footer to fill. `/api/docs` is a page. */
const NOT_A_PAGE = /^\/(static|badges|feeds)\/|^\/api\/(v\d+\/|openapi)|^\/healthz$/;

/**
 * Every page's footer says who runs the site and how accessible it is (RGAA): the settings are read
 * before the route (kept a few seconds, see the service) and given to the layout as `pageFrame`.
 */
export const pageFramePlugin = fp(async function pageFrame(app: FastifyInstance) {
  app.decorateRequest('pageFrame', null);
  app.addHook('onRequest', async (request) => {
    if (NOT_A_PAGE.test(request.url)) return;
    const { settings } = await readOrganisationSettings(app.db);
    request.pageFrame = {
      accessibility: organisationMessages.accessibilityLevels[settings.accessibilityLevel],
      organiserName: settings.organiserName,
    };
  });
});
