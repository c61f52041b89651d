import type { FastifyInstance } from 'fastify';
import { sendPage } from '../../platform/views/render.ts';
import { getLabelStatistics } from './statistics.service.ts';
import { StatisticsPage } from './views/statistics-page.tsx';
import { cachePublicPage } from '../../platform/http/cache.ts';

export async function statisticsRoutes(app: FastifyInstance) {
  // An edition that is not a published year is ignored with a notice on the page, not an error.
  app.get('/statistiques', async (request, reply) => {
    const raw = (request.query as Record<string, unknown>).edition;
    const asked = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : null;
    const year = asked !== null && /^\d{4}$/.test(asked) ? Number(asked) : null;
    const statistics = await getLabelStatistics(app.db, year);
    const ignored = asked !== null && statistics.detail?.year !== year ? asked : null;
    cachePublicPage(request, reply);
    return sendPage(request, reply, <StatisticsPage statistics={statistics} ignoredEdition={ignored} />);
  });
}
