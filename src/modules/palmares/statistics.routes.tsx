import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { lenientQuery } from '../../platform/http/route-input.ts';
import { sendPage } from '../../platform/views/render.ts';
import { getLabelStatistics } from './statistics.service.ts';
import { StatisticsPage } from './views/statistics-page.tsx';

export async function statisticsRoutes(appBase: FastifyInstance) {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  // An edition that is not a published year is ignored with a notice on the page, not an error.
  app.get(
    '/statistiques',
    { schema: { querystring: lenientQuery({ edition: z.string().optional() }) }, config: { permission: 'public', cache: 'public' } },
    async (request, reply) => {
      const raw = request.query.values.edition;
      const asked = raw !== undefined && raw.trim() !== '' ? raw.trim() : null;
      const year = asked !== null && /^\d{4}$/.test(asked) ? Number(asked) : null;
      const statistics = await getLabelStatistics(app.db, year);
      const ignored = asked !== null && statistics.detail?.year !== year ? asked : null;
      return sendPage(request, reply, <StatisticsPage statistics={statistics} ignoredEdition={ignored} />);
    },
  );
}
