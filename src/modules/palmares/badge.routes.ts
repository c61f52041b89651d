import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getTerritory } from '../territories/search-territories.service.ts';
import { badgeEtag, describeBadge, renderBadgeSvg } from './badge.rules.ts';
import { etagMatches } from '../../platform/http/page-cache.ts';
import { labelHistoryMessages as m } from './label-history.messages.ts';
import { getTerritoryLabelHistory } from '../label/results.service.ts';
import { readOrganisationSettings } from '../organisation/organisation-settings.service.ts';

/**
 * Other sites show the badge with <img>: it must be loadable from any origin (helmet's
 * same-site resource policy is lifted for this route only), and it changes once a year at most
 * (the `embedded` cache duration; the ETag lets a cache revalidate it cheaply).
 */
const BADGE_HEADERS = {
  'cross-origin-resource-policy': 'cross-origin',
  // An SVG opened on its own is a document: it may load nothing and run nothing.
  'content-security-policy': "default-src 'none'",
};

export async function badgeRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();

  const config = { permission: 'public', cache: { public: 'embedded' } } as const;
  app.get('/badges/:code.svg', { schema: { params: z.object({ code: z.string().max(20) }) }, config }, async (request, reply) => {
    const { code } = request.params;
    const territory = await getTerritory(app.db, code);
    if (!territory) {
      return reply.code(404).type('text/plain; charset=utf-8').send(m.badge.notFound(code));
    }
    // Only published editions: an edition under review never reaches the badge.
    const [history, { settings }] = await Promise.all([getTerritoryLabelHistory(app.db, territory.code), readOrganisationSettings(app.db)]);
    const svg = renderBadgeSvg(describeBadge({ name: territory.name, current: history.current, labelName: settings.labelName }));
    const etag = badgeEtag(svg);
    reply.headers({ ...BADGE_HEADERS, etag }).type('image/svg+xml; charset=utf-8');
    if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.send(svg);
  });
}
