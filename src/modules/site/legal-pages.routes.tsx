import type { FastifyInstance } from 'fastify';
import { sendPage } from '../../platform/views/render.ts';
import { getExcellenceParameters, listDistinctions } from '../label/results.service.ts';
import { readOrganisationSettings } from '../organisation/organisation-settings.service.ts';
import { getCurrentReferential } from '../referential/referential.service.ts';
import { AboutPage } from './views/about-page.tsx';
import { AccessibilityPage } from './views/accessibility-page.tsx';
import { ContactPage, LegalNoticePage } from './views/legal-pages.tsx';

// Reference texts, edited a few times a year by the admin: shared caches keep anonymous answers.
const PUBLIC = { permission: 'public', cache: 'public' } as const;

/** The pages a French public site owes: about, contact, legal notice, accessibility statement. */
export async function legalPagesRoutes(app: FastifyInstance) {
  app.get('/a-propos', { config: PUBLIC }, async (request, reply) => {
    const [{ settings }, referential, distinctions, parameters] = await Promise.all([
      readOrganisationSettings(app.db),
      getCurrentReferential(app.db),
      listDistinctions(app.db),
      getExcellenceParameters(app.db),
    ]);
    const excellence = distinctions.find((d) => d.kind === 'excellence');
    return sendPage(
      request,
      reply,
      <AboutPage
        settings={settings}
        axes={referential.axes}
        mentions={distinctions.filter((d) => d.kind !== 'excellence')}
        excellence={excellence ? { name: excellence.name, parameters } : null}
      />,
    );
  });

  app.get('/contact', { config: PUBLIC }, async (request, reply) =>
    sendPage(request, reply, <ContactPage settings={(await readOrganisationSettings(app.db)).settings} />),
  );

  app.get('/mentions-legales', { config: PUBLIC }, async (request, reply) =>
    sendPage(request, reply, <LegalNoticePage settings={(await readOrganisationSettings(app.db)).settings} />),
  );

  app.get('/accessibilite', { config: PUBLIC }, async (request, reply) =>
    sendPage(request, reply, <AccessibilityPage settings={(await readOrganisationSettings(app.db)).settings} siteUrl={app.config.baseUrl} />),
  );
}
