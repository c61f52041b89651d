import type { FastifyInstance } from 'fastify';
import { sendPage } from '../../platform/views/render.ts';
import { HomePage } from './views/home-page.tsx';
import { territoryDirectoryCounts } from '../territories/directory-counts.service.ts';
import { listPublishedEditions } from '../label/results.service.ts';

export async function homeRoutes(app: FastifyInstance) {
  app.get('/', { config: { permission: 'public', cache: 'public' } }, async (request, reply) => {
    const [counts, editions] = await Promise.all([territoryDirectoryCounts(app.db), listPublishedEditions(app.db)]);
    return sendPage(request, reply, <HomePage counts={counts} latestEdition={editions[0] ?? null} />);
  });
}
